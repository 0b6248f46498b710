"""Whether a comment voices support for the people it names: "Refugees deserve to feel safe", "I
stand with trans people", « Les handicapés devraient pouvoir vivre sans peur ».

Why: the models read safety, fear and rights next to a group's name as the talk of threats and
hate. stack-v7 and stack-v8 held "Muslims should be able to live without fear", « Les juifs
méritent de se sentir en sécurité dans leur quartier » (toxicity and identity_attack) and "I stand
with refugees" (the threat head at the group bar). A phrase of support is only read as such when it
is not negated ("don't deserve to feel safe", « ne méritent pas ») and not asked ("Do they deserve
respect?"); the policy then lets the model's scores hold such a comment only at their remove bars,
and only when it says nothing abusive in its own voice (moderation/policy.py).
"""

from __future__ import annotations

import re

from moderation.text.sentences import ends_in_question, sentence_start

_SUPPORT = re.compile(
    r"(?<![^\W_])(?:"
    # English
    r"deserves? (?:to (?:feel safe|be safe|live (?:in peace|without fear|safely|freely|with dignity)|be treated "
    r"(?:equally|with respect|with dignity|fairly)|be protected|be heard|"
    # "deserve to marry whoever they choose" (2026-12-06, seventh session)
    r"(?:marry|love|date) (?:whoever|whomever|who) they (?:choose|want|like|love)|be happy|be themselves)|"
    # what is owed to anyone: "deserve the same respect and fair treatment as anyone else" (2026-12-06)
    r"(?:the same |equal |full |basic |every |our |a )?(?:respect|dignity|rights|treatment|fair treatment|"
    r"protection|opportunities|opportunity|chances?|support|compassion|kindness|sympathy|help|safety|justice|"
    r"fair (?:hearing|chance|trial|shot|go)|voice|safe home|decent (?:life|home|treatment))|"
    r"our (?:support|thanks|respect|protection)|better)|"
    r"(?:should|must|ought to) be (?:able|free|allowed) to live(?: (?:in peace|without fear|safely|freely|openly))?|"
    r"(?:should|must|ought to) (?:feel safe|be safe|live without fear|be treated (?:equally|with respect|with dignity))|"
    r"(?:have|has) (?:(?:exactly|just|precisely|absolutely|got) )?(?:the same|equal|every|as much|a) rights?|"
    # what no one should have to bear: "Women should not have to put up with abuse on the bus", "No one
    # should have to live in fear" (2026-12-07, eighth session)
    r"(?:(?:should not|shouldn't|shouldnt|should never|must not|mustn't) (?:ever )?(?:have to|need to)|"
    r"(?:no one|nobody|no (?:\w+ )?(?:person|woman|man|child|kid|family|one)) should (?:ever )?(?:have to|need to)) "
    r"(?:put up with|live (?:with|in fear)|face|endure|suffer|deal with|fear|hide)|"
    r"(?:i|we) (?:stand|am standing|are standing) (?:with|by|in solidarity with|up for)|"
    # sympathy with victims, judging no one for who they are (2026-12-07, eighth session)
    r"(?:my|our) (?:thoughts|hearts?|prayers) (?:are|go|goes) (?:out )?(?:with|to)|"
    r"thinking of (?:the victims|their families|them|the families|everyone affected)|"
    r"sending (?:love|strength|solidarity|hugs|support|our love|my love|thoughts) (?:to|and \w+ to)|"
    # help and a voice given to them: « une asso qui aide les X », "a charity that supports X", « Le
    # documentaire donne enfin la parole aux X eux-mêmes » (held at the group bar; 2026-12-07, ninth session)
    r"(?:asso|assos|association|associations|ong|collectif|charity|charities|organi[sz]ation|volunteers?|b[ée]n[ée]voles?) "
    r"(?:qui|that|who|which) (?:aide|aident|soutient|soutiennent|accompagne|accompagnent|d[ée]fend|d[ée]fendent|"
    r"helps?|supports?|works? with|campaigns? for)|"
    r"(?:donn(?:e|ent|er|era|eront|ait|é)|redonn\w*|rendre) (?:enfin |aussi |)la parole (?:aux|[àa])|"
    r"(?:gives?|giving|gave) (?:a )?voice to|"
    r"(?:belong|belongs) (?:here|in this country|in (?:our|this) (?:town|city|community|country|street))|"
    r"(?:ont|a) (?:toute |pleinement |bien |)leur place (?:ici|parmi nous|en france|dans ce pays|chez nous)|"
    r"(?:sont|est) (?:ici |)chez (?:eux|elles|lui|elle)(?: ici)?(?: autant| comme)|"
    # one of everyone: "Women get married, raise children and worry about the school run just like
    # everyone else", « ... comme tout le monde », ending its sentence (not "learn to use a phone like
    # everyone else, grandpa", nor "like everyone else says")
    r"(?:just|exactly) like (?:everyone|everybody|anyone|anybody|the rest of us)(?: else)?(?=\s*(?:[.!]|$))|"
    # the ordinary duties of anyone: "X pay their taxes like everyone else" (toxicity 0.72; 2026-12-07,
    # fourteenth session)
    r"(?<!should )(?<!must )(?<!to )(?<!shall )(?:pay|pays|paid|paying) (?:their |his |her |our )?(?:taxes|tax|bills|rent|national insurance)(?: [\w']+){0,4}? "
    r"(?:like|as much as|just as much as) (?:everyone|everybody|anyone|anybody|the rest of us|you and me|you and i)"
    r"(?: else)?(?=\s*(?:[.!]|$))|"
    r"comme tout le monde(?=\s*(?:[.!]|$))|"
    r"(?:should|must|ought to) be allowed to (?:work|stay|vote|marry|live|worship|study|pray|adopt|serve)|"
    r"(?:never|shouldn't|should not|should never|don't|do not|mustn't|must not|can't|cannot) judge (?:someone|anyone|"
    r"people|a person|an? [\w-]+(?: [\w-]+)?|[\w-]+) (?:for|by|on) (?:who they are|what they are|being|their (?:faith|"
    r"religion|skin|race|sexuality|identity|origins?|background)|the colou?r of)|"
    r"(?:je suis|nous sommes|on est) (?:de tout c(?:œ|oe)ur|pleinement|enti[èe]rement|totalement) avec|"
    r"(?:mes|nos) pens[ée]es (?:vont|sont) (?:aux|[àa]|avec)|"
    r"(?:on ne (?:devrait|doit)|il ne faut|il ne faudrait|faut pas|on devrait pas|on doit pas) (?:jamais |pas )?juger "
    r"(?:quelqu'un|personne|les gens|une? [\w-]+(?: [\w-]+)?|les [\w-]+(?: [\w-]+)?) (?:sur|pour|[àa]|d'apr[èe]s) "
    r"(?:ce qu'(?:il|elle|ils|elles) (?:est|sont)|sa (?:religion|couleur|foi|origine)|son (?:origine|handicap|orientation)|"
    r"leur (?:religion|couleur|foi|origine|handicap|orientation)|la couleur)|"
    r"(?:solidarity|standing) with|"
    # comments about them condemned: "Some of the comments here about X are disgraceful", « Certains
    # commentaires ici sur les X sont honteux »
    r"comments (?:here |on this (?:page|article|thread|site) |below |in this thread )?(?:about|on|against|aimed at) "
    r"[^.!?\n]{1,40}? (?:are|were) (?:\w+ )?(?:disgraceful|vile|shameful|disgusting|appalling|sickening|hateful|a disgrace|"
    r"racist|bigoted|horrible|awful|revolting)|"
    r"commentaires (?:ici |sous cet article |de ce fil )?(?:sur|contre|visant|[àa] propos des?) [^.!?\n]{1,40}? sont "
    r"(?:\w+ )?(?:honteux|ignobles|d[ée]go[ûu]tants|[ée]c[œo]e?urants|racistes|haineux|une honte|r[ée]voltants|"
    r"lamentables|affligeants)|"
    r"(?:are|is) (?:welcome here|always welcome)|"
    # one of us: "Roma are people like the rest of us", « Les handicapés sont des gens comme les autres »
    # (threat 0.55-0.74 at the group bar; 2026-12-06, seventh session)
    r"(?:are|is) (?:just )?(?:people|human beings|humans|ordinary people|normal people|citizens|neighbou?rs) (?:just )?"
    r"like (?:the rest of us|"
    r"everyone else|everybody else|you and me|you and i|us|anyone else)|"
    r"(?:sont|est) (?:juste |simplement )?des (?:gens|personnes|[êe]tres humains|humains|citoyen(?:ne)?s|voisin(?:e)?s) "
    r"comme (?:les autres|tout le monde|"
    r"vous et moi|nous|toi et moi)|"
    # "There's absolutely nothing wrong with being trans" (toxicity 0.66; 2026-12-06, seventh session)
    r"(?:there's|there is|there was|is|'s) (?:absolutely |really |simply |just )?nothing wrong with being|"
    r"(?:il n'y a|y a|il y a) (?:absolument |vraiment )?rien de (?:mal|honteux|anormal) (?:[àa]|a) [êe]tre|"
    r"(?:are|is) (?:just|every bit|equally|no less) (?:as )?(?:capable|smart|intelligent|talented|good|able|skilled|"
    r"hard-?working|deserving|human|valuable)(?: as)?|"
    r"(?:we|you|they) need (?:more|many more|a lot more) [^.!?\n]{1,40}? (?:in|on|at|into) (?:parliament|congress|"
    r"government|politics|the (?:boardroom|cabinet|police|senate|house|party|team|newsroom|sciences?|field|job)|science|tech|"
    r"leadership|power|office|sport|medicine|our (?:schools|hospitals|newsrooms|councils))|"
    # French
    r"m[ée]rit(?:e|ent) (?:de (?:se sentir en s[ée]curit[ée]|vivre (?:en paix|sans peur|en s[ée]curit[ée]|dignement|"
    r"librement))|d'[êe]tre (?:prot[ée]g[ée]e?s?|respect[ée]e?s?|trait[ée]e?s? (?:[ée]galement|avec respect|dignement)|"
    r"entendue?s?)|le respect|notre respect|la dignit[ée]|les m[êe]mes droits|notre soutien|mieux|"
    r"(?:le m[êe]me|du|tout notre) respect|(?:un|le m[êe]me) traitement (?:[ée]quitable|digne|[ée]gal)|"
    r"(?:une|sa|leur) chance|les m[êe]mes chances|(?:notre|de l') ?(?:aide|compassion|soutien)|la s[ée]curit[ée]|justice)|"
    r"(?:devraient|doivent|devrait|doit) pouvoir vivre(?: (?:sans peur|en paix|en s[ée]curit[ée]|librement|normalement|"
    r"dignement))?|"
    r"(?:ont|a) (?:exactement |tout autant |autant |bien )?(?:les m[êe]mes droits|droit au respect|droit [àa] la s[ée]curit[ée]|"
    r"(?:tout |parfaitement |bien |aussi )?le droit de (?:vivre|nager|travailler|prier|se marier|voter|exister|"
    r"circuler|s'habiller|[êe]tre l[àa]|[êe]tre ici))|"
    r"personne ne (?:devrait|doit) (?:jamais )?(?:avoir [àa] )?(?:subir|supporter|endurer|vivre dans la peur|craindre)|"
    # a norm against hating them: « Personne ne devrait haïr les X pour ce qu'ils sont », "No one should
    # hate X for who they are" (toxicity 0.61-0.95; 2026-12-07, ninth session)
    r"(?:personne|nul) ne (?:devrait|doit|devrait jamais|doit jamais) (?:ha[ïi]r|d[ée]tester|m[ée]priser|rejeter|discriminer|"
    r"maltraiter|insulter|agresser|harceler|exclure|craindre|avoir peur (?:des?|d'))|"
    # what no one should lose or be refused for being who they are: "Nobody should lose their job just for
    # being a trans person" (toxicity 0.70-0.91; 2026-12-07, ninth session)
    r"(?:no one|nobody|no-one) should (?:ever )?(?:lose (?:their|his|her) (?:job|home|house|place|livelihood)|be (?:denied|refused|"
    r"fired|sacked|turned away|evicted|excluded|shut out|thrown out|kicked out)) [^.!?\n]{0,40}?(?:just |simply |only |purely )?"
    r"(?:for|because of) (?:being|who they are|what they are|their)|"
    r"(?:should not|shouldn't|shouldnt|must not|mustn't|should never) be (?:shut out of|excluded from|banned from|kept out of|"
    r"barred from|turned away from|pushed out of|locked out of|driven out of) (?:public life|work|jobs|school|schools|sport|"
    r"politics|society|the workplace|housing|healthcare|the job market|their communities)|"
    r"personne ne (?:devrait|doit) (?:jamais )?(?:perdre son (?:emploi|travail|logement|boulot)|[êe]tre (?:licenci[ée]e?|"
    r"vir[ée]e?|refus[ée]e?|exclue?|expuls[ée]e?|chass[ée]e?|rejet[ée]e?)) [^.!?\n]{0,40}?(?:parce qu|pour ce qu|du fait d|"
    r"en raison de|pour (?:sa|son|leur))|"
    r"(?:no one|nobody|no-one) (?:should|ought to|has any reason to|needs to) (?:ever )?(?:hate|despise|fear|be afraid of|"
    r"judge|attack|harass|abuse|bully|insult|mistreat|discriminate against|exclude)|"
    r"(?:je suis|nous sommes|on est) solidaires?|solidarit[ée] avec|"
    r"(?:sont|est) (?:les |la |le )?bienvenue?s?|"
    r"(?:sont|est) (?:tout |tout aussi |bien |)aussi (?:capables?|intelligente?s?|dou[ée]e?s?|comp[ée]tente?s?|"
    r"travailleu(?:r|se)s?|humaine?s?|m[ée]ritante?s?) que|"
    r"(?:il faut|faut|on a besoin de|nous avons besoin de) (?:plus|davantage|beaucoup plus) (?:de |d')[^.!?\n]{1,40}? "
    r"(?:au|[àa] l'|[àa] la|dans les?|en) (?:parlement|gouvernement|politique|assembl[ée]e|s[ée]nat|conseil|direction|"
    r"sciences?|entreprise|police|m[ée]decine|postes? de direction)|"
    r"je (?:soutiens|suis avec|suis aux c[ôo]t[ée]s)"
    r")(?![^\W_])", re.IGNORECASE)

