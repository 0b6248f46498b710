"""The project's own toxicity model: one logistic head per label, numpy only.

A head reads two blocks of features: hashed n-grams and lexicon tags (linear-v1 has only
these), and, from stack-v2 on, the text's sentence embedding (moderation/scoring/encoder.py).
The artifact is `<id>.json` (featuriser parameters, labels, intercepts, provenance) next to
`<id>.npz` (float16 weight matrices: `weights`, features x labels, and `encoder_weights`,
512 x labels), written by `moderation train`. From stack-v7 on, a label may also have an MLP head
over the embedding (moderation/scoring/mlp_head.py) whose logit is blended with the linear one.
Loading reads both files and checks them against each other; scoring featurises a whole batch at
once and sums weights with np.bincount, so there is no Python loop per n-gram, and embeds the
batch in one call.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Sequence

import numpy as np

from moderation.scoring.base import ScorerUnavailable
from moderation.scoring.encoder import DIMENSIONS, ENCODER_NAME, SentenceEncoder, shared_encoder
from moderation.scoring.linear_features import PREPROCESS_VERSION, FeatureSpec, featurize, lexicon_lookup
from moderation.scoring.mlp_head import MlpHead
from moderation.types import LABELS

MODELS_DIR = Path(__file__).resolve().parent.parent / "models"
DEFAULT_MODEL = MODELS_DIR / "stack-v8.json"
PREVIOUS_MODEL = MODELS_DIR / "linear-v1.json"  # n-grams and lexicon only; still loadable


def _resolve(path: Path | None) -> Path:
    """Accept None (shipped model), the artifact's .json, or a directory holding one artifact."""
    path = DEFAULT_MODEL if path is None else Path(path)
    if path.is_dir():
        found = sorted(path.glob("*.json"))
        if len(found) != 1:
            raise ScorerUnavailable(f"linear model: expected one model .json in {path}, found {len(found)}")
        return found[0]
    if not path.is_file():
        raise ScorerUnavailable(f"linear model: {path} does not exist (run `moderation train`)")
    return path


def _read_description(path: Path) -> dict:
    try:
        description = json.loads(path.read_text("utf-8"))
        features = description["features"]
        spec = FeatureSpec(**{**features, "lexicon_tags": tuple(features.get("lexicon_tags", ()))})
        lexicon = lexicon_lookup(description.get("lexicon", {}))
        labels = tuple(description["labels"])
        intercepts = [float(b) for b in description["intercepts"]]
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError) as exc:
        raise ScorerUnavailable(f"linear model: {path} is not a valid model description ({exc})") from None
    if spec.preprocess != PREPROCESS_VERSION:
        raise ScorerUnavailable(f"linear model: {path} was trained with preprocessing {spec.preprocess!r}, "
                                f"this code does {PREPROCESS_VERSION!r}: retrain it")
    if "toxicity" not in labels or not set(labels) <= set(LABELS) or len(intercepts) != len(labels):
        raise ScorerUnavailable(f"linear model: {path} has unusable labels {labels!r}")
    if any(not 0 <= tag < len(spec.lexicon_tags) for tag in lexicon.values()):
        raise ScorerUnavailable(f"linear model: {path} has lexicon tags outside {spec.lexicon_tags!r}")
    encoder = description.get("encoder")
    if encoder is not None and (not isinstance(encoder, dict) or encoder.get("name") != ENCODER_NAME
                                or not isinstance(encoder.get("scale"), (int, float))):
        raise ScorerUnavailable(f"linear model: {path} asks for an encoder this code does not have: {encoder!r}")
    mlp_heads = description.get("mlp_heads", {})
    if not isinstance(mlp_heads, dict) or not set(mlp_heads) <= set(labels) or (mlp_heads and encoder is None):
        raise ScorerUnavailable(f"linear model: {path} has MLP heads {mlp_heads!r} for labels {labels!r} "
                                f"{'without an encoder' if encoder is None else ''}")
    return {"spec": spec, "labels": labels, "lexicon": lexicon, "intercepts": intercepts, "encoder": encoder,
            "model_id": str(description.get("model_id", path.stem)), "weights_file": description.get("weights_file"),
            "mlp_heads": mlp_heads}


