"""GET /openapi.json: the OpenAPI 3 description of every endpoint, kept next to this module.

The document is written by hand (moderation/web/openapi.json) and tests/test_openapi.py checks it
against the app's URL map both ways, so it cannot drift from the routes.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from flask import Blueprint, Response

DOCUMENT = Path(__file__).with_name("openapi.json")
bp = Blueprint("openapi", __name__)


@lru_cache(maxsize=1)
def document_text() -> str:
    """The description as compact JSON (parsed once, so a broken file fails loudly at first use)."""
    return json.dumps(json.loads(DOCUMENT.read_text(encoding="utf-8")), ensure_ascii=False, separators=(",", ":"))


@bp.get("/openapi.json")
def openapi():
    """Serve the OpenAPI description."""
    return Response(document_text(), mimetype="application/json")
