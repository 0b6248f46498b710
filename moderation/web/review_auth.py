"""Moderators: who bears which token, the page's session sign-in, and CSRF tokens.

Tokens come from settings.review_tokens, read as named moderators by moderation/moderators.py (an
entry "alice:s3cret" names its moderator "alice"; a bare token gets a stable pseudonym from its
hash), so audit events and figures say who acted without ever storing or logging the token itself.

The page keeps no token in its cookie either: the cookie holds a random session id, and the
session (moderator, an HMAC fingerprint of the token, created, last use) lives in Redis
(store/sessions.py). It ends on sign-out, after `review_session_idle_seconds` without a request
and `review_session_max_seconds` after sign-in, for every copy of the cookie; the fingerprint is
re-checked against the configured tokens on every request, so removing or rotating a token signs
its sessions out.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from flask import request, session
from redis import Redis

from moderation.moderators import moderators
from moderation.settings import Settings
from moderation.store import sessions
from moderation.web import auth_throttle
from moderation.web.errors import ApiError

CSRF_FIELD = "csrf_token"


def moderator_for_token(settings: Settings, offered: str) -> str | None:
    """The moderator bearing `offered`, compared in constant time against every token."""
    offered_bytes = offered.encode("utf-8", "replace")
    found = None
    for moderator in moderators(settings):
        # No early exit: timing must not reveal which token matched or how many there are.
        if hmac.compare_digest(offered_bytes, moderator.token.encode("utf-8")):
            found = moderator.name
    return found if offered else None


def bearer_moderator(settings: Settings, redis) -> str | None:
    """The moderator bearing the request's token; None without one or for a wrong one (counted).

    Failed guesses are throttled per client (web/auth_throttle.py): once locked, 429 before any
    token is compared.
    """
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    names = auth_throttle.subjects(request.remote_addr)
    auth_throttle.check(redis, names)
    moderator = moderator_for_token(settings, token.strip())
    if moderator is None:
        auth_throttle.failed(redis, names)
    else:
        auth_throttle.succeeded(redis, request.remote_addr)
    return moderator


def require_bearer(settings: Settings, redis) -> str:
    """The moderator named by the request's bearer token; 401 otherwise (429 once throttled)."""
    moderator = bearer_moderator(settings, redis)
    if moderator is None:
        raise ApiError(401, "unauthorized", "send a moderator token: Authorization: Bearer <token>")
    return moderator


def session_secret(settings: Settings) -> bytes:
    """The key that signs session cookies: the configured one, else derived from the secrets."""
    if settings.session_secret:
        return settings.session_secret.encode("utf-8")
    if not settings.review_tokens:
        return secrets.token_bytes(32)  # nobody can sign in anyway; nothing to keep across processes
    material = "\n".join((settings.webhook_secret, *settings.review_tokens)).encode("utf-8")
    return hmac.new(material, b"moderation review session v1", hashlib.sha256).digest()


def _fingerprint(secret: bytes, token: str) -> str:
    return hmac.new(secret, token.encode("utf-8"), hashlib.sha256).hexdigest()[:32]


def sign_in(settings: Settings, secret: bytes, token: str, redis, claimed: str | None = None) -> str | None:
    """Start a fresh server-side session for the token's moderator; None (and no session) for a bad token.

    `claimed`: the moderator name typed in the form, if any; the token must then be theirs, and
    failures count against that name too (web/auth_throttle.py). Raises Throttled while locked.
    """
    names = auth_throttle.subjects(request.remote_addr, claimed)
    auth_throttle.check(redis, names)
    name = moderator_for_token(settings, token)
    if name is None or (claimed and claimed != name):
        auth_throttle.failed(redis, names)
        return None
    auth_throttle.succeeded(redis, request.remote_addr)
    sign_out(redis)  # a new session id and CSRF token: no fixation across sign-ins
    session.permanent = True
    session["sid"] = sessions.create(redis, name, _fingerprint(secret, token), settings.review_session_idle_seconds,
                                     settings.review_session_max_seconds)
    session[CSRF_FIELD] = secrets.token_urlsafe(32)
    return name


def signed_in(settings: Settings, secret: bytes, redis) -> str | None:
    """The moderator of this session, if it has not ended and their token is still configured."""
    session_id = session.get("sid")
    if not isinstance(session_id, str):
        return None
    live = sessions.touch(redis, session_id, settings.review_session_idle_seconds,
                          settings.review_session_max_seconds)
    if live is None:
        return None
    name, fingerprint = live
    found = None
    for moderator in moderators(settings):
        if hmac.compare_digest(fingerprint, _fingerprint(secret, moderator.token)) and moderator.name == name:
            found = moderator.name
    return found


def sign_out(redis: Redis, everywhere: str | None = None) -> None:
    """End this browser's session server-side (and, with `everywhere`, every session of that moderator)."""
    session_id = session.get("sid")
    if isinstance(session_id, str):
        sessions.end(redis, session_id)
    if everywhere:
        sessions.end_all(redis, everywhere)
    session.clear()


def csrf_token() -> str:
    """This session's CSRF token (created on first use)."""
    if not isinstance(session.get(CSRF_FIELD), str):
        session[CSRF_FIELD] = secrets.token_urlsafe(32)
    return session[CSRF_FIELD]


def check_csrf() -> None:
    """Refuse (403) a form whose CSRF token is missing or not this session's."""
    expected = session.get(CSRF_FIELD)
    offered = request.form.get(CSRF_FIELD, "")
    if not isinstance(expected, str) or not hmac.compare_digest(offered.encode(), expected.encode()):
        raise ApiError(403, "csrf_failed", "this form is missing its CSRF token or it has expired; reload the page")
