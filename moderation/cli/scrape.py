"""`moderation scrape SOURCE...`: reader comments as JSON Lines, optionally posted to the webhook."""

from __future__ import annotations

import argparse
import json
import os
import sys



def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the scrape command's arguments."""
    parser.add_argument("sources", nargs="+", metavar="SOURCE", help="a local file or an http(s) URL")
    parser.add_argument("--post", metavar="URL", help="also send the comments to this intake webhook")
    parser.add_argument("--secret", help="webhook signing secret (default: MODERATION_WEBHOOK_SECRET)")
    parser.add_argument("--batch-size", type=_positive, default=50, help="comments per webhook request (50)")
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds per fetch (10)")


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return number


def run(args: argparse.Namespace) -> int:
    """Scrape every source, print JSON Lines, post if asked; non-zero if any source or batch failed."""
    from moderation.scrape import Fetcher, ScrapeError, scrape_source

    secret = _secret(args) if args.post else ""
    fetcher = Fetcher(timeout=args.timeout)
    failed, scraped = 0, []
    for source in args.sources:
        try:
            result = scrape_source(source, fetcher=fetcher)
        except ScrapeError as exc:
            print(f"moderation scrape: {exc}", file=sys.stderr)
            failed += 1
            continue
        if not _print(result.comments):
            return 1
        scraped.extend(result.comments)
    if args.post and scraped:
        failed += _post(args.post, secret, scraped, args.batch_size)
    return 1 if failed else 0


def _print(comments: list) -> bool:
    """Write JSON Lines; False when the reader went away (`| head`), which is not worth a traceback."""
    try:
        for comment in comments:
            sys.stdout.write(json.dumps(comment.to_json(), ensure_ascii=False) + "\n")
        sys.stdout.flush()
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # keep exit-time flush quiet
        return False
    return True


def _secret(args: argparse.Namespace) -> str:
    if args.secret:
        return args.secret
    from moderation.settings import load_settings

    secret = load_settings().webhook_secret
    if not secret:
        raise SystemExit("moderation scrape: --post needs --secret or MODERATION_WEBHOOK_SECRET")
    return secret


def _post(url: str, secret: str, comments: list, batch_size: int) -> int:
    from moderation.scrape.post import post_all

    outcomes = post_all(url, secret, comments, batch_size)
    for outcome in outcomes:
        label = "posted" if outcome.ok else "FAILED"
        print(f"moderation scrape: {label} {outcome.describe()}", file=sys.stderr)
    return sum(not outcome.ok for outcome in outcomes)
