"""`moderation demo`, the README's first command: seeds scraped, posted signed, decided, printed."""

import json
import os
import subprocess
import sys

import pytest

from moderation.settings import PROJECT_ROOT

pytestmark = pytest.mark.e2e


def run_demo(*args: str) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if not key.startswith("MODERATION_")}
    return subprocess.run([sys.executable, "-m", "moderation.cli", "demo", *args], cwd=PROJECT_ROOT, env=env,
                          capture_output=True, text=True, timeout=180)


def test_demo_decides_every_seed_comment_through_the_service():
    result = run_demo("--json")
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == 18 and "18/18 decided" in result.stderr
    by_opening = {row["comment"]["text"][:22]: row for row in rows}
    cromwell = by_opening["So where was Masoud Jr"]
    assert cromwell["comment"]["author"] == "Cromwell"
    assert cromwell["moderation"]["status"] == "decided" and cromwell["moderation"]["outcome"] == "keep"
    goat = next(row for row in rows if "goat fuker" in row["comment"]["text"])
    assert goat["moderation"]["outcome"] in {"hold", "remove"}
    assert any(hit["matched"] == "goat fuker" for hit in goat["moderation"]["decision"]["slurs"])


def test_demo_prints_a_readable_table():
    result = run_demo()
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split()[:3] == ["article", "author", "comment"] and "decision" in lines[0]
    body = lines[2:]
    assert len(body) == 18
    assert all(line.rstrip().endswith(("KEEP", "HOLD", "REMOVE")) for line in body)
