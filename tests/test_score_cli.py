"""`moderation score` as a user runs it: JSON Lines in, one decision (or error) per line out."""

import importlib.util
import json
import subprocess
import sys

import pytest

from moderation.cli import main


def run_score(stdin: bytes) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "moderation.cli", "score", "-"], input=stdin,
                          capture_output=True, timeout=120)


def test_scores_lines_in_order_with_errors_in_place():
    lines = [
        json.dumps({"id": "a", "text": "Thanks for the clear article about the elections."}),
        "{not json",
        json.dumps({"id": "b", "text": "   "}),
        json.dumps({"text": "ferme ta gueule connard", "author": "x"}),
        json.dumps({"id": "c", "text": "hello", "author": 5}),
        json.dumps(["not", "an", "object"]),
    ]
    stdin = ("\n".join(lines) + "\n").encode() + b'{"id": "d", "text": "caf\xe9"}\n'
    result = run_score(stdin)
    assert result.returncode == 0, result.stderr
    out = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert len(out) == 7
    assert out[0]["id"] == "a" and out[0]["decision"] == "keep"
    assert out[1]["error"]["code"] == "invalid_json" and out[1]["line"] == 2
    assert out[2]["error"]["code"] == "empty_text" and out[2]["id"] == "b"
    assert out[3]["id"] == "4" and out[3]["language"] == "fr" and out[3]["decision"] != "keep"
    assert out[4]["error"]["field"] == "author"
    assert out[5]["error"]["code"] == "invalid_json"
    assert out[6]["error"]["code"] == "invalid_utf8"
    assert b"could not be scored" in result.stderr


def test_lone_surrogate_is_an_error_not_a_crash():
    result = run_score(b'{"id": "s", "text": "bad \\ud800 text"}\n{"id": "t", "text": "fine text here ok"}\n')
    out = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert out[0]["error"]["code"] == "invalid_unicode"
    assert out[1]["id"] == "t" and "decision" in out[1]


def test_missing_file_is_a_clear_error(capsys):
    assert main(["score", "/nonexistent/comments.jsonl"]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_broken_model_configuration_is_a_clear_error_without_traceback(tmp_path):
    env = {"MODERATION_SCORER": "detoxify", "MODERATION_DETOXIFY_CHECKPOINT": str(tmp_path / "missing.ckpt"),
           "MODERATION_DETOXIFY_HF_CONFIG": str(tmp_path), "PATH": "/usr/bin:/bin"}
    result = subprocess.run([sys.executable, "-m", "moderation.cli", "score", "-"], input=b'{"text": "hello"}\n',
                            capture_output=True, timeout=120, env=env)
    assert result.returncode == 2
    # without torch (scripts/setup.sh with MODERATION_SKIP_TORCH=1) the clear error names the extra
    named = b"missing.ckpt" if importlib.util.find_spec("torch") else b"'detoxify' extra"
    assert b"configuration error" in result.stderr and named in result.stderr
    assert b"Traceback" not in result.stderr
