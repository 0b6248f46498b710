"""Moderator sessions of the review page, kept server-side so they can end.

The cookie carries only a random session id (inside Flask's signed cookie); the session itself
is `mod:session:<sha256(id)>` (HASH: moderator, fp = the token's fingerprint, created, last),
so signing out, an idle timeout, an absolute lifetime or revoking every session of a moderator
end it for every copy of the cookie. Redis holds a digest of the id, not the id: reading Redis is
not enough to take over a session. `mod:sessions:<moderator>` (SET) lists a moderator's sessions.
"""

from __future__ import annotations

import hashlib
import secrets
import time

from redis import Redis

from moderation.store import keys
from moderation.store.models import text

PREFIX = keys.SESSION_PREFIX
BY_MODERATOR = keys.SESSIONS_BY_MODERATOR_PREFIX

# KEYS: session. ARGV: now, idle seconds, max seconds. Returns {moderator, fp} or nil (ended).
TOUCH = """
local s = redis.call('HMGET', KEYS[1], 'moderator', 'fp', 'created', 'last')
if not s[1] then return nil end
local now, idle, max = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local left = tonumber(s[3]) + max - now
if now - tonumber(s[4]) > idle or left <= 0 then
  redis.call('DEL', KEYS[1])
  return nil
end
redis.call('HSET', KEYS[1], 'last', ARGV[1])
redis.call('PEXPIRE', KEYS[1], math.ceil(math.min(idle, left) * 1000))
return {s[1], s[2]}
"""


def _key(session_id: str) -> str:
    return PREFIX + hashlib.sha256(session_id.encode("utf-8")).hexdigest()


def create(redis: Redis, moderator: str, fingerprint: str, idle_seconds: int, max_seconds: int,
           now: float | None = None) -> str:
    """Start a session for `moderator`; return its id (for the cookie only)."""
    now = time.time() if now is None else now
    session_id = secrets.token_urlsafe(32)
    key = _key(session_id)
    pipe = redis.pipeline()
    pipe.hset(key, mapping={"moderator": moderator, "fp": fingerprint, "created": now, "last": now})
    pipe.expire(key, idle_seconds)
    pipe.sadd(BY_MODERATOR + moderator, key)
    pipe.expire(BY_MODERATOR + moderator, max_seconds)  # no session outlives the newest one's lifetime
    pipe.execute()
    return session_id


def touch(redis: Redis, session_id: str, idle_seconds: int, max_seconds: int,
          now: float | None = None) -> tuple[str, str] | None:
    """(moderator, token fingerprint) of a live session, renewing its idle timer; None if it ended."""
    now = time.time() if now is None else now
    reply = redis.eval(TOUCH, 1, _key(session_id), now, idle_seconds, max_seconds)
    return (text(reply[0]), text(reply[1])) if reply else None


def end(redis: Redis, session_id: str) -> None:
    """End one session (sign-out)."""
    key = _key(session_id)
    moderator = redis.hget(key, "moderator")
    pipe = redis.pipeline()
    pipe.delete(key)
    if moderator:
        pipe.srem(BY_MODERATOR + text(moderator), key)
    pipe.execute()


def end_all(redis: Redis, moderator: str) -> int:
    """End every session of `moderator` (sign out everywhere); return how many were live."""
    members = redis.smembers(BY_MODERATOR + moderator)
    pipe = redis.pipeline()
    for key in members:
        pipe.delete(key)
    pipe.delete(BY_MODERATOR + moderator)
    return sum(pipe.execute()[:-1]) if members else 0
