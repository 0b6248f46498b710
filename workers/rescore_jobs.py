"""The `rescore` queue's job: re-decide one batch of stored comments for a rescoring run.

Thin on purpose: the run's spec (candidate policy CONTENT, model, versions, mode) and the batch's
comment ids arrive as plain JSON; the work is moderation.rescore.apply, the same code the
in-process run uses. The model loads once per worker process: the worker's own engine when the
run uses the configured model, else one engine per --model value, kept in the worker context.
"""

from __future__ import annotations

from typing import Any

from moderation.rescore.apply import Options, rescore_batch as rescore_comments
from moderation.rescore.plan import RunSpec, check_versions, record_batch
from workers import context


def rescore_batch(spec: dict[str, Any], index: int, ids: list[str]) -> dict[str, Any]:
    """Rescore batch `index` of a run; store it in the run's checkpoint when applying."""
    run = RunSpec.from_json(spec)
    engine = context.current().rescore_engine(run.model, run.policy_text)
    check_versions(run, engine)
    services = context.services()
    tally = rescore_comments(services.redis, engine, ids, Options(run.run_id, run.apply), run.delivery(services))
    if run.apply:
        record_batch(services.redis, run.run_id, index, tally)
    return tally.to_json()
