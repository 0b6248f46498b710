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

from compare import compare, decisions

from moderation import engine as engine_module
from moderation.engine import Engine, _over_hold
from moderation.settings import load_settings
from moderation.unvoiced import is_untargeted_swearing


def as_scored(engine, batch) -> None:
    """The phase as it was before: the discounted reading's scores as they came."""
    for item in batch:
        item.untargeted_profanity = is_untargeted_swearing(item.comment.text, item.hits, item.targets)
        if item.unvoiced_scores is not None and _over_hold(engine, item):
            item.discounted_scores = item.unvoiced_scores


def main() -> None:
    engine = Engine.from_settings(load_settings())
    shipped = engine_module.EVIDENCE_PHASES
    index = shipped.index(engine_module.discount_unvoiced_abuse)

    def before(texts: list[str]) -> list[str]:
        engine_module.EVIDENCE_PHASES = shipped[:index] + (as_scored,) + shipped[index + 1:]
        try:
            return decisions(engine, texts)
        finally:
            engine_module.EVIDENCE_PHASES = shipped

    compare(before, lambda texts: decisions(engine, texts))


if __name__ == "__main__":
    main()
