"""The replay at small scale, with a real redis-server, gunicorn and worker: labelled forum messages
posted through the webhook, every held one decided by a scripted moderator through the review API,
then the review records, `export --reviews` and `calibrate --from-reviews` read from that store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from moderation.cli import main
from moderation.learning.records import iter_review_records
from moderation.learning.replay import load_rows, measure, post_all, scripted_moderator, split_rows
from tests.conftest import REVIEW_TOKEN

pytestmark = pytest.mark.e2e
FORUM = Path(__file__).resolve().parents[3] / "shared" / "data" / "fr_toxifrench_agreement_sample.csv"


@pytest.mark.skipif(not FORUM.is_file(), reason="../shared/data not present")
def test_replay_through_the_service(make_service, monkeypatch, tmp_path, capsys):
    reviewed, later = split_rows(load_rows(FORUM, prefix="forum"), 40)
    rows = reviewed[:80]
    service = make_service()
    service.start_worker()
    answers = post_all(service.client, rows, timeout=120)
    held = {i for i, a in answers.items() if a["decision"]["decision"] == "hold"}
    assert held, "no comment held: nothing to replay"
    labels = {r.id: r.label for r in rows}
    done = scripted_moderator(service.url, REVIEW_TOKEN, labels)
    assert done["approve"] + done["reject"] == len(held) and done["unknown"] == 0
    assert service.store.review_ids() == []

    records = list(iter_review_records(service.store))
    assert {r.comment_id for r in records} == held
    assert all(r.rejected == bool(labels[r.comment_id]) and r.moderator for r in records)
    assert all(r.text == next(x.text for x in rows if x.id == r.comment_id) and r.scores for r in records)

    monkeypatch.setenv("MODERATION_REDIS_URL", service.redis.url)
    assert main(["export", "--reviews", "-o", str(tmp_path / "reviews.jsonl")]) == 0
    lines = [json.loads(line) for line in (tmp_path / "reviews.jsonl").read_text().splitlines()]
    assert sorted(line["comment_id"] for line in lines) == sorted(held)

    capsys.readouterr()
    assert main(["calibrate", "--from-reviews", "-o", str(tmp_path / "candidate.toml")]) == 0
    captured = capsys.readouterr()
    assert "too few reviews" in captured.err and not (tmp_path / "candidate.toml").exists()  # fewer than 50

    decisions = [a["decision"] for a in answers.values()]
    figures = measure(decisions, rows)["all"]
    assert figures["n"] == len(rows) and figures["toxic"] == sum(labels.values())
    assert figures["false_holds"] == done["approve"]  # the scripted moderator approves exactly the benign holds
