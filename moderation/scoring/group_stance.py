"""The group-stance reading: two heads over the sentence embedding (each the mean of a few MLPs) that
read whether a comment about a group abuses it, asked only about comments the model heads alone
would hold.

Trained by `moderation train --model group-stance-v2` (moderation/training/group_stance.py, which
says why it exists and what each head learned from); the policy releases a hold when both heads
score under their bars ([group_stance] in config/policy.toml). The encoder remembers the vectors it
made last (encoder.RECENT), so the few comments asked are not encoded twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import numpy as np

from moderation.scoring.base import ScorerUnavailable
from moderation.scoring.encoder import DIMENSIONS, SentenceEncoder, shared_encoder
from moderation.scoring.mlp_head import MlpHead
from moderation.scoring.reading_artifact import load_reading

MODEL_ID = "group-stance-v2"
DEFAULT_PATH = Path(__file__).resolve().parents[1] / "models" / f"{MODEL_ID}.json"
HEADS = ("written", "mixed")  # what each learned from: moderation/training/group_stance.py


def array_name(head: str, number: int) -> str:
    """The name of one seed's head in the artifact's .npz (moderation/scoring/mlp_head.py arrays)."""
    return f"{head}_{number}"


@dataclass(frozen=True)
class StanceScores:
    """P(abusive) of one comment by each head."""

    written: float
    mixed: float

    def to_json(self) -> dict[str, float]:
        return {"written": round(self.written, 4), "mixed": round(self.mixed, 4)}


class GroupStance:
    """Both heads over one encoder; each head is one MLP per training seed, their probabilities averaged."""

    def __init__(self, model_id: str, heads: dict[str, list[MlpHead]], encoder: SentenceEncoder | None = None):
        if set(heads) != set(HEADS) or not all(heads.values()):
            raise ScorerUnavailable(f"group stance {model_id}: needs the heads {HEADS}, has {sorted(heads)}")
        self.model_id = model_id
        self._heads = heads
        self._encoder = encoder

    @classmethod
    def load(cls, path: Path = DEFAULT_PATH) -> "GroupStance":
        """Read an artifact; ScorerUnavailable naming the problem if it is missing or not one."""
        def build(description: dict, archive) -> "GroupStance":
            return cls(description["model_id"], {
                name: [MlpHead.from_parts(array_name(name, number), part, archive, DIMENSIONS)
                       for number, part in enumerate(description["heads"][name])] for name in HEADS})

        return load_reading(path, "group_stance", "group stance", build)

    def read(self, texts: Sequence[str]) -> list[StanceScores]:
        """Both heads' probabilities for each text (empty input, empty output)."""
        if not texts:
            return []
        embedded = (self._encoder or shared_encoder()).encode(list(texts))
        probabilities = {name: np.mean([1.0 / (1.0 + np.exp(-head.logits(embedded).astype(np.float64)))
                                        for head in seeds], axis=0)
                         for name, seeds in self._heads.items()}
        return [StanceScores(float(w), float(m)) for w, m in zip(probabilities["written"], probabilities["mixed"])]
