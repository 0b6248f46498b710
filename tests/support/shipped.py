"""The shipped engine and policy as module fixtures, for the tests of the readings asked after the
policy (the second opinion, the group stance). Import the fixtures by name into a test module."""

from __future__ import annotations

import pytest

from moderation.engine import Engine
from moderation.policy import load_policy
from moderation.settings import PROJECT_ROOT, load_settings
from moderation.types import CommentInput, Decision

POLICY_PATH = PROJECT_ROOT / "config" / "policy.toml"


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine.from_settings(load_settings({"scorer": "linear"}))


@pytest.fixture(scope="module")
def policy():
    return load_policy(POLICY_PATH)


def decide_one(engine: Engine, text: str) -> Decision:
    return engine.decide([CommentInput(id="c1", text=text)])[0]
