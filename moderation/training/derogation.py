"""Slur-free hate against identity groups and ordinary talk about the same groups, written by hand.

Why: slur-free derogation ("I can't stand Muslims", "women shouldn't be allowed to vote", hate
through a pronoun in a later sentence or phrased as a question) is caught by the targeting rules
only in the phrasings they were written from: on the report halves of the later dev suites
derogation was caught 0.55-0.70, against 1.00 on the tune halves the rules came from. The
identity_attack head learned from Jigsaw's `identity_hate` (few, mostly slurs) and ToxiGen's
statements (757, English). Two helper sessions that had read no file of the project wrote 720
comments per language: 360 hateful in eight kinds (strong dislike, negative generalisation,
dehumanisation, exclusion, hate through a negated positive, a question or opinion, a pronoun in a
later sentence, insinuation) and 360 acceptable in eight kinds that mirror them (neutral and
positive mentions, denials of a stereotype, counter-speech quoting hate, harmless questions and
opinions, harmless pronoun reference, harsh criticism of a policy or institution, news of
discrimination), over the same groups, so that a group's name alone predicts nothing. Comments
within a difflib ratio of 0.8 of a dev-suite or sealed-suite case were removed before any
training (tests/test_derogation_sentences.py). Files:
moderation/training/derogation_sentences/{en,fr}.jsonl, one {"text", "label", "kind"} per line;
`label` is identity_attack. Train-only, like the other written sentences: never held out, never
calibrating a threshold.

Round 2 (2026-12-06, `derogation_sentences_round2/`): two more helper sessions, under the same
rule of reading nothing of the project, wrote about 640 comments per language in nine hateful kinds
(exclusion, dislike, generalisation, dehumanisation, fake negation, pronoun reference, question or
opinion, denied rights, mockery) and nine acceptable ones (questions about discrimination, support,
news and facts, the writer's own life, a stereotype denied, counter-speech, policy criticism,
neutral questions and opinions, dislike of something that is no identity group). Why: a probe of
benign questions about a group's treatment ("Why are Muslims treated so badly in this country?",
« Pourquoi les Noirs sont-ils si mal traités ? ») found 16/16 held on identity_attack. A round's
comments join the same (source, class) cells as round 1's: more kinds of sentence, the same weight.

Minimal pairs (2026-12-06, `derogation_pairs/`): two more helper sessions, under the same rule,
wrote about 400 pairs per language, a hateful comment about a group and the same comment with the
fewest words changed to say something acceptable of the same group ("Muslims are disgusting." /
"Muslims are wonderful."), in ten shapes (a predicate, a feeling, presence wanted or refused,
rights, a question, an opinion, a pronoun, a comparison, oneself or someone one knows, two to five
words). Why: the identity_attack head scored "Muslims are brilliant." 0.86; only the group-neutral
reading kept such comments, and that reading also waives hate that is hateful because of whom it
names ("I don't want any Muslims in my street"). A pair with a half near a dev or sealed case was
dropped whole (tests/test_derogation_sentences.py): 380 English and 368 French pairs remain.

Harm talk (2026-12-06, sixth session, `harm_talk/`): two more helper sessions, under the same rule,
wrote 540 comments per language about harm done to groups: 360 a moderator keeps (harm stated or
asked, testimony, statistics, attackers condemned, calls to protect them: "my mum gets spat at for
her hijab", « les femmes voilées sont les premières à trinquer ») and 180 that turn the same words
against the group (harm wished or deserved, victim-blaming, victimhood mocked, veiled menace,
hatred as concern). Why: the harm suite (bench/data/dev/harm_*.jsonl) held 21 / 22 of 100 such
benign comments per language on 7fa44e1, on identity_attack, the threat head's group bar and
toxicity. None within 0.8 of a dev or sealed case (tests/test_derogation_sentences.py).
"""

from __future__ import annotations

from pathlib import Path

from moderation.training.datasets import Example
from moderation.training.freeform import labelled_rows
from moderation.types import SUPPORTED_LANGUAGES

SOURCE = "written_derogation"
FOLDER = Path(__file__).resolve().parent / "derogation_sentences"
ROUND_2 = Path(__file__).resolve().parent / "derogation_sentences_round2"
PAIRS = Path(__file__).resolve().parent / "derogation_pairs"
HARM_TALK = Path(__file__).resolve().parent / "harm_talk"
ROUNDS = {"round2": ROUND_2, "pairs": PAIRS, "harm": HARM_TALK}  # the folders a recipe may add to round 1 (pipeline.ModelRecipe)


def derogation_examples(folders: tuple[Path, ...] = (FOLDER,),
                        labels: tuple[str, ...] = ("identity_attack",)) -> list[Example]:
    """Every comment of both languages in `folders`, its label given to each of `labels`
    (identity_attack only by default); each language is its own source, so that its hateful and
    acceptable comments make (source, class) cells of their own, whatever round they come from."""
    return [Example(row["text"], language, f"{SOURCE}_{language}",
                    f"{'' if folder == FOLDER else folder.name + ':'}{language}:{number}",
                    {label: int(row["label"]) for label in labels})
            for folder in folders for language, number, row in labelled_rows(folder)]


GROUP_TALK_SOURCE = "written_group_talk"
ALL_FOLDERS = {"round1": FOLDER, **ROUNDS}  # every folder by name, for a recipe's group talk


def group_talk_examples(folders: tuple[Path, ...], languages: tuple[str, ...] = SUPPORTED_LANGUAGES,
                        source: str | None = None) -> list[Example]:
    """The acceptable comments (label 0) of `folders` in `languages`, labelled threat 0 and nothing
    else, each language its own source (cells of their own), or all in `source` (joining its
    cells): talk about a group that a moderator keeps (a mention, a stereotype
    denied, harm told, support) is no threat, whatever group it names. Why: the threat head's
    French negatives had no such talk (English has 11,543 benign sentences about groups), and it
    scored « Quelqu'un sait si l'expo consacrée aux Roms est prolongée ? » 0.87. Tried as stack-v13
    and its variants (pipeline.py, docs/model.md), not shipped."""
    return [Example(row["text"], language, source or f"{GROUP_TALK_SOURCE}_{language}",
                    f"{folder.name}:{language}:{number}", {"threat": 0})
            for folder in folders for language, number, row in labelled_rows(folder)
            if row["label"] == 0 and language in languages]
