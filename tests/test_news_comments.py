"""The hand-written news comments (moderation/training/news.py): train-only data of the second opinion."""

from collections import Counter

import pytest

from moderation.training.news import news_examples
from tests.support.suite_distance import assert_far_from, suite_cases


def test_both_languages_have_kept_and_abusive_comments_labelled_for_toxicity_only():
    examples = news_examples()
    counts = Counter((e.language, e.labels["toxicity"]) for e in examples)
    for language in ("en", "fr"):
        assert counts[(language, 0)] >= 400 and counts[(language, 1)] >= 180, counts
    assert all(set(e.labels) == {"toxicity"} for e in examples)
    assert {e.source for e in examples} == {"written_news_en", "written_news_fr"}
    assert len({e.text for e in examples}) == len(examples)


@pytest.mark.parametrize("suite", ["dev", "sealed"])
def test_no_comment_is_close_to_a_dev_or_sealed_case(suite):
    assert_far_from(news_examples(), suite_cases(suite))
