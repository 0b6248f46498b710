"""Counters and histograms kept in Redis so every web and worker process adds to the same figures.

A series is stored as one field of the hash `mod:metrics`, named by its Prometheus text form
(`moderation_decisions_total{language="en",outcome="keep"}`), so rendering is a single HGETALL.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Iterable, Mapping

from redis import Redis

from moderation.store import keys
from moderation.store.models import text

# Seconds; scoring a batch of 50 with the linear model takes milliseconds, detoxify up to seconds.
LATENCY_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)

# name -> (type, help) of every series any process writes or renders: static data, so /metrics has
# the same help lines whatever a process happened to import.
DESCRIPTIONS: dict[str, tuple[str, str]] = {
    "moderation_comments_received_total": ("counter", "Comment revisions accepted by intake (duplicates excluded)."),
    "moderation_agreement_total": ("counter", "Moderator decisions on held comments per reason, language and lexicon "
                                              "category of the decision in force: approved (a false hold) or rejected."),
    "moderation_duplicates_total": ("counter", "Deliveries answered as duplicates of a stored revision."),
    "moderation_replays_total": ("counter", "Signed requests whose signature was already used (replays)."),
    "moderation_decisions_total": ("counter", "Machine decisions recorded, by outcome and language."),
    "moderation_scoring_failed_total": ("counter", "Revisions held for a person because scoring kept failing."),
    "moderation_recovered_total": ("counter", "Pending revisions re-enqueued by the recovery step."),
    "moderation_callbacks_total": ("counter", "Decision deliveries to the platform, by result."),
    "moderation_deliveries_recovered_total": (
        "counter", "Decisions whose delivery job died, handed to a new delivery job by the recovery step."),
    "moderation_scoring_seconds": ("histogram", "Engine time per scored batch (seconds)."),
    "moderation_decision_latency_seconds": ("histogram", "Time from intake to recorded decision (seconds)."),
    "moderation_rate_limited_total": ("counter", "Intake requests refused with 429, by client kind."),
    "moderation_auth_failures_total": ("counter", "Failed moderator authentications, by kind."),
    "moderation_auth_throttled_total": ("counter", "Moderator authentications refused with 429."),
    "moderation_queue_depth": ("gauge", "Jobs waiting in each RQ queue."),
    "moderation_failed_jobs": ("gauge", "Jobs in each queue's failed registry."),
    "moderation_pending_revisions": ("gauge", "Comment revisions accepted but not yet decided."),
    "moderation_review_queue_size": ("gauge", "Held comments waiting for a moderator."),
    "moderation_workers_alive": ("gauge", "Moderation workers that sent a heartbeat recently."),
    "moderation_undelivered_decisions": ("gauge", "Decisions the platform has yet to receive (outbox)."),
    "moderation_review_decisions_total": (
        "counter", "Moderator decisions on held comments, by action (and by moderator with "
                   "MODERATION_METRICS_PER_MODERATOR=true)."),
    "moderation_review_wait_seconds": ("histogram", "Time from the machine's hold to a moderator's decision."),
    "moderation_review_oldest_age_seconds": ("gauge", "Age of the oldest held comment (since received)."),
    "moderation_review_median_wait_seconds": (
        "gauge", "Median time from hold to a moderator's decision over the last 10,000 decisions."),
    "moderation_rescored_total": ("counter", "Decisions changed by an applied rescoring run, by transition."),
}


_LABEL = re.compile(r'(\w+)="((?:[^"\\]|\\.)*)"')


def series_labels(field: str | bytes) -> dict[str, str]:
    """The labels of a stored series field, quotes and backslashes unescaped (series() escaped them)."""
    return {k: v.replace('\\"', '"').replace("\\\\", "\\") for k, v in _LABEL.findall(text(field))}


def series(name: str, labels: Mapping[str, str] | None = None) -> str:
    """The Prometheus text name of one series, labels sorted."""
    if not labels:
        return name
    body = ",".join(f'{k}="{_escape(str(v))}"' for k, v in sorted(labels.items()))
    return f"{name}{{{body}}}"


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def incr(pipe, name: str, labels: Mapping[str, str] | None = None, n: int = 1) -> None:
    """Add n to a counter (queued on `pipe`, which may also be a plain client)."""
    pipe.hincrby(keys.METRICS, series(name, labels), n)


def observe(pipe, name: str, values: Iterable[float], buckets=LATENCY_BUCKETS) -> None:
    """Add observations to a cumulative histogram, aggregated locally into few HINCRBYs."""
    values = list(values)
    if not values:
        return
    counts = Counter()
    for value in values:
        for bound in buckets:
            if value <= bound:
                counts[bound] += 1
    for bound in buckets:
        if counts[bound]:
            pipe.hincrby(keys.METRICS, series(f"{name}_bucket", {"le": repr(bound)}), counts[bound])
    pipe.hincrby(keys.METRICS, series(f"{name}_bucket", {"le": "+Inf"}), len(values))
    pipe.hincrbyfloat(keys.METRICS, f"{name}_sum", sum(values))
    pipe.hincrby(keys.METRICS, f"{name}_count", len(values))


def _base_name(field: str) -> str:
    name = field.split("{", 1)[0]
    for suffix in ("_bucket", "_sum", "_count"):
        if name.endswith(suffix) and DESCRIPTIONS.get(name[: -len(suffix)], ("",))[0] == "histogram":
            return name[: -len(suffix)]
    return name


def _sort_key(field: str) -> tuple:
    """Sort series by name and labels, histogram buckets by their numeric bound."""
    if '_bucket{' in field and 'le="' in field:
        bound = field.rsplit('le="', 1)[1].split('"', 1)[0]
        return (field.split('le="', 1)[0], float("inf") if bound == "+Inf" else float(bound))
    return (field, 0.0)


def _without_label(stored: dict[str, str], name: str, label: str) -> dict[str, str]:
    """Sum the series of counter `name` over `label` (e.g. moderator), leaving its other labels."""
    merged: dict[str, float] = {}
    kept = {}
    for field, value in stored.items():
        if field.split("{", 1)[0] != name:
            kept[field] = value
            continue
        labels = {k: v for k, v in _LABEL.findall(field) if k != label}
        # The values were escaped when stored; series() escapes again, so join them back as stored.
        key = name + ("{" + ",".join(f'{k}="{v}"' for k, v in sorted(labels.items())) + "}" if labels else "")
        merged[key] = merged.get(key, 0.0) + float(value)
    kept.update({field: str(int(total)) if total.is_integer() else repr(total) for field, total in merged.items()})
    return kept


def render(redis: Redis, gauges: Mapping[str, float] | None = None,
           aggregate: Mapping[str, str] | None = None) -> str:
    """Render every stored series plus live gauges as Prometheus text exposition.

    `aggregate`: series name -> a label to sum over and leave out (personal data such as the
    moderator's name stays out of an endpoint that needs no credentials).
    """
    stored = {text(k): text(v) for k, v in redis.hgetall(keys.METRICS).items()}
    for name, label in (aggregate or {}).items():
        stored = _without_label(stored, name, label)
    samples = dict(sorted(stored.items(), key=lambda item: _sort_key(item[0])))
    samples.update({name: repr(float(value)) for name, value in (gauges or {}).items()})
    by_base: dict[str, list[str]] = {}
    for field in samples:
        by_base.setdefault(_base_name(field), []).append(field)
    lines = []
    for base in sorted(by_base):
        kind, help_text = DESCRIPTIONS.get(base, ("gauge" if base not in stored else "untyped", base))
        lines += [f"# HELP {base} {help_text}", f"# TYPE {base} {kind}"]
        lines += [f"{field} {samples[field]}" for field in by_base[base]]
    return "\n".join(lines) + "\n"
