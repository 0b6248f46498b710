"""Delivery of decisions to the platform survives a dead worker (store.lifecycle.deliver, workers.recovery):
real Redis, a real RQ SimpleWorker in burst mode and a real HTTP endpoint standing in for the platform.
The end-to-end version with `kill -9` is tests/e2e/test_delivery_e2e.py."""

from __future__ import annotations

import dataclasses
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from rq import SimpleWorker
from rq.job import Job
from rq.serializers import JSONSerializer

from moderation.services import Services
from moderation.store import IncomingComment, keys
from moderation.store.lifecycle import deliver as delivery
from moderation.store.codec import MARK, unpack
from moderation.store.lifecycle.moderate import decide
from moderation.types import Decision
from workers import context
from workers.deliver import deliver
from workers.moderate import moderate
from workers.recovery import recover_deliveries


class Engine:
    class policy:
        version = "test-policy"

    def decide(self, comments):
        return [Decision(c.id, "en", 0.9, {"toxicity": 0.6}, [], "hold", ["toxicity_hold"], "test-policy", "test")
                for c in comments]


class _Platform(BaseHTTPRequestHandler):
    received: list = []

    def do_POST(self):  # noqa: N802 - http.server API
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        _Platform.received.append((body["id"], body["revision"], body["decision"]["decision"]))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def svc(settings, redis_client):
    _Platform.received = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Platform)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    settings = dataclasses.replace(settings, callback_url=f"http://127.0.0.1:{server.server_port}/cb")
    services = Services(settings, redis=redis_client)
    context.configure(settings, services, engine=Engine())
    yield services
    context.reset()
    server.shutdown()
    server.server_close()


def decided(svc, ids) -> None:
    """Accept and decide `ids` the way a worker's moderation job does (delivery opened with the decision)."""
    svc.accept([IncomingComment(i, f"text {i}") for i in ids])
    moderate(svc.store, Engine(), [(i, 1) for i in ids], "j-moderate", deliver=True)


def run_callbacks(svc) -> None:
    SimpleWorker([svc.queues["callbacks"]], connection=svc.redis, serializer=JSONSerializer).work(burst=True)


def test_a_decision_opens_its_delivery_in_the_same_write(svc):
    decided(svc, ["a", "b"])
    assert delivery.undelivered_count(svc.redis) == 2
    assert svc.store.head("a")["delivery"] == "pending"
    assert delivery.due(svc.redis, older_than=float("inf")) == [("a", 1, None), ("b", 1, None)]


def test_a_decision_whose_delivery_job_was_never_enqueued_is_delivered_by_recovery(svc):
    decided(svc, ["lost1", "lost2"])  # the worker died right after recording: no delivery job exists
    assert recover_deliveries(svc, grace_seconds=0) == 2
    run_callbacks(svc)
    assert sorted(_Platform.received) == [("lost1", 1, "hold"), ("lost2", 1, "hold")]
    assert svc.store.head("lost1")["delivery"] == "delivered"
    assert delivery.undelivered_count(svc.redis) == 0
    assert recover_deliveries(svc, grace_seconds=0) == 0  # nothing left to recover


def test_a_delivery_job_started_by_a_dead_worker_is_taken_over(svc):
    decided(svc, ["orphan"])
    job_id = svc.enqueue_delivery([("orphan", 1)])
    job = Job.fetch(job_id, connection=svc.redis, serializer=JSONSerializer)
    svc.queues["callbacks"].remove(job)
    job.set_status("started")
    job.worker_name = "killed-worker"  # never beats again: dead
    job.save()
    assert recover_deliveries(svc, grace_seconds=0) == 1
    run_callbacks(svc)
    assert _Platform.received == [("orphan", 1, "hold")]
    assert delivery.undelivered_count(svc.redis) == 0


def test_queued_delivery_jobs_are_left_alone(svc):
    decided(svc, ["waiting"])
    svc.enqueue_delivery([("waiting", 1)])
    assert recover_deliveries(svc, grace_seconds=0) == 0
    assert len(svc.queues["callbacks"]) == 1


def test_a_decision_opened_again_while_the_old_one_was_sent_is_not_marked_delivered(svc):
    """A moderator rejects the hold while the machine's hold is on the wire: the platform must still
    get the moderator's remove, so the older send must not close the delivery."""
    decided(svc, ["raced"])
    seq_before_send = svc.store.head("raced")["delivery_seq"]
    [outcome] = decide(svc.redis, ["raced"], "reject", "alice", deliver=True)
    assert outcome.ok
    assert svc.store.record_delivery("raced", 1, "delivered", 1, "2xx", seq=seq_before_send) is False
    assert svc.store.head("raced")["delivery"] == "pending"
    assert delivery.undelivered_count(svc.redis) == 1
    deliver(svc.store, svc.settings, [("raced", 1)], "j-deliver")
    assert _Platform.received == [("raced", 1, "remove")]
    assert svc.store.head("raced")["delivery"] == "delivered"
    assert delivery.undelivered_count(svc.redis) == 0


