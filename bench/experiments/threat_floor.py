"""Should the threat head's group bar need some toxicity? (tried 2026-12-06, not shipped)

The threat head holds a comment naming an identity group at a low bar (English hold_if_group 0.16),
and calm sentences about a group reach it: "Quite a few Muslims live on our road, and it's one of
the friendliest streets in town" scored threat 0.28 with toxicity 0.02. This script decides the
tune half of bench/data/dev and the training files' choice split with the floor off and at a few
values, and prints tune cases fixed and broken and choice-split comments freed or lost; with
--probe FILE (JSON lines of benign sentences, "text"), how many of its holds each floor frees.

    .venv/bin/python bench/experiments/threat_floor.py [--probe FILE]

The floor is applied here by wrapping the policy's score rule: a `threat_group_hold` proposed for a
comment whose toxicity is under the floor is dropped.

Run on 2026-12-06 (seventh session, engine eng-16): 0.05 changed nothing on the tune half or the
choice split; 0.10 freed 3 benign comments of the choice split and broke no tune case; 0.15 broke
3 tune cases, two threats and an insinuation, whose toxicity was 0.11-0.14 (0.20: 5). A probe of
1,200 benign identity sentences written by a helper (not in the repository): 0.10 freed 12 of its
72 holds. Measured once at 0.10 on text nobody had read: report halves 2 benign freed for 2 threats
kept (a veiled threat of the hard suite, a threat of threats2), sealed suite 1 benign freed for 3
veiled threats kept. Calm threats against a group are what the low bar is for: not shipped.
"""

from __future__ import annotations

import argparse
import collections
import json

from compare import choice_split, decisions, right, tune_cases

import moderation.policy as policy_module
from moderation.engine import Engine
from moderation.settings import load_settings


FLOOR: list[float | None] = [None]  # the floor the wrapped rule applies; None: off
_SCORE_RULE = policy_module.score_rule


def _score_rule_with_floor(policy, evidence):
    for outcome, reason in _SCORE_RULE(policy, evidence):
        if reason == "threat_group_hold" and FLOOR[0] is not None and evidence.scores.get("toxicity", 1.0) < FLOOR[0]:
            continue
        yield outcome, reason


policy_module.RULES = tuple(_score_rule_with_floor if rule is _SCORE_RULE else rule for rule in policy_module.RULES)


def decide_all(engine: Engine, tune: list[dict], choice: dict, probe: list[str]) -> dict[str, list[str]]:
    out = {"tune": decisions(engine, [case["text"] for case in tune]), "probe": decisions(engine, probe)}
    for name, (texts, _) in choice.items():
        out[name] = decisions(engine, texts)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--probe", help="JSON lines of benign sentences")
    parser.add_argument("--floors", default="0.05,0.10,0.15,0.20")
    args = parser.parse_args()
    engine = Engine.from_settings(load_settings())
    tune, choice = tune_cases(), choice_split()
    probe = [json.loads(line)["text"] for line in open(args.probe, encoding="utf-8")] if args.probe else []
    base = decide_all(engine, tune, choice, probe)
    for floor in (float(value) for value in args.floors.split(",")):
        FLOOR[0] = floor
        new = decide_all(engine, tune, choice, probe)
        rows = list(zip(tune, base["tune"], new["tune"]))
        fixed = [c for c, a, b in rows if not right(c["expected"], a) and right(c["expected"], b)]
        broken = [c for c, a, b in rows if right(c["expected"], a) and not right(c["expected"], b)]
        moved = collections.Counter()
        for name, (_, labels) in choice.items():
            for label, a, b in zip(labels, base[name], new[name]):
                if a != "keep" and b == "keep":
                    moved["benign freed" if label == 0 else "toxic lost"] += 1
        freed = sum(a != "keep" and b == "keep" for a, b in zip(base["probe"], new["probe"]))
        held = sum(a != "keep" for a in base["probe"])
        print(f"floor {floor}: tune fixed {len(fixed)}, broken {len(broken)}; choice split {dict(moved)}"
              + (f"; probe freed {freed} of {held} held" if probe else ""))
        for case in broken:
            print(f"    broke {case['language']} {case['category']} | {case['text'][:90]}")


if __name__ == "__main__":
    main()
