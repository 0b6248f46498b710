"""RQ queues by workload, and enqueueing by dotted path with the JSON serializer (never pickle).

Queues: `moderate` (live intake), `rescore` (bulk re-decisions), `callbacks` (delivery to the
platform). The web process enqueues by dotted path so it never imports the workers' code (or
torch); a job's positional arguments are a wire format: add only trailing keywords with defaults.
"""

from __future__ import annotations

import uuid
from typing import Sequence

from redis import Redis
from rq import Queue, Retry
from rq.job import Callback
from rq.serializers import JSONSerializer

MODERATE, RESCORE, CALLBACKS = "moderate", "rescore", "callbacks"
QUEUES = (MODERATE, RESCORE, CALLBACKS)
DEFAULT_WORKER_QUEUES = (MODERATE, CALLBACKS, RESCORE)  # RQ serves them in this order

MODERATE_JOB = "workers.jobs.moderate_comments"
MODERATE_GAVE_UP = "workers.jobs.hold_unscorable"
DELIVER_JOB = "workers.jobs.deliver_decisions"
DELIVER_GAVE_UP = "workers.jobs.delivery_gave_up"

JOB_TIMEOUT = 600  # seconds; a batch of 64 on detoxify CPU takes seconds, never minutes
# Decisions live in the store and nothing reads these jobs' results: a finished job is deleted at
# once (RQ result_ttl=0) instead of keeping its hash and result stream for 10 minutes. Failed jobs
# are kept (FAILURE_TTL) for the failed-job registry and recovery.
RESULT_TTL = 0
FAILURE_TTL = 7 * 24 * 3600


def make_queue(redis: Redis, name: str) -> Queue:
    """A queue on an explicit connection, with the JSON serializer."""
    if name not in QUEUES:
        raise ValueError(f"unknown queue {name!r}; expected one of {QUEUES}")
    return Queue(name, connection=redis, serializer=JSONSerializer)


def backoff(retries: int, base_seconds: int) -> Retry | None:
    """RQ Retry with exponential backoff (base, 4x base, 16x base, ...); None for no retries."""
    if retries <= 0:
        return None
    return Retry(max=retries, interval=[base_seconds * 4 ** i for i in range(retries)])


def chunks(items: Sequence, size: int) -> list[Sequence]:
    """Split items into consecutive batches of at most `size`."""
    return [items[i:i + size] for i in range(0, len(items), size)]


def enqueue_moderation(queue: Queue, items: Sequence[tuple[str, int]], batch_size: int,
                       retry: Retry | None, pipeline=None) -> list[str]:
    """Enqueue moderate_comments jobs over batches of (id, revision); return each item's job id."""
    job_ids: list[str] = []
    datas = []
    for batch in chunks(list(items), batch_size):
        job_id = uuid.uuid4().hex
        datas.append(Queue.prepare_data(
            MODERATE_JOB, args=([[comment_id, rev] for comment_id, rev in batch],), job_id=job_id,
            timeout=JOB_TIMEOUT, result_ttl=RESULT_TTL, failure_ttl=FAILURE_TTL, retry=retry,
            on_failure=Callback(MODERATE_GAVE_UP), description=f"moderate {len(batch)} comments"))
        job_ids += [job_id] * len(batch)
    queue.enqueue_many(datas, pipeline=pipeline)
    return job_ids


def enqueue_delivery(queue: Queue, items: Sequence[tuple[str, int]], retry: Retry | None, pipeline=None) -> str:
    """Enqueue one deliver_decisions job for (id, revision) items; return its id."""
    job_id = uuid.uuid4().hex
    data = Queue.prepare_data(
        DELIVER_JOB, args=([[comment_id, rev] for comment_id, rev in items],), job_id=job_id, timeout=JOB_TIMEOUT,
        result_ttl=RESULT_TTL, failure_ttl=FAILURE_TTL, retry=retry, on_failure=Callback(DELIVER_GAVE_UP),
        description=f"deliver {len(items)} decisions")
    queue.enqueue_many([data], pipeline=pipeline)
    return job_id
