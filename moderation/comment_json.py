"""Parse one comment from a JSON Lines line, with errors a caller can print in place of a decision."""

from __future__ import annotations

import json
from typing import Any

from moderation.types import CommentInput


class CommentFormatError(ValueError):
    """A line is not a usable comment; `to_json()` is the error object written in its place."""

    def __init__(self, line: int, code: str, message: str, comment_id: str | None = None, field: str | None = None):
        super().__init__(message)
        self.line, self.code, self.comment_id, self.field = line, code, comment_id, field

    def to_json(self) -> dict[str, Any]:
        error = {"code": self.code, "message": str(self)}
        if self.field:
            error["field"] = self.field
        return {"line": self.line, "id": self.comment_id, "error": error}


def _optional_string(obj: dict, key: str, line: int, comment_id: str | None) -> str | None:
    value = obj.get(key)
    if value is not None and not isinstance(value, str):
        raise CommentFormatError(line, "invalid_field", f"`{key}` must be a string or null", comment_id, key)
    if value is not None and not _encodable(value):  # the engine cannot score lone surrogates
        raise CommentFormatError(line, "invalid_unicode", f"`{key}` contains unpaired surrogates", comment_id, key)
    return value


def _encodable(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def refuse_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """json object_pairs_hook: two values for one key is an error (no silent last-wins).

    Shared by the intake, the review API and JSON Lines input: a signed body must mean one thing.
    """
    obj: dict[str, Any] = {}
    for key, value in pairs:
        if key in obj:
            raise ValueError(f"duplicate key {key!r}")
        obj[key] = value
    return obj


def parse_comment_line(raw: bytes, line: int, max_chars: int) -> CommentInput:
    """Decode and validate one line; raise CommentFormatError naming what is wrong."""
    try:
        obj = json.loads(raw.decode("utf-8"), object_pairs_hook=refuse_duplicate_keys)
    except UnicodeDecodeError:
        raise CommentFormatError(line, "invalid_utf8", "line is not valid UTF-8") from None
    except json.JSONDecodeError as exc:
        raise CommentFormatError(line, "invalid_json", f"not JSON: {exc.msg} at column {exc.colno}") from None
    except RecursionError:  # a nesting bomb must not end the whole run
        raise CommentFormatError(line, "invalid_json", "not JSON: nested too deeply") from None
    except ValueError as exc:  # duplicate keys
        raise CommentFormatError(line, "invalid_json", f"not JSON: {exc}") from None
    if not isinstance(obj, dict):
        raise CommentFormatError(line, "invalid_json", "each line must be a JSON object")
    raw_id = obj.get("id", str(line))
    if not isinstance(raw_id, (str, int)) or isinstance(raw_id, bool):
        raise CommentFormatError(line, "invalid_field", "`id` must be a string or an integer", None, "id")
    comment_id = str(raw_id)
    text = obj.get("text")
    if not isinstance(text, str):
        raise CommentFormatError(line, "invalid_field", "`text` is required and must be a string", comment_id, "text")
    if not text.strip():
        raise CommentFormatError(line, "empty_text", "`text` is empty", comment_id, "text")
    if len(text) > max_chars:
        raise CommentFormatError(line, "text_too_long", f"`text` is longer than {max_chars} characters",
                                 comment_id, "text")
    if not _encodable(text):  # lone surrogates from "\ud800" escapes
        raise CommentFormatError(line, "invalid_unicode", "`text` contains unpaired surrogates", comment_id, "text")
    author = _optional_string(obj, "author", line, comment_id)
    language = _optional_string(obj, "language", line, comment_id)
    return CommentInput(id=comment_id, text=text, author=author, language=language)
