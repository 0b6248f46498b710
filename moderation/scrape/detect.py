"""Tell what a document is (Disqus export, HTML page, text dump), decode it and pick the extractor."""

from __future__ import annotations

import codecs
from collections.abc import Callable

from selectolax.lexbor import LexborHTMLParser

from moderation.scrape import disqus, jsonld, microdata, wordpress, wpdiscuz_html, wpdiscuz_text
from moderation.scrape.htmltext import page_title, page_url
from moderation.scrape.record import Article, Comment, ScrapedComment, finalise
from moderation.scrape.textdump import dump_title

# Most specific first: a wpDiscuz page also carries WordPress classes, and a WordPress theme may
# add microdata to the same comments. The first format that finds comments wins, so none is doubled.
HTML_EXTRACTORS: tuple[Callable[[LexborHTMLParser], list[Comment]], ...] = (
    wpdiscuz_html.extract, wordpress.extract, microdata.extract, jsonld.extract,
)
XML_TYPES = ("application/xml", "text/xml", "application/rss+xml", "application/atom+xml")
BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def sniff(data: bytes, content_type: str | None = None, name: str = "") -> str:
    """Return "xml", "html" or "text" from the declared type, the file name and the first bytes."""
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    media = (content_type or "").split(";")[0].strip().lower()
    suffix = name.lower().rsplit(".", 1)[-1] if "." in name else ""
    if media in XML_TYPES or suffix == "xml" or head.startswith((b"<?xml", b"<disqus")):
        return "xml"
    if media == "text/plain" or suffix == "txt":
        return "text"
    if media in ("text/html", "application/xhtml+xml") or suffix in ("html", "htm", "xhtml"):
        return "html"
    return "html" if head.startswith(b"<") else "text"


def decode(data: bytes, declared: str | None = None, html: bool = False) -> str:
    """Decode bytes: BOM, then the declared charset, then UTF-8, then a <meta charset>, then cp1252."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace").lstrip("\ufeff")
    for encoding in (declared, "utf-8", _meta_charset(data) if html else None):
        if encoding:
            try:
                return data.decode(encoding)
            except (LookupError, UnicodeDecodeError):
                continue
    return data.decode("cp1252", errors="replace")


def _meta_charset(data: bytes) -> str | None:
    # Latin-1 maps every byte, so the ASCII markup of <meta> survives whatever the real charset.
    head = LexborHTMLParser(data[:4096].decode("latin-1")).head
    if head is None:
        return None
    meta = head.css_first("meta[charset]")
    if meta:
        return (meta.attributes.get("charset") or "").strip() or None
    for meta in head.css("meta[http-equiv]"):
        if (meta.attributes.get("http-equiv") or "").lower() == "content-type":
            return charset_of(meta.attributes.get("content"))
    return None


def charset_of(content_type: str | None) -> str | None:
    """Return the charset parameter of a Content-Type value."""
    for param in (content_type or "").split(";")[1:]:
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


def extract_html(html: str, source: str, url: str | None = None) -> list[ScrapedComment]:
    """Return the comments of an HTML page in the first format that finds any."""
    tree = LexborHTMLParser(html)
    article = Article(source=source, title=page_title(tree), url=page_url(tree) or url)
    for extractor in HTML_EXTRACTORS:
        comments = extractor(tree)
        if comments:
            return finalise(article, comments)
    return []


def extract_text(text: str, source: str, url: str | None = None) -> list[ScrapedComment]:
    """Return the comments of a plain-text dump's wpDiscuz thread."""
    comments = wpdiscuz_text.extract(text)
    return finalise(Article(source=source, title=dump_title(text), url=url), comments) if comments else []


def extract_bytes(data: bytes, source: str, content_type: str | None = None,
                  url: str | None = None) -> list[ScrapedComment]:
    """Detect the format of raw bytes and return their comments."""
    kind = sniff(data, content_type, url or source)
    if kind == "xml":
        try:
            return finalise(Article(source=source, url=url), disqus.extract(disqus.parse(data), source))
        except disqus.NotDisqus:
            kind = "html"  # XHTML, or XML we do not know: still look for comment markup
    declared = charset_of(content_type)
    if kind == "html":
        return extract_html(decode(data, declared, html=True), source, url)
    return extract_text(decode(data, declared), source, url)
