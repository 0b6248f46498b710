"""Shared fixtures: a real redis-server (one per session, on a free port, in a tmp folder, flushed
between tests), settings pointing at it, the Flask app and its test client, signed requests.
End-to-end fixtures (gunicorn, worker subprocesses) live in tests/e2e/conftest.py.
"""

from __future__ import annotations

import json

import pytest

from moderation.redis_server import RedisServer
from moderation.settings import load_settings
from moderation.signing import signed_headers

WEBHOOK_SECRET = "test-webhook-secret"
REVIEW_TOKEN = "test-moderator-token"


@pytest.fixture(scope="session")
def redis_server(tmp_path_factory):
    """A real redis-server for the whole session (append-only, like production)."""
    server = RedisServer(tmp_path_factory.mktemp("redis"))
    server.start()
    yield server
    server.stop()


@pytest.fixture
def redis_client(redis_server):
    """A client on the session server, flushed before each test."""
    from moderation.store.connection import connect

    client = connect(redis_server.url)
    client.flushall()
    yield client
    client.close()


@pytest.fixture
def settings(redis_server, redis_client, tmp_path):
    """Settings for a test: our Redis, a known webhook secret and moderator token, tmp data dir."""
    return load_settings(overrides={
        "redis_url": redis_server.url, "webhook_secret": WEBHOOK_SECRET, "review_tokens": (REVIEW_TOKEN,),
        "data_dir": tmp_path / "var",
    }, environ={})


@pytest.fixture
def store(redis_client):
    from moderation.store import Store

    return Store(redis_client)


@pytest.fixture
def app(settings):
    from moderation.web import create_app

    app = create_app(settings)
    app.config["TESTING"] = True
    return app


@pytest.fixture
def client(app):
    return app.test_client()


def sign(body: bytes, secret: str = WEBHOOK_SECRET, now: float | None = None) -> dict[str, str]:
    """Headers for a signed JSON POST of `body`."""
    return {"Content-Type": "application/json", **signed_headers(secret, body, now=now)}


@pytest.fixture
def post_signed(client):
    """POST a JSON-able payload (or raw bytes) to /v1/comments, signed with the test secret."""
    def post(payload, path="/v1/comments", headers=None):
        body = payload if isinstance(payload, bytes) else json.dumps(payload).encode("utf-8")
        return client.post(path, data=body, headers={**sign(body), **(headers or {})})
    return post
