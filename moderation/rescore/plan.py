"""What a run is and which comments it covers, in batches, checkpointed, one --apply at a time.

RunSpec: candidate policy, model, filters, mode, as plain JSON so queue jobs can carry it. The run
id is a digest of what the decisions depend on (policy content, model, lexicon, targeting rules,
engine revision) and of the selection (filters): the same command run again finds the same id,
hence its checkpoint. A spec stored before the targeting rules or the engine had a version
(LATER_VERSIONS) keeps the id it had.

select_ids walks the store's indexes (see store/keys.py). The narrowest index drives the scan (an
article's, else the time index the window is on; a language is checked on each head); every
candidate is then checked against the other filters on its head hash, so filters combine. The
result is a list fixed at the start of a run: comments arriving while it runs are not picked up
halfway, and checkpoints can name positions in it.

A plan is that list cut into batches, and which batches are done. A dry run keeps its plan in
memory (it writes nothing anywhere). An --apply run keeps it in Redis: the ids are fixed when the
run first starts, and each finished batch's result is stored under its index. Interrupted and
started again with the same policy, model and filters (hence the same run id), a run picks up its
stored plan and skips the batches already done; the batch being processed when it stopped is done
again, harmlessly, because applying is idempotent per comment.

apply_lock: one `rescore --apply` at a time. Two applies with different policies at once would
each write their decisions over the other's (last writer wins, and the platform hears both).
redis-py's Lock (a SET NX PX with a random token, released and extended only by its owner) is held
by the applying command; a thread extends it every few seconds, so a command killed with `kill -9`
stops holding it within LOCK_TTL_SECONDS (at once for a command on the same host, whose pid is
checked). The token carries who holds it (run id, host, pid, start), so the refusal can say so.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import socket
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Callable, Iterator

from redis import Redis

from moderation.rescore.options import Filters
from moderation.rescore.report import Tally
from moderation.store import keys
from moderation.store.models import dumps, text

# Versions a run records only since they were added ("targets": config/targets, TargetRules.version;
# "engine": engine.ENGINE_REVISION, 2026-12-04; "second_opinion": the second opinion's model id, or
# "none", 2026-12-06; "group_stance": the group-stance reading's model id, or "none", 2026-12-07).
# A spec planned before (a batch job still queued, a stored plan) lacks them; run_id and
# check_versions read it as the code that planned it did.
LATER_VERSIONS = ("targets", "engine", "second_opinion", "group_stance")


@dataclass(frozen=True)
class RunSpec:
    """A rescoring run, as the CLI and the `rescore` jobs both see it."""

    policy_text: str  # the candidate policy file's content
    model: str | None  # --model: linear | detoxify | a linear model path; None: configured scorer
    versions: dict[str, str]  # policy, policy_digest, model, lexicon, targets, engine: what the engine must report
    filters: Filters
    apply: bool = False
    deliver: bool = True  # send applied changes to the platform (when a callback URL is set)

    @property
    def run_id(self) -> str:
        """Same policy content, model, lexicon, targeting rules, engine revision and filters: same id."""
        basis = [self.versions["policy_digest"], self.versions["model"], self.versions["lexicon"],
                 self.filters.to_json()]
        later = {name: self.versions[name] for name in LATER_VERSIONS if name in self.versions}
        if later:
            # Only when recorded: an older spec's basis, hence its id, stays what it was, and so does
            # the checkpoint (mod:rescore:run:<id>) its queued jobs write to.
            basis.append(later)
        return hashlib.sha256(json.dumps(basis, sort_keys=True).encode("utf-8")).hexdigest()[:16]

    def delivery(self, services):
        """What sends applied changes to the platform: only an --apply run that delivers, with a callback URL."""
        if self.apply and self.deliver and services.settings.callback_url:
            return services.enqueue_delivery
        return None

    def to_json(self) -> dict[str, Any]:
        return {"run_id": self.run_id, "policy_text": self.policy_text, "model": self.model,
                "versions": dict(self.versions), "filters": self.filters.to_json(), "apply": self.apply,
                "deliver": self.deliver}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "RunSpec":
        return cls(policy_text=data["policy_text"], model=data.get("model"), versions=dict(data["versions"]),
                   filters=Filters.from_json(data["filters"]), apply=bool(data.get("apply")),
                   deliver=bool(data.get("deliver", True)))


def engine_versions(engine) -> dict[str, str]:
    """The versions a run records and checks: engine.versions plus the policy file's digest."""
    return {**engine.versions, "policy_digest": engine.policy.digest}


class VersionMismatch(RuntimeError):
    """A worker's engine is not the one the run was planned with (other model, lexicon or targeting rules)."""


