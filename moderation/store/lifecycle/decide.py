"""Transition "decided": record machine decisions once per revision, atomically, with the audit trail and indexes.

The "decided" event of the audit trail is the decision record itself, read back as an event
(store/history.py), so it is not written a second time.

Recording is a Lua script so "decide twice" is harmless: a worker killed after scoring but
before acknowledging, a recovered job, or an RQ retry can all record the same revision again;
only the first write counts.
"""

from __future__ import annotations

import time
from typing import Any, Sequence

from redis import Redis

from moderation.store import keys
from moderation.store.agreement import REMOVED, is_audit, verdict_series
from moderation.store.lifecycle.scripts import RECORD_DECISIONS
from moderation.store.metrics import observe, series
from moderation.store.codec import pack
from moderation.types import severity_rank



# One call records a whole batch (lua/decide.lua), so Redis appends it to the AOF (and, with
# appendfsync always, fsyncs) once per batch rather than once per comment.


def review_priority(decision: dict[str, Any], received_at: float) -> float:
    """Order held comments: severest lexicon hit first, then highest toxicity, then oldest.

    Lower scores come first (ZRANGE). Severity and a toxicity percentile are packed above the
    received time, which stays exact in a double up to year 2286.
    """
    ranks = [severity_rank(hit["severity"]) for hit in decision.get("slurs", [])]
    severity = max(ranks, default=0)
    toxicity = float(decision.get("scores", {}).get("toxicity", 0.0))
    return (3 - severity) * 1e13 + (100 - round(toxicity * 100)) * 1e11 + received_at


# Audit items (kept comments sampled for review) come after every hold, oldest first: holds score
# below 4.01e13 (severity and toxicity parts), so this base keeps the received time recoverable too.
AUDIT_PRIORITY = 5e13


def queue_priority(decision: dict[str, Any], received_at: float) -> float | None:
    """Where a decision enters the review queue: a hold by urgency, an audit item after every hold; else None."""
    if decision.get("decision") == "hold":
        return review_priority(decision, received_at)
    if is_audit(decision):
        return AUDIT_PRIORITY + received_at
    return None


def removal_series(decision: dict[str, Any]) -> str:
    """The agreement counters a machine removal increments, newline-separated ('' for any other outcome)."""
    return "\n".join(verdict_series(decision, REMOVED)) if decision.get("decision") == "remove" else ""


def record_decisions(redis: Redis, items: Sequence[tuple[int, dict[str, Any], float]], job_id: str | None,
                     source: str = "machine", now: float | None = None,
                     scoring_seconds: float | None = None, deliver: bool = False) -> list[bool]:
    """Record (revision, decision json, received_at) items; return which were new.

    `deliver`: a callback URL is configured, so each new decision of a comment's latest revision
    opens its delivery (store.lifecycle.deliver) in the same atomic write: a crash right after cannot
    leave a decision the platform never gets.
    """
    if not items:
        return []
    now = round(time.time(), 3) if now is None else now
    script_keys = [keys.PENDING, keys.PENDING_JOBS, keys.REVIEW_QUEUE, keys.METRICS, keys.OUTBOX]
    args: list[Any] = [now, "1" if deliver else "0"]
    for rev, decision, received_at in items:
        comment_id = decision["id"]
        record = {**decision, "revision": rev, "decided_at": now, "job_id": job_id, "source": source}
        script_keys += [keys.comment(comment_id), keys.decision(comment_id, rev)]
        priority = queue_priority(decision, received_at)
        args += [comment_id, rev, pack(record), decision["decision"], decision["language"],
                 keys.pending_member(comment_id, rev), "" if priority is None else priority,
                 series("moderation_decisions_total",
                        {"outcome": decision["decision"], "language": decision["language"]}),
                 removal_series(decision)]
    written = [bool(flag) for flag in redis.register_script(RECORD_DECISIONS)(keys=script_keys, args=args)]
    pipe = redis.pipeline(transaction=False)
    observe(pipe, "moderation_decision_latency_seconds",
            [max(0.0, now - received) for (_, _, received), new in zip(items, written) if new])
    if scoring_seconds is not None:
        observe(pipe, "moderation_scoring_seconds", [scoring_seconds])
    if len(pipe):
        pipe.execute()
    return written
