"""Run the whole service locally from Python: Redis (embedded unless configured), web, workers.

`start_stack(settings)` is what `moderation run` and `moderation demo` use:

    with start_stack(settings) as stack:
        post to f"{stack.url}/v1/comments" ...
"""

from __future__ import annotations

import dataclasses
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from moderation.embedded import Embedded, attach
from moderation.processes import Child, spawn, wait_healthy
from moderation.redis_server import free_port
from moderation.settings import Settings

__all__ = ["Child", "Stack", "embedded_redis", "settings_env", "spawn", "start_stack", "wait_healthy"]


def settings_env(settings: Settings) -> dict[str, str]:
    """MODERATION_* variables that make a child process load the same settings."""
    defaults = Settings()
    env = {}
    for f in dataclasses.fields(Settings):
        value = getattr(settings, f.name)
        if value == getattr(defaults, f.name):
            continue
        if isinstance(value, tuple):
            value = ",".join(value)
        env[f"MODERATION_{f.name.upper()}"] = "" if value is None else str(value)
    return env


@dataclass
class Stack:
    """A running local service."""

    url: str
    redis_url: str
    settings: Settings
    redis: Embedded | None = None  # the embedded server this stack attached to
    web: Child | None = None
    workers: list[Child] = field(default_factory=list)

    def children(self) -> list[Child]:
        return [c for c in [self.web, *self.workers] if c is not None]

    def client(self):
        """A ServiceClient signing with this stack's webhook secret."""
        from moderation.client import ServiceClient

        return ServiceClient(self.url, self.settings.webhook_secret)

    def stop(self) -> None:
        """Stop workers (finishing their job), then web, then leave Redis (stopped if no one else uses it)."""
        for child in [*self.workers, self.web]:
            if child is not None:
                child.stop()
        if self.redis is not None:
            self.redis.detach()

    def __enter__(self) -> "Stack":
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


def start_stack(settings: Settings, workers: int = 1, web_workers: int = 2, port: int | None = None,
                log_dir: Path | None | str = "auto", timeout: float = 60.0, worker_nice: int = 0) -> Stack:
    """Start Redis (unless settings.redis_url), gunicorn and `workers` workers; wait until healthy.

    Child output goes to <data_dir>/logs/*.log by default; log_dir=None inherits the terminal.
    """
    logs = Path(settings.data_dir) / "logs" if log_dir == "auto" else (Path(log_dir) if log_dir else None)
    redis = None
    redis_url = settings.redis_url
    if redis_url is None:
        redis = attach(Path(settings.data_dir), settings.redis_appendfsync)
        redis_url = redis.url
    port = port or free_port()
    stack = Stack(url=f"http://127.0.0.1:{port}", redis_url=redis_url, settings=settings, redis=redis)
    env = {**settings_env(settings), "MODERATION_REDIS_URL": redis_url}
    try:
        stack.web = spawn("web", ["serve", "--host", "127.0.0.1", "--port", str(port),
                                  "--workers", str(web_workers)], env, logs)
        worker_args = ["worker", "--nice", str(worker_nice)] if worker_nice else ["worker"]
        stack.workers = [spawn(f"worker-{i}", worker_args, env, logs) for i in range(workers)]
        wait_healthy(stack.url, workers, timeout, stack.children())
    except BaseException:
        stack.stop()
        raise
    return stack


@contextmanager
def embedded_redis(settings: Settings) -> Iterator[Settings]:
    """Yield settings with a redis_url: the configured one, or the data folder's embedded server
    (started if none runs; shared with every other local process; see moderation/embedded.py)."""
    if settings.redis_url:
        yield settings
        return
    embedded = attach(Path(settings.data_dir), settings.redis_appendfsync)
    try:
        yield dataclasses.replace(settings, redis_url=embedded.url)
    finally:
        embedded.detach()
