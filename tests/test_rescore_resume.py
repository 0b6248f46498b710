"""Bar: interrupting `rescore --apply` half-way and running it again gives the same final store as
one uninterrupted run, and applies nothing twice. Interrupted two ways: a failure injected in the
scorer after N batches (in-process), and SIGKILL of a real `moderation rescore` process."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import zlib

import pytest

from moderation.cli import main
from moderation.store import Store, keys
from moderation.store.codec import unpack
from tests.support.rescore_store import seed
from tests.test_rescore_store import COMMENTS, candidate_policy, stored_decisions

# Four copies of the hand-built comments under distinct ids: enough batches to stop in between.
MANY = [{**c, "id": f"{c['id']}-{n}"} for n in range(4) for c in COMMENTS]
# Written by running workers for their own housekeeping (liveness beats, recovery lock), not by rescoring.
HOUSEKEEPING = ("mod:worker:", "mod:workers", "mod:recovery:", "mod:retention:")
TIMESTAMPS = {"at", "decided_at", "updated_at", "started_at", "finished_at"}


def _clean(value):
    """Drop wall-clock fields (they differ between any two runs) from decoded JSON."""
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items() if k not in TIMESTAMPS}
    if isinstance(value, list):
        return [_clean(v) for v in value]
    return value


def _decode(raw: bytes):
    """A stored value as JSON without timestamps: plain or packed by store.codec (else the raw bytes)."""
    try:
        return _clean(unpack(raw))
    except (ValueError, zlib.error):
        return raw


def store_state(redis) -> dict:
    """Everything in the store except run bookkeeping, queues and worker beats; timestamps removed."""
    state = {}
    for key in sorted(redis.scan_iter("*")):
        name = key.decode()
        if name.startswith((keys.RESCORE_RUN_PREFIX, "rq:", *HOUSEKEEPING)):
            continue
        kind = redis.type(key).decode()
        if kind == "string":
            state[name] = _decode(redis.get(key))
        elif kind == "hash":
            state[name] = {k.decode(): v for k, v in redis.hgetall(key).items() if k.decode() not in TIMESTAMPS}
        elif kind == "list":
            state[name] = [_decode(item) for item in redis.lrange(key, 0, -1)]
        elif kind == "zset":
            state[name] = redis.zrange(key, 0, -1, withscores=True)
        elif kind == "stream":
            # The global audit stream is in write order, which parallel workers legitimately interleave.
            entries = [{k.decode(): _decode(v) for k, v in fields.items()} for _, fields in redis.xrange(key)]
            state[name] = sorted(entries, key=lambda e: json.dumps(e, sort_keys=True, default=str))
        else:
            raise AssertionError(f"unexpected key type {kind} for {name}")
    return state


def same_state(a, b) -> bool:
    """Equal, with scores compared to 1e-3: the sentence encoder's float32 sums depend on which
    texts share its batch (differences of about 1e-7), and a resumed run batches differently, so
    a stored 4-decimal score can move by one in its last digit. Decisions, reasons, history and
    queues must be identical. Values packed by store.codec are compared unpacked (_decode)."""
    if isinstance(a, float) and isinstance(b, float):
        return abs(a - b) <= 1e-3
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same_state(a[k], b[k]) for k in a)
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return len(a) == len(b) and all(same_state(x, y) for x, y in zip(a, b))
    if isinstance(a, bytes) and isinstance(b, bytes) and a != b:
        return same_state(_decode(a), _decode(b)) if _decode(a) != a else False
    return a == b


def _ours(redis) -> list[bytes]:
    """The store's keys (mod:*), leaving RQ's and the workers' housekeeping alone."""
    return [k for k in redis.scan_iter("mod:*") if not k.decode().startswith(HOUSEKEEPING)]


def snapshot(redis) -> dict:
    return {key: redis.dump(key) for key in _ours(redis)}


def restore(redis, dumped: dict) -> None:
    """Put the store back exactly as snapshotted (queues and running workers are left alone)."""
    for key in _ours(redis):
        redis.delete(key)
    for key, value in dumped.items():
        redis.restore(key, 0, value)


@pytest.fixture
def many(redis_client):
    from moderation.engine import Engine
    from moderation.settings import load_settings

    seed(redis_client, Engine.from_settings(load_settings({"scorer": "linear"}, environ={})), MANY)
    return redis_client


