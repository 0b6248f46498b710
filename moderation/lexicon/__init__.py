"""Curated lexicons (config/lexicons/*.toml): load once, then match comments and author names.

    lexicon = load_lexicon(Path("config/lexicons"))
    hits = lexicon.match("you f*cking idiot", "en")          # spans index the original text
    hits = lexicon.match("US & EU are Zion slaves", "und", field="author")
"""

from __future__ import annotations

import bisect
import hashlib
import itertools
from dataclasses import dataclass
from pathlib import Path

from moderation.lexicon.index import PhraseTable, Sequence, entry_forms, words_of, written_forms
from moderation.lexicon.matcher import Found, find
from moderation.lexicon.schema import Entry, LexiconError, parse_file
from moderation.lexicon.vocabulary import RANK_TYPO, Vocabulary
from moderation.text.normalize import NormalizedText, normalize_for_matching
from moderation.text.typos import ordinary_compounds, ordinary_stretches
from moderation.types import SUPPORTED_LANGUAGES, UNDETERMINED, LexiconHit

__all__ = ["Entry", "Lexicon", "LexiconError", "load_lexicon"]

# Bump when matching behaviour changes, so `version` changes even if the files did not.
MATCHER_REVISION = "7"  # 2: one-letter typos of slurs and insults, "fvck"; 3: no stretch onto ordinary words;
# 4: slurs match their plural; 5: a typo of a term is read in its own language only; 6: "pu.tes" rejoined;
# 7: `compound` terms read at the end of a word written together ("christfags")


@dataclass(frozen=True, repr=False)
class Lexicon:
    """Compiled lexicons with one phrase table per comment language (types.SUPPORTED_LANGUAGES and "und")."""

    version: str
    entries: tuple[Entry, ...]
    vocabulary: Vocabulary
    tables: dict[str, PhraseTable]

    def __repr__(self) -> str:
        return f"Lexicon(version={self.version!r}, entries={len(self.entries)})"

    def match(self, text: str, language: str, field: str = "text") -> list[LexiconHit]:
        """Find lexicon entries in `text`, sorted by start, spans in the original text."""
        return self.match_with_exceptions(text, language, field)[0]

    def match_with_exceptions(self, text: str, language: str,
                              field: str = "text") -> tuple[list[LexiconHit], list[tuple[int, int]]]:
        """`match`, and the spans of the entries' exception phrases found in `text` ("Pussy Riot",
        "spick and span"): the word inside them is no abuse, so the models should not read it
        either (moderation/unvoiced.py)."""
        table = self.tables.get(language)
        if table is None:
            raise ValueError(f"language must be one of {sorted(self.tables)}, got {language!r}")
        normalized = normalize_for_matching(text)
        found = find(normalized, table, self.vocabulary)
        kept = _without_exceptions_and_overlaps(found)
        excepted = [normalized.original_span(f.start, f.end) for f in found if f.exception]
        return [self._hit(normalized, f, field) for f in kept], excepted

    def _hit(self, normalized: NormalizedText, found: Found, field: str) -> LexiconHit:
        entry = self.entries[found.entry]
        start, end = normalized.original_span(found.start, found.end)
        return LexiconHit(
            term=entry.term, category=entry.category, severity=entry.severity, start=start, end=end,
            matched=normalized.original[start:end], language=entry.language, target=entry.target, field=field,
        )


def _without_exceptions_and_overlaps(found: list[Found]) -> list[Found]:
    """Drop hits inside their entry's exception phrase, then hits inside a longer hit.

    Both checks are sweeps over sorted spans (n log n): comparing every pair was quadratic, and a
    20,000-character comment of back-to-back insults (thousands of hits) took a worker seconds.
    """
    exceptions: dict[int, list[tuple[int, int]]] = {}
    for f in found:
        if f.exception:
            exceptions.setdefault(f.entry, []).append((f.start, f.end))
    covers = {entry: _Covering(spans) for entry, spans in exceptions.items()}
    hits = {
        (f.start, f.end, f.entry): f for f in found
        if not f.exception and not (f.entry in covers and covers[f.entry].covers(f.start, f.end))
    }
    inside = _spans_inside_another({(f.start, f.end) for f in hits.values()})
    kept = [f for f in hits.values() if (f.start, f.end) not in inside]
    return sorted(kept, key=lambda f: (f.start, f.end, f.entry))


