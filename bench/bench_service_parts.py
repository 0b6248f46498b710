"""Measure the service's design choices on this machine (the figures quoted in docs/service.md).

Usage: .venv/bin/python bench/bench_service_parts.py [--ballast-mb 1100]

  1. Redis appendfsync always vs everysec: one write round trip, recording decisions (per comment),
     RQ's own bookkeeping per trivial job (SimpleWorker, burst).
  2. RQ SimpleWorker vs forking Worker per trivial job, with the engine loaded in the worker process,
     then with --ballast-mb of torch tensors resident (what a detoxify worker carries).
"""

from __future__ import annotations

import argparse
import logging
import sys
import tempfile
import time
from pathlib import Path

from rq import SimpleWorker, Worker
from rq.serializers import JSONSerializer

from moderation.queueing import make_queue
from moderation.redis_server import RedisServer
from moderation.services import Services
from moderation.settings import load_settings
from moderation.store import IncomingComment

JOBS = 100


def decision(comment_id: str) -> dict:
    return {"id": comment_id, "language": "en", "language_confidence": 0.99, "scores": {"toxicity": 0.1},
            "slurs": [], "decision": "keep", "reasons": ["below_thresholds"], "policy_version": "p", "model": "m"}


def per_job_ms(worker_class, redis) -> float:
    queue = make_queue(redis, "moderate")
    for _ in range(JOBS):
        queue.enqueue("builtins.len", [1, 2])
    worker = worker_class([queue], connection=redis, serializer=JSONSerializer)
    started = time.perf_counter()
    worker.work(burst=True, logging_level="CRITICAL")
    return (time.perf_counter() - started) / JOBS * 1000


def fsync_policies(tmp: Path) -> None:
    for policy in ("always", "everysec"):
        server = RedisServer(tmp / policy, appendfsync=policy).start()
        svc = Services(load_settings({"redis_url": server.url}, environ={}))
        started = time.perf_counter()
        for i in range(200):
            svc.redis.set("bench", i)
        rtt_ms = (time.perf_counter() - started) / 200 * 1000
        ids = [f"c{i}" for i in range(3000)]
        svc.accept([IncomingComment(i, "text " + i) for i in ids])
        started = time.perf_counter()
        for start in range(0, len(ids), 64):
            svc.store.record_decisions([(1, decision(i), 0.0) for i in ids[start:start + 64]], "bench")
        record_us = (time.perf_counter() - started) / len(ids) * 1e6
        job_ms = per_job_ms(SimpleWorker, svc.redis)
        print(f"appendfsync={policy}: write round trip {rtt_ms:.2f} ms, record decisions {record_us:.0f} us/comment,"
              f" RQ bookkeeping {job_ms:.2f} ms/job")
        server.stop()


def worker_models(tmp: Path, ballast_mb: int) -> None:
    from moderation.engine import Engine

    engine = Engine.from_settings(load_settings())  # noqa: F841 - resident, as in a real worker
    server = RedisServer(tmp / "workers").start()
    svc = Services(load_settings({"redis_url": server.url}, environ={}))
    for label in ("engine loaded", f"+ {ballast_mb} MB torch tensors"):
        if label.startswith("+"):
            import torch

            ballast = torch.zeros(ballast_mb * 1024 * 1024 // 4)  # noqa: F841 - resident memory
        simple, forking = per_job_ms(SimpleWorker, svc.redis), per_job_ms(Worker, svc.redis)
        print(f"{label}: SimpleWorker {simple:.1f} ms/job, forking Worker {forking:.1f} ms/job")
    server.stop()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--ballast-mb", type=int, default=1100)
    args = parser.parse_args()
    logging.disable(logging.CRITICAL)
    with tempfile.TemporaryDirectory(prefix="bench-parts-") as tmp:
        fsync_policies(Path(tmp))
        worker_models(Path(tmp), args.ballast_mb)


if __name__ == "__main__":
    sys.exit(main())
