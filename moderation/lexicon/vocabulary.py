"""The lexicon's word forms, and how a word of a comment is recognised as one of them.

A word of the (normalised) comment resolves to a set of form ids by, in order:
1. an exact form ("fuck");
2. a stretched form: same letters with some letters repeated more ("fuuuck", "asss"),
   but never fewer ("as" is not "ass"), and never an ordinary word ("cooks" is not "coks",
   "salle" is not "sale": `spare()`);
3. a masked form: `*` or `#` standing for one letter each ("f*ck", "f**k", "st*pid"),
   preferring entries' own terms over generated forms, or for nothing ("f*u*c*k");
4. a compound: a word that ends with a form of an entry marked `compound` after three letters or
   more ("christfags", "sandniggers"), unless the word is an ordinary one ("vandyke", "bastard").
Results are cached per word, since comments reuse the same few thousand words.
"""

from __future__ import annotations

import re

from moderation.text.typos import COMPOUND_PREFIX, collapse_runs

MASKS = "*#"
_RUN = re.compile(r"(.)\1*")
_CACHE_LIMIT = 200_000
_EMPTY: frozenset[int] = frozenset()

# How a form came to be; masked words prefer forms someone wrote down. A typo form ("idoit") is
# matched only as written: stretched or masked, it would reach real words ("gogle" -> "google").
RANK_TERM, RANK_VARIANT, RANK_GENERATED, RANK_TYPO = 0, 1, 2, 3


def _run_lengths(word: str) -> tuple[int, ...]:
    return tuple(len(m.group()) for m in _RUN.finditer(word))


class Vocabulary:
    """Every single-word form of a lexicon, indexed for exact, stretched and masked lookup."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        self.forms: list[str] = []
        self.ranks: list[int] = []
        self._stretched: dict[str, list[tuple[int, tuple[int, ...]]]] = {}
        self._by_shape: dict[tuple[str, int], list[int]] = {}
        self.cache: dict[str, frozenset[int]] = {}
        self._ordinary: frozenset[str] = frozenset()
        # compound forms by their last three letters, longest first; and the ordinary words that end with one
        self._compounds: dict[str, list[tuple[str, int]]] = {}
        self._ordinary_compounds: frozenset[str] = frozenset()

    def add(self, form: str, rank: int) -> int:
        """Register a word form (already normalised) and return its id."""
        if form in self.ids:
            known = self.ids[form]
            if self.ranks[known] == RANK_TYPO and rank < RANK_TYPO:
                self._index_fuzzy(form, known)  # now also a written or generated form
            self.ranks[known] = min(self.ranks[known], rank)
            return known
        form_id = len(self.forms)
        self.ids[form] = form_id
        self.forms.append(form)
        self.ranks.append(rank)
        if rank != RANK_TYPO:
            self._index_fuzzy(form, form_id)
        return form_id

    def _index_fuzzy(self, form: str, form_id: int) -> None:
        """Make a form findable stretched ("fuuuck") and masked ("f*ck")."""
        key = collapse_runs(form)
        self._stretched.setdefault(key, []).append((form_id, _run_lengths(form)))
        self._by_shape.setdefault((form[0], len(form)), []).append(form_id)

    def stretchable_forms(self) -> frozenset[str]:
        """The forms a stretched word may stand for (typo forms are matched only as written)."""
        return frozenset(self.forms[i] for keyed in self._stretched.values() for i, _ in keyed)

    def spare(self, ordinary_words: frozenset[str]) -> None:
        """Never read these words as stretched forms (they are words of their own)."""
        self._ordinary = frozenset(ordinary_words)
        self.cache.clear()

    def add_compound(self, form: str) -> None:
        """Also read a registered single-word form at the end of a longer word ("christ" + "fags")."""
        bucket = self._compounds.setdefault(form[-3:], [])
        if all(known != form for known, _ in bucket):
            bucket.append((form, self.ids[form]))
            bucket.sort(key=lambda item: -len(item[0]))
        self.cache.clear()

    def compound_forms(self) -> frozenset[str]:
        """The forms read at the end of a longer word."""
        return frozenset(form for bucket in self._compounds.values() for form, _ in bucket)

    def spare_compounds(self, ordinary_words: frozenset[str]) -> None:
        """Never read these words as compounds (they are words of their own: "vandyke")."""
        self._ordinary_compounds = frozenset(ordinary_words)
        self.cache.clear()

    def resolve(self, word: str) -> frozenset[int]:
        """Return the ids of the forms `word` stands for (empty if none)."""
        found = self.cache.get(word)
        if found is None:
            found = self._resolve(word)
            if len(self.cache) >= _CACHE_LIMIT:
                self.cache.clear()
            self.cache[word] = found
        return found

    def resolve_as_a_name(self, word: str) -> frozenset[int]:
        """`resolve`, for a word that names an account ("@savanigga"): not read as a compound, since
        a name written together is someone's name, not a slur aimed at anyone."""
        return self._resolve(word, compound=False) if self._compounds else self.resolve(word)

    def _resolve(self, word: str, compound: bool = True) -> frozenset[int]:
        exact = self.ids.get(word)
        if exact is not None:
            return frozenset((exact,))
        if any(m in word for m in MASKS):
            return self._masked(word)
        candidates = self._stretched.get(collapse_runs(word))
        if candidates and word not in self._ordinary:
            runs = _run_lengths(word)
            stretched = frozenset(i for i, need in candidates if all(have >= n for have, n in zip(runs, need)))
            if stretched:
                return stretched
        return self._compound(word) if compound and self._compounds else _EMPTY

    def _compound(self, word: str) -> frozenset[int]:
        for form, form_id in self._compounds.get(word[-3:], ()):
            if len(word) - len(form) >= COMPOUND_PREFIX and word.endswith(form) and word[:-len(form)].isalpha():
                return _EMPTY if word in self._ordinary_compounds else frozenset((form_id,))
        return _EMPTY

    def _masked(self, word: str) -> frozenset[int]:
        visible = sum(1 for c in word if c not in MASKS)
        if word[0] not in MASKS and visible >= 1 and len(word) >= 3:
            pattern = re.compile("".join("." if c in MASKS else re.escape(c) for c in word))
            hits = [i for i in self._by_shape.get((word[0], len(word)), ()) if pattern.fullmatch(self.forms[i])]
            if hits:
                best = min(self.ranks[i] for i in hits)
                return frozenset(i for i in hits if self.ranks[i] == best)
        unmasked = "".join(c for c in word if c not in MASKS)  # "f*u*c*k": the stars only separate
        return self.resolve(unmasked) if unmasked and unmasked != word else _EMPTY
