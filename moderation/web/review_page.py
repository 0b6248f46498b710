"""The review page at /review: server-rendered, signed in with a moderator token, CSRF on every form.

Every state change is a POST form (works without JavaScript); review.js only adds keyboard
shortcuts that press those same forms' buttons. Answers carry a strict Content-Security-Policy
(scripts from our origin only, no inline script), so even an escaping mistake could not run a
comment's script.
"""

from __future__ import annotations

import time
from datetime import datetime, timedelta, timezone
from urllib.parse import parse_qsl

from flask import Blueprint, Flask, current_app, flash, g, redirect, render_template, request, url_for

from moderation.settings import Settings
from moderation.store import review, review_figures
from moderation.store.lifecycle import moderate
from moderation.web import auth_throttle, review_api, review_auth
from moderation.web.context import services
from moderation.web.errors import ApiError
from moderation.web.review_render import duration, highlight, top_scores

bp = Blueprint("review_page", __name__, template_folder="templates", static_folder="static",
               static_url_path="/review/static")

SECURITY_HEADERS = {
    "Content-Security-Policy": ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
                                "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"),
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}
PAST = {"approve": "approved", "reject": "rejected"}
_KEPT_QUERY = ("language", "article", "reason", "page", "per_page")


def init_app(app: Flask, settings: Settings) -> None:
    """Configure the signed session cookie and register the review page and API."""
    app.config.update(
        SECRET_KEY=review_auth.session_secret(settings), SESSION_COOKIE_NAME="moderation_review",
        SESSION_COOKIE_HTTPONLY=True, SESSION_COOKIE_SAMESITE="Strict",
        SESSION_COOKIE_SECURE=settings.session_cookie_secure,
        PERMANENT_SESSION_LIFETIME=timedelta(seconds=settings.review_session_max_seconds))
    app.jinja_env.globals.update(highlight=highlight, duration=duration, top_scores=top_scores)
    app.jinja_env.filters["isotime"] = isotime
    app.register_blueprint(review_api.bp)
    app.register_blueprint(bp)
    app.after_request(_static_headers)


def _static_headers(response):
    """The app's own /static/ files (review.js, review.css) get the page's headers too."""
    if request.endpoint == "static":
        response.headers.update(SECURITY_HEADERS)
    return response


def isotime(epoch: float | None) -> str:
    """Epoch seconds as "2026-11-21 06:40:01Z" (UTC), for the audit trail."""
    if not isinstance(epoch, (int, float)):
        return "–"
    return datetime.fromtimestamp(epoch, timezone.utc).strftime("%Y-%m-%d %H:%M:%SZ")


@bp.after_request
def security_headers(response):
    response.headers.update(SECURITY_HEADERS)
    return response


@bp.before_request
def identify() -> None:
    g.moderator = review_auth.signed_in(services().settings, _secret(), services().redis)


def _secret() -> bytes:
    return current_app.secret_key if isinstance(current_app.secret_key, bytes) else current_app.secret_key.encode()


def _back():
    """Redirect (303) to the queue view the form came from, keeping only known query keys."""
    kept = {k: v for k, v in parse_qsl(request.form.get("return_query", "")) if k in _KEPT_QUERY}
    return redirect(url_for("review_page.queue", **kept), code=303)


@bp.get("/review")
def queue():
    if g.moderator is None:
        return render_template("review_signin.html", csrf=review_auth.csrf_token(), error=None)
    filters, page, per_page = review_api.page_request()
    redis = services().redis
    listing = review.list_queue(redis, filters, page, per_page)
    return render_template(
        "review.html", moderator=g.moderator, csrf=review_auth.csrf_token(), listing=listing, filters=filters,
        filters_args={k: v for k, v in vars(filters).items() if v}, now=time.time(),
        histories=review.histories(redis, [item["id"] for item in listing.items]),
        figures=review_figures.figures(redis), query=request.query_string.decode("ascii", "replace"))


@bp.post("/review/sign-in")
def sign_in():
    review_auth.check_csrf()
    settings = services().settings
    claimed = request.form.get("moderator", "").strip() or None
    try:
        name = review_auth.sign_in(settings, _secret(), request.form.get("token", "").strip(), services().redis,
                                   claimed)
    except auth_throttle.Throttled as exc:
        return render_template("review_signin.html", csrf=review_auth.csrf_token(), error=exc.message), 429, {
            "Retry-After": str(exc.retry_after)}
    if name is None:
        return render_template("review_signin.html", csrf=review_auth.csrf_token(),
                               error="That token is not a moderator token."), 401
    return redirect(url_for("review_page.queue"), code=303)


@bp.post("/review/sign-out")
def sign_out():
    review_auth.check_csrf()
    everywhere = g.moderator if request.form.get("scope") == "everywhere" else None
    review_auth.sign_out(services().redis, everywhere)
    return redirect(url_for("review_page.queue"), code=303)


def _require_moderator() -> None:
    review_auth.check_csrf()
    if g.moderator is None:
        raise ApiError(401, "unauthorized", "sign in with a moderator token first")


def _report(outcomes, action: str) -> None:
    for outcome in outcomes:
        if outcome.ok:
            flash(f"{outcome.id}: {PAST[action]} ({moderate.ACTIONS[action]}).", "ok")
        else:
            flash(f"{outcome.id}: {review_api.FAILURES[outcome.status][2]}.", "error")


def _decide(ids: list[str], revisions: dict[str, int] | None = None):
    action = request.form.get("action")
    if action not in moderate.ACTIONS:
        raise ApiError(422, "invalid_action", 'action must be "approve" or "reject"', "action")
    reason = request.form.get("reason", "").strip()[:review_api.MAX_REASON_CHARS] or None
    outcomes = review_api.act(ids, action, reason, revisions)
    _report(outcomes, action)
    return _back()


@bp.post("/review/decide")
def decide():
    _require_moderator()
    comment_id = request.form.get("id", "")
    revision = request.form.get("revision", "")
    return _decide([comment_id], {comment_id: int(revision)} if revision.isascii() and revision.isdigit() else None)


@bp.post("/review/bulk")
def bulk():
    _require_moderator()
    ids = list(dict.fromkeys(i for i in request.form.getlist("ids") if i))[:review_api.MAX_BULK]
    if not ids:
        flash("Select at least one comment first.", "error")
        return _back()
    return _decide(ids)


@bp.post("/review/claim")
def claim():
    _require_moderator()
    comment_id, redis = request.form.get("id", ""), services().redis
    if request.form.get("op") == "release":
        outcome = moderate.release(redis, comment_id, g.moderator)
    else:
        outcome = moderate.claim(redis, comment_id, g.moderator, services().settings.review_claim_seconds)
    if outcome.status in review_api.FAILURES:
        flash(f"{comment_id}: {review_api.FAILURES[outcome.status][2]}.", "error")
    return _back()
