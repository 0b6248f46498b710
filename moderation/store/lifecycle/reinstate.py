"""Transition "reinstated": the platform reports putting back a comment whose revision we removed.

The decision stays as it was (the platform acted, not us); what changes is the record: a
`reinstated` event in the comment's history and the audit stream, the revision in the head's
`reinstated` field, and, when the removal was the machine's (its own decision or an applied
rescore), one `reinstated` in the agreement cells of that decision (store/agreement.py), which
set beside `removed` say which rules remove what the platform puts back. A moderator's removal
is recorded but not counted: `removed` counts machine removals only.

One Lua script (lua/reinstate.lua) checks and writes together: a second report for the same
revision answers "already" and counts nothing; if the decision in force changed between our read
and the write (a moderator, a rescore, a new decision), the check runs again.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from redis import Redis

from moderation.store import keys
from moderation.store.agreement import REINSTATED, verdict_series
from moderation.store.events import make_event
from moderation.store.keys import Head
from moderation.store.lifecycle.in_force import MODERATOR, decision_in_force, decisions_in_force
from moderation.store.lifecycle.scripts import REINSTATE
from moderation.store.models import dumps, loads, text

ATTEMPTS = 3  # reads before giving up on a comment whose decision keeps changing under us


@dataclass(frozen=True)
class Reinstatement:
    """What a report did. status: ok | already | unknown | no_revision | not_removed | contention."""

    id: str
    status: str
    revision: int | None = None
    removed_by: str | None = None  # machine | rescore | moderator
    counted: bool = False  # counted in the agreement figures (a machine removal, first report)

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "status": self.status, "revision": self.revision, "removed_by": self.removed_by,
                "counted": self.counted}


def reinstate(redis: Redis, comment_id: str, revision: int | None = None, reason: str | None = None,
              now: float | None = None) -> Reinstatement:
    """Record that the platform reinstated `revision` (default: the decided one) of a removed comment."""
    now = time.time() if now is None else now
    for _ in range(ATTEMPTS):
        raw = redis.hgetall(keys.comment(comment_id))
        if not raw:
            return Reinstatement(comment_id, "unknown")
        head = {text(k): text(v) for k, v in raw.items()}
        decided = int(head[Head.DECIDED_REV]) if head.get(Head.DECIDED_REV) else None
        rev = revision if revision is not None else decided
        if rev is None or not 1 <= rev <= int(head[Head.REV]):
            return Reinstatement(comment_id, "no_revision", rev)
        outcome, source, evidence = _removal(redis, comment_id, head, rev, decided)
        if outcome != "remove":
            return Reinstatement(comment_id, "not_removed", rev, removed_by=None)
        counted = source != MODERATOR
        expected = "" if rev != decided else "|".join(
            head.get(f, "") for f in (Head.DECIDED_REV, Head.DECISION, Head.FINAL, Head.RESCORE_RUN))
        event = make_event("reinstated", "platform", rev, "reinstated", why=reason or "reported by the platform",
                           at=now, removed_by=source, counted=counted)
        cells = verdict_series(evidence, REINSTATED) if counted else []
        status = text(redis.eval(REINSTATE, 4, keys.comment(comment_id), keys.history(comment_id),
                                 keys.AUDIT_STREAM, keys.METRICS,
                                 comment_id, rev, expected, dumps(event), *cells))
        if status != "stale":
            return Reinstatement(comment_id, status, rev, source, counted and status == "ok")
    return Reinstatement(comment_id, "contention", revision)


def _removal(redis: Redis, comment_id: str, head: dict[str, str], rev: int,
             decided: int | None) -> tuple[str | None, str | None, dict[str, Any] | None]:
    """(outcome in force, its source, the decision evidence) of revision `rev`."""
    evidence = decisions_in_force(redis, [(comment_id, rev)])[0]
    if rev == decided:
        force = decision_in_force(head) or {}
        return force.get("value"), force.get("source"), evidence
    if head.get(Head.FINAL) == str(rev) and head.get(Head.REVIEW_BY):
        # a moderator decided this older revision; the head's outcome is a later one's, the event is kept
        events = [loads(e) for e in redis.lrange(keys.history(comment_id), 0, -1)]
        moderated = [e for e in events if e.get("type") == "moderated" and e.get("revision") == rev]
        return (moderated[-1]["what"], MODERATOR, evidence) if moderated else (None, None, evidence)
    if evidence is None:
        return None, None, None
    return evidence.get("decision"), evidence.get("source", "machine"), evidence

