"""A claim about a group read without the frame that makes it the speaker's view (moderation/claims.py)."""

import pytest

from moderation.settings import PROJECT_ROOT
from moderation.targeting import TargetRules


@pytest.fixture(scope="module")
def rules():
    return TargetRules.load(PROJECT_ROOT / "config" / "targets")


def derogation_in_force(rules, text, language):
    return [h.target for h in rules.find(text, language) if h.kind == "derogation" and h.in_force]


@pytest.mark.parametrize("claim, framed, language", [
    ("Muslims respect nothing.", "I think Muslims respect nothing.", "en"),
    ("Muslims respect nothing.", "Honestly, in my opinion Muslims respect nothing.", "en"),
    ("Muslims respect nothing.", "Have you noticed that Muslims respect nothing?", "en"),
    ("Muslims respect nothing.", "Why is it that Muslims respect nothing?", "en"),
    ("Les musulmans ne respectent rien.", "Vous avez remarqué que les musulmans ne respectent rien ?", "fr"),
    ("Les musulmans ne savent pas se tenir.", "Franchement, à mon avis les musulmans ne savent pas se tenir.", "fr"),
])
def test_a_framed_claim_reads_as_the_claim_alone(rules, claim, framed, language):
    assert derogation_in_force(rules, claim, language) == ["muslims" if language == "en" else "musulmans"]
    assert derogation_in_force(rules, framed, language) == derogation_in_force(rules, claim, language)


@pytest.mark.parametrize("text, language", [
    ("I don't think Muslims respect nothing.", "en"),  # negated: no frame
    ("They think that Muslims respect nothing, which is ignorant.", "en"),  # reported: no frame
    ("Je ne pense pas que les musulmans ne respectent rien.", "fr"),
    ("I think Muslims respect their neighbours.", "en"),  # nothing degrading said
])
def test_what_negates_or_reports_is_no_frame(rules, text, language):
    assert derogation_in_force(rules, text, language) == []


def test_the_frames_the_model_reads_without_are_found_in_the_original_text(rules):
    text = "Honestly, in my opinion trans people deserve respect."
    assert [text[start:end] for start, end in rules.read(text, "en").frames] == ["Honestly, in my opinion "]
    assert rules.read("Have you noticed how trans people ...?", "en").frames == ()  # insinuation: the model reads it
    assert rules.read("Honestly, the weather was lovely.", "en").frames == ()  # names no group
    assert rules.read("Black people are scum, everyone knows it.", "en").frames == ()  # "it" is no claim
    # French files say the model reads frames as written (model_reads_without_frames = false)
    assert rules.read("Franchement, à mon avis les musulmans travaillent dur.", "fr").frames == ()


@pytest.fixture(scope="module")
def engine():
    from moderation.engine import Engine
    from moderation.settings import load_settings
    return Engine.from_settings(load_settings())


def decide(engine, text):
    from moderation.types import CommentInput
    return engine.decide([CommentInput(id="1", text=text)])[0]


@pytest.mark.parametrize("framed, claim", [
    ("Let's face it, refugees have been through enough.", "refugees have been through enough."),
    ("I think Muslims bring a lot to our town.", "Muslims bring a lot to our town."),
])
def test_the_model_scores_a_framed_claim_as_the_claim_alone(engine, framed, claim):
    # both were held on the threat head's group bar (0.72, 0.29) for the frame alone
    framed_decision, claim_decision = decide(engine, framed), decide(engine, claim)
    assert framed_decision.decision == claim_decision.decision == "keep"
    assert framed_decision.scores == pytest.approx(claim_decision.scores, abs=0.02)


@pytest.mark.parametrize("text, language, target, said", [
    ("I have met a lot of Muslims and they never integrate.", "en", "muslims", "they never integrate"),
    ("J'ai connu beaucoup de musulmans et ils ne savent pas se tenir.", "fr", "musulmans", "ils ne savent pas"),
    ("Les Roms, ils ne savent pas se tenir.", "fr", "roms", "ils ne savent pas"),
])
def test_a_pronoun_after_one_named_group_reads_as_the_group(rules, text, language, target, said):
    hits = [h for h in rules.find(text, language) if h.kind == "derogation" and h.in_force]
    assert [h.target for h in hits] == [target]
    assert hits[0].matched.strip().startswith(said)  # the span starts at the pronoun, in the original text


