"""Training sentences the project writes itself: threats against people and groups, and their look-alikes.

Why: the labelled data has few threats (Jigsaw's `threat` is positive on well under 1% of the
Wikipedia rows, and nothing in French), so the threat head learned violent WORDS, not violent
INTENT against someone: it missed "they should all be shot" and held "the traffic is killing me".
This module composes sentences from small grammars, per language:

    threat (threat 1, toxicity 1, identity_attack 1 when the target is a group):
        first-person intent, wishes, calls to act, "X should/deserve to be <killed>", "death to X"
    derogation (toxicity 1, identity_attack 1, threat 0): a group + a degrading predicate, "I hate X"
    look-alikes (all 0):
        idioms ("this bill will kill small businesses"), violent verbs on things, news reports of
        violence (victims named, no intent), negated or condemned threats and derogation, good
        wishes and plain statements about a group

The word lists were written for this purpose, not taken from the dev suites (bench/data/dev) or
from any outside test suite; the dev suites' threat and idiom categories stay the measure.
Rows are train-only: they are never in the held-out split and never calibrate a threshold
(a grammar's own sentences would flatter any figure).

Composition is deterministic (seeded sampling of the cross product), so a retrain is
byte-for-byte reproducible.
"""

from __future__ import annotations

import json
import random
import re
from itertools import product
from pathlib import Path

from moderation.scoring.linear_features import preprocess
from moderation.settings import PROJECT_ROOT
from moderation.training.datasets import Example

SOURCE = "written_threats"
# The dev suites that measure threats, idioms and derogation: a composed sentence that happens to
# equal one of their cases is dropped, so no figure is measured on a sentence we trained on.
DEV_SUITES = PROJECT_ROOT / "bench" / "data" / "dev"
THREATS_PER_LANGUAGE = 1500
# Look-alikes per language and family: idioms and good wishes are few and all kept.
NEWS_PER_LANGUAGE = 500
NEGATED_PER_LANGUAGE = 700

# --- English -----------------------------------------------------------------------------------
EN_GROUPS = ("Muslims", "Jews", "immigrants", "refugees", "gay people", "trans people", "Black people",
             "women", "disabled people", "Christians", "Mexicans", "Arabs", "Asians", "gypsies", "migrants",
             "lesbians", "foreigners", "Hindus", "Africans", "asylum seekers", "feminists", "Chinese people",
             "those people", "these parasites")
EN_PEOPLE = ("you", "your family", "that journalist", "the mayor", "the referee", "my neighbour", "that man", "that woman",
             "your kids", "the judge", "that cop", "the author of this article", "the moderators")
EN_VERBS = ("kill", "shoot", "stab", "hang", "gas", "burn", "slaughter", "murder", "beat up", "lynch", "behead",
            "strangle", "drown", "torture", "run over", "bomb", "exterminate", "wipe out", "execute", "butcher",
            "gun down", "smash the skulls of", "slit the throats of", "put a bullet in", "hunt down", "wipe out")
EN_DONE = ("killed", "shot", "stabbed", "hanged", "gassed", "burned alive", "slaughtered", "murdered", "beaten to death",
           "lynched", "beheaded", "strangled", "drowned", "tortured", "bombed", "exterminated", "wiped out",
           "executed", "put down like dogs", "lined up against a wall and shot", "thrown off a roof", "gunned down")
