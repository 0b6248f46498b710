"""Which threat frames do the targeting rules read? A probe written from grammar, not from any suite.

Every frame ("I'm going to {verb} {target}", « Il faut que {target} soient {participle} ») is filled
with every violent verb and every target of its language, and each sentence is read twice: by the
targeting rules alone (a threat in force: the policy removes it) and by the whole engine (kept or
not). The sentences are no test set: they were written to find frames the rules miss (2026-12-07,
thirteenth session: of a larger draft of 2,268 English sentences the rules read 1,642 before that
session's rules and 1,973 after; of these 1,782 English and 1,778 French they read 1,695 and 1,778
at its end, and the engine keeps none), and each frame the rules now read has a case with a
look-alike in tests/test_targeting.py.

    .venv/bin/python bench/experiments/threat_frames.py en|fr [--kept]

Prints the share of sentences the rules read and the engine does not keep, per frame and per verb,
lowest first; `--kept` lists the sentences the engine keeps.
"""

from __future__ import annotations

import argparse
import collections

from compare import decisions  # also puts the project root on sys.path

from moderation.engine import Engine
from moderation.settings import PROJECT_ROOT, load_settings
from moderation.targeting import TargetRules

# verb -> (base, past participle, -ing, third person)
ENGLISH_VERBS = {
    "kill": ("kill", "killed", "killing", "kills"), "shoot": ("shoot", "shot", "shooting", "shoots"),
    "hang": ("hang", "hanged", "hanging", "hangs"), "gas": ("gas", "gassed", "gassing", "gasses"),
    "burn": ("burn", "burned", "burning", "burns"), "stab": ("stab", "stabbed", "stabbing", "stabs"),
    "slaughter": ("slaughter", "slaughtered", "slaughtering", "slaughters"),
    "exterminate": ("exterminate", "exterminated", "exterminating", "exterminates"),
    "lynch": ("lynch", "lynched", "lynching", "lynches"), "behead": ("behead", "beheaded", "beheading", "beheads"),
    "drown": ("drown", "drowned", "drowning", "drowns"),
}
ENGLISH_TARGETS = ["those immigrants", "all the Muslims", "every Jew", "gay people", "you", "women like you", "the refugees"]
ENGLISH_FRAMES = [
    "I'm going to {b} {t}.", "I will {b} {t}.", "We should {b} {t}.", "Someone should {b} {t}.", "I want to {b} {t}.",
    "I'd love to {b} {t}.", "I can't wait to {b} {t}.", "It's time to {b} {t}.", "Let's {b} {t}.",
    "Nothing will stop me from {g} {t}.", "I hope someone {s} {t}.", "{T} should be {p}.", "{T} deserve to be {p}.",
    "{T} need to be {p}.", "{T} must be {p}.", "I wish {t} were {p}.", "I wish someone would {b} {t}.",
    "{T} will be {p}.", "Round up {t} and {b} them.", "Time to start {g} {t}.", "If I see {t} I'll {b} them.",
    "I'm gonna {b} {t}", "i will personally {b} {t}", "{T} should all be {p}.",
]
# verb -> (infinitive, participle, subjunctive)
FRENCH_VERBS = {
    "tuer": ("tuer", "tués", "tue"), "buter": ("buter", "butés", "bute"), "pendre": ("pendre", "pendus", "pende"),
    "gazer": ("gazer", "gazés", "gaze"), "brûler": ("brûler", "brûlés", "brûle"), "égorger": ("égorger", "égorgés", "égorge"),
    "fusiller": ("fusiller", "fusillés", "fusille"), "massacrer": ("massacrer", "massacrés", "massacre"),
    "exterminer": ("exterminer", "exterminés", "extermine"), "noyer": ("noyer", "noyés", "noie"),
    "abattre": ("abattre", "abattus", "abatte"), "poignarder": ("poignarder", "poignardés", "poignarde"),
    "lyncher": ("lyncher", "lynchés", "lynche"), "flinguer": ("flinguer", "flingués", "flingue"),
}
FRENCH_TARGETS = ["ces immigrés", "tous les musulmans", "les juifs", "les homos", "toi", "les réfugiés"]
FRENCH_FRAMES = [
    "Je vais {cl}{b}.", "Je vais {b} {t}.", "On devrait {b} {t}.", "Il faut {b} {t}.", "Il faudrait {b} {t}.",
    "Quelqu'un devrait {b} {t}.", "J'ai envie de {b} {t}.", "J'ai hâte de {b} {t}.", "Rien ne m'empêchera de {b} {t}.",
    "{T} devraient être {p}.", "{T} méritent d'être {p}.", "Il faut que {t} soient {p}.", "Qu'on {cl}{sj} tous.",
    "Vivement qu'on {cl}{sj}.", "J'espère que quelqu'un va {b} {t}.", "On va {cl}{b}.", "Je vais aller {b} {t}.",
    "{T} doivent être {p}.", "Faut {b} {t}.", "jvais {cl}{b}", "Je vais personnellement {b} {t}.", "Allons {b} {t}.",
]


