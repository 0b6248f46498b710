"""End to end: real redis-server, real gunicorn, real `moderation worker` processes, signed HTTP."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from moderation.signing import verify_signature
from tests.conftest import WEBHOOK_SECRET
from tests.e2e.conftest import wait_until

pytestmark = pytest.mark.e2e

TEXTS = ["Thanks for this clear and balanced article.", "You are a complete idiot, shut up.",
         "Merci pour cet article, très bien écrit.", "Quel imbécile, ferme-la.", "I disagree with the author."]


def comments(n: int, prefix: str = "c") -> list[dict]:
    return [{"id": f"{prefix}{i}", "text": f"{TEXTS[i % len(TEXTS)]} ({i})", "author": f"reader{i % 7}",
             "article": {"id": f"art{i % 3}"}} for i in range(n)]


def test_signed_comment_is_decided_with_evidence(make_service):
    service = make_service()
    service.start_worker()
    status, answer = service.client.post_comments(comments(1))
    assert status == 202 and answer["accepted"] == 1
    decided = service.client.wait_decided(["c0"], timeout=10)
    decision = decided["c0"]["decision"]
    assert decision["decision"] in ("keep", "hold", "remove")
    assert {"language", "scores", "slurs", "reasons", "policy_version", "model"} <= set(decision)
    assert [event["type"] for event in decided["c0"]["history"]] == ["received", "decided"]
    for extra in comments(4, prefix="more")[1:]:  # three more jobs, same worker process
        assert service.client.post_comments([extra])[0] == 202
    assert len(service.client.wait_decided(["more1", "more2", "more3"], timeout=10)) == 3
    log = (service.tmp / "logs" / "worker-0.log").read_text()
    assert log.count("event=engine.loaded") == 1  # the model is loaded once per process, not per job


def test_kill9_every_worker_then_restart_redis_loses_nothing(make_service):
    # Small jobs so that many are queued or running when the workers die.
    service = make_service(worker_batch_size=5)
    service.start_worker()
    service.start_worker()
    batch = comments(400)
    for start in range(0, 200, 50):
        assert service.client.post_comments(batch[start:start + 50])[0] == 202
    wait_until(lambda: service.store.pending_count() < 200, timeout=10, interval=0.005)
    service.kill_workers()  # mid-flight: some decided, some running, some queued
    for start in range(200, 400, 50):
        assert service.client.post_comments(batch[start:start + 50])[0] == 202
    in_flight = service.store.pending_count()
    assert in_flight > 0, "the workers finished everything before being killed; the test proved nothing"
    service.restart_redis(crash=True)
    service.start_worker()
    store = service.store
    assert wait_until(lambda: store.pending_count() == 0, timeout=60), service.logs()
    decisions = store.decisions([(c["id"], 1) for c in batch])
    assert sum(d is not None for d in decisions) == 400
    assert sum(store.head(c["id"])["status"] == "decided" for c in batch) == 400


class Platform(BaseHTTPRequestHandler):
    """The platform's callback endpoint: records signed deliveries, answers `status`."""

    received: list = []
    status = 200

    def do_POST(self):  # noqa: N802 - http.server API
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self.received.append((dict(self.headers), body))
        self.send_response(self.status)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def platform():
    Platform.received, Platform.status = [], 200
    server = ThreadingHTTPServer(("127.0.0.1", 0), Platform)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def test_decisions_are_delivered_signed_to_the_platform(make_service, platform):
    service = make_service(callback_url=f"http://127.0.0.1:{platform.server_address[1]}/moderation")
    service.start_worker()
    service.client.post_comments(comments(3))
    assert wait_until(lambda: len(Platform.received) == 3, timeout=15), service.logs()
    for headers, body in Platform.received:
        verify_signature(WEBHOOK_SECRET, headers["X-Moderation-Timestamp"], headers["X-Moderation-Signature"], body)
        payload = json.loads(body)
        assert payload["type"] == "decision" and payload["decision"]["id"] == payload["id"]
    head = service.store.head("c0")
    assert wait_until(lambda: service.store.head("c0").get("delivery") == "delivered", timeout=5), head


def test_failed_deliveries_are_retried_then_recorded(make_service, platform):
    Platform.status = 503
    service = make_service(callback_url=f"http://127.0.0.1:{platform.server_address[1]}/moderation",
                           job_retries=1, retry_backoff_seconds=1)
    service.start_worker()
    service.client.post_comments(comments(1))
    assert wait_until(lambda: service.store.head("c0").get("delivery") == "failed", timeout=20), service.logs()
    assert len(Platform.received) == 2  # first attempt + one retry
    types = [e["type"] for e in service.store.history("c0")]
    assert types.count("delivery_retrying") == 2 and types[-1] == "delivery_failed"


def test_worker_without_its_model_refuses_to_start_and_comments_stay_queued(make_service, tmp_path):
    service = make_service(scorer="detoxify", detoxify_checkpoint=tmp_path / "missing.ckpt")
    worker = service.start_worker(wait=False)
    assert worker.process.wait(timeout=30) == 3
    assert service.client.post_comments(comments(2))[0] == 202
    assert service.store.pending_count() == 2
    assert "cannot build the engine" in (service.tmp / "logs" / "worker-0.log").read_text()