EN_THREATS = (
    "I'm going to {v} {t}.", "I will {v} {t}.", "I'll {v} {t} myself.", "I'm gonna {v} {t}", "I swear I will {v} {t}.",
    "Next time I see {t} I'll {v} them.", "I want to {v} {t}.", "I would love to {v} {t}.", "I'd happily {v} {t}.",
    "Give me a gun and I'll {v} {t}.", "One day I will {v} {t}, mark my words.", "I can't wait to {v} {t}.",
    "Someone should {v} {t}.", "Somebody needs to {v} {t}.", "It's time to {v} {t}.", "We need to {v} {t}.",
    "Let's {v} {t}.", "{V} {t}!", "{V} all {t}.", "We should {v} {t} before it's too late.",
    "{T} should be {d}.", "{T} should all be {d}.", "{T} deserve to be {d}.", "{T} need to be {d}.",
    "{T} must be {d}.", "{T} ought to be {d}.", "I hope {t} get {d}.", "I hope someone {vs} {t}.",
    "I wish {t} would all die.", "{T} deserve to die.", "{T} should die.", "Death to {t}!",
    "{T} have no right to live.", "The world would be better if {t} were {d}.", "Round up {t} and {v} them.",
    "If {t} show up here, we'll {v} them.", "Honestly {t} should be {d}, every single one.",
    "Wouldn't it be great if {t} were all {d}?", "Why don't we just {v} {t}?", "{T} will be {d}, I promise.",
    "I know where you live and I'm going to {v} {t}.", "Watch your back, I'm coming to {v} {t}.",
)
EN_IDIOMS = (
    "This regulation will kill independent pubs.", "This commute is killing me.", "I could murder a pint right now.",
    "That joke absolutely killed.", "We're going to slaughter them on Saturday, come on United!",
    "I'm going to kill this exam tomorrow.", "My feet are killing me after that hike.",
    "The new tax will bleed pensioners dry.", "She shot down every argument he made.", "Let's kill some time at the cafe.",
    "He stabbed his own party in the back.", "This heat is murder.", "Shoot me an email when you can.",
    "The striker shot from thirty yards and scored.", "Break a leg tonight!", "I nearly died laughing.",
    "The critics butchered that remake.", "Kill the lights when you leave.", "We got slaughtered in the final.",
    "The budget cuts will gut the NHS.", "That deadline is going to be the death of me.",
    "They'll hang the portrait in the town hall.", "Burn the old receipts, you don't need them.",
    "I'm going to kill the weeds in the garden this weekend.", "We need to kill this bill in committee.",
    "Stab the potatoes with a fork before baking.", "The chef beheaded the prawns in seconds.",
    "Inflation is strangling household budgets.", "Rising rents are drowning young families.",
    "My phone battery is dying again.", "The opposition torpedoed the reform.", "Ready to smash this workout.",
)
# Idioms composed: the violent verb aimed at the speaker, at time, at a task or at a thing.
EN_NUISANCES = ("the traffic", "this heat", "my boss", "the commute", "these shoes", "Monday mornings", "this cold",
                "my back", "the suspense", "this playlist", "the queue at the post office", "my landlord",
                "the wait", "this humidity", "my mum", "my wife", "my husband", "the coach", "my teacher")
EN_IDIOM_FRAMES = ("{n} is killing me.", "{n} is going to kill me.", "{N} will kill me if I'm late again lol.",
                   "{N} will murder me when she sees this.", "Honestly {n} is the death of me.",
                   "{N} nearly killed me today.", "I swear {n} will be the end of me.",
                   "{N} is absolutely murdering me this week.")
EN_FIXED_IDIOMS = ("Let's kill two birds with one stone.", "I'd kill for a cup of tea.", "That band killed it last night.",
                   "She was dressed to kill.", "The deadline is a real killer.", "That's a killer deal.",
                   "We killed an hour at the museum.", "He killed off the main character in book two.",
                   "The sale is killing the competition.", "You're killing it, keep going!",
                   "That ending blew me away.", "Don't shoot the messenger.", "I'll strangle this laptop, it froze again.",
                   "This printer deserves to be thrown out of the window.", "The old stadium will be demolished.")
FR_NUISANCES = ("la chaleur", "les embouteillages", "mon patron", "ce froid", "ces chaussures", "le lundi matin",
                "mon dos", "le suspense", "la queue à la poste", "mon proprio", "l'attente", "ma mère", "ma femme",
                "mon mari", "le coach", "ma prof")
