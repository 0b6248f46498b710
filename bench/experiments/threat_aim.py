"""Experiment: when may the threat head hold a comment that names no group?

Since policy 2026-12-02.6 a threat score holds only when the comment names an identity group or
names or addresses a person (config/targets [sets] person, addressee): "the heat is killing me"
threatens nobody. The tune half of bench/data/dev showed threats the head scored high kept by
that test alone ("Si je le vois au PMU celui-là, il repart en ambulance" 0.99, "Hope a bomb goes
off at the next Eid gathering" 0.97): they aim at someone in the third person or at a place.
This compares the shipped test with variants on the tune half of bench/data/dev and on the choice
split of ../shared/data (never the held-out split we report): benign comments newly held against
toxic ones newly caught.

    .venv/bin/python bench/experiments/threat_aim.py

Measured 2026-12-03 (stack-v5, policy 2026-12-03.2), dropping the test altogether: dev tune fixed
2, broke 6 ("allez l'OM 🔥🔥", "Ça m'a tué, cette chute à la fin", "The deadline is a killer but
we'll make it", "I would genuinely kill for a decent bus service"); choice split 14 benign newly
held against 16 toxic newly caught (ParaDetox 10/10: "go ahead and let it end", "Heads would
roll"). Rejected: the threat head is not sure enough of itself for a hold without a target; the
threats it misses need a better head, not a looser test.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_quality import load_cases, right  # noqa: E402
from moderation import policy as policy_module  # noqa: E402
from moderation.engine import Engine  # noqa: E402
from moderation.settings import load_settings  # noqa: E402
from moderation.types import CommentInput  # noqa: E402


def decide(engine: Engine, texts: list[str]):
    return [d.decision for d in engine.decide([CommentInput(id=str(i), text=t) for i, t in enumerate(texts)])]


def variants():
    """(name, function that sets the variant up) pairs; each leaves the module as shipped afterwards."""
    shipped = policy_module.AIMED_LABELS

    def gate(on):
        policy_module.AIMED_LABELS = shipped if on else frozenset()
    return [("shipped", lambda: gate(True)), ("no aim test", lambda: gate(False))]


def main() -> None:
    engine = Engine.from_settings(load_settings())
    cases = load_cases("tune")
    texts = [c["text"] for c in cases]
    from moderation.training.datasets import TRAINING_FILES, load_training_file
    from moderation.training.splits import is_choice
    data = ROOT.parent / "shared" / "data"
    files = {f: [e for e in load_training_file(data / f) if is_choice(e) and "toxicity" in e.labels]
             for f in TRAINING_FILES}
    results = {}
    for name, setup in variants():
        setup()
        results[name] = (decide(engine, texts), {f: decide(engine, [e.text for e in ex]) for f, ex in files.items() if ex})
    variants()[0][1]()
    base_dev, base_files = results["shipped"]
    for name, (dev, by_file) in results.items():
        if name == "shipped":
            continue
        fixed = [c for c, a, b in zip(cases, base_dev, dev) if not right(c["expected"], a) and right(c["expected"], b)]
        broken = [c for c, a, b in zip(cases, base_dev, dev) if right(c["expected"], a) and not right(c["expected"], b)]
        print(f"== {name}: dev tune fixed {len(fixed)}, broken {len(broken)}")
        for c in broken:
            print(f"    broke {c['language']} {c['category']:20} | {c['text'][:100]}")
        held = caught = 0
        for f, decisions in by_file.items():
            pairs = list(zip(files[f], base_files[f], decisions))
            h = [e.text for e, a, b in pairs if e.labels["toxicity"] == 0 and a == "keep" and b != "keep"]
            k = sum(e.labels["toxicity"] == 1 and a == "keep" and b != "keep" for e, a, b in pairs)
            benign = sum(e.labels["toxicity"] == 0 for e in files[f])
            held += len(h)
            caught += k
            print(f"  {f}: benign newly held {len(h)}/{benign}, toxic newly caught {k}")
            for t in h[:6]:
                print("      held |", t[:110].replace("\n", " "))
        print(f"  choice split: benign newly held {held}, toxic newly caught {caught}")


if __name__ == "__main__":
    main()
