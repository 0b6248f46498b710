"""`moderation train`: train the project's own toxicity model from ../shared/data.

`--with-reviews` adds the moderators' decisions on held comments (from the store, or an
`export --reviews` file with `--reviews`), weighted, keeps a part of them out to compare the new
model with the one the reviews were decided with, and writes the model under a new id
(moderation/learning/train.py); the shipped model is never replaced by it.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path
from typing import Callable

from moderation.settings import PROJECT_ROOT



def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare train's options."""
    parser.add_argument("--data-dir", type=Path, default=PROJECT_ROOT.parent / "shared" / "data",
                        help="folder with the labelled files (default: ../shared/data)")
    # Not the shipped model's folder by default: a retrain must not overwrite a tracked file by accident.
    parser.add_argument("--out", type=Path, default=PROJECT_ROOT / "var" / "models",
                        help="where to write <model>.json and <model>.npz (default: var/models; the shipped "
                             "model in moderation/models is replaced only by naming that folder)")
    # Checked against pipeline.RECIPES in run(): importing it here would load scikit-learn for every command.
    parser.add_argument("--model", default="stack-v8", metavar="RECIPE",
                        help="stack-v8 (default): stack-v7 with hand-written derogation of groups and its "
                             "look-alikes (training/derogation.py) for the identity_attack head, which also gets an "
                             "MLP over the embedding; stack-v8d: without that MLP, stack-v8dt: the derogation for "
                             "the toxicity head too (not shipped); stack-v9 / stack-v10 / stack-v11l / stack-v11n / stack-v12 / stack-v12t: "
                             "stack-v8 with more hand-written comments or Civil Comments weighing less (not shipped, docs/model.md); "
                             "stack-v13 / v13h / v13f / v13fl / v13g / v13j / v13k: stack-v8 with the acceptable comments about groups "
                             "as threat negatives (not shipped, docs/model.md); "
                             "stack-v7: n-grams, lexicon and sentence encoder, with the project's "
                             "written threat sentences and two rounds of hand-written threats and look-alikes "
                             "(training/freeform.py), and an MLP threat head over the embedding blended with the "
                             "linear one; stack-v7r3: stack-v7 with a third round (veiled threats and look-alikes), stack-v7r3p: without its veiled menace at groups; stack-v8c / stack-v8l: stack-v7 with hand-written heated comments for the toxicity head (weight 1 / 0.3, not shipped); stack-v6: without the MLP head; stack-v5: the first round only; stack-v3: without the hand-written ones; stack-v4: stack-v3 "
                             "with the veiled threats of training/veiled.py; stack-v2: without written sentences; "
                             "linear-v1: the earlier n-gram model, on the files it was trained on; second-opinion-v2 (an MLP; v1: a linear "
                             "head): not a scorer but the second opinion on comments held on toxicity alone (training/second_opinion.py); "
                             "group-stance-v1 to v5: not a scorer but the reading of comments about a group held by the model "
                             "heads alone (training/group_stance.py; v2, shipped, with the stance comments written for it; "
                             "v3 to v5 with later rounds of them, tried)")
    parser.add_argument("--lexicon-dir", type=Path, default=PROJECT_ROOT / "config" / "lexicons",
                        help="lexicons whose phrases become model features (snapshotted into the artifact)")
    parser.add_argument("--no-lexicon", action="store_true", help="train without lexicon features")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0; the group-stance recipes fix their own seeds)")
    parser.add_argument("--without", action="append", default=[], metavar="FILE",
                        help="leave this training file out (repeatable), e.g. to build a model that has never "
                             "seen a site's data")
    parser.add_argument("--model-id", help="id of the model written (default: the recipe's, e.g. stack-v8)")
    reviews = parser.add_argument_group("with reviews (moderators' decisions on held comments)")
    reviews.add_argument("--with-reviews", action="store_true",
                         help="add the moderators' decisions in the store (or --reviews) to training")
    reviews.add_argument("--reviews", type=Path, help="read the decisions from an `export --reviews` file instead")
    reviews.add_argument("--since", help="only decisions made at or after this time (ISO 8601 or epoch s)")
    reviews.add_argument("--review-weight", type=float, default=2.0,
                         help="weight of the reviews' (source, class) cells against any other file's (2)")
    reviews.add_argument("--reviews-heldout-percent", type=int, default=20,
                         help="share of reviewed comments kept out of training to measure on (20)")
    reviews.add_argument("--base-model", type=Path,
                         help="model artifact the adapted one is compared with (default: the configured scorer)")
    reviews.add_argument("--force", action="store_true", help="overwrite a model of the same id in --out")


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
    from moderation.training.pipeline import EMBEDDING_CACHE, RECIPES
    from moderation.training.group_stance import RECIPES as GROUP_STANCES
    from moderation.training.second_opinion import MODELS as SECOND_OPINIONS

    if args.model in SECOND_OPINIONS:
        return _second_opinion(args, EMBEDDING_CACHE)
    if args.model in GROUP_STANCES:
        return _group_stance(args, EMBEDDING_CACHE)
    recipe = RECIPES.get(args.model)
    if recipe is None:
        print(f"moderation train: --model {args.model!r}: not a recipe; choose from {', '.join(RECIPES)}", file=sys.stderr)
        return 2
    unknown = [name for name in args.without if name not in recipe.files]
    if unknown:
        print(f"moderation train: --without {unknown}: not among the recipe's files {list(recipe.files)}", file=sys.stderr)
        return 2
    recipe = replace(recipe, files=tuple(f for f in recipe.files if f not in args.without),
                     model_id=args.model_id or recipe.model_id)
    if args.with_reviews or args.reviews:
        return _with_reviews(args, recipe)
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


