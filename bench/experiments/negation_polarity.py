"""Can the model tell a denial from a put-down phrased with "not"? Score a negated claim both ways.

HateCheck-style suites separate "X are not vermin" (a denial: keep) from "X don't deserve
pensions" or "X are not human" (a put-down carried by the negation: not keep). The engine treats
every group + negated predicate as a denial and reads the comment without it
(config/targets negated_derogation). The idea tried here: score the negated span as written and
with its outermost negation taken out ("Old people deserve pensions"); when the negation is what
makes it worse, it is no denial. Measured on every negated derogation hit of the dev tune half
and the choice split (never the report half or the held-out split):

    .venv/bin/python bench/experiments/negation_polarity.py

Result (2026-12-04, stack-v7): the model does not read negation. Written minus affirmed toxicity
ranges -0.25 to +0.39 on denials (negated_hate cases) and -0.13 to +0.15 on fake negations; the
two overlap entirely ("Immigrants are not vermin" 0.43 against "Immigrants are vermin" 0.33,
"Women are not property" 0.53 against 0.15), so no margin separates them. Not shipped.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench" / "experiments"))
from compare import choice_split, tune_cases  # noqa: E402

from moderation.engine import Engine  # noqa: E402
from moderation.settings import load_settings  # noqa: E402
from moderation.types import CommentInput  # noqa: E402

# the outermost negation of a clause, and what it becomes when taken out
EN_NEGATION = [(re.compile(r"\b(ca|wo|ai)n['’]t\b", re.I), lambda m: {"ca": "can", "wo": "will", "ai": "are"}[m.group(1).lower()]),
               (re.compile(r"\b(\w+)n['’]t\b", re.I), lambda m: m.group(1)),
               (re.compile(r"\bcannot\b", re.I), lambda m: "can"),
               (re.compile(r"\b(?:not|never|no longer)\s+", re.I), lambda m: "")]
FR_NEGATION = [(re.compile(r"\bne\s+|\bn['’]", re.I), lambda m: ""),
               (re.compile(r"\s+(?:pas|jamais|plus)\b", re.I), lambda m: ""),
               (re.compile(r"\brien\b", re.I), lambda m: "quelque chose"),
               (re.compile(r"\baucune?\b", re.I), lambda m: "un")]


def affirmed(text: str, language: str) -> str:
    """`text` with its first negation taken out (French: both parts of ne ... pas)."""
    if language == "fr":
        for pattern, replace in FR_NEGATION:
            text = pattern.sub(replace, text, count=1)
        return text
    for pattern, replace in EN_NEGATION:
        text, found = pattern.subn(replace, text, count=1)
        if found:
            return text
    return text


def main() -> None:
    engine = Engine.from_settings(load_settings())
    items = [(f"tune:{c['category']}", c["text"]) for c in tune_cases()]
    items += [(name, text) for name, (texts, _) in choice_split().items() for text in texts]
    decided = engine.decide([CommentInput(id=str(i), text=t) for i, (_, t) in enumerate(items)])
    rows = []
    for (source, text), decision in zip(items, decided):
        for hit in engine.targets.find(text, decision.language):
            if hit.kind == "derogation" and hit.negated and not hit.reported:
                positive = affirmed(hit.matched, decision.language)
                if positive != hit.matched:
                    rows.append((source, decision.language, hit.matched, positive))
    written = engine.scorer.score([r[2] for r in rows], [r[1] for r in rows])
    positive = engine.scorer.score([r[3] for r in rows], [r[1] for r in rows])
    for row, w, a in sorted(zip(rows, written, positive), key=lambda x: x[1]["toxicity"] - x[2]["toxicity"]):
        print(f"{w['toxicity'] - a['toxicity']:+.2f} written {w['toxicity']:.2f} affirmed {a['toxicity']:.2f} "
              f"{row[0][:28]:28} | {row[2][:60]!r} -> {row[3][:60]!r}")


if __name__ == "__main__":
    main()
