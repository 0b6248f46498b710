"""Propose per-language hold thresholds from moderators' decisions on held comments.

What reviews can and cannot show: a moderator sees only what the machine held, so reviews label
the comments at and above a hold threshold, never the ones below it. They can therefore argue for
RAISING a hold threshold (moderators keep most of what a score alone held: false holds), and say
how much of what moderators removed would then go unheld; they cannot show what a LOWER threshold
would catch (nobody reviewed the comments it would add). So a threshold only moves up, by at most
`max_step`, and never to or above its `remove` threshold; `remove` thresholds, the lexicon and
targeting rules are never touched (guard.py checks the written file), and neither is the threat
label, whose holds stand in for removals the targeting rules did not make.

For a language and label, the reviews that count are the ones the label's score held (reason
`<label>_hold`) with their evidence still stored. At a candidate threshold t such a comment is
still held if its score (the discounted one where the engine discounted) is >= t, or if another
rule also held it. Two rules pick t among the two-decimal values from the current hold upwards:
- recall (default): the highest t at which at least `recall` of the rejected comments stay held;
- false_hold_rate: the lowest t at which at most that share of the comments still held were approved.
Nothing moves with fewer than `min_reviews` such reviews or `min_rejected` rejections (both per
language and label): the figures come with 95% Wilson intervals, and few reviews make wide ones.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Iterable

from moderation.learning.records import ReviewRecord
from moderation.learning.stats import wilson
from moderation.policy import Policy

LABELS = ("toxicity", "identity_attack")  # threat: never loosened from reviews (see above)
MIN_REVIEWS = 50
MIN_REJECTED = 10
RECALL = 0.95
MAX_STEP = 0.10


@dataclass(frozen=True)
class Options:
    min_reviews: int = MIN_REVIEWS
    min_rejected: int = MIN_REJECTED
    recall: float | None = RECALL
    false_hold_rate: float | None = None  # when set, replaces the recall rule
    max_step: float = MAX_STEP
    labels: tuple[str, ...] = LABELS


@dataclass
class Figures:
    """What a threshold does to the reviews it is judged on."""

    threshold: float
    held: int  # reviews still held
    false_holds: int  # approved and still held
    rejected_held: int  # rejected and still held
    rejected: int
    recall: float | None = None  # share of rejected still held
    recall_ci: tuple[float, float] | None = None
    false_hold_rate: float | None = None  # share of held that moderators approved
    false_hold_rate_ci: tuple[float, float] | None = None

    def __post_init__(self) -> None:
        if self.rejected:
            self.recall = round(self.rejected_held / self.rejected, 4)
            self.recall_ci = wilson(self.rejected_held, self.rejected)
        if self.held:
            self.false_hold_rate = round(self.false_holds / self.held, 4)
            self.false_hold_rate_ci = wilson(self.false_holds, self.held)


@dataclass
class Proposal:
    """One language and label: the reviews, the threshold in force, the one proposed and why."""

    language: str
    label: str
    reviews: int
    approved: int
    rejected: int
    current: float
    proposed: float
    before: Figures | None = None
    after: Figures | None = None
    message: str = ""
    skipped_without_evidence: int = 0

    @property
    def moved(self) -> bool:
        return abs(self.proposed - self.current) > 1e-9

    def to_json(self) -> dict:
        body = asdict(self)
        body["moved"] = self.moved
        return body


@dataclass
class Calibration:
    proposals: list[Proposal] = field(default_factory=list)
    reviews: int = 0

    @property
    def changes(self) -> list[Proposal]:
        return [p for p in self.proposals if p.moved]


def _still_held(record: ReviewRecord, label: str, threshold: float) -> bool:
    others = [r for r in record.reasons if r != f"{label}_hold"]
    return bool(others) or record.policy_scores().get(label, 0.0) >= threshold - 1e-9


def figures(records: list[ReviewRecord], label: str, threshold: float) -> Figures:
    """Figures of one candidate threshold on the reviews its label held."""
    held = [r for r in records if _still_held(r, label, threshold)]
    return Figures(round(threshold, 2), len(held), sum(not r.rejected for r in held),
                   sum(r.rejected for r in held), sum(r.rejected for r in records))


def _candidates(current: float, remove: float, max_step: float) -> list[float]:
    top = min(remove - 0.01, current + max_step)
    steps = int(round((top - current) * 100))
    return [round(current + i / 100, 2) for i in range(0, max(steps, 0) + 1)]


def _choose(records: list[ReviewRecord], label: str, current: float, remove: float, options: Options) -> Figures:
    scored = [figures(records, label, t) for t in _candidates(current, remove, options.max_step)]
    if options.false_hold_rate is not None:
        fitting = [f for f in scored if f.false_hold_rate is not None and f.false_hold_rate <= options.false_hold_rate]
        return fitting[0] if fitting else scored[0]
    fitting = [f for f in scored if f.recall is not None and f.recall >= options.recall - 1e-12]
    return fitting[-1] if fitting else scored[0]


def propose(records: Iterable[ReviewRecord], policy: Policy, options: Options = Options()) -> Calibration:
    """Propose hold thresholds per language and label from review records (see the module docstring)."""
    records = list(records)
    out = Calibration(reviews=len(records))
    for language in sorted(policy.label_thresholds):
        mine = [r for r in records if (r.language or "und") == language]
        for label in options.labels:
            limits = policy.label_thresholds[language].get(label)
            if limits is None:
                continue
            held = [r for r in mine if f"{label}_hold" in r.reasons]
            usable = [r for r in held if label in r.policy_scores()]
            rejected = sum(r.rejected for r in usable)
            proposal = Proposal(language, label, len(usable), len(usable) - rejected, rejected, limits["hold"],
                                limits["hold"], skipped_without_evidence=len(held) - len(usable))
            proposal.before = figures(usable, label, limits["hold"])
            if len(usable) < options.min_reviews or rejected < options.min_rejected:
                proposal.message = (f"too few reviews to move anything: {len(usable)} reviewed holds by {label} "
                                    f"({rejected} rejected); needs {options.min_reviews} and {options.min_rejected}")
                out.proposals.append(proposal)
                continue
            chosen = _choose(usable, label, limits["hold"], limits["remove"], options)
            proposal.proposed, proposal.after = chosen.threshold, chosen
            proposal.message = ("raised" if proposal.moved else
                                "unchanged: no higher threshold meets the rule") + _rule(options)
            out.proposals.append(proposal)
    return out


def _rule(options: Options) -> str:
    if options.false_hold_rate is not None:
        return f" (rule: at most {options.false_hold_rate:.0%} of holds approved by moderators)"
    return f" (rule: at least {options.recall:.0%} of what moderators rejected stays held)"


_TABLE = re.compile(r"^\[thresholds\.(\w+)\]\s*$")


def candidate_text(policy_text: str, calibration: Calibration, version: str, note: str) -> str:
    """The policy file with the proposed hold thresholds and a new version; everything else as it was."""
    changes = {(p.language, p.label): p.proposed for p in calibration.changes}
    out, table = [], None
    for line in policy_text.splitlines(keepends=True):
        header = _TABLE.match(line)
        if header:
            table = header.group(1)
        elif line.startswith("["):
            table = None
        label = line.split("=", 1)[0].strip()
        if table is not None and (table, label) in changes:
            line, n = re.subn(r"(hold\s*=\s*)[0-9.]+", lambda m: f"{m.group(1)}{changes[(table, label)]:.2f}", line,
                              count=1)
            if n != 1:
                raise ValueError(f"cannot find the hold threshold of thresholds.{table}.{label} in the policy file")
        elif re.match(r"^version\s*=", line):
            line = f'version = "{version}"\n'
        out.append(line)
    return f"# {note}\n" + "".join(out)
