"""Liveness of moderation workers: each beats every few seconds into `mod:workers`.

RQ's own worker keys outlive a `kill -9` by up to worker_ttl (minutes); ours let the recovery
step and /healthz see a dead worker within HEARTBEAT_TIMEOUT seconds.
"""

from __future__ import annotations

import os
import socket
import time

from redis import Redis

from moderation.store import keys
from moderation.store.models import text

HEARTBEAT_INTERVAL = 2.0
HEARTBEAT_TIMEOUT = 10.0


def beat(redis: Redis, name: str, queues: list[str] | None = None, started_at: float | None = None) -> None:
    """Record that worker `name` (this process) is alive now."""
    pipe = redis.pipeline(transaction=False)
    pipe.zadd(keys.WORKERS, {name: time.time()})
    if queues is not None:
        pipe.hset(keys.worker(name), mapping={"host": socket.gethostname(), "pid": os.getpid(),
                                             "queues": ",".join(queues), "started_at": started_at or time.time()})
    pipe.execute()


def forget(redis: Redis, name: str) -> None:
    """Remove a worker that stopped cleanly."""
    pipe = redis.pipeline(transaction=False)
    pipe.zrem(keys.WORKERS, name)
    pipe.delete(keys.worker(name))
    pipe.execute()


def alive(redis: Redis, now: float | None = None) -> list[str]:
    """Names of workers that beat within HEARTBEAT_TIMEOUT."""
    now = time.time() if now is None else now
    return [text(m) for m in redis.zrangebyscore(keys.WORKERS, now - HEARTBEAT_TIMEOUT, "+inf")]


def is_alive(redis: Redis, name: str | None, now: float | None = None) -> bool:
    """Whether worker `name` beat recently; a worker on this host whose pid is gone is dead at once."""
    if not name:
        return False
    score = redis.zscore(keys.WORKERS, name)
    if score is None or score < (time.time() if now is None else now) - HEARTBEAT_TIMEOUT:
        return False
    host, pid = redis.hmget(keys.worker(name), "host", "pid")
    if text(host) == socket.gethostname() and pid is not None:
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            return False
        except PermissionError:
            return True
    return True
