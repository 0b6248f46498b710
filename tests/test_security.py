"""Security pass (SECURITY.md): constant-time credential checks, the replay window, per-client rate
limiting with 429, JSON-only job data (no pickle) for RQ, credentials absent from the logs of a
real run, and the review page's headers on every answer. Real redis-server throughout; the two
end-to-end tests run real gunicorn and `moderation worker` processes.
"""

from __future__ import annotations

import hmac
import json
import os
import pickle
import re
import time
import urllib.request
import zlib
from http.cookiejar import CookieJar

import pytest
from rq import Queue
from rq.serializers import JSONSerializer

from moderation.store import Store
from moderation.signing import compute_signature, signed_headers, verify_signature
from moderation.web import ratelimit
from tests.conftest import REVIEW_TOKEN, WEBHOOK_SECRET, sign
from tests.e2e.conftest import engine_available, make_service, wait_until  # noqa: F401 - fixtures

COMMENT = {"id": "s-1", "text": "A reasonable remark."}
BEARER = {"Authorization": f"Bearer {REVIEW_TOKEN}"}


def body_of(payload) -> bytes:
    return json.dumps(payload).encode()


# --- constant-time comparisons ----------------------------------------------------------------

@pytest.fixture
def digest_spy(monkeypatch):
    """Record every hmac.compare_digest call (the real function still answers)."""
    calls = []
    real = hmac.compare_digest

    def spy(a, b):
        calls.append((a, b))
        return real(a, b)

    monkeypatch.setattr(hmac, "compare_digest", spy)
    return calls


def test_webhook_signatures_are_compared_with_compare_digest(client, digest_spy):
    body = body_of(COMMENT)
    stamp = str(int(time.time()))
    forged = "sha256=" + "0" * 64
    response = client.post("/v1/comments", data=body, headers={
        "Content-Type": "application/json", "X-Moderation-Timestamp": stamp, "X-Moderation-Signature": forged})
    assert response.status_code == 401
    assert (compute_signature(WEBHOOK_SECRET, stamp, body).encode(), forged.encode()) in digest_spy


def test_moderator_tokens_are_compared_in_constant_time_against_every_token(settings, digest_spy):
    import dataclasses

    from moderation.web.review_auth import moderator_for_token

    three = dataclasses.replace(settings, review_tokens=("alice:tok-a", "bob:tok-b", "carol:tok-c"))
    assert moderator_for_token(three, "tok-a") == "alice"
    assert len(digest_spy) == 3  # no early exit once alice matched: timing does not say which token
    digest_spy.clear()
    assert moderator_for_token(three, "tok-x") is None and len(digest_spy) == 3


def test_review_page_csrf_tokens_are_compared_with_compare_digest(client, digest_spy):
    client.get("/review")
    response = client.post("/review/sign-in", data={"csrf_token": "forged", "token": REVIEW_TOKEN})
    assert response.status_code == 403
    assert any(b"forged" in pair for pair in digest_spy)


# --- replay window ----------------------------------------------------------------------------

@pytest.mark.parametrize("skew,status", [(-301, 401), (301, 401), (-299, 202), (299, 202)],
                         ids=["too-old", "too-far-ahead", "old-but-inside", "ahead-but-inside"])
def test_timestamps_outside_the_window_are_refused(client, redis_client, skew, status):
    body = body_of(COMMENT)
    response = client.post("/v1/comments", data=body, headers=sign(body, now=time.time() + skew))
    assert response.status_code == status
    assert redis_client.exists("mod:comment:s-1") == (status == 202)


def test_a_replay_inside_the_window_changes_nothing(client, redis_client):
    """Inside the window a captured request can only be delivered again: idempotency absorbs it."""
    from moderation.queueing import MODERATE, make_queue

    body = body_of(COMMENT)
    headers = sign(body)
    first = client.post("/v1/comments", data=body, headers=headers)
    replay = client.post("/v1/comments", data=body, headers=headers)
    assert first.status_code == replay.status_code == 202
    assert replay.get_json()["comments"][0]["duplicate"] is True
    assert make_queue(redis_client, MODERATE).count == 1
    assert [e["type"] for e in Store(redis_client).history("s-1")] == ["received"]


