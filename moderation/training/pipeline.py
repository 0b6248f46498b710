"""`moderation train` end to end: load, split, fit every head, measure, write the artifact."""

from __future__ import annotations

import platform
from dataclasses import asdict, replace
from pathlib import Path
from typing import Callable

import numpy as np

from moderation.scoring.linear_features import FeatureSpec, lexicon_lookup
from moderation.settings import PROJECT_ROOT
from moderation.training.artifact import write_artifact
from moderation.training.datasets import EVAL_ONLY, TRAINING_FILES, Example, file_sha256, load_dev_file, load_training_file
from moderation.training.fit import FitOptions, Head, feature_matrix, fit_head
from moderation.training.lexicon_table import lexicon_table
from moderation.training.metrics import roc_auc
from moderation.training.splits import HELDOUT_PERCENT, HELDOUT_WHOLE, split

MODEL_ID = "linear-v1"
HEAD_LABELS = ("toxicity", "identity_attack")
DEFAULT_LEXICONS = PROJECT_ROOT / "config" / "lexicons"


def _measure(heads: list[Head], spec: FeatureSpec, lexicon: dict, sets: dict[str, list[Example]]) -> dict[str, dict]:
    """Return AUC per evaluation set and label, from the full-precision weights."""
    results = {}
    for name, examples in sets.items():
        matrix = feature_matrix([e.text for e in examples], spec, lexicon)
        results[name] = {"n": len(examples)}
        for head in heads:
            known = [i for i, e in enumerate(examples) if head.label in e.labels]
            if known:
                logits = matrix[known] @ head.weights + head.intercept
                auc = roc_auc([examples[i].labels[head.label] for i in known], np.asarray(logits).ravel())
                results[name][head.label] = None if auc is None else round(auc, 4)
    return results


def train(data_dir: Path, out_dir: Path, seed: int = 0, spec: FeatureSpec = FeatureSpec(),
          options: FitOptions | None = None, files: tuple[str, ...] = TRAINING_FILES,
          lexicon_dir: Path | None = DEFAULT_LEXICONS, log: Callable[[str], None] = print) -> Path:
    """Train the model from `data_dir` and write it under `out_dir`; return the .json path.

    `lexicon_dir` None trains without lexicon features.
    """
    options = options or FitOptions(seed=seed)
    table, lexicon_files = {}, {}
    if lexicon_dir is not None:
        tags, table, lexicon_files = lexicon_table(lexicon_dir)
        spec = replace(spec, lexicon_tags=tags)
        log(f"train: {len(table)} lexicon phrases under {len(tags)} tags from {sorted(lexicon_files)}")
    lexicon = lexicon_lookup(table)
    examples = [e for name in files for e in load_training_file(data_dir / name)]
    dev_paths = [data_dir / name for name in sorted(EVAL_ONLY) if (data_dir / name).is_file()]
    dev_sets = {path.stem: load_dev_file(path) for path in dev_paths}
    train_set, heldout, leaked = split(examples, [e.text for dev in dev_sets.values() for e in dev])
    log(f"train: {len(train_set)} examples, {len(heldout)} held out, {leaked} dropped as dev duplicates")
    matrix = feature_matrix([e.text for e in train_set], spec, lexicon)
    heads = []
    for label in HEAD_LABELS:
        heads.append(fit_head(train_set, label, matrix, options))
        log(f"train: fitted {label} on {heads[-1].n_examples} examples")
    sources = sorted({e.source for e in heldout})
    eval_sets = {f"heldout:{s}": [e for e in heldout if e.source == s] for s in sources}
    eval_sets.update({f"dev:{name}": dev for name, dev in dev_sets.items()})
    measured = _measure(heads, spec, lexicon, eval_sets)
    for name, row in measured.items():
        log(f"measure: {name} {row}")
    metadata = {
        "training": {
            "seed": seed, "options": asdict(options), "files": {n: file_sha256(data_dir / n) for n in files},
            "examples": len(train_set), "dropped_as_dev_duplicates": leaked,
            "heldout": {"percent_by_group": HELDOUT_PERCENT, "whole_sources": sorted(HELDOUT_WHOLE)},
            "python": platform.python_version(), "lexicon_files": lexicon_files,
        },
        "lexicon": table,
        "measured_auc": measured,
    }
    json_path, _ = write_artifact(out_dir, MODEL_ID, spec, heads, metadata)
    return json_path
