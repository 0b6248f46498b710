"""Compare a stored decision with a new one: what changed and the evidence for it (a report row)."""

from __future__ import annotations

from collections import Counter
from typing import Any


def transition(old: str | None, new: str) -> str:
    """The summary key of a change, e.g. "keep->hold" ("none->keep" when there was no decision)."""
    return f"{old or 'none'}->{new}"


def _terms(decision: dict[str, Any]) -> Counter:
    """Lexicon hits as a multiset of terms; hits in the author name are prefixed "author:"."""
    return Counter(("author:" if hit.get("field") == "author" else "") + hit["term"]
                   for hit in decision.get("slurs", []))


def _lexicon_version(decision: dict[str, Any]) -> str | None:
    return (decision.get("details") or {}).get("lexicon_version")


def diff_decisions(old: dict[str, Any] | None, new: dict[str, Any], revision: int | None = None) -> dict[str, Any]:
    """One report row: old and new outcome and the evidence that differs between them."""
    old = old or {}
    old_reasons, new_reasons = old.get("reasons", []), new.get("reasons", [])
    old_terms, new_terms = _terms(old), _terms(new)
    return {
        "id": new["id"],
        "revision": revision,
        "language": new.get("language"),
        "old_decision": old.get("decision"),
        "new_decision": new["decision"],
        "reasons_added": [r for r in new_reasons if r not in old_reasons],
        "reasons_removed": [r for r in old_reasons if r not in new_reasons],
        "scores_old": old.get("scores", {}),
        "scores_new": new.get("scores", {}),
        "terms_added": sorted((new_terms - old_terms).elements()),
        "terms_removed": sorted((old_terms - new_terms).elements()),
        "policy_old": old.get("policy_version"),
        "policy_new": new.get("policy_version"),
        "model_old": old.get("model"),
        "model_new": new.get("model"),
        "lexicon_old": _lexicon_version(old),
        "lexicon_new": _lexicon_version(new),
    }
