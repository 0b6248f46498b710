"""What `moderation rescore` was asked to do: one typed RescoreOptions, and the selection it covers.

The command, the store run and the export run read RescoreOptions, never argparse's namespace, so
a test or another caller builds one directly and a misspelt option is an error where it is made.
Filters is the selection of stored comments (time window, article, language) in the form a run's
spec carries to the workers; parse_moment reads a time the way every command takes one.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from typing import Any

BATCH_SIZE = 500
MAX_CHANGE = 10.0  # percent; a policy that removes everything must not reach the platform unnoticed
TIME_FIELDS = ("received", "created")


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


class FilterError(ValueError):
    """A filter value we cannot use (bad date, inverted window)."""


def parse_moment(value: str, name: str) -> float:
    """Epoch seconds from an ISO 8601 date/datetime (naive means UTC) or an epoch number."""
    text = value.strip()
    try:
        return float(text)
    except ValueError:
        pass
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise FilterError(f"{name}: {value!r} is neither an ISO 8601 date nor epoch seconds") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.timestamp()


@dataclass(frozen=True)
class Filters:
    """Selection of stored comments; `since` inclusive, `until` exclusive, on `time_field`."""

    since: float | None = None
    until: float | None = None
    time_field: str = "received"  # received | created
    article: str | None = None
    language: str | None = None

    def __post_init__(self):
        if self.time_field not in TIME_FIELDS:
            raise FilterError(f"time field must be one of {TIME_FIELDS}, got {self.time_field!r}")
        if self.since is not None and self.until is not None and self.since >= self.until:
            raise FilterError("--since must be before --until")

    @classmethod
    def from_strings(cls, since: str | None = None, until: str | None = None, time_field: str = "received",
                     article: str | None = None, language: str | None = None) -> "Filters":
        """Build from command-line strings, naming the option that is wrong."""
        return cls(since=None if since is None else parse_moment(since, "--since"),
                   until=None if until is None else parse_moment(until, "--until"),
                   time_field=time_field, article=article or None, language=language or None)

    @property
    def window(self) -> tuple[float, float]:
        """(low, high) bounds for a ZSET score range; high is exclusive (see `in_window`)."""
        return (-math.inf if self.since is None else self.since, math.inf if self.until is None else self.until)

    def in_window(self, moment: float | None) -> bool:
        """Whether a comment's time falls in [since, until)."""
        if self.since is None and self.until is None:
            return True
        if moment is None:
            return False
        low, high = self.window
        return low <= moment < high

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Filters":
        return cls(**data)
