"""RQ job functions: thin wrappers, importable by dotted path, taking ids and plain JSON.

The positional arguments are a wire format (JSON-serialised by RQ): add only trailing keyword
arguments with defaults. Failure callbacks run on EVERY failed attempt (and on abandoned jobs),
so they act only when no retry is left.
"""

from __future__ import annotations

from rq import get_current_job

from workers import context
from workers.deliver import deliver, give_up
from workers.moderate import hold_for_a_person, moderate


def _pairs(items) -> list[tuple[str, int]]:
    return [(str(comment_id), int(rev)) for comment_id, rev in items]


def _job_id() -> str | None:
    job = get_current_job()
    return job.id if job else None


def _failure(exc_type, exc_value) -> str:
    return f"{getattr(exc_type, '__name__', exc_type)}: {exc_value}"


def moderate_comments(items: list) -> dict:
    """Decide comment revisions [[id, revision], ...]; queue delivery of the new decisions."""
    svc = context.services()
    deliver = bool(svc.settings.callback_url)
    result = moderate(svc.store, context.engine(), _pairs(items), _job_id(), deliver=deliver)
    if svc.settings.callback_url and result["new"]:
        svc.enqueue_delivery(svc.store.latest_only(result["new"]))  # an edit superseded the others
    return {"decided": result["decided"], "skipped": result["skipped"]}


def hold_unscorable(job, connection, exc_type, exc_value, tb) -> None:
    """Failure callback of moderate_comments: after the last retry, hold what is still undecided."""
    if job.retries_left:
        return  # RQ will run the job again
    svc = context.services()
    engine = context.loaded_engine()
    policy_version = engine.policy.version if engine is not None else "unknown"
    held = hold_for_a_person(svc.store, _pairs(job.args[0]), job.id, _failure(exc_type, exc_value), policy_version,
                             deliver=bool(svc.settings.callback_url))
    if held:
        svc.enqueue_delivery(_pairs(job.args[0]))


def deliver_decisions(items: list) -> int:
    """POST recorded decisions for [[id, revision], ...] to the platform; raise to retry failures."""
    return deliver(context.services().store, context.settings(), _pairs(items), _job_id())


def delivery_gave_up(job, connection, exc_type, exc_value, tb) -> None:
    """Failure callback of deliver_decisions: after the last retry, record the delivery as failed."""
    if job.retries_left:
        return
    give_up(context.services().store, _pairs(job.args[0]), _failure(exc_type, exc_value))
