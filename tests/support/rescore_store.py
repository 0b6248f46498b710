"""Fill a real store for rescoring tests and benchmarks: intake, then the engine's decisions.

Comments go in through the service's own intake (store.lifecycle.accept.accept_comments, one transaction
per chunk) and are decided with the real engine and recorded with store.lifecycle.decide, exactly as a
worker records them, only without a queue in between (the seeding enqueue hands out job ids).
"""

from __future__ import annotations

from typing import Any, Sequence

from moderation.store import IncomingComment, Store
from moderation.store.lifecycle.accept import accept_comments
from moderation.types import CommentInput

CHUNK = 500


def _no_queue(pipe, items):
    return [f"seed-{comment_id}-{rev}" for comment_id, rev in items]


def incoming(comment: dict[str, Any]) -> IncomingComment:
    """An IncomingComment from a plain dict (id, text, author?, article?, created_at?, language?)."""
    article = comment.get("article")
    return IncomingComment(id=comment["id"], text=comment["text"], author=comment.get("author"),
                           article={"id": article} if isinstance(article, str) else article,
                           created_at=comment.get("created_at"), language=comment.get("language"))


def seed(redis, engine, comments: Sequence[dict[str, Any]], now: float | None = None) -> None:
    """Accept comments and record the engine's decisions for their new revisions."""
    store = Store(redis)
    store.check_schema()
    for start in range(0, len(comments), CHUNK):
        chunk = [incoming(c) for c in comments[start:start + CHUNK]]
        accepted = accept_comments(redis, chunk, _no_queue, now=now)
        pairs = [(a.id, a.revision) for a in accepted if not a.duplicate]
        records = store.revisions(pairs)
        decisions = engine.decide([CommentInput(r["id"], r["text"], r.get("author"), r.get("language"))
                                   for r in records])
        store.record_decisions([(r["rev"], d.to_json(), r["received_at"]) for r, d in zip(records, decisions)],
                               job_id="seed")
