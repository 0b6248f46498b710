"""Recognise a replayed signed request: the same valid signature seen again inside its window.

A captured request stays valid for `signature_tolerance_seconds` around its timestamp. Replaying
it stores nothing new (intake idempotency answers 202 `duplicate`), but if replays counted against
the platform's rate limit, anyone who captured one request could lock the platform out. So the
first use of a signature is remembered (`mod:ratelimit:replay:<hex>`, SET NX, expiring when the timestamp
leaves the window) and a request whose signature was already used is counted against the
sender's address instead (web/ratelimit.py): one Redis command per request, no parsing.
"""

from __future__ import annotations

import math
import time

from redis import Redis

from moderation.store import keys

KEY_PREFIX = keys.REPLAY_PREFIX


def first_use(redis: Redis, signature: str, timestamp: str, tolerance_seconds: int, now: float | None = None) -> bool:
    """Remember a verified signature; False if it was used before inside its window (a replay)."""
    now = time.time() if now is None else now
    ttl = max(1, math.ceil(int(timestamp) + tolerance_seconds - now) + 1)
    digest = signature.rpartition("=")[2]
    return bool(redis.set(KEY_PREFIX + digest, "1", nx=True, ex=ttl))
