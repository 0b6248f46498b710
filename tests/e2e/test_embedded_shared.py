"""One embedded Redis per data folder, as operators start the commands: `run`, then `serve` and
`worker` started by hand on the same folder; a kill -9 of `run` and everything it started, then a
restart, finds the data again (append-only file replayed by a replacement server)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from moderation.client import ServiceClient
from moderation.localstack import spawn, wait_healthy
from moderation.redis_server import free_port
from tests.e2e.test_run_command import alive, descendants

pytestmark = pytest.mark.e2e
SECRET = "shared-secret"


def redis_servers_on(folder) -> list[int]:
    """Pids of live redis-server processes working in this folder (Redis chdirs to its --dir)."""
    out = subprocess.run(["ps", "-C", "redis-server", "-o", "pid=,stat="], capture_output=True, text=True).stdout
    pids = []
    for pid, stat in (line.split() for line in out.splitlines() if line.strip()):
        try:
            if not stat.startswith("Z") and os.readlink(f"/proc/{pid}/cwd") == str(folder):
                pids.append(int(pid))
        except OSError:
            pass
    return pids


def env_for(tmp_path) -> dict[str, str]:
    env = {**os.environ, "MODERATION_DATA_DIR": str(tmp_path), "MODERATION_WEBHOOK_SECRET": SECRET}
    env.pop("MODERATION_REDIS_URL", None)
    return env


def start_run(tmp_path, port: int) -> subprocess.Popen:
    run = subprocess.Popen([sys.executable, "-m", "moderation.cli", "run", "--port", str(port)],
                           env=env_for(tmp_path), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    for line in run.stderr:
        if "service at" in line:
            return run
    raise AssertionError(f"run exited with {run.wait()}")


def test_run_serve_and_worker_share_one_server(tmp_path, engine_available):
    run = start_run(tmp_path, free_port())
    port = free_port()
    env = {k: v for k, v in env_for(tmp_path).items() if k.startswith("MODERATION_")}
    serve = spawn("serve", ["serve", "--port", str(port)], env, tmp_path / "logs")
    worker = spawn("worker", ["worker"], env, tmp_path / "logs")
    try:
        # serve sees run's worker and ours beat: the same Redis
        health = wait_healthy(f"http://127.0.0.1:{port}", 2, 60, [serve, worker])
        assert health["workers_alive"] == 2
        assert len(redis_servers_on(tmp_path / "redis")) == 1
        record = json.loads((tmp_path / "redis" / "embedded.json").read_text())
        assert sorted(record["users"]) == sorted([run.pid, serve.process.pid, worker.process.pid])
        client = ServiceClient(f"http://127.0.0.1:{port}", SECRET)
        status, _ = client.post_comments([{"id": "shared-1", "text": "Thanks for the article"}])
        assert status == 202
        assert client.wait_decided(["shared-1"], 30, poll=0.1)["shared-1"]["outcome"] == "keep"
        run.send_signal(signal.SIGTERM)
        assert run.wait(timeout=60) == 0
        # run left, serve and worker still use the server: it must still answer
        assert len(redis_servers_on(tmp_path / "redis")) == 1
        assert wait_healthy(f"http://127.0.0.1:{port}", 1, 30, [serve, worker])["redis"] == "ok"
    finally:
        for child in (worker, serve):
            child.stop()
        if run.poll() is None:  # stopped cleanly, so its Redis does not outlive a failed test
            run.send_signal(signal.SIGTERM)
            run.wait(timeout=60)
    deadline = time.monotonic() + 15
    while redis_servers_on(tmp_path / "redis") and time.monotonic() < deadline:
        time.sleep(0.1)
    assert redis_servers_on(tmp_path / "redis") == []  # the last user stopped it
    assert not (tmp_path / "redis" / "embedded.json").exists()


def test_kill_9_of_run_and_its_redis_then_restart_recovers(tmp_path, engine_available):
    port = free_port()
    run = start_run(tmp_path, port)
    client = ServiceClient(f"http://127.0.0.1:{port}", SECRET)
    ids = [f"crash-{i}" for i in range(20)]
    try:
        status, _ = client.post_comments([{"id": i, "text": f"comment number {i}"} for i in ids])
        assert status == 202
        assert len(client.wait_decided(ids, 60, poll=0.1)) == len(ids)
        victims = descendants(run.pid) | {run.pid}
        (old_redis,) = redis_servers_on(tmp_path / "redis")
        assert old_redis in victims
        for pid in victims:
            os.kill(pid, signal.SIGKILL)
        run.wait()
        deadline = time.monotonic() + 20
        while any(alive(p) for p in victims) and time.monotonic() < deadline:
            time.sleep(0.1)
    finally:
        if run.poll() is None:
            run.kill()
    restarted = start_run(tmp_path, port)
    try:
        (new_redis,) = redis_servers_on(tmp_path / "redis")
        assert new_redis != old_redis
        decided = client.wait_decided(ids, 30, poll=0.1)
        assert sorted(decided) == sorted(ids)
    finally:
        restarted.send_signal(signal.SIGTERM)
        assert restarted.wait(timeout=60) == 0
