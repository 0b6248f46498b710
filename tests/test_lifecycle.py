"""A comment's state machine (moderation/store/lifecycle/) against a real redis-server.

Each legal transition, the decision in force after it, and the illegal ones the scripts refuse:
a moderator's decision is never overwritten by a late worker or by rescoring, a claimed comment
is not rescored, a moderator never decides a revision they did not see.
"""

from __future__ import annotations

from moderation.store import IncomingComment, keys, lifecycle
from moderation.store.keys import Head
from moderation.store.lifecycle.rescore import Change
from tests.conftest import REVIEW_TOKEN
from tests.test_store import decision_for, enqueuer


def accept(store, redis_client, comment_id="c1", body="some words"):
    return store.accept([IncomingComment(comment_id, body)], enqueuer(redis_client))[0]


def decide(store, comment_id="c1", outcome="hold", rev=1, job_id="j1"):
    return store.record_decisions([(rev, decision_for(comment_id, outcome), 100.0)], job_id=job_id)[0]


def rescore(redis_client, comment_id="c1", old="hold", new="keep", rev=1, run_id="run-1"):
    change = Change(comment_id, rev, old, decision_for(comment_id, old), decision_for(comment_id, new), 100.0)
    return lifecycle.apply_changes(redis_client, [change], run_id, now=200.0)[0]


def in_force(store, comment_id="c1"):
    return lifecycle.decision_in_force(store.head(comment_id))


def queued(redis_client, comment_id="c1") -> bool:
    return redis_client.zscore(keys.REVIEW_QUEUE, comment_id) is not None


def test_accepted_then_decided_by_the_machine(store, redis_client):
    accept(store, redis_client)
    assert store.head("c1")[Head.STATUS] == "queued" and in_force(store) is None
    assert decide(store, outcome="hold")
    assert in_force(store) == {"value": "hold", "source": "machine", "revision": 1}
    assert queued(redis_client)


def test_a_second_machine_decision_of_a_revision_is_ignored(store, redis_client):
    accept(store, redis_client)
    decide(store, outcome="hold")
    assert not decide(store, outcome="keep", job_id="j2")  # a retried or recovered job
    assert in_force(store)["value"] == "hold" and queued(redis_client)


def test_rescored_decision_is_in_force_and_moves_the_queue(store, redis_client):
    accept(store, redis_client)
    decide(store, outcome="hold")
    assert rescore(redis_client, old="hold", new="keep") == "applied"
    assert in_force(store) == {"value": "keep", "source": "rescore", "revision": 1}
    assert not queued(redis_client)
    # the evidence in force is the rescore's, the machine record is untouched
    assert lifecycle.decisions_in_force(redis_client, [("c1", 1)])[0]["source"] == "rescore"
    assert store.decisions([("c1", 1)])[0]["decision"] == "hold"


def test_claim_release_and_a_moderator_decision_is_final(store, redis_client):
    accept(store, redis_client)
    decide(store, outcome="hold")
    assert lifecycle.claim(redis_client, "c1", "alice", ttl_seconds=30).status == "ok"
    assert lifecycle.claim(redis_client, "c1", "bob", ttl_seconds=30).status == "claimed"
    assert lifecycle.release(redis_client, "c1", "bob").status == "claimed"  # not bob's to drop
    [outcome] = lifecycle.decide(redis_client, ["c1"], "approve", "alice")
    assert outcome.ok and outcome.revision == 1
    assert in_force(store) == {"value": "keep", "source": "moderator", "revision": 1}
    assert not queued(redis_client) and not redis_client.exists(keys.claim("c1"))
    delivered = lifecycle.as_delivered(store.decisions([("c1", 1)])[0], store.head("c1"), 1)
    assert (delivered["decision"], delivered["source"], delivered["machine_decision"]) == ("keep", "moderator", "hold")


def test_a_late_worker_never_overwrites_a_moderator(store, redis_client):
    """A moderator decided revision 1 while a (recovered) job for it was still running."""
    accept(store, redis_client)
    decide(store, outcome="hold")
    lifecycle.decide(redis_client, ["c1"], "reject", "alice")
    redis_client.delete(keys.decision("c1", 1))  # as if the first record had never been written
    assert decide(store, outcome="keep", job_id="late")  # the record is written ...
    head = store.head("c1")
    assert in_force(store) == {"value": "remove", "source": "moderator", "revision": 1}  # ... the head is not
    assert head[Head.FINAL] == "1" and not queued(redis_client)


