"""Read and validate one lexicon file (TOML) into entries; see docs/lexicons.md for the format.

A file holds `language`, optional `[sets]` of words for `{set}` templates, and `[[group]]` tables
giving a category/severity/target to a list of `terms`; a term is a string or an inline table
that overrides the group's fields. Every problem is reported with the file, the group and the
term, because the people editing these files are moderators, not programmers.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from moderation.types import LEXICON_CATEGORIES as CATEGORIES, SEVERITIES, SUPPORTED_LANGUAGES

TARGETS = (
    "ethnicity", "origin", "religion", "gender", "sexual_orientation", "gender_identity",
    "disability", "age", "class", "politics", "individual",
)
NEEDS_TARGET = ("slur", "dehumanising")
LANGUAGES = (*SUPPORTED_LANGUAGES, "any")  # "any": matched in every language
_GROUP_FIELDS = {"category", "severity", "target", "inflect", "ambiguous", "plural", "compound", "terms", "note"}
_TERM_FIELDS = {"term", "category", "severity", "target", "inflect", "ambiguous", "plural", "compound", "variants",
                "exceptions", "note"}
_TEMPLATE = re.compile(r"\{([a-z_]+)\}")


class LexiconError(ValueError):
    """A lexicon file cannot be used; the message names the file, the entry and the problem."""


@dataclass(frozen=True)
class Entry:
    """One lexicon entry after validation and template expansion."""

    term: str
    category: str
    severity: str
    language: str
    target: str | None = None
    variants: tuple[str, ...] = ()
    exceptions: tuple[str, ...] = ()
    inflect: bool = False
    ambiguous: bool = False  # a word in the other language too: skipped when the language is "und"
    plural: bool = True  # a slur also matches its plural (index.py `_plurals`) unless this is false
    # also read at the end of a word written together ("christfags", "sandniggers"), unless that
    # word is an ordinary one ("vandyke", "bastard"; vocabulary.py `_compound`)
    compound: bool = False


def parse_file(path: Path) -> list[Entry]:
    """Parse one lexicon file, raising LexiconError with its location on any problem."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise LexiconError(f"{path}: not valid TOML: {exc}") from exc
    unknown = set(data) - {"language", "sets", "group"}
    if unknown:
        raise LexiconError(f"{path}: unknown top-level keys {sorted(unknown)}")
    language = data.get("language")
    if language not in LANGUAGES:
        raise LexiconError(f"{path}: language must be one of {', '.join(LANGUAGES)}, got {language!r}")
    sets = _parse_sets(path, data.get("sets", {}))
    entries: list[Entry] = []
    for number, group in enumerate(data.get("group", []), start=1):
        entries.extend(_parse_group(f"{path}: group {number}", group, language, sets))
    return entries


def _parse_sets(path: Path, sets: Any) -> dict[str, list[str]]:
    if not isinstance(sets, dict):
        raise LexiconError(f"{path}: [sets] must be a table of word lists")
    for name, words in sets.items():
        if not isinstance(words, list) or not words or not all(isinstance(w, str) and w.strip() for w in words):
            raise LexiconError(f"{path}: set {name!r} must be a non-empty list of words")
    return sets


def _parse_group(where: str, group: Any, language: str, sets: dict[str, list[str]]) -> list[Entry]:
    if not isinstance(group, dict):
        raise LexiconError(f"{where}: must be a table")
    unknown = set(group) - _GROUP_FIELDS
    if unknown:
        raise LexiconError(f"{where}: unknown fields {sorted(unknown)}")
    terms = group.get("terms")
    if not isinstance(terms, list) or not terms:
        raise LexiconError(f"{where}: 'terms' must be a non-empty list")
    defaults = {k: v for k, v in group.items() if k not in ("terms", "note")}
    entries = []
    for item in terms:
        fields = {"term": item} if isinstance(item, str) else item
        if not isinstance(fields, dict) or not isinstance(fields.get("term"), str):
            raise LexiconError(f"{where}: each term must be a string or a table with a 'term' string, got {item!r}")
        entries.extend(_expand(f"{where}, term {fields['term']!r}", {**defaults, **fields}, language, sets))
    return entries


def _expand(where: str, fields: dict[str, Any], language: str, sets: dict[str, list[str]]) -> list[Entry]:
    """Validate one term's fields and expand its `{set}` templates into one entry per combination."""
    entry = _validate(where, fields, language)
    names = list(dict.fromkeys(_TEMPLATE.findall(entry.term)))
    for name in names:
        if name not in sets:
            raise LexiconError(f"{where}: unknown set {{{name}}}; define it under [sets]")
    if not names:
        return [entry]
    out = []
    for words in itertools.product(*(sets[name] for name in names)):
        fill = dict(zip(names, words))
        expand = lambda text: _TEMPLATE.sub(lambda m: fill.get(m.group(1), m.group()), text)  # noqa: E731
        out.append(dataclasses.replace(
            entry, term=expand(entry.term), variants=tuple(expand(v) for v in entry.variants),
            exceptions=tuple(expand(e) for e in entry.exceptions),
        ))
    return out


def _validate(where: str, fields: dict[str, Any], language: str) -> Entry:
    unknown = set(fields) - _TERM_FIELDS
    if unknown:
        raise LexiconError(f"{where}: unknown fields {sorted(unknown)}")
    term = fields["term"].strip()
    if not term:
        raise LexiconError(f"{where}: term is empty")
    category, severity, target = fields.get("category"), fields.get("severity"), fields.get("target")
    if category not in CATEGORIES:
        raise LexiconError(f"{where}: category {category!r} is not one of {', '.join(CATEGORIES)}")
    if severity not in SEVERITIES:
        raise LexiconError(f"{where}: severity {severity!r} is not one of {', '.join(SEVERITIES)}")
    if target is None and category in NEEDS_TARGET:
        raise LexiconError(f"{where}: a {category} needs a target ({', '.join(TARGETS)})")
    if target is not None and target not in TARGETS:
        raise LexiconError(f"{where}: target {target!r} is not one of {', '.join(TARGETS)}")
    for flag in ("inflect", "ambiguous", "plural", "compound"):
        if not isinstance(fields.get(flag, False), bool):
            raise LexiconError(f"{where}: {flag} must be true or false")
    lists = {}
    for name in ("variants", "exceptions"):
        value = fields.get(name, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise LexiconError(f"{where}: {name} must be a list of non-empty strings")
        lists[name] = tuple(v.strip() for v in value)
    compound = fields.get("compound", False)
    if compound and (" " in term or len(term) < 3):
        raise LexiconError(f"{where}: compound applies to one word of three letters or more")
    return Entry(
        term, category, severity, language, target, lists["variants"], lists["exceptions"],
        fields.get("inflect", False), fields.get("ambiguous", False), fields.get("plural", True), compound,
    )
