"""POST /v1/comments/<id>/reinstated: the platform reports putting back a comment we removed.

Signed like intake: `X-Moderation-Signature: sha256=HMAC(secret, "<timestamp>.<raw body>")`. So that
a captured signature cannot be replayed for another comment, what is signed names the comment: a
body must carry `"id"` (the comment's id, as in the path), and a request without a body signs its
path instead, as GET /v1/comments/<id> does. Body (optional): {"id", "revision"?, "reason"?};
unknown fields are refused, so no intake body is ever read as a report.

Answers 202 when recorded, 200 when that revision's reinstatement was already recorded (counted
once), 404 for an unknown comment or revision, 409 when the revision's decision in force is not a
removal. Checks run in intake's order (size, signature, rate limit, content type, body).
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, jsonify, request

from moderation.signing import SIGNATURE_HEADER, TIMESTAMP_HEADER
from moderation.store.lifecycle import reinstate
from moderation.store.metrics import incr
from moderation.web import ratelimit, replay
from moderation.web.auth import require_signed_body, require_signed_path
from moderation.web.context import services
from moderation.web.errors import ApiError
from moderation.web.intake import read_body, require_json_content_type
from moderation.web.validation import decode_json

bp = Blueprint("reinstated", __name__)
FIELDS = ("id", "revision", "reason")
MAX_REASON_CHARS = 500


@bp.post("/v1/comments/<path:comment_id>/reinstated")
def post_reinstated(comment_id: str):
    """Record the platform's reinstatement of a removed revision (counted once per revision)."""
    svc = services()
    body = read_body(svc.settings.max_request_bytes)
    limit = svc.settings.rate_limit_per_minute
    try:
        require_signed_body(svc.settings, body) if body else require_signed_path(svc.settings)
    except ApiError:
        ratelimit.check_unsigned(svc.redis, request.remote_addr, limit)
        raise
    if replay.first_use(svc.redis, request.headers[SIGNATURE_HEADER], request.headers[TIMESTAMP_HEADER],
                        svc.settings.signature_tolerance_seconds):
        ratelimit.check(svc.redis, "platform", limit)
    else:  # a replay: answered like the first (idempotent), counted against the sender (web/replay.py)
        incr(svc.redis, "moderation_replays_total")
        ratelimit.check(svc.redis, f"addr:{request.remote_addr or 'unknown'}", limit)
    report = parse_report(body, comment_id) if body else {}
    done = reinstate(svc.redis, comment_id, report.get("revision"), report.get("reason"))
    if done.status == "unknown":
        raise ApiError(404, "not_found", f"no comment with id {comment_id!r}")
    if done.status == "no_revision":
        raise ApiError(404, "not_found", f"comment {comment_id!r} has no decided revision {done.revision}", "revision")
    if done.status == "not_removed":
        raise ApiError(409, "not_removed", f"the decision in force for revision {done.revision} is not a removal")
    if done.status == "contention":
        error = ApiError(503, "contention", "the comment's decision kept changing; retry")
        error.retry_after = 1
        raise error
    return jsonify(done.to_json()), 202 if done.status == "ok" else 200


def parse_report(raw: bytes, comment_id: str) -> dict[str, Any]:
    """Validate {"id", "revision"?, "reason"?}; the id must be the path's (it is what the signature names)."""
    require_json_content_type()
    data = decode_json(raw)
    if not isinstance(data, dict):
        raise ApiError(422, "invalid_body", 'body must be a JSON object {"id", "revision"?, "reason"?}')
    unknown = sorted(set(data) - set(FIELDS))
    if unknown:
        raise ApiError(422, "invalid_field", f"unknown field {unknown[0]!r}", unknown[0])
    if "id" not in data:
        raise ApiError(422, "missing_field", "a body names its comment: \"id\" is required", "id")
    if data["id"] != comment_id:
        raise ApiError(422, "invalid_field", "must be the comment id of the path", "id")
    revision = data.get("revision")
    if revision is not None and (not isinstance(revision, int) or isinstance(revision, bool) or revision < 1):
        raise ApiError(422, "invalid_type", "must be a positive integer", "revision")
    reason = data.get("reason")
    if reason is not None and (not isinstance(reason, str) or len(reason) > MAX_REASON_CHARS):
        raise ApiError(422, "invalid_field", f"must be a string of at most {MAX_REASON_CHARS} characters", "reason")
    return {"revision": revision, "reason": reason or None}
