"""Read the labelled files in ../shared/data into examples with the project's label names.

Label mapping (documented in docs/model.md):
- davidson_en: class 0 (hate) or 1 (offensive) -> toxicity 1, class 2 (neither) -> 0;
  identity_attack 1 for class 0 only.
- paradetox_en: each toxic_comment -> toxicity 1, its neutral_comment paraphrase -> 0.
- mlma_en / mlma_fr: sentiment exactly "normal" -> toxicity 0; any of offensive, abusive,
  hateful, disrespectful -> 1; anything else ("fearful" alone, or "normal" mixed with another
  tag) is ambiguous and left out. identity_attack 1 when "hateful" is among the tags.
- jigsaw_dummy_train: toxic -> toxicity, identity_hate -> identity_attack. Held out whole for
  evaluation (see splits.py), never trained on.
- hateday_fr / rtplx_fr: `label` -> toxicity. Development evaluation ONLY: the training loader
  refuses them by name and by content hash.
- en_wikipedia_talk_jigsaw: `label` -> toxicity; where `label_source` is `any_of_6` the six Jigsaw
  labels also give severe_toxicity, obscene, threat, insult and identity_attack (identity_hate).
  Rows whose `source` is a public copy of a Jigsaw TEST file (RobTest-Demo `jigsaw/test.csv`,
  nlp_project `jigsaw_test.csv`) are left out: outsiders judge us on the Jigsaw test sets, and we
  never train on them, whatever copy they arrive through.
- en_civil_comments_toxic_spans: all toxic (toxicity 1); negatives come from the other files.
- en_wikipedia_identity_benign_sentences: toxicity, identity_attack and threat 0 (hard negatives:
  sentences that name identity groups).
- en_toxigen_seed_statements: `label` -> toxicity and identity_attack (implicit, slur-free hate
  against a named group, or a benign statement about the same group); threat 0.
- fr_toxifrench_agreement_sample: `label` -> toxicity (native French forum messages). We train on
  its training split and report its held-out split (see splits.py).
"""

from __future__ import annotations

import csv
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from moderation.types import SUPPORTED_LANGUAGES

# Files that must never be trained on, by name and by SHA-256 (so a renamed copy is refused too).
EVAL_ONLY = {
    "hateday_fr.csv": "a8d39647a50e8a71a8d7719986aca09fc3ed6dc86f174322b4fee18634180c09",
    "rtplx_fr.csv": "f980b62dc5df911f26fbcd04957dc9a381321437b5572f5f18ec9ddc2bb8b66a",
}
# Copies of the Jigsaw competition's TEST files inside en_wikipedia_talk_jigsaw.csv (by `source`).
JIGSAW_TEST_COPIES = ("RobTest-Demo:data/jigsaw/test.csv", "nlp_project:data/jigsaw_test.csv")
_MLMA_TOXIC = {"offensive", "abusive", "hateful", "disrespectful"}


class EvalOnlyData(ValueError):
    """A development-evaluation file was offered to the training loader."""


@dataclass(frozen=True)
class Example:
    """One labelled text. `labels` maps label name -> 0/1; a missing label is unknown."""

    text: str
    language: str
    source: str
    group: str  # split key: rows sharing a group (a ParaDetox pair) land in the same split
    labels: dict[str, int] = field(default_factory=dict)


