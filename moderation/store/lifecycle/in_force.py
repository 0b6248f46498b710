"""The rule for "the decision in force" of a comment, in one place.

For the decided revision, most authoritative first:

1. a moderator's decision (head `final` is that revision, `review_by` set): final, nothing overrides it;
2. the latest applied rescore of that revision (`mod:rescored:<n>:<id>`, head `rescore_rev`);
3. the machine decision (`mod:decision:<n>:<id>`).

The head's `decision` always holds the outcome in force (every transition that changes it writes
it in the same Lua call); the records hold its evidence. Readers that show or send "the"
decision (delivery to the platform, the review queue, GET /v1/comments/<id>) ask this module.
"""

from __future__ import annotations

from typing import Any, Sequence

from redis import Redis

from moderation.store import keys
from moderation.store.keys import Head
from moderation.store.models import loads

MACHINE, RESCORE, MODERATOR = "machine", "rescore", "moderator"


def decisions_in_force(redis: Redis, items: Sequence[tuple[str, int]]) -> list[dict[str, Any] | None]:
    """For (comment id, revision) pairs: the applied rescore if any, else the machine decision, else None.

    The evidence a decision was made on; a moderator's outcome is laid over it by as_delivered().
    """
    if not items:
        return []
    pipe = redis.pipeline(transaction=False)
    pipe.mget([keys.decision(cid, rev) for cid, rev in items])
    pipe.mget([keys.rescored(cid, rev) for cid, rev in items])
    machine, rescored = pipe.execute()
    return [loads(r) if r is not None else loads(m) for m, r in zip(machine, rescored)]


def moderated(head: dict[str, str], rev: int) -> bool:
    """Whether a moderator decided revision `rev` (then nothing may change its outcome)."""
    return head.get(Head.FINAL) == str(rev) and bool(head.get(Head.REVIEW_BY))


def as_delivered(decision: dict[str, Any], head: dict[str, str], rev: int) -> dict[str, Any]:
    """The decision the platform should get for `rev`: the moderator's, if one decided that revision."""
    if not moderated(head, rev):
        return decision
    return {**decision, "decision": head[Head.DECISION], "source": MODERATOR,
            "machine_decision": decision["decision"], "moderator": head[Head.REVIEW_BY],
            "moderated_at": float(head.get(Head.REVIEW_AT) or 0),
            "moderator_reason": head.get(Head.REVIEW_REASON) or None}


def decision_in_force(head: dict[str, str]) -> dict[str, Any] | None:
    """{value, source, revision} of the decision in force, read from the head; None before the first decision.

    source: "moderator" (final for its revision), "rescore" (an applied rescoring run) or "machine".
    """
    if not head.get(Head.DECIDED_REV) or not head.get(Head.DECISION):
        return None
    rev = int(head[Head.DECIDED_REV])
    if moderated(head, rev):
        source = MODERATOR
    elif head.get(Head.RESCORE_RUN) and head.get(Head.RESCORE_REV) == str(rev):
        source = RESCORE
    else:
        source = MACHINE
    return {"value": head[Head.DECISION], "source": source, "revision": rev}
