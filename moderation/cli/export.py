"""`moderation export`: write stored comments (decisions, evidence, audit trail) as JSON Lines for archiving.

Streaming and constant-memory; with -o FILE resumable (run the same command again after an
interruption). See moderation/export.py for the line format.

`--reviews` writes instead one line per moderator decision on a held comment: the text (null once
retention removed it), the machine evidence and the moderator's decision (moderation/learning/records.py);
there `--since`/`--until` select by when the moderator decided.
"""

from __future__ import annotations

import sys
from pathlib import Path


def add_arguments(parser) -> None:
    parser.add_argument("--since", help="comments first received at or after this time (ISO 8601 or epoch s); "
                                        "with --reviews: decisions made at or after it")
    parser.add_argument("--until", help="comments first received before this time (ISO 8601 or epoch s); "
                                        "with --reviews: decisions made before it")
    parser.add_argument("--article", help="only this article's comments")
    parser.add_argument("-o", "--output", type=Path,
                        help="write here (.jsonl, or .jsonl.gz for gzip) and resume an interrupted export; "
                             "default: standard output (not resumable)")
    parser.add_argument("--reviews", action="store_true",
                        help="export moderator decisions on held comments with the machine evidence, for audits "
                             "(one line per decision; text null where retention removed it)")


def run(args) -> int:
    import redis as redis_lib

    from moderation.export import Selection, export_to_file, export_to_stream
    from moderation.localstack import embedded_redis
    from moderation.rescore.options import FilterError, parse_moment
    from moderation.settings import load_settings
    from moderation.store.connection import connect

    try:
        since = parse_moment(args.since, "--since") if args.since else None
        until = parse_moment(args.until, "--until") if args.until else None
    except FilterError as exc:
        print(f"moderation export: {exc}", file=sys.stderr)
        return 2
    if since is not None and until is not None and until <= since:
        print("moderation export: --until must be after --since", file=sys.stderr)
        return 2
    selection = Selection(since, until, args.article)
    with embedded_redis(load_settings()) as settings:
        redis = connect(settings.redis_url)
        try:
            if args.reviews:
                return _reviews(redis, args, since, until)
            if args.output is None:
                count = export_to_stream(redis, selection, sys.stdout)
                print(f"export: {count} comments", file=sys.stderr)
            else:
                state = export_to_file(redis, selection, args.output)
                print(f"export: {state.exported} comments to {args.output}", file=sys.stderr)
        except redis_lib.exceptions.ConnectionError as exc:
            print(f"moderation export: cannot reach Redis at {settings.redis_url}: {exc}", file=sys.stderr)
            return 1
        finally:
            redis.close()
    return 0


def _reviews(redis, args, since: float | None, until: float | None) -> int:
    from moderation.learning.export import export_reviews, write_reviews
    from moderation.store import Store

    store = Store(redis)
    if args.output is None:
        count = write_reviews(store, sys.stdout, since, until, args.article)
    else:
        count = export_reviews(store, args.output, since, until, args.article)
    print(f"export: {count} moderator decisions" + (f" to {args.output}" if args.output else ""), file=sys.stderr)
    return 0
