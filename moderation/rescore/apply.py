"""Rescore one batch of stored comments: load, re-decide with the engine, diff, optionally apply.

Shared by the in-process run and the `rescore` queue's job, so both count and apply alike.
The current decision of a comment's latest revision is its applied rescore if any, else the
machine decision. A revision still awaiting its decision is left to the live workers; one a
moderator decided is never re-decided, nor one a moderator has claimed while the claim lasts (all
counted, never reported as changed). Changes are written by the store's lifecycle
(store/lifecycle/rescore.py), one checked Lua call per comment.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any, Callable, Sequence

from redis import Redis

from moderation.rescore.report import Tally, diff_decisions, transition
from moderation.store import keys
from moderation.store.keys import Head
from moderation.store.lifecycle import Change, apply_changes, decisions_in_force
from moderation.store.models import loads, text
from moderation.types import CommentInput

HEAD = (Head.REV, Head.STATUS, Head.DECIDED_REV, Head.FINAL, Head.DECISION, Head.RESCORE_RUN, Head.RESCORE_REV,
        Head.TEXT_EXPIRED_AT)

Deliver = Callable[[list[tuple[str, int]]], Any]


@dataclass(frozen=True)
class Options:
    """How a batch is handled: the run it belongs to, and whether it writes."""

    run_id: str
    apply: bool = False


def _heads(redis: Redis, ids: Sequence[str]) -> list[dict[str, str] | None]:
    """Each comment's head fields (plus "claimed": a moderator's claim on it), None if unknown."""
    pipe = redis.pipeline(transaction=False)
    for comment_id in ids:
        pipe.hmget(keys.comment(comment_id), *HEAD)
        pipe.exists(keys.claim(comment_id))
    replies = pipe.execute()
    heads = [{**dict(zip(HEAD, map(text, values))), "claimed": bool(claimed)}
             for values, claimed in zip(replies[::2], replies[1::2])]
    return [head if head[Head.REV] is not None else None for head in heads]


def _eligible(ids, heads, tally: Tally) -> list[tuple[str, int, dict[str, str]]]:
    """Keep comments whose latest revision has a machine-made decision; count the others."""
    kept = []
    for comment_id, head in zip(ids, heads):
        tally.add("scanned")
        if head is None:
            tally.add("missing")
        elif head[Head.STATUS] != "decided" or head[Head.DECIDED_REV] != head[Head.REV]:
            tally.add("skipped_pending")
        elif head[Head.FINAL] == head[Head.REV]:
            tally.add("skipped_moderated")
        elif head[Head.TEXT_EXPIRED_AT]:
            tally.add("skipped_expired")  # retention deleted its text: nothing to re-decide on
        elif head["claimed"]:
            tally.add("skipped_claimed")  # a moderator is looking at it: not re-decided under them
        else:
            kept.append((comment_id, int(head[Head.REV]), head))
    return kept


def _load(redis: Redis, items) -> tuple[list, list]:
    """Each item's revision record and current decision (applied rescore, else machine decision)."""
    pairs = [(cid, rev) for cid, rev, _ in items]
    records = redis.mget([keys.revision(cid, rev) for cid, rev in pairs])
    return [loads(r) for r in records], decisions_in_force(redis, pairs)


def _baseline(head: dict[str, str], current: dict[str, Any], options: Options) -> tuple[dict[str, Any], bool]:
    """What to diff against; True when this run already applied its decision to this revision.

    Only --apply looks through to the replaced decision, so that a resumed run reports the same
    changes as an uninterrupted one; a dry run always diffs against what is current now.
    """
    if (options.apply and head[Head.RESCORE_RUN] == options.run_id and head[Head.RESCORE_REV] == head[Head.REV]
            and "previous" in current):
        return current["previous"], True
    return current, False


def rescore_batch(redis: Redis, engine, ids: Sequence[str], options: Options, deliver: Deliver | None = None) -> Tally:
    """Re-decide one batch of comment ids; apply changes when options.apply."""
    tally = Tally()
    items = _eligible(ids, _heads(redis, ids), tally)
    if not items:
        return tally
    records, current = _load(redis, items)
    ready = []
    for (comment_id, rev, head), record, decision in zip(items, records, current):
        if record is None or decision is None:
            tally.error(comment_id, f"revision {rev} or its decision is missing from the store")
        else:
            ready.append((comment_id, rev, head, record, decision))
    decided = engine.decide([CommentInput(id=cid, text=rec["text"], author=rec.get("author"),
                                          language=rec.get("language")) for cid, _, _, rec, _ in ready])
    changes, done_before = [], set()
    for (comment_id, rev, head, record, decision), new in zip(ready, decided):
        old, already = _baseline(head, decision, options)
        new_json = new.to_json()
        if new_json["decision"] == old.get("decision"):
            continue
        tally.change(diff_decisions(old, new_json, rev), transition(old.get("decision"), new_json["decision"]))
        if already:
            done_before.add(comment_id)
        changes.append(Change(comment_id, rev, head[Head.DECISION], old, new_json, float(record["received_at"])))
    if options.apply:
        _apply(redis, changes, done_before, options, tally, deliver)
    return tally


def _apply(redis: Redis, changes: list[Change], done_before: set[str], options: Options, tally: Tally,
           deliver: Deliver | None) -> None:
    todo = [c for c in changes if c.comment_id not in done_before]
    tally.add("already_applied", len(changes) - len(todo))
    statuses = apply_changes(redis, todo, options.run_id, time.time(), deliver=deliver is not None)
    rows = {row["id"]: row for row in tally.rows}
    delivered = []
    for change, status in zip(todo, statuses):
        rows[change.comment_id]["applied"] = status
        if status == "applied":
            delivered.append((change.comment_id, change.rev))
        tally.add({"applied": "applied", "already": "already_applied", "moderated": "skipped_moderated",
                   "claimed": "skipped_claimed", "stale": "stale"}[status])
    for comment_id in done_before:
        rows[comment_id]["applied"] = "already"
    # A batch cut short after applying is done again: its "already" ones are sent again too, so
    # the platform hears of every change at least once (deliveries carry the revision).
    again = [(c.comment_id, c.rev) for c in changes if c.comment_id in done_before]
    if deliver is not None and (delivered or again):
        deliver(delivered + again)
