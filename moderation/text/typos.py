"""One-letter disguises of abusive words, and the word lists that keep them honest.

"idoit", "conard", "faggt", "salpoe": a dropped or two swapped letters slip past an exact
lexicon, and readers still read the word. For every single-word slur, insult or dehumanising
form of five letters or more, the lexicon also matches its one-letter deletions and adjacent
swaps (doubled letters are already read as stretching) — except those that are ordinary words
of English or French, so that a typo of an insult can never turn a real word into a hit
("retard" -> "retrad" is in the dictionary, and is left alone).

The ordinary words come from pyspellchecker's English and French frequency lists (MIT). Reading
them costs half a second, so the answer for the shipped lexicon is kept in `typo_guard.json`
beside this module: the forms it covers and which of their typos are real words. A form it does
not cover (a lexicon edited since, an operator's own lexicon) makes the loader read the
dictionaries after all, so the guard is never skipped, only cached.
`python -m moderation.lexicon.typo_guard config/lexicons` rewrites the file (the lexicon package
reads its folder; this module knows nothing of lexicon files);
`tests/test_lexicon.py::test_the_typo_guard_covers_the_shipped_lexicon` says when to.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Iterable

from moderation.types import SUPPORTED_LANGUAGES

MIN_LENGTH = 5  # shorter words have too many real neighbours ("cunt" -> "cut")
TYPO_CATEGORIES = frozenset({"slur", "insult", "dehumanising"})
GUARD_FILE = Path(__file__).with_name("typo_guard.json")


class OrdinaryWords:
    """Membership in the English and French dictionaries, accents folded (the lexicon's forms are)."""

    def __init__(self) -> None:
        import unicodedata

        from spellchecker import SpellChecker

        # the frequency dicts themselves, not copies: building one big set costs more than it saves
        self._dictionaries = [SpellChecker(language=language, distance=1).word_frequency.dictionary
                              for language in SUPPORTED_LANGUAGES]
        self._folded = {"".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))
                        for dictionary in self._dictionaries for word in dictionary if not word.isascii()}

    def __contains__(self, word: str) -> bool:
        return word in self._folded or any(word in dictionary for dictionary in self._dictionaries)


@functools.lru_cache(maxsize=1)
def ordinary_words() -> OrdinaryWords:
    """The dictionaries, read once per process (only when the guard file does not cover a form)."""
    return OrdinaryWords()


@functools.lru_cache(maxsize=1)
def _guard() -> tuple[frozenset[str], frozenset[str]]:
    """(forms covered, their typos that are ordinary words) from typo_guard.json."""
    try:
        data = json.loads(GUARD_FILE.read_text("utf-8"))
        return frozenset(data["forms"]), frozenset(data["ordinary"])
    except (OSError, ValueError, KeyError):
        return frozenset(), frozenset()


def candidates(word: str) -> frozenset[str]:
    """Every one-letter deletion and adjacent swap of `word` (empty for short or non-alphabetic words)."""
    if len(word) < MIN_LENGTH or not word.isalpha():
        return frozenset()
    out = {word[:i] + word[i + 1:] for i in range(len(word))}
    out |= {word[:i] + word[i + 1] + word[i] + word[i + 2:] for i in range(len(word) - 1) if word[i] != word[i + 1]}
    out.discard(word)
    return frozenset(out)


def typo_variants(word: str) -> frozenset[str]:
    """The one-letter deletions and adjacent swaps of `word` that are not ordinary words."""
    found = candidates(word)
    if not found:
        return found
    covered, ordinary = _guard()
    if word in covered:
        return frozenset(c for c in found if c not in ordinary)
    dictionary = ordinary_words()
    return frozenset(c for c in found if c not in dictionary)


def build_guard(forms: Iterable[str]) -> dict:
    """The guard file's content for these forms, read from the dictionaries."""
    from importlib.metadata import version

    dictionary = ordinary_words()
    forms = sorted({form for form in forms if candidates(form)})
    ordinary = sorted({c for form in forms for c in candidates(form) if c in dictionary})
    return {"pyspellchecker": version("pyspellchecker"), "forms": forms, "ordinary": ordinary}
