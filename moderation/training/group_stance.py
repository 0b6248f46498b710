"""`moderation train --model group-stance-v2` (or v1, v3, v4, v5): the second reading of comments about a group
that the model heads alone hold.

Why: the shipped heads read the words around a group's name, not what the comment does with them.
Counter-speech ("Blaming Muslims as a whole for what one man did is how things turn ugly"), denials
("Grew up with trans people ... never once saw any of the 'dangerous' behaviour"), benign news and
questions (« Quelqu'un sait si l'expo consacrée aux personnes trans est prolongée ? ») score
toxicity, identity_attack or threat over their bars; on the report halves of the dev suites, nearly
all of the comments a moderator keeps that we held were held by those heads alone (BENCHMARKS.md,
2026-12-07). Retraining the shared heads with more hand-written talk about groups moved their
calibrated thresholds and lost threats elsewhere (stack-v8dt, stack-v13 in docs/model.md), so, as
for the second opinion, the shipped heads stay and a separate reading releases some of their holds.

Two heads over the sentence embedding (MLPs; v2 averages three seeds of each), asked together:
- `written`: every hand-written comment of moderation/training (hate, threats, insults and the
  acceptable comments written to mirror them: 12,902 in two languages in v1, 14,102 in v2 with the
  stance comments written for it, by helper sessions that read nothing of the project, none within a
  difflib ratio of 0.8 of a dev or sealed case). Here, and only here, the two classes differ in what
  is said of the group, not in register; this head reads stance (tune halves, comments the heads
  alone hold: AUC 0.92 hateful against acceptable, v1).
- `mixed`: the same comments and the training split of the training files restricted to the rows
  that name a group (config/targets [groups]). The written comments alone do not contain a news
  site's or a forum's abuse ("Says the troll who thinks ... black people, hispanics"), which the
  `written` head reads as harmless; this head vetoes such a release.
A comment is released only when both score under their bars ([group_stance] in config/policy.toml),
chosen on the tune halves of the dev suites and the choice split (docs/model.md).

v2 trains each head once per seed (0, 1, 2) and the reading averages their probabilities: one
seed's heads alone are as much luck as choice (StanceRecipe).

The artifact: <id>.json (encoder, both heads, what they were trained on) and <id>.npz (the heads'
layers, moderation/scoring/mlp_head.py). No pickle; reproducible for a given embedding cache.
"""

from __future__ import annotations

import dataclasses
import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

import numpy as np

from moderation.scoring.encoder import DIMENSIONS, ENCODER_NAME, package_version
from moderation.scoring.group_stance import HEADS, MODEL_ID, array_name
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
# 600 comments per language written for this reading (2026-12-07, eleventh session): ten kinds of
# acceptable talk about a group (counter-speech, bigots' arguments mocked, a stereotype denied or
# contradicted by experience, the same fears voiced decades ago, ...) and ten kinds of slur-free
# hate mirroring them (sarcasm, dehumanising comparisons, fake counter-speech, loaded questions,
# collective blame, ...), over the same two dozen groups
STANCE_COMMENTS = Path(__file__).resolve().parent / "stance_comments"
# a second round by two more helper sessions (400 per language, eight kinds on each side, longer
# comments that argue with another commenter, tell a story or cite figures)
STANCE_COMMENTS_2 = Path(__file__).resolve().parent / "stance_comments_round2"
# a third round by four more helper sessions (400 per language, eight kinds on each side) on what v2
# still reads wrong on the tune half: counter-speech that names the accusation it rejects, fears of
# decades ago recalled, very informal denials, good news and everyday scenes where a group is merely
# present, against collective blame, sarcastic disbelief, disclaimers and informal contempt
STANCE_COMMENTS_3 = Path(__file__).resolve().parent / "stance_comments_round3"


@dataclass(frozen=True)
class StanceRecipe:
    folders: tuple[Path, ...]  # the hand-written comments
    # one pair of heads per seed, their probabilities averaged: one seed's heads moved the tune half's
    # fixed / broken between 36 / 5 and 42 / 3 and the choice split's toxic lost between 3 and 5 (v1)
    seeds: tuple[int, ...]


RECIPES = {"group-stance-v1": StanceRecipe(WRITTEN_FOLDERS, (0,)),
           "group-stance-v2": StanceRecipe((*WRITTEN_FOLDERS, STANCE_COMMENTS), (0, 1, 2)),
           "group-stance-v3": StanceRecipe((*WRITTEN_FOLDERS, STANCE_COMMENTS, STANCE_COMMENTS_2), (0, 1, 2)),
           "group-stance-v4": StanceRecipe((*WRITTEN_FOLDERS, STANCE_COMMENTS, STANCE_COMMENTS_3), (0, 1, 2)),
           "group-stance-v5": StanceRecipe((*WRITTEN_FOLDERS, STANCE_COMMENTS, STANCE_COMMENTS_2, STANCE_COMMENTS_3),
                                           (0, 1, 2))}
OPTIONS = MlpOptions(LABEL, blend=1.0, max_iter=300)  # the shipped MLP heads' options (128 units, L2 1e-2)


def written_rows(folders: tuple[Path, ...]) -> list[Example]:
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
                       model_id: str = MODEL_ID, recipe: StanceRecipe | None = None,
                       files: Sequence[str] = TRAINING_FILES, log: Callable[[str], None] = print) -> Path:
    """Fit both heads once per seed and write <out>/<model_id>.json and .npz; return the .json path.
    `recipe`: default the model id's (RECIPES)."""
    recipe = recipe or RECIPES[model_id]
    written = written_rows(recipe.folders)
    mixed = written + group_rows(data_dir, names_a_group, files)
    cache = EmbeddingCache(cache_dir)
    # the engine reads a comment's plain text (moderation/text/plain.py); the heads learn from the same
    embedded = cache.embed([plain(e.text) for e in mixed], log=log)
    heads = {"written": [fit_mlp_head(written, LABEL, embedded[:len(written)], OPTIONS, seed) for seed in recipe.seeds],
             "mixed": [fit_mlp_head(mixed, LABEL, embedded, OPTIONS, seed) for seed in recipe.seeds]}
    assert tuple(heads) == HEADS
    out.mkdir(parents=True, exist_ok=True)
    weights = out / f"{model_id}.npz"
    arrays = {}
    for name, fitted in heads.items():
        for number, head in enumerate(fitted):
            arrays.update(dataclasses.replace(head, label=array_name(name, number)).arrays())
    np.savez(weights, **arrays)
    log(f"group stance: written head on {len(written)} rows, mixed head on {len(mixed)} rows")
    description = {
        "model_id": model_id,
        "kind": "group_stance",
        "heads": {name: [head.description() for head in fitted] for name, fitted in heads.items()},
        "encoder": {"name": ENCODER_NAME, "version": package_version(), "dimensions": DIMENSIONS},
        "weights_file": weights.name,
        "training": {
            "rows_by_source_and_class": {f"{source}:{label}": count for (source, label), count in
                                         sorted(Counter((e.source, e.labels[LABEL]) for e in mixed).items())},
            "written_folders": [folder.name for folder in recipe.folders],
            "files": {name: file_sha256(data_dir / name) for name in files},
            "seeds": list(recipe.seeds), "hidden_units": OPTIONS.hidden_units, "alpha": OPTIONS.alpha,
            "max_iter": OPTIONS.max_iter,
        },
    }
    path = out / f"{model_id}.json"
    path.write_text(json.dumps(description, indent=1, sort_keys=True) + "\n", "utf-8")
    return path
