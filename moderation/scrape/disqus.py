"""Disqus XML export files: `<disqus>` holding `<thread>`s (articles) and `<post>`s (comments)."""

from __future__ import annotations

from lxml import etree

from moderation.scrape.jsonld import html_to_text
from moderation.scrape.record import Article, Comment, iso_datetime

DSQ = "http://disqus.com/disqus-internals"
DSQ_ID = f"{{{DSQ}}}id"


class NotDisqus(ValueError):
    """The document is not a Disqus export."""


def parse(data: bytes) -> etree._Element:
    """Parse XML safely (no entities, no DTDs, no network) and return the <disqus> root."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                             remove_comments=True, remove_pis=True)
    try:
        root = etree.fromstring(data, parser)
    except (etree.XMLSyntaxError, ValueError) as exc:
        raise NotDisqus(f"not well-formed XML: {exc}") from None
    if root is None or etree.QName(root).localname != "disqus":
        raise NotDisqus("the XML root is not <disqus>")
    return root


def _child_text(element: etree._Element, name: str) -> str | None:
    for child in element:
        if isinstance(child.tag, str) and etree.QName(child).localname == name:
            return (child.text or "").strip() or None
    return None


def _child(element: etree._Element, name: str) -> etree._Element | None:
    return next((c for c in element if isinstance(c.tag, str) and etree.QName(c).localname == name), None)


def _threads(root: etree._Element, source: str) -> dict[str, Article]:
    articles = {}
    for thread in root:
        if isinstance(thread.tag, str) and etree.QName(thread).localname == "thread" and thread.get(DSQ_ID):
            link = _child_text(thread, "link")
            articles[thread.get(DSQ_ID)] = Article(
                source=source, title=_child_text(thread, "title"),
                url=link if link and link.startswith(("http://", "https://")) else None)
    return articles


def extract(root: etree._Element, source: str) -> list[Comment]:
    """Return the export's live posts (deleted and spam skipped), each with its own article."""
    articles = _threads(root, source)
    comments = []
    for post in root:
        if not isinstance(post.tag, str) or etree.QName(post).localname != "post":
            continue
        if _child_text(post, "isDeleted") == "true" or _child_text(post, "isSpam") == "true":
            continue
        text = html_to_text(_child_text(post, "message") or "")
        if not text:
            continue
        author = _child(post, "author")
        thread, parent = _child(post, "thread"), _child(post, "parent")
        comments.append(Comment(
            text=text,
            author=_child_text(author, "name") if author is not None else None,
            page_id=post.get(DSQ_ID) or _child_text(post, "id"),
            parent_id=parent.get(DSQ_ID) if parent is not None else None,
            created_at=iso_datetime(_child_text(post, "createdAt")),
            article=articles.get(thread.get(DSQ_ID)) if thread is not None else None,
        ))
    return comments
