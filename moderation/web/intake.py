"""POST /v1/comments: signed webhook intake. 202 only once comments and jobs are in Redis."""

from __future__ import annotations

import logging

from flask import Blueprint, jsonify, request, url_for

from moderation.logging import log_event
from moderation.store.metrics import incr
from moderation.signing import SIGNATURE_HEADER, TIMESTAMP_HEADER
from moderation.web import ratelimit, replay
from moderation.web.auth import require_signed_body
from moderation.web.context import services
from moderation.web.errors import ApiError
from moderation.web.validation import parse_comments

bp = Blueprint("intake", __name__)
log = logging.getLogger("moderation.web.intake")


def read_body(limit: int) -> bytes:
    """Read the raw body, refusing (413) anything over `limit` bytes before reading it all."""
    if request.content_length is not None and request.content_length > limit:
        raise ApiError(413, "request_too_large", f"request body over {limit} bytes")
    if request.content_length is None and "wsgi.input_terminated" in request.environ:
        # Chunked: the server ends the stream, so read it directly. Werkzeug's stream would stop
        # quietly at the limit, and a body cut short would be answered 401 (its signature fails).
        body = request.environ["wsgi.input"].read(limit + 1)
    else:
        body = request.stream.read(limit + 1)
    if len(body) > limit:
        raise ApiError(413, "request_too_large", f"request body over {limit} bytes")
    return body


def require_json_content_type() -> None:
    """Refuse (415) bodies that are not declared as UTF-8 JSON."""
    charset = request.mimetype_params.get("charset", "utf-8").lower()
    if request.mimetype != "application/json" or charset not in ("utf-8", "utf8"):
        raise ApiError(415, "unsupported_media_type", "send Content-Type: application/json (UTF-8)")


@bp.post("/v1/comments")
def post_comments():
    """Accept one comment or a batch; answer each comment's revision and status URL."""
    svc = services()
    body = read_body(svc.settings.max_request_bytes)
    limit = svc.settings.rate_limit_per_minute
    try:
        require_signed_body(svc.settings, body)  # before anything else: strangers learn nothing
    except ApiError:
        ratelimit.check_unsigned(svc.redis, request.remote_addr, limit)  # 429 once a stranger floods us
        raise
    if replay.first_use(svc.redis, request.headers[SIGNATURE_HEADER], request.headers[TIMESTAMP_HEADER],
                        svc.settings.signature_tolerance_seconds):
        ratelimit.check(svc.redis, "platform", limit)  # 429 with Retry-After (web/ratelimit.py)
    else:  # a replay: the sender's budget, never the platform's (web/replay.py)
        incr(svc.redis, "moderation_replays_total")
        ratelimit.check(svc.redis, f"addr:{request.remote_addr or 'unknown'}", limit)
    require_json_content_type()
    comments = parse_comments(body, svc.settings)
    accepted = svc.accept(comments)
    duplicates = sum(a.duplicate for a in accepted)
    if duplicates:
        incr(svc.redis, "moderation_duplicates_total", n=duplicates)
    answers = [{**a.to_json(), "status_url": url_for("comments.get_comment", comment_id=a.id, _external=True)}
               for a in accepted]
    # One line per request: every comment id (with its revision) and the job(s) that will decide them.
    log_event(log, "comments.accepted", count=len(accepted), duplicates=duplicates,
              comment_ids=",".join(f"{a.id}@{a.revision}" for a in accepted),
              job_ids=",".join(sorted({a.job_id for a in accepted if a.job_id})))
    response = jsonify({"accepted": len(accepted) - duplicates, "duplicates": duplicates, "comments": answers})
    if len(answers) == 1:
        response.headers["Location"] = answers[0]["status_url"]
    return response, 202
