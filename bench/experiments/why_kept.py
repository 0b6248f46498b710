"""Why each hateful dev case of one half is kept: the group-neutral reading waived the model's hold
(`WAIVED`), the targeting rules read the claim as negated or reported (`NEGATED`), or the model
scored it under every bar and no rule matched (`MODEL_LOW`). Tells which part of the engine a
round of work should look at.

    .venv/bin/python bench/experiments/why_kept.py [tune|report] [--all]   # report: counts only

Measured 2026-12-06 on the tune half (stack-v8, policy 2026-12-05.2, targeting rules rev 7):
19 waived, 11 read as negated, 112 under every bar. Only the tune half's cases are printed; of the
report half, the counts (it stays unread).
"""

from __future__ import annotations

import collections
import dataclasses
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_quality import HATEFUL, load_cases  # noqa: E402
from moderation.engine import Engine  # noqa: E402
from moderation.settings import load_settings  # noqa: E402
from moderation.types import CommentInput  # noqa: E402


def main() -> None:
    half = next((a for a in sys.argv[1:] if a in ("tune", "report")), "tune")
    engine = Engine.from_settings(load_settings())
    without_reading = engine.with_policy(dataclasses.replace(engine.policy, group_neutral_hold=None))
    cases = [c for c in load_cases(half) if c["category"] in HATEFUL]
    comments = [CommentInput(str(i), c["text"]) for i, c in enumerate(cases)]
    counts: collections.Counter[str] = collections.Counter()
    for case, shipped, unwaived in zip(cases, engine.decide(comments), without_reading.decide(comments)):
        if shipped.decision != "keep":
            continue
        if unwaived.decision != "keep":
            why = "WAIVED"
        elif any(hit["negated"] or hit["reported"] for hit in shipped.targeted):
            why = "NEGATED"
        else:
            why = "MODEL_LOW"
        counts[why] += 1
        if half == "tune" and (why != "MODEL_LOW" or "--all" in sys.argv):
            print(f"{why:9s} {case['language']} {case['suite']}/{case['category']:20s} "
                  f"identity_attack {shipped.scores['identity_attack']:.2f} toxicity {shipped.scores['toxicity']:.2f}"
                  f" | {case['text'][:110]}")
    print(dict(counts))


if __name__ == "__main__":
    main()
