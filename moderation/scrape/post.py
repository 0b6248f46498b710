"""Send scraped comments to the intake webhook in signed batches of `{"comments": [...]}`."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass

from moderation.scrape.fetch import USER_AGENT
from moderation.scrape.record import ScrapedComment
from moderation.signing import signed_headers


@dataclass(frozen=True)
class BatchOutcome:
    """What the webhook said about one batch: `ok` is a 2xx answer."""

    number: int
    first: int  # 1-based position of the batch's first comment in the run
    size: int
    status: int | None  # None when the webhook could not be reached
    detail: str

    @property
    def ok(self) -> bool:
        return self.status is not None and 200 <= self.status < 300

    def describe(self) -> str:
        span = f"comments {self.first}-{self.first + self.size - 1}"
        state = f"HTTP {self.status}" if self.status is not None else "not sent"
        return f"batch {self.number} ({span}): {state}{': ' + self.detail if self.detail else ''}"


def batches(comments: list[ScrapedComment], size: int) -> Iterator[list[ScrapedComment]]:
    """Yield consecutive slices of at most `size` comments."""
    for start in range(0, len(comments), size):
        yield comments[start:start + size]


def encode_batch(comments: list[ScrapedComment]) -> bytes:
    """Return the request body for one batch, in the webhook's schema."""
    return json.dumps({"comments": [c.to_webhook() for c in comments]}, ensure_ascii=False).encode("utf-8")


def post_batch(url: str, secret: str, body: bytes, timeout: float = 30.0) -> tuple[int | None, str]:
    """POST one signed body and return (status, short detail); never raise for HTTP or network errors."""
    headers = {"Content-Type": "application/json", "User-Agent": USER_AGENT, **signed_headers(secret, body)}
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, ""
    except urllib.error.HTTPError as exc:
        return exc.code, _snippet(exc.read(2048))
    except (urllib.error.URLError, OSError, ValueError) as exc:
        return None, str(getattr(exc, "reason", exc))


def post_all(url: str, secret: str, comments: list[ScrapedComment], batch_size: int = 50) -> list[BatchOutcome]:
    """Post every batch (a failed batch does not stop the next) and return one outcome per batch."""
    outcomes, first = [], 1
    for number, batch in enumerate(batches(comments, batch_size), start=1):
        status, detail = post_batch(url, secret, encode_batch(batch))
        outcomes.append(BatchOutcome(number, first, len(batch), status, detail))
        first += len(batch)
    return outcomes


def _snippet(raw: bytes) -> str:
    text = raw.decode("utf-8", errors="replace").strip().replace("\n", " ")
    return text[:300]
