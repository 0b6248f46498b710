"""`moderation export` on a real redis-server: every stored field round-trips, the time and article
selections hold, and an interrupted export resumes to the same file."""

from __future__ import annotations

import gzip
import json
import time

import pytest

from moderation.cli import main
from moderation.export import Selection, export_to_file
from moderation.store import Store, keys
from moderation.store.models import loads
from moderation.store.retention import sweep
from moderation.store.lifecycle.moderate import decide as moderator_decides
from moderation.settings import load_settings
from tests.support.rescore_store import seed
from tests.test_rescore_store import engine  # noqa: F401 - fixture

TEXTS = ["Thanks for the clear article.", "You are an idiot, shut up.", "Merci pour cet article.",
         "Quel imbécile, ferme-la.", "I disagree with the author on the budget."]


@pytest.fixture
def stored(redis_client, engine):  # noqa: F811
    seed(redis_client, engine, [{"id": f"a{i}", "text": TEXTS[i % 5], "article": f"art{i % 2}", "author": "ann"}
                                for i in range(30)], now=1_000_000.0)
    seed(redis_client, engine, [{"id": f"b{i}", "text": TEXTS[i % 5] + " (later)"} for i in range(20)],
         now=2_000_000.0)
    seed(redis_client, engine, [{"id": "a0", "text": "Edited: thanks again."}], now=2_000_001.0)
    held = Store(redis_client).review_ids()
    assert held
    moderator_decides(redis_client, held[:1], "approve", "alice")
    return redis_client


def stored_record(redis, comment_id: str) -> dict:
    store = Store(redis)
    head = store.head(comment_id)
    revs = range(1, int(head["rev"]) + 1)
    return {"id": comment_id, "head": head,
            "revisions": [loads(redis.get(keys.revision(comment_id, n))) for n in revs],
            "decisions": [loads(redis.get(keys.decision(comment_id, n))) for n in revs],
            "rescored": [loads(redis.get(keys.rescored(comment_id, n))) for n in revs],
            "history": store.history(comment_id)}


def read_lines(path) -> list[dict]:
    opener = gzip.open if str(path).endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def run_export(redis_server, monkeypatch, *argv) -> int:
    monkeypatch.setenv("MODERATION_REDIS_URL", redis_server.url)
    return main(["export", *argv])


def test_every_field_round_trips(stored, redis_server, monkeypatch, tmp_path):
    out = tmp_path / "all.jsonl.gz"
    assert run_export(redis_server, monkeypatch, "-o", str(out)) == 0
    lines = read_lines(out)
    # in order of receipt; one batch shares its received time, and ties come in id order
    assert [line["id"] for line in lines] == sorted(f"a{i}" for i in range(30)) + sorted(f"b{i}" for i in range(20))
    for line in lines:
        assert line == stored_record(stored, line["id"])
    edited = next(line for line in lines if line["id"] == "a0")
    assert len(edited["revisions"]) == 2 and edited["revisions"][1]["text"] == "Edited: thanks again."
    assert any(e["actor"] == "moderator:alice" for line in lines for e in line["history"])
    assert not (tmp_path / "all.jsonl.gz.part").exists()


def test_time_window_and_article(stored, redis_server, monkeypatch, tmp_path, capsys):
    assert run_export(redis_server, monkeypatch, "--since", "1000000", "--until", "2000000",
                      "--article", "art1") == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [line["id"] for line in lines] == sorted(f"a{i}" for i in range(1, 30, 2))
    assert run_export(redis_server, monkeypatch, "--since", "1970-01-24T00:00:00Z") == 0
    later = [json.loads(line)["id"] for line in capsys.readouterr().out.splitlines()]
    assert later == sorted(f"b{i}" for i in range(20))
    assert run_export(redis_server, monkeypatch, "--since", "yesterday") == 2


def test_expired_comments_export_their_compact_records_and_whole_trail(stored, redis_server, monkeypatch, capsys):
    sweep(stored, load_settings(environ={}), now=time.time() + 31 * 86400)
    assert run_export(redis_server, monkeypatch, "--until", "1500000") == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    expired = [line for line in lines if "text_expired_at" in line["head"]]
    assert expired
    for line in expired:  # compact records: no text, no evidence; the trail is whole
        # a comment's only revision record goes entirely (its head has time and hash)
        assert all(r is None if len(line["revisions"]) == 1 else set(r) == {"rev", "received_at", "hash"}
                   for r in line["revisions"])
        assert all("scores" not in d and "slurs" not in d and d["decision"] for d in line["decisions"])
        assert {"received", "decided"} <= {e["type"] for e in line["history"]}


@pytest.mark.parametrize("name", ["resume.jsonl", "resume.jsonl.gz"])
def test_an_interrupted_export_resumes_to_the_same_file(stored, tmp_path, name):
    whole = tmp_path / f"whole-{name}"
    export_to_file(stored, Selection(), whole, page=7)
    out = tmp_path / name
    with pytest.raises(KeyboardInterrupt):
        export_to_file(stored, Selection(), out, page=7, stop_after_pages=3)
    part = tmp_path / f"{name}.part"
    with open(part, "ab") as handle:
        handle.write(b"half a page written when the power went")
    state = export_to_file(stored, Selection(), out, page=7)
    assert state.exported == 50
    assert read_lines(out) == read_lines(whole)
