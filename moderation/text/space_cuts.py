"""Words cut in two by a space: "Mus lims are disgusting", « Les immi grés sont des parasites ».

The issue's obfuscation list names added spaces; a space inside a word hides it from every word
pattern. The targeting rules read such a pair of pieces as the word when the word is one they
respell (a group's name or a word of what is said of or done to a group: targeting._respelled_words)
and the pair is no phrase of ordinary words: "no irs" is not read as « noirs » when both pieces are
dictionary words ("in sects" stays two words). Pieces of two letters or more; words of five or
more (« Ro ms » is left: a four-letter name has too many real neighbours, as with its typos).

typo_guard.json lists the cuts whose two pieces are both ordinary words (`split_forms`,
`split_ordinary`), so that processes need not read the dictionaries; a word it does not cover is
checked against the dictionaries themselves.
"""

from __future__ import annotations

from moderation.text import typos

MIN_LENGTH = 5
MIN_PIECE = 2


def cuts(word: str) -> frozenset[str]:
    """Every way of cutting `word` in two with a space, pieces of MIN_PIECE letters or more."""
    if len(word) < MIN_LENGTH or not word.isalpha():
        return frozenset()
    return frozenset(f"{word[:i]} {word[i:]}" for i in range(MIN_PIECE, len(word) - MIN_PIECE + 1))


def split_variants(word: str) -> frozenset[str]:
    """The cuts of `word` that are no phrase of two ordinary words."""
    found = cuts(word)
    if not found:
        return found
    covered, ordinary = typos.guard_lists("split_forms", "split_ordinary")
    if word in covered:
        return frozenset(cut for cut in found if cut not in ordinary)
    return frozenset(cut for cut in found if not _two_ordinary_words(cut))


def _two_ordinary_words(cut: str) -> bool:
    dictionary = typos.ordinary_words()
    return all(piece in dictionary for piece in cut.split(" "))


def build_split_guard(words: list[str]) -> dict:
    """The guard file's entries for these words' cuts, read from the dictionaries."""
    covered = sorted({word for word in words if cuts(word)})
    return {"split_forms": covered,
            "split_ordinary": sorted({cut for word in covered for cut in cuts(word) if _two_ordinary_words(cut)})}
