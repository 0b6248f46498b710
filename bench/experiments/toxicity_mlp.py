"""Would an MLP over the sentence embedding, blended into the toxicity (or identity_attack) logit, rank better?

stack-v7 blends an MLP into the threat logit (bench/experiments/threat_mlp.py). This asks the same
of the toxicity head (and, with --label identity_attack, of identity_attack). The shipped recipe's
joint linear head (n-grams, lexicon tags, embedding at scale 1; liblinear C=4; (source, class) cells
equal, Wikipedia x3) and MLPs over the unscaled embedding (scikit-learn MLPClassifier, ReLU, the
same rows and cell weights) are trained on the training split minus the choice split, and the
label's logit (1 - share) x linear + share x MLP is compared with the linear head alone on:

- the choice split, per file: AUC (bootstrap: the median and 5-95% interval of the AUC difference
  against the linear head, 400 paired resamples of each file's rows);
- the choice split, at a fixed benign budget (toxicity 3%, identity_attack 1%; the budget of
  moderation/training/calibrate.py) of the English benign calibration comments (Wikipedia talk,
  benign identity sentences, benign ToxiGen): Wikipedia toxic comments caught; and of all
  languages' benign comments pooled (how French is calibrated): French forum toxic caught;
- the dev tune half (bench/bench_quality.py load_cases("tune")): AUC of the hateful categories
  against the cases that must be kept, per language.

Never the held-out split, never the report half. The linear head's logits are cached under
var/cache/experiments (delete to refit).

Run: .venv/bin/python bench/experiments/toxicity_mlp.py [--label toxicity|identity_attack] [--seeds 0,1]

Status (2026-12-04): written by a helper session and run for about two hours on the shared 2-core
machine (each MLP fit on ~100k rows takes 10-30 minutes there); the runs were still going when the
session ended, so no figure is recorded here yet and nothing was shipped from it. The next step is
to finish one run per label and write its table into this docstring and docs/model.md.
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import replace
from pathlib import Path

import numpy as np
import scipy.sparse as sp

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_quality import HATEFUL, load_cases  # noqa: E402
from moderation.scoring.linear_features import FeatureSpec, lexicon_lookup  # noqa: E402
from moderation.training.calibrate import HOLD_SHARES  # noqa: E402
from moderation.training.datasets import BENIGN_DEV_SETS, TRAINING_FILES, load_training_file  # noqa: E402
from moderation.training.embeddings import EmbeddingCache  # noqa: E402
from moderation.training.fit import cell_weights, feature_matrix  # noqa: E402
from moderation.training.lexicon_table import lexicon_table  # noqa: E402
from moderation.training.metrics import roc_auc  # noqa: E402
from moderation.training.pipeline import ENCODER_SCALE, SOURCE_WEIGHTS  # noqa: E402
from moderation.training.splits import is_choice, is_heldout  # noqa: E402

DATA = ROOT.parent / "shared" / "data"
CACHE = ROOT / "var" / "cache" / "experiments"
MLPS = ((128, 1e-2), (64, 1e-2), (128, 1e-3))  # (hidden units, L2 alpha); threat ships 128, 1e-2
SHARES = (0.25, 0.5)
BOOTSTRAP = 400


def rows(label: str):
    examples = [e for name in TRAINING_FILES for e in load_training_file(DATA / name)]
    train = [e for e in examples if not is_heldout(e) and not is_choice(e) and label in e.labels]
    choice = [e for e in examples if is_choice(e) and label in e.labels]
    return train, choice


def linear_logits(label: str, train, texts_by_set: dict[str, list[str]], cache: EmbeddingCache) -> dict[str, np.ndarray]:
    """The shipped recipe's joint linear head, fitted on `train`; logits per set (cached on disk)."""
    path = CACHE / f"toxicity_mlp_linear_{label}.npz"
    if path.is_file():
        with np.load(path) as archive:
            stored = {k: archive[k] for k in archive.files}
        if all(k in stored and len(stored[k]) == len(v) for k, v in texts_by_set.items()):
            print(f"linear head: logits from {path}", flush=True)
            return stored
    from sklearn.linear_model import LogisticRegression

    tags, table, _ = lexicon_table(ROOT / "config" / "lexicons", skip_ambiguous=True)
    spec = replace(FeatureSpec(), lexicon_tags=tags)
    lexicon = lexicon_lookup(table)

    def matrix(texts):
        embedded = cache.embed(texts, log=lambda _: None) * np.float32(ENCODER_SCALE)
        return sp.hstack([feature_matrix(texts, spec, lexicon), sp.csr_matrix(embedded)], format="csr")

    started = time.time()
    y = np.array([e.labels[label] for e in train])
    model = LogisticRegression(C=4.0, solver="liblinear", max_iter=300, random_state=0)
    model.fit(matrix([e.text for e in train]), y, sample_weight=cell_weights(train, label, dict(SOURCE_WEIGHTS)))
    out = {k: model.decision_function(matrix(v)) for k, v in texts_by_set.items()}
    CACHE.mkdir(parents=True, exist_ok=True)
    np.savez(path, **out)
    print(f"linear head: fitted in {time.time() - started:.0f} s", flush=True)
    return out


