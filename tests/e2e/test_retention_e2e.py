"""Retention with the real service: a worker sweeps, and with short settings the decided comments'
texts, then their records, leave Redis (memory freed); held comments stay."""

from __future__ import annotations

import pytest

from moderation.store import keys
from tests.e2e.conftest import wait_until
from tests.e2e.test_service_e2e import comments

pytestmark = pytest.mark.e2e


def test_short_retention_frees_memory_in_the_running_service(make_service):
    # text after ~1 s, record after ~3 s; a sweep at each housekeeping beat
    service = make_service(text_retention_days=1 / 86400, record_retention_days=3 / 86400,
                           retention_sweep_seconds=1)
    service.start_worker()
    redis = service.store.redis
    batch = comments(200, prefix="r")
    for start in range(0, len(batch), 50):
        assert service.client.post_comments(batch[start:start + 50])[0] == 202
    decided = service.client.wait_decided([c["id"] for c in batch], timeout=60)
    assert len(decided) == len(batch)
    held = {cid for cid, answer in decided.items() if answer["outcome"] == "hold"}
    assert held and len(held) < len(batch)
    used = redis.info("memory")["used_memory"]

    def only_held_left() -> bool:
        return {k.decode().rsplit(":", 1)[1] for k in redis.scan_iter("mod:comment:*")} == held
    assert wait_until(only_held_left, timeout=30, interval=0.5), service.logs()
    assert {k.decode().rsplit(":", 1)[1] for k in redis.scan_iter("mod:rev:*")} == held
    assert redis.zcard(keys.INDEX_RECEIVED) == len(held)
    assert redis.info("memory")["used_memory"] < used - 150 * 500
    assert "event=retention.swept" in (service.tmp / "logs" / "worker-0.log").read_text()
