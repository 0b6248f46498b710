"""`moderation worker`: an RQ worker that loads the engine once and decides comments in batches."""

from __future__ import annotations

import os
import sys



def add_arguments(parser) -> None:
    parser.add_argument("--queues", default="moderate,callbacks,rescore",
                        help="comma-separated queues, highest priority first (default moderate,callbacks,rescore)")
    parser.add_argument("--burst", action="store_true", help="stop when the queues are empty")
    parser.add_argument("--nice", type=int, default=0,
                        help="lower this worker's CPU priority (on a machine shared with the web process, "
                             "intake answers first and decisions catch up)")


def run(args) -> int:
    from moderation.localstack import embedded_redis
    from moderation.logging import configure
    from moderation.queueing import QUEUES
    from moderation.settings import load_settings
    from moderation.startup import warnings
    from workers.runner import EngineUnavailable, run_worker

    queues = [q.strip() for q in args.queues.split(",") if q.strip()]
    unknown = sorted(set(queues) - set(QUEUES))
    if unknown or not queues:
        print(f"moderation worker: unknown queue(s) {unknown}; choose from {list(QUEUES)}", file=sys.stderr)
        return 2
    settings = load_settings()
    configure(settings.log_level)
    for warning in warnings(settings):
        print(f"worker: warning: {warning}", file=sys.stderr)
    if args.nice:
        os.nice(args.nice)
    with embedded_redis(settings) as settings:
        try:
            return run_worker(settings, queues, burst=args.burst)
        except EngineUnavailable as exc:
            # Exit before taking any job: the comments stay queued for a worker that can score them.
            print(f"moderation worker: {exc}", file=sys.stderr)
            return 3
