"""Progress on stderr: a one-line bar on a terminal, plain timestamped lines otherwise (logs, CI).

Hand-rolled (thirty lines) rather than a dependency: all we draw is one bar.
"""

from __future__ import annotations

import sys
import time
from typing import IO

WIDTH = 30
TTY_INTERVAL = 0.1  # redraw at most ten times a second
LINE_INTERVAL = 5.0  # plain lines: one every few seconds, plus the last one


class Progress:
    """Report `done` of `total` comments on a stream."""

    def __init__(self, total: int, stream: IO[str] | None = None, tty: bool | None = None, label: str = "rescore"):
        self.total, self.label = total, label
        self.stream = stream if stream is not None else sys.stderr
        self.tty = self.stream.isatty() if tty is None else tty
        self.started = time.monotonic()
        self._last = -float("inf")
        self._done = 0

    def update(self, done: int, note: str = "", force: bool = False) -> None:
        """Show that `done` comments are processed (throttled unless `force`)."""
        self._done = done
        now = time.monotonic()
        if not force and now - self._last < (TTY_INTERVAL if self.tty else LINE_INTERVAL):
            return
        self._last = now
        elapsed = max(now - self.started, 1e-9)
        share = done / self.total if self.total else 1.0
        rate = f"{done / elapsed:,.0f}/s"
        if self.tty:
            bar = "#" * int(share * WIDTH)
            self.stream.write(f"\r{self.label} [{bar:<{WIDTH}}] {done}/{self.total} {share:4.0%} {rate} {note}\x1b[K")
        else:
            self.stream.write(f"{self.label}: {done}/{self.total} comments ({share:.0%}) {rate} {note}".rstrip() + "\n")
        self.stream.flush()

    def close(self, note: str = "") -> None:
        """Draw the final state and end the line."""
        self.update(self._done, note, force=True)
        if self.tty:
            self.stream.write("\n")
            self.stream.flush()
