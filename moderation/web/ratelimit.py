"""Per-client rate limit on intake: a fixed one-minute window counted in Redis.

The client is "platform" for a correctly signed request (one secret, one platform) and the
remote address otherwise, so a stranger flooding us with unsigned requests is limited on its
own and cannot use up the platform's allowance. The counter lives in Redis so every gunicorn
worker shares it: `mod:ratelimit:<client>:<minute>` (STRING, INCR, expires after the window).

The remote address is the socket peer; behind a proxy it is the proxy's address, and we do
not trust X-Forwarded-For (any client could write it).
"""

from __future__ import annotations

import logging
import math
import time

from redis import Redis
from redis.exceptions import RedisError

from moderation.logging import log_event
from moderation.store import keys, metrics
from moderation.web.errors import ApiError

WINDOW_SECONDS = 60
log = logging.getLogger("moderation.web.ratelimit")


class RateLimited(ApiError):
    """429 with the seconds until the window resets (sent as Retry-After)."""

    def __init__(self, client: str, limit: int, retry_after: int):
        super().__init__(429, "rate_limited",
                         f"more than {limit} requests per minute from {client}; retry in {retry_after}s")
        self.retry_after = retry_after


def window_key(client: str, now: float) -> str:
    """The counter key of `client` for the window containing `now`."""
    return keys.ratelimit_window(client, int(now // WINDOW_SECONDS))


def check(redis: Redis, client: str, limit: int, now: float | None = None) -> None:
    """Count one request from `client`; raise RateLimited once it is over `limit` this minute."""
    now = time.time() if now is None else now
    key = window_key(client, now)
    pipe = redis.pipeline(transaction=True)
    pipe.incr(key)
    pipe.expire(key, WINDOW_SECONDS + 5)
    count = pipe.execute()[0]
    if count > limit:
        retry_after = max(1, math.ceil(WINDOW_SECONDS - now % WINDOW_SECONDS))
        kind = "platform" if client == "platform" else "address"
        metrics.incr(redis, "moderation_rate_limited_total", {"client": kind})
        log_event(log, "intake.rate_limited", logging.WARNING, client=client, count=count, limit=limit)
        raise RateLimited(client, limit, retry_after)


def check_unsigned(redis: Redis, remote_addr: str | None, limit: int) -> None:
    """Count a request whose signature failed; a store outage must not turn its 401 into a 503."""
    try:
        check(redis, f"addr:{remote_addr or 'unknown'}", limit)
    except RedisError:
        pass
