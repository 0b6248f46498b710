"""Throttle failed moderator authentication, per client address and per moderator name, with backoff.

A stranger guessing moderator tokens (bearer header or the page's sign-in form) gets FREE_FAILURES
wrong guesses, then each further failure locks the subject for twice as long as the previous one
(2 s, 4 s, 8 s, ... capped at MAX_LOCK_SECONDS); while locked, every attempt is answered 429 with
Retry-After before any token is compared, so guesses stop being evaluated. Counters live in Redis
(`mod:authfail:<subject>`, HASH count/until, forgotten FORGET_SECONDS after the last failure), shared
by every web process. Subjects: `addr:<remote address>` always; `name:<moderator>` when the sign-in
form names the moderator (a token alone does not say whose it is). A success clears the client's
counter, never a name's (a stranger must not be able to clear one by signing in as someone else).
"""

from __future__ import annotations

import math
import time

from redis import Redis

from moderation.store import keys, metrics
from moderation.web.errors import ApiError

PREFIX = keys.AUTHFAIL_PREFIX
FREE_FAILURES = {"addr": 5, "name": 10}
MAX_LOCK_SECONDS = 900
FORGET_SECONDS = 3600

# KEYS: counter. ARGV: now, free failures, max lock, forget after. Returns the lock end (0: none).
FAIL = """
local count = redis.call('HINCRBY', KEYS[1], 'count', 1)
local over = count - tonumber(ARGV[2])
local untill = 0
if over > 0 then
  untill = tonumber(ARGV[1]) + math.min(2 ^ over, tonumber(ARGV[3]))
  redis.call('HSET', KEYS[1], 'until', untill)
end
redis.call('EXPIRE', KEYS[1], math.max(tonumber(ARGV[4]), math.ceil(untill - tonumber(ARGV[1])) + 1))
return tostring(untill)
"""


class Throttled(ApiError):
    """429: too many failed attempts from this client (or for this moderator); retry after the lock."""

    def __init__(self, retry_after: int):
        super().__init__(429, "too_many_failures",
                         f"too many failed sign-in attempts; retry in {retry_after}s")
        self.retry_after = retry_after


def subjects(remote_addr: str | None, moderator: str | None = None) -> list[str]:
    """The counters an attempt counts against."""
    found = [f"addr:{remote_addr or 'unknown'}"]
    if moderator:
        found.append(f"name:{moderator}")
    return found


def check(redis: Redis, names: list[str], now: float | None = None) -> None:
    """Raise Throttled if any subject is locked right now."""
    now = time.time() if now is None else now
    pipe = redis.pipeline(transaction=False)
    for name in names:
        pipe.hget(PREFIX + name, "until")
    locked_until = max((float(value) for value in pipe.execute() if value), default=0.0)
    if locked_until > now:
        metrics.incr(redis, "moderation_auth_throttled_total")
        raise Throttled(max(1, math.ceil(locked_until - now)))


def failed(redis: Redis, names: list[str], now: float | None = None) -> None:
    """Count a failed attempt against each subject (starting or lengthening its lock)."""
    now = time.time() if now is None else now
    for name in names:
        kind = name.split(":", 1)[0]
        redis.eval(FAIL, 1, PREFIX + name, now, FREE_FAILURES[kind], MAX_LOCK_SECONDS, FORGET_SECONDS)
    metrics.incr(redis, "moderation_auth_failures_total")


def succeeded(redis: Redis, remote_addr: str | None) -> None:
    """Forget the client's failures once it authenticated."""
    redis.delete(PREFIX + subjects(remote_addr)[0])
