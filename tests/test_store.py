"""The store against a real redis-server: intake transaction, idempotency, revisions, decisions."""

from __future__ import annotations

import threading

from moderation.queueing import MODERATE, enqueue_moderation, make_queue
from moderation.store import IncomingComment, keys


def enqueuer(redis_client, batch_size=64):
    queue = make_queue(redis_client, MODERATE)
    return lambda pipe, items: enqueue_moderation(queue, items, batch_size, None, pipeline=pipe)


def decision_for(comment_id, outcome="keep", language="en", hits=(), toxicity=0.1):
    return {"id": comment_id, "language": language, "language_confidence": 0.99, "scores": {"toxicity": toxicity},
            "slurs": list(hits), "decision": outcome, "reasons": [f"test_{outcome}"], "policy_version": "p1",
            "model": "m1"}


def test_accept_stores_revision_pending_and_one_job(store, redis_client):
    accepted = store.accept([IncomingComment("c1", "hello there", author="ann", article={"id": "a1"})],
                            enqueuer(redis_client))
    assert [(a.id, a.revision, a.status, a.duplicate) for a in accepted] == [("c1", 1, "queued", False)]
    queue = make_queue(redis_client, MODERATE)
    assert queue.count == 1
    job = queue.jobs[0]
    assert job.id == accepted[0].job_id and list(job.args) == [[["c1", 1]]]
    assert store.revisions([("c1", 1)])[0]["text"] == "hello there"
    assert store.pending(older_than=float("inf")) == [("c1", 1, job.id)]
    assert list(store.comment_ids(article="a1")) == ["c1"]
    assert store.head("c1")["status"] == "queued"


def test_same_content_twice_is_one_record_one_job(store, redis_client):
    enqueue = enqueuer(redis_client)
    store.accept([IncomingComment("c1", "same text")], enqueue)
    again = store.accept([IncomingComment("c1", "same text")], enqueue)
    assert again[0].duplicate and again[0].revision == 1
    assert make_queue(redis_client, MODERATE).count == 1
    assert redis_client.exists(keys.revision("c1", 2)) == 0


def test_edited_text_is_a_new_revision_with_history(store, redis_client):
    enqueue = enqueuer(redis_client)
    store.accept([IncomingComment("c1", "first words")], enqueue)
    edited = store.accept([IncomingComment("c1", "second words")], enqueue)
    assert (edited[0].revision, edited[0].duplicate) == (2, False)
    assert make_queue(redis_client, MODERATE).count == 2
    texts = [r["text"] for r in store.revisions([("c1", 1), ("c1", 2)])]
    assert texts == ["first words", "second words"]
    assert [e["type"] for e in store.history("c1")] == ["received", "received"]


def test_duplicates_inside_one_batch(store, redis_client):
    batch = [IncomingComment("c1", "x"), IncomingComment("c1", "x"), IncomingComment("c1", "y")]
    accepted = store.accept(batch, enqueuer(redis_client))
    assert [(a.revision, a.duplicate) for a in accepted] == [(1, False), (1, True), (2, False)]
    assert store.pending_count() == 2


def test_racing_identical_deliveries_make_one_record(store, redis_client):
    enqueue = enqueuer(redis_client)
    barrier = threading.Barrier(8)
    results = []

    def deliver():
        barrier.wait()
        results.extend(store.accept([IncomingComment(f"c{i}", "race") for i in range(20)], enqueue))

    threads = [threading.Thread(target=deliver) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 160
    assert sum(not a.duplicate for a in results) == 20
    assert make_queue(redis_client, MODERATE).count == 1
    assert store.pending_count() == 20


def test_decision_recorded_once_and_updates_head(store, redis_client):
    store.accept([IncomingComment("c1", "bad words")], enqueuer(redis_client))
    hit = {"term": "x", "category": "insult", "severity": "strong", "start": 0, "end": 3, "matched": "bad"}
    items = [(1, decision_for("c1", "hold", hits=[hit], toxicity=0.7), 100.0)]
    assert store.record_decisions(items, job_id="j1") == [True]
    assert store.record_decisions([(1, decision_for("c1", "keep"), 100.0)], job_id="j2") == [False]
    head = store.head("c1")
    assert (head["status"], head["decision"], head["decided_rev"]) == ("decided", "hold", "1")
    assert store.decisions([("c1", 1)])[0]["job_id"] == "j1"
    assert store.pending_count() == 0 and store.review_ids() == ["c1"]
    assert list(store.comment_ids(language="en")) == ["c1"]
    assert [e["type"] for e in store.history("c1")] == ["received", "decided"]


def test_decision_for_superseded_revision_leaves_head_alone(store, redis_client):
    enqueue = enqueuer(redis_client)
    store.accept([IncomingComment("c1", "one")], enqueue)
    store.accept([IncomingComment("c1", "two")], enqueue)
    store.record_decisions([(1, decision_for("c1", "remove"), 100.0)], job_id="j1")
    head = store.head("c1")
    assert head["status"] == "queued" and "decision" not in head
    assert store.pending(older_than=float("inf"))[0][:2] == ("c1", 2)


def test_review_priority_orders_severity_then_toxicity_then_age(store, redis_client):
    store.accept([IncomingComment(f"c{i}", f"t{i}") for i in range(4)], enqueuer(redis_client))
    severe = {"term": "x", "category": "slur", "severity": "severe", "start": 0, "end": 1, "matched": "x"}
    store.record_decisions([
        (1, decision_for("c0", "hold", toxicity=0.5), 10.0),
        (1, decision_for("c1", "hold", toxicity=0.9), 20.0),
        (1, decision_for("c2", "hold", hits=[severe], toxicity=0.1), 30.0),
        (1, decision_for("c3", "hold", toxicity=0.5), 5.0),
    ], job_id="j")
    assert store.review_ids() == ["c2", "c1", "c3", "c0"]


def test_schema_version_is_stamped_and_checked(store, redis_client):
    store.check_schema()
    assert redis_client.get(keys.SCHEMA_VERSION_KEY) == keys.SCHEMA_VERSION.encode()
    redis_client.set(keys.SCHEMA_VERSION_KEY, "999")
    import pytest
    from moderation.store import SchemaMismatch
    with pytest.raises(SchemaMismatch):
        store.check_schema()
