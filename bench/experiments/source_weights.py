"""Does giving the Wikipedia talk comments more weight raise the toxicity head's Wikipedia AUC?

fit.cell_weights gives every (file, class) cell the same total weight, so the 20k-row Wikipedia
file counts as much as ParaDetox's pairs or Davidson's tweets. The outside suites judge us on
Wikipedia comments (and their French translations). This trains the joint toxicity head (n-grams,
lexicon, encoder; as shipped) with the Wikipedia (and Civil Comments) cells multiplied, and prints
the choice-split AUC per file (never the held-out split). Run:
    .venv/bin/python bench/experiments/source_weights.py
"""

from __future__ import annotations

import sys
import time
from dataclasses import replace
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
VARIANTS = {
    "equal cells (shipped)": {},
    "wikipedia x3": {"wikipedia_talk_en": 3.0},
    "wikipedia x3, civil x2": {"wikipedia_talk_en": 3.0, "civil_comments_en": 2.0},
    "wikipedia x6": {"wikipedia_talk_en": 6.0},
    "wikipedia x3, identity benign x3": {"wikipedia_talk_en": 3.0, "identity_benign_en": 3.0},
}
if len(sys.argv) > 1:  # run only the variants named on the command line
    VARIANTS = {name: VARIANTS[name] for name in sys.argv[1:]}


def main() -> None:
    examples = [e for name in TRAINING_FILES for e in load_training_file(DATA / name)]
    train = [e for e in examples if not is_heldout(e) and not is_choice(e)]
    choice = [e for e in examples if is_choice(e)]
    cache = EmbeddingCache(ROOT / "var" / "cache" / "embeddings")
    tags, table, _ = lexicon_table(ROOT / "config" / "lexicons", skip_ambiguous=True)
    spec = replace(FeatureSpec(), lexicon_tags=tags)
    lexicon = lexicon_lookup(table)
    label = "toxicity"
    tr = [e for e in train if label in e.labels]
    y = np.array([e.labels[label] for e in tr])
    x_tr = sp.hstack([feature_matrix([e.text for e in tr], spec, lexicon),
                      sp.csr_matrix(cache.embed([e.text for e in tr], log=lambda _: None))]).tocsr()
    x_ch = sp.hstack([feature_matrix([e.text for e in choice], spec, lexicon),
                      sp.csr_matrix(cache.embed([e.text for e in choice], log=lambda _: None))]).tocsr()
    sources = sorted({e.source for e in choice if label in e.labels})
    print("| variant | " + " | ".join(sources) + " | identity benign held at a 3% Wikipedia budget | seconds |",
          flush=True)
    for name, boosts in VARIANTS.items():
        started = time.time()
        weights = cell_weights(tr, label) * np.array([boosts.get(e.source, 1.0) for e in tr])
        model = LogisticRegression(C=4.0, solver="liblinear", max_iter=300, random_state=0)
        model.fit(x_tr, y, sample_weight=weights)
        scores = model.decision_function(x_ch)
        row = []
        for source in sources:
            idx = [i for i, e in enumerate(choice) if e.source == source and label in e.labels]
            auc = roc_auc([choice[i].labels[label] for i in idx], scores[idx])
            row.append("-" if auc is None else f"{auc:.3f}")
        # the identity-term bias: benign sentences naming groups held at the score that holds 3% of
        # benign Wikipedia comments
        wiki_benign = [scores[i] for i, e in enumerate(choice) if e.source == "wikipedia_talk_en"
                       and e.labels.get(label) == 0]
        budget = np.quantile(wiki_benign, 0.97)
        identity = [scores[i] for i, e in enumerate(choice) if e.source == "identity_benign_en"]
        held = float(np.mean(np.array(identity) >= budget))
        print(f"| {name} | " + " | ".join(row) + f" | {held:.3f} | {time.time() - started:.0f} |", flush=True)


if __name__ == "__main__":
    main()
