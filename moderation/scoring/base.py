"""The scorer interface: texts in, probabilities under the project's own label names out."""

from __future__ import annotations

from typing import Protocol, Sequence


class ScorerUnavailable(RuntimeError):
    """A scorer cannot be built here (weights missing, corrupt, or a package not installed)."""


class Scorer(Protocol):
    """Scores texts for toxicity. Load once (constructor), then call `score` many times.

    `score` is side-effect free and batched: it returns one dict per text, in order, with a
    probability in [0, 1] for each label in `labels` (a subset of moderation.types.LABELS that
    always includes "toxicity"). `languages` gives each text's detected language ("en", "fr",
    "und") for scorers that use it; others ignore it.
    """

    model_id: str  # recorded with every decision, e.g. "linear-v1" or "detoxify-multilingual"
    labels: tuple[str, ...]

    def score(self, texts: Sequence[str], languages: Sequence[str]) -> list[dict[str, float]]:
        ...
