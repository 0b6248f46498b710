"""End-to-end fixtures: a redis-server we can kill and restart, a real gunicorn web process and
real `moderation worker` processes, all cleaned up by finalizers."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from moderation.client import ServiceClient
from moderation.localstack import Child, settings_env, spawn, wait_healthy
from moderation.redis_server import RedisServer, free_port
from moderation.settings import load_settings
from moderation.store import Store
from moderation.store.connection import connect
from tests.conftest import REVIEW_TOKEN, WEBHOOK_SECRET


@pytest.fixture(scope="session")
def engine_available():
    """Skip end-to-end tests when the configured model cannot be built here."""
    from moderation.scoring.base import ScorerUnavailable
    from moderation.scoring.factory import build_scorer

    try:
        build_scorer(load_settings())
    except ScorerUnavailable as exc:
        pytest.skip(f"no usable scorer for the workers: {exc}")


class Service:
    """Redis + gunicorn + workers as separate processes, controllable by a test."""

    def __init__(self, tmp: Path, **overrides):
        self.tmp = tmp
        self.redis = RedisServer(tmp / "redis").start()
        self.settings = load_settings(overrides={
            "redis_url": self.redis.url, "webhook_secret": WEBHOOK_SECRET, "review_tokens": (REVIEW_TOKEN,),
            "data_dir": tmp, "recovery_grace_seconds": 1, **overrides})
        self.env = {**settings_env(self.settings), "MODERATION_REDIS_URL": self.redis.url}
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.web: Child | None = None
        self.workers: list[Child] = []
        self.client = ServiceClient(self.url, WEBHOOK_SECRET)
        self._redis_client = None

    @property
    def store(self) -> Store:
        if self._redis_client is None:
            self._redis_client = connect(self.redis.url)
        return Store(self._redis_client)

    def start_web(self, workers: int = 2) -> None:
        self.web = spawn("web", ["serve", "--port", str(self.port), "--workers", str(workers)], self.env,
                         self.tmp / "logs")

    def start_worker(self, wait: bool = True) -> Child:
        child = spawn(f"worker-{len(self.workers)}", ["worker"], self.env, self.tmp / "logs")
        self.workers.append(child)
        if wait:
            self.wait_healthy()
        return child

    def alive_workers(self) -> list[Child]:
        return [w for w in self.workers if w.alive()]

    def wait_healthy(self, timeout: float = 60.0) -> None:
        wait_healthy(self.url, len(self.alive_workers()), timeout, [self.web, *self.alive_workers()])

    def kill_workers(self) -> None:
        """kill -9 every worker process (and its RQ scheduler child)."""
        for worker in self.alive_workers():
            worker.kill()

    def restart_redis(self, crash: bool = True) -> None:
        """Kill -9 (or stop) Redis, then start it again on the same port and data folder."""
        if self._redis_client is not None:
            self._redis_client.close()
        self.redis.kill() if crash else self.redis.stop()
        self.redis = RedisServer(self.redis.data_dir, port=self.redis.port).start()

    def logs(self) -> str:
        return "\n".join(f"--- {p.name}\n{p.read_text(errors='replace')[-4000:]}"
                         for p in sorted((self.tmp / "logs").glob("*.log")))

    def stop(self) -> None:
        for child in [*self.workers, self.web]:
            if child is not None:
                child.stop(timeout=10)
        if self._redis_client is not None:
            self._redis_client.close()
        self.redis.stop()


@pytest.fixture
def make_service(tmp_path, engine_available, request):
    """Build a Service (web started, no workers yet); stopped at teardown, logs shown on failure."""
    made: list[Service] = []

    def make(**overrides) -> Service:
        service = Service(tmp_path / f"svc{len(made)}", **overrides)
        made.append(service)
        service.start_web()
        return service

    yield make
    for service in made:
        if request.node.rep_call.failed if hasattr(request.node, "rep_call") else False:
            print(service.logs())
        service.stop()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)


def wait_until(predicate, timeout: float, interval: float = 0.05):
    """Poll `predicate` until truthy or timeout; return its last value."""
    deadline = time.monotonic() + timeout
    value = predicate()
    while not value and time.monotonic() < deadline:
        time.sleep(interval)
        value = predicate()
    return value