def test_a_pronoun_is_read_as_a_group_only_after_one():
    import re

    from moderation.claims import pronoun_edits, pronouns_pattern

    they = pronouns_pattern(["they"], "|".join, re.compile)
    text = "muslims and jews came and they left"
    assert pronoun_edits(text, they, [(0, 7, "muslims"), (12, 16, "jews")]) == []  # which group?
    assert pronoun_edits(text, they, [(0, 7, "muslims")]) == [(21, 30, "; muslims")]


def test_a_pronoun_goes_on_denying_after_a_denial(rules):
    # read as the group, "they respect nothing" would be a claim; after a denial it continues it
    text = "Les Roms ne sont pas des voleurs, et ils ne savent pas se tenir mieux que quiconque."
    assert [h.target for h in rules.find(text, "fr") if h.kind == "derogation" and h.in_force] == []


@pytest.mark.parametrize("text, language, target", [
    ("I'm not saying Muslims are evil, I'm just saying Muslims have no business being here.", "en", "muslims"),
    ("I don't hate Roma, I just think they have no business being here.", "en", "roma"),
    ("Je ne dis pas que les musulmans sont mauvais, je dis juste que les musulmans ne savent pas se tenir.", "fr", "musulmans"),
    ("Je ne déteste pas les Roms, je pense juste qu'ils ne savent pas se tenir.", "fr", "roms"),
    ("Je ne suis pas raciste. Je constate simplement que les Arabes ne savent pas se tenir.", "fr", "arabes"),
    ("Pas tous les musulmans, mais la plupart ne respectent rien.", "fr", "musulmans"),
])
def test_a_claim_after_its_pivot_is_the_comments_own_whatever_it_denied_before(rules, text, language, target):
    assert derogation_in_force(rules, text, language) == [target]


@pytest.mark.parametrize("text, turned", [
    ("I don't hate Muslims, I just think the country would be better off without them.", True),
    ("Nobody said ALL Roma are thieves. Just most of them, and everyone knows it.", True),
    ("I'm not saying women are criminals, I'm just saying I'd lock my car if a woman moved in.", True),
    ("Je ne déteste pas les Roms, je pense juste qu'ils devraient partir d'ici.", True),
    ("Personne n'a dit que tous les Arabes étaient des voleurs. Juste la plupart.", True),
    # the turn speaks of something else, or the "just" is not the speaker's turn
    ("I don't hate Muslims, I just think every religion should stay out of politics.", False),
    ("I would never say Jews are inferior, because it simply isn't true.", False),
    ("Bisexuals aren't greedy or confused, we just like more than one gender.", False),
    ("Les lesbiennes ne détestent pas les hommes, elles veulent juste qu'on leur foute la paix.", False),
])
def test_a_denial_turned_back_into_the_speakers_own(text, turned):
    from moderation.claims import turned_back
    denial_end = text.index(",") if "," in text[:40] else text.index(".")
    mentions = [text.index(word) for word in ("a woman moved",) if word in text]
    assert turned_back(text, denial_end, lambda: mentions) is turned


@pytest.mark.parametrize("text, kept", [
    # kept on the denial alone until engine eng-32
    ("I don't hate Muslims, I just think they should all be sent back where they came from.", False),
    ("Nobody said ALL refugees are thieves. Just most of them, and everyone knows it.", False),
    ("Je ne déteste pas les Roms, je pense juste qu'ils devraient tous dégager d'ici.", False),
    # the same turn to something else: the denial is still all it says about the group
    ("I don't hate Muslims, I just think every religion should stay out of politics.", True),
    ("Nobody said refugees are criminals. I just think the asylum system is badly run.", True),
    ("Je ne déteste pas les musulmans, je pense juste que la religion n'a rien à faire en politique.", True),
])
def test_a_denial_turned_back_is_not_all_the_comment_says(engine, text, kept):
    assert (decide(engine, text).decision == "keep") is kept
