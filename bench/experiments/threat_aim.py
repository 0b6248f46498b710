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
threats it misses need a better head, not a looser test. Again with stack-v6 (policy
2026-12-03.3): tune half 2 fixed, 4 broken ("allez l'OM 🔥🔥" again); choice split 13 benign newly
held against 12 toxic newly caught. Still rejected. Again with stack-v7 (policy 2026-12-03.4):
tune half 5 fixed, 4 broken ("allez l'OM 🔥🔥", "I would genuinely kill for a decent bus
service"); choice split 19 benign newly held against 24 toxic caught. A separate bar for threats
aimed at nobody (hold at threat >= 0.97): tune 4 fixed / 2 broken, choice split 4 held / 3
caught; at 0.99: 2 / 2, 0 / 1. Rejected: two of the fixed French threats point at someone the
targeting rules did not know as a person ("celui-là", "le prochain qui"), added to config/targets
instead (2 fixed, 0 broken, choice split unchanged).
"""

from __future__ import annotations

from compare import compare, decisions

from moderation import policy as policy_module
from moderation.engine import Engine
from moderation.settings import load_settings


def main() -> None:
    engine = Engine.from_settings(load_settings())
    shipped = policy_module.AIMED_LABELS

    def without_aim_test(texts: list[str]) -> list[str]:
        policy_module.AIMED_LABELS = frozenset()
        try:
            return decisions(engine, texts)
        finally:
            policy_module.AIMED_LABELS = shipped

    compare(lambda texts: decisions(engine, texts), without_aim_test, shown=6)


if __name__ == "__main__":
    main()
