"""Fault injection with real processes (redis-server, gunicorn, `moderation worker`): every comment
acknowledged with 202 is decided exactly once, whatever dies on the way. Counts are asserted.

Already covered in test_service_e2e.py (not repeated here): kill -9 of every worker while 400
comments are in flight followed by a Redis crash and restart; deliveries to a platform answering
503 retried then recorded `failed`; a worker whose detoxify checkpoint is missing exits 3.
"""

from __future__ import annotations

import json
import signal
import threading
import time
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from rq.registry import StartedJobRegistry
from rq.serializers import JSONSerializer

from moderation.localstack import spawn
from moderation.redis_server import RedisServer, free_port
from moderation.store import keys
from moderation.store.connection import connect
from tests.e2e.conftest import wait_until

pytestmark = pytest.mark.e2e

TEXTS = ["Thanks, a clear and fair article.", "You are a complete idiot, shut up.", "Merci, très bien écrit.",
         "Quel imbécile, ferme-la.", "I disagree with the author on the numbers."]


def comments(ids) -> list[dict]:
    return [{"id": i, "text": f"{TEXTS[n % len(TEXTS)]} ({i})"} for n, i in enumerate(ids)]


def decided_ids(store, ids) -> set[str]:
    """Ids whose revision 1 has a recorded machine decision."""
    return {i for i, d in zip(ids, store.decisions([(i, 1) for i in ids])) if d is not None}


def decisions_counted(redis) -> int:
    """Sum of moderation_decisions_total over its labels (what the workers say they recorded)."""
    fields = redis.hgetall(keys.METRICS)
    return int(sum(float(v) for k, v in fields.items() if k.decode().startswith("moderation_decisions_total{")))


def test_worker_killed_mid_batch_loses_nothing(make_service):
    service = make_service(worker_batch_size=500)  # one job per request: long enough to be caught running
    service.wait_healthy()  # web up, no worker yet
    ids = [f"k{i}" for i in range(1500)]
    for start in range(0, len(ids), 500):
        assert service.client.post_comments(comments(ids[start:start + 500]))[0] == 202
    worker = service.start_worker(wait=False)
    started = StartedJobRegistry("moderate", connection=service.store.redis, serializer=JSONSerializer)
    assert wait_until(lambda: started.count > 0, timeout=60, interval=0.002), service.logs()
    worker.kill()  # SIGKILL while a batch of 500 is being decided
    assert worker.process.returncode == -signal.SIGKILL
    undecided = len(ids) - len(decided_ids(service.store, ids))
    assert undecided >= 500, "the batch finished before the kill; the test proved nothing"

    service.start_worker()
    assert wait_until(lambda: service.store.pending_count() == 0, timeout=60), service.logs()
    assert decided_ids(service.store, ids) == set(ids)
    assert decisions_counted(service.store.redis) == len(ids)  # each decided once, none twice


class Feeder(threading.Thread):
    """A platform posting batches of 5 comments back to back, remembering every answer."""

    def __init__(self, client):
        super().__init__(daemon=True)
        self.client, self.stop, self.answers = client, threading.Event(), []  # (ids, status)

    def run(self):
        n = 0
        while not self.stop.is_set():
            ids = [f"r{n}-{j}" for j in range(5)]
            self.answers.append((ids, self.client.post_comments(comments(ids))[0]))
            n += 1
            time.sleep(0.01)


def test_redis_stopped_while_comments_arrive_never_acknowledges_what_it_did_not_store(make_service):
    service = make_service()
    service.start_worker()
    feeder = Feeder(service.client)
    feeder.start()
    time.sleep(1.0)
    data_dir, port = service.redis.data_dir, service.redis.port
    service.redis.kill()  # crash (kill -9), append-only on
    outage_started = len(feeder.answers)
    time.sleep(1.5)
    with pytest.raises(urllib.error.HTTPError) as health:
        urllib.request.urlopen(f"{service.url}/healthz", timeout=5)
    assert health.value.code == 503  # and so does intake: see outage_answers below
    service.redis = RedisServer(data_dir, port=port).start()
    outage_answers = feeder.answers[outage_started:]
    time.sleep(1.0)
    feeder.stop.set()
    feeder.join(timeout=30)

    statuses = [status for _, status in feeder.answers]
    assert set(statuses) <= {202, 503}, statuses
    assert 503 in [status for _, status in outage_answers], "no request met the outage"
    acknowledged = [i for ids, status in feeder.answers if status == 202 for i in ids]
    store = service.store
    assert all(store.head(i) for i in acknowledged)  # every 202 is in Redis after the crash
    # The platform retries what got 503 (as it must), and the worker decides everything.
    for ids, status in feeder.answers:
        if status == 503:
            assert service.client.post_comments(comments(ids))[0] == 202
            acknowledged += ids
    assert wait_until(lambda: store.pending_count() == 0, timeout=60), service.logs()
    assert decided_ids(store, acknowledged) == set(acknowledged)
    assert decisions_counted(store.redis) == len(set(acknowledged))


