"""The audit trail: one event per thing that happened to a comment, who did it, when and why.

Every event goes to the comment's own list (`mod:history:<id>`, read by GET /v1/comments/<id>,
packed by store.codec). The global stream `mod:audit` carries, as plain JSON, the events that are
not the routine of every comment: moderator actions, applied rescores, failures. The routine
ones (received, decided by the machine, delivered) happen to every comment, and copying them
into the stream doubled their memory; they are in each comment's history and its export.
Event shape: {"at": epoch s, "type": ..., "actor": ..., "revision": n, "what": ..., "why": ...}
plus type-specific fields. Types written by the service: received, decided, scoring_failed,
delivered, delivery_failed. Other areas add theirs (moderator actions: actor "moderator:<name>").
"""

from __future__ import annotations

import time
from typing import Any

ROUTINE = frozenset({"received", "decided", "delivered"})  # not copied to the mod:audit stream


def make_event(type_: str, actor: str, revision: int | None, what: str, why: str | None = None,
               at: float | None = None, **extra: Any) -> dict[str, Any]:
    """Build one audit event."""
    event = {"at": round(time.time() if at is None else at, 3), "type": type_, "actor": actor,
             "revision": revision, "what": what}
    if why is not None:
        event["why"] = why
    event.update(extra)
    return event

