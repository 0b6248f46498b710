"""A comment's audit trail: the events stored in its list plus the routine ones its records hold.

Every comment is received, decided and (with a callback) delivered. Those three events repeat
facts already stored: a revision record has its received time and content hash, a decision
record its time, outcome, reasons, job, policy and model, and the head the latest delivery. So
they are not stored a second time (in Redis 7.0 a list costs ~300 bytes before its first event):
they are rebuilt from the records when the trail is read, exactly as make_event built them.
The list holds the rest (moderator actions, applied rescores, delivery retries and failures).
Retention keeps compact records for exactly this (store/retention.py): a revision's time and
hash (for an only revision, the head's), a decision's outcome, reasons, policy, model, time, job.
Events written before this (routine ones in the list) are read as they are and not rebuilt a
second time.
"""

from __future__ import annotations

from typing import Any, Iterable, Sequence

from redis import Redis

from moderation.store import keys
from moderation.store.keys import Head
from moderation.store.events import make_event
from moderation.store.models import loads, text

DELIVERED = Head.DELIVERED  # "<at> <revision> <attempts>" of the latest successful delivery
HEAD = (Head.REV, Head.DELIVERED, Head.RECEIVED_AT, Head.HASH, Head.TEXT_EXPIRED_AT)  # what merge() reads


def received_event(rev: int, record: dict[str, Any]) -> dict[str, Any]:
    what = "received" if rev == 1 else "edited text received"
    return make_event("received", "platform", rev, what, at=record["received_at"], hash=record.get("hash"))


def decided_event(rev: int, decision: dict[str, Any]) -> dict[str, Any]:
    return make_event("decided", decision.get("source", "machine"), rev, decision["decision"],
                      why=",".join(decision["reasons"]), at=decision["decided_at"], job_id=decision.get("job_id"),
                      policy_version=decision.get("policy_version"), model=decision.get("model"))


def delivered_event(value: str) -> dict[str, Any]:
    at, rev, attempts = value.split(" ")
    return make_event("delivered", "service", int(rev), "delivered", why="2xx", at=float(at), attempts=int(attempts))


def routine_events(revisions: Sequence[dict | None], decisions: Sequence[dict | None]) -> list[dict[str, Any]]:
    """The received and decided events that revision and decision records stand for (revision 1 first)."""
    events = []
    for rev, (record, decision) in enumerate(zip(revisions, decisions), start=1):
        if record is not None:
            events.append(received_event(rev, record))
        if decision is not None:
            events.append(decided_event(rev, decision))
    return events


def merge(stored: list[dict[str, Any]], head: dict[str, str], revisions: Sequence[dict | None],
          decisions: Sequence[dict | None]) -> list[dict[str, Any]]:
    """The whole trail, oldest first: stored events and rebuilt routine ones (never both)."""
    if head.get(Head.TEXT_EXPIRED_AT) and head.get(Head.REV) == "1" and revisions and revisions[0] is None:
        # retention dropped a comment's only revision record: its head has the same time and hash
        revisions = [{"received_at": float(head[Head.RECEIVED_AT]), "hash": head.get(Head.HASH)}]
    kept = {(e["type"], e["revision"]) for e in stored if e["type"] in ("received", "decided")}
    rebuilt = [e for e in routine_events(revisions, decisions) if (e["type"], e["revision"]) not in kept]
    if head.get(DELIVERED):
        rebuilt.append(delivered_event(head[DELIVERED]))
    return sorted(rebuilt + stored, key=lambda event: event["at"])  # stable: ties keep this order


def histories(redis: Redis, comment_ids: Iterable[str]) -> dict[str, list[dict[str, Any]]]:
    """The trail of each comment, oldest event first, in two round trips."""
    ids = list(comment_ids)
    pipe = redis.pipeline(transaction=False)
    for comment_id in ids:
        pipe.hmget(keys.comment(comment_id), *HEAD)
        pipe.lrange(keys.history(comment_id), 0, -1)
    replies = pipe.execute()
    heads = [{f: text(v) for f, v in zip(HEAD, values) if v is not None} for values in replies[0::2]]
    pipe = redis.pipeline(transaction=False)
    for comment_id, head in zip(ids, heads):
        rev = int(head.get(Head.REV, 0))
        numbers = range(1, rev + 1)
        pipe.mget([keys.revision(comment_id, n) for n in numbers] or [keys.revision(comment_id, 0)])
        pipe.mget([keys.decision(comment_id, n) for n in numbers] or [keys.decision(comment_id, 0)])
    records = pipe.execute()
    out = {}
    for i, (comment_id, head, stored) in enumerate(zip(ids, heads, replies[1::2])):
        rev = int(head.get(Head.REV, 0))
        revisions = [loads(r) for r in records[2 * i][:rev]]
        decisions = [loads(d) for d in records[2 * i + 1][:rev]]
        out[comment_id] = merge([loads(e) for e in stored], head, revisions, decisions)
    return out
