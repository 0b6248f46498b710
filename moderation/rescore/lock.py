"""One `rescore --apply` at a time: a Redis lock held for the whole run, with a clear refusal.

Two applies with different policies at once would each write their decisions over the other's
(last writer wins, and the platform hears both). redis-py's Lock (a SET NX PX with a random token,
released and extended only by its owner) is held by the applying command; a thread extends it
every few seconds, so a command killed with `kill -9` stops holding it within TTL_SECONDS (at once
for a command on the same host, whose pid is checked). The token carries who holds it (run id,
host, pid, start), so the refusal can say so.
"""

from __future__ import annotations

import json
import os
import socket
import threading
import time
from contextlib import contextmanager
from typing import Iterator

from redis import Redis

from moderation.store import keys
from moderation.store.models import text

KEY = keys.RESCORE_APPLY_LOCK
TTL_SECONDS = 30
EXTEND_EVERY = 5.0


class ApplyRunning(RuntimeError):
    """Another --apply run holds the lock."""


def holder(redis: Redis) -> dict | None:
    """Who holds the lock, or None."""
    raw = text(redis.get(KEY))
    if raw is None:
        return None
    try:
        return json.loads(raw)
    except ValueError:
        return {"run_id": "?"}


# KEYS: lock. ARGV: the value seen. Deletes the lock only if it still holds that value.
_DELETE_IF = """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
"""


def _clear_if_dead(redis: Redis) -> bool:
    """Drop the lock of a run on this host whose process is gone (killed with -9); True if dropped."""
    raw = redis.get(KEY)
    other = holder(redis) if raw is not None else None
    if not other or other.get("host") != socket.gethostname() or not isinstance(other.get("pid"), int):
        return False
    try:
        os.kill(other["pid"], 0)
        return False  # alive: a real concurrent run
    except ProcessLookupError:
        return bool(redis.eval(_DELETE_IF, 1, KEY, raw))
    except PermissionError:
        return False


@contextmanager
def apply_lock(redis: Redis, run_id: str) -> Iterator[None]:
    """Hold the apply lock for the block; raise ApplyRunning if another run holds it."""
    token = json.dumps({"run_id": run_id, "host": socket.gethostname(), "pid": os.getpid(),
                        "started_at": round(time.time(), 3), "nonce": os.urandom(8).hex()})
    lock = redis.lock(KEY, timeout=TTL_SECONDS, blocking=False, thread_local=False)
    if not lock.acquire(token=token) and not (_clear_if_dead(redis) and lock.acquire(token=token)):
        other = holder(redis) or {}
        started = other.get("started_at")
        since = time.strftime("%Y-%m-%d %H:%M:%SZ", time.gmtime(started)) if isinstance(started, (int, float)) else "?"
        raise ApplyRunning(
            f"another rescore --apply is running (run {other.get('run_id', '?')}, pid {other.get('pid', '?')} on "
            f"{other.get('host', '?')}, since {since}); wait until it ends (one apply at a time, so two policies "
            f"cannot overwrite each other). If that command died, its lock lapses within {TTL_SECONDS}s.")
    stop = threading.Event()

    def keep() -> None:
        while not stop.wait(EXTEND_EVERY):
            try:
                lock.extend(TTL_SECONDS, replace_ttl=True)
            except Exception:  # noqa: BLE001 - Redis away or lock lost: the run notices on its own writes
                return

    thread = threading.Thread(target=keep, daemon=True, name="rescore-apply-lock")
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join(timeout=2)
        try:
            lock.release()
        except Exception:  # noqa: BLE001 - already lapsed or Redis away: nothing left to release
            pass
