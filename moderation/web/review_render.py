"""Turn hostile comment text into safe HTML with the matched lexicon terms highlighted.

Comments are written by strangers: every byte of their text goes through `escape`, segment by
segment, and only our own <mark> tags are added around the spans the engine reported. Spans are
trusted only when they fit the text and cover what the engine says they matched; anything else
is shown plainly rather than risk cutting the text in the wrong place.
"""

from __future__ import annotations

from typing import Any, Iterable

from markupsafe import Markup, escape

SEVERITY_CLASS = {"mild": "sev-mild", "strong": "sev-strong", "severe": "sev-severe"}


def _usable_spans(text: str, hits: Iterable[dict[str, Any]], field: str) -> list[dict[str, Any]]:
    spans = []
    for hit in hits:
        start, end = hit.get("start"), hit.get("end")
        if hit.get("field", "text") != field or not isinstance(start, int) or not isinstance(end, int):
            continue
        if 0 <= start < end <= len(text) and text[start:end] == hit.get("matched", text[start:end]):
            spans.append(hit)
    spans.sort(key=lambda hit: (hit["start"], -hit["end"]))
    return spans


def highlight(text: str | None, hits: Iterable[dict[str, Any]], field: str = "text") -> Markup:
    """Escaped `text` with each lexicon hit of `field` wrapped in <mark>; overlapping hits merge into the first."""
    text = text or ""
    parts: list[str] = []
    position = 0
    for hit in _usable_spans(text, hits, field):
        if hit["start"] < position:
            continue  # overlaps a span already marked
        label = f'{hit.get("term", "")} ({hit.get("category", "")}, {hit.get("severity", "")})'
        parts.append(escape(text[position:hit["start"]]))
        parts.append(Markup('<mark class="hit {}" title="{}">{}</mark>').format(
            SEVERITY_CLASS.get(hit.get("severity"), "sev-other"), label, text[hit["start"]:hit["end"]]))
        position = hit["end"]
    parts.append(escape(text[position:]))
    return Markup("").join(parts)


def duration(seconds: float | None) -> str:
    """A short human duration: 45 s, 12 min, 3.5 h, 2.0 d; a dash for none."""
    if seconds is None:
        return "–"
    if seconds < 60:
        return f"{seconds:.0f} s"
    if seconds < 3600:
        return f"{seconds / 60:.0f} min"
    if seconds < 86400:
        return f"{seconds / 3600:.1f} h"
    return f"{seconds / 86400:.1f} d"


def top_scores(scores: dict[str, float], limit: int = 3) -> list[tuple[str, float]]:
    """The highest scores first, toxicity always included."""
    ranked = sorted(scores.items(), key=lambda kv: (kv[0] != "toxicity", -kv[1]))
    return ranked[:limit]
