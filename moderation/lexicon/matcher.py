"""Find lexicon sequences in a normalised comment, word by word, and report original spans.

Matching is on whole words of the normalised text, which is what keeps "assassin", "Scunthorpe"
and "cocktail" clean. On top of the vocabulary's word-level tricks (stretched, masked), the matcher
rejoins letters spelled out one by one ("f u c k", "f.u.c.k"), rejoins a word broken by a dot
or an underscore inside it ("pu.tes", "ni_gger") when the whole is a lexicon word and a part is
not, and reads a "1" or "|" as "l" when "i" finds nothing ("ki11").
"""

from __future__ import annotations

import re
from typing import NamedTuple

from moderation.lexicon.index import WORD, PhraseTable
from moderation.lexicon.vocabulary import Vocabulary
from moderation.text.fold import fold_leet
from moderation.text.normalize import NormalizedText

# What may sit between letters spelled out one by one: a little punctuation or space, no newline.
_SPELLING_GAP = re.compile(r"[ .\-_/+,*~]{1,3}")
_MAX_SPELLED = 30  # longest run of single letters we try to rejoin
# Three single letters in a row: the cheap test for whether rejoining is worth trying at all.
_SPELLED_HINT = re.compile(r"(?<![^\W_])[^\W_](?:[ .\-_/+,*~]{1,3}[^\W_]){2}(?![^\W_])")
# One dot, middle dot or underscore between two letters, no space: a word may be broken there ("pu.tes").
_BREAK = re.compile(r"[.·_]")
_BROKEN_HINT = re.compile(r"[^\W\d_][.·_][^\W\d_]")
_MAX_PIECES = 3  # "n.ig.ger": at most three pieces are rejoined


class Word(NamedTuple):
    start: int
    end: int
    text: str
    joined: bool = False  # rebuilt from separated letters


class Found(NamedTuple):
    start: int  # offsets in the normalised text
    end: int
    entry: int
    exception: bool


def find(normalized: NormalizedText, table: PhraseTable, vocabulary: Vocabulary) -> list[Found]:
    """Return every sequence of `table` present in the text, exceptions included."""
    text = normalized.text
    words = [Word(m.start(), m.end(), m.group()) for m in WORD.finditer(text)]
    if _SPELLED_HINT.search(text):
        words = _rejoin_spelled(text, words, vocabulary)
    if _BROKEN_HINT.search(text):
        words = _rejoin_broken(text, words, vocabulary)
    cached, resolve = vocabulary.cache.get, vocabulary.resolve
    # The hot loop: almost every word is answered from the per-word cache.
    resolved = [ids if (ids := cached(word.text)) is not None else resolve(word.text) for word in words]
    if "@" in normalized.original:  # an account's name is read as written, not as a compound ("@savanigga")
        resolved = [vocabulary.resolve_as_a_name(word.text) if ids and _names_an_account(normalized, word) else ids
                    for ids, word in zip(resolved, words)]
    if "1" in normalized.original or "|" in normalized.original:
        resolved = [ids or _read_as_l(normalized, word, vocabulary) for ids, word in zip(resolved, words)]
    found: list[Found] = []
    for i, ids in enumerate(resolved):
        if ids:
            _walk(table.trie, resolved, words, i, i, found)
    return found


def _names_an_account(normalized: NormalizedText, word: Word) -> bool:
    """Whether a word is an @handle: its first letter is, or follows, an "@" (which leet folds to "a")."""
    return normalized.source_char(word.start) == "@" or normalized.text[word.start - 1:word.start] == "@"


def _walk(level: dict, resolved: list[frozenset[int]], words: list[Word], first: int, at: int, found: list[Found]) -> None:
    """Follow the trie from word `at` on, recording every sequence that ends along the way."""
    for word_id in resolved[at]:
        node = level.get(word_id)
        if node is None:
            continue
        children, ending = node
        for seq in ending:
            found.append(Found(words[first].start, words[at].end, seq.entry, seq.exception))
        if children and at + 1 < len(resolved):
            _walk(children, resolved, words, first, at + 1, found)


def _read_as_l(normalized: NormalizedText, word: Word, vocabulary: Vocabulary) -> frozenset[int]:
    """Resolve a word again reading each "1" or "|" of the original as "l" instead of "i" ("ki11")."""
    if word.joined or "i" not in word.text:
        return frozenset()
    as_l = "".join(
        "l" if c == "i" and normalized.source_char(word.start + k) in "1|" else c for k, c in enumerate(word.text)
    )
    return vocabulary.resolve(as_l) if as_l != word.text else frozenset()


def _rejoin_spelled(text: str, words: list[Word], vocabulary: Vocabulary) -> list[Word]:
    """Replace runs of single letters that spell a lexicon word with that one word."""
    out: list[Word] = []
    i = 0
    while i < len(words):
        run_end = i
        while (
            run_end < len(words) and len(words[run_end].text) == 1 and run_end - i < _MAX_SPELLED
            and (run_end == i or _SPELLING_GAP.fullmatch(text, words[run_end - 1].end, words[run_end].start))
        ):
            run_end += 1
        if run_end - i >= 3:
            out.extend(_join_run(words[i:run_end], vocabulary))
            i = run_end
        else:
            out.append(words[i])
            i += 1
    return out


def _rejoin_broken(text: str, words: list[Word], vocabulary: Vocabulary) -> list[Word]:
    """Replace two or three words that one dot or underscore each separate ("pu.tes") with the
    lexicon word they spell together, when a piece is no lexicon word by itself: "fuck.you" stays
    two words, and "site.com" spells nothing."""
    out: list[Word] = []
    i = 0
    while i < len(words):
        for j in range(min(len(words), i + _MAX_PIECES), i + 1, -1):
            pieces = words[i:j]
            if not all(_BREAK.fullmatch(text, a.end, b.start) for a, b in zip(pieces, pieces[1:])):
                continue
            joined = "".join(w.text for w in pieces)
            if vocabulary.resolve(joined) and not all(vocabulary.resolve(w.text) for w in pieces):
                out.append(Word(pieces[0].start, pieces[-1].end, joined, joined=True))
                i = j
                break
        else:
            out.append(words[i])
            i += 1
    return out


def _join_run(run: list[Word], vocabulary: Vocabulary) -> list[Word]:
    """Greedily rejoin the longest stretches of a run that resolve to a lexicon word."""
    out: list[Word] = []
    i = 0
    while i < len(run):
        for j in range(len(run), i + 2, -1):
            spelled = _first_known(_spellings("".join(w.text for w in run[i:j])), vocabulary)
            if spelled:
                out.append(Word(run[i].start, run[j - 1].end, spelled, joined=True))
                i = j
                break
        else:
            out.append(run[i])
            i += 1
    return out


def _spellings(joined: str) -> tuple[str, ...]:
    """Readings of rejoined letters: a lone digit was not leet-folded yet ("s h 1 t", "k i 1 1")."""
    if not any(c.isdigit() for c in joined):
        return (joined,)
    return (fold_leet(joined), fold_leet(joined.replace("1", "l")))


def _first_known(spellings: tuple[str, ...], vocabulary: Vocabulary) -> str | None:
    return next((s for s in spellings if vocabulary.resolve(s)), None)
