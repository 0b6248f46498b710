"""`moderation rescore` put together: settings, engine, plan, run (in-process or queue), report.

Kept apart from the argument parsing (moderation/cli/rescore.py) so tests can drive it directly.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

from moderation.rescore import RescoreError
from moderation.rescore.options import RescoreOptions
from moderation.rescore.filters import FilterError, Filters
from moderation.rescore.report import Progress
from moderation.rescore.report import report_format, write_report
from moderation.rescore.tally import Tally


def _policy_text(path: Path) -> str:
    try:
        return Path(path).read_bytes().decode("utf-8")
    except OSError as exc:
        raise RescoreError(f"cannot read policy {path}: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise RescoreError(f"policy {path} is not UTF-8 text") from None


def _engine(model: str | None, policy_text: str, settings, source: str = "the candidate policy"):
    from moderation.lexicon.schema import LexiconError
    from moderation.policy import PolicyError
    from moderation.rescore.engines import engine_for
    from moderation.rescore.policy_file import PolicyShapeError, check_shape
    from moderation.scoring.base import ScorerUnavailable

    try:
        check_shape(policy_text, source, settings.resolved_policy_path)  # names the file and the key
        return engine_for(model, policy_text, base=settings, source=source)
    except (PolicyShapeError, PolicyError, LexiconError, ScorerUnavailable, ValueError) as exc:
        raise RescoreError(str(exc)) from None
    except (TypeError, AttributeError, KeyError) as exc:  # a malformation the shape check could not see
        raise RescoreError(f"{source}: malformed policy ({type(exc).__name__}: {exc})") from None


def _progress(mode: str, total: int) -> Progress | None:
    if mode == "none":
        return None
    return Progress(total, tty={"auto": None, "bar": True, "lines": False}[mode])


def _export(options: RescoreOptions, engine, settings) -> tuple[Tally, dict[str, Any]]:
    from moderation.rescore.exports import rescore_export

    try:
        with open(options.input, "rb") as counting:
            total = sum(1 for line in counting if line.strip())
        progress = _progress(options.progress, total)
        with open(options.input, "rb") as stream:
            tally = rescore_export(stream, engine, options.batch_size, settings.max_text_chars, progress)
    except OSError as exc:
        raise RescoreError(f"cannot read {options.input}: {exc.strerror}") from None
    if progress is not None:
        progress.close()
    return tally, {"mode": "input"}


def _filters(options: RescoreOptions) -> Filters:
    try:
        return Filters.from_strings(options.since, options.until, options.time_field, options.article, options.language)
    except FilterError as exc:
        raise RescoreError(str(exc)) from None


def rescore(options: RescoreOptions) -> dict[str, Any]:
    """Run `moderation rescore` with these options; return the summary line."""
    from moderation.settings import load_settings

    started = time.monotonic()
    settings = load_settings()
    filters = _filters(options)
    if options.report:
        try:
            report_format(Path(options.report))
        except ValueError as exc:
            raise RescoreError(str(exc)) from None
    policy_path = Path(options.policy or settings.resolved_policy_path)
    policy_text = _policy_text(policy_path)
    engine = _engine(options.model, policy_text, settings, str(policy_path))
    if options.input:
        tally, extra = _export(options, engine, settings)
    else:
        from moderation.rescore.store_run import store_run

        tally, extra = store_run(options, engine, policy_text, settings, filters, _progress)
    if options.report:
        write_report(Path(options.report), tally.rows)
    for error in tally.error_list[:20]:
        print(f"rescore: {error['id'] or '-'}: {error['error']}", file=sys.stderr)
    if tally.counts["skipped_expired"]:
        print(f"rescore: skipped {tally.counts['skipped_expired']} comments whose text retention deleted "
              "(text_retention_days)", file=sys.stderr)
    return tally.summary(time.monotonic() - started, **extra)
