"""Plain-text tables of decisions for people reading a terminal (the demo, rescoring summaries)."""

from __future__ import annotations

import unicodedata

COLUMNS = (("article", 22), ("author", 18), ("comment", 34), ("lang", 4), ("tox", 5), ("matched terms", 28),
           ("decision", 8))


def _fit(text: str, width: int) -> str:
    """Cut or pad to a display width, on one line."""
    flat = " ".join(str(text).split())
    flat = "".join(ch for ch in flat if unicodedata.category(ch)[0] != "C")
    if len(flat) > width:
        flat = flat[: width - 1] + "…"
    return flat.ljust(width)


def _terms(decision: dict) -> str:
    hits = decision.get("slurs") or []
    seen = dict.fromkeys(
        (f"{hit['matched']}(author)" if hit.get("field") == "author" else hit["matched"]) for hit in hits)
    return ", ".join(seen) or "-"


def decision_row(comment: dict, record: dict | None) -> list[str]:
    """One row: where the comment is from, who wrote it, what we decided and why."""
    article = (comment.get("article") or {})
    title = article.get("title") or article.get("source") or "-"
    base = [title, comment.get("author") or "-", comment.get("text", "")]
    decision = (record or {}).get("decision")
    if not isinstance(decision, dict):
        return base + ["", "", "(not decided)", "-"]
    toxicity = decision.get("scores", {}).get("toxicity")
    return base + [decision.get("language", "?"), f"{toxicity:.2f}" if toxicity is not None else "-",
                   _terms(decision), decision.get("decision", "?").upper()]


def decisions_table(rows: list[tuple[dict, dict | None]]) -> str:
    """Render (comment, stored record) pairs as an aligned table with a header."""
    header = " ".join(_fit(name, width) for name, width in COLUMNS)
    lines = [header, "-" * len(header)]
    for comment, record in rows:
        cells = decision_row(comment, record)
        lines.append(" ".join(_fit(cell, width) for cell, (_, width) in zip(cells, COLUMNS)).rstrip())
    return "\n".join(lines)
