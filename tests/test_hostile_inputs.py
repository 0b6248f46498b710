"""The hostile input catalogue (SECURITY.md): each entry gets a clear error or a sensible decision,
at the engine (Engine.decide and `moderation score`) and at the intake (the real app, the session's
real redis-server, a real RQ worker deciding what was acknowledged). Nothing crashes, nothing
acknowledged is lost, nothing is stored for a refused request.

Duplicate keys are refused (400 at the intake, an error line in `moderation score`): a signed body
must mean one thing, and last-wins would let two parsers read two different comments.
"""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
from pathlib import Path

import pytest
from rq import SimpleWorker
from rq.registry import FailedJobRegistry
from rq.serializers import JSONSerializer

from moderation.engine import Engine
from moderation.services import Services
from moderation.settings import load_settings
from moderation.types import CommentInput
from tests.conftest import REVIEW_TOKEN
from workers import context

ROOT = Path(__file__).resolve().parent.parent
OUTCOMES = {"keep", "hold", "remove"}
BEARER = {"Authorization": f"Bearer {REVIEW_TOKEN}"}

# name -> (text, author): accepted by the intake and decided by the engine.
DECIDABLE = {
    "nul_and_controls": ("hello\x00world you idiot\x00 \x01\x07\x1b[31m\x7f", "ann\x00"),
    "rtl_override": ("\u202eyou are an idiot\u202c", "\u202enimda\u202c"),
    "zero_width_joiners": ("i\u200dd\u200di\u200do\u200dt, that is what you are", "z\u200dw\u200dj"),
    "zalgo": ("idiot" + "\u0301\u0336\u0489" * 6000, None),
    "combining_flood_only": ("\u0301" * 20_000, None),
    "emoji_only": ("😀🔥💩👍🏽‍" * 20, "🦊"),
    "html_js": ("<script>alert(document.cookie)</script><img src=x onerror=alert(1)>", "<b onmouseover=alert(1)>b</b>"),
    "max_length_insults": (("idiot " * 4000)[:20_000], None),
    "padded_whitespace": ("\u3000\u00a0 ok then \t\n", "  "),
}
# Hits the lexicon must still find through the disguise (the rest just need a sensible decision).
STILL_FOUND = {"nul_and_controls", "rtl_override", "zero_width_joiners", "zalgo", "max_length_insults"}
# ... and where the insult is aimed at someone, not kept ("idiot" alone under zalgo noise is a mild
# word the shipped policy keeps on its own, as it would without the noise)
AIMED = STILL_FOUND - {"zalgo"}


@pytest.fixture(scope="module")
def engine():
    return Engine.from_settings(load_settings({"scorer": "linear"}, environ={}))


def assert_sensible(decision, text, author):
    """A decision we can act on, with evidence whose spans point into what was sent."""
    assert decision.decision in OUTCOMES and decision.language in ("en", "fr", "und")
    assert (decision.decision == "keep" or decision.reasons) and all(0.0 <= v <= 1.0 for v in decision.scores.values())
    for hit in decision.slurs:
        source = text if hit.field == "text" else author
        assert source[hit.start:hit.end] == hit.matched


# --- engine level ------------------------------------------------------------------------------

@pytest.mark.parametrize("name", sorted(DECIDABLE))
def test_engine_decides_each_hostile_comment(engine, name):
    text, author = DECIDABLE[name]
    [decision] = engine.decide([CommentInput(id=name, text=text, author=author)])
    assert_sensible(decision, text, author)
    if name in STILL_FOUND:
        assert any("idiot" in hit.term for hit in decision.slurs), decision.slurs
    if name in AIMED:
        assert decision.decision != "keep"


def test_emoji_only_and_combining_floods_are_kept_unless_the_site_holds_undetermined_text(engine):
    comments = [CommentInput(id=n, text=DECIDABLE[n][0]) for n in ("emoji_only", "combining_flood_only")]
    assert [(d.language, d.decision) for d in engine.decide(comments)] == [("und", "keep"), ("und", "keep")]
    strict = engine.with_policy(dataclasses.replace(engine.policy, hold_undetermined=True))
    decisions = strict.decide(comments)
    assert [(d.language, d.decision) for d in decisions] == [("und", "hold"), ("und", "hold")]
    assert all("language_undetermined" in d.reasons for d in decisions)


