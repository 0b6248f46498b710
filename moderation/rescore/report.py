"""What a run found and how it is shown: counts, report rows, the report file, progress, exports.

Tally: a batch's (and, merged, a whole run's) counts, transitions, report rows and errors. Batch
results travel as JSON (RQ job results, the --apply checkpoint), so a run resumed from its
checkpoint or spread over workers adds up to exactly what one uninterrupted in-process run finds.

A change is described by diff_decisions (what changed and the evidence for it: a report row).
The report is JSON Lines or CSV, chosen by the file's extension, written to a temporary file next
to the target and renamed at the end, so an interrupted run never leaves a half report that looks
complete. Progress on stderr: a one-line bar on a terminal, plain timestamped lines otherwise
(logs, CI); hand-rolled (thirty lines) rather than a dependency: all we draw is one bar.

rescore_export (`--input`) rescores an export (JSON Lines) instead of the store: report only, Redis
is never touched. Each line: {"id", "text", "author"?, "language"?, "decision"?}. `decision` is
the platform's old outcome ("keep", "hold", "remove") or a whole decision object as our API
returns it; with it the line is diffed like a stored comment, without it the new decision is
reported with no old one ("none->hold") and counted as undiffed. A bad line is counted and named,
and the rest go on.
"""

from __future__ import annotations

import csv
import json
import os
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Iterable, Iterator

from moderation.comment_json import CommentFormatError, parse_comment_line
from moderation.types import OUTCOMES

# Counters, in the order the summary line prints them.
# undiffed: --input lines that carried no old decision to compare with.
# skipped_expired: retention deleted the text (moderation/store/retention.py).
# skipped_claimed: a moderator holds a claim on the comment (docs/review.md): left alone until it ends.
COUNTS = ("scanned", "changed", "skipped_moderated", "skipped_pending", "skipped_expired", "skipped_claimed",
          "missing", "applied", "already_applied", "stale", "undiffed", "errors")


@dataclass
class Tally:
    """Counts plus the report rows of changed comments and the errors met."""

    counts: Counter = field(default_factory=Counter)
    transitions: Counter = field(default_factory=Counter)
    rows: list[dict[str, Any]] = field(default_factory=list)
    error_list: list[dict[str, Any]] = field(default_factory=list)

    def add(self, name: str, n: int = 1) -> None:
        """Count n more of `name` (one of COUNTS)."""
        if name not in COUNTS:
            raise KeyError(name)
        self.counts[name] += n

    def change(self, row: dict[str, Any], key: str) -> None:
        """Record one changed comment: its report row and its transition."""
        self.counts["changed"] += 1
        self.transitions[key] += 1
        self.rows.append(row)

    def error(self, comment_id: str | None, message: str) -> None:
        """Record a comment (or batch, id None) that could not be rescored."""
        self.counts["errors"] += 1
        self.error_list.append({"id": comment_id, "error": message})

    def merge(self, other: "Tally") -> "Tally":
        """Add another tally into this one (in place) and return self."""
        self.counts.update(other.counts)
        self.transitions.update(other.transitions)
        self.rows.extend(other.rows)
        self.error_list.extend(other.error_list)
        return self

    def summary(self, elapsed_s: float, **extra: Any) -> dict[str, Any]:
        """The one-line JSON summary: counts, then one key per transition, then elapsed seconds."""
        line: dict[str, Any] = {name: self.counts[name] for name in COUNTS}
        line.update(sorted(self.transitions.items()))
        line["elapsed_s"] = round(elapsed_s, 3)
        line.update(extra)
        return line

    def changed_share(self) -> float:
        """Changed comments over those the run could change (not missing, pending, moderated, expired, claimed)."""
        skipped = sum(self.counts[name] for name in ("missing", "skipped_pending", "skipped_moderated",
                                                     "skipped_expired", "skipped_claimed"))
        eligible = self.counts["scanned"] - skipped
        return self.counts["changed"] / eligible if eligible > 0 else 0.0

    def to_json(self) -> dict[str, Any]:
        return {"counts": dict(self.counts), "transitions": dict(self.transitions), "rows": self.rows,
                "errors": self.error_list}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Tally":
        return cls(Counter(data.get("counts", {})), Counter(data.get("transitions", {})),
                   list(data.get("rows", [])), list(data.get("errors", [])))


def transition(old: str | None, new: str) -> str:
    """The summary key of a change, e.g. "keep->hold" ("none->keep" when there was no decision)."""
    return f"{old or 'none'}->{new}"


