"""A small HTTP server on 127.0.0.1 for the scraper's tests: fixed routes, every request recorded."""

from __future__ import annotations

import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable, Iterator


@dataclass
class Route:
    body: bytes = b""
    content_type: str | None = "text/html; charset=utf-8"
    status: int = 200
    delay: float = 0.0  # seconds to wait before answering
    send_length: bool = True  # False: no Content-Length, the body ends when the connection closes


@dataclass
class Site:
    url: str
    routes: dict[str, Route]
    requests: list[tuple[str, str, dict, bytes]] = field(default_factory=list)  # method, path, headers, body
    on_post: Callable[[str, dict, bytes], tuple[int, bytes]] | None = None

    def paths(self) -> list[str]:
        return [path for _, path, _, _ in self.requests]


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args) -> None:  # keep pytest output clean
            pass

        def do_GET(self) -> None:
            site.requests.append(("GET", self.path, dict(self.headers), b""))
            route = site.routes.get(self.path, Route(b"not found", "text/plain", 404))
            if route.delay:
                time.sleep(route.delay)
            self.send_response(route.status)
            if route.content_type:
                self.send_header("Content-Type", route.content_type)
            if route.send_length:
                self.send_header("Content-Length", str(len(route.body)))
            else:
                self.close_connection = True
            self.end_headers()
            self.wfile.write(route.body)

        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            site.requests.append(("POST", self.path, dict(self.headers), body))
            status, answer = site.on_post(self.path, dict(self.headers), body) if site.on_post else (404, b"")
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)

    return Handler


@contextmanager
def serve(routes: dict[str, Route] | None = None) -> Iterator[Site]:
    """Run a loopback server for the duration of the block."""
    site = Site(url="", routes=dict(routes or {}))
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(site))
    server.daemon_threads = True
    site.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
