"""Replay a labelled set as a site's moderators: the pieces of bench/bench_replay.py and its test.

A labelled set stands in for a site: its rows are split by hash into a "reviewed" part, posted
through the real service and decided, held comment by held comment, by a scripted moderator who
follows the label (through the review API, as a person would), and a "later" part that nothing is
tuned on, where decisions are measured before and after learning from the reviews.
"""

from __future__ import annotations

import csv
import hashlib
import json
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from moderation.training.metrics import roc_auc


@dataclass(frozen=True)
class Row:
    id: str
    text: str
    label: int  # 1 toxic


def load_rows(path: Path, text_col: str = "text", label_col: str = "label", prefix: str = "row") -> list[Row]:
    """Labelled rows of a CSV file, with ids stable across runs (the row's number)."""
    with path.open(newline="", encoding="utf-8") as handle:
        return [Row(f"{prefix}-{i}", r[text_col], int(r[label_col])) for i, r in enumerate(csv.DictReader(handle))]


def is_later(row: Row, later_percent: int) -> bool:
    """The row belongs to the 'later' part (by SHA-1 of its text: the same split on every run)."""
    return int.from_bytes(hashlib.sha1(row.text.encode("utf-8")).digest()[:4], "big") % 100 < later_percent


def split_rows(rows: Sequence[Row], later_percent: int = 40) -> tuple[list[Row], list[Row]]:
    """(reviewed, later)."""
    return [r for r in rows if not is_later(r, later_percent)], [r for r in rows if is_later(r, later_percent)]


def post_all(client, rows: Sequence[Row], batch: int = 50, timeout: float = 600.0) -> dict[str, dict]:
    """Post rows through the signed webhook in batches; wait until every one is decided; return the decisions."""
    for start in range(0, len(rows), batch):
        status, body = client.post_comments([{"id": r.id, "text": r.text, "article": {"id": "replay"}}
                                             for r in rows[start:start + batch]])
        if status != 202:
            raise RuntimeError(f"intake answered {status}: {body}")
    decided = client.wait_decided([r.id for r in rows], timeout=timeout, poll=0.2)
    if len(decided) != len(rows):
        raise TimeoutError(f"{len(rows) - len(decided)} of {len(rows)} comments undecided after {timeout}s")
    return decided


def _api(url: str, token: str, method: str = "GET", body: dict | None = None) -> tuple[int, dict]:
    data = None if body is None else json.dumps(body).encode("utf-8")
    request = urllib.request.Request(url, data=data, method=method,
                                     headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return answer.status, json.loads(answer.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read() or b"{}")


def scripted_moderator(base_url: str, token: str, labels: dict[str, int], rounds: int = 20) -> dict[str, int]:
    """Decide every held comment by its label through the review API; return counts by action."""
    done = {"approve": 0, "reject": 0, "unknown": 0}
    for _ in range(rounds):
        status, page = _api(f"{base_url}/v1/review?per_page=1000", token)
        if status != 200:
            raise RuntimeError(f"GET /v1/review answered {status}: {page}")
        if not page["items"]:
            return done
        for item in page["items"]:
            if item["id"] not in labels:
                done["unknown"] += 1
                continue
            action = "reject" if labels[item["id"]] else "approve"
            status, answer = _api(f"{base_url}/v1/review/{item['id']}", token, "POST",
                                  {"action": action, "revision": item["revision"], "reason": "replay label"})
            if status != 200:
                raise RuntimeError(f"POST /v1/review/{item['id']} answered {status}: {answer}")
            done[action] += 1
        time.sleep(0.05)
    raise RuntimeError(f"the review queue was not empty after {rounds} rounds")


def measure(decisions: Sequence[dict], rows: Sequence[Row]) -> dict[str, dict]:
    """False holds, false removals and missed toxic comments per detected language and overall."""
    by_id = {r.id: r for r in rows}
    groups: dict[str, list[tuple[dict, Row]]] = {}
    for decision in decisions:
        row = by_id[decision["id"]]
        groups.setdefault(decision["language"], []).append((decision, row))
        groups.setdefault("all", []).append((decision, row))
    out = {}
    for language, pairs in sorted(groups.items()):
        benign = [d for d, r in pairs if not r.label]
        toxic = [d for d, r in pairs if r.label]
        caught = sum(d["decision"] != "keep" for d in toxic)
        auc = roc_auc([r.label for _, r in pairs], [d["scores"].get("toxicity", 0.0) for d, _ in pairs])
        out[language] = {
            "n": len(pairs), "toxic": len(toxic), "benign": len(benign),
            "false_holds": sum(d["decision"] == "hold" for d in benign),
            "false_removals": sum(d["decision"] == "remove" for d in benign),
            "missed_toxic": len(toxic) - caught,
            "toxic_recall": round(caught / len(toxic), 4) if toxic else None,
            "auc": None if auc is None else round(auc, 4),
        }
    return out


def decide_in_process(engine, rows: Sequence[Row]) -> list[dict]:
    """The engine's decisions for rows (the code the worker runs), as JSON."""
    from moderation.types import CommentInput

    out = []
    for start in range(0, len(rows), 64):
        out += [d.to_json() for d in engine.decide([CommentInput(r.id, r.text, None, None)
                                                    for r in rows[start:start + 64]])]
    return out