# A group defended: leave them be, don't lump them together, respect them, they did nothing ("Leave
# trans people alone.", « Ne mettez pas tous les X dans le même sac », "Without X our hospitals would
# collapse", "X have nothing to do with these attacks"; held on toxicity and identity_attack 0.6-0.97;
# 2026-12-07, fourteenth session). Not when what follows turns it ("Don't lump all X together: the Y
# are even worse", « ..., ils finiront bien par partir »): _DEFENCE_TURNED.
_DEFENCE = re.compile(
    r"(?<![^\W_])(?:"
    r"(?:leave|let) (?:all |the |these |those |our )?[\w-]+(?: [\w-]+)? (?:alone|be|in peace|live in peace)(?=\s*(?:[.!]|$))|"
    r"(?:laisse[zr]?|foute[zr]|fiche[zr]) (?:donc )?(?:les |ces |nos )?[\w-]+(?: [\w-]+)? (?:tranquilles?|en paix)"
    r"(?=\s*(?:[.!]|$))|"
    r"(?:foute[zr]|fiche[zr]) (?:donc )?la paix (?:aux|[àa])|"
    r"(?:(?:don't|do not|never|stop|quit) )?(?:lumping|lump|lumped|tarring|tar|tarred) (?:all |every |the |these |those )?"
    r"[\w-]+(?: [\w-]+)? (?:together|in with|with the same brush)|"
    r"(?:ne (?:mettez|mettons|mets|mettre|met) (?:pas|jamais) |(?:mettre|mettez|mettent|met) )(?:tous |toutes )?(?:les |ces )?"
    r"[\w-]+(?: [\w-]+)? dans le m[êe]me sac|pas d'amalgame|"
    r"(?:you're|you are|people are|they are|they're|stop|quit) confusing [\w-]+(?: [\w-]+)? (?:with|and)|"
    r"(?:vous confondez|arr[êe]te[zr]? de confondre|il ne faut pas confondre|ne confondons pas|faut pas confondre)|"
    r"no more (?:among|in|with|amongst) [^.!?\n]{1,40}? than (?:anywhere else|elsewhere|anyone else|among anyone else|the "
    r"rest of us|in any other group)|"
    r"pas plus (?:chez|parmi) [^.!?\n]{1,40}? (?:qu'ailleurs|que (?:chez |parmi )?les autres|que dans n'importe quel)|"
    r"none of them (?:fits?|matches|match|is like|are like|resembles?) (?:your|the|those|these) (?:stereotypes?|clich[ée]s?|"
    r"descriptions?|caricatures?|prejudices?)|"
    r"(?:aucun|aucune|personne) (?:d'entre eux |d'entre elles )?ne (?:correspond|ressemble) [àa] (?:vos|ces|tes|leurs) "
    r"(?:clich[ée]s|caricatures?|pr[ée]jug[ée]s|descriptions?)|"
    r"without [^.!?\n]{1,40}?,? (?:our|the) [\w-]+(?: [\w-]+)? (?:would|wouldn't|could not|couldn't|would not) (?:collapse|"
    r"fall apart|grind to a halt|function|run|work|survive|close|stop)|"
    r"sans [^.!?\n]{1,40}?, (?:nos|les|notre|la|le) [\w-]+(?: [\w-]+)? (?:ne )?(?:tourneraient|tournerait|fonctionneraient|"
    r"fonctionnerait|s'effondreraient|s'effondrerait|fermeraient|fermerait|s'arr[êe]teraient|s'arr[êe]terait)|"
    r"(?:a (?:bit|little) of|some|show some|more|a little more|a bit more) respect (?:for|towards|to)|"
    r"(?:un peu de|un peu plus de|du|plus de) respect (?:pour|envers|[àa] l'[ée]gard des?)|"
    r"(?:have|has|had) nothing to do with (?:this|these|that|those|the) (?:attacks?|crimes?|violence|murders?|bombings?|"
    r"shootings?|killings?|terror\w*|atrocit\w+)|"
    r"n'(?:ont|a|avaient|avait) rien [àa] voir avec (?:ces|cet|cette|les|l'|la|le|ce) (?:attentats?|attaques?|crimes?|"
    r"violences?|meurtres?|tueries?|terroris\w+|atrocit\w+)"
    r")(?![^\W_])", re.IGNORECASE)