class SlowThenFine(BaseHTTPRequestHandler):
    """The platform: the first delivery it receives hangs past our timeout, later ones succeed."""

    arrivals: list[float] = []

    def do_POST(self):  # noqa: N802 - http.server API
        self.rfile.read(int(self.headers["Content-Length"]))
        self.arrivals.append(time.time())
        if len(self.arrivals) == 1:
            time.sleep(2.5)
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


def test_callback_target_down_then_slow_is_retried_with_backoff_until_delivered(make_service):
    port = free_port()  # nothing listens here yet: the platform is down
    service = make_service(callback_url=f"http://127.0.0.1:{port}/moderation", callback_timeout_seconds=1,
                           job_retries=3, retry_backoff_seconds=1)
    service.start_worker()
    assert service.client.post_comments(comments(["cb"]))[0] == 202
    store = service.store
    assert wait_until(lambda: store.head("cb").get("delivery") == "retrying", timeout=20), service.logs()

    SlowThenFine.arrivals = []
    platform = ThreadingHTTPServer(("127.0.0.1", port), SlowThenFine)  # back up, but slow at first
    threading.Thread(target=platform.serve_forever, daemon=True).start()
    try:
        assert wait_until(lambda: store.head("cb").get("delivery") == "delivered", timeout=40), service.logs()
    finally:
        platform.shutdown()
        platform.server_close()
    history = [e for e in store.history("cb") if e["type"].startswith("deliver")]
    assert [e["type"] for e in history] == ["delivery_retrying", "delivery_retrying", "delivered"]
    assert "cannot reach the platform" in history[0]["why"] and "timed out" in history[1]["why"]
    assert int(store.head("cb")["delivery_attempts"]) == 3 and len(SlowThenFine.arrivals) == 2
    # Backoff: 1 s before the 2nd attempt, 4 s before the 3rd (retry_backoff_seconds x 1, 4, 16).
    # RQ stores a retry's due time in whole seconds (truncated), so each wait may be up to 1 s short.
    first_wait = SlowThenFine.arrivals[0] - history[0]["at"]
    second_wait = SlowThenFine.arrivals[1] - history[1]["at"]
    # The scheduler picks a due retry up on its next poll (about a second), more under load: the
    # first wait was seen at 1.8 s on a busy CI machine, so "twice the first" is not a fair bar.
    # A constant or linear backoff would still fail here (1 s or 2 s before the 3rd attempt).
    assert first_wait >= 0.5 and second_wait >= 4.0 - 1.0 and second_wait > first_wait


def test_corrupt_model_at_worker_start_keeps_comments_queued_for_a_good_worker(make_service, tmp_path):
    from moderation.scoring.linear import DEFAULT_MODEL as shipped

    broken = tmp_path / "broken-model"
    broken.mkdir()
    (broken / shipped.name).write_bytes(shipped.read_bytes())
    description = json.loads(shipped.read_text())
    weights = description.get("weights_file") or f"{shipped.stem}.npz"
    (broken / weights).write_bytes(b"PK\x03\x04 this is not a model" * 100)
    service = make_service(linear_model_path=broken / shipped.name)
    service.wait_healthy()

    bad = service.start_worker(wait=False)
    assert bad.process.wait(timeout=60) == 3
    log = (service.tmp / "logs" / "worker-0.log").read_text()
    assert "cannot build the engine" in log and "cannot read weights" in log and str(broken) in log
    ids = [f"m{i}" for i in range(20)]
    assert service.client.post_comments(comments(ids))[0] == 202
    assert service.store.pending_count() == len(ids) and not decided_ids(service.store, ids)

    good = spawn("worker-good", ["worker"], {**service.env, "MODERATION_LINEAR_MODEL_PATH": ""}, service.tmp / "logs")
    service.workers.append(good)
    service.wait_healthy()
    assert wait_until(lambda: service.store.pending_count() == 0, timeout=30), service.logs()
    assert decided_ids(service.store, ids) == set(ids)
    assert decisions_counted(connect(service.redis.url)) == len(ids)
