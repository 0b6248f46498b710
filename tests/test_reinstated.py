"""Machine removals and platform reinstatements in the live agreement figures (store/agreement.py),
the `reinstated` transition (store/lifecycle/reinstate.py) and its signed endpoint, against a real Redis."""

from __future__ import annotations

import json

from moderation.signing import compute_signature, signed_headers
from moderation.store import agreement, lifecycle
from moderation.store.keys import Head
from moderation.store.lifecycle.rescore import Change
from moderation.store.metrics import render
from tests.conftest import WEBHOOK_SECRET, sign
from tests.test_lifecycle import accept
from tests.test_store import decision_for

HIT = {"term": "x", "category": "insult", "severity": "severe", "start": 0, "end": 1, "matched": "x", "field": "text"}


def removed(store, redis_client, comment_id="c1", rev=1, job_id="j1", language="fr"):
    decision = {**decision_for(comment_id, "remove", language=language, hits=[HIT]), "reasons": ["lexicon_severe"]}
    return store.record_decisions([(rev, decision, 100.0)], job_id=job_id)[0]


def cell(redis_client, dimension, value):
    return agreement.table(redis_client)[dimension].get(value, {})


def test_a_machine_removal_counts_once_per_revision_whatever_the_retries(store, redis_client):
    accept(store, redis_client)
    assert removed(store, redis_client)
    assert not removed(store, redis_client, job_id="j2")  # a retried or recovered job: not recorded, not counted
    for dimension, value in (("reason", "lexicon_severe"), ("language", "fr"), ("category", "insult")):
        assert cell(redis_client, dimension, value)["removed"] == 1
    assert cell(redis_client, "language", "fr")["approved"] == 0


def test_keeps_and_holds_are_not_removals(store, redis_client):
    for cid, outcome in (("k", "keep"), ("h", "hold")):
        accept(store, redis_client, cid)
        store.record_decisions([(1, decision_for(cid, outcome), 100.0)], job_id="j")
    assert all(c["removed"] == 0 for c in agreement.table(redis_client)["language"].values())


def test_a_removal_of_a_superseded_revision_never_in_force_is_not_counted(store, redis_client):
    accept(store, redis_client)
    accept(store, redis_client, body="edited")  # revision 2 arrives before revision 1 is decided
    store.record_decisions([(2, decision_for("c1", "keep"), 100.0)], job_id="j2")
    assert removed(store, redis_client, rev=1)  # recorded, but revision 2's keep is in force
    assert cell(redis_client, "language", "fr") == {}


def test_reinstated_counts_in_the_removed_decisions_cells_once(store, redis_client):
    accept(store, redis_client)
    removed(store, redis_client)
    done = lifecycle.reinstate(redis_client, "c1", reason="appeal upheld", now=300.0)
    assert (done.status, done.revision, done.removed_by, done.counted) == ("ok", 1, "machine", True)
    again = lifecycle.reinstate(redis_client, "c1", revision=1, now=301.0)
    assert (again.status, again.counted) == ("already", False)
    for dimension, value in (("reason", "lexicon_severe"), ("language", "fr"), ("category", "insult")):
        got = cell(redis_client, dimension, value)
        assert (got["removed"], got["reinstated"], got["reinstated_rate"]) == (1, 1, 1.0)
    events = [e for e in store.history("c1") if e["type"] == "reinstated"]
    assert len(events) == 1 and events[0]["why"] == "appeal upheld" and events[0]["actor"] == "platform"
    assert store.head("c1")[Head.REINSTATED] == "1" and store.head("c1")[Head.DECISION] == "remove"
    assert 'verdict="reinstated"} 1' in render(redis_client)


def test_reinstating_what_was_not_removed_is_refused(store, redis_client):
    assert lifecycle.reinstate(redis_client, "nobody").status == "unknown"
    accept(store, redis_client)
    assert lifecycle.reinstate(redis_client, "c1").status == "no_revision"  # not decided yet
    store.record_decisions([(1, decision_for("c1", "hold"), 100.0)], job_id="j")
    assert lifecycle.reinstate(redis_client, "c1").status == "not_removed"
    assert lifecycle.reinstate(redis_client, "c1", revision=2).status == "no_revision"
    assert store.history("c1") == [e for e in store.history("c1") if e["type"] != "reinstated"]


