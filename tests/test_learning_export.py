"""`moderation export --reviews` on a real redis-server: one line per moderator decision with the
machine evidence; after retention removed a text, its line has no text."""

from __future__ import annotations

import gzip
import json
import time

import pytest

from moderation.cli import main
from moderation.settings import load_settings
from moderation.store.lifecycle import moderate as review_actions
from moderation.store.retention import sweep
from tests.support.review_seed import comment, make_engine, moderate


@pytest.fixture(scope="module")
def engine():
    return make_engine()


@pytest.fixture
def reviewed(store, engine, redis_client, redis_server, monkeypatch):
    monkeypatch.setenv("MODERATION_REDIS_URL", redis_server.url)
    moderate(store, engine, [comment("en-1", "Shut up you idiot, scumbag.", article="a1"),
                             comment("fr-1", "Tu es un connard", article="a2", language="fr"),
                             comment("ok-1", "Thanks for this careful article.")])
    review_actions.decide(redis_client, ["en-1"], "approve", "alice")
    review_actions.decide(redis_client, ["fr-1"], "reject", "bob", reason="insult")
    return redis_client


def lines(path) -> list[dict]:
    opener = gzip.open if str(path).endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def test_reviews_export_has_evidence_and_decision(reviewed, tmp_path):
    out = tmp_path / "reviews.jsonl.gz"
    assert main(["export", "--reviews", "-o", str(out)]) == 0
    rows = {row["comment_id"]: row for row in lines(out)}
    assert set(rows) == {"en-1", "fr-1"} and not (tmp_path / "reviews.jsonl.gz.part").exists()
    fr = rows["fr-1"]
    assert fr["text"] == "Tu es un connard" and fr["action"] == "reject" and fr["outcome"] == "remove"
    assert fr["reason"] == "insult" and fr["moderator"] == "bob" and fr["machine_decision"] == "hold"
    assert fr["scores"]["toxicity"] > 0 and fr["reasons"] and fr["lexicon_hits"] and fr["policy_version"]


def test_reviews_export_selects_by_article_and_decision_time(reviewed, tmp_path):
    out = tmp_path / "a2.jsonl"
    assert main(["export", "--reviews", "--article", "a2", "-o", str(out)]) == 0
    assert [row["comment_id"] for row in lines(out)] == ["fr-1"]
    assert main(["export", "--reviews", "--since", str(time.time() + 60), "-o", str(out)]) == 0
    assert lines(out) == []


def test_reviews_export_after_retention_has_no_text(reviewed, tmp_path):
    sweep(reviewed, load_settings(environ={}), now=time.time() + 31 * 86400)
    out = tmp_path / "after.jsonl"
    assert main(["export", "--reviews", "-o", str(out)]) == 0
    rows = {row["comment_id"]: row for row in lines(out)}
    assert set(rows) == {"en-1", "fr-1"}
    assert all(row["text"] is None and row["lexicon_hits"] == [] and row["scores"] == {} for row in rows.values())
    assert rows["fr-1"]["action"] == "reject" and "lexicon_strong" in rows["fr-1"]["reasons"]
