"""What a run is: candidate policy, model, filters, mode. Plain JSON, so queue jobs can carry it.

The run id is a digest of what the decisions depend on (policy content, model, lexicon) and of
the selection (filters): the same command run again finds the same id, hence its checkpoint.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from moderation.rescore.filters import Filters


@dataclass(frozen=True)
class RunSpec:
    """A rescoring run, as the CLI and the `rescore` jobs both see it."""

    policy_text: str  # the candidate policy file's content
    model: str | None  # --model: linear | detoxify | a linear model path; None: configured scorer
    versions: dict[str, str]  # policy, policy_digest, model, lexicon: what the engine must report
    filters: Filters
    apply: bool = False
    deliver: bool = True  # send applied changes to the platform (when a callback URL is set)

    @property
    def run_id(self) -> str:
        """Same policy content, model, lexicon and filters: same id."""
        basis = [self.versions["policy_digest"], self.versions["model"], self.versions["lexicon"],
                 self.filters.to_json()]
        return hashlib.sha256(json.dumps(basis, sort_keys=True).encode("utf-8")).hexdigest()[:16]

    def delivery(self, services):
        """What sends applied changes to the platform: only an --apply run that delivers, with a callback URL."""
        if self.apply and self.deliver and services.settings.callback_url:
            return services.enqueue_delivery
        return None

    def to_json(self) -> dict[str, Any]:
        return {"run_id": self.run_id, "policy_text": self.policy_text, "model": self.model,
                "versions": dict(self.versions), "filters": self.filters.to_json(), "apply": self.apply,
                "deliver": self.deliver}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "RunSpec":
        return cls(policy_text=data["policy_text"], model=data.get("model"), versions=dict(data["versions"]),
                   filters=Filters.from_json(data["filters"]), apply=bool(data.get("apply")),
                   deliver=bool(data.get("deliver", True)))


def engine_versions(engine) -> dict[str, str]:
    """The versions a run records and checks: engine.versions plus the policy file's digest."""
    return {**engine.versions, "policy_digest": engine.policy.digest}


class VersionMismatch(RuntimeError):
    """A worker's engine is not the one the run was planned with (other model or lexicon)."""


def check_versions(spec: RunSpec, engine) -> None:
    """Refuse to decide with an engine whose versions differ from the run's."""
    found = engine_versions(engine)
    if found != spec.versions:
        raise VersionMismatch(f"run {spec.run_id} was planned with {spec.versions}, this worker has {found}")
