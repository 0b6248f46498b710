"""Retention (moderation/store/retention.py) on a real redis-server: texts and evidence of decided,
delivered comments go after text_retention_days, the compact record after record_retention_days;
held comments stay until a moderator decides; an edit starts over; rescoring skips expired texts."""

from __future__ import annotations

import random
import time

import pytest

from moderation.settings import SettingsError, load_settings
from moderation.store import Store, keys
from moderation.store.lifecycle.accept import accept_comments
from moderation.store.models import loads
from moderation.store.retention import sweep
from moderation.store.lifecycle.moderate import decide as moderator_decides
from moderation.types import CommentInput
from tests.support.rescore_store import incoming, seed
from tests.test_rescore_store import engine, rescore  # noqa: F401 - fixtures

DAY = 86400.0
KEEP = ["Thank you for this article, it explains the situation clearly.",
        "Great piece, I learned a lot about the new tram line.",
        "Please fix the typo in the second paragraph."]
HOLD = "You sound like a complete fool."  # held by the shipped policy (toxicity_hold)


@pytest.fixture
def stored(redis_client, engine):  # noqa: F811
    comments = [{"id": f"k{i}", "text": t, "article": "a1"} for i, t in enumerate(KEEP)]
    comments.append({"id": "h1", "text": HOLD, "article": "a1"})
    seed(redis_client, engine, comments)
    assert Store(redis_client).head("h1")["decision"] == "hold"
    assert {Store(redis_client).head(f"k{i}")["decision"] for i in range(len(KEEP))} == {"keep"}
    return redis_client


def retention(**overrides):
    return load_settings(overrides, environ={})


def texts_left(redis) -> set[str]:
    """Keys still holding a text (revisions) or evidence (decisions)."""
    revs = {k.decode() for k in redis.scan_iter("mod:rev:*") if "text" in loads(redis.get(k))}
    return revs | {k.decode() for k in redis.scan_iter("mod:decision:*") if "scores" in loads(redis.get(k))}


def test_settings_default_to_30_days_and_a_year_and_are_checked():
    settings = load_settings(environ={})
    assert (settings.text_retention_days, settings.record_retention_days) == (30.0, 365.0)
    env = {"MODERATION_TEXT_RETENTION_DAYS": "7", "MODERATION_RECORD_RETENTION_DAYS": "90"}
    assert load_settings(environ=env).text_retention_days == 7.0
    with pytest.raises(SettingsError, match="record_retention_days"):
        load_settings(environ={"MODERATION_RECORD_RETENTION_DAYS": "10"})
    with pytest.raises(SettingsError, match="text_retention_days"):
        load_settings(environ={"MODERATION_TEXT_RETENTION_DAYS": "-1"})


def test_nothing_expires_before_its_time(stored):
    before = texts_left(stored)
    assert sweep(stored, retention(), now=time.time() + 29 * DAY)["text"]["finished"] == 0
    assert texts_left(stored) == before


def test_decided_texts_expire_held_ones_stay(stored, client):
    done = sweep(stored, retention(), now=time.time() + 31 * DAY)
    assert done["text"]["finished"] == len(KEEP)
    assert texts_left(stored) == {keys.revision("h1", 1), keys.decision("h1", 1)}
    head = Store(stored).head("k0")
    assert head["decision"] == "keep" and "text_expired_at" in head
    assert stored.zscore(keys.RETENTION_TEXT_WAITING, "h1") is not None  # looked at again later
    answer = client.get("/v1/comments/k0", headers={"Authorization": "Bearer test-moderator-token"}).get_json()
    assert answer["outcome"] == "keep" and answer["revisions"] == [] and answer["decision"] is None
    assert answer["text_expired_at"] > 0 and [e["type"] for e in answer["history"]] == ["received", "decided"]


def test_a_held_comment_waits_for_its_moderator(stored):
    settings = retention()
    sweep(stored, settings, now=time.time() + 40 * DAY)
    sweep(stored, settings, now=time.time() + 400 * DAY)  # a year and more: still waiting
    assert Store(stored).head("h1")["decision"] == "hold"
    assert keys.revision("h1", 1) in texts_left(stored)
    assert [o.status for o in moderator_decides(stored, ["h1"], "reject", "alice")] == ["ok"]
    sweep(stored, settings, now=time.time() + 401 * DAY)  # long after the moderator's decision
    assert texts_left(stored) == set()
    sweep(stored, settings, now=time.time() + 2 * 365 * DAY)
    assert Store(stored).head("h1") is None


def test_records_go_after_a_year_with_their_indexes(stored):
    settings = retention()
    sweep(stored, settings, now=time.time() + 31 * DAY)
    sweep(stored, settings, now=time.time() + 366 * DAY)
    assert Store(stored).head("k0") is None and Store(stored).history("k0") == []
    assert stored.zscore(keys.INDEX_RECEIVED, "k0") is None
    assert stored.zscore(keys.article_index("a1"), "k0") is None
    assert all(stored.zscore(keys.language_index(lang), "k0") is None for lang in ("en", "fr", "und"))
    assert Store(stored).head("h1") is not None  # still held


