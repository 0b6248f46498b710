"""Group names behind mask characters (moderation/text/masks.py)."""

import pytest

from moderation.text.masks import Unmasker

WORDS = ["muslims", "musulmans", "femmes", "juifs", "refugies", "women", "jews", "gays", "gens"]


@pytest.fixture(scope="module")
def unmasker():
    return Unmasker(WORDS)


@pytest.mark.parametrize("masked, meant", [
    ("m*slims", "muslims"),
    ("m*s*lm*ns", "musulmans"),
    ("f*mmes", "femmes"),
    ("j**fs", "juifs"),
    ("r*f*g**s", "refugies"),
    ("w#men", "women"),
])
def test_a_masked_word_is_read_as_the_one_word_it_can_be(unmasker, masked, meant):
    assert unmasker.meant(masked) == meant


@pytest.mark.parametrize("masked", [
    "f*ck",  # no word of the list
    "****s",  # too little shown
    "g**s",  # "gays" or "gens": more than one word fits
    "m*slim",  # one letter short of "muslims": a mask is one letter
])
def test_a_masked_word_that_can_be_none_or_several_is_left_alone(unmasker, masked):
    assert unmasker.meant(masked) is None


def test_the_text_keeps_its_length_and_only_masked_words_change(unmasker):
    text = "je deteste les m*sulmans, f*ck les j**fs et 3*4"
    out = unmasker.unmask(text)
    assert out == "je deteste les musulmans, f*ck les juifs et 3*4"
    assert len(out) == len(text)
    assert unmasker.unmask("no masks here") == "no masks here"
