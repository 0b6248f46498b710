"""Does scoring sentences separately catch the one toxic sentence of a long comment?

The shipped model scores a comment as a whole (a shrunk mean over its n-grams, docs/model.md
"Length"). Here each comment is also split into sentences and scored per sentence; we compare the
AUC of the whole-comment logit, the highest sentence logit, their mean and their maximum.

    .venv/bin/python bench/experiments/sentence_pooling.py
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from moderation.scoring.linear import LinearScorer  # noqa: E402
from moderation.training.metrics import roc_auc  # noqa: E402

DATA = ROOT.parent / "shared" / "data"
SENTENCE_END = re.compile(r"(?<=[.!?\n])\s+")
SETS = (("jigsaw_dummy_train.csv", "comment_text", "toxic"), ("hateday_fr.csv", "content", "label"),
        ("rtplx_fr.csv", "content", "label"))


def main() -> None:
    scorer = LinearScorer.load()
    toxicity = scorer.labels.index("toxicity")
    for name, text_col, label_col in SETS:
        with (DATA / name).open(newline="", encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
        texts, labels = [r[text_col] for r in rows], [int(r[label_col]) for r in rows]
        whole = scorer.logits(texts)[:, toxicity]
        sentences = [[s for s in SENTENCE_END.split(text) if s.strip()] or [text] for text in texts]
        logits = scorer.logits([s for group in sentences for s in group])[:, toxicity]
        ends = np.cumsum([len(group) for group in sentences])
        best = np.array([logits[end - len(group):end].max() for end, group in zip(ends, sentences)])
        print(f"{name}: whole {roc_auc(labels, whole):.3f}, best sentence {roc_auc(labels, best):.3f}, "
              f"mean of both {roc_auc(labels, (whole + best) / 2):.3f}, max of both {roc_auc(labels, np.maximum(whole, best)):.3f}")


if __name__ == "__main__":
    main()
