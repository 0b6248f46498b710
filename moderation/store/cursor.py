"""Walk a sorted-set index in score order, resumably: a cursor is (score, member) of the last seen.

Members sharing a score (a batch accepted in one request has one received time) come in member
order, so "after (score, member)" is exact, whatever is deleted behind the cursor meanwhile.
"""

from __future__ import annotations

from redis import Redis

from moderation.store.models import text

Cursor = tuple[float, str]


def page_after(redis: Redis, key: str, after: Cursor | None, until: float | str, page: int = 500,
               since: float = float("-inf")) -> list[tuple[str, float]]:
    """Up to `page` (member, score) of `key` after the cursor (or from `since`), score up to `until`.

    `until` is a ZRANGEBYSCORE bound: a number (inclusive) or "(<number>" (exclusive).
    """
    score, last = after if after is not None else (since, None)
    size = page
    while True:
        rows = redis.zrangebyscore(key, score, until, start=0, num=size, withscores=True)
        fresh = [(text(m), s) for m, s in rows if last is None or s > score or text(m) > last]
        if len(fresh) >= page or len(rows) < size:
            return fresh[:page]
        size *= 2  # a run of ties already seen (one big batch): look further


def encode(cursor: Cursor) -> str:
    """The cursor as one string "<score> <member>" (for a Redis key or a checkpoint file)."""
    return f"{cursor[0]!r} {cursor[1]}"


def decode(raw: str | bytes | None) -> Cursor | None:
    """Parse encode()'s string; None stays None."""
    if raw is None:
        return None
    score, _, member = text(raw).partition(" ")
    return float(score), member
