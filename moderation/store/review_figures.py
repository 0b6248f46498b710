"""Figures about the review queue, for the page and /metrics.

    queue size                 ZCARD mod:review
    oldest item's age          now - the earliest received time among queued revisions
    decisions per moderator    the counters moderation_review_decisions_total{moderator,action}
    median hold -> decision    median of the recent waits kept in mod:review:waits (last 10,000)

Counters live in the shared `mod:metrics` hash (so /metrics shows them with no extra code);
the three gauges are computed when asked, from the queue itself.
"""

from __future__ import annotations

import statistics
import time
from typing import Any

from redis import Redis

from moderation.store import agreement, keys
from moderation.store.metrics import series_labels
from moderation.store.review import received_from_priority

DECISIONS_SERIES = "moderation_review_decisions_total"


def oldest_age(redis: Redis, now: float) -> float | None:
    """Seconds since the oldest queued revision was received; None for an empty queue."""
    # The queue is ordered by severity first, so the oldest item can be anywhere: scan the scores.
    scores = [score for _, score in redis.zrange(keys.REVIEW_QUEUE, 0, -1, withscores=True)]
    if not scores:
        return None
    return max(0.0, now - min(received_from_priority(score) for score in scores))


def median_wait(redis: Redis) -> float | None:
    """Median seconds from hold to decision over the recent decisions; None before the first."""
    waits = [float(raw) for raw in redis.lrange(keys.REVIEW_WAITS, 0, -1)]
    return statistics.median(waits) if waits else None


def decisions_by_moderator(redis: Redis) -> dict[str, dict[str, int]]:
    """{moderator: {"approve": n, "reject": n}} from the shared counters."""
    result: dict[str, dict[str, int]] = {}
    for field, value in redis.hscan_iter(keys.METRICS, match=DECISIONS_SERIES + "{*"):
        labels = series_labels(field)
        counts = result.setdefault(labels.get("moderator", "?"), {"approve": 0, "reject": 0})
        counts[labels.get("action", "?")] = int(value)
    return dict(sorted(result.items()))


def figures(redis: Redis, now: float | None = None) -> dict[str, Any]:
    """The four queue figures and the agreement table and days (store/agreement.py) as plain JSON."""
    now = time.time() if now is None else now
    return {
        "queue_size": int(redis.zcard(keys.REVIEW_QUEUE)),
        "oldest_age_seconds": oldest_age(redis, now),
        "decisions_by_moderator": decisions_by_moderator(redis),
        "median_wait_seconds": median_wait(redis),
        "agreement": agreement.table(redis),
        "agreement_daily": agreement.daily(redis),
    }


def gauges(redis: Redis, now: float | None = None) -> dict[str, float]:
    """Live gauges for /metrics (ops already reports the queue size; absent figures are 0)."""
    now = time.time() if now is None else now
    return {
        "moderation_review_oldest_age_seconds": oldest_age(redis, now) or 0.0,
        "moderation_review_median_wait_seconds": median_wait(redis) or 0.0,
    }
