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
               r"fabricated|made up|invented|fake|a hoax|debunked|a cop-out|misplaced|cowardly|shameful|"
               # what the claim is, named: "Claiming that X are dirty is bigotry, plain and simple"
               r"bigotry|racism|sexism|misogyny|homophobia|transphobia|islamophobia|anti-?semitism|xenophobia|"
               r"ableism|prejudice|hatred|hate|hate speech|ignorance|fear-?mongering|scaremongering|embarrassing|outrageous|"
               r"sickening|silly|dumb|ludicrous|preposterous|misguided|mistaken|unfounded|a lie)")
_VERDICT_FR = (r"(?:faux|fausse|absurde|ridicule|n'importe quoi|des conneries|une connerie|un mensonge|des mensonges|"
               r"un mythe|un clich[ée]|un pr[ée]jug[ée]|raciste|d[ée]bile|stupide|idiot|honteux|ignoble|infond[ée]e?|"
               r"grotesque|une [âa]nerie|des [âa]neries|du d[ée]lire|de la propagande|pas vrai|archi faux|"
               r"compl[èe]tement faux|totalement faux|insultant|d[ée]go[ûu]tant|scandaleux|d[ée]pass[ée]|"
               r"se tromper de cible|se tromper d'ennemi|trop facile|facile|injuste|une erreur|une honte|l[âa]che|"
               r"du racisme|du sexisme|de la misogynie|de l'homophobie|de la transphobie|de l'islamophobie|"
               r"de l'antis[ée]mitisme|de la x[ée]nophobie|du validisme|de la haine|de l'ignorance|du s[ée]ctarisme|"
               r"de la b[êe]tise|de l'intol[ée]rance|des pr[ée]jug[ée]s|g[êe]nant|insultant|aberrant|d[ée]lirant|r[ée]voltant|"
               r"[ée]c[œo]e?urant|lamentable|path[ée]tique)")
# an optional word before a verdict ("is just wrong", "c'est complètement faux"), never a negation:
# "It's not racist to say X are ..." calls nothing false
_WORD = r"(?:(?!(?:not|never|hardly|pas|jamais|plus|nullement)(?![^\W_])(?! (?:only|just|merely|seulement)\b))\w+ )?"
_CLAIM = r"(?P<claim>[^.!?;\n]{3,160}?)"
_CLAIM_ENDS = r"(?=\s*(?:[.!?;,\n]|$))"
# "a Muslim who was violent", « de musulmans qui soient violents »: the claim of "I've never met ..."
_MET_EN = r"(?P<claim>(?:a |an |any |one |a single )?[^.!?;,\n]{2,60}? (?:who|that) (?:was|were|is|are) [^.!?;\n]{2,80}?)"
_MET_FR = (r"(?P<claim>(?:de |d'|un |une |aucune? |des )?[^.!?;,\n]{2,60}? qui (?:soi(?:en)?t|[ée]tai(?:en)?t|est|sont) "
           r"[^.!?;\n]{2,80}?)")
# what tells that a claim was said in mockery, after it
_MOCKED = (r"(?:said (?:by )?every generation|get a grip|give me a break|get real|grow up|do you even (?:read|listen|hear "
           r"yourself)|you can't make this up|vous vous relisez|on croit r[êe]ver|redescende[zs]|soyons s[ée]rieux|on dit "
           r"[çc]a [àa] chaque g[ée]n[ée]ration|c'est [çc]a,? oui)")
# what a comment says after it has told a claim: "They aren't.", « C'est faux. »
_DENIED_AFTER_EN = (r"(?:no,? )?(?:they aren't|they're not|they are not|they really aren't|they never were|they weren't|"
                    r"it's not true|that's not true|it is not true|that is not true|it's false|that's false|not true|"
                    r"false|wrong|nope)(?![\w'])")
_DENIED_AFTER_FR = (r"(?:non,? )?(?:ils ne le sont pas|elles ne le sont pas|c'est faux|ce n'est pas vrai|c'est pas vrai|"
                    r"faux|pas du tout|absolument pas)(?![^\W_])")
