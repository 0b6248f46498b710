"""`moderation rescore --queue` with two real `moderation worker --queues rescore` processes:
the same results as in-process, batches shared by both workers, dry runs still write nothing."""

from __future__ import annotations

import json
import time

import pytest
from rq.registry import FinishedJobRegistry
from rq.worker import Worker

from moderation.cli import main
from moderation.localstack import spawn
from moderation.queueing import RESCORE, make_queue
from tests.test_rescore_resume import HOUSEKEEPING, MANY, many, restore, snapshot, store_state  # noqa: F401 (fixture)
from tests.test_rescore_store import candidate_policy, stored_decisions

pytestmark = pytest.mark.e2e


@pytest.fixture
def workers(redis_server, tmp_path, monkeypatch):
    monkeypatch.setenv("MODERATION_REDIS_URL", redis_server.url)
    monkeypatch.setenv("MODERATION_SCORER", "linear")
    monkeypatch.delenv("MODERATION_CALLBACK_URL", raising=False)
    env = {"MODERATION_REDIS_URL": redis_server.url, "MODERATION_SCORER": "linear",
           "MODERATION_DATA_DIR": str(tmp_path / "var")}
    children = [spawn(f"rescore-worker-{n}", ["worker", "--queues", "rescore"], env, tmp_path / "logs")
                for n in range(2)]
    yield children
    for child in children:
        child.stop()


def wait_for_workers(redis, count: int, children, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while len(Worker.all(queue=make_queue(redis, RESCORE))) < count:
        assert all(c.alive() for c in children), "a worker exited while starting"
        assert time.monotonic() < deadline, "workers did not start"
        time.sleep(0.1)


def store_dump(redis) -> dict:
    """Every mod:* key but the workers' own housekeeping (written while they run, not by rescoring)."""
    return {k: redis.dump(k) for k in redis.scan_iter("mod:*") if not k.decode().startswith(HOUSEKEEPING)}


def run_cli(capsys, *argv):
    code = main(["rescore", "--progress", "lines", *map(str, argv)])
    out = capsys.readouterr()
    return code, json.loads(out.out), out.err


def rows(path):
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


@pytest.fixture
def candidate(many, tmp_path):  # noqa: F811
    english = sorted(d["scores"]["toxicity"] for d in stored_decisions(many, MANY).values() if d["language"] == "en")
    candidate_policy(tmp_path / "candidate.toml", "en", "toxicity", hold=round(english[len(english) // 2] - 0.0005, 6))
    return tmp_path / "candidate.toml"


def test_queue_dry_run_matches_in_process_shares_batches_and_writes_nothing(many, candidate, workers, capsys,  # noqa: F811
                                                                            tmp_path):
    wait_for_workers(many, 2, workers)
    local = run_cli(capsys, "--policy", candidate, "--batch-size", 8, "--report", tmp_path / "local.jsonl")[1]
    before = store_dump(many)

    code, queued, err = run_cli(capsys, "--policy", candidate, "--batch-size", 8, "--queue",
                                "--report", tmp_path / "queued.jsonl")

    assert code == 0 and queued["queue"] and "rescore:" in err  # plain progress lines on a non-terminal
    assert store_dump(many) == before
    skip = ("elapsed_s", "queue")
    assert {k: v for k, v in queued.items() if k not in skip} == {k: v for k, v in local.items() if k not in skip}
    assert rows(tmp_path / "queued.jsonl") == rows(tmp_path / "local.jsonl") and local["changed"] > 0
    registry = FinishedJobRegistry(queue=make_queue(many, RESCORE))
    jobs = [make_queue(many, RESCORE).fetch_job(job_id) for job_id in registry.get_job_ids()]
    assert len(jobs) == -(-len(MANY) // 8)
    assert len({job.worker_name for job in jobs}) == 2, "both workers should have taken batches"


def test_queue_apply_reaches_the_same_store_as_in_process(many, candidate, workers, capsys):  # noqa: F811
    start = snapshot(many)
    code, local, _ = run_cli(capsys, "--policy", candidate, "--apply", "--max-change", 100, "--batch-size", 8)
    assert code == 0
    expected = store_state(many)

    restore(many, start)
    wait_for_workers(many, 2, workers)
    code, queued, _ = run_cli(capsys, "--policy", candidate, "--apply", "--max-change", 100, "--batch-size", 8, "--queue")
    assert code == 0 and queued["applied"] == local["applied"] > 0
    assert store_state(many) == expected
