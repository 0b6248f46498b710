"""Machine removals, platform reinstatements and audit items through the real service: redis-server,
gunicorn, an RQ worker, the signed webhook, POST /v1/comments/<id>/reinstated and the review API."""

from __future__ import annotations

import json
import urllib.error
import urllib.request

import pytest

from moderation.learning.replay import _api
from moderation.settings import load_settings
from moderation.signing import signed_headers
from tests.conftest import REVIEW_TOKEN, WEBHOOK_SECRET

pytestmark = pytest.mark.e2e

COMMENTS = [{"id": "gone-1", "text": "I will kill you, you filthy nigger"},
            {"id": "fine-1", "text": "What a lovely afternoon at the park with the children."},
            {"id": "fine-2", "text": "The council meeting moved to Thursday evening."}]


def report(url: str, comment_id: str, payload: dict) -> tuple[int, dict]:
    body = json.dumps(payload).encode("utf-8")
    request = urllib.request.Request(f"{url}/v1/comments/{comment_id}/reinstated", data=body, method="POST",
                                     headers={"Content-Type": "application/json",
                                              **signed_headers(WEBHOOK_SECRET, body)})
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return answer.status, json.loads(answer.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read())


def test_a_removal_reinstated_by_the_platform_is_counted_once_and_audit_items_stay_kept(make_service, tmp_path):
    policy = tmp_path / "policy-audit.toml"
    policy.write_text(load_settings(environ={}).resolved_policy_path.read_text("utf-8")
                      + "\n[review]\naudit_keep_share = 1.0\n", "utf-8")
    service = make_service(policy_path=policy)
    service.start_worker()
    status, _ = service.client.post_comments(COMMENTS)
    assert status == 202
    decided = service.client.wait_decided([c["id"] for c in COMMENTS], timeout=60)
    removal = decided["gone-1"]["decision"]
    assert removal["decision"] == "remove"
    assert all(decided[c]["outcome"] == "keep" and "audit_sample" in decided[c]["decision"]["reasons"]
               for c in ("fine-1", "fine-2"))

    # audit items: in the queue, marked, and kept for the platform
    status, page = _api(f"{service.url}/v1/review", REVIEW_TOKEN)
    assert status == 200 and {i["id"]: i["audit"] for i in page["items"]} == {"fine-1": True, "fine-2": True}

    status, figures = _api(f"{service.url}/v1/review/figures", REVIEW_TOKEN)
    language = removal["language"]
    assert figures["agreement"]["language"][language]["removed"] == 1

    assert report(service.url, "fine-1", {"id": "fine-1"})[0] == 409  # kept, not removed
    assert report(service.url, "nobody", {"id": "nobody"})[0] == 404
    first = report(service.url, "gone-1", {"id": "gone-1", "revision": 1, "reason": "appeal upheld"})
    assert first == (202, {"id": "gone-1", "status": "ok", "revision": 1, "removed_by": "machine", "counted": True})
    again = report(service.url, "gone-1", {"id": "gone-1", "revision": 1})
    assert again[0] == 200 and again[1]["status"] == "already"

    status, figures = _api(f"{service.url}/v1/review/figures", REVIEW_TOKEN)
    for reason in removal["reasons"]:
        cell = figures["agreement"]["reason"][reason]
        assert (cell["removed"], cell["reinstated"], cell["reinstated_rate"]) == (1, 1, 1.0)
    with urllib.request.urlopen(f"{service.url}/metrics", timeout=30) as answer:
        metrics = answer.read().decode("utf-8")
    assert f'moderation_agreement_total{{dimension="language",value="{language}",verdict="reinstated"}} 1' in metrics
    status, view = service.client.get_comment("gone-1")
    events = [e for e in view["history"] if e["type"] == "reinstated"]
    assert len(events) == 1 and events[0]["why"] == "appeal upheld" and view["outcome"] == "remove"

    # a moderator removes one audit item: a miss, not a rejected hold
    status, answer = _api(f"{service.url}/v1/review/fine-2", REVIEW_TOKEN, "POST",
                          {"action": "reject", "revision": 1})
    assert status == 200
    status, view = service.client.get_comment("fine-2")
    assert view["outcome"] == "remove"
    status, figures = _api(f"{service.url}/v1/review/figures", REVIEW_TOKEN)
    cell = figures["agreement"]["reason"]["audit_sample"]
    assert (cell["audit_missed"], cell["rejected"]) == (1, 0)
