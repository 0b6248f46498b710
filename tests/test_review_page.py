"""The /review page through Flask's test client on a real redis-server: sign-in, CSRF, escaping."""

from __future__ import annotations

import dataclasses
import re

import pytest

from moderation.web.review_render import highlight
from tests.support.review_seed import comment, make_engine, moderate

TOKEN = "tok-alice-0123"
XSS = "<script>alert(1)</script>"


@pytest.fixture(scope="module")
def engine():
    return make_engine()


@pytest.fixture
def page_settings(settings):
    return dataclasses.replace(settings, review_tokens=(f"alice:{TOKEN}",))


@pytest.fixture
def browser(page_settings):
    from moderation.web import create_app

    return create_app(page_settings).test_client()


@pytest.fixture
def held(store, engine):
    moderate(store, engine, [
        comment("x-1", f"Shut up, you are a scumbag and everyone here knows it {XSS}", author='<img src=x onerror="alert(2)">', article="a1"),
        comment("fr-1", "Tu es un connard", article="a2", language="fr"),
    ])


def csrf_of(html: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


def sign_in(browser, token=TOKEN):
    csrf = csrf_of(browser.get("/review").get_data(as_text=True))
    return browser.post("/review/sign-in", data={"csrf_token": csrf, "token": token})


def test_signed_out_visitors_get_the_sign_in_form_with_security_headers(browser, held):
    answer = browser.get("/review")
    html = answer.get_data(as_text=True)
    assert answer.status_code == 200 and 'name="token"' in html and "connard" not in html
    csp = answer.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "frame-ancestors 'none'" in csp
    assert answer.headers["X-Frame-Options"] == "DENY"
    assert answer.headers["X-Content-Type-Options"] == "nosniff"
    assert answer.headers["Referrer-Policy"] == "no-referrer"
    assert "<script>" not in html.replace('<script src="/review/static/review.js"></script>', "")


def test_sign_in_sets_a_strict_http_only_session_cookie(browser, held):
    answer = sign_in(browser)
    assert answer.status_code == 303
    cookie = answer.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and TOKEN not in cookie
    html = browser.get("/review").get_data(as_text=True)
    assert "connard" in html and "alice" in html


def test_a_wrong_token_is_refused(browser, held):
    answer = sign_in(browser, "tok-guess")
    assert answer.status_code == 401 and "not a moderator token" in answer.get_data(as_text=True)
    assert "connard" not in browser.get("/review").get_data(as_text=True)


def test_removing_a_token_from_the_settings_signs_its_sessions_out(browser, held, page_settings):
    from moderation.web import create_app

    sign_in(browser)
    cookie = browser.get_cookie("moderation_review")
    later = create_app(dataclasses.replace(page_settings, review_tokens=("bob:other-token",),
                                           session_secret="fixed-secret")).test_client()
    same = create_app(dataclasses.replace(page_settings, session_secret="fixed-secret")).test_client()
    for client in (later, same):
        client.set_cookie("moderation_review", cookie.value)
    assert "connard" not in later.get("/review").get_data(as_text=True)  # other secret and token
    sign_in(same)
    same_cookie = same.get_cookie("moderation_review").value
    later.set_cookie("moderation_review", same_cookie)
    assert "connard" in same.get("/review").get_data(as_text=True)
    assert "connard" not in later.get("/review").get_data(as_text=True)  # same secret, token gone


def test_comments_are_escaped_and_terms_highlighted(browser, held, store):
    assert set(store.review_ids()) == {"x-1", "fr-1"}
    sign_in(browser)
    html = browser.get("/review").get_data(as_text=True)
    assert XSS not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<img" not in html and "&lt;img src=x onerror=&#34;alert(2)&#34;&gt;" in html
    assert '<mark class="hit sev-strong" title="scumbag (insult, strong)">scumbag</mark>' in html
    assert '<mark class="hit sev-strong" title="connard (insult, strong)">connard</mark>' in html


@pytest.mark.parametrize("path,data", [
    ("/review/decide", {"id": "fr-1", "action": "reject"}),
    ("/review/bulk", {"ids": ["fr-1"], "action": "reject"}),
    ("/review/claim", {"id": "fr-1", "op": "claim"}),
    ("/review/sign-out", {}),
])
@pytest.mark.parametrize("forged", [None, "forged-token"])
def test_forms_without_the_sessions_csrf_token_are_refused(browser, held, store, path, data, forged):
    sign_in(browser)
    answer = browser.post(path, data={**data, **({"csrf_token": forged} if forged else {})})
    assert answer.status_code == 403 and answer.get_json()["error"]["code"] == "csrf_failed"
    assert store.head("fr-1")["decision"] == "hold" and "connard" in browser.get("/review").get_data(as_text=True)


def test_sign_in_itself_needs_the_csrf_token(browser, held):
    assert browser.post("/review/sign-in", data={"token": TOKEN}).status_code == 403


def test_the_buttons_decide_and_record_the_moderator(browser, held, store):
    sign_in(browser)
    csrf = csrf_of(browser.get("/review").get_data(as_text=True))
    answer = browser.post("/review/decide", data={"csrf_token": csrf, "id": "fr-1", "revision": "1",
                                                  "action": "reject", "reason": "insult",
                                                  "return_query": "language=fr&evil=https://x"})
    assert answer.status_code == 303 and answer.headers["Location"] == "/review?language=fr"
    head = store.head("fr-1")
    assert (head["decision"], head["final"], head["review_by"]) == ("remove", "1", "alice")
    html = browser.get("/review").get_data(as_text=True)
    assert "fr-1: rejected (remove)." in html and "alice: 0 ✓ 1 ✗" in html
    bulk = browser.post("/review/bulk", data={"csrf_token": csrf, "ids": ["x-1", "fr-1"], "action": "approve"})
    assert bulk.status_code == 303 and store.head("x-1")["decision"] == "keep"
    html = browser.get("/review").get_data(as_text=True)
    assert "Nothing is waiting for review." in html and "fr-1: this comment is not waiting for review" in html


def test_signed_out_forms_are_refused(browser, held, store):
    csrf = csrf_of(browser.get("/review").get_data(as_text=True))  # a session with a CSRF token, no moderator
    answer = browser.post("/review/decide", data={"csrf_token": csrf, "id": "fr-1", "action": "reject"})
    assert answer.status_code == 401 and store.head("fr-1")["decision"] == "hold"


def test_the_page_shows_figures_claims_and_the_audit_trail(browser, held, store):
    sign_in(browser)
    csrf = csrf_of(browser.get("/review").get_data(as_text=True))
    browser.post("/review/claim", data={"csrf_token": csrf, "id": "fr-1", "op": "claim"})
    html = browser.get("/review").get_data(as_text=True)
    assert '<dd id="fig-size">2</dd>' in html and "claimed by alice" in html and 'value="release"' in html
    assert "machine · decided · hold · lexicon_strong" in html and "platform · received" in html


def test_a_javascript_article_url_is_not_linked(browser, store, engine):
    from moderation.store import IncomingComment

    moderate(store, engine, [IncomingComment("j-1", "scumbag", article={"id": "a", "url": "javascript:alert(3)"})])
    sign_in(browser)
    html = browser.get("/review").get_data(as_text=True)
    assert "javascript:alert(3)" not in html


def test_five_hundred_held_comments_render_on_one_page(browser, store, engine):
    moderate(store, engine, [comment(f"c{i:03d}", f"scumbag number {i}") for i in range(500)])
    sign_in(browser)
    html = browser.get("/review?per_page=500").get_data(as_text=True)
    assert html.count('<article class="item') == 500
    assert browser.get("/review").get_data(as_text=True).count('<article class="item') == 100


@pytest.mark.parametrize("text,hits,expected", [
    ("a <b> c", [{"start": 2, "end": 5, "matched": "<b>", "severity": "strong", "term": "t", "category": "c"}],
     'a <mark class="hit sev-strong" title="t (c, strong)">&lt;b&gt;</mark> c'),
    ("abc", [{"start": 1, "end": 9, "matched": "bc"}], "abc"),  # span past the end
    ("abc", [{"start": 0, "end": 2, "matched": "zz"}], "abc"),  # span does not cover what was matched
    ("abcd", [{"start": 0, "end": 3, "matched": "abc", "severity": "mild", "term": "x", "category": "y"},
              {"start": 1, "end": 4, "matched": "bcd", "severity": "severe", "term": "z", "category": "y"}],
     '<mark class="hit sev-mild" title="x (y, mild)">abc</mark>d'),  # overlap: first wins
    ("ab", [{"start": 0, "end": 1, "matched": "a", "field": "author"}], "ab"),  # other field
    ("q", [{"start": 0, "end": 1, "matched": "q", "severity": "strong", "term": '"><script>', "category": "c"}],
     '<mark class="hit sev-strong" title="&#34;&gt;&lt;script&gt; (c, strong)">q</mark>'),
])
def test_highlight_escapes_every_segment_and_trusts_only_fitting_spans(text, hits, expected):
    assert str(highlight(text, hits)) == expected


# --- server-side sessions (issue 15, item 3) ---------------------------------------------------

def copy_of_cookie(browser, page_settings):
    """A second client bearing a copy of `browser`'s session cookie (a stolen or copied cookie)."""
    from moderation.web import create_app

    thief = create_app(page_settings).test_client()
    thief.set_cookie("moderation_review", browser.get_cookie("moderation_review").value)
    return thief


def sign_out(browser, scope=None):
    csrf = csrf_of(browser.get("/review").get_data(as_text=True))
    return browser.post("/review/sign-out", data={"csrf_token": csrf, **({"scope": scope} if scope else {})})


def test_after_sign_out_a_copy_of_the_old_cookie_is_refused(browser, held, page_settings):
    sign_in(browser)
    thief = copy_of_cookie(browser, page_settings)
    assert "connard" in thief.get("/review").get_data(as_text=True)  # the copy works while signed in
    assert sign_out(browser).status_code == 303
    assert "connard" not in thief.get("/review").get_data(as_text=True)
    assert 'name="token"' in thief.get("/review").get_data(as_text=True)  # back to the sign-in form


def test_a_session_ends_after_the_idle_timeout(held, page_settings, redis_client):
    from moderation.store import sessions
    from moderation.web import create_app

    browser = create_app(dataclasses.replace(page_settings, review_session_idle_seconds=1)).test_client()
    sign_in(browser)
    assert "connard" in browser.get("/review").get_data(as_text=True)
    [key] = [k for k in redis_client.scan_iter(sessions.PREFIX + "*")]
    redis_client.hset(key, "last", float(redis_client.hget(key, "last")) - 2)  # idle for 2 s (PEXPIRE would too)
    assert "connard" not in browser.get("/review").get_data(as_text=True)
    assert not redis_client.exists(key)


def test_each_request_renews_the_idle_timer_but_not_the_absolute_lifetime(redis_client):
    from moderation.store import sessions

    sid = sessions.create(redis_client, "alice", "fp", idle_seconds=60, max_seconds=100, now=1000.0)
    assert sessions.touch(redis_client, sid, 60, 100, now=1050.0) == ("alice", "fp")
    assert sessions.touch(redis_client, sid, 60, 100, now=1090.0) == ("alice", "fp")  # 40 s idle: renewed
    assert sessions.touch(redis_client, sid, 60, 100, now=1101.0) is None  # past the absolute lifetime
    other = sessions.create(redis_client, "alice", "fp", idle_seconds=60, max_seconds=100, now=1000.0)
    assert sessions.touch(redis_client, other, 60, 100, now=1061.0) is None  # idle too long


def test_sign_out_everywhere_ends_every_session_of_the_moderator(browser, held, page_settings):
    from moderation.web import create_app

    sign_in(browser)
    laptop = create_app(page_settings).test_client()
    sign_in(laptop)
    assert sign_out(browser, scope="everywhere").status_code == 303
    assert "connard" not in laptop.get("/review").get_data(as_text=True)



def test_the_agreement_table_shows_machine_removals_and_reinstatements(browser, store, redis_client):
    from moderation.store import lifecycle
    from tests.test_reinstated import removed
    from tests.test_lifecycle import accept

    accept(store, redis_client, "r-1")
    removed(store, redis_client, "r-1")
    lifecycle.reinstate(redis_client, "r-1")
    sign_in(browser)
    html = browser.get("/review").get_data(as_text=True)
    row = re.search(r'<tr data-dimension="language" data-value="fr">.*?</tr>', html, re.S).group(0)
    assert '<td class="removed">1</td><td class="reinstated">1</td>' in row
    assert '<details class="agreement" id="agreement">' in html  # shown: there is something to show
