"""Common misspellings of abusive words, generated from each lexicon form at load time.

Writers dodge filters (and sometimes just type fast) with a few regular respellings: "fuk" and
"fuker" for "fuck"/"fucker", "phuck" for "fuck", "fucka" for "fucker", "fuckin" for "fucking".
Generating them from the rules below covers every entry alike, instead of relying on each
entry listing its own.
"""

from __future__ import annotations

import functools
import re

# (pattern, replacement, languages): applied one at a time to a single-word form.
_RULES: tuple[tuple[re.Pattern, str, tuple[str, ...]], ...] = (
    (re.compile(r"ck"), "k", ("en",)),  # fuck -> fuk, fucker -> fuker, dick -> dik
    (re.compile(r"ck"), "kk", ("en",)),  # fuck -> fukk
    (re.compile(r"ck"), "q", ("en",)),  # fuck -> fuq
    (re.compile(r"^f"), "ph", ("en",)),  # fuck -> phuck
    (re.compile(r"^fu"), "fv", ("en",)),  # fuck -> fvck
    (re.compile(r"er(s?)$"), r"a\1", ("en",)),  # fucker -> fucka, suckers -> suckas
    (re.compile(r"ing$"), "in", ("en",)),  # fucking -> fuckin
    (re.compile(r"^c"), "k", ("en",)),  # cunt -> kunt
    (re.compile(r"qu"), "k", ("fr",)),  # enculé -> enkule
    (re.compile(r"^con"), "kon", ("fr",)),  # connard -> konnard
)


@functools.lru_cache(maxsize=65536)
def misspellings(form: str, language: str) -> frozenset[str]:
    """Return the common misspellings of one single-word form for `language` ("any" gets all)."""
    out: set[str] = set()
    for pattern, replacement, languages in _RULES:
        if language != "any" and language not in languages:
            continue
        respelled = pattern.sub(replacement, form)
        if respelled != form and len(respelled) >= 3:
            out.add(respelled)
    return frozenset(out)
