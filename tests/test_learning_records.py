"""Review records read from a real redis-server through Store: one per moderator decision, with the
machine evidence of the revision decided, text gone once retention removed it."""

from __future__ import annotations

import time

import pytest

from moderation.learning.records import ReviewRecord, iter_review_records, read_records
from moderation.settings import load_settings
from moderation.store.lifecycle import moderate as review_actions
from moderation.store.retention import sweep
from tests.support.review_seed import comment, make_engine, moderate


@pytest.fixture(scope="module")
def engine():
    return make_engine()


@pytest.fixture
def reviewed(store, engine, redis_client):
    moderate(store, engine, [
        comment("en-1", "Shut up you idiot, scumbag.", article="a1"),
        comment("fr-1", "Tu es un connard", article="a2", language="fr"),
        comment("ok-1", "Thanks for this careful and balanced article."),
        comment("en-2", "You moron, nobody asked.", article="a1"),
    ])
    review_actions.decide(redis_client, ["en-1"], "approve", "alice", reason="quoting a film", now=time.time())
    review_actions.decide(redis_client, ["fr-1"], "reject", "bob", now=time.time())
    return store


def test_one_record_per_moderator_decision_with_the_machine_evidence(reviewed):
    records = {r.comment_id: r for r in iter_review_records(reviewed)}
    assert set(records) == {"en-1", "fr-1"}  # en-2 is still queued, ok-1 was never held
    en, fr = records["en-1"], records["fr-1"]
    assert (en.action, en.outcome, en.moderator, en.reason) == ("approve", "keep", "alice", "quoting a film")
    assert (fr.action, fr.outcome, fr.moderator, fr.reason) == ("reject", "remove", "bob", None)
    assert en.text == "Shut up you idiot, scumbag." and en.revision == 1 and en.machine_decision == "hold"
    assert en.language == "en" and fr.language == "fr" and "lexicon_strong" in en.reasons
    assert "insult" in en.lexicon_categories and any(h["term"] == "scumbag" for h in en.lexicon_hits)
    assert en.model == "fixed-test-scorer" and en.policy_version and en.scores["toxicity"] == pytest.approx(0.2)


def test_since_selects_decisions_by_when_the_moderator_decided(reviewed, redis_client):
    later = time.time() + 100
    review_actions.decide(redis_client, ["en-2"], "reject", "alice", now=later)
    assert [r.comment_id for r in iter_review_records(reviewed, since=later - 1)] == ["en-2"]
    assert {r.comment_id for r in iter_review_records(reviewed, until=later - 1)} == {"en-1", "fr-1"}


def test_json_round_trip(reviewed):
    records = list(iter_review_records(reviewed))
    lines = [r.dumps() for r in records]
    assert list(read_records(lines)) == records
    assert ReviewRecord.from_json({**records[0].to_json(), "field_from_a_later_version": 1}) == records[0]


def test_retention_removes_the_text_but_not_the_decision(reviewed, redis_client):
    sweep(redis_client, load_settings(environ={}), now=time.time() + 31 * 86400)
    records = {r.comment_id: r for r in iter_review_records(reviewed)}
    assert set(records) == {"en-1", "fr-1"}
    en = records["en-1"]
    assert en.text is None and en.scores == {} and en.lexicon_hits == ()
    assert en.action == "approve" and en.machine_decision == "hold" and "lexicon_strong" in en.reasons
