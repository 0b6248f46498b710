"""`moderation run` as an operator starts and stops it: SIGTERM must stop Redis, web and workers too."""

import json
import os
import signal
import subprocess
import sys
import time
import urllib.request

import pytest

from moderation.redis_server import free_port

pytestmark = pytest.mark.e2e


def descendants(pid: int) -> set[int]:
    """All live processes whose parent chain leads to pid (children re-parented to init excluded)."""
    out = subprocess.run(["ps", "-e", "-o", "pid=,ppid=,sid="], capture_output=True, text=True).stdout
    rows = [tuple(int(x) for x in line.split()) for line in out.splitlines() if line.strip()]
    found, frontier = set(), {pid}
    while frontier:
        frontier = {p for p, pp, _ in rows if pp in frontier} - found
        found |= frontier
    return found


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    state = subprocess.run(["ps", "-o", "stat=", "-p", str(pid)], capture_output=True, text=True).stdout.strip()
    return bool(state) and not state.startswith("Z")


def test_sigterm_stops_the_whole_stack(tmp_path):
    port = free_port()
    env = {**os.environ, "MODERATION_DATA_DIR": str(tmp_path), "MODERATION_WEBHOOK_SECRET": "s"}
    env.pop("MODERATION_REDIS_URL", None)
    run = subprocess.Popen([sys.executable, "-m", "moderation.cli", "run", "--port", str(port)], env=env,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        for line in run.stderr:  # `run` says so once the stack is healthy
            if "service at" in line:
                break
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5) as response:
            assert json.loads(response.read())["workers_alive"] >= 1
        children = descendants(run.pid)
        assert len(children) >= 3  # redis, gunicorn (+ its workers), a worker
        run.send_signal(signal.SIGTERM)
        assert run.wait(timeout=60) == 0
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and any(alive(pid) for pid in children):
            time.sleep(0.2)
        assert [pid for pid in children if alive(pid)] == []
    finally:
        if run.poll() is None:
            run.kill()
