"""Open the Redis client from settings: explicit, never at import time."""

from __future__ import annotations

import redis

# Short timeouts: intake must answer 503 quickly when Redis is down, not hang a gunicorn worker.
SOCKET_TIMEOUT = 5.0
CONNECT_TIMEOUT = 2.0


def connect(url: str) -> redis.Redis:
    """A client for `url` returning bytes (RQ needs raw replies)."""
    return redis.Redis.from_url(url, socket_timeout=SOCKET_TIMEOUT, socket_connect_timeout=CONNECT_TIMEOUT,
                                health_check_interval=30)
