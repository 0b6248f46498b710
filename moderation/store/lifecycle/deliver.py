"""Transition "delivered" (or retrying, failed): the delivery state on the head and the outbox.

One owner for the head fields `delivery`, `delivery_attempts`, `delivery_rev`, `delivery_seq`,
`delivered` (the latest successful delivery, read back as the audit trail's "delivered" event by
store/history.py) and for the outbox keys. A delivery is *opened* (lua/open_delivery.lua) in the
same Lua call that writes the decision the platform must get (the machine's, a moderator's, an
applied rescore): the head says `pending`, `delivery_seq` goes up by one and the revision enters
`mod:outbox`. It is *closed* (leaves the outbox) only when a delivery job settles it as `delivered`
or `failed` while `delivery_seq` is still the one it read (lua/settle_delivery.lua), so a decision
opened again meanwhile (a moderator overruling a hold that was being delivered) is delivered
again, never marked delivered by the older send.

Why an outbox: the delivery job is queued after the decision is written, and a worker killed with
`kill -9` leaves its job "started" until RQ's abandoned-job handling runs minutes later. The
recovery pass (workers/recovery.py) re-enqueues outbox entries older than a grace period whose
job can no longer finish, like it does for pending moderation.
"""

from __future__ import annotations

import time
from typing import Sequence

from redis import Redis

from moderation.store import keys
from moderation.store.keys import Head
from moderation.store.lifecycle.scripts import SETTLE_DELIVERY
from moderation.store.codec import pack
from moderation.store.events import ROUTINE, make_event
from moderation.store.history import delivered_event
from moderation.store.models import dumps, text

_EVENT_TYPES = {"delivered": "delivered", "failed": "delivery_failed"}


def settle(redis: Redis, comment_id: str, rev: int, seq: str | None, state: str, attempts: int, detail: str,
           now: float | None = None) -> bool:
    """Record a delivery attempt's result; False if the delivery was opened again meanwhile.

    `seq` is the head's `delivery_seq` read before sending. `state`: delivered | failed (the entry
    leaves the outbox) | retrying | "" (close without changing the state: nothing left to send).
    A successful delivery ("delivered", "2xx") is kept on the head (field `delivered`) and read back
    as the trail's "delivered" event (store/history.py); the one it replaces moves into the history
    list. Other results are events in the history list and, not being routine, in mod:audit.
    """
    now = round(time.time(), 3) if now is None else now
    terminal = "1" if state in ("delivered", "failed", "") else "0"
    head_key = keys.comment(comment_id)
    member = keys.pending_member(comment_id, rev)
    history_entry = audit_entry = delivered = b""
    if state == "delivered" and detail == "2xx":
        delivered = f"{round(now, 3)!r} {int(rev)} {int(attempts)}"
    elif state:
        event_type = _EVENT_TYPES.get(state, "delivery_" + state)
        event = make_event(event_type, "service", rev, state, why=detail, at=now, attempts=attempts)
        history_entry = pack(event)
        if event_type not in ROUTINE:
            audit_entry = dumps(event)
    while True:
        previous = (text(redis.hget(head_key, Head.DELIVERED)) or "") if delivered else ""
        moved = pack(delivered_event(previous)) if previous else b""
        reply = int(redis.eval(SETTLE_DELIVERY, 5, head_key, keys.OUTBOX, keys.OUTBOX_JOBS, keys.history(comment_id),
                               keys.AUDIT_STREAM, member, rev, seq or "", state, attempts, history_entry,
                               audit_entry, terminal, now, delivered, previous, moved))
        if reply >= 0:
            return bool(reply)


def track(pipe, items: Sequence[tuple[str, int]], job_id: str, now: float | None = None) -> None:
    """Queue on `pipe`: these revisions' deliveries are in the hands of job `job_id` from now on."""
    now = time.time() if now is None else now
    members = [keys.pending_member(comment_id, rev) for comment_id, rev in items]
    if members:
        pipe.zadd(keys.OUTBOX, {member: now for member in members})
        pipe.hset(keys.OUTBOX_JOBS, mapping={member: job_id for member in members})


def due(redis: Redis, older_than: float, limit: int = 5000) -> list[tuple[str, int, str | None]]:
    """Outbox entries (comment id, revision, job id) last handed to a job before `older_than`."""
    members = redis.zrangebyscore(keys.OUTBOX, "-inf", older_than, start=0, num=limit)
    if not members:
        return []
    job_ids = redis.hmget(keys.OUTBOX_JOBS, members)
    return [(*keys.parse_pending_member(m), text(j) if j else None) for m, j in zip(members, job_ids)]


def undelivered_count(redis: Redis) -> int:
    """How many decisions wait for their delivery to the platform."""
    return int(redis.zcard(keys.OUTBOX))