FR_IDIOM_FRAMES = ("{N} me tue.", "{N} va me tuer.", "{N} va me tuer si je suis encore en retard mdr.",
                   "{N} m'a achevé aujourd'hui.", "Franchement {n}, ça m'a tué.", "{N} va me faire mourir.",
                   "Je vais mourir avec {n}.", "{N} va avoir ma peau.")
FR_FIXED_IDIOMS = ("Faire d'une pierre deux coups.", "Je tuerais pour un café.", "Ils ont tout déchiré hier soir.",
                   "On a tué une heure au musée.", "Il a tué le personnage principal dans le tome deux.",
                   "Tu gères, continue !", "Cette fin m'a achevé.", "Il ne faut pas tirer sur l'ambulance.",
                   "Je vais étrangler cet ordi, il a encore planté.", "Le vieux stade va être démoli.",
                   "Ce prix est une tuerie.", "Ce gâteau, c'est une tuerie.", "Ce projet est mort-né.",
                   "Il faut tuer le projet avant qu'il coûte trop cher.", "J'étais mort de fatigue.")


def _idioms(frames: tuple[str, ...], nuisances: tuple[str, ...], fixed: tuple[str, ...]) -> list[str]:
    composed = [f.format(n=n, N=_capital(n)) for f, n in product(frames, nuisances)]
    return list(fixed) + composed


EN_NEWS = (
    "Police say the man threatened to {v} {t}.", "The suspect is accused of trying to {v} {t}.",
    "Three {t} were {d} in the attack, officials said.", "The court heard he planned to {v} {t}.",
    "Historians estimate thousands of {t} were {d} during the war.", "The documentary shows how {t} were {d} in 1943.",
    "A man has been charged after {t} were {d} near the station.", "Witnesses described how the gang tried to {v} {t}.",
)
EN_NEGATED = (
    "Nobody should ever {v} {t}.", "I would never want to {v} {t}.", "Saying {t} should be {d} is disgusting.",
    "Calls to {v} {t} must be prosecuted.", "Threatening to {v} {t} is a crime.", "No one deserves to be {d}, including {t}.",
    "People who say {t} should be {d} should be ashamed.", "I condemn anyone who wants to {v} {t}.",
    "It is never acceptable to {v} {t}.", "\"{T} should be {d}\" - that's the kind of hate we need to report.",
)
EN_GOOD = (
    "{T} deserve to live in peace.", "{T} deserve to feel safe.", "{T} should be protected.", "{T} should be welcomed.",
    "We need to protect {t}.", "{T} should be allowed to vote.", "{T} deserve respect.", "I hope {t} feel at home here.",
    "{T} deserve the same rights as everyone.", "We should listen to {t} more.", "{T} should be able to work.",
)

EN_DEGRADING = ("disgusting", "vermin", "parasites", "animals", "a plague", "subhuman", "filthy", "a disease",
                "criminals by nature", "too stupid to vote", "not real people", "ruining this country", "all terrorists",
                "rats", "scum", "inferior", "mentally ill", "a cancer on society", "worthless", "savages")
EN_PLAIN = ("our neighbours", "welcome here", "people like everyone else", "under-represented in parliament",
            "a big part of this town", "doctors, teachers and nurses too", "often targeted online", "voters too")
EN_DEROGATION = ("{T} are {p}.", "All {t} are {p}.", "I hate {t}, they're {p}.", "Honestly, {t} are {p}.",
                 "Isn't it obvious that {t} are {p}?", "Let's be real: {t} are {p}.", "{T}? {P}, every one of them.",
                 "I can't stand {t}.", "I'm sick of {t}.", "{T} make me sick.", "Why are {t} always so {p}?",
                 "Face it, {t} are {p} and always will be.")
EN_NEGATED_DEROGATION = ("It's wrong to say {t} are {p}.", "I don't believe {t} are {p}.", "{T} are not {p}.",
                         "Stop saying {t} are {p}.", "Claiming {t} are {p} is bigoted nonsense.",
                         "My uncle said {t} are {p} and I told him that's hateful.", "I would never say {t} are {p}.",
                         "No, {t} are not {p}, and saying so is hate speech.")
