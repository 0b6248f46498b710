"""Benchmark the review page: server time to render 500 held comments on one page (bar: < 300 ms).

Usage: .venv/bin/python bench/bench_review_page.py [--count 500] [--runs 15]

Starts its own redis-server (append-only, in a temporary folder), fills the queue through the
real path (Store.accept, the engine's lexicon and policy, Store.record_decisions), signs in, then
times GET /review?per_page=<count> through Flask's test client: the whole request (Redis reads,
template rendering, escaping, headers), no network. Prints median, min and max of the runs, and
the share spent reading Redis.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from moderation.redis_server import RedisServer  # noqa: E402
from moderation.settings import load_settings  # noqa: E402
from moderation.store import Store, review  # noqa: E402
from moderation.store.connection import connect  # noqa: E402
from tests.support.review_seed import comment, make_engine, moderate  # noqa: E402

TOKEN = "bench-token"
TEXTS = (
    "Honestly {n}, you are a scumbag and everyone reading this thread knows it. The article was fine "
    "but the comments under it are <b>unbearable</b> & nobody moderates them.",
    "Tu es un connard fini, {n}. Cet article ne dit rien de neuf et tu le sais très bien, arrête de "
    "défendre l'indéfendable.",
    "Shut up, you idiot. Numbers like {n} prove nothing <script>alert(1)</script> and you know it.",
)


def seed(store: Store, count: int) -> None:
    engine = make_engine()
    comments = [comment(f"bench-{i:05d}", TEXTS[i % len(TEXTS)].format(n=i), author=f"reader {i % 37}",
                        article=f"a{i % 12}") for i in range(count)]
    for start in range(0, count, 100):
        moderate(store, engine, comments[start:start + 100])


def signed_in_client(app):
    client = app.test_client()
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/review").get_data(as_text=True)).group(1)
    assert client.post("/review/sign-in", data={"csrf_token": csrf, "token": TOKEN}).status_code == 303
    return client


def time_runs(fn, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=500)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    from moderation.web import create_app

    with tempfile.TemporaryDirectory() as folder, RedisServer(Path(folder)) as server:
        redis = connect(server.url)
        store = Store(redis)
        seed(store, args.count)
        held = len(store.review_ids())
        settings = load_settings({"redis_url": server.url, "review_tokens": (f"bench:{TOKEN}",),
                                  "webhook_secret": "bench", "data_dir": Path(folder)}, environ={})
        client = signed_in_client(create_app(settings))
        url = f"/review?per_page={args.count}"
        html = client.get(url).get_data(as_text=True)  # warm-up: template compile, connection pool
        shown = html.count('<article class="item')
        page = time_runs(lambda: client.get(url), args.runs)
        reads = time_runs(lambda: review.list_queue(redis, review.Filters(), 1, args.count), args.runs)
        redis.close()
    print(f"held comments: {held}, shown on one page: {shown}, page size {len(html) / 1024:.0f} KiB")
    print(f"GET {url}: median {statistics.median(page):.1f} ms, min {min(page):.1f}, max {max(page):.1f} "
          f"over {args.runs} runs (bar: < 300 ms)")
    print(f"  of which reading the queue from Redis: median {statistics.median(reads):.1f} ms")


if __name__ == "__main__":
    main()
