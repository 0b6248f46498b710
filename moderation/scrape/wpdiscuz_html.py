"""wpDiscuz markup: `div.wpd-comment#wpd-comm-<id>_<parent>` holding `.wpd-comment-author`,
`.wpd-comment-date` and `.wpd-comment-text`; replies are nested `.wpd-comment` blocks."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser, LexborNode

from moderation.scrape.htmltext import block_text, classes, enclosing
from moderation.scrape.record import Comment, iso_datetime

# Inside .wpd-comment-text: the quoted article passage an inline-feedback comment answers.
NOT_TEXT = frozenset({"wpd-inline-feedback-wrapper", "wpd-comment-last-edited", "wpd-reply-to"})


def extract(tree: LexborHTMLParser) -> list[Comment]:
    """Return every wpDiscuz comment on the page, in page order."""
    comments = []
    for block in tree.css("div.wpd-comment"):
        comment = _read_block(block)
        if comment:
            comments.append(comment)
    return comments


def _own(block: LexborNode, selector: str) -> LexborNode | None:
    """The first match that belongs to this comment, not to a reply nested inside it."""
    for node in block.css(selector):
        owner = _enclosing_comment(node)
        if owner is not None and owner.mem_id == block.mem_id:
            return node
    return None


def _enclosing_comment(node: LexborNode) -> LexborNode | None:
    return enclosing(node, lambda ancestor: ancestor.tag == "div" and "wpd-comment" in classes(ancestor))


def _read_block(block: LexborNode) -> Comment | None:
    body = _own(block, ".wpd-comment-text")
    text = block_text(body, skip_classes=NOT_TEXT) if body else ""
    if not text:
        return None
    own_id, parent_id = _ids(block)
    author = _own(block, ".wpd-comment-author")
    date = _own(block, ".wpd-comment-date")
    created = None
    if date:
        created = iso_datetime(date.attributes.get("datetime")) or iso_datetime(date.attributes.get("title"))
    return Comment(text=text, author=(block_text(author) or None) if author else None,
                   page_id=own_id, parent_id=parent_id, created_at=created)


def _ids(block: LexborNode) -> tuple[str | None, str | None]:
    """Read (123, 45) from id="wpd-comm-123_45"; parent 0 means a top-level comment."""
    value = block.attributes.get("id") or ""
    if value.startswith("wpd-comm-"):
        own, _, parent = value[len("wpd-comm-"):].partition("_")
        if own.isdigit():
            return own, parent if parent.isdigit() and parent != "0" else _nesting_parent(block)
    own = block.attributes.get("data-wpd-id") or _right_panel_id(block)
    return own, _nesting_parent(block)


def _right_panel_id(block: LexborNode) -> str | None:
    panel = _own(block, ".wpd-comment-right")
    value = (panel.attributes.get("id") or "") if panel else ""
    number = value.removeprefix("comment-")
    return number if number.isdigit() else None


def _nesting_parent(block: LexborNode) -> str | None:
    parent = _enclosing_comment(block)
    return _ids(parent)[0] if parent is not None else None
