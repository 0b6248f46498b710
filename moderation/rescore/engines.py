"""Build the engine a run decides with: the usual Engine, a candidate policy, a chosen model.

`--model` is "linear", "detoxify" or a path to a linear model artifact; it overrides the scorer
settings and builds through the same factory the workers use. Workers keep one engine per model
for their whole life (a model loads once per process) and swap policies by content digest.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import tempfile
from pathlib import Path

from moderation.engine import Engine
from moderation.policy import Policy, PolicyError, load_policy
from moderation.settings import Settings, load_settings

_ENGINES: dict[tuple[str | None, Path], Engine] = {}
_POLICIES: dict[str, Policy] = {}


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
    """Parse a policy from its file content (jobs carry content, not a path on the CLI's machine).

    Errors name `source` (the user's file), never the temporary file the loader reads.
    """
    digest = hashlib.sha256(content.encode("utf-8")).hexdigest()
    if digest not in _POLICIES:
        handle, name = tempfile.mkstemp(suffix=".toml", prefix="rescore-policy-")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(content.encode("utf-8"))
            _POLICIES[digest] = load_policy(Path(name))
        except PolicyError as exc:
            raise PolicyError(str(exc).replace(name, source)) from None
        finally:
            os.unlink(name)
    return _POLICIES[digest]


def engine_for(model: str | None, policy_text: str, base: Settings | None = None, cache: bool = True,
               source: str = "the candidate policy") -> Engine:
    """The engine for a model under a candidate policy; built once per (model, lexicon dir) when cached."""
    settings = settings_for(model, base)
    key = (model, settings.resolved_lexicon_dir)
    engine = _ENGINES.get(key) if cache else None
    if engine is None:
        engine = Engine.from_settings(settings, policy=policy_from_text(policy_text, source))
        if cache:
            _ENGINES[key] = engine
    return engine.with_policy(policy_from_text(policy_text, source))
