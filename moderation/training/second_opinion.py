"""`moderation train --model second-opinion-v2` (or v1): the second opinion on comments held on toxicity alone.

The shipped model's toxicity head learned that a news comment's register is toxic: the only news-site
comments in ../shared/data are Civil Comments' toxic ones. Retraining that head with benign news
comments beside them moved its calibrated thresholds and lost threats and slur-free hate with
them (stack-v8c, stack-v11l in docs/model.md). So the shipped heads stay as they are, and a
comment they hold on toxicity alone (no lexicon term, no targeted abuse, no other head over a bar)
is read once more by this head: an MLP (v2; v1 a logistic regression) on the sentence embedding alone, trained on
the training split of every file (as the shipped model) plus the hand-written heated comments
(training/heated.py) and news comments (training/news.py). Where it scores the comment under
[second_opinion] toxicity_keep_below, the hold is released (moderation/policy.py). Chosen on the
dev tune half and the choice split (bench/experiments/second_opinion.py, docs/model.md).

The artifact: <id>.json (encoder, head, what it was trained on) and <id>.npz (the MLP's layers,
as moderation/scoring/mlp_head.py stores them, or v1's 512 weights). No pickle; reproducible for a
given embedding cache (a fixed seed; v1's lbfgs has no randomness).
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Callable, Sequence

import numpy as np

from moderation.scoring.encoder import DIMENSIONS, ENCODER_NAME, package_version
from moderation.training import pipeline
from moderation.training.datasets import TRAINING_FILES, Example, file_sha256, load_training_file
from moderation.training.embeddings import EmbeddingCache
from moderation.training.fit import MlpOptions, cell_weights, fit_mlp_head
from moderation.training.heated import heated_examples
from moderation.training.news import news_examples
from moderation.training.splits import is_choice, is_heldout

# v1: a logistic regression; v2: a one-hidden-layer MLP over the same embedding (the shipped one),
# with the same options as the shipped model's MLP heads (fit.MlpOptions: 128 units, alpha 1e-2).
MODEL_ID = "second-opinion-v2"
MODELS = {"second-opinion-v1": "linear", "second-opinion-v2": "mlp"}
LABEL = "toxicity"
C = 1.0  # scikit-learn's default; the head has 512 inputs and ~100k rows
# The cells weigh as in the shipped model (the Wikipedia talk comments three ordinary cells).
SOURCE_WEIGHTS = dict(pipeline.SOURCE_WEIGHTS)


def training_rows(data_dir: Path, files: Sequence[str] = TRAINING_FILES, written: bool = True) -> list[Example]:
    """The training split of the files (never the held-out or choice split) and, with `written`,
    the hand-written heated and news comments."""
    rows = [e for name in files for e in load_training_file(data_dir / name)
            if LABEL in e.labels and not is_heldout(e) and not is_choice(e)]
    return rows + (heated_examples() + news_examples() if written else [])


def train_second_opinion(data_dir: Path, out: Path, cache_dir: Path, model_id: str = MODEL_ID,
                         files: Sequence[str] = TRAINING_FILES, written: bool = True, head: str | None = None,
                         seed: int = 0, log: Callable[[str], None] = print) -> Path:
    """Fit the head ("linear" or "mlp"; default: the model id's) and write <out>/<model_id>.json and
    .npz; return the .json path."""
    head = head or MODELS.get(model_id, "mlp")
    rows = training_rows(data_dir, files, written)
    x = EmbeddingCache(cache_dir).embed([e.text for e in rows], log=log)
    y = np.array([e.labels[LABEL] for e in rows], dtype=np.int64)
    out.mkdir(parents=True, exist_ok=True)
    weights = out / f"{model_id}.npz"
    if head == "linear":
        from sklearn.linear_model import LogisticRegression

        model = LogisticRegression(C=C, max_iter=2000)
        model.fit(x, y, sample_weight=cell_weights(rows, LABEL, SOURCE_WEIGHTS))
        np.savez(weights, weights=model.coef_[0].astype(np.float32))
        parameters = {"intercept": float(model.intercept_[0])}
    else:
        mlp = fit_mlp_head(rows, LABEL, x, MlpOptions(LABEL, blend=1.0), seed, SOURCE_WEIGHTS)
        np.savez(weights, **mlp.arrays())
        parameters = {"mlp": mlp.description()}
    log(f"second opinion: {head} head fitted on {len(rows)} rows")
    description = {
        "model_id": model_id,
        "kind": "second_opinion",
        "head": head,
        **parameters,
        "label": LABEL,
        "encoder": {"name": ENCODER_NAME, "version": package_version(), "dimensions": DIMENSIONS},
        "weights_file": weights.name,
        "training": {
            "rows_by_source_and_class": {f"{source}:{label}": count for (source, label), count in
                                         sorted(Counter((e.source, e.labels[LABEL]) for e in rows).items())},
            "files": {name: file_sha256(data_dir / name) for name in files}, "written": written,
            "c": C if head == "linear" else None, "seed": seed, "source_weights": SOURCE_WEIGHTS,
        },
    }
    path = out / f"{model_id}.json"
    path.write_text(json.dumps(description, indent=1, sort_keys=True) + "\n", "utf-8")
    return path
