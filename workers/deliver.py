"""Deliver recorded decisions to the platform's callback URL and record the delivery state."""

from __future__ import annotations

import logging
from typing import Sequence

from moderation.callbacks import DeliveryError, callback_key, decision_payload, post_signed
from moderation.logging import log_event
from moderation.settings import Settings
from moderation.store import Store
from moderation.store.keys import Head
from moderation.store.lifecycle.in_force import as_delivered, decisions_in_force
from moderation.store.metrics import incr

log = logging.getLogger("workers.deliver")


def _delivered(head: dict[str, str], rev: int) -> bool:
    return head.get(Head.DELIVERY) == "delivered" and head.get(Head.DELIVERY_REV) == str(rev)


def _attempts(head: dict[str, str], rev: int) -> int:
    same = head.get(Head.DELIVERY_REV) == str(rev)
    return int(head.get(Head.DELIVERY_ATTEMPTS, 0)) + 1 if same else 1


def deliver(store: Store, settings: Settings, pairs: Sequence[tuple[str, int]], job_id: str | None) -> int:
    """POST each undelivered decision; raise DeliveryError (so RQ retries) if any failed.

    Each result is settled against the head's `delivery_seq` read before sending (store.lifecycle.deliver):
    a decision opened again meanwhile (a moderator's, a rescore's) stays pending for its own job.
    """
    failures = []
    delivered = 0
    # The decision in force: an applied rescore replaces the machine's (store/lifecycle/in_force.py).
    for (comment_id, rev), decision in zip(pairs, decisions_in_force(store.redis, pairs)):
        head = store.head(comment_id) or {}
        seq = head.get(Head.DELIVERY_SEQ, "")
        if decision is None or _delivered(head, rev):
            store.record_delivery(comment_id, rev, "", 0, "", seq=seq)  # nothing to send: leave the outbox
            continue
        decision = as_delivered(decision, head, rev)  # a moderator's decision is final over the machine's
        attempts = _attempts(head, rev)
        try:
            post_signed(settings.callback_url, callback_key(settings), decision_payload(comment_id, rev, decision),
                        settings.callback_timeout_seconds)
        except DeliveryError as exc:
            store.record_delivery(comment_id, rev, "retrying", attempts, str(exc), seq=seq)
            incr(store.redis, "moderation_callbacks_total", {"result": "error"})
            log_event(log, "callback.failed", logging.WARNING, comment_id=comment_id, revision=rev, job_id=job_id,
                      attempts=attempts, error=str(exc))
            failures.append(comment_id)
            continue
        store.record_delivery(comment_id, rev, "delivered", attempts, "2xx", seq=seq)
        incr(store.redis, "moderation_callbacks_total", {"result": "delivered"})
        log_event(log, "callback.delivered", comment_id=comment_id, revision=rev, job_id=job_id, attempts=attempts)
        delivered += 1
    if failures:
        raise DeliveryError(f"{len(failures)} deliveries failed, first {failures[0]!r}")
    return delivered


def give_up(store: Store, pairs: Sequence[tuple[str, int]], error: str) -> None:
    """Mark decisions whose delivery exhausted its retries as failed (they leave the outbox)."""
    for comment_id, rev in pairs:
        head = store.head(comment_id) or {}
        if _delivered(head, rev):
            continue
        store.record_delivery(comment_id, rev, "failed", int(head.get(Head.DELIVERY_ATTEMPTS, 0)), error,
                              seq=head.get(Head.DELIVERY_SEQ, ""))
        log_event(log, "callback.gave_up", logging.ERROR, comment_id=comment_id, revision=rev, error=error)
