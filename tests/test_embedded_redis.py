"""One embedded redis-server per data folder (moderation/embedded.py, redis_server.py's folder lock)."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import textwrap

import pytest
import redis

from moderation.embedded import RECORD_NAME, attach, pid_alive
from moderation.redis_server import FolderInUse, RedisServer, folder_locked


def test_a_second_server_on_one_folder_is_refused(tmp_path):
    with RedisServer(tmp_path) as first:
        assert folder_locked(tmp_path)
        with pytest.raises(FolderInUse) as refused:
            RedisServer(tmp_path).start()
        assert refused.value.pid == first.process.pid
    assert not folder_locked(tmp_path)


def test_start_needs_no_name_for_localhost(tmp_path, monkeypatch):
    real = socket.getaddrinfo

    def no_localhost(host, *args, **kwargs):  # as in a root file system without /etc/hosts
        if host == "localhost":
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return real(host, *args, **kwargs)
    monkeypatch.setattr(socket, "getaddrinfo", no_localhost)
    with RedisServer(tmp_path) as server:
        assert redis.Redis.from_url(server.url).ping()


def test_the_lock_is_the_servers_own_so_kill_9_frees_it(tmp_path):
    server = RedisServer(tmp_path).start()
    server.kill()
    assert not folder_locked(tmp_path)
    with RedisServer(tmp_path):
        pass


def test_second_attach_shares_the_server_and_the_last_user_stops_it(tmp_path):
    first = attach(tmp_path)
    other = subprocess.run([sys.executable, "-c", textwrap.dedent(f"""
        from moderation.embedded import attach
        e = attach({str(tmp_path)!r}); print(e.url, e.pid); e.detach()""")],
        capture_output=True, text=True, check=True, env={**os.environ, "PYTHONPATH": os.getcwd()})
    assert other.stdout.split() == [first.url, str(first.pid)]
    assert pid_alive(first.pid)  # the other process left; we still use it
    first.detach()
    assert not pid_alive(first.pid)
    assert not (tmp_path / "redis" / RECORD_NAME).exists()


def test_stale_record_is_replaced_and_data_survives(tmp_path):
    first = attach(tmp_path)
    client = redis.Redis.from_url(first.url)
    client.set("kept", "yes")
    client.close()
    os.kill(first.pid, signal.SIGKILL)
    first.server.process.wait()
    record = json.loads((tmp_path / "redis" / RECORD_NAME).read_text())
    assert record["pid"] == first.pid and not pid_alive(first.pid)

    second = attach(tmp_path)
    try:
        assert second.pid != first.pid
        assert redis.Redis.from_url(second.url).get("kept") == b"yes"  # replayed from the AOF
        assert json.loads((tmp_path / "redis" / RECORD_NAME).read_text())["pid"] == second.pid
    finally:
        second.detach()


def test_a_server_left_by_a_killed_user_is_adopted(tmp_path):
    started = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import time
        from moderation.embedded import attach
        e = attach({str(tmp_path)!r}); print(e.pid, flush=True); time.sleep(60)""")],
        stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": os.getcwd()})
    redis_pid = int(started.stdout.readline())
    started.kill()  # kill -9 of the process that started Redis: Redis runs on, orphaned
    started.wait()
    adopted = attach(tmp_path)
    assert adopted.pid == redis_pid
    assert json.loads((tmp_path / "redis" / RECORD_NAME).read_text())["users"] == [os.getpid()]
    adopted.detach()  # the only live user now: stops it
    assert not pid_alive(redis_pid)


def test_replacement_server_reuses_the_stale_port(tmp_path):
    first = attach(tmp_path)
    os.kill(first.pid, signal.SIGKILL)
    first.server.process.wait()
    second = attach(tmp_path)
    try:
        assert second.url == first.url and second.pid != first.pid
    finally:
        second.detach()
