"""Worker jobs against a real Redis and a real RQ SimpleWorker (in-process, burst mode):
idempotent decisions, a failing batch isolated, held as scoring_failed after the last retry,
recovery of revisions whose job died."""

from __future__ import annotations

import pytest
from rq import Retry, SimpleWorker
from rq.job import Job
from rq.serializers import JSONSerializer

from moderation.services import Services
from moderation.store import IncomingComment, metrics
from moderation.types import Decision
from workers import context
from workers.moderate import moderate
from workers.recovery import recover_pending


class RecordingEngine:
    """A deterministic stand-in for the engine: keeps everything, refuses texts containing BOOM."""

    class policy:
        version = "test-policy"

    def __init__(self):
        self.calls = []

    def decide(self, comments):
        self.calls.append([c.id for c in comments])
        if any("BOOM" in c.text for c in comments):
            raise RuntimeError("scorer exploded")
        return [Decision(c.id, "en", 0.9, {"toxicity": 0.1}, [], "keep", ["below_thresholds"], "test-policy", "test")
                for c in comments]


@pytest.fixture
def svc(settings, redis_client):
    services = Services(settings, redis=redis_client)
    engine = RecordingEngine()
    context.configure(settings, services, engine=engine)
    yield services
    context.reset()


def run_burst(svc):
    worker = SimpleWorker([svc.queues["moderate"]], connection=svc.redis, serializer=JSONSerializer)
    worker.work(burst=True)


def test_moderate_records_once_and_skips_decided(svc):
    svc.accept([IncomingComment("a", "fine"), IncomingComment("b", "also fine")])
    engine = context.loaded_engine()
    assert moderate(svc.store, engine, [("a", 1), ("b", 1)], "j1")["decided"] == 2
    again = moderate(svc.store, engine, [("a", 1), ("b", 1)], "j2")
    assert again == {"decided": 0, "skipped": 2, "new": []}
    assert engine.calls == [["a", "b"]]


def test_one_bad_comment_does_not_sink_its_batch_and_is_held_after_retries(svc):
    svc.retry = Retry(max=1)  # retry at once, so one burst run sees both attempts
    svc.accept([IncomingComment("ok", "fine"), IncomingComment("bad", "BOOM")])
    run_burst(svc)
    assert svc.store.head("ok")["decision"] == "keep"
    held = svc.store.decisions([("bad", 1)])[0]
    assert (held["decision"], held["reasons"]) == ("hold", ["scoring_failed"])
    assert svc.store.head("bad")["decision"] == "hold" and svc.store.review_ids() == ["bad"]
    assert svc.store.pending_count() == 0
    assert context.loaded_engine().calls.count(["bad"]) == 2  # first attempt (isolated) + the retry
    text = metrics.render(svc.redis)
    assert "moderation_scoring_failed_total 1" in text
    assert 'moderation_decisions_total{language="en",outcome="keep"} 1' in text
    assert 'moderation_decisions_total{language="und",outcome="hold"} 1' in text
    assert 'moderation_decision_latency_seconds_count 2' in text


def test_recovery_reenqueues_revisions_whose_job_vanished(svc):
    [accepted] = svc.accept([IncomingComment("lost", "text")])
    Job.fetch(accepted.job_id, connection=svc.redis, serializer=JSONSerializer).delete()
    assert recover_pending(svc, grace_seconds=0) == 1
    [(comment_id, rev, job_id)] = svc.store.pending(older_than=float("inf"))
    assert job_id != accepted.job_id
    run_burst(svc)
    assert svc.store.head("lost")["status"] == "decided"


def test_recovery_leaves_queued_jobs_alone(svc):
    svc.accept([IncomingComment("waiting", "text")])
    assert recover_pending(svc, grace_seconds=0) == 0


def test_recovery_takes_jobs_started_by_a_dead_worker(svc):
    [accepted] = svc.accept([IncomingComment("orphan", "text")])
    job = Job.fetch(accepted.job_id, connection=svc.redis, serializer=JSONSerializer)
    svc.queues["moderate"].remove(job)
    job.set_status("started")
    job.worker_name = "gone-worker"  # never beat: dead
    job.save()
    assert recover_pending(svc, grace_seconds=0) == 1
