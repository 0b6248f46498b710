"""Structured logs: one line per event, `key=value` pairs, carrying comment and job ids.

    ts=2026-11-21T06:40:01Z level=info logger=moderation.web event=comments.accepted count=3 job_id=ab12

Never pass tokens, secrets or signatures as fields: log what happened, not the credentials.
"""

from __future__ import annotations

import logging
import sys
import time
from typing import Any

_SAFE = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.:/@+,")


def _format_value(value: Any) -> str:
    text = str(value)
    if text and all(ch in _SAFE for ch in text):
        return text
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


class KeyValueFormatter(logging.Formatter):
    """Format records as key=value; fields come from `extra={"fields": {...}}` (see log_event)."""

    def format(self, record: logging.LogRecord) -> str:
        stamp = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created)) + f".{int(record.msecs):03d}Z"
        pairs = {"ts": stamp, "level": record.levelname.lower(), "logger": record.name,
                 "event": record.getMessage()}
        pairs.update(getattr(record, "fields", {}))
        line = " ".join(f"{key}={_format_value(value)}" for key, value in pairs.items() if value is not None)
        if record.exc_info:
            line += " exc=" + _format_value(self.formatException(record.exc_info))
        return line


def configure(level: str = "INFO", stream=None) -> None:
    """Send the root logger's records to stderr (or `stream`) as key=value lines."""
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(KeyValueFormatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)


def log_event(logger: logging.Logger, event: str, level: int = logging.INFO, **fields: Any) -> None:
    """Log one event with its fields, e.g. log_event(log, "comment.decided", comment_id=..., job_id=...)."""
    logger.log(level, event, extra={"fields": fields})
