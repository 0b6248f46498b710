"""What the decision experiments share: decide texts two ways and print what changed.

Two places, never the held-out split we report: the tune half of bench/data/dev (cases fixed and
broken) and the choice split of each labelled file in ../shared/data (benign comments newly held
or freed, toxic ones newly caught or lost). An experiment supplies the two ways to decide, each a
function from texts to decisions ("keep" / "hold" / "remove").
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_quality import load_cases, right  # noqa: E402
from moderation.types import CommentInput  # noqa: E402

Decide = Callable[[list[str]], list[str]]


def decisions(engine, texts: list[str]) -> list[str]:
    """The engine's decision for each text."""
    return [d.decision for d in engine.decide([CommentInput(id=str(i), text=t) for i, t in enumerate(texts)])]


def tune_cases() -> list[dict]:
    """The tune half of bench/data/dev (bench_quality.load_cases)."""
    return load_cases("tune")


def choice_split() -> dict[str, tuple[list[str], list[int]]]:
    """file name -> (texts, toxicity labels) of its choice-split rows."""
    from moderation.training.datasets import TRAINING_FILES, load_training_file
    from moderation.training.splits import is_choice

    data = ROOT.parent / "shared" / "data"
    out = {}
    for name in TRAINING_FILES:
        examples = [e for e in load_training_file(data / name) if is_choice(e) and "toxicity" in e.labels]
        if examples:
            out[name] = ([e.text for e in examples], [e.labels["toxicity"] for e in examples])
    return out


def compare(before: Decide, after: Decide, shown: int = 4) -> None:
    """Print the tune-half cases fixed and broken, then each file's changes and the totals."""
    cases = tune_cases()
    texts = [c["text"] for c in cases]
    old, new = before(texts), after(texts)
    fixed = [c for c, a, b in zip(cases, old, new) if not right(c["expected"], a) and right(c["expected"], b)]
    broken = [c for c, a, b in zip(cases, old, new) if right(c["expected"], a) and not right(c["expected"], b)]
    print(f"dev tune: fixed {len(fixed)}, broken {len(broken)}")
    for case in fixed + broken:
        print(f"    {'fixed' if case in fixed else 'broke'} {case['language']} {case['category']} | {case['text'][:90]}")
    totals = {"benign newly held": 0, "benign freed": 0, "toxic newly caught": 0, "toxic lost": 0}
    for name, (texts, labels) in choice_split().items():
        old, new = before(texts), after(texts)
        rows = list(zip(texts, labels, old, new))
        changes = {
            "benign newly held": [t for t, y, a, b in rows if y == 0 and a == "keep" and b != "keep"],
            "benign freed": [t for t, y, a, b in rows if y == 0 and a != "keep" and b == "keep"],
            "toxic newly caught": [t for t, y, a, b in rows if y == 1 and a == "keep" and b != "keep"],
            "toxic lost": [t for t, y, a, b in rows if y == 1 and a != "keep" and b == "keep"],
        }
        print(f"{name}: " + ", ".join(f"{kind} {len(found)}" for kind, found in changes.items()))
        for kind in ("benign newly held", "toxic lost"):
            for text in changes[kind][:shown]:
                print(f"    {kind.split()[-1]} |", text[:100].replace("\n", " "))
        for kind, found in changes.items():
            totals[kind] += len(found)
    print("choice split: " + ", ".join(f"{kind} {count}" for kind, count in totals.items()))
