"""Agreement between the machine and the moderators, counted live: which rules waste their time.

At each moderator decision on a held comment, every cell of the decision in force (each machine
reason, the language, each lexicon category among its hits) gets one `approved` (a false hold:
the machine was unsure and the moderator kept it) or one `rejected`, in the shared counters
`moderation_agreement_total{dimension,value,verdict}` (so /metrics shows them), and the day gets
one in mod:agreement:daily (the review page's chart). Both are written by the same Lua script as
the decision itself (store/lifecycle/lua/moderate.lua), so a decision is counted exactly once.

moderation/learning/agreement.py counts the same cells offline from review records.
"""

from __future__ import annotations

import re
from typing import Any, Iterable

from redis import Redis

from moderation.store import keys
from moderation.store.metrics import series
from moderation.store.models import text

METRIC = "moderation_agreement_total"
DIMENSIONS = ("reason", "language", "category")
VERDICTS = {"approve": "approved", "reject": "rejected"}
DAY = 86400
_LABEL = re.compile(r'(\w+)="((?:[^"\\]|\\.)*)"')


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


def counter_series(decision: dict[str, Any] | None, action: str) -> list[str]:
    """The counter fields one moderator action increments."""
    verdict = VERDICTS[action]
    return [series(METRIC, {"dimension": d, "value": v, "verdict": verdict}) for d, v in decision_cells(decision)]


def daily_field(now: float, action: str) -> str:
    """mod:agreement:daily field: '<day start, epoch s>:<verdict>'."""
    return f"{int(now // DAY) * DAY}:{VERDICTS[action]}"


def table(redis: Redis) -> dict[str, dict[str, dict[str, Any]]]:
    """{dimension: {value: {approved, rejected, false_hold_rate}}} from the live counters."""
    out: dict[str, dict[str, dict[str, Any]]] = {d: {} for d in DIMENSIONS}
    for field, count in redis.hscan_iter(keys.METRICS, match=METRIC + "{*"):
        labels = {k: v.replace('\\"', '"').replace("\\\\", "\\") for k, v in _LABEL.findall(text(field))}
        dimension, value, verdict = labels.get("dimension"), labels.get("value"), labels.get("verdict")
        if dimension not in out or verdict not in VERDICTS.values():
            continue
        cell = out[dimension].setdefault(value, {"approved": 0, "rejected": 0})
        cell[verdict] = int(count)
    for values in out.values():
        for cell in values.values():
            reviewed = cell["approved"] + cell["rejected"]
            cell["false_hold_rate"] = round(cell["approved"] / reviewed, 4) if reviewed else None
    return {d: dict(sorted(values.items())) for d, values in out.items()}


def daily(redis: Redis) -> list[dict[str, Any]]:
    """[{start, approved, rejected, false_hold_rate}] per day, oldest first."""
    days: dict[int, dict[str, int]] = {}
    for field, count in redis.hgetall(keys.AGREEMENT_DAILY).items():
        start, _, verdict = text(field).partition(":")
        days.setdefault(int(start), {"approved": 0, "rejected": 0})[verdict] = int(count)
    return [{"start": start, **counts,
             "false_hold_rate": round(counts["approved"] / (counts["approved"] + counts["rejected"]), 4)}
            for start, counts in sorted(days.items()) if counts["approved"] + counts["rejected"]]
