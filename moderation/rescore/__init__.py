"""Offline rescoring: re-decide stored comments when the policy, the lexicon or the model changes.

    scan -> plan (batches, checkpoint) -> batch (engine.decide, diff, apply) -> tally -> report

Entry points: `moderation rescore` (moderation/cli/rescore.py, put together in command.py) and
the `rescore` queue's job (workers/rescore_jobs.py). See docs/rescore.md.
"""


class RescoreError(RuntimeError):
    """A rescoring run that cannot start or go on; the message says why and what to do."""
