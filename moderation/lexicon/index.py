"""Compile validated entries into per-language phrase tables over one shared vocabulary.

Each entry becomes one or more sequences of word-form ids: its term, its variants, inflected
forms (`inflect = true`), generated misspellings (`moderation/text/spelling.py`) and its
exceptions. Sequences are keyed by their first word so the matcher only looks at entries that can
start at a given word. Built once at load time; matching never compiles anything.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from moderation.lexicon.schema import Entry, LexiconError
from moderation.lexicon.vocabulary import RANK_GENERATED, RANK_TERM, RANK_TYPO, RANK_VARIANT, Vocabulary
from moderation.text.normalize import normalize_for_matching
from moderation.text.spelling import misspellings
from moderation.text.typos import TYPO_CATEGORIES, is_ordinary_misspelling, typo_variants

# A word of normalised text: letters/digits, with `*`/`#` masks allowed after the first character.
WORD = re.compile(r"[^\W_](?:[^\W_]|[*#])*")

# Inflection rules of the languages that have them; any other language's terms are matched as written.
_SUFFIXES = {"en": ("s", "es", "ed", "er", "ers", "ing"), "fr": ("s", "e", "es", "x")}
_SUFFIXES_AFTER_E = {"en": ("s", "d", "r", "rs"), "fr": ("s",)}


@dataclass(frozen=True)
class Sequence:
    """One way an entry can appear: the ids of its words, and whether it is an exception."""

    ids: tuple[int, ...]
    entry: int
    exception: bool = False


@dataclass
class PhraseTable:
    """The sequences one language may match, keyed by the id of their first word."""

    by_first: dict[int, list[Sequence]] = field(default_factory=dict)
    trie: dict[int, tuple[dict, list[Sequence]]] = field(default_factory=dict)
    _owners: dict[tuple[int, ...], tuple[int, int]] = field(default_factory=dict)

    def add(self, seq: Sequence, rank: int) -> None:
        """Add a sequence; a form written by one entry is not also generated for another."""
        owner = self._owners.get(seq.ids)
        if not seq.exception and owner is not None:
            if owner[0] == seq.entry or rank >= RANK_GENERATED or owner[1] < RANK_GENERATED:
                return
            self._drop(seq.ids, owner[0])  # a generated form yields to an entry that wrote it down
        if not seq.exception:
            self._owners[seq.ids] = (seq.entry, rank)
        self.by_first.setdefault(seq.ids[0], []).append(seq)

    def _drop(self, ids: tuple[int, ...], entry: int) -> None:
        bucket = self.by_first[ids[0]]
        bucket[:] = [s for s in bucket if not (s.ids == ids and s.entry == entry and not s.exception)]

    def compile(self) -> None:
        """Build the word trie the matcher walks: (children by word id, sequences ending here)."""
        self.trie = {}
        for bucket in self.by_first.values():
            for seq in bucket:
                level, node = self.trie, None
                for word_id in seq.ids:
                    node = level.setdefault(word_id, ({}, []))
                    level = node[0]
                node[1].append(seq)


@functools.lru_cache(maxsize=65536)
def words_of(text: str) -> tuple[str, ...]:
    """Split a lexicon term into normalised words, the same way comments are split."""
    return tuple(WORD.findall(normalize_for_matching(text).text))


def written_forms(entry: Entry, where: str) -> dict[tuple[str, ...], int]:
    """The word sequences of an entry's term and variants, with their inflections and plurals."""
    written = [(entry.term, RANK_TERM)] + [(v, RANK_VARIANT) for v in entry.variants]
    forms: dict[tuple[str, ...], int] = {}
    for text, rank in written:
        words = words_of(text)
        if not words:
            raise LexiconError(f"{where}: {text!r} has no letters to match")
        forms.setdefault(words, rank)
        for inflected in _inflections(words, entry) if entry.inflect else ():
            forms.setdefault(inflected, RANK_GENERATED)
        for plural in _plurals(words, entry.language) if entry.category == "slur" and entry.plural and not entry.inflect else ():
            forms.setdefault(plural, RANK_GENERATED)
    return forms


def entry_forms(entry: Entry, where: str) -> list[tuple[tuple[str, ...], int]]:
    """List every word sequence an entry matches, with the rank saying how it was made."""
    forms = written_forms(entry, where)
    for words in list(forms):
        for position, word in enumerate(words):
            for respelled in misspellings(word, entry.language):
                if len(words) == 1 and is_ordinary_misspelling(respelled):
                    continue  # "nike" is a brand, "coq" a bird: a word of its own, not "nique", "cock"
                forms.setdefault(words[:position] + (respelled,) + words[position + 1:], RANK_GENERATED)
    if entry.category in TYPO_CATEGORIES:
        for text in (entry.term, *entry.variants):
            words = words_of(text)
            if len(words) == 1:
                for typo in typo_variants(words[0]):
                    forms.setdefault((typo,), RANK_TYPO)
    return list(forms.items())


def _plurals(words: tuple[str, ...], language: str) -> list[tuple[str, ...]]:
    """The plural of a slur: a slur names people, and is as often written of many.

    Only the plural (not -ed/-ing: "chinked" is not a slur). English compounds take it on their
    last word ("porch monkeys"); French ones on their first ("faces de citron"), which is not
    guessed: French phrases list their plurals. A form ending in s is taken to be a plural already;
    an entry whose plural is an ordinary name sets `plural = false` ("the Redskins" of football).
    """
    last = words[-1]
    if language in ("en", "any"):
        if last.endswith(("s", "x", "z")):
            return []
        if last.endswith(("ch", "sh")):
            return [words[:-1] + (last + "es",)]
        if re.search(r"[^aeiou]y$", last):
            return [words[:-1] + (last[:-1] + "ies",)]
        return [words[:-1] + (last + "s",)]
    if language == "fr" and len(words) == 1 and not last.endswith(("s", "x", "z")):
        return [(last + ("x" if last.endswith(("au", "eu")) else "s"),)]
    return []


def _inflections(words: tuple[str, ...], entry: Entry) -> list[tuple[str, ...]]:
    last = words[-1]
    suffixes = _SUFFIXES_AFTER_E if last.endswith("e") else _SUFFIXES
    return [words[:-1] + (last + suffix,) for suffix in suffixes.get(entry.language, ())]
