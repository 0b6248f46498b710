"""`calibrate --from-reviews`: hold thresholds move only on enough reviews, only upwards, and never
through a removal rule for severe slurs or threats."""

from __future__ import annotations

import dataclasses
import json
import tomllib
from pathlib import Path

import pytest

from moderation.cli import main
from moderation.learning.calibrate import Options, candidate_text, propose
from moderation.learning.guard import loosened_removals
from moderation.learning.records import ReviewRecord
from moderation.policy import load_policy
from moderation.settings import load_settings

POLICY_PATH = load_settings(environ={}).resolved_policy_path
POLICY = load_policy(POLICY_PATH)
FR_HOLD = POLICY.limits("fr")["toxicity"]["hold"]


def review(i: int, action: str, score: float, language: str = "fr", reasons=("toxicity_hold",), **scores):
    return ReviewRecord(f"c{i}", 1, f"text {i}", language, "hold", tuple(reasons), {"toxicity": score, **scores},
                        (), (), POLICY.version, "stack-v2", action,
                        {"approve": "keep", "reject": "remove"}[action], "alice", 1000.0 + i)


def fr_reviews(n_approved=40, n_rejected=40, low_rejected=0):
    """Approved comments just over the French hold threshold, rejected ones well above it."""
    out = [review(i, "approve", FR_HOLD + 0.01 * (i % 6)) for i in range(n_approved)]
    out += [review(100 + i, "reject", FR_HOLD + 0.06 + 0.0001 * i) for i in range(n_rejected - low_rejected)]
    out += [review(200 + i, "reject", FR_HOLD + 0.005) for i in range(low_rejected)]
    return out


def test_too_few_reviews_propose_nothing_and_say_so():
    calibration = propose(fr_reviews(20, 15), POLICY)
    assert calibration.changes == []
    fr = next(p for p in calibration.proposals if (p.language, p.label) == ("fr", "toxicity"))
    assert fr.proposed == fr.current == FR_HOLD and "too few reviews" in fr.message and "35 reviewed" in fr.message


def test_too_few_reviews_on_the_command_line_write_nothing(tmp_path, capsys):
    path = tmp_path / "reviews.jsonl"
    path.write_text("".join(r.dumps() + "\n" for r in fr_reviews(20, 15)))
    out = tmp_path / "candidate.toml"
    assert main(["calibrate", "--from-reviews", "--reviews", str(path), "-o", str(out)]) == 0
    captured = capsys.readouterr()
    assert not out.exists() and "no change proposed" in captured.err and "too few reviews" in captured.err
    assert json.loads(captured.out)["changes"] == []


def test_false_holds_raise_the_threshold_keeping_the_rejected_held():
    calibration = propose(fr_reviews(), POLICY)
    [change] = calibration.changes
    assert (change.language, change.label) == ("fr", "toxicity")
    assert change.proposed == pytest.approx(FR_HOLD + 0.06)  # above every approved score, under every rejected one
    assert change.after.false_holds == 0 and change.after.rejected_held == change.after.rejected == 40
    assert change.before.false_holds == 40 and change.after.recall_ci[0] > 0.9


def test_the_recall_rule_gives_up_at_most_its_share_of_rejections():
    calibration = propose(fr_reviews(40, 40, low_rejected=4), POLICY, Options(recall=0.95))
    assert calibration.changes == []  # 4 of 40 rejected sit just above the threshold: 90% < 95%
    [change] = propose(fr_reviews(40, 40, low_rejected=4), POLICY, Options(recall=0.90)).changes
    assert change.after.recall == 0.9


def test_a_comment_held_by_another_rule_stays_held():
    reviews = fr_reviews(40, 40) + [review(300 + i, "reject", FR_HOLD + 0.005,
                                           reasons=("toxicity_hold", "lexicon_strong")) for i in range(10)]
    [change] = propose(reviews, POLICY).changes
    assert change.after.rejected_held == 50 and change.proposed == pytest.approx(FR_HOLD + 0.06)


