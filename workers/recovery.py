"""Re-enqueue pending revisions whose job can no longer decide them.

Why not rely on RQ alone: a job whose worker was killed with `kill -9` stays in StartedJobRegistry
until its execution heartbeat expires and some worker's maintenance pass (every 10 minutes)
cleans it up; a job popped into the intermediate queue by a dead worker waits there a minute or
more. Intake records every revision in `mod:pending` with its job id; this pass (on worker start
and every few seconds, one worker at a time) re-enqueues those older than a grace period whose
job is missing, failed or stopped, queued nowhere, or started by a worker that stopped beating.
Deciding twice is harmless: decisions are recorded once per revision.

Deliveries to the platform are recovered the same way from the outbox (store.lifecycle.deliver).
"""

from __future__ import annotations

import logging
import time

from rq.job import Job, JobStatus
from rq.registry import ScheduledJobRegistry

from moderation.logging import log_event
from moderation.queueing import CALLBACKS, MODERATE, chunks
from moderation.store import keys, workers
from moderation.store.lifecycle import deliver
from moderation.store.metrics import incr
from moderation.store.models import text

log = logging.getLogger("workers.recovery")
LOCK_KEY = keys.RECOVERY_LOCK
OVERDUE_SECONDS = 30


def _queued_ids(svc) -> set[str]:
    """Ids of jobs waiting in any of our queues (one LRANGE per queue)."""
    ids: set[str] = set()
    for queue in svc.queues.values():
        ids.update(text(job_id) for job_id in svc.redis.lrange(queue.key, 0, -1))
    return ids


def job_can_finish(svc, job: Job | None, queued: set[str]) -> bool:
    """Whether this job will still run (queued, scheduled for retry, or running on a live worker)."""
    if job is None:
        return False
    status = job.get_status(refresh=False)
    if status == JobStatus.QUEUED:
        return job.id in queued
    if status == JobStatus.SCHEDULED:
        # A retry waiting for its time; overdue means no scheduler is running to enqueue it.
        registry = ScheduledJobRegistry(job.origin, connection=svc.redis, serializer=job.serializer)
        due = registry.get_scheduled_time(job.id) if job.id in registry else None
        return due is not None and due.timestamp() > time.time() - OVERDUE_SECONDS
    if status == JobStatus.DEFERRED:
        return True
    if status == JobStatus.STARTED:
        return workers.is_alive(svc.redis, job.worker_name)
    return False  # finished, failed, stopped, canceled: the revision is still pending, so redo it


def _orphans(svc, entries: list[tuple[str, int, str | None]], queue: str) -> list[tuple[str, int]]:
    """The (comment id, revision) of entries whose job (on `queue`) can no longer finish them."""
    queued = _queued_ids(svc)
    job_ids = sorted({job_id for _, _, job_id in entries if job_id})
    serializer = svc.queues[queue].serializer
    jobs = dict(zip(job_ids, Job.fetch_many(job_ids, connection=svc.redis, serializer=serializer)))
    return [(cid, rev) for cid, rev, job_id in entries if not job_can_finish(svc, jobs.get(job_id), queued)]


def recover_pending(svc, grace_seconds: float, now: float | None = None, limit: int = 5000) -> int:
    """Re-enqueue orphaned pending revisions; return how many."""
    now = time.time() if now is None else now
    pending = svc.store.pending(older_than=now - grace_seconds, limit=limit)
    if not pending:
        return 0
    orphans = _orphans(svc, pending, MODERATE)
    if not orphans:
        return 0
    with svc.redis.pipeline() as pipe:
        pipe.multi()
        new_ids = svc.enqueue_moderation(pipe, orphans)
        svc.store.reassign(orphans, new_ids, pipe)
        incr(pipe, "moderation_recovered_total", n=len(orphans))
        pipe.execute()
    log_event(log, "pending.recovered", logging.WARNING, count=len(orphans), job_ids=",".join(sorted(set(new_ids))))
    return len(orphans)


def recover_deliveries(svc, grace_seconds: float, now: float | None = None, limit: int = 5000) -> int:
    """Re-enqueue delivery of decisions whose delivery job can no longer send them; return how many.

    The outbox (store.lifecycle.deliver) holds every decision the platform has yet to get, with the job
    meant to send it; entries older than the grace period whose job is gone, finished, failed, or
    started by a dead worker get a new job. Sending twice is allowed (at least once; the platform
    deduplicates by id and revision); the state on the head is settled once per opened delivery.
    """
    if not svc.settings.callback_url:
        return 0
    now = time.time() if now is None else now
    entries = deliver.due(svc.redis, older_than=now - grace_seconds, limit=limit)
    if not entries:
        return 0
    orphans = _orphans(svc, entries, CALLBACKS)
    new_ids = [svc.enqueue_delivery(batch) for batch in chunks(orphans, svc.settings.worker_batch_size)]
    if orphans:
        incr(svc.redis, "moderation_deliveries_recovered_total", n=len(orphans))
        log_event(log, "deliveries.recovered", logging.WARNING, count=len(orphans), job_ids=",".join(new_ids))
    return len(orphans)


def recover_if_leader(svc, grace_seconds: float, interval: float) -> int:
    """Run both recovery passes unless another worker ran them within `interval` seconds."""
    if not svc.redis.set(LOCK_KEY, "1", nx=True, px=int(interval * 1000)):
        return 0
    return recover_pending(svc, grace_seconds) + recover_deliveries(svc, grace_seconds)
