"""The model and the language detector read a comment as a reader sees it (moderation/text/plain.py)."""

import pytest

from moderation.engine import Engine
from moderation.settings import load_settings
from moderation.text.plain import plain
from moderation.types import CommentInput

ZWSP = "\u200b"


@pytest.mark.parametrize("disguised, read", [
    ("are іmmіgrаnts all сrіmіnаls?", "are immigrants all criminals?"),  # Cyrillic і, а, с
    ("ΝΟ ΜΟRΕ МUSLIMS", "ΝΟ MORE MUSLIMS"),  # Greek and Cyrillic capitals inside Latin words; "ΝΟ", all Greek, stays
    (ZWSP.join("immigrants") + " out", "immigrants out"),
    ("soft\u00adhyphen and\u2060joiner", "softhyphen andjoiner"),
    ("ｉｄｉｏｔ", "idiot"),
    ("f.u.c.k you", "fuck you"),
    ("m u s l i m s are scum", "muslims are scum"),
    ("an i-l-l-i-t-e-r-a-t-e", "an illiterate"),
    ("Chri5tians d3serve it, 1mmigrants too, and the Muslim5.", "Christians deserve it, immigrants too, and the Muslims."),
    ("g@y = p3do", "gay = pedo"),
    ("Pr0blème réglé", "Problème réglé"),
])
def test_a_disguise_a_reader_would_not_notice_is_undone(disguised, read):
    assert plain(disguised) == read


@pytest.mark.parametrize("text", [
    "Thank you for the article.", "Les élèves sont là, à côté de l'école.", "Привет, как дела?",
    "J. R. R. Tolkien wrote it in the U.S.A.", "Sooooo good, the weeeekend!", "Great match 😍🔥", "I paid 4,500 $ in 2004", "ok",
    "covid19, Win10, H1N1, B2B, an mp3, Windows7, PS4, on the 3rd at 5pm in 4k, @user1 paid $5",
    "mail bob@example.com or see https://site.fr/p4ge?q=a1b", "stupid remark@Jane",
])
def test_ordinary_text_reads_as_written(text):
    assert plain(text) == text


def test_text_with_nothing_to_undo_is_returned_without_a_copy():
    text = "An ordinary comment about the council budget."
    assert plain(text) is text


@pytest.fixture(scope="module")
def engine():
    return Engine.from_settings(load_settings({"scorer": "linear"}))


def test_the_model_scores_a_disguised_comment_as_it_scores_the_plain_one(engine):
    written = "Is it just me or are immigrants all criminals?"
    disguised = "Is it just me or are іmmіgrаnts all " + ZWSP.join("criminals") + "?"
    plain_decision, disguised_decision = engine.decide([CommentInput(id="a", text=written),
                                                        CommentInput(id="b", text=disguised)])
    assert disguised_decision.language == plain_decision.language == "en"
    assert disguised_decision.scores == plain_decision.scores
    assert disguised_decision.decision == plain_decision.decision != "keep"