EN_PLAIN_FRAMES = ("{T} are {p}.", "Many {t} are {p}.", "Remember that {t} are {p}.")

# --- French ------------------------------------------------------------------------------------
FR_GROUPS = ("les musulmans", "les juifs", "les immigrés", "les migrants", "les arabes", "les noirs", "les homos",
             "les gays", "les personnes trans", "les femmes", "les handicapés", "les roms", "les chrétiens",
             "les étrangers", "les réfugiés", "les africains", "les lesbiennes", "les féministes", "les asiatiques",
             "ces gens-là", "tous ces parasites", "les maghrébins", "les clandestins")
FR_PEOPLE = ("toi", "ta famille", "ce journaliste", "le maire", "l'arbitre", "mon voisin", "ce prof", "tes enfants",
             "le juge", "ce flic", "l'auteur de cet article")
FR_VERBS = ("tuer", "abattre", "égorger", "pendre", "gazer", "brûler", "massacrer", "buter", "fusiller", "exterminer",
            "noyer", "tabasser", "poignarder", "éliminer", "flinguer", "décapiter", "lyncher", "cramer", "défoncer",
            "saigner", "écraser à coups de barre de fer")
FR_DONE = ("tués", "abattus", "égorgés", "pendus", "gazés", "brûlés vifs", "massacrés", "fusillés", "exterminés",
           "noyés", "éliminés", "décapités", "lynchés", "mis au four", "alignés contre un mur et fusillés",
           "jetés à la mer", "passés par les armes")
# Threat frames with a noun-phrase target ({t}) ...
FR_THREATS = (
    "Je vais {v} {t}.", "Je vais aller {v} {t}.", "Un jour je vais {v} {t}, crois-moi.", "J'ai envie de {v} {t}.",
    "Je rêve de {v} {t}.", "Il faut {v} {t}.", "Il faudrait {v} {t}.", "Faut {v} {t}.", "On devrait {v} {t}.",
    "Quelqu'un devrait {v} {t}.", "Il est temps de {v} {t}.", "Allez, on va {v} {t} !", "{V} {t} !",
    "Il faut {v} tous {t}.", "{T} devraient être {d}.", "{T} méritent d'être {d}.", "{T} doivent être {d}.",
    "{T} méritent de mourir.", "{T} n'ont pas le droit de vivre.", "À mort {t} !", "J'espère que {t} vont crever.",
    "J'espère que {t} seront {d}.", "{T}, il faut tous les {v}.", "{T}, qu'ils crèvent tous.",
    "Si {t} viennent ici, on va les {v}.", "Le monde irait mieux si {t} étaient {d}.",
    "Franchement {t} devraient tous être {d}.", "Donnez-moi une arme et je vais {v} {t}.",
    "Pourquoi on ne va pas {v} {t} ?", "Je jure que je vais {v} {t}.",
)
# ... and with a clitic pronoun, which French puts before the verb.
FR_PRONOUN_THREATS = (
    "Je vais {p} {v}.", "Je vais te retrouver et te {v}.", "Je sais où tu habites, je vais {p} {v}.",
    "Il faut {p} {v} tous.", "On va {p} {v}, tu vas voir.", "Je {p_elide}attends à la sortie pour {p} {v}.",
    "Un jour je vais {p} {v}.", "Si je {p_elide}croise, je vais {p} {v}.", "Tu mérites de crever.",
    "Je vais t'égorger.", "Je vais te faire la peau.", "Tu vas finir six pieds sous terre.",
)
FR_PRONOUNS = ("te", "les", "le", "la")
FR_IDIOMS = (
    "Cette taxe va tuer les artisans.", "La chaleur me tue.", "J'ai tué le temps en lisant.",
    "Il faut tuer dans l'œuf ce projet.", "J'étais mort de rire devant la vidéo.", "Ce film m'a tué, quelle fin !",
    "Samedi on va les écraser, allez Lens !", "Ce devoir va me tuer.", "Les impôts nous saignent.",
    "Il s'est fait démolir par la critique.", "J'ai massacré cette chanson au karaoké.", "Mdr je suis morte.",
    "Ce match m'a achevé.", "La réforme va assassiner l'hôpital public.", "Ils ont fusillé le film dans la presse.",
    "Je vais éliminer le sucre de mon alimentation.", "On a exterminé les fourmis de la cuisine.",
    "Il faut brûler les vieux papiers.", "Pends le tableau dans l'entrée.", "Les loyers étranglent les jeunes.",
    "Je vais buter ce niveau du jeu ce soir.", "On s'est fait massacrer en finale.", "Cette chaleur, c'est l'enfer.",
    "Tu me tues avec tes blagues.", "Les charges écrasent les artisans.", "On va défoncer ce contrôle demain.",
)
FR_NEWS = (
    "La police affirme que l'homme a menacé de {v} {t}.", "Le suspect est accusé d'avoir voulu {v} {t}.",
    "Trois {tn} ont été {d} dans l'attaque, selon les autorités.", "Le tribunal a entendu qu'il voulait {v} {t}.",
    "Des milliers de {tn} ont été {d} pendant la guerre.", "Le documentaire raconte comment des {tn} ont été {d} en 1942.",
    "Un homme a été interpellé après que des {tn} ont été {d} près de la gare.",
)
FR_NEGATED = (
    "Personne ne devrait {v} {t}.", "Je ne voudrais jamais {v} {t}.", "Dire que {t} devraient être {d}, c'est ignoble.",
    "Appeler à {v} {t} doit être puni.", "Menacer de {v} {t} est un délit.", "Ceux qui veulent {v} {t} me dégoûtent.",
    "Il n'est jamais acceptable de {v} {t}.", "« {T} devraient être {d} » : ce genre de haine doit être signalé.",
    "Je condamne ceux qui appellent à {v} {t}.",
)
FR_GOOD = (
    "{T} méritent de vivre en paix.", "{T} doivent être protégés.", "{T} méritent le respect.",
    "Il faut protéger {t}.", "{T} doivent pouvoir travailler.", "{T} ont les mêmes droits que tout le monde.",
    "Il faut mieux écouter {t}.", "J'espère que {t} se sentent chez eux ici.", "{T} méritent d'être en sécurité.",
)


