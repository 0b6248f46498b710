"""Keys the rescoring job adds to the store's schema (moderation/store/keys.py), same conventions.

    mod:rescored:<n>:<id>          STRING  the latest APPLIED rescore decision of revision n (the
                                           Decision JSON + revision, decided_at, source "rescore",
                                           rescore_run, previous); replaced by a later applied run.
                                           Every applied one is also in the comment's history.
                                           The machine decision mod:decision:<n>:<id> is never touched.
    mod:rescore:run:<run>          HASH    an --apply run: spec (JSON), total, batch_size, status
                                           (running | complete), started_at, finished_at
    mod:rescore:run:<run>:ids      LIST    the run's comment ids, fixed when it started
    mod:rescore:run:<run>:done     HASH    batch index -> that batch's result JSON (the checkpoint)
    mod:rescore:apply-lock         STRING  held by the one running --apply: JSON {run_id, host, pid,
                                           started_at, nonce}, PX 30 s, extended while it runs (lock.py)

Head fields added to mod:comment:<id> (prefixed, as keys.py asks): rescore_run (run id of the
applied rescore the current decision comes from), rescore_rev (its revision), rescore_previous
(the outcome it replaced). A dry run writes none of these keys.
"""

from __future__ import annotations

RUN_PREFIX = "mod:rescore:run:"


def rescored(comment_id: str, rev: int) -> str:
    """Key of the latest applied rescore decision of one revision."""
    return f"mod:rescored:{int(rev)}:{comment_id}"


def run(run_id: str) -> str:
    """Key of an --apply run's description hash."""
    return f"{RUN_PREFIX}{run_id}"


def run_ids(run_id: str) -> str:
    """Key of an --apply run's fixed list of comment ids."""
    return f"{RUN_PREFIX}{run_id}:ids"


def run_done(run_id: str) -> str:
    """Key of an --apply run's checkpoint: finished batches and their results."""
    return f"{RUN_PREFIX}{run_id}:done"
