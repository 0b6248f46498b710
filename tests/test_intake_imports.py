"""The web process never imports torch or the engine, even after handling requests."""

from __future__ import annotations

import json
import subprocess
import sys

SCRIPT = """
import json, sys
from moderation.settings import load_settings
from moderation.web import create_app
from moderation.signing import signed_headers
app = create_app(load_settings(overrides={"redis_url": sys.argv[1], "webhook_secret": "s"}, environ={}))
client = app.test_client()
body = json.dumps({"id": "imp-1", "text": "hello"}).encode()
post = client.post("/v1/comments", data=body, headers={"Content-Type": "application/json", **signed_headers("s", body)})
health = client.get("/healthz")
metrics = client.get("/metrics")
heavy = sorted(m for m in sys.modules if m == "torch" or m.startswith("torch.") or m.startswith("moderation.engine")
               or m.startswith("moderation.scoring.") or m == "workers.jobs")
print(json.dumps({"post": post.status_code, "health": health.status_code, "metrics": metrics.status_code,
                  "heavy": heavy}))
"""


def test_create_app_and_requests_import_no_torch_or_engine(redis_server, redis_client):
    out = subprocess.run([sys.executable, "-c", SCRIPT, redis_server.url], capture_output=True, text=True,
                         timeout=60, check=True)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert (result["post"], result["health"], result["metrics"]) == (202, 200, 200)
    assert result["heavy"] == []
