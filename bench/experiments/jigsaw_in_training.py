"""Would training on jigsaw_dummy_train (or on inflected lexicon forms) lift English Wikipedia AUC?

The shipped model holds the 282 Wikipedia comments out whole. Here they join the training set in
5 folds: each fold's comments are scored by a model trained on everything else, and the AUC is
taken over the pooled out-of-fold scores. `--jigsaw-weight 0` trains without them (the baseline).
Also reports the French dev AUCs (mean over folds) so a gain in English is not paid in French.

    .venv/bin/python bench/experiments/jigsaw_in_training.py --jigsaw-weight 0.3
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from moderation.lexicon import index as lexicon_index  # noqa: E402
from moderation.lexicon.schema import parse_file  # noqa: E402
from moderation.scoring.linear_features import FeatureSpec, lexicon_key, lexicon_lookup  # noqa: E402
from moderation.training import fit  # noqa: E402
from moderation.training.datasets import TRAINING_FILES, load_dev_file, load_training_file  # noqa: E402
from moderation.training.lexicon_table import lexicon_table  # noqa: E402
from moderation.training.metrics import roc_auc  # noqa: E402
from moderation.training.splits import is_heldout  # noqa: E402

DATA = ROOT.parent / "shared" / "data"
LEXICONS = ROOT / "config" / "lexicons"
JIGSAW = "jigsaw_dummy_train"
FOLDS = 5


def inflected_lexicon_table(lexicon_dir: Path) -> tuple[tuple[str, ...], dict[str, int]]:
    """Like lexicon_table, plus the inflected forms the matcher accepts for `inflect = true` entries."""
    found: dict[str, str] = {}
    for path in sorted(lexicon_dir.glob("*.toml")):
        for entry in parse_file(path):
            for form in (entry.term, *entry.variants):
                words = lexicon_key(form)
                if 1 <= len(words) <= 3:
                    inflected = lexicon_index._inflections(words, entry) if entry.inflect else []
                    for candidate in [words, *inflected]:
                        found.setdefault(" ".join(candidate), f"{entry.category}:{entry.severity}")
    tags = tuple(sorted(set(found.values())))
    return tags, {phrase: tags.index(tag) for phrase, tag in sorted(found.items())}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jigsaw-weight", type=float, default=1.0,
                        help="multiplier on the Wikipedia comments' cell weights (0: leave them out)")
    parser.add_argument("--inflected-lexicon", action="store_true")
    args = parser.parse_args()

    if args.inflected_lexicon:
        tags, table = inflected_lexicon_table(LEXICONS)
    else:
        tags, table, _ = lexicon_table(LEXICONS)
    spec, lexicon = replace(FeatureSpec(), lexicon_tags=tags), lexicon_lookup(table)
    examples = [e for name in TRAINING_FILES for e in load_training_file(DATA / name)]
    wiki = [e for e in examples if e.source == JIGSAW]
    base = [e for e in examples if e.source != JIGSAW and not is_heldout(e)]
    dev = {name: load_dev_file(DATA / f"{name}.csv") for name in ("hateday_fr", "rtplx_fr")}

    cell_weights = fit.cell_weights

    def weighted(subset, label):
        weights = cell_weights(subset, label)
        return weights * np.array([args.jigsaw_weight if e.source == JIGSAW else 1.0 for e in subset])

    fit.cell_weights = weighted  # fit_head looks it up at call time
    matrix = fit.feature_matrix([e.text for e in base + wiki], spec, lexicon)
    dev_matrices = {name: fit.feature_matrix([e.text for e in rows], spec, lexicon) for name, rows in dev.items()}
    out_of_fold = np.zeros(len(wiki))
    dev_aucs: dict[str, list[float]] = {name: [] for name in dev}
    for fold in range(FOLDS if args.jigsaw_weight else 1):
        test = [i for i in range(len(wiki)) if i % FOLDS == fold] if args.jigsaw_weight else list(range(len(wiki)))
        train = list(range(len(base))) + [len(base) + i for i in range(len(wiki))
                                          if args.jigsaw_weight and i % FOLDS != fold]
        head = fit.fit_head([(base + wiki)[i] for i in train], "toxicity", matrix[train], fit.FitOptions())
        out_of_fold[test] = np.asarray(matrix[[len(base) + i for i in test]] @ head.weights).ravel() + head.intercept
        for name, rows in dev.items():
            logits = np.asarray(dev_matrices[name] @ head.weights).ravel() + head.intercept
            dev_aucs[name].append(roc_auc([e.labels["toxicity"] for e in rows], logits))
    print(json.dumps({
        "jigsaw_weight": args.jigsaw_weight, "inflected_lexicon": args.inflected_lexicon,
        "wikipedia_auc": round(roc_auc([e.labels["toxicity"] for e in wiki], out_of_fold), 4),
        **{name: round(float(np.mean(aucs)), 4) for name, aucs in dev_aucs.items()},
    }))


if __name__ == "__main__":
    main()
