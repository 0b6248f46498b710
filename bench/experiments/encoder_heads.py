"""Which toxicity head to ship: n-grams alone, the sentence encoder alone, or both in one head?

Trains each variant on the same training split (moderation/training/splits.py, plus a second
fixed 10% "choice" split that no shipped figure is reported on) and prints the AUC of the
toxicity head per held-out file. Run: .venv/bin/python bench/experiments/encoder_heads.py
(embeddings are cached under var/cache/embeddings by the first run, about 6 minutes).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np
import scipy.sparse as sp
from sklearn.linear_model import LogisticRegression

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from moderation.scoring.linear_features import FeatureSpec, lexicon_lookup  # noqa: E402
from moderation.training.datasets import TRAINING_FILES, load_training_file  # noqa: E402
from moderation.training.embeddings import EmbeddingCache  # noqa: E402
from moderation.training.fit import cell_weights, feature_matrix  # noqa: E402
from moderation.training.lexicon_table import lexicon_table  # noqa: E402
from moderation.training.metrics import roc_auc  # noqa: E402
from moderation.training.splits import is_choice, is_heldout  # noqa: E402

DATA = ROOT.parent / "shared" / "data"


def main() -> None:
    examples = [e for name in TRAINING_FILES for e in load_training_file(DATA / name)]
    train = [e for e in examples if not is_heldout(e) and not is_choice(e)]
    choice = [e for e in examples if is_choice(e)]
    cache = EmbeddingCache(ROOT / "var" / "cache" / "embeddings")
    tags, table, _ = lexicon_table(ROOT / "config" / "lexicons")
    from dataclasses import replace
    spec = replace(FeatureSpec(), lexicon_tags=tags)
    lexicon = lexicon_lookup(table)
    label = "toxicity"
    tr = [e for e in train if label in e.labels]
    y = np.array([e.labels[label] for e in tr])
    w = cell_weights(tr, label)
    emb_tr = cache.embed([e.text for e in tr])
    ngr_tr = feature_matrix([e.text for e in tr], spec, lexicon)
    emb_ch = cache.embed([e.text for e in choice])
    ngr_ch = feature_matrix([e.text for e in choice], spec, lexicon)
    sources = sorted({e.source for e in choice})
    variants = {}
    for c in (1.0, 4.0):
        variants[f"encoder C={c}"] = (lambda e, n: sp.csr_matrix(e), c)
    variants["ngrams C=4"] = (lambda e, n: n, 4.0)
    for scale in (1.0, 3.0, 10.0):
        variants[f"joint scale={scale} C=4"] = (lambda e, n, s=scale: sp.hstack([n, sp.csr_matrix(e * s)]).tocsr(), 4.0)
    print("| variant | " + " | ".join(sources) + " | seconds |")
    for name, (build, c) in variants.items():
        t = time.time()
        model = LogisticRegression(C=c, solver="liblinear", max_iter=300, random_state=0)
        model.fit(build(emb_tr, ngr_tr), y, sample_weight=w)
        scores = model.decision_function(build(emb_ch, ngr_ch))
        row = []
        for s in sources:
            idx = [i for i, e in enumerate(choice) if e.source == s and label in e.labels]
            auc = roc_auc([choice[i].labels[label] for i in idx], scores[idx])
            row.append("-" if auc is None else f"{auc:.3f}")
        print(f"| {name} | " + " | ".join(row) + f" | {time.time() - t:.0f} |", flush=True)


if __name__ == "__main__":
    main()
