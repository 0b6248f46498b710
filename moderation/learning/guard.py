"""Guard rails for candidate policies made from reviews: removal rules never loosen by themselves.

Severe slurs and threats are removed by the lexicon rules (`remove_severities`, `remove_categories`)
and the targeting rules (`[targeted]`); `quoted_hold_at_most` turns a quoted severe term's removal
into a hold. A candidate written by `moderation calibrate --from-reviews` only moves hold
thresholds, and `loosened_removals` checks that, whatever wrote the file, nothing removed before
would be let through by a rule change: a person must make such a change, not a calibration.
"""

from __future__ import annotations

from moderation.policy import Policy
from moderation.types import OUTCOMES


def loosened_removals(current: Policy, candidate: Policy) -> list[str]:
    """Every way `candidate` removes or holds less than `current` outside the hold thresholds, one line each."""
    found = []
    for name in ("remove_severities", "remove_categories", "hold_severities", "author_hold_severities"):
        lost = getattr(current, name) - getattr(candidate, name)
        if lost:
            found.append(f"lexicon.{name} drops {sorted(lost)}")
    if candidate.quoted_hold_at_most and not current.quoted_hold_at_most:
        found.append("lexicon.quoted_hold_at_most turned on: quoted severe terms would be held, not removed")
    for key, outcome in current.targeted.items():
        if OUTCOMES.index(candidate.targeted[key]) < OUTCOMES.index(outcome):
            found.append(f"targeted.{key}: {outcome} -> {candidate.targeted[key]}")
    if current.hold_undetermined and not candidate.hold_undetermined:
        found.append("language.hold_undetermined turned off")
    if (candidate.group_neutral_hold is not None
            and (current.group_neutral_hold is None or candidate.group_neutral_hold > current.group_neutral_hold)):
        found.append(f"group_mentions.neutral_reading_hold: {current.group_neutral_hold} -> "
                     f"{candidate.group_neutral_hold}")
    if current.untargeted_profanity == "hold" and candidate.untargeted_profanity != "hold":
        found.append("profanity.untargeted: hold -> keep")
    if current.reclaimed_slurs == "hold" and candidate.reclaimed_slurs != "hold":
        found.append("lexicon.reclaimed: hold -> keep")
    for language, labels in current.label_thresholds.items():
        for label, limits in labels.items():
            new = candidate.limits(language).get(label)
            if new is None:
                found.append(f"thresholds.{language}.{label}: removed")
            elif new["remove"] > limits["remove"]:
                found.append(f"thresholds.{language}.{label}.remove: {limits['remove']} -> {new['remove']}")
    return found
