"""One moderator decision on one held revision, with the machine evidence it was made on.

A moderator's approve/reject is an event of type "moderated" in the comment's history
(store/lifecycle/moderate.py: action, moderator, revision, what = keep/remove, why = the reason typed,
or the action when none was). `iter_review_records` turns those events, with the revision's text
and the machine decision that held it, into `ReviewRecord`s, reading the store only through
`Store`'s public methods. Retention may have removed the text (`text` None) and the decision's
evidence (scores and lexicon hits empty; reasons, language, policy and model stay).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any, Iterator

from moderation.types import AUDIT_REASON

MODERATED = "moderated"
ACTIONS = {"approve": "keep", "reject": "remove"}


@dataclass(frozen=True)
class ReviewRecord:
    """A reviewed revision: what the machine saw and decided, and what the moderator decided."""

    comment_id: str
    revision: int
    text: str | None  # None once retention removed it
    language: str | None
    machine_decision: str | None  # hold, normally (keep for an audit item); None if the decision record is gone
    reasons: tuple[str, ...]
    scores: dict[str, float]
    lexicon_hits: tuple[dict[str, Any], ...]  # {term, category, severity, field, quoted}
    lexicon_categories: tuple[str, ...]
    policy_version: str | None
    model: str | None
    action: str  # approve | reject
    outcome: str  # keep | remove
    moderator: str | None
    at: float
    reason: str | None = None  # what the moderator typed, if anything
    discounted_scores: dict[str, float] | None = None  # the scores the policy compared, when discounted
    received_at: float | None = None
    article_id: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)  # room for later fields without a new version
    audit_keep_share: float | None = None  # an audit item (a kept comment sampled for review): the share sampled

    @property
    def rejected(self) -> bool:
        return self.action == "reject"

    @property
    def audit(self) -> bool:
        """A kept comment sampled for review (reason audit_sample), not a hold: its review says what keeps miss."""
        return self.machine_decision == "keep" and AUDIT_REASON in self.reasons

    def policy_scores(self) -> dict[str, float]:
        """The scores the policy compared with its thresholds (discounted ones where the engine discounted)."""
        return self.discounted_scores if self.discounted_scores is not None else self.scores

    def to_json(self) -> dict[str, Any]:
        body = asdict(self)
        body["reasons"], body["lexicon_hits"] = list(self.reasons), [dict(h) for h in self.lexicon_hits]
        body["lexicon_categories"] = list(self.lexicon_categories)
        return body

    @classmethod
    def from_json(cls, body: dict[str, Any]) -> "ReviewRecord":
        known = {name for name in cls.__dataclass_fields__}
        values = {k: v for k, v in body.items() if k in known}
        values["reasons"] = tuple(values.get("reasons") or ())
        values["lexicon_hits"] = tuple(dict(h) for h in values.get("lexicon_hits") or ())
        values["lexicon_categories"] = tuple(values.get("lexicon_categories") or ())
        values["scores"] = dict(values.get("scores") or {})
        values.setdefault("extra", {})
        return cls(**values)

    def dumps(self) -> str:
        return json.dumps(self.to_json(), ensure_ascii=False, sort_keys=True)


def _hits(decision: dict[str, Any]) -> tuple[dict[str, Any], ...]:
    keep = ("term", "category", "severity", "field", "quoted", "negated", "target")
    return tuple({k: hit.get(k) for k in keep if k in hit} for hit in decision.get("slurs") or ())


def record_from(comment_id: str, event: dict[str, Any], revision: dict | None, decision: dict | None,
                head: dict[str, str]) -> ReviewRecord:
    """Build the record of one "moderated" event from the revision and decision it was about."""
    decision = decision or {}
    hits = _hits(decision)
    action = event.get("action") or ("approve" if event.get("what") == "keep" else "reject")
    why = event.get("why")
    details = decision.get("details") or {}
    return ReviewRecord(
        comment_id=comment_id, revision=int(event["revision"]),
        text=(revision or {}).get("text"),
        language=decision.get("language") or head.get("language"),
        machine_decision=decision.get("decision"),
        reasons=tuple(decision.get("reasons") or ()),
        scores={k: float(v) for k, v in (decision.get("scores") or {}).items()},
        lexicon_hits=hits,
        lexicon_categories=tuple(sorted({h["category"] for h in hits if h.get("category")})),
        policy_version=decision.get("policy_version"), model=decision.get("model"),
        action=action, outcome=event.get("what") or ACTIONS[action],
        moderator=event.get("moderator"), at=float(event["at"]),
        reason=None if why in (None, "", action) else why,
        discounted_scores=details.get("discounted_scores"),
        received_at=(revision or {}).get("received_at"),
        article_id=head.get("article_id"),
        audit_keep_share=details.get("audit_keep_share"),
    )


def records_of(store, comment_id: str, since: float | None = None) -> list[ReviewRecord]:
    """Every moderator decision on one comment (at or after `since`), oldest first."""
    view = store.comment_view(comment_id)
    if view is None:
        return []
    out = []
    for event in view["history"]:
        if event.get("type") != MODERATED or event.get("revision") is None:
            continue
        if since is not None and float(event["at"]) < since:
            continue
        n = int(event["revision"])
        revision = view["revisions"][n - 1] if 0 < n <= len(view["revisions"]) else None
        decision = view["decisions"][n - 1] if 0 < n <= len(view["decisions"]) else None
        out.append(record_from(comment_id, event, revision, decision, view["head"]))
    return out


def iter_review_records(store, since: float | None = None, until: float | None = None) -> Iterator[ReviewRecord]:
    """Yield every moderator decision made at or after `since` (and before `until`), by comment.

    Walks every stored comment id and reads a head (one round trip) to skip the comments no
    moderator decided, or whose latest decision is older than `since`; only reviewed comments
    are read in full. (A store index of moderated comments would make this O(reviews).)
    """
    for comment_id in store.comment_ids():
        head = store.head(comment_id)
        if not head or not head.get("review_by"):
            continue
        if since is not None and float(head.get("review_at") or 0) < since:
            continue
        for record in records_of(store, comment_id, since):
            if until is None or record.at < until:
                yield record


def read_records(lines) -> Iterator[ReviewRecord]:
    """Parse ReviewRecords from JSON Lines (an `export --reviews` file)."""
    for line in lines:
        if line.strip():
            yield ReviewRecord.from_json(json.loads(line))
