"""Fetch article pages politely: robots.txt, a clear User-Agent, timeouts and a size cap."""

from __future__ import annotations

import time
import urllib.error
import urllib.request
import urllib.robotparser
from dataclasses import dataclass, field
from urllib.parse import urlsplit, urlunsplit

USER_AGENT = "moderation-scraper/0.1 (+comment moderation service; reads reader comment threads)"
ROBOTS_AGENT = "moderation-scraper"  # the token robots.txt rules name
ACCEPTED_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "application/xml", "text/xml")
CHUNK = 64 * 1024


class FetchError(RuntimeError):
    """A page could not be fetched or is not something we scrape."""


@dataclass(frozen=True)
class Page:
    """A fetched document: raw bytes, the server's Content-Type and the final URL."""

    data: bytes
    content_type: str | None
    url: str


@dataclass
class Fetcher:
    """Fetch http(s) pages; one instance caches robots.txt per site for its lifetime."""

    timeout: float = 10.0  # seconds per connect/read, and the whole download's deadline
    max_bytes: int = 5 * 1024 * 1024
    user_agent: str = USER_AGENT
    obey_robots: bool = True
    _robots: dict[str, urllib.robotparser.RobotFileParser] = field(default_factory=dict, repr=False)

    def __call__(self, url: str) -> Page:
        """Fetch `url` or raise FetchError saying why not."""
        if urlsplit(url).scheme not in ("http", "https"):
            raise FetchError(f"not an http(s) URL: {url}")
        try:
            allowed = not self.obey_robots or self._allowed(url)
        except FetchError as exc:
            raise FetchError(f"{url}: robots.txt check failed: {exc}") from None
        if not allowed:
            raise FetchError(f"robots.txt forbids {ROBOTS_AGENT} from fetching {url}")
        status, content_type, final_url, data = self._get(url)
        if status >= 400:
            raise FetchError(f"HTTP {status} from {url}")
        media = (content_type or "").split(";")[0].strip().lower()
        if media and media not in ACCEPTED_TYPES:
            raise FetchError(f"{url} is {media}, not an HTML page, text dump or Disqus export")
        return Page(data=data, content_type=content_type, url=final_url)

    def _get(self, url: str) -> tuple[int, str | None, str, bytes]:
        request = urllib.request.Request(url, headers={"User-Agent": self.user_agent, "Accept": ", ".join(ACCEPTED_TYPES)})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return response.status, response.headers.get("Content-Type"), response.geturl(), self._read(response, url)
        except urllib.error.HTTPError as exc:
            return exc.code, exc.headers.get("Content-Type") if exc.headers else None, url, b""
        except (urllib.error.URLError, OSError, ValueError) as exc:
            reason = getattr(exc, "reason", exc)
            if isinstance(reason, TimeoutError) or isinstance(exc, TimeoutError):
                raise FetchError(f"{url} timed out after {self.timeout}s") from None
            raise FetchError(f"cannot reach {url}: {reason}") from None

    def _read(self, response, url: str) -> bytes:
        declared = response.headers.get("Content-Length")
        if declared and declared.isdigit() and int(declared) > self.max_bytes:
            raise FetchError(f"{url} is {int(declared)} bytes, over the {self.max_bytes}-byte cap")
        deadline = time.monotonic() + self.timeout
        chunks, size = [], 0
        while chunk := response.read(CHUNK):
            size += len(chunk)
            if size > self.max_bytes:
                raise FetchError(f"{url} is over the {self.max_bytes}-byte cap")
            if time.monotonic() > deadline:  # a server dribbling bytes must not hold us forever
                raise FetchError(f"{url} took longer than {self.timeout}s to download")
            chunks.append(chunk)
        return b"".join(chunks)

    def _allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        origin = urlunsplit((parts.scheme, parts.netloc, "", "", ""))
        if origin not in self._robots:
            self._robots[origin] = self._load_robots(origin + "/robots.txt")
        return self._robots[origin].can_fetch(ROBOTS_AGENT, url)

    def _load_robots(self, robots_url: str) -> urllib.robotparser.RobotFileParser:
        parser = urllib.robotparser.RobotFileParser(robots_url)
        # An unreachable site raises FetchError here, which names the real problem.
        status, _, _, data = self._get(robots_url)
        if 400 <= status < 500:
            parser.parse([])  # no robots.txt (404 and the like): everything is allowed
        elif status >= 500:  # RFC 9309: a failing robots.txt means assume everything is disallowed
            parser.parse(["User-agent: *", "Disallow: /"])
        else:
            parser.parse(data.decode("utf-8", errors="replace").splitlines())
        return parser
