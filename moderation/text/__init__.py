"""Text folding for matching (with offsets back to the original) and for model input."""

from moderation.text.fold import fold_for_model
from moderation.text.normalize import NormalizedText, normalize_for_matching

__all__ = ["NormalizedText", "fold_for_model", "normalize_for_matching"]
