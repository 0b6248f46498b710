"""One-letter disguises of abusive words, and the word lists that keep them honest.

"idoit", "conard", "faggt", "salpoe": a dropped or two swapped letters slip past an exact
lexicon, and readers still read the word. For every single-word slur, insult or dehumanising
form of five letters or more, the lexicon also matches its one-letter deletions and adjacent
swaps (doubled letters are already read as stretching) — except those that are ordinary words
of English or French, so that a typo of an insult can never turn a real word into a hit
("retard" -> "retrad" is in the dictionary, and is left alone).

The ordinary words come from pyspellchecker's English and French frequency lists (MIT), read
once per process.
"""

from __future__ import annotations

import functools

MIN_LENGTH = 5  # shorter words have too many real neighbours ("cunt" -> "cut")
TYPO_CATEGORIES = frozenset({"slur", "insult", "dehumanising"})


class OrdinaryWords:
    """Membership in the English and French dictionaries, accents folded (the lexicon's forms are)."""

    def __init__(self) -> None:
        import unicodedata

        from spellchecker import SpellChecker

        # the frequency dicts themselves, not copies: building one big set costs more than it saves
        self._dictionaries = [SpellChecker(language=language, distance=1).word_frequency.dictionary
                              for language in ("en", "fr")]
        self._folded = {"".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))
                        for dictionary in self._dictionaries for word in dictionary if not word.isascii()}

    def __contains__(self, word: str) -> bool:
        return word in self._folded or any(word in dictionary for dictionary in self._dictionaries)


@functools.lru_cache(maxsize=1)
def ordinary_words() -> OrdinaryWords:
    """The dictionaries, read once per process."""
    return OrdinaryWords()


def typo_variants(word: str) -> frozenset[str]:
    """The one-letter deletions and adjacent swaps of `word` that are not ordinary words."""
    if len(word) < MIN_LENGTH or not word.isalpha():
        return frozenset()
    candidates = {word[:i] + word[i + 1:] for i in range(len(word))}
    candidates |= {word[:i] + word[i + 1] + word[i] + word[i + 2:] for i in range(len(word) - 1)
                   if word[i] != word[i + 1]}
    candidates.discard(word)
    ordinary = ordinary_words()
    return frozenset(c for c in candidates if c not in ordinary)
