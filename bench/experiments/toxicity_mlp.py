"""Would an MLP over the sentence embedding, blended into the toxicity (or identity_attack) logit, rank better?

stack-v7 blends an MLP into the threat logit (bench/experiments/threat_mlp.py). This asks the same
of the toxicity head (and, with --label identity_attack, of identity_attack). The shipped recipe's
joint linear head (n-grams, lexicon tags, embedding at scale 1; liblinear C=4; (source, class) cells
equal, Wikipedia x3) and MLPs over the unscaled embedding (scikit-learn MLPClassifier, ReLU, the
same rows and cell weights, max_iter 200, as fit.fit_mlp_head) are trained on the training split
minus the choice split, and the label's logit (1 - share) x linear + share x MLP is compared with
the linear head alone on:

- the choice split, per file: AUC, and for the MLP rows the median and 5-95% interval of the AUC
  difference against the linear head over 400 paired bootstrap resamples of the file's rows;
- the choice split at a fixed budget (toxicity 3%, identity_attack 1%, as moderation calibrate) of
  the English benign calibration comments (toxicity 0: Wikipedia talk, benign identity sentences,
  benign ToxiGen; 2,862): Wikipedia positives caught and Wikipedia benign comments held (of 1,664);
  the other way round, benign held at the threshold that catches as many Wikipedia positives as the
  linear head does at the budget; and, at the budget of all languages' benign comments pooled (how
  French is calibrated), French forum toxic caught;
- the dev tune half (bench/bench_quality.py load_cases("tune")): AUC of the hateful categories
  against the cases that must be kept, per language.

Never the held-out split, never the report half. Model scores only (no engine rules, no
recalibrated policy). Logits are cached under var/cache/experiments (delete them to refit).

Measured 2026-12-04 (toxicity: 96,303 training rows, 52,589 toxic; choice split 674 Wikipedia toxic
of 2,338, 25 French forum toxic of 55; one MLP takes 5-23 minutes on one core):

| toxicity logit | Davidson | MLMA en | MLMA fr | ParaDetox | French forum (diff, 5-95%) | ToxiGen | Wikipedia (diff, 5-95%) | at 3% of en benign: Wikipedia toxic caught, Wikipedia benign held | en benign held, Wikipedia benign held, at the linear head's 530 caught | French forum caught at 3% pooled | dev tune AUC en / fr |
|---|---|---|---|---|---|---|---|---|---|---|---|
| linear head (stack-v7's recipe) | 0.9363 | 0.6080 | 0.7229 | 0.9487 | 0.8627 | 0.8944 | 0.9589 | 530/674, 73/1664 | 85/2862, 0.0433 | 18/25 | 0.8322 / 0.7849 |
| MLP 128, alpha 1e-2, seed 0, share 0.15 | 0.9537 | 0.6207 | 0.7365 | 0.9659 | 0.8787 (+0.014 [-0.001, +0.037]) | 0.9054 | 0.9618 (+0.0029 [+0.0014, +0.0048]) | 537/674, 78/1664 | 81/2862, 0.0445 | 19/25 | 0.8362 / 0.7892 |
| the same, share 0.25 | 0.9577 | 0.6256 | 0.7387 | 0.9693 | 0.8800 (+0.018 [-0.008, +0.046]) | 0.9063 | 0.9613 (+0.0024 [-0.0001, +0.0050]) | 540/674, 80/1664 | 75/2862, 0.0421 | 19/25 | 0.8335 / 0.7848 |
| the same, share 0.35 | 0.9589 | 0.6314 | 0.7405 | 0.9695 | 0.8787 (+0.016 [-0.012, +0.053]) | 0.9063 | 0.9597 (+0.0010 [-0.0022, +0.0040]) | 533/674, 80/1664 | 78/2862, 0.0451 | 18/25 | 0.8270 / 0.7789 |
| the same, share 0.5 | 0.9577 | 0.6353 | 0.7400 | 0.9672 | 0.8760 (+0.012 [-0.024, +0.053]) | 0.9017 | 0.9559 (-0.0030 [-0.0074, +0.0010]) | 524/674, 80/1664 | 92/2862, 0.0517 | 18/25 | 0.8153 / 0.7671 |
| the same MLP alone | 0.9465 | 0.6327 | 0.7222 | 0.9523 | 0.8480 | 0.8935 | 0.9404 (-0.0184 [-0.0251, -0.0124]) | 484/674, 81/1664 | 137/2862, 0.0757 | 16/25 | 0.7786 / 0.7306 |
| MLP 128, alpha 1e-2, seed 1, share 0.15 | 0.9532 | 0.6095 | 0.7313 | 0.9661 | 0.8720 (+0.008 [-0.025, +0.050]) | 0.9118 | 0.9628 (+0.0038 [+0.0021, +0.0057]) | 540/674, 77/1664 | 81/2862, 0.0445 | 19/25 | 0.8338 / 0.7914 |
| the same, share 0.25 | 0.9571 | 0.6121 | 0.7314 | 0.9694 | 0.8680 (+0.007 [-0.037, +0.058]) | 0.9118 | 0.9625 (+0.0036 [+0.0008, +0.0064]) | 545/674, 81/1664 | 77/2862, 0.0439 | 16/25 | 0.8288 / 0.7900 |
| the same, share 0.5 | 0.9571 | 0.6069 | 0.7235 | 0.9670 | 0.8440 (-0.019 [-0.085, +0.064]) | 0.9219 | 0.9577 (-0.0011 [-0.0058, +0.0035]) | 523/674, 80/1664 | 93/2862, 0.0517 | 19/25 | 0.8079 / 0.7793 |
| MLP 64, alpha 1e-2, seed 0, share 0.25 | 0.9557 | 0.6285 | 0.7377 | 0.9666 | 0.8933 (+0.029 [-0.004, +0.075]) | 0.9229 | 0.9610 (+0.0020 [-0.0003, +0.0047]) | 537/674, 80/1664 | 78/2862, 0.0433 | 19/25 | 0.8308 / 0.7923 |
| MLP 64, alpha 1e-2, seed 1, share 0.25 | 0.9555 | 0.6163 | 0.7363 | 0.9645 | 0.8693 (+0.005 [-0.030, +0.044]) | 0.8981 | 0.9621 (+0.0032 [+0.0007, +0.0058]) | 544/674, 80/1664 | 75/2862, 0.0427 | 18/25 | 0.8257 / 0.7874 |
| MLP 128, alpha 1e-3, seed 0, share 0.25 | 0.9571 | 0.6215 | 0.7165 | 0.9693 | 0.8613 (+0.001 [-0.059, +0.048]) | 0.9284 | 0.9557 (-0.0031 [-0.0068, +0.0003]) | 531/674, 81/1664 | 86/2862, 0.0487 | 18/25 | 0.8175 / 0.7778 |
| MLP 128, alpha 1e-1, seed 0, share 0.25 | 0.9444 | 0.6118 | 0.7343 | 0.9538 | 0.8600 (-0.003 [-0.021, +0.016]) | 0.9118 | 0.9619 (+0.0031 [+0.0017, +0.0047]) | 535/674, 78/1664 | 82/2862, 0.0445 | 17/25 | 0.8370 / 0.7907 |
| MLP 128, alpha 1e-1, seed 1, share 0.25 | 0.9456 | 0.6108 | 0.7326 | 0.9532 | 0.8573 (-0.005 [-0.027, +0.016]) | 0.9100 | 0.9615 (+0.0027 [+0.0012, +0.0040]) | 534/674, 78/1664 | 83/2862, 0.0457 | 16/25 | 0.8385 / 0.7911 |

(Every variant at shares 0.15-0.5 is printed by the first command below. The bootstrap's resamples
depend on which rows a run prints, so its intervals move by up to about 0.005 between runs.)

identity_attack (49,306 training rows, 2,828 positive; choice split 56 Wikipedia positives of
1,596; budget 1%):

| identity_attack logit | Davidson | MLMA en | MLMA fr | ToxiGen | Wikipedia (diff, 5-95%) | at 1% of en benign: Wikipedia caught, Wikipedia benign held | en benign held at the linear head's 40 caught | dev tune AUC en / fr |
|---|---|---|---|---|---|---|---|---|
| linear head | 0.8046 | 0.6256 | 0.7276 | 0.9275 | 0.9310 | 40/56, 9/1664 | 25/2862 | 0.8005 / 0.7817 |
| MLP 128, alpha 1e-2, seed 0, share 0.15 | 0.8228 | 0.6167 | 0.7300 | 0.9293 | 0.9370 (+0.006 [+0.002, +0.010]) | 41/56, 12/1664 | 22/2862 | 0.7962 / 0.7778 |
| the same, share 0.25 | 0.8296 | 0.6096 | 0.7227 | 0.9302 | 0.9380 (+0.007 [+0.001, +0.013]) | 42/56, 14/1664 | 24/2862 | 0.7905 / 0.7727 |
| the same, share 0.5 | 0.8327 | 0.5964 | 0.6975 | 0.9256 | 0.9361 (+0.005 [-0.004, +0.016]) | 35/56, 12/1664 | 38/2862 | 0.7738 / 0.7571 |
| MLP 128, alpha 1e-2, seed 1, share 0.25 | 0.8360 | 0.6065 | 0.7429 | 0.9302 | 0.9330 (+0.002 [-0.005, +0.009]) | 42/56, 12/1664 | 21/2862 | 0.7958 / 0.7787 |
| MLP 64, alpha 1e-2, seed 0, share 0.25 | 0.8246 | 0.6116 | 0.7209 | 0.9412 | 0.9346 (+0.003 [-0.004, +0.011]) | 41/56, 13/1664 | 23/2862 | 0.7898 / 0.7687 |
| MLP 64, alpha 1e-2, seed 1, share 0.25 | 0.8217 | 0.6095 | 0.7413 | 0.9357 | 0.9358 (+0.005 [-0.001, +0.010]) | 41/56, 12/1664 | 27/2862 | 0.7976 / 0.7827 |

What it shows. Toxicity: the blend's clear gains are on Davidson and ParaDetox (+0.016 to +0.023 at
alpha 1e-2, +0.004 to +0.011 at 1e-1; intervals above 0), tweets and paraphrase pairs. On
Wikipedia talk, at shares 0.15-0.25 and alpha 1e-2 or 1e-1, +0.002 to +0.004 (at 0.35 and up, or
alpha 1e-3, no gain or a loss). The French data do not follow: the French forum (55 comments)
moves -0.005 to +0.031 with the MLP's seed and size at those shares, every interval wide across 0,
and catches 16-19 of 25 at the pooled budget against the linear head's 18; MLMA fr +0.006 to
+0.016, most intervals across 0. At the 3% budget the blends at those shares catch 1 to 15 more
Wikipedia toxic comments of 674 but hold 3 to 8 more Wikipedia benign comments of 1,664 (73 ->
76-81; at every share and size, 76-82): the MLP
lowers the benign identity sentences and ToxiGen statements against the Wikipedia comments, so
the budget they share moves onto Wikipedia (128 units, seed 0, share 0.25: identity sentences held
10 -> 5 of 1,165, ToxiGen 3 -> 1 of 33, Wikipedia 73 -> 80), the comments whose holds are already
over the bar (6.1% held out). At the linear head's catch the Wikipedia benign share is 4.1-4.6%
against 4.3%. The dev tune half's AUC moves by under 0.01 either way at those shares (at 0.5 with
alpha 1e-2 or 1e-3, down 0.017-0.045 in English). identity_attack (shares 0.15-0.25):
Davidson +0.014 to +0.031, MLMA en -0.008 to -0.019 at every variant, MLMA fr -0.007 to +0.015,
Wikipedia +0.002 to +0.007 on 56 positives (41-42 caught at the 1% budget against 40, for 11-14
Wikipedia benign held against 9; model score alone, the engine applies identity_attack only to
comments that name a group), dev tune AUC en -0.010 to +0.001, fr -0.013 to +0.003.

Not shipped: no variant wins clearly on both Wikipedia and the French data, and the figure the
problem is about, Wikipedia benign comments held at the calibrated budget, gets worse for every
toxicity blend. No stack-v8 artifact was trained, no policy recalibrated, and the report half was
not measured.

Run: .venv/bin/python bench/experiments/toxicity_mlp.py --label toxicity --mlps 128:0.01,64:0.01,128:0.001,128:0.1 --seeds 0,1 --shares 0.15,0.25,0.35,0.5
     (about 2.5 hours on one core the first time; the MLP and linear logits are then cached)
     .venv/bin/python bench/experiments/toxicity_mlp.py --label identity_attack --mlps 128:0.01,64:0.01 --seeds 0,1 --shares 0.15,0.25,0.5
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
MLPS = ((128, 1e-2), (64, 1e-2), (128, 1e-3), (128, 1e-1))  # (hidden units, L2 alpha); threat ships 128, 1e-2
SHARES = (0.15, 0.25, 0.35, 0.5)
BOOTSTRAP = 400


def rows(label: str):
    examples = [e for name in TRAINING_FILES for e in load_training_file(DATA / name)]
    train = [e for e in examples if not is_heldout(e) and not is_choice(e) and label in e.labels]
    # every choice-split row: the benign budget is counted on all benign comments (toxicity 0), as
    # moderation calibrate counts it, whether or not the row carries `label`
    choice = [e for e in examples if is_choice(e)]
    return train, choice


def _cached(path: Path, sets: dict) -> dict[str, np.ndarray] | None:
    """Logits per set stored at `path`, if the file holds every set at its current length."""
    if not path.is_file():
        return None
    with np.load(path) as archive:
        stored = {k: archive[k] for k in archive.files}
    if all(k in stored and len(stored[k]) == len(v) for k, v in sets.items()):
        return stored
    return None


def linear_logits(label: str, train, texts_by_set: dict[str, list[str]], cache: EmbeddingCache) -> dict[str, np.ndarray]:
    """The shipped recipe's joint linear head, fitted on `train`; logits per set (cached on disk)."""
    path = CACHE / f"toxicity_mlp_linear_{label}.npz"
    stored = _cached(path, texts_by_set)
    if stored is not None:
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
    stored = _cached(path, embedded_by_set)
    if stored is not None:
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

    choice_y = np.array([e.labels.get(label, -1) for e in choice])  # -1: the row does not carry the label
    benign = np.array([e.labels["toxicity"] == 0 for e in choice])
    sources = [s for s in sorted({e.source for e in choice})
               if len({e.labels[label] for e in choice if e.source == s and label in e.labels}) == 2]
    by_source = {s: np.array([i for i, e in enumerate(choice) if e.source == s and label in e.labels]) for s in sources}
    calib_sources = {load_training_file(DATA / n)[0].source for lang in BENIGN_DEV_SETS for n in BENIGN_DEV_SETS[lang]}
    en_sources = {load_training_file(DATA / n)[0].source for n in BENIGN_DEV_SETS["en"]}
    benign_en = np.array([i for i, e in enumerate(choice) if e.source in en_sources and benign[i]])
    benign_all = np.array([i for i, e in enumerate(choice) if e.source in calib_sources and benign[i]])
    wiki_toxic = np.array([i for i, e in enumerate(choice) if e.source == "wikipedia_talk_en" and choice_y[i] == 1])
    forum_toxic = np.array([i for i, e in enumerate(choice) if e.source == "toxifrench_forum_fr" and choice_y[i] == 1])
    tune_lang = {lang: ([i for i, c in enumerate(hateful) if c["language"] == lang],
                        [i for i, c in enumerate(kept) if c["language"] == lang]) for lang in ("en", "fr")}
    print(f"budget {share_budget:.0%}: {len(benign_en)} English benign, {len(benign_all)} pooled; "
          f"{len(wiki_toxic)} Wikipedia and {len(forum_toxic)} French forum positives", flush=True)
    print("choice-split positives per file: " + ", ".join(
        f"{s} {int(choice_y[idx].sum())}/{len(idx)}" for s, idx in by_source.items()), flush=True)

    wiki_benign = np.array([i for i, e in enumerate(choice) if e.source == "wikipedia_talk_en" and benign[i]])
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

    print(f"| {label} logit | " + " | ".join(sources) + f" | at {share_budget:.0%} of en benign: Wikipedia {label} caught, "
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
