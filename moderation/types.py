"""The engine's vocabulary: a comment in, lexicon hits and scores as evidence, a decision out.

These are plain data with `to_json()` so that the CLI, the store and the API all speak the same
field names. Field names here are a wire contract (platforms read them): extend, don't rename.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SUPPORTED_LANGUAGES = ("en", "fr")
UNDETERMINED = "und"

# The project's own label names; every scorer maps its model's labels onto these.
LABELS = ("toxicity", "severe_toxicity", "obscene", "insult", "threat", "identity_attack")

OUTCOMES = ("keep", "hold", "remove")
# A kept comment sampled for a moderator to look at (policy [review] audit_keep_share): its decision stays
# keep, the reason marks it, and the review queue takes it after every hold (docs/learning.md).
AUDIT_REASON = "audit_sample"

# Lexicon severities, mildest first. A profanity like "damn" is mild, an insult or obscenity
# is strong, a slur, a dehumanising term or a threat is severe.
SEVERITIES = ("mild", "strong", "severe")

# What a lexicon entry is; the lexicon files and the policy's remove_categories use these names.
LEXICON_CATEGORIES = ("slur", "insult", "profanity", "dehumanising", "threat")


def severity_rank(severity: str) -> int:
    """Order severities: mild 1, strong 2, severe 3."""
    return SEVERITIES.index(severity) + 1


@dataclass(frozen=True)
class CommentInput:
    """One comment to decide. `language` is the platform's hint, if it sent one."""

    id: str
    text: str
    author: str | None = None
    language: str | None = None


@dataclass(frozen=True)
class LexiconHit:
    """One lexicon entry found in a comment's text or its author name.

    `start`/`end` index the ORIGINAL string of `field` (Python str offsets, end exclusive),
    so `original[start:end] == matched`.
    """

    term: str  # the lexicon entry's canonical form, e.g. "fuck"
    category: str  # slur | insult | profanity | dehumanising | threat
    severity: str  # one of SEVERITIES
    start: int
    end: int
    matched: str  # the original text that matched, e.g. "f*ck"
    language: str  # the lexicon it came from: "en", "fr" or "any"
    target: str | None = None  # for slurs/dehumanising: ethnicity, religion, gender, sexual_orientation, disability, ...
    field: str = "text"  # "text" or "author"
    quoted: bool = False  # inside quotation marks: mentioned, perhaps not used (moderation/text/quotes.py)
    negated: bool = False  # inside abuse the comment negates ("I would never say ...", moderation/targeting.py)
    # a slur the speaker uses of themselves ("as a dyke, ...", « nous les pédés »): reclaimed, acted on
    # as [lexicon] reclaimed says (moderation/group_neutral.py said_of_oneself)
    reclaimed: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "term": self.term, "category": self.category, "severity": self.severity,
            "target": self.target, "start": self.start, "end": self.end,
            "matched": self.matched, "field": self.field, "language": self.language, "quoted": self.quoted,
            "negated": self.negated, "reclaimed": self.reclaimed,
        }


@dataclass
class Decision:
    """The engine's answer for one comment, with the evidence a moderator needs."""

    id: str
    language: str
    language_confidence: float
    scores: dict[str, float]
    slurs: list[LexiconHit]
    decision: str  # one of OUTCOMES
    reasons: list[str]  # short machine codes, e.g. "lexicon_severe", "toxicity_hold"
    policy_version: str
    model: str
    details: dict[str, Any] = field(default_factory=dict)  # extra evidence (thresholds used, ...)
    # threats and slur-free derogation found by moderation/targeting.py (TargetHit.to_json())
    targeted: list[dict[str, Any]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "language": self.language,
            "language_confidence": round(self.language_confidence, 4),
            "scores": {name: round(value, 4) for name, value in self.scores.items()},
            "slurs": [hit.to_json() for hit in self.slurs],
            "targeted": list(self.targeted),
            "decision": self.decision,
            "reasons": list(self.reasons),
            "policy_version": self.policy_version,
            "model": self.model,
            **({"details": self.details} if self.details else {}),
        }