def test_signed_gets_have_the_same_window(post_signed, client):
    post_signed(COMMENT)
    old = str(int(time.time()) - 301)
    headers = {"X-Moderation-Timestamp": old,
               "X-Moderation-Signature": compute_signature(WEBHOOK_SECRET, old, b"/v1/comments/s-1")}
    assert client.get("/v1/comments/s-1", headers=headers).status_code == 401


def test_a_non_numeric_or_missing_timestamp_is_refused():
    from moderation.signing import SignatureError

    for stamp in (None, "", "12a", "１２３", "-5", "1e9"):
        with pytest.raises(SignatureError):
            verify_signature(WEBHOOK_SECRET, stamp, "sha256=00", b"{}")



# --- rate limiting ----------------------------------------------------------------------------

@pytest.fixture
def limited_app(settings):
    import dataclasses

    from moderation.web import create_app

    return lambda: create_app(dataclasses.replace(settings, rate_limit_per_minute=3))


def test_the_platform_gets_429_with_retry_after_once_over_its_limit(limited_app, redis_client):
    client = limited_app().test_client()
    answers = []
    for i in range(4):
        body = body_of({"id": f"r{i}", "text": "fine"})
        answers.append(client.post("/v1/comments", data=body, headers=sign(body)))
    assert [a.status_code for a in answers] == [202, 202, 202, 429]
    refused = answers[-1]
    assert refused.get_json()["error"]["code"] == "rate_limited"
    assert 1 <= int(refused.headers["Retry-After"]) <= ratelimit.WINDOW_SECONDS
    assert not redis_client.exists("mod:comment:r3")  # nothing stored for the refused request
    assert 'moderation_rate_limited_total{client="platform"} 1' in client.get("/metrics").get_data(as_text=True)


def test_the_limit_is_shared_by_every_web_process(limited_app):
    first, second = limited_app().test_client(), limited_app().test_client()  # two gunicorn workers
    statuses = []
    for i, client in enumerate([first, second, first, second]):
        body = body_of({"id": f"p{i}", "text": "fine"})
        statuses.append(client.post("/v1/comments", data=body, headers=sign(body)).status_code)
    assert statuses == [202, 202, 202, 429]


def test_a_stranger_flooding_unsigned_requests_is_limited_alone(limited_app):
    client = limited_app().test_client()
    body = body_of(COMMENT)
    strangers = [client.post("/v1/comments", data=body, headers={"Content-Type": "application/json"},
                             environ_base={"REMOTE_ADDR": "203.0.113.9"}).status_code for _ in range(5)]
    assert strangers == [401, 401, 401, 429, 429]
    assert client.post("/v1/comments", data=body, headers=sign(body)).status_code == 202  # platform unaffected


def test_the_window_resets_the_next_minute(redis_client):
    start = 1_800_000_000.0  # the start of a window
    for _ in range(3):
        ratelimit.check(redis_client, "platform", 3, now=start + 10)
    with pytest.raises(ratelimit.RateLimited) as refused:
        ratelimit.check(redis_client, "platform", 3, now=start + 10)
    assert refused.value.retry_after == 50
    ratelimit.check(redis_client, "platform", 3, now=start + 61)  # a new window: allowed again
    assert 0 < redis_client.ttl(ratelimit.window_key("platform", start + 61)) <= ratelimit.WINDOW_SECONDS + 5


