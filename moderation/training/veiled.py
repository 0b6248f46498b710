"""Veiled threats: menace without a violent verb, and the harmless sentences that share their words.

Why: stack-v3's threat head learned intent from grammars built on violent verbs (written.py), and
it does not see "I know where you live", "your family will pay for this", "enjoy your last
weekend" or "a can of petrol and a match, and no more X": an independent threat suite
(bench/data/dev/threats_*.jsonl, written later by someone who had not seen the grammars) found it
kept about half of such threats (threat score under 0.2). These frames say the same menace in
the ways people veil it: what will happen to you, your body, your home or your family; that we
know where you are; a weapon and your name; a call to attack a gathering. The look-alikes use the
same openings with a harmless end ("I know where you live, I'll drop the book off Monday";
"You'll regret missing this concert") so the head learns the menace, not the words.

Frames and fillers were written for this, not copied from a dev suite (any composed sentence equal
to a dev case is dropped by written_examples). Train-only, threat head only, like written.py.
"""

from __future__ import annotations

import random
from itertools import product

from moderation.training.datasets import Example

SOURCE = "written_veiled_threats"
PER_LANGUAGE = 1200  # veiled threats per language; every look-alike is kept (they are fewer)

EN_PERSON_VEILED = (
    "I know where you live, {a}.", "We know where you live and we know your routine.", "Watch your back, {a}.",
    "You'd better watch your back from now on.", "You'll regret {writing} this, believe me.",
    "You won't see it coming, {a}.", "Enjoy your last {time}, {a}.", "Sleep well while you still can.",
    "See you soon, {a}. Very soon.", "Your {thing} would burn nicely, just saying.",
    "Nice {thing} you have. Shame if something happened to it.", "My {crew} know what you look like now.",
    "We're coming for you, {a}.", "Your days are numbered, {a}.", "You're a dead man walking.",
    "When I find you, you'll be {hurt}.", "You'll be {hurt} when I'm done with you.",
    "Your family will pay for {this}.", "You'll pay for {this} with your blood.",
    "I've got {weapon} and your address.", "I've got {weapon} with your name on it.",
    "Show your face at {place} again and {consequence}.", "Next time you're at {place}, {consequence}.",
    "Keep {writing} like this and see what happens to you.", "One more {post} like this and {consequence}.",
    "Someone should pay you a visit at {place}. I volunteer.", "I'd pay to see someone put you {hurt_short}.",
    "Let's see how brave you are when I find you at {place}.", "Bring {protection}, you'll need it.",
)
EN_GROUP_VEILED = (
    "{weapon_cap}, a crowd of {t}, problem solved.", "A can of petrol and a match, and no more {t} on my street.",
    "One bomb at {gathering} would clean up this town.", "Somebody should drive a van into {gathering}.",
    "{T} will learn the hard way, we've got {weapon_plain}.", "It's open season on {t}, grab your {weapon_plain}.",
    "{T} will pay with their blood.", "Let the lads sort {t} out the old way.", "{T} won't be safe here much longer.",
    "If {t} move onto my street, their house burns.", "We know where {t} meet. Saturday, lads.",
    "When it all kicks off, {t} are first against the wall.", "{T} had better stay indoors from now on.",
)
EN_PERSON_LOOKALIKES = (
    "I know where you live, {a}, I'll drop the {item} off on Monday.", "Watch your step, {a}, the floor is wet.",
    "You'll regret missing {event}, it was brilliant.", "Enjoy your last {time} of holiday, {a}!",
    "Sleep well, see you tomorrow.", "See you soon, {a}!", "My {crew} know what you look like now, they'll wave at {place}.",
    "We're coming to {place} on Saturday, save us a seat!", "Your days off are numbered, back to work Monday.",
    "I've got a spare ticket with your name on it.", "Next time you're at {place}, the coffee is on me.",
    "Keep {writing} like this and you'll win an award.", "One more {post} like this and I'm subscribing.",
    "Your family will love {this}.", "Bring {protection_ok}, you'll need it.", "I'd pay to see you play at {place}.",
    "Let's see how you do at {place} next week.", "Nice {thing} you have, where did you get it?",
)
EN_GROUP_LOOKALIKES = (
    "{T} will be safe here, we'll make sure of it.", "We know where {t} meet on Saturdays, we'll bring cake.",
    "{T} should feel at home at {gathering}.", "{T} will be at {gathering}, everyone is welcome.",
)
EN_FILL = {
    "a": ("pal", "mate", "big man", "sweetheart", "buddy", "Mr Editor", "lady", "clown"),
    "writing": ("writing", "posting", "saying"), "time": ("weekend", "summer", "Christmas", "birthday"),
    "thing": ("car", "house", "shop", "flat", "dog", "bike"), "crew": ("boys", "mates", "lads", "friends"),
    "hurt": ("eating through a straw", "in a wheelchair", "in hospital", "in the ground",
             "picking your teeth up off the floor", "unrecognisable"),
    "hurt_short": ("in hospital", "in the ground", "in a wheelchair"),
    "this": ("this article", "what you wrote", "this", "every word"),
    "weapon": ("a gun", "a shotgun", "a knife", "a baseball bat", "a crowbar", "a can of petrol"),
    "place": ("the match", "the pub", "your office", "the station", "the school gates", "the car park"),
    "consequence": ("you won't walk home", "you'll leave in an ambulance", "you won't leave in one piece",
                    "nobody will ever find you"),
    "post": ("article", "comment", "video"), "protection": ("security", "a bodyguard", "the police"),
    "item": ("book", "ladder", "keys", "parcel"), "event": ("the concert", "the final", "the fireworks"),
    "protection_ok": ("an umbrella", "sunscreen", "a jumper", "your ID"),
    "gathering": ("the pride parade", "Friday prayers", "the synagogue", "the next Eid gathering", "the march"),
    "weapon_plain": ("guns", "bats", "steel toe boots", "petrol"),
    "weapon_cap": ("Give me a machine gun", "Give me a rifle", "Give me a truck"),
}
EN_GROUPS = ("Muslims", "Jews", "immigrants", "gay people", "trans people", "Black people", "migrants", "gypsies",
             "refugees", "queers")