def mlp_logits(label: str, x, y, w, hidden: int, alpha: float, seed: int, embedded_by_set: dict[str, np.ndarray]):
    """An MLP over the embedding fitted on (x, y, w); logits per set (cached on disk)."""
    path = CACHE / f"toxicity_mlp_mlp_{label}_{hidden}_{alpha:g}_{seed}.npz"
    if path.is_file():
        with np.load(path) as archive:
            stored = {k: archive[k] for k in archive.files}
        if all(k in stored and len(stored[k]) == len(v) for k, v in embedded_by_set.items()):
            print(f"MLP {hidden} alpha={alpha} seed={seed}: logits from {path}", flush=True)
            return stored
    from sklearn.neural_network import MLPClassifier

    started = time.time()
    mlp = MLPClassifier(hidden_layer_sizes=(hidden,), alpha=alpha, max_iter=200, random_state=seed)
    mlp.fit(x, y, sample_weight=w)
    out = {}
    for k, m in embedded_by_set.items():  # the logit, as moderation/scoring/mlp_head.py computes it
        activations = np.maximum(m @ mlp.coefs_[0] + mlp.intercepts_[0], 0.0)
        out[k] = activations @ mlp.coefs_[1][:, 0] + mlp.intercepts_[1][0]
    CACHE.mkdir(parents=True, exist_ok=True)
    np.savez(path, **out)
    print(f"MLP {hidden} alpha={alpha} seed={seed}: {mlp.n_iter_} epochs, {time.time() - started:.0f} s", flush=True)
    return out


