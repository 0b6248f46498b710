"""Measure the linear scorer: load time, and short comments scored per second on one core.

    .venv/bin/python bench/bench_scorer.py [--model PATH] [--batch 512] [--seconds 5]

Texts are short comments built from a fixed vocabulary (no data files needed), about the length
of a typical reader comment (5 to 25 words), scored in batches as the workers do.
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

WORDS = ("the article is right wrong you people idiot merci pour cet article les gens sont vraiment "
         "stupid great point thanks what a joke je suis d'accord pas du tout this is so true "
         "politicians never listen putain quelle honte well said excellent analysis").split()


def _comments(n: int, seed: int = 0) -> list[str]:
    rng = random.Random(seed)
    return [" ".join(rng.choice(WORDS) for _ in range(rng.randint(5, 25))) for _ in range(n)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=None)
    parser.add_argument("--batch", type=int, default=512)
    parser.add_argument("--seconds", type=float, default=5.0)
    args = parser.parse_args()

    started = time.perf_counter()
    from moderation.scoring.linear import LinearScorer

    scorer = LinearScorer.load(args.model)
    load_seconds = time.perf_counter() - started
    texts = _comments(args.batch)
    languages = ["en"] * len(texts)
    scorer.score(texts, languages)  # warm-up
    scored, started = 0, time.perf_counter()
    while time.perf_counter() - started < args.seconds:
        scorer.score(texts, languages)
        scored += len(texts)
    elapsed = time.perf_counter() - started
    mean_chars = sum(map(len, texts)) / len(texts)
    print(f"model {scorer.model_id}: import+load {load_seconds:.3f} s; "
          f"{scored / elapsed:,.0f} comments/s (batch {args.batch}, mean {mean_chars:.0f} chars, one process)")


if __name__ == "__main__":
    main()