def file_sha256(path: Path) -> str:
    """Return the hex SHA-256 of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def refuse_eval_only(path: Path) -> None:
    """Raise EvalOnlyData if `path` is (or is a copy of) a development-evaluation file."""
    digest = file_sha256(path)
    if path.name in EVAL_ONLY or digest in EVAL_ONLY.values():
        raise EvalOnlyData(f"{path}: development-evaluation data (see ../shared/data/README.md); never trained on")


def _rows(path: Path) -> list[dict[str, str]]:
    delimiter = "\t" if path.suffix == ".tsv" else ","
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter=delimiter))


def _davidson(rows: list[dict[str, str]], language: str) -> list[Example]:
    return [Example(r["tweet"], language, "davidson_en", r[""],
                    {"toxicity": int(r["class"] in "01"), "identity_attack": int(r["class"] == "0")})
            for r in rows]


def _paradetox(rows: list[dict[str, str]], language: str) -> list[Example]:
    out = []
    for r in rows:
        group = r["idx"]
        out.append(Example(r["toxic_comment"], language, "paradetox_en", group, {"toxicity": 1}))
        out.append(Example(r["neutral_comment"], language, "paradetox_en", group, {"toxicity": 0}))
    return out


def _mlma(rows: list[dict[str, str]], language: str) -> list[Example]:
    out = []
    for r in rows:
        tags = set(r["sentiment"].split("_"))
        if tags == {"normal"}:
            labels = {"toxicity": 0, "identity_attack": 0}
        elif tags & _MLMA_TOXIC and "normal" not in tags:
            labels = {"toxicity": 1, "identity_attack": int("hateful" in tags)}
        else:
            continue  # "fearful" alone or "normal" mixed with a toxic tag: annotators disagreed
        out.append(Example(r["tweet"], language, f"mlma_{language}", r["HITId"], labels))
    return out


def _jigsaw(rows: list[dict[str, str]], language: str) -> list[Example]:
    return [Example(r["comment_text"], language, "jigsaw_dummy_train", r["id"],
                    {"toxicity": int(r["toxic"]), "identity_attack": int(r["identity_hate"])})
            for r in rows]


_JIGSAW_SIX = {"toxic": "toxicity", "severe_toxic": "severe_toxicity", "obscene": "obscene",
               "threat": "threat", "insult": "insult", "identity_hate": "identity_attack"}


def _wikipedia_talk(rows: list[dict[str, str]], language: str) -> list[Example]:
    out = []
    for i, r in enumerate(rows):
        if any(copy in r["source"] for copy in JIGSAW_TEST_COPIES):
            continue
        labels = {"toxicity": int(r["label"])}
        if r["label_source"] == "any_of_6":
            labels.update({ours: int(r[theirs]) for theirs, ours in _JIGSAW_SIX.items() if r[theirs] != ""})
            labels["toxicity"] = int(r["label"])
        out.append(Example(r["text"], language, "wikipedia_talk_en", str(i), labels))
    return out


def _single_label(rows: list[dict[str, str]], source: str, language: str, extra_zero: tuple[str, ...] = (),
                  mirror: tuple[str, ...] = ()) -> list[Example]:
    """Rows with one `label` column: toxicity = label, `mirror` labels = label, `extra_zero` labels = 0."""
    out = []
    for i, r in enumerate(rows):
        value = int(r["label"])
        labels = {"toxicity": value, **{name: value for name in mirror}, **{name: 0 for name in extra_zero}}
        out.append(Example(r["text"], language, source, str(i), labels))
    return out


@dataclass(frozen=True)
class TrainingFile:
    """How one labelled file is used: its language, its reader, and whether it calibrates."""

    language: str  # each example's language (one of types.SUPPORTED_LANGUAGES to be calibrated)
    read: Callable[[list[dict[str, str]], str], list[Example]]  # (rows, language) -> examples
    # Its choice-split benign rows set the language's hold thresholds (training/calibrate.py).
    calibrates: bool = False


# The registration of the training data, in training order: a new language's files are added
# here with their language, and the ones whose benign rows calibrate it marked so.
TRAINING_DATA: dict[str, TrainingFile] = {
    "davidson_en.csv": TrainingFile("en", _davidson),
    "paradetox_en.tsv": TrainingFile("en", _paradetox),
    "mlma_en.csv": TrainingFile("en", _mlma),
    "mlma_fr.csv": TrainingFile("fr", _mlma, calibrates=True),
    "jigsaw_dummy_train.csv": TrainingFile("en", _jigsaw),
    "en_wikipedia_talk_jigsaw.csv": TrainingFile("en", _wikipedia_talk, calibrates=True),
    "en_civil_comments_toxic_spans.csv": TrainingFile(
        "en", lambda rows, language: _single_label(rows, "civil_comments_en", language)),
    "en_wikipedia_identity_benign_sentences.csv": TrainingFile("en", lambda rows, language: _single_label(
        rows, "identity_benign_en", language, extra_zero=("identity_attack", "threat")), calibrates=True),
    "en_toxigen_seed_statements.csv": TrainingFile("en", lambda rows, language: _single_label(
        rows, "toxigen_en", language, extra_zero=("threat",), mirror=("identity_attack",)), calibrates=True),
    "fr_toxifrench_agreement_sample.csv": TrainingFile(
        "fr", lambda rows, language: _single_label(rows, "toxifrench_forum_fr", language), calibrates=True),
}
TRAINING_FILES = tuple(TRAINING_DATA)
# The files linear-v1 was trained on (kept so that model can be rebuilt as it was).
LINEAR_V1_FILES = TRAINING_FILES[:5]
# language -> training files whose choice-split benign rows calibrate it (training/calibrate.py)
BENIGN_DEV_SETS: dict[str, tuple[str, ...]] = {
    language: names for language in SUPPORTED_LANGUAGES
    if (names := tuple(name for name, file in TRAINING_DATA.items() if file.language == language and file.calibrates))}


def load_training_file(path: Path) -> list[Example]:
    """Read one training file into examples; refuse evaluation-only data."""
    refuse_eval_only(path)
    if path.name not in TRAINING_DATA:
        raise ValueError(f"{path}: not a known training file (expected one of {sorted(TRAINING_DATA)})")
    registered = TRAINING_DATA[path.name]
    return registered.read(_rows(path), registered.language)


def load_dev_file(path: Path) -> list[Example]:
    """Read a development-evaluation file (hateday_fr/rtplx_fr: content,label) for measuring only."""
    return [Example(r["content"], "fr", path.stem, str(i), {"toxicity": int(r["label"])})
            for i, r in enumerate(_rows(path))]