def test_a_superseded_revision_leaves_the_outbox(svc):
    decided(svc, ["edited"])
    svc.accept([IncomingComment("edited", "new text")])
    moderate(svc.store, Engine(), [("edited", 2)], "j2", deliver=True)
    deliver(svc.store, svc.settings, [("edited", 1)], "old-job")  # the old revision's job runs late
    assert svc.redis.zscore(keys.OUTBOX, "1:edited") is None
    assert svc.redis.zscore(keys.OUTBOX, "2:edited") is not None  # the latest still waits for its own job
    assert svc.store.head("edited")["delivery_rev"] == "2"


class _Capturing(BaseHTTPRequestHandler):
    captured: list = []

    def do_POST(self):  # noqa: N802 - http.server API
        _Capturing.captured.append((dict(self.headers), self.rfile.read(int(self.headers["Content-Length"]))))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def capturing_platform():
    _Capturing.captured = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Capturing)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/cb"
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("callback_secret", ["", "callback-only-secret-0123"], ids=["default", "own-key"])
def test_a_captured_callback_does_not_pass_the_intakes_signature_check(settings, redis_client, capturing_platform,
                                                                       callback_secret):
    """Issue 15, item 10: callbacks were signed with the intake's key and scheme, so a captured
    callback replayed to the intake passed its signature check."""
    from moderation.signing import CALLBACK_PREFIX, compute_signature, verify_signature
    from moderation.web import create_app

    settings = dataclasses.replace(settings, callback_url=capturing_platform, callback_secret=callback_secret)
    services = Services(settings, redis=redis_client)
    services.accept([IncomingComment("cb1", "text")])
    moderate(services.store, Engine(), [("cb1", 1)], "j", deliver=True)
    deliver(services.store, settings, [("cb1", 1)], "j-deliver")
    [(headers, body)] = _Capturing.captured
    key = callback_secret or settings.webhook_secret
    stamp = headers["X-Moderation-Timestamp"]
    verify_signature(key, stamp, headers["X-Moderation-Signature"], body)  # what platforms verify today
    assert headers["X-Moderation-Callback-Signature"] == compute_signature(key, CALLBACK_PREFIX + stamp, body)

    intake = create_app(settings).test_client()
    replayed = {"Content-Type": "application/json", "X-Moderation-Timestamp": stamp}
    if callback_secret:  # its own key: neither callback signature passes at the intake
        for header in ("X-Moderation-Signature", "X-Moderation-Callback-Signature"):
            answer = intake.post("/v1/comments", data=body, headers={**replayed, "X-Moderation-Signature": headers[header]})
            assert answer.status_code == 401
    else:  # shared key (the compatible default, warned about at start-up): the callback-only signature never passes
        answer = intake.post("/v1/comments", data=body,
                             headers={**replayed, "X-Moderation-Signature": headers["X-Moderation-Callback-Signature"]})
        assert answer.status_code == 401


def test_callbacks_signed_with_the_webhook_secret_are_warned_about(settings):
    from moderation.startup import warnings

    with_url = dataclasses.replace(settings, callback_url="http://127.0.0.1:9/cb")
    assert any("MODERATION_CALLBACK_SECRET" in w for w in warnings(with_url))
    assert warnings(dataclasses.replace(with_url, callback_secret="callback-only-secret-0123")) == []


def test_settled_deliveries_keep_the_compact_trail(svc):
    """The outbox's settle writes the trail as store/history.py reads it: the latest successful
    delivery on the head (`delivered`), the one it replaces moved into the packed history list,
    retries in the list and in mod:audit, no routine event in mod:audit."""
    pause = 0.005  # stored times are kept to the millisecond: steps further apart keep the trail's order
    decided(svc, ["twice"])
    time.sleep(pause)
    svc.store.record_delivery("twice", 1, "retrying", 1, "HTTP 503")
    time.sleep(pause)
    deliver(svc.store, svc.settings, [("twice", 1)], "j-first")
    time.sleep(pause)
    [outcome] = decide(svc.redis, ["twice"], "reject", "alice", deliver=True)
    assert outcome.ok
    time.sleep(pause)
    deliver(svc.store, svc.settings, [("twice", 1)], "j-second")
    assert _Platform.received == [("twice", 1, "hold"), ("twice", 1, "remove")]
    head = svc.store.head("twice")
    assert head["delivery"] == "delivered" and head["delivered"].split(" ")[1:] == ["1", "1"]
    trail = svc.store.history("twice")
    assert [e["type"] for e in trail] == ["received", "decided", "delivery_retrying", "delivered", "moderated",
                                          "delivered"]
    # the moderator's decision opened a new delivery: its attempts count from 1 again
    assert [e["attempts"] for e in trail if e["type"] == "delivered"] == [2, 1]
    stored = svc.redis.lrange(keys.history("twice"), 0, -1)  # the retry and the first delivery, packed
    assert sorted(unpack(raw)["type"] for raw in stored if raw.startswith(MARK)) == ["delivered", "delivery_retrying"]
    audit = [json.loads(fields[b"event"])["type"] for _, fields in svc.redis.xrange(keys.AUDIT_STREAM)]
    assert "delivered" not in audit and "delivery_retrying" in audit and "moderated" in audit
    assert delivery.undelivered_count(svc.redis) == 0