_DEFENCE_TURNED = re.compile(r"(?<![^\W_])(?:worse|worst|the real problem|the problem is|are the problem|die out|get rid|"
                             r"pires?|le vrai probl[èe]me|le probl[èe]me c'est|finiront|partiront|d[ée]gager)(?![^\W_])",
                             re.IGNORECASE)

# Blame refused: "Stop using X as scapegoats", "Every time something goes wrong, people blame X.
# Enough.", "Blame X, as usual.", « Arrêtez de faire des X des boucs émissaires », « À chaque
# problème, on accuse les X » (held on identity_attack 0.6-0.9; 2026-12-07, fourteenth session). Not
# when the blame is then endorsed or moved onto them ("..., and they're right to", « accusez plutôt
# les X »): _BLAME_ENDORSED.
_BLAME_REFUSED = re.compile(
    r"(?<![^\W_])(?:"
    r"scapegoat(?:s|ing|ed)?|boucs? [ée]missaires?|"
    r"(?:stop|quit|enough of|tired of|sick of|fed up with) (?:blaming|demoni[sz]ing|vilifying|attacking|targeting)|"
    r"(?:too|so|very|always) easy to (?:pick on|blame|bash|attack|target|scapegoat|go after)|"
    r"(?:trop|si|tellement|toujours) facile (?:de|d') ?(?:taper sur|s'en prendre [àa]|s'en prendre aux|accuser|bl[âa]mer|"
    r"stigmatiser)|"
    r"(?:arr[êe]t(?:ez|ons|e|er) (?:donc )?|cessez |assez )d'(?:accuser|incriminer|attaquer|stigmatiser)|"
    r"(?:arr[êe]t(?:ez|ons|e|er) (?:donc )?|cessez )de (?:bl[âa]mer|tout mettre sur le dos|stigmatiser|diaboliser|viser)|"
    r"every time (?:something|anything) (?:goes wrong|happens|breaks)[^.!?\n]{0,40}? (?:people|they|everyone|politicians|"
    r"the media|some|you) (?:\w+ )?(?:blame|point (?:the finger )?at)|"
    r"(?:people|they|politicians|the media|some) (?:always |just |simply )?blame [^.!?\n]{1,40}?,? (?:as usual|as always|"
    r"yet again|every single time)|"
    r"(?:blame|blaming) [^.!?\n]{1,40}?,? (?:as usual|as always|yet again)|"
    r"[àa] chaque (?:probl[èe]me|crise|fois que (?:quelque chose|[çc]a) (?:va mal|ne va pas|d[ée]raille))[^.!?\n]{0,40}? on "
    r"(?:accuse|bl[âa]me|s'en prend (?:aux|[àa])|pointe du doigt)|"
    r"on (?:accuse|bl[âa]me|s'en prend [àa]) [^.!?\n]{1,40}?,? comme (?:d'habitude|toujours|d'hab)|"
    # collective blame refused: "Blaming X as a whole for what one man did", « Accuser tous les X
    # pour ce qu'a fait un seul »
    r"(?:blam(?:e|ing)|punish(?:ing)?|judg(?:e|ing)|condemn(?:ing)?|hat(?:e|ing)|demoni[sz](?:e|ing)) [^.!?\n]{1,40}? "
    r"(?:as a whole |collectively |all )?for (?:what|the actions of|the crimes of|the acts of) (?:one|a few|a handful of|"
    r"a single|some|one or two)|"
    r"(?:accuser|punir|juger|condamner|stigmatiser|bl[âa]mer|diaboliser|ha[ïi]r) [^.!?\n]{1,40}? pour (?:ce qu'a fait|ce "
    r"qu'ont fait|les actes d'|les actes de|les crimes d'|les crimes de) (?:un seul|une seule|quelques|une poign[ée]e|un|une)"
    r"(?![^\W_])|"
    # the old panics: "the same panic about X ruining the country", « la même panique autour des X »
    r"(?:same|old|usual|moral) panic (?:about|over)|(?:la m[êe]me|les m[êe]mes|une) (?:panique|paniques) (?:morale )?(?:sur|"
    r"autour des?|[àa] propos des?)"
    r")(?![^\W_])", re.IGNORECASE)
