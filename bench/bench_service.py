"""Benchmark the running service on this machine: web (gunicorn) + worker(s) + Redis together.

Usage: .venv/bin/python bench/bench_service.py [--count 10000] [--workers 1] [--rate 200 --seconds 10]

Reports, in one run on the same texts:
  1. in-process `moderation score` throughput (comments/s after start-up, as bench_score measures);
  2. end-to-end service throughput: comments POSTed signed in batches of 50 (4 client threads)
     until every one is decided (counted in Redis), comments/s;
  3. decision latency at rest: one signed comment posted, GET polled until decided (20 times);
  4. intake latency p50/p99 at a steady open-loop rate of single-comment requests (loopback).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import short_comments, write_jsonl  # noqa: E402

from moderation.localstack import start_stack  # noqa: E402
from moderation.settings import load_settings  # noqa: E402
from moderation.store import Store  # noqa: E402
from moderation.store.connection import connect  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
BATCH = 50


def score_throughput(comments: list[dict], tmp: Path) -> float:
    """Comments/s of `moderation score` on these texts, start-up time subtracted."""
    def timed(path: Path) -> float:
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "moderation.cli", "score", str(path)], check=True,
                       stdout=subprocess.DEVNULL)
        return time.perf_counter() - started
    startup = timed(write_jsonl(tmp / "one.jsonl", comments[:1]))
    full = timed(write_jsonl(tmp / "all.jsonl", comments))
    return (len(comments) - 1) / (full - startup)


def wait_all_decided(store: Store, total: int, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while store.pending_count() > 0 or int(store.redis.hget("mod:metrics", "moderation_comments_received_total")
                                           or 0) < total:
        if time.monotonic() > deadline:
            raise TimeoutError(f"{store.pending_count()} still pending after {timeout}s")
        time.sleep(0.01)


def service_throughput(client, store: Store, comments: list[dict]) -> float:
    """Post in batches of 50 from 4 threads; comments/s from first post to last decision."""
    batches = [comments[i:i + BATCH] for i in range(0, len(comments), BATCH)]
    started = time.perf_counter()
    with ThreadPoolExecutor(4) as pool:
        statuses = list(pool.map(lambda b: client.post_comments(b)[0], batches))
    assert set(statuses) == {202}, statuses
    posted = time.perf_counter() - started
    wait_all_decided(store, len(comments), timeout=600)
    elapsed = time.perf_counter() - started
    print(f"  posted {len(comments)} in {posted:.2f}s, all decided after {elapsed:.2f}s", file=sys.stderr)
    return len(comments) / elapsed


def at_rest_latency(client, runs: int = 20) -> list[float]:
    """Seconds from POST to a GET that shows the decision, one comment at a time."""
    latencies = []
    for i in range(runs):
        comment = {"id": f"rest-{i}", "text": "Thanks for the article, very informative."}
        started = time.perf_counter()
        assert client.post_comments([comment])[0] == 202
        assert client.wait_decided([comment["id"]], timeout=10, poll=0.005)
        latencies.append(time.perf_counter() - started)
        time.sleep(0.2)
    return latencies


def steady_intake(client, comments: list[dict], rate: float, seconds: float) -> list[float]:
    """Open loop: request i is due at i/rate; latency counts from when it was due (no coordinated omission)."""
    total = int(rate * seconds)
    latencies: list[float] = []
    lock = threading.Lock()
    start = time.perf_counter() + 0.1

    def send(i: int) -> None:
        due = start + i / rate
        delay = due - time.perf_counter()
        if delay > 0:
            time.sleep(delay)
        status, _ = client.post_comments([{**comments[i % len(comments)], "id": f"steady-{i}"}])
        with lock:
            latencies.append(time.perf_counter() - due if status == 202 else float("inf"))

    with ThreadPoolExecutor(32) as pool:
        list(pool.map(send, range(total)))
    return latencies


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=10000)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--web-workers", type=int, default=2)
    parser.add_argument("--rate", type=float, default=200.0)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--worker-nice", type=int, default=0, help="run the worker(s) at this nice level")
    args = parser.parse_args()
    comments = short_comments(args.count)
    results: dict = {"count": args.count, "workers": args.workers, "web_workers": args.web_workers,
                     "worker_nice": args.worker_nice}
    with tempfile.TemporaryDirectory(prefix="bench-service-") as tmp:
        results["score_per_s"] = round(score_throughput(comments, Path(tmp)), 1)
        settings = load_settings({"webhook_secret": "bench-secret", "data_dir": Path(tmp) / "var",
                                  "log_level": "WARNING"})
        with start_stack(settings, workers=args.workers, web_workers=args.web_workers,
                         worker_nice=args.worker_nice) as stack:
            client = stack.client()
            store = Store(connect(stack.redis_url))
            results["service_per_s"] = round(service_throughput(client, store, comments), 1)
            rest = at_rest_latency(client)
            results["at_rest_decision_s"] = {"p50": round(statistics.median(rest), 3), "max": round(max(rest), 3)}
            steady = steady_intake(client, comments, args.rate, args.seconds)
            results["intake_at_rate"] = {"rate": args.rate, "requests": len(steady),
                                         "p50_ms": round(pct(steady, 0.5) * 1000, 2),
                                         "p99_ms": round(pct(steady, 0.99) * 1000, 2)}
    results["service_vs_score"] = round(results["service_per_s"] / results["score_per_s"], 2)
    print(json.dumps(results))


if __name__ == "__main__":
    main()
