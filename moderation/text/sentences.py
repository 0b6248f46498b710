"""Where a sentence of a comment starts and how it ends: the one definition the readers of a match
(moderation/targeting.py, moderation/support.py) share, so that "its sentence" means the same to both."""

from __future__ import annotations

import re

SENTENCE_END = re.compile(r"[.!?\n]")


def sentence_start(text: str, position: int, reach: int | None = None) -> int:
    """The start of the sentence holding text[position]: just after the last sentence end before it
    (looking back at most `reach` characters); 0 when none is found."""
    floor = 0 if reach is None else max(0, position - reach)
    return max((m.end() for m in SENTENCE_END.finditer(text, floor, position)), default=0)


def ends_in_question(text: str, position: int) -> bool:
    """Whether the first sentence end after `position` is a question mark."""
    closing = SENTENCE_END.search(text, position)
    return closing is not None and closing.group() == "?"
