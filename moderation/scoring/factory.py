"""Pick and build the scorer the settings ask for.

`scorer = "auto"` means detoxify when its weights are provisioned (a checkpoint is configured),
else the project's own linear model. A configured checkpoint that is missing or corrupt is an
error, never a quiet fall-back to another model: decisions would change without anyone noticing.

Both scorers are imported inside the function: the web process imports this module and must
never import torch, which only the detoxify branch needs.
"""

from __future__ import annotations

from moderation.scoring.base import Scorer, ScorerUnavailable


def scorer_choice(settings) -> str:
    """Resolve settings.scorer ("auto", "linear", "detoxify") to "linear" or "detoxify"."""
    if settings.scorer != "auto":
        return settings.scorer
    return "detoxify" if settings.detoxify_checkpoint is not None else "linear"


def build_scorer(settings) -> Scorer:
    """Build the scorer the settings describe, loading its model once."""
    if scorer_choice(settings) == "linear":
        from moderation.scoring.linear import LinearScorer

        return LinearScorer.load(settings.linear_model_path)
    try:
        from moderation.scoring.detoxify_scorer import DetoxifyScorer
    except ImportError as exc:
        raise ScorerUnavailable(
            f"the detoxify scorer needs the 'detoxify' extra (pip install 'moderation[detoxify]'): {exc}"
        ) from exc
    return DetoxifyScorer.from_settings(settings)
