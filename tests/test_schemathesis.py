"""schemathesis against the real app (WSGI, in process) and the session's real redis-server,
generated from moderation/web/openapi.json: no 5xx, every answer documented, every error JSON.

Two passes over every operation, bounded and seeded (derandomized, no example database):
* as generated: credentials are random, so the signed and bearer endpoints mostly answer 401;
* authorised: intake bodies signed correctly (the fuzzer reaches 400/413/415/422 and 202),
  GETs of comments signed over their path, review endpoints with a real moderator token,
  page forms in a signed-in session carrying its CSRF token.
"""

from __future__ import annotations

import json
import re
from urllib.parse import unquote

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import (content_type_conformance, not_a_server_error, response_headers_conformance,
                                 response_schema_conformance, status_code_conformance)
from schemathesis.transport.wsgi import WSGI_TRANSPORT
from schemathesis.core import NOT_SET

from moderation.signing import compute_signature, signed_headers
from moderation.web.openapi import DOCUMENT
from tests.conftest import REVIEW_TOKEN, WEBHOOK_SECRET

EXAMPLES = 30
FORM = "application/x-www-form-urlencoded"
FUZZ = settings(max_examples=EXAMPLES, derandomize=True, database=None, deadline=None,
                suppress_health_check=list(HealthCheck))


@schemathesis.check
def errors_are_json(ctx, response, case):
    """Every 4xx/5xx is a JSON object; only the sign-in form's wrong-token 401 is an HTML page."""
    if response.status_code < 400:
        return None
    if (case.path, response.status_code) == ("/review/sign-in", 401):
        assert response.headers["content-type"][0].startswith("text/html")
        return True
    content_type = response.headers.get("content-type", [""])[0]
    assert content_type.startswith("application/json"), f"{response.status_code} answered as {content_type!r}"
    body = json.loads(response.content)
    assert isinstance(body, dict), body
    if case.path != "/healthz":  # health's 503 is its report, {"status": "down", ...}
        assert isinstance(body.get("error"), dict) and body["error"].get("code"), body
    return True


CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_headers_conformance,
          response_schema_conformance, errors_are_json]


# Loaded from the file the app serves (test_openapi.py checks they are the same); the app itself
# needs the per-test Redis fixture, so each call passes it (schemathesis's from_fixture does not
# work with pytest 9: it reads a private attribute of the test node).
schema = schemathesis.openapi.from_dict(json.loads(DOCUMENT.read_text(encoding="utf-8")))
schema.config.generation.update(max_examples=EXAMPLES, deterministic=True, database="none")


@schema.parametrize()
@FUZZ
def test_as_generated(case, app):
    response = case.call_and_validate(checks=CHECKS, app=app)
    # Random credentials never pass: no comment stored, no comment or queue shown, no decision taken.
    # (OPTIONS, which schemathesis also tries, is answered 200 by Flask itself with an empty body.)
    if case.path.startswith("/v1/") and case.method.upper() != "OPTIONS":
        assert response.status_code not in (200, 202), (case.method, case.path, response.status_code)


# --- authorised pass ---------------------------------------------------------------------------

def _signed_in(app):
    """A test client signed in to the review page, and its CSRF token."""
    client = app.test_client()
    page = client.get("/review").get_data(as_text=True)
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    assert client.post("/review/sign-in", data={"csrf_token": csrf, "token": REVIEW_TOKEN}).status_code == 303
    page = client.get("/review").get_data(as_text=True)
    return client, re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)


def _signature_of(path: str) -> dict[str, str]:
    stamp = signed_headers(WEBHOOK_SECRET, b"")["X-Moderation-Timestamp"]
    return {"X-Moderation-Timestamp": stamp,
            "X-Moderation-Signature": compute_signature(WEBHOOK_SECRET, stamp, path.encode("utf-8"))}


def send_authorised(case, app):
    """Send `case` through a Flask test client with real credentials for its endpoint.

    Sent directly (not with case.call) because schemathesis drops the auth headers of cases whose
    negation is "credential missing"; here every request must carry valid credentials.
    """
    client = app.test_client()
    if case.path.startswith("/review") and case.method == "POST" and case.path != "/review/sign-in":
        client, csrf = _signed_in(app)
        if isinstance(case.body, dict):
            case.body["csrf_token"] = csrf
    request = WSGI_TRANSPORT.serialize_case(case)
    headers = request["headers"]
    signs_body = case.path == "/v1/comments" or (case.path.endswith("/reinstated") and case.method.upper() == "POST"
                                                  and case.body is not NOT_SET)
    if signs_body:  # a reinstatement report without a body signs its path, like a GET
        body = json.dumps(request.pop("json")) if "json" in request else request.get("data") or b""
        body = body.encode("utf-8", "surrogatepass") if isinstance(body, str) else body
        request["data"] = body
        headers.update(signed_headers(WEBHOOK_SECRET, body) if body or case.path == "/v1/comments"
                       else _signature_of(unquote(request["path"])))
    elif case.path.startswith("/v1/comments/"):
        headers.pop("Authorization", None)
        headers.update(_signature_of(unquote(request["path"])))  # as the server decodes it
    elif case.path.startswith("/v1/review"):
        headers["Authorization"] = f"Bearer {REVIEW_TOKEN}"
    return client.open(**request)


@pytest.fixture
def seeded(app, post_signed):
    """A few stored comments, so authorised requests also meet real ids."""
    post_signed({"comments": [{"id": f"c{i}", "text": f"comment {i}"} for i in range(3)]})
    return app


@schema.parametrize()
@FUZZ
def test_authorised(case, seeded):
    response = send_authorised(case, seeded)
    case.validate_response(response, checks=CHECKS)
    # Real credentials always get past authentication, so the fuzzer exercised what lies behind it.
    form_sent = isinstance(case.body, dict) and (case.headers or {}).get("Content-Type", FORM).startswith(FORM)
    form_without_token = case.path.startswith("/review/") and not form_sent
    if case.path.startswith(("/v1/", "/review/")) and case.path != "/review/sign-in" and not form_without_token:
        assert response.status_code not in (401, 403), (case.path, response.status_code, response.get_data()[:200])
    STATUSES.setdefault(f"{case.method} {case.path}", set()).add(response.status_code)


STATUSES: dict[str, set[int]] = {}


def test_authorised_pass_reached_acceptance_and_validation():
    """Runs after the pass above (file order): intake answered both 202 and validation errors."""
    if not STATUSES:
        pytest.skip("run together with test_authorised")
    intake = STATUSES["POST /v1/comments"]
    assert 202 in intake and intake & {400, 413, 422}, intake
    assert 200 in STATUSES["GET /v1/review"] and 303 in STATUSES["POST /review/decide"], STATUSES