_BLAME_ENDORSED = re.compile(r"(?<![^\W_])(?:rightly|right to|good reason|deservedly|deserve it|earned it|blame them|"
                             r"blame the|juste titre|avec raison|ont raison|m[ée]rit[ée]|plut[ôo]t)(?![^\W_])", re.IGNORECASE)


# What makes a phrase of support say the opposite: a negation just before it ("don't deserve",
# « ne méritent pas », "never be able to live") or after it (« ne méritent pas le respect » is
# caught before; « méritent pas » after a dropped « ne »).
_NEGATION_BEFORE = re.compile(r"(?:n't|(?<![^\W_])(?:not|never|no longer|nobody|no one|ne|n'|jamais|personne|aucun|"
                              r"aucune|plus)(?![^\W_]))[^.!?\n]{0,20}$", re.IGNORECASE)
_PAS_AFTER_VERB = re.compile(r"(?<![^\W_])(?:m[ée]rit(?:e|ent)|sont|est|ont|devraient|doivent) (?:pas|plus|jamais)(?![^\W_])",
                             re.IGNORECASE)
# "Women deserve respect but they should stay in the kitchen": support set up for a "but" is a disclaimer
_BUT_AFTER = re.compile(r"(?<![^\W_])(?:but|however|except|mais|sauf|par contre|cependant|pourvu|tant qu)(?![^\W_])",
                        re.IGNORECASE)


