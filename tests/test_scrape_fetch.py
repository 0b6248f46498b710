"""Fetching pages over HTTP from a loopback server: robots.txt, types, charsets, caps and timeouts."""

from __future__ import annotations

from pathlib import Path

import pytest

from moderation.scrape import Fetcher, ScrapeError, scrape_source
from moderation.scrape.fetch import USER_AGENT
from tests.scrape_server import Route, serve

FIXTURES = Path(__file__).parent / "fixtures" / "scrape"
SEED = Path(__file__).resolve().parent.parent / "seeds" / "001_8dacbf023c84fc95.txt"
ROBOTS = Route(b"User-agent: *\nDisallow: /private/\n", "text/plain")
CP1252_PAGE = ('<html><head><meta charset="windows-1252"><title>Caf\xe9</title></head><body>'
               '<ol class="comment-list"><li id="comment-1" class="comment"><div class="comment-author">'
               '<span class="fn">Ren\xe9e</span></div><div class="comment-content"><p>D\xe9j\xe0 vu \u2013 '
               '\u201cbien\u201d</p></div></li></ol></body></html>').encode("cp1252")


@pytest.fixture
def site():
    routes = {
        "/robots.txt": ROBOTS,
        "/article": Route((FIXTURES / "wpdiscuz_thread.html").read_bytes()),
        "/private/article": Route((FIXTURES / "wpdiscuz_thread.html").read_bytes()),
        "/dump": Route(SEED.read_bytes(), "text/plain; charset=utf-8"),
        "/export": Route((FIXTURES / "disqus_export.xml").read_bytes(), "application/xml"),
        "/header-charset": Route(CP1252_PAGE.replace(b'<meta charset="windows-1252">', b""),
                                 "text/html; charset=windows-1252"),
        "/meta-charset": Route(CP1252_PAGE, "text/html"),
        "/image": Route(b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "image/png"),
        "/big": Route(b"<p>" + b"x" * 300_000 + b"</p>"),
        "/big-unannounced": Route(b"<p>" + b"x" * 300_000 + b"</p>", send_length=False),
        "/slow": Route(b"<p>late</p>", delay=1.5),
        "/gone": Route(b"gone", "text/plain", 410),
    }
    with serve(routes) as running:
        yield running


def test_fetches_a_page_with_a_clear_user_agent(site):
    result = scrape_source(site.url + "/article", fetcher=Fetcher(timeout=5))
    assert [c["author"] for c in result.to_json()] == ["Cromwell", "Michel LeBlanc", "Arch Bungle", "Simon Ndiritu"]
    assert result.comments[0].article.source == site.url + "/article"
    agents = {headers.get("User-Agent") for _, _, headers, _ in site.requests}
    assert agents == {USER_AGENT}
    assert site.paths() == ["/robots.txt", "/article"]


def test_robots_txt_disallow_is_respected(site):
    with pytest.raises(ScrapeError, match="robots.txt forbids"):
        scrape_source(site.url + "/private/article", fetcher=Fetcher(timeout=5))
    assert "/private/article" not in site.paths()


def test_robots_txt_is_read_once_per_site(site):
    fetcher = Fetcher(timeout=5)
    scrape_source(site.url + "/article", fetcher=fetcher)
    scrape_source(site.url + "/dump", fetcher=fetcher)
    assert site.paths().count("/robots.txt") == 1


def test_robots_txt_server_error_means_disallow():
    with serve({"/robots.txt": Route(b"oops", "text/plain", 503), "/article": Route(b"<p>x</p>")}) as broken:
        with pytest.raises(ScrapeError, match="robots.txt forbids"):
            scrape_source(broken.url + "/article", fetcher=Fetcher(timeout=5))
        assert "/article" not in broken.paths()


def test_missing_robots_txt_allows_everything():
    page = (FIXTURES / "wordpress_threaded.html").read_bytes()
    with serve({"/article": Route(page)}) as plain:  # /robots.txt answers 404
        assert len(scrape_source(plain.url + "/article", fetcher=Fetcher(timeout=5)).comments) == 4


def test_text_dump_and_disqus_export_over_http(site):
    dump = scrape_source(site.url + "/dump", fetcher=Fetcher(timeout=5))
    assert any(c.author == "Michel LeBlanc" and c.text.startswith("Je me collerais") for c in dump.comments)
    export = scrape_source(site.url + "/export", fetcher=Fetcher(timeout=5))
    assert [c.id for c in export.comments] == ["9001", "9002", "9005"]


@pytest.mark.parametrize("path", ["/header-charset", "/meta-charset"])
def test_charset_from_header_or_meta(site, path):
    (comment,) = scrape_source(site.url + path, fetcher=Fetcher(timeout=5)).comments
    assert (comment.author, comment.text) == ("Renée", "Déjà vu – “bien”")
    assert comment.article.title == "Café"


def test_wrong_content_type_is_a_clear_error(site):
    with pytest.raises(ScrapeError, match="image/png, not an HTML page"):
        scrape_source(site.url + "/image", fetcher=Fetcher(timeout=5))


@pytest.mark.parametrize("path", ["/big", "/big-unannounced"])
def test_oversize_page_is_refused(site, path):
    with pytest.raises(ScrapeError, match="over the 100000-byte cap"):
        scrape_source(site.url + path, fetcher=Fetcher(timeout=5, max_bytes=100_000))


def test_slow_server_times_out(site):
    with pytest.raises(ScrapeError, match="timed out"):
        scrape_source(site.url + "/slow", fetcher=Fetcher(timeout=0.5))


def test_http_error_status_is_reported(site):
    with pytest.raises(ScrapeError, match="HTTP 410"):
        scrape_source(site.url + "/gone", fetcher=Fetcher(timeout=5))


def test_unreachable_host_is_reported():
    with serve() as gone:
        url = gone.url
    with pytest.raises(ScrapeError, match="cannot reach"):
        scrape_source(url + "/article", fetcher=Fetcher(timeout=2))
