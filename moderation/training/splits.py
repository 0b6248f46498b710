"""The fixed held-out split: which training-file rows are kept for evaluation and never trained on.

- jigsaw_dummy_train.csv: all 282 rows held out (English Wikipedia comments, our Jigsaw-style test).
- every other training file: the rows whose group hashes into the lowest HELDOUT_PERCENT of 100
  buckets (SHA-1 of "source:group"; a ParaDetox toxic/neutral pair shares one group, so a pair is
  never split across train and test).
- any training row whose preprocessed text also appears in a development-evaluation file is
  dropped from training (leak guard), and reported.
"""

from __future__ import annotations

import hashlib
from typing import Iterable

from moderation.scoring.linear_features import preprocess
from moderation.training.datasets import Example

HELDOUT_PERCENT = 10
CHOICE_PERCENT = 10  # the next buckets: used to choose between methods, never reported as a result
HELDOUT_WHOLE = {"jigsaw_dummy_train"}


def _bucket(example: Example) -> int:
    digest = hashlib.sha1(f"{example.source}:{example.group}".encode("utf-8")).digest()
    return int.from_bytes(digest[:4], "big") % 100


def is_heldout(example: Example) -> bool:
    """Tell whether an example belongs to the fixed held-out split."""
    return example.source in HELDOUT_WHOLE or _bucket(example) < HELDOUT_PERCENT


def is_choice(example: Example) -> bool:
    """Tell whether an example belongs to the choice split (method and threshold choices only)."""
    return not is_heldout(example) and _bucket(example) < HELDOUT_PERCENT + CHOICE_PERCENT


def split(examples: Iterable[Example], dev_texts: Iterable[str] = ()) -> tuple[list[Example], list[Example], int]:
    """Return (train, heldout, leaked) where `leaked` counts train rows dropped as dev duplicates."""
    dev = {preprocess(text) for text in dev_texts}
    train, heldout, leaked = [], [], 0
    for example in examples:
        if is_heldout(example):
            heldout.append(example)
        elif dev and preprocess(example.text) in dev:
            leaked += 1
        else:
            train.append(example)
    return train, heldout, leaked
