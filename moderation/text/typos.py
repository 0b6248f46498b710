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

The same file answers a second question for the lexicon's stretched matching ("fuuuck" is
"fuck"): which ordinary words only a stretch would turn into a lexicon form. "cooks" stretches
"coks" (a respelling of "cocks"), "salle" stretches "sale", "shiite" stretches "shite"; each is
a word in its own right and is read as itself. A doubled letter that inflection writes
("shitting", "tuées") still reads as the form it inflects.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
import unicodedata
from pathlib import Path
from typing import Callable, Iterable

from moderation.types import SUPPORTED_LANGUAGES

MIN_LENGTH = 5  # shorter words have too many real neighbours ("cunt" -> "cut")
# A doubled letter makes no other word out of most four-letter words ("Jewws", "Romma"; "rooms" and
# "shoot" are dictionary words, left alone as every ordinary doubling is): 2026-12-07, ninth session
DOUBLING_MIN_LENGTH = 4
COMPOUND_PREFIX = 3  # letters a word needs before a compound form for the form to be read in it ("christ" + "fag")
TYPO_CATEGORIES = frozenset({"slur", "insult", "dehumanising"})
GUARD_FILE = Path(__file__).with_name("typo_guard.json")
_RUNS = re.compile(r"(.)\1+")
# Where a doubled letter is grammar, not a different word: English doubles a final consonant before
# a suffix ("shitting", "crapped"), French writes the feminine of a participle "-ée(s)" ("tuées").
# Written once there, such a word is a form of the lexicon, and it still reads as that form.
_INFLECTED_DOUBLE = ((re.compile(r"([b-df-hj-np-tv-z])\1(ing|ed|er|ers|y)$"), r"\1\2"),
                     (re.compile(r"ee(s?)$"), r"e\1"))


def collapse_runs(word: str) -> str:
    """A word with every run of one letter written once: the key stretched forms share ("fuuuck" -> "fuck")."""
    return _RUNS.sub(r"\1", word)


