"""`moderation train --with-reviews`: the site's moderator decisions as training data, weighted.

Each reviewed comment whose text is still stored becomes a toxicity example (rejected = 1,
approved = 0) of source `reviews`. A fixed part of them (HELDOUT_PERCENT, by SHA-1 of the comment
id, so the same comment always lands on the same side) is never trained on: on it the adapted
model and the model the reviews were decided with (the base) are both measured, so the artifact
says whether the adapted one agrees with the moderators more. The reviews' cells get
`review_weight` times the weight of any other (source, class) cell (moderation/training/fit.py).

The new model gets a new id, `<recipe id>-reviews-<digest of the reviews trained on>`, and is
written next to the others, never over the shipped model: using it is a setting
(MODERATION_LINEAR_MODEL_PATH), after `moderation rescore --model PATH` shows what it changes.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np

from moderation.learning.records import ReviewRecord
from moderation.learning.stats import wilson
from moderation.training.datasets import Example
from moderation.training.metrics import roc_auc

SOURCE = "reviews"
HELDOUT_PERCENT = 20
REVIEW_WEIGHT = 2.0


def is_heldout(comment_id: str, percent: int = HELDOUT_PERCENT) -> bool:
    """Tell whether a reviewed comment belongs to the reviews' fixed held-out part."""
    return int.from_bytes(hashlib.sha1(f"{SOURCE}:{comment_id}".encode("utf-8")).digest()[:4], "big") % 100 < percent


def latest_per_revision(records: Iterable[ReviewRecord]) -> list[ReviewRecord]:
    """One record per reviewed revision with its text (the latest decision wins), in a stable order."""
    kept: dict[tuple[str, int], ReviewRecord] = {}
    for record in records:
        if record.text:
            key = (record.comment_id, record.revision)
            if key not in kept or record.at >= kept[key].at:
                kept[key] = record
    return [kept[key] for key in sorted(kept)]


def as_example(record: ReviewRecord) -> Example:
    return Example(record.text, record.language or "und", SOURCE, record.comment_id, {"toxicity": int(record.rejected)})


@dataclass(frozen=True)
class ReviewSplit:
    train: list[ReviewRecord]
    heldout: list[ReviewRecord]

    @property
    def digest(self) -> str:
        """What the adapted model was trained on, in 8 hex digits (part of its id)."""
        body = "\n".join(f"{r.comment_id}\t{r.revision}\t{r.action}" for r in self.train)
        return hashlib.sha1(body.encode("utf-8")).hexdigest()[:8]


def split_reviews(records: Iterable[ReviewRecord], percent: int = HELDOUT_PERCENT) -> ReviewSplit:
    usable = latest_per_revision(records)
    return ReviewSplit([r for r in usable if not is_heldout(r.comment_id, percent)],
                       [r for r in usable if is_heldout(r.comment_id, percent)])


def agreement(scorer, records: Sequence[ReviewRecord], thresholds: dict[str, float]) -> dict:
    """How a scorer ranks and decides the held-out reviews: AUC, and agreement at the hold threshold."""
    if not records:
        return {"n": 0}
    scores = np.array([s["toxicity"] for s in scorer.score([r.text for r in records],
                                                            [r.language or "und" for r in records])])
    labels = np.array([int(r.rejected) for r in records])
    flagged = np.array([s >= thresholds.get(r.language or "und", thresholds["und"]) for s, r in zip(scores, records)])
    agree = int((flagged == labels.astype(bool)).sum())
    auc = roc_auc(labels, scores)
    return {"n": len(records), "rejected": int(labels.sum()), "auc": None if auc is None else round(auc, 4),
            "agreement_at_hold": round(agree / len(records), 4), "agreement_ci": wilson(agree, len(records)),
            "false_holds": int((flagged & ~labels.astype(bool)).sum()),
            "missed_rejections": int((~flagged & labels.astype(bool)).sum())}


def model_id_for(recipe_id: str, split: ReviewSplit) -> str:
    return f"{recipe_id}-reviews-{split.digest}"


def train_with_reviews(data_dir: Path, out_dir: Path, records: Iterable[ReviewRecord], base_scorer,
                       thresholds: dict[str, float], recipe, review_weight: float = REVIEW_WEIGHT,
                       heldout_percent: int = HELDOUT_PERCENT, log=print, **train_options) -> tuple[Path, dict]:
    """Train `recipe` plus the reviews; measure base and adapted on the held-out reviews; return (json path, figures)."""
    from dataclasses import replace

    from moderation.scoring.linear import LinearScorer
    from moderation.training.pipeline import ExtraData, train

    split = split_reviews(records, heldout_percent)
    model_id = model_id_for(recipe.model_id, split)
    log(f"train: {len(split.train)} reviews trained on (weight x{review_weight:g}), {len(split.heldout)} held out; "
        f"model id {model_id}")
    base = agreement(base_scorer, split.heldout, thresholds)
    extra = ExtraData(
        train=tuple(as_example(r) for r in split.train),
        eval_sets={"heldout:reviews": [as_example(r) for r in split.heldout]} if split.heldout else {},
        source_weights={SOURCE: review_weight},
        metadata={"reviews": {"trained_on": len(split.train), "heldout": len(split.heldout),
                              "heldout_percent": heldout_percent, "weight": review_weight, "digest": split.digest,
                              "base_model": base_scorer.model_id, "base_on_heldout": base}})
    path = train(data_dir, out_dir, recipe=replace(recipe, model_id=model_id), log=log, extra=extra, **train_options)
    adapted = agreement(LinearScorer.load(path), split.heldout, thresholds)
    return path, {"model_id": model_id, "path": str(path), "reviews_trained_on": len(split.train),
                  "reviews_heldout": len(split.heldout), "base": {"model": base_scorer.model_id, **base},
                  "adapted": {"model": model_id, **adapted}}
