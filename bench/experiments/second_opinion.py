"""Which [second_opinion] toxicity_keep_below, if any? (moderation/training/second_opinion.py)

The engine with no second opinion against the engine with it at each bar, on the two places the
decision experiments use (compare.py): the tune half of bench/data/dev (cases fixed and broken)
and the choice split of each labelled file (benign freed, toxic lost). Never the report half or
the held-out split: their figures are measured once, for the bar chosen (BENCHMARKS.md).

Measured 2026-12-06 (on stack-v8, policy 2026-12-06.1's thresholds):

| second opinion, bar, threat_under | tune half fixed / broken | choice split benign freed / toxic lost |
|---|---|---|
| v1 (linear), 0.3, none | 6 / 1 | 3 / 8 |
| v1 (linear), 0.4, none | 8 / 1 | 10 / 18 |
| v2 (MLP), 0.05, 0.5 | 9 / 1 | 17 / 5 |
| v2 (MLP), 0.10, 0.5 | 11 / 1 | 35 / 12 |
| v2 (MLP), 0.05, 0.3 | 9 / 0 | 16 / 4 |
| **v2 (MLP), 0.10, 0.3 (shipped)** | 11 / 0 | 34 / 11 |
| v2 (MLP), 0.20, 0.3 (2026-12-06, third session) | 14 / 0 | 51 / 17 |

At 0.20 the 6 more toxic kept are mild ("do you like a lying president ?", "Democrats aren't
perfect, but republicans are nuts") but for one veiled threat ("Don't want him to shoot your mother
do ya?"); measured once on the report halves (a copy of the policy through MODERATION_POLICY_PATH):
2 fewer false holds for 2 more hateful kept (a French obfuscated slur, an English case of sexual
harassment), sealed suite unchanged: not shipped.

The case broken at threat_under 0.5: "Your house burns easily, it's all wood. Just saying." (threat
0.35; a veiled threat at no one the rules know, held by the toxicity head alone); v1 broke "Hope
the old codgers clogging up the NHS all die off this winter, the sooner the better.". Of v2's 34
benign freed at 0.10, 27 are ParaDetox's polite rewrites of toxic sentences; the toxic kept are
mild (Civil Comments' "What a stupid article", Wikipedia's "STUPID SPANISH CENTRALIST" shouted,
Davidson tweets). Not asking about comments that name a group (tried): 1 tune case broken, 3
benign held, no toxic caught. v1 with the hand-written cells weighing 3: tune 13 / 1 at 0.3 but
13 / 32 on the choice split. (v1 figures: `--bars 0.3,0.4` with `moderation train --model
second-opinion-v1` in place of v2 and the default path pointed at it.)

Run: .venv/bin/python bench/experiments/second_opinion.py [--bars 0.05,0.1] [--threat-under 0.3]
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
