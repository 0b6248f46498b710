"""GET /v1/comments/<id>: status, decision with its evidence, revisions and the audit trail."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, jsonify

from moderation.store.keys import Head
from moderation.store.lifecycle import decision_in_force
from moderation.web.auth import require_reader
from moderation.web.context import services
from moderation.web.errors import ApiError

bp = Blueprint("comments", __name__)


@bp.get("/v1/comments/<path:comment_id>")
def get_comment(comment_id: str):
    """Answer what we know about one comment (platform-signed or moderator bearer token)."""
    svc = services()
    require_reader(svc.settings, svc.redis)
    view = svc.store.comment_view(comment_id)
    if view is None:
        raise ApiError(404, "not_found", f"no comment with id {comment_id!r}")
    return jsonify(render_comment(view))


def render_comment(view: dict[str, Any]) -> dict[str, Any]:
    """Shape a store view into the public answer."""
    head = view["head"]
    decided_rev = int(head[Head.DECIDED_REV]) if head.get(Head.DECIDED_REV) else None
    decisions = view["decisions"]
    # Retention keeps only compact records of an expired revision (no text, no evidence): not shown.
    revisions = [_revision(rev, decision) for rev, decision in zip(view["revisions"], decisions)
                 if rev and "text" in rev]
    decision = decisions[decided_rev - 1] if decided_rev else None
    answer = {
        "id": head[Head.ID],
        "status": head[Head.STATUS],
        "revision": int(head[Head.REV]),
        "outcome": head.get(Head.DECISION),  # kept as it was: the outcome in force, without its source
        "decision": decision if decision and "scores" in decision else None,  # the machine's, with evidence
        "decision_in_force": decision_in_force(head),
        "revisions": revisions,
        "history": view["history"],
    }
    if head.get(Head.TEXT_EXPIRED_AT):  # retention: texts and evidence deleted, the record kept
        answer["text_expired_at"] = float(head[Head.TEXT_EXPIRED_AT])
    if head.get(Head.FINAL):
        answer["final_revision"] = int(head[Head.FINAL])
    if head.get(Head.DELIVERY):
        answer["delivery"] = {"state": head[Head.DELIVERY], "attempts": int(head.get(Head.DELIVERY_ATTEMPTS, 0)),
                              "revision": int(head.get(Head.DELIVERY_REV, 0))}
    return answer


def _revision(record: dict[str, Any], decision: dict[str, Any] | None) -> dict[str, Any]:
    return {
        "revision": record["rev"], "received_at": record["received_at"], "text": record["text"],
        "author": record.get("author"), "article": record.get("article"), "created_at": record.get("created_at"),
        "language_hint": record.get("language"), "status": "decided" if decision else "queued",
        "decision": decision["decision"] if decision else None,
    }
