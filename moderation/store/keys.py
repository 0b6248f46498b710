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
                                          store.lifecycle.deliver (opened with the decision, closed when settled)
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
    mod:rescored:<n>:<id>         STRING  the latest APPLIED rescore decision of revision n (the
                                          Decision JSON + revision, decided_at, source "rescore",
                                          rescore_run, previous); replaced by a later applied run.
                                          Every applied one is also in the comment's history. The
                                          machine decision mod:decision:<n>:<id> is never touched.
    mod:rescore:run:<run>         HASH    an --apply run: spec (JSON), total, batch_size, status
                                          (running | complete), started_at, finished_at
    mod:rescore:run:<run>:ids     LIST    the run's comment ids, fixed when it started
    mod:rescore:run:<run>:done    HASH    batch index -> that batch's result JSON (the checkpoint)
    mod:rescore:apply-lock        STRING  held by the one running --apply: JSON {run_id, host, pid,
                                          started_at, nonce}, PX 30 s, extended while it runs
    mod:review:claim:<id>         STRING  a moderator's claim, JSON {"by", "until"}, PX expiry
    mod:review:waits              LIST    recent hold->decision waits (seconds), newest first, capped
    mod:recovery:lock             STRING  short lock: one worker runs the recovery pass at a time
    mod:ratelimit:<client>:<min>  STRING  intake requests of a client in one minute (INCR, expires)
    mod:ratelimit:replay:<hex>    STRING  a signature already used (SET NX, expires with its timestamp)
    mod:authfail:<subject>        HASH    failed sign-ins: count, until (web/auth_throttle.py)
A dry rescoring run writes none of these keys. Who writes what: a comment's own keys (head,
revisions, decisions, rescored, history, claim, pending, review, outbox) only through
store/lifecycle/ (and retention, which deletes them); see docs/service.md.
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
AGREEMENT_DAILY = "mod:agreement:daily"  # HASH "<day start>:<verdict>" -> count (store/agreement.py)
RETENTION_TEXT_WAITING = "mod:retention:text:waiting"  # = retention_waiting("text")
RETENTION_LOCK = "mod:retention:lock"
RECOVERY_LOCK = "mod:recovery:lock"
RESCORE_APPLY_LOCK = "mod:rescore:apply-lock"
RESCORE_RUN_PREFIX = "mod:rescore:run:"
REVIEW_CLAIM_PREFIX = "mod:review:claim:"
REVIEW_WAITS = "mod:review:waits"
RATELIMIT_PREFIX = "mod:ratelimit:"
REPLAY_PREFIX = "mod:ratelimit:replay:"  # rate-limit bookkeeping, like the counters
AUTHFAIL_PREFIX = "mod:authfail:"
SESSION_PREFIX = "mod:session:"
SESSIONS_BY_MODERATOR_PREFIX = "mod:sessions:"

# Prefixes of the keys that make up one comment's state; only store/ writes them (a test greps).
COMMENT_KEY_PREFIXES = ("mod:comment:", "mod:rev:", "mod:decision:", "mod:rescored:", "mod:history:",
                        REVIEW_CLAIM_PREFIX)

