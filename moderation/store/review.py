"""The review queue's reading side: held comments, most urgent first, filtered and paginated.

The service's decision script puts every held comment id in `mod:review` with a priority score
(store.lifecycle.review_priority: severest lexicon hit, then highest toxicity, then oldest), and
after every hold the audit items, kept comments sampled for review (store.lifecycle.queue_priority).
This module reads that sorted set and assembles each item from the comment's head, the held
revision and its machine decision, so a moderator sees the text and why it was held.

Filters (language, article, reason) scan the queue in priority order, chunk by chunk: the queue
is meant to stay small (people empty it), so an O(queue) scan is cheaper than more indexes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterator

from redis import Redis

from moderation.store.lifecycle.in_force import decisions_in_force
from moderation.store import keys
from moderation.store.agreement import is_audit
from moderation.store.keys import Head
from moderation.store.history import histories as trails
from moderation.store.models import loads, text

DEFAULT_PER_PAGE = 100
MAX_PER_PAGE = 1000
SCAN_CHUNK = 500
# Priority = severity * 1e13 + toxicity * 1e11 + received_at (see review_priority); received_at
# (epoch seconds) stays below 1e11 for millennia, so the remainder is the received time.
PRIORITY_TIME_MODULUS = 1e11

_HEAD_FIELDS = (Head.DECIDED_REV, Head.LANGUAGE, Head.ARTICLE_ID, Head.RECEIVED_AT, Head.REV, Head.DECISION, Head.FINAL)


def received_from_priority(priority: float) -> float:
    """Recover the held revision's received time (epoch s) from its queue priority."""
    return priority % PRIORITY_TIME_MODULUS


@dataclass(frozen=True)
class Filters:
    """What the moderator narrowed the queue to; None means any."""

    language: str | None = None
    article: str | None = None
    reason: str | None = None

    def __bool__(self) -> bool:
        return any((self.language, self.article, self.reason))


@dataclass(frozen=True)
class Page:
    """One page of the queue."""

    items: list[dict[str, Any]]
    total: int
    page: int
    per_page: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))

    def to_json(self) -> dict[str, Any]:
        return {"items": self.items, "total": self.total, "page": self.page, "per_page": self.per_page,
                "pages": self.pages}


def list_queue(redis: Redis, filters: Filters = Filters(), page: int = 1, per_page: int = DEFAULT_PER_PAGE) -> Page:
    """One page of held comments, most urgent first, with their evidence and claims."""
    start = (page - 1) * per_page
    if not filters:
        entries = redis.zrange(keys.REVIEW_QUEUE, start, start + per_page - 1, withscores=True)
        return Page(load_items(redis, [(text(m), s) for m, s in entries]), int(redis.zcard(keys.REVIEW_QUEUE)),
                    page, per_page)
    matching = list(_matching(redis, filters))
    return Page(load_items(redis, matching[start:start + per_page]), len(matching), page, per_page)


def _matching(redis: Redis, filters: Filters) -> Iterator[tuple[str, float]]:
    offset = 0
    while True:
        entries = [(text(m), s) for m, s in
                   redis.zrange(keys.REVIEW_QUEUE, offset, offset + SCAN_CHUNK - 1, withscores=True)]
        heads = _heads(redis, [cid for cid, _ in entries])
        kept = [(cid, s) for (cid, s), head in zip(entries, heads)
                if (not filters.language or head.get(Head.LANGUAGE) == filters.language)
                and (not filters.article or head.get(Head.ARTICLE_ID) == filters.article)]
        if filters.reason and kept:
            revs = dict((cid, _rev(head)) for (cid, _), head in zip(entries, heads))
            decisions = decisions_in_force(redis, [(cid, revs[cid]) for cid, _ in kept])
            kept = [(cid, s) for (cid, s), d in zip(kept, decisions)
                    if d and filters.reason in d.get("reasons", [])]
        yield from kept
        if len(entries) < SCAN_CHUNK:
            return
        offset += SCAN_CHUNK


def _rev(head: dict[str, str]) -> int:
    return int(head.get(Head.DECIDED_REV) or head.get(Head.REV) or 0)


def _heads(redis: Redis, ids: list[str]) -> list[dict[str, str]]:
    pipe = redis.pipeline(transaction=False)
    for comment_id in ids:
        pipe.hmget(keys.comment(comment_id), *_HEAD_FIELDS)
    return [{f: text(v) for f, v in zip(_HEAD_FIELDS, values) if v is not None} for values in pipe.execute()]


def load_items(redis: Redis, entries: list[tuple[str, float]]) -> list[dict[str, Any]]:
    """Assemble queue items for (comment id, priority) entries: text, evidence, claim."""
    if not entries:
        return []
    ids = [cid for cid, _ in entries]
    heads = _heads(redis, ids)
    revs = [(cid, _rev(head)) for cid, head in zip(ids, heads)]
    records = [loads(raw) for raw in redis.mget([keys.revision(cid, rev) for cid, rev in revs])]
    # The decision in force: an applied rescore (moderation rescore --apply) replaces the machine's,
    # so a comment rescored to hold shows the evidence it was held on.
    decisions = decisions_in_force(redis, revs)
    claims = [loads(raw) for raw in redis.mget([keys.claim(cid) for cid in ids])]
    return [_item(cid, priority, head, record or {}, decision or {}, claim)
            for (cid, priority), head, record, decision, claim in zip(entries, heads, records, decisions, claims)]


def load_item(redis: Redis, comment_id: str) -> dict[str, Any] | None:
    """One queue item, or None when the comment is not in the queue."""
    priority = redis.zscore(keys.REVIEW_QUEUE, comment_id)
    return None if priority is None else load_items(redis, [(comment_id, priority)])[0]


def histories(redis: Redis, comment_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    """The audit trail of each comment, oldest event first (store.history)."""
    return trails(redis, comment_ids)


def _item(comment_id, priority, head, record, decision, claim) -> dict[str, Any]:
    return {
        "id": comment_id,
        "revision": _rev(head),
        "latest_revision": int(head.get(Head.REV) or 0),
        "priority": priority,
        "text": record.get("text", ""),
        "author": record.get("author"),
        "article": record.get("article") or {},
        "created_at": record.get("created_at"),
        "received_at": record.get("received_at"),
        "held_at": decision.get("decided_at"),
        "language": decision.get("language") or head.get(Head.LANGUAGE),
        "language_confidence": decision.get("language_confidence"),
        "scores": decision.get("scores", {}),
        "hits": decision.get("slurs", []),
        "reasons": decision.get("reasons", []),
        "policy_version": decision.get("policy_version"),
        "model": decision.get("model"),
        "claim": claim,
        "audit": is_audit(decision),  # a kept comment sampled for review, not a hold
    }