def _terms(decision: dict[str, Any]) -> Counter:
    """Lexicon hits as a multiset of terms; hits in the author name are prefixed "author:"."""
    return Counter(("author:" if hit.get("field") == "author" else "") + hit["term"]
                   for hit in decision.get("slurs", []))


def _detail(decision: dict[str, Any], name: str) -> str | None:
    """A version recorded in a decision's details (None when the decision predates it or has none)."""
    return (decision.get("details") or {}).get(name)


def diff_decisions(old: dict[str, Any] | None, new: dict[str, Any], revision: int | None = None) -> dict[str, Any]:
    """One report row: old and new outcome and the evidence that differs between them."""
    old = old or {}
    old_reasons, new_reasons = old.get("reasons", []), new.get("reasons", [])
    old_terms, new_terms = _terms(old), _terms(new)
    return {
        "id": new["id"],
        "revision": revision,
        "language": new.get("language"),
        "old_decision": old.get("decision"),
        "new_decision": new["decision"],
        "reasons_added": [r for r in new_reasons if r not in old_reasons],
        "reasons_removed": [r for r in old_reasons if r not in new_reasons],
        "scores_old": old.get("scores", {}),
        "scores_new": new.get("scores", {}),
        "terms_added": sorted((new_terms - old_terms).elements()),
        "terms_removed": sorted((old_terms - new_terms).elements()),
        "policy_old": old.get("policy_version"),
        "policy_new": new.get("policy_version"),
        "model_old": old.get("model"),
        "model_new": new.get("model"),
        "lexicon_old": _detail(old, "lexicon_version"),
        "lexicon_new": _detail(new, "lexicon_version"),
        "targets_old": _detail(old, "targets_version"),
        "targets_new": _detail(new, "targets_version"),
        "engine_old": _detail(old, "engine_version"),
        "engine_new": _detail(new, "engine_version"),
    }


FORMATS = (".jsonl", ".csv")
# Columns added later go last, so that a reader going by position still finds the earlier ones.
CSV_COLUMNS = ("id", "revision", "language", "old_decision", "new_decision", "reasons_added", "reasons_removed",
               "toxicity_old", "toxicity_new", "scores_old", "scores_new", "terms_added", "terms_removed",
               "policy_old", "policy_new", "model_old", "model_new", "lexicon_old", "lexicon_new", "applied",
               "targets_old", "targets_new", "engine_old", "engine_new")


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


def _old_decision(raw: bytes, line: int) -> dict[str, Any] | None:
    obj = json.loads(raw)
    old = obj.get("decision")
    if old is None:
        return None
    if isinstance(old, str):
        old = {"decision": old}
    if not isinstance(old, dict) or old.get("decision") not in OUTCOMES:
        raise CommentFormatError(line, "invalid_field", f"`decision` must be one of {list(OUTCOMES)} or a "
                                 "decision object", str(obj.get("id")), "decision")
    return old


def _lines(stream: IO[bytes], max_chars: int, tally: Tally) -> Iterator[tuple[Any, dict | None]]:
    for number, raw in enumerate(stream, start=1):
        if not raw.strip():
            continue
        try:
            comment = parse_comment_line(raw, number, max_chars)
            yield comment, _old_decision(raw, number)
        except CommentFormatError as exc:
            tally.add("scanned")
            tally.error(exc.comment_id, f"line {number}: {exc}")


def _batches(items: Iterator, size: int) -> Iterator[list]:
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def rescore_export(stream: IO[bytes], engine, batch_size: int, max_chars: int,
                   progress: Progress | None = None) -> Tally:
    """Re-decide every comment of an export; rows for changed and for undiffed comments."""
    tally = Tally()
    for batch in _batches(_lines(stream, max_chars, tally), batch_size):
        decisions = engine.decide([comment for comment, _ in batch])
        for (comment, old), new in zip(batch, decisions):
            tally.add("scanned")
            new_json = new.to_json()
            if old is None:
                tally.add("undiffed")
                tally.rows.append(diff_decisions(None, new_json))
                tally.transitions[transition(None, new_json["decision"])] += 1
            elif old["decision"] != new_json["decision"]:
                tally.change(diff_decisions(old, new_json), transition(old["decision"], new_json["decision"]))
        if progress is not None:
            progress.update(tally.counts["scanned"])
    return tally
