"""Readable text out of parsed HTML: paragraphs on their own lines, markup gone, spaces tidied."""

from __future__ import annotations

import re
from collections.abc import Callable

from selectolax.lexbor import LexborHTMLParser, LexborNode

# Elements whose start and end break a line: text in two of them never runs together.
BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "dd", "details", "div", "dl", "dt", "figcaption",
    "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol",
    "p", "pre", "section", "summary", "table", "tbody", "td", "th", "thead", "tr", "ul",
})
# Elements whose content is never reader text: code, controls, embedded media, hidden templates.
SKIP = frozenset({
    "script", "style", "template", "noscript", "form", "button", "select", "textarea", "input",
    "svg", "iframe", "object", "embed", "video", "audio", "canvas", "head", "title", "meta", "link",
})
_BREAK = object()
_SPACES = re.compile(r"[^\S\n]+")  # runs of whitespace other than newlines (this runs on text, not HTML)
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\ufeff"), None)


def tidy(text: str) -> str:
    """Collapse spaces, trim each line, drop empty lines and join the rest with "\\n"."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ").translate(_INVISIBLE)
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def block_text(node: LexborNode, skip_classes: frozenset[str] = frozenset()) -> str:
    """Return the node's text with one line per paragraph, skipping scripts, forms and `skip_classes`."""
    parts: list[str] = []
    # An explicit stack, not recursion: hostile pages nest thousands of elements deep.
    stack: list[object] = [node]
    while stack:
        item = stack.pop()
        if item is _BREAK:
            parts.append("\n")
            continue
        if item.is_text_node:
            parts.append(item.text_content or "")
            continue
        tag = item.tag or ""
        if tag.startswith("-") or tag in SKIP or (skip_classes and has_class(item, skip_classes)):
            continue
        if tag == "br":
            parts.append("\n")
            continue
        if tag in BLOCKS:
            parts.append("\n")
            stack.append(_BREAK)
        stack.extend(reversed(list(item.iter(include_text=True))))
    return tidy("".join(parts))


def classes(node: LexborNode) -> set[str]:
    """Return the node's class names."""
    return set((node.attributes.get("class") or "").split())


def has_class(node: LexborNode, names: frozenset[str] | set[str]) -> bool:
    """Tell whether the node carries any of `names` as a class."""
    return not classes(node).isdisjoint(names)


def enclosing(node: LexborNode, test: Callable[[LexborNode], bool]) -> LexborNode | None:
    """Return the nearest ancestor of `node`, below <html>, that passes `test`."""
    node = node.parent
    while node is not None and node.tag != "html":
        if test(node):
            return node
        node = node.parent
    return None


def page_title(tree: LexborHTMLParser) -> str | None:
    """Return the article title: og:title, else the <title>, else the first <h1>."""
    meta = tree.css_first('meta[property="og:title"]')
    candidates = [meta.attributes.get("content") if meta else None]
    for selector in ("title", "h1"):
        node = tree.css_first(selector)
        candidates.append(node.text() if node else None)
    for candidate in candidates:
        if candidate and tidy(candidate):
            return tidy(candidate).replace("\n", " ")
    return None


def page_url(tree: LexborHTMLParser) -> str | None:
    """Return the page's own address: the canonical link, else og:url."""
    link = tree.css_first('link[rel="canonical"]')
    meta = tree.css_first('meta[property="og:url"]')
    for value in (link.attributes.get("href") if link else None, meta.attributes.get("content") if meta else None):
        if value and value.strip().startswith(("http://", "https://")):
            return value.strip()
    return None