def _fold_accents(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


class OrdinaryWords:
    """Membership in the English and French dictionaries, accents folded (the lexicon's forms are)."""

    def __init__(self) -> None:
        from spellchecker import SpellChecker

        # the frequency dicts themselves, not copies: building one big set costs more than it saves
        self._dictionaries = [SpellChecker(language=language, distance=1).word_frequency.dictionary
                              for language in SUPPORTED_LANGUAGES]
        self._folded = {_fold_accents(word) for dictionary in self._dictionaries for word in dictionary
                        if not word.isascii()}

    def __contains__(self, word: str) -> bool:
        return word in self._folded or any(word in dictionary for dictionary in self._dictionaries)

    def every_word(self) -> frozenset[str]:
        """Every word of both dictionaries, accents folded."""
        return frozenset(_fold_accents(word) for dictionary in self._dictionaries for word in dictionary)

    def with_repeated_letters(self) -> frozenset[str]:
        """Every word with a letter written twice in a row, accents folded ("cooks", "salle")."""
        return frozenset(folded for dictionary in self._dictionaries for word in dictionary
                         if (folded := _fold_accents(word)).isalpha() and collapse_runs(folded) != folded)


def _stretches_onto_a_different_word(word: str, forms: frozenset[str], keys: frozenset[str]) -> bool:
    """Whether an ordinary `word` would read as a stretched form without being an inflection of one."""
    if word in forms or collapse_runs(word) not in keys:
        return False
    return not any(pattern.sub(replacement, word) in forms for pattern, replacement in _INFLECTED_DOUBLE)


@functools.lru_cache(maxsize=1)
def ordinary_words() -> OrdinaryWords:
    """The dictionaries, read once per process (only when the guard file does not cover a form)."""
    return OrdinaryWords()


@functools.lru_cache(maxsize=1)
def guard_file() -> dict:
    """typo_guard.json's content ({} when missing or unreadable: the dictionaries are read instead)."""
    try:
        data = json.loads(GUARD_FILE.read_text("utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


@functools.lru_cache(maxsize=None)
def guard_lists(covered_key: str, ordinary_key: str) -> tuple[frozenset[str], frozenset[str]]:
    """(the words one of typo_guard.json's lists covers, their variants that are ordinary words),
    read once per process; both empty when the file has no such ordinary list (a file older than
    the list), so that the dictionaries answer instead."""
    data = guard_file()
    if ordinary_key not in data:
        return frozenset(), frozenset()
    return frozenset(data.get(covered_key, ())), frozenset(data[ordinary_key])


def not_ordinary(word: str, variants: frozenset[str], guard: tuple[frozenset[str], frozenset[str]]) -> frozenset[str]:
    """The `variants` of `word` that are no ordinary word: by the guard file's list (`guard`, from
    guard_lists) when it covers `word`, by the dictionaries otherwise."""
    covered, ordinary = guard
    if word in covered:
        return frozenset(v for v in variants if v not in ordinary)
    dictionary = ordinary_words()
    return frozenset(v for v in variants if v not in dictionary)


def _guard() -> tuple[frozenset[str], frozenset[str]]:
    """(forms covered, their typos that are ordinary words) from typo_guard.json."""
    return guard_lists("forms", "ordinary")


def is_ordinary_misspelling(word: str) -> bool:
    """Whether a regular respelling of a lexicon form (moderation/text/spelling.py: "nique" ->
    "nike", "cock" -> "coq") is an ordinary word, which the lexicon must then not read as the form.
    Answered from the guard file for the respellings it lists, from the dictionaries otherwise."""
    covered, ordinary = guard_lists("misspellings", "misspellings_ordinary")
    return word in ordinary if word in covered else word in ordinary_words()


def _forms_digest(forms: frozenset[str]) -> str:
    return hashlib.sha256("\n".join(sorted(forms)).encode("utf-8")).hexdigest()[:16]


def ordinary_stretches(stretchable_forms: Iterable[str]) -> frozenset[str]:
    """The ordinary words that would otherwise read as one of `stretchable_forms` stretched.

    A word returned here must not be read as a stretched lexicon form. Answered from the guard
    file when it was built for the same forms, from the dictionaries otherwise.
    """
    return _guarded(frozenset(stretchable_forms), "stretch_forms_digest", "stretched_ordinary", _stretched_ordinary)


def _guarded(forms: frozenset[str], digest_key: str, words_key: str,
             from_dictionaries: Callable[[frozenset[str]], frozenset[str]]) -> frozenset[str]:
    """The guard file's `words_key` list when it was built for these `forms` (its `digest_key`),
    else `from_dictionaries(forms)`: the dictionaries are read only when the file is stale."""
    data = guard_file()
    if data.get(digest_key) == _forms_digest(forms):
        return frozenset(data.get(words_key, ()))
    return from_dictionaries(forms)


@functools.lru_cache(maxsize=1)  # `typo_guard` loads the lexicon, then builds the guard: one scan
def _stretched_ordinary(forms: frozenset[str]) -> frozenset[str]:
    keys = frozenset(map(collapse_runs, forms))
    return frozenset(w for w in ordinary_words().with_repeated_letters()
                     if _stretches_onto_a_different_word(w, forms, keys))


def ordinary_compounds(compound_forms: Iterable[str]) -> frozenset[str]:
    """The ordinary words that end with one of `compound_forms` after three letters or more
    ("vandyke", "bastard", "motherfucker"): words of their own, which the lexicon must not read as
    a compound of the form. Answered from the guard file when it was built for the same forms,
    from the dictionaries otherwise."""
    return _guarded(frozenset(compound_forms), "compound_forms_digest", "compound_ordinary", _compound_ordinary)


@functools.lru_cache(maxsize=1)
def _compound_ordinary(forms: frozenset[str]) -> frozenset[str]:
    if not forms:
        return frozenset()
    lengths = {len(form) for form in forms}  # a word's endings of these lengths, looked up: no scan of the forms
    return frozenset(word for word in ordinary_words().every_word()
                     if any(len(word) >= n + COMPOUND_PREFIX and word[-n:] in forms for n in lengths))


def candidates(word: str) -> frozenset[str]:
    """Every one-letter deletion and adjacent swap of `word` (empty for short or non-alphabetic words)."""
    if len(word) < MIN_LENGTH or not word.isalpha():
        return frozenset()
    out = {word[:i] + word[i + 1:] for i in range(len(word))}
    out |= {word[:i] + word[i + 1] + word[i] + word[i + 2:] for i in range(len(word) - 1) if word[i] != word[i + 1]}
    out.discard(word)
    return frozenset(out)


def doublings(word: str) -> frozenset[str]:
    """Every one-letter doubling of `word` ("murrder", "muslimms", "Jewws"; empty for short or
    non-alphabetic words). A letter already doubled is left alone: three in a row read as stretching
    anyway."""
    if len(word) < DOUBLING_MIN_LENGTH or not word.isalpha():
        return frozenset()
    return frozenset(word[:i + 1] + word[i] + word[i + 1:] for i in range(len(word))
                     if not (i + 1 < len(word) and word[i + 1] == word[i]) and not (i > 0 and word[i - 1] == word[i]))


def doubled_variants(word: str) -> frozenset[str]:
    """The one-letter doublings of `word` that are not ordinary words ("murrder" for "murder", but
    not "butter" for the French « buter »)."""
    found = doublings(word)
    return not_ordinary(word, found, guard_lists("forms", "doubled_ordinary")) if found else found


def typo_variants(word: str) -> frozenset[str]:
    """The one-letter deletions and adjacent swaps of `word` that are not ordinary words."""
    found = candidates(word)
    return not_ordinary(word, found, _guard()) if found else found


def build_guard(forms: Iterable[str], stretchable_forms: Iterable[str], misspellings: Iterable[str] = (),
                compound_forms: Iterable[str] = ()) -> dict:
    """The guard file's content for these typo forms, stretchable forms, respellings of
    single-word forms and compound forms, read from the dictionaries."""
    from importlib.metadata import version

    dictionary = ordinary_words()
    forms = sorted({form for form in forms if candidates(form)})
    ordinary = sorted({c for form in forms for c in candidates(form) if c in dictionary})
    doubled_ordinary = sorted({d for form in forms for d in doublings(form) if d in dictionary})
    stretchable = frozenset(stretchable_forms)
    respelled = sorted(set(misspellings))
    return {"pyspellchecker": version("pyspellchecker"), "forms": forms, "ordinary": ordinary,
            "doubled_ordinary": doubled_ordinary,
            "stretch_forms_digest": _forms_digest(stretchable),
            "stretched_ordinary": sorted(_stretched_ordinary(stretchable)),
            "misspellings": respelled, "misspellings_ordinary": [m for m in respelled if m in dictionary],
            "compound_forms_digest": _forms_digest(frozenset(compound_forms)),
            "compound_ordinary": sorted(_compound_ordinary(frozenset(compound_forms)))}
