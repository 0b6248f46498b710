"""End to end: a comment held by a real worker reaches the review queue over gunicorn; the
moderator's decision changes its state, shows in GET /v1/comments/<id> and reaches the platform."""

from __future__ import annotations

import json
import threading
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.e2e.conftest import wait_until

pytestmark = pytest.mark.e2e

TOKEN = "tok-alice-e2e-7Kq9Zr"  # serve refuses tokens under 16 characters (moderation/startup.py)
HELD_TEXT = "The minister is a scumbag and this bill proves it."


class Platform(BaseHTTPRequestHandler):
    received: list = []

    def do_POST(self):  # noqa: N802 - http.server API
        Platform.received.append(json.loads(self.rfile.read(int(self.headers["Content-Length"]))))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


def call(url: str, method: str = "GET", body=None, token: str | None = TOKEN):
    data = json.dumps(body).encode() if body is not None else None
    headers = {"Content-Type": "application/json", **({"Authorization": f"Bearer {token}"} if token else {})}
    request = urllib.request.Request(url, data=data, headers=headers, method=method)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read()), response.headers
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read()), exc.headers


def test_held_by_the_engine_then_approved_through_the_api(make_service):
    Platform.received = []
    platform = ThreadingHTTPServer(("127.0.0.1", 0), Platform)
    threading.Thread(target=platform.serve_forever, daemon=True).start()
    try:
        service = make_service(review_tokens=(f"alice:{TOKEN}",),
                               callback_url=f"http://127.0.0.1:{platform.server_address[1]}/cb")
        service.start_worker()
        assert service.client.post_comments([{"id": "h1", "text": HELD_TEXT, "article": {"id": "a1"}}])[0] == 202
        assert service.client.wait_decided(["h1"], timeout=15)["h1"]["decision"]["decision"] == "hold"

        assert call(f"{service.url}/v1/review", token=None)[0] == 401
        status, listing, _ = call(f"{service.url}/v1/review")
        assert status == 200 and [item["id"] for item in listing["items"]] == ["h1"]
        assert "lexicon_strong" in listing["items"][0]["reasons"] and listing["items"][0]["hits"]

        status, answer, _ = call(f"{service.url}/v1/review/h1", "POST", {"action": "approve", "reason": "satire"})
        assert status == 200 and answer["decision"] == "keep"
        status, shown, _ = call(f"{service.url}/v1/comments/h1")
        assert shown["outcome"] == "keep" and shown["final_revision"] == 1
        assert [(e["actor"], e["what"], e["why"]) for e in shown["history"] if e["type"] == "moderated"] == [
            ("moderator:alice", "keep", "satire")]
        delivered = wait_until(lambda: [p for p in Platform.received if p["decision"].get("source") == "moderator"],
                               timeout=15)
        assert delivered and delivered[0]["id"] == "h1" and delivered[0]["decision"]["decision"] == "keep", \
            service.logs()
        assert call(f"{service.url}/v1/review/h1", "POST", {"action": "reject"})[0] == 409

        page = urllib.request.urlopen(f"{service.url}/review", timeout=10)
        assert page.headers["X-Frame-Options"] == "DENY" and "unsafe-inline" not in page.headers[
            "Content-Security-Policy"]
    finally:
        platform.shutdown()
