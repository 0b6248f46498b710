"""The hand-written threats and look-alikes (moderation/training/freeform.py): train-only data."""

import difflib
from collections import Counter

from moderation.scoring.linear_features import preprocess
from moderation.training.freeform import FOLDER, freeform_examples
from moderation.training.written import dev_case_texts


def test_both_languages_have_as_many_look_alikes_as_threats_for_the_threat_head_only():
    examples = freeform_examples()
    counts = Counter((e.language, e.labels["threat"]) for e in examples)
    for language in ("en", "fr"):
        threats, look_alikes = counts[(language, 1)], counts[(language, 0)]
        assert threats >= 400 and abs(threats - look_alikes) <= 10, counts
    assert all(set(e.labels) == {"threat"} for e in examples)
    assert len({e.text for e in examples}) == len(examples)


def test_no_sentence_is_close_to_a_dev_suite_case():
    # the dev suites must stay independent of what is trained on: not equal, not nearly equal
    dev = sorted(dev_case_texts())
    words = [set(case.split()) for case in dev]
    for example in freeform_examples():
        text = preprocess(example.text)
        assert text not in dev
        own = set(text.split())
        # only cases sharing half the words can be 0.8 alike; difflib on those alone
        near = [case for case, theirs in zip(dev, words) if 2 * len(own & theirs) >= min(len(own), len(theirs))]
        assert not difflib.get_close_matches(text, near, n=1, cutoff=0.8), example.text


def test_a_bad_label_is_refused(tmp_path):
    (tmp_path / "en.jsonl").write_text('{"text": "hello", "label": 2, "kind": "idiom"}\n', "utf-8")
    try:
        freeform_examples(tmp_path)
    except ValueError as exc:
        assert "en.jsonl:1" in str(exc)
    else:
        raise AssertionError("a label of 2 was accepted")
    assert FOLDER.name == "threat_sentences"
