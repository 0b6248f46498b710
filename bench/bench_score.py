"""Benchmark `moderation score` with the default model: start-up time and comments/s on one core.

Usage: .venv/bin/python bench/bench_score.py [--count 20000]
Start-up is the wall time for a one-line input; throughput is (N - 1) / (time(N) - start-up),
i.e. after start-up, as the bar is stated. Pinned to one core with taskset when available.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import short_comments, write_jsonl  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
MODERATION = str(ROOT / ".venv" / "bin" / "moderation")


def timed_score(path: Path) -> tuple[float, int]:
    command = [MODERATION, "score", str(path)]
    if shutil.which("taskset"):
        command = ["taskset", "-c", "0", *command]
    started = time.perf_counter()
    result = subprocess.run(command, capture_output=True, check=True)
    return time.perf_counter() - started, result.stdout.count(b"\n")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=20000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    comments = short_comments(args.count)
    with tempfile.TemporaryDirectory() as tmp:
        one = write_jsonl(Path(tmp) / "one.jsonl", comments[:1])
        many = write_jsonl(Path(tmp) / "many.jsonl", comments)
        startup = min(timed_score(one)[0] for _ in range(args.repeats))
        total, lines = min(timed_score(many) for _ in range(args.repeats))
    assert lines == len(comments), f"expected {len(comments)} output lines, got {lines}"
    print(json.dumps({
        "benchmark": "moderation score (in-process, default model, one core)",
        "comments": len(comments),
        "mean_chars": round(sum(len(c["text"]) for c in comments) / len(comments), 1),
        "startup_s": round(startup, 3),
        "total_s": round(total, 3),
        "comments_per_s_after_startup": round((len(comments) - 1) / (total - startup), 1),
    }))


if __name__ == "__main__":
    main()
