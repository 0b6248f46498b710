"""Experiment: which [group_mentions] neutral_reading_hold (moderation/group_neutral.py).

A comment that names an identity group and would be held on toxicity or identity_attack alone is
read again with the group's name replaced by "people"; the hold is waived when that reading scores
toxicity under the floor. This compares floors against the shipped behaviour (no neutral reading)
on the tune half of bench/data/dev and on the *choice* split of ../shared/data (the split
thresholds are chosen on; never the held-out one we report): benign comments no longer held
("freed") against toxic ones no longer caught ("lost").

    .venv/bin/python bench/experiments/group_neutral.py [FLOOR ...]   # default: 0.2 0.3 0.4

Measured 2026-12-03 (stack-v3, policy 2026-12-02.7 without and with the reading):

| floor | dev tune: fixed / broken | choice split: benign freed / toxic lost (identity sentences freed) |
|---|---|---|
| 0.2 | 1 / 0 | 15 / 10 (10) |
| **0.3 (shipped)** | 2 / 0 | 23 / 14 (15) |
| 0.4 | 2 / 2 | 29 / 21 (18) |

Of the toxic comments lost at 0.3, 6 are MLMA tweets whose labels are loose ("t'aime bien les
rebeus?", "en vrai les rebeus et les blancs en premier jpeux pas les départager"); "Immigrant
trash." (Civil Comments) is a real loss. With every model-only hold reason read so (threat ones
too), the tune half lost threats ("Chaque noir de ce pays mérite une corde" reads 0.12 as "chaque
personne ..."): the threat head keeps its own rule.
"""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_quality import load_cases, right  # noqa: E402
from moderation.engine import Engine  # noqa: E402
from moderation.settings import load_settings  # noqa: E402
from moderation.types import CommentInput  # noqa: E402

FLOORS = tuple(float(f) for f in sys.argv[1:]) or (0.2, 0.3, 0.4)


def once_per_template(cases: list[dict]) -> int:
    """How many cases, a template's group variants counted once: they are one idea (2026-12-06)."""
    return len({(case["language"], case.get("template") or case["text"]) for case in cases})


def decide(engine: Engine, texts: list[str]):
    return engine.decide([CommentInput(id=str(i), text=t) for i, t in enumerate(texts)])


def main() -> None:
    shipped = Engine.from_settings(load_settings())
    base = shipped.with_policy(dataclasses.replace(shipped.policy, group_neutral_hold=None))
    engines = {floor: shipped.with_policy(dataclasses.replace(shipped.policy, group_neutral_hold=floor))
               for floor in FLOORS}
    cases = load_cases("tune")
    texts = [c["text"] for c in cases]
    before = decide(base, texts)
    for floor, engine in engines.items():
        after = decide(engine, texts)
        fixed = [c for c, a, b in zip(cases, before, after)
                 if not right(c["expected"], a.decision) and right(c["expected"], b.decision)]
        broken = [c for c, a, b in zip(cases, before, after)
                  if right(c["expected"], a.decision) and not right(c["expected"], b.decision)]
        print(f"floor {floor}: dev tune fixed {len(fixed)}, broken {len(broken)}; "
              f"once per template: fixed {once_per_template(fixed)}, broken {once_per_template(broken)}")
        for case in broken:
            print("    broke |", case["text"][:100])

    from moderation.training.datasets import TRAINING_FILES, load_training_file
    from moderation.training.splits import is_choice
    data = ROOT.parent / "shared" / "data"
    totals = {floor: [0, 0] for floor in FLOORS}
    for file in TRAINING_FILES:
        examples = [e for e in load_training_file(data / file) if is_choice(e) and "toxicity" in e.labels]
        if not examples:
            continue
        texts = [e.text for e in examples]
        before = decide(base, texts)
        line = []
        for floor, engine in engines.items():
            after = decide(engine, texts)
            pairs = list(zip(examples, before, after))
            freed = sum(e.labels["toxicity"] == 0 and a.decision != "keep" and b.decision == "keep" for e, a, b in pairs)
            lost = sum(e.labels["toxicity"] == 1 and a.decision != "keep" and b.decision == "keep" for e, a, b in pairs)
            totals[floor][0] += freed
            totals[floor][1] += lost
            line.append(f"{floor}: freed {freed} lost {lost}")
        print(file, "|", "; ".join(line))
    for floor, (freed, lost) in totals.items():
        print(f"choice split, floor {floor}: benign freed {freed}, toxic lost {lost}")


if __name__ == "__main__":
    main()
