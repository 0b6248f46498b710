"""identity_attack as its own head, or as P(toxic) x P(identity attack given toxic)?

Both variants are trained on the shipped training split. For each, the identity_attack hold
threshold is set by the policy's rule (95th percentile of benign dev comments) and we report what
the identity_attack rule adds to the toxicity rule: extra recall and extra benign comments held.
French also reports the seed comment "Les Talibans ont été créés par la CIA…" (held by the shipped
model) against that threshold.

    .venv/bin/python bench/experiments/identity_head_variants.py
"""

from __future__ import annotations

import csv
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from moderation.scoring.linear_features import FeatureSpec, lexicon_lookup  # noqa: E402
from moderation.scrape import scrape_file  # noqa: E402
from moderation.training.datasets import TRAINING_FILES, load_training_file  # noqa: E402
from moderation.training.fit import FitOptions, feature_matrix, fit_head  # noqa: E402
from moderation.training.lexicon_table import lexicon_table  # noqa: E402
from moderation.training.splits import is_heldout  # noqa: E402

DATA = ROOT.parent / "shared" / "data"


def labelled(name: str, text_col: str, label_col: str) -> tuple[list[str], np.ndarray]:
    with (DATA / name).open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    return [r[text_col] for r in rows], np.array([int(r[label_col]) for r in rows])


def seed_comment(prefix: str) -> str:
    for page in sorted((ROOT / "seeds").glob("*.txt")):
        for comment in scrape_file(page):
            if comment["text"].startswith(prefix):
                return comment["text"]
    raise LookupError(prefix)


def main() -> None:
    tags, table, _ = lexicon_table(ROOT / "config" / "lexicons")
    spec, lexicon = replace(FeatureSpec(), lexicon_tags=tags), lexicon_lookup(table)
    examples = [e for name in TRAINING_FILES for e in load_training_file(DATA / name) if not is_heldout(e)]
    matrix = feature_matrix([e.text for e in examples], spec, lexicon)
    toxicity = fit_head(examples, "toxicity", matrix, FitOptions())
    identity = fit_head(examples, "identity_attack", matrix, FitOptions())
    toxic = [i for i, e in enumerate(examples) if e.labels.get("toxicity") == 1 and "identity_attack" in e.labels]
    given_toxic = fit_head([examples[i] for i in toxic], "identity_attack", matrix[toxic], FitOptions())

    hateday, rtplx = labelled("hateday_fr.csv", "content", "label"), labelled("rtplx_fr.csv", "content", "label")
    seed = seed_comment("Les Talibans ont été créés par la CIA")
    sets = {"fr": (hateday[0] + rtplx[0] + [seed], np.concatenate([hateday[1], rtplx[1], [-1]])),
            "en": labelled("jigsaw_dummy_train.csv", "comment_text", "toxic")}

    def probability(head, rows) -> np.ndarray:
        return 1 / (1 + np.exp(-(np.asarray(rows @ head.weights).ravel() + head.intercept)))

    for language, (texts, labels) in sets.items():
        rows = feature_matrix(texts, spec, lexicon)
        p_toxic = probability(toxicity, rows)
        benign, toxic_rows = labels == 0, labels == 1
        toxic_hold = np.quantile(p_toxic[benign], 0.95)
        by_toxicity = p_toxic >= toxic_hold
        for name, score in (("own head", probability(identity, rows)),
                            ("P(toxic) x P(identity | toxic)", p_toxic * probability(given_toxic, rows))):
            hold = np.quantile(score[benign], 0.95)
            either = by_toxicity | (score >= hold)
            line = (f"{language} {name}: identity hold {hold:.3f}; adds {either[toxic_rows].mean() - by_toxicity[toxic_rows].mean():+.3f}"
                    f" recall for {either[benign].mean() - by_toxicity[benign].mean():+.3f} benign held")
            if language == "fr":
                line += f"; seed comment identity {score[-1]:.3f}"
            print(line)


if __name__ == "__main__":
    main()
