"""The review queue API against a real redis-server: held comments in, moderator decisions out."""

from __future__ import annotations

import dataclasses
import json
import logging
import threading
import time
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from moderation.queueing import CALLBACKS, make_queue
from moderation.store import keys
from moderation.store.lifecycle import moderate as review_actions
from moderation.store.review import Filters, list_queue
from tests.support.review_seed import comment, make_engine, moderate

ALICE, BOB = "tok-alice-0123", "tok-bob-4567"


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture(scope="module")
def engine():
    return make_engine()


@pytest.fixture
def review_settings(settings):
    return dataclasses.replace(settings, review_tokens=(f"alice:{ALICE}", f"bob:{BOB}", "bare-token-xyz"))


@pytest.fixture
def api(review_settings):
    from moderation.web import create_app

    return create_app(review_settings).test_client()


@pytest.fixture
def held(store, engine):
    """Three held comments (two strong insults, one undetermined language) and one kept."""
    decisions = moderate(store, engine, [
        comment("und-1", "zzkx qwv plorb", article="a1"),
        comment("en-1", "Shut up you idiot, scumbag.", author="Mallory", article="a1"),
        comment("fr-1", "Tu es un connard", article="a2", language="fr"),
        comment("ok-1", "Thanks for this careful and balanced article.", article="a1"),
    ])
    return {d["id"]: d for d in decisions}


def test_held_comments_are_listed_with_their_evidence(api, held):
    assert held["ok-1"]["decision"] == "keep" and {held[i]["decision"] for i in ("und-1", "en-1", "fr-1")} == {"hold"}
    answer = api.get("/v1/review", headers=bearer(ALICE)).get_json()
    assert answer["total"] == 3 and [item["id"] for item in answer["items"]][2] == "und-1"
    item = next(item for item in answer["items"] if item["id"] == "en-1")
    assert item["text"] == "Shut up you idiot, scumbag." and item["author"] == "Mallory"
    assert item["article"]["id"] == "a1" and item["language"] == "en" and "toxicity" in item["scores"]
    assert "lexicon_strong" in item["reasons"]
    assert {(h["term"], item["text"][h["start"]:h["end"]]) for h in item["hits"]} >= {("scumbag", "scumbag")}


@pytest.mark.parametrize("method,path,body", [
    ("get", "/v1/review", None), ("get", "/v1/review/figures", None),
    ("post", "/v1/review/en-1", {"action": "approve"}), ("post", "/v1/review", {"ids": ["en-1"], "action": "reject"}),
    ("post", "/v1/review/en-1/claim", None), ("post", "/v1/review/en-1/release", None),
])
@pytest.mark.parametrize("headers", [{}, bearer("wrong"), {"Authorization": f"Basic {ALICE}"}, bearer("")])
def test_without_a_moderator_token_every_endpoint_answers_401(api, held, store, method, path, body, headers):
    answer = getattr(api, method)(path, json=body, headers=headers)
    assert answer.status_code == 401 and answer.get_json()["error"]["code"] == "unauthorized"
    assert store.head("en-1")["decision"] == "hold" and store.review_ids()[:1] == ["en-1"]


def test_approve_keeps_records_the_moderator_and_shows_in_the_comment(api, held, store, redis_client):
    answer = api.post("/v1/review/en-1", json={"action": "approve", "reason": "quoting a film"}, headers=bearer(ALICE))
    assert answer.status_code == 200
    assert answer.get_json() == {"id": "en-1", "status": "ok", "revision": 1, "action": "approve",
                                 "decision": "keep", "moderator": "alice"}
    head = store.head("en-1")
    assert (head["decision"], head["final"], head["review_by"]) == ("keep", "1", "alice")
    assert "en-1" not in store.review_ids()
    shown = api.get("/v1/comments/en-1", headers=bearer(BOB)).get_json()
    assert shown["outcome"] == "keep" and shown["final_revision"] == 1
    event = shown["history"][-1]
    assert (event["type"], event["actor"], event["what"], event["why"]) == (
        "moderated", "moderator:alice", "keep", "quoting a film")
    assert event["at"] > 0 and event["action"] == "approve"
    audit = [json.loads(fields[b"event"]) for _, fields in redis_client.xrange(keys.AUDIT_STREAM)]
    assert any(e["type"] == "moderated" and e["moderator"] == "alice" for e in audit)


