"""A one-hidden-layer head over the sentence embedding, blended with a linear head (numpy only).

The linear heads add up word and meaning evidence, so "hang" and "the Muslims" cannot need each
other: a threat is a sum, not a conjunction. A small MLP over the embedding can learn the
conjunction. Its logit is averaged with the linear head's logit for the same label, with the
weight `blend` chosen when it was trained (bench/experiments/threat_mlp.py, docs/model.md).

Stored in the model's .npz as `mlp_<label>_hidden` (512 x hidden), `mlp_<label>_hidden_bias`
(hidden) and `mlp_<label>_output` (hidden); the output bias and the blend are in the .json.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class MlpHead:
    label: str
    hidden: np.ndarray  # float32, dimensions x hidden units
    hidden_bias: np.ndarray  # float32, hidden units
    output: np.ndarray  # float32, hidden units
    output_bias: float
    blend: float  # share of this head's logit in the label's logit, 0 < blend <= 1

    def logits(self, embedded: np.ndarray) -> np.ndarray:
        """One logit per row of `embedded` (texts x dimensions), ReLU hidden layer as trained."""
        activations = np.maximum(embedded @ self.hidden + self.hidden_bias, 0.0)
        return activations @ self.output + self.output_bias

    def blended(self, linear_logits: np.ndarray, embedded: np.ndarray) -> np.ndarray:
        """The label's logit: the linear head's and this head's, weighted by `blend`."""
        return (1.0 - self.blend) * linear_logits + self.blend * self.logits(embedded)

    def arrays(self) -> dict[str, np.ndarray]:
        """The .npz entries of this head."""
        return {f"mlp_{self.label}_hidden": self.hidden, f"mlp_{self.label}_hidden_bias": self.hidden_bias,
                f"mlp_{self.label}_output": self.output}

    def description(self) -> dict:
        """The .json entry of this head (its arrays are in the .npz)."""
        return {"hidden_units": int(self.hidden.shape[1]), "output_bias": round(self.output_bias, 6),
                "blend": self.blend}

    @classmethod
    def from_parts(cls, label: str, description: dict, archive, dimensions: int) -> "MlpHead":
        """Rebuild from the .json entry and the open .npz; ValueError/KeyError if they do not fit."""
        hidden = np.asarray(archive[f"mlp_{label}_hidden"], dtype=np.float32)
        hidden_bias = np.asarray(archive[f"mlp_{label}_hidden_bias"], dtype=np.float32)
        output = np.asarray(archive[f"mlp_{label}_output"], dtype=np.float32)
        units = int(description["hidden_units"])
        blend = float(description["blend"])
        if hidden.shape != (dimensions, units) or hidden_bias.shape != (units,) or output.shape != (units,):
            raise ValueError(f"MLP head {label!r}: shapes {hidden.shape}, {hidden_bias.shape}, {output.shape} "
                             f"do not fit {dimensions} x {units}")
        if not (0.0 < blend <= 1.0) or not all(np.isfinite(a).all() for a in (hidden, hidden_bias, output)):
            raise ValueError(f"MLP head {label!r}: blend {blend} or non-finite weights")
        return cls(label, hidden, hidden_bias, output, float(description["output_bias"]), blend)