def test_rescoring_never_overwrites_a_moderator(store, redis_client):
    accept(store, redis_client)
    decide(store, outcome="hold")
    lifecycle.decide(redis_client, ["c1"], "reject", "alice")
    before = store.head("c1")
    assert rescore(redis_client, old="remove", new="keep") == "moderated"
    assert store.head("c1") == before
    assert not redis_client.exists(keys.rescored("c1", 1))


def test_rescoring_leaves_a_claimed_comment_alone(store, redis_client):
    accept(store, redis_client)
    decide(store, outcome="hold")
    lifecycle.claim(redis_client, "c1", "alice", ttl_seconds=30)
    assert rescore(redis_client, old="hold", new="keep") == "claimed"
    assert in_force(store)["source"] == "machine" and queued(redis_client)


def test_rescoring_a_revision_no_longer_latest_is_stale(store, redis_client):
    accept(store, redis_client)
    decide(store, outcome="hold")
    accept(store, redis_client, body="edited words")  # revision 2 queued: revision 1 is no longer latest
    assert rescore(redis_client, old="hold", new="keep") == "stale"
    assert in_force(store) == {"value": "hold", "source": "machine", "revision": 1}


def test_the_same_run_applies_once(store, redis_client):
    accept(store, redis_client)
    decide(store, outcome="hold")
    assert rescore(redis_client, old="hold", new="keep") == "applied"
    assert rescore(redis_client, old="hold", new="keep") == "already"


def test_a_moderator_never_decides_a_revision_they_did_not_see(store, redis_client):
    accept(store, redis_client)
    decide(store, outcome="hold")
    accept(store, redis_client, body="edited words")
    decide(store, outcome="hold", rev=2)
    [outcome] = lifecycle.decide(redis_client, ["c1"], "approve", "alice", revisions={"c1": 1})
    assert outcome.status == "stale" and outcome.revision == 2
    assert in_force(store) == {"value": "hold", "source": "machine", "revision": 2}


def test_a_new_revision_is_decided_afresh_after_a_moderator(store, redis_client):
    """final pins one revision: the machine decides the next one as usual."""
    accept(store, redis_client)
    decide(store, outcome="hold")
    lifecycle.decide(redis_client, ["c1"], "approve", "alice")
    accept(store, redis_client, body="edited words")
    decide(store, outcome="remove", rev=2)
    assert in_force(store) == {"value": "remove", "source": "machine", "revision": 2}


def test_a_rescore_of_an_older_revision_is_not_the_source_of_a_newer_one(store, redis_client):
    accept(store, redis_client)
    decide(store, outcome="hold")
    rescore(redis_client, old="hold", new="keep")
    accept(store, redis_client, body="edited words")
    decide(store, outcome="hold", rev=2)
    assert in_force(store) == {"value": "hold", "source": "machine", "revision": 2}


def test_moderating_a_comment_not_in_the_queue_is_refused(store, redis_client):
    accept(store, redis_client)
    decide(store, outcome="keep")
    assert lifecycle.decide(redis_client, ["c1"], "reject", "alice")[0].status == "not_queued"
    assert lifecycle.decide(redis_client, ["nope"], "reject", "alice")[0].status == "unknown"
    assert in_force(store)["source"] == "machine"


def test_delivery_is_opened_by_each_decision_and_settled_once(store, redis_client):
    accept(store, redis_client)
    store.record_decisions([(1, decision_for("c1", "hold"), 100.0)], job_id="j1", deliver=True)
    seq = store.head("c1")[Head.DELIVERY_SEQ]
    lifecycle.decide(redis_client, ["c1"], "approve", "alice", deliver=True)  # opens it again
    assert not store.record_delivery("c1", 1, "delivered", 1, "2xx", seq=seq)  # the older send
    assert store.head("c1")[Head.DELIVERY] == "pending"
    assert store.record_delivery("c1", 1, "delivered", 1, "2xx")
    assert store.head("c1")[Head.DELIVERY] == "delivered"


def test_the_api_shows_the_decision_in_force_beside_the_old_fields(client, store, redis_client):
    accept(store, redis_client)
    decide(store, outcome="hold")
    rescore(redis_client, old="hold", new="remove")
    bearer = {"Authorization": f"Bearer {REVIEW_TOKEN}"}
    view = client.get("/v1/comments/c1", headers=bearer).get_json()
    assert view["outcome"] == "remove" and view["decision"]["decision"] == "hold"  # unchanged contract
    assert view["decision_in_force"] == {"value": "remove", "source": "rescore", "revision": 1}
