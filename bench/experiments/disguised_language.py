"""Experiment: read comments that disguise words with every language's rules (moderation/text/disguise.py).

"Im-mi-grants are p@rasites" was detected as French, so the English lexicon and targeting rules
never read it. Compared here: the engine with and without that reading, on the tune half of
bench/data/dev and on the choice split of ../shared/data (never the held-out split we report):
dev cases fixed and broken, benign comments newly held and toxic ones newly caught.

    .venv/bin/python bench/experiments/disguised_language.py

Measured 2026-12-03 (stack-v6): the trigger fires on 32 of the 1,416 tune cases and on 1% of the
choice split; tune half 1 fixed ("Im-mi-grants are p@rasites"), 0 broken; choice split: no benign
comment newly held or freed, no toxic one newly caught or lost. (A first version also read the
lexicon as undetermined text, which drops the comment's own ambiguous terms: "t'es qu'une c0nne"
was kept; the lexicon now keeps the detected language's table.)
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_quality import load_cases, right  # noqa: E402
from moderation import engine as engine_module  # noqa: E402
from moderation.engine import Engine  # noqa: E402
from moderation.settings import load_settings  # noqa: E402
from moderation.types import CommentInput  # noqa: E402


def decide(engine: Engine, texts: list[str]) -> list[str]:
    return [d.decision for d in engine.decide([CommentInput(id=str(i), text=t) for i, t in enumerate(texts)])]


def main() -> None:
    engine = Engine.from_settings(load_settings())
    shipped = engine_module.looks_disguised
    from moderation.training.datasets import TRAINING_FILES, load_training_file
    from moderation.training.splits import is_choice
    data = ROOT.parent / "shared" / "data"
    cases = load_cases("tune")
    sets = {"dev tune": ([c["text"] for c in cases], None)}
    for name in TRAINING_FILES:
        examples = [e for e in load_training_file(data / name) if is_choice(e) and "toxicity" in e.labels]
        if examples:
            sets[name] = ([e.text for e in examples], [e.labels["toxicity"] for e in examples])
    triggered = {name: sum(map(shipped, texts)) for name, (texts, _) in sets.items()}
    runs = {}
    for label, detector in (("without", lambda text: False), ("with", shipped)):
        engine_module.looks_disguised = detector
        runs[label] = {name: decide(engine, texts) for name, (texts, _) in sets.items()}
    engine_module.looks_disguised = shipped
    totals = [0, 0]
    for name, (texts, labels) in sets.items():
        before, after = runs["without"][name], runs["with"][name]
        if labels is None:
            fixed = [c for c, a, b in zip(cases, before, after) if not right(c["expected"], a) and right(c["expected"], b)]
            broken = [c for c, a, b in zip(cases, before, after) if right(c["expected"], a) and not right(c["expected"], b)]
            print(f"{name}: read with every language {triggered[name]}/{len(texts)}; fixed {len(fixed)}, broken {len(broken)}")
            for c in fixed + broken:
                print(f"    {'fixed' if c in fixed else 'broke'} {c['language']} {c['category']} | {c['text'][:90]}")
            continue
        held = [t for t, y, a, b in zip(texts, labels, before, after) if y == 0 and a == "keep" and b != "keep"]
        freed = sum(y == 0 and a != "keep" and b == "keep" for y, a, b in zip(labels, before, after))
        caught = sum(y == 1 and a == "keep" and b != "keep" for y, a, b in zip(labels, before, after))
        lost = sum(y == 1 and a != "keep" and b == "keep" for y, a, b in zip(labels, before, after))
        totals[0] += len(held) - freed
        totals[1] += caught - lost
        print(f"{name}: read with every language {triggered[name]}/{len(texts)}; benign newly held {len(held)}, "
              f"freed {freed}; toxic newly caught {caught}, lost {lost}")
        for text in held[:5]:
            print("    held |", text[:100].replace("\n", " "))
    print(f"choice split, net: benign held {totals[0]:+d}, toxic caught {totals[1]:+d}")


if __name__ == "__main__":
    main()
