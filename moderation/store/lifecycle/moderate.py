"""Transitions "claimed", "released", "approved"/"rejected": a moderator's actions on the review queue.

Each action is one Lua script (lua/claim.lua, release.lua, moderate.lua), so "is it still queued,
who holds the claim, which revision was held" and the write happen atomically: two moderators
racing on a comment get one success and one conflict, never two decisions. A decision sets the
head's `decision` and `final` (the revision a moderator decided: the machine never overrides it),
leaves the queue, drops the claim, and appends a {who, when, what, why} event to the comment's
history and the audit stream.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any, Sequence

from redis import Redis

from moderation.store import keys
from moderation.store.agreement import daily_field, verdict_of, verdict_series
from moderation.store.keys import Head
from moderation.store.events import make_event
from moderation.store.metrics import observe, series
from moderation.store.models import dumps, loads, text
from moderation.store.lifecycle.in_force import decisions_in_force
from moderation.store.lifecycle.scripts import CLAIM, MODERATE, RELEASE

ACTIONS = {"approve": "keep", "reject": "remove"}
WAITS_KEPT = 10_000  # recent waits kept for the median figure
# Seconds from hold to a moderator's decision: minutes to days, not the service's millisecond buckets.
WAIT_BUCKETS = (60.0, 300.0, 900.0, 3600.0, 4 * 3600.0, 12 * 3600.0, 86400.0, 3 * 86400.0)


@dataclass(frozen=True)
class Outcome:
    """What an action did. status: ok | refreshed | unknown | not_queued | claimed | stale | not_claimed."""

    id: str
    status: str
    revision: int | None = None
    claim: dict[str, Any] | None = None

    @property
    def ok(self) -> bool:
        return self.status in ("ok", "refreshed")

    def to_json(self) -> dict[str, Any]:
        body: dict[str, Any] = {"id": self.id, "status": self.status}
        if self.revision is not None:
            body["revision"] = self.revision
        if self.claim is not None:
            body["claim"] = self.claim
        return body


def _outcome(comment_id: str, reply, claim_reply: bool = False) -> Outcome:
    """Turn a script reply {status, detail?} into an Outcome; detail is a claim or a revision."""
    status = text(reply[0])
    detail = text(reply[1]) if len(reply) > 1 else None
    if status == "claimed" or (claim_reply and detail):
        return Outcome(comment_id, status, claim=loads(detail))
    return Outcome(comment_id, status, revision=int(detail) if detail else None)


def claim(redis: Redis, comment_id: str, moderator: str, ttl_seconds: float, now: float | None = None) -> Outcome:
    """Claim a queued comment for `moderator` (or refresh their claim) for ttl_seconds."""
    now = time.time() if now is None else now
    ttl_ms = max(1, int(ttl_seconds * 1000))
    value = dumps({"by": moderator, "until": round(now + ttl_seconds, 3)})
    reply = redis.eval(CLAIM, 3, keys.comment(comment_id), keys.REVIEW_QUEUE, keys.claim(comment_id),
                       comment_id, moderator, value, ttl_ms)
    return _outcome(comment_id, reply, claim_reply=True)


def release(redis: Redis, comment_id: str, moderator: str) -> Outcome:
    """Drop `moderator`'s claim on a comment; another moderator's claim is left alone."""
    return _outcome(comment_id, redis.eval(RELEASE, 1, keys.claim(comment_id), moderator))


def decide(redis: Redis, comment_ids: Sequence[str], action: str, moderator: str, reason: str | None = None,
           revisions: dict[str, int] | None = None, now: float | None = None,
           deliver: bool = False) -> list[Outcome]:
    """Approve or reject queued comments as `moderator`; one Outcome per id, in order.

    `deliver`: a callback URL is configured, so the decision's delivery state is reset to
    pending (the machine's hold may already have been delivered for this revision).

    `revisions` pins the revision the moderator saw: if the comment was re-held on a newer
    revision meanwhile, the action answers `stale` instead of deciding text nobody read.
    """
    if action not in ACTIONS:
        raise ValueError(f"unknown action {action!r}; expected one of {sorted(ACTIONS)}")
    now = time.time() if now is None else now
    held, in_force = _held_revisions(redis, comment_ids)
    decision = ACTIONS[action]
    counter = series("moderation_review_decisions_total", {"moderator": moderator, "action": action})
    pipe = redis.pipeline(transaction=False)
    waits = []
    for comment_id in comment_ids:
        rev, held_at = held[comment_id]
        expected = (revisions or {}).get(comment_id, rev)
        wait = max(0.0, now - held_at) if held_at is not None else 0.0
        waits.append(wait)
        event = make_event("moderated", f"moderator:{moderator}", expected, decision, why=reason or action,
                           at=now, action=action, moderator=moderator, waited_seconds=round(wait, 3))
        # the decision in force that held it (or sampled it for audit) is what the moderator agreed with or not
        verdict = verdict_of(in_force.get(comment_id), action)
        agreement_series = verdict_series(in_force.get(comment_id), verdict)
        pipe.eval(MODERATE, 9, keys.comment(comment_id), keys.REVIEW_QUEUE, keys.claim(comment_id),
                  keys.history(comment_id), keys.AUDIT_STREAM, keys.METRICS, keys.REVIEW_WAITS, keys.OUTBOX,
                  keys.AGREEMENT_DAILY,
                  comment_id, moderator, decision, now, expected if expected is not None else "",
                  dumps(event), counter, wait, WAITS_KEPT, reason or "", "1" if deliver else "0",
                  daily_field(now, verdict), *agreement_series)
    outcomes = [_outcome(cid, reply) for cid, reply in zip(comment_ids, pipe.execute())]
    metrics = redis.pipeline(transaction=False)
    observe(metrics, "moderation_review_wait_seconds", [w for w, o in zip(waits, outcomes) if o.ok],
            buckets=WAIT_BUCKETS)
    metrics.execute()
    return outcomes


def _held_revisions(redis: Redis, comment_ids: Sequence[str]
                    ) -> tuple[dict[str, tuple[int | None, float | None]], dict[str, dict[str, Any] | None]]:
    """(held revision, when it was held) per id, and the decision in force, two round trips for any number of ids.

    "When" comes from the decision in force, as in the queue listing: a comment a rescore moved
    to hold has waited since the rescore, not since the machine's earlier keep.
    """
    pipe = redis.pipeline(transaction=False)
    for comment_id in comment_ids:
        pipe.hget(keys.comment(comment_id), Head.DECIDED_REV)
    revs = {cid: int(rev) if rev else None for cid, rev in zip(comment_ids, pipe.execute())}
    known = [(cid, rev) for cid, rev in revs.items() if rev is not None]
    decisions = decisions_in_force(redis, known)
    held_at = {cid: (d or {}).get("decided_at") for (cid, _), d in zip(known, decisions)}
    in_force = {cid: d for (cid, _), d in zip(known, decisions)}
    return {cid: (revs[cid], held_at.get(cid)) for cid in comment_ids}, in_force