def test_replays_of_one_signed_request_do_not_use_up_the_platforms_limit(settings):
    """Issue 15, item 2: 60 replays of one captured request, then the platform's fresh comment: 202."""
    import dataclasses

    from moderation.web import create_app

    client = create_app(dataclasses.replace(settings, rate_limit_per_minute=50)).test_client()
    body = body_of(COMMENT)
    captured = sign(body)
    replays = [client.post("/v1/comments", data=body, headers=captured,
                           environ_base={"REMOTE_ADDR": "198.51.100.7"}).status_code for _ in range(60)]
    # The first is the platform's own request; the 59 replays count against the replayer's address.
    assert replays.count(202) == 51 and replays.count(429) == 9
    fresh = body_of({"id": "s-2", "text": "The platform's next comment."})
    answer = client.post("/v1/comments", data=fresh, headers=sign(fresh))
    assert answer.status_code == 202, answer.get_json()
    figures = client.get("/metrics").get_data(as_text=True)
    assert "moderation_replays_total 59" in figures
    assert 'moderation_rate_limited_total{client="platform"}' not in figures


def test_a_replay_is_recognised_by_its_signature_alone(redis_client):
    from moderation.web import replay

    stamp = str(int(time.time()))
    signature = compute_signature(WEBHOOK_SECRET, stamp, b"{}")
    assert replay.first_use(redis_client, signature, stamp, 300) is True
    assert replay.first_use(redis_client, signature, stamp, 300) is False
    ttl = redis_client.ttl(replay.KEY_PREFIX + signature.removeprefix("sha256="))
    assert 295 <= ttl <= 302  # remembered exactly as long as the timestamp stays inside the window


@pytest.mark.parametrize("stamp", ["9" * 310, "1" * 13, "٣" * 10], ids=["310-digits", "13-digits", "arabic-digits"])
def test_a_malformed_timestamp_is_a_401_not_a_500(client, redis_client, stamp):
    """Issue 15, item 6: a 310-digit timestamp raised OverflowError (500 and a traceback)."""
    body = body_of(COMMENT)
    for path, data in (("/v1/comments", body), ("/v1/comments/s-1", None)):
        headers = {"Content-Type": "application/json", "X-Moderation-Timestamp": stamp,
                   "X-Moderation-Signature": compute_signature(WEBHOOK_SECRET, "1", body)}
        response = client.post(path, data=data, headers=headers) if data else client.get(path, headers=headers)
        assert response.status_code == 401, response.get_data(as_text=True)
        assert response.get_json()["error"]["code"] in ("bad_signature", "unauthorized")
    assert not redis_client.exists("mod:comment:s-1")


# --- no pickle on the queues ------------------------------------------------------------------

def job_payloads(redis_client) -> list[bytes]:
    """The decompressed `data` of every RQ job in Redis."""
    return [zlib.decompress(redis_client.hget(key, "data")) for key in redis_client.scan_iter("rq:job:*")
            if redis_client.type(key) == b"hash" and redis_client.hexists(key, "data")]


def test_enqueued_jobs_are_json_not_pickle(post_signed, redis_client, settings):
    import dataclasses

    from moderation.services import Services

    post_signed({"comments": [{"id": f"j{i}", "text": "fine"} for i in range(3)]})
    delivering = Services(dataclasses.replace(settings, callback_url="http://127.0.0.1:9/x"), redis=redis_client)
    delivering.enqueue_delivery([("j0", 1)])
    payloads = job_payloads(redis_client)
    assert len(payloads) == 2
    for data in payloads:
        assert not data.startswith(b"\x80"), "pickle protocol header"
        func, _instance, args, _kwargs = json.loads(data)
        assert func in ("workers.jobs.moderate_comments", "workers.jobs.deliver_decisions")
        assert all(isinstance(item[0], str) and isinstance(item[1], int) for item in args[0])


class Exploit:
    """A pickle that runs os.mkdir(marker) when it is loaded: what pickle on a queue allows."""

    def __init__(self, marker: str):
        self.marker = marker

    def __reduce__(self):
        return os.mkdir, (self.marker,)


