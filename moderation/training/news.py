"""Reader comments under news articles, written by hand: the register the toxicity head takes for abuse.

Why: the toxicity head holds ordinary news talk. "Governor should be impeached over this. Millions
in taxpayer money gone and zero accountability." scores 0.94; "Six years for killing a cyclist
while on his phone? That's an insult to the family." 0.65. The only news-site comments in
../shared/data are Civil Comments' toxic ones, so nothing of the same register says otherwise.
Two helper sessions that had read no file of the project (2026-12-06) wrote 700 comments per
language under news articles: 480 a moderator keeps (political anger, institutions, public figures'
records, crime news, local economy, sport, identity in the news, idioms of violence, untargeted
swearing, sarcasm, short replies, sharp debate) and 220 in the same register that cross the line
(insults at a reader or a public figure, hate against groups, threats, obscene abuse, slurs).
38 English and 44 French comments equal to or within a difflib ratio of 0.8 of a dev or sealed
suite case, or equal to a heated comment, were removed before any training (tests/test_news_comments.py
keeps it so). Files: moderation/training/news_comments/{en,fr}.jsonl, one {"text", "label",
"kind"} per line; `label` is toxicity. Train-only: never held out, never calibrating a threshold.
They train the second opinion (training/second_opinion.py), not the shipped model's heads.
"""

from __future__ import annotations

from pathlib import Path

from moderation.training.datasets import Example
from moderation.training.freeform import toxicity_examples

SOURCE = "written_news"
FOLDER = Path(__file__).resolve().parent / "news_comments"


def news_examples(folder: Path = FOLDER) -> list[Example]:
    """Every comment of both languages, labelled for toxicity only (freeform.toxicity_examples)."""
    return toxicity_examples(folder, SOURCE)
