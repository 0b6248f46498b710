"""The seed pages: the two wpDiscuz text dumps give their reader comments, the other three none."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from moderation.scrape import scrape_file

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
TALIBAN_RULE = SEEDS / "000_90265b5c91533556.txt"
RESISTANCE = SEEDS / "001_8dacbf023c84fc95.txt"
NO_THREAD = ["002_4bf82ea3be6574c2.txt", "003_0d6328627ccc8674.txt", "004_0bb3817e7b1967d5.txt"]


def starting(comments: list[dict], prefix: str) -> dict:
    matches = [c for c in comments if c["text"].startswith(prefix)]
    assert len(matches) == 1, f"expected one comment starting {prefix!r}, got {len(matches)}"
    return matches[0]


def test_last_edited_line_names_the_author_of_the_comment_above():
    comment = starting(scrape_file(TALIBAN_RULE), "So where was Masoud Jr")
    assert comment["author"] == "Cromwell"
    assert comment["text"] == "So where was Masoud Jr when Afghanistan was occupied for twenty years by Nato?"


def test_short_name_line_precedes_a_french_comment():
    comment = starting(scrape_file(RESISTANCE), "Je me collerais pas trop")
    assert comment["author"] == "Michel LeBlanc"
    assert comment["text"].split("\n")[1].startswith("Oui le.pakistan a sa main dans le chaudron")


def test_authors_and_comment_boundaries_of_the_first_dump():
    comments = scrape_file(TALIBAN_RULE)
    assert [(c["author"], c["text"][:24]) for c in comments] == [
        ("Cromwell", "So where was Masoud Jr w"),
        (None, "Sucking Murican cock lik"),
        ("Arch Bungle", "Giving Bernard Henri Lev"),
        ("Rodney Loder.", "These resistance fighter"),
        (None, "‘Unwilling to compromise"),
        ("Alberto Bohon.", "are there real sources o"),
        ("Arch Bungle", "been looking for this my"),
        ("US & EU are Zion slaves", "“betrayal of the amnesty"),
    ]
    # The last comment runs on to the "Last edited" line glued to the end of the file.
    assert comments[-1]["text"].endswith("which is just funny, just like Iraq.")


def test_authors_and_comment_boundaries_of_the_second_dump():
    comments = scrape_file(RESISTANCE)
    assert [(c["author"], c["text"][:20]) for c in comments] == [
        (None, "War in Afghanistan i"),
        ("US & EU are Zion slaves", "The “war” is over, l"),
        ("US & EU are Zion slaves", "“Taliban are just li"),
        ("YankeeGoHome", "your mama is filth. "),
        ("Michel LeBlanc", "Spoken like a true w"),
        (None, "Massoud Jr, who was "),
        ("Simon Ndiritu", "He is well skilled i"),
        ("L du Plessis", "ita a matter of time"),
        (None, "Les Talibans ont été"),
        ("Michel LeBlanc", "Je me collerais pas "),
    ]


@pytest.mark.parametrize("path", [TALIBAN_RULE, RESISTANCE])
def test_no_boilerplate_article_text_or_widget_lines(path):
    comments = scrape_file(path)
    page = path.read_text(encoding="utf-8")
    article = page[:page.index("Notify of")]
    texts = [c["text"] for c in comments]
    names = {c["author"] for c in comments} | {"Arch Bungle", "Rodney Loder.", "Alberto Bohon."}
    for text in texts:
        for line in text.split("\n"):
            assert line not in article, f"article or boilerplate line in a comment: {line[:60]!r}"
            assert not line.startswith(("Last edited", "Would love", "Notify of", "View all comments"))
            assert line not in names  # author-name lines are never comment text


@pytest.mark.parametrize("name", NO_THREAD)
def test_pages_without_a_thread_give_no_comments(name):
    assert scrape_file(SEEDS / name) == []


def test_ids_do_not_depend_on_where_the_file_sits(tmp_path):
    copy = tmp_path / RESISTANCE.name
    shutil.copy(RESISTANCE, copy)
    assert [c["id"] for c in scrape_file(copy)] == [c["id"] for c in scrape_file(RESISTANCE)]
