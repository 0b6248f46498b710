"""Measure the detoxify scorer: load time, short comments per second, long comments per second.

    .venv/bin/python bench/bench_detoxify.py [--checkpoint CKPT --hf-config DIR] [--threads 1] [--seconds 5]

Without a checkpoint it builds a RANDOM model with the transformer stack of bert-base /
xlm-roberta-base (12 layers, hidden 768) in detoxify's format, with the tests' small WordPiece
vocabulary: the compute per token is that of the real multilingual model, but unknown words become
one token each, so real XLM-R token counts (and times) run somewhat higher. Give provisioned weights
to measure the real thing.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.corpus import short_comments  # noqa: E402


def _rate(scorer, texts: list[str], seconds: float) -> float:
    """Texts scored per second, scoring the whole list repeatedly for about `seconds`."""
    scorer.score(texts[:4])  # warm-up
    scored, started = 0, time.perf_counter()
    while time.perf_counter() - started < seconds:
        scorer.score(texts)
        scored += len(texts)
    return scored / (time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--checkpoint", type=Path)
    parser.add_argument("--hf-config", type=Path)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--batch", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=5.0)
    args = parser.parse_args()

    import torch

    from moderation.scoring.detoxify_scorer import DetoxifyScorer
    from tests.support.tiny_detoxify import BASE_SIZE, build_tiny_detoxify

    torch.set_num_threads(args.threads)
    with tempfile.TemporaryDirectory() as scratch:
        if args.checkpoint is None:
            built = build_tiny_detoxify(Path(scratch), size=BASE_SIZE)
            args.checkpoint, args.hf_config = built.checkpoint, built.hf_config
        started = time.perf_counter()
        scorer = DetoxifyScorer(args.checkpoint, args.hf_config, batch_size=args.batch)
        load_seconds = time.perf_counter() - started
        short = [c["text"] for c in short_comments(64)]
        long = [" ".join(short) * 3 for _ in range(2)]
        windows = len(scorer.windows(long)[0]) / len(long)
        print(f"model {scorer.model_id}: load {load_seconds:.2f} s; threads {args.threads}, batch {args.batch}")
        print(f"short comments: {_rate(scorer, short, args.seconds):.1f}/s "
              f"(mean {sum(map(len, short)) / len(short):.0f} chars)")
        print(f"long comments: {_rate(scorer, long, args.seconds):.2f}/s ({windows:.1f} windows of 512 tokens each)")


if __name__ == "__main__":
    main()
