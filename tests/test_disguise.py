"""Comments that disguise words are read with every language's rules (moderation/text/disguise.py)."""

import pytest

from moderation.engine import Engine
from moderation.language import LanguageDetector
from moderation.settings import load_settings
from moderation.text.disguise import looks_disguised
from moderation.types import CommentInput


@pytest.mark.parametrize("text", [
    "Im-mi-grants = p@rasites", "these people are v3rmin", "sales m3t3qu3s", "les fem.mes sont des pu.tes",
    "n.e.g.r.e.s dehors", "what a f!lthy lot", "Mu-sl-ims out",
])
def test_a_symbol_inside_a_word_or_a_word_cut_in_pieces_is_a_disguise(text):
    assert looks_disguised(text)


@pytest.mark.parametrize("text", [
    "Thank you for the article.", "I paid 4,500 $ for an mp3 player in 2004", "COVID-19 cases rose by 12%",
    "See https://example.com/a1b2c3 and mail me at jo3@example.org", "@d4ve_b #g7s &#8217; ok",
    "Saint-Denis et Aix-en-Provence", "e-mail me a 4x4 quote", "Merci !", "le H2O et le CO2",
])
def test_ordinary_text_is_not_a_disguise(text):
    assert not looks_disguised(text)


@pytest.fixture(scope="module")
def engine():
    return Engine.from_settings(load_settings({"scorer": "linear"}))


def test_a_disguised_english_comment_detected_as_french_is_read_by_the_english_rules(engine):
    text = "Im-mi-grants = p@rasites"
    assert LanguageDetector().detect(text).language == "fr"  # the misreading this guards against
    decision = engine.decide([CommentInput(id="c1", text=text)])[0]
    assert decision.decision != "keep"
    assert [hit["language"] for hit in decision.targeted] == ["en"]
    assert decision.language == "fr"  # the detected language still picks the thresholds


def test_a_platform_language_hint_is_trusted_even_for_disguised_text(engine):
    decision = engine.decide([CommentInput(id="c1", text="Im-mi-grants = p@rasites", language="fr")])[0]
    assert {hit["language"] for hit in decision.targeted} <= {"fr"}


def test_a_disguised_comment_keeps_its_own_languages_ambiguous_terms(engine):
    # "conne" is an ordinary word elsewhere, so only the French table has it; reading a disguised
    # comment's lexicon as undetermined text would lose it (and the model would read "c0nne")
    # ("t'es qu'une c0nne" matches "une conne" since 2026-12-04, a French insult that is not ambiguous)
    decision = engine.decide([CommentInput(id="c1", text="quelle c0nne celle-là")])[0]
    assert [(hit.term, hit.language) for hit in decision.slurs] == [("conne", "fr")]
    assert decision.decision != "keep"