def test_reject_removes_and_a_bare_token_gets_a_stable_pseudonym(api, held, store):
    answer = api.post("/v1/review/fr-1", json={"action": "reject"}, headers=bearer("bare-token-xyz"))
    assert answer.status_code == 200 and answer.get_json()["decision"] == "remove"
    moderator = answer.get_json()["moderator"]
    assert moderator.startswith("moderator-") and "bare-token" not in moderator
    assert store.head("fr-1")["decision"] == "remove" and store.history("fr-1")[-1]["why"] == "reject"


@pytest.mark.parametrize("comment_id,body,status,code", [
    ("nope", {"action": "approve"}, 404, "unknown_comment"),
    ("ok-1", {"action": "approve"}, 409, "not_in_queue"),
    ("en-1", {"action": "delete"}, 422, "invalid_action"),
    ("en-1", {"action": "reject", "reason": 5}, 422, "invalid_reason"),
    ("en-1", {"action": "reject", "revision": "1"}, 422, "invalid_revision"),
    ("en-1", ["approve"], 400, "malformed_json"),
])
def test_bad_actions_get_clear_errors_and_change_nothing(api, held, store, comment_id, body, status, code):
    answer = api.post(f"/v1/review/{comment_id}", json=body, headers=bearer(ALICE))
    assert answer.status_code == status and answer.get_json()["error"]["code"] == code
    assert store.head("en-1")["decision"] == "hold" and len(store.review_ids()) == 3


def test_deciding_twice_is_a_conflict(api, held):
    assert api.post("/v1/review/en-1", json={"action": "reject"}, headers=bearer(ALICE)).status_code == 200
    second = api.post("/v1/review/en-1", json={"action": "approve"}, headers=bearer(BOB))
    assert second.status_code == 409 and second.get_json()["error"]["code"] == "not_in_queue"


def test_a_claim_keeps_other_moderators_off_until_released(api, held, store):
    assert api.post("/v1/review/en-1/claim", headers=bearer(ALICE)).get_json()["claim"]["by"] == "alice"
    for path, body in (("/v1/review/en-1", {"action": "reject"}), ("/v1/review/en-1/claim", None),
                       ("/v1/review/en-1/release", None)):
        answer = api.post(path, json=body, headers=bearer(BOB))
        assert answer.status_code == 409 and answer.get_json()["claim"]["by"] == "alice"
    listed = api.get("/v1/review", headers=bearer(BOB)).get_json()["items"]
    assert next(i for i in listed if i["id"] == "en-1")["claim"]["by"] == "alice"
    assert api.post("/v1/review/en-1/release", headers=bearer(ALICE)).status_code == 200
    assert api.post("/v1/review/en-1", json={"action": "reject"}, headers=bearer(BOB)).status_code == 200
    assert store.head("en-1")["review_by"] == "bob"


def test_claims_expire(held, redis_client):
    assert review_actions.claim(redis_client, "en-1", "alice", ttl_seconds=0.2).ok
    assert review_actions.claim(redis_client, "en-1", "bob", ttl_seconds=5).status == "claimed"
    time.sleep(0.3)
    assert review_actions.claim(redis_client, "en-1", "bob", ttl_seconds=5).status == "ok"


def test_claiming_what_is_not_queued(api, held):
    assert api.post("/v1/review/nope/claim", headers=bearer(ALICE)).status_code == 404
    assert api.post("/v1/review/ok-1/claim", headers=bearer(ALICE)).status_code == 409


def test_bulk_decides_each_id_and_reports_the_rest(api, held, store):
    answer = api.post("/v1/review", json={"ids": ["en-1", "fr-1", "ok-1", "nope", "en-1"], "action": "reject",
                                          "reason": "spam wave"}, headers=bearer(ALICE)).get_json()
    assert answer["decided"] == 2
    assert [(r["id"], r["status"]) for r in answer["results"]] == [
        ("en-1", "ok"), ("fr-1", "ok"), ("ok-1", "not_queued"), ("nope", "unknown")]
    assert store.review_ids() == ["und-1"] and store.history("fr-1")[-1]["why"] == "spam wave"


@pytest.mark.parametrize("ids", [[], "en-1", [1], [""], ["x"] * 501])
def test_bulk_refuses_bad_id_lists(api, held, ids):
    answer = api.post("/v1/review", json={"ids": ids, "action": "reject"}, headers=bearer(ALICE))
    assert answer.status_code == 422 and answer.get_json()["error"]["field"] == "ids"


