"""Property: the language detector never raises, always answers en/fr/und, and is deterministic.

Bounded and seeded (derandomize) so CI sees the same examples every run. The normaliser, matcher
and scraper properties live in test_normalize.py, test_lexicon.py and test_scrape_property.py.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from moderation.language import LanguageDetector

BOUNDED = settings(max_examples=150, derandomize=True, database=None, deadline=None,
                   suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
ANSWERS = {"en", "fr", "und"}

# Any Unicode (surrogates excluded: they cannot reach the engine, intake refuses them), plus
# text built from words so that real detection paths (not only the "too few letters" exit) run.
WORDS = st.sampled_from("the cat is on le chat est sur der Hund ist el perro es 日本語 العربية 😀 ‮ ‍ ̀".split())
TEXTS = st.one_of(
    st.text(max_size=300),
    st.lists(WORDS, max_size=60).map(" ".join),
    st.text(alphabet=st.characters(categories=["Lu", "Ll", "Mn", "Zs", "Cf"]), min_size=10, max_size=200),
)
HINTS = st.one_of(st.none(), st.sampled_from(["en", "fr", "EN", "de", "", "und", "fr-CA"]))


@pytest.fixture(scope="module")
def detector():
    return LanguageDetector()


@BOUNDED
@given(text=TEXTS, hint=HINTS)
def test_never_raises_and_answers_en_fr_or_und(detector, text, hint):
    result = detector.detect(text, hint)
    assert result.language in ANSWERS
    assert 0.0 <= result.confidence <= 1.0


@BOUNDED
@given(text=TEXTS)
def test_deterministic_across_calls_and_instances(detector, text):
    first = detector.detect(text)
    assert detector.detect(text) == first
    assert LanguageDetector().detect(text) == first


@BOUNDED
@given(text=TEXTS, hint=st.sampled_from(["en", "fr", "EN", "Fr"]))
def test_a_supported_hint_always_wins(detector, text, hint):
    assert detector.detect(text, hint).language == hint.lower()
