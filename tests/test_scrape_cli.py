"""`moderation scrape`: JSON Lines out, errors per source, signed batches to a webhook, the score pipeline."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from moderation.cli import main
from moderation.signing import SIGNATURE_HEADER, TIMESTAMP_HEADER, SignatureError, verify_signature
from tests.scrape_server import Route, serve

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted(str(p) for p in (ROOT / "seeds").glob("*.txt"))
FIXTURES = Path(__file__).parent / "fixtures" / "scrape"
SECRET = "test-secret"


def lines(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def test_seed_pages_print_json_lines_matching_the_python_api(capsys):
    from moderation.scrape import scrape_file

    assert main(["scrape", *SEEDS]) == 0
    printed = lines(capsys.readouterr().out)
    assert printed == [comment for seed in SEEDS for comment in scrape_file(seed)]
    assert len(printed) == 18


def test_page_without_thread_prints_nothing_and_succeeds(capsys):
    assert main(["scrape", str(FIXTURES / "tweet_embed.html")]) == 0
    assert capsys.readouterr().out == ""


def test_bad_source_is_reported_and_the_others_still_processed(capsys):
    code = main(["scrape", str(FIXTURES / "no-such-page.html"), str(FIXTURES / "disqus_export.xml")])
    captured = capsys.readouterr()
    assert code == 1
    assert "no-such-page.html: No such file or directory" in captured.err
    assert [c["id"] for c in lines(captured.out)] == ["9001", "9002", "9005"]


def _verifying_webhook(accept_batches: set[int] | None = None):
    """A webhook that checks the signature and records the batches it accepted."""
    received: list[list[dict]] = []
    calls: list[list[dict]] = []

    def on_post(path: str, headers: dict, body: bytes) -> tuple[int, bytes]:
        try:
            verify_signature(SECRET, headers.get(TIMESTAMP_HEADER), headers.get(SIGNATURE_HEADER), body)
        except SignatureError as exc:
            return 401, json.dumps({"error": str(exc)}).encode()
        if headers.get("Content-Type") != "application/json" or path != "/v1/comments":
            return 415, b'{"error": "wrong type or path"}'
        calls.append(json.loads(body)["comments"])
        if accept_batches is not None and len(calls) not in accept_batches:
            return 503, b'{"error": "queue unavailable"}'
        received.append(calls[-1])
        return 202, b'{"accepted": true}'

    return on_post, received


def test_post_sends_signed_batches_in_the_webhook_schema(capsys):
    with serve() as webhook:
        webhook.on_post, received = _verifying_webhook()
        code = main(["scrape", *SEEDS, "--post", webhook.url + "/v1/comments", "--secret", SECRET,
                     "--batch-size", "5"])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert [len(batch) for batch in received] == [5, 5, 5, 3]
    sent = [comment for batch in received for comment in batch]
    printed = lines(captured.out)
    assert [c["id"] for c in sent] == [c["id"] for c in printed]
    for comment in sent:
        assert set(comment) <= {"id", "text", "author", "article", "created_at"}
        assert set(comment["article"]) <= {"id", "url", "title"}
    assert sent[0]["text"].startswith("So where was Masoud Jr") and sent[0]["author"] == "Cromwell"
    assert captured.err.count("posted batch") == 4


def test_post_with_wrong_secret_reports_every_failed_batch(capsys):
    with serve() as webhook:
        webhook.on_post, received = _verifying_webhook()
        code = main(["scrape", SEEDS[0], "--post", webhook.url + "/v1/comments", "--secret", "wrong",
                     "--batch-size", "4"])
    captured = capsys.readouterr()
    assert code == 1 and received == []
    assert "FAILED batch 1 (comments 1-4): HTTP 401" in captured.err
    assert "FAILED batch 2 (comments 5-8): HTTP 401" in captured.err
    assert "signature does not match" in captured.err
    assert len(lines(captured.out)) == 8  # nothing is lost: the comments are still printed


def test_one_failed_batch_does_not_stop_the_next(capsys):
    with serve() as webhook:
        webhook.on_post, received = _verifying_webhook(accept_batches={1, 3, 4})
        code = main(["scrape", SEEDS[1], "--post", webhook.url + "/v1/comments", "--secret", SECRET,
                     "--batch-size", "3"])
    captured = capsys.readouterr()
    assert code == 1
    assert "posted batch 1 (comments 1-3): HTTP 202" in captured.err
    assert "FAILED batch 2 (comments 4-6): HTTP 503: {\"error\": \"queue unavailable\"}" in captured.err
    assert "posted batch 3 (comments 7-9): HTTP 202" in captured.err
    assert "posted batch 4 (comments 10-10): HTTP 202" in captured.err
    assert [len(batch) for batch in received] == [3, 3, 1]


def test_post_to_unreachable_webhook_is_reported(capsys):
    with serve() as gone:
        url = gone.url
    code = main(["scrape", SEEDS[0], "--post", url + "/v1/comments", "--secret", SECRET])
    assert code == 1
    assert "FAILED batch 1 (comments 1-8): not sent" in capsys.readouterr().err


def test_post_without_a_secret_is_refused(monkeypatch, capsys):
    monkeypatch.delenv("MODERATION_WEBHOOK_SECRET", raising=False)
    monkeypatch.setenv("MODERATION_CONFIG_DIR", str(FIXTURES))  # no moderation.toml there
    with pytest.raises(SystemExit, match="needs --secret"):
        main(["scrape", SEEDS[0], "--post", "http://127.0.0.1:9/v1/comments"])


def test_every_printed_line_is_a_valid_score_input(capsys):
    from moderation.comment_json import parse_comment_line

    assert main(["scrape", *SEEDS]) == 0
    raw_lines = capsys.readouterr().out.encode("utf-8").splitlines()
    parsed = [parse_comment_line(raw, n, 20_000) for n, raw in enumerate(raw_lines, start=1)]
    assert [c.id for c in parsed] == [json.loads(raw)["id"] for raw in raw_lines]
    assert any(c.author == "Michel LeBlanc" for c in parsed)


def test_scrape_pipes_into_score():
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    scrape = subprocess.run([sys.executable, "-m", "moderation.cli", "scrape", *SEEDS], capture_output=True,
                            cwd=ROOT, env=env, timeout=120, check=True)
    score = subprocess.run([sys.executable, "-m", "moderation.cli", "score", "-"], input=scrape.stdout,
                           capture_output=True, cwd=ROOT, env=env, timeout=300)
    assert score.returncode == 0, score.stderr.decode()[-2000:]
    decisions = lines(score.stdout.decode())
    assert [d.get("id") for d in decisions] == [c["id"] for c in lines(scrape.stdout.decode())]
    assert all("error" not in d for d in decisions)


def test_every_webhook_object_passes_the_intake_validation():
    from moderation.scrape import scrape_source
    from moderation.settings import load_settings
    from moderation.web.validation import parse_comment

    settings = load_settings(environ={})
    sources = SEEDS + [str(p) for p in sorted(FIXTURES.iterdir())]
    sent = [c.to_webhook() for source in sources for c in scrape_source(source).comments]
    assert len(sent) == 18 + 21
    for item in sent:
        parsed = parse_comment(item, "comments[0].", settings)  # raises ApiError on anything the intake refuses
        assert parsed.text == item["text"]
    # Page ids like "101" are namespaced by page so two sites' comment 101 never collide in the store.
    ids = [item["id"] for item in sent]
    assert len(set(ids)) == len(ids)
    assert any(i.endswith(":101") for i in ids) and "101" not in ids
