"""Do plain and affirming statements about groups lower identity-term bias? (Measured: not shipped.)

Trains the joint toxicity head as shipped (Wikipedia x3) with and without
`benign_group_examples()` as extra label-0 rows, and prints the choice-split AUC per file and, at
the score that holds 3% of benign choice comments, the share of the dev suites' TUNE half held per
category (benign identity, negated hate, identity mentions: lower is better; threat, derogation:
higher is better). The report half is not touched. Run:
    .venv/bin/python bench/experiments/benign_groups.py

Result (2026-12-02, docs/model.md): negated hate held 0.24 -> 0.06 English, but derogation caught
0.55 -> 0.28, threats 0.24 -> 0.19, pronoun/question 0.38 -> 0.19, Davidson and French forum AUC
down: the head learned "a sentence about a group is benign", not which ones are.
"""

from __future__ import annotations

import json
import sys
import time
from dataclasses import replace
from pathlib import Path

import numpy as np
import scipy.sparse as sp
from sklearn.linear_model import LogisticRegression

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_quality import half_of  # noqa: E402
from moderation.scoring.linear_features import FeatureSpec, lexicon_lookup  # noqa: E402
from moderation.training.datasets import TRAINING_FILES, load_training_file  # noqa: E402
from moderation.training.embeddings import EmbeddingCache  # noqa: E402
from moderation.training.fit import cell_weights, feature_matrix  # noqa: E402
from moderation.training.lexicon_table import lexicon_table  # noqa: E402
from moderation.training.metrics import roc_auc  # noqa: E402
from moderation.training.pipeline import SOURCE_WEIGHTS  # noqa: E402
from moderation.training.splits import is_choice, is_heldout  # noqa: E402
from moderation.training.written import (  # noqa: E402
    EN_GOOD, EN_GROUPS, EN_PLAIN, EN_PLAIN_FRAMES, FR_GOOD, FR_GROUPS, SOURCE, _capital, _elide, _fill, _sample,
    _vary_ending, dev_case_texts, preprocess, product, random,
)
from moderation.training.datasets import Example  # noqa: E402

# --- Plain and affirming statements about groups (toxicity 0, identity_attack 0) ---
# The toxicity head learned identity words as toxic from tweets that use them as insults: "Trans
# women are women." scored 0.88 and was held. These sentences say ordinary or good things about a
# group, and nothing else, so they can teach the toxicity and identity_attack heads that naming a
# group is not an attack. Kept apart from the threat grammar: the derogation positives and negated
# derogation ("X are not parasites") would teach those heads the grammar instead.
EN_AFFIRMING = ("women", "men", "human beings", "valid", "normal", "equal", "loved", "part of our community",
                "our friends", "our colleagues", "parents too", "citizens like you and me", "here to stay",
                "not a threat to anyone", "welcome in this town", "as varied as any other group")
EN_AFFIRMING_FRAMES = ("{T} are {p}.", "{T} are {p}, full stop.", "Reminder: {t} are {p}.", "Of course {t} are {p}.",
                       "I'm proud that {t} are {p}.", "My neighbours are {t} and they are {p}.")
EN_PLAIN_GROUPS = tuple(g for g in EN_GROUPS if "parasites" not in g and g != "those people") + (
    "trans women", "trans men", "gay men", "Jewish people", "Muslim women", "Black women", "immigrant families")
FR_AFFIRMING = ("des femmes", "des êtres humains", "normaux", "nos égaux", "nos amis", "nos collègues",
                "des parents comme les autres", "des citoyens comme vous et moi", "ici chez eux",
                "une menace pour personne", "les bienvenus dans cette ville", "aussi divers que n'importe qui")
FR_AFFIRMING_FRAMES = ("{T} sont {p}.", "{T} sont {p}, point.", "Rappel : {t} sont {p}.", "Bien sûr que {t} sont {p}.",
                       "Mes voisins sont {bare} et ils sont {p}.")
FR_PLAIN_GROUPS = tuple(g for g in FR_GROUPS if g.startswith("les ")) + (
    "les femmes trans", "les hommes trans", "les familles immigrées", "les femmes musulmanes")
BENIGN_PER_LANGUAGE = 1200


