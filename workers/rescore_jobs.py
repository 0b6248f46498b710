"""The `rescore` queue's job: re-decide one batch of stored comments for a rescoring run.

Thin on purpose: the run's spec (candidate policy CONTENT, model, versions, mode) and the batch's
comment ids arrive as plain JSON; the work is moderation.rescore.batch, the same code the
in-process run uses. The model loads once per worker process: the worker's own engine when the
run uses the configured model, else one cached engine per --model value.
"""

from __future__ import annotations

from typing import Any

from moderation.rescore.batch import Options, rescore_batch as rescore_comments
from moderation.rescore.engines import engine_for, policy_from_text
from moderation.rescore.plan import record_batch
from moderation.rescore.spec import RunSpec, check_versions
from workers import context


def _engine(spec: RunSpec):
    if spec.model is None:
        return context.engine().with_policy(policy_from_text(spec.policy_text))
    return engine_for(spec.model, spec.policy_text, base=context.settings())


def rescore_batch(spec: dict[str, Any], index: int, ids: list[str]) -> dict[str, Any]:
    """Rescore batch `index` of a run; store it in the run's checkpoint when applying."""
    run = RunSpec.from_json(spec)
    engine = _engine(run)
    check_versions(run, engine)
    services = context.services()
    tally = rescore_comments(services.redis, engine, ids, Options(run.run_id, run.apply), run.delivery(services))
    if run.apply:
        record_batch(services.redis, run.run_id, index, tally)
    return tally.to_json()
