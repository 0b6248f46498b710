"""The Redis key schema: every key this project writes, in one place.

Redis is the system of record. All keys start with `mod:`; a platform comment id (any string the
platform chose) is always the LAST part of a key, so no id can make two keys collide
(`mod:rev:2:a` can only be revision 2 of comment "a": the revision part is digits).

    mod:schema_version            STRING  "1" — bump when a key's shape changes; see check_schema()
    mod:comment:<id>              HASH    the comment's head (fields: HEAD_FIELDS below)
    mod:rev:<n>:<id>              STRING  revision n (store.codec): text, author?, article?, created_at?,
                                          language?, rev, received_at, hash (absent fields left out;
                                          the id is the key's; Store.revisions adds it back)
    mod:decision:<n>:<id>         STRING  the machine decision for revision n (store.codec; Decision.to_json()
                                          + revision, decided_at, job_id, source); written once
    mod:history:<id>              LIST    the comment's stored audit events (store.codec), JSON
                                          {at, type, actor, revision, what, why, ...}; the routine
                                          received/decided/delivered events are rebuilt from the
                                          records when read (store/history.py), so a comment nobody
                                          touched has no list
    mod:audit                     STREAM  non-routine audit events (moderator actions, rescores,
                                          delivery retries and failures; fields: comment_id, event)
    mod:pending                   ZSET    "<n>:<id>" revisions awaiting a decision, score = received
                                          (epoch s); added at intake, removed when decided
    mod:pending:jobs              HASH    "<n>:<id>" -> id of the RQ job that should decide it
    mod:index:received            ZSET    comment ids by first-received time (epoch s)
    mod:index:created             ZSET    comment ids by the platform's created_at (else received)
    mod:index:article:<article>   ZSET    comment ids of one article, by received time
    mod:index:language:<lang>     ZSET    retired: stores written before 2026-12 have it; nothing
                                          writes it now (language filters read the head's
                                          `language`), retention removes its entries
    mod:review                    ZSET    held comment ids, score = priority (lowest first, see
                                          store.review_priority)
    mod:outbox                    ZSET    "<n>:<id>" decisions the platform has yet to get (callback URL
                                          set), score = when last handed to a delivery job; see
                                          store.delivery (opened with the decision, closed when settled)
    mod:outbox:jobs               HASH    "<n>:<id>" -> id of the delivery job that should send it
    mod:workers                   ZSET    live moderation worker names, score = last heartbeat
    mod:worker:<name>             HASH    host, pid, queues, started_at of a moderation worker
    mod:session:<sha256(sid)>     HASH    a review-page session: moderator, fp, created, last (expires
                                          when idle; store/sessions.py)
    mod:sessions:<moderator>      SET     that moderator's session keys (sign out everywhere)
    mod:metrics                   HASH    Prometheus series text -> counter value (HINCRBY), shared
                                          by every web and worker process
    mod:retention:<stage>:cursor  STRING  "<received score> <id>": the last comment the retention
                                          sweep's stage (text | record) looked at (store/retention.py)
    mod:retention:<stage>:waiting ZSET    ids not yet eligible, score = epoch s to look again
    mod:retention:lock            STRING  short lock: one worker sweeps at a time
RQ keeps its own keys under `rq:` (queues moderate, rescore, callbacks).
"""

from __future__ import annotations

PREFIX = "mod:"
SCHEMA_VERSION = "1"

SCHEMA_VERSION_KEY = "mod:schema_version"
AUDIT_STREAM = "mod:audit"
PENDING = "mod:pending"
PENDING_JOBS = "mod:pending:jobs"
OUTBOX = "mod:outbox"
OUTBOX_JOBS = "mod:outbox:jobs"
INDEX_RECEIVED = "mod:index:received"
INDEX_CREATED = "mod:index:created"
REVIEW_QUEUE = "mod:review"
WORKERS = "mod:workers"
METRICS = "mod:metrics"
RETENTION_TEXT_WAITING = "mod:retention:text:waiting"

# Fields of the head hash mod:comment:<id>. Other areas may add fields (prefix them with their
# area, e.g. review_claimed_by); never change the meaning of these.
HEAD_FIELDS = (
    "id",              # the platform's id
    "rev",             # latest revision number (1-based)
    "hash",            # content hash of the latest revision (idempotency)
    "status",          # queued | decided (of the latest revision)
    "decision",        # keep | hold | remove: the current machine (or moderator) outcome
    "decided_rev",     # revision the current decision is for
    "language",        # detected language of the decided revision
    "article_id",      # the platform's article id, if any
    "received_at",     # first receipt, epoch seconds
    "updated_at",      # last change, epoch seconds
    "created_at",      # the platform's created_at (ISO 8601), if given
    "final",           # revision number a moderator decided; the machine never overrides that revision
    "delivery",        # callback delivery: pending | retrying | delivered | failed (absent: not configured)
    "delivery_attempts",
    "delivery_rev",    # revision the delivery state is for
    "delivery_seq",    # bumped each time a delivery is opened (store.delivery): settles only the latest
    "delivered",       # "<at> <rev> <attempts>" of the latest successful delivery (store/history.py)
    "text_expired_at", # epoch s the retention sweep deleted the texts and evidence (absent: kept)
)


def comment(comment_id: str) -> str:
    """Key of a comment's head hash."""
    return f"mod:comment:{comment_id}"


def revision(comment_id: str, rev: int) -> str:
    """Key of one revision's JSON."""
    return f"mod:rev:{int(rev)}:{comment_id}"


def decision(comment_id: str, rev: int) -> str:
    """Key of the machine decision for one revision."""
    return f"mod:decision:{int(rev)}:{comment_id}"


def history(comment_id: str) -> str:
    """Key of a comment's audit-trail list."""
    return f"mod:history:{comment_id}"


def article_index(article_id: str) -> str:
    """Key of one article's comment index."""
    return f"mod:index:article:{article_id}"


def language_index(language: str) -> str:
    """Key of one language's comment index."""
    return f"mod:index:language:{language}"


def worker(name: str) -> str:
    """Key of a moderation worker's description hash."""
    return f"mod:worker:{name}"


def pending_member(comment_id: str, rev: int) -> str:
    """Member of mod:pending for one revision: "<rev>:<id>"."""
    return f"{int(rev)}:{comment_id}"


def parse_pending_member(member: str | bytes) -> tuple[str, int]:
    """Split a mod:pending member back into (comment id, revision)."""
    text = member.decode("utf-8") if isinstance(member, bytes) else member
    rev, _, comment_id = text.partition(":")
    return comment_id, int(rev)
