"""Reader comments out of article pages: WordPress, wpDiscuz (HTML and text dumps), schema.org, Disqus.

    from moderation.scrape import scrape_source, scrape_file
    result = scrape_source("https://example.org/article")   # or a local file path
    for comment in result.comments: print(comment.to_json())
    scrape_file("seeds/000_90265b5c91533556.txt")             # -> list of JSON-ready dicts

See docs/scraper.md for the formats and the text-dump heuristics.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from moderation.scrape.detect import extract_bytes, extract_html, extract_text
from moderation.scrape.fetch import Fetcher, FetchError, Page
from moderation.scrape.record import Article, ScrapedComment

__all__ = [
    "Article", "FetchError", "Fetcher", "ScrapeError", "ScrapeResult", "ScrapedComment",
    "extract_bytes", "extract_html", "extract_text", "scrape_file", "scrape_source",
]
MAX_FILE_BYTES = 50 * 1024 * 1024  # a Disqus export can be large; a page never is


class ScrapeError(RuntimeError):
    """A source could not be read: missing file, unreachable URL, not a page we scrape."""


@dataclass(frozen=True)
class ScrapeResult:
    """The comments found in one source (possibly none)."""

    source: str
    comments: list[ScrapedComment] = field(default_factory=list)

    def to_json(self) -> list[dict]:
        return [comment.to_json() for comment in self.comments]


def is_url(source: str) -> bool:
    """Tell whether a SOURCE argument is an http(s) URL rather than a file path."""
    return source.lower().startswith(("http://", "https://"))


def scrape_source(source: str, *, fetcher: Callable[[str], Page] | None = None) -> ScrapeResult:
    """Read one file or http(s) URL and return its comments; raise ScrapeError if it cannot be read."""
    if is_url(source):
        try:
            page = (fetcher or Fetcher())(source)
        except FetchError as exc:
            raise ScrapeError(str(exc)) from None
        return ScrapeResult(source, extract_bytes(page.data, source, page.content_type, page.url))
    return ScrapeResult(source, extract_bytes(_read_file(source), source))


def scrape_file(path: str | Path) -> list[dict]:
    """Return exactly the JSON objects `moderation scrape PATH` prints."""
    return scrape_source(str(path)).to_json()


def _read_file(source: str) -> bytes:
    path = Path(source)
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise ScrapeError(f"{source}: larger than {MAX_FILE_BYTES} bytes")
        return path.read_bytes()
    except IsADirectoryError:
        raise ScrapeError(f"{source}: is a directory") from None
    except OSError as exc:
        raise ScrapeError(f"{source}: {exc.strerror or exc}") from None
