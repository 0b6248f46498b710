"""Decide a batch of stored comment revisions with the engine and record the decisions.

Pure glue over the store and the engine: load revisions, skip those already decided (a retry,
a recovered job or a duplicate job), score the rest in ONE engine call, record each decision once.
"""

from __future__ import annotations

import logging
import time
from typing import Any, Sequence

from moderation.logging import log_event
from moderation.store import Store
from moderation.store.metrics import incr
from moderation.types import CommentInput

log = logging.getLogger("workers.moderate")


class ScoringFailed(RuntimeError):
    """Some comments of the batch could not be scored; RQ retries the job, then holds them."""


def undecided(store: Store, pairs: Sequence[tuple[str, int]]) -> list[tuple[tuple[str, int], dict[str, Any]]]:
    """(pair, revision record) for pairs that exist and have no decision yet."""
    decided = store.decisions(pairs)
    todo = [pair for pair, decision in zip(pairs, decided) if decision is None]
    found = []
    for pair, record in zip(todo, store.revisions(todo)):
        if record is None:
            log_event(log, "revision.missing", logging.ERROR, comment_id=pair[0], revision=pair[1])
            continue
        found.append((pair, record))
    return found


def score_batch(engine, records: list[dict[str, Any]]) -> list[tuple[dict[str, Any], Any]]:
    """Decide records in one call; if that raises, one by one so one bad comment cannot sink the batch.

    Returns (record, decision json or the exception) per record.
    """
    inputs = [CommentInput(r["id"], r["text"], r.get("author"), r.get("language")) for r in records]
    try:
        return [(r, d.to_json()) for r, d in zip(records, engine.decide(inputs))]
    except Exception as exc:  # noqa: BLE001 - re-raised as ScoringFailed by the caller after isolating
        if len(inputs) == 1:
            return [(records[0], exc)]
        log_event(log, "batch.failed", logging.WARNING, size=len(inputs), error=type(exc).__name__)
    results = []
    for record, comment in zip(records, inputs):
        try:
            results.append((record, engine.decide([comment])[0].to_json()))
        except Exception as exc:  # noqa: BLE001 - collected, then raised as ScoringFailed
            results.append((record, exc))
    return results


def moderate(store: Store, engine, pairs: Sequence[tuple[str, int]], job_id: str | None,
             deliver: bool = False) -> dict[str, Any]:
    """Decide and record the pairs; raise ScoringFailed after recording what could be scored.

    `deliver`: a callback URL is set; each new latest decision opens its delivery as it is written.
    """
    todo = undecided(store, pairs)
    if not todo:
        return {"decided": 0, "skipped": len(pairs), "new": []}
    started = time.perf_counter()
    results = score_batch(engine, [record for _, record in todo])
    elapsed = time.perf_counter() - started
    scored = [(record, outcome) for record, outcome in results if not isinstance(outcome, Exception)]
    failed = [(record, outcome) for record, outcome in results if isinstance(outcome, Exception)]
    written = store.record_decisions([(r["rev"], d, r["received_at"]) for r, d in scored], job_id,
                                     scoring_seconds=elapsed, deliver=deliver)
    new = [(r["id"], r["rev"]) for (r, _), w in zip(scored, written) if w]
    # One line per batch at INFO (ids included); one per comment at DEBUG.
    log_event(log, "batch.decided", job_id=job_id, decided=len(new), scored=len(scored),
              seconds=round(elapsed, 4), comment_ids=",".join(cid for cid, _ in new))
    if log.isEnabledFor(logging.DEBUG):
        for (record, decision), was_new in zip(scored, written):
            log_event(log, "comment.decided", logging.DEBUG, comment_id=record["id"], revision=record["rev"],
                      job_id=job_id, decision=decision["decision"], language=decision["language"], new=was_new)
    if failed:
        for record, exc in failed:
            log_event(log, "comment.scoring_failed", logging.ERROR, comment_id=record["id"], revision=record["rev"],
                      job_id=job_id, error=f"{type(exc).__name__}: {exc}")
        raise ScoringFailed(f"{len(failed)} of {len(results)} comments could not be scored") from failed[0][1]
    return {"decided": len(new), "skipped": len(pairs) - len(todo), "new": new}


def hold_for_a_person(store: Store, pairs: Sequence[tuple[str, int]], job_id: str | None, error: str,
                      policy_version: str, deliver: bool = False) -> int:
    """Record `hold` with reason scoring_failed for pairs still undecided; return how many."""
    todo = undecided(store, pairs)
    items = []
    for (comment_id, rev), record in todo:
        decision = {"id": comment_id, "language": "und", "language_confidence": 0.0, "scores": {}, "slurs": [],
                    "decision": "hold", "reasons": ["scoring_failed"], "policy_version": policy_version,
                    "model": "none", "details": {"error": error}}
        items.append((rev, decision, record["received_at"]))
    written = store.record_decisions(items, job_id, deliver=deliver)
    incr(store.redis, "moderation_scoring_failed_total", n=sum(written))
    for (comment_id, rev), _ in todo:
        log_event(log, "comment.held_scoring_failed", logging.WARNING, comment_id=comment_id, revision=rev,
                  job_id=job_id, error=error)
    return sum(written)
