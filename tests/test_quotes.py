"""Quoted stretches: counter-speech mentions a term; apostrophes are not quotation marks."""

import pytest
from hypothesis import given, strategies as st

from moderation.text.quotes import is_inside, quoted_spans, quotes_a_phrase


@pytest.mark.parametrize("text, quoted", [
    ("The word 'moron' is lazy", ["'moron'"]),
    ('They shouted "go home" at her', ['"go home"']),
    ("Il a crié « dégage » au conducteur", ["« dégage »"]),
    ("She wrote “never again” and ‘enough’", ["“never again”", "‘enough’"]),
    ("Er sagte „raus“ laut", ["„raus“"]),
    ("don't say 'idiot', it's rude", ["'idiot'"]),
    ("l'homme et l'enfant sont là", []),
    ("it's the dog's fault, isn't it", []),
    ("the boys' club and the girls' team", []),
    ("back in the 90's and the 80's", []),
    ("a ' lone mark and another ' one", []),
    ("unclosed \"quote runs on", []),
])
def test_quoted_spans(text, quoted):
    assert [text[a:b] for a, b in quoted_spans(text)] == quoted


def test_a_quotation_does_not_run_across_lines():
    assert quoted_spans('he said "one\ntwo" then') == []


def test_is_inside_needs_the_whole_term_inside_one_span():
    spans = [(4, 12)]
    assert is_inside(spans, 5, 11) and is_inside(spans, 4, 12)
    assert not is_inside(spans, 2, 6) and not is_inside(spans, 10, 14) and not is_inside([], 0, 1)


@given(st.text(max_size=300))
def test_spans_are_ordered_disjoint_and_start_and_end_with_quotation_marks(text):
    previous_end = 0
    for start, end in quoted_spans(text):
        assert previous_end <= start < end <= len(text)
        assert text[start] in "\"“‘«„'" and text[end - 1] in "\"”’»“'"
        previous_end = end


@pytest.mark.parametrize("text, quotes", [
    ("ton « faut virer tous les homosexuels », c'est de la haine", True),
    ('They chanted "go home" at her', True),
    ('These "journalists" never check anything', False),  # one word: as often a scare quote
    ("it's the dog's fault, isn't it", False),
])
def test_a_phrase_is_quoted_when_the_quotation_holds_more_than_one_word(text, quotes):
    assert quotes_a_phrase(text) is quotes
