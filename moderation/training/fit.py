"""Fit the linear model's heads with scikit-learn (training time only).

Each head (a project label) is a logistic regression over the hashed features of
`moderation.scoring.linear_features`. Every (source, class) cell gets the same total weight,
so that no file and no class dominates because it is large: Davidson is 83% offensive, MLMA
85% toxic, and left alone the model learns "tweet-like" or "French-like" as toxic.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Sequence

import numpy as np
import scipy.sparse as sp
from sklearn.linear_model import LogisticRegression

from moderation.scoring.linear_features import FeatureSpec, featurize
from moderation.scoring.mlp_head import MlpHead
from moderation.training.datasets import Example


@dataclass(frozen=True)
class FitOptions:
    """Training hyper-parameters (recorded in the artifact)."""

    c: float = 4.0
    seed: int = 0
    max_iter: int = 300


@dataclass
class Head:
    label: str
    weights: np.ndarray  # float32, one per feature
    intercept: float
    n_examples: int


def feature_matrix(texts: Sequence[str], spec: FeatureSpec, lexicon: dict | None = None) -> sp.csr_matrix:
    """Build the training featuriser's sparse matrix (duplicates summed) for `texts`."""
    doc, index, value = featurize(texts, spec, lexicon)
    matrix = sp.csr_matrix((value, (doc, index)), shape=(len(texts), spec.n_features), dtype=np.float32)
    matrix.sum_duplicates()
    return matrix


def cell_weights(examples: Sequence[Example], label: str, source_weights: dict[str, float] | None = None) -> np.ndarray:
    """Weight each example so every (source, class) cell sums to the same total.

    `source_weights` multiplies the cells of the sources it names (moderators' reviews, for one).
    """
    cells = Counter((e.source, e.labels[label]) for e in examples)
    total = len(examples) / len(cells)
    factor = source_weights or {}
    return np.array([factor.get(e.source, 1.0) * total / cells[(e.source, e.labels[label])] for e in examples],
                    dtype=np.float64)


def fit_head(examples: Sequence[Example], label: str, matrix: sp.csr_matrix, options: FitOptions,
             source_weights: dict[str, float] | None = None) -> Head:
    """Fit one label's logistic regression on the examples (rows of `matrix`) that carry that label."""
    chosen = [i for i, e in enumerate(examples) if label in e.labels]
    subset = [examples[i] for i in chosen]
    x = matrix[chosen]
    y = np.array([e.labels[label] for e in subset], dtype=np.int64)
    model = LogisticRegression(C=options.c, solver="liblinear", max_iter=options.max_iter,
                               random_state=options.seed)
    model.fit(x, y, sample_weight=cell_weights(subset, label, source_weights))
    return Head(label, model.coef_[0].astype(np.float32), float(model.intercept_[0]), len(subset))


@dataclass(frozen=True)
class MlpOptions:
    """One label's MLP head over the embedding (recorded in the artifact). Chosen on the dev tune
    half and the choice split: bench/experiments/threat_mlp.py, docs/model.md."""

    label: str
    hidden_units: int = 128
    alpha: float = 1e-2  # L2 penalty
    blend: float = 0.25  # share of the MLP's logit in the label's logit (0.5 and 0.35 held more benign per threat caught)
    max_iter: int = 200


def fit_mlp_head(examples: Sequence[Example], label: str, embedded: np.ndarray, options: MlpOptions, seed: int,
                 source_weights: dict[str, float] | None = None) -> MlpHead:
    """Fit one label's MLP on the embeddings (rows of `embedded`) of the examples that carry that label,
    with the same cell weights as its linear head."""
    from sklearn.neural_network import MLPClassifier

    chosen = [i for i, e in enumerate(examples) if label in e.labels]
    subset = [examples[i] for i in chosen]
    y = np.array([e.labels[label] for e in subset], dtype=np.int64)
    weights = cell_weights(subset, label, source_weights)
    model = MLPClassifier(hidden_layer_sizes=(options.hidden_units,), alpha=options.alpha,
                          max_iter=options.max_iter, random_state=seed)
    model.fit(embedded[chosen], y, sample_weight=weights / weights.mean())
    return MlpHead(label, model.coefs_[0].astype(np.float32), model.intercepts_[0].astype(np.float32),
                   model.coefs_[1][:, 0].astype(np.float32), float(model.intercepts_[1][0]), options.blend)