# Praise and congratulation: "Congratulations to the first Black woman elected mayor of the city!",
# "The Christians in my town run the night shelter, credit where it's due", « Bravo à la première
# femme noire élue maire ». The threat head scored them over the group bar (0.17-0.80) and held them.
# Praise is easily sarcastic ("Congratulations to the Muslims for another ..."), so it only keeps the
# threat head's lower group bar from holding; what the other heads read still holds (2026-12-06).
# "good to see", « ça fait plaisir de voir » are left out: they gloat as often as they praise.
_PRAISE = re.compile(
    r"(?<![^\W_])(?:congratulations to|congrats to|well done to|hats off to|kudos to|"
    r"credit where (?:it's|its|it is) due|(?:i'm|i am|we're|we are) (?:so |really |very )?proud of|"
    r"(?:bravo|f[ée]licitations|chapeau) (?:[àa]|aux)|"
    # a review's verdict: "Moving, funny in places and never preachy. Four stars" (2026-12-07)
    r"(?:four|five|4|5) stars|(?:quatre|cinq|4|5) [ée]toiles|(?:highly|strongly|thoroughly) recommend(?:ed)?|"
    r"je (?:vous |le |la |)recommande (?:vivement|chaudement|fortement)|"
    # the best there is: "A Muslim runs the bakery on our high street and honestly it's the best bread in
    # town" (the group bar held it at threat 0.22-0.56; 2026-12-07, eighth session)
    r"(?:is|are|was|were|it's|its|they're|she's|he's|shes|hes) (?:easily |honestly |by far |hands down |probably |"
    r"simply |still |just )?(?:one of )?the (?:best|kindest|nicest|friendliest|finest|loveliest|warmest|most (?:talented|generous|"
    r"helpful|caring|welcoming|brilliant|reliable))|"
    r"(?:c'est|est|sont|[ée]tait) (?:de loin |vraiment |sans doute |clairement |tout simplement )?"
    r"(?:le|la|les|l'une? des|une? des) "
    r"(?:meilleure?s?|plus (?:gentil(?:le)?s?|sympas?|sympathiques?|agr[ée]ables?|accueillante?s?|g[ée]n[ée]reu(?:x|se|ses)|dou[ée]e?s?|serviables?|"
    r"talentueu(?:x|se|ses)))|"
    # more of them somewhere they were few: "Happy to see more Sikh voices on the radio these days" (the
    # group bar held it at threat 0.20-0.43; 2026-12-07, ninth session); "more", then a noun for people
    # or their work, never "fewer" or "gone"
    r"(?:happy|glad|great|good|nice|lovely|wonderful|refreshing|encouraging|pleased|delighted) to see (?:more|so many|many more) "
    r"(?:[\w-]+ ){1,2}(?:voices|faces|people|women|men|kids|children|students|players|athletes|candidates|doctors|nurses|"
    r"teachers|scientists|engineers|writers|authors|artists|characters|role models|representation|leaders|officers|"
    r"judges|mps|politicians|councillors|owners|businesses|families|presenters|journalists|actors|actresses)|"
    r"(?:content|contente|heureux|heureuse|ravie?|fi[èe]re?) de voir (?:plus|davantage|autant|de plus en plus) (?:de |d')(?:[\w'-]+ ){0,2}?"
    r"(?:voix|visages|femmes|hommes|[ée]l[èe]ves|joueu(?:r|se)s|athl[èe]tes|candidate?s|m[ée]decins|infirmi[èe]re?s|"
    r"enseignante?s|chercheu(?:r|se)s|ing[ée]nieur(?:e)?s|[ée]crivain(?:e)?s|artistes|personnages|journalistes|[ée]lue?s|"
    r"dirigeante?s|entrepreneu(?:r|se)s|familles)|"
    # a piece about them praised: « Magnifique portrait de ces X qui font vivre le marché », "Lovely piece about
    # ..." (held at the group bar, threat 0.54-0.57; 2026-12-07, ninth session)
    r"(?:magnifique|beau|superbe|joli|bel|touchant|tr[èe]s beau) (?:portrait|hommage|reportage|article|documentaire)|"
    r"(?:lovely|beautiful|wonderful|great|moving|brilliant|touching) (?:portrait|piece|tribute|profile|article|documentary)|"
    r"(?:je suis|on est|nous sommes) (?:tellement |tr[èe]s |si )?fi[èe]re?s? (?:de|d')"
    r")(?![^\W_])", re.IGNORECASE)


