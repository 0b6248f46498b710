"""Training: eval-only files refused, label mapping, train/inference feature parity, deterministic artifact."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("sklearn")

from moderation.scoring.linear import LinearScorer  # noqa: E402
from moderation.scoring.linear_features import FeatureSpec, featurize, preprocess  # noqa: E402
from moderation.training.datasets import EvalOnlyData, load_training_file  # noqa: E402
from moderation.training.fit import MlpOptions, feature_matrix  # noqa: E402
from moderation.training.pipeline import ModelRecipe, train  # noqa: E402
from moderation.training.splits import is_heldout, split  # noqa: E402

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
SAMPLES = ["RT @bob: You are a CONNARD!!!! &amp; déguisé http://t.co/x fuuuuck", "", "a", "Ça va? ça VA!",
           "emoji 🤡🤡 and 日本語", "word " * 50, "Merci pour cet article très intéressant."]
SMALL = FeatureSpec(char_bits=12, word_bits=10)


def _mlma_fixture(folder: Path) -> None:
    """Write a tiny mlma_fr.csv in the real file's format."""
    toxic = ["t'es un connard", "sale con va", "bande d'abrutis", "ferme ta gueule", "espèce de débile"]
    clean = ["bonne journée à tous", "le match était beau", "merci pour l'info", "il pleut à paris", "je suis d'accord"]
    with (folder / "mlma_fr.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["HITId", "tweet", "sentiment", "directness", "annotator_sentiment", "target", "group"])
        for i in range(60):
            text, tag = (toxic[i % 5], "offensive_hateful" if i % 3 else "offensive") if i % 2 else (clean[i % 5], "normal")
            writer.writerow([i, f"@user {text} {i}", tag, "direct", "anger", "origin", "other"])


def test_preprocess_folds_tweet_markup_case_accents_and_stretching():
    assert preprocess("RT @bob: Tu es DÉGUISÉ!!!! &amp; http://t.co/x fuuuuck") == ": tu es deguise!! & fuuck"


def test_training_matrix_equals_inference_featuriser():
    spec = FeatureSpec()
    matrix = feature_matrix(SAMPLES, spec).toarray()
    doc, index, value = featurize(SAMPLES, spec)
    dense = np.zeros_like(matrix)
    np.add.at(dense, (doc, index), value)
    assert np.allclose(matrix, dense)
    assert (matrix[0] > 0).sum() > 20 and (matrix[1] > 0).sum() > 0  # padding gives "" a feature


def test_shipped_scorer_matches_training_matrix_times_weights():
    scorer = LinearScorer.load()
    matrix = feature_matrix(SAMPLES, scorer.spec, scorer.lexicon)
    embedded = scorer.encoder.encode(SAMPLES)
    expected = matrix @ scorer._weights + scorer._intercepts + embedded @ scorer._encoder_weights
    for column, head in scorer._mlp_heads:  # the threat (stack-v7) and identity_attack (stack-v8) logits blend in an MLP
        expected[:, column] = (1 - head.blend) * expected[:, column] + head.blend * head.logits(embedded)
    assert {head.label for _, head in scorer._mlp_heads} == {"threat", "identity_attack"}
    assert np.allclose(scorer.logits(SAMPLES), expected, atol=1e-4)


def test_eval_only_files_are_refused_by_name(tmp_path):
    fake = tmp_path / "hateday_fr.csv"
    fake.write_text("tweet_id,content,label\n1,x,1\n", "utf-8")
    with pytest.raises(EvalOnlyData):
        load_training_file(fake)


@pytest.mark.skipif(not (SHARED / "rtplx_fr.csv").is_file(), reason="shared data not present")
def test_eval_only_files_are_refused_when_renamed(tmp_path):
    renamed = tmp_path / "mlma_fr.csv"
    shutil.copy(SHARED / "rtplx_fr.csv", renamed)
    with pytest.raises(EvalOnlyData):
        load_training_file(renamed)


def test_mlma_mapping_drops_ambiguous_rows(tmp_path):
    _mlma_fixture(tmp_path)
    examples = load_training_file(tmp_path / "mlma_fr.csv")
    assert len(examples) == 60
    assert {e.labels["toxicity"] for e in examples if "connard" in e.text} == {1}
    assert {e.labels["toxicity"] for e in examples if "merci" in e.text} == {0}


def test_split_keeps_pairs_together_and_drops_dev_duplicates(tmp_path):
    _mlma_fixture(tmp_path)
    examples = load_training_file(tmp_path / "mlma_fr.csv")
    dev_text = examples[0].text.upper()
    train_set, heldout, leaked = split(examples, [dev_text])
    assert all(not is_heldout(e) for e in train_set) and all(is_heldout(e) for e in heldout)
    assert leaked == (0 if is_heldout(examples[0]) else 1)
    assert dev_text.lower() not in {e.text.lower() for e in train_set}


@pytest.mark.parametrize("encoder_scale", [None, 3.0], ids=["ngrams", "with-encoder"])
def test_training_twice_gives_identical_bytes(tmp_path, encoder_scale):
    _mlma_fixture(tmp_path)
    # With the encoder, an MLP head for toxicity too (the shipped recipe's is for threat, which this file lacks).
    mlp_heads = (MlpOptions("toxicity", hidden_units=8, max_iter=50),) if encoder_scale else ()
    recipe = ModelRecipe("tiny-test", ("mlma_fr.csv",), ("toxicity", "identity_attack"), encoder_scale,
                         mlp_heads=mlp_heads)
    outs = []
    for name in ("a", "b"):
        json_path = train(tmp_path, tmp_path / name, seed=0, spec=SMALL, recipe=recipe, log=lambda _: None,
                          cache_dir=tmp_path / f"cache-{name}")
        outs.append((json_path.read_bytes(), json_path.with_suffix(".npz").read_bytes()))
    assert outs[0] == outs[1]
    scorer = LinearScorer.load(tmp_path / "a")
    assert (scorer.encoder is not None) == (encoder_scale is not None)
    assert [scorer.labels[column] for column, _ in scorer._mlp_heads] == [m.label for m in mlp_heads]
    toxic, clean = scorer.score(["t'es un connard", "bonne journée à tous"], ["fr", "fr"])
    assert toxic["toxicity"] > clean["toxicity"]


@pytest.mark.parametrize("head", ["linear", "mlp"])
def test_second_opinion_training_twice_gives_identical_bytes_and_a_loadable_head(tmp_path, head):
    from moderation.scoring.second_opinion import SecondOpinion
    from moderation.training.second_opinion import train_second_opinion

    _mlma_fixture(tmp_path)
    outs = []
    for name in ("a", "b"):
        path = train_second_opinion(tmp_path, tmp_path / name, tmp_path / f"cache-{name}", model_id="so-test",
                                    files=("mlma_fr.csv",), written=False, head=head, log=lambda _: None)
        outs.append((path.read_bytes(), path.with_suffix(".npz").read_bytes()))
    assert outs[0] == outs[1]
    opinion = SecondOpinion.load(tmp_path / "a" / "so-test.json")
    assert (opinion._mlp is not None) == (head == "mlp")
    toxic, clean = opinion.toxicity(["t'es un connard", "bonne journée à tous"])
    assert toxic > clean


def test_group_stance_training_twice_gives_identical_bytes_and_loadable_heads(tmp_path):
    import json

    from moderation.scoring.group_stance import GroupStance
    from moderation.training.group_stance import StanceRecipe, train_group_stance

    _mlma_fixture(tmp_path)
    written = tmp_path / "written"
    written.mkdir()
    rows = [{"text": f"les musulmans sont des parasites {i}", "label": 1} for i in range(20)]
    rows += [{"text": f"les musulmans du quartier ont ouvert une boulangerie {i}", "label": 0} for i in range(20)]
    (written / "fr.jsonl").write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), "utf-8")
    outs = []
    for name in ("a", "b"):
        path = train_group_stance(tmp_path, tmp_path / name, tmp_path / f"cache-{name}",
                                  lambda text, language: "connard" in text or "con" in text.split(),
                                  model_id="gs-test", recipe=StanceRecipe((written,), (0, 1)), files=("mlma_fr.csv",),
                                  log=lambda _: None)
        outs.append((path.read_bytes(), path.with_suffix(".npz").read_bytes()))
    assert outs[0] == outs[1]
    description = json.loads(outs[0][0])
    assert description["training"]["rows_by_source_and_class"]["written_fr:1"] == 20
    assert sum(n for key, n in description["training"]["rows_by_source_and_class"].items() if key.startswith("mlma")) > 0
    stance = GroupStance.load(tmp_path / "a" / "gs-test.json")
    assert [len(stance._heads[name]) for name in ("written", "mixed")] == [2, 2]  # one per seed
    hateful, benign = stance.read(["les musulmans sont des parasites", "les musulmans du quartier ont ouvert une boulangerie"])
    assert hateful.written > benign.written and hateful.mixed > benign.mixed
