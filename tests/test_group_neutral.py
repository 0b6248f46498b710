"""Reading a comment with the identity groups it names made neutral (moderation/group_neutral.py),
and the policy rule that reads it ([group_mentions] in config/policy.toml)."""

import dataclasses

import pytest

from moderation.engine import Engine
from moderation.group_neutral import neutral_text, speaks_as_a_member
from moderation.learning.guard import loosened_removals
from moderation.lexicon import load_lexicon
from moderation.policy import Evidence, PolicyError, parse_policy
from moderation.settings import PROJECT_ROOT, load_settings
from moderation.targeting import TargetRules
from moderation.types import CommentInput, LexiconHit

CONFIG = PROJECT_ROOT / "config"
TARGETS = TargetRules.load(CONFIG / "targets")
LEXICON = load_lexicon(CONFIG / "lexicons")
SHIPPED_TEXT = (CONFIG / "policy.toml").read_text("utf-8")
SHIPPED = parse_policy(SHIPPED_TEXT)


@pytest.mark.parametrize("text, language, expected", [
    ("My best friend is a trans woman and she is kind", "en", "My best friend is a person and she is kind"),
    ("Muslim women and Jews came to the fair", "en", "people and people came to the fair"),
    ("Les musulmans de Lyon et un juif de Paris", "fr", "Les gens de Lyon et un personne de Paris"),
    ("I am a gay man", "und", "I am a person"),
    ("Nothing about anyone here", "en", None),  # no group named: nothing to read differently
])
def test_group_names_are_replaced_by_a_neutral_noun(text, language, expected):
    assert neutral_text(TARGETS, LEXICON, text, language) == expected


def test_the_original_spelling_is_what_gets_replaced():
    # matched on the folded text ("MUSLIMS", "Mu$lims"), replaced in the original
    assert neutral_text(TARGETS, LEXICON, "MUSLIMS host a fair; Mu$lims too", "en") == "people host a fair; people too"


@pytest.mark.parametrize("text, language", [("@user jfox retard", "und"), ("those trannies again", "en"),
                                            ("les youpins", "fr")])
def test_a_group_named_by_a_slur_is_not_read_neutrally(text, language):
    # a slur is not a neutral name: replacing it would take the insult out of the comment
    assert TARGETS.group_mentions(text, language)
    assert neutral_text(TARGETS, LEXICON, text, language) is None


def scores(toxicity=0.0, identity_attack=0.0, threat=0.0):
    return {"toxicity": toxicity, "identity_attack": identity_attack, "threat": threat}


def test_a_hold_that_came_from_the_group_name_alone_is_waived():
    hold = SHIPPED.limits("en")["identity_attack"]["hold"]
    floor = SHIPPED.group_neutral_hold
    assert floor is not None
    held = Evidence("en", (), scores(0.2, hold + 0.01), names_group=True, names_person=False)
    assert SHIPPED.decide(held).reasons == ("identity_attack_hold",)
    benign_reading = dataclasses.replace(held, group_neutral_scores=scores(floor - 0.01))
    assert SHIPPED.decide(benign_reading).outcome == "keep"
    toxic_reading = dataclasses.replace(held, group_neutral_scores=scores(floor))
    assert SHIPPED.decide(toxic_reading).reasons == ("identity_attack_hold",)


def test_the_neutral_reading_never_waives_a_removal_nor_a_threat():
    limits = SHIPPED.limits("en")
    benign = scores(0.0)
    removal = Evidence("en", (), scores(limits["toxicity"]["remove"]), group_neutral_scores=benign)
    assert SHIPPED.decide(removal).outcome == "remove"
    threat = Evidence("en", (), scores(threat=limits["threat"]["hold_if_group"]), group_neutral_scores=benign,
                      names_group=True)
    assert SHIPPED.decide(threat).reasons == ("threat_group_hold",)


def test_without_the_table_there_is_no_neutral_reading():
    text = SHIPPED_TEXT.replace("[group_mentions]\n", "[unused_group_mentions_section]\n").replace(
        "neutral_reading_hold = 0.30\n", "")
    text = text.replace("[unused_group_mentions_section]\n", "")
    policy = parse_policy(text)
    assert policy.group_neutral_hold is None
    hold = policy.limits("en")["toxicity"]["hold"]
    evidence = Evidence("en", (), scores(hold), group_neutral_scores=scores(0.0))
    assert policy.decide(evidence).reasons == ("toxicity_hold",)


@pytest.mark.parametrize("value", ["1.5", "-0.1", "true", '"high"'])
def test_a_bad_floor_is_refused_with_its_name(value):
    text = SHIPPED_TEXT.replace("neutral_reading_hold = 0.30", f"neutral_reading_hold = {value}")
    with pytest.raises(PolicyError, match=r"\[group_mentions\] takes neutral_reading_hold"):
        parse_policy(text)


def test_raising_the_floor_is_a_loosening_the_calibration_guard_names():
    raised = dataclasses.replace(SHIPPED, group_neutral_hold=SHIPPED.group_neutral_hold + 0.1)
    assert any("group_mentions.neutral_reading_hold" in line for line in loosened_removals(SHIPPED, raised))
    assert loosened_removals(SHIPPED, dataclasses.replace(SHIPPED, group_neutral_hold=0.1)) == []


@pytest.fixture(scope="module")
def engine():
    return Engine.from_settings(load_settings(environ={}))


