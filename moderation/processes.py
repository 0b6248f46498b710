"""Child processes of a local service: each in its own session, stopped as a whole group."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import IO


def stop_on_sigterm() -> None:
    """Make SIGTERM stop a foreground command the way Ctrl-C does, so its `finally` stops the children.

    Docker, systemd and `kill` send SIGTERM; its default action would end this process at once and
    leave Redis, gunicorn and the workers running without a parent.
    """
    def interrupt(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, interrupt)


def _group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
        return True
    except ProcessLookupError:
        return False
    except PermissionError:
        return True


@dataclass
class Child:
    """One child process in its own session (so its whole group can be signalled)."""

    name: str
    process: subprocess.Popen
    log: IO | None = None

    def alive(self) -> bool:
        return self.process.poll() is None

    def stop(self, sig: int = signal.SIGTERM, timeout: float = 15.0) -> None:
        """Signal the group, wait for the whole group (e.g. RQ's scheduler), then kill -9 what is left."""
        if self.alive():
            try:
                os.killpg(self.process.pid, sig)
            except ProcessLookupError:
                pass
        deadline = time.monotonic() + timeout
        try:
            self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            pass
        while _group_alive(self.process.pid) and time.monotonic() < deadline:
            time.sleep(0.05)
        if _group_alive(self.process.pid):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()
        if self.log:
            self.log.close()

    def kill(self) -> None:
        """kill -9 the child and everything in its group (e.g. RQ's scheduler process)."""
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.process.wait()


def spawn(name: str, args: list[str], env: dict[str, str], log_dir: Path | None) -> Child:
    """Start `python -m moderation.cli <args>` with extra env; output to log_dir/<name>.log or inherited."""
    log = None
    if log_dir is not None:
        log_dir.mkdir(parents=True, exist_ok=True)
        log = open(log_dir / f"{name}.log", "ab")
    process = subprocess.Popen([sys.executable, "-m", "moderation.cli", *args], env={**os.environ, **env},
                               stdin=subprocess.DEVNULL, stdout=log, stderr=log, start_new_session=True)
    return Child(name, process, log)


def wait_healthy(url: str, workers: int, timeout: float, children: list[Child]) -> dict:
    """Poll /healthz until Redis is reachable and `workers` workers beat; raise on timeout or a dead child."""
    deadline = time.monotonic() + timeout
    last: dict | str = "no answer"
    while time.monotonic() < deadline:
        for child in children:
            if not child.alive():
                raise RuntimeError(f"{child.name} exited with {child.process.returncode} while starting")
        try:
            with urllib.request.urlopen(f"{url}/healthz", timeout=2) as response:
                last = json.loads(response.read())
                if last.get("workers_alive", 0) >= workers:
                    return last
        except OSError as exc:
            last = str(exc)
        time.sleep(0.2)
    raise RuntimeError(f"service not healthy within {timeout}s: {last}")
