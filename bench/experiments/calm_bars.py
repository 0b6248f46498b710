"""The group stance's calm bars ([group_stance] calm_written_keep_below, calm_mixed_keep_below) swept.

Question: a comment about a group held by the toxicity or identity_attack head alone, with no word of
violence and no denial turned back ("calm"), is released by the group stance only under its strict
bars (written 0.05, mixed 0.50). Where should the wider bars for calm comments be? Each pair is
compared with the calm bars off, on the tune half of bench/data/dev (fixed / broken) and on the
training files' choice split (benign freed / toxic lost); never the report half, never the held-out
split. Five engine runs over both: about ten minutes on the 2-core machine.

    .venv/bin/python bench/experiments/calm_bars.py

Result (2026-12-08, sixteenth session; fixed / broken, benign freed / toxic lost):

| calm bars (written, mixed) | tune | choice split |
|---|---|---|
| 0.10, 0.50 | 2 / 1 | 0 / 1 |
| 0.20, 0.50 | 7 / 2 | 1 / 1 |
| 0.20, 0.70 (shipped) | 13 / 3 | 3 / 3 |
| 0.30, 0.50 | 9 / 3 | 1 / 2 |
| 0.30, 0.70 | 18 / 5 | 3 / 4 |

(The string-up rule of the same day is in both arms here; with it counted, 0.20 / 0.70 is the 15 / 3
of config/policy.toml.)

How it was chosen: before the engine's calm bars were limited to the toxicity and identity_attack
heads, a policy file per pair through decision_diff.py gave, for the threat head's holds included,
0.10 / 0.50: 10 / 3, 1 / 2; 0.20 / 0.50: 23 / 4, 2 / 2; 0.20 / 0.70: 31 / 5, 4 / 4; 0.30 / 0.50:
27 / 6, 4 / 3. The rule set before looking (most tune cases fixed less three times those broken,
no more toxic lost than benign freed on the choice split) picked 0.20 / 0.70; on the report halves
it lost threats (BENCHMARKS.md, 2026-12-08), so the calm bars were kept off the threat head, and
that engine was measured once more.
"""

from __future__ import annotations

import dataclasses

from compare import choice_split, decisions, right, tune_cases

from moderation.engine import Engine
from moderation.settings import load_settings

PAIRS = ((0.10, 0.50), (0.20, 0.50), (0.20, 0.70), (0.30, 0.50), (0.30, 0.70))


def main() -> None:
    shipped = Engine.from_settings(load_settings())
    cases = tune_cases()
    texts = [case["text"] for case in cases]
    split = choice_split()

    def run(engine):
        return decisions(engine, texts), {name: decisions(engine, rows) for name, (rows, _) in split.items()}

    off = shipped.with_policy(dataclasses.replace(shipped.policy, group_stance_calm_written_below=None))
    base_tune, base_split = run(off)
    print("| calm bars (written, mixed) | tune fixed / broken | choice split benign freed / toxic lost |")
    print("|---|---|---|")
    for written, mixed in PAIRS:
        policy = dataclasses.replace(shipped.policy, group_stance_calm_written_below=written,
                                     group_stance_calm_mixed_below=mixed)
        tune, per_file = run(shipped.with_policy(policy))
        fixed = sum(not right(c["expected"], a) and right(c["expected"], b) for c, a, b in zip(cases, base_tune, tune))
        broken = sum(right(c["expected"], a) and not right(c["expected"], b) for c, a, b in zip(cases, base_tune, tune))
        freed = lost = 0
        for name, (_, labels) in split.items():
            for label, a, b in zip(labels, base_split[name], per_file[name]):
                if a != "keep" and b == "keep":
                    freed += label == 0
                    lost += label == 1
        print(f"| {written:.2f}, {mixed:.2f} | {fixed} / {broken} | {freed} / {lost} |")


if __name__ == "__main__":
    main()