def test_the_engine_keeps_a_kind_sentence_about_a_trans_neighbour(engine):
    # the shipped model holds it for naming "a trans man" (stack-v7 did the same with "My best friend
    # is a trans woman and she is the kindest person I know", identity_attack 0.72; stack-v8 keeps that one)
    comment = CommentInput(id="c1", text="My neighbour is a trans man and he helped me move house last week.")
    # (the group-stance reading, asked after the policy, releases it too: off here, as the neutral reading)
    without = engine.with_policy(dataclasses.replace(engine.policy, group_neutral_hold=None,
                                                     group_stance_written_below=None)).decide([comment])[0]
    assert without.decision == "hold" and "group_neutral_scores" not in without.details
    decision = engine.with_policy(dataclasses.replace(engine.policy, group_stance_written_below=None)).decide([comment])[0]
    assert decision.decision == "keep"
    assert decision.details["group_neutral_scores"]["toxicity"] < engine.policy.group_neutral_hold
    assert decision.scores == without.scores  # scores.toxicity stays the comment's own


def test_the_engine_still_holds_what_is_said_about_the_group(engine):
    decisions = engine.decide([CommentInput(id="a", text="Immigrants are filthy parasites."),
                               CommentInput(id="b", text="Gay men should be able to donate blood like everyone else.")])
    assert decisions[0].decision == "hold"  # derogation in force: not read neutrally
    assert "group_neutral_scores" not in decisions[0].details
    # read neutrally, but "people should be able to donate blood" still scores over the floor
    assert decisions[1].details["group_neutral_scores"]["toxicity"] >= engine.policy.group_neutral_hold


@pytest.mark.parametrize("text, language, own", [
    ("I'm proud to be a Muslim and I won't hide it.", "en", True),
    ("As a refugee myself, I found this article balanced.", "en", True),
    ("I am gay and I love my husband.", "en", True),
    ("Je suis fier d'être fils d'immigrés et je l'assume.", "fr", True),
    ("En tant que musulmane, je fais le ramadan.", "fr", True),
    ("I'm an immigrant.", "und", True),
    ("I'm sick of Muslims.", "en", False),
    ("I'm a woman and women are stupid.", "en", False),  # every group named must be the speaker's
    ("Je suis contre les immigrés.", "fr", False),
    ("En tant qu'immigré, je trouve ce débat épuisant.", "fr", True),  # « que » elided before a vowel
    ("Mon frère est gay.", "fr", False),  # a relative is not the speaker
    ("Countries such as Muslims and Jews", "en", False),
    ("Nothing about anyone here", "en", False),
    # one of them (2026-12-06, seventh session)
    ("I am one of the refugees interviewed for this piece.", "en", True),
    ("I'm one of those disabled people the minister talks about.", "en", True),
    ("Je suis l'une des femmes interrogées dans l'article.", "fr", True),
    ("I'm one of the people who can't stand Muslims.", "en", False),
])
def test_a_group_the_speaker_says_they_belong_to(text, language, own):
    assert speaks_as_a_member(TARGETS, text, language) is own


def test_a_group_named_as_oneself_is_judged_on_the_neutral_reading_with_the_hold_thresholds():
    limits = SHIPPED.limits("en")
    # over the 0.30 floor, under the hold thresholds: an ordinary sentence once the name is neutral
    reading = scores(SHIPPED.group_neutral_hold + 0.1, limits["identity_attack"]["hold"] - 0.1)
    held = Evidence("en", (), scores(limits["toxicity"]["hold"] + 0.05, limits["identity_attack"]["hold"] + 0.05),
                    group_neutral_scores=reading, names_group=True, names_person=False)
    assert SHIPPED.decide(held).outcome == "hold"  # someone else's group: the floor applies
    assert SHIPPED.decide(dataclasses.replace(held, speaks_as_member=True)).outcome == "keep"
    toxic_reading = dataclasses.replace(held, speaks_as_member=True,
                                        group_neutral_scores=scores(limits["toxicity"]["hold"] + 0.01))
    assert SHIPPED.decide(toxic_reading).reasons == ("toxicity_hold",)
    # the speaker's own group is no target: the lower bar for threats against a group does not apply
    threat = Evidence("en", (), scores(threat=limits["threat"]["hold_if_group"]), names_group=True,
                      names_person=False, speaks_as_member=True)
    assert SHIPPED.decide(threat).outcome == "keep"


def test_the_engine_keeps_a_reader_proud_of_their_own_group(engine):
    decision = engine.decide([CommentInput(id="p", text="I'm proud to be a Muslim and I won't hide it.")])[0]
    assert decision.decision == "keep", decision.reasons
    assert decision.details["speaks_as_member"] is True


def test_a_slur_the_speaker_reclaims_does_not_make_the_comment_about_a_group():
    """Reclaimed, it is the speaker's word for themselves: the identity_attack and group threat bars need
    a group aimed at (the [lexicon] reclaimed setting says what the term itself weighs)."""
    limits = SHIPPED.limits("fr")
    reclaimed = LexiconHit(term="pédé", category="slur", severity="strong", start=0, end=4, matched="pédé",
                           language="fr", target="sexual_orientation", reclaimed=True)
    evidence = Evidence("fr", (reclaimed,), scores(identity_attack=limits["identity_attack"]["hold"] + 0.05),
                        names_group=False, names_person=False)
    assert "identity_attack_hold" not in SHIPPED.decide(evidence).reasons
    aimed = dataclasses.replace(evidence, hits=(dataclasses.replace(reclaimed, reclaimed=False),))
    assert "identity_attack_hold" in SHIPPED.decide(aimed).reasons
