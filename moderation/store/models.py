"""Plain data the store reads and writes: an incoming comment, an accepted revision."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from typing import Any

from moderation.store.codec import unpack


@dataclass(frozen=True)
class IncomingComment:
    """One validated comment as the platform sent it."""

    id: str
    text: str
    author: str | None = None
    article: dict[str, str] | None = None  # {"id"?, "url"?, "title"?}
    created_at: str | None = None  # ISO 8601, as sent
    language: str | None = None  # the platform's hint

    @property
    def article_id(self) -> str | None:
        return (self.article or {}).get("id")

    def content_hash(self) -> str:
        """Hash what we moderate (text and author name): equal hashes mean the same content."""
        canonical = json.dumps([self.text, self.author], ensure_ascii=False, separators=(",", ":"))
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:32]

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Accepted:
    """What intake answers for one comment: its revision and whether it was already known."""

    id: str
    revision: int
    status: str  # queued | decided
    duplicate: bool
    job_id: str | None = None  # None for duplicates

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "revision": self.revision, "status": self.status, "duplicate": self.duplicate}


def dumps(value: Any) -> str:
    """Serialise for Redis: compact JSON, non-ASCII kept as is."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def text(value: bytes | str | None) -> str | None:
    """Decode a Redis reply (the connection returns bytes, as RQ needs)."""
    if value is None or isinstance(value, str):
        return value
    return value.decode("utf-8")


def loads(value: bytes | str | None) -> Any:
    """Parse a JSON value read from Redis, plain or packed by store.codec (None stays None)."""
    return None if value is None else unpack(value)