def test_undelivered_decisions_keep_their_text(stored):
    settings = retention(callback_url="http://127.0.0.1:9/decisions")
    sweep(stored, settings, now=time.time() + 31 * DAY)
    assert len(texts_left(stored)) == 2 * (len(KEEP) + 1)  # no delivery recorded yet: nothing goes
    Store(stored).record_delivery("k0", 1, "delivered", 1, "2xx")
    sweep(stored, settings, now=time.time() + 62 * DAY)
    assert keys.revision("k0", 1) not in texts_left(stored)
    assert keys.revision("k1", 1) in texts_left(stored)


def test_an_edit_after_expiry_keeps_the_new_text_for_its_own_retention(stored, engine):  # noqa: F811
    settings = retention()
    sweep(stored, settings, now=time.time() + 31 * DAY)
    accept_comments(stored, [incoming({"id": "k0", "text": "Edited: thanks again, very clear."})],
                    lambda pipe, items: ["job"] * len(items))
    assert "text_expired_at" not in Store(stored).head("k0")
    sweep(stored, settings, now=time.time() + 1 * DAY)
    assert keys.revision("k0", 2) in texts_left(stored)
    trail = [(e["type"], e["revision"]) for e in Store(stored).history("k0")]
    assert trail == [("received", 1), ("decided", 1), ("received", 2)]  # the first revision's still there
    assert Store(stored).history("k0")[0]["hash"]


def test_rescoring_skips_expired_texts_and_says_how_many(stored, rescore):  # noqa: F811
    sweep(stored, retention(), now=time.time() + 31 * DAY)
    code, summary, err = rescore()
    assert code == 0
    assert summary["skipped_expired"] == len(KEEP) and summary["errors"] == 0
    assert f"skipped {len(KEEP)} comments whose text retention deleted" in err


def test_expiry_frees_the_memory(redis_client, engine):  # noqa: F811
    words = ("tram council budget street mayor school river bridge market summer winter station library "
             "parking bakery garden museum hospital election traffic").split()
    rng = random.Random(7)
    texts = [" ".join(rng.choice(words) for _ in range(40))[:250] for _ in range(500)]  # ~250 varied chars
    seed(redis_client, engine, [{"id": f"m{i}", "text": t} for i, t in enumerate(texts)])
    settings = retention(text_retention_days=1, record_retention_days=2)
    sweep(redis_client, settings)  # nothing due yet: loads the scripts, writes the cursors
    used = redis_client.info("memory")["used_memory"]
    sweep(redis_client, settings, now=time.time() + 1.5 * DAY)
    after_texts = redis_client.info("memory")["used_memory"]
    # each text and its evidence went; their received and decided events moved into a history list
    # (store/history.py), which costs less than the records did
    held = set(Store(redis_client).review_ids())
    assert after_texts < used and {key.rsplit(":", 1)[1] for key in texts_left(redis_client)} == held
    sweep(redis_client, settings, now=time.time() + 3 * DAY)
    assert used - redis_client.info("memory")["used_memory"] > (500 - len(held)) * 600  # record, trail, indexes
    assert redis_client.zcard(keys.INDEX_RECEIVED) == len(held)


def test_the_sweep_resumes_after_its_cursor(redis_client, engine):  # noqa: F811
    comments = [{"id": f"c{i:04d}", "text": KEEP[i % 3]} for i in range(1200)]
    seed(redis_client, engine, comments)
    settings = retention()
    first = sweep(redis_client, settings, now=time.time() + 31 * DAY, limit=700)
    assert first["text"]["looked"] == 700
    second = sweep(redis_client, settings, now=time.time() + 31 * DAY, limit=700)
    assert second["text"]["looked"] == 500 and texts_left(redis_client) == set()


def test_the_audit_trail_is_the_same_before_and_after_expiry(stored, engine):  # noqa: F811
    accept_comments(stored, [incoming({"id": "k1", "text": "Edited: a second revision."})],
                    lambda pipe, items: ["job"] * len(items))
    store = Store(stored)
    revision = store.revisions([("k1", 2)])[0]
    decision = engine.decide([CommentInput("k1", revision["text"])])[0].to_json()
    store.record_decisions([(2, decision, revision["received_at"])], job_id="j2")
    store.record_delivery("k0", 1, "delivered", 1, "2xx")
    before = {cid: store.history(cid) for cid in ("k0", "k1", "k2")}
    sweep(stored, retention(), now=time.time() + 31 * DAY)
    assert all("text_expired_at" in store.head(cid) for cid in before)
    assert {cid: store.history(cid) for cid in before} == before
    assert [e["type"] for e in before["k0"]] == ["received", "decided", "delivered"]
    assert [e["type"] for e in before["k1"]] == ["received", "decided", "received", "decided"]
