"""`moderation eval FILE --text-col C --label-col L`: measure the full engine on labelled data.

Prints one JSON object: policy and model versions, then per language (given by --language or
--language-col, else detected by the engine): n, positives, AUC of scores.toxicity, precision
and recall at the policy's hold and remove thresholds, and the balanced accuracy (with
precision/recall) of the keep / not-keep decision.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path



def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare eval's options."""
    parser.add_argument("file", type=Path, help="labelled CSV/TSV or JSON Lines file")
    parser.add_argument("--text-col", required=True, help="column/field holding the comment text")
    parser.add_argument("--label-col", required=True, help="column/field holding the label (1/0, true/false)")
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--language-col", help="column/field holding each row's language")
    which.add_argument("--language", help="treat every row as this language (en, fr)")
    parser.add_argument("--format", choices=("csv", "jsonl"), help="default: from the file name")


def _format(path: Path, given: str | None) -> str:
    if given:
        return given
    return "jsonl" if path.suffix.lower() in (".jsonl", ".json", ".ndjson") else "csv"


def run(args: argparse.Namespace) -> int:
    """Evaluate and print the JSON report."""
    from moderation.engine import Engine
    from moderation.settings import load_settings
    from moderation.training.evaluate import EvalInputError, evaluate, read_rows

    try:
        rows = read_rows(args.file, _format(args.file, args.format), args.text_col, args.label_col,
                         args.language_col)
    except (OSError, UnicodeDecodeError) as exc:
        print(f"moderation eval: cannot read {args.file}: {exc}", file=sys.stderr)
        return 2
    except EvalInputError as exc:
        print(f"moderation eval: {exc}", file=sys.stderr)
        return 2
    engine = Engine.from_settings(load_settings())
    report = evaluate(engine, rows, args.language)
    report["file"] = str(args.file)
    json.dump(report, sys.stdout, indent=2)
    sys.stdout.write("\n")
    return 0