@pytest.mark.e2e
def test_a_real_worker_refuses_a_pickled_job_and_keeps_working(make_service, tmp_path):  # noqa: F811
    service = make_service()
    service.wait_healthy()
    marker = tmp_path / "pwned"
    planted = Queue("moderate", connection=service.store.redis).enqueue_call("os.mkdir", args=(str(marker),))
    service.store.redis.hset(f"rq:job:{planted.id}", "data", zlib.compress(pickle.dumps(Exploit(str(marker)))))
    assert service.client.post_comments([COMMENT])[0] == 202  # queued after the planted job

    service.start_worker()
    assert wait_until(lambda: service.store.pending_count() == 0, timeout=30), service.logs()
    assert not marker.exists(), "a worker unpickled job data"
    assert all(w.alive() for w in service.workers)
    failed = Queue("moderate", connection=service.store.redis, serializer=JSONSerializer).failed_job_registry
    assert planted.id in failed.get_job_ids()


# --- credentials never logged -----------------------------------------------------------------

@pytest.mark.e2e
def test_a_real_run_logs_no_secret_token_or_signature(make_service, tmp_path):  # noqa: F811
    service = make_service(log_level="DEBUG", callback_url="http://127.0.0.1:9/unreachable",
                           job_retries=0, session_secret="session-secret-value")
    service.start_worker()
    signatures = []
    for i in range(3):
        body = body_of({"comments": [{"id": f"log{i}", "text": "You are an idiot."}]})
        headers = {"Content-Type": "application/json", **signed_headers(WEBHOOK_SECRET, body)}
        signatures.append(headers["X-Moderation-Signature"].split("=", 1)[1])
        with urllib.request.urlopen(urllib.request.Request(f"{service.url}/v1/comments", data=body,
                                                           headers=headers)) as answer:
            assert answer.status == 202
    service.client.wait_decided(["log0", "log1", "log2"], timeout=20)
    assert _bearer_get(service.url, "/v1/review", REVIEW_TOKEN) == 200
    assert _bearer_get(service.url, "/v1/review", "wrong-token-that-may-be-a-typo") == 401  # not logged either
    _page_sign_in(service.url, REVIEW_TOKEN)
    wait_until(lambda: service.store.head("log0").get("delivery") == "failed", timeout=20)

    logs = "".join(p.read_text(errors="replace") for p in (service.tmp / "logs").glob("*.log"))
    assert "event=comments.accepted" in logs and "callback.failed" in logs  # the run was logged
    for secret in [WEBHOOK_SECRET, REVIEW_TOKEN, "wrong-token-that-may-be-a-typo", "session-secret-value",
                   *signatures]:
        assert secret not in logs


def _bearer_get(url: str, path: str, token: str) -> int:
    request = urllib.request.Request(url + path, headers={"Authorization": f"Bearer {token}"})
    try:
        with urllib.request.urlopen(request) as answer:
            return answer.status
    except urllib.error.HTTPError as error:
        return error.code


def _page_sign_in(url: str, token: str) -> None:
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))
    page = opener.open(f"{url}/review").read().decode()
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    form = f"csrf_token={csrf}&token={token}".encode()
    assert "Sign out" in opener.open(f"{url}/review/sign-in", data=form).read().decode()


# --- review page headers on every answer ------------------------------------------------------

def test_review_page_security_headers_are_on_errors_and_static_files_too(client):
    client.get("/review")
    answers = [client.post("/review/decide", data={"id": "x", "action": "approve"}),  # 403: no CSRF token
               client.get("/review/static/review.js"),
               client.get("/static/review.js"),  # the app's own static route too (issue 15, item 9)
               client.get("/static/review.css"),
               client.get("/review?page=0")]
    for answer in answers:
        assert "frame-ancestors 'none'" in answer.headers["Content-Security-Policy"], answer.status_code
        assert answer.headers["X-Content-Type-Options"] == "nosniff"
        assert answer.headers["X-Frame-Options"] == "DENY"
