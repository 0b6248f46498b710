"""Turn a raw intake body into validated comments, or an ApiError naming the field.

Limits (documented in docs/service.md): request body `max_request_bytes` (413), comments per
batch `max_batch_comments` (413), text `max_text_chars` (413), author `max_author_chars` (413).
Unknown fields are ignored so platforms may send more than we read.
"""

from __future__ import annotations

import json
import re
from datetime import datetime
from typing import Any

from moderation.comment_json import refuse_duplicate_keys
from moderation.settings import Settings
from moderation.store.models import IncomingComment
from moderation.web.errors import ApiError

ID_PATTERN = re.compile(r"[A-Za-z0-9._:@~+=\-]{1,200}")  # fullmatch: "$" would let "id\n" in
DOT_SEGMENTS = (".", "..")
LANGUAGE_PATTERN = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*")
ARTICLE_FIELDS = ("id", "url", "title")
MAX_ARTICLE_FIELD_CHARS = 2000


def decode_json(raw: bytes) -> Any:
    """Parse the body: 400 for bytes that are not UTF-8 or text that is not one JSON value."""
    try:
        body = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ApiError(400, "invalid_utf8", f"body is not valid UTF-8 (byte {exc.start})") from None
    try:
        return json.loads(body, object_pairs_hook=refuse_duplicate_keys, parse_constant=_refuse_constant)
    except RecursionError:
        raise ApiError(400, "malformed_json", "JSON nested too deeply") from None
    except ValueError as exc:
        raise ApiError(400, "malformed_json", f"body is not valid JSON: {exc}") from None


def _refuse_constant(name):
    raise ValueError(f"{name} is not a JSON number")


def parse_comments(raw: bytes, settings: Settings) -> list[IncomingComment]:
    """Validate one comment object or {"comments": [...]} into IncomingComments."""
    data = decode_json(raw)
    if not isinstance(data, dict):
        raise ApiError(422, "invalid_body", "body must be a JSON object (one comment or {\"comments\": [...]})")
    if "comments" not in data:
        return [parse_comment(data, "", settings)]
    items = data["comments"]
    if not isinstance(items, list) or not items:
        raise ApiError(422, "invalid_field", "must be a non-empty array of comments", "comments")
    if len(items) > settings.max_batch_comments:
        raise ApiError(413, "too_many_comments",
                       f"at most {settings.max_batch_comments} comments per request, got {len(items)}", "comments")
    return [parse_comment(item, f"comments[{i}].", settings) for i, item in enumerate(items)]


def parse_comment(item: Any, prefix: str, settings: Settings) -> IncomingComment:
    """Validate one comment object; field names in errors carry `prefix`."""
    if not isinstance(item, dict):
        raise ApiError(422, "invalid_field", "each comment must be a JSON object", prefix.rstrip(".") or None)
    comment_id = _string(item, "id", prefix, required=True)
    if not ID_PATTERN.fullmatch(comment_id):
        raise ApiError(422, "invalid_field", "id must be 1-200 characters of A-Z a-z 0-9 . _ : @ ~ + = -",
                       prefix + "id")
    if comment_id in DOT_SEGMENTS:
        # Clients normalise /v1/comments/. and /.. to /v1/ and /: the status URL would be unreachable.
        raise ApiError(400, "invalid_id", f"id {comment_id!r} is a path segment clients rewrite; choose another",
                       prefix + "id")
    text = _string(item, "text", prefix, required=True)
    if not text.strip():
        raise ApiError(422, "empty_text", "text is empty or only whitespace", prefix + "text")
    _limit(text, settings.max_text_chars, prefix + "text")
    author = _string(item, "author", prefix)
    if author is not None:
        _limit(author, settings.max_author_chars, prefix + "author")
    return IncomingComment(id=comment_id, text=text, author=author, article=_article(item, prefix),
                           created_at=_created_at(item, prefix), language=_language(item, prefix))


def _string(item: dict, name: str, prefix: str, required: bool = False) -> str | None:
    value = item.get(name)
    if value is None:
        if required:
            raise ApiError(422, "missing_field", f"{name} is required", prefix + name)
        return None
    if not isinstance(value, str):
        raise ApiError(422, "invalid_type", f"{name} must be a string, not {type(value).__name__}", prefix + name)
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        # json.loads accepts "\ud800"; it cannot be stored or scored, so refuse it here.
        raise ApiError(422, "invalid_text", f"{name} contains an unpaired surrogate", prefix + name) from None
    return value


def _limit(value: str, limit: int, field: str) -> None:
    if len(value) > limit:
        raise ApiError(413, "too_large", f"{field} has {len(value)} characters; the limit is {limit}", field)


def _article(item: dict, prefix: str) -> dict[str, str] | None:
    article = item.get("article")
    if article is None:
        return None
    if not isinstance(article, dict):
        raise ApiError(422, "invalid_type", "article must be an object", prefix + "article")
    out = {}
    for name in ARTICLE_FIELDS:
        value = _string(article, name, prefix + "article.")
        if value is not None:
            if len(value) > MAX_ARTICLE_FIELD_CHARS:
                raise ApiError(422, "invalid_field", f"longer than {MAX_ARTICLE_FIELD_CHARS} characters",
                               f"{prefix}article.{name}")
            out[name] = value
    return out or None


def _created_at(item: dict, prefix: str) -> str | None:
    value = _string(item, "created_at", prefix)
    if value is None:
        return None
    try:
        datetime.fromisoformat(value)
    except ValueError:
        raise ApiError(422, "invalid_field", "created_at must be an ISO 8601 date-time", prefix + "created_at") from None
    return value


def _language(item: dict, prefix: str) -> str | None:
    value = _string(item, "language", prefix)
    if value is not None and not LANGUAGE_PATTERN.fullmatch(value):
        raise ApiError(422, "invalid_field", "language must be a language tag such as en or fr", prefix + "language")
    return value.lower() if value else None