def test_priority_is_severity_then_toxicity_then_age(store):
    moderate(store, make_engine(0.2), [comment("und-old", "zzkx qwv plorb")])
    moderate(store, make_engine(0.7), [comment("tox-70", "I strongly disagree with this whole piece.")])
    moderate(store, make_engine(0.8), [comment("tox-80", "I really disagree with this whole piece.")])
    moderate(store, make_engine(0.2), [comment("strong-1", "you idiot"), comment("strong-2", "scumbag")])
    assert store.review_ids() == ["strong-1", "strong-2", "tox-80", "tox-70", "und-old"]


def test_filters_and_pagination(api, held):
    def ids(query):
        answer = api.get(f"/v1/review?{query}", headers=bearer(ALICE)).get_json()
        return [item["id"] for item in answer["items"]], answer["total"]

    assert ids("language=fr") == (["fr-1"], 1)
    assert ids("article=a1") == (["en-1", "und-1"], 2)
    assert ids("reason=language_undetermined") == (["und-1"], 1)
    assert ids("reason=lexicon_strong&article=a1") == (["en-1"], 1)
    assert ids("per_page=2&page=2") == (["und-1"], 3)
    for bad in ("per_page=0", "per_page=abc", "page=0", "per_page=5000"):
        assert api.get(f"/v1/review?{bad}", headers=bearer(ALICE)).status_code == 422


def test_filtering_scans_past_the_first_chunk(store, engine, redis_client, monkeypatch):
    from moderation.store import review

    monkeypatch.setattr(review, "SCAN_CHUNK", 2)
    moderate(store, engine, [comment(f"c{i}", "scumbag", article="a9" if i % 3 == 0 else "a8") for i in range(7)])
    page = list_queue(redis_client, Filters(article="a9"), page=1, per_page=10)
    assert [item["id"] for item in page.items] == ["c0", "c3", "c6"] and page.total == 3


def test_an_edited_comment_held_again_reenters_the_queue(api, held, store, engine):
    assert api.post("/v1/review/en-1", json={"action": "approve"}, headers=bearer(ALICE)).status_code == 200
    moderate(store, engine, [comment("en-1", "Shut up you idiot, scumbag!!")])  # edited text: revision 2
    item = next(i for i in api.get("/v1/review", headers=bearer(ALICE)).get_json()["items"] if i["id"] == "en-1")
    assert (item["revision"], item["text"]) == (2, "Shut up you idiot, scumbag!!")
    head = store.head("en-1")
    assert (head["decision"], head["final"], head["decided_rev"]) == ("hold", "1", "2")


def test_a_stale_revision_is_refused(api, held, store, engine):
    moderate(store, engine, [comment("en-1", "Shut up you idiot, scumbag!!")])
    answer = api.post("/v1/review/en-1", json={"action": "approve", "revision": 1}, headers=bearer(ALICE))
    assert answer.status_code == 409 and answer.get_json()["error"]["code"] == "stale_revision"
    assert api.post("/v1/review/en-1", json={"action": "approve", "revision": 2}, headers=bearer(ALICE)).status_code == 200


def test_the_machine_never_overrides_a_moderators_decision(api, held, store):
    api.post("/v1/review/en-1", json={"action": "approve"}, headers=bearer(ALICE))
    machine = store.decisions([("en-1", 1)])[0]
    store.record_decisions([(1, {**machine, "decision": "remove"}, machine["decided_at"])], job_id="late-retry")
    assert store.head("en-1")["decision"] == "keep" and "en-1" not in store.review_ids()


def test_figures_and_metrics(api, held, client):
    api.post("/v1/review", json={"ids": ["en-1", "fr-1"], "action": "reject"}, headers=bearer(ALICE))
    api.post("/v1/review/und-1", json={"action": "approve"}, headers=bearer(BOB))
    figures = api.get("/v1/review/figures", headers=bearer(ALICE)).get_json()
    assert figures["queue_size"] == 0 and figures["oldest_age_seconds"] is None
    assert figures["decisions_by_moderator"] == {"alice": {"approve": 0, "reject": 2}, "bob": {"approve": 1, "reject": 0}}
    assert 0 <= figures["median_wait_seconds"] < 60
    text = api.get("/metrics").get_data(as_text=True)
    assert 'moderation_review_decisions_total{action="reject"} 2' in text
    assert 'moderation_review_decisions_total{action="approve"} 1' in text
    assert "alice" not in text and "bob" not in text  # no moderator's name on an open endpoint (issue 15, item 8)
    assert "moderation_review_wait_seconds_count 3" in text
    assert "moderation_review_median_wait_seconds " in text and "moderation_review_oldest_age_seconds 0.0" in text


