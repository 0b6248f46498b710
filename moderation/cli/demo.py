"""`moderation demo [PAGE...]`: the service's main job, end to end, on sample article pages.

Starts the whole service locally (its own Redis with append-only persistence, the web process,
one worker), scrapes the reader comments out of the pages, posts them through the signed webhook
like a comment platform would, waits for the decisions and prints them as a table.
"""

from __future__ import annotations

import glob
import json
import secrets
import sys
import tempfile
import time
from pathlib import Path

POST_BATCH = 50


def add_arguments(parser) -> None:
    parser.add_argument("pages", nargs="*", help="article pages (default: seeds/*.txt)")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds to wait for all decisions")
    parser.add_argument("--json", action="store_true", help="print the decisions as JSON Lines instead of a table")


def post_comments(client, comments: list[dict]) -> None:
    """Send comments to the webhook in signed batches; stop on the first refusal."""
    for start in range(0, len(comments), POST_BATCH):
        status, answer = client.post_comments(comments[start:start + POST_BATCH])
        if status != 202:
            raise RuntimeError(f"webhook refused a batch: HTTP {status} {answer}")


def run(args) -> int:
    from moderation.localstack import start_stack
    from moderation.processes import stop_on_sigterm
    from moderation.scrape import scrape_source
    from moderation.settings import load_settings
    from moderation.tables import decisions_table

    stop_on_sigterm()
    pages = args.pages or sorted(glob.glob("seeds/*.txt"))
    if not pages:
        print("moderation demo: no pages given and no seeds/*.txt here", file=sys.stderr)
        return 2
    scraped = [comment for page in pages for comment in scrape_source(page).comments]
    print(f"demo: scraped {len(scraped)} reader comments from {len(pages)} pages", file=sys.stderr)

    secret = secrets.token_hex(16)
    with tempfile.TemporaryDirectory(prefix="moderation-demo-") as data_dir:
        settings = load_settings({"webhook_secret": secret, "data_dir": Path(data_dir)})
        with start_stack(settings) as stack:
            print(f"demo: service up at {stack.url} (Redis {stack.redis_url})", file=sys.stderr)
            started = time.monotonic()
            webhook = [comment.to_webhook() for comment in scraped]
            client = stack.client()
            post_comments(client, webhook)
            decided = client.wait_decided([c["id"] for c in webhook], args.timeout, poll=0.2)
            elapsed = time.monotonic() - started
    rows = [(comment.to_json(), decided.get(sent["id"])) for comment, sent in zip(scraped, webhook)]
    if args.json:
        for comment, record in rows:
            print(json.dumps({"comment": comment, "moderation": record}, ensure_ascii=False))
    else:
        print(decisions_table(rows))
    missing = sum(record is None for _, record in rows)
    print(f"demo: {len(rows) - missing}/{len(rows)} decided in {elapsed:.1f}s", file=sys.stderr)
    return 1 if missing else 0
