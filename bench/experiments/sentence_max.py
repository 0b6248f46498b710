"""Does reading each sentence on its own rank comments better than reading the whole comment?

A calm sentence around a claim dilutes what the encoder reads: tune-half hateful cases caught as
written lose 6% of their catches with "Anyway, that's what I think about it." after them
(bench/experiments/disguise_robustness.py, `after`). Scoring each sentence too and taking, per
label, the higher of the whole comment and its worst sentence would undo that, but it raises the
scores of long benign comments as well; thresholds are calibrated on benign comments, so what
matters is the ranking: AUC of scores.toxicity (and identity_attack, threat) on the choice split of
the training files, whole comment against max(whole, sentences), and the same on the dev tune half
(hateful cases against those to keep). Comments of one sentence score the same either way.

    .venv/bin/python bench/experiments/sentence_max.py

Measured 2026-12-04 (stack-v7; AUC whole comment -> max of whole and sentences):

| set (comments of several sentences) | toxicity | identity_attack | threat |
|---|---|---|---|
| Wikipedia talk, choice split (1,724 of 2,338) | 0.9639 -> 0.9589 | 0.8739 -> 0.8512 | 0.7615 -> 0.6844 |
| Davidson tweets (825 of 2,385) | 0.9409 -> 0.9378 | 0.5911 -> 0.5737 | 0.6288 -> 0.5851 |
| ParaDetox (363 of 3,866) | 0.9521 -> 0.9533 | 0.6077 -> 0.6053 | 0.5614 -> 0.5625 |
| MLMA fr (148 of 354) | 0.7605 -> 0.7449 | 0.5597 -> 0.5614 | 0.5150 -> 0.5086 |
| ToxiGen (17 of 66) | 0.9421 -> 0.9614 | 0.9633 -> 0.9706 | 0.6951 -> 0.7062 |
| dev tune half, not keep vs keep (356 of 1,968) | 0.7507 -> 0.7517 | 0.7475 -> 0.7466 | 0.7556 -> 0.7459 |

Not shipped: on real comments the worst sentence ranks worse than the whole comment (Wikipedia
toxicity -0.005, threat -0.08: a sentence out of its talk-page context reads harsher than it is).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "bench" / "experiments"))

from bench_quality import load_cases  # noqa: E402
from compare import choice_split  # noqa: E402
from moderation.engine import Engine  # noqa: E402
from moderation.settings import load_settings  # noqa: E402
from moderation.training.metrics import roc_auc  # noqa: E402

_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|\n+")
MAX_SENTENCES = 8
LABELS = ("toxicity", "identity_attack", "threat")


def sentences(text: str) -> list[str]:
    parts = [p.strip() for p in _SENTENCE_END.split(text) if p and len(p.strip()) >= 3]
    return parts[:MAX_SENTENCES] if len(parts) > 1 else []


def readings(engine: Engine, texts: list[str]) -> tuple[list[dict], list[dict]]:
    """(scores of each whole text, per label the max of the whole text and its sentences)."""
    languages = [engine.detector.detect(t).language for t in texts]
    whole = engine.scorer.score(texts, languages)
    parts = [(i, s) for i, t in enumerate(texts) for s in sentences(t)]
    scored = engine.scorer.score([s for _, s in parts], [languages[i] for i, _ in parts]) if parts else []
    best = [dict(w) for w in whole]
    for (i, _), scores in zip(parts, scored):
        for label in LABELS:
            best[i][label] = max(best[i][label], scores[label])
    return whole, best


def main() -> None:
    engine = Engine.from_settings(load_settings())
    sets = dict(choice_split())
    cases = load_cases("tune")
    sets["dev tune half (not keep vs keep)"] = ([c["text"] for c in cases], [int(c["expected"] == "not_keep") for c in cases])
    for name, (texts, labels) in sets.items():
        if len(set(labels)) < 2:
            continue
        whole, best = readings(engine, texts)
        multi = sum(1 for t in texts if sentences(t))
        row = [f"{label} {roc_auc(labels, [w[label] for w in whole]):.4f} -> {roc_auc(labels, [b[label] for b in best]):.4f}"
               for label in LABELS]
        print(f"{name} (n={len(texts)}, {multi} of several sentences): " + "; ".join(row), flush=True)


if __name__ == "__main__":
    main()
