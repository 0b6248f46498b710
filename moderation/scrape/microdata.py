"""schema.org `Comment` items in HTML microdata (`itemscope itemtype=".../Comment"`), nested for replies."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser, LexborNode

from moderation.scrape.htmltext import block_text, enclosing, tidy
from moderation.scrape.record import Comment, iso_datetime

TEXT_PROPS = ("text", "commentText", "articleBody")
DATE_PROPS = ("dateCreated", "datePublished", "commentTime")


def is_comment_item(node: LexborNode) -> bool:
    """Tell whether the element is a schema.org Comment item."""
    if "itemscope" not in node.attributes:
        return False
    types = (node.attributes.get("itemtype") or "").split()
    return any(t.rstrip("/").rsplit("/", 1)[-1] == "Comment" for t in types)


def extract(tree: LexborHTMLParser) -> list[Comment]:
    """Return every microdata Comment on the page, in page order."""
    comments = []
    for node in tree.css("[itemscope][itemtype]"):
        if is_comment_item(node):
            comment = _read_item(node)
            if comment:
                comments.append(comment)
    return comments


def own_properties(item: LexborNode) -> dict[str, list[LexborNode]]:
    """Map itemprop names to the elements that give this item (not a nested one) that property."""
    props: dict[str, list[LexborNode]] = {}
    stack = list(item.iter())
    stack.reverse()
    while stack:  # iterative: pages can nest deeply
        node = stack.pop()
        for name in (node.attributes.get("itemprop") or "").split():
            props.setdefault(name, []).append(node)
        if "itemscope" not in node.attributes:  # a nested item's properties are its own
            stack.extend(reversed(list(node.iter())))
    return props


def property_value(node: LexborNode) -> str:
    """Return an element's microdata value: content/datetime/href attributes, else its text."""
    for attribute in ("content", "datetime"):
        value = node.attributes.get(attribute)
        if value is not None:
            return tidy(value)
    if node.tag in ("a", "link") and node.attributes.get("href"):
        return node.attributes["href"] or ""
    return block_text(node)


def _read_item(item: LexborNode) -> Comment | None:
    props = own_properties(item)
    text_node = next((props[name][0] for name in TEXT_PROPS if name in props), None)
    text = block_text(text_node) if text_node else ""
    if not text:
        return None
    date = next((property_value(props[name][0]) for name in DATE_PROPS if name in props), None)
    return Comment(text=text, author=_author(props), page_id=_item_id(item, props),
                   parent_id=_parent_id(item), created_at=iso_datetime(date))


def _author(props: dict[str, list[LexborNode]]) -> str | None:
    if "author" not in props:
        return None
    node = props["author"][0]
    if "itemscope" in node.attributes:  # author is a Person item: use its name
        names = own_properties(node).get("name")
        return (property_value(names[0]) or None) if names else (block_text(node) or None)
    return property_value(node) or None


def _item_id(item: LexborNode, props: dict[str, list[LexborNode]]) -> str | None:
    for value in (item.attributes.get("itemid"), item.attributes.get("id")):
        if value and value.strip():
            return value.strip()
    for name in ("identifier", "url"):
        if name in props and property_value(props[name][0]):
            return property_value(props[name][0])
    return None


def _parent_id(item: LexborNode) -> str | None:
    parent = enclosing(item, is_comment_item)
    return _item_id(parent, own_properties(parent)) if parent is not None else None
