"""Intake over Flask's test client against a real redis-server: signatures, status codes,
nothing stored for rejected requests, idempotency and revisions through HTTP."""

from __future__ import annotations

import json
import time

import pytest

from moderation.queueing import MODERATE, make_queue
from moderation.signing import compute_signature, signed_headers
from tests.conftest import REVIEW_TOKEN, WEBHOOK_SECRET, sign

COMMENT = {"id": "c-1", "text": "What a thoughtful article.", "author": "ann", "article": {"id": "a-9"}}


def queued_jobs(redis_client) -> int:
    return make_queue(redis_client, MODERATE).count


def stored(redis_client) -> list[bytes]:
    """Every key but the rate limiter's counters (web/ratelimit.py counts refused requests too)."""
    return [k for k in redis_client.scan_iter("*") if not k.startswith(b"mod:ratelimit:")]


def assert_error(response, status, code=None, field=None):
    assert response.status_code == status, response.get_data(as_text=True)
    error = response.get_json()["error"]
    assert error["message"]
    if code:
        assert error["code"] == code
    if field:
        assert error["field"] == field


def test_signed_comment_is_accepted_with_status_url(post_signed, client, redis_client):
    response = post_signed(COMMENT)
    assert response.status_code == 202
    [answer] = response.get_json()["comments"]
    assert answer == {"id": "c-1", "revision": 1, "status": "queued", "duplicate": False,
                      "status_url": "http://localhost/v1/comments/c-1"}
    assert response.headers["Location"] == answer["status_url"]
    assert queued_jobs(redis_client) == 1
    view = client.get("/v1/comments/c-1", headers={"Authorization": f"Bearer {REVIEW_TOKEN}"}).get_json()
    assert view["status"] == "queued" and view["revisions"][0]["text"] == COMMENT["text"]


def test_batch_is_accepted_in_one_job(post_signed, redis_client):
    batch = {"comments": [{"id": f"b{i}", "text": f"comment number {i}"} for i in range(10)]}
    response = post_signed(batch)
    assert response.status_code == 202 and response.get_json()["accepted"] == 10
    assert queued_jobs(redis_client) == 1


def test_duplicate_delivery_is_flagged_and_not_enqueued(post_signed, redis_client):
    post_signed(COMMENT)
    again = post_signed(COMMENT)
    assert again.status_code == 202
    assert again.get_json()["comments"][0]["duplicate"] is True
    assert queued_jobs(redis_client) == 1


def test_edited_text_is_moderated_again(post_signed, client, redis_client):
    post_signed(COMMENT)
    edited = post_signed({**COMMENT, "text": "Edited: what a thoughtful article."})
    assert edited.get_json()["comments"][0]["revision"] == 2
    assert queued_jobs(redis_client) == 2
    view = client.get("/v1/comments/c-1", headers={"Authorization": f"Bearer {REVIEW_TOKEN}"}).get_json()
    assert [r["revision"] for r in view["revisions"]] == [1, 2] and view["revision"] == 2


@pytest.mark.parametrize("headers", [
    {},  # unsigned
    {"X-Moderation-Timestamp": str(int(time.time())), "X-Moderation-Signature": "sha256=" + "0" * 64},
    signed_headers("another-secret", json.dumps(COMMENT).encode()),
    signed_headers(WEBHOOK_SECRET, json.dumps(COMMENT).encode(), now=time.time() - 301),  # replayed
], ids=["unsigned", "wrong-signature", "wrong-secret", "replayed"])
def test_bad_signatures_get_401_and_store_nothing(client, redis_client, headers):
    body = json.dumps(COMMENT).encode()
    response = client.post("/v1/comments", data=body, headers={"Content-Type": "application/json", **headers})
    assert_error(response, 401, "bad_signature")
    assert stored(redis_client) == []


def test_signature_over_a_different_body_is_refused(client, redis_client):
    headers = sign(json.dumps(COMMENT).encode())
    response = client.post("/v1/comments", data=json.dumps({**COMMENT, "text": "tampered"}), headers=headers)
    assert_error(response, 401, "bad_signature")
    assert stored(redis_client) == []


def test_wrong_content_type_gets_415(client, redis_client):
    body = json.dumps(COMMENT).encode()
    response = client.post("/v1/comments", data=body, headers={**sign(body), "Content-Type": "text/plain"})
    assert_error(response, 415, "unsupported_media_type")
    assert stored(redis_client) == []


@pytest.mark.parametrize("body,code", [
    (b"{not json", "malformed_json"),
    (b'{"id": "x", "text": "caf\xe9"}', "invalid_utf8"),
    (b'{"id": "x", "id": "y", "text": "hello"}', "malformed_json"),
    (b"[" * 100_000 + b"]" * 100_000, "malformed_json"),
])
def test_malformed_bodies_get_400(post_signed, redis_client, body, code):
    assert_error(post_signed(body), 400, code)
    assert stored(redis_client) == []


