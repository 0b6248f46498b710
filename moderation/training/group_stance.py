"""`moderation train --model group-stance-v1`: the second reading of comments about a group that the
model heads alone hold.

Why: the shipped heads read the words around a group's name, not what the comment does with them.
Counter-speech ("Blaming Muslims as a whole for what one man did is how things turn ugly"), denials
("Grew up with trans people ... never once saw any of the 'dangerous' behaviour"), benign news and
questions (« Quelqu'un sait si l'expo consacrée aux personnes trans est prolongée ? ») score
toxicity, identity_attack or threat over their bars; on the report halves of the dev suites, nearly
all of the comments a moderator keeps that we held were held by those heads alone (BENCHMARKS.md,
2026-12-07). Retraining the shared heads with more hand-written talk about groups moved their
calibrated thresholds and lost threats elsewhere (stack-v8dt, stack-v13 in docs/model.md), so, as
for the second opinion, the shipped heads stay and a separate reading releases some of their holds.

Two MLPs over the sentence embedding, asked together:
- `written`: every hand-written comment of moderation/training (hate, threats, insults and the
  acceptable comments written to mirror them: 12,902 in two languages, by helper sessions that read
  nothing of the project, none within a difflib ratio of 0.8 of a dev or sealed case). Here, and
  only here, the two classes differ in what is said of the group, not in register; this head reads
  stance (tune halves, comments the heads alone hold: AUC 0.92 hateful against acceptable).
- `mixed`: the same comments and the training split of the training files restricted to the rows
  that name a group (config/targets [groups]). The written comments alone do not contain a news
  site's or a forum's abuse ("Says the troll who thinks ... black people, hispanics"), which the
  `written` head reads as harmless; this head vetoes such a release.
A comment is released only when both score under their bars ([group_stance] in config/policy.toml),
chosen on the tune halves of the dev suites and the choice split (docs/model.md).

The artifact: <id>.json (encoder, both heads, what they were trained on) and <id>.npz (the heads'
layers, moderation/scoring/mlp_head.py). No pickle; reproducible for a given embedding cache (seed 0).
"""

from __future__ import annotations

import dataclasses
import json
from collections import Counter
from pathlib import Path
from typing import Callable, Sequence

import numpy as np

from moderation.scoring.encoder import DIMENSIONS, ENCODER_NAME, package_version
from moderation.scoring.group_stance import HEADS, MODEL_ID
from moderation.text.plain import plain
from moderation.training.datasets import TRAINING_FILES, Example, file_sha256
from moderation.training.derogation import ALL_FOLDERS
from moderation.training.embeddings import EmbeddingCache
from moderation.training.fit import MlpOptions, fit_mlp_head
from moderation.training.freeform import FOLDER as THREATS, ROUND_2 as THREATS_2, ROUND_3 as THREATS_3, labelled_rows
from moderation.training.heated import FOLDER as HEATED
from moderation.training.news import FOLDER as NEWS
from moderation.training.second_opinion import training_rows

LABEL = "abusive"  # 1: the comment must not be kept as it is (hate, a threat, an insult)
WRITTEN_FOLDERS = (*ALL_FOLDERS.values(), THREATS, THREATS_2, THREATS_3, HEATED, NEWS)
OPTIONS = MlpOptions(LABEL, blend=1.0, max_iter=300)  # the shipped MLP heads' options (128 units, L2 1e-2)


def written_rows(folders: tuple[Path, ...] = WRITTEN_FOLDERS) -> list[Example]:
    """Every hand-written comment, one (source, class) cell per language: all folders of a language
    weigh as one source, so the many threat sentences do not outweigh the talk about groups."""
    return [Example(row["text"], language, f"written_{language}", f"{folder.name}:{language}:{number}",
                    {LABEL: int(row["label"])})
            for folder in folders for language, number, row in labelled_rows(folder)]


def group_rows(data_dir: Path, names_a_group: Callable[[str, str], bool],
               files: Sequence[str] = TRAINING_FILES) -> list[Example]:
    """The training split of the training files (as the second opinion's rows) that name a group,
    labelled abusive when toxic."""
    return [dataclasses.replace(e, labels={LABEL: e.labels["toxicity"]})
            for e in training_rows(data_dir, files, written=False) if names_a_group(e.text, e.language)]


def train_group_stance(data_dir: Path, out: Path, cache_dir: Path, names_a_group: Callable[[str, str], bool],
                       model_id: str = MODEL_ID, seed: int = 0, folders: tuple[Path, ...] = WRITTEN_FOLDERS,
                       files: Sequence[str] = TRAINING_FILES, log: Callable[[str], None] = print) -> Path:
    """Fit both heads and write <out>/<model_id>.json and .npz; return the .json path."""
    written = written_rows(folders)
    mixed = written + group_rows(data_dir, names_a_group, files)
    cache = EmbeddingCache(cache_dir)
    # the engine reads a comment's plain text (moderation/text/plain.py); the heads learn from the same
    embedded = cache.embed([plain(e.text) for e in mixed], log=log)
    heads = {"written": fit_mlp_head(written, LABEL, embedded[:len(written)], OPTIONS, seed),
             "mixed": fit_mlp_head(mixed, LABEL, embedded, OPTIONS, seed)}
    assert tuple(heads) == HEADS
    out.mkdir(parents=True, exist_ok=True)
    weights = out / f"{model_id}.npz"
    arrays = {}
    for name, head in heads.items():
        arrays.update(dataclasses.replace(head, label=name).arrays())
    np.savez(weights, **arrays)
    log(f"group stance: written head on {len(written)} rows, mixed head on {len(mixed)} rows")
    description = {
        "model_id": model_id,
        "kind": "group_stance",
        "heads": {name: head.description() for name, head in heads.items()},
        "encoder": {"name": ENCODER_NAME, "version": package_version(), "dimensions": DIMENSIONS},
        "weights_file": weights.name,
        "training": {
            "rows_by_source_and_class": {f"{source}:{label}": count for (source, label), count in
                                         sorted(Counter((e.source, e.labels[LABEL]) for e in mixed).items())},
            "written_folders": [folder.name for folder in folders],
            "files": {name: file_sha256(data_dir / name) for name in files},
            "seed": seed, "hidden_units": OPTIONS.hidden_units, "alpha": OPTIONS.alpha, "max_iter": OPTIONS.max_iter,
        },
    }
    path = out / f"{model_id}.json"
    path.write_text(json.dumps(description, indent=1, sort_keys=True) + "\n", "utf-8")
    return path
