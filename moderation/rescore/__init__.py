"""Offline rescoring: re-decide stored comments when the policy, the lexicon or the model changes.

    options -> plan (spec, scan, batches, checkpoint, lock) -> run (in-process or queue)
            -> apply (engine.decide, diff, write through store.lifecycle) -> report (tally, rows, file)

engines builds the engine a run decides with (model + candidate policy). Entry points: `moderation
rescore` (moderation/cli/rescore.py, put together in run.py) and the `rescore` queue's job
(workers/rescore_jobs.py). See docs/rescore.md.
"""


class RescoreError(RuntimeError):
    """A rescoring run that cannot start or go on; the message says why and what to do."""