class Head:
    """Field names of the head hash mod:comment:<id>: every reader and writer (and every Lua script,
    through lua_table()) spells them from here. Never change the meaning of a field; new ones go here."""

    ID = "id"                        # the platform's id
    REV = "rev"                      # latest revision number (1-based)
    HASH = "hash"                    # content hash of the latest revision (idempotency)
    STATUS = "status"                # queued | decided (of the latest revision)
    DECISION = "decision"            # keep | hold | remove: the outcome in force (machine, rescore or moderator)
    DECIDED_REV = "decided_rev"      # revision the current decision is for
    LANGUAGE = "language"            # detected language of the decided revision
    ARTICLE_ID = "article_id"        # the platform's article id, if any
    RECEIVED_AT = "received_at"      # first receipt, epoch seconds
    UPDATED_AT = "updated_at"        # last change, epoch seconds
    CREATED_AT = "created_at"        # the platform's created_at (ISO 8601), if given
    FINAL = "final"                  # revision number a moderator decided; the machine never overrides it
    REVIEW_BY = "review_by"          # the moderator who decided `final`
    REVIEW_AT = "review_at"          # when (epoch s)
    REVIEW_REASON = "review_reason"  # why ("" none)
    RESCORE_RUN = "rescore_run"      # run id of the applied rescore the current decision comes from
    RESCORE_REV = "rescore_rev"      # the revision it applied to
    RESCORE_PREVIOUS = "rescore_previous"  # the outcome it replaced
    DELIVERY = "delivery"            # callback delivery: pending | retrying | delivered | failed (absent: none)
    DELIVERY_ATTEMPTS = "delivery_attempts"
    DELIVERY_REV = "delivery_rev"    # revision the delivery state is for
    DELIVERY_SEQ = "delivery_seq"    # bumped each time a delivery is opened: settles only the latest
    DELIVERED = "delivered"          # "<at> <rev> <attempts>" of the latest successful delivery (store/history.py)
    TEXT_EXPIRED_AT = "text_expired_at"  # epoch s the retention sweep deleted the texts (absent: kept)
    REINSTATED = "reinstated"        # revisions the platform reported reinstating after a removal, space-separated


HEAD_FIELDS = tuple(value for name, value in vars(Head).items() if name.isupper())

# Key prefixes Lua scripts build keys from (those that cannot take every key through KEYS).
LUA_PREFIXES = {"comment": "mod:comment:", "rev": "mod:rev:", "decision": "mod:decision:",
                "rescored": "mod:rescored:", "history": "mod:history:", "article": "mod:index:article:",
                "language": "mod:index:language:"}


def lua_table() -> str:
    """Lua prelude defining F (head field names) and K (key prefixes and fixed keys) from this module.

    Prepended to every script that touches a comment, so Lua spells no field or key of its own.
    """
    fields = ", ".join(f"{name.lower()} = '{value}'" for name, value in vars(Head).items() if name.isupper())
    prefixes = ", ".join(f"{name} = '{value}'" for name, value in LUA_PREFIXES.items())
    fixed = ", ".join(f"{name.lower()} = '{value}'" for name, value in
                      (("OUTBOX", OUTBOX), ("OUTBOX_JOBS", OUTBOX_JOBS), ("INDEX_RECEIVED", INDEX_RECEIVED),
                       ("INDEX_CREATED", INDEX_CREATED)))
    return f"local F = {{{fields}}}\nlocal K = {{{prefixes}, {fixed}}}\n"


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


def rescored(comment_id: str, rev: int) -> str:
    """Key of the latest applied rescore decision of one revision."""
    return f"mod:rescored:{int(rev)}:{comment_id}"


def claim(comment_id: str) -> str:
    """Key of a moderator's claim on a comment (the id stays the last part)."""
    return f"{REVIEW_CLAIM_PREFIX}{comment_id}"


def rescore_run(run_id: str) -> str:
    """Key of an --apply run's description hash."""
    return f"{RESCORE_RUN_PREFIX}{run_id}"


def rescore_run_ids(run_id: str) -> str:
    """Key of an --apply run's fixed list of comment ids."""
    return f"{RESCORE_RUN_PREFIX}{run_id}:ids"


def rescore_run_done(run_id: str) -> str:
    """Key of an --apply run's checkpoint: finished batches and their results."""
    return f"{RESCORE_RUN_PREFIX}{run_id}:done"


def ratelimit_window(client: str, minute: int) -> str:
    """Key of a client's intake counter for one minute."""
    return f"{RATELIMIT_PREFIX}{client}:{minute}"


def retention_cursor(stage: str) -> str:
    """Key of a retention stage's cursor (text | record)."""
    return f"mod:retention:{stage}:cursor"


def retention_waiting(stage: str) -> str:
    """Key of a retention stage's waiting set (text | record)."""
    return f"mod:retention:{stage}:waiting"


def article_index(article_id: str) -> str:
    """Key of one article's comment index."""
    return f"mod:index:article:{article_id}"


def language_index(language: str) -> str:
    """Key of one language's comment index (retired: only retention removes from it)."""
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
