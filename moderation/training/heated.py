"""Reader comments with strong feeling and no abuse, and their abusive twins, written by hand.

Why: the toxicity head took emotion for abuse. Laughter ("HAHAHAHA" 0.96), indignation (« Quelle
honte ! » 0.82, "What a disgrace" 0.66), capitals and untargeted swearing were held: none of the
labelled files has many of them labelled clean, and Wikipedia talk pages shout mostly when they
insult. Two helper sessions that had read no file of the project wrote 600 comments per language,
420 allowed (laughter, outrage, capitals, harsh criticism of institutions, sarcasm, untargeted
swearing, civil disagreement, news, sport) and 180 in the same registers that cross the line
(insults at a person, mocking, obscene abuse, hate, threats). 28 English and 47 French comments
within a difflib ratio of 0.8 of a dev-suite case were removed before any training; none was that
close to a sealed-suite case. Files: moderation/training/heated_comments/{en,fr}.jsonl, one
{"text", "label", "kind"} per line; `label` is toxicity. Train-only, like the other written
sentences: never held out, never calibrating a threshold.
"""

from __future__ import annotations

from pathlib import Path

from moderation.training.datasets import Example
from moderation.training.freeform import toxicity_examples

SOURCE = "written_heated"
FOLDER = Path(__file__).resolve().parent / "heated_comments"


def heated_examples(folder: Path = FOLDER) -> list[Example]:
    """Every comment of both languages, labelled for toxicity only (freeform.toxicity_examples)."""
    return toxicity_examples(folder, SOURCE)
