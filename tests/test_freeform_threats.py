"""The hand-written threats and look-alikes (moderation/training/freeform.py): train-only data."""

import difflib
from collections import Counter

from moderation.scoring.linear_features import preprocess
import pytest

from moderation.training.freeform import FOLDER, ROUND_2, ROUND_3, freeform_examples
from moderation.training.written import dev_case_texts


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
    # the dev suites must stay independent of what is trained on: not equal, not nearly equal
    dev = sorted(dev_case_texts())
    words = [set(case.split()) for case in dev]
    for example in freeform_examples(folder):
        text = preprocess(example.text)
        assert text not in dev
        own = set(text.split())
        # only cases sharing half the words can be 0.8 alike; difflib on those alone
        near = [case for case, theirs in zip(dev, words) if 2 * len(own & theirs) >= min(len(own), len(theirs))]
        assert not difflib.get_close_matches(text, near, n=1, cutoff=0.8), example.text


def test_no_round_3_sentence_is_close_to_a_sealed_suite_case():
    # the sealed suite (bench/data/sealed) was written before round 3 and must stay unseen by training
    import json
    from pathlib import Path
    sealed = sorted({preprocess(json.loads(line)["text"])
                     for path in (Path(__file__).resolve().parents[1] / "bench" / "data" / "sealed").glob("*.jsonl")
                     for line in path.read_text("utf-8").splitlines() if line.strip()})
    assert len(sealed) > 800
    words = [set(case.split()) for case in sealed]
    for example in freeform_examples(ROUND_3):
        text = preprocess(example.text)
        own = set(text.split())
        near = [case for case, theirs in zip(sealed, words) if 2 * len(own & theirs) >= min(len(own), len(theirs))]
        assert text not in sealed and not difflib.get_close_matches(text, near, n=1, cutoff=0.8), example.text


def test_a_bad_label_is_refused(tmp_path):
    (tmp_path / "en.jsonl").write_text('{"text": "hello", "label": 2, "kind": "idiom"}\n', "utf-8")
    try:
        freeform_examples(tmp_path)
    except ValueError as exc:
        assert "en.jsonl:1" in str(exc)
    else:
        raise AssertionError("a label of 2 was accepted")
    assert FOLDER.name == "threat_sentences"
