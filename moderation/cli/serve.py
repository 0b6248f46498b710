"""`moderation serve`: the web process under gunicorn (the app factory, one app per gunicorn worker)."""

from __future__ import annotations

import sys


def add_arguments(parser) -> None:
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8000, help="port to bind (default 8000)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes (default 2)")
    parser.add_argument("--threads", type=int, default=1, help="threads per gunicorn worker (default 1)")
    parser.add_argument("--no-webhook-secret", action="store_true",
                        help="start without MODERATION_WEBHOOK_SECRET (review-only: every webhook call gets 401)")


def gunicorn_app(settings, options: dict):
    """A gunicorn application that builds our Flask app in each worker process."""
    from gunicorn.app.base import BaseApplication

    class ModerationApplication(BaseApplication):
        def load_config(self):
            for key, value in options.items():
                self.cfg.set(key, value)

        def load(self):
            from moderation.web import create_app, gunicorn_errors

            gunicorn_errors.install()  # 414, 431 and other errors gunicorn answers itself: JSON too
            return create_app(settings)

    return ModerationApplication()


def run(args) -> int:
    from moderation.localstack import embedded_redis
    from moderation.logging import configure
    from moderation.services import Services
    from moderation.settings import load_settings
    from moderation.startup import check_serving, moderator_names, warnings

    settings = load_settings()
    check_serving(settings, allow_no_webhook_secret=args.no_webhook_secret)  # exit 2 with the reason
    if settings.review_tokens:
        print(f"serve: moderators: {', '.join(moderator_names(settings))}", file=sys.stderr)
    configure(settings.log_level)
    for warning in warnings(settings):
        print(f"serve: warning: {warning}", file=sys.stderr)
    with embedded_redis(settings) as settings:
        services = Services(settings)
        services.store.check_schema()
        services.close()
        options = {"bind": f"{args.host}:{args.port}", "workers": args.workers, "threads": args.threads,
                   "worker_class": "gthread" if args.threads > 1 else "sync", "timeout": 30,
                   "graceful_timeout": 10, "errorlog": "-", "loglevel": settings.log_level.lower(),
                   "proc_name": "moderation-web",
                   # gunicorn 27's control socket lives at one per-user path: several servers on one
                   # machine (tests, benchmarks) would fight over it, and we do not use it.
                   "control_socket_disable": True}
        gunicorn_app(settings, options).run()
    return 0