def _read_weights(path: Path, n_features: int, n_labels: int, with_encoder: bool,
                  mlp_heads: dict | None = None) -> tuple[np.ndarray, np.ndarray | None, list[MlpHead]]:
    try:
        with np.load(path, allow_pickle=False) as archive:
            weights = archive["weights"]
            encoder_weights = archive["encoder_weights"] if with_encoder else None
            mlps = [MlpHead.from_parts(label, entry, archive, DIMENSIONS)
                    for label, entry in sorted((mlp_heads or {}).items())]
    except (OSError, ValueError, KeyError, TypeError, EOFError, zipfile.BadZipFile) as exc:
        raise ScorerUnavailable(f"linear model: cannot read weights {path} ({exc})") from None
    if weights.shape != (n_features, n_labels) or not np.isfinite(weights).all():
        raise ScorerUnavailable(f"linear model: weights {path} have shape {weights.shape}, "
                                f"expected {(n_features, n_labels)} finite values")
    if encoder_weights is not None and (encoder_weights.shape != (DIMENSIONS, n_labels)
                                        or not np.isfinite(encoder_weights).all()):
        raise ScorerUnavailable(f"linear model: encoder weights in {path} have shape {encoder_weights.shape}, "
                                f"expected {(DIMENSIONS, n_labels)} finite values")
    return weights.astype(np.float32), None if encoder_weights is None else encoder_weights.astype(np.float32), mlps


class LinearScorer:
    """Scores texts with the shipped (or a given) linear model artifact."""

    def __init__(self, model_id: str, spec: FeatureSpec, labels: tuple[str, ...],
                 weights: np.ndarray, intercepts: Sequence[float],
                 lexicon: dict[tuple[str, ...], int] | None = None,
                 encoder_weights: np.ndarray | None = None, encoder_scale: float = 1.0,
                 encoder: SentenceEncoder | None = None, mlp_heads: Sequence[MlpHead] = ()) -> None:
        self.model_id = model_id
        self.labels = labels
        self.spec = spec
        self._weights = weights
        self._intercepts = np.asarray(intercepts, dtype=np.float64)
        self.lexicon = lexicon or {}  # the lexicon snapshot the model was trained with
        # The sentence-embedding block (None for linear-v1); embeddings are multiplied by the scale
        # they were trained with, which set that block's weight against the n-grams' regularisation.
        self._encoder_weights = None if encoder_weights is None else encoder_weights * np.float32(encoder_scale)
        self.encoder = encoder if encoder is not None or encoder_weights is None else shared_encoder()
        self._mlp_heads = [(labels.index(head.label), head) for head in mlp_heads]

    @classmethod
    def load(cls, path: Path | None = None) -> "LinearScorer":
        """Load an artifact (None: the one shipped in moderation/models); ScorerUnavailable if unusable."""
        json_path = _resolve(path)
        parts = _read_description(json_path)
        weights_path = json_path.with_name(parts["weights_file"] or f"{json_path.stem}.npz")
        encoder = parts["encoder"]
        weights, encoder_weights, mlp_heads = _read_weights(
            weights_path, parts["spec"].n_features, len(parts["labels"]), with_encoder=encoder is not None,
            mlp_heads=parts["mlp_heads"])
        return cls(parts["model_id"], parts["spec"], parts["labels"], weights, parts["intercepts"], parts["lexicon"],
                   encoder_weights, float(encoder["scale"]) if encoder else 1.0, mlp_heads=mlp_heads)

    def logits(self, texts: Sequence[str]) -> np.ndarray:
        """Return the raw (pre-sigmoid) score matrix, texts x labels."""
        logits = np.tile(self._intercepts, (len(texts), 1))
        if not texts:
            return logits
        doc, index, value = featurize(texts, self.spec, self.lexicon)
        contributions = self._weights[index] * value[:, None]
        for column in range(len(self.labels)):
            logits[:, column] += np.bincount(doc, weights=contributions[:, column], minlength=len(texts))
        if self._encoder_weights is not None:
            embedded = self.encoder.encode(texts)
            logits += embedded @ self._encoder_weights
            for column, head in self._mlp_heads:
                logits[:, column] = head.blended(logits[:, column], embedded)
        return logits

    def score(self, texts: Sequence[str], languages: Sequence[str]) -> list[dict[str, float]]:
        """Return one {label: probability} per text; the model is shared by English and French."""
        if len(languages) != len(texts):
            raise ValueError(f"score: {len(texts)} texts but {len(languages)} languages")
        probabilities = 1.0 / (1.0 + np.exp(-self.logits(list(texts))))
        return [dict(zip(self.labels, row)) for row in probabilities.tolist()]
