"""The sealed suites (bench/data/sealed, sealed2): measured, never read, never trained on.

Their cases are not printed here either: a failure names the category or the training sentence."""

from collections import Counter
from pathlib import Path

import pytest

from moderation.scoring.linear_features import preprocess
from moderation.training.datasets import Example
from moderation.training.freeform import labelled_rows
from tests.support.suite_distance import SEALED, assert_far_from, sealed_cases

TRAINING = Path(__file__).resolve().parents[1] / "moderation" / "training"
EXPECTED = {"threat": "not_keep", "veiled_threat": "not_keep", "derogation": "not_keep", "pronoun_or_question": "not_keep",
            "obfuscated": "not_keep", "slur_or_insult": "not_keep", "fake_negation": "not_keep",
            "benign_identity": "keep", "profanity_untargeted": "keep", "counter_speech": "not_remove",
            "negated_hate": "keep", "idiom_violence": "keep", "news_violence": "keep", "ordinary": "keep"}


@pytest.mark.parametrize("folder", SEALED, ids=[folder.name for folder in SEALED])
def test_every_category_in_both_languages_with_the_outcome_its_name_says(folder):
    found = sealed_cases(folder)
    counts = Counter((case["language"], case["category"]) for case in found)
    for language in ("en", "fr"):
        for category in EXPECTED:
            assert counts[(language, category)] >= 23, (folder.name, language, category)
    wrong_outcome = sum(case["expected"] != EXPECTED[case["category"]] for case in found)
    assert wrong_outcome == 0  # counts only in the assertions: a failure must not print the cases


def test_the_second_sealed_suite_has_no_case_twice():
    found = sealed_cases(SEALED[1])
    distinct = len({preprocess(case["text"]) for case in found})
    assert distinct == len(found)


def test_no_hand_written_training_sentence_is_close_to_a_case_of_the_second_sealed_suite():
    # sealed2 was written after every folder of moderation/training; its cases near one were dropped
    written = [Example(row["text"], language, folder.name, f"{folder.name}:{number}")
               for folder in sorted(p for p in TRAINING.iterdir() if p.is_dir() and any(p.glob("*.jsonl")))
               for language, number, row in labelled_rows(folder)]
    assert len(written) > 15_000
    assert_far_from(written, sorted({preprocess(case["text"]) for case in sealed_cases(SEALED[1])}))
