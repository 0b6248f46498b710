"""JSON for the errors gunicorn answers itself, before the app sees the request (414, 431, 400...).

gunicorn refuses a request line over `limit_request_line` (414) or headers over its limits (431)
with a small HTML page. Every other error of this service is `{"error": {"code", "message"}}`, so
in our web processes gunicorn's `util.write_error` (which its worker's `handle_error` calls for
these answers) writes the same JSON shape instead. Installed by `moderation serve` in each
gunicorn worker; the status codes and the `Connection: close` stay gunicorn's.
"""

from __future__ import annotations

import json

CODES = {400: "bad_request", 403: "forbidden", 414: "uri_too_long", 417: "expectation_failed",
         431: "headers_too_large", 500: "internal_error", 501: "not_implemented"}


def write_json_error(sock, status_int: int, reason: str, mesg: str) -> None:
    """Write gunicorn's error answer as our JSON error body."""
    from gunicorn import util

    message = f"{reason}: {mesg}" if mesg else reason
    body = json.dumps({"error": {"code": CODES.get(status_int, "http_error"), "message": message}})
    head = (f"HTTP/1.1 {status_int} {reason}\r\nConnection: close\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(body)}\r\n\r\n")
    util.write_nonblock(sock, (head + body).encode("latin-1"))  # json.dumps escapes to ASCII


def install() -> None:
    """Make this process's gunicorn write its own error answers as JSON."""
    from gunicorn import util

    util.write_error = write_json_error