@pytest.fixture
def candidate(many, tmp_path):
    """Lower the English hold threshold to the lower quartile of English toxicity: many keep->hold changes."""
    english = sorted(d["scores"]["toxicity"] for d in stored_decisions(many, MANY).values() if d["language"] == "en")
    path = tmp_path / "candidate.toml"
    candidate_policy(path, "en", "toxicity", hold=round(english[len(english) // 4] - 0.0005, 6))
    return path


@pytest.fixture
def cli_env(redis_server, monkeypatch):
    monkeypatch.setenv("MODERATION_REDIS_URL", redis_server.url)
    monkeypatch.setenv("MODERATION_SCORER", "linear")
    monkeypatch.delenv("MODERATION_CALLBACK_URL", raising=False)


def run_cli(capsys, *argv) -> tuple[int, dict | None, str]:
    code = main(["rescore", "--progress", "none", *map(str, argv)])
    out = capsys.readouterr()
    return code, (json.loads(out.out) if out.out.strip() else None), out.err


def uninterrupted(redis, capsys, candidate, start: dict) -> tuple[dict, dict]:
    restore(redis, start)
    code, summary, _ = run_cli(capsys, "--policy", candidate, "--apply", "--max-change", 100, "--batch-size", 10)
    assert code == 0
    return store_state(redis), summary


class FailingAfter:
    """A scorer that works for `calls` batches, then raises (a crash in the middle of a run)."""

    def __init__(self, scorer, calls: int):
        self.scorer, self.calls = scorer, calls
        self.model_id, self.labels = scorer.model_id, scorer.labels

    def score(self, texts, languages):
        if self.calls == 0:
            raise RuntimeError("injected scorer failure")
        self.calls -= 1
        return self.scorer.score(texts, languages)


def test_apply_stopped_by_a_failure_resumes_to_the_same_state(many, candidate, cli_env, capsys, monkeypatch):
    import moderation.rescore.run as command

    start = snapshot(many)
    expected_state, expected_summary = uninterrupted(many, capsys, candidate, start)
    assert expected_summary["changed"] > 20

    restore(many, start)
    build = command._engine
    dry_pass = -(-len(MANY) // 10)  # a new --apply first scores everything once for its safety check
    monkeypatch.setattr(command, "_engine",
                        lambda *a: _with_scorer(build(*a), FailingAfter(build(*a).scorer, dry_pass + 5)))
    code, summary, err = run_cli(capsys, "--policy", candidate, "--apply", "--max-change", 100, "--batch-size", 10)
    assert code == 2 and summary is None and "injected scorer failure" in err and "resume" in err
    run_id = expected_summary["run_id"]
    assert many.hlen(keys.rescore_run_done(run_id)) == 5
    assert not same_state(store_state(many), expected_state)  # half-way indeed

    monkeypatch.setattr(command, "_engine", build)
    code, resumed, err = run_cli(capsys, "--policy", candidate, "--apply", "--max-change", 100, "--batch-size", 10)
    assert code == 0 and resumed["resumed"] and "resuming" in err
    assert same_state(store_state(many), expected_state)
    assert {k: v for k, v in resumed.items() if k not in ("elapsed_s", "resumed")} == \
        {k: v for k, v in expected_summary.items() if k not in ("elapsed_s", "resumed")}


def _with_scorer(engine, scorer):
    from moderation.engine import Engine

    return Engine(engine.detector, engine.lexicon, scorer, engine.policy, engine.targets, engine.second_opinion,
                  engine.group_stance)


def test_apply_killed_with_sigkill_resumes_to_the_same_state(many, candidate, cli_env, capsys, redis_server):
    start = snapshot(many)
    expected_state, expected_summary = uninterrupted(many, capsys, candidate, start)
    run_id = expected_summary["run_id"]

    restore(many, start)
    command = [sys.executable, "-m", "moderation.cli", "rescore", "--policy", str(candidate), "--apply", "--max-change", "100",
               "--batch-size", "1", "--progress", "none"]
    process = subprocess.Popen(command, env=dict(os.environ), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 120
        while many.hlen(keys.rescore_run_done(run_id)) < 20 and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.001)
        process.send_signal(signal.SIGKILL)
    finally:
        process.wait()
    assert process.returncode == -signal.SIGKILL, process.stderr.read().decode()
    done = many.hlen(keys.rescore_run_done(run_id))
    assert 20 <= done < len(MANY), f"the kill came too late to test anything ({done} batches done)"

    code, resumed, err = run_cli(capsys, "--policy", candidate, "--apply", "--max-change", 100, "--batch-size", 1)
    assert code == 0 and "resuming" in err
    assert same_state(store_state(many), expected_state)
    assert resumed["changed"] == expected_summary["changed"]
    assert resumed["applied"] + resumed["already_applied"] == expected_summary["applied"]
    history = [len(Store(many).history(c["id"])) for c in MANY]
    assert max(history) == 3  # received, decided, at most one rescored: nothing applied twice
