"""The group stance's two bars ([group_stance] in config/policy.toml) swept for one or more artifacts.

Question: which `written_keep_below` / `mixed_keep_below` should a group-stance artifact be read
with? The comments the engine asks the reading about do not depend on its artifact or its bars (a
comment naming a group, nothing abusive in its own voice, held for the model heads' reasons alone:
engine.held_for_a_group_by_the_models_alone), so they are found once with the shipped engine and
each artifact's two probabilities are read on them; a comment is kept when both are under their
bars, held otherwise. Counted against the shipped decisions, on the tune half of bench/data/dev
(fixed: wrong before and right after; a counter-speech case held and then kept is right both
times) and the choice split of the training files (benign freed, toxic lost; negative when the
bars hold more than the shipped ones). Never the report half, never the held-out split.

    .venv/bin/python bench/experiments/stance_bars.py [ARTIFACT.json ...] [--written 0.05,0.1,0.2] [--mixed 0.5]

Without an artifact: the shipped one. `moderation train --model group-stance-v4 --out /tmp/m`
builds another. About two minutes on the 2-core machine.

Result (2026-12-07, twelfth session; 908 tune cases and 232 choice-split comments asked; fixed /
broken, benign freed / toxic lost; mixed bar 0.50):

| written bar | group-stance-v2 (shipped) | v4 (v2 + round 3) | v5 (all three rounds) |
|---|---|---|---|
| 0.05 (shipped) | 0 / 1, 0 / 0 | 3 / 17, 3 / 2 (engine: 3 / 16) | 8 / 16, 2 / 2 |
| 0.10 | 8 / 2, 1 / 2 | 4 / 15, 4 / 5 | 8 / 14, 4 / 3 |
| 0.20 | 21 / 4, 2 / 2 (engine: 21 / 3) | 16 / 8, 7 / 6 | 19 / 11, 5 / 5 |
| 0.30 | 25 / 5, 4 / 3 | 24 / 12, 8 / 8 | 24 / 12, 7 / 6 |

(One case moves at the shipped bars because the encoder reads a text in another batch with slightly
different floats.) v2 at 0.20 was measured once on the report halves and the sealed suite and not
shipped: BENCHMARKS.md, 2026-12-07, twelfth session.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path

from compare import ROOT, choice_split, right, tune_cases

from moderation.engine import Engine
from moderation.scoring.group_stance import DEFAULT_PATH, GroupStance
from moderation.settings import load_settings
from moderation.types import CommentInput


@dataclass(frozen=True)
class Asked:
    """A comment the shipped engine asked the group stance about."""

    where: str  # "tune" or a training file's name
    text: str
    keep_is_right: bool
    hold_is_right: bool
    shipped: str  # the shipped decision


def asked_comments() -> list[Asked]:
    engine = Engine.from_settings(load_settings())
    found = []

    def read(where: str, texts: list[str], rights: list[tuple[bool, bool]]) -> None:
        decisions = engine.decide([CommentInput(id=str(i), text=t) for i, t in enumerate(texts)])
        found.extend(Asked(where, text, keep, hold, d.decision) for text, (keep, hold), d in zip(texts, rights, decisions)
                     if d.details.get("group_stance") is not None)

    cases = tune_cases()
    read("tune", [c["text"] for c in cases], [(right(c["expected"], "keep"), right(c["expected"], "hold")) for c in cases])
    for name, (texts, labels) in choice_split().items():
        read(name, texts, [(label == 0, label == 1) for label in labels])
    return found


def counts(asked: list[Asked], stances, written_bar: float, mixed_bar: float) -> tuple[int, int, int, int]:
    """(tune fixed, tune broken, choice-split benign freed, choice-split toxic lost)."""
    fixed = broken = freed = lost = 0
    for item, stance in zip(asked, stances):
        new = "keep" if stance.written < written_bar and stance.mixed < mixed_bar else "hold"
        if new == item.shipped:
            continue
        right_now = item.keep_is_right if new == "keep" else item.hold_is_right
        right_before = item.keep_is_right if item.shipped == "keep" else item.hold_is_right
        if item.where == "tune":
            fixed += right_now and not right_before
            broken += right_before and not right_now
        else:
            sign = 1 if new == "keep" else -1
            freed += sign * item.keep_is_right
            lost += sign * item.hold_is_right
    return fixed, broken, freed, lost


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("artifacts", nargs="*", type=Path, default=[DEFAULT_PATH])
    parser.add_argument("--written", default="0.05,0.1,0.15,0.2,0.3")
    parser.add_argument("--mixed", default="0.5")
    args = parser.parse_args()
    asked = asked_comments()
    print(f"asked: {sum(a.where == 'tune' for a in asked)} tune cases, {sum(a.where != 'tune' for a in asked)} "
          "choice-split comments")
    for path in args.artifacts:
        stances = GroupStance.load(path).read([a.text for a in asked])
        for written_bar in (float(x) for x in args.written.split(",")):
            for mixed_bar in (float(x) for x in args.mixed.split(",")):
                fixed, broken, freed, lost = counts(asked, stances, written_bar, mixed_bar)
                print(f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path} written < {written_bar} "
                      f"mixed < {mixed_bar}: tune fixed {fixed} broken {broken}; choice split benign freed {freed}, "
                      f"toxic lost {lost}")


if __name__ == "__main__":
    main()
