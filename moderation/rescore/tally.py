"""What a batch (and, merged, a whole run) found: counts, transitions, report rows, errors.

Batch results travel as JSON (RQ job results, the --apply checkpoint), so a run resumed from its
checkpoint or spread over workers adds up to exactly what one uninterrupted in-process run finds.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

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
