"""The second opinion on comments held on toxicity alone: one head on the sentence embedding (an MLP,
second-opinion-v2; v1 was linear and stays loadable).

Trained by `moderation train --model second-opinion-v2` (moderation/training/second_opinion.py,
which says why it exists); used by the engine only for comments the policy would hold on the
toxicity score and nothing else, a few comments in a hundred; the encoder remembers the vectors
it made last (encoder.RECENT), so those comments are not encoded twice.
"""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

import numpy as np

from moderation.scoring.base import ScorerUnavailable
from moderation.scoring.encoder import DIMENSIONS, SentenceEncoder, shared_encoder
from moderation.scoring.mlp_head import MlpHead
from moderation.scoring.reading_artifact import load_reading

DEFAULT_PATH = Path(__file__).resolve().parents[1] / "models" / "second-opinion-v2.json"


class SecondOpinion:
    """P(toxic) of texts from their sentence embedding alone: a linear head (v1) or an MLP (v2)."""

    def __init__(self, model_id: str, weights: np.ndarray | None = None, intercept: float = 0.0,
                 mlp: MlpHead | None = None, encoder: SentenceEncoder | None = None):
        if (weights is None) == (mlp is None):
            raise ScorerUnavailable(f"second opinion {model_id}: needs linear weights or an MLP, one of them")
        if weights is not None and weights.shape != (DIMENSIONS,):
            raise ScorerUnavailable(f"second opinion {model_id}: weights of shape {weights.shape}, not ({DIMENSIONS},)")
        self.model_id = model_id
        self._weights = None if weights is None else weights.astype(np.float32)
        self._intercept = float(intercept)
        self._mlp = mlp
        self._encoder = encoder

    @classmethod
    def load(cls, path: Path = DEFAULT_PATH) -> "SecondOpinion":
        """Read an artifact; ScorerUnavailable naming the problem if it is missing or not one."""
        def build(description: dict, archive) -> "SecondOpinion":
            if description.get("head", "linear") == "linear":
                return cls(description["model_id"], archive["weights"], description["intercept"])
            return cls(description["model_id"], mlp=MlpHead.from_parts(description["label"], description["mlp"],
                                                                        archive, DIMENSIONS))

        return load_reading(path, "second_opinion", "second opinion", build)

    def toxicity(self, texts: Sequence[str]) -> np.ndarray:
        """One probability per text (empty input, empty output)."""
        if not texts:
            return np.zeros(0, dtype=np.float64)
        embedded = (self._encoder or shared_encoder()).encode(list(texts))
        if self._mlp is not None:
            logits = self._mlp.logits(embedded).astype(np.float64)
        else:
            logits = embedded.astype(np.float64) @ self._weights + self._intercept
        return 1.0 / (1.0 + np.exp(-logits))