FR_DEGRADING = ("des parasites", "des animaux", "de la vermine", "des sous-hommes", "une plaie", "des criminels",
                "tous des terroristes", "des malades mentaux", "des rats", "une maladie", "une sous-race", "des déchets",
                "des sauvages", "une race inférieure", "un cancer pour la société", "des moins que rien")
FR_PLAIN = ("nos voisins", "les bienvenus ici", "des gens comme les autres", "sous-représentés au parlement",
            "une partie de notre ville", "des électeurs comme les autres", "souvent visés en ligne")
FR_DEROGATION = ("{T} sont {p}.", "Franchement, {t} sont {p}.", "Je déteste {t}, ce sont {p}.",
                 "N'est-il pas évident que {t} sont {p} ?", "Soyons honnêtes : {t} sont {p}.", "Je ne supporte plus {t}.",
                 "{T} me dégoûtent.", "{T} ? {P}, tous autant qu'ils sont.", "Il faut le dire, {t} sont {p}.")
FR_NEGATED_DEROGATION = ("C'est faux de dire que {t} sont {p}.", "Je ne pense pas que {t} soient {p}.",
                         "{T} ne sont pas {p}.", "Arrêtez de dire que {t} sont {p}.",
                         "Prétendre que {t} sont {p}, c'est de la haine.", "Je ne dirais jamais que {t} sont {p}.",
                         "Mon oncle dit que {t} sont {p}, ça me fait honte.")
FR_PLAIN_FRAMES = ("{T} sont {p}.", "Beaucoup {de_t} sont {p}.", "Rappelons que {t} sont {p}.")
DEROGATION_PER_LANGUAGE = 800