_FRAMES = tuple(re.compile(pattern, re.IGNORECASE) for pattern in (
    # "It's nonsense to say (that) <claim>", "it is racist and lazy to claim ..."
    r"(?<![^\W_])(?:it's|it is|its|it was|that's|that is|thats) " + _WORD + _VERDICT_EN + r"(?: and \w+)? to (?:say|claim|"
    r"suggest|pretend|think|believe|assume|imply|insist) (?:that )?" + _CLAIM + r"(?=\s*(?:[.!?;\n]|$))",
    # "It's a myth that <claim>", "It's a lazy stereotype that <claim>"
    r"(?<![^\W_])(?:it's|it is|that's|that is) (?:a |an |just a |just an |only a )?" + _WORD + _WORD + r"(?:myth|lie|"
    r"stereotype|clich[ée]|trope|misconception|falsehood|fallacy|fiction|fantasy|smear) that " + _CLAIM + _CLAIM_ENDS,
    r"(?<![^\W_])(?:c'est|c est|ce n'est qu') (?:un |une )?" + _WORD + r"(?:mythe|mensonge|clich[ée]|pr[ée]jug[ée]|"
    r"fantasme|l[ée]gende|st[ée]r[ée]otype|id[ée]e re[çc]ue)" + r"(?: \w+)? (?:de (?:dire|croire|penser) )?(?:que |qu')"
    + _CLAIM + _CLAIM_ENDS,
    # "The idea that <claim> is wrong"
    r"(?<![^\W_])the ['\"‘“]?(?:idea|notion|claim|myth|lie|stereotype|belief|assumption|suggestion|cliche|cliché|trope|"
    r"fact|story|rumou?r|meme)['\"’”]?(?: [\w']+){0,4}? that "
    + _CLAIM + r",? (?:is|was|has always been|has been|remains) " + _WORD + _WORD + _VERDICT_EN + r"(?![^\W_])",
    # "I was told <claim>. Turned out that was rubbish."
    r"(?<![^\W_])(?:i was (?:told|taught|raised to believe|brought up to believe)|i used to (?:think|believe)|"
    r"people (?:say|claim|think)|they say|we were (?:told|taught)|you often hear|(?:we|they) (?:were|was) (?:told|taught)|"
    r"(?:my|our|his|her) [\w-]+ (?:thought|believed|said|used to say|used to think|always said|told me|told us|taught me|"
    r"taught us)|i(?:'ve| have) heard (?:people|some|it) (?:say|said|claim)) (?:that )?" + _CLAIM
    + r"[.!,;]+ (?:(?:it )?turn(?:s|ed) out|(?:and |but )?(?:that's|that is|that was|it's|it was|which is|which was|"
      r"this is|this was|she was|he was|they were|both were|both are)) "
      + _WORD + _WORD + _VERDICT_EN + r"(?![^\W_])",
    # "Some claim <claim>. The facts say otherwise."
    r"(?<![^\W_])(?:some|some people|many|people|they|politicians|the media|critics|trolls) (?:still |often |always )?"
    r"(?:say|claim|insist|think|believe|argue|suggest|assume) (?:that )?" + _CLAIM + r"[.!,;]+ (?:but )?(?:the (?:facts|data|"
    r"evidence|numbers|statistics|research|studies) (?:say|says|show|shows|prove|proves|suggest|suggests|tell|tells) "
    r"(?:otherwise|the opposite|a different story)|nothing could be further from the truth|reality says otherwise)",
    # "It makes me sick when people say <claim>", "Funny how people assume <claim> without ever asking one"
    r"(?<![^\W_])(?:(?:it )?(?:makes me (?:sick|angry|furious|sad)|drives me (?:mad|crazy|nuts)|infuriates me|disgusts me|"
    r"saddens me|hurts me|bothers me) (?:when|that|to hear|hearing)|(?:funny|amazing|strange|sad|telling|interesting) how) "
    r"(?:people|some people|some|they|you|anyone|folks|someone|so many people) (?:still |just |can )?(?:say|says|claim|claims|"
    r"think|thinks|assume|assumes|decide|decides|believe|believes) (?:that )?" + _CLAIM + _CLAIM_ENDS,
    r"(?<![^\W_])(?:(?:c'est )?(?:dr[ôo]le|fou|triste|incroyable|[ée]trange) comme (?:on|les gens|certains) "
    r"(?:suppose|supposent|pense|pensent|croit|croient|d[ée]cide|d[ée]cident|dit|disent)) (?:que |qu')" + _CLAIM
    + _CLAIM_ENDS,
    # "Blaming <claim: X for the housing crisis> is lazy and untrue"
    r"(?<![^\W_])(?:blaming|scapegoating|demoni[sz]ing|stereotyping|vilifying|smearing|hating|attacking|targeting|"
    r"bashing|mocking|harassing|insulting|pinning (?:it|this|that|everything|the blame) on) " + _CLAIM
    + r",? (?:is|was) " + _WORD + _WORD + _VERDICT_EN + r"(?![^\W_])",
    # « Accuser les X de tous les maux, c'est n'importe quoi »
    r"(?<![^\W_])(?:accuser|rendre responsables?|stigmatiser|diaboliser|blâmer|blamer) " + _CLAIM
    + r",? (?:c'est|c est|est|[ée]tait) " + _WORD + _WORD + _VERDICT_FR + r"(?![^\W_])",
    # « Dire que <claim>, c'est faux », "Saying <claim> is nonsense"
    r"(?:^|(?<=[.!?;:,]\s)|(?<=[.!?;:]))\s*(?:dire|penser|croire|pr[ée]tendre|affirmer) (?:que |qu')" + _CLAIM
    + r"(?:,\s*[^.!?;\n]{0,80}?)?,? (?:c'est|c est|est|[ée]tait) " + _WORD + _WORD + _VERDICT_FR + r"(?![^\W_])",
    r"(?:^|(?<=[.!?;:]\s)|(?<=[.!?;:]))\s*(?:saying|claiming|to say|to claim) (?:that )?" + _CLAIM
    + r",? (?:is|was) " + _WORD + _WORD + _VERDICT_EN + r"(?![^\W_])",
    # "So much for 'X only look after their own'", with the stereotype in quotation marks
    r"(?<![^\W_])so much for (?:the idea that |the claim that |the myth that |)['\"‘“«]\s*" + _CLAIM + r"\s*['\"’”»]",
    # « C'est absurde de dire que <claim> »
    r"(?<![^\W_])(?:c'est|c est|ce serait|c'[ée]tait|il est|il serait|il [ée]tait) " + _WORD + _VERDICT_FR + r" de (?:dire|"
    r"penser|croire|pr[ée]tendre|affirmer|laisser entendre|sugg[ée]rer|insinuer|supposer) (?:que |qu')" + _CLAIM + r"(?=\s*(?:[.!?;\n]|$))",
    # « L'idée que <claim> est fausse »
    r"(?<![^\W_])l'(?:id[ée]e|affirmation|image|clich[ée]) (?:selon laquelle |que |qu')" + _CLAIM
    + r",? (?:est|[ée]tait|reste) " + _WORD + _WORD + _VERDICT_FR + r"(?![^\W_])",
    # « On m'a appris que <claim>. C'est faux. »
    r"(?<![^\W_])(?:on (?:m'|nous )a (?:appris|dit|toujours dit|r[ée]p[ée]t[ée]|enseign[ée])|j'ai longtemps cru|je croyais|"
    r"on dit|on entend|(?:mon|ma|mes) [\w-]+ (?:pensai(?:en)?t|croyai(?:en)?t|disai(?:en)?t|r[ée]p[ée]tai(?:en)?t)) "
    r"(?:que |qu')" + _CLAIM + r"[.!,;]+ (?:en fait,? |et |mais )?(?:(?:c'est|c'[ée]tait|c est) " + _WORD + _VERDICT_FR
    + r"|(?:il|elle|ils|elles) (?:avai(?:en)?t|ont|a) tort)(?![^\W_])",
    # « Certains affirment que <claim>. Les faits disent le contraire. »
    r"(?<![^\W_])(?:certains|beaucoup|les gens|on|ils|des gens) (?:disent|affirment|pr[ée]tendent|pensent|croient|dit|"
    r"affirme|pr[ée]tend|pense|croit) (?:que |qu')" + _CLAIM + r"[.!,;]+ (?:mais )?(?:les (?:faits|chiffres|donn[ée]es|"
    r"[ée]tudes|statistiques) (?:disent|montrent|prouvent) (?:le contraire|l'inverse|autre chose)|rien n'est plus faux|la "
    r"r[ée]alit[ée] est tout autre)",
    # "I used to think <claim>, but I was wrong", "I thought <claim> until I met some"
    r"(?<![^\W_])(?:i used to (?:think|believe)|i once (?:thought|believed)|i always (?:thought|assumed)|i (?:thought|believed|"
    r"assumed)|i was (?:told|taught|raised to (?:think|believe)|brought up to (?:think|believe))|growing up,? i (?:thought|"
    r"believed)) (?:that )?" + _CLAIM + r"[,.;!]*\s*(?:but |and |until |then |\.\.\. ?)?(?:i was (?:so |completely |totally |"
    r"dead |very )?wrong|i was mistaken|how wrong i was|boy,? was i wrong|i know better now|i actually met|i met (?:some|one|"
    r"a few|them)|i got to know|i learned otherwise|i learnt otherwise)(?![^\W_])",
    # « Avant je pensais que <claim>, mais je me trompais », « ... jusqu'à ce que j'en rencontre »
    r"(?<![^\W_])(?:avant,? (?:je pensais|je croyais)|je (?:pensais|croyais)|j'ai longtemps (?:cru|pens[ée])|j'ai (?:grandi|"
    r"[ée]t[ée] [ée]lev[ée]e?) en (?:croyant|pensant)) (?:que |qu')" + _CLAIM + r"[,.;!]*\s*(?:mais |et |puis |\.\.\. ?)?"
    r"(?:je me trompais|j'avais tort|je me suis tromp[ée]e?|quelle erreur|jusqu'à ce que j'en (?:rencontre|croise)|"
    r"j'ai appris à les connaître)(?![^\W_])",
    # "There is no evidence that <claim>", "Nothing suggests <claim>"
    r"(?<![^\W_])(?:there(?:'s| is| was) (?:no|zero|not a shred of|not a single piece of|not any|not one bit of) (?:evidence|"
    r"proof|data|reason to (?:think|believe|say))|nothing (?:suggests|shows|proves|indicates)|no (?:study|research|data) "
    r"(?:has ever )?(?:shows?|shown|proves?|proven|suggests?)|it has never been (?:shown|proven|proved|demonstrated)) "
    r"(?:that )?" + _CLAIM + _CLAIM_ENDS,
    r"(?<![^\W_])(?:(?:il n'y a )?aucune (?:preuve|[ée]tude|donn[ée]e|raison de (?:croire|penser))|rien ne (?:prouve|montre|"
    r"indique|permet de dire)|aucune [ée]tude ne (?:montre|prouve)|personne n'a jamais (?:prouv[ée]|montr[ée])) (?:que |qu')"
    + _CLAIM + _CLAIM_ENDS,
    # "Anyone who thinks <claim> has never met one", "People who say <claim> are idiots"
    r"(?<![^\W_])(?:anyone|anybody|people|those|whoever|folks|the people|someone) (?:who |that )?(?:still |seriously |"
    r"honestly |really )?(?:thinks?|says?|believes?|claims?) (?:that )?" + _CLAIM + r",? (?:(?:has|have|had) never (?:met|"
    r"known|spoken to|talked to|actually met|worked with)|(?:is|are) (?:an? |just an? |simply an? )?(?:idiots?|bigots?|"
    r"racists?|fools?|morons?|ignorant|wrong|deluded|misinformed|kidding (?:themselves|himself|herself))|needs? to (?:get "
    r"out more|meet|open|read|travel|talk)|should be ashamed)(?![^\W_])",
    r"(?<![^\W_])(?:ceux|celles|les gens|quiconque|celui|celle) (?:qui )?(?:pensent|pense|disent|dit|croient|croit|affirment|"
    r"pr[ée]tendent|s'imaginent) (?:encore )?(?:que |qu')" + _CLAIM + r",? (?:n'en (?:ont|a) jamais (?:rencontr[ée]|crois[ée]|"
    r"connu)|n'(?:ont|a) jamais (?:rencontr[ée]|parl[ée]|connu)|(?:sont|est) (?:des |un |une )?(?:idiots?|imb[ée]ciles?|"
    r"ignorants?|ignorantes?|racistes?|abrutis?)|se trompent|se trompe|devraient avoir honte|devrait avoir honte)(?![^\W_])",
    # "Why do people still pretend <claim>? They aren't.", "My uncle says <claim>. Not true."
    r"(?<![^\W_])(?:(?:why|how) (?:do|does|can|could) (?:people|some people|some|they|you|anyone|so many people|he|she|"
    r"politicians|the media) (?:still |even |keep |continue to )?(?:pretend|claim|say|think|believe|insist|act like|act as "
    r"if)|(?:people|they|some|some people|politicians|the media|my \w+|everyone|everybody) (?:keep |still |always )?"
    r"(?:pretend|pretending|says?|saying|claims?|claiming|insists?|insisting|tells? me|telling me)|(?:i'm|i am|we're|we "
    r"are) (?:tired|sick) of hearing|(?:i|we) keep hearing|you (?:often |always )?hear) (?:that )?" + _CLAIM
    + r"[.!?;,]+\s*" + _DENIED_AFTER_EN,
    r"(?<![^\W_])(?:pourquoi (?:certains|les gens|on|ils|tant de gens) (?:font |continuent de |continuent à )?(?:encore )?"
    r"(?:croire|dire|pr[ée]tendre|penser|r[ée]p[ée]ter)|(?:certains|les gens|on|ils|mon \w+|ma \w+) (?:nous )?(?:dit|disent|"
    r"pr[ée]tend|pr[ée]tendent|r[ée]p[ée]te|r[ée]p[ée]tent|raconte|racontent)|j'en ai (?:marre|assez|ras le bol) "
    r"d'entendre|on entend (?:souvent|encore|partout)) (?:que |qu')" + _CLAIM
    + r"[.!?;,]+\s*" + _DENIED_AFTER_FR,
    # "I refuse to believe <claim>", « Je refuse de croire que <claim> »
    r"(?<![^\W_])(?:i refuse to (?:believe|accept)|i(?:'ll| will) never believe|i never believed|i don't believe for a "
    r"(?:second|minute|moment)) (?:that )?" + _CLAIM + _CLAIM_ENDS,
    r"(?<![^\W_])(?:je refuse de (?:croire|penser|admettre)|je ne croirai jamais|je n'ai jamais cru|je ne crois pas une "
    r"(?:seconde|minute)) (?:que |qu')" + _CLAIM + _CLAIM_ENDS,
    # sarcasm: "Oh yes, X are coming to steal our jobs... said every generation ever", « Ah oui, bien sûr,
    # <claim>. Vous vous relisez parfois ? », "Yes, because X are obviously behind every pothole"
    r"(?:^|(?<=[.!?]\s))(?:oh |ah )?(?:yes|yeah|sure|right|oui)[,! ]+(?:(?:of course|because|bien s[ûu]r|c'est [çc]a)[,! ]+)?"
    + _CLAIM + r"(?:\.{2,}|…|[.!?;,])\s*[^\n]{0,60}?(?<![^\W_])" + _MOCKED + r"(?![^\W_])",
    r"(?:^|(?<=[.!?]\s))(?:oh |ah )?(?:yes|yeah|sure|right|oui)[, ]+(?:because|of course|bien s[ûu]r|parce que)[, ]+(?P<claim>"
    r"[^.!?;\n]{0,60}?(?<![^\W_])(?:obviously|clearly|totally|of course|[ée]videmment|forc[ée]ment|bien s[ûu]r)(?![^\W_])"
    r"[^.!?;\n]{1,80}?)" + _CLAIM_ENDS,
    # "Remind me how X are 'destroying' the country?", « Rappelez-moi comment les X « détruisent » le pays ? »
    r"(?<![^\W_])(?:remind me (?:again )?how|rappelez-moi (?:donc |encore )?(?:comment|en quoi)) " + _CLAIM + _CLAIM_ENDS,
    # "I've never met a Muslim who was violent", « Je n'ai jamais rencontré de X qui soient ... »
    r"(?<![^\W_])(?:i(?:'ve| have)? never (?:once |ever )?(?:met|known|seen|come across|encountered|worked with)|not once "
    r"(?:in my (?:life|\w+ years) )?(?:have|did) i (?:ever )?(?:meet|met|see|seen|know|known|come across|encounter(?:ed)?|work(?:ed)? with)|i(?:'ve| "
    r"have) yet to (?:meet|see|come across)) " + _MET_EN + _CLAIM_ENDS,
    r"(?<![^\W_])(?:je n'ai jamais (?:rencontr[ée]|vu|connu|crois[ée])|jamais (?:de ma vie |en \w+ ans )?je n'ai "
    r"(?:rencontr[ée]|vu|connu|crois[ée])|je n'ai pas encore (?:rencontr[ée]|vu|crois[ée])) " + _MET_FR + _CLAIM_ENDS,
))
# A claim of worth, rights or harm suffered: calling it false is the hate ("It's a lie that Jews were
# persecuted", "the idea that women are as smart as men is nonsense")
_KIND = re.compile(
    r"(?<![^\W_])(?<!less )(?<!moins )(?<!sub )(?<!sub-)(?<!less than )(?:human|humans|humane|people like|equal|equals|normal|smart|intelligent|clever|bright|honest|decent|good|"
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


# A claim of worth whose denial is the hate itself ("There is no evidence that Jews are human", "I've
# never met a refugee who was grateful", "I used to think Muslims were peaceful, until I met some"):
# narrower than _KIND, which also keeps out claims of safety, rights or belonging, whose denial can be
# a lament ("It's a myth that trans people are safe in prison").
_WORTH = re.compile(
    r"(?<![^\W_])(?<!less )(?<!moins )(?<!sub )(?<!sub-)(?<!less than )(?:human|humans|equal|equals|normal|smart|"
    r"intelligent|clever|bright|honest|decent|kind|peaceful|hard-?working|capable|trustworthy|innocent|brilliant|"
    r"talented|civili[sz]ed|moral|harmless|grateful|thankful|sane|tolerant|competent|law-?abiding|loyal|"
    r"persecuted|genocide|holocaust|"
    r"humaine?s?|[ée]gaux|[ée]gales?|normaux|normales?|intelligente?s?|honn[êe]tes?|pacifiques?|travailleu(?:r|se)s?|"
    r"capables?|innocente?s?|civilis[ée]e?s?|inoffensi(?:f|fs|ve|ves)|reconnaissante?s?|sains? d'esprit|tol[ée]rante?s?|"
    r"comp[ée]tente?s?|loyale?s?|loyaux|pers[ée]cut[ée]e?s?|g[ée]nocide|shoah)(?![^\W_])", re.IGNORECASE)


# A stereotype called one, even a flattering one, says the generalisation is wrong, not that the group
# lacks the quality: "It's a lazy stereotype that Asians are smart" is a refutation, not derogation;
# nor is worth generalised ("It's nonsense to say they're ALL hard-working") denied to the group.
_STEREOTYPE_WORDS = r"stereotyp\w*|clich[ée]s?|tropes?|generali[sz]\w*|g[ée]n[ée]ralis\w*"
_STEREOTYPE = re.compile(r"(?<![^\W_])(?:" + _STEREOTYPE_WORDS + r")(?![^\W_])", re.IGNORECASE)
_GENERALISED = re.compile(r"(?<![^\W_])(?:" + _STEREOTYPE_WORDS + r"|all|always|naturally|necessarily|tous|toutes|toujours|"
                          r"naturellement|forc[ée]ment)(?![^\W_])", re.IGNORECASE)

# Worth claimed by comparison is one group set above another ("men are more capable than women",
# "only Europeans are civilised"): calling that false is no derogation of either.
_COMPARED = re.compile(r"(?<![^\W_])(?:than|more|most|better|superior|only|plus|mieux|sup[ée]rieur(?:e|s|es)?|seul(?:e|s|es)?|"
                       r"seulement|que nous|que les|qu'eux)(?![^\W_])", re.IGNORECASE)


def _claims(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, the whole frame's text, the claim's text) of each claim a frame calls false."""
    return [(*match.span("claim"), match.group(0), match.group("claim"))
            for frame in _FRAMES for match in frame.finditer(text)]


def refutations(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(refuted claims, worth denied), from one reading of the frames.

    Refuted claims: the spans of the claims `text` calls false, except claims of worth, rights or
    harm suffered (unless called a stereotype) and claims with a negation of their own (see the
    module's docstring). Worth denied: the spans of the claims of worth (or of persecution suffered)
    that `text` calls false, with no negation of their own, neither generalised nor made by
    comparison: the frame that refutes a slander denies a group its worth when it frames praise
    ("There is no evidence that Jews are human")."""
    refuted, denied = [], []
    for start, end, frame, claim in _claims(text):
        if _NEGATION.search(claim):
            continue
        worth = _WORTH.search(claim)
        if not (_KIND.search(claim) or worth) or _STEREOTYPE.search(frame):
            refuted.append((start, end))
        if worth and not (_GENERALISED.search(frame) or _COMPARED.search(claim)):
            denied.append((start, end))
    return refuted, denied
