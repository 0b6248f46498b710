"""`moderation export` at scale: constant memory and a full round trip.

Usage: .venv/bin/python bench/bench_export.py [--count 100000]

Fills a fresh redis-server with `count` comments through the store's own intake and decision
recording (decisions made by the real engine on 200 texts, reused cyclically so filling is fast),
then runs `moderation export -o FILE.jsonl.gz` as a separate process on the first tenth and on all
of them, and reports for each: seconds, lines, file size and the process's peak RSS (ru_maxrss).
Constant memory means the two peaks are about equal. Finally every exported line is compared with
what the store holds for that comment (every field present and equal).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_memory import texts_of_length  # noqa: E402

from moderation.engine import Engine  # noqa: E402
from moderation.export import Selection, pages  # noqa: E402
from moderation.redis_server import RedisServer  # noqa: E402
from moderation.settings import load_settings  # noqa: E402
from moderation.store import IncomingComment, Store  # noqa: E402
from moderation.store.connection import connect  # noqa: E402
from moderation.store.lifecycle.accept import accept_comments  # noqa: E402
from moderation.types import CommentInput  # noqa: E402

MEASURE = ("import resource, sys\nfrom moderation.cli import main\nrc = main(sys.argv[1:])\n"
           "print('maxrss_kb', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)\nsys.exit(rc)")


def fill(redis, count: int) -> float:
    """Accept and decide `count` comments in chunks of 500; return the received time of the 10% mark."""
    engine = Engine.from_settings(load_settings({"scorer": "linear"}, environ={}))
    texts = texts_of_length(200, 250)
    decided = [d.to_json() for d in engine.decide([CommentInput(t["id"], t["text"]) for t in texts])]
    store = Store(redis)
    store.check_schema()
    mark = None
    for start in range(0, count, 500):
        chunk = [IncomingComment(id=f"x{i}", text=f"{i} {texts[i % 200]['text']}"[:250], author=f"reader{i % 97}",
                                 article={"id": f"article-{i % 50}"}) for i in range(start, min(count, start + 500))]
        accepted = accept_comments(redis, chunk, lambda pipe, items: ["fill"] * len(items))
        received = time.time()
        items = [(a.revision, {**decided[int(a.id[1:]) % 200], "id": a.id}, received) for a in accepted]
        store.record_decisions(items, job_id="fill")
        if mark is None and start + 500 >= count // 10:
            mark = time.time()
    return mark


def export(url: str, out: Path, until: float | None) -> dict:
    args = ["export", "-o", str(out)] + (["--until", repr(until)] if until else [])
    env = {**os.environ, "MODERATION_REDIS_URL": url}
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", MEASURE, *args], env=env, capture_output=True, text=True, check=True)
    seconds = time.perf_counter() - started
    rss = next(int(line.split()[1]) for line in done.stderr.splitlines() if line.startswith("maxrss_kb"))
    with gzip.open(out, "rt", encoding="utf-8") as handle:
        lines = sum(1 for _ in handle)
    return {"lines": lines, "seconds": round(seconds, 1), "file_mb": round(out.stat().st_size / 1e6, 1),
            "peak_rss_mb": round(rss / 1024, 1)}


def round_trip(redis, out: Path) -> int:
    """Compare every exported line with the store, page by page; return how many matched."""
    matched = 0
    with gzip.open(out, "rt", encoding="utf-8") as handle:
        for records, _ in pages(redis, Selection()):
            for record in records:
                line = json.loads(handle.readline())
                if line != record or not all(line[k] for k in ("head", "revisions", "decisions", "history")):
                    raise AssertionError(f"{record['id']}: exported line differs from the store")
                matched += 1
    return matched


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-export-") as tmp, RedisServer(Path(tmp) / "redis") as server:
        redis = connect(server.url)
        started = time.perf_counter()
        mark = fill(redis, args.count)
        filled = time.perf_counter() - started
        tenth = export(server.url, Path(tmp) / "tenth.jsonl.gz", mark)
        whole = export(server.url, Path(tmp) / "all.jsonl.gz", None)
        matched = round_trip(redis, Path(tmp) / "all.jsonl.gz")
        print(json.dumps({"count": args.count, "fill_seconds": round(filled, 1),
                          "redis_used_mb": round(redis.info("memory")["used_memory"] / 1e6, 1),
                          "export_first_tenth": tenth, "export_all": whole, "round_trip_matched": matched}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
