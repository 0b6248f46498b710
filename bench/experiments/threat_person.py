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
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_quality import load_cases, right  # noqa: E402
from moderation.engine import Engine  # noqa: E402
from moderation.settings import load_settings  # noqa: E402
from moderation.training.calibrate import calibrate  # noqa: E402
from moderation.types import CommentInput  # noqa: E402


def decide(engine: Engine, texts: list[str]) -> list[str]:
    return [d.decision for d in engine.decide([CommentInput(id=str(i), text=t) for i, t in enumerate(texts)])]


def main() -> None:
    data = ROOT.parent / "shared" / "data"
    shipped = Engine.from_settings(load_settings())
    calibration = calibrate(shipped, data)
    person = calibration.person_thresholds
    print("hold_if_person:", person, "benign naming a person:", calibration.benign_naming_a_person)
    thresholds = copy.deepcopy(shipped.policy.label_thresholds)
    without = copy.deepcopy(thresholds)
    for language, labels in person.items():
        for label, value in labels.items():
            thresholds[language][label]["hold_if_person"] = value
            without[language][label].pop("hold_if_person", None)
    base = shipped.with_policy(dataclasses.replace(shipped.policy, label_thresholds=without))
    trial = shipped.with_policy(dataclasses.replace(shipped.policy, label_thresholds=thresholds))
    cases = load_cases("tune")
    texts = [c["text"] for c in cases]
    before, after = decide(base, texts), decide(trial, texts)
    fixed = [c for c, a, b in zip(cases, before, after) if not right(c["expected"], a) and right(c["expected"], b)]
    broken = [c for c, a, b in zip(cases, before, after) if right(c["expected"], a) and not right(c["expected"], b)]
    print(f"dev tune: fixed {len(fixed)}, broken {len(broken)}")
    for c in fixed + broken:
        print(f"    {'fixed' if c in fixed else 'broke'} {c['language']} {c['category']} | {c['text'][:90]}")
    from moderation.training.datasets import TRAINING_FILES, load_training_file
    from moderation.training.splits import is_choice
    held_total = caught_total = 0
    for name in TRAINING_FILES:
        examples = [e for e in load_training_file(data / name) if is_choice(e) and "toxicity" in e.labels]
        if not examples:
            continue
        texts = [e.text for e in examples]
        a, b = decide(base, texts), decide(trial, texts)
        held = [e.text for e, x, y in zip(examples, a, b) if e.labels["toxicity"] == 0 and x == "keep" and y != "keep"]
        caught = sum(e.labels["toxicity"] == 1 and x == "keep" and y != "keep" for e, x, y in zip(examples, a, b))
        held_total += len(held)
        caught_total += caught
        print(f"{name}: benign newly held {len(held)}, toxic newly caught {caught}")
        for text in held[:4]:
            print("    held |", text[:100].replace("\n", " "))
    print(f"choice split: benign newly held {held_total}, toxic newly caught {caught_total}")


if __name__ == "__main__":
    main()