def benign_group_examples(seed: int = 0, exclude: set[str] | None = None) -> list[Example]:
    """Plain and affirming statements about groups, both languages, toxicity and identity_attack 0."""
    exclude = dev_case_texts() if exclude is None else exclude
    rng = random.Random(seed)
    labels = {"toxicity": 0, "identity_attack": 0}
    out, seen = [], set()

    def fill(frame: str, target: str, predicate: str) -> str:
        return frame.format(t=target, T=_capital(target), p=predicate, bare=target.removeprefix("les "))

    english = [fill(f, t, p) for f, t, p in product(EN_AFFIRMING_FRAMES, EN_PLAIN_GROUPS, EN_AFFIRMING)]
    english += [fill(f, t, p) for f, t, p in product(EN_PLAIN_FRAMES, EN_PLAIN_GROUPS, EN_PLAIN)]
    english += [_fill(f, t, "", "") for f, t in product(EN_GOOD, EN_PLAIN_GROUPS)]
    french = [fill(f, t, p) for f, t, p in product(FR_AFFIRMING_FRAMES, FR_PLAIN_GROUPS, FR_AFFIRMING)]
    french += [_elide(_fill(f, t, "", "")) for f, t in product(FR_GOOD, FR_PLAIN_GROUPS)]
    for language, texts in (("en", english), ("fr", french)):
        for text in _sample(texts, BENIGN_PER_LANGUAGE, rng):
            example = _vary_ending(Example(text, language, f"{SOURCE}_benign_{language}", text, labels), rng)
            if preprocess(example.text) not in exclude and example.text not in seen:
                seen.add(example.text)
                out.append(example)
    return out


DATA = ROOT.parent / "shared" / "data"
DEV = ROOT / "bench" / "data" / "dev"
CATEGORIES = ("benign_identity", "negated_hate", "identity_mention", "threat", "derogation", "pronoun_or_question")


def main() -> None:
    examples = [e for name in TRAINING_FILES for e in load_training_file(DATA / name)]
    base = [e for e in examples if not is_heldout(e) and not is_choice(e) and "toxicity" in e.labels]
    choice = [e for e in examples if is_choice(e) and "toxicity" in e.labels]
    tune = [json.loads(line) for path in sorted(DEV.glob("*.jsonl")) for line in path.read_text("utf-8").splitlines()
            if line.strip()]
    tune = [c for c in tune if half_of(c) == "tune" and c["category"] in CATEGORIES]
    cache = EmbeddingCache(ROOT / "var" / "cache" / "embeddings")
    tags, table, _ = lexicon_table(ROOT / "config" / "lexicons", skip_ambiguous=True)
    spec = replace(FeatureSpec(), lexicon_tags=tags)
    lexicon = lexicon_lookup(table)

    def matrix(texts):
        return sp.hstack([feature_matrix(texts, spec, lexicon),
                          sp.csr_matrix(cache.embed(texts, log=lambda _: None))]).tocsr()

    x_choice, x_tune = matrix([e.text for e in choice]), matrix([c["text"] for c in tune])
    sources = sorted({e.source for e in choice})
    for name, extra in (("wikipedia x3 (shipped)", []), ("+ benign group statements", benign_group_examples())):
        started = time.time()
        train = base + extra
        y = np.array([e.labels["toxicity"] for e in train])
        model = LogisticRegression(C=4.0, solver="liblinear", max_iter=300, random_state=0)
        model.fit(matrix([e.text for e in train]), y, sample_weight=cell_weights(train, "toxicity", dict(SOURCE_WEIGHTS)))
        scores = model.decision_function(x_choice)
        aucs = {}
        for source in sources:
            idx = [i for i, e in enumerate(choice) if e.source == source]
            auc = roc_auc([choice[i].labels["toxicity"] for i in idx], scores[idx])
            if auc is not None:
                aucs[source] = round(auc, 3)
        budget = np.quantile([s for s, e in zip(scores, choice) if e.labels["toxicity"] == 0], 0.97)
        tune_scores = model.decision_function(x_tune)
        held = {}
        for category in CATEGORIES:
            for language in ("en", "fr"):
                idx = [i for i, c in enumerate(tune) if c["category"] == category and c["language"] == language]
                if idx:
                    held[f"{category}/{language}"] = round(float(np.mean(tune_scores[idx] >= budget)), 2)
        print(json.dumps({"variant": name, "choice_auc": aucs, "tune_held_at_3pct_budget": held,
                          "seconds": round(time.time() - started)}), flush=True)


if __name__ == "__main__":
    main()
