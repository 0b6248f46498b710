"""Run a plan in-process: batch after batch through the engine, checkpointing each one."""

from __future__ import annotations

from moderation.rescore.batch import Deliver, Options, rescore_batch
from moderation.rescore.progress import Progress
from moderation.rescore.spec import RunSpec
from moderation.rescore.tally import Tally


def combine(results: dict[int, Tally]) -> Tally:
    """Merge batch results in batch order (so report rows come out in scan order)."""
    total = Tally()
    for index in sorted(results):
        total.merge(results[index])
    return total


def run_in_process(redis, engine, spec: RunSpec, plan, progress: Progress | None = None,
                   deliver: Deliver | None = None) -> dict[int, Tally]:
    """Process every batch the plan has not finished; return all batch results by index."""
    results = plan.done()
    processed = sum(t.counts["scanned"] for t in results.values())
    options = Options(spec.run_id, spec.apply)
    for index in range(plan.batches):
        if index in results:
            continue
        tally = rescore_batch(redis, engine, plan.batch_ids(index), options, deliver)
        plan.record(index, tally)  # after the writes: a batch cut short is simply done again
        results[index] = tally
        processed += tally.counts["scanned"]
        if progress is not None:
            progress.update(processed)
    return results