# The group as the one harm is done to: "how Roma are affected by the cuts", « Pourquoi les Roms
# sont-ils autant discriminés dans l'accès au logement ? », "racism against Black players". The
# models read harm words next to a group's name as hate (held on identity_attack or the threat
# head's group bar); asked as a question it is sympathy too (2026-12-06, fourth session).
_HARMED = re.compile(
    r"(?<![^\W_])(?:"
    r"(?:are|were|is|was|been|being|get|gets|got)(?: (?:being|still|often|routinely|disproportionately|unfairly|"
    r"systematically|so|most|more))* (?:discriminated against|affected by|hit hardest by|targeted by|victims of|"
    r"persecuted|harassed|excluded|marginali[sz]ed|under-?represented|under-?paid|left behind|failed by|let down by|"
    r"denied (?:\w+ )?(?:wages|jobs|housing|care|rights|access|justice))|"
    r"(?:discrimination|racism|prejudice|hate crimes?|abuse|violence|attacks?|harassment|bigotry|hostility|assaults?)"
    r"(?: (?!not|never|no)[\w'-]+){0,4}? (?:against|towards|toward|on|faced by|suffered by)|"
    # the odds of harm and the blame put on them: "Gay people are more likely to be bullied at school",
    # "Immigrants are blamed for everything", « Les immigrés sont accusés de tout » (held on toxicity and
    # identity_attack; 2026-12-07, thirteenth session)
    r"(?:more|far more|much more|twice as|three times as|four times as|disproportionately|most) likely to be "
    r"(?:bullied|attacked|harassed|assaulted|killed|murdered|stopped|searched|arrested|jailed|imprisoned|evicted|"
    r"excluded|discriminated against|targeted|abused|insulted|beaten|denied)(?![\W_]+by(?![^\W_]))|"
    r"(?:are|were|is|was|get|gets|got|being)(?: (?:always|often|so often|constantly|routinely|unfairly|still))* "
    r"(?:blamed for everything|blamed for all|scapegoated|made scapegoats|made the scapegoat|demoni[sz]ed|"
    r"stigmati[sz]ed|vilified|bullied)|"
    r"(?:sont|[ée]taient|est|[ée]tait)(?: (?:toujours|souvent|constamment|injustement|encore))* (?:accus[ée]e?s de tout|"
    r"stigmatis[ée]e?s|diabolis[ée]e?s|point[ée]e?s du doigt|montr[ée]e?s du doigt|les boucs [ée]missaires|des boucs "
    r"[ée]missaires|plus (?:souvent )?(?:harcel[ée]e?s|agress[ée]e?s|contr[ôo]l[ée]e?s|attaqu[ée]e?s))|"
    # "X are far more often the victims of violence than ..." (2026-12-07, ninth session)
    r"(?:are|were|is|was|been|being)(?: (?!not|never|no|rarely|seldom|hardly)[\w']+){0,4}? victims of|"
    # what they live with or face: "So many Jews live with hate and the threat of violence every day",
    # "Trans people face abuse every time they leave the house"; and harm done to them for being who
    # they are: "Reading about gay people being killed just for who they are makes me feel sick"
    # (held on toxicity, identity_attack and the threat head's group bar; 2026-12-07, eighth session)
    r"(?:live|lives|living|lived|deal|deals|dealing|cope|copes|coping|put up|puts up|putting up|face|faces|facing|faced|"
    # "shocking that X still get abuse like this" (2026-12-07, ninth session)
    r"get|gets|getting|got|receive|receives|receiving|received|"
    r"endure|endures|enduring|endured|suffer|suffers|suffering|suffered|experience|experiences|experiencing|experienced)"
    r"(?: with)? (?:[\w']+ ){0,3}?(?:hate|hatred|abuse|violence|threats|death threats|racism|discrimination|harassment|"
    r"bigotry|prejudice|slurs|hostility|treatment|mistreatment|insults|attacks|bullying|stigma|suspicion)|"
    # violence attempted, told as news: "A man tried to kill a trans woman in Leeds last night", « Un homme a
    # tenté de tuer un X à Marseille » (held with "my thoughts are with the victim"; 2026-12-07, ninth
    # session); not the speaker's own attempt ("I tried to ...", « j'ai tenté de ... », « on a tenté »)
    r"(?<!\bi )(?<!\bwe )(?:tried|attempted|tries|attempts|trying|attempting) to (?:kill|murder|stab|strangle|drown|burn|"
    r"attack|assault|rape|run over|shoot|lynch|beat)|"
    r"(?<!\bon )(?:a|ont|avait|avaient) (?:tent[ée]|essay[ée]) (?:de |d')(?:tuer|poignarder|agresser|frapper|br[ûu]ler|"
    r"[ée]trangler|noyer|violer|lyncher|tabasser|[ée]craser|abattre|assassiner|attaquer)|"
    r"(?:killed|murdered|attacked|beaten|targeted|harassed|abused|insulted|assaulted|persecuted|hunted|bullied|shot|"
    r"stabbed|lynched|hated|threatened|spat on|beaten up) (?:just |simply |only |purely |solely )?(?:for who they are|"
    r"for being who they are|for what they are|because of who they are|because of (?:their|the colour of their) \w+|"
    r"for (?:their|the colour of their) (?:faith|religion|skin|identity|sexuality|beliefs|accent|name|disability|race))|"
    r"(?:sont|[ée]taient|est|[ée]tait|ont [ée]t[ée]|a [ée]t[ée])(?:-(?:ils|elles))?(?: (?:autant|souvent|encore|plus|si|"
    r"tellement|toujours|davantage|particuli[èe]rement))* (?:discrimin[ée]e?s|victimes d|touch[ée]e?s par|cibl[ée]e?s|"
    r"pers[ée]cut[ée]e?s|harcel[ée]e?s|exclue?s|sous-repr[ée]sent[ée]e?s|sous-pay[ée]e?s|oubli[ée]e?s|"
    r"laiss[ée]e?s pour compte)|"
    r"(?:les )?(?:discriminations?|racisme|pr[ée]jug[ée]s|violences?|agressions?|attaques?|actes|crimes de haine|hostilit[ée])"
    r"(?: (?!pas|jamais|aucune?)[\w'-]+){0,4}? (?:contre|envers|[àa] l'[ée]gard des|subie?s par|visant)|"
    r"(?:vivent|vit|vivre|vivant|subissent|subit|subir|subissant|endurent|endure|affrontent|affronte|font face [àa]|"
    r"fait face [àa]|essuient|essuie) (?:avec |dans )?(?:[\w']+ ){0,3}?(?:haine|peur|menaces?|insultes|injures|"
    r"violences?|racisme|discriminations?|harc[èe]lement|hostilit[ée]|agressions?|crachats)|"
    r"(?:tu[ée]e?s|assassin[ée]e?s|agress[ée]e?s|attaqu[ée]e?s|frapp[ée]e?s|battue?s|insult[ée]e?s|harcel[ée]e?s|"
    r"pers[ée]cut[ée]e?s|cibl[ée]e?s|menac[ée]e?s|discrimin[ée]e?s) (?:juste |simplement |uniquement |seulement )?"
    r"(?:parce qu'(?:ils|elles) sont|pour ce qu'(?:ils|elles) sont|en raison de leur|[àa] cause de leur|"
    r"pour leur (?:foi|religion|couleur de peau|identit[ée]|orientation))"
    r")", re.IGNORECASE)
