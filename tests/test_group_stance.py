"""The group-stance reading of comments about a group that the model heads alone hold
(moderation/scoring/group_stance.py, policy [group_stance], engine ask_group_stance; why:
moderation/training/group_stance.py)."""

from __future__ import annotations

import dataclasses
import re

import numpy as np
import pytest

from moderation.engine import Engine
from moderation.policy import Evidence, PolicyError, parse_policy
from moderation.scoring.base import ScorerUnavailable
from moderation.scoring.group_stance import DEFAULT_PATH, MODEL_ID, GroupStance, StanceScores
from moderation.types import CommentInput
from tests.support.shipped import POLICY_PATH, decide_one, engine, policy  # noqa: F401 (fixtures)

POLICY_TEXT = POLICY_PATH.read_text("utf-8")
MODEL_HOLDS = {"toxicity_hold", "identity_attack_hold", "threat_group_hold"}
# Benign, naming a group, held by the identity_attack head alone (0.59 against 0.47 on stack-v8);
# the tests below set the bars around whatever the shipped reading scores it.
NEIGHBOUR = "My Jewish neighbour is ninety and still shovels the snow off everyone's path."
# Dehumanising, with no lexicon term or rule: held by the heads alone, and the reading agrees.
GANGRENE = "Les immigrés, c'est comme une gangrène qui ronge le pays."


def with_bars(engine, written, mixed):
    """The engine with these strict bars and no calm bars (those have their own tests below)."""
    return engine.with_policy(dataclasses.replace(engine.policy, group_stance_written_below=written,
                                                  group_stance_mixed_below=mixed,
                                                  group_stance_calm_written_below=None))


def test_the_shipped_policy_asks_the_reading_and_the_engine_has_it(engine, policy):
    assert policy.group_stance_written_below is not None and policy.group_stance_mixed_below > 0
    assert engine.group_stance is not None and engine.group_stance.model_id == MODEL_ID
    assert engine.versions["group_stance"] == MODEL_ID


def test_a_hold_by_the_heads_alone_is_released_only_under_both_bars(engine):
    held = decide_one(with_bars(engine, 0.0, 0.0), NEIGHBOUR)  # asked, and no score is under 0
    assert held.decision == "hold" and set(held.reasons) <= MODEL_HOLDS
    stance = held.details["group_stance"]
    assert stance["model"] == MODEL_ID
    written, mixed = stance["written"], stance["mixed"]
    released = decide_one(with_bars(engine, written + 0.01, mixed + 0.01), NEIGHBOUR)
    assert released.decision == "keep" and released.reasons == []
    assert released.details["group_stance"]["keep_below"] == {"written": written + 0.01, "mixed": mixed + 0.01}
    assert released.scores == held.scores  # the heads' scores stay on the record
    # a bar under either score (the details are rounded to four places) holds
    assert decide_one(with_bars(engine, written - 0.001, mixed + 0.01), NEIGHBOUR).decision == "hold"
    assert decide_one(with_bars(engine, written + 0.01, mixed - 0.001), NEIGHBOUR).decision == "hold"
    off = decide_one(with_bars(engine, None, 1.0), NEIGHBOUR)
    assert off.decision == "hold" and off.reasons == held.reasons and "group_stance" not in off.details


def test_hate_the_reading_agrees_with_stays_held(engine, policy):
    decision = decide_one(engine, GANGRENE)
    assert decision.decision == "hold" and set(decision.reasons) <= MODEL_HOLDS
    stance = decision.details["group_stance"]
    assert stance["written"] >= policy.group_stance_written_below and stance["mixed"] >= policy.group_stance_mixed_below


@pytest.mark.parametrize("text, why", [
    ("Muslims are vermin and should be treated like it.", "a lexicon term"),
    ("Some people here talk about trans women as if they were monsters; the ones I know are teachers.", "a rule"),
    ("You are a pathetic little man and everyone here laughs at you.", "no group"),
])
def test_the_reading_is_not_asked_when_other_evidence_speaks_or_no_group_is_named(engine, text, why):
    decision = with_bars(engine, 1.0, 1.0).decide([CommentInput(id="c1", text=text)])[0]  # bars that release anything asked
    assert decision.decision != "keep", why
    assert "group_stance" not in decision.details, why


def test_the_policy_releases_a_heads_hold_under_both_bars_never_a_remove(policy):
    policy = dataclasses.replace(policy, group_stance_calm_written_below=None)  # the strict bars alone
    limits = policy.limits("en")
    evidence = Evidence("en", (), {"identity_attack": limits["identity_attack"]["hold"] + 0.05, "toxicity": 0.1},
                        names_group=True, names_person=False)
    assert policy.decide(evidence).reasons == ("identity_attack_hold",)  # not asked: held
    below = StanceScores(policy.group_stance_written_below - 0.01, policy.group_stance_mixed_below - 0.01)
    assert policy.decide(dataclasses.replace(evidence, group_stance=below)).outcome == "keep"
    for stance in (StanceScores(policy.group_stance_written_below, 0.0), StanceScores(0.0, policy.group_stance_mixed_below)):
        assert policy.decide(dataclasses.replace(evidence, group_stance=stance)).reasons == ("identity_attack_hold",)
    removed = Evidence("en", (), {"toxicity": limits["toxicity"]["remove"]}, names_group=True, names_person=False,
                       group_stance=below)
    assert policy.decide(removed).outcome == "remove"  # the reading never outweighs a remove bar
    off = dataclasses.replace(policy, group_stance_written_below=None)
    assert off.decide(dataclasses.replace(evidence, group_stance=below)).reasons == ("identity_attack_hold",)


