"""The `moderation` command line: one subcommand per module in this package.

Each subcommand module exposes `add_arguments(parser)` and `run(args) -> int`; its one-line help
lives in COMMANDS below.
Modules are imported only when their subcommand runs, so `moderation score` never pays for
Flask and `moderation serve` never imports torch.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from moderation.settings import SettingsError

# name -> (module, one-line help). The help lives here so `moderation --help` imports nothing heavy.
COMMANDS: dict[str, tuple[str, str]] = {
    "score": ("moderation.cli.score", "moderate JSON Lines comments in-process (no Redis)"),
    "train": ("moderation.cli.train", "train the project's own toxicity model from ../shared/data"),
    "eval": ("moderation.cli.eval", "evaluate the scorer and policy on a labelled CSV/JSONL file"),
    "calibrate": ("moderation.cli.calibrate", "recompute the policy's hold thresholds by its written rule"),
    "scrape": ("moderation.cli.scrape", "extract reader comments from article pages (files or URLs)"),
    "serve": ("moderation.cli.serve", "run the web service (webhook, decisions, review) under gunicorn"),
    "worker": ("moderation.cli.worker", "run an RQ worker on the moderate/rescore queues"),
    "run": ("moderation.cli.run", "run the whole service locally: Redis, web and a worker"),
    "demo": ("moderation.cli.demo", "start the service, feed it seed pages, print the decisions"),
    "rescore": ("moderation.cli.rescore", "re-decide stored comments under a candidate policy or model"),
    "export": ("moderation.cli.export", "write stored decisions, evidence and audit trails as JSON Lines (archiving)"),
}


def build_parser(load: set[str] | None = None) -> argparse.ArgumentParser:
    """Build the parser; only subcommands in `load` get their full argument lists."""
    parser = argparse.ArgumentParser(prog="moderation", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (module_name, help_text) in COMMANDS.items():
        sub_parser = sub.add_parser(name, help=help_text, description=help_text)
        if load and name in load:
            importlib.import_module(module_name).add_arguments(sub_parser)
    return parser


def _configuration_errors() -> tuple[type[Exception], ...]:
    """Errors that mean 'fix your settings, model or config files', shown without a traceback."""
    from moderation.lexicon import LexiconError
    from moderation.policy import PolicyError
    from moderation.scoring.base import ScorerUnavailable

    return (SettingsError, PolicyError, LexiconError, ScorerUnavailable)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    command = next((arg for arg in argv if not arg.startswith("-")), None)
    parser = build_parser({command} if command in COMMANDS else None)
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 2
    module = importlib.import_module(COMMANDS[args.command][0])
    from moderation.startup import unknown_variables

    for warning in unknown_variables(os.environ):  # a misspelt setting would otherwise be ignored silently
        print(f"moderation {args.command}: warning: {warning}", file=sys.stderr)
    try:
        return int(module.run(args) or 0)
    except _configuration_errors() as exc:
        print(f"moderation {args.command}: configuration error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
