"""Which stored comments a rescoring run covers: time window, article, language."""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from typing import Any

TIME_FIELDS = ("received", "created")


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
