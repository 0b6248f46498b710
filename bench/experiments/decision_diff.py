"""Decisions of two checkouts (or two states of one) on the dev tune half and the choice split, compared.

compare.py compares two ways of deciding inside one process; a change to config/targets, the
lexicons or the matcher is easier to compare across processes: save each state's decisions, then
print the tune cases fixed and broken and, per labelled file, benign comments newly held or freed
and toxic ones newly caught or lost (never the held-out split we report on).

    .venv/bin/python bench/experiments/decision_diff.py save /tmp/before.json   # before the change
    .venv/bin/python bench/experiments/decision_diff.py save /tmp/after.json    # after it
    .venv/bin/python bench/experiments/decision_diff.py diff /tmp/before.json /tmp/after.json

A worktree of another commit saves its own decisions when run with PYTHONPATH=<worktree>.
"""

from __future__ import annotations

import argparse
import json

from compare import choice_split, decisions, right, tune_cases

from moderation.engine import Engine
from moderation.settings import load_settings


def save(path: str) -> None:
    engine = Engine.from_settings(load_settings())
    out = {"tune": decisions(engine, [case["text"] for case in tune_cases()])}
    for name, (texts, _) in choice_split().items():
        out[name] = decisions(engine, texts)
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(out, handle)


def diff(before_path: str, after_path: str) -> None:
    with open(before_path, encoding="utf-8") as handle:
        before = json.load(handle)
    with open(after_path, encoding="utf-8") as handle:
        after = json.load(handle)
    cases = tune_cases()
    rows = list(zip(cases, before["tune"], after["tune"]))
    fixed = [c for c, a, b in rows if not right(c["expected"], a) and right(c["expected"], b)]
    broken = [c for c, a, b in rows if right(c["expected"], a) and not right(c["expected"], b)]
    print(f"dev tune: fixed {len(fixed)}, broken {len(broken)}")
    for case in fixed + broken:
        print(f"    {'fixed' if case in fixed else 'broke'} {case['language']} {case['category']} | {case['text'][:90]}")
    totals = {"benign newly held": 0, "benign freed": 0, "toxic newly caught": 0, "toxic lost": 0}
    for name, (texts, labels) in choice_split().items():
        for text, label, old, new in zip(texts, labels, before[name], after[name]):
            kind = None
            if label == 0 and old == "keep" and new != "keep":
                kind = "benign newly held"
            elif label == 0 and old != "keep" and new == "keep":
                kind = "benign freed"
            elif label == 1 and old == "keep" and new != "keep":
                kind = "toxic newly caught"
            elif label == 1 and old != "keep" and new == "keep":
                kind = "toxic lost"
            if kind:
                totals[kind] += 1
                print(f"    {kind} | {name} | {text[:90]!r}")
    print("choice split: " + ", ".join(f"{kind} {count}" for kind, count in totals.items()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("save").add_argument("path")
    compared = commands.add_parser("diff")
    compared.add_argument("before")
    compared.add_argument("after")
    args = parser.parse_args()
    if args.command == "save":
        save(args.path)
    else:
        diff(args.before, args.after)


if __name__ == "__main__":
    main()
