"""Agreement between the machine and the moderators, per reason, language and lexicon category.

Pure computation, no Redis: the review page, `/metrics` and the offline commands all count the
same way. For every held comment a moderator decided, each of its machine reasons, its language and
each lexicon category among its hits gets one `approved` (a false hold: the machine was unsure and
the moderator kept it) or one `rejected`. For every machine removal, the same cells get one
`removed`, and one `reinstated` where the platform reported putting the comment back.

Live: store/agreement.py counts the same verdicts in the same cells (`cells` lives there):
approved/rejected at each moderator decision, removed at each machine removal, reinstated when the
platform reports one (POST /v1/comments/<id>/reinstated). Here they are counted from records given
to `agreement_table`, for the offline commands. `prometheus_lines` renders a table in the
exposition format.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, dataclass
from typing import Iterable

from moderation.learning.records import ReviewRecord
# the live counters count the same cells, under the same names
from moderation.store.agreement import ALL_VERDICTS as VERDICTS, DIMENSIONS, METRIC, cells
from moderation.store.metrics import series


@dataclass(frozen=True)
class Removal:
    """A machine removal and whether the platform later reported reinstating the comment."""

    comment_id: str
    language: str | None
    reasons: tuple[str, ...]
    lexicon_categories: tuple[str, ...] = ()
    at: float = 0.0
    reinstated: bool = False


@dataclass
class Cell:
    """Counts for one (dimension, value)."""

    approved: int = 0  # held, moderator kept: a false hold
    rejected: int = 0  # held, moderator removed
    removed: int = 0  # removed by the machine
    reinstated: int = 0  # of those, reported reinstated by the platform
    audit_kept: int = 0  # kept by the machine, sampled for review, kept by the moderator
    audit_missed: int = 0  # kept by the machine, sampled for review, removed by the moderator: a miss

    @property
    def reviewed(self) -> int:
        return self.approved + self.rejected

    @property
    def false_hold_rate(self) -> float | None:
        return self.approved / self.reviewed if self.reviewed else None

    @property
    def reinstated_rate(self) -> float | None:
        return self.reinstated / self.removed if self.removed else None

    def to_json(self) -> dict:
        return {**asdict(self), "false_hold_rate": _round(self.false_hold_rate),
                "reinstated_rate": _round(self.reinstated_rate)}


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


Table = dict[str, dict[str, Cell]]


def agreement_table(reviews: Iterable[ReviewRecord], removals: Iterable[Removal] = ()) -> Table:
    """Count approvals, rejections, removals and reinstatements per dimension and value."""
    table: dict[str, dict[str, Cell]] = {d: defaultdict(Cell) for d in DIMENSIONS}
    for record in reviews:
        if record.audit:
            verdict = "audit_missed" if record.rejected else "audit_kept"
        else:
            verdict = "rejected" if record.rejected else "approved"
        for dimension, value in cells(record.language, record.reasons, record.lexicon_categories):
            cell = table[dimension][value]
            setattr(cell, verdict, getattr(cell, verdict) + 1)
    for removal in removals:
        for dimension, value in cells(removal.language, removal.reasons, removal.lexicon_categories):
            cell = table[dimension][value]
            cell.removed += 1
            cell.reinstated += int(removal.reinstated)
    return {d: dict(sorted(values.items())) for d, values in table.items()}


def table_json(table: Table) -> dict:
    """The table as JSON: {dimension: {value: counts and rates}}."""
    return {d: {v: cell.to_json() for v, cell in values.items()} for d, values in table.items()}


def agreement_series(reviews: Iterable[ReviewRecord], bucket_seconds: float = 86400.0) -> list[dict]:
    """Approvals and rejections per time bucket (for the chart over time), oldest bucket first."""
    buckets: dict[float, list[int]] = defaultdict(lambda: [0, 0])
    for record in reviews:
        if record.audit:
            continue  # not a hold: no false-hold rate to chart
        start = (record.at // bucket_seconds) * bucket_seconds
        buckets[start][1 if record.rejected else 0] += 1
    return [{"start": start, "approved": a, "rejected": r,
             "false_hold_rate": round(a / (a + r), 4)} for start, (a, r) in sorted(buckets.items())]


def prometheus_lines(table: Table) -> list[str]:
    """`moderation_agreement_total{dimension,value,verdict}` lines (counters), with HELP and TYPE."""
    lines = [f"# HELP {METRIC} Moderator decisions on held comments (approved = false hold, rejected) and "
             "machine removals (removed, reinstated by the platform), per reason, language and lexicon category.",
             f"# TYPE {METRIC} counter"]
    for dimension, values in table.items():
        for value, cell in values.items():
            for verdict in VERDICTS:
                labels = {"dimension": dimension, "value": value, "verdict": verdict}
                lines.append(f"{series(METRIC, labels)} {getattr(cell, verdict)}")
    return lines
