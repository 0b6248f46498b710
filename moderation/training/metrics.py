"""Ranking and decision metrics in numpy (no scikit-learn: the eval CLI imports this)."""

from __future__ import annotations

from typing import Sequence

import numpy as np


def _average_ranks(values: np.ndarray) -> np.ndarray:
    """Return 1-based ranks, ties sharing their average rank."""
    order = np.argsort(values, kind="mergesort")
    sorted_values = values[order]
    # Start index of each run of equal values, then the mean rank of the run.
    starts = np.flatnonzero(np.r_[True, sorted_values[1:] != sorted_values[:-1]])
    ends = np.r_[starts[1:], len(values)]
    run_rank = (starts + ends + 1) / 2.0
    ranks = np.empty(len(values), dtype=np.float64)
    ranks[order] = np.repeat(run_rank, ends - starts)
    return ranks


def roc_auc(labels: Sequence[int], scores: Sequence[float]) -> float | None:
    """Return the ROC AUC (Mann-Whitney U), or None when only one class is present."""
    y = np.asarray(labels, dtype=bool)
    s = np.asarray(scores, dtype=np.float64)
    positives, negatives = int(y.sum()), int((~y).sum())
    if positives == 0 or negatives == 0:
        return None
    rank_sum = _average_ranks(s)[y].sum()
    return float((rank_sum - positives * (positives + 1) / 2.0) / (positives * negatives))


def precision_recall(labels: Sequence[int], flagged: Sequence[bool]) -> dict[str, float | None]:
    """Return precision and recall of `flagged` against the positive labels."""
    y = np.asarray(labels, dtype=bool)
    f = np.asarray(flagged, dtype=bool)
    true_pos = int((y & f).sum())
    return {
        "precision": true_pos / int(f.sum()) if f.any() else None,
        "recall": true_pos / int(y.sum()) if y.any() else None,
        "flagged": int(f.sum()),
    }


def balanced_accuracy(labels: Sequence[int], predicted: Sequence[bool]) -> float | None:
    """Return the mean of the true-positive and true-negative rates (None if a class is absent)."""
    y = np.asarray(labels, dtype=bool)
    p = np.asarray(predicted, dtype=bool)
    if y.all() or not y.any():
        return None
    return float(((y & p).sum() / y.sum() + (~y & ~p).sum() / (~y).sum()) / 2.0)