def check_versions(spec: RunSpec, engine) -> None:
    """Refuse to decide with an engine whose versions differ from the run's."""
    found = engine_versions(engine)
    # A spec planned before a LATER_VERSIONS entry existed (a batch queued across the upgrade) is
    # checked on what it recorded. It cannot say which targeting rules it was planned with, and no
    # engine reports an absent version: refusing would fail each such batch and leave its run unable
    # to finish. Accepting gives it the check it had when it was planned (the rules were not part of it).
    compared = {name: value for name, value in found.items()
                if name in spec.versions or name not in LATER_VERSIONS}
    if compared != spec.versions:
        raise VersionMismatch(f"run {spec.run_id} was planned with {spec.versions}, this worker has {found}")


SCAN_PAGE = 2000


def _driving_index(filters: Filters) -> tuple[str, bool]:
    """The index to walk and whether its scores are the filter's time (so the window applies)."""
    if filters.article:
        return keys.article_index(filters.article), filters.time_field == "received"
    if filters.time_field == "created":
        return keys.INDEX_CREATED, True
    return keys.INDEX_RECEIVED, True


def _time_index(filters: Filters) -> str:
    return keys.INDEX_CREATED if filters.time_field == "created" else keys.INDEX_RECEIVED


def _pages(redis: Redis, index: str, low: float, high: float) -> Iterator[list[str]]:
    offset = 0
    while True:
        batch = redis.zrangebyscore(index, low, f"({high}" if math.isfinite(high) else "+inf",
                                    start=offset, num=SCAN_PAGE)
        if batch:
            yield [text(member) for member in batch]
        if len(batch) < SCAN_PAGE:
            return
        offset += SCAN_PAGE


def _keep(filters: Filters, head: list, moment) -> bool:
    rev, language, article = (text(v) for v in head)
    if rev is None:
        return False
    if filters.language and language != filters.language:
        return False
    if filters.article and article != filters.article:
        return False
    return filters.in_window(None if moment is None else float(moment))


def select_ids(redis: Redis, filters: Filters) -> list[str]:
    """Ids of the stored comments matching every filter, in index order, each once."""
    index, window_on_index = _driving_index(filters)
    low, high = filters.window if window_on_index else (-math.inf, math.inf)
    selected: list[str] = []
    seen: set[str] = set()
    for page in _pages(redis, index, low, high):
        pipe = redis.pipeline(transaction=False)
        for comment_id in page:
            pipe.hmget(keys.comment(comment_id), "rev", "language", "article_id")
        pipe.zmscore(_time_index(filters), page)
        *heads, moments = pipe.execute()
        for comment_id, head, moment in zip(page, heads, moments):
            if comment_id not in seen and _keep(filters, head, moment):
                seen.add(comment_id)
                selected.append(comment_id)
    return selected


SNAPSHOT_CHUNK = 5000


