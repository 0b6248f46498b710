"""The OpenAPI description (moderation/web/openapi.json) and the running app agree, both ways."""

from __future__ import annotations

import json
import re

import pytest

from moderation.web.openapi import DOCUMENT

AUTOMATIC = {"HEAD", "OPTIONS"}  # Flask answers these for every rule; the description says so
_CONVERTER = re.compile(r"<(?:[a-z_]+:)?([A-Za-z_][A-Za-z0-9_]*)>")


@pytest.fixture(scope="module")
def document() -> dict:
    return json.loads(DOCUMENT.read_text(encoding="utf-8"))


def app_operations(app) -> set[tuple[str, str]]:
    """(OpenAPI path, method) for every rule of the app's URL map."""
    found = set()
    for rule in app.url_map.iter_rules():
        path = _CONVERTER.sub(r"{\1}", rule.rule)
        found |= {(path, method.lower()) for method in rule.methods - AUTOMATIC}
    return found


def described_operations(document: dict) -> set[tuple[str, str]]:
    methods = {"get", "put", "post", "delete", "patch", "head", "options", "trace"}
    return {(path, method) for path, item in document["paths"].items() for method in item if method in methods}


def test_every_route_is_described(app, document):
    missing = app_operations(app) - described_operations(document)
    assert not missing, f"routes without a description: {sorted(missing)}"


def test_every_description_is_a_route(app, document):
    extra = described_operations(document) - app_operations(app)
    assert not extra, f"described but not served: {sorted(extra)}"


def test_the_document_is_valid_openapi_3(document):
    import schemathesis

    assert document["openapi"] == "3.0.3"
    schemathesis.openapi.from_dict(json.loads(json.dumps(document))).validate()  # the OAS 3.0 meta-schema


def test_it_is_served_at_openapi_json(client, document):
    response = client.get("/openapi.json")
    assert response.status_code == 200 and response.mimetype == "application/json"
    assert response.get_json() == document


def test_every_operation_documents_its_errors_as_json(document):
    """Every 4xx/5xx answer is the JSON error schema, except the sign-in form's HTML 401 and health's report."""
    allowed_other = {("/review/sign-in", "post", "401"), ("/review/sign-in", "post", "429"), ("/healthz", "get", "503")}
    for path, method in described_operations(document):
        for status, answer in document["paths"][path][method]["responses"].items():
            if status[0] in "45" and (path, method, status) not in allowed_other:
                schema = answer["content"]["application/json"]["schema"]
                assert schema["$ref"] in ("#/components/schemas/Error", "#/components/schemas/ReviewFailure"), \
                    (path, method, status)


def test_security_schemes_name_the_real_headers(document):
    from moderation.signing import SIGNATURE_HEADER, TIMESTAMP_HEADER

    schemes = document["components"]["securitySchemes"]
    assert schemes["webhookSignature"]["name"] == SIGNATURE_HEADER
    assert schemes["webhookTimestamp"]["name"] == TIMESTAMP_HEADER
    assert schemes["moderatorToken"] == {**schemes["moderatorToken"], "type": "http", "scheme": "bearer"}
    assert document["paths"]["/v1/comments"]["post"]["security"] == [{"webhookSignature": [], "webhookTimestamp": []}]
    for path in ("/v1/review", "/v1/review/figures"):
        assert document["paths"][path]["get"]["security"] == [{"moderatorToken": []}]


def test_limits_in_the_description_are_the_settings_defaults(document):
    from moderation.settings import Settings
    from moderation.web.validation import ID_PATTERN

    comment = document["components"]["schemas"]["Comment"]["properties"]
    batch = document["components"]["schemas"]["CommentBatch"]["properties"]["comments"]
    defaults = Settings()
    assert comment["text"]["maxLength"] == defaults.max_text_chars
    assert comment["author"]["maxLength"] == defaults.max_author_chars
    assert batch["maxItems"] == defaults.max_batch_comments
    assert comment["id"]["pattern"] == f"^{ID_PATTERN.pattern}$"