def test_per_moderator_series_only_when_the_setting_asks_for_them(review_settings, api, held):
    from moderation.web import create_app

    api.post("/v1/review/en-1", json={"action": "reject"}, headers=bearer(ALICE))
    opted_in = create_app(dataclasses.replace(review_settings, metrics_per_moderator=True)).test_client()
    text = opted_in.get("/metrics").get_data(as_text=True)
    assert 'moderation_review_decisions_total{action="reject",moderator="alice"} 1' in text


def test_oldest_age_is_the_earliest_received_not_the_first_in_priority(api, store, engine, redis_client):
    moderate(store, engine, [comment("old-und", "zzkx qwv plorb")])
    time.sleep(1.0)
    moderate(store, engine, [comment("new-strong", "scumbag")])
    figures = api.get("/v1/review/figures", headers=bearer(ALICE)).get_json()
    assert store.review_ids() == ["new-strong", "old-und"] and figures["queue_size"] == 2
    assert 1.0 <= figures["oldest_age_seconds"] < 30


class _Platform(BaseHTTPRequestHandler):
    received: list = []

    def do_POST(self):
        _Platform.received.append(json.loads(self.rfile.read(int(self.headers["Content-Length"]))))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


def test_a_moderators_decision_is_delivered_to_the_platform(review_settings, store, engine, redis_client):
    from moderation.web import create_app
    from workers.deliver import deliver

    platform = HTTPServer(("127.0.0.1", 0), _Platform)
    threading.Thread(target=platform.serve_forever, daemon=True).start()
    try:
        settings = dataclasses.replace(review_settings, callback_url=f"http://127.0.0.1:{platform.server_port}/cb")
        moderate(store, engine, [comment("en-1", "scumbag")])
        store.record_delivery("en-1", 1, "delivered", 1, "2xx")  # the machine's hold already went out
        api = create_app(settings).test_client()
        assert api.post("/v1/review/en-1", json={"action": "reject"}, headers=bearer(ALICE)).status_code == 200
        jobs = make_queue(redis_client, CALLBACKS).get_jobs()
        assert [job.args[0] for job in jobs] == [[["en-1", 1]]]
        _Platform.received.clear()
        assert deliver(store, settings, [("en-1", 1)], jobs[0].id) == 1  # what the worker's job runs
        sent = _Platform.received[0]["decision"]
        assert (sent["decision"], sent["source"], sent["moderator"], sent["machine_decision"]) == (
            "remove", "moderator", "alice", "hold")
        assert store.head("en-1")["delivery"] == "delivered"
    finally:
        platform.shutdown()


def test_tokens_never_reach_the_logs(api, held, caplog):
    caplog.set_level(logging.DEBUG)
    api.get("/v1/review", headers=bearer(ALICE))
    api.post("/v1/review/en-1", json={"action": "reject"}, headers=bearer(ALICE))
    api.get("/v1/review", headers=bearer("not-a-token-secret"))
    logged = "\n".join(f"{r.getMessage()} {getattr(r, 'fields', '')}" for r in caplog.records)
    assert ALICE not in logged and "not-a-token-secret" not in logged


def test_the_wait_of_a_comment_rescored_to_hold_counts_from_the_rescore(api, held, store, redis_client):
    """Kept by the machine an hour ago, held by a rescore 5 s ago: the moderator's wait is ~5 s."""
    from moderation.store.lifecycle.rescore import Change, apply_changes

    machine = store.decisions([("ok-1", 1)])[0]  # stored packed (store/codec.py)
    assert machine["decision"] == "keep"
    machine["decided_at"] = time.time() - 3600
    redis_client.set(keys.decision("ok-1", 1), json.dumps(machine))
    held_again = {**machine, "decision": "hold", "reasons": ["toxicity_hold"]}
    received = float(store.head("ok-1")["received_at"])
    apply_changes(redis_client, [Change("ok-1", 1, "keep", machine, held_again, received)], "run-1", time.time() - 5)
    assert "ok-1" in store.review_ids()
    assert api.post("/v1/review/ok-1", json={"action": "approve"}, headers=bearer(ALICE)).status_code == 200
    event = api.get("/v1/comments/ok-1", headers=bearer(ALICE)).get_json()["history"][-1]
    assert event["type"] == "moderated" and 4 <= event["waited_seconds"] < 60