class MemoryPlan:
    """A dry run's plan: ids in memory, nothing persisted."""

    resumed = False
    status = "running"

    def __init__(self, ids: list[str], batch_size: int):
        self.ids, self.batch_size = ids, batch_size
        self._done: dict[int, Tally] = {}

    @property
    def total(self) -> int:
        return len(self.ids)

    @property
    def batches(self) -> int:
        return -(-self.total // self.batch_size)

    def batch_ids(self, index: int) -> list[str]:
        """The ids of batch `index`."""
        return self.ids[index * self.batch_size:(index + 1) * self.batch_size]

    def done(self) -> dict[int, Tally]:
        """Finished batches and their results."""
        return dict(self._done)

    def record(self, index: int, tally: Tally) -> None:
        """Mark batch `index` finished with its result."""
        self._done[index] = tally

    def finish(self, summary: dict[str, Any]) -> None:
        """Nothing to persist for a dry run."""


class RedisPlan(MemoryPlan):
    """An --apply run's plan, stored in Redis so a restarted run resumes it."""

    def __init__(self, redis: Redis, run_id: str, spec: dict[str, Any], select: Callable[[], list[str]],
                 batch_size: int, restart: bool = False):
        self.redis, self.run_id = redis, run_id
        if restart:
            self.forget()
        meta = {text(k): text(v) for k, v in redis.hgetall(keys.rescore_run(run_id)).items()}
        self.resumed = bool(meta)
        if not meta:
            meta = self._create(spec, select(), batch_size)
        self.status = meta["status"]
        self._total, self.batch_size = int(meta["total"]), int(meta["batch_size"])

    def _create(self, spec: dict[str, Any], ids: list[str], batch_size: int) -> dict[str, str]:
        meta = {"spec": dumps(spec), "total": str(len(ids)), "batch_size": str(batch_size),
                "status": "running", "started_at": str(time.time())}
        pipe = self.redis.pipeline(transaction=True)
        pipe.delete(keys.rescore_run_ids(self.run_id), keys.rescore_run_done(self.run_id))
        for start in range(0, len(ids), SNAPSHOT_CHUNK):
            pipe.rpush(keys.rescore_run_ids(self.run_id), *ids[start:start + SNAPSHOT_CHUNK])
        pipe.hset(keys.rescore_run(self.run_id), mapping=meta)  # last: a half-written plan has no meta
        pipe.execute()
        return meta

    @property
    def total(self) -> int:
        return self._total

    def batch_ids(self, index: int) -> list[str]:
        start = index * self.batch_size
        ids = self.redis.lrange(keys.rescore_run_ids(self.run_id), start, start + self.batch_size - 1)
        return [text(i) for i in ids]

    def done(self) -> dict[int, Tally]:
        stored = self.redis.hgetall(keys.rescore_run_done(self.run_id))
        return {int(k): Tally.from_json(json.loads(v)) for k, v in stored.items()}

    def record(self, index: int, tally: Tally) -> None:
        record_batch(self.redis, self.run_id, index, tally)

    def finish(self, summary: dict[str, Any]) -> None:
        """Mark the run complete, keeping its summary."""
        self.redis.hset(keys.rescore_run(self.run_id), mapping={
            "status": "complete", "finished_at": str(time.time()), "summary": dumps(summary)})
        self.status = "complete"

    def forget(self) -> None:
        """Delete the stored plan (--restart) so that a new scan starts."""
        self.redis.delete(keys.rescore_run(self.run_id), keys.rescore_run_ids(self.run_id),
                          keys.rescore_run_done(self.run_id))


def record_batch(redis: Redis, run_id: str, index: int, tally: Tally) -> None:
    """Store one finished batch's result in an --apply run's checkpoint (workers call this too)."""
    redis.hset(keys.rescore_run_done(run_id), str(index), dumps(tally.to_json()))


LOCK_KEY = keys.RESCORE_APPLY_LOCK
LOCK_TTL_SECONDS = 30
LOCK_EXTEND_EVERY = 5.0


class ApplyRunning(RuntimeError):
    """Another --apply run holds the lock."""


def lock_holder(redis: Redis) -> dict | None:
    """Who holds the lock, or None."""
    raw = text(redis.get(LOCK_KEY))
    if raw is None:
        return None
    try:
        return json.loads(raw)
    except ValueError:
        return {"run_id": "?"}


# KEYS: lock. ARGV: the value seen. Deletes the lock only if it still holds that value.
_DELETE_IF = """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
"""


def _clear_if_dead(redis: Redis) -> bool:
    """Drop the lock of a run on this host whose process is gone (killed with -9); True if dropped."""
    raw = redis.get(LOCK_KEY)
    other = lock_holder(redis) if raw is not None else None
    if not other or other.get("host") != socket.gethostname() or not isinstance(other.get("pid"), int):
        return False
    try:
        os.kill(other["pid"], 0)
        return False  # alive: a real concurrent run
    except ProcessLookupError:
        return bool(redis.eval(_DELETE_IF, 1, LOCK_KEY, raw))
    except PermissionError:
        return False


@contextmanager
def apply_lock(redis: Redis, run_id: str) -> Iterator[None]:
    """Hold the apply lock for the block; raise ApplyRunning if another run holds it."""
    token = json.dumps({"run_id": run_id, "host": socket.gethostname(), "pid": os.getpid(),
                        "started_at": round(time.time(), 3), "nonce": os.urandom(8).hex()})
    lock = redis.lock(LOCK_KEY, timeout=LOCK_TTL_SECONDS, blocking=False, thread_local=False)
    if not lock.acquire(token=token) and not (_clear_if_dead(redis) and lock.acquire(token=token)):
        other = lock_holder(redis) or {}
        started = other.get("started_at")
        since = time.strftime("%Y-%m-%d %H:%M:%SZ", time.gmtime(started)) if isinstance(started, (int, float)) else "?"
        raise ApplyRunning(
            f"another rescore --apply is running (run {other.get('run_id', '?')}, pid {other.get('pid', '?')} on "
            f"{other.get('host', '?')}, since {since}); wait until it ends (one apply at a time, so two policies "
            f"cannot overwrite each other). If that command died, its lock lapses within {LOCK_TTL_SECONDS}s.")
    stop = threading.Event()

    def keep() -> None:
        while not stop.wait(LOCK_EXTEND_EVERY):
            try:
                lock.extend(LOCK_TTL_SECONDS, replace_ttl=True)
            except Exception:  # noqa: BLE001 - Redis away or lock lost: the run notices on its own writes
                return

    thread = threading.Thread(target=keep, daemon=True, name="rescore-apply-lock")
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join(timeout=2)
        try:
            lock.release()
        except Exception:  # noqa: BLE001 - already lapsed or Redis away: nothing left to release
            pass
