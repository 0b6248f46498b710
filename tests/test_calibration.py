"""The threshold rule of config/policy.toml: computed by code, and the shipped policy follows it."""

from __future__ import annotations

import dataclasses
import json
import logging
import re
from pathlib import Path

import numpy as np
import pytest

from moderation.cli import main
from moderation.engine import Engine
from moderation.settings import load_settings
from moderation.training.calibrate import Calibration, calibrate, disagreements, hold_threshold

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
needs_shared = pytest.mark.skipif(not (SHARED / "hateday_fr.csv").is_file(), reason="../shared/data not present")


def test_hold_threshold_is_the_lowest_two_decimal_score_holding_at_most_the_share():
    scores = np.arange(100) / 100  # 0.00 .. 0.99
    assert hold_threshold(scores, 0.05) == 0.95  # holds 0.95..0.99: 5 of 100
    assert hold_threshold(scores, 0.10) == 0.90
    assert hold_threshold(scores, 0.049) == 0.96  # one fewer comment


def test_hold_threshold_rounds_up_not_to_nearest():
    # 0.472 is the 95th percentile; 0.47 would hold 6 of 100 (6%), so the rule says 0.48.
    scores = np.concatenate([np.full(94, 0.1), [0.471, 0.472, 0.5, 0.6, 0.7, 0.8]])
    assert hold_threshold(scores, 0.05) == 0.48


def test_a_scorer_that_saturates_on_benign_comments_gets_no_threshold():
    with pytest.raises(ValueError, match="score 1.00"):
        hold_threshold(np.ones(50), 0.05)


def test_disagreements_name_the_language_label_and_both_values():
    engine = Engine.from_settings(load_settings())
    calibrated = Calibration({"fr": {"toxicity": 0.11}, "en": {"toxicity": engine.policy.thresholds("en")["hold"]}},
                             {"fr": 1, "en": 1})
    found = disagreements(calibrated, engine.policy, engine.scorer.model_id)
    assert len(found) == 1 and found[0].startswith("fr toxicity: policy hold") and "calibrated 0.11" in found[0]


@needs_shared
def test_shipped_policy_follows_the_rule_for_the_shipped_model():
    engine = Engine.from_settings(load_settings())
    calibration = calibrate(engine, SHARED)
    assert calibration.benign == {"en": 2862, "fr": 116}
    assert disagreements(calibration, engine.policy, engine.scorer.model_id) == []


@needs_shared
def test_calibrate_check_fails_on_a_policy_off_the_rule(tmp_path, monkeypatch, capsys):
    shipped = Path(load_settings().resolved_policy_path).read_text("utf-8")
    edited = shipped.replace('version = "', 'version = "off-rule-', 1)
    fr_block = edited.index("[thresholds.fr]")
    edited = edited[:fr_block] + re.sub(r"toxicity = \{ hold = [0-9.]+", "toxicity = { hold = 0.20", edited[fr_block:], count=1)
    (tmp_path / "policy.toml").write_text(edited, "utf-8")
    monkeypatch.setenv("MODERATION_POLICY_PATH", str(tmp_path / "policy.toml"))
    assert main(["calibrate", "--check", "--data-dir", str(SHARED)]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["policy_version"].startswith("off-rule-")
    assert [d.split(":")[0] for d in report["differences"]] == ["fr toxicity"]


def test_a_policy_calibrated_for_another_scorer_is_reported(caplog):
    engine = Engine.from_settings(load_settings())
    assert engine.policy.calibrated_for == engine.scorer.model_id == "stack-v8"
    other = dataclasses.replace(engine.policy, calibrated_for="detoxify-multilingual-0123abcd")
    with caplog.at_level(logging.WARNING, logger="moderation.engine"):
        engine.with_policy(other)
    assert "calibrated for detoxify-multilingual-0123abcd, but the scorer is stack-v8" in caplog.text
    empty = Calibration({}, {})
    assert disagreements(empty, other, "stack-v8")[0].startswith("calibrated_for: policy")
    assert disagreements(empty, engine.policy, "stack-v8") == []


def test_the_shipped_scorer_and_policy_agree_without_a_warning(caplog):
    with caplog.at_level(logging.WARNING, logger="moderation.engine"):
        Engine.from_settings(load_settings())
    assert "policy_not_calibrated_for_scorer" not in caplog.text


def test_calibrate_without_the_data_folder_says_so(tmp_path, capsys):
    assert main(["calibrate", "--data-dir", str(tmp_path / "missing")]) == 2
    assert "cannot read the development data" in capsys.readouterr().err
