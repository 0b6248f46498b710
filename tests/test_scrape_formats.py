"""Each comment format, read from fixture pages the tests hold."""

from __future__ import annotations

from pathlib import Path

import pytest

from moderation.scrape import scrape_file

FIXTURES = Path(__file__).parent / "fixtures" / "scrape"


def scrape(name: str) -> list[dict]:
    return scrape_file(FIXTURES / name)


def by_id(comments: list[dict]) -> dict[str, dict]:
    return {c["id"]: c for c in comments}


def test_every_record_has_exactly_the_contract_fields():
    for name in ("wordpress_threaded.html", "wpdiscuz_thread.html", "microdata.html", "jsonld.html",
                 "disqus_export.xml", "wpdiscuz_dump.txt"):
        for comment in scrape(name):
            assert set(comment) == {"id", "article", "author", "text", "parent_id", "created_at"}
            assert set(comment["article"]) == {"source", "title", "url"}
            assert comment["text"] and comment["text"] == comment["text"].strip()


def test_wordpress_threaded_replies_french_and_entities():
    comments = scrape("wordpress_threaded.html")
    assert [c["id"] for c in comments] == ["101", "102", "103", "105"]  # the pingback (104) is not a reader
    first, reply, nested, last = comments
    assert first["author"] == "Marie Dupré"
    assert first["text"] == ("Enfin un budget qui tient la route ! Les « économies » sur la voirie m’inquiètent "
                             "quand même.\nEt les écoles ?\nOn en parle…")
    assert first["created_at"] == "2021-08-24T19:05:11+00:00"
    assert (reply["author"], reply["parent_id"], reply["text"]) == ("Tom & Jerry", "101",
                                                                   "I agree <mostly> — schools first.")
    assert (nested["parent_id"], nested["text"]) == ("102", "Tout à fait d'accord.")
    assert (last["author"], last["parent_id"], last["text"]) == ("anonyme42", None, "Encore des impôts.")
    assert first["article"] == {"source": str(FIXTURES / "wordpress_threaded.html"),
                                "title": "Le conseil municipal vote le budget – Le Petit Journal",
                                "url": "https://journal.example/2021/08/budget/"}


def test_wordpress_page_furniture_is_never_a_comment():
    texts = "\n".join(c["text"] + " " + str(c["author"]) for c in scrape("wordpress_threaded.html"))
    for furniture in ("Répondre", "Reply", "dit", "says", "attente de modération", "Une honte",  # tweet
                      "Pingback", "Votre adresse e-mail", "Partager", "faites un don", "Accueil", "alert",
                      "adopté le budget", "24 août"):
        assert furniture not in texts


def test_wpdiscuz_markup_ids_threading_and_no_widget_text():
    comments = scrape("wpdiscuz_thread.html")
    assert [(c["id"], c["parent_id"], c["author"]) for c in comments] == [
        ("201", None, "Cromwell"), ("202", "201", "Michel LeBlanc"), ("203", "202", "Arch Bungle"),
        ("204", None, "Simon Ndiritu")]
    found = by_id(comments)
    assert found["201"]["text"] == ("So where was he when the valley was occupied for twenty years?\n"
                                    "Ask the \"experts\" & you’ll get nothing.")
    assert found["202"]["text"] == "Je me collerais pas trop au nom. C’est une affaire afghane."
    assert found["202"]["created_at"] == "2021-08-23T11:15:00+00:00"
    assert found["204"]["text"] == "Press conferences win no wars."  # the quoted article passage is dropped
    assert found["201"]["article"]["url"] == "https://news.example/valley-resistance/"
    joined = "\n".join(c["text"] for c in comments)
    for widget in ("Last edited", "Reply", "Notify", "Load More", "Subscribe", "Tweet", "donate", "Would love"):
        assert widget not in joined


def test_microdata_comments_with_person_authors_and_nested_replies():
    first, reply, anonymous = scrape("microdata.html")
    assert (first["id"], first["author"], first["created_at"]) == (
        "https://city.example/bridge#c1", "Ana Pérez", "2021-09-01T08:30:00Z")
    assert first["text"] == "About time & money well spent.\nSecond paragraph."  # the reply is not inside it
    assert (reply["id"], reply["author"], reply["parent_id"]) == ("c2", "Luc", "https://city.example/bridge#c1")
    assert reply["text"] == "Le pont était fermé depuis deux ans !"
    assert reply["created_at"] == "2021-09-01T09:00:00+02:00"
    assert anonymous["author"] is None and anonymous["parent_id"] is None
    assert anonymous["id"].startswith("h")  # no id on the page: a stable hash


def test_jsonld_comments_nested_replies_and_broken_blocks_ignored():
    first, reply, second = scrape("jsonld.html")
    assert first["id"] == "https://weather.example/storm#comment-7"
    assert (first["author"], first["text"]) == ("Kim O'Neil", "Stay safe & dry, everyone. Really.")
    assert (reply["parent_id"], reply["author"], reply["text"]) == (first["id"], "Éloïse", "Merci, vous aussi !")
    assert second["parent_id"] is None
    assert second["created_at"] is None  # "yesterday" is not a date-time we can pass on


def test_disqus_export_threads_parents_and_skipped_posts():
    comments = scrape("disqus_export.xml")
    assert [c["id"] for c in comments] == ["9001", "9002", "9005"]  # 9003 is spam, 9004 deleted
    first, reply, french = comments
    assert first["text"] == "Great write-up & thanks.\nMore please."
    assert (reply["parent_id"], reply["author"]) == ("9001", "Reader Two")
    assert first["article"]["title"] == "First post" and first["article"]["url"] == "https://blog.example/first-post/"
    assert french["article"]["title"] == "Deuxième article"
    assert (french["author"], french["text"]) == ("Amélie", "C'est très bien écrit.")
    assert french["created_at"] == "2021-08-21T11:00:00Z"


def test_wpdiscuz_text_dump_layout_rules():
    comments = scrape("wpdiscuz_dump.txt")
    assert [(c["author"], c["text"]) for c in comments] == [
        (None, "First comment without a name line."),
        ("Jane Doe", "A comment by Jane.\nIts second paragraph."),
        ("Pierre", "Je trouve que c’est une bonne idée."),  # named by the "Last edited" line below it
        ("Jane Doe", "Thanks Pierre."),  # "Last edited" glued to the text at the end of the file
    ]
    assert comments[0]["article"]["title"] == "Budget vote: the council decides tonight"


@pytest.mark.parametrize("name", ["tweet_embed.html", "comments_closed.html"])
def test_pages_without_a_thread_give_nothing(name):
    assert scrape(name) == []


def test_hash_ids_are_stable_and_distinct():
    first, second = scrape("wpdiscuz_dump.txt"), scrape("wpdiscuz_dump.txt")
    assert [c["id"] for c in first] == [c["id"] for c in second]
    assert len({c["id"] for c in first}) == len(first)


def test_repeated_identical_comments_get_distinct_ids(tmp_path):
    page = tmp_path / "dupes.txt"
    page.write_text("Title of the page here\n\nNotify of\nNewest Most Voted\nInline Feedbacks\n\n"
                    "Same words.\n\n\nSame words.\n", encoding="utf-8")
    comments = scrape_file(page)
    assert [c["text"] for c in comments] == ["Same words.", "Same words."]
    assert comments[0]["id"] != comments[1]["id"]
