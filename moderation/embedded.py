"""One embedded redis-server per data folder, shared by every local process that uses it.

With no MODERATION_REDIS_URL, `moderation run`, `serve`, `worker` and `rescore` call attach(): the
first one starts a redis-server on <data_dir>/redis and records it in <data_dir>/redis/embedded.json
({"url", "pid", "users", "started_at"}); the others read the record and connect to that server.

* Starting is serialised by an flock on <data_dir>/redis/.start.lock, so two processes starting at
  once cannot both start one.
* The server itself holds <data_dir>/redis/redis.lock for its whole life (redis_server.py): even a
  stray `RedisServer(...).start()` cannot open a second server on the folder.
* A record whose server pid is gone, or that does not answer, is stale: it is replaced by a new
  server, which replays the append-only file, so the data survives a kill -9 of everything; it
  takes the old port when it is free, so processes still holding the old URL reconnect.
* `users` lists the pids of the processes attached; each removes itself on exit and the last one
  stops the server. Dead pids (a kill -9) are pruned on every attach and detach, so a server left
  behind by a killed process is adopted by the next process that attaches.
"""

from __future__ import annotations

import fcntl
import json
import os
import signal
import socket
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator
from urllib.parse import urlparse

import redis

from moderation.redis_server import FolderInUse, RedisServer, RedisServerError

RECORD_NAME = "embedded.json"


def pid_alive(pid: int | None) -> bool:
    """Whether a process with this pid exists (zombies count as gone)."""
    if not pid:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return True  # no /proc: trust kill(0)


def answers(url: str, pid: int, timeout: float = 10.0) -> bool:
    """Whether the server at url answers PING; wait while it loads its AOF and its pid lives."""
    client = redis.Redis.from_url(url, socket_connect_timeout=0.5, socket_timeout=2)
    deadline = time.monotonic() + timeout
    try:
        while True:
            try:
                return bool(client.ping())
            except redis.exceptions.BusyLoadingError:
                if time.monotonic() > deadline or not pid_alive(pid):
                    return False
                time.sleep(0.05)
            except redis.RedisError:
                return False
    finally:
        client.close()


def _reusable_port(url: str) -> int | None:
    """The stale record's loopback port, if nothing listens on it now."""
    port = urlparse(url).port
    if not port:
        return None
    with socket.socket() as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return None
    return port


@contextmanager
def _start_lock(folder: Path) -> Iterator[None]:
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / ".start.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def _read(folder: Path) -> dict | None:
    try:
        record = json.loads((folder / RECORD_NAME).read_text())
        return record if isinstance(record.get("pid"), int) and isinstance(record.get("url"), str) else None
    except (OSError, ValueError, AttributeError):
        return None


def _write(folder: Path, record: dict) -> None:
    tmp = folder / f".{RECORD_NAME}.{os.getpid()}"
    tmp.write_text(json.dumps(record))
    tmp.replace(folder / RECORD_NAME)


def _say(message: str) -> None:
    print(f"embedded redis: {message}", file=sys.stderr, flush=True)


@dataclass
class Embedded:
    """This process's attachment to the folder's server."""

    folder: Path
    url: str
    pid: int
    server: RedisServer | None = None  # set when this process started it
    user: int = field(default_factory=os.getpid)

    def detach(self, timeout: float = 10.0) -> None:
        """Leave; the last live user stops the server and removes the record."""
        if os.getpid() != self.user:
            return  # a forked child (gunicorn worker, RQ scheduler) unwinding: the parent leaves
        with _start_lock(self.folder):
            record = _read(self.folder)
            if record is None or record["pid"] != self.pid:
                return  # replaced meanwhile: not ours to stop
            users = [u for u in record.get("users", []) if u != os.getpid() and pid_alive(u)]
            if users:
                _write(self.folder, {**record, "users": users})
                return
            (self.folder / RECORD_NAME).unlink(missing_ok=True)
            self._stop_server(timeout)

    def _stop_server(self, timeout: float) -> None:
        if self.server is not None:
            self.server.stop(timeout)
            return
        try:  # adopted or shared: not our child, so signal it and wait for the pid to go
            os.kill(self.pid, signal.SIGTERM)
        except ProcessLookupError:
            return
        deadline = time.monotonic() + timeout
        while pid_alive(self.pid) and time.monotonic() < deadline:
            time.sleep(0.05)
        if pid_alive(self.pid):
            os.kill(self.pid, signal.SIGKILL)


def attach(data_dir: Path, appendfsync: str = "everysec", timeout: float = 10.0) -> Embedded:
    """Connect to the folder's running server, or start it (replacing a stale record)."""
    folder = Path(data_dir) / "redis"
    with _start_lock(folder):
        record = _read(folder)
        if record is not None and pid_alive(record["pid"]) and answers(record["url"], record["pid"], timeout):
            users = [u for u in record.get("users", []) if pid_alive(u)] + [os.getpid()]
            _write(folder, {**record, "users": users})
            return Embedded(folder, record["url"], record["pid"])
        port = None
        if record is not None:
            _say(f"record {folder / RECORD_NAME} is stale (pid {record['pid']} gone or silent); starting a new server")
            port = _reusable_port(record["url"])  # processes still holding the old URL reconnect
        try:
            server = RedisServer(folder, port=port, appendfsync=appendfsync).start(timeout)
        except FolderInUse as exc:
            raise RedisServerError(f"{exc}; its record is missing or it does not answer") from None
        record = {"url": server.url, "pid": server.process.pid, "users": [os.getpid()], "started_at": time.time()}
        _write(folder, record)
        return Embedded(folder, server.url, server.process.pid, server)
