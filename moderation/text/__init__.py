"""Text folding for lexicon matching, with offsets back to the original text."""

from moderation.text.normalize import NormalizedText, normalize_for_matching

__all__ = ["NormalizedText", "normalize_for_matching"]
