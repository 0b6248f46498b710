"""Record machine decisions: once per revision, atomically, with the audit trail and indexes.

Recording is a Lua script so "decide twice" is harmless: a worker killed after scoring but
before acknowledging, a recovered job, or an RQ retry can all record the same revision again;
only the first write counts.
"""

from __future__ import annotations

import time
from typing import Any, Sequence

from moderation.store import keys
from moderation.store.events import make_event
from moderation.store.metrics import incr, observe
from moderation.store.models import dumps
from moderation.types import severity_rank

# KEYS: head, decision, history, audit, pending, pending_jobs, review, language index
# ARGV: id, rev, decision json, outcome, language, now, pending member, priority, event json
RECORD_DECISION = """
if redis.call('EXISTS', KEYS[2]) == 1 then return 0 end
redis.call('SET', KEYS[2], ARGV[3])
redis.call('ZREM', KEYS[5], ARGV[7])
redis.call('HDEL', KEYS[6], ARGV[7])
redis.call('RPUSH', KEYS[3], ARGV[9])
redis.call('XADD', KEYS[4], '*', 'comment_id', ARGV[1], 'event', ARGV[9])
local head_rev = redis.call('HGET', KEYS[1], 'rev')
local final = redis.call('HGET', KEYS[1], 'final')
if head_rev == ARGV[2] and final ~= ARGV[2] then
  redis.call('HSET', KEYS[1], 'status', 'decided', 'decision', ARGV[4], 'decided_rev', ARGV[2],
             'language', ARGV[5], 'updated_at', ARGV[6])
  if ARGV[4] == 'hold' then
    redis.call('ZADD', KEYS[7], ARGV[8], ARGV[1])
  else
    redis.call('ZREM', KEYS[7], ARGV[1])
  end
end
local received = redis.call('HGET', KEYS[1], 'received_at') or ARGV[6]
redis.call('ZADD', KEYS[8], received, ARGV[1])
return 1
"""


def review_priority(decision: dict[str, Any], received_at: float) -> float:
    """Order held comments: severest lexicon hit first, then highest toxicity, then oldest.

    Lower scores come first (ZRANGE). Severity and a toxicity percentile are packed above the
    received time, which stays exact in a double up to year 2286.
    """
    ranks = [severity_rank(hit["severity"]) for hit in decision.get("slurs", [])]
    severity = max(ranks, default=0)
    toxicity = float(decision.get("scores", {}).get("toxicity", 0.0))
    return (3 - severity) * 1e13 + (100 - round(toxicity * 100)) * 1e11 + received_at


def record_decisions(redis, items: Sequence[tuple[int, dict[str, Any], float]], job_id: str | None,
                     source: str = "machine", now: float | None = None) -> list[bool]:
    """Record (revision, decision json, received_at) items; return which were new."""
    now = time.time() if now is None else now
    script = redis.register_script(RECORD_DECISION)
    pipe = redis.pipeline(transaction=False)
    for rev, decision, received_at in items:
        comment_id = decision["id"]
        record = {**decision, "revision": rev, "decided_at": now, "job_id": job_id, "source": source}
        event = make_event("decided", source, rev, decision["decision"], why=",".join(decision["reasons"]),
                           at=now, job_id=job_id, policy_version=decision.get("policy_version"),
                           model=decision.get("model"))
        script(keys=[keys.comment(comment_id), keys.decision(comment_id, rev), keys.history(comment_id),
                     keys.AUDIT_STREAM, keys.PENDING, keys.PENDING_JOBS, keys.REVIEW_QUEUE,
                     keys.language_index(decision["language"])],
               args=[comment_id, rev, dumps(record), decision["decision"], decision["language"], now,
                     keys.pending_member(comment_id, rev), review_priority(decision, received_at), dumps(event)],
               client=pipe)
    written = [bool(flag) for flag in pipe.execute()]
    _count(redis, items, written, now)
    return written


def _count(redis, items, written, now: float) -> None:
    pipe = redis.pipeline(transaction=False)
    latencies = []
    for (rev, decision, received_at), new in zip(items, written):
        if new:
            incr(pipe, "moderation_decisions_total", {"outcome": decision["decision"], "language": decision["language"]})
            latencies.append(max(0.0, now - received_at))
    observe(pipe, "moderation_decision_latency_seconds", latencies)
    pipe.execute()
