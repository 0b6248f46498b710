"""`moderation rescore` put together and run: settings, engine, plan, batches (in-process or on the queue).

rescore() is kept apart from the argument parsing (moderation/cli/rescore.py) so tests can drive
it directly. A store run connects, plans (in memory for a dry run, in Redis for --apply, after the
--max-change safety check), runs the batches and adds them up.

In-process, the batches run one after another through the engine, checkpointing each one
(run_in_process). On the `rescore` queue (run_on_queue) there is one RQ job per batch, for any
number of workers, anywhere. Workers listen to `moderate` before `rescore` and RQ serves queues in
order, so live comments wait for at most the one rescore batch a worker is in the middle of. Each
job returns its batch result (and, for --apply, stores it in the run's checkpoint); this side
enqueues, polls, shows progress and adds the results up. An --apply job's id is derived from the
run and the batch, so a restarted command finds the jobs still queued or running instead of
enqueueing twins. Either way the batch results are added up in batch order (combine).
"""

from __future__ import annotations

import dataclasses
import math
import sys
import time
import uuid
from contextlib import nullcontext
from pathlib import Path
from typing import Any, Callable

import redis as redis_lib
from redis import Redis
from rq.job import Job, JobStatus
from rq.serializers import JSONSerializer
from rq.worker import Worker

from moderation.queueing import FAILURE_TTL, JOB_TIMEOUT, RESCORE, make_queue
from moderation.rescore import RescoreError
from moderation.rescore.apply import Deliver, Options, rescore_batch
from moderation.rescore.options import FilterError, Filters, RescoreOptions
from moderation.rescore.plan import (ApplyRunning, MemoryPlan, RedisPlan, RunSpec, apply_lock, engine_versions,
                                     select_ids)
from moderation.rescore.report import Progress, Tally, report_format, rescore_export, write_report
from moderation.store import keys
from moderation.store.repository import SchemaMismatch, check_schema

