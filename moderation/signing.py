"""Webhook signatures: HMAC-SHA256 over "<timestamp>.<raw body>", hex, in `sha256=<hex>` form.

The same scheme signs requests the platform sends us (`X-Moderation-Timestamp`,
`X-Moderation-Signature`) and the decisions we send back to the platform's callback URL. So that a
message captured in one direction cannot pass in the other, callbacks are signed with
MODERATION_CALLBACK_SECRET when it is set, and always also carry `X-Moderation-Callback-Signature`:
the HMAC over "callback.<timestamp>.<raw body>", a message no intake signature can equal.
"""

from __future__ import annotations

import hashlib
import hmac
import time

TIMESTAMP_HEADER = "X-Moderation-Timestamp"
SIGNATURE_HEADER = "X-Moderation-Signature"
CALLBACK_SIGNATURE_HEADER = "X-Moderation-Callback-Signature"
CALLBACK_PREFIX = "callback."  # signed message: "callback.<timestamp>.<raw body>"
SCHEME = "sha256="
MAX_TIMESTAMP_DIGITS = 12


class SignatureError(ValueError):
    """The request's signature is missing, malformed, wrong or too old."""


def compute_signature(secret: str, timestamp: str, body: bytes) -> str:
    """Return `sha256=<hex>` for this timestamp and raw body."""
    message = timestamp.encode("ascii") + b"." + body
    return SCHEME + hmac.new(secret.encode("utf-8"), message, hashlib.sha256).hexdigest()


def signed_headers(secret: str, body: bytes, now: float | None = None) -> dict[str, str]:
    """Headers that sign `body` now: use them when posting to a webhook."""
    timestamp = str(int(time.time() if now is None else now))
    return {TIMESTAMP_HEADER: timestamp, SIGNATURE_HEADER: compute_signature(secret, timestamp, body)}


def callback_headers(secret: str, body: bytes, now: float | None = None) -> dict[str, str]:
    """Headers that sign a callback: the usual pair plus the callback-only signature."""
    headers = signed_headers(secret, body, now)
    headers[CALLBACK_SIGNATURE_HEADER] = compute_signature(secret, CALLBACK_PREFIX + headers[TIMESTAMP_HEADER], body)
    return headers


def verify_signature(secret: str, timestamp: str | None, signature: str | None, body: bytes,
                     tolerance_seconds: int = 300, now: float | None = None) -> None:
    """Raise SignatureError unless `signature` signs `body` at a timestamp within the window."""
    if not secret:
        raise SignatureError("the service has no webhook secret configured")
    if not timestamp or not signature:
        raise SignatureError(f"missing {TIMESTAMP_HEADER} or {SIGNATURE_HEADER} header")
    # At most 12 digits (year 33658): a 310-digit number would overflow the float arithmetic below.
    if not timestamp.isascii() or not timestamp.isdigit() or len(timestamp) > MAX_TIMESTAMP_DIGITS:
        raise SignatureError(f"{TIMESTAMP_HEADER} must be Unix seconds")
    current = time.time() if now is None else now
    if abs(current - int(timestamp)) > tolerance_seconds:
        raise SignatureError(f"{TIMESTAMP_HEADER} is outside the {tolerance_seconds}s window (replay?)")
    expected = compute_signature(secret, timestamp, body)
    # compare_digest runs in time independent of where the strings differ.
    if not hmac.compare_digest(expected.encode("ascii"), signature.encode("ascii", "replace")):
        raise SignatureError("signature does not match")
