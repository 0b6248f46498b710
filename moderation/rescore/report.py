"""Write the report of changed comments: JSON Lines or CSV, chosen by the file's extension.

Written to a temporary file next to the target and renamed at the end, so an interrupted run
never leaves a half report that looks complete.

Progress on stderr (Progress): a one-line bar on a terminal, plain timestamped lines otherwise
(logs, CI); hand-rolled (thirty lines) rather than a dependency: all we draw is one bar.
"""

from __future__ import annotations

import csv
import json
import os
import sys
import time
from pathlib import Path
from typing import IO, Any, Iterable

FORMATS = (".jsonl", ".csv")
CSV_COLUMNS = ("id", "revision", "language", "old_decision", "new_decision", "reasons_added", "reasons_removed",
               "toxicity_old", "toxicity_new", "scores_old", "scores_new", "terms_added", "terms_removed",
               "policy_old", "policy_new", "model_old", "model_new", "lexicon_old", "lexicon_new", "applied")


def report_format(path: Path) -> str:
    """The report format for a path, or ValueError naming the accepted extensions."""
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise ValueError(f"--report {path}: use a .jsonl or .csv file name")
    return suffix


def _csv_row(row: dict[str, Any]) -> dict[str, Any]:
    flat = {name: row.get(name) for name in CSV_COLUMNS}
    for name in ("reasons_added", "reasons_removed", "terms_added", "terms_removed"):
        flat[name] = ";".join(row.get(name) or [])
    flat["toxicity_old"] = (row.get("scores_old") or {}).get("toxicity")
    flat["toxicity_new"] = (row.get("scores_new") or {}).get("toxicity")
    for name in ("scores_old", "scores_new"):
        flat[name] = json.dumps(row.get(name) or {}, sort_keys=True)
    return flat


def write_report(path: Path, rows: Iterable[dict[str, Any]]) -> int:
    """Write rows to `path` (format by extension); return how many were written."""
    path = Path(path)
    suffix = report_format(path)
    partial = path.with_name(path.name + ".partial")
    count = 0
    with open(partial, "w", encoding="utf-8", newline="") as out:
        if suffix == ".jsonl":
            for row in rows:
                out.write(json.dumps(row, ensure_ascii=False, sort_keys=False) + "\n")
                count += 1
        else:
            writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS)
            writer.writeheader()
            for row in rows:
                writer.writerow(_csv_row(row))
                count += 1
    os.replace(partial, path)
    return count


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
