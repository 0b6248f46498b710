"""Agreement between the machine and the moderators, counted live: which rules waste their time.

At each moderator decision on a held comment, every cell of the decision in force (each machine
reason, the language, each lexicon category among its hits) gets one `approved` (a false hold:
the machine was unsure and the moderator kept it) or one `rejected`, in the shared counters
`moderation_agreement_total{dimension,value,verdict}` (so /metrics shows them), and the day gets
one in mod:agreement:daily (the review page's chart). Both are written by the same Lua script as
the decision itself (store/lifecycle/lua/moderate.lua), so a decision is counted exactly once.

Other verdicts, each counted in the same cells by the Lua script of its own transition:
- `removed`: a machine removal, once per decided revision (lua/decide.lua writes a revision's
  decision once, so retries and recovered jobs never count it twice);
- `reinstated`: the platform reported putting a machine-removed revision back
  (POST /v1/comments/<id>/reinstated, lua/reinstate.lua; once per revision);
- `audit_kept` / `audit_missed`: a moderator approved / rejected an audit item, a kept comment
  sampled for review (`[review] audit_keep_share`); these are not holds, so they never count as
  approved or rejected.

moderation/learning/agreement.py counts the same cells offline from review records.
"""

from __future__ import annotations

from typing import Any, Iterable

from redis import Redis

from moderation.store import keys
from moderation.store.metrics import series, series_labels
from moderation.store.models import text
from moderation.types import AUDIT_REASON

METRIC = "moderation_agreement_total"
DIMENSIONS = ("reason", "language", "category")
VERDICTS = {"approve": "approved", "reject": "rejected"}  # a moderator on a held comment
AUDIT_VERDICTS = {"approve": "audit_kept", "reject": "audit_missed"}  # a moderator on an audit item
REMOVED, REINSTATED = "removed", "reinstated"
ALL_VERDICTS = ("approved", "rejected", REMOVED, REINSTATED, "audit_kept", "audit_missed")
DAY = 86400


def cells(language: str | None, reasons: Iterable[str], categories: Iterable[str]) -> list[tuple[str, str]]:
    """The (dimension, value) cells one decision counts in: each reason, the language, each category."""
    out = [("reason", r) for r in dict.fromkeys(reasons)]
    out.append(("language", language or "unknown"))
    out += [("category", c) for c in dict.fromkeys(categories)]
    return out


def decision_cells(decision: dict[str, Any] | None) -> list[tuple[str, str]]:
    """The cells of a stored decision (its reasons, language and lexicon hits' categories)."""
    decision = decision or {}
    categories = sorted({hit["category"] for hit in decision.get("slurs") or () if hit.get("category")})
    return cells(decision.get("language"), decision.get("reasons") or (), categories)


def is_audit(decision: dict[str, Any] | None) -> bool:
    """Whether a decision is a kept comment sampled for review (an audit item), not a hold."""
    decision = decision or {}
    return decision.get("decision") == "keep" and AUDIT_REASON in (decision.get("reasons") or ())


def verdict_of(decision: dict[str, Any] | None, action: str) -> str:
    """The verdict a moderator's action on this decision counts as."""
    return (AUDIT_VERDICTS if is_audit(decision) else VERDICTS)[action]


def verdict_series(decision: dict[str, Any] | None, verdict: str) -> list[str]:
    """The counter fields one verdict on this decision increments (one per cell)."""
    return [series(METRIC, {"dimension": d, "value": v, "verdict": verdict}) for d, v in decision_cells(decision)]


def counter_series(decision: dict[str, Any] | None, action: str) -> list[str]:
    """The counter fields one moderator action increments."""
    return verdict_series(decision, verdict_of(decision, action))


def daily_field(now: float, verdict: str) -> str:
    """mod:agreement:daily field: '<day start, epoch s>:<verdict>' (an action name counts as its hold verdict)."""
    return f"{int(now // DAY) * DAY}:{VERDICTS.get(verdict, verdict)}"


def _rate(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def table(redis: Redis) -> dict[str, dict[str, dict[str, Any]]]:
    """{dimension: {value: {verdict counts, false_hold_rate, reinstated_rate, audit_miss_rate}}} from the live counters."""
    out: dict[str, dict[str, dict[str, Any]]] = {d: {} for d in DIMENSIONS}
    for field, count in redis.hscan_iter(keys.METRICS, match=METRIC + "{*"):
        labels = series_labels(field)
        dimension, value, verdict = labels.get("dimension"), labels.get("value"), labels.get("verdict")
        if dimension not in out or verdict not in ALL_VERDICTS:
            continue
        cell = out[dimension].setdefault(value, dict.fromkeys(ALL_VERDICTS, 0))
        cell[verdict] = int(count)
    for values in out.values():
        for cell in values.values():
            cell["false_hold_rate"] = _rate(cell["approved"], cell["approved"] + cell["rejected"])
            cell["reinstated_rate"] = _rate(cell[REINSTATED], cell[REMOVED])
            cell["audit_miss_rate"] = _rate(cell["audit_missed"], cell["audit_kept"] + cell["audit_missed"])
    return {d: dict(sorted(values.items())) for d, values in out.items()}


def daily(redis: Redis) -> list[dict[str, Any]]:
    """[{start, approved, rejected, false_hold_rate}] per day, oldest first (days with reviewed holds)."""
    days: dict[int, dict[str, int]] = {}
    for field, count in redis.hgetall(keys.AGREEMENT_DAILY).items():
        start, _, verdict = text(field).partition(":")
        if verdict in VERDICTS.values():  # the chart is about holds; audit items are counted in the table
            days.setdefault(int(start), {"approved": 0, "rejected": 0})[verdict] = int(count)
    return [{"start": start, **counts,
             "false_hold_rate": round(counts["approved"] / (counts["approved"] + counts["rejected"]), 4)}
            for start, counts in sorted(days.items()) if counts["approved"] + counts["rejected"]]
