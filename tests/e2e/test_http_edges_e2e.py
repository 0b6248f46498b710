"""HTTP edges a real gunicorn sees and the Flask test client cannot (issue 15, item 9): a chunked
body over the limit is 413 (not cut short and answered 401); a URL or header too long for
gunicorn is answered with our JSON error shape, not gunicorn's HTML page."""

from __future__ import annotations

import http.client
import json
import socket

import pytest

from moderation.signing import signed_headers
from tests.conftest import WEBHOOK_SECRET

pytestmark = pytest.mark.e2e


def raw_request(port: int, data: bytes) -> tuple[int, dict[str, str], bytes]:
    """Send raw bytes, read the answer until the server closes (gunicorn closes after errors)."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(data)
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    head, _, body = b"".join(chunks).partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = dict(line.split(": ", 1) for line in lines[1:])
    return int(lines[0].split()[1]), headers, body


def post_chunked(port: int, body: bytes, headers: dict[str, str]) -> tuple[int, dict]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.putrequest("POST", "/v1/comments")
    for name, value in {**headers, "Content-Type": "application/json", "Transfer-Encoding": "chunked"}.items():
        connection.putheader(name, value)
    connection.endheaders()
    try:
        for start in range(0, len(body), 65536):
            piece = body[start:start + 65536]
            connection.send(b"%x\r\n%s\r\n" % (len(piece), piece))
        connection.send(b"0\r\n\r\n")
    except (BrokenPipeError, ConnectionResetError):
        pass  # the server may answer 413 and close before it read everything
    response = connection.getresponse()
    return response.status, json.loads(response.read())


def test_a_chunked_body_over_the_limit_is_413_and_one_under_is_accepted(make_service):
    service = make_service(max_request_bytes=100_000)
    service.wait_healthy()
    big = json.dumps({"id": "big", "text": "x" * 150_000}).encode()
    status, answer = post_chunked(service.port, big, signed_headers(WEBHOOK_SECRET, big))
    assert status == 413 and answer["error"]["code"] == "request_too_large", answer
    small = json.dumps({"id": "small", "text": "A chunked comment."}).encode()
    status, answer = post_chunked(service.port, small, signed_headers(WEBHOOK_SECRET, small))
    assert status == 202, answer
    assert service.store.head("big") is None


@pytest.mark.parametrize("request_bytes,status,code", [
    (b"GET /v1/comments/" + b"a" * 5000 + b" HTTP/1.1\r\nHost: x\r\n\r\n", 414, "uri_too_long"),
    (b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Long: " + b"a" * 9000 + b"\r\n\r\n", 431, "headers_too_large"),
    (b"GET /healthz HTTP/1.1\r\nHost: x\r\n" + b"".join(b"X-H%d: v\r\n" % i for i in range(120)) + b"\r\n",
     431, "headers_too_large"),
], ids=["long-url", "long-header", "too-many-headers"])
def test_errors_gunicorn_answers_itself_are_json(make_service, request_bytes, status, code):
    service = make_service()
    service.wait_healthy()
    got, headers, body = raw_request(service.port, request_bytes)
    assert got == status
    assert headers["Content-Type"] == "application/json"
    assert json.loads(body)["error"]["code"] == code