# harm explained by what the group is said to do: "persecuted because they control the banks"; or
# left for the reader to explain: "Jews are always blamed. Ever wonder why?", « il n'y a pas de fumée
# sans feu » (2026-12-06, sixth session)
# (whole words where a longer word starts with one: "car" in "nobody cares", "since" in "sincere")
_JUSTIFIED = re.compile(r"(?<![^\W_])(?:because|since(?![^\W_])|as they|for being|parce que|parce qu|car(?![^\W_])|vu qu|puisqu|"
                        r"deserve|deserved|earned|asked for it|had it coming|m[ée]rit|cherch[ée]|"
                        r"wonder why|ask yourself|guess why|there'?s a reason|for a reason|no smoke without fire|"
                        r"demandez-vous|demande-toi|pourquoi [àa] votre avis|[àa] votre avis pourquoi|devinez pourquoi|"
                        # the blame endorsed: "... and rightly so", « ... à juste titre » (2026-12-07, thirteenth session)
                        r"rightly|with good reason|for good reason|and so they should|as they should be|[àa] juste titre|"
                        r"[àa] raison|avec raison|et c'est normal|et c'est bien fait|bien fait pour eux|"
                        r"c'est pas pour rien|ce n'est pas pour rien|pas de fum[ée]e sans feu|il y a une raison)", re.IGNORECASE)


# A harm wished, not told: "Gays should get persecuted", "I hope Jews get targeted", « qu'on les voie
# agressés » (the harm words of _HARMED at most three words after a modal or a wish; 2026-12-06, sixth
# session: "Gays should get persecuted." was kept as sympathy). "Would like to read more about how
# women are affected by the cuts" is still told.
_WISHED_BEFORE = re.compile(r"(?<![^\W_])(?:should|shall|must|need to|needs to|ought to|deserve|deserves|deserved|have to|"
                            r"has to|will|would|gonna|going to|let them|hope|hoping|wish|want|wants|can|could|may|might|"
                            r"devraient|devrait|doivent|doit|faut|faudrait|m[ée]ritent|m[ée]rite|vont|va|peuvent|"
                            r"esp[èe]re|souhaite|veux|voudrais|qu'ils soient|qu'elles soient|qu'on)(?![^\W_])(?:\s+[\w'-]+){0,3}\s*$",
                            re.IGNORECASE)


# Glee before a harm told: "I love reading about X being killed for who they are" tells the harm to
# enjoy it (2026-12-07, eighth session).
_GLAD_BEFORE = re.compile(r"(?<![^\W_])(?:love|loved|loving|enjoy|enjoyed|enjoying|glad|happy|pleased|delighted|"
                          r"satisf\w*|good riddance|can'?t wait|lol|lmao|haha\w*|ravie?s?|contente?s?|heureu(?:x|se)|"
                          r"plaisir|jubil\w*|mdr|ptdr)(?![^\W_])", re.IGNORECASE)
_WISHED_OR_GLAD_BEFORE = re.compile(f"{_WISHED_BEFORE.pattern}|{_GLAD_BEFORE.pattern}", re.IGNORECASE)


