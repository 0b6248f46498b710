"""Delivery of decisions to the platform: the state on the head and the outbox that survives crashes.

One owner for the head fields `delivery`, `delivery_attempts`, `delivery_rev`, `delivery_seq`,
`delivered` (the latest successful delivery, read back as the audit trail's "delivered" event by
store/history.py) and for the outbox keys. A delivery is *opened* in the same Lua call that writes the decision the
platform must get (the machine's, a moderator's, an applied rescore): the head says `pending`,
`delivery_seq` goes up by one and the revision enters `mod:outbox`. It is *closed* (leaves the
outbox) only when a delivery job settles it as `delivered` or `failed` while `delivery_seq` is
still the one it read, so a decision opened again meanwhile (a moderator overruling a hold that
was being delivered) is delivered again, never marked delivered by the older send.

Why an outbox: the delivery job is queued after the decision is written, and a worker killed with
`kill -9` leaves its job "started" until RQ's abandoned-job handling runs minutes later. The
recovery pass (workers/recovery.py) re-enqueues outbox entries older than a grace period whose
job can no longer finish, like it does for pending moderation.
"""

from __future__ import annotations

import time
from typing import Sequence

from moderation.store import keys
from moderation.store.codec import pack
from moderation.store.events import ROUTINE, make_event
from moderation.store.history import DELIVERED, delivered_event
from moderation.store.models import dumps, text

# Lua function, prepended to the scripts that write a decision the platform must get.
OPEN_DELIVERY = """
local function open_delivery(head, outbox, id, rev, now)
  redis.call('HSET', head, 'delivery', 'pending', 'delivery_attempts', 0, 'delivery_rev', rev)
  redis.call('HINCRBY', head, 'delivery_seq', 1)
  redis.call('ZADD', outbox, now, rev .. ':' .. id)
end
"""

# KEYS: head, outbox, outbox jobs, history, audit
# ARGV: member, rev, seq read before sending, state ('' keeps the state), attempts, history entry (packed
#       event, '' none), audit entry (plain JSON event, '' none: routine events stay out of mod:audit),
#       terminal ('1': delivered or failed, the entry leaves the outbox), now, delivered ('' unless a 2xx:
#       the head's `delivered` value "<at> <rev> <attempts>", store/history.py), the head's `delivered`
#       read by the caller ('' none), that value as a packed event (it moves into the history list)
# Returns 1 (settled), 0 (the delivery was opened again meanwhile) or -1 (the head's `delivered` changed
# since the caller read it: nothing written, read again).
SETTLE = """
if redis.call('EXISTS', KEYS[1]) == 0 then
  redis.call('ZREM', KEYS[2], ARGV[1])
  redis.call('HDEL', KEYS[3], ARGV[1])
  return 0
end
local state = redis.call('HMGET', KEYS[1], 'delivery_rev', 'delivery_seq', 'delivered')
if ARGV[10] ~= '' and (state[3] or '') ~= ARGV[11] then return -1 end
local rev, seq = state[1], state[2] or ''
local ours = (not rev) or tonumber(ARGV[2]) > tonumber(rev) or (rev == ARGV[2] and seq == ARGV[3])
local superseded = rev and tonumber(ARGV[2]) < tonumber(rev)
if ARGV[10] ~= '' then
  if ARGV[12] ~= '' then redis.call('RPUSH', KEYS[4], ARGV[12]) end
  redis.call('HSET', KEYS[1], 'delivered', ARGV[10])
end
if ours and ARGV[4] ~= '' then
  redis.call('HSET', KEYS[1], 'delivery', ARGV[4], 'delivery_attempts', ARGV[5], 'delivery_rev', ARGV[2],
             'updated_at', ARGV[9])
end
if (ours and ARGV[8] == '1') or superseded then
  redis.call('ZREM', KEYS[2], ARGV[1])
  redis.call('HDEL', KEYS[3], ARGV[1])
end
if ARGV[6] ~= '' then redis.call('RPUSH', KEYS[4], ARGV[6]) end
if ARGV[7] ~= '' then
  local id = string.sub(ARGV[1], string.len(ARGV[2]) + 2)
  redis.call('XADD', KEYS[5], '*', 'comment_id', id, 'event', ARGV[7])
end
if ours then return 1 end
return 0
"""

_EVENT_TYPES = {"delivered": "delivered", "failed": "delivery_failed"}


def settle(redis, comment_id: str, rev: int, seq: str | None, state: str, attempts: int, detail: str,
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
        previous = (text(redis.hget(head_key, DELIVERED)) or "") if delivered else ""
        moved = pack(delivered_event(previous)) if previous else b""
        reply = int(redis.eval(SETTLE, 5, head_key, keys.OUTBOX, keys.OUTBOX_JOBS, keys.history(comment_id),
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


def due(redis, older_than: float, limit: int = 5000) -> list[tuple[str, int, str | None]]:
    """Outbox entries (comment id, revision, job id) last handed to a job before `older_than`."""
    members = redis.zrangebyscore(keys.OUTBOX, "-inf", older_than, start=0, num=limit)
    if not members:
        return []
    job_ids = redis.hmget(keys.OUTBOX_JOBS, members)
    return [(*keys.parse_pending_member(m), text(j) if j else None) for m, j in zip(members, job_ids)]


def undelivered_count(redis) -> int:
    """How many decisions wait for their delivery to the platform."""
    return int(redis.zcard(keys.OUTBOX))
