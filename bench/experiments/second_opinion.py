"""Which [second_opinion] toxicity_keep_below, if any? (moderation/training/second_opinion.py)

The engine with no second opinion against the engine with it at each bar, on the two places the
decision experiments use (compare.py): the tune half of bench/data/dev (cases fixed and broken)
and the choice split of each labelled file (benign freed, toxic lost). Never the report half or
the held-out split: their figures are measured once, for the bar chosen (BENCHMARKS.md).

Measured 2026-12-06 (second-opinion-v1 on stack-v8, policy 2026-12-05.2 thresholds):

| bar | tune half fixed / broken | choice split benign freed / toxic lost (Davidson, Civil Comments, Wikipedia) |
|---|---|---|
| 0.2 | 2 / 0 | 1 / 2 |
| 0.3 | 6 / 1 | 3 / 8 |
| 0.4 | 8 / 1 | 10 / 18 (10, 6, 1) |
| 0.5 | 13 / 1 | 16 / 43 |

(Figures of the first measurement, with a head trained the same way in /tmp; rerun prints them
again for the shipped artifact.) The case broken from 0.3 up: "Hope the old codgers clogging up the
NHS all die off this winter, the sooner the better." (a wish of death with no target word the
rules know). The toxic comments lost at 0.4 are mostly tweets with "hoes" (no lexicon term: a
garden tool) and Civil Comments' milder ones ("Just another chapter in the shame that is American
healthcare.", "What a stupid article.").

Run: .venv/bin/python bench/experiments/second_opinion.py [--bars 0.2,0.3,0.4,0.5]
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from compare import ROOT, compare, decisions  # noqa: E402


def main() -> None:
    from moderation.engine import Engine
    from moderation.settings import load_settings

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bars", default="0.2,0.3,0.4,0.5")
    parser.add_argument("--threat-under", type=float, default=1.0, help="[second_opinion] threat_under")
    args = parser.parse_args()
    engine = Engine.from_settings(load_settings())
    without = engine.with_policy(dataclasses.replace(engine.policy, second_opinion_keep_below=None))
    for bar in (float(b) for b in args.bars.split(",")):
        print(f"== toxicity_keep_below = {bar}, threat_under = {args.threat_under}", flush=True)
        with_bar = engine.with_policy(dataclasses.replace(engine.policy, second_opinion_keep_below=bar,
                                                          second_opinion_threat_under=args.threat_under))
        compare(lambda texts: decisions(without, texts), lambda texts: decisions(with_bar, texts), shown=6)


if __name__ == "__main__":
    main()
