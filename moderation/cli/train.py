"""`moderation train`: train the project's own toxicity model from ../shared/data."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from moderation.settings import PROJECT_ROOT



def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare train's options."""
    parser.add_argument("--data-dir", type=Path, default=PROJECT_ROOT.parent / "shared" / "data",
                        help="folder with the labelled files (default: ../shared/data)")
    # Not the shipped model's folder by default: a retrain must not overwrite a tracked file by accident.
    parser.add_argument("--out", type=Path, default=PROJECT_ROOT / "var" / "models",
                        help="where to write <model>.json and <model>.npz (default: var/models; the shipped "
                             "model in moderation/models is replaced only by naming that folder)")
    parser.add_argument("--model", choices=("stack-v3", "stack-v2", "linear-v1"), default="stack-v3",
                        help="stack-v3 (default): n-grams, lexicon and sentence encoder, with the project's "
                             "written threat and derogation sentences; stack-v2: the same without them; "
                             "linear-v1: the earlier n-gram model, on the files it was trained on")
    parser.add_argument("--lexicon-dir", type=Path, default=PROJECT_ROOT / "config" / "lexicons",
                        help="lexicons whose phrases become model features (snapshotted into the artifact)")
    parser.add_argument("--no-lexicon", action="store_true", help="train without lexicon features")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")


def run(args: argparse.Namespace) -> int:
    """Train, measure and write the artifact."""
    try:
        from moderation.training.pipeline import train
    except ImportError as exc:
        print(f"moderation train: needs the 'train' extra (pip install 'moderation[train]'): {exc}", file=sys.stderr)
        return 2
    from moderation.training.datasets import EvalOnlyData

    if not args.data_dir.is_dir():
        print(f"moderation train: data folder {args.data_dir} does not exist", file=sys.stderr)
        return 2
    from moderation.training.pipeline import RECIPES

    recipe = RECIPES[args.model]
    try:
        path = train(args.data_dir, args.out, seed=args.seed, recipe=recipe,
                     lexicon_dir=None if args.no_lexicon else args.lexicon_dir, log=lambda line: print(line, file=sys.stderr))
    except (EvalOnlyData, FileNotFoundError, KeyError, ValueError) as exc:
        print(f"moderation train: {exc}", file=sys.stderr)
        return 2
    print(path)
    if Path(args.out).resolve() != (PROJECT_ROOT / "moderation" / "models").resolve():
        print(f"moderation train: the shipped model is unchanged; use this one with "
              f"MODERATION_LINEAR_MODEL_PATH={path}, or train with --out moderation/models to replace it",
              file=sys.stderr)
    return 0
