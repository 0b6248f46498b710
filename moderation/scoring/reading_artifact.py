"""Reading the artifact of a head over the shipped sentence encoder that is not a scorer: the second
opinion (second_opinion.py) and the group-stance reading (group_stance.py). Both are a .json that
names its `kind`, its encoder and its .npz; one reader checks them alike."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Callable, TypeVar

import numpy as np

from moderation.scoring.base import ScorerUnavailable
from moderation.scoring.encoder import ENCODER_NAME

Built = TypeVar("Built")


def load_reading(path: Path, kind: str, name: str, build: Callable[[dict, Any], Built]) -> Built:
    """`build(description, archive)` from the .json at `path` (its `kind` and encoder checked) and
    the open .npz it names; ScorerUnavailable naming the reading (`name`, "second opinion") and the
    problem when the files are missing, unreadable or not such an artifact."""
    try:
        description = json.loads(Path(path).read_text("utf-8"))
        if description.get("kind") != kind or description["encoder"]["name"] != ENCODER_NAME:
            raise ScorerUnavailable(f"{path}: not a {name.replace(' ', '-')} artifact for the {ENCODER_NAME} encoder")
        with np.load(Path(path).with_name(description["weights_file"]), allow_pickle=False) as archive:
            return build(description, archive)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ScorerUnavailable(f"{name} {path}: {exc}") from None
