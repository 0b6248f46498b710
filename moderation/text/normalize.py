"""Normalise a comment for lexicon matching, keeping an exact map back to the original text.

The normalised `text` is the original with each code point folded (see `fold.py`: NFKC-style
compatibility folding, case folding, accents, zero-width and control characters, homoglyphs) and
then leetspeak folded inside words. Masked letters (`f*ck`), stretched letters (`fuuuck`),
separated letters (`f u c k`) and misspellings (`fuk`) are resolved by the matcher on top of this
view (see `moderation/lexicon/matcher.py` and `vocabulary.py`), because they change word
lengths and are easier to judge word by word than to rewrite character by character.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from moderation.text.fold import FOLD_TABLE, fold_leet


@dataclass(frozen=True)
class NormalizedText:
    """A comment's matching form plus the offsets that lead back to the original."""

    original: str
    text: str
    # source[i] is the index in `original` of the code point that produced text[i];
    # None when the fold was one character for one character (the common case).
    source: tuple[int, ...] | None = None

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of `text` (end exclusive) to the span of `original` it came from."""
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span ({start}, {end}) outside normalised text of length {len(self.text)}")
        if self.source is None:
            return start, end
        if start == end:
            at = self.source[start] if start < len(self.source) else len(self.original)
            return at, at
        stop = self.source[end - 1] + 1
        while stop < len(self.original) and unicodedata.category(self.original[stop])[0] == "M":
            stop += 1  # a combining accent belongs to the letter before it, though it folds to nothing
        return self.source[start], stop

    def source_char(self, index: int) -> str:
        """Return the original character that produced `text[index]`."""
        at = index if self.source is None else self.source[index]
        return self.original[at]


def normalize_for_matching(text: str) -> NormalizedText:
    """Fold `text` for matching and record where each folded character came from."""
    folded = text.translate(FOLD_TABLE)
    if FOLD_TABLE.not_one_to_one.isdisjoint(text):
        return NormalizedText(text, fold_leet(folded))
    parts: list[str] = []
    source: list[int] = []
    for index, char in enumerate(text):
        piece = FOLD_TABLE[ord(char)]
        parts.append(piece)
        source.extend([index] * len(piece))
    return NormalizedText(text, fold_leet("".join(parts)), tuple(source))
