"""Detoxify's transformer models behind the project's Scorer interface.

Loaded once in the constructor (see detoxify_loading.py for where weights may come from), then
`score` runs batched: every text is tokenised, texts longer than the model's window (512 tokens,
special tokens included) are cut into several windows, all windows of all texts are scored in
batches of similar length, and each text gets, per label, the maximum over its windows, since
one toxic paragraph makes a long comment toxic.
"""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

import torch

from moderation.scoring.base import ScorerUnavailable
from moderation.scoring.detoxify_loading import build_model, download_checkpoint, read_checkpoint
from moderation.types import LABELS

# detoxify's class names -> ours. detoxify itself renames toxic, severe_toxic and identity_hate
# (its `change_names`); the others already match. Dropped on purpose: the identity-group columns
# of the unbiased/multilingual models (male, muslim, ...), which say who is mentioned, not whether
# the comment is toxic; and sexual_explicit, which is not our "obscene" (the models report
# obscene separately, so folding it in would only blur that label).
LABEL_MAP = {
    "toxic": "toxicity", "toxicity": "toxicity",
    "severe_toxic": "severe_toxicity", "severe_toxicity": "severe_toxicity",
    "identity_hate": "identity_attack", "identity_attack": "identity_attack",
    "obscene": "obscene", "insult": "insult", "threat": "threat",
}
MODEL_MAX_TOKENS = 512


class DetoxifyScorer:
    """Score texts with a detoxify checkpoint; probabilities under the project's label names."""

    def __init__(self, checkpoint: Path | None = None, hf_config: Path | None = None,
                 model_type: str = "multilingual", batch_size: int = 16, max_tokens: int = MODEL_MAX_TOKENS):
        if batch_size < 1 or max_tokens < 8:
            raise ValueError(f"batch_size must be >= 1 and max_tokens >= 8, got {batch_size}, {max_tokens}")
        if checkpoint is None:  # detoxify's own download: only where the network allows
            loaded = download_checkpoint(model_type)
            self.model, self.tokenizer = build_model(loaded, loaded.arch["model_type"], local_only=False)
        else:
            loaded = read_checkpoint(Path(checkpoint))
            if hf_config is None or not Path(hf_config).is_dir():
                raise ScorerUnavailable(f"detoxify HF config folder {hf_config} is not a directory "
                                        "(setting detoxify_hf_config, needed with detoxify_checkpoint)")
            self.model, self.tokenizer = build_model(loaded, Path(hf_config), local_only=True)
        columns = {LABEL_MAP[name]: index for index, name in enumerate(loaded.class_names) if name in LABEL_MAP}
        if "toxicity" not in columns:
            raise ScorerUnavailable(f"detoxify checkpoint has no toxicity output: {loaded.class_names}")
        self.labels = tuple(label for label in LABELS if label in columns)
        self._columns = [(label, columns[label]) for label in self.labels]
        self.model_id = f"detoxify-{model_type}-{loaded.digest}"
        self.batch_size = batch_size
        self.max_tokens = min(max_tokens, self.tokenizer.model_max_length)

    @classmethod
    def from_settings(cls, settings) -> "DetoxifyScorer":
        """Build the scorer the settings describe."""
        return cls(settings.detoxify_checkpoint, settings.detoxify_hf_config,
                   settings.detoxify_model_type, settings.detoxify_batch_size)

    def score(self, texts: Sequence[str], languages: Sequence[str] = ()) -> list[dict[str, float]]:
        """Return one {label: probability} per text, max-pooled over each text's windows."""
        if not texts:
            return []
        windows, owners = self.windows(texts)
        probabilities = self._probabilities(windows)
        owner_rows = torch.tensor(owners).unsqueeze(1).expand_as(probabilities)
        pooled = torch.zeros(len(texts), probabilities.shape[1]).scatter_reduce_(
            0, owner_rows, probabilities, reduce="amax", include_self=False)
        return [{label: float(row[column]) for label, column in self._columns} for row in pooled.tolist()]

    def windows(self, texts: Sequence[str]) -> tuple[list[list[int]], list[int]]:
        """Tokenise texts into windows of at most max_tokens ids (special tokens included).

        Returns the windows and, for each, the index of the text it came from. An empty text
        still gets one window (just the special tokens), so every text gets a score.
        """
        encoded = self.tokenizer(list(texts), truncation=True, max_length=self.max_tokens, stride=0,
                                 return_overflowing_tokens=True, return_attention_mask=False, verbose=False)
        return encoded["input_ids"], list(encoded["overflow_to_sample_mapping"])

    @torch.inference_mode()
    def _probabilities(self, windows: list[list[int]]) -> torch.Tensor:
        """Score windows in batches of similar length (less padding); rows in input order."""
        out = torch.empty(len(windows), self.model.config.num_labels)
        order = sorted(range(len(windows)), key=lambda index: len(windows[index]))
        for start in range(0, len(order), self.batch_size):
            rows = order[start:start + self.batch_size]
            batch = self.tokenizer.pad({"input_ids": [windows[row] for row in rows]}, return_tensors="pt")
            out[rows] = torch.sigmoid(self.model(**batch).logits).float()
        return out
