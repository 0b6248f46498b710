"""Redis memory and commands per decided comment, with the real service (own Redis, gunicorn, a worker).

Usage: .venv/bin/python bench/bench_memory.py [--count 4000] [--chars 250] [--callback] [--batch 50]

Posts `count` comments of exactly `chars` characters (real comment texts, padded or cut), signed, in
batches of 50, waits until every one is decided (and, with --callback, delivered to a local platform),
waits for RQ's bookkeeping to settle, then reports at rest:
  * used_memory growth / count (bytes per decided comment), from INFO memory before and after;
  * keys per comment, and MEMORY USAGE per key family (a sample of each);
  * Redis commands per comment on the live path (INFO commandstats, reset before posting), and
    round trips per comment as seen by the server (total_reads_processed: a pipeline is one).
Worker heartbeats and the recovery pass run meanwhile and are counted: they are part of the
live path's cost, and they are per second, not per comment (a larger --count dilutes them).
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import short_comments  # noqa: E402

from moderation.localstack import start_stack  # noqa: E402
from moderation.redis_server import free_port  # noqa: E402
from moderation.settings import load_settings  # noqa: E402
from moderation.store import Store  # noqa: E402
from moderation.store.connection import connect  # noqa: E402
from moderation.store.retention import sweep  # noqa: E402

BATCH = 50


def texts_of_length(count: int, chars: int) -> list[dict]:
    """Unique comments of exactly `chars` characters: consecutive real comments joined, then cut.

    Real texts, not one text repeated: repetition would flatter any compression of the stored text.
    """
    pool = [c["text"].strip() for c in short_comments(max(count * 4, 1000))]
    out = []
    for i in range(count):
        parts, j = [], i * 3
        while sum(len(p) + 1 for p in parts) < chars:
            parts.append(pool[j % len(pool)])
            j += 1
        text = " ".join(parts)[:chars].rstrip().ljust(chars, ".")
        out.append({"id": f"mem-{i}", "text": text, "author": f"reader{i % 997}",
                    "article": {"id": f"article-{i % 40}"}})
    return out


def family(key: bytes) -> str:
    parts = key.decode().split(":")
    if parts[0] == "rq":
        return ":".join(parts[:2])
    return ":".join(parts[:2]) if len(parts) > 2 or parts[0] == "mod" else key.decode()


def memory_by_family(redis, sample: int = 50) -> dict[str, dict]:
    counts: Counter = Counter()
    sampled: dict[str, list[int]] = defaultdict(list)
    for key in redis.scan_iter(count=1000):
        fam = family(key)
        counts[fam] += 1
        if len(sampled[fam]) < sample:
            sampled[fam].append(redis.memory_usage(key, samples=0) or 0)
    return {fam: {"keys": n, "avg_bytes": round(sum(sampled[fam]) / len(sampled[fam]))}
            for fam, n in counts.most_common()}


class Platform(BaseHTTPRequestHandler):
    def do_POST(self):  # noqa: N802
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


def settle(store: Store, count: int, callback: bool, timeout: float = 600) -> Counter:
    """Wait until all decided (and delivered) and no RQ job is queued or running; return our own calls."""
    redis = store.redis
    own: Counter = Counter()
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        time.sleep(0.5)
        pipe = redis.pipeline(transaction=False)
        pipe.hget("mod:metrics", "moderation_comments_received_total")
        pipe.hget("mod:metrics", 'moderation_callbacks_total{result="delivered"}')
        pipe.zcard("mod:pending")
        for queue in ("moderate", "callbacks"):
            pipe.llen(f"rq:queue:{queue}")
            pipe.zcard(f"rq:wip:{queue}")
        received, delivered, pending, *busy = pipe.execute()
        own.update({"hget": 2, "zcard": 3, "llen": 2, "reads": 1})
        if (int(received or 0) >= count and pending == 0 and sum(busy) == 0
                and (not callback or int(delivered or 0) >= count)):
            return own
    raise TimeoutError("service did not settle")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=4000)
    parser.add_argument("--chars", type=int, default=250)
    parser.add_argument("--callback", action="store_true", help="deliver decisions to a local platform")
    parser.add_argument("--batch", type=int, default=BATCH, help=f"comments per signed POST (default {BATCH})")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    comments = texts_of_length(args.count, args.chars)
    overrides = {"webhook_secret": "bench-secret"}
    server = None
    if args.callback:
        server = ThreadingHTTPServer(("127.0.0.1", free_port()), Platform)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        overrides["callback_url"] = f"http://127.0.0.1:{server.server_port}/decisions"
    with tempfile.TemporaryDirectory(prefix="bench-memory-") as tmp:
        settings = load_settings({**overrides, "data_dir": Path(tmp)})
        with start_stack(settings, workers=1) as stack:
            redis = connect(stack.redis_url)
            store = Store(redis)
            client = stack.client()
            time.sleep(1)
            before = int(redis.info("memory")["used_memory"])
            stats_before = redis.memory_stats()
            redis.config_resetstat()
            reads_before = int(redis.info("stats")["total_reads_processed"])
            for start in range(0, len(comments), args.batch):
                status, answer = client.post_comments(comments[start:start + args.batch])
                if status != 202:
                    raise RuntimeError(f"HTTP {status}: {answer}")
            own = settle(store, args.count, args.callback)
            stats = redis.info("commandstats")
            server_stats = redis.info("stats")
            processed = int(server_stats["total_commands_processed"])
            reads = int(server_stats["total_reads_processed"]) - reads_before
            time.sleep(1)
            after = int(redis.info("memory")["used_memory"])
            stats_after = redis.memory_stats()
            families = memory_by_family(redis)
            keys_total = redis.dbsize()
            # What retention frees (moderation/store/retention.py): texts and evidence after 30 days,
            # everything after a year (days simulated with `now`). Held comments stay whole.
            held = redis.zcard("mod:review")
            used = {"rest": after}
            finished = {}
            for stage, days in (("text", 31), ("record", 366)):
                swept = sweep(redis, settings, now=time.time() + days * 86400, limit=10 * args.count)
                finished[stage] = swept[stage]["finished"]
                used[stage] = int(redis.info("memory")["used_memory"])
    if server is not None:
        server.shutdown()
    calls = {name.removeprefix("cmdstat_"): int(v["calls"]) - own.get(name.removeprefix("cmdstat_"), 0)
             for name, v in stats.items()}
    calls = {name: n for name, n in calls.items() if n > 0 and name not in ("info", "config|resetstat")}
    reads -= own.pop("reads") + 2  # our polls, and the INFO calls around them
    processed -= sum(own.values())
    report = {
        "count": args.count, "chars": args.chars, "callback": args.callback, "batch": args.batch,
        "bytes_per_comment": round((after - before) / args.count),
        "keys": keys_total, "keys_per_comment": round(keys_total / args.count, 2),
        "held": held,
        "retention": {
            "text_expired": finished["text"],
            "freed_per_expired_text": round((used["rest"] - used["text"]) / max(1, finished["text"])),
            "records_deleted": finished["record"],
            "freed_per_deleted_record": round((used["text"] - used["record"]) / max(1, finished["record"])),
        },
        "families": families,
        "memory_stats_delta_per_comment": {
            k: round((stats_after[k] - stats_before[k]) / args.count, 1) for k in stats_after
            if isinstance(stats_after.get(k), (int, float)) and isinstance(stats_before.get(k), (int, float))
            and k.split(".")[0] in ("overhead", "clients", "aof", "dataset", "keys", "lua", "functions", "db")},
        "commands_per_comment": round(sum(calls.values()) / args.count, 1),
        "commands": {k: round(v / args.count, 2) for k, v in sorted(calls.items(), key=lambda kv: -kv[1])},
        "processed_per_comment": round(processed / args.count, 1),
        # socket reads Redis served: one per request a client sent (a pipeline or MULTI is one)
        "round_trips_per_comment": round(reads / args.count, 2),
        "machine": f"{platform.machine()}, {platform.python_version()}",
    }
    print(json.dumps(report, indent=None if args.json else 1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
