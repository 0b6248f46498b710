"""Start and stop our own redis-server: append-only, loopback only, data in a folder we choose.

Used when no MODERATION_REDIS_URL is set (the embedded default), by `moderation run`, and by the
tests. Append-only is always on. The fsync policy is settings.redis_appendfsync: `everysec`
(default) writes the AOF to the kernel before Redis replies, so an acknowledged comment survives
a redis-server crash or restart, and fsyncs once a second (power loss can cost up to ~1 s);
`always` also fsyncs before replying, which on this machine's disk costs 1-2 ms per write
round trip, in Redis's single thread. Measurements and reasoning: docs/service.md, "Durability".

One server per folder, enforced by the kernel: start() takes an exclusive flock on
<folder>/redis.lock and hands that open file to the redis-server child, so the lock lives exactly
as long as the server (a kill -9 of either releases nothing early and leaves nothing stale). A
second start() on the same folder fails with FolderInUse instead of writing the same AOF twice.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path

import redis


class RedisServerError(RuntimeError):
    """redis-server is missing or did not come up."""


class FolderInUse(RedisServerError):
    """Another redis-server already runs on this data folder (it holds the folder lock)."""

    def __init__(self, data_dir: Path, pid: int | None):
        self.data_dir, self.pid = data_dir, pid
        who = f"pid {pid}" if pid else "another process"
        super().__init__(f"a redis-server ({who}) already uses {data_dir}; connect to it "
                         f"(see {data_dir / 'embedded.json'}) or stop it first")


LOCK_NAME = "redis.lock"


def lock_folder(data_dir: Path) -> int:
    """Open and exclusively flock <data_dir>/redis.lock; return the fd. Raise FolderInUse if held."""
    fd = os.open(data_dir / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
        os.close(fd)
        raise FolderInUse(data_dir, int(holder) if holder.isdigit() else None) from None
    return fd


def folder_locked(data_dir: Path) -> bool:
    """Whether a redis-server holds this folder's lock right now."""
    try:
        os.close(lock_folder(Path(data_dir)))
    except FolderInUse:
        return True
    except FileNotFoundError:
        return False
    return False


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
        """Start the server and wait until it answers PING; FolderInUse if one already runs there."""
        self.data_dir.mkdir(parents=True, exist_ok=True)
        command = self.command()
        lock = lock_folder(self.data_dir)
        try:
            # Own session: a Ctrl-C in the terminal must not stop Redis before the processes using it.
            # pass_fds: the child holds the folder lock for as long as it lives.
            self.process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                            stderr=subprocess.PIPE, start_new_session=True, pass_fds=(lock,))
            os.ftruncate(lock, 0)
            os.pwrite(lock, f"{self.process.pid}\n".encode(), 0)
        finally:
            os.close(lock)
        self._wait_ready(timeout)
        return self

    def _wait_ready(self, timeout: float) -> None:
        # The address it binds, not "localhost": that name may be missing (a minimal root file system
        # has no /etc/hosts) or resolve to ::1 first.
        client = redis.Redis(host="127.0.0.1", port=self.port, socket_connect_timeout=0.2, socket_timeout=1)
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
