"""Select the stored comments a run covers, from the store's indexes (see store/keys.py).

The narrowest index drives the scan (an article's, else the time index the window is on; a
language is checked on each head); every candidate is then checked against the other filters on its head hash, so
filters combine. The result is a list fixed at the start of a run: comments arriving while it
runs are not picked up halfway, and checkpoints can name positions in it.
"""

from __future__ import annotations

import math
from typing import Iterator

from redis import Redis

from moderation.rescore.filters import Filters
from moderation.store import keys
from moderation.store.models import text

PAGE = 2000


def _driving_index(filters: Filters) -> tuple[str, bool]:
    """The index to walk and whether its scores are the filter's time (so the window applies)."""
    if filters.article:
        return keys.article_index(filters.article), filters.time_field == "received"
    if filters.time_field == "created":
        return keys.INDEX_CREATED, True
    return keys.INDEX_RECEIVED, True


def _time_index(filters: Filters) -> str:
    return keys.INDEX_CREATED if filters.time_field == "created" else keys.INDEX_RECEIVED


def _pages(redis: Redis, index: str, low: float, high: float) -> Iterator[list[str]]:
    offset = 0
    while True:
        batch = redis.zrangebyscore(index, low, f"({high}" if math.isfinite(high) else "+inf",
                                    start=offset, num=PAGE)
        if batch:
            yield [text(member) for member in batch]
        if len(batch) < PAGE:
            return
        offset += PAGE


def _keep(filters: Filters, head: list, moment) -> bool:
    rev, language, article = (text(v) for v in head)
    if rev is None:
        return False
    if filters.language and language != filters.language:
        return False
    if filters.article and article != filters.article:
        return False
    return filters.in_window(None if moment is None else float(moment))


def select_ids(redis: Redis, filters: Filters) -> list[str]:
    """Ids of the stored comments matching every filter, in index order, each once."""
    index, window_on_index = _driving_index(filters)
    low, high = filters.window if window_on_index else (-math.inf, math.inf)
    selected: list[str] = []
    seen: set[str] = set()
    for page in _pages(redis, index, low, high):
        pipe = redis.pipeline(transaction=False)
        for comment_id in page:
            pipe.hmget(keys.comment(comment_id), "rev", "language", "article_id")
        pipe.zmscore(_time_index(filters), page)
        *heads, moments = pipe.execute()
        for comment_id, head, moment in zip(page, heads, moments):
            if comment_id not in seen and _keep(filters, head, moment):
                seen.add(comment_id)
                selected.append(comment_id)
    return selected
