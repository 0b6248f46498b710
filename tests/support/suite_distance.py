"""How close training text comes to the cases of the dev and sealed suites.

The suites must stay independent of what is trained on: a hand-written training sentence may be
neither equal to a case nor within a difflib ratio of 0.8 of one (after the model's preprocessing).
Shared by the tests of every folder of hand-written training sentences.
"""

from __future__ import annotations

import difflib
import json
from pathlib import Path

from moderation.scoring.linear_features import preprocess
from moderation.training.written import dev_case_texts

SEALED = tuple(Path(__file__).resolve().parents[2] / "bench" / "data" / name for name in ("sealed", "sealed2"))


def suite_cases(suite: str) -> list[str]:
    """The preprocessed cases of the "dev" suites (bench/data/dev) or of the "sealed" ones
    (bench/data/sealed and sealed2)."""
    if suite == "dev":
        return sorted(dev_case_texts())
    return sorted({preprocess(case["text"]) for folder in SEALED for case in sealed_cases(folder)})


def sealed_cases(folder: Path) -> list[dict]:
    """The cases of one sealed suite, as written (never to be printed: tests count them)."""
    return [json.loads(line) for path in sorted(folder.glob("*.jsonl"))
            for line in path.read_text("utf-8").splitlines() if line.strip()]


def assert_far_from(examples, cases: list[str]) -> None:
    """Fail on the first example equal to a case or within difflib 0.8 of one."""
    words = [set(case.split()) for case in cases]
    for example in examples:
        text = preprocess(example.text)
        assert text not in cases, example.text
        own = set(text.split())
        # only cases sharing half the words can be 0.8 alike; difflib on those alone
        near = [case for case, theirs in zip(cases, words) if 2 * len(own & theirs) >= min(len(own), len(theirs))]
        assert not difflib.get_close_matches(text, near, n=1, cutoff=0.8), example.text