def test_engine_decides_a_one_megabyte_comment(engine):
    text = "A calm remark about the article. " * 31_000 + "And you are an idiot."  # ~1 MB, past every limit
    [decision] = engine.decide([CommentInput(id="big", text=text)])
    assert_sensible(decision, text, None)
    assert [hit.start >= len(text) - 21 for hit in decision.slurs] == [True]  # found at the very end


def test_engine_handles_empty_and_whitespace_only_text(engine):
    decisions = engine.decide([CommentInput(id="e", text=""), CommentInput(id="w", text=" \u3000\n\t")])
    assert [d.decision for d in decisions] == ["keep", "keep"]  # no evidence of anything (intake refuses empty text)
    assert all(d.language == "und" for d in decisions)


def test_moderation_score_answers_every_line_of_a_hostile_file(tmp_path):
    """One real `moderation score` run: 10,000 ordinary lines plus the catalogue, in order."""
    lines = [json.dumps({"id": name, "text": text, "author": author}).encode()
             for name, (text, author) in sorted(DECIDABLE.items())]
    refused = {  # raw line -> error code written in its place
        b'{"id": "bad-utf8", "text": "caf\xe9"}': "invalid_utf8",
        b'{"id": "surrogate", "text": "a\\ud800b"}': "invalid_unicode",
        b'{"id": "surrogate-author", "text": "ok", "author": "\\udfff"}': "invalid_unicode",
        b'{"id": "empty", "text": "   "}': "empty_text",
        json.dumps({"id": "mega", "text": "a" * 1_000_000}).encode(): "text_too_long",
        b"[" * 50_000 + b"]" * 50_000: "invalid_json",
        b'{"id": "dup", "text": "fine", "text": "you idiot"}': "invalid_json",
        b'{"id": "number", "text": 12345}': "invalid_field",
    }
    lines += list(refused)
    lines += [json.dumps({"id": f"n{i}", "text": f"Comment number {i}, thanks."}).encode() for i in range(10_000)]
    source = tmp_path / "hostile.jsonl"
    source.write_bytes(b"\n".join(lines) + b"\n")
    done = subprocess.run([sys.executable, "-m", "moderation.cli", "score", str(source)], cwd=ROOT,
                          capture_output=True, timeout=240)
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-2000:]
    answers = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(answers) == len(lines)
    codes = [a["error"]["code"] for a in answers if "error" in a]
    assert codes == list(refused.values())
    decided = [a for a in answers if "decision" in a]
    assert len(decided) == len(DECIDABLE) + 10_000 and {a["decision"] for a in decided} <= OUTCOMES


# --- intake level: refused with a clear error, nothing stored ----------------------------------

def stored(redis_client) -> list[bytes]:
    """Every key but the rate limiter's counters."""
    return [k for k in redis_client.scan_iter("*") if not k.startswith(b"mod:ratelimit:")]


REFUSED = [
    # name, body (JSON-able or raw bytes), status, error code, field
    ("empty_text", {"id": "x", "text": ""}, 422, "empty_text", "text"),
    ("whitespace_only", {"id": "x", "text": " \u3000\u00a0\n\t"}, 422, "empty_text", "text"),
    ("one_megabyte_text", {"id": "x", "text": "a" * 1_000_000}, 413, "too_large", "text"),
    ("invalid_utf8", b'{"id": "x", "text": "\xff\xfe caf\xe9"}', 400, "invalid_utf8", None),
    ("lone_surrogate_text", b'{"id": "x", "text": "a\\ud800b"}', 422, "invalid_text", "text"),
    ("lone_surrogate_author", b'{"id": "x", "text": "ok", "author": "\\udc00"}', 422, "invalid_text", "author"),
    ("nesting_bomb_arrays", b"[" * 100_000 + b"]" * 100_000, 400, "malformed_json", None),
    ("nesting_bomb_objects", b'{"a":' * 100_000 + b"1" + b"}" * 100_000, 400, "malformed_json", None),
    ("nesting_bomb_in_ignored_field", b'{"id": "x", "text": "t", "extra": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
     400, "malformed_json", None),
    ("duplicate_keys", b'{"id": "x", "text": "fine", "text": "you idiot"}', 400, "malformed_json", None),
    ("duplicate_keys_nested", b'{"comments": [{"id": "x", "id": "y", "text": "t"}]}', 400, "malformed_json", None),
    ("nan", b'{"id": "x", "text": "t", "score": NaN}', 400, "malformed_json", None),
    ("number_as_id", {"id": 12, "text": "t"}, 422, "invalid_type", "id"),
    ("number_as_text", {"id": "x", "text": 3.5}, 422, "invalid_type", "text"),
    ("number_as_author", {"id": "x", "text": "t", "author": 5}, 422, "invalid_type", "author"),
    ("number_as_article_title", {"id": "x", "text": "t", "article": {"title": 1.5}}, 422, "invalid_type",
     "article.title"),
    ("number_as_created_at", {"id": "x", "text": "t", "created_at": 0}, 422, "invalid_type", "created_at"),
    ("bool_as_language", {"id": "x", "text": "t", "language": True}, 422, "invalid_type", "language"),
    ("id_with_newline", {"id": "x\n", "text": "t"}, 422, "invalid_field", "id"),
    ("html_in_id", {"id": "<script>", "text": "t"}, 422, "invalid_field", "id"),
    ("string_body", "just a string", 422, "invalid_body", None),
    ("ten_thousand_comments", {"comments": [{"id": f"c{i}", "text": "t"} for i in range(10_000)]}, 413,
     "too_many_comments", "comments"),
    ("one_bad_comment_sinks_its_batch", {"comments": [{"id": f"c{i}", "text": "t"} for i in range(499)]
                                         + [{"id": "last", "text": "\ud800"}]}, 422, "invalid_text",
     "comments[499].text"),
]


