"""Claims about a group that the comment calls false: "It's nonsense to say Jews are behind the rise
in crime", "The idea that Roma are somehow less human is wrong", "Growing up I was told Muslims
couldn't be trusted. Turned out that was rubbish.", « C'est absurde de dire que les X vivent aux
crochets de la société ».

Why: the targeting rules mark a claim as denied only when they know the claim (a pattern of
config/targets finds it, then a negation around it); a claim they do not know, wrapped in a verdict
of falsehood, was read by the models as the claim itself and held (templates8: 40 of 160 English
negated-hate cases, every group). Here the frame alone decides, whatever the claim says, with two
guards, since calling a *kind* claim false is hate ("It's a lie that Jews were persecuted", « c'est
faux de dire que les Noirs sont nos égaux »): the claim may hold no word of worth, rights or harm
suffered (_KIND), and no negation (a double negation affirms: "It's nonsense to say X aren't
criminals"). The models cannot tell the two apart: they scored "Jews are human" 0.98 and "gay people
are normal" 0.98 on identity_attack, as high as the slurs.

The engine turns each refuted claim that names a group into a negated derogation (engine.py
find_targeted_abuse), so the policy reads the comment as a denial (policy._a_denial_is_all_it_says).
"""

from __future__ import annotations

import re

_VERDICT_EN = (r"(?:nonsense|rubbish|a lie|lies|a myth|absurd|ridiculous|wrong|false|untrue|bollocks|garbage|bs|"
               r"bullshit|racist|bigoted|offensive|ignorant|a stereotype|not true|simply not true|just not true|"
               r"baseless|outdated|a racist trope|a trope|unfair|lazy|dangerous|nasty|vile|pathetic|stupid|idiotic|"
               r"laughable|a fantasy|fiction|propaganda|a smear|hateful|ugly|insulting|disgusting|a disgrace|"
               r"fabricated|made up|invented|fake|a hoax|debunked|a cop-out|misplaced|cowardly|shameful)")
_VERDICT_FR = (r"(?:faux|fausse|absurde|ridicule|n'importe quoi|des conneries|une connerie|un mensonge|des mensonges|"
               r"un mythe|un clich[ée]|un pr[ée]jug[ée]|raciste|d[ée]bile|stupide|idiot|honteux|ignoble|infond[ée]e?|"
               r"grotesque|une [âa]nerie|des [âa]neries|du d[ée]lire|de la propagande|pas vrai|archi faux|"
               r"compl[èe]tement faux|totalement faux|insultant|d[ée]go[ûu]tant|scandaleux|d[ée]pass[ée]|"
               r"se tromper de cible|se tromper d'ennemi|trop facile|facile|injuste|une erreur|une honte|l[âa]che)")