def test_never_above_remove_and_at_most_max_step():
    reviews = [review(i, "approve", 0.96) for i in range(60)] + [review(100 + i, "reject", 0.965) for i in range(20)]
    [change] = propose(reviews, POLICY, Options(max_step=0.5)).changes
    assert change.proposed <= POLICY.limits("fr")["toxicity"]["remove"] - 0.01
    [change] = propose(reviews, POLICY).changes
    assert change.proposed == pytest.approx(FR_HOLD + 0.10)


def severe_and_threat_reviews():
    """Moderators approve everything: quoted severe slurs, threats, derogation, threat-score holds."""
    reasons = [("lexicon_quoted",), ("threat_reported",), ("identity_derogation",), ("threat_hold",),
               ("lexicon_strong", "toxicity_hold"), ("toxicity_hold",)]
    approved = [review(i, "approve", 0.80, language=lang, reasons=reasons[i % len(reasons)], threat=0.9,
                       identity_attack=0.8) for lang in ("en", "fr", "und") for i in range(600)]
    rejected = [review(1000 + i, "reject", 0.95, language=lang, reasons=("toxicity_hold", "identity_attack_hold"),
                       identity_attack=0.95) for lang in ("en", "fr", "und") for i in range(100)]
    return approved + rejected


def test_calibration_never_loosens_severe_slur_or_threat_removals(tmp_path):
    calibration = propose(severe_and_threat_reviews(), POLICY, Options(max_step=0.3))
    assert calibration.changes and {p.label for p in calibration.changes} <= {"toxicity", "identity_attack"}
    text = candidate_text(POLICY_PATH.read_text("utf-8"), calibration, "candidate-1", "test")
    (tmp_path / "c.toml").write_text(text)
    candidate = load_policy(tmp_path / "c.toml")
    before, after = tomllib.loads(POLICY_PATH.read_text()), tomllib.loads(text)
    for section in ("lexicon", "targeted", "language", "profanity"):
        assert after[section] == before[section]
    for language, labels in before["thresholds"].items():
        for label, limits in labels.items():
            assert after["thresholds"][language][label]["remove"] == limits["remove"]
            if label == "threat":
                assert after["thresholds"][language][label] == limits
    assert loosened_removals(POLICY, candidate) == [] and candidate.version == "candidate-1"


@pytest.mark.parametrize("change,expected", [
    ({"remove_severities": frozenset()}, "remove_severities"),
    ({"remove_categories": frozenset()}, "remove_categories"),
    ({"targeted": {**POLICY.targeted, "threat": "hold"}}, "targeted.threat"),
    ({"quoted_hold_at_most": True}, "quoted_hold_at_most"),
])
def test_the_guard_names_every_loosened_removal_rule(change, expected):
    current = dataclasses.replace(POLICY, quoted_hold_at_most=False) if expected == "quoted_hold_at_most" else POLICY
    problems = loosened_removals(current, dataclasses.replace(current, **change))
    assert len(problems) == 1 and expected in problems[0]


def test_the_guard_names_a_raised_remove_threshold():
    thresholds = {lang: {label: dict(limits) for label, limits in labels.items()}
                  for lang, labels in POLICY.label_thresholds.items()}
    thresholds["en"]["toxicity"]["remove"] = 0.99
    problems = loosened_removals(POLICY, dataclasses.replace(POLICY, label_thresholds=thresholds))
    assert problems == ["thresholds.en.toxicity.remove: 0.97 -> 0.99"]


def test_the_command_writes_a_candidate_that_rescore_can_read(tmp_path, capsys):
    path = tmp_path / "reviews.jsonl"
    path.write_text("".join(r.dumps() + "\n" for r in fr_reviews()))
    out = tmp_path / "candidate.toml"
    assert main(["calibrate", "--from-reviews", "--reviews", str(path), "-o", str(out)]) == 0
    captured = capsys.readouterr()
    candidate = load_policy(out)
    assert candidate.limits("fr")["toxicity"]["hold"] == pytest.approx(FR_HOLD + 0.06)
    assert candidate.limits("en") == POLICY.limits("en") and candidate.version.startswith(POLICY.version + "+reviews")
    assert "before hold" in captured.err and "after  hold" in captured.err and "moderation rescore --policy" in captured.err
    assert json.loads(captured.out)["changes"] == [f"fr toxicity: hold {FR_HOLD:.2f} -> {FR_HOLD + 0.06:.2f}"]
