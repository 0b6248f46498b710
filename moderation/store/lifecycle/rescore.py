"""Transition "rescored": apply rescored decisions atomically, once per run, never over a moderator.

One Lua script (lua/rescore.lua) per comment checks and writes together, so a moderator deciding, a new revision
arriving or another run applying between our read and our write is noticed, not overwritten:

- the latest revision must still be the decided one we rescored (else "stale"),
- a moderator's decision on it (`final`) is never replaced (else "moderated"),
- a comment a moderator has claimed is left alone while the claim lasts (else "claimed"),
- the head's outcome must still be the one we diffed against (else "stale"),
- if the head already carries this run's id for this revision, nothing is written ("already"):
  this is what makes a resumed or re-run --apply idempotent.

Then the new decision replaces mod:rescored:<n>:<id>, the head's outcome changes, a "rescored"
event with the full decision goes to the history and the audit stream, and the review queue
follows the outcome (hold enters it with the service's priority, an audit item after the holds, any
other outcome leaves it);
when the platform is to be told, the revision's delivery state starts over at "pending".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Sequence

from redis import Redis

from moderation.store import keys
from moderation.store.lifecycle.decide import queue_priority
from moderation.store.lifecycle.scripts import APPLY_RESCORE
from moderation.store.events import make_event
from moderation.store.metrics import incr
from moderation.store.models import dumps, text


@dataclass(frozen=True)
class Change:
    """One comment to re-decide: what it was (head outcome and decision JSON) and what it becomes."""

    comment_id: str
    rev: int
    old_outcome: str
    old: dict[str, Any]
    new: dict[str, Any]  # Decision.to_json()
    received_at: float


def rescore_record(change: Change, run_id: str, now: float) -> dict[str, Any]:
    """The stored form of a rescored decision; `previous` keeps what it replaced (one level deep)."""
    previous = {k: v for k, v in change.old.items() if k != "previous"}
    return {**change.new, "revision": change.rev, "decided_at": now, "source": "rescore",
            "rescore_run": run_id, "previous": previous}


def _event(change: Change, run_id: str, now: float) -> dict[str, Any]:
    new = change.new
    details = new.get("details") or {}
    return make_event("rescored", "rescore", change.rev, new["decision"], why=",".join(new["reasons"]), at=now,
                      run_id=run_id, previous=change.old_outcome, policy_version=new.get("policy_version"),
                      model=new.get("model"), lexicon_version=details.get("lexicon_version"),
                      targets_version=details.get("targets_version"), engine_version=details.get("engine_version"),
                      decision=new)


def apply_changes(redis: Redis, changes: Sequence[Change], run_id: str, now: float, deliver: bool = False) -> list[str]:
    """Apply each change once; return its status: applied | already | moderated | claimed | stale.

    `deliver`: a callback URL is configured, so each applied revision's delivery state is reset
    to pending (its old decision may already have been delivered), as a moderator's decision does.
    """
    if not changes:
        return []
    script = redis.register_script(APPLY_RESCORE)
    pipe = redis.pipeline(transaction=False)
    for change in changes:
        priority = queue_priority(change.new, change.received_at)
        script(keys=[keys.comment(change.comment_id), keys.rescored(change.comment_id, change.rev),
                     keys.history(change.comment_id), keys.AUDIT_STREAM, keys.REVIEW_QUEUE, keys.OUTBOX,
                     keys.claim(change.comment_id)],
               args=[change.comment_id, change.rev, run_id, dumps(rescore_record(change, run_id, now)),
                     change.new["decision"], now, "" if priority is None else priority,
                     dumps(_event(change, run_id, now)), change.old_outcome, "1" if deliver else "0"],
               client=pipe)
    statuses = [text(status) for status in pipe.execute()]
    counters = redis.pipeline(transaction=False)
    for change, status in zip(changes, statuses):
        if status == "applied":
            transition = f"{change.old_outcome}->{change.new['decision']}"
            incr(counters, "moderation_rescored_total", {"transition": transition})
    counters.execute()
    return statuses
