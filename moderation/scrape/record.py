"""The scraped comment record: what `moderation scrape` prints and what the webhook receives."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

HASH_ID = re.compile(r"h[0-9a-f]{24}")  # what stable_id() makes


@dataclass(frozen=True)
class Article:
    """The page a thread hangs under. `source` is the file path or URL we were given."""

    source: str
    title: str | None = None
    url: str | None = None

    def key(self) -> str:
        """Return a machine-independent name for the page: its URL, else the file's base name."""
        if self.url:
            return self.url
        return self.source.replace("\\", "/").rsplit("/", 1)[-1]

    def to_json(self) -> dict[str, Any]:
        return {"source": self.source, "title": self.title, "url": self.url}


@dataclass(frozen=True)
class Comment:
    """One reader comment as a format module found it (before ids are settled)."""

    text: str
    author: str | None = None
    page_id: str | None = None  # the page's own comment id, if it shows one
    parent_id: str | None = None
    created_at: str | None = None
    article: Article | None = None  # only when one file holds many articles (a Disqus export)


@dataclass(frozen=True)
class ScrapedComment:
    """A comment with its final id and its article: one line of `moderation scrape` output."""

    id: str
    article: Article
    text: str
    author: str | None = None
    parent_id: str | None = None
    created_at: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "article": self.article.to_json(), "author": self.author,
            "text": self.text, "parent_id": self.parent_id, "created_at": self.created_at,
        }

    def to_webhook(self) -> dict[str, Any]:
        """Return the intake webhook's comment object (optional keys only when known)."""
        article = {"id": self.article.key()}
        if self.article.url:
            article["url"] = self.article.url
        if self.article.title:
            article["title"] = self.article.title
        item: dict[str, Any] = {"id": webhook_id(self.article, self.id), "text": self.text, "author": self.author, "article": article}
        if self.created_at:
            item["created_at"] = self.created_at
        return item


def stable_id(article: Article, author: str | None, text: str, occurrence: int = 0) -> str:
    """Hash page, author and text into an id that is the same on every run and machine."""
    # NUL separators keep ("ab", "c") and ("a", "bc") apart; occurrence separates exact repeats.
    material = "\0".join([article.key(), author or "", text, str(occurrence)])
    return "h" + hashlib.sha256(material.encode("utf-8", "surrogatepass")).hexdigest()[:24]


def webhook_id(article: Article, comment_id: str) -> str:
    """Return an id the intake accepts and that no other site's comment shares.

    Our hash ids already include the page; a page's own id ("101") does not, and the service treats a
    known id with new text as a new revision of that comment, so it gets the page's hash as a prefix.
    """
    if HASH_ID.fullmatch(comment_id):
        return comment_id
    safe = "".join(ch if ch.isascii() and (ch.isalnum() or ch in "._:@~+=-") else "_" for ch in comment_id)[:150]
    if safe != comment_id:  # keep ids that differ only in replaced characters apart
        safe += "~" + hashlib.sha256(comment_id.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return "p" + hashlib.sha256(article.key().encode("utf-8", "surrogatepass")).hexdigest()[:12] + ":" + safe


def iso_datetime(value: str | None) -> str | None:
    """Return `value` if it is an ISO 8601 date-time (as pages put in `datetime=`), else None."""
    if not value or not value.strip():
        return None
    value = value.strip()
    try:
        datetime.fromisoformat(value[:-1] + "+00:00" if value.endswith(("Z", "z")) else value)
    except ValueError:
        return None
    return value


def finalise(article: Article, comments: list[Comment]) -> list[ScrapedComment]:
    """Give every comment its id (the page's own, else a stable hash) and attach the article."""
    seen: dict[tuple[str, str | None, str], int] = {}
    out = []
    for comment in comments:
        page = comment.article or article
        if comment.page_id:
            comment_id = comment.page_id
        else:
            key = (page.key(), comment.author, comment.text)
            seen[key] = occurrence = seen.get(key, -1) + 1
            comment_id = stable_id(page, comment.author, comment.text, occurrence)
        out.append(ScrapedComment(id=comment_id, article=page, text=comment.text, author=comment.author,
                                  parent_id=comment.parent_id, created_at=comment.created_at))
    return out
