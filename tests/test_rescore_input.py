"""`moderation rescore --input FILE.jsonl`: rescore an export, report only, never touch Redis."""

from __future__ import annotations

import json

import pytest

from moderation.cli import main
from moderation.engine import Engine
from moderation.settings import load_settings
from moderation.types import CommentInput
from tests.test_rescore_store import COMMENTS, candidate_policy


@pytest.fixture
def cli(monkeypatch, capsys):
    # No Redis at all: a URL nobody listens on would fail loudly if the export path connected.
    monkeypatch.setenv("MODERATION_REDIS_URL", "redis://127.0.0.1:1/0")
    monkeypatch.setenv("MODERATION_SCORER", "linear")

    def run(*argv):
        code = main(["rescore", "--progress", "none", *map(str, argv)])
        out = capsys.readouterr()
        return code, json.loads(out.out), out.err
    return run


@pytest.fixture(scope="module")
def current():
    engine = Engine.from_settings(load_settings({"scorer": "linear"}, environ={}))
    return {d.id: d.to_json() for d in engine.decide([CommentInput(c["id"], c["text"]) for c in COMMENTS])}


def write_export(path, lines):
    path.write_text("".join((line if isinstance(line, str) else json.dumps(line)) + "\n" for line in lines), "utf-8")
    return path


def test_export_diffed_against_its_old_decisions_reports_the_changes(cli, current, tmp_path):
    # Claim half the comments were previously "remove": every one of those must be reported.
    export = [{"id": c["id"], "text": c["text"], "decision": "remove" if i % 2 else current[c["id"]]["decision"]}
              for i, c in enumerate(COMMENTS)]
    expected = {c["id"] for i, c in enumerate(COMMENTS) if i % 2 and current[c["id"]]["decision"] != "remove"}
    code, summary, _ = cli("--input", write_export(tmp_path / "in.jsonl", export), "--report", tmp_path / "r.csv")
    assert code == 0 and summary["mode"] == "input"
    assert summary["scanned"] == len(COMMENTS) and summary["changed"] == len(expected)
    import csv
    rows = list(csv.DictReader((tmp_path / "r.csv").open(encoding="utf-8")))
    assert {r["id"] for r in rows} == expected and {r["old_decision"] for r in rows} == {"remove"}


def test_export_under_a_candidate_policy_accepts_whole_decision_objects(cli, current, tmp_path):
    candidate_policy(tmp_path / "p.toml", "en", "toxicity", hold=0.0)
    export = [{"id": c["id"], "text": c["text"], "decision": current[c["id"]]} for c in COMMENTS]
    code, summary, _ = cli("--input", write_export(tmp_path / "in.jsonl", export), "--policy", tmp_path / "p.toml",
                           "--report", tmp_path / "r.jsonl")
    expected = {cid for cid, d in current.items() if d["language"] == "en" and d["decision"] == "keep"}
    rows = [json.loads(line) for line in (tmp_path / "r.jsonl").read_text("utf-8").splitlines()]
    assert code == 0 and expected and {r["id"] for r in rows} == expected
    assert all(r["scores_old"] == current[r["id"]]["scores"] for r in rows)


def test_lines_without_an_old_decision_are_reported_as_undiffed(cli, tmp_path):
    code, summary, _ = cli("--input", write_export(tmp_path / "in.jsonl", [{"id": "x", "text": COMMENTS[0]["text"]}]),
                           "--report", tmp_path / "r.jsonl")
    (row,) = [json.loads(line) for line in (tmp_path / "r.jsonl").read_text("utf-8").splitlines()]
    assert code == 0 and summary["undiffed"] == 1 and summary["changed"] == 0 and summary["none->keep"] == 1
    assert row["old_decision"] is None and row["new_decision"] == "keep"


def test_bad_lines_are_named_and_the_rest_still_rescored(cli, tmp_path):
    lines = [{"id": "ok1", "text": COMMENTS[0]["text"], "decision": "remove"}, "{not json",
             {"id": "nodecision", "text": "fine", "decision": "maybe"}, {"id": "notext"},
             {"id": "ok2", "text": COMMENTS[1]["text"], "decision": "remove"}]
    code, summary, err = cli("--input", write_export(tmp_path / "in.jsonl", lines), "--report", tmp_path / "r.jsonl")
    assert code == 1 and summary["errors"] == 3 and summary["scanned"] == 5 and summary["changed"] == 2
    assert "line 2" in err and "line 3" in err and "line 4" in err
    assert {json.loads(x)["id"] for x in (tmp_path / "r.jsonl").read_text("utf-8").splitlines()} == {"ok1", "ok2"}
