"""The store's reading side and small writes: what GET /v1/comments/<id>, the workers,
the recovery step and the rescoring job need. One Store per process, built on an explicit client.
"""

from __future__ import annotations

from typing import Any, Iterator, Sequence

from redis import Redis

from moderation.store import keys
from moderation.store.lifecycle.deliver import settle as settle_delivery
from moderation.store.lifecycle.decide import record_decisions
from moderation.store.history import histories, merge
from moderation.store.lifecycle.accept import EnqueueFn, accept_comments, reassign_jobs
from moderation.store.models import Accepted, IncomingComment, loads, text


class SchemaMismatch(RuntimeError):
    """The Redis data was written by an incompatible version of this schema."""


def check_schema(redis: Redis, stamp: bool = True) -> None:
    """Refuse a database written by another schema version; `stamp` an empty one with ours.

    The one schema check: services stamp (they write), a rescoring run only reads.
    """
    if stamp:
        redis.setnx(keys.SCHEMA_VERSION_KEY, keys.SCHEMA_VERSION)
    found = text(redis.get(keys.SCHEMA_VERSION_KEY))
    if found is not None and found != keys.SCHEMA_VERSION:
        raise SchemaMismatch(f"Redis holds schema {found}, this code speaks {keys.SCHEMA_VERSION}")


class Store:
    """Repository over one Redis client (bytes replies, as RQ needs)."""

    def __init__(self, redis: Redis):
        self.redis = redis

    def check_schema(self) -> None:
        """Stamp an empty database with our schema version; refuse a different one."""
        check_schema(self.redis)

    def accept(self, comments: Sequence[IncomingComment], enqueue: EnqueueFn) -> list[Accepted]:
        """Store new revisions and enqueue their jobs atomically (see store.lifecycle.accept)."""
        return accept_comments(self.redis, comments, enqueue)

    def head(self, comment_id: str) -> dict[str, str] | None:
        """The comment's head hash, decoded, or None if unknown."""
        raw = self.redis.hgetall(keys.comment(comment_id))
        return {text(k): text(v) for k, v in raw.items()} or None

    def revisions(self, items: Sequence[tuple[str, int]]) -> list[dict[str, Any] | None]:
        """Load revision records for (comment id, revision) pairs, None where missing."""
        if not items:
            return []
        records = [loads(raw) for raw in self.redis.mget([keys.revision(i, r) for i, r in items])]
        return [None if record is None else {"id": cid, **record} for (cid, _), record in zip(items, records)]

    def decisions(self, items: Sequence[tuple[str, int]]) -> list[dict[str, Any] | None]:
        """Load recorded machine decisions for (comment id, revision) pairs, None where undecided."""
        if not items:
            return []
        return [loads(raw) for raw in self.redis.mget([keys.decision(i, r) for i, r in items])]

    def latest_only(self, pairs: Sequence[tuple[str, int]]) -> list[tuple[str, int]]:
        """Keep the (id, revision) pairs that are their comment's latest revision."""
        pipe = self.redis.pipeline(transaction=False)
        for comment_id, _ in pairs:
            pipe.hget(keys.comment(comment_id), "rev")
        return [pair for pair, rev in zip(pairs, pipe.execute()) if text(rev) == str(pair[1])]

    def history(self, comment_id: str) -> list[dict[str, Any]]:
        """The comment's audit trail, oldest first (stored and rebuilt events, see store.history)."""
        return histories(self.redis, [comment_id])[comment_id]

    def record_decisions(self, items, job_id: str | None, source: str = "machine",
                         scoring_seconds: float | None = None, deliver: bool = False) -> list[bool]:
        """Record (revision, decision json, received_at) items once each (see store.lifecycle.decide)."""
        return record_decisions(self.redis, items, job_id, source, scoring_seconds=scoring_seconds, deliver=deliver)

    def comment_view(self, comment_id: str) -> dict[str, Any] | None:
        """Everything known about one comment: head, revisions, decisions, history."""
        head = self.head(comment_id)
        if head is None:
            return None
        revs = [(comment_id, n) for n in range(1, int(head["rev"]) + 1)]
        revisions, decisions = self.revisions(revs), self.decisions(revs)
        stored = [loads(raw) for raw in self.redis.lrange(keys.history(comment_id), 0, -1)]
        return {"head": head, "revisions": revisions, "decisions": decisions,
                "history": merge(stored, head, revisions, decisions)}

    def record_delivery(self, comment_id: str, rev: int, state: str, attempts: int, detail: str,
                        seq: str | None = None) -> bool:
        """Record the callback delivery state of a revision's decision on the head and in history.

        `seq`: the head's delivery_seq read before sending (None: the current one); False if the
        delivery was opened again meanwhile, so the state was left for the newer send (store.lifecycle.deliver).
        A successful delivery is kept on the head (field `delivered`) and read back as the trail's
        "delivered" event (store.history); the one it replaces moves into the history list.
        """
        if seq is None:
            seq = text(self.redis.hget(keys.comment(comment_id), "delivery_seq"))
        return settle_delivery(self.redis, comment_id, rev, seq, state, attempts, detail)

    # Pending revisions (awaiting a decision) for the recovery step.
    def pending(self, older_than: float, limit: int = 1000) -> list[tuple[str, int, str | None]]:
        """Pending (comment id, revision, job id) received before `older_than` (epoch s)."""
        members = self.redis.zrangebyscore(keys.PENDING, "-inf", older_than, start=0, num=limit)
        if not members:
            return []
        job_ids = self.redis.hmget(keys.PENDING_JOBS, members)
        return [(*keys.parse_pending_member(m), text(j)) for m, j in zip(members, job_ids)]

    def pending_count(self) -> int:
        """How many revisions await a decision."""
        return int(self.redis.zcard(keys.PENDING))

    def reassign(self, items: Sequence[tuple[str, int]], job_ids: Sequence[str], pipe=None) -> None:
        """Point pending revisions at their new jobs, one id per item (queued on `pipe` when given)."""
        reassign_jobs(pipe if pipe is not None else self.redis, items, job_ids)

    # Listing, for rescoring and the review queue.
    def comment_ids(self, since: float = float("-inf"), until: float = float("inf"), article: str | None = None,
                    language: str | None = None, page: int = 500) -> Iterator[str]:
        """Stored comment ids by received time, optionally one article's or one language's.

        Language is read from each head (the decided revision's language): no per-language index.
        """
        index = keys.article_index(article) if article else keys.INDEX_RECEIVED
        offset = 0
        while True:
            batch = [text(member) for member in
                     self.redis.zrangebyscore(index, since, until, start=offset, num=page)]
            if language:
                pipe = self.redis.pipeline(transaction=False)
                for comment_id in batch:
                    pipe.hget(keys.comment(comment_id), "language")
                yield from (c for c, lang in zip(batch, pipe.execute()) if text(lang) == language)
            else:
                yield from batch
            if len(batch) < page:
                return
            offset += page

    def review_ids(self, start: int = 0, stop: int = -1) -> list[str]:
        """Held comment ids, most urgent first."""
        return [text(m) for m in self.redis.zrange(keys.REVIEW_QUEUE, start, stop)]
