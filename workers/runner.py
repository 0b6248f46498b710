"""The moderation worker process: load the engine once, then serve RQ queues in this process.

Why SimpleWorker (no fork per job): the engine (lexicons, model, possibly torch) is loaded once
before the first job and every job reuses it in-process. RQ's forking Worker would copy that
memory into a new work horse per job (fork of a large process, then page faults as the horse
touches it) for no benefit here: our jobs are trusted code, time limits still work (SIGALRM in
the main thread) and a crashed process is covered by the pending-recovery step. See
docs/service.md for the measured overhead.
"""

from __future__ import annotations

import logging
import threading
import time

import redis
from rq import SimpleWorker
from rq.serializers import JSONSerializer

from moderation.logging import log_event
from moderation.services import Services
from moderation.settings import Settings
from moderation.store import workers as liveness
from moderation.store.retention import sweep_if_leader
from workers import context
from workers.recovery import recover_deliveries, recover_if_leader, recover_pending

log = logging.getLogger("workers.runner")
RECOVERY_INTERVAL = 5.0
MAINTENANCE_INTERVAL = 60  # RQ's registry cleanup and scheduler-lock retry (default 10 minutes)


class ModerationWorker(SimpleWorker):
    """SimpleWorker that remembers whether a signal asked it to stop (vs. losing Redis)."""

    stop_signalled = False

    def request_stop(self, signum, frame):
        self.stop_signalled = True
        super().request_stop(signum, frame)


class EngineUnavailable(RuntimeError):
    """The engine could not be built (model missing or corrupt): refuse to take jobs."""


def preload(settings: Settings, svc: Services):
    """Configure this process and build the engine before the first job."""
    context.configure(settings, svc)
    started = time.perf_counter()
    try:
        engine = context.engine()
    except Exception as exc:  # noqa: BLE001 - any load failure means: do not consume jobs
        raise EngineUnavailable(f"cannot build the engine: {type(exc).__name__}: {exc}") from exc
    log_event(log, "engine.loaded", model=engine.scorer.model_id, policy=engine.policy.version,
              seconds=round(time.perf_counter() - started, 2))
    return engine


def _housekeeping(svc: Services, name: str, queues: list[str], grace: float, stop: threading.Event) -> None:
    """Beat liveness every couple of seconds; run the recovery pass when it is our turn."""
    started_at = time.time()
    last_recovery = last_retention = 0.0
    while not stop.wait(liveness.HEARTBEAT_INTERVAL):
        try:
            liveness.beat(svc.redis, name, queues, started_at)
            if time.monotonic() - last_recovery >= RECOVERY_INTERVAL:
                last_recovery = time.monotonic()
                recover_if_leader(svc, grace, RECOVERY_INTERVAL)
            if time.monotonic() - last_retention >= svc.settings.retention_sweep_seconds:
                last_retention = time.monotonic()
                swept = sweep_if_leader(svc.redis, svc.settings, svc.settings.retention_sweep_seconds)
                if swept and any(stage["finished"] for stage in swept.values()):
                    log_event(log, "retention.swept", worker=name, texts_expired=swept["text"]["finished"],
                              records_deleted=swept["record"]["finished"])
        except redis.RedisError as exc:
            log_event(log, "housekeeping.redis_error", logging.WARNING, worker=name, error=type(exc).__name__)


def _wait_for_redis(svc: Services) -> None:
    while True:
        try:
            svc.redis.ping()
            return
        except redis.RedisError:
            time.sleep(1.0)


def run_worker(settings: Settings, queues: list[str], burst: bool = False) -> int:
    """Serve `queues` until stopped (or, with burst, until they are empty); return an exit code."""
    svc = Services(settings)
    svc.store.check_schema()
    preload(settings, svc)
    recovered = recover_pending(svc, settings.recovery_grace_seconds)
    redelivered = recover_deliveries(svc, settings.recovery_grace_seconds)
    log_event(log, "worker.starting", queues=",".join(queues), recovered=recovered, redelivered=redelivered,
              burst=burst)
    while True:
        worker = ModerationWorker([svc.queues[q] for q in queues], connection=svc.redis, serializer=JSONSerializer,
                              maintenance_interval=MAINTENANCE_INTERVAL)
        stop = threading.Event()
        thread = threading.Thread(target=_housekeeping, daemon=True, name="housekeeping",
                                  args=(svc, worker.name, queues, settings.recovery_grace_seconds, stop))
        try:
            liveness.beat(svc.redis, worker.name, queues)
            thread.start()
            worker.work(burst=burst, with_scheduler=True, logging_level=settings.log_level)
        except redis.ConnectionError as exc:
            log_event(log, "worker.redis_lost", logging.WARNING, worker=worker.name, error=str(exc))
        finally:
            stop.set()
            if thread.is_alive():
                thread.join(timeout=5)
        if burst or worker.stop_signalled:
            _forget(svc, worker.name)
            return 0
        # work() returns on its own when Redis went away: wait for it, then serve again.
        log_event(log, "worker.restarting", logging.WARNING, worker=worker.name)
        _wait_for_redis(svc)


def _forget(svc: Services, name: str) -> None:
    try:
        liveness.forget(svc.redis, name)
    except redis.RedisError:
        pass
