"""Apply rescored decisions to the store: atomically, once per run, never over a moderator.

One Lua script per comment checks and writes together, so a moderator deciding, a new revision
arriving or another run applying between our read and our write is noticed, not overwritten:

- the latest revision must still be the decided one we rescored (else "stale"),
- a moderator's decision on it (`final`) is never replaced (else "moderated"),
- a comment a moderator has claimed is left alone while the claim lasts (else "claimed"),
- the head's outcome must still be the one we diffed against (else "stale"),
- if the head already carries this run's id for this revision, nothing is written ("already"):
  this is what makes a resumed or re-run --apply idempotent.

Then the new decision replaces mod:rescored:<n>:<id>, the head's outcome changes, a "rescored"
event with the full decision goes to the history and the audit stream, and the review queue
follows the outcome (hold enters it with the service's priority, any other outcome leaves it);
when the platform is to be told, the revision's delivery state starts over at "pending".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Sequence

from moderation.rescore import keys as rkeys
from moderation.store import keys
from moderation.store.decisions import review_priority
from moderation.store.delivery import OPEN_DELIVERY
from moderation.store.events import make_event
from moderation.store.metrics import describe, incr
from moderation.store.models import dumps, text
from moderation.store.review import claim_key

# KEYS: head, rescored, history, audit, review, outbox, claim
# ARGV: id, rev, run id, record json, new outcome, now, priority, event json, expected old outcome,
#       deliver ("1": the platform gets the new decision, so the revision's delivery starts over)
APPLY = OPEN_DELIVERY + """
local head = KEYS[1]
local state = redis.call('HMGET', head, 'rev', 'decided_rev', 'final', 'decision', 'rescore_run', 'rescore_rev')
if state[1] ~= ARGV[2] or state[2] ~= ARGV[2] then return 'stale' end
if state[3] == ARGV[2] then return 'moderated' end
if redis.call('EXISTS', KEYS[7]) == 1 then return 'claimed' end
if state[5] == ARGV[3] and state[6] == ARGV[2] then return 'already' end
if state[4] ~= ARGV[9] then return 'stale' end
redis.call('SET', KEYS[2], ARGV[4])
redis.call('HSET', head, 'decision', ARGV[5], 'updated_at', ARGV[6], 'rescore_run', ARGV[3],
           'rescore_rev', ARGV[2], 'rescore_previous', ARGV[9])
if ARGV[10] == '1' then
  open_delivery(head, KEYS[6], ARGV[1], ARGV[2], ARGV[6])
end
redis.call('RPUSH', KEYS[3], ARGV[8])
redis.call('XADD', KEYS[4], '*', 'comment_id', ARGV[1], 'event', ARGV[8])
if ARGV[5] == 'hold' then
  redis.call('ZADD', KEYS[5], ARGV[7], ARGV[1])
else
  redis.call('ZREM', KEYS[5], ARGV[1])
end
return 'applied'
"""

describe("moderation_rescored_total", "counter", "Decisions changed by an applied rescoring run, by transition.")


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
    return make_event("rescored", "rescore", change.rev, new["decision"], why=",".join(new["reasons"]), at=now,
                      run_id=run_id, previous=change.old_outcome, policy_version=new.get("policy_version"),
                      model=new.get("model"), lexicon_version=(new.get("details") or {}).get("lexicon_version"),
                      decision=new)


def apply_changes(redis, changes: Sequence[Change], run_id: str, now: float, deliver: bool = False) -> list[str]:
    """Apply each change once; return its status: applied | already | moderated | claimed | stale.

    `deliver`: a callback URL is configured, so each applied revision's delivery state is reset
    to pending (its old decision may already have been delivered), as a moderator's decision does.
    """
    if not changes:
        return []
    script = redis.register_script(APPLY)
    pipe = redis.pipeline(transaction=False)
    for change in changes:
        script(keys=[keys.comment(change.comment_id), rkeys.rescored(change.comment_id, change.rev),
                     keys.history(change.comment_id), keys.AUDIT_STREAM, keys.REVIEW_QUEUE, keys.OUTBOX,
                     claim_key(change.comment_id)],
               args=[change.comment_id, change.rev, run_id, dumps(rescore_record(change, run_id, now)),
                     change.new["decision"], now, review_priority(change.new, change.received_at),
                     dumps(_event(change, run_id, now)), change.old_outcome, "1" if deliver else "0"],
               client=pipe)
    statuses = [text(status) for status in pipe.execute()]
    counters = redis.pipeline(transaction=False)
    for change, status in zip(changes, statuses):
        if status == "applied":
            incr(counters, "moderation_rescored_total", {"transition": f"{change.old_outcome}->{change.new['decision']}"})
    counters.execute()
    return statuses
