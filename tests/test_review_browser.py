"""The review page in Debian's headless Chromium (driven by Playwright), against the real app
served over HTTP by werkzeug in a thread and a real redis-server (tests/conftest.py).
"""

from __future__ import annotations

import dataclasses
import os
import shutil
import threading

import pytest

from tests.support.review_seed import comment, make_engine, moderate

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
TOKEN = "tok-alice-0123"
XSS = "<script>alert(1)</script>"


def browser_executable(playwright) -> str | None:
    """Debian's chromium where installed, else Playwright's own browser if someone installed it."""
    if shutil.which(CHROMIUM):
        return CHROMIUM
    own = playwright.chromium.executable_path
    return own if own and os.path.exists(own) else None


@pytest.fixture(scope="module")
def chromium():
    if os.environ.get("MODERATION_SKIP_BROWSER") == "1":
        pytest.skip("browser tests skipped: MODERATION_SKIP_BROWSER=1")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        executable = browser_executable(playwright)
        if executable is None:
            pytest.skip("no browser for the review page tests: neither Debian's chromium (/usr/bin/chromium; "
                        "scripts/setup.sh installs it where the archive has it) nor Playwright's own "
                        "(.venv/bin/python -m playwright install chromium); see README, 'Two commands'")
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def live_app(settings):
    """The app on a free port, served by werkzeug in a thread for the duration of one test."""
    from werkzeug.serving import make_server

    from moderation.web import create_app

    app = create_app(dataclasses.replace(settings, review_tokens=(f"alice:{TOKEN}",)))
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(5)


@pytest.fixture
def held(store):
    engine = make_engine()
    # Received one after another, same severity: the queue shows them in this order.
    for comment_id, text in (("first", "You are such a scumbag, honestly the worst of them all."),
                             ("second", f"Shut up, you are a scumbag and everyone here knows it {XSS}"),
                             ("third", "Tu es un connard, franchement.")):
        moderate(store, engine, [comment(comment_id, text, author=f"author of {comment_id}")])
    return store


@pytest.fixture
def page(chromium, live_app, held):
    """A signed-in tab on the review page, with the held comments already there."""
    context = chromium.new_context()
    page = context.new_page()
    page.dialogs = []
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(f"{live_app}/review")
    page.fill("#token", TOKEN)
    page.press("#token", "Enter")
    wait_for_keys(page)
    yield page
    context.close()


def wait_for_keys(page) -> None:
    """Wait until review.js has attached its shortcuts (keys pressed before that are lost)."""
    page.wait_for_selector("html[data-keys=ready]", state="attached")


def current_id(page) -> str:
    return page.get_attribute("article.item.current", "data-id")


def test_keyboard_moves_approves_and_rejects(page, held, live_app):
    assert current_id(page) == "first"
    page.keyboard.press("j")
    page.keyboard.press("k")
    assert current_id(page) == "first"
    with page.expect_navigation():
        page.keyboard.press("a")
    wait_for_keys(page)
    assert held.head("first")["decision"] == "keep" and held.head("first")["review_by"] == "alice"
    assert current_id(page) == "second"
    page.keyboard.press("j")
    assert current_id(page) == "third"
    with page.expect_navigation():
        page.keyboard.press("r")
    wait_for_keys(page)
    assert held.head("third")["decision"] == "remove" and held.review_ids() == ["second"]
    api = page.request.get(f"{live_app}/v1/comments/third", headers={"Authorization": f"Bearer {TOKEN}"}).json()
    assert api["outcome"] == "remove" and api["history"][-1]["actor"] == "moderator:alice"
    assert page.text_content("#fig-size") == "1" and "alice: 1 ✓ 1 ✗" in page.text_content("#fig-moderators")


def test_a_script_in_a_comment_is_shown_as_text(page, held):
    text = page.text_content('article[data-id="second"] .text')
    assert XSS in text and page.is_visible('article[data-id="second"] .text')
    page.wait_for_timeout(200)
    assert page.dialogs == []
    marks = page.eval_on_selector_all('article[data-id="second"] mark', "els => els.map(e => e.innerHTML)")
    assert "scumbag" in marks and all("<" not in mark for mark in marks)  # highlighted, and only text


def test_question_mark_toggles_the_help(page, held):
    assert page.get_attribute("#help", "open") is None
    page.keyboard.press("?")
    assert page.get_attribute("#help", "open") is not None and page.is_visible("text=this help")


def test_a_forged_form_without_the_csrf_token_is_refused(page, held, live_app):
    # The signed-in browser's own cookie goes along; only the CSRF token is missing.
    answer = page.request.post(f"{live_app}/review/decide", form={"id": "first", "action": "reject"})
    assert answer.status == 403 and answer.json()["error"]["code"] == "csrf_failed"
    assert held.head("first")["decision"] == "hold"
    answer = page.request.post(f"{live_app}/review/decide",
                               form={"id": "first", "action": "reject", "csrf_token": "guessed"})
    assert answer.status == 403 and held.head("first")["decision"] == "hold"


def test_buttons_work_with_javascript_disabled(chromium, live_app, held):
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(f"{live_app}/review")
        page.fill("#token", TOKEN)
        page.click("text=Sign in")
        page.click('article[data-id="first"] button.reject')
        page.wait_for_selector("text=first: rejected (remove).")
        assert held.head("first")["decision"] == "remove"
    finally:
        context.close()
