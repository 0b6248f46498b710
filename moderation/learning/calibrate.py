"""Propose per-language hold thresholds from moderators' decisions on held comments and audited keeps.

What reviews can and cannot show: a moderator sees what the machine held, so reviews of holds label
the comments at and above a hold threshold, never the ones below it. They can argue for RAISING a
hold threshold (moderators keep much of what a score alone held: false holds), and say how much of
what moderators removed would then go unheld; alone, they cannot show what a LOWER threshold would
catch. Audit items can: with `[review] audit_keep_share` set, that share of kept comments (chosen by
a hash of the id) goes to the queue too, so moderators label a uniform sample of what the machine
kept. Each audited keep then stands for 1/share kept comments (the share is stored with its
decision), and a threshold may also move DOWN, by at most `max_step`, when enough keeps were
audited (`min_audited`, `min_missed` of them removed by moderators) and the 95% interval of the
current recall lies below the target (the machine is shown to miss, not just suspected to).
A threshold never reaches its `remove` threshold; `remove` thresholds, the lexicon and targeting
rules are never touched (guard.py checks the written file), and neither is the threat label,
whose holds stand in for removals the targeting rules did not make.

For a language and label, the reviews that count are the ones the label's score held (reason
`<label>_hold`) with their evidence still stored, and the audited keeps with that score. At a
candidate threshold t a held comment is still held if its score (the discounted one where the
engine discounted) is >= t, or if another rule also held it; an audited keep is held if its score
is >= t (no other rule held it). Figures are then estimates over all the comments (held ones count
once, audited keeps 1/share times, so they may have decimals). Two rules pick t among the
two-decimal values in reach:
- recall (default): the highest t at which at least `recall` of the rejected comments are held
  (when none reaches it: the highest t with the best recall in reach);
- false_hold_rate: the lowest t at which at most that share of the comments held were approved.
Nothing moves with fewer than `min_reviews` reviewed holds or `min_rejected` rejections (both per
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
MIN_AUDITED = 50  # audited keeps per language and label before a threshold may go down
MIN_MISSED = 5  # of those, removed by moderators (misses)
LOWEST = 0.05  # a hold threshold never goes below this


@dataclass(frozen=True)
class Options:
    min_reviews: int = MIN_REVIEWS
    min_rejected: int = MIN_REJECTED
    recall: float | None = RECALL
    false_hold_rate: float | None = None  # when set, replaces the recall rule
    max_step: float = MAX_STEP
    labels: tuple[str, ...] = LABELS
    min_audited: int = MIN_AUDITED
    min_missed: int = MIN_MISSED


@dataclass
class Figures:
    """What a threshold does to the comments it is judged on (audited keeps weighted: estimates)."""

    threshold: float
    held: float  # reviews still held
    false_holds: float  # approved and still held
    rejected_held: float  # rejected and still held
    rejected: float
    recall: float | None = None  # share of rejected still held
    recall_ci: tuple[float, float] | None = None
    false_hold_rate: float | None = None  # share of held that moderators approved
    false_hold_rate_ci: tuple[float, float] | None = None

    def __post_init__(self) -> None:
        if self.rejected:
            self.recall = round(self.rejected_held / self.rejected, 4)
            self.recall_ci = wilson(round(self.rejected_held), round(self.rejected))
        if self.held:
            self.false_hold_rate = round(self.false_holds / self.held, 4)
            self.false_hold_rate_ci = wilson(round(self.false_holds), round(self.held))


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
    audited: int = 0  # audited keeps with this label's score
    audited_missed: int = 0  # of those, removed by moderators

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
    score = record.policy_scores().get(label, 0.0) >= threshold - 1e-9
    if record.audit:
        return score  # kept: no other rule held it
    others = [r for r in record.reasons if r != f"{label}_hold"]
    return bool(others) or score


def _weight(record: ReviewRecord) -> float:
    """How many comments a review stands for: an audited keep, 1/share of the keeps; a hold, itself."""
    return 1.0 / record.audit_keep_share if record.audit and record.audit_keep_share else 1.0


def _count(value: float) -> float:
    return int(value) if float(value).is_integer() else round(value, 1)


def figures(records: list[ReviewRecord], label: str, threshold: float) -> Figures:
    """Figures of one candidate threshold on the reviews its label held and the audited keeps."""
    held = [r for r in records if _still_held(r, label, threshold)]
    return Figures(round(threshold, 2), _count(sum(map(_weight, held))),
                   _count(sum(_weight(r) for r in held if not r.rejected)),
                   _count(sum(_weight(r) for r in held if r.rejected)),
                   _count(sum(_weight(r) for r in records if r.rejected)))


def _candidates(current: float, remove: float, max_step: float, lower: bool) -> list[float]:
    top = min(remove - 0.01, current + max_step)
    bottom = max(LOWEST, current - max_step) if lower else current
    steps = int(round((top - bottom) * 100))
    return [round(bottom + i / 100, 2) for i in range(0, max(steps, 0) + 1)]


def _choose(records: list[ReviewRecord], label: str, current: float, remove: float, options: Options,
            lower: bool) -> Figures:
    scored = [figures(records, label, t) for t in _candidates(current, remove, options.max_step, lower)]
    at_current = figures(records, label, current)  # a policy value may have more decimals than the candidates
    if options.false_hold_rate is not None:
        fitting = [f for f in scored if f.false_hold_rate is not None and f.false_hold_rate <= options.false_hold_rate]
        return fitting[0] if fitting else at_current
    fitting = [f for f in scored if f.recall is not None and f.recall >= options.recall - 1e-12]
    if fitting:
        return fitting[-1]
    if not lower:
        return at_current
    best = max(f.recall or 0.0 for f in scored)  # none reaches the target: as near as the step allows
    return [f for f in scored if (f.recall or 0.0) >= best - 1e-12][-1]


def _may_lower(audited: list[ReviewRecord], before: Figures, options: Options) -> str | None:
    """None when the audited keeps allow a lower threshold, else why not."""
    missed = sum(r.rejected for r in audited)
    if len(audited) < options.min_audited or missed < options.min_missed:
        return (f"too few audited keeps to lower it: {len(audited)} audited ({missed} removed by moderators); "
                f"needs {options.min_audited} and {options.min_missed}")
    if options.false_hold_rate is None and before.recall_ci and before.recall_ci[1] >= options.recall:
        return f"the 95% interval of the current recall reaches {options.recall:.0%}: not lowered"
    return None


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
            held = [r for r in mine if f"{label}_hold" in r.reasons and not r.audit]
            usable = [r for r in held if label in r.policy_scores()]
            audited = [r for r in mine if r.audit and label in r.policy_scores()]
            rejected = sum(r.rejected for r in usable)
            proposal = Proposal(language, label, len(usable), len(usable) - rejected, rejected, limits["hold"],
                                limits["hold"], skipped_without_evidence=len(held) - len(usable),
                                audited=len(audited), audited_missed=sum(r.rejected for r in audited))
            judged = usable + audited
            proposal.before = figures(judged, label, limits["hold"])
            if len(usable) < options.min_reviews or rejected < options.min_rejected:
                proposal.message = (f"too few reviews to move anything: {len(usable)} reviewed holds by {label} "
                                    f"({rejected} rejected); needs {options.min_reviews} and {options.min_rejected}")
                out.proposals.append(proposal)
                continue
            why_not_lower = _may_lower(audited, proposal.before, options)
            chosen = _choose(judged, label, limits["hold"], limits["remove"], options, lower=why_not_lower is None)
            proposal.proposed, proposal.after = chosen.threshold, chosen
            if proposal.proposed > proposal.current + 1e-9:
                proposal.message = "raised"
            elif proposal.moved:
                proposal.message = "lowered (audited keeps show misses)"
            else:
                proposal.message = "unchanged: no other threshold in reach meets the rule"
                if why_not_lower and audited:
                    proposal.message += f"; {why_not_lower}"
            proposal.message += _rule(options)
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
