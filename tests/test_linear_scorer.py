"""The shipped linear model: loads fast without heavy imports, ranks toxic above benign, fails clearly."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import numpy as np
import pytest

from moderation.scoring.base import ScorerUnavailable
from moderation.scoring.linear import DEFAULT_MODEL, PREVIOUS_MODEL, LinearScorer

TOXIC = {
    "en": ["You are a fucking idiot, shut up", "go kill yourself you worthless piece of shit",
           "what a stupid moron, nobody wants your garbage opinion"],
    "fr": ["Ferme ta gueule espèce de connard", "t'es qu'une grosse salope", "bande d'abrutis, allez vous faire foutre"],
}
BENIGN = {
    "en": ["Thanks for the article, very interesting analysis.", "I disagree with the mayor on the budget vote.",
           "The match starts at eight tonight."],
    "fr": ["Merci pour cet article très intéressant.", "Je ne suis pas d'accord avec le maire sur le budget.",
           "Le match commence à vingt heures ce soir."],
}


@pytest.fixture(scope="module")
def scorer() -> LinearScorer:
    return LinearScorer.load()


def test_shipped_artifact_is_small_and_declares_its_labels(scorer):
    size = DEFAULT_MODEL.stat().st_size + DEFAULT_MODEL.with_suffix(".npz").stat().st_size
    assert size <= 25 * 1024 * 1024
    assert scorer.model_id == "stack-v8" and scorer.encoder is not None
    assert {"toxicity", "identity_attack", "threat"} <= set(scorer.labels)


def test_the_previous_model_stays_loadable_without_an_encoder():
    previous = LinearScorer.load(PREVIOUS_MODEL)
    assert previous.model_id == "linear-v1" and previous.encoder is None
    toxic, benign = previous.score([TOXIC["en"][0], BENIGN["en"][0]], ["en", "en"])
    assert toxic["toxicity"] > benign["toxicity"]


def test_french_and_english_of_the_same_insult_score_alike(scorer):
    """The sentence encoder puts translations close: an English-trained head carries over to French."""
    pairs = [("I'm going to slit your throat", "Je vais te trancher la gorge"),
             ("Thanks, that was a useful summary of the debate", "Merci, c'était un résumé utile du débat")]
    texts = [t for pair in pairs for t in pair]
    scores = [row["threat"] for row in scorer.score(texts, ["en", "fr"] * 2)]
    assert min(scores[:2]) > 5 * max(scores[2:])


@pytest.mark.parametrize("language", ["en", "fr"])
def test_every_toxic_text_ranks_above_every_benign_one(scorer, language):
    texts = TOXIC[language] + BENIGN[language]
    scores = [row["toxicity"] for row in scorer.score(texts, [language] * len(texts))]
    n = len(TOXIC[language])
    assert min(scores[:n]) > max(scores[n:])
    assert all(0.0 <= s <= 1.0 for s in scores)


def test_batch_scores_equal_one_by_one_scores(scorer):
    texts = TOXIC["en"] + BENIGN["fr"] + ["", "   "]
    batch = scorer.score(texts, ["en"] * len(texts))
    single = [scorer.score([t], ["en"])[0] for t in texts]
    for a, b in zip(batch, single):
        assert a.keys() == b.keys() == set(scorer.labels)
        # the encoder sums in float32 over a batch's flattened tokens: the order differs, the value by ~1e-7
        assert all(abs(a[k] - b[k]) < 1e-5 for k in a)


def test_empty_batch_and_mismatched_languages(scorer):
    assert scorer.score([], []) == []
    with pytest.raises(ValueError):
        scorer.score(["a", "b"], ["en"])


def test_loading_imports_no_heavy_library():
    code = ("import sys; from moderation.scoring.linear import LinearScorer; LinearScorer.load();"
            "print([m for m in ('sklearn', 'scipy', 'torch', 'onnxruntime') if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


@pytest.fixture
def copied_model(tmp_path):
    for suffix in (".json", ".npz"):
        shutil.copy(DEFAULT_MODEL.with_suffix(suffix), tmp_path / f"stack-v8{suffix}")
    return tmp_path


def test_loads_from_a_directory_or_json_path(copied_model):
    assert LinearScorer.load(copied_model).labels == LinearScorer.load(copied_model / "stack-v8.json").labels


def test_missing_artifact_is_unavailable(tmp_path):
    with pytest.raises(ScorerUnavailable, match="does not exist"):
        LinearScorer.load(tmp_path / "nothing.json")


def test_truncated_weights_are_unavailable(copied_model):
    npz = copied_model / "stack-v8.npz"
    npz.write_bytes(npz.read_bytes()[:1000])
    with pytest.raises(ScorerUnavailable, match="cannot read weights"):
        LinearScorer.load(copied_model)


def test_garbled_description_is_unavailable(copied_model):
    (copied_model / "stack-v8.json").write_text("{not json", "utf-8")
    with pytest.raises(ScorerUnavailable, match="not a valid model description"):
        LinearScorer.load(copied_model)


def test_weights_of_the_wrong_shape_are_unavailable(copied_model):
    description = json.loads((copied_model / "stack-v8.json").read_text("utf-8"))
    description["features"]["char_bits"] = 12
    (copied_model / "stack-v8.json").write_text(json.dumps(description), "utf-8")
    with pytest.raises(ScorerUnavailable, match="shape"):
        LinearScorer.load(copied_model)


def test_non_finite_weights_are_unavailable(copied_model):
    description = json.loads((copied_model / "stack-v8.json").read_text("utf-8"))
    shape = tuple(description["weights_shape"])
    weights = np.zeros(shape, dtype=np.float16)
    weights[0, 0] = np.nan
    with np.load(copied_model / "stack-v8.npz") as archive:
        others = {name: archive[name] for name in archive.files if name != "weights"}
    np.savez(copied_model / "stack-v8.npz", **{**others, "weights": weights})
    with pytest.raises(ScorerUnavailable, match="finite"):
        LinearScorer.load(copied_model)


def test_score_does_not_grow_with_length():
    """News comments are long; a benign comment repeated must not look ever more toxic.

    With 1/sqrt(n) scaling it did (0.3 -> 0.9). Short texts are shrunk toward the prior on purpose,
    so the property is a plateau: past a few sentences, more of the same changes nothing.
    """
    scorer = LinearScorer.load()  # n-grams and sentence encoder both
    benign = "Les talibans ont pris la vallée hier soir, et les négociations reprennent à Doha demain."
    scores = [s["toxicity"] for s in scorer.score([" ".join([benign] * k) for k in (16, 64)], ["fr"] * 2)]
    assert max(scores) - min(scores) < 0.03, scores
    assert max(scores) < 0.5, scores


def test_encoder_weights_of_the_wrong_shape_are_unavailable(copied_model):
    with np.load(copied_model / "stack-v8.npz") as archive:
        others = {name: archive[name] for name in archive.files}
    np.savez(copied_model / "stack-v8.npz", **{**others, "encoder_weights": np.zeros((100, 5), dtype=np.float16)})
    with pytest.raises(ScorerUnavailable, match="encoder weights"):
        LinearScorer.load(copied_model)


def test_an_unknown_encoder_is_unavailable(copied_model):
    description = json.loads((copied_model / "stack-v8.json").read_text("utf-8"))
    description["encoder"]["name"] = "some-other-encoder"
    (copied_model / "stack-v8.json").write_text(json.dumps(description), "utf-8")
    with pytest.raises(ScorerUnavailable, match="encoder"):
        LinearScorer.load(copied_model)