def bootstrap_difference(y: np.ndarray, base: np.ndarray, other: np.ndarray, rng) -> tuple[float, float, float]:
    """Median and 5-95% interval of AUC(other) - AUC(base) over paired resamples of the rows."""
    diffs = []
    for _ in range(BOOTSTRAP):
        idx = rng.integers(0, len(y), len(y))
        a, b = roc_auc(y[idx], base[idx]), roc_auc(y[idx], other[idx])
        if a is not None and b is not None:
            diffs.append(b - a)
    low, mid, high = np.quantile(diffs, [0.05, 0.5, 0.95])
    return float(mid), float(low), float(high)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--label", default="toxicity", choices=("toxicity", "identity_attack"))
    parser.add_argument("--seeds", default="0", help="MLP seeds, comma-separated (the spread is seed noise)")
    parser.add_argument("--shares", default=",".join(map(str, SHARES)), help="MLP shares of the logit, comma-separated")
    parser.add_argument("--mlps", default=",".join(f"{h}:{a}" for h, a in MLPS), help="hidden:alpha,...")
    args = parser.parse_args()
    label = args.label
    share_budget = HOLD_SHARES[label]
    train, choice = rows(label)
    tune = load_cases("tune")
    hateful = [c for c in tune if c["category"] in HATEFUL]
    kept = [c for c in tune if c["expected"] == "keep"]
    texts_by_set = {"choice": [e.text for e in choice], "tune_hateful": [c["text"] for c in hateful],
                    "tune_kept": [c["text"] for c in kept]}
    cache = EmbeddingCache(ROOT / "var" / "cache" / "embeddings")
    embedded = {k: cache.embed(v, log=lambda _: None) for k, v in texts_by_set.items()}
    linear = linear_logits(label, train, texts_by_set, cache)

    x = cache.embed([e.text for e in train], log=lambda _: None)
    y = np.array([e.labels[label] for e in train])
    w = cell_weights(train, label, dict(SOURCE_WEIGHTS))
    w = w / w.mean()
    print(f"{label}: {len(train)} training rows ({int(y.sum())} positive), choice split {len(choice)}, "
          f"dev tune {len(hateful)} hateful / {len(kept)} to keep", flush=True)

    choice_y = np.array([e.labels[label] for e in choice])
    sources = [s for s in sorted({e.source for e in choice})
               if len({e.labels[label] for e in choice if e.source == s}) == 2]
    by_source = {s: np.array([i for i, e in enumerate(choice) if e.source == s]) for s in sources}
    calib_sources = {load_training_file(DATA / n)[0].source for lang in BENIGN_DEV_SETS for n in BENIGN_DEV_SETS[lang]}
    en_sources = {load_training_file(DATA / n)[0].source for n in BENIGN_DEV_SETS["en"]}
    benign_en = np.array([i for i, e in enumerate(choice) if e.source in en_sources and choice_y[i] == 0])
    benign_all = np.array([i for i, e in enumerate(choice) if e.source in calib_sources and choice_y[i] == 0])
    wiki_toxic = np.array([i for i, e in enumerate(choice) if e.source == "wikipedia_talk_en" and choice_y[i] == 1])
    forum_toxic = np.array([i for i, e in enumerate(choice) if e.source == "toxifrench_forum_fr" and choice_y[i] == 1])
    tune_lang = {lang: ([i for i, c in enumerate(hateful) if c["language"] == lang],
                        [i for i, c in enumerate(kept) if c["language"] == lang]) for lang in ("en", "fr")}
    print(f"budget {share_budget:.0%}: {len(benign_en)} English benign, {len(benign_all)} pooled; "
          f"{len(wiki_toxic)} Wikipedia and {len(forum_toxic)} French forum positives", flush=True)
    print("choice-split positives per file: " + ", ".join(
        f"{s} {int(choice_y[idx].sum())}/{len(idx)}" for s, idx in by_source.items()), flush=True)

    wiki_benign = np.array([i for i, e in enumerate(choice) if e.source == "wikipedia_talk_en" and choice_y[i] == 0])
    linear_caught = int((linear["choice"][wiki_toxic] > np.quantile(linear["choice"][benign_en], 1 - share_budget)).sum())
    rng = np.random.default_rng(0)

    def report(name: str, logits: dict[str, np.ndarray]) -> None:
        s = logits["choice"]
        cells = []
        for source, idx in by_source.items():
            auc = roc_auc(choice_y[idx], s[idx])
            if name == "linear head":
                cells.append(f"{auc:.4f}")
            else:
                mid, low, high = bootstrap_difference(choice_y[idx], linear["choice"][idx], s[idx], rng)
                cells.append(f"{auc:.4f} ({mid:+.4f} [{low:+.4f}, {high:+.4f}])")
        t_en = np.quantile(s[benign_en], 1 - share_budget)
        t_all = np.quantile(s[benign_all], 1 - share_budget)
        caught = (f"{(s[wiki_toxic] > t_en).mean():.3f} ({int((s[wiki_toxic] > t_en).sum())}/{len(wiki_toxic)}), "
                  f"{int((s[wiki_benign] > t_en).sum())}/{len(wiki_benign)}")
        forum = (f"{(s[forum_toxic] > t_all).mean():.3f} ({int((s[forum_toxic] > t_all).sum())}/{len(forum_toxic)})"
                 if len(forum_toxic) else "-")
        # the other way round: benign held at the threshold that catches as many Wikipedia toxic
        # comments as the linear head does at the budget
        bar = np.sort(s[wiki_toxic])[::-1][linear_caught - 1]
        held = (f"{(s[benign_en] >= bar).mean():.4f} ({int((s[benign_en] >= bar).sum())}/{len(benign_en)}), "
                f"{(s[wiki_benign] >= bar).mean():.4f}")
        dev = []
        for lang, (h, k) in tune_lang.items():
            scores = np.concatenate([logits["tune_hateful"][h], logits["tune_kept"][k]])
            dev.append(f"{roc_auc([1] * len(h) + [0] * len(k), scores):.4f}")
        print(f"| {name} | " + " | ".join(cells) + f" | {caught} | {held} | {forum} | " + " | ".join(dev) + " |", flush=True)

    print(f"| {label} logit | " + " | ".join(sources) + f" | at {share_budget:.0%} of en benign: Wikipedia toxic caught, "
          f"Wikipedia benign held "
          f"| en benign held, Wikipedia benign held, at the linear head's Wikipedia catch "
          f"| French forum caught at {share_budget:.0%} pooled benign | dev tune AUC en | dev tune AUC fr |")
    print("|---" * (len(sources) + 7) + "|")
    report("linear head", linear)
    for spec in args.mlps.split(","):
        hidden, alpha = int(spec.split(":")[0]), float(spec.split(":")[1])
        for seed in (int(s) for s in args.seeds.split(",")):
            mlp = mlp_logits(label, x, y, w, hidden, alpha, seed, embedded)
            for share in (float(v) for v in args.shares.split(",")):
                report(f"MLP {hidden} a={alpha:g} s{seed}, share {share}",
                       {k: (1 - share) * linear[k] + share * mlp[k] for k in linear})
            report(f"MLP {hidden} a={alpha:g} s{seed} alone", mlp)


if __name__ == "__main__":
    main()
