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

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from moderation.training.datasets import load_training_file
from moderation.training.evaluate import decide_all
from moderation.training.splits import is_choice
from moderation.types import SUPPORTED_LANGUAGES, UNDETERMINED

HOLD_SHARES = {"toxicity": 0.03, "identity_attack": 0.01, "threat": 0.002}
HOLD_SHARE = sum(HOLD_SHARES.values())
CALIBRATED_LABELS = tuple(HOLD_SHARES)
# language (each of types.SUPPORTED_LANGUAGES) -> training files whose choice-split benign rows calibrate it
BENIGN_DEV_SETS: dict[str, tuple[str, ...]] = {
    "en": ("en_wikipedia_talk_jigsaw.csv", "en_wikipedia_identity_benign_sentences.csv",
           "en_toxigen_seed_statements.csv"),
    "fr": ("fr_toxifrench_agreement_sample.csv", "mlma_fr.csv"),
}
MIN_BENIGN = 500
_CANDIDATES = np.round(np.arange(1, 101) / 100, 2)


@dataclass(frozen=True)
class Calibration:
    """Calibrated hold thresholds per language and label, with what they were computed from."""

    thresholds: dict[str, dict[str, float]]
    benign: dict[str, int]  # language -> benign comments scored


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


def engine_scores(engine, texts: list[str], language: str) -> dict[str, np.ndarray]:
    """Score texts through the whole engine (what the policy sees), per calibrated label."""
    columns: dict[str, list[float]] = {label: [] for label in CALIBRATED_LABELS}
    for decision in decide_all(engine, texts, [language] * len(texts)):
        for label, values in columns.items():
            if label in decision.scores:
                values.append(decision.scores[label])
    return {label: np.array(values) for label, values in columns.items() if values}


def calibrate(engine, data_dir: Path, shares: dict[str, float] | None = None) -> Calibration:
    """Apply the rule to the engine's scorer; `und` gets the lowest threshold of the supported languages."""
    shares = shares or HOLD_SHARES
    thresholds: dict[str, dict[str, float]] = {}
    benign: dict[str, int] = {}
    scores: dict[str, dict[str, np.ndarray]] = {}
    for language in sorted(SUPPORTED_LANGUAGES):
        texts = benign_texts(data_dir, language)
        benign[language] = len(texts)
        scores[language] = engine_scores(engine, texts, language)
    pooled = {label: np.concatenate([by_label[label] for by_label in scores.values() if label in by_label])
              for label in CALIBRATED_LABELS if any(label in by_label for by_label in scores.values())}
    for language, by_label in scores.items():
        source = by_label if benign[language] >= MIN_BENIGN else pooled
        thresholds[language] = {label: hold_threshold(values, shares[label]) for label, values in source.items()}
    thresholds[UNDETERMINED] = {
        label: min(thresholds[lang][label] for lang in SUPPORTED_LANGUAGES)
        for label in CALIBRATED_LABELS if all(label in thresholds[lang] for lang in SUPPORTED_LANGUAGES)}
    return Calibration(thresholds, benign)


def disagreements(calibration: Calibration, policy, model_id: str) -> list[str]:
    """Where the policy differs from a calibration of scorer `model_id`, one line each."""
    mismatch = policy.calibration_mismatch(model_id)
    found = [f"calibrated_for: {mismatch}"] if mismatch else []
    for language, labels in calibration.thresholds.items():
        limits = policy.limits(language)
        for label, calibrated in labels.items():
            current = limits.get(label, {}).get("hold")
            if current is None or abs(current - calibrated) > 1e-9:
                found.append(f"{language} {label}: policy hold {current}, calibrated {calibrated:.2f}")
    return found
