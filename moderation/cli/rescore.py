"""`moderation rescore`: re-decide stored comments under a candidate policy or model.

Dry run by default (reports what would change, writes nothing); `--apply` records the changes,
resumably. Prints ONE JSON summary line on stdout; progress and warnings go to stderr.
See docs/rescore.md.
"""

from __future__ import annotations

import json
import sys

from moderation.rescore.options import BATCH_SIZE, MAX_CHANGE, RescoreOptions


def add_arguments(parser) -> None:
    parser.add_argument("--policy", help="candidate policy file (default: the configured policy)")
    parser.add_argument("--model", help="linear | detoxify | path to a linear model artifact (default: configured)")
    parser.add_argument("--since", help="only comments at or after this time (ISO 8601 date/time or epoch s)")
    parser.add_argument("--until", help="only comments before this time (ISO 8601 date/time or epoch s)")
    parser.add_argument("--time-field", choices=("received", "created"), default="received",
                        help="which time --since/--until look at (default: when we received the comment)")
    parser.add_argument("--article", help="only comments of this article id")
    parser.add_argument("--language", help="only comments detected in this language (en, fr, und)")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--dry-run", dest="apply", action="store_false", help="report only (default)")
    mode.add_argument("--apply", dest="apply", action="store_true", help="record the changed decisions")
    parser.set_defaults(apply=False)
    parser.add_argument("--report", help="write changed comments to this .jsonl or .csv file")
    parser.add_argument("--queue", action="store_true", help="spread batches over workers on the `rescore` queue")
    parser.add_argument("--input", help="rescore this JSON Lines export instead of the store (report only)")
    parser.add_argument("--batch-size", type=int, default=BATCH_SIZE, help=f"comments per batch ({BATCH_SIZE})")
    parser.add_argument("--restart", action="store_true",
                        help="with --apply: forget this run's checkpoint and scan again from the start")
    parser.add_argument("--max-change", type=float, default=MAX_CHANGE, metavar="PERCENT",
                        help=f"with --apply: stop before writing anything if more than PERCENT of the decisions "
                             f"the run may change would change (default {MAX_CHANGE:g})")
    parser.add_argument("--no-deliver", dest="deliver", action="store_false",
                        help="with --apply: do not send the changed decisions to the platform")
    parser.add_argument("--progress", choices=("auto", "bar", "lines", "none"), default="auto",
                        help="progress on stderr: a bar on a terminal, lines otherwise (auto)")


def run(args) -> int:
    from moderation.rescore import RescoreError
    from moderation.rescore.run import rescore

    options = RescoreOptions.from_namespace(args)
    problem = options.problem()
    if problem:
        print(f"moderation rescore: {problem}", file=sys.stderr)
        return 2
    try:
        summary = rescore(options)
    except RescoreError as exc:
        print(f"moderation rescore: {exc}", file=sys.stderr)
        return 2
    print(json.dumps(summary, ensure_ascii=False), flush=True)
    return 1 if summary.get("errors") else 0
