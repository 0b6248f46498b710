"""Start and stop our own redis-server: append-only, loopback only, data in a folder we choose.

Used when no MODERATION_REDIS_URL is set (the embedded default), by `moderation run`, and by the
tests. Append-only is always on. The fsync policy is settings.redis_appendfsync: `everysec`
(default) writes the AOF to the kernel before Redis replies, so an acknowledged comment survives
a redis-server crash or restart, and fsyncs once a second (power loss can cost up to ~1 s);
`always` also fsyncs before replying, which on this machine's disk costs 1-2 ms per write
round trip, in Redis's single thread. Measurements and reasoning: docs/service.md, "Durability".
"""

from __future__ import annotations

import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path

import redis


class RedisServerError(RuntimeError):
    """redis-server is missing or did not come up."""


def free_port() -> int:
    """A TCP port on 127.0.0.1 nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class RedisServer:
    """One redis-server child process."""

    def __init__(self, data_dir: Path, port: int | None = None, appendfsync: str = "everysec"):
        self.data_dir = Path(data_dir)
        self.port = port or free_port()
        self.appendfsync = appendfsync
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def command(self) -> list[str]:
        """The redis-server command line (config as arguments: no file to leave behind)."""
        binary = shutil.which("redis-server")
        if binary is None:
            raise RedisServerError("redis-server is not on PATH; run scripts/setup.sh or set MODERATION_REDIS_URL")
        return [binary, "--port", str(self.port), "--bind", "127.0.0.1", "--dir", str(self.data_dir),
                "--appendonly", "yes", "--appendfsync", self.appendfsync, "--save", "",
                "--daemonize", "no", "--protected-mode", "yes",
                "--logfile", str(self.data_dir / "redis.log")]

    def start(self, timeout: float = 10.0) -> "RedisServer":
        """Start the server and wait until it answers PING."""
        self.data_dir.mkdir(parents=True, exist_ok=True)
        # Own session: a Ctrl-C in the terminal must not stop Redis before the processes using it.
        self.process = subprocess.Popen(self.command(), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                        stderr=subprocess.PIPE, start_new_session=True)
        self._wait_ready(timeout)
        return self

    def _wait_ready(self, timeout: float) -> None:
        client = redis.Redis(port=self.port, socket_connect_timeout=0.2, socket_timeout=1)
        deadline = time.monotonic() + timeout
        try:
            while time.monotonic() < deadline:
                if self.process.poll() is not None:
                    err = self.process.stderr.read().decode("utf-8", "replace")
                    raise RedisServerError(f"redis-server exited with {self.process.returncode}: {err.strip()}"
                                           f" (see {self.data_dir / 'redis.log'})")
                try:
                    # LOADING replies (AOF replay after a restart) raise BusyLoadingError: keep waiting.
                    if client.ping():
                        return
                except redis.exceptions.RedisError:
                    time.sleep(0.05)
            self.stop()
            raise RedisServerError(f"redis-server did not answer on port {self.port} within {timeout}s")
        finally:
            client.close()

    def stop(self, timeout: float = 10.0) -> None:
        """Shut down cleanly (SIGTERM makes Redis flush the AOF); kill if it hangs."""
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def kill(self) -> None:
        """Kill -9 (tests of crash durability)."""
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait()

    def __enter__(self) -> "RedisServer":
        return self.start() if self.process is None else self

    def __exit__(self, *exc) -> None:
        self.stop()