@pytest.mark.parametrize("payload,field,code", [
    ({"text": "no id"}, "id", "missing_field"),
    ({"id": 12, "text": "numeric id"}, "id", "invalid_type"),
    ({"id": "a b", "text": "space in id"}, "id", "invalid_field"),
    ({"id": "x"}, "text", "missing_field"),
    ({"id": "x", "text": ""}, "text", "empty_text"),
    ({"id": "x", "text": " \n\t "}, "text", "empty_text"),
    ({"id": "x", "text": "hi", "author": ["a"]}, "author", "invalid_type"),
    ({"id": "x", "text": "hi", "article": "a-1"}, "article", "invalid_type"),
    ({"id": "x", "text": "hi", "article": {"id": 5}}, "article.id", "invalid_type"),
    ({"id": "x", "text": "hi", "created_at": "yesterday"}, "created_at", "invalid_field"),
    ({"id": "x", "text": "hi", "language": "english!"}, "language", "invalid_field"),
    ({"id": "x", "text": "lone \ud800 surrogate"}, "text", "invalid_text"),
    ({"comments": []}, "comments", "invalid_field"),
    ({"comments": [{"id": "ok", "text": "fine"}, {"id": "y", "text": 3}]}, "comments[1].text", "invalid_type"),
])
def test_schema_errors_get_422_naming_the_field(post_signed, redis_client, payload, field, code):
    assert_error(post_signed(payload), 422, code, field)
    assert stored(redis_client) == []


def test_body_must_be_an_object(post_signed, redis_client):
    assert_error(post_signed([COMMENT]), 422, "invalid_body")
    assert stored(redis_client) == []


def test_size_limits_get_413(post_signed, settings, redis_client):
    too_long = {"id": "x", "text": "a" * (settings.max_text_chars + 1)}
    assert_error(post_signed(too_long), 413, "too_large", "text")
    too_many = {"comments": [{"id": f"c{i}", "text": "t"} for i in range(settings.max_batch_comments + 1)]}
    assert_error(post_signed(too_many), 413, "too_many_comments", "comments")
    huge = json.dumps({"id": "x", "text": "a" * settings.max_request_bytes}).encode()
    assert post_signed(huge).status_code == 413
    assert stored(redis_client) == []


def test_limits_accept_exactly_the_maximum(post_signed, settings):
    assert post_signed({"id": "x", "text": "a" * settings.max_text_chars}).status_code == 202


def test_redis_down_gives_503_never_202(settings):
    from moderation.redis_server import free_port
    from moderation.settings import load_settings
    from moderation.web import create_app

    down = load_settings(overrides={"redis_url": f"redis://127.0.0.1:{free_port()}/0",
                                    "webhook_secret": WEBHOOK_SECRET}, environ={})
    client = create_app(down).test_client()
    body = json.dumps(COMMENT).encode()
    response = client.post("/v1/comments", data=body, headers=sign(body))
    assert_error(response, 503, "store_unavailable")
    assert client.get("/healthz").status_code == 503


def test_get_unknown_comment_is_404_json(client):
    response = client.get("/v1/comments/nope", headers={"Authorization": f"Bearer {REVIEW_TOKEN}"})
    assert_error(response, 404, "not_found")


def test_get_needs_a_token_or_a_signed_path(post_signed, client):
    post_signed(COMMENT)
    assert_error(client.get("/v1/comments/c-1"), 401)
    assert_error(client.get("/v1/comments/c-1", headers={"Authorization": "Bearer wrong"}), 401)
    stamp = str(int(time.time()))
    signed = {"X-Moderation-Timestamp": stamp,
              "X-Moderation-Signature": compute_signature(WEBHOOK_SECRET, stamp, b"/v1/comments/c-1")}
    assert client.get("/v1/comments/c-1", headers=signed).status_code == 200
    other = {**signed, "X-Moderation-Signature": compute_signature(WEBHOOK_SECRET, stamp, b"/v1/comments/c-2")}
    assert_error(client.get("/v1/comments/c-1", headers=other), 401)


def test_healthz_and_metrics(post_signed, client):
    post_signed({"comments": [{"id": "m1", "text": "one"}, {"id": "m2", "text": "two"}]})
    health = client.get("/healthz").get_json()
    assert health["redis"] == "ok" and health["queues"]["moderate"] == 1 and health["pending"] == 2
    text = client.get("/metrics").get_data(as_text=True)
    assert "moderation_comments_received_total 2" in text
    assert 'moderation_queue_depth{queue="moderate"} 1.0' in text


@pytest.mark.parametrize("signed_path", ["/v1/comments/p1:a~b", "/v1/comments/p1%3Aa~b"],
                         ids=["decoded", "as-sent"])
def test_signed_get_accepts_the_path_decoded_or_as_sent(post_signed, client, signed_path):
    post_signed({"id": "p1:a~b", "text": "hello"})
    stamp = str(int(time.time()))
    headers = {"X-Moderation-Timestamp": stamp,
               "X-Moderation-Signature": compute_signature(WEBHOOK_SECRET, stamp, signed_path.encode())}
    response = client.get("/v1/comments/p1%3Aa~b", headers=headers)
    assert response.status_code == 200 and response.get_json()["id"] == "p1:a~b"


@pytest.mark.parametrize("comment_id", [".", ".."])
def test_dot_segment_ids_are_refused_with_400(post_signed, redis_client, comment_id):
    """Issue 15, item 9: '.' and '..' were accepted (202) but their status URL is unreachable."""
    assert_error(post_signed({"id": comment_id, "text": "hello"}), 400, "invalid_id", "id")
    assert_error(post_signed({"comments": [{"id": "ok", "text": "a"}, {"id": comment_id, "text": "b"}]}),
                 400, "invalid_id", "comments[1].id")
    assert stored(redis_client) == []
    assert post_signed({"id": "...", "text": "three dots are an ordinary id"}).status_code == 202
