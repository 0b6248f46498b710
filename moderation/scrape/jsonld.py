"""schema.org `Comment` objects in JSON-LD scripts, with replies in their `comment` property."""

from __future__ import annotations

import json
from typing import Any

from selectolax.lexbor import LexborHTMLParser

from moderation.scrape.htmltext import block_text, tidy
from moderation.scrape.record import Comment, iso_datetime


def extract(tree: LexborHTMLParser) -> list[Comment]:
    """Return the Comments of every JSON-LD block on the page, replies after their parents."""
    comments: list[Comment] = []
    for script in tree.css('script[type="application/ld+json"]'):
        try:
            data = json.loads(script.text(deep=True) or "null")
        except (ValueError, RecursionError):
            continue  # a broken block on someone's page is not our error
        comments.extend(_walk(data))
    return comments


def _is_comment(obj: dict[str, Any]) -> bool:
    kinds = obj.get("@type")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    return any(isinstance(k, str) and k.rsplit("/", 1)[-1] == "Comment" for k in kinds)


def _walk(data: Any) -> list[Comment]:
    """Visit every object (iteratively) and read the Comments, remembering which one holds which."""
    found: list[Comment] = []
    stack: list[tuple[Any, str | None]] = [(data, None)]
    while stack:
        obj, parent_id = stack.pop()
        if isinstance(obj, list):
            stack.extend((item, parent_id) for item in reversed(obj))
            continue
        if not isinstance(obj, dict):
            continue
        if _is_comment(obj):
            comment = _read(obj, parent_id)
            if comment:
                found.append(comment)
            parent_id = comment.page_id if comment else parent_id
        stack.extend((value, parent_id) for value in reversed(list(obj.values())))
    return found


def _string(value: Any) -> str | None:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return value.strip() or None if isinstance(value, str) else None


def _author(value: Any) -> str | None:
    if isinstance(value, list) and value:
        value = value[0]
    if isinstance(value, dict):
        value = value.get("name") or value.get("alternateName")
    name = _string(value)
    return tidy(html_to_text(name)) or None if name else None


def html_to_text(value: str) -> str:
    """Decode entities and drop markup in a string that may hold HTML."""
    body = LexborHTMLParser(value).body
    return block_text(body) if body is not None else ""


def _read(obj: dict[str, Any], parent_id: str | None) -> Comment | None:
    raw = _string(obj.get("text")) or _string(obj.get("commentText")) or ""
    text = html_to_text(raw) if raw else ""
    if not text:
        return None
    date = _string(obj.get("dateCreated")) or _string(obj.get("datePublished"))
    own_id = _string(obj.get("@id")) or _string(obj.get("identifier")) or _string(obj.get("url"))
    return Comment(text=text, author=_author(obj.get("author")), page_id=own_id,
                   parent_id=_declared_parent(obj) or parent_id, created_at=iso_datetime(date))


def _declared_parent(obj: dict[str, Any]) -> str | None:
    """A flat list of Comments names each reply's parent in `parentItem`."""
    parent = obj.get("parentItem")
    if isinstance(parent, dict):
        return _string(parent.get("@id")) or _string(parent.get("url"))
    return _string(parent)
