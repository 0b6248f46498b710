"""Which scorer the settings build, and that the web-side path never imports torch."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from moderation.scoring.base import ScorerUnavailable
from moderation.scoring.factory import build_scorer, scorer_choice
from moderation.settings import SettingsError, load_settings
from tests.support.tiny_detoxify import build_tiny_detoxify

ROOT = Path(__file__).resolve().parent.parent
HEAVY_MODULES = ("torch", "transformers", "detoxify")
needs_linear = pytest.mark.skipif(importlib.util.find_spec("moderation.scoring.linear") is None,
                                  reason="moderation.scoring.linear (the project's own model) is not in the tree yet")


@pytest.fixture(scope="session")
def tiny(tmp_path_factory):
    pytest.importorskip("torch")
    return build_tiny_detoxify(tmp_path_factory.mktemp("tiny-detoxify-factory"))


def settings_with(**overrides):
    return load_settings(overrides=overrides, environ={})


def heavy_modules_after(script: str) -> list[str]:
    """Run script in a fresh interpreter; return the heavy ML modules it ended up importing."""
    probe = script + ("\nimport json, sys\n"
                      f"print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in {HEAVY_MODULES!r})))")
    env = {key: value for key, value in os.environ.items() if not key.startswith("MODERATION_")}
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, env={**env, "PYTHONPATH": str(ROOT)},
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_auto_means_detoxify_only_when_a_checkpoint_is_configured(tmp_path):
    assert scorer_choice(settings_with()) == "linear"
    assert scorer_choice(settings_with(detoxify_checkpoint=tmp_path / "x.ckpt")) == "detoxify"
    assert scorer_choice(settings_with(scorer="linear", detoxify_checkpoint=tmp_path / "x.ckpt")) == "linear"
    assert scorer_choice(settings_with(scorer="detoxify")) == "detoxify"


def test_auto_with_a_configured_checkpoint_builds_the_detoxify_scorer(tiny):
    from moderation.scoring.detoxify_scorer import DetoxifyScorer

    scorer = build_scorer(settings_with(detoxify_checkpoint=tiny.checkpoint, detoxify_hf_config=tiny.hf_config))
    assert isinstance(scorer, DetoxifyScorer)
    assert scorer.model_id.startswith("detoxify-multilingual-")
    assert scorer.score(["you are an idiot"], ["en"])[0].keys() == set(scorer.labels)


def test_the_batch_size_comes_from_the_environment_and_must_be_positive(tiny):
    settings = load_settings(overrides={"detoxify_checkpoint": tiny.checkpoint, "detoxify_hf_config": tiny.hf_config},
                             environ={"MODERATION_DETOXIFY_BATCH_SIZE": "3"})
    assert build_scorer(settings).batch_size == 3
    with pytest.raises(SettingsError, match="detoxify_batch_size"):
        load_settings(environ={"MODERATION_DETOXIFY_BATCH_SIZE": "0"})


def test_a_configured_but_missing_checkpoint_is_an_error_not_a_fallback(tiny, tmp_path):
    missing = tmp_path / "gone.ckpt"
    with pytest.raises(ScorerUnavailable, match=str(missing)):
        build_scorer(settings_with(detoxify_checkpoint=missing, detoxify_hf_config=tiny.hf_config))


def test_a_configured_but_corrupt_checkpoint_is_an_error_not_a_fallback(tiny, tmp_path):
    corrupt = tmp_path / "corrupt.ckpt"
    corrupt.write_bytes(b"not a checkpoint at all")
    with pytest.raises(ScorerUnavailable, match=str(corrupt)):
        build_scorer(settings_with(detoxify_checkpoint=corrupt, detoxify_hf_config=tiny.hf_config))


def test_a_checkpoint_without_its_hf_folder_is_an_error(tiny):
    with pytest.raises(ScorerUnavailable, match="detoxify_hf_config"):
        build_scorer(settings_with(detoxify_checkpoint=tiny.checkpoint))


def test_importing_the_factory_does_not_import_torch():
    assert heavy_modules_after("import moderation.scoring.factory") == []


@needs_linear
def test_building_the_default_scorer_does_not_import_torch():
    script = ("from moderation.scoring.factory import build_scorer\n"
              "from moderation.settings import load_settings\n"
              "scorer = build_scorer(load_settings(environ={}))\n"
              "assert type(scorer).__name__ == 'LinearScorer', type(scorer)\n"
              "scorer.score(['you are an idiot'], ['en'])")
    assert heavy_modules_after(script) == []


@needs_linear
def test_scorer_linear_builds_the_projects_own_model():
    from moderation.scoring.linear import LinearScorer

    scorer = build_scorer(settings_with(scorer="linear"))
    assert isinstance(scorer, LinearScorer)
    assert "toxicity" in scorer.labels
