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

from compare import choice_split, compare, decisions, tune_cases

from moderation import engine as engine_module
from moderation.engine import Engine
from moderation.settings import load_settings


def main() -> None:
    engine = Engine.from_settings(load_settings())
    shipped = engine_module.looks_disguised

    def never_disguised(texts: list[str]) -> list[str]:
        engine_module.looks_disguised = lambda text: False
        try:
            return decisions(engine, texts)
        finally:
            engine_module.looks_disguised = shipped

    tune = [case["text"] for case in tune_cases()]
    choice = [text for texts, _ in choice_split().values() for text in texts]
    print(f"read with every language: {sum(map(shipped, tune))} of {len(tune)} tune cases, "
          f"{sum(map(shipped, choice))} of {len(choice)} choice-split rows")
    compare(never_disguised, lambda texts: decisions(engine, texts))


if __name__ == "__main__":
    main()
