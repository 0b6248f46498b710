"""The second opinion on comments held on the toxicity score alone (moderation/scoring/second_opinion.py,
policy [second_opinion], engine ask_second_opinion; why: moderation/training/second_opinion.py)."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from moderation.engine import Engine
from moderation.policy import Evidence, PolicyError, parse_policy
from moderation.scoring.base import ScorerUnavailable
from moderation.scoring.second_opinion import DEFAULT_PATH, SecondOpinion
from moderation.settings import load_settings
from tests.support.shipped import POLICY_PATH, decide_one, engine, policy  # noqa: F401 (fixtures)

POLICY_TEXT = POLICY_PATH.read_text("utf-8")
# Anger at an institution that the shipped toxicity head holds (0.85) and the second opinion does not.
ANGER = "This is a total farce. Billions wasted and the hospital still isn't built."
# An insult aimed at a reader, with no lexicon term: held on toxicity alone, and the second opinion agrees.
INSULT = "You are a pathetic little man and everyone here laughs at you."


def test_the_shipped_policy_asks_the_second_opinion_and_the_engine_has_it(engine, policy):
    assert policy.second_opinion_keep_below is not None
    assert engine.second_opinion is not None and engine.second_opinion.model_id == "second-opinion-v2"


def test_anger_held_on_toxicity_alone_is_kept_when_the_second_opinion_reads_no_abuse(engine):
    decision = decide_one(engine, ANGER)
    assert decision.decision == "keep" and decision.reasons == []
    opinion = decision.details["second_opinion"]
    assert opinion["model"] == "second-opinion-v2" and opinion["toxicity"] < opinion["keep_below"]
    assert decision.scores["toxicity"] >= engine.policy.thresholds("en")["hold"]  # the head alone holds it
    without = engine.with_policy(dataclasses.replace(engine.policy, second_opinion_keep_below=None))
    held = decide_one(without, ANGER)
    assert held.decision == "hold" and held.reasons == ["toxicity_hold"] and "second_opinion" not in held.details


def test_abuse_the_second_opinion_agrees_with_stays_held(engine):
    decision = decide_one(engine, INSULT)
    assert decision.decision == "hold" and decision.reasons == ["toxicity_hold"]
    assert decision.details["second_opinion"]["toxicity"] >= engine.policy.second_opinion_keep_below


def test_the_second_opinion_is_not_asked_when_other_evidence_speaks(engine):
    decision = decide_one(engine, "T'es vraiment qu'un pauvre type, personne ne t'écoute ici.")
    assert decision.decision == "hold" and "lexicon_strong" in decision.reasons
    assert "second_opinion" not in decision.details
    assert "second_opinion" not in decide_one(engine, "Merci pour cet article.").details  # kept: nothing to ask


def test_the_policy_releases_only_a_toxicity_hold_under_its_bar(policy):
    hold = policy.thresholds("en")["hold"]
    evidence = Evidence("en", (), {"toxicity": hold + 0.05, "threat": 0.0}, names_group=False, names_person=False)
    assert policy.decide(evidence).reasons == ("toxicity_hold",)  # not asked: held
    low = dataclasses.replace(evidence, second_opinion=policy.second_opinion_keep_below - 0.01)
    assert policy.decide(low).outcome == "keep"
    high = dataclasses.replace(evidence, second_opinion=policy.second_opinion_keep_below)
    assert policy.decide(high).reasons == ("toxicity_hold",)
    menacing = dataclasses.replace(low, scores={**low.scores, "threat": policy.second_opinion_threat_under})
    assert policy.decide(menacing).reasons == ("toxicity_hold",)  # the threat head reads intent: not released
    removed = dataclasses.replace(low, scores={"toxicity": policy.thresholds("en")["remove"]})
    assert policy.decide(removed).outcome == "remove"  # the second opinion never outweighs a remove bar
    off = dataclasses.replace(policy, second_opinion_keep_below=None)
    assert off.decide(low).reasons == ("toxicity_hold",)


@pytest.mark.parametrize("line, table", [
    ("toxicity_keep_below = 0.10", "toxicity_keep_below = 1.5"), ("toxicity_keep_below = 0.10", 'toxicity_keep_below = "low"'),
    ("toxicity_keep_below = 0.10", "toxicity_keep_below = true"), ("toxicity_keep_below = 0.10", "threat_keep_below = 0.3"),
    ("threat_under = 0.30", "threat_under = -0.1")])
def test_a_bad_second_opinion_table_is_refused_with_its_name(line, table):
    text = POLICY_TEXT.replace(line, table)
    assert text != POLICY_TEXT
    with pytest.raises(PolicyError, match=r"\[second_opinion\]"):
        parse_policy(text, "test.toml")


def test_without_its_artifact_the_engine_holds_as_before_and_says_so(tmp_path, caplog, policy):
    with pytest.raises(ScorerUnavailable):
        SecondOpinion.load(tmp_path / "missing.json")
    (tmp_path / "not-one.json").write_text('{"kind": "stack"}', "utf-8")
    with pytest.raises(ScorerUnavailable, match="not a second-opinion artifact"):
        SecondOpinion.load(tmp_path / "not-one.json")
    shipped = Engine.from_settings(load_settings({"scorer": "linear"}))
    engine = Engine(shipped.detector, shipped.lexicon, shipped.scorer, shipped.policy, shipped.targets, None)
    assert "second_opinion_unavailable" in caplog.text
    decision = decide_one(engine, ANGER)
    assert decision.decision == "hold" and "second_opinion" not in decision.details


def test_the_shipped_artifact_scores_like_its_weights():
    opinion = SecondOpinion.load(DEFAULT_PATH)
    texts = [ANGER, INSULT]
    from moderation.scoring.encoder import shared_encoder

    embedded = shared_encoder().encode(texts)
    hidden = np.maximum(embedded @ opinion._mlp.hidden + opinion._mlp.hidden_bias, 0.0)
    logits = hidden @ opinion._mlp.output + opinion._mlp.output_bias
    assert np.allclose(opinion.toxicity(texts), 1 / (1 + np.exp(-logits)), atol=1e-6)
    assert opinion.toxicity([]).shape == (0,)
