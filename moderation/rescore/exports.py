"""Rescore an export (JSON Lines) instead of the store: report only, Redis is never touched.

Each line: {"id", "text", "author"?, "language"?, "decision"?}. `decision` is the platform's old
outcome ("keep", "hold", "remove") or a whole decision object as our API returns it; with it the
line is diffed like a stored comment, without it the new decision is reported with no old one
("none->hold") and counted as undiffed. A bad line is counted and named, and the rest go on.
"""

from __future__ import annotations

import json
from typing import IO, Any, Iterator

from moderation.comment_json import CommentFormatError, parse_comment_line
from moderation.rescore.batch import diff_decisions, transition
from moderation.rescore.report import Progress
from moderation.rescore.tally import Tally
from moderation.types import OUTCOMES


def _old_decision(raw: bytes, line: int) -> dict[str, Any] | None:
    obj = json.loads(raw)
    old = obj.get("decision")
    if old is None:
        return None
    if isinstance(old, str):
        old = {"decision": old}
    if not isinstance(old, dict) or old.get("decision") not in OUTCOMES:
        raise CommentFormatError(line, "invalid_field", f"`decision` must be one of {list(OUTCOMES)} or a "
                                 "decision object", str(obj.get("id")), "decision")
    return old


def _lines(stream: IO[bytes], max_chars: int, tally: Tally) -> Iterator[tuple[Any, dict | None]]:
    for number, raw in enumerate(stream, start=1):
        if not raw.strip():
            continue
        try:
            comment = parse_comment_line(raw, number, max_chars)
            yield comment, _old_decision(raw, number)
        except CommentFormatError as exc:
            tally.add("scanned")
            tally.error(exc.comment_id, f"line {number}: {exc}")


def _batches(items: Iterator, size: int) -> Iterator[list]:
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def rescore_export(stream: IO[bytes], engine, batch_size: int, max_chars: int,
                   progress: Progress | None = None) -> Tally:
    """Re-decide every comment of an export; rows for changed and for undiffed comments."""
    tally = Tally()
    for batch in _batches(_lines(stream, max_chars, tally), batch_size):
        decisions = engine.decide([comment for comment, _ in batch])
        for (comment, old), new in zip(batch, decisions):
            tally.add("scanned")
            new_json = new.to_json()
            if old is None:
                tally.add("undiffed")
                tally.rows.append(diff_decisions(None, new_json))
                tally.transitions[transition(None, new_json["decision"])] += 1
            elif old["decision"] != new_json["decision"]:
                tally.change(diff_decisions(old, new_json), transition(old["decision"], new_json["decision"]))
        if progress is not None:
            progress.update(tally.counts["scanned"])
    return tally
