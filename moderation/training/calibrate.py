"""The threshold rule of config/policy.toml, as code.

A label's `hold` threshold in a language is the lowest two-decimal score at which at most
HOLD_SHARE (5%) of that language's benign development comments would be held. The rule is
written down once so that thresholds are recomputed, never hand-picked, whenever the model, the
lexicon or the scorer changes (a detoxify deployment needs its own figures), and so that a test can
tell when config/policy.toml no longer follows it.

Benign development comments: French, the label-0 rows of hateday_fr and rtplx_fr; English, the
label-0 Wikipedia comments of jigsaw_dummy_train. `und` text takes the stricter (lower) of the two,
as the policy file says. `remove` thresholds are a product decision, not calibrated here.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from moderation.training.evaluate import decide_all, read_rows

HOLD_SHARE = 0.05
CALIBRATED_LABELS = ("toxicity", "identity_attack")
# language -> (file in the data folder, text column, label column)
BENIGN_DEV_SETS: dict[str, tuple[tuple[str, str, str], ...]] = {
    "en": (("jigsaw_dummy_train.csv", "comment_text", "toxic"),),
    "fr": (("hateday_fr.csv", "content", "label"), ("rtplx_fr.csv", "content", "label")),
}
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
    """The benign development comments of one language."""
    texts = []
    for name, text_col, label_col in BENIGN_DEV_SETS[language]:
        rows = read_rows(data_dir / name, "csv", text_col, label_col, None)
        texts += [row.text for row in rows if row.label == 0]
    return texts


def engine_scores(engine, texts: list[str], language: str) -> dict[str, np.ndarray]:
    """Score texts through the whole engine (what the policy sees), per calibrated label."""
    columns: dict[str, list[float]] = {label: [] for label in CALIBRATED_LABELS}
    for decision in decide_all(engine, texts, [language] * len(texts)):
        for label, values in columns.items():
            if label in decision.scores:
                values.append(decision.scores[label])
    return {label: np.array(values) for label, values in columns.items() if values}


def calibrate(engine, data_dir: Path, share: float = HOLD_SHARE) -> Calibration:
    """Apply the rule to the engine's scorer; `und` gets the lower threshold of en and fr."""
    thresholds: dict[str, dict[str, float]] = {}
    benign: dict[str, int] = {}
    for language in sorted(BENIGN_DEV_SETS):
        texts = benign_texts(data_dir, language)
        benign[language] = len(texts)
        thresholds[language] = {label: hold_threshold(scores, share)
                                for label, scores in engine_scores(engine, texts, language).items()}
    thresholds["und"] = {label: min(thresholds[lang][label] for lang in BENIGN_DEV_SETS)
                         for label in CALIBRATED_LABELS if all(label in thresholds[lang] for lang in BENIGN_DEV_SETS)}
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