def _second_opinion(args: argparse.Namespace, cache_dir: Path) -> int:
    """Train the second opinion on comments held on toxicity alone (training/second_opinion.py)."""
    from moderation.training.second_opinion import train_second_opinion

    return _write_artifact(args, lambda model_id: train_second_opinion(
        args.data_dir, Path(args.out), cache_dir, model_id=model_id, log=lambda line: print(line, file=sys.stderr)))


def _group_stance(args: argparse.Namespace, cache_dir: Path) -> int:
    """Train the group-stance reading (training/group_stance.py); a group is what config/targets names one."""
    from moderation.settings import load_settings
    from moderation.targeting import TargetRules
    from moderation.training.group_stance import RECIPES, train_group_stance

    targets = TargetRules.configured(load_settings())
    return _write_artifact(args, lambda model_id: train_group_stance(
        args.data_dir, Path(args.out), cache_dir, lambda text, language: bool(targets.groups_named(text, language)),
        model_id=model_id, recipe=RECIPES[args.model], log=lambda line: print(line, file=sys.stderr)))


def _write_artifact(args: argparse.Namespace, train: Callable[[str], Path]) -> int:
    """Train a reading that is not a scorer (`train(model_id)` writes <out>/<model_id>.json and returns
    it), refusing to overwrite one without --force; 2 with the reason on stderr when it cannot."""
    model_id = args.model_id or args.model
    if (Path(args.out) / f"{model_id}.json").exists() and not args.force:
        print(f"moderation train: {Path(args.out) / model_id}.json exists; --force replaces it", file=sys.stderr)
        return 2
    try:
        path = train(model_id)
    except (FileNotFoundError, KeyError, ValueError) as exc:
        print(f"moderation train: {exc}", file=sys.stderr)
        return 2
    print(path)
    return 0


def _with_reviews(args, recipe) -> int:
    """Train with the reviews; print the figures on the held-out reviews as JSON."""
    import json

    from moderation.learning.calibrate_command import load_records
    from moderation.learning.train import model_id_for, split_reviews, train_with_reviews
    from moderation.policy import load_policy
    from moderation.scoring.factory import build_scorer
    from moderation.scoring.linear import LinearScorer
    from moderation.settings import load_settings

    args.until = None
    records = load_records(args)
    split = split_reviews(records, args.reviews_heldout_percent)
    if not split.train:
        print(f"moderation train: no reviewed comment with its text among {len(records)} decisions: nothing to add "
              f"(retention removes texts after MODERATION_TEXT_RETENTION_DAYS)", file=sys.stderr)
        return 2
    target = args.out / f"{model_id_for(recipe.model_id, split)}.json"
    if target.exists() and not args.force:
        print(f"moderation train: {target} exists; pass --force to overwrite it", file=sys.stderr)
        return 2
    settings = load_settings()
    base = LinearScorer.load(args.base_model) if args.base_model else build_scorer(settings)
    policy = load_policy(settings.resolved_policy_path)
    thresholds = {lang: limits["toxicity"]["hold"] for lang, limits in policy.label_thresholds.items()}
    log = lambda line: print(line, file=sys.stderr)  # noqa: E731
    path, figures = train_with_reviews(args.data_dir, args.out, records, base, thresholds, recipe,
                                       review_weight=args.review_weight, heldout_percent=args.reviews_heldout_percent,
                                       log=log, seed=args.seed,
                                       lexicon_dir=None if args.no_lexicon else args.lexicon_dir)
    print(json.dumps(figures, indent=2))
    print(f"moderation train: wrote {path}, a new model id; the shipped and configured models are unchanged. "
          f"Check it with `moderation rescore --model {path}` (dry run), then set MODERATION_LINEAR_MODEL_PATH={path}",
          file=sys.stderr)
    return 0
