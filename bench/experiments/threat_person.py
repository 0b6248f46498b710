"""Experiment: a lower threat bar for comments that name or address a person (`hold_if_person`).

A comment that names an identity group holds at a lower threat score (`hold_if_group`, the 1%
budget on benign comments naming a group). Threats against one person were held only at the
general bar (0.2% of all benign comments: 0.91 English, 0.95 French for stack-v5), and the tune
half of bench/data/dev showed them kept at 0.90-0.99 ("je vais venir chez toi avec un couteau",
"I'm going to find the author of this article and make him eat his keyboard"). The same rule
for persons: the lowest two-decimal threat score at which at most 1% of the benign development
comments (choice split) that name or address a person would be held; French, with too few such
comments, takes the pooled figure (moderation/training/calibrate.py). Compared on the tune half
of bench/data/dev and the choice split of ../shared/data (never the held-out split we report).

    .venv/bin/python bench/experiments/threat_person.py
"""

from __future__ import annotations

import copy
import dataclasses

from compare import ROOT, compare, decisions

from moderation.engine import Engine
from moderation.settings import load_settings
from moderation.training.calibrate import calibrate


def main() -> None:
    shipped = Engine.from_settings(load_settings())
    calibration = calibrate(shipped, ROOT.parent / "shared" / "data")
    print("hold_if_person:", calibration.person_thresholds, "benign naming a person:", calibration.benign_naming_a_person)
    thresholds = copy.deepcopy(shipped.policy.label_thresholds)
    without = copy.deepcopy(thresholds)
    for language, labels in calibration.person_thresholds.items():
        for label, value in labels.items():
            thresholds[language][label]["hold_if_person"] = value
            without[language][label].pop("hold_if_person", None)
    base = shipped.with_policy(dataclasses.replace(shipped.policy, label_thresholds=without))
    trial = shipped.with_policy(dataclasses.replace(shipped.policy, label_thresholds=thresholds))
    compare(lambda texts: decisions(base, texts), lambda texts: decisions(trial, texts))


if __name__ == "__main__":
    main()
