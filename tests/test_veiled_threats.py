"""The veiled threats and their look-alikes (moderation/training/veiled.py)."""

import json
from collections import Counter

from moderation.scoring.linear_features import preprocess
from moderation.settings import PROJECT_ROOT
from moderation.training.veiled import veiled_examples

DEV = PROJECT_ROOT / "bench" / "data" / "dev"


def test_the_same_seed_writes_the_same_sentences():
    assert [(e.text, e.labels) for e in veiled_examples(0)] == [(e.text, e.labels) for e in veiled_examples(0)]
    assert [e.text for e in veiled_examples(1)] != [e.text for e in veiled_examples(0)]


def test_both_languages_have_veiled_threats_and_harmless_look_alikes():
    examples = veiled_examples()
    counts = Counter((e.language, e.labels["threat"]) for e in examples)
    for language in ("en", "fr"):
        assert counts[(language, 1)] >= 200 and counts[(language, 0)] >= 150
    texts = [e.text for e in examples]
    assert len(texts) == len(set(texts))
    assert not any("{" in t or "}" in t for t in texts)  # every slot filled
    by_text = {e.text: e.labels["threat"] for e in examples}
    # the same opening, menace or not: the head must learn the menace, not the words
    assert any(t.startswith("I know where you live") and v == 1 for t, v in by_text.items())
    assert any(t.startswith("I know where you live") and v == 0 for t, v in by_text.items())


def test_no_veiled_sentence_is_a_dev_suite_case():
    """The dev suites measure; training also drops any composed sentence equal to a case (training/pipeline.py)."""
    dev = {preprocess(json.loads(line)["text"])
           for path in DEV.glob("*.jsonl") for line in path.read_text("utf-8").splitlines() if line.strip()}
    assert not [e.text for e in veiled_examples() if preprocess(e.text) in dev]
