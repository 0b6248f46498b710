"""scripts/setup.sh and the packaging: a default install has no torch; pip errors stop the set-up."""

from __future__ import annotations

import os
import re
import subprocess
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# What the detoxify path needs and the default install must not pull. (sentencepiece is not among
# them since 2026-12-03: a few MB of C++ tokenizer, which the sentence encoder uses too.)
HEAVY = {"torch", "detoxify", "transformers"}


def requirement_names(requirements: list[str]) -> set[str]:
    return {re.split(r"[<>=!~\[; ]", req, maxsplit=1)[0].strip().lower() for req in requirements}


def test_default_install_pulls_no_torch():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert requirement_names(project["dependencies"]) & HEAVY == set()
    assert "torch==2.13.0" in project["optional-dependencies"]["detoxify"]  # pinned where it is wanted


def test_setup_does_not_install_torch_for_the_demo():
    script = (ROOT / "scripts" / "setup.sh").read_text()
    assert "|| true" not in script  # no swallowed errors
    # torch only through the detoxify extra, which only `setup.sh test` asks for
    assert [line for line in script.splitlines() if "pip install" in line and "torch" in line] == []
    assert 'extras="detoxify,dev"' in script


def test_a_pip_error_stops_setup(tmp_path):
    venv = tmp_path / "venv"
    (venv / "bin").mkdir(parents=True)
    fake = venv / "bin" / "python"
    # A venv whose pip fails and whose imports "succeed": the old `|| true` went on and stamped it.
    fake.write_text('#!/bin/sh\nif [ "$1" = -m ] && [ "$2" = pip ]; then echo "ERROR: no such package" >&2; '
                    'exit 1; fi\nexit 0\n')
    fake.chmod(0o755)
    (venv / "bin" / "pip").symlink_to(fake)
    env = {**os.environ, "VENV": str(venv), "PYTHON": "python3"}
    result = subprocess.run(["bash", "scripts/setup.sh", "demo"], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode != 0, result.stdout + result.stderr
    assert "no such package" in result.stderr
    assert not (venv / ".moderation-installed").exists()