_CLAIM = r"(?P<claim>[^.!?;\n]{3,160}?)"
_FRAMES = tuple(re.compile(pattern, re.IGNORECASE) for pattern in (
    # "It's nonsense to say (that) <claim>", "it is racist and lazy to claim ..."
    r"(?<![^\W_])(?:it's|it is|its|it was|that's|that is|thats) (?:\w+ )?" + _VERDICT_EN + r"(?: and \w+)? to (?:say|claim|"
    r"suggest|pretend|think|believe|assume|imply|insist) (?:that )?" + _CLAIM + r"(?=\s*(?:[.!?;\n]|$))",
    # "The idea that <claim> is wrong"
    r"(?<![^\W_])the ['\"‘“]?(?:idea|notion|claim|myth|lie|stereotype|belief|assumption|suggestion|cliche|cliché|trope|"
    r"fact|story|rumou?r|meme)['\"’”]?(?: [\w']+){0,4}? that "
    + _CLAIM + r",? (?:is|was|has always been|has been|remains) (?:\w+ )?(?:\w+ )?" + _VERDICT_EN + r"(?![^\W_])",
    # "I was told <claim>. Turned out that was rubbish."
    r"(?<![^\W_])(?:i was (?:told|taught|raised to believe|brought up to believe)|i used to (?:think|believe)|"
    r"people (?:say|claim|think)|they say|we were told|you often hear) (?:that )?" + _CLAIM
    + r"[.!,;]+ (?:(?:it )?turn(?:s|ed) out|(?:and )?(?:that's|that is|that was|it's|it was|which is|which was)) "
      r"(?:\w+ )?(?:\w+ )?" + _VERDICT_EN + r"(?![^\W_])",
    # "Blaming <claim: X for the housing crisis> is lazy and untrue"
    r"(?<![^\W_])(?:blaming|scapegoating|demoni[sz]ing|stereotyping|vilifying|smearing|hating|attacking|targeting|"
    r"bashing|mocking|harassing|insulting|pinning (?:it|this|that|everything|the blame) on) " + _CLAIM
    + r",? (?:is|was) (?:\w+ )?(?:\w+ )?" + _VERDICT_EN + r"(?![^\W_])",
    # « Accuser les X de tous les maux, c'est n'importe quoi »
    r"(?<![^\W_])(?:accuser|rendre responsables?|stigmatiser|diaboliser|blâmer|blamer) " + _CLAIM
    + r",? (?:c'est|c est|est|[ée]tait) (?:\w+ )?(?:\w+ )?" + _VERDICT_FR + r"(?![^\W_])",
    # « Dire que <claim>, c'est faux », "Saying <claim> is nonsense"
    r"(?:^|(?<=[.!?;:]\s)|(?<=[.!?;:]))\s*(?:dire|penser|croire|pr[ée]tendre|affirmer) (?:que |qu')" + _CLAIM
    + r"(?:,\s*[^.!?;\n]{0,80}?)?,? (?:c'est|c est|est|[ée]tait) (?:\w+ )?(?:\w+ )?" + _VERDICT_FR + r"(?![^\W_])",
    r"(?:^|(?<=[.!?;:]\s)|(?<=[.!?;:]))\s*(?:saying|claiming|to say|to claim) (?:that )?" + _CLAIM
    + r",? (?:is|was) (?:\w+ )?(?:\w+ )?" + _VERDICT_EN + r"(?![^\W_])",
    # "So much for 'X only look after their own'", with the stereotype in quotation marks
    r"(?<![^\W_])so much for (?:the idea that |the claim that |the myth that |)['\"‘“«]\s*" + _CLAIM + r"\s*['\"’”»]",
    # « C'est absurde de dire que <claim> »
    r"(?<![^\W_])(?:c'est|c est|ce serait|c'[ée]tait) (?:\w+ )?" + _VERDICT_FR + r" de (?:dire|penser|croire|pr[ée]tendre|"
    r"affirmer|laisser entendre) (?:que |qu')" + _CLAIM + r"(?=\s*(?:[.!?;\n]|$))",
    # « L'idée que <claim> est fausse »
    r"(?<![^\W_])l'(?:id[ée]e|affirmation|image|clich[ée]) (?:selon laquelle |que |qu')" + _CLAIM
    + r",? (?:est|[ée]tait|reste) (?:\w+ )?(?:\w+ )?" + _VERDICT_FR + r"(?![^\W_])",
    # « On m'a appris que <claim>. C'est faux. »
    r"(?<![^\W_])(?:on m'a (?:appris|dit|toujours dit|r[ée]p[ée]t[ée])|j'ai longtemps cru|je croyais|on dit|on entend) "
    r"(?:que |qu')" + _CLAIM + r"[.!,;]+ (?:en fait,? |et )?(?:c'est|c'[ée]tait|c est) (?:\w+ )?" + _VERDICT_FR + r"(?![^\W_])",
))
# A claim of worth, rights or harm suffered: calling it false is the hate ("It's a lie that Jews were
# persecuted", "the idea that women are as smart as men is nonsense")
_KIND = re.compile(
    r"(?<![^\W_])(?<!less )(?<!sub )(?<!sub-)(?<!less than )(?:human|humans|humane|people like|equal|equals|normal|smart|intelligent|clever|bright|honest|decent|good|"
    r"kind|peaceful|hard-?working|welcome|valuable|capable|real|valid|loyal|trustworthy|innocent|victims?|persecuted|"
    r"discriminated|oppressed|suffer\w*|fleeing|deserve\w*|contribut\w*|belong\w*|safe|rights?|citizens?|brilliant|"
    r"talented|great|fine|love\w*|worth\w*|useful|clean|civili[sz]ed|moral|genocide|holocaust|killed|murdered|"
    r"humaine?s?|[ée]gaux|[ée]gales?|normaux|normales?|intelligente?s?|honn[êe]tes?|gentil(?:le)?s?|pacifiques?|"
    r"travailleu(?:r|se)s?|bienvenue?s?|capables?|vraie?s?|persécut\w*|persecut\w*|discrimin\w*|opprim\w*|m[ée]rit\w*|"
    r"contribu\w*|droits?|citoyen(?:ne)?s?|bien|bons?|bonnes?|propres?|utiles?|g[ée]nocide|shoah|tu[ée]e?s|"
    r"assassin[ée]e?s)(?![^\W_])", re.IGNORECASE)
# what a negation makes of a few verbs is itself the claim: "X can't be trusted", "X won't integrate"
_NEGATION = re.compile(r"(?:n't|(?<![^\W_])(?:not|never|no|nothing|nobody|ne|n'|pas|jamais|aucune?|rien|personne|plus)"
                       r"(?![^\W_]))(?! (?:be trusted|integrate|assimilate|behave|control themselves|fit in)(?![^\W_]))",
                       re.IGNORECASE)


def refuted_claims(text: str) -> list[tuple[int, int]]:
    """The spans of the claims `text` calls false, except claims of worth, rights or harm suffered
    and claims with a negation of their own (see the module's docstring)."""
    found = []
    for frame in _FRAMES:
        for match in frame.finditer(text):
            claim = match.group("claim")
            if not (_KIND.search(claim) or _NEGATION.search(claim)):
                found.append(match.span("claim"))
    return found
