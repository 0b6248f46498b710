"""Letters hidden behind a mask character: "m*slims", « les f*mmes », « les j**fs ».

The lexicon's matcher reads masked slurs and insults on its own (moderation/lexicon/matcher.py); the
targeting rules read words, and a masked group name was no word to them: "I hate the m*slims" and
« Je déteste les m*sulmans » named no group, so neither the hate nor the group was read
(2026-12-07, thirteenth session). `Unmasker` writes such a word back as the one word of a list
(the rules' group names) that it can only be: same length, every visible letter in place, each mask
character one hidden letter. The text keeps its length, so offsets stay valid.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

MASKS = "*#"
# a word of letters and masks that begins with a letter and holds at least one mask: "m*slims", "j**fs"
_MASKED_WORD = re.compile(r"(?<![\w*#])[^\W\d_](?:[^\W\d_]|[*#])*[*#](?:[^\W\d_]|[*#])*(?![\w*#])")
MIN_VISIBLE = 3  # "j**fs" shows three letters; "m***" could be anything
MIN_VISIBLE_SHARE = 0.5  # at least half the letters shown: « r*f*g**s » is « réfugiés », "****s" is nothing


class Unmasker:
    """Reads masked words as the one word of `words` they can be (single words of four letters or more)."""

    def __init__(self, words: Iterable[str]):
        self._by_length: dict[int, list[str]] = {}
        for word in sorted(set(words)):
            if len(word) >= 4 and word.isalpha():
                self._by_length.setdefault(len(word), []).append(word)

    def unmask(self, text: str) -> str:
        """`text` with each masked word that can only be one of the words written as it; same length."""
        if not any(mask in text for mask in MASKS):
            return text  # most comments
        pieces, at = [], 0
        for match in _MASKED_WORD.finditer(text):
            word = self.meant(match.group())
            if word is not None:
                pieces += [text[at:match.start()], word]
                at = match.end()
        if not pieces:
            return text
        pieces.append(text[at:])
        return "".join(pieces)

    def meant(self, masked: str) -> str | None:
        """The one word `masked` can be, or None (no word, or more than one)."""
        visible = sum(1 for char in masked if char not in MASKS)
        if visible < MIN_VISIBLE or visible < MIN_VISIBLE_SHARE * len(masked):
            return None
        found = [word for word in self._by_length.get(len(masked), ())
                 if all(m in MASKS or m == w for m, w in zip(masked, word))]
        return found[0] if len(found) == 1 else None