@pytest.mark.parametrize("key, line", [
    ("written_keep_below", "written_keep_below = 1.5"), ("written_keep_below", 'written_keep_below = "low"'),
    ("mixed_keep_below", "mixed_keep_below = -0.1"), ("mixed_keep_below", "other_keep_below = 0.5"),
    ("calm_written_keep_below", "calm_written_keep_below = 1.5"),
    ("calm_mixed_keep_below", 'calm_mixed_keep_below = "high"')])
def test_a_bad_group_stance_table_is_refused_with_its_name(key, line):
    text = re.sub(rf"(?m)^{key} = .*$", line, POLICY_TEXT, count=1)
    assert text != POLICY_TEXT
    with pytest.raises(PolicyError, match=r"\[group_stance\]"):
        parse_policy(text, "test.toml")


def test_without_its_artifact_the_engine_holds_as_before_and_says_so(tmp_path, caplog, engine):
    with pytest.raises(ScorerUnavailable):
        GroupStance.load(tmp_path / "missing.json")
    (tmp_path / "not-one.json").write_text('{"kind": "second_opinion"}', "utf-8")
    with pytest.raises(ScorerUnavailable, match="not a group-stance artifact"):
        GroupStance.load(tmp_path / "not-one.json")
    without = Engine(engine.detector, engine.lexicon, engine.scorer, dataclasses.replace(
        engine.policy, group_stance_written_below=1.0, group_stance_mixed_below=1.0), engine.targets, engine.second_opinion)
    assert decide_one(with_bars(engine, 1.0, 1.0), NEIGHBOUR).decision == "keep"  # with the artifact, released
    assert "group_stance_unavailable" in caplog.text
    decision = decide_one(without, NEIGHBOUR)
    assert decision.decision == "hold" and "group_stance" not in decision.details


def test_the_shipped_artifact_scores_like_its_weights():
    stance = GroupStance.load(DEFAULT_PATH)
    from moderation.scoring.encoder import shared_encoder

    texts = [NEIGHBOUR, GANGRENE]
    embedded = shared_encoder().encode(texts)
    for name in ("written", "mixed"):
        assert len(stance._heads[name]) == 3  # one per training seed, averaged
        probabilities = [1 / (1 + np.exp(-(np.maximum(embedded @ head.hidden + head.hidden_bias, 0.0) @ head.output
                                           + head.output_bias))) for head in stance._heads[name]]
        assert np.allclose([getattr(s, name) for s in stance.read(texts)], np.mean(probabilities, axis=0), atol=1e-6)
    assert stance.read([]) == []


def test_the_calm_bars_release_only_a_comment_without_violence_or_a_turned_denial(policy):
    limits = policy.limits("en")
    strict = dataclasses.replace(policy, group_stance_written_below=0.05, group_stance_mixed_below=0.5,
                                 group_stance_calm_written_below=0.2, group_stance_calm_mixed_below=0.7)
    between = StanceScores(0.1, 0.6)  # over the strict bars, under the calm ones
    evidence = Evidence("en", (), {"identity_attack": limits["identity_attack"]["hold"] + 0.05, "toxicity": 0.1},
                        names_group=True, names_person=False, group_stance=between)
    assert strict.decide(evidence).outcome == "keep"
    assert strict.decide(dataclasses.replace(evidence, speaks_of_violence=True)).reasons == ("identity_attack_hold",)
    assert strict.decide(dataclasses.replace(evidence, denial_turned=True)).reasons == ("identity_attack_hold",)
    for over in (StanceScores(0.2, 0.0), StanceScores(0.0, 0.7)):
        assert strict.decide(dataclasses.replace(evidence, group_stance=over)).reasons == ("identity_attack_hold",)
    no_calm = dataclasses.replace(strict, group_stance_calm_written_below=None)
    assert no_calm.decide(evidence).reasons == ("identity_attack_hold",)
    # under the strict bars, violence does not matter (those bars were chosen without the distinction)
    assert strict.decide(dataclasses.replace(evidence, group_stance=StanceScores(0.01, 0.1),
                                             speaks_of_violence=True)).outcome == "keep"


def test_the_engine_says_whether_a_comment_was_calm_and_reads_its_words_of_violence(engine):
    calm_bars = dataclasses.replace(engine.policy, group_stance_written_below=0.0, group_stance_mixed_below=0.0,
                                    group_stance_calm_written_below=1.0, group_stance_calm_mixed_below=1.0)
    released = decide_one(engine.with_policy(calm_bars), NEIGHBOUR)
    assert released.decision == "keep"
    assert released.details["group_stance"]["calm"] is True
    assert released.details["group_stance"]["calm_keep_below"] == {"written": 1.0, "mixed": 1.0}
    # "beat" is a word of violence to moderation/unvoiced.py even at chess: the calm bars are cautious
    violent = NEIGHBOUR.replace(".", ", and he can still beat me at chess.")
    decision = decide_one(engine.with_policy(calm_bars), violent)
    assert decision.decision == "hold" and decision.details["group_stance"]["calm"] is False