class _Covering:
    """Answer "does some span start at or before `start` and end at or after `end`?" in log time."""

    def __init__(self, spans: list[tuple[int, int]]):
        spans = sorted(spans)
        self.starts = [s for s, _ in spans]
        self.max_end = list(itertools.accumulate((e for _, e in spans), max))

    def covers(self, start: int, end: int) -> bool:
        index = bisect.bisect_right(self.starts, start)
        return index > 0 and self.max_end[index - 1] >= end


def _spans_inside_another(spans: set[tuple[int, int]]) -> set[tuple[int, int]]:
    """The spans that another (distinct) span contains."""
    inside = set()
    furthest = -1
    # Start ascending, end descending: every span seen before this one starts at or before it,
    # and one of them contains it exactly when the furthest end so far reaches its end.
    for start, end in sorted(spans, key=lambda span: (span[0], -span[1])):
        if furthest >= end:
            inside.add((start, end))
        furthest = max(furthest, end)
    return inside


def load_lexicon(directory: Path) -> Lexicon:
    """Load every `*.toml` lexicon in `directory` and compile the matching tables."""
    paths = sorted(Path(directory).glob("*.toml"))
    if not paths:
        raise LexiconError(f"{directory}: no lexicon files (*.toml) found")
    digest = hashlib.sha256(MATCHER_REVISION.encode())
    entries: list[Entry] = []
    where: list[str] = []
    for path in paths:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
        for entry in parse_file(path):
            entries.append(entry)
            where.append(f"{path}: term {entry.term!r}")
    vocabulary = Vocabulary()
    tables = {name: PhraseTable() for name in (*SUPPORTED_LANGUAGES, UNDETERMINED)}
    _check_duplicates(entries, where)
    for index, entry in enumerate(entries):
        for words, rank in entry_forms(entry, where[index]):
            seq = Sequence(tuple(vocabulary.add(w, rank) for w in words), index)
            for name in (_tables_for(entry) if rank != RANK_TYPO else _typo_tables_for(entry)):
                tables[name].add(seq, rank)
        for exception in entry.exceptions:
            words = words_of(exception)
            if not words:
                raise LexiconError(f"{where[index]}: exception {exception!r} has no letters to match")
            seq = Sequence(tuple(vocabulary.add(w, 1) for w in words), index, exception=True)
            for name in _tables_for(entry):
                tables[name].add(seq, 1)
    for table in tables.values():
        table.compile()
    vocabulary.spare(ordinary_stretches(vocabulary.stretchable_forms()))
    for index, entry in enumerate(entries):
        if entry.compound:  # its term, variants and plurals, as written
            for words in written_forms(entry, where[index]):
                if len(words) == 1:
                    vocabulary.add_compound(words[0])
    vocabulary.spare_compounds(ordinary_compounds(vocabulary.compound_forms()))
    return Lexicon("lex-" + digest.hexdigest()[:16], tuple(entries), vocabulary, tables)


def _tables_for(entry: Entry) -> list[str]:
    """Which comment languages an entry is matched in.

    French comments swear in English ("fuck les flics") and language detection can be wrong, so
    an entry is matched in every language unless it is `ambiguous`: an ordinary word in the other
    language ("con", "retard", "douche"), which is matched only in its own.
    """
    if entry.language == "any" or not entry.ambiguous:
        return [*SUPPORTED_LANGUAGES, UNDETERMINED]
    return [entry.language]


def _typo_tables_for(entry: Entry) -> list[str]:
    """Which comment languages a one-letter typo of an entry is matched in: its own (and `und`).

    The typo guard leaves out typos that are dictionary words, but a comment's informal spellings
    are not in the dictionaries: read in English, "youre" is a typo of the French slur "youtre" and
    "gogo" one of "gogol" (both held benign English comments of our training data's choice split).
    A disguise is written for readers of the language it is written in.
    """
    if entry.language == "any":
        return [*SUPPORTED_LANGUAGES, UNDETERMINED]
    return [name for name in _tables_for(entry) if name in (entry.language, UNDETERMINED)]


def _check_duplicates(entries: list[Entry], where: list[str]) -> None:
    """Refuse the same written form in two entries of one language: which one should win?"""
    seen: dict[tuple[str, tuple[str, ...]], str] = {}
    for index, entry in enumerate(entries):
        for text in (entry.term, *entry.variants):
            key = (entry.language, words_of(text))
            if key in seen and seen[key] != where[index]:
                raise LexiconError(f"{where[index]}: {text!r} is already listed by {seen[key]}")
            seen[key] = where[index]
