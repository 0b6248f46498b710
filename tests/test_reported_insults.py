"""Insults a comment reports someone else saying: the victim's report holds at most, never removes."""

import pytest

from moderation.text.reported_insults import reported_insult_spans


def reported(text: str) -> list[str]:
    return [text[start:end] for start, end in reported_insult_spans(text)]


@pytest.mark.parametrize("text, insult", [
    ("A bloke on the bus called my sister a paki whore today.", "paki whore today"),
    ("Some guy called me a dirty faggot in front of my kids", "dirty faggot in front of my kids"),
    ("They kept calling him a retard until he cried", "retard until he cried"),
    ("My son was called a retard at school.", "retard at school"),
    ("Un type dans le bus a traité ma sœur de sale Arabe, j'ai porté plainte.", "sale Arabe, j'ai porté plainte"),
    ("Je me suis fait traiter de sale pédé dans le métro.", "sale pédé dans le métro"),
    ("Ils nous ont traités de sales nègres devant tout le monde.", "sales nègres devant tout le monde"),
    ("Ma fille a été traitée de grosse vache au collège", "grosse vache au collège"),
])
def test_someone_elses_insult_is_found_after_the_verb_of_the_report(text, insult):
    assert reported(text) == [insult]


@pytest.mark.parametrize("text", [
    "He's a paki and I called him a paki, so what.",  # the speaker's own act
    "We called them rats because that's what they are.",
    "Who in the cabinet hasn't called him a moron?",  # a subject further back agrees
    "They should be called what they are, vermin.",  # a norm, not a report
    "Call them what they are: parasites.",
    "Je l'avais traité de sale bougnoule et il a pleuré.",  # « je »: the speaker's own act
    "On les a traités de rats, et alors ?",
    "Les gens comme toi je les traite de bougnoules.",  # present, the speaker's own
])
def test_the_speakers_own_insult_or_a_norm_is_not_a_report(text):
    assert reported(text) == []


@pytest.mark.parametrize("text, told", [
    ("He told me to go die.", "go die"),
    ("They keep telling trans kids to kill themselves.", "kill themselves"),
    ("Stop telling gay people to go die.", "go die"),
    ("Telling disabled people to go die is harassment.", "go die is harassment"),
])
def test_what_someone_else_told_a_person_to_do_is_a_report(text, told):
    assert reported(text) == [told]


@pytest.mark.parametrize("text", [
    "I told him to go die.",
    "I'm telling you to go die.",
    "I am telling you to kill yourself",
    "We are telling them to leave now or else.",
    "Somebody tell them to go die.",
])
def test_the_speakers_own_telling_is_not_a_report(text):
    assert reported(text) == []


def test_the_report_stops_at_the_end_of_its_clause():
    assert reported("She was called a slut. Honestly she is one.") == ["slut"]


@pytest.fixture(scope="module")
def engine():
    from moderation.engine import Engine
    from moderation.settings import load_settings
    return Engine.from_settings(load_settings())


def decide(engine, text):
    from moderation.types import CommentInput
    return engine.decide([CommentInput(id="1", text=text)])[0]


@pytest.mark.parametrize("text", [
    "A bloke on the bus called my sister a paki whore today. I reported him to the transport police.",
    "Some guy at the petrol station called me a dirty faggot in front of my kids.",
    "Un type dans le bus a traité ma sœur de sale Arabe, j'ai porté plainte.",
    "Je me suis fait traiter de sale pédé dans le métro hier soir.",
])
def test_a_victim_reporting_a_slur_said_to_them_is_held_for_a_person_not_removed(engine, text):
    decision = decide(engine, text)
    assert decision.decision == "hold"
    assert "lexicon_quoted" in decision.reasons
    assert any(hit.quoted for hit in decision.slurs)


@pytest.mark.parametrize("text", [
    "He's a paki and I called him a paki, so what.",
    "Call them what they are: kikes.",
    "Les gens comme toi je les traite de bougnoules.",
])
def test_a_slur_used_by_the_speaker_still_removes(engine, text):
    assert decide(engine, text).decision == "remove"


@pytest.mark.parametrize("text", [
    "If your whole case rests on calling people kikes, you have no case.",
    "Stop calling them faggots and make a real point.",
    "Calling disabled people retards is not banter.",
    "Traiter quelqu'un de pédé n'est jamais acceptable.",  # removed before 2026-12-07 (thirteenth session)
    "Arrêtez de traiter les gens de bougnoules.",
])
def test_the_act_of_calling_people_a_slur_named_is_held_for_a_person_not_removed(engine, text):
    # removed on the lexicon's slur before 2026-12-07 (eighth session)
    decision = decide(engine, text)
    assert decision.decision == "hold" and all(hit.quoted for hit in decision.slurs), decision.reasons


def test_an_order_to_keep_calling_them_a_slur_is_not_a_report(engine):
    assert decide(engine, "Keep calling them kikes, it's what they are.").decision == "remove"
    assert decide(engine, "Je vais traiter ce pédé de tous les noms.").decision == "remove"
