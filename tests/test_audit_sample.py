"""Audit sample of kept comments ([review] audit_keep_share): chosen by id, kept for the platform, queued
after every hold, counted apart from holds, and what lets `calibrate --from-reviews` lower a threshold."""

from __future__ import annotations

import dataclasses

import pytest

from moderation.learning.agreement import agreement_table
from moderation.learning.calibrate import Options, propose
from moderation.learning.records import ReviewRecord
from moderation.policy import PolicyError, parse_policy
from moderation.store import agreement, keys, lifecycle
from moderation.store.review import list_queue
from moderation.types import AUDIT_REASON
from tests.test_learning_calibrate import FR_HOLD, POLICY, POLICY_PATH, review
from tests.test_lifecycle import accept
from tests.test_store import decision_for


def with_share(text: str, share: str) -> str:
    return text + f"\n[review]\naudit_keep_share = {share}\n"


def test_the_policy_reads_the_share_and_refuses_nonsense():
    text = POLICY_PATH.read_text("utf-8")
    assert parse_policy(text).audit_keep_share == 0.0
    assert parse_policy(with_share(text, "0.1")).audit_keep_share == 0.1
    for bad in ("1.5", "-0.1", '"a tenth"', "true"):
        with pytest.raises(PolicyError, match="audit_keep_share"):
            parse_policy(with_share(text, bad))


def test_the_sample_is_chosen_by_id_so_a_retry_or_rescore_agrees():
    policy = dataclasses.replace(POLICY, audit_keep_share=0.2)
    chosen = [f"c{i}" for i in range(5000) if policy.audits(f"c{i}")]
    assert 900 < len(chosen) < 1100
    assert chosen == [f"c{i}" for i in range(5000) if dataclasses.replace(POLICY, audit_keep_share=0.2).audits(f"c{i}")]
    assert not any(POLICY.audits(f"c{i}") for i in range(1000))  # off by default


def test_the_engine_marks_kept_audit_items_and_nothing_else():
    from moderation.engine import Engine
    from moderation.settings import load_settings
    from moderation.types import CommentInput

    engine = Engine.from_settings(load_settings(environ={}), policy=dataclasses.replace(POLICY, audit_keep_share=1.0))
    kept, removed = engine.decide([CommentInput("a", "What a lovely afternoon at the park.", None, None),
                                   CommentInput("b", "I will kill you, you filthy nigger", None, None)])
    assert kept.decision == "keep" and kept.reasons == [AUDIT_REASON] and kept.details["audit_keep_share"] == 1.0
    assert removed.decision == "remove" and AUDIT_REASON not in removed.reasons


def audit_decision(comment_id, language="fr", toxicity=0.3):
    return {**decision_for(comment_id, "keep", language=language, toxicity=toxicity), "reasons": [AUDIT_REASON],
            "details": {"audit_keep_share": 0.1}}


def test_audit_items_queue_after_every_hold_and_stay_kept(store, redis_client):
    for cid in ("a1", "h1", "k1"):
        accept(store, redis_client, cid)
    store.record_decisions([(1, audit_decision("a1"), 50.0)], job_id="j")  # older than the hold
    store.record_decisions([(1, decision_for("h1", "hold", toxicity=0.01), 100.0)], job_id="j")
    store.record_decisions([(1, decision_for("k1", "keep"), 100.0)], job_id="j")
    page = list_queue(redis_client)
    assert [(i["id"], i["audit"]) for i in page.items] == [("h1", False), ("a1", True)]
    assert store.head("a1")["decision"] == "keep"  # the platform gets keep, not a hold
    assert lifecycle.decision_in_force(store.head("a1"))["value"] == "keep"


def test_a_moderator_removes_an_audit_item_and_it_counts_as_a_miss(store, redis_client):
    accept(store, redis_client, "a1")
    store.record_decisions([(1, audit_decision("a1"), 50.0)], job_id="j")
    [outcome] = lifecycle.decide(redis_client, ["a1"], "reject", "alice")
    assert outcome.ok and store.head("a1")["decision"] == "remove"
    assert redis_client.zscore(keys.REVIEW_QUEUE, "a1") is None
    cell = agreement.table(redis_client)["language"]["fr"]
    assert (cell["audit_missed"], cell["rejected"], cell["approved"], cell["audit_miss_rate"]) == (1, 0, 0, 1.0)
    assert agreement.daily(redis_client) == []  # not a hold: no false-hold rate that day


def audited(i, action, score, language="fr", share=0.1):
    base = review(i, action, score, language=language, reasons=(AUDIT_REASON,))
    return dataclasses.replace(base, machine_decision="keep", audit_keep_share=share)


def held_reviews():
    """60 French toxicity holds, all rejected but a few: raising the threshold is not what they argue for."""
    return [review(i, "reject" if i % 6 else "approve", FR_HOLD + 0.02 + 0.001 * i) for i in range(60)]


def test_audited_misses_lower_the_threshold_within_the_step():
    misses = [audited(1000 + i, "reject", FR_HOLD - 0.04) for i in range(8)]
    fine = [audited(2000 + i, "approve", 0.05 + 0.001 * i) for i in range(80)]
    calibration = propose(held_reviews() + misses + fine, POLICY)
    fr = next(p for p in calibration.proposals if (p.language, p.label) == ("fr", "toxicity"))
    assert fr.moved and fr.proposed == pytest.approx(FR_HOLD - 0.04) and fr.message.startswith("lowered")
    assert (fr.audited, fr.audited_missed) == (88, 8)
    # each audited keep stands for 10: 80 missed before, none after, and no benign audited keep newly held
    assert fr.before.rejected == 50 + 80 and fr.before.rejected_held == 50 and fr.after.rejected_held == 130
    assert fr.after.false_holds == fr.before.false_holds


def test_few_audited_keeps_never_lower_anything():
    misses = [audited(1000 + i, "reject", FR_HOLD - 0.04) for i in range(3)]
    fine = [audited(2000 + i, "approve", 0.05) for i in range(20)]
    fr = next(p for p in propose(held_reviews() + misses + fine, POLICY).proposals
              if (p.language, p.label) == ("fr", "toxicity"))
    assert fr.proposed <= FR_HOLD + 1e-9 or fr.message.startswith("raised")
    assert not fr.message.startswith("lowered") and "too few audited keeps" in fr.message


def test_lowering_stops_where_benign_keeps_begin_under_a_false_hold_rule():
    misses = [audited(1000 + i, "reject", FR_HOLD - 0.02) for i in range(10)]
    benign = [audited(2000 + i, "approve", FR_HOLD - 0.05) for i in range(60)]
    options = Options(false_hold_rate=0.5)
    fr = next(p for p in propose(held_reviews() + misses + benign, POLICY, options).proposals
              if (p.language, p.label) == ("fr", "toxicity"))
    assert fr.proposed == pytest.approx(FR_HOLD - 0.04)  # the lowest that keeps at most half of the held approved


def test_audit_reviews_count_apart_from_holds_offline():
    table = agreement_table([audited(1, "reject", 0.2), audited(2, "approve", 0.1), review(3, "approve", 0.9)])
    fr = table["language"]["fr"]
    assert (fr.approved, fr.rejected, fr.audit_kept, fr.audit_missed) == (1, 0, 1, 1)


def test_records_round_trip_the_share():
    record = audited(1, "reject", 0.2)
    assert ReviewRecord.from_json(record.to_json()).audit_keep_share == 0.1 and record.audit
