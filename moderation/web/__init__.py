"""The web process: signed webhook intake, decisions API and operations endpoints.

`create_app(settings=None)` builds a Flask app; nothing here connects to Redis, reads the
environment or loads a model at import time, and nothing imports the engine or torch: moderation
jobs are enqueued by dotted path.
"""

from __future__ import annotations

from flask import Flask

from moderation.settings import Settings, load_settings


def create_app(settings: Settings | None = None) -> Flask:
    """Build the app for `settings` (default: load_settings() from config and MODERATION_* env)."""
    from moderation.services import Services
    from moderation.web import comments, errors, intake, openapi, ops, reinstated, review_page

    settings = settings or load_settings()
    app = Flask(__name__)
    app.config.update(MAX_CONTENT_LENGTH=settings.max_request_bytes, JSON_SORT_KEYS=False)
    app.json.sort_keys = False
    app.json.ensure_ascii = False
    app.extensions["moderation"] = Services(settings)
    errors.init_app(app)
    for module in (intake, comments, reinstated, ops):
        app.register_blueprint(module.bp)
    review_page.init_app(app, settings)  # /review page and /v1/review API (docs/review.md)
    app.register_blueprint(openapi.bp)  # GET /openapi.json (SECURITY.md, tests/test_openapi.py)
    return app
