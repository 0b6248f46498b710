"""`train --with-reviews`: reviewed comments join training, a held-out part of them measures the
adapted model against the base one, and the result is a new model id next to, never over, the others."""

from __future__ import annotations

import json

import pytest

pytest.importorskip("sklearn")

from moderation.cli import main  # noqa: E402
from moderation.learning.records import ReviewRecord  # noqa: E402
from moderation.learning.train import is_heldout, split_reviews, train_with_reviews  # noqa: E402
from moderation.scoring.linear import LinearScorer  # noqa: E402
from moderation.training.pipeline import ModelRecipe, train  # noqa: E402
from tests.test_training import SMALL, _mlma_fixture  # noqa: E402

RECIPE = ModelRecipe("tiny-test", ("mlma_fr.csv",), ("toxicity",), None)
THRESHOLDS = {"fr": 0.5, "en": 0.5, "und": 0.5}


def reviews(n: int = 120) -> list[ReviewRecord]:
    """The site's own abuse ("zorglub") that the files never show, rejected; its own small talk approved."""
    out = []
    for i in range(n):
        action = "reject" if i % 2 else "approve"
        text = f"le zorglub numéro {i} arrive" if action == "reject" else f"le bidule numéro {i} arrive"
        out.append(ReviewRecord(f"r{i}", 1, text, "fr", "hold", ("toxicity_hold",), {"toxicity": 0.7}, (), (), "p",
                                "tiny-test", action, {"approve": "keep", "reject": "remove"}[action], "alice", i))
    return out


@pytest.fixture
def base(tmp_path):
    _mlma_fixture(tmp_path)
    path = train(tmp_path, tmp_path / "base", spec=SMALL, recipe=RECIPE, log=lambda _: None, cache_dir=tmp_path / "c")
    return LinearScorer.load(path)


def test_reviews_split_by_comment_and_text_removed_reviews_left_out():
    records = reviews() + [ReviewRecord("gone", 1, None, "fr", "hold", (), {}, (), (), "p", "m", "reject", "remove",
                                        "bob", 1.0)]
    split = split_reviews(records)
    assert "gone" not in {r.comment_id for r in split.train + split.heldout}
    assert {r.comment_id for r in split.heldout} == {r.comment_id for r in records[:-1] if is_heldout(r.comment_id)}
    assert 10 <= len(split.heldout) <= 40 and not {r.comment_id for r in split.train} & {r.comment_id for r in split.heldout}


def test_the_adapted_model_agrees_with_the_moderators_more_on_held_out_reviews(tmp_path, base):
    path, figures = train_with_reviews(tmp_path, tmp_path / "out", reviews(), base, THRESHOLDS, RECIPE,
                                       log=lambda _: None, spec=SMALL, cache_dir=tmp_path / "c")
    assert figures["model_id"].startswith("tiny-test-reviews-") and path.name == f"{figures['model_id']}.json"
    assert figures["adapted"]["auc"] > 0.9 > figures["base"]["auc"]
    assert figures["adapted"]["n"] == figures["base"]["n"] == figures["reviews_heldout"] > 0
    artifact = json.loads(path.read_text())
    assert artifact["reviews"]["trained_on"] == figures["reviews_trained_on"]
    assert artifact["measured_auc"]["heldout:reviews"]["toxicity"] > 0.9


def test_the_command_writes_a_new_id_and_never_overwrites(tmp_path, base, capsys):
    reviews_file = tmp_path / "reviews.jsonl"
    reviews_file.write_text("".join(r.dumps() + "\n" for r in reviews()))
    base_path = tmp_path / "base" / "tiny-test.json"
    argv = ["train", "--reviews", str(reviews_file), "--model", "linear-v1", "--data-dir", str(tmp_path),
            "--without", "davidson_en.csv", "--without", "paradetox_en.tsv", "--without", "mlma_en.csv",
            "--without", "jigsaw_dummy_train.csv", "--base-model", str(base_path), "--out", str(tmp_path / "m")]
    assert main(argv) == 0
    captured = capsys.readouterr()
    figures = json.loads(captured.out)
    written = list((tmp_path / "m").glob("*.json"))
    assert [p.stem for p in written] == [figures["model_id"]] and figures["model_id"].startswith("linear-v1-reviews-")
    assert "the shipped and configured models are unchanged" in captured.err
    assert main(argv) == 2 and "exists; pass --force" in capsys.readouterr().err
