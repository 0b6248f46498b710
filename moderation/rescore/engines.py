"""Build the engine a run decides with: the usual Engine, a candidate policy, a chosen model.

`--model` is "linear", "detoxify" or a path to a linear model artifact; it overrides the scorer
settings and builds through the same factory the workers use. Nothing is cached here: a command
builds its engine once, and a worker keeps its engines in its own context (workers/context.py).

check_shape reads the candidate policy file before the engine loads it. `moderation rescore
--policy FILE` is usually a hand-edited copy of the shipped policy. A value of the wrong kind where
the shipped file has a table (`lexicon = "oops"`, `thresholds.und = 5`, `language = 3`) must be a
clear error (exit 2) naming FILE and the key, not a traceback. Rather than a second copy of the
policy schema, the candidate is compared with the configured policy file: every key both files
have must be of the same kind (table, list, string, number, boolean), and where every entry of a
table is itself a table (thresholds per language, per label), so must a new entry be. What the
comparison lets through, the policy loader checks as usual.
"""

from __future__ import annotations

import dataclasses
import tomllib
from pathlib import Path
from typing import Any

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


class PolicyShapeError(ValueError):
    """The candidate policy has a value of the wrong kind; the message names the file and the key."""


def _kind(value: Any) -> str:
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, (int, float)):
        return "a number"
    return "a string" if isinstance(value, str) else type(value).__name__


def _compare(candidate: dict, reference: dict, where: str, source: str) -> None:
    all_tables = bool(reference) and all(isinstance(v, dict) for v in reference.values())
    for key, value in candidate.items():
        name = f"{where}.{key}" if where else key
        expected = reference.get(key)
        if expected is None and not all_tables:
            continue  # unknown to the shipped file: the loader decides
        wanted = _kind(expected) if expected is not None else "a table"
        if _kind(value) != wanted:
            raise PolicyShapeError(f"{source}: {name} must be {wanted} (as in the configured policy), "
                                   f"got {_kind(value)} {value!r}")
        if isinstance(value, dict):
            _compare(value, expected or {}, name, source)


def check_shape(content: str, source: str, reference: Path) -> None:
    """Raise PolicyShapeError if `content` (the file `source`) differs in kind from `reference`."""
    try:
        candidate = tomllib.loads(content)
    except tomllib.TOMLDecodeError as exc:
        raise PolicyShapeError(f"{source}: not valid TOML: {exc}") from None
    try:
        shipped = tomllib.loads(reference.read_text("utf-8"))
    except (OSError, ValueError):
        return  # no usable reference: the loader's own checks only
    _compare(candidate, shipped, "", source)
