"""The review queue's JSON API, for moderators bearing a token (settings.review_tokens).

    GET  /v1/review                  held comments, most urgent first (?language ?article ?reason ?page ?per_page)
    GET  /v1/review/figures          queue size, oldest age, decisions per moderator, median wait
    POST /v1/review/<id>             {"action": "approve"|"reject", "reason"?, "revision"?}
    POST /v1/review                  {"ids": [...], "action", "reason"?}  (bulk)
    POST /v1/review/<id>/claim       claim a comment for review_claim_seconds (refreshes your own)
    POST /v1/review/<id>/release     drop your claim
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, g, jsonify, request

from moderation.store import review, review_figures
from moderation.store.lifecycle import moderate
from moderation.web.context import services
from moderation.web.errors import ApiError
from moderation.web.review_auth import require_bearer
from moderation.web.validation import decode_json

bp = Blueprint("review_api", __name__)

MAX_BULK = 500
MAX_REASON_CHARS = 500
# Outcome status -> (HTTP status, error code, message) for the ones that did not act.
FAILURES = {
    "unknown": (404, "unknown_comment", "no comment with this id"),
    "not_queued": (409, "not_in_queue", "this comment is not waiting for review (already decided or not held)"),
    "claimed": (409, "claimed", "another moderator has claimed this comment"),
    "stale": (409, "stale_revision", "the comment was edited and held again; review the new revision"),
}


@bp.before_request
def authenticate() -> None:
    g.moderator = require_bearer(services().settings, services().redis)


def _int_arg(name: str, default: int, low: int, high: int) -> int:
    raw = request.args.get(name)
    if raw is None:
        return default
    # isascii: "²".isdigit() is True but int("²") raises.
    if not (raw.isascii() and raw.isdigit()) or not low <= int(raw) <= high:
        raise ApiError(422, "invalid_parameter", f"{name} must be an integer from {low} to {high}", name)
    return int(raw)


def page_request() -> tuple[review.Filters, int, int]:
    """Filters and pagination from the query string (shared with the page)."""
    filters = review.Filters(**{name: request.args.get(name) or None for name in ("language", "article", "reason")})
    page = _int_arg("page", 1, 1, 1_000_000)
    per_page = _int_arg("per_page", review.DEFAULT_PER_PAGE, 1, review.MAX_PER_PAGE)
    return filters, page, per_page


@bp.get("/v1/review")
def list_review():
    filters, page, per_page = page_request()
    return jsonify(review.list_queue(services().redis, filters, page, per_page).to_json())


@bp.get("/v1/review/figures")
def figures():
    return jsonify(review_figures.figures(services().redis))


def _body() -> dict[str, Any]:
    # The intake's strict decoder: a nesting bomb is a 400 (Flask's get_json let RecursionError
    # through as a 500) and {"action": "approve", "action": "reject"} is refused, not guessed.
    if not request.is_json:
        raise ApiError(400, "malformed_json", "send a JSON object with Content-Type: application/json")
    body = decode_json(request.get_data(cache=False))
    if not isinstance(body, dict):
        raise ApiError(400, "malformed_json", "send a JSON object with Content-Type: application/json")
    return body


def parse_action(body: dict[str, Any]) -> tuple[str, str | None]:
    """The action and optional reason of a decision request; 422 naming the bad field."""
    action = body.get("action")
    if not isinstance(action, str) or action not in moderate.ACTIONS:  # {"action": {}} is unhashable
        raise ApiError(422, "invalid_action", 'action must be "approve" (keep) or "reject" (remove)', "action")
    reason = body.get("reason")
    if reason is not None and (not isinstance(reason, str) or len(reason) > MAX_REASON_CHARS):
        raise ApiError(422, "invalid_reason", f"reason must be a string of at most {MAX_REASON_CHARS} characters",
                       "reason")
    return action, (reason.strip() or None) if reason else None


def act(ids: list[str], action: str, reason: str | None, revisions: dict[str, int] | None = None):
    """Decide as the signed-in moderator and queue delivery of the decided ones to the platform."""
    svc = services()
    outcomes = moderate.decide(svc.redis, ids, action, g.moderator, reason, revisions,
                                      deliver=bool(svc.settings.callback_url))
    decided = [(o.id, o.revision) for o in outcomes if o.ok]
    svc.enqueue_delivery(decided)
    return outcomes


def outcome_json(outcome, action: str) -> dict[str, Any]:
    """One result: what was decided, or why not."""
    body = outcome.to_json()
    if outcome.ok:
        body.update(action=action, decision=moderate.ACTIONS[action], moderator=g.moderator)
    else:
        body["error"] = {"code": FAILURES[outcome.status][1], "message": FAILURES[outcome.status][2]}
    return body


def single_answer(outcome, action: str | None = None):
    """200 with the outcome, or its error status."""
    if outcome.status in FAILURES:
        status, code, message = FAILURES[outcome.status]
        return jsonify({"error": {"code": code, "message": message}, **outcome.to_json()}), status
    return jsonify(outcome_json(outcome, action) if action else outcome.to_json())


@bp.post("/v1/review/<path:comment_id>/claim")
def claim(comment_id: str):
    return single_answer(moderate.claim(services().redis, comment_id, g.moderator,
                                              services().settings.review_claim_seconds))


@bp.post("/v1/review/<path:comment_id>/release")
def release(comment_id: str):
    return single_answer(moderate.release(services().redis, comment_id, g.moderator))


@bp.post("/v1/review/<path:comment_id>")
def decide_one(comment_id: str):
    body = _body()
    action, reason = parse_action(body)
    revision = body.get("revision")
    if revision is not None and (not isinstance(revision, int) or isinstance(revision, bool) or revision < 1):
        raise ApiError(422, "invalid_revision", "revision must be a positive integer", "revision")
    revisions = {comment_id: revision} if revision is not None else None
    return single_answer(act([comment_id], action, reason, revisions)[0], action)


@bp.post("/v1/review")
def decide_bulk():
    body = _body()
    action, reason = parse_action(body)
    ids = body.get("ids")
    if (not isinstance(ids, list) or not 1 <= len(ids) <= MAX_BULK
            or not all(isinstance(i, str) and i for i in ids)):
        raise ApiError(422, "invalid_ids", f"ids must be a list of 1 to {MAX_BULK} comment ids (strings)", "ids")
    outcomes = act(list(dict.fromkeys(ids)), action, reason)
    results = [outcome_json(o, action) for o in outcomes]
    return jsonify({"results": results, "decided": sum(o.ok for o in outcomes)})
