"""The comments written for the group-stance reading (moderation/training/stance_comments,
training/group_stance.py STANCE_COMMENTS): train-only, like every folder of hand-written comments."""

from collections import Counter

import pytest

from moderation.training.freeform import labelled_rows
from moderation.training.group_stance import RECIPES, STANCE_COMMENTS, written_rows
from tests.support.suite_distance import assert_far_from, suite_cases

ACCEPTABLE = {"counter_speech_meta", "mocking_bigots_argument", "historical_parallel", "testimony_against_stereotype",
              "stereotype_denied", "question_about_discrimination", "everyday_mention", "quoting_to_condemn",
              "after_an_attack", "angry_but_not_at_the_group"}
HATEFUL = {"sarcasm_against_group", "dehumanising_comparison", "fake_counter_speech", "loaded_question",
           "collective_blame", "pronoun_reference", "exclusion_wish", "stereotype_as_fact", "mocking_victims",
           "veiled_hostility"}


def test_both_languages_have_every_kind_with_the_label_its_name_says():
    counts = Counter((language, row["kind"], row["label"]) for language, _, row in labelled_rows(STANCE_COMMENTS))
    for language in ("en", "fr"):
        for kind in ACCEPTABLE | HATEFUL:
            assert counts[(language, kind, int(kind in HATEFUL))] >= 25, (language, kind)
    assert {kind for _, kind, _ in counts} == ACCEPTABLE | HATEFUL


def test_only_the_second_recipe_reads_them_in_the_written_cells():
    assert STANCE_COMMENTS in RECIPES["group-stance-v2"].folders and STANCE_COMMENTS not in RECIPES["group-stance-v1"].folders
    rows = written_rows((STANCE_COMMENTS,))
    assert {row.source for row in rows} == {"written_en", "written_fr"} and len({row.text for row in rows}) == len(rows)


@pytest.mark.parametrize("suite", ["dev", "sealed"])
def test_no_comment_is_close_to_a_dev_or_sealed_case(suite):
    assert_far_from(written_rows((STANCE_COMMENTS,)), suite_cases(suite))
