"""What `moderation rescore` was asked to do: one typed object, parsed once from the command line.

The command, the store run and the export run read this, never argparse's namespace, so a test or
another caller builds one directly and a misspelt option is an error where it is made.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

BATCH_SIZE = 500
MAX_CHANGE = 10.0  # percent; a policy that removes everything must not reach the platform unnoticed


@dataclass(frozen=True)
class RescoreOptions:
    """The options of one run (see `moderation rescore --help` for each)."""

    policy: str | None = None        # candidate policy file (None: the configured policy)
    model: str | None = None         # linear | detoxify | a linear model file (None: configured)
    since: str | None = None         # selection: ISO 8601 or epoch seconds
    until: str | None = None
    time_field: str = "received"     # received | created
    article: str | None = None
    language: str | None = None
    apply: bool = False              # False: a dry run, nothing written
    report: str | None = None        # .jsonl or .csv file of the changed comments
    queue: bool = False              # spread batches over the `rescore` queue's workers
    input: str | None = None         # rescore this export instead of the store (report only)
    batch_size: int = BATCH_SIZE
    restart: bool = False            # --apply: forget the checkpoint, scan again
    max_change: float = MAX_CHANGE   # --apply: refuse above this percentage of changes
    deliver: bool = True             # --apply: send changed decisions to the platform
    progress: str = "auto"           # auto | bar | lines | none

    @classmethod
    def from_namespace(cls, namespace) -> RescoreOptions:
        """The options argparse parsed (moderation/cli/rescore.py)."""
        return cls(**{field.name: getattr(namespace, field.name) for field in dataclasses.fields(cls)})

    def problem(self) -> str | None:
        """What is wrong with this combination of options, if anything (a usage error)."""
        if self.batch_size <= 0:
            return "--batch-size must be positive"
        if self.input and (self.apply or self.queue):
            return "--input rescores an export: it cannot --apply or use --queue"
        if self.input and any((self.since, self.until, self.article, self.language)):
            return "--since/--until/--article/--language select stored comments; they do not apply to --input"
        if (self.restart or not self.deliver) and not self.apply:
            return "--restart and --no-deliver only make sense with --apply"
        if not 0 <= self.max_change <= 100:
            return "--max-change is a percentage between 0 and 100"
        return None
