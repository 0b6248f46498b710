"""The hand-written heated comments (moderation/training/heated.py): train-only toxicity data."""

import difflib
import json
from collections import Counter
from pathlib import Path

import pytest

from moderation.scoring.linear_features import preprocess
from moderation.training.heated import heated_examples
from moderation.training.written import dev_case_texts

SEALED = Path(__file__).resolve().parents[1] / "bench" / "data" / "sealed"


def _near(text: str, pool: list[str], words: list[set[str]]) -> list[str]:
    own = set(text.split())
    # only cases sharing half the words can be 0.8 alike; difflib on those alone
    close = [case for case, theirs in zip(pool, words) if 2 * len(own & theirs) >= min(len(own), len(theirs))]
    return difflib.get_close_matches(text, close, n=1, cutoff=0.8)


def test_both_languages_have_allowed_and_abusive_comments_labelled_for_toxicity_only():
    examples = heated_examples()
    counts = Counter((e.language, e.labels["toxicity"]) for e in examples)
    for language in ("en", "fr"):
        assert counts[(language, 0)] >= 350 and counts[(language, 1)] >= 150, counts
    assert all(set(e.labels) == {"toxicity"} for e in examples)
    assert {e.source for e in examples} == {"written_heated_en", "written_heated_fr"}
    assert len({e.text for e in examples}) == len(examples)


@pytest.mark.parametrize("suite", ["dev", "sealed"])
def test_no_comment_is_close_to_a_dev_or_sealed_case(suite):
    # the suites must stay independent of what is trained on: not equal, not nearly equal
    if suite == "dev":
        pool = sorted(dev_case_texts())
    else:
        pool = sorted({preprocess(json.loads(line)["text"]) for path in SEALED.glob("*.jsonl")
                       for line in path.read_text("utf-8").splitlines() if line.strip()})
    words = [set(case.split()) for case in pool]
    for example in heated_examples():
        text = preprocess(example.text)
        assert text not in pool and not _near(text, pool, words), example.text
