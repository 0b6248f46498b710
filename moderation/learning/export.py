"""`moderation export --reviews`: reviewed comments, machine evidence and moderator decision, for auditors.

One JSON line per moderator decision (ReviewRecord.to_json(), keys sorted), in order of the
comments' first receipt. Retention is respected because nothing is read that retention removed:
a comment whose text is gone exports with `"text": null` and without scores or lexicon hits.
A file output is written whole to `<file>.part` and renamed, so a reader never sees half an export.
"""

from __future__ import annotations

import gzip
from pathlib import Path
from typing import IO

from moderation.learning.records import iter_review_records


def write_reviews(store, stream: IO[str], since: float | None = None, until: float | None = None,
                  article: str | None = None) -> int:
    """Write the review records to a text stream; return how many."""
    count = 0
    for record in iter_review_records(store, since=since, until=until):
        if article is not None and record.article_id != article:
            continue
        stream.write(record.dumps() + "\n")
        count += 1
    stream.flush()
    return count


def export_reviews(store, out: Path, since: float | None = None, until: float | None = None,
                   article: str | None = None) -> int:
    """Write the review records to `out` (gzip when it ends in .gz); return how many."""
    part = out.with_name(out.name + ".part")
    opener = gzip.open if out.suffix == ".gz" else open
    with opener(part, "wt", encoding="utf-8") as handle:
        count = write_reviews(store, handle, since, until, article)
    part.replace(out)
    return count