def test_a_moderators_removal_is_recorded_not_counted(store, redis_client):
    accept(store, redis_client)
    store.record_decisions([(1, decision_for("c1", "hold"), 100.0)], job_id="j")
    lifecycle.decide(redis_client, ["c1"], "reject", "alice")
    done = lifecycle.reinstate(redis_client, "c1")
    assert (done.status, done.removed_by, done.counted) == ("ok", "moderator", False)
    assert all(c["reinstated"] == 0 for c in agreement.table(redis_client)["language"].values())


def test_an_older_revision_removed_by_the_machine_can_be_reported(store, redis_client):
    accept(store, redis_client)
    removed(store, redis_client)
    accept(store, redis_client, body="edited")
    store.record_decisions([(2, decision_for("c1", "keep", language="fr"), 100.0)], job_id="j2")
    assert lifecycle.reinstate(redis_client, "c1").status == "not_removed"  # revision 2 is kept
    done = lifecycle.reinstate(redis_client, "c1", revision=1)
    assert (done.status, done.counted) == ("ok", True)
    assert cell(redis_client, "reason", "lexicon_severe")["reinstated"] == 1


def test_a_rescore_to_removal_is_reinstated_in_its_own_cells(store, redis_client):
    accept(store, redis_client)
    store.record_decisions([(1, decision_for("c1", "hold"), 100.0)], job_id="j")
    new = {**decision_for("c1", "remove", language="en"), "reasons": ["toxicity_remove"]}
    change = Change("c1", 1, "hold", decision_for("c1", "hold"), new, 100.0)
    assert lifecycle.apply_changes(redis_client, [change], "run-1", now=200.0) == ["applied"]
    done = lifecycle.reinstate(redis_client, "c1")
    assert (done.status, done.removed_by) == ("ok", "rescore")
    assert cell(redis_client, "reason", "toxicity_remove")["reinstated"] == 1


# --- the endpoint ----------------------------------------------------------------------------------

def post_report(client, comment_id, payload=None, headers=None):
    path = f"/v1/comments/{comment_id}/reinstated"
    if payload is None:
        stamp = signed_headers(WEBHOOK_SECRET, b"")["X-Moderation-Timestamp"]
        signed = {"X-Moderation-Timestamp": stamp,
                  "X-Moderation-Signature": compute_signature(WEBHOOK_SECRET, stamp, path.encode())}
        return client.post(path, headers={**signed, **(headers or {})})
    body = payload if isinstance(payload, bytes) else json.dumps(payload).encode("utf-8")
    return client.post(path, data=body, headers={**sign(body), **(headers or {})})


def test_endpoint_records_once_and_answers_like_intake(client, store, redis_client):
    accept(store, redis_client)
    removed(store, redis_client)
    first = post_report(client, "c1", {"id": "c1", "revision": 1, "reason": "appeal"})
    assert first.status_code == 202
    assert first.get_json() == {"id": "c1", "status": "ok", "revision": 1, "removed_by": "machine", "counted": True}
    again = post_report(client, "c1")  # no body: the signed path
    assert again.status_code == 200 and again.get_json()["status"] == "already"
    assert cell(redis_client, "language", "fr")["reinstated"] == 1


def test_endpoint_errors(client, store, redis_client):
    assert post_report(client, "nobody").status_code == 404
    accept(store, redis_client)
    store.record_decisions([(1, decision_for("c1", "keep"), 100.0)], job_id="j")
    answer = post_report(client, "c1", {"id": "c1"})
    assert answer.status_code == 409 and answer.get_json()["error"]["code"] == "not_removed"
    assert post_report(client, "c1", {"id": "c1", "revision": 7}).status_code == 404
    for payload, field in (({"revision": 1}, "id"), ({"id": "c2"}, "id"), ({"id": "c1", "revision": "1"}, "revision"),
                           ({"id": "c1", "text": "an intake body"}, "text"), ({"id": "c1", "revision": True}, "revision")):
        answer = post_report(client, "c1", payload)
        assert answer.status_code == 422 and answer.get_json()["error"]["field"] == field, payload
    assert post_report(client, "c1", b"{nope").status_code == 400
    body = b'{"id": "c1"}'
    assert client.post("/v1/comments/c1/reinstated", data=body,
                       headers={**sign(body), "X-Moderation-Signature": "sha256=00"}).status_code == 401
    assert client.post("/v1/comments/c1/reinstated", data=body,
                       headers={**sign(body), "Content-Type": "text/plain"}).status_code == 415
    # a signed empty body signs "<timestamp>.", which names no comment: refused, the path must be signed
    assert client.post("/v1/comments/c1/reinstated", headers=sign(b"")).status_code == 401
