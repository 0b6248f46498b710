"""Who may call: the platform signs its requests with the webhook secret; moderators bear tokens.

POST bodies are signed as "<timestamp>.<raw body>". A GET has no body, so the platform signs
"<timestamp>.<path>" instead: a signature for one comment's URL cannot be replayed for another.
"""

from __future__ import annotations

from flask import request

from moderation.settings import Settings
from moderation.signing import SIGNATURE_HEADER, TIMESTAMP_HEADER, SignatureError, verify_signature
from moderation.web.errors import ApiError
from moderation.web.review_auth import bearer_moderator


def require_signed_body(settings: Settings, body: bytes) -> None:
    """Refuse (401) unless the request carries a fresh valid signature of `body`."""
    try:
        verify_signature(settings.webhook_secret, request.headers.get(TIMESTAMP_HEADER),
                         request.headers.get(SIGNATURE_HEADER), body, settings.signature_tolerance_seconds)
    except SignatureError as exc:
        raise ApiError(401, "bad_signature", str(exc)) from None


def bearer_token_ok(settings: Settings, redis) -> bool:
    """True when the request bears one of the moderators' tokens (constant time; failures throttled)."""
    # "name:token" entries name their moderator (review_auth); compared in constant time there.
    return bearer_moderator(settings, redis) is not None


def _signable_paths() -> list[bytes]:
    """The path as decoded by the server and, if different, exactly as the client sent it."""
    raw = (request.environ.get("RAW_URI") or request.environ.get("REQUEST_URI") or "").split("?", 1)[0]
    paths = [request.path] + ([raw] if raw and raw != request.path else [])
    return [path.encode("utf-8", "surrogateescape") for path in paths]


def require_reader(settings: Settings, redis) -> None:
    """Refuse (401) unless the caller is a moderator (bearer token) or the platform (signed path).

    The platform may sign the path percent-encoded as it sent it (`/v1/comments/p1%3Aa`) or decoded
    (`/v1/comments/p1:a`); either is accepted.
    """
    if bearer_token_ok(settings, redis):
        return
    if not request.headers.get(SIGNATURE_HEADER):
        raise ApiError(401, "unauthorized",
                       "sign the request path with the webhook secret or send a moderator bearer token")
    require_signed_path(settings)


def require_signed_path(settings: Settings) -> None:
    """Refuse (401) unless the request carries a fresh valid signature of its path (as sent or decoded)."""
    failure = None
    for path in _signable_paths():
        try:
            require_signed_body(settings, path)
            return
        except ApiError as exc:
            failure = failure or exc
    raise failure
