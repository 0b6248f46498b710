"""The decision in force for a revision: its latest applied rescore, else the machine decision.

Readers that show or send "the" decision of a revision (delivery to the platform, the review
queue's evidence) use this so a rescored comment is seen with the evidence it was rescored on.
A moderator's outcome (head `final`) still overrides both; see store.review_actions.as_delivered.
"""

from __future__ import annotations

from typing import Any, Sequence

from moderation.rescore import keys as rkeys
from moderation.store import keys
from moderation.store.models import loads


def current_decisions(redis, items: Sequence[tuple[str, int]]) -> list[dict[str, Any] | None]:
    """For (comment id, revision) pairs: the applied rescore if any, else the machine decision, else None."""
    if not items:
        return []
    pipe = redis.pipeline(transaction=False)
    pipe.mget([keys.decision(cid, rev) for cid, rev in items])
    pipe.mget([rkeys.rescored(cid, rev) for cid, rev in items])
    machine, rescored = pipe.execute()
    return [loads(r) if r is not None else loads(m) for m, r in zip(machine, rescored)]
