"""Find the quoted stretches of a comment: where a word is mentioned rather than used.

Counter-speech and reporting quote the abuse they object to ("The word 'retard' hurts people",
« mort aux juifs » tagué sur la synagogue). A lexicon term inside quotation marks is still
evidence, but not enough to remove a comment without a person looking (see the policy's
`quoted_hold_at_most`). Abusers can quote too ("shut up, 'faggot'"), which is why a quoted
term still holds.

Straight single quotes double as apostrophes (don't, l'homme, bitch's), so a single-quoted
stretch must open after a non-word character and close before one.
"""

from __future__ import annotations

import re

_MAX_QUOTE = 300  # longer "quotes" are more likely unbalanced marks than a quotation
_QUOTED = re.compile(
    r'"[^"\n]{1,%(n)d}?"'  # "straight double"
    r"|“[^”\n]{1,%(n)d}?”"  # “curly double”
    r"|‘[^’\n]{1,%(n)d}?’"  # ‘curly single’
    r"|«[^»\n]{1,%(n)d}?»"  # « guillemets »
    r"|„[^“”\n]{1,%(n)d}?[“”]"  # „low-high“
    r"|(?<!\w)'(?=\S)[^'\n]{1,%(n)d}?(?<=\S)'(?!\w)" % {"n": _MAX_QUOTE}  # 'straight single', not an apostrophe
)


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Return (start, end) of each quoted stretch, quotation marks included, in text order."""
    return [match.span() for match in _QUOTED.finditer(text)]


def is_inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Tell whether [start, end) lies wholly inside one of the spans."""
    return any(span_start <= start and end <= span_end for span_start, span_end in spans)


def quotes_a_phrase(text: str) -> bool:
    """Whether `text` quotes words of more than one word ("they chanted "go home" at her"); a single
    quoted word is as often a scare quote ("these "journalists"") as a mention."""
    return any(" " in text[start + 1:end - 1].strip() for start, end in quoted_spans(text))