FR_PERSON_VEILED = (
    "Je sais où tu habites, {a}.", "On sait où tu habites et à quelle heure tu rentres.", "Fais gaffe à toi, {a}.",
    "Surveille tes arrières à partir de maintenant.", "Tu vas regretter d'avoir {ecrit} ça, crois-moi.",
    "Tu le verras pas venir, {a}.", "Profite bien de ton dernier {temps}, {a}.", "Dors bien tant que tu peux.",
    "À très bientôt, {a}. Très bientôt.", "Ta {chose} brûlerait bien, je dis ça je dis rien.",
    "Jolie {chose}. Ce serait dommage qu'il lui arrive quelque chose.", "Mes {potes} savent à quoi tu ressembles.",
    "On vient te chercher, {a}.", "Tes jours sont comptés, {a}.", "T'es un homme mort.",
    "Quand je te chope, tu vas {mal}.", "Tu vas finir {mal_fin} quand j'en aurai fini avec toi.",
    "Ta famille va payer pour {ca}.", "Tu vas payer {ca} avec ton sang.", "J'ai {arme} et ton adresse.",
    "J'ai {arme} avec ton nom dessus.", "Si je te croise {lieu}, {suite}.", "La prochaine fois {lieu}, {suite}.",
    "Continue à {ecrire} comme ça et tu vas voir ce qui va t'arriver.", "Encore un {post} comme ça et {suite}.",
    "Quelqu'un devrait aller lui rendre une petite visite, je me porte volontaire.",
    "Je paierais pour voir quelqu'un t'envoyer {mal_fin}.", "On verra si tu fais le malin quand je te trouverai.",
    "Préviens {protection}, t'en auras besoin.",
)
FR_GROUP_VEILED = (
    "Un bidon d'essence, une allumette, et plus de {t} dans le quartier.", "Une bombe {rassemblement} et c'est réglé.",
    "Faudrait qu'un camion fonce dans {rassemblement}.", "{T} vont comprendre leur douleur, on a {armes}.",
    "C'est l'ouverture de la chasse {aux_t}, sortez {armes}.", "{T} vont payer avec leur sang.",
    "On va régler le problème {des_t} à l'ancienne.", "{T} ne seront plus en sécurité ici très longtemps.",
    "Si {t} s'installent dans ma rue, leur maison crame.", "On sait où {t} se réunissent. Samedi, les gars.",
    "Le jour où ça pète, {t} seront les premiers contre le mur.", "{T} ont intérêt à rester chez eux maintenant.",
)
FR_PERSON_LOOKALIKES = (
    "Je sais où tu habites, {a}, je passe déposer {objet} lundi.", "Fais gaffe à toi sur la route, {a}, ça glisse.",
    "Tu vas regretter d'avoir raté {evenement}, c'était génial.", "Profite bien de ton dernier {temps} de vacances, {a} !",
    "Dors bien, à demain.", "À bientôt, {a} !", "Mes {potes} savent à quoi tu ressembles, ils te feront signe {lieu}.",
    "On vient te chercher à la gare à 18h.", "Tes jours de congé sont comptés, retour au boulot lundi.",
    "J'ai un billet en trop avec ton nom dessus.", "Si je te croise {lieu}, je t'offre un café.",
    "Continue à {ecrire} comme ça et tu vas gagner un prix.", "Encore un {post} comme ça et je m'abonne.",
    "Ta famille va adorer {ca}.", "Prends {protection_ok}, t'en auras besoin.", "Je paierais pour te voir jouer {lieu}.",
    "Jolie {chose}, tu l'as trouvée où ?",
)
FR_GROUP_LOOKALIKES = (
    "{T} seront en sécurité ici, on y veillera.", "On sait où {t} se réunissent le samedi, on apportera un gâteau.",
    "{T} sont les bienvenus {rassemblement}.",
)
FR_FILL = {
    "a": ("mon gars", "le rageux", "ma belle", "le journaleux", "mon pote", "monsieur le maire", "le clown"),
    "ecrit": ("écrit", "posté", "dit"), "ecrire": ("écrire", "poster", "parler"),
    "temps": ("week-end", "été", "Noël", "anniversaire"), "chose": ("voiture", "maison", "boutique", "moto"),
    "potes": ("potes", "gars", "frères", "cousins"),
    "mal": ("manger avec une paille", "finir à l'hôpital", "ramasser tes dents", "plus marcher droit"),
    "mal_fin": ("à l'hôpital", "entre quatre planches", "en fauteuil roulant", "aux urgences"),
    "ca": ("cet article", "ce que tu as écrit", "ça", "chaque mot"),
    "arme": ("un fusil", "un couteau", "une batte", "une barre de fer", "un bidon d'essence"),
    "lieu": ("au stade", "au PMU", "devant ta rédaction", "à la gare", "devant l'école", "sur le parking"),
    "suite": ("tu rentres pas chez toi entier", "tu repars en ambulance", "tu repars pas sur tes jambes",
              "personne te retrouvera"),
    "post": ("article", "commentaire", "tweet"), "protection": ("la sécurité", "les flics", "ton garde du corps"),
    "objet": ("le livre", "l'échelle", "les clés", "le colis"), "evenement": ("le concert", "la finale", "le feu d'artifice"),
    "protection_ok": ("un parapluie", "de la crème solaire", "un pull", "ta carte d'identité"),
    "rassemblement": ("à la Marche des fiertés", "à la mosquée", "à la synagogue", "au prochain rassemblement",
                      "à la manif"),
    "armes": ("les fusils", "les battes", "les barres de fer", "l'essence"),
}
FR_GROUPS = ("les musulmans", "les juifs", "les immigrés", "les homos", "les trans", "les noirs", "les migrants",
             "les roms", "les arabes", "les réfugiés")


