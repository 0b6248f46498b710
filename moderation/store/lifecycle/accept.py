"""Transition "accepted": new revisions and their jobs go into Redis in ONE transaction.

Not a Lua script like the other transitions: RQ enqueues a job by writing its own keys on the
pipeline we hand it, so the revision and its job can only be made atomic by MULTI/EXEC.

Idempotency: a comment whose content hash equals its latest revision's is a duplicate (one record,
one job). Two identical deliveries racing each other are serialised by WATCH on the comments'
head keys: the loser's EXEC fails, it re-reads the heads and finds a duplicate.
"""

from __future__ import annotations

import time
from datetime import datetime, timezone
from typing import Callable, Sequence

from redis.exceptions import WatchError

from redis import Redis

from moderation.store import keys
from moderation.store.keys import Head
from moderation.store.metrics import incr
from moderation.store.codec import pack
from moderation.store.models import Accepted, IncomingComment, text

# enqueue(pipe, [(comment_id, revision), ...]) -> one job id per item, queued on `pipe`.
EnqueueFn = Callable[[object, list[tuple[str, int]]], list[str]]

MAX_ATTEMPTS = 10


class IntakeContention(RuntimeError):
    """The same comments kept changing under us; the client should retry."""


def accept_comments(redis: Redis, comments: Sequence[IncomingComment], enqueue: EnqueueFn,
                    now: float | None = None) -> list[Accepted]:
    """Store new revisions and enqueue their jobs atomically; return one Accepted per comment."""
    ids = list(dict.fromkeys(c.id for c in comments))
    for _ in range(MAX_ATTEMPTS):
        with redis.pipeline() as pipe:
            try:
                pipe.watch(*[keys.comment(i) for i in ids])
                # Read after WATCH (on another connection, one round trip): any change between
                # this read and EXEC aborts the transaction.
                heads = _read_heads(redis, ids)
                answers, new = _plan(comments, heads)
                if not new:
                    pipe.unwatch()
                    return answers
                pipe.multi()
                _restore_only_revisions(pipe, new, heads)
                job_ids = enqueue(pipe, [(c.id, rev) for c, rev in new])
                # Milliseconds are enough for every time we keep, and shorter to store.
                _write_revisions(pipe, new, job_ids, round(time.time(), 3) if now is None else now)
                pipe.execute()
                return _with_jobs(answers, new, job_ids)
            except WatchError:
                continue
    raise IntakeContention("comments changed concurrently too many times")


def _read_heads(redis: Redis, ids: list[str]) -> dict[str, tuple[int, str, str, str | None, str | None]]:
    """(rev, hash, status, received_at, text_expired_at) of each known comment."""
    reader = redis.pipeline(transaction=False)
    for comment_id in ids:
        reader.hmget(keys.comment(comment_id), Head.REV, Head.HASH, Head.STATUS, Head.RECEIVED_AT, Head.TEXT_EXPIRED_AT)
    heads = {}
    for comment_id, (rev, hash_, status, received, expired) in zip(ids, reader.execute()):
        if rev is not None:
            heads[comment_id] = (int(rev), text(hash_), text(status), text(received), text(expired))
    return heads


def _restore_only_revisions(pipe, new, heads) -> None:
    """Before a comment's only revision stops being its only one, write back its compact record.

    Retention drops an only revision's record once its text expired, because the head holds its
    received time and hash (store/retention.py, store/history.py); the head is about to change.
    """
    for comment, rev in new:
        old = heads.get(comment.id)
        if rev == 2 and old is not None and old[0] == 1 and old[4]:
            pipe.set(keys.revision(comment.id, 1), pack({"rev": 1, "received_at": float(old[3]), "hash": old[1]}))


def _plan(comments, heads):
    """Decide, in request order, which comments are duplicates and which get a new revision."""
    state = dict(heads)
    answers: list[Accepted] = []
    new: list[tuple[IncomingComment, int]] = []
    for comment in comments:
        digest = comment.content_hash()
        rev, hash_, status = state.get(comment.id, (0, None, None))[:3]
        if hash_ == digest:
            answers.append(Accepted(comment.id, rev, status, duplicate=True))
            continue
        state[comment.id] = (rev + 1, digest, "queued")
        new.append((comment, rev + 1))
        answers.append(Accepted(comment.id, rev + 1, "queued", duplicate=False))
    return answers, new


def _with_jobs(answers, new, job_ids):
    by_key = {(c.id, rev): job for (c, rev), job in zip(new, job_ids)}
    return [Accepted(a.id, a.revision, a.status, a.duplicate, None if a.duplicate else by_key[(a.id, a.revision)])
            for a in answers]


def created_timestamp(created_at: str | None, default: float) -> float:
    """Epoch seconds of an ISO 8601 created_at (naive means UTC); `default` when absent."""
    if not created_at:
        return default
    moment = datetime.fromisoformat(created_at)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.timestamp()


def _write_revisions(pipe, new, job_ids, now: float) -> None:
    for (comment, rev), job_id in zip(new, job_ids):
        digest = comment.content_hash()
        # The job id is in mod:pending:jobs until decided; the "received" event is rebuilt from this
        # record when the history is read (store/history.py).
        # The id is the key's last part (Store.revisions adds it back); absent fields are left out.
        record = {**{k: v for k, v in comment.to_json().items() if v is not None and k != "id"}, "rev": rev,
                  "received_at": now, "hash": digest}
        pipe.set(keys.revision(comment.id, rev), pack(record))
        head = {Head.ID: comment.id, Head.REV: rev, Head.HASH: digest, Head.STATUS: "queued", Head.UPDATED_AT: now}
        if comment.article_id:
            head[Head.ARTICLE_ID] = comment.article_id
        if comment.created_at:
            head[Head.CREATED_AT] = comment.created_at
        pipe.hset(keys.comment(comment.id), mapping=head)
        pipe.hsetnx(keys.comment(comment.id), Head.RECEIVED_AT, now)
        member = keys.pending_member(comment.id, rev)
        pipe.zadd(keys.PENDING, {member: now})
        pipe.hset(keys.PENDING_JOBS, member, job_id)
        pipe.zadd(keys.INDEX_RECEIVED, {comment.id: now}, nx=True)
        pipe.zadd(keys.INDEX_CREATED, {comment.id: created_timestamp(comment.created_at, now)}, nx=True)
        if comment.article_id:
            pipe.zadd(keys.article_index(comment.article_id), {comment.id: now}, nx=True)
        if rev > 1:  # an edit after its texts expired: the new text has a retention of its own
            pipe.hdel(keys.comment(comment.id), Head.TEXT_EXPIRED_AT)
            pipe.zadd(keys.RETENTION_TEXT_WAITING, {comment.id: now})
    incr(pipe, "moderation_comments_received_total", n=len(new))


def reassign_jobs(pipe, items: Sequence[tuple[str, int]], job_ids: Sequence[str]) -> None:
    """Point pending revisions at the jobs that should now decide them (the recovery pass re-enqueued them)."""
    for (comment_id, rev), job_id in zip(items, job_ids):
        pipe.hset(keys.PENDING_JOBS, keys.pending_member(comment_id, rev), job_id)