LOOK_BACK = 120  # characters before a phrase read for its negation or a wish


def voices_support(text: str) -> bool:
    """Whether `text` says, in a statement and without negating it, that people deserve safety,
    respect or rights, or that the speaker stands with them; or tells of harm done to them (asked
    or stated; not negated: "X are not discriminated against" is no sympathy; not wished: "X should
    get persecuted")."""
    return says_support(text) or _tells_harm(text)


def says_support(text: str) -> bool:
    """voices_support without the harm told: a phrase of support said, not negated or asked."""
    return (_stated(_SUPPORT, text) or _stated(_BLAME_REFUSED, text, also_refused=_BLAME_ENDORSED)
            or _stated(_DEFENCE, text, also_refused=_DEFENCE_TURNED))


def told_harm_spans(text: str) -> list[tuple[int, int]]:
    """The spans of the harm `text` tells as done to the people it names, when it tells it as
    voices_support reads it (stated or asked, not negated, wished, enjoyed or justified); else none.
    The words of violence inside them are the harm told, not the comment's own ("being killed just
    for who they are")."""
    return [match.span() for match in _HARMED.finditer(text)] if _tells_harm(text) else []


def _tells_harm(text: str) -> bool:
    return _stated(_HARMED, text, questions=True, also_refused=_JUSTIFIED, refused_before=_WISHED_OR_GLAD_BEFORE)


def voices_praise(text: str) -> bool:
    """Whether `text` praises or congratulates, in a statement and without negating it."""
    return _stated(_PRAISE, text)


def _stated(phrases: re.Pattern, text: str, questions: bool = False, also_refused: re.Pattern | None = None,
            refused_before: re.Pattern | None = None) -> bool:
    """Whether one of `phrases` is said in a statement (or a question, with `questions`), not
    negated, asked, or set up for a "but" (or for what `also_refused` finds after it, or
    `refused_before` just before it in its sentence)."""
    if _PAS_AFTER_VERB.search(text):
        return False
    for match in phrases.finditer(text):
        # the words just before the phrase, in its sentence: a negation ends at most 20 characters
        # before it and a wish three words before it, so the sentence's last LOOK_BACK characters
        # are read, not all of it (a 20,000-character sentence of negated phrases took 0.5 s)
        before = max(sentence_start(text, match.start()), match.start() - LOOK_BACK)
        if _NEGATION_BEFORE.search(text, before, match.start()):
            continue
        if refused_before is not None and refused_before.search(text, before, match.start()):
            return False
        if not questions and ends_in_question(text, match.end()):
            continue  # "Do they deserve respect?" asks
        if _BUT_AFTER.search(text, match.end()) or (also_refused is not None and also_refused.search(text, match.end())):
            return False
        return True
    return False


# Something good denied to the people named: "Black people do not deserve equal rights", "Trans
# people don't deserve to be treated with dignity", « Les immigrés ne méritent pas les mêmes droits
# que nous », "Black people are not as smart as white people". The targeting rules read "<group> don't <verb> ..." as a denial of a claim about the
# group ("immigrants don't steal jobs"); denying them respect, rights or safety is the claim itself
# (moderation/targeting.py). Read on the rules' text: lower case, accents kept or dropped.
_DENIED_GOOD = re.compile(
    r"(?<![^\W_])(?:"
    r"(?:don't|dont|do not|doesn't|doesnt|does not|never|no longer|shouldn't|should not|won't|will never) "
    r"(?:ever |really |even |truly )?(?:deserve|deserves|earn|earned|merit) "
    r"(?:(?:the same|equal|any|basic|full|a) )?"  # "don't deserve the same respect as us" (2026-12-06)
    r"(?:respect|dignity|equal rights|the same rights|any rights|rights|treatment|opportunities|chances?|a voice|a home|"
    r"our (?:support|trust|respect|sympathy|"
    r"help|pity|protection|compassion)|protection|sympathy|compassion|pity|mercy|trust|kindness|"
    r"to (?:feel safe|be safe|live|be treated (?:equally|with respect|with dignity|fairly|as equals|as humans?|like humans?)|"
    r"be protected|be heard|be here|exist|vote|be happy|be respected))|"
    r"m[ée]rit(?:e|ent|eront|eraient) (?:pas|plus|jamais|aucun|aucune|rien) (?:de |d'|du |le |la |les |l'|notre |nos |un |une )?"
    r"(?:m[êe]mes? )?"
    r"(?:respect|dignit[ée]|droits?|m[êe]mes droits|chances?|traitement|soutien|confiance|piti[ée]|protection|compassion|vivre|exister|"
    r"se sentir|[êe]tre (?:prot[ée]g|respect|trait|entendu|heureu|ici|la)|place)|"
    # a worth compared down: "X are not as smart as white people", « pas aussi intelligents que les Blancs »
    r"(?:not|n't|never|pas|jamais) (?:as|so|aussi|si) (?:smart|intelligent|clever|bright|capable|competent|good|honest|"
    r"civili[sz]ed|evolved|advanced|hard-?working|trustworthy|clean|moral|human|intelligente?s?|capables?|dou[ée]e?s?|"
    r"honn[êe]tes?|civilis[ée]e?s?|[ée]volu[ée]e?s?|travailleu(?:r|se)s?|propres?|bonn?e?s?|comp[ée]tente?s?|humaine?s?) "
    r"(?:as|que|qu')"
    r")(?![^\W_])")


def denies_them_something_good(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] (a group, then a negated predicate) denies the group respect, rights,
    safety or sympathy, rather than a derogatory claim about it."""
    return _DENIED_GOOD.search(text, start, min(len(text), end + 40)) is not None
