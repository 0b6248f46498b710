"""`moderation calibrate`: recompute the policy's hold thresholds by its written rule.

Scores the benign development comments through the configured engine (shipped model, or
detoxify where provisioned) and prints, per language and label, the calibrated hold threshold
next to the one in force. `--check` exits 1 when they differ, so a model, lexicon or scorer change
that needs new thresholds cannot slip through unnoticed.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from moderation.settings import PROJECT_ROOT


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare calibrate's options."""
    parser.add_argument("--data-dir", type=Path, default=PROJECT_ROOT.parent / "shared" / "data",
                        help="folder with the development files (default: ../shared/data)")
    parser.add_argument("--check", action="store_true",
                        help="exit 1 when the policy's hold thresholds differ from the calibrated ones")


def run(args: argparse.Namespace) -> int:
    """Calibrate, print the JSON report, and compare with the policy in force."""
    from moderation.engine import Engine
    from moderation.settings import load_settings
    from moderation.training.calibrate import HOLD_SHARES, calibrate, disagreements
    from moderation.training.evaluate import EvalInputError

    engine = Engine.from_settings(load_settings())
    try:
        calibration = calibrate(engine, args.data_dir)
    except (OSError, EvalInputError) as exc:
        print(f"moderation calibrate: cannot read the development data: {exc}", file=sys.stderr)
        return 2
    except ValueError as exc:  # the scorer saturates on benign comments
        print(f"moderation calibrate: {exc}", file=sys.stderr)
        return 2
    differences = disagreements(calibration, engine.policy, engine.scorer.model_id)
    report = {
        "rule": "hold = lowest two-decimal score at which at most this share of benign dev comments (choice split) "
                "are held: " + ", ".join(f"{label} {share:.0%}" for label, share in HOLD_SHARES.items()),
        "model": engine.scorer.model_id, "policy_version": engine.policy.version,
        "policy_calibrated_for": engine.policy.calibrated_for,
        "benign_comments": calibration.benign,
        "languages": {language: {label: {"calibrated": value, "policy": engine.policy.limits(language).get(label, {}).get("hold")}
                                 for label, value in labels.items()}
                      for language, labels in calibration.thresholds.items()},
        "differences": differences,
    }
    json.dump(report, sys.stdout, indent=2)
    sys.stdout.write("\n")
    return 1 if args.check and differences else 0
