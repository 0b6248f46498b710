"""The hand-written threats and look-alikes (moderation/training/freeform.py): train-only data."""

from collections import Counter

import pytest

from moderation.training.freeform import FOLDER, ROUND_2, ROUND_3, freeform_examples
from tests.support.suite_distance import assert_far_from, suite_cases


@pytest.mark.parametrize("folder", [FOLDER, ROUND_2, ROUND_3], ids=["round 1", "round 2", "round 3"])
def test_both_languages_have_as_many_look_alikes_as_threats_for_the_threat_head_only(folder):
    examples = freeform_examples(folder)
    counts = Counter((e.language, e.labels["threat"]) for e in examples)
    for language in ("en", "fr"):
        threats, look_alikes = counts[(language, 1)], counts[(language, 0)]
        assert threats >= (290 if folder == ROUND_3 else 400) and abs(threats - look_alikes) <= 10, counts
    assert all(set(e.labels) == {"threat"} for e in examples)
    assert len({e.text for e in examples}) == len(examples)


@pytest.mark.parametrize("one, other", [(FOLDER, ROUND_2), (FOLDER, ROUND_3), (ROUND_2, ROUND_3)])
def test_the_rounds_do_not_share_sentences_or_groups(one, other):
    first, second = freeform_examples(one), freeform_examples(other)
    assert not {e.text for e in first} & {e.text for e in second}
    assert not {e.group for e in first} & {e.group for e in second}  # one group, one held-out bucket


@pytest.mark.parametrize("folder", [FOLDER, ROUND_2, ROUND_3], ids=["round 1", "round 2", "round 3"])
def test_no_sentence_is_close_to_a_dev_suite_case(folder):
    assert_far_from(freeform_examples(folder), suite_cases("dev"))


def test_no_round_3_sentence_is_close_to_a_sealed_suite_case():
    # the sealed suite (bench/data/sealed) was written before round 3 and must stay unseen by training
    sealed = suite_cases("sealed")
    assert len(sealed) > 800
    assert_far_from(freeform_examples(ROUND_3), sealed)


def test_a_bad_label_is_refused(tmp_path):
    (tmp_path / "en.jsonl").write_text('{"text": "hello", "label": 2, "kind": "idiom"}\n', "utf-8")
    try:
        freeform_examples(tmp_path)
    except ValueError as exc:
        assert "en.jsonl:1" in str(exc)
    else:
        raise AssertionError("a label of 2 was accepted")
    assert FOLDER.name == "threat_sentences"
