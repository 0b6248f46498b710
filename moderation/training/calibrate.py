"""The threshold rule of config/policy.toml, as code.

A label's `hold` threshold in a language is the lowest two-decimal score at which at most its
share (HOLD_SHARES: toxicity 3%, identity_attack 1%, threat 0.2%, so that together with the rules
about 5% at most; the threat head reacts to violent words in idioms and news reports, which the
benign development comments barely contain, so its share was set on the tune half of the dev
suites, where 1% held "the traffic is killing me") of that language's benign development comments would be held. The rule
is written down once so that thresholds are recomputed, never hand-picked, whenever the model,
the lexicon or the scorer changes (a detoxify deployment needs its own figures), and so that a
test can tell when config/policy.toml no longer follows it.

Benign development comments: the label-0 rows of the CHOICE split (moderation/training/splits.py)
of the training files, never the held-out split we report on: English, Wikipedia talk comments,
benign sentences about identity groups and benign ToxiGen statements; French, native forum
messages (ToxiFrench agreement sample) and MLMA tweets marked normal. A language with fewer than
MIN_BENIGN benign comments (French has about 120: 3% of them is four comments) takes the threshold
of all languages' benign comments pooled: the model is one multilingual model, and four comments
are noise, not a threshold. `und` text takes the stricter (lower) of en and fr. `remove`
thresholds are a product decision, not calibrated here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from moderation.training.datasets import BENIGN_DEV_SETS, load_training_file
from moderation.training.evaluate import decide_all
from moderation.training.splits import is_choice
from moderation.types import SUPPORTED_LANGUAGES, UNDETERMINED

HOLD_SHARES = {"toxicity": 0.03, "identity_attack": 0.01, "threat": 0.002}
# `hold_if_group`: the same rule on the benign comments that name an identity group
# (config/targets [groups]), with its own share: a threat head that reads violent intent against a
# named group may hold 1% of benign comments about groups, not 1% of all comments.
GROUP_HOLD_SHARES = {"threat": 0.01}
# `hold_if_person`: the same rule and share on the benign comments that name or address a person
# (config/targets [sets] person, addressee): "je vais venir chez toi avec un couteau" aims at someone.
PERSON_HOLD_SHARES = {"threat": 0.01}
HOLD_SHARE = sum(HOLD_SHARES.values())
CALIBRATED_LABELS = tuple(HOLD_SHARES)
MIN_BENIGN = 500
_CANDIDATES = np.round(np.arange(1, 101) / 100, 2)


@dataclass(frozen=True)
class Calibration:
    """Calibrated hold thresholds per language and label, with what they were computed from."""

    thresholds: dict[str, dict[str, float]]
    benign: dict[str, int]  # language -> benign comments scored
    group_thresholds: dict[str, dict[str, float]] = field(default_factory=dict)  # language -> label -> hold_if_group
    benign_naming_a_group: dict[str, int] = field(default_factory=dict)
    person_thresholds: dict[str, dict[str, float]] = field(default_factory=dict)  # language -> label -> hold_if_person
    benign_naming_a_person: dict[str, int] = field(default_factory=dict)

    def by_key(self) -> tuple[tuple[str, dict[str, dict[str, float]]], ...]:
        """(policy threshold key, language -> label -> value) for `hold`, `hold_if_group`, `hold_if_person`."""
        return (("hold", self.thresholds), ("hold_if_group", self.group_thresholds),
                ("hold_if_person", self.person_thresholds))


def hold_threshold(benign_scores: np.ndarray, share: float = HOLD_SHARE) -> float:
    """Return the lowest two-decimal t such that at most `share` of the scores are >= t."""
    scores = np.asarray(benign_scores, dtype=np.float64)
    within = (scores[None, :] >= _CANDIDATES[:, None]).mean(axis=1) <= share  # False, then True
    if not within.any():
        raise ValueError(f"more than {share:.0%} of benign comments score 1.00: no threshold fits the rule")
    return float(_CANDIDATES[np.argmax(within)])


def benign_texts(data_dir: Path, language: str) -> list[str]:
    """The benign development comments of one language (choice split, label 0)."""
    texts = []
    for name in BENIGN_DEV_SETS[language]:
        texts += [e.text for e in load_training_file(data_dir / name)
                  if is_choice(e) and e.labels.get("toxicity") == 0]
    return texts


def score_columns(decisions, labels: tuple[str, ...]) -> dict[str, np.ndarray]:
    """The decisions' scores (what the policy sees) per label."""
    columns: dict[str, list[float]] = {label: [] for label in labels}
    for decision in decisions:
        for label, values in columns.items():
            if label in decision.scores:
                values.append(decision.scores[label])
    return {label: np.array(values) for label, values in columns.items() if values}


