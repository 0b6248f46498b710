"""Every error is JSON: {"error": {"code", "message", "field"?}}; Redis down is a 503."""

from __future__ import annotations

import logging

from flask import Flask, jsonify
from redis.exceptions import RedisError
from werkzeug.exceptions import HTTPException

from moderation.logging import log_event
from moderation.store.lifecycle.accept import IntakeContention

log = logging.getLogger("moderation.web")


class ApiError(Exception):
    """An error answer: HTTP status, stable machine code, human message, offending field."""

    def __init__(self, status: int, code: str, message: str, field: str | None = None):
        super().__init__(message)
        self.status, self.code, self.message, self.field = status, code, message, field


def error_response(status: int, code: str, message: str, field: str | None = None, headers=None):
    """Build the JSON error response."""
    body = {"code": code, "message": message}
    if field is not None:
        body["field"] = field
    return jsonify({"error": body}), status, headers or {}


def init_app(app: Flask) -> None:
    """Register JSON handlers for our errors, HTTP errors, and an unreachable store."""

    @app.errorhandler(ApiError)
    def api_error(exc: ApiError):
        retry_after = getattr(exc, "retry_after", None)  # 429 (web/ratelimit.py)
        headers = {"Retry-After": str(retry_after)} if retry_after else None
        return error_response(exc.status, exc.code, exc.message, exc.field, headers)

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException):
        code = (exc.name or "error").lower().replace(" ", "_")
        return error_response(exc.code or 500, code, exc.description or exc.name)

    @app.errorhandler(RedisError)
    def store_down(exc: RedisError):
        # Never 202 for what we could not store: the platform retries on 503.
        log_event(log, "store.unavailable", logging.ERROR, error=type(exc).__name__)
        return error_response(503, "store_unavailable", "the comment store is unreachable; retry later",
                              headers={"Retry-After": "1"})

    @app.errorhandler(IntakeContention)
    def contention(exc: IntakeContention):
        return error_response(503, "contention", str(exc), headers={"Retry-After": "1"})

    @app.errorhandler(Exception)
    def unexpected(exc: Exception):
        log.exception("unhandled error", extra={"fields": {"error": type(exc).__name__}})
        return error_response(500, "internal_error", "internal error")
