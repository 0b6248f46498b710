"""A run's plan: its fixed list of comment ids cut into batches, and which batches are done.

A dry run keeps its plan in memory (it writes nothing anywhere). An --apply run keeps it in
Redis (see store/keys.py): the ids are fixed when the run first starts, and each finished
batch's result is stored under its index. Interrupted and started again with the same policy,
model and filters (hence the same run id), a run picks up its stored plan and skips the batches
already done; the batch being processed when it stopped is done again, harmlessly, because
applying is idempotent per comment.
"""

from __future__ import annotations

import json
import time
from typing import Any, Callable

from redis import Redis

from moderation.rescore.tally import Tally
from moderation.store import keys
from moderation.store.models import dumps, text

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
