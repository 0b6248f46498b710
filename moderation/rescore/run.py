"""Run a plan on the `rescore` queue: one RQ job per batch, any number of workers, anywhere.

Workers listen to `moderate` before `rescore` and RQ serves queues in order, so live comments
wait for at most the one rescore batch a worker is in the middle of. Each job returns its batch
result (and, for --apply, stores it in the run's checkpoint); this side enqueues, polls, shows
progress and adds the results up. An --apply job's id is derived from the run and the batch,
so a restarted command finds the jobs still queued or running instead of enqueueing twins.

In-process, the same batches run one after another through the engine, checkpointing each one
(run_in_process); either way the batch results are added up in batch order (combine).
"""

from __future__ import annotations

import sys
import time
import uuid

from redis import Redis
from rq.job import Job, JobStatus
from rq.serializers import JSONSerializer
from rq.worker import Worker

from moderation.queueing import FAILURE_TTL, JOB_TIMEOUT, RESCORE, make_queue
from moderation.rescore.batch import Deliver, Options, rescore_batch
from moderation.rescore.report import Progress
from moderation.rescore.spec import RunSpec
from moderation.rescore.tally import Tally

JOB = "workers.rescore_jobs.rescore_batch"
RESULT_TTL = 24 * 3600  # results are collected within seconds; a day leaves room for a stuck client
POLL_SECONDS = 0.2
LIVE = {JobStatus.QUEUED, JobStatus.STARTED, JobStatus.DEFERRED, JobStatus.SCHEDULED}


def _job_id(spec: RunSpec, index: int, nonce: str) -> str:
    return f"rescore-{spec.run_id}-{index}" if spec.apply else f"rescore-{spec.run_id}-{nonce}-{index}"


def enqueue_batches(redis: Redis, spec: RunSpec, plan, indexes: list[int], retry=None) -> dict[int, str]:
    """Enqueue a job per batch index not already queued or running; return index -> job id."""
    queue, nonce, jobs, datas = make_queue(redis, RESCORE), uuid.uuid4().hex[:8], {}, []
    payload = spec.to_json()
    existing = Job.fetch_many([_job_id(spec, i, nonce) for i in indexes], redis, serializer=JSONSerializer)
    for index, job in zip(indexes, existing):
        jobs[index] = _job_id(spec, index, nonce)
        if job is not None and job.get_status(refresh=False) in LIVE:
            continue  # a previous invocation's job for this batch is still on its way
        if job is not None:
            job.delete()
        datas.append(queue.prepare_data(
            JOB, args=(payload, index, plan.batch_ids(index)), job_id=jobs[index], timeout=JOB_TIMEOUT,
            result_ttl=RESULT_TTL, failure_ttl=FAILURE_TTL, retry=retry,
            description=f"rescore run {spec.run_id} batch {index}"))
        if len(datas) >= 200:
            queue.enqueue_many(datas)
            datas = []
    if datas:
        queue.enqueue_many(datas)
    return jobs


def _failure(job: Job) -> str:
    result = job.latest_result()
    detail = (getattr(result, "exc_string", None) or "").strip().splitlines()
    return detail[-1] if detail else "job failed"


def _poll(redis: Redis, pending: dict[int, str], results: dict[int, Tally]) -> None:
    """Move finished and failed jobs from `pending` into `results`."""
    indexes = list(pending)
    for index, job in zip(indexes, Job.fetch_many([pending[i] for i in indexes], redis, serializer=JSONSerializer)):
        status = None if job is None else job.get_status(refresh=False)
        if status == JobStatus.FINISHED:
            results[index] = Tally.from_json(job.return_value())
        elif status in LIVE:
            continue
        else:
            failed = Tally()
            failed.error(None, f"batch {index}: {_failure(job) if job else 'job vanished'} ({pending[index]})")
            results[index] = failed
        del pending[index]


def wait_for(redis: Redis, jobs: dict[int, str], results: dict[int, Tally], progress: Progress | None,
             done_before: int = 0) -> dict[int, Tally]:
    """Poll until every job has finished or failed; results gain one Tally per batch."""
    pending, warned = dict(jobs), False
    queue = make_queue(redis, RESCORE)
    started = time.monotonic()
    while pending:
        _poll(redis, pending, results)
        if progress is not None:
            progress.update(done_before + sum(results[i].counts["scanned"] for i in jobs if i in results))
        if pending and not warned and time.monotonic() - started > 10 and not Worker.all(queue=queue):
            warned = True
            print("rescore: no worker listens on the `rescore` queue; start one with "
                  "`moderation worker --queues rescore`", file=sys.stderr, flush=True)
        if pending:
            time.sleep(POLL_SECONDS)
    return results


def run_on_queue(redis: Redis, spec: RunSpec, plan, progress: Progress | None = None, retry=None) -> dict[int, Tally]:
    """Enqueue the plan's unfinished batches, wait for them, return all batch results by index."""
    results = plan.done()
    todo = [i for i in range(plan.batches) if i not in results]
    done_before = sum(t.counts["scanned"] for t in results.values())
    return wait_for(redis, enqueue_batches(redis, spec, plan, todo, retry), results, progress, done_before)


def combine(results: dict[int, Tally]) -> Tally:
    """Merge batch results in batch order (so report rows come out in scan order)."""
    total = Tally()
    for index in sorted(results):
        total.merge(results[index])
    return total


def run_in_process(redis: Redis, engine, spec: RunSpec, plan, progress: Progress | None = None,
                   deliver: Deliver | None = None) -> dict[int, Tally]:
    """Process every batch the plan has not finished; return all batch results by index."""
    results = plan.done()
    processed = sum(t.counts["scanned"] for t in results.values())
    options = Options(spec.run_id, spec.apply)
    for index in range(plan.batches):
        if index in results:
            continue
        tally = rescore_batch(redis, engine, plan.batch_ids(index), options, deliver)
        plan.record(index, tally)  # after the writes: a batch cut short is simply done again
        results[index] = tally
        processed += tally.counts["scanned"]
        if progress is not None:
            progress.update(processed)
    return results