@pytest.mark.parametrize("name,body,status,code,field", REFUSED, ids=[r[0] for r in REFUSED])
def test_intake_refuses_with_a_clear_error_and_stores_nothing(post_signed, client, redis_client,
                                                              name, body, status, code, field):
    response = post_signed(body if isinstance(body, bytes) else json.dumps(body).encode())
    assert response.status_code == status, response.get_data(as_text=True)[:300]
    assert response.mimetype == "application/json"
    error = response.get_json()["error"]
    assert error["code"] == code and error["message"] and error.get("field") == field
    if name.startswith("duplicate_keys"):
        assert "duplicate key" in error["message"]
    assert stored(redis_client) == []
    assert client.get("/healthz").status_code == 200  # the web process is still serving


@pytest.mark.parametrize("body,code", [
    (b"[" * 100_000 + b"]" * 100_000, "malformed_json"),
    (b'{"ids": ["a"], "action": "approve", "action": "reject"}', "malformed_json"),
    (b'{"ids": ["a"], "action": {}}', "invalid_action"),
])
def test_review_api_refuses_hostile_bodies(client, body, code):
    response = client.post("/v1/review", data=body, headers={**BEARER, "Content-Type": "application/json"})
    assert response.status_code in (400, 422) and response.get_json()["error"]["code"] == code


# --- intake level: accepted, decided by a real worker, nothing lost ----------------------------

@pytest.fixture
def worker_services(settings, redis_client, engine):
    services = Services(settings, redis=redis_client)
    context.configure(settings, services, engine=engine)  # the real engine, built once for the module
    yield services
    context.reset()


def run_worker_burst(services) -> None:
    worker = SimpleWorker([services.queues["moderate"]], connection=services.redis, serializer=JSONSerializer)
    worker.work(burst=True)


def test_hostile_comments_are_acknowledged_decided_and_kept_verbatim(post_signed, client, worker_services):
    acknowledged = {}
    for name, (text, author) in DECIDABLE.items():  # one request each ...
        response = post_signed({"id": name, "text": text, "author": author})
        assert response.status_code == 202, (name, response.get_data(as_text=True)[:300])
        acknowledged[name] = (text, author)
    batch = [{"id": f"batch-{name}", "text": text, "author": author} for name, (text, author) in DECIDABLE.items()]
    assert post_signed({"comments": batch}).status_code == 202  # ... and all in one batch
    acknowledged.update({c["id"]: (c["text"], c["author"]) for c in batch})

    run_worker_burst(worker_services)

    store = worker_services.store
    assert store.pending_count() == 0
    assert FailedJobRegistry("moderate", connection=worker_services.redis, serializer=JSONSerializer).count == 0
    for comment_id, (text, author) in acknowledged.items():
        view = client.get(f"/v1/comments/{comment_id}", headers=BEARER)
        assert view.status_code == 200 and view.mimetype == "application/json"
        answer = view.get_json()
        assert answer["status"] == "decided" and answer["outcome"] in OUTCOMES, comment_id
        assert answer["revisions"][0]["text"] == text and answer["revisions"][0]["author"] == author
        decision = answer["decision"]
        for hit in decision["slurs"]:
            source = text if hit["field"] == "text" else author
            assert source[hit["start"]:hit["end"]] == hit["matched"]
