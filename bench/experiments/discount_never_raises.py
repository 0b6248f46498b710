"""Experiment: read the discounted scores as at most the comment's own (engine.discount_unvoiced_abuse).

A comment whose only evidence is negated, reported or aimlessly sworn is scored again without
those spans, and the policy decides on that reading. The shorter text can score *higher* on a
label than the whole comment ("Latinos aren't lazy. Look at who's actually picking the fruit and
building the houses." read without the denial: threat 0.02 -> 0.59, held as threat_group_hold).
Compared here: the discounted reading as scored, against its per-label minimum with the
comment's own scores, on the tune half of bench/data/dev and the choice split of ../shared/data.

    .venv/bin/python bench/experiments/discount_never_raises.py

Measured 2026-12-03 (stack-v6, policy 2026-12-03.3): tune half 2 fixed (two negated-hate cases
held as threat_hold / threat_group_hold on the shorter text), 1 broken ("Pourquoi les trans ne
restent-ils pas cachés ? Personne veut voir ces monstres.": "personne" read as a denial, and the
shorter text's higher score had held it by accident); choice split of every training file: no
decision changed. Shipped.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_quality import load_cases, right  # noqa: E402
from moderation import engine as engine_module  # noqa: E402
from moderation.engine import Engine, _over_hold  # noqa: E402
from moderation.settings import load_settings  # noqa: E402
from moderation.types import CommentInput  # noqa: E402
from moderation.unvoiced import is_untargeted_swearing  # noqa: E402


def as_scored(engine, batch) -> None:
    """The phase as it was before: the discounted reading's scores as they came."""
    for item in batch:
        item.untargeted_profanity = is_untargeted_swearing(item.comment.text, item.hits, item.targets)
        if item.unvoiced_scores is not None and _over_hold(engine, item):
            item.discounted_scores = item.unvoiced_scores


def decide(engine: Engine, texts: list[str]) -> list[str]:
    return [d.decision for d in engine.decide([CommentInput(id=str(i), text=t) for i, t in enumerate(texts)])]


def main() -> None:
    engine = Engine.from_settings(load_settings())
    shipped = engine_module.EVIDENCE_PHASES
    index = shipped.index(engine_module.discount_unvoiced_abuse)
    before_phases = shipped[:index] + (as_scored,) + shipped[index + 1:]
    from moderation.training.datasets import TRAINING_FILES, load_training_file
    from moderation.training.splits import is_choice
    data = ROOT.parent / "shared" / "data"
    cases = load_cases("tune")
    sets = {"dev tune": ([c["text"] for c in cases], None)}
    for name in TRAINING_FILES:
        examples = [e for e in load_training_file(data / name) if is_choice(e) and "toxicity" in e.labels]
        if examples:
            sets[name] = ([e.text for e in examples], [e.labels["toxicity"] for e in examples])
    runs = {}
    for label, phases in (("before", before_phases), ("after", shipped)):
        engine_module.EVIDENCE_PHASES = phases
        runs[label] = {name: decide(engine, texts) for name, (texts, _) in sets.items()}
    engine_module.EVIDENCE_PHASES = shipped
    for name, (texts, labels) in sets.items():
        before, after = runs["before"][name], runs["after"][name]
        if labels is None:
            fixed = [c for c, a, b in zip(cases, before, after) if not right(c["expected"], a) and right(c["expected"], b)]
            broken = [c for c, a, b in zip(cases, before, after) if right(c["expected"], a) and not right(c["expected"], b)]
            print(f"{name}: fixed {len(fixed)}, broken {len(broken)}")
            for c in fixed + broken:
                print(f"    {'fixed' if c in fixed else 'broke'} {c['language']} {c['category']} | {c['text'][:90]}")
            continue
        freed = [t for t, y, a, b in zip(texts, labels, before, after) if y == 0 and a != "keep" and b == "keep"]
        held = sum(y == 0 and a == "keep" and b != "keep" for y, a, b in zip(labels, before, after))
        lost = [t for t, y, a, b in zip(texts, labels, before, after) if y == 1 and a != "keep" and b == "keep"]
        caught = sum(y == 1 and a == "keep" and b != "keep" for y, a, b in zip(labels, before, after))
        print(f"{name}: benign freed {len(freed)}, newly held {held}; toxic lost {len(lost)}, newly caught {caught}")
        for text in lost[:4]:
            print("    lost |", text[:100].replace("\n", " "))


if __name__ == "__main__":
    main()
