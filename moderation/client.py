"""A small client for the service's HTTP API, signing like a platform (stdlib only).

Used by `moderation demo`, the benchmarks and the end-to-end tests:

    client = ServiceClient(stack.url, secret)
    client.post_comments([{"id": "c1", "text": "..."}])
    client.wait_decided(["c1"], timeout=10)
"""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.parse
import urllib.request
from typing import Any, Iterable

from moderation.signing import signed_headers


class ServiceClient:
    """Signed POSTs to /v1/comments and signed GETs of /v1/comments/<id>."""

    def __init__(self, base_url: str, secret: str, timeout: float = 30.0):
        self.base_url = base_url.rstrip("/")
        self.secret = secret
        self.timeout = timeout

    def _send(self, request: urllib.request.Request) -> tuple[int, dict[str, Any]]:
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return response.status, json.loads(response.read() or b"{}")
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read() or b"{}")

    def post_comments(self, comments: list[dict[str, Any]]) -> tuple[int, dict[str, Any]]:
        """POST a batch {"comments": [...]}, signed; return (status, answer)."""
        body = json.dumps({"comments": comments}, ensure_ascii=False).encode("utf-8")
        headers = {"Content-Type": "application/json", **signed_headers(self.secret, body)}
        return self._send(urllib.request.Request(f"{self.base_url}/v1/comments", data=body, headers=headers))

    def get_comment(self, comment_id: str) -> tuple[int, dict[str, Any]]:
        """GET one comment's status, signing the path; return (status, answer)."""
        path = "/v1/comments/" + urllib.parse.quote(comment_id, safe="")
        # The server checks the signature over the decoded path.
        headers = signed_headers(self.secret, urllib.parse.unquote(path).encode("utf-8"))
        return self._send(urllib.request.Request(f"{self.base_url}{path}", headers=headers))

    def wait_decided(self, ids: Iterable[str], timeout: float, poll: float = 0.05) -> dict[str, dict[str, Any]]:
        """Poll until every id is decided or `timeout` passes; return the decided answers."""
        waiting = list(dict.fromkeys(ids))
        decided: dict[str, dict[str, Any]] = {}
        deadline = time.monotonic() + timeout
        while waiting and time.monotonic() < deadline:
            for comment_id in list(waiting):
                status, answer = self.get_comment(comment_id)
                if status == 200 and answer.get("status") == "decided":
                    decided[comment_id] = answer
                    waiting.remove(comment_id)
            if waiting:
                time.sleep(poll)
        return decided
