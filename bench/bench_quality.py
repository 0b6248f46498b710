"""Decision quality on the project's own development suites, per category and language.

Suites (bench/data/dev/, written without looking at the lexicons or the targeting rules):
- functional_en.jsonl / functional_fr.jsonl: cases per category, each with what a moderator
  expects: `keep`, `not_keep` (hold or remove) or `not_remove` (keep or hold);
- ordinary_comments.jsonl: ordinary reader comments that must all be kept;
- hard_en.jsonl / hard_fr.jsonl (2026-12-03): the shapes the first two suites showed to generalise
  worst, written by two more helpers who saw none of the rules, suites or data: hate through a
  pronoun, a question or an opinion and its harmless twins, negated hate and hate that only looks
  negated, threats without a violent word and their look-alikes;
- threats_en.jsonl / threats_fr.jsonl: a second, larger set of threats against people and groups
  (veiled, conditional, wished, called for) and their look-alikes (idioms, news of violence,
  condemned or quoted threats), written later by someone who had not seen the grammars of
  moderation/training/written.py or the targeting rules: the measure of whether the threat
  evidence generalises beyond the first suite it was tuned next to;
- round2_en.jsonl / round2_fr.jsonl (2026-12-04): 560 cases per language, 40 in each of the
  sealed suite's 14 categories, written by two helpers who opened no file of the project: fresh
  text to tune on once the first suites' tune half was worn out by a day of rules. Reported with
  a balanced accuracy and costs of its own (`round2_suite`). Five cases within 0.8 of sentences
  the model trains on were taken out (tests/test_freeform_threats.py), 558 and 557 remain;
- round3_en.jsonl / round3_fr.jsonl (2026-12-05): the same 14 categories, 40 each, written by two
  more helpers who opened no file of the project (round 2's brief, asked for more varied grammar:
  French inversion and dislocation, pronouns in a later sentence). Eleven cases within 0.8 of
  sentences the model trains on were taken out, 555 and 554 remain. Measured whole before any
  change made after reading it (BENCHMARKS.md); reported with a balanced accuracy and costs of its
  own (`round3_suite`).

- templates_en.jsonl / templates_fr.jsonl (2026-12-05): a functional suite in the shape the outside
  suites have, short sentences from templates expanded over ten groups: 8 templates for each of the
  eight group categories, 40 sentences for profanity, idioms and ordinary comments, written by two
  helpers who opened no file of the project. Cases within 0.8 of a sentence the model trains on
  (training/written.py's grammars, the freeform and veiled rounds) were taken out: 54 English, 36
  French; 706 and 724 remain. A case's half is its template's (`half_of`). Measured whole on the
  session's starting tree before anything was read of it (BENCHMARKS.md); reported as
  `templates_suite`.
- templates2_en.jsonl / templates2_fr.jsonl (2026-12-05, afternoon): a second template suite by two
  more helpers who opened no file of the project, asked for 10 templates per group category over
  ten groups (women, trans people, gay people, Black people, disabled people, Muslims, immigrants,
  Jews, refugees or migrants, Roma) and 40 sentences each of profanity, ordinary comments and
  idioms. Cases within 0.8 of a sentence the model trains on, or equal to a case of another dev
  suite, were taken out: 54 English, 16 French; 866 and 904 remain. Measured whole on the session's
  starting tree (08c52fd) before any case was read (BENCHMARKS.md); reported as `templates2_suite`.
- ordinary2_en.jsonl / ordinary2_fr.jsonl (2026-12-05, evening): ordinary comments in the registers
  of real comment sections (reactions and laughter, outrage, capitals, harsh politics, sarcasm,
  sport, crime news, untargeted swearing, disagreement, health, identity in everyday talk) and the
  same registers crossing the line (insults at a person, group hate, threats, sexual harassment,
  mocking laughter), 300 per language by two helpers who opened no file of the project; 9 and 4
  cases equal to a dev case or within 0.8 of a training sentence removed. Halves by text; reported
  as `ordinary2_suite` (its not-keep categories are in HATEFUL).
- round4_en.jsonl / round4_fr.jsonl (2026-12-06): 11 categories (threat, derogation, pronoun or
  question, fake negation, obfuscated, slur or insult, benign identity, untargeted profanity,
  counter-speech, negated hate, ordinary), 25 each, by one helper who opened no file of the
  project; 9 cases within 0.8 of a training sentence removed (269 and 272 remain). Measured whole
  on stack-v8 before any case was read (0.853 / 0.821, BENCHMARKS.md); reported as `round4_suite`.
- ordinary3_en.jsonl / ordinary3_fr.jsonl (2026-12-06, morning): news comments a moderator keeps,
  200 per language in 10 registers (political anger, institutions, crime news, sport, everyday
  idioms, mild swearing, identity mentions, short replies, sarcasm, debate) by one helper who opened
  no file of the project; 11 and 11 cases equal to a dev case or within 0.8 of a training sentence
  removed (189 and 189 remain). All to keep, so only its false holds are reported
  (`ordinary3_suite`). Measured whole before any case was read (BENCHMARKS.md).
- templates3_en.jsonl / templates3_fr.jsonl (2026-12-06, fourth session): a third template suite
  in the outside suites' shape, 10 templates per group category over the ten groups of templates2
  and 40 sentences each of untargeted profanity, ordinary comments and idioms, by two helpers who
  opened no file of the project; 21 English and 24 French cases equal to a dev or sealed case or
  within 0.8 of a sentence the model trains on removed (899 and 896 remain). Halves by template;
  reported as `templates3_suite`. Measured whole before any case was read (BENCHMARKS.md).
- ordinary4_en.jsonl / ordinary4_fr.jsonl (2026-12-06, fourth session): news comments a fair
  moderator keeps, 20 per register and language in 12 registers (anger at politicians and at
  companies, crime and courts, war and disasters, health and the body, identity in the news, sport
  banter, swearing aimed at no one, replies to other commenters, short reactions, jokes and
  sarcasm, names and places with rude-looking substrings) by one helper who opened no file of the
  project; 15 and 16 cases removed the same way (225 and 224 remain; most of them short reactions
  already in a suite). All to keep: only false holds are reported (`ordinary4_suite`).
- harm_en.jsonl / harm_fr.jsonl (2026-12-06, sixth session): talk of harm done to a group, 100
  comments per language a moderator keeps (harm stated or asked, testimony, statistics: "Muslim
  women who cover bear the brunt of the abuse", « on accuse les migrants de tous les maux ») and 50
  that turn the same words against the group (harm wished, victim-blaming, victimhood mocked,
  "deserved", hatred dressed as concern), by one helper who opened no file of the project; none
  equal to or within 0.8 of a dev, sealed or training sentence. Measured whole on 7fa44e1 before
  any case was read: en 79 / 100 kept, 37 / 50 not kept; fr 78 / 100, 37 / 50. The tune half's
  failures were read once (2026-12-06); reported as `harm_suite`.
- templates4_en.jsonl / templates4_fr.jsonl (2026-12-06, seventh session): a fourth template suite
  in the outside suites' shape (10 templates per group category over the ten groups of templates2,
  40 sentences each of untargeted profanity, ordinary comments and idioms), by two helpers who
  opened no file of the project; 84 English and 34 French cases equal to a dev or sealed case or
  within 0.8 of a training sentence removed (836 and 886 remain). Halves by template; reported as
  `templates4_suite`. Measured whole on c30f7e4 before any case was read (BENCHMARKS.md).
- threats2_en.jsonl / threats2_fr.jsonl (2026-12-06, seventh session): 120 threats per language as
  comment sections write them (persons and groups; direct, conditional, wished, incited, sexual,
  veiled, as a joke or a "prediction"; slang, typos, capitals) and 80 comments with violent words
  that threaten no one (`threat_lookalike`: idioms, sport and games, news, fiction, calls for
  justice, condemnations), by one helper who opened no file of the project; 6 and 4 cases removed
  the same way (194 and 196 remain). Halves by text; reported as `threats2_suite`. Measured whole on
  c30f7e4 before any case was read (BENCHMARKS.md).
- templates5_en.jsonl / templates5_fr.jsonl (2026-12-07, eighth session): a fifth template suite in
  the outside suites' shape (10 to 14 templates per group category over the same ten groups; 40
  sentences each of untargeted profanity, ordinary comments and idioms; French obfuscation two
  spellings per group), by two helpers who opened no file of the project; 20 cases per language
  equal to a dev or sealed case or within 0.8 of a training sentence removed (940 and 1,040 remain).
  Halves by template; reported as `templates5_suite`. Measured whole on b3a8d05 before any case was
  read (BENCHMARKS.md).
- negation2_en.jsonl / negation2_fr.jsonl (2026-12-07, eighth session): 20 templates of negated
  hate, 10 of hate behind a negation or a disclaimer (`fake_negation`) and 15 of counter-speech per
  language, over the ten groups, by one helper who opened no file of the project; no case within
  0.8 of a dev, sealed or training sentence (450 each). Halves by template; reported as
  `negation2_suite`. Measured whole on b3a8d05 and on the first eng-17 commit before any case was
  read: the same figures (BENCHMARKS.md).
- threats3_en.jsonl / threats3_fr.jsonl (2026-12-07, eighth session): 130 threats per language
  against commenters, journalists, politicians, neighbours and the ten groups (at most 4 with the
  plain verb kill / tuer; veiled, slang, typos, emojis, predictions and advice) and 70 look-alikes
  (`threat_lookalike`), by a helper who opened no file of the project; 5 and 3 cases within 0.8 of a
  training sentence removed (195 and 197 remain). Halves by text; reported as `threats3_suite`.
  Measured whole on b3a8d05 and on 7caa709 before any case was read: the same figures.
- kind3_en.jsonl / kind3_fr.jsonl (2026-12-07, eighth session): 16 templates of negated hate in
  forms other than "X are not Y" (rhetorical questions, sarcasm at the bigot, "the problem isn't X",
  corrections) and 16 of ordinary comments naming a group, over ten groups partly named otherwise
  (gay men, wheelchair users, migrants, Jewish people, asylum seekers, Travellers), all to keep, by a
  helper who opened no file of the project (320 each). Halves by template; reported as
  `kind3_suite`. Measured whole on b3a8d05 and on a5eb1b9 before any case was read: the same figures.
- templates7_en.jsonl / templates7_fr.jsonl (2026-12-07, ninth session): a seventh template suite
  in the outside suites' shape, short plain sentences (12-14 templates per group category over the
  ten groups, 10 obfuscated templates with the kind of disguise in the template id, 8 insults of a
  commenter, 30-40 one-off sentences each of untargeted profanity, ordinary comments and idioms), by
  two helpers who opened no file of the project; 257 English and 196 French cases equal to or within
  0.8 of a dev, sealed or training sentence removed (703 and 765 remain: three more
  found by tests/support/suite_distance.py, which runs difflib from the training sentence's side). Halves by template;
  reported as `templates7_suite`. Measured whole on 77fabbb before any case was read (BENCHMARKS.md).
- plain7_en.jsonl / plain7_fr.jsonl (2026-12-07, ninth session): comments to keep, by one helper who
  opened no file of the project: 20 short template sentences per language over 24 identity terms
  each ("I am a proud Sikh woman", « Ma voisine est sourde ») as used to test a classifier's bias
  against identity words (`identity_template`), and 25 one-off comments per language each of short
  replies, names and words with rude substrings, news naming a group in passing, sharp but fair
  criticism, and violent words said harmlessly; 28 and 37 cases removed the same way (577 and 568
  remain). Halves by template; all to keep (`plain7_suite`). Measured whole on 77fabbb before any
  case was read (BENCHMARKS.md).
- templates8_en.jsonl / templates8_fr.jsonl (2026-12-07, ninth session): an eighth template suite in
  the outside suites' shape, asked for the less obvious ways commenters say each thing (3 to 25 words,
  registers from formal to slang, some lowercase or with a typo; 10-20 templates per group category
  over the ten groups, 30 one-off sentences each of untargeted profanity and ordinary comments, 20
  idioms), by two helpers who opened no file of the project; 93 English and 88 French cases equal to
  or within 0.8 of a dev, sealed or training sentence removed (927 and 932 remain). Halves by
  template; reported as `templates8_suite`. Measured whole on 9edde69 before any case was read
  (BENCHMARKS.md).
- negation3_en.jsonl / negation3_fr.jsonl (2026-12-07, ninth session): 28 templates of negated hate
  in forms that are not "X are not Y" (experience, figures, correcting a commenter, mocking the
  bigot's logic, a stereotype called a myth, a mind changed, history), 10 of hate behind a
  negation or a disclaimer (`fake_negation`) and 14 of ordinary comments naming a group, over the
  ten groups, by two helpers who opened no file of the project; none within 0.8 of a dev, sealed
  or training sentence (520 each). Halves by template; reported as `negation3_suite`. Measured
  whole on c3989b7 before any case was read (BENCHMARKS.md).
- negation4, pronoun4, threats4 (_en / _fr, 2026-12-07, fifteenth session): by six helpers who
  opened no file of the project, asked for comment-section forms (a third of the templates 2-4
  sentences, registers from careful to casual) over the ten groups. negation4: 30 templates of
  negated hate, 15 of hate behind a negation or a disclaimer (`fake_negation`), 15 of
  counter-speech; pronoun4: 25 of hate through a pronoun, a question or an opinion, 15 of
  derogation, 10 each of benign questions or pronouns and benign mentions; threats4: 20 threat, 10
  veiled-threat and 10 look-alike templates against the groups plus 20, 15 and 15 one-off comments
  aimed at a person. Templates with a sentence equal to or within 0.8 of an older dev case, a sealed
  case or a training sentence dropped (16 of 420). Halves by template; reported as
  `negation4_suite`, `pronoun4_suite`, `threats4_suite`. Measured whole on c473c33 before any case
  was read (BENCHMARKS.md).

A fourth suite is sealed (bench/data/sealed/, 2026-12-04): 420 cases per language, 30 per
category, written by two helpers who opened no file of the project, to measure what the rules
written after reading tune failures are worth on text nobody here has read. `--sealed` prints its
figures only; nothing prints its cases, and nothing is to be adjusted after looking at it. A second
sealed suite (bench/data/sealed2/, 2026-12-07, twelfth session) has the same 14 categories and 30
cases each per language, by four more helpers under the same rules, cases within 0.8 of a training
sentence dropped; `--sealed` prints its figures as `sealed2`, apart, so that the first stays
comparable with earlier reports.

Every case falls, by a hash of its text, into the `tune` half or the `report` half. Rules and
thresholds may be adjusted while looking at `tune` failures (`--show-failures` refuses the other
half); the figures we publish are the `report` half's. `--data` adds the held-out split of each
labelled file in ../shared/data: AUC of scores.toxicity, benign comments held, toxic ones caught.

    .venv/bin/python bench/bench_quality.py [--split report|tune|all] [--data] [--show-failures] [--sealed]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from moderation.engine import Engine  # noqa: E402
from moderation.settings import load_settings  # noqa: E402
from moderation.types import CommentInput  # noqa: E402

DEV = ROOT / "bench" / "data" / "dev"
SEALED = ROOT / "bench" / "data" / "sealed"
SEALED_2 = ROOT / "bench" / "data" / "sealed2"
SUITES = ("functional_en.jsonl", "functional_fr.jsonl", "ordinary_comments.jsonl", "threats_en.jsonl",
          "threats_fr.jsonl", "hard_en.jsonl", "hard_fr.jsonl", "round2_en.jsonl", "round2_fr.jsonl",
          "round3_en.jsonl", "round3_fr.jsonl", "templates_en.jsonl", "templates_fr.jsonl",
          "templates2_en.jsonl", "templates2_fr.jsonl", "ordinary2_en.jsonl", "ordinary2_fr.jsonl",
          "round4_en.jsonl", "round4_fr.jsonl", "ordinary3_en.jsonl", "ordinary3_fr.jsonl",
          "templates3_en.jsonl", "templates3_fr.jsonl", "ordinary4_en.jsonl", "ordinary4_fr.jsonl",
          "harm_en.jsonl", "harm_fr.jsonl", "templates4_en.jsonl", "templates4_fr.jsonl", "threats2_en.jsonl",
          "threats2_fr.jsonl", "templates5_en.jsonl", "templates5_fr.jsonl",
          "negation2_en.jsonl", "negation2_fr.jsonl", "threats3_en.jsonl", "threats3_fr.jsonl",
          "kind3_en.jsonl", "kind3_fr.jsonl", "templates7_en.jsonl", "templates7_fr.jsonl",
          "plain7_en.jsonl", "plain7_fr.jsonl", "templates8_en.jsonl", "templates8_fr.jsonl",
          "negation3_en.jsonl", "negation3_fr.jsonl", "negation4_en.jsonl", "negation4_fr.jsonl",
          "pronoun4_en.jsonl", "pronoun4_fr.jsonl", "threats4_en.jsonl", "threats4_fr.jsonl")
# the hateful categories (the rest are expected to be kept or not removed)
HATEFUL = {"threat", "derogation", "pronoun_or_question", "obfuscated", "slur_or_insult", "fake_negation",
           "veiled_threat",
           # ordinary2: the same registers as its ordinary comments, crossing the line
           "insult_person", "insult_caps_or_sweary", "group_hate", "sexual_harassment", "mocking_laughter",
           # harm: the words of harm done to a group, turned against it
           "wished_harm", "victim_blaming", "mocked_victimhood", "deserved", "concern_troll"}
# Suites counted in the all-suites totals (false holds, hateful kept); the hard suite, added on
# 2026-12-03, has totals of its own so that the figures stay comparable with earlier reports.
TOTALLED = ("functional", "ordinary_comments", "threats")


def suite_of(file_name: str) -> str:
    """A suite's name from its file's: "round2_en.jsonl" -> "round2"."""
    return file_name.split(".")[0].replace("_en", "").replace("_fr", "")


# The later suites, each with figures of its own (`<suite>_suite`), in SUITES' order
SEPARATE = tuple(dict.fromkeys(suite_of(name) for name in SUITES if suite_of(name) not in (*TOTALLED, "hard")))


def half(text: str) -> str:
    """`tune` or `report`, fixed by the text."""
    return "tune" if hashlib.sha1(text.encode("utf-8")).digest()[0] % 2 == 0 else "report"


def half_of(case: dict) -> str:
    """A case's half: by its template when it has one (every group's sentence of a template falls in
    the same half, so a rule written from a tune case cannot meet its twin in the report half)."""
    if "template" in case:
        return half(f"{case['language']}:{case['template']}")
    return half(case["text"])


def right(expected: str, decision: str) -> bool:
    return {"keep": decision == "keep", "not_keep": decision != "keep",
            "not_remove": decision != "remove"}[expected]


def load_cases(split: str) -> list[dict]:
    cases = []
    for name in SUITES:
        for line in (DEV / name).read_text("utf-8").splitlines():
            if line.strip():
                case = json.loads(line)
                case["suite"] = suite_of(name)
                if split == "all" or half_of(case) == split:
                    cases.append(case)
    return cases


def balanced_accuracy(rows: list[tuple[dict, str]]) -> float | None:
    """Keep vs not-keep over the functional cases: hateful categories should not be kept, the others kept."""
    hateful = [d != "keep" for c, d in rows if c["category"] in HATEFUL]
    benign = [d == "keep" for c, d in rows if c["category"] not in HATEFUL]
    if not hateful or not benign:
        return None
    return (sum(hateful) / len(hateful) + sum(benign) / len(benign)) / 2


def costs(rows: list[tuple[dict, str]]) -> dict:
    """A moderator's cost (cases to keep that were held) and a reader's (hateful cases kept)."""
    keep_expected = [d for c, d in rows if c["expected"] == "keep"]
    hateful = [d for c, d in rows if c["category"] in HATEFUL]
    return {"false_holds": f"{sum(d != 'keep' for d in keep_expected)}/{len(keep_expected)}",
            "hateful_kept": f"{sum(d == 'keep' for d in hateful)}/{len(hateful)}"}


def tally(rows: list[tuple[dict, str]], key) -> dict:
    """key(case) -> [cases decided right, cases], over (case, decision) rows."""
    table: dict = defaultdict(lambda: [0, 0])
    for case, decision in rows:
        table[key(case)][0] += right(case["expected"], decision)
        table[key(case)][1] += 1
    return table


def report_suites(engine: Engine, split: str, show_failures: bool) -> dict:
    cases = load_cases(split)
    decisions = engine.decide([CommentInput(id=str(i), text=c["text"]) for i, c in enumerate(cases)])
    rows = [(c, d.decision) for c, d in zip(cases, decisions)]
    table = tally(rows, lambda case: (case["suite"], case["category"], case["expected"], case["language"]))
    out = {"split": split, "categories": {}}
    for (suite, category, expected, language), (good, n) in sorted(table.items()):
        out["categories"][f"{suite}/{category}/{language}"] = {"expected": expected, "right": round(good / n, 3), "n": n}
    for language in ("en", "fr"):
        functional = [(c, d) for c, d in rows if c["suite"] == "functional" and c["language"] == language]
        ba = balanced_accuracy(functional)
        ordinary = [d for c, d in rows if c["suite"] == "ordinary_comments" and c["language"] == language]
        out[language] = {
            "functional_balanced_accuracy": None if ba is None else round(ba, 3),
            "ordinary_kept": round(sum(d == "keep" for d in ordinary) / len(ordinary), 3) if ordinary else None,
            **costs([(c, d) for c, d in rows if c["language"] == language and c["suite"] in TOTALLED]),
            "hard_suite": costs([(c, d) for c, d in rows if c["language"] == language and c["suite"] == "hard"]),
        }
        for suite in SEPARATE:
            mine = [(c, d) for c, d in rows if c["language"] == language and c["suite"] == suite]
            if mine:
                ba = balanced_accuracy(mine)
                out[language][f"{suite}_suite"] = {"balanced_accuracy": None if ba is None else round(ba, 3), **costs(mine)}
    if show_failures:
        if split != "tune":
            raise SystemExit("--show-failures only shows the tune half: the report half stays unseen")
        for (case, decision), full in zip(rows, decisions):
            if not right(case["expected"], decision):
                print(f"FAIL {case['language']} {case['suite']}/{case['category']:22} {decision:6} {full.reasons} "
                      f"tox={full.scores.get('toxicity', 0):.2f} | {case['text']}", file=sys.stderr)
    return out


def report_sealed(engine: Engine, folder: Path = SEALED) -> dict:
    """Figures of a sealed suite: per category and language, balanced accuracy, both costs."""
    cases = [json.loads(line) for path in sorted(folder.glob("*.jsonl"))
             for line in path.read_text("utf-8").splitlines() if line.strip()]
    decisions = engine.decide([CommentInput(id=str(i), text=c["text"]) for i, c in enumerate(cases)])
    rows = [(c, d.decision) for c, d in zip(cases, decisions)]
    table = tally(rows, lambda case: (case["category"], case["expected"], case["language"]))
    out: dict = {"categories": {f"{category}/{language}": {"expected": expected, "right": round(good / n, 3), "n": n}
                                for (category, expected, language), (good, n) in sorted(table.items())}}
    for language in ("en", "fr"):
        mine = [(c, d) for c, d in rows if c["language"] == language]
        ba = balanced_accuracy(mine)
        out[language] = {"balanced_accuracy": None if ba is None else round(ba, 3), **costs(mine)}
    return out


def report_data(engine: Engine) -> dict:
    """Held-out split of each labelled training file: AUC, benign held, toxic caught."""
    from moderation.training.datasets import TRAINING_FILES, load_training_file
    from moderation.training.metrics import roc_auc
    from moderation.training.splits import is_heldout

    data = ROOT.parent / "shared" / "data"
    out = {}
    for name in TRAINING_FILES:
        examples = [e for e in load_training_file(data / name) if is_heldout(e) and "toxicity" in e.labels]
        decisions = engine.decide([CommentInput(id=str(i), text=e.text) for i, e in enumerate(examples)])
        labels = [e.labels["toxicity"] for e in examples]
        auc = roc_auc(labels, [d.scores["toxicity"] for d in decisions])
        benign = [d for d, y in zip(decisions, labels) if y == 0]
        toxic = [d for d, y in zip(decisions, labels) if y == 1]
        out[name] = {
            "n": len(examples), "auc": None if auc is None else round(auc, 4),
            "benign_held": round(sum(d.decision != "keep" for d in benign) / len(benign), 3) if benign else None,
            "toxic_caught": round(sum(d.decision != "keep" for d in toxic) / len(toxic), 3) if toxic else None,
        }
    return out


def report_groups(engine: Engine) -> dict:
    """False holds per identity group on benign sentences that name it (held-out identity sentences)."""
    from moderation.training.datasets import load_training_file
    from moderation.training.splits import is_heldout

    data = ROOT.parent / "shared" / "data"
    examples = [e for e in load_training_file(data / "en_wikipedia_identity_benign_sentences.csv") if is_heldout(e)]
    decisions = engine.decide([CommentInput(id=str(i), text=e.text) for i, e in enumerate(examples)])
    per_group: dict = defaultdict(lambda: [0, 0])
    for example, decision in zip(examples, decisions):
        for group in engine.targets.groups_named(example.text, "en") or ["(no group named)"]:
            per_group[group][0] += decision.decision != "keep"
            per_group[group][1] += 1
    rates = {g: (held / n, n) for g, (held, n) in per_group.items() if n >= 10}
    named = [rate for g, (rate, _) in rates.items() if g != "(no group named)"]
    return {"false_hold_rate": {g: {"held": round(r, 3), "n": n} for g, (r, n) in sorted(rates.items())},
            "spread_between_groups": round(max(named) - min(named), 3) if named else None}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("report", "tune", "all"), default="report")
    parser.add_argument("--data", action="store_true", help="also measure the held-out split of ../shared/data")
    parser.add_argument("--show-failures", action="store_true", help="print the failing tune cases to stderr")
    parser.add_argument("--sealed", action="store_true", help="only the sealed suites' figures (never their cases)")
    args = parser.parse_args()
    engine = Engine.from_settings(load_settings())
    if args.sealed:
        print(json.dumps({"model": engine.scorer.model_id, "policy": engine.policy.version,
                          "sealed": report_sealed(engine), "sealed2": report_sealed(engine, SEALED_2)},
                         indent=1, ensure_ascii=False))
        return
    result = {"model": engine.scorer.model_id, "policy": engine.policy.version,
              "suites": report_suites(engine, args.split, args.show_failures)}
    if args.data:
        result["data"] = report_data(engine)
        result["identity_groups"] = report_groups(engine)
    print(json.dumps(result, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
