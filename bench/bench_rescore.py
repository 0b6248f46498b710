"""Benchmark `moderation rescore` on a real Redis holding N stored comments (default 20,000).

Usage: .venv/bin/python bench/bench_rescore.py [--count 20000] [--batch-size 500]

Fills a fresh redis-server through the service's intake and the real engine's decisions
(pipelined, 500 per transaction), then times, with the default model and a candidate policy
(the current English toxicity hold threshold lowered by 0.05):
  1. an in-process dry run (`moderation rescore`, a subprocess, as an operator runs it);
  2. the same dry run with `--queue` and ONE `moderation worker --queues rescore`;
  3. the same with TWO workers (same run, same store).
Rates are comments / the command's own elapsed_s (start-up included); the start-up alone is
measured on an empty selection and also reported. The machine's load average is printed too:
the 2 cores are shared, so other jobs running at the same time lower every figure.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
from corpus import short_comments  # noqa: E402

from moderation.engine import Engine  # noqa: E402
from moderation.localstack import spawn  # noqa: E402
from moderation.queueing import RESCORE, make_queue  # noqa: E402
from moderation.redis_server import RedisServer  # noqa: E402
from moderation.settings import load_settings  # noqa: E402
from moderation.store.connection import connect  # noqa: E402
from tests.support.rescore_store import seed  # noqa: E402


def candidate(tmp: Path) -> Path:
    """The current policy with the English toxicity hold threshold lowered by 0.05."""
    from moderation.policy import load_policy

    current = (ROOT / "config" / "policy.toml").read_text("utf-8")
    hold = load_policy(ROOT / "config" / "policy.toml").thresholds("en")["hold"]
    old = f"toxicity = {{ hold = {hold:.2f}"
    text = current.replace(old, f"toxicity = {{ hold = {hold - 0.05:.2f}", 1)
    if text == current:  # the first such line is [thresholds.en]'s; refuse to bench a no-op
        raise SystemExit(f"bench_rescore: could not find {old!r} in config/policy.toml")
    path = tmp / "candidate.toml"
    path.write_text(text.replace('version = "', 'version = "bench-', 1), "utf-8")
    return path


def rescore(env: dict, *argv: str) -> dict:
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "moderation.cli", "rescore", "--progress", "none", *argv],
                            env={**os.environ, **env}, capture_output=True, text=True, check=True)
    summary = json.loads(result.stdout)
    summary["wall_s"] = round(time.perf_counter() - started, 3)
    return summary


def start_workers(count: int, env: dict, tmp: Path, redis) -> list:
    from rq.worker import Worker

    children = [spawn(f"bench-worker-{n}", ["worker", "--queues", RESCORE], env, tmp / "logs") for n in range(count)]
    while len(Worker.all(queue=make_queue(redis, RESCORE))) < count:
        if not all(child.alive() for child in children):
            raise RuntimeError(f"a worker died; see {tmp / 'logs'}")
        time.sleep(0.1)
    return children


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=20000)
    parser.add_argument("--batch-size", type=int, default=500)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        server = RedisServer(tmp / "redis").start()
        try:
            redis = connect(server.url)
            comments = short_comments(args.count)
            started = time.perf_counter()
            seed(redis, Engine.from_settings(load_settings()), comments)
            seeded_s = time.perf_counter() - started
            env = {"MODERATION_REDIS_URL": server.url, "MODERATION_DATA_DIR": str(tmp / "var")}
            policy = str(candidate(tmp))
            common = ["--policy", policy, "--batch-size", str(args.batch_size)]
            startup = rescore(env, *common, "--article", "no-such-article")["elapsed_s"]
            local = rescore(env, *common)
            runs = {"in_process": local}
            for workers in (1, 2):
                children = start_workers(workers, env, tmp, redis)
                try:
                    runs[f"queue_{workers}_worker"] = rescore(env, *common, "--queue")
                finally:
                    for child in children:
                        child.stop()
                redis.delete(*[key for key in redis.scan_iter("rq:*")] or ["-"])
        finally:
            server.stop()
    rate = {name: round(run["scanned"] / run["elapsed_s"]) for name, run in runs.items()}
    print(json.dumps({
        "benchmark": "moderation rescore dry run, default model, real redis-server",
        "stored_comments": args.count, "batch_size": args.batch_size,
        "seed_s": round(seeded_s, 1), "startup_s": startup,
        "changed": local["changed"], "transitions": {k: v for k, v in local.items() if "->" in k},
        "elapsed_s": {name: run["elapsed_s"] for name, run in runs.items()},
        "comments_per_s": rate,
        "in_process_after_startup_per_s": round(local["scanned"] / max(local["elapsed_s"] - startup, 1e-9)),
        "speedup_2_vs_1_worker": round(runs["queue_1_worker"]["elapsed_s"] / runs["queue_2_worker"]["elapsed_s"], 2),
        "same_result_all_modes": len({json.dumps({k: v for k, v in r.items() if "->" in k or k == "changed"})
                                      for r in runs.values()}) == 1,
        "loadavg_1min": os.getloadavg()[0],
    }, indent=1))


if __name__ == "__main__":
    main()
