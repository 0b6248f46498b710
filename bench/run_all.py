"""Run every benchmark once, in sequence, and print each one's output under a header.

Usage: .venv/bin/python bench/run_all.py [--quick]   (or `make bench`)

The machines are noisy: compare figures from the same run (ratios), and note the load average
printed first. BENCHMARKS.md quotes one such run. --quick shrinks the workloads for a smoke run.
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
PYTHON = sys.executable

# (script, full arguments, quick arguments)
SUITE = [
    ("bench_score.py", ["--count", "20000"], ["--count", "2000", "--repeats", "1"]),
    ("bench_lexicon.py", [], ["--comments", "2000"]),
    ("bench_scorer.py", ["--seconds", "5"], ["--seconds", "1"]),
    ("bench_service.py", ["--count", "10000"], ["--count", "1000", "--seconds", "3"]),
    ("bench_review_page.py", [], ["--runs", "3"]),
    ("bench_rescore.py", ["--count", "20000"], ["--count", "2000"]),
    ("bench_detoxify.py", ["--seconds", "5"], ["--seconds", "1"]),
]


def machine() -> str:
    return (f"{platform.node()} {platform.machine()} {os.cpu_count()} cores, Python {platform.python_version()}, "
            f"load average {os.getloadavg()[0]:.2f}")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--only", nargs="*", help="script names to run (default: all)")
    args = parser.parse_args()
    print(f"# {time.strftime('%Y-%m-%d %H:%M:%S')} on {machine()}", flush=True)
    failed = 0
    for script, full, quick in SUITE:
        if args.only and script not in args.only:
            continue
        command = [PYTHON, str(BENCH / script), *(quick if args.quick else full)]
        print(f"\n## {script} {' '.join(quick if args.quick else full)}  (load {os.getloadavg()[0]:.2f})", flush=True)
        started = time.monotonic()
        result = subprocess.run(command, cwd=BENCH.parent)
        failed += result.returncode != 0
        print(f"(took {time.monotonic() - started:.0f}s, exit {result.returncode})", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
