"""Start-up refuses configuration slips with a clear message (issue 15, items 4 and 10): weak or
ambiguous moderator tokens, no webhook secret; misspelt MODERATION_* variables are warned about.
The CLI runs as a real subprocess (`python -m moderation.cli serve`) against a real redis-server."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys

import pytest

from moderation.settings import SettingsError
from moderation.startup import check_serving, token_problems, unknown_variables

STRONG = "Zr8-k2Pq_w9Xv4Lm7T"


@pytest.mark.parametrize("tokens,expected", [
    (("tok1",), "entry 1: the token must have at least 16 characters"),
    (("alice:aaaaaaaaaaaaaaaaaaaa",), "entry 1 (alice): the token must have at least 16 characters, 8 of them different"),
    ((f"x9:{STRONG[:10]}",), "entry 1 (x9): the token must have"),  # a bare 'x9:...' token read as name x9
    ((f"not a name:{STRONG}",), "the part before the first ':' must be a moderator name"),
    ((f"alice:{STRONG}", f"alice:{STRONG}x"), "entry 2 (alice): the moderator name is used twice"),
    ((f"alice:{STRONG}", f"bob:{STRONG}"), "entry 2 (bob): the same token is given twice"),
])
def test_weak_or_ambiguous_tokens_are_refused(settings, tokens, expected):
    problems = token_problems(dataclasses.replace(settings, review_tokens=tokens))
    assert any(expected in problem for problem in problems), problems
    assert not any(token in " ".join(problems) for token in tokens if len(token) > 3)  # tokens never shown


def test_strong_tokens_and_a_secret_start(settings):
    check_serving(dataclasses.replace(settings, review_tokens=(f"alice:{STRONG}", STRONG[::-1])))


def test_no_webhook_secret_is_refused_unless_explicitly_allowed(settings):
    with pytest.raises(SettingsError, match="MODERATION_WEBHOOK_SECRET"):
        check_serving(dataclasses.replace(settings, webhook_secret=""))
    check_serving(dataclasses.replace(settings, webhook_secret=""), allow_no_webhook_secret=True)


def test_misspelt_variables_are_named_with_a_suggestion():
    warnings = unknown_variables({"MODERATION_WEBHOK_SECRET": "x", "MODERATION_REDIS_URL": "redis://", "HOME": "/"})
    assert warnings == ["MODERATION_WEBHOK_SECRET is not a setting and is ignored "
                        "(did you mean MODERATION_WEBHOOK_SECRET?)"]


def serve(redis_server, tmp_path, **env) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("MODERATION_")}
    environ = {**clean, "MODERATION_REDIS_URL": redis_server.url, "MODERATION_DATA_DIR": str(tmp_path), **env}
    return subprocess.run([sys.executable, "-m", "moderation.cli", "serve", "--port", "1"], env=environ,
                          capture_output=True, text=True, timeout=60)


def test_serve_without_a_webhook_secret_exits_2_with_the_reason(redis_server, tmp_path):
    done = serve(redis_server, tmp_path, MODERATION_WEBHOK_SECRET="typo")
    assert done.returncode == 2
    assert "webhook_secret: not set" in done.stderr and "--no-webhook-secret" in done.stderr
    assert "MODERATION_WEBHOK_SECRET is not a setting" in done.stderr and "did you mean" in done.stderr
    assert "Traceback" not in done.stderr


def test_serve_with_a_weak_token_exits_2(redis_server, tmp_path):
    done = serve(redis_server, tmp_path, MODERATION_WEBHOOK_SECRET="s3cret-for-test",
                 MODERATION_REVIEW_TOKENS="alice:tok1")
    assert done.returncode == 2 and "entry 1 (alice): the token must have at least 16" in done.stderr
    assert "tok1" not in done.stderr
