"""Export stored comments for archiving: one JSON line per comment, streaming, resumable.

Each line holds everything the store keeps about one comment, as stored:

    {"id", "head": {head hash}, "revisions": [revision record or null, ...],
     "decisions": [machine decision or null, ...], "rescored": [applied rescore or null, ...],
     "history": [audit events, oldest first]}

(lists by revision, 1 first; null where retention deleted the text and evidence or no decision
exists yet). Comments come in order of first receipt, `since` inclusive, `until` exclusive, one
article's only with `article`. Memory stays constant: a page of comments is read with one
pipelined round trip, written, and forgotten.

Resumable when writing to a file: the output grows in `<file>.part`, and after each page a
checkpoint `<file>.part.json` records the byte size written and the cursor (received time and id
of the last comment). Run the same command again after an interruption: the part file is cut back
to the checkpoint's size and the export goes on after the cursor. A `.gz` file is a series of gzip
members, one per page (what `gzip -d`, `zcat` and Python's gzip read as one stream).
"""

from __future__ import annotations

import gzip
import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import IO, Any, Iterator

from redis import Redis

from moderation.store import keys
from moderation.store.cursor import Cursor, page_after
from moderation.store.history import merge
from moderation.store.models import dumps, loads, text

PAGE = 200


@dataclass(frozen=True)
class Selection:
    since: float | None = None
    until: float | None = None
    article: str | None = None

    @property
    def index(self) -> str:
        return keys.article_index(self.article) if self.article else keys.INDEX_RECEIVED

    @property
    def bounds(self) -> tuple[float, float | str]:
        since = self.since if self.since is not None else float("-inf")
        return since, f"({self.until!r}" if self.until is not None else "+inf"


def _records(redis: Redis, ids: list[str]) -> list[dict[str, Any] | None]:
    """Every comment's head, revisions, decisions, rescores and history: two round trips."""
    pipe = redis.pipeline(transaction=False)
    for comment_id in ids:
        pipe.hgetall(keys.comment(comment_id))
        pipe.lrange(keys.history(comment_id), 0, -1)
    replies = pipe.execute()
    heads = [{text(k): text(v) for k, v in raw.items()} for raw in replies[0::2]]
    pipe = redis.pipeline(transaction=False)
    for comment_id, head in zip(ids, heads):
        revs = range(1, int(head.get("rev", 0)) + 1)
        pipe.mget([keys.revision(comment_id, n) for n in revs] or [keys.revision(comment_id, 0)])
        pipe.mget([keys.decision(comment_id, n) for n in revs] or [keys.revision(comment_id, 0)])
        pipe.mget([keys.rescored(comment_id, n) for n in revs] or [keys.revision(comment_id, 0)])
    stored = pipe.execute()
    out = []
    for i, (comment_id, head, history) in enumerate(zip(ids, heads, replies[1::2])):
        if not head:
            out.append(None)  # deleted by retention between the index read and now
            continue
        n = int(head["rev"])
        revisions, decisions, rescored = ([loads(v) for v in stored[3 * i + j][:n]] for j in range(3))
        trail = merge([loads(e) for e in history], head, revisions, decisions)
        out.append({"id": comment_id, "head": head, "revisions": revisions, "decisions": decisions,
                    "rescored": rescored, "history": trail})
    return out


def pages(redis: Redis, selection: Selection, after: Cursor | None = None,
          page: int = PAGE) -> Iterator[tuple[list[dict[str, Any]], Cursor]]:
    """Yield (records, cursor after them) page by page, in order of receipt."""
    since, until = selection.bounds
    while True:
        rows = page_after(redis, selection.index, after, until, page, since=since)
        if not rows:
            return
        after = (rows[-1][1], rows[-1][0])
        yield [r for r in _records(redis, [m for m, _ in rows]) if r is not None], after


@dataclass
class Checkpoint:
    selection: dict[str, Any]
    size: int = 0
    cursor: list | None = None
    exported: int = 0


def _checkpoint_path(part: Path) -> Path:
    return part.with_name(part.name + ".json")


def _resume(part: Path, selection: Selection) -> Checkpoint:
    """The checkpoint of an interrupted export of the same selection, else a fresh start."""
    path = _checkpoint_path(part)
    if part.exists() and path.exists():
        saved = Checkpoint(**json.loads(path.read_text()))
        if saved.selection == asdict(selection):
            with open(part, "r+b") as handle:
                handle.truncate(saved.size)  # whatever was written after the last checkpoint
            return saved
    part.write_bytes(b"")
    return Checkpoint(asdict(selection))


def _write_page(handle: IO[bytes], records: list[dict[str, Any]], compress: bool) -> None:
    data = "".join(dumps(record) + "\n" for record in records).encode("utf-8")
    handle.write(gzip.compress(data, compresslevel=6) if compress else data)


def export_to_file(redis: Redis, selection: Selection, out: Path, page: int = PAGE,
                   stop_after_pages: int | None = None) -> Checkpoint:
    """Export to `out` (gzip when it ends in .gz), resuming an interrupted run; return the totals."""
    part = out.with_name(out.name + ".part")
    state = _resume(part, selection)
    after = tuple(state.cursor) if state.cursor else None
    with open(part, "ab") as handle:
        for n, (records, cursor) in enumerate(pages(redis, selection, after, page)):
            if stop_after_pages is not None and n >= stop_after_pages:
                raise KeyboardInterrupt  # tests: an interruption between pages
            _write_page(handle, records, out.suffix == ".gz")
            handle.flush()
            os.fsync(handle.fileno())
            state.size, state.cursor, state.exported = handle.tell(), list(cursor), state.exported + len(records)
            _checkpoint_path(part).write_text(json.dumps(asdict(state)))
    part.replace(out)
    _checkpoint_path(part).unlink(missing_ok=True)
    return state


def export_to_stream(redis: Redis, selection: Selection, stream: IO[str], page: int = PAGE) -> int:
    """Export as JSON Lines to a text stream (not resumable); return how many comments."""
    count = 0
    for records, _ in pages(redis, selection, None, page):
        stream.write("".join(dumps(record) + "\n" for record in records))
        count += len(records)
    stream.flush()
    return count
