"""Deliver decisions to the platform: a signed POST to MODERATION_CALLBACK_URL.

Signed like the platform's requests to us (moderation.signing): the platform verifies
X-Moderation-Signature over "<timestamp>.<raw body>" with the callback key (MODERATION_CALLBACK_SECRET,
else the webhook secret), or, better, X-Moderation-Callback-Signature over "callback.<timestamp>.<raw
body>", which no captured intake request can carry.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from typing import Any

from moderation.signing import callback_headers


class DeliveryError(RuntimeError):
    """The platform did not accept the delivery (network error or non-2xx answer)."""


def callback_key(settings) -> str:
    """The key callbacks are signed with: MODERATION_CALLBACK_SECRET, else the webhook secret."""
    return settings.callback_secret or settings.webhook_secret


def decision_payload(comment_id: str, revision: int, decision: dict[str, Any]) -> dict[str, Any]:
    """The body we POST: which comment and revision, and the decision with its evidence."""
    return {"type": "decision", "id": comment_id, "revision": revision, "decision": decision}


def post_signed(url: str, secret: str, payload: dict[str, Any], timeout: float) -> int:
    """POST `payload` as signed JSON; return the HTTP status or raise DeliveryError."""
    body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    headers = {"Content-Type": "application/json", "User-Agent": "moderation-callback/1",
               **callback_headers(secret, body)}
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        raise DeliveryError(f"platform answered {exc.code}") from None
    except (urllib.error.URLError, OSError) as exc:
        raise DeliveryError(f"cannot reach the platform: {getattr(exc, 'reason', exc)}") from None
