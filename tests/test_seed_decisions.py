"""The engine's bar on the seed threads: what a careful moderator would do with each reader comment.

Comments are found by their opening words through the real scraper, then decided by the real
engine with the shipped model, lexicons and policy.
"""

from pathlib import Path

import pytest

from moderation.engine import Engine
from moderation.scrape import scrape_file
from moderation.settings import PROJECT_ROOT, load_settings
from moderation.types import CommentInput

SEEDS = PROJECT_ROOT / "seeds"

# Ordinary political comments, English and French: keep.
KEEP = [
    ("So where was Masoud Jr", "en"),
    ("These resistance fighters are reall", "en"),
    ("‘Unwilling to compromise and negotiate’", "en"),
    ("are there real sources of information", "en"),
    ("been looking for this myself", "en"),
    ("Massoud Jr, who was killing 800 Taliban", "en"),
    ("He is well skilled in winning wars", "en"),
    ("ita a matter of time", "en"),
    ("Les Talibans ont été créés par la CIA", "fr"),
    # held by identity_attack from stack-v6 to stack-v8 (0.70 >= 0.55); kept since group-stance-v2
    # reads it (engine eng-23)
    ("Je me collerais pas trop", "fr"),
]
# Insults, obscenities, religious/ethnic attacks, dehumanisation: hold or remove.
NOT_KEEP = [
    "Sucking Murican cock",
    "Giving Bernard Henri Levi",
    "“betrayal of the amnesty” said",
    "War in Afghanistan is far from over",
    "The “war” is over, like it or not",
    "“Taliban are just like UAE/KSA",
    "your mama is filth",
    "Spoken like a true western narcissist",
]


@pytest.fixture(scope="module")
def decided():
    scraped = [c for page in sorted(SEEDS.glob("*.txt")) for c in scrape_file(page)]
    engine = Engine.from_settings(load_settings({"scorer": "linear"}))  # the shipped model
    decisions = engine.decide([CommentInput(c["id"], c["text"], c["author"]) for c in scraped])
    return [(c["text"], d) for c, d in zip(scraped, decisions)]


def find(decided, opening):
    matches = [d for text, d in decided if text.startswith(opening)]
    assert len(matches) == 1, f"expected one seed comment starting {opening!r}, found {len(matches)}"
    return matches[0]


def test_every_seed_comment_is_listed_here(decided):
    assert len(decided) == len(KEEP) + len(NOT_KEEP)


@pytest.mark.parametrize("opening, language", KEEP)
def test_ordinary_comments_are_kept_in_the_right_language(decided, opening, language):
    decision = find(decided, opening)
    assert decision.language == language
    assert decision.decision == "keep", decision.to_json()


@pytest.mark.parametrize("opening", NOT_KEEP)
def test_abusive_comments_are_held_or_removed(decided, opening):
    decision = find(decided, opening)
    assert decision.language == "en"
    assert decision.decision in {"hold", "remove"}, decision.to_json()