def _compose(frame: str, fill: dict[str, tuple[str, ...]], rng: random.Random, group: str = "") -> str:
    """One sentence from a frame: each slot filled at random, the group slots with `group`."""
    french_group = group.removeprefix("les ")
    values = {key: rng.choice(options) for key, options in fill.items()}
    values.update(t=group, T=group[:1].upper() + group[1:], aux_t=f"aux {french_group}", des_t=f"des {french_group}")
    return frame.format(**values)


def _family(person: tuple[str, ...], group_frames: tuple[str, ...], groups: tuple[str, ...],
            fill: dict[str, tuple[str, ...]], count: int, rng: random.Random) -> list[tuple[str, int]]:
    """About `count` distinct sentences: (text, 1 if aimed at a group)."""
    out: dict[str, int] = {}
    frames = [(f, "") for f in person] + [(f, g) for f, g in product(group_frames, groups)]
    for _ in range(count * 4):
        if len(out) >= count:
            break
        frame, group = rng.choice(frames)
        out.setdefault(_compose(frame, fill, rng, group), int(bool(group)))
    return sorted(out.items())


def veiled_examples(seed: int = 0) -> list[Example]:
    """Veiled threats (threat 1) and their look-alikes (threat 0), English and French, in a fixed order."""
    rng = random.Random(f"veiled-{seed}")
    out: list[Example] = []
    for language, (veiled, group_veiled, lookalikes, group_lookalikes, groups, fill) in {
        "en": (EN_PERSON_VEILED, EN_GROUP_VEILED, EN_PERSON_LOOKALIKES, EN_GROUP_LOOKALIKES, EN_GROUPS, EN_FILL),
        "fr": (FR_PERSON_VEILED, FR_GROUP_VEILED, FR_PERSON_LOOKALIKES, FR_GROUP_LOOKALIKES, FR_GROUPS, FR_FILL),
    }.items():
        source = f"{SOURCE}_{language}"
        threats = _family(veiled, group_veiled, groups, fill, PER_LANGUAGE, rng)
        harmless = _family(lookalikes, group_lookalikes, groups, fill, PER_LANGUAGE * 2 // 3, rng)
        out += [Example(text, language, source, text, {"threat": 1, "toxicity": 1, "identity_attack": group})
                for text, group in threats]
        out += [Example(text, language, source, text, {"threat": 0, "toxicity": 0, "identity_attack": 0})
                for text, _ in harmless]
    return out