def _derogation(frames, negated_frames, plain_frames, groups, degrading, plain, language,
                rng: random.Random) -> list[Example]:
    """Slur-free derogation of a group (1) against its negation and plain statements (0)."""
    def fill(frame: str, target: str, predicate: str) -> str:
        de_target = "de " + target.removeprefix("les ") if target.startswith("les ") else "de " + target
        return frame.format(t=target, T=_capital(target), p=predicate, P=_capital(predicate), de_t=de_target)

    groups = [g for g in groups if "parasites" not in g]  # a group named by an insult is not a plain group
    hateful = {fill(f, t, p) for f, t, p in product(frames, groups, degrading)}
    negated = {fill(f, t, p) for f, t, p in product(negated_frames, groups, degrading)}
    benign = {fill(f, t, p) for f, t, p in product(plain_frames, groups, plain)}
    source = f"{SOURCE}_{language}"
    out = [Example(text, language, source, text, {"toxicity": 1, "identity_attack": 1, "threat": 0})
           for text in _sample(sorted(hateful), DEROGATION_PER_LANGUAGE, rng)]
    out += [Example(text, language, source, text, {"toxicity": 0, "identity_attack": 0, "threat": 0})
            for text in _sample(sorted(negated), DEROGATION_PER_LANGUAGE // 2, rng) + _sample(sorted(benign), 400, rng)]
    return out


_ELISION = re.compile(r"\b(de|que|je|le|la|ne|te|me|se)\s+(?=[aeéèêiîoôuâ])", re.IGNORECASE)


def _elide(text: str) -> str:
    """French elision the grammar's slots break: 'de éliminer' -> "d'éliminer", 'de étrangers' -> "d'étrangers"."""
    return _ELISION.sub(lambda m: m.group(1)[:-1] + "'", text)


def _third_person(verb: str) -> str:
    """'kill' -> 'kills', 'beat up' -> 'beats up', 'wipe out' -> 'wipes out' (first word inflected)."""
    head, _, rest = verb.partition(" ")
    head = head + ("es" if head.endswith(("sh", "ch", "s")) else "s")
    return f"{head} {rest}".strip()


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _fill(frame: str, target: str, verb: str, done: str, **extra: str) -> str:
    return frame.format(t=target, T=_capital(target), v=verb, V=_capital(verb), vs=_third_person(verb), d=done,
                        **extra)


def _sample(candidates: list[str], count: int, rng: random.Random) -> list[str]:
    unique = sorted(set(candidates))
    return unique if len(unique) <= count else rng.sample(unique, count)


def _english(rng: random.Random) -> list[Example]:
    targets = [(t, 1) for t in EN_GROUPS] + [(t, 0) for t in EN_PEOPLE]
    threats = [(_fill(f, t, v, d), group) for f, (t, group), v, d in product(EN_THREATS, targets, EN_VERBS, EN_DONE)]
    news = [_fill(f, t, v, d) for f, t, v, d in product(EN_NEWS, EN_GROUPS, EN_VERBS, EN_DONE)]
    negated = [_fill(f, t, v, d) for f, t, v, d in product(EN_NEGATED, EN_GROUPS, EN_VERBS, EN_DONE)]
    good = [_fill(f, t, "", "") for f, t in product(EN_GOOD, EN_GROUPS)]
    idioms = list(EN_IDIOMS) + _idioms(EN_IDIOM_FRAMES, EN_NUISANCES, EN_FIXED_IDIOMS)
    return (_examples(threats, idioms, news, negated, good, "en", rng)
            + _derogation(EN_DEROGATION, EN_NEGATED_DEROGATION, EN_PLAIN_FRAMES, EN_GROUPS, EN_DEGRADING, EN_PLAIN,
                          "en", rng))


def _french(rng: random.Random) -> list[Example]:
    targets = [(t, 1) for t in FR_GROUPS] + [(t, 0) for t in FR_PEOPLE]
    threats = [(_fill(f, t, v, d), group) for f, (t, group), v, d in product(FR_THREATS, targets, FR_VERBS, FR_DONE)]
    for frame, pronoun, verb in product(FR_PRONOUN_THREATS, FR_PRONOUNS, FR_VERBS):
        elided = {"te": "t'", "les": "les ", "le": "l'", "la": "l'"}[pronoun]
        threats.append((frame.format(p=pronoun, p_elide=elided, v=verb), int(pronoun == "les")))
    news = [_fill(f, t, v, d, tn=t.removeprefix("les ")) for f, t, v, d in product(FR_NEWS, FR_GROUPS, FR_VERBS, FR_DONE)
            if t.startswith("les ")]  # "trois migrants", "des migrants": groups with an article only
    negated = [_fill(f, t, v, d) for f, t, v, d in product(FR_NEGATED, FR_GROUPS, FR_VERBS, FR_DONE)]
    good = [_fill(f, t, "", "") for f, t in product(FR_GOOD, FR_GROUPS)]
    idioms = list(FR_IDIOMS) + _idioms(FR_IDIOM_FRAMES, FR_NUISANCES, FR_FIXED_IDIOMS)
    return (_examples(threats, idioms, news, negated, good, "fr", rng)
            + _derogation(FR_DEROGATION, FR_NEGATED_DEROGATION, FR_PLAIN_FRAMES, FR_GROUPS, FR_DEGRADING, FR_PLAIN,
                          "fr", rng))


def _examples(threats: list[tuple[str, int]], idioms: list[str], news: list[str], negated: list[str],
              good: list[str], language: str, rng: random.Random) -> list[Example]:
    by_text = dict(sorted(threats))
    chosen_threats = _sample(list(by_text), THREATS_PER_LANGUAGE, rng)
    lookalikes = set(idioms) | set(good)
    lookalikes |= set(_sample(news, NEWS_PER_LANGUAGE, rng)) | set(_sample(negated, NEGATED_PER_LANGUAGE, rng))
    source = f"{SOURCE}_{language}"
    out = [Example(text, language, source, text, {"threat": 1, "toxicity": 1, "identity_attack": by_text[text]})
           for text in chosen_threats]
    out += [Example(text, language, source, text, {"threat": 0, "toxicity": 0, "identity_attack": 0})
            for text in sorted(lookalikes - set(by_text))]
    return out


# Every sentence, threat or not, ends in one of these: the first grammar ended its threats in "!"
# more often than its look-alikes, and the head learned that "👍👍👍 !!!" is a threat (0.95).
ENDINGS = (".", "!", "", "!!", " lol", " 😡", " 😂", "...", " 👍", " ?!")


def _vary_ending(example: Example, rng: random.Random) -> Example:
    """The sentence with its final punctuation replaced by a random ending (same odds for every label)."""
    if example.text.endswith("?"):
        return example  # a question stays a question
    stem = example.text.rstrip(".! ")
    return Example(stem + rng.choice(ENDINGS), example.language, example.source, example.group, example.labels)


def dev_case_texts(folder: Path = DEV_SUITES) -> set[str]:
    """The preprocessed texts of every dev-suite case."""
    return {preprocess(json.loads(line)["text"])
            for path in sorted(folder.glob("*.jsonl")) for line in path.read_text("utf-8").splitlines() if line.strip()}


def written_examples(seed: int = 0, exclude: set[str] | None = None) -> list[Example]:
    """All written sentences, both languages, in a fixed order for a given seed.

    `exclude`: preprocessed texts to leave out (default: the dev suites' cases).
    """
    exclude = dev_case_texts() if exclude is None else exclude
    rng = random.Random(seed)
    french = [Example(_elide(e.text), e.language, e.source, _elide(e.group), e.labels) for e in _french(rng)]
    out, seen = [], set()
    for example in _english(rng) + french:
        example = _vary_ending(example, rng)
        key = preprocess(example.text)
        if key not in exclude and example.text not in seen:
            seen.add(example.text)
            out.append(example)
    return out
