"""Group names disguised by letters that look or sound like others (moderation/text/lookalikes.py)."""

import pytest

from moderation.settings import PROJECT_ROOT
from moderation.targeting import TargetRules
from moderation.text.lookalikes import disguises, lookalike_variants


@pytest.fixture(scope="module")
def rules():
    return TargetRules.load(PROJECT_ROOT / "config" / "targets")


@pytest.mark.parametrize("text, language, group", [
    ("vvomen are filth and should be kept out of politics", "en", "women"),  # "vv" for "w"
    ("Irnmigrants are filth, every last one of them", "en", "immigrants"),  # "rn" for "m"
    ("b|ack people are filth", "en", "black"),  # "|" for "l"
    ("bIack people are filth", "en", "black"),  # a capital I for "l"
    ("Refvgees are filth", "en", "immigrants"),  # one group with migrants in the English file  # "v" for "u"
    ("Muslimz are filth", "en", "muslims"),  # a final "z" for "s"
    ("Les phemmes sont des rats", "fr", "femmes"),  # "ph" for "f"
    ("Les nwars sont des rats", "fr", "noirs"),  # « nwar » sounds as « noir »
    ("Les réfujiés sont des rats", "fr", "immigres"),  # « j » sounds as « g » before e or i
    ("Les andicapés sont des rats", "fr", "handicapes"),  # the silent h left out
])
def test_a_disguised_group_name_is_read_as_the_group(rules, text, language, group):
    assert [h.target for h in rules.find(text, language) if h.kind == "derogation" and h.in_force] == [group]
    assert group in rules.groups_named(text, language)


@pytest.mark.parametrize("text, language", [
    ("The wind was strong and the vvind turbines stopped", "en"),
    ("Des frais indus ont été prélevés sur mon compte", "fr"),  # « indus » is a word, not « hindus »
    ("Black coffee, no sugar", "en"),
    ("Il a pris la route de Nantes vers Morlaix", "fr"),
])
def test_an_ordinary_word_is_never_read_as_a_disguised_group(rules, text, language):
    assert rules.groups_named(text, language) == []


def test_a_disguise_that_is_a_dictionary_word_is_not_read():
    assert "indus" in disguises("hindus", "fr")  # the silent h left out
    assert "indus" not in lookalike_variants("hindus", "fr")  # but « indus » is a word (undue)
    assert "vvomen" in lookalike_variants("women", "en")


def test_each_language_has_its_own_sounds():
    assert "nwars" in disguises("noirs", "fr") and "nwars" not in disguises("noirs", "en")
    assert disguises("gay", "en") == frozenset()  # three letters: too many neighbours


def test_a_word_the_guard_does_not_cover_is_checked_against_the_dictionaries():
    from moderation.text.lookalikes import _guard

    covered, _ = _guard()
    assert "sottises" not in covered
    assert "sottisez" in disguises("sottises", "fr") and "sottisez" in lookalike_variants("sottises", "fr")
    assert "tuez" not in lookalike_variants("tues", "fr")  # « tuez » is a word of its own


@pytest.mark.parametrize("word, disguise", [("juifs", "jwifs"), ("musulmans", "muzulmans"), ("immigres", "zimmigres"),
                                            ("homosexuels", "zomosexuels")])
def test_french_group_names_as_they_are_said_are_disguises(word, disguise):
    # 2026-12-07, ninth session: « les jwifs », « les zimmigrés » (the liaison heard as a z)
    assert disguise in disguises(word, "fr") and disguise not in disguises(word, "en")
