"""Build the engine a run decides with: the usual Engine, a candidate policy, a chosen model.

`--model` is "linear", "detoxify" or a path to a linear model artifact; it overrides the scorer
settings and builds through the same factory the workers use. Nothing is cached here: a command
builds its engine once, and a worker keeps its engines in its own context (workers/context.py).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from moderation.engine import Engine
from moderation.policy import Policy, parse_policy
from moderation.settings import Settings, load_settings


def model_overrides(model: str | None) -> dict:
    """Settings overrides for a --model value (None keeps the configured scorer)."""
    if model is None:
        return {}
    if model in ("linear", "detoxify"):
        return {"scorer": model}
    path = Path(model).expanduser()
    if not path.is_file():
        raise ValueError(f"--model {model!r}: expected linear, detoxify or a linear model file that exists")
    return {"scorer": "linear", "linear_model_path": path.resolve()}


def settings_for(model: str | None, base: Settings | None = None) -> Settings:
    """`base` (default: config and environment) with the model override applied."""
    if base is None:
        return load_settings(model_overrides(model))
    return dataclasses.replace(base, **model_overrides(model))


def policy_from_text(content: str, source: str = "the candidate policy") -> Policy:
    """Parse a candidate policy from its file content (jobs carry content, not a path on the CLI's machine)."""
    return parse_policy(content, source)


def engine_key(model: str | None, base: Settings | None = None) -> tuple[str | None, Path]:
    """What tells two engines apart (a worker keeps one per key): the model and the lexicon folder."""
    return model, settings_for(model, base).resolved_lexicon_dir


def engine_for(model: str | None, policy_text: str, base: Settings | None = None,
               source: str = "the candidate policy") -> Engine:
    """A new engine for a model under a candidate policy (loads the model: callers keep it)."""
    return Engine.from_settings(settings_for(model, base), policy=policy_from_text(policy_text, source))
