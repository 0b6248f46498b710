"""Failed moderator authentication is throttled per client and per moderator name, with backoff
(issue 15, item 4): Flask test client on a real redis-server."""

from __future__ import annotations

import dataclasses
import re

import pytest

from moderation.web import auth_throttle

ALICE = "alice-token-0123456789"


@pytest.fixture
def api(settings):
    from moderation.web import create_app

    return create_app(dataclasses.replace(settings, review_tokens=(f"alice:{ALICE}",))).test_client()


def bearer(token):
    return {"Authorization": f"Bearer {token}"}


def guess(api, token, addr="203.0.113.5"):
    return api.get("/v1/review", headers=bearer(token), environ_base={"REMOTE_ADDR": addr})


def test_a_client_guessing_bearer_tokens_is_locked_out_before_any_token_is_compared(api):
    statuses = [guess(api, f"guess-{i}").status_code for i in range(8)]
    # The free failures, then the one that starts the lock; every later guess is refused unread.
    assert statuses == [401] * (auth_throttle.FREE_FAILURES["addr"] + 1) + [429] * 2
    locked = guess(api, ALICE)  # even the right token: the client is locked, nothing is compared
    assert locked.status_code == 429 and locked.get_json()["error"]["code"] == "too_many_failures"
    assert 1 <= int(locked.headers["Retry-After"]) <= auth_throttle.MAX_LOCK_SECONDS
    assert guess(api, ALICE, addr="198.51.100.20").status_code == 200  # another client is not affected


def test_get_comment_bearer_guesses_count_too(api):
    for i in range(auth_throttle.FREE_FAILURES["addr"] + 1):
        assert api.get("/v1/comments/x", headers=bearer(f"g{i}")).status_code == 401
    assert api.get("/v1/comments/x", headers=bearer("g-next")).status_code == 429


def test_the_lock_doubles_with_each_further_failure_and_is_capped(redis_client):
    subject = ["addr:192.0.2.1"]
    free = auth_throttle.FREE_FAILURES["addr"]
    locks = []
    for n in range(free + 12):
        auth_throttle.failed(redis_client, subject, now=1000.0)
        until = redis_client.hget(auth_throttle.PREFIX + subject[0], "until")
        locks.append(float(until) - 1000.0 if until else 0.0)
    assert locks[:free] == [0.0] * free
    assert locks[free:free + 5] == [2.0, 4.0, 8.0, 16.0, 32.0]
    assert locks[-1] == auth_throttle.MAX_LOCK_SECONDS
    with pytest.raises(auth_throttle.Throttled):
        auth_throttle.check(redis_client, subject, now=1000.0 + auth_throttle.MAX_LOCK_SECONDS - 1)
    auth_throttle.check(redis_client, subject, now=1000.0 + auth_throttle.MAX_LOCK_SECONDS + 1)  # lock over


def test_a_success_forgets_the_clients_failures(api):
    for i in range(auth_throttle.FREE_FAILURES["addr"] - 1):
        guess(api, f"typo-{i}")
    assert guess(api, ALICE).status_code == 200
    assert [guess(api, f"again-{i}").status_code for i in range(2)] == [401, 401]


def csrf_of(html: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


def sign_in(page, token, moderator=None, addr="203.0.113.5"):
    environ = {"REMOTE_ADDR": addr}
    csrf = csrf_of(page.get("/review", environ_base=environ).get_data(as_text=True))
    data = {"csrf_token": csrf, "token": token, **({"moderator": moderator} if moderator else {})}
    return page.post("/review/sign-in", data=data, environ_base=environ)


def test_sign_in_guesses_against_one_moderator_name_are_locked_across_addresses(settings):
    from moderation.web import create_app

    app = create_app(dataclasses.replace(settings, review_tokens=(f"alice:{ALICE}",)))
    free = auth_throttle.FREE_FAILURES["name"]
    # A distributed guesser: every guess from a new address, all naming alice.
    statuses = [sign_in(app.test_client(), f"guess-{i}", "alice", addr=f"10.0.0.{i}").status_code
                for i in range(free + 3)]
    assert statuses == [401] * (free + 1) + [429] * 2
    locked = sign_in(app.test_client(), ALICE, "alice", addr="10.0.1.1")
    assert locked.status_code == 429 and "Retry-After" in locked.headers
    assert "too many failed sign-in attempts" in locked.get_data(as_text=True)
    assert sign_in(app.test_client(), ALICE, addr="10.0.1.2").status_code == 303  # without the name: the token alone


def test_a_token_that_is_not_the_named_moderators_is_refused(settings):
    from moderation.web import create_app

    app = create_app(dataclasses.replace(settings, review_tokens=(f"alice:{ALICE}", "bob:bob-token-0123456789")))
    assert sign_in(app.test_client(), ALICE, "bob").status_code == 401
    assert sign_in(app.test_client(), ALICE, "alice").status_code == 303
