"""Rescore the store: connect, plan (in memory for a dry run, in Redis for --apply), run, add up."""

from __future__ import annotations

import dataclasses
import math
import sys
from contextlib import nullcontext
from typing import Any, Callable

import redis as redis_lib
from redis import Redis

from moderation.rescore import RescoreError
from moderation.rescore.options import RescoreOptions
from moderation.rescore.lock import ApplyRunning, apply_lock
from moderation.rescore.plan import MemoryPlan, RedisPlan
from moderation.rescore.run import run_on_queue
from moderation.rescore.run import combine, run_in_process
from moderation.rescore.scan import select_ids
from moderation.rescore.spec import RunSpec, engine_versions
from moderation.rescore.tally import Tally
from moderation.store import keys
from moderation.store.repository import SchemaMismatch, check_schema


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
