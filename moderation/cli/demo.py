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
import urllib.error
import urllib.request
from pathlib import Path

HELP = "start the service, feed it seed pages, print the decisions"
POST_BATCH = 50


def add_arguments(parser) -> None:
    parser.add_argument("pages", nargs="*", help="article pages (default: seeds/*.txt)")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds to wait for all decisions")
    parser.add_argument("--json", action="store_true", help="print the decisions as JSON Lines instead of a table")


def _request(method: str, url: str, body: bytes | None = None, headers: dict | None = None) -> tuple[int, dict]:
    request = urllib.request.Request(url, data=body, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read() or b"{}")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"{}")


def post_comments(base_url: str, secret: str, comments: list[dict]) -> None:
    """Send comments to the webhook in signed batches; stop on the first refusal."""
    from moderation.signing import signed_headers

    for start in range(0, len(comments), POST_BATCH):
        body = json.dumps({"comments": comments[start:start + POST_BATCH]}).encode("utf-8")
        headers = {"Content-Type": "application/json", **signed_headers(secret, body)}
        status, answer = _request("POST", f"{base_url}/v1/comments", body, headers)
        if status != 202:
            raise RuntimeError(f"webhook refused a batch: HTTP {status} {answer}")


def fetch_comment(base_url: str, secret: str, comment_id: str) -> tuple[int, dict]:
    """GET a comment's status URL, signed like the platform signs it (the path, not a body)."""
    from moderation.signing import signed_headers

    path = f"/v1/comments/{urllib.request.quote(comment_id, safe='')}"
    return _request("GET", base_url + path, headers=signed_headers(secret, path.encode("utf-8")))


def wait_for_decisions(base_url: str, secret: str, ids: list[str], timeout: float) -> dict[str, dict]:
    """Poll each comment's status URL until every one is decided or the timeout passes."""
    decided: dict[str, dict] = {}
    deadline = time.monotonic() + timeout
    while len(decided) < len(ids) and time.monotonic() < deadline:
        for comment_id in ids:
            if comment_id in decided:
                continue
            status, answer = fetch_comment(base_url, secret, comment_id)
            if status == 200 and answer.get("status") == "decided":
                decided[comment_id] = answer
        if len(decided) < len(ids):
            time.sleep(0.2)
    return decided


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
            post_comments(stack.url, secret, webhook)
            decided = wait_for_decisions(stack.url, secret, [c["id"] for c in webhook], args.timeout)
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
