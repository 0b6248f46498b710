"""WordPress' own comment markup: `ol.comment-list > li.comment`, replies in nested `ol.children`."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser, LexborNode

from moderation.scrape.htmltext import block_text, classes, enclosing, has_class
from moderation.scrape.record import Comment, iso_datetime

LISTS = "ol.comment-list, ul.comment-list, ol.commentlist, ul.commentlist"
# Parts of a comment's body that are not what the reader wrote.
NOT_TEXT = frozenset({
    "comment-meta", "comment-metadata", "comment-author", "reply", "comment-awaiting-moderation",
    "says", "edit-link", "children", "comment-respond", "avatar",
})


def extract(tree: LexborHTMLParser) -> list[Comment]:
    """Return the comments of every WordPress comment list on the page, in page order."""
    comments = []
    for item in _comment_items(tree):
        comment = _read_item(item)
        if comment:
            comments.append(comment)
    return comments


def _comment_items(tree: LexborHTMLParser) -> list[LexborNode]:
    items, seen = [], set()
    for listing in tree.css(LISTS):
        for item in listing.css("li"):
            # Pingbacks and trackbacks are other sites linking here, not readers.
            if "comment" in classes(item) and item.mem_id not in seen:
                seen.add(item.mem_id)
                items.append(item)
    return items


def _own_parts(item: LexborNode) -> list[LexborNode]:
    """The item's children except its nested replies, which are comments of their own."""
    return [child for child in item.iter() if not (child.tag in ("ol", "ul") and has_class(child, {"children"}))]


def _first(parts: list[LexborNode], selector: str) -> LexborNode | None:
    for part in parts:
        found = part.css_first(selector)  # Lexbor's css_first also tries the part itself
        if found:
            return found
    return None


def _read_item(item: LexborNode) -> Comment | None:
    parts = _own_parts(item)
    content = _first(parts, ".comment-content")
    if content:
        text = block_text(content, skip_classes=NOT_TEXT)
    else:  # older themes put the paragraphs straight into .comment-body
        text = "\n".join(block_text(part, skip_classes=NOT_TEXT) for part in parts).strip()
    if not text:
        return None
    author = _first(parts, ".comment-author .fn") or _first(parts, ".comment-author")
    when = _first(parts, "time[datetime]")
    return Comment(
        text=text,
        author=(block_text(author, skip_classes=frozenset({"says", "avatar"})) or None) if author else None,
        page_id=_comment_number(item),
        parent_id=_parent_number(item),
        created_at=iso_datetime(when.attributes.get("datetime")) if when else None,
    )


def _comment_number(item: LexborNode | None) -> str | None:
    """Read 12 from id="comment-12" or id="li-comment-12"."""
    if item is None:
        return None
    value = item.attributes.get("id") or ""
    number = value.rsplit("comment-", 1)[-1] if "comment-" in value else ""
    return number if number.isdigit() else (value or None)


def _parent_number(item: LexborNode) -> str | None:
    return _comment_number(enclosing(item, lambda node: node.tag == "li" and "comment" in classes(node)))