def english_sentences() -> list[tuple[str, str, str]]:
    """(sentence, frame, verb) for every English frame, verb and target that make a sentence."""
    out = []
    for frame in ENGLISH_FRAMES:
        for verb, (base, done, ing, third) in ENGLISH_VERBS.items():
            for target in ENGLISH_TARGETS:
                if "{T}" in frame and target == "you":
                    continue
                text = frame.format(b=base, p=done, g=ing, s=third, t=target, T=target[0].upper() + target[1:])
                out.append((text, frame, verb))
    return out


def french_sentences() -> list[tuple[str, str, str]]:
    """The same for French: « toi » as the clitic « te » / « t' », never as the subject of a passive."""
    out = []
    for frame in FRENCH_FRAMES:
        for verb, (infinitive, done, subjunctive) in FRENCH_VERBS.items():
            for target in FRENCH_TARGETS:
                second_person = target == "toi"
                if second_person and ("{T}" in frame or "soient" in frame or "tous." in frame):
                    continue
                clitic = ("t'" if infinitive[0] in "aeiouéh" else "te ") if second_person else "les "
                if "{cl}" in frame:
                    text = frame.format(cl=clitic, b=infinitive, sj=subjunctive)
                elif second_person:
                    text = frame.replace(" {b} {t}", " " + clitic + "{b}").format(b=infinitive)
                else:
                    text = frame.format(b=infinitive, p=done, t=target, T=target[0].upper() + target[1:])
                out.append((text, frame, verb))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("language", choices=("en", "fr"))
    parser.add_argument("--kept", action="store_true", help="list the sentences the engine keeps")
    args = parser.parse_args()
    sentences = english_sentences() if args.language == "en" else french_sentences()
    unique = list(dict.fromkeys(text for text, _, _ in sentences))
    rules = TargetRules.load(PROJECT_ROOT / "config" / "targets")
    engine = Engine.from_settings(load_settings())
    decided = dict(zip(unique, decisions(engine, unique)))
    read = {text: any(hit.kind == "threat" and hit.in_force for hit in rules.find(text, args.language))
            for text in unique}
    tallies = {"frame": collections.defaultdict(lambda: [0, 0, 0]), "verb": collections.defaultdict(lambda: [0, 0, 0])}
    for text, frame, verb in sentences:
        for name, key in (("frame", frame), ("verb", verb)):
            tally = tallies[name][key]
            tally[0] += 1
            tally[1] += read[text]
            tally[2] += decided[text] != "keep"
    n = len(sentences)
    print(f"{args.language}: {n} sentences, read by the rules {sum(read[t] for t, _, _ in sentences)}, "
          f"not kept {sum(decided[t] != 'keep' for t, _, _ in sentences)}")
    for name, table in tallies.items():
        for key, (count, by_rules, not_kept) in sorted(table.items(), key=lambda kv: kv[1][1] / kv[1][0]):
            print(f"  {name:5s} rules {by_rules / count:.2f}  not kept {not_kept / count:.2f}  | {key}")
    if args.kept:
        for text in unique:
            if decided[text] == "keep":
                print("  kept:", text)


if __name__ == "__main__":
    main()
