"""`moderation run`: the whole service in the foreground — Redis, web and a worker. Ctrl-C or SIGTERM stops all."""

from __future__ import annotations

import sys
import time



def add_arguments(parser) -> None:
    parser.add_argument("--port", type=int, default=8000, help="web port (default 8000)")
    parser.add_argument("--workers", type=int, default=1, help="moderation worker processes (default 1)")
    parser.add_argument("--web-workers", type=int, default=2, help="gunicorn worker processes (default 2)")


def _ensure_secret(settings):
    """Use the configured webhook secret, else one kept in <data_dir>/webhook_secret (0600)."""
    import dataclasses
    import secrets
    from pathlib import Path

    if settings.webhook_secret:
        return settings
    path = Path(settings.data_dir) / "webhook_secret"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_hex(24))
        path.chmod(0o600)
    print(f"run: no MODERATION_WEBHOOK_SECRET; using the secret stored in {path}", file=sys.stderr)
    return dataclasses.replace(settings, webhook_secret=path.read_text().strip())


def run(args) -> int:
    from moderation.localstack import start_stack
    from moderation.processes import stop_on_sigterm
    from moderation.settings import load_settings

    stop_on_sigterm()
    from moderation.startup import check_serving

    settings = _ensure_secret(load_settings())
    check_serving(settings)  # weak or ambiguous moderator tokens: exit 2 before starting anything
    stack = start_stack(settings, workers=args.workers, web_workers=args.web_workers, port=args.port, log_dir=None)
    print(f"run: service at {stack.url} (Redis {stack.redis_url}); Ctrl-C stops everything", file=sys.stderr)
    try:
        while all(child.alive() for child in stack.children()):
            time.sleep(0.5)
        dead = [c.name for c in stack.children() if not c.alive()]
        print(f"run: {', '.join(dead)} exited; stopping", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("run: stopping", file=sys.stderr)
        return 0
    finally:
        stack.stop()
