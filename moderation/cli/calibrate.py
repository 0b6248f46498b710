"""`moderation calibrate`: recompute the policy's hold thresholds by its written rule.

Scores the benign development comments through the configured engine (shipped model, or
detoxify where provisioned) and prints, per language and label, the calibrated hold threshold
next to the one in force. `--check` exits 1 when they differ, so a model, lexicon or scorer change
that needs new thresholds cannot slip through unnoticed.

`--from-reviews` proposes hold thresholds from moderators' decisions instead and writes a
candidate policy (`-o candidate.toml`) to check with `moderation rescore --policy` before anyone
applies it (moderation/learning/calibrate.py says what reviews can and cannot show).
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
    reviews = parser.add_argument_group("from reviews (moderators' decisions on held comments)")
    reviews.add_argument("--from-reviews", action="store_true",
                         help="propose hold thresholds from the moderators' decisions in the store (or --reviews)")
    reviews.add_argument("--reviews", type=Path, help="read the decisions from an `export --reviews` file instead")
    reviews.add_argument("--since", help="only decisions made at or after this time (ISO 8601 or epoch s)")
    reviews.add_argument("--until", help="only decisions made before this time (ISO 8601 or epoch s)")
    reviews.add_argument("--policy", help="the policy to start from (default: the configured one)")
    reviews.add_argument("--min-reviews", type=int, default=50,
                         help="reviewed holds a language and label need before its threshold moves (50)")
    reviews.add_argument("--min-rejected", type=int, default=10,
                         help="of which rejected by moderators, at least (10)")
    rule = reviews.add_mutually_exclusive_group()
    rule.add_argument("--recall", type=float, default=0.95,
                      help="rule: the highest threshold keeping this share of rejected comments held (0.95)")
    rule.add_argument("--false-hold-rate", type=float,
                      help="rule: the lowest threshold at which at most this share of holds were approved")
    reviews.add_argument("--max-step", type=float, default=0.10, help="move a threshold by at most this (0.10)")
    reviews.add_argument("--min-audited", type=int, default=50,
                         help="audited keeps ([review] audit_keep_share) a language and label need before its "
                              "threshold may go down (50)")
    reviews.add_argument("--min-missed", type=int, default=5,
                         help="of which removed by moderators, at least (5)")
    reviews.add_argument("-o", "--output", type=Path, help="write the candidate policy here")


def run(args: argparse.Namespace) -> int:
    """Calibrate, print the JSON report, and compare with the policy in force."""
    if args.from_reviews or args.reviews:
        if args.check:
            print("moderation calibrate: --check compares the policy with the written rule; not with --from-reviews",
                  file=sys.stderr)
            return 2
        from moderation.learning.calibrate_command import run as from_reviews

        return from_reviews(args)
    from moderation.engine import Engine
    from moderation.settings import load_settings
    from moderation.training.calibrate import GROUP_HOLD_SHARES, HOLD_SHARES, PERSON_HOLD_SHARES, calibrate, disagreements
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
        "languages": _against_policy(engine.policy, calibration.thresholds, "hold"),
        "hold_if_group": {
            "rule": "the same rule on the benign dev comments that name an identity group: "
                    + ", ".join(f"{label} {share:.0%}" for label, share in GROUP_HOLD_SHARES.items()),
            "benign_naming_a_group": calibration.benign_naming_a_group,
            "languages": _against_policy(engine.policy, calibration.group_thresholds, "hold_if_group"),
        },
        "hold_if_person": {
            "rule": "the same rule on the benign dev comments that name or address a person: "
                    + ", ".join(f"{label} {share:.0%}" for label, share in PERSON_HOLD_SHARES.items()),
            "benign_naming_a_person": calibration.benign_naming_a_person,
            "languages": _against_policy(engine.policy, calibration.person_thresholds, "hold_if_person"),
        },
        "differences": differences,
    }
    json.dump(report, sys.stdout, indent=2)
    sys.stdout.write("\n")
    return 1 if args.check and differences else 0


def _against_policy(policy, calibrated: dict[str, dict[str, float]], key: str) -> dict:
    """language -> label -> {calibrated, policy}: one threshold (`hold`, `hold_if_group`, ...) both ways."""
    return {language: {label: {"calibrated": value, "policy": policy.limits(language).get(label, {}).get(key)}
                       for label, value in labels.items()}
            for language, labels in calibrated.items()}