def _policy_text(path: Path) -> str:
    try:
        return Path(path).read_bytes().decode("utf-8")
    except OSError as exc:
        raise RescoreError(f"cannot read policy {path}: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise RescoreError(f"policy {path} is not UTF-8 text") from None


def _engine(model: str | None, policy_text: str, settings, source: str = "the candidate policy"):
    from moderation.lexicon.schema import LexiconError
    from moderation.policy import PolicyError
    from moderation.rescore.engines import PolicyShapeError, check_shape, engine_for
    from moderation.scoring.base import ScorerUnavailable

    try:
        check_shape(policy_text, source, settings.resolved_policy_path)  # names the file and the key
        return engine_for(model, policy_text, base=settings, source=source)
    except (PolicyShapeError, PolicyError, LexiconError, ScorerUnavailable, ValueError) as exc:
        raise RescoreError(str(exc)) from None
    except (TypeError, AttributeError, KeyError) as exc:  # a malformation the shape check could not see
        raise RescoreError(f"{source}: malformed policy ({type(exc).__name__}: {exc})") from None


def _progress(mode: str, total: int) -> Progress | None:
    if mode == "none":
        return None
    return Progress(total, tty={"auto": None, "bar": True, "lines": False}[mode])


def _export(options: RescoreOptions, engine, settings) -> tuple[Tally, dict[str, Any]]:
    try:
        with open(options.input, "rb") as counting:
            total = sum(1 for line in counting if line.strip())
        progress = _progress(options.progress, total)
        with open(options.input, "rb") as stream:
            tally = rescore_export(stream, engine, options.batch_size, settings.max_text_chars, progress)
    except OSError as exc:
        raise RescoreError(f"cannot read {options.input}: {exc.strerror}") from None
    if progress is not None:
        progress.close()
    return tally, {"mode": "input"}


def _filters(options: RescoreOptions) -> Filters:
    try:
        return Filters.from_strings(options.since, options.until, options.time_field, options.article, options.language)
    except FilterError as exc:
        raise RescoreError(str(exc)) from None


def rescore(options: RescoreOptions) -> dict[str, Any]:
    """Run `moderation rescore` with these options; return the summary line."""
    from moderation.settings import load_settings

    started = time.monotonic()
    settings = load_settings()
    filters = _filters(options)
    if options.report:
        try:
            report_format(Path(options.report))
        except ValueError as exc:
            raise RescoreError(str(exc)) from None
    policy_path = Path(options.policy or settings.resolved_policy_path)
    policy_text = _policy_text(policy_path)
    engine = _engine(options.model, policy_text, settings, str(policy_path))
    if options.input:
        tally, extra = _export(options, engine, settings)
    else:
        tally, extra = store_run(options, engine, policy_text, settings, filters, _progress)
    if options.report:
        write_report(Path(options.report), tally.rows)
    for error in tally.error_list[:20]:
        print(f"rescore: {error['id'] or '-'}: {error['error']}", file=sys.stderr)
    if tally.counts["skipped_expired"]:
        print(f"rescore: skipped {tally.counts['skipped_expired']} comments whose text retention deleted "
              "(text_retention_days)", file=sys.stderr)
    return tally.summary(time.monotonic() - started, **extra)


def _plan(redis: Redis, spec: RunSpec, options: RescoreOptions, ids: list[str] | None = None):
    select = (lambda: ids) if ids is not None else (lambda: select_ids(redis, spec.filters))  # noqa: E731
    if not spec.apply:
        return MemoryPlan(select(), options.batch_size)
    plan = RedisPlan(redis, spec.run_id, spec.to_json(), select, options.batch_size, restart=options.restart)
    if plan.resumed and plan.status == "running":
        print(f"rescore: resuming run {spec.run_id} ({len(plan.done())} of {plan.batches} batches done)",
              file=sys.stderr)
    elif plan.status == "complete":
        print(f"rescore: run {spec.run_id} is already complete; its results follow "
              "(--restart scans again)", file=sys.stderr)
    return plan


def _safety_check(services, engine, spec: RunSpec, options: RescoreOptions,
                  make_progress) -> list[str] | None:
    """Before a NEW --apply writes anything: refuse if it would change more than --max-change percent.

    Runs the same selection as a dry run first (so an apply scores twice; resumed runs passed this
    check when they started and skip it). Returns the selected ids, for the apply to use as its plan.
    """
    stored = services.redis.exists(keys.rescore_run(spec.run_id)) and not options.restart
    if stored:
        return None
    dry = dataclasses.replace(spec, apply=False)
    plan = MemoryPlan(select_ids(services.redis, spec.filters), options.batch_size)
    progress = make_progress(options.progress, plan.total)
    tally = combine(_run(services, engine, dry, plan, options, progress))
    if progress is not None:
        progress.close()
    share = tally.changed_share()
    if share * 100 > options.max_change:
        raise RescoreError(
            f"this run would change {tally.counts['changed']} decisions, {share:.1%} of those it may change, over "
            f"the limit of {options.max_change:g}%; nothing was written. Look at what would change first "
            f"(moderation rescore ... --report changes.jsonl), then apply with --max-change {math.ceil(share * 100)} "
            f"(or --max-change 100) if that is intended")
    return plan.ids


def _run(services, engine, spec: RunSpec, plan, options: RescoreOptions, progress) -> dict[int, Tally]:
    if plan.status == "complete":
        return plan.done()
    if options.queue:
        return run_on_queue(services.redis, spec, plan, progress, retry=services.retry)
    return run_in_process(services.redis, engine, spec, plan, progress, spec.delivery(services))


def store_run(options: RescoreOptions, engine, policy_text: str, settings, filters,
              make_progress: Callable) -> tuple[Tally, dict[str, Any]]:
    """Rescore the stored comments `filters` select; return the tally and summary extras.

    Redis: MODERATION_REDIS_URL, else the embedded server a local serve/worker runs (or a new one
    on the same data folder), as every other command does.
    """
    from moderation.localstack import embedded_redis

    with embedded_redis(settings) as settings:
        return _store_run(options, engine, policy_text, settings, filters, make_progress)


def _store_run(options: RescoreOptions, engine, policy_text, settings, filters,
               make_progress) -> tuple[Tally, dict[str, Any]]:
    from moderation.services import Services

    services = Services(settings)
    spec = RunSpec(policy_text, options.model, engine_versions(engine), filters, options.apply, options.deliver)
    try:
        check_schema(services.redis, stamp=False)  # read-only: a dry run writes nothing
        with apply_lock(services.redis, spec.run_id) if spec.apply else nullcontext():
            tally, plan = _checked_run(services, engine, spec, options, make_progress)
    except (ApplyRunning, SchemaMismatch) as exc:
        raise RescoreError(str(exc)) from None
    except redis_lib.exceptions.ConnectionError as exc:
        raise RescoreError(f"cannot reach Redis at {settings.redis_url}: {exc}") from None
    finally:
        services.close()
    return tally, {"mode": "apply" if spec.apply else "dry-run", "run_id": spec.run_id,
                   "resumed": plan.resumed, "queue": bool(options.queue)}


def _checked_run(services, engine, spec: RunSpec, options: RescoreOptions, make_progress):
    """The run itself (an --apply holds the lock and passed the safety check); return (tally, plan)."""
    ids = _safety_check(services, engine, spec, options, make_progress) if spec.apply else None
    plan = _plan(services.redis, spec, options, ids)
    # A finished run only repeats its summary: no "0/N comments (0%)" progress line for it.
    progress = None if plan.status == "complete" else make_progress(options.progress, plan.total)
    try:
        tally = combine(_run(services, engine, spec, plan, options, progress))
    except (RescoreError, redis_lib.exceptions.ConnectionError):
        raise
    except Exception as exc:  # noqa: BLE001 - the run stops here; say where, and how to go on
        resume = ("finished batches are checkpointed: run the same command again to resume"
                  if spec.apply else "nothing was written")
        raise RescoreError(f"stopped by {type(exc).__name__}: {exc} ({resume})") from exc
    if progress is not None:
        progress.close()
    if spec.apply and not tally.counts["errors"] and plan.status != "complete":
        plan.finish(tally.summary(0.0))
    return tally, plan


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