def readings(engine, texts: list[str], language: str) -> list:
    """Each text as the engine's targeting rules read it: the groups it names, whether it names or
    addresses a person (one read per text serves both lower bars)."""
    return [engine.targets.read(text, language) for text in texts]


def _per_language(scores: dict[str, dict[str, np.ndarray]], counts: dict[str, int],
                  shares: dict[str, float]) -> dict[str, dict[str, float]]:
    """The rule per language; a language with fewer than MIN_BENIGN benign comments takes the pooled scores."""
    labels = [label for label in shares if any(label in by_label for by_label in scores.values())]
    pooled = {label: np.concatenate([by_label[label] for by_label in scores.values() if label in by_label])
              for label in labels}
    out = {}
    for language, by_label in scores.items():
        source = by_label if counts[language] >= MIN_BENIGN else pooled
        out[language] = {label: hold_threshold(values, shares[label]) for label, values in source.items()}
    return out


def calibrate(engine, data_dir: Path, shares: dict[str, float] | None = None) -> Calibration:
    """Apply the rule to the engine's scorer; `und` gets the lowest threshold of the supported languages."""
    shares = shares or HOLD_SHARES
    benign: dict[str, int] = {}
    named: dict[str, int] = {}
    addressed: dict[str, int] = {}
    scores: dict[str, dict[str, np.ndarray]] = {}
    group_scores: dict[str, dict[str, np.ndarray]] = {}
    person_scores: dict[str, dict[str, np.ndarray]] = {}
    for language in sorted(SUPPORTED_LANGUAGES):
        texts = benign_texts(data_dir, language)
        benign[language] = len(texts)
        decisions = list(decide_all(engine, texts, [language] * len(texts)))  # each text decided once
        scores[language] = score_columns(decisions, CALIBRATED_LABELS)
        read = readings(engine, texts, language)
        about_groups = [d for d, reading in zip(decisions, read) if reading.groups]
        named[language] = len(about_groups)
        group_scores[language] = score_columns(about_groups, tuple(GROUP_HOLD_SHARES))
        about_persons = [d for d, reading in zip(decisions, read) if reading.names_person]
        addressed[language] = len(about_persons)
        person_scores[language] = score_columns(about_persons, tuple(PERSON_HOLD_SHARES))
    thresholds = _per_language(scores, benign, shares)
    group_thresholds = _per_language(group_scores, benign, GROUP_HOLD_SHARES)
    person_thresholds = _per_language(person_scores, benign, PERSON_HOLD_SHARES)
    for table in (thresholds, group_thresholds, person_thresholds):
        labels = set.intersection(*(set(table[lang]) for lang in SUPPORTED_LANGUAGES))
        table[UNDETERMINED] = {label: min(table[lang][label] for lang in SUPPORTED_LANGUAGES) for label in sorted(labels)}
    return Calibration(thresholds, benign, group_thresholds, named, person_thresholds, addressed)


def disagreements(calibration: Calibration, policy, model_id: str) -> list[str]:
    """Where the policy differs from a calibration of scorer `model_id`, one line each."""
    mismatch = policy.calibration_mismatch(model_id)
    found = [f"calibrated_for: {mismatch}"] if mismatch else []
    for key, table in calibration.by_key():
        for language, labels in table.items():
            limits = policy.limits(language)
            for label, calibrated in labels.items():
                current = limits.get(label, {}).get(key)
                if current is None or abs(current - calibrated) > 1e-9:
                    found.append(f"{language} {label}: policy {key} {current}, calibrated {calibrated:.2f}")
    return found
