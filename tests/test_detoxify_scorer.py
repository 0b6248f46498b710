"""The detoxify scorer on a tiny random checkpoint in detoxify's own format (built by the tests).

The weights are random, so these tests check the plumbing around the model, never its opinions:
loading (offline, safely), label mapping, batching, and windowing of long texts with max-pooling.
A reference model is built here straight from the checkpoint file with plain transformers calls,
independently of the scorer's loader, to say what the right numbers are.
"""

from __future__ import annotations

import pytest

torch = pytest.importorskip("torch")
transformers = pytest.importorskip("transformers")

from moderation.scoring.base import ScorerUnavailable  # noqa: E402
from moderation.scoring.detoxify_scorer import DetoxifyScorer  # noqa: E402
from moderation.types import LABELS  # noqa: E402
from tests.support.tiny_detoxify import UNBIASED_CLASSES, build_tiny_detoxify  # noqa: E402

# Which checkpoint column each project label must come from, for JIGSAW_CLASSES
# (toxic, severe_toxic, obscene, threat, insult, identity_hate).
JIGSAW_COLUMN = {"toxicity": 0, "severe_toxicity": 1, "obscene": 2, "threat": 3, "insult": 4, "identity_attack": 5}
LONG_TEXT = "thanks for the nice article . " * 120 + "you stupid ugly idiot , die . " * 100 + "merci bien . " * 60


@pytest.fixture(scope="session")
def tiny(tmp_path_factory):
    return build_tiny_detoxify(tmp_path_factory.mktemp("tiny-detoxify"))


@pytest.fixture(scope="session")
def tiny_unbiased(tmp_path_factory):
    return build_tiny_detoxify(tmp_path_factory.mktemp("tiny-unbiased"), classes=UNBIASED_CLASSES, seed=1)


@pytest.fixture(scope="module")
def scorer(tiny):
    return DetoxifyScorer(tiny.checkpoint, tiny.hf_config, batch_size=4)


def reference_probabilities(tiny, input_ids: list[int]) -> list[float]:
    """Sigmoid outputs of the checkpoint's model on one window, loaded without the scorer's code."""
    loaded = torch.load(tiny.checkpoint, weights_only=True)
    config = transformers.BertConfig.from_pretrained(tiny.hf_config, num_labels=len(tiny.classes))
    model = transformers.BertForSequenceClassification(config)
    model.load_state_dict(loaded["state_dict"])
    model.eval()
    with torch.no_grad():
        logits = model(input_ids=torch.tensor([input_ids])).logits
    return torch.sigmoid(logits)[0].tolist()


def test_jigsaw_class_names_are_mapped_onto_the_project_labels_column_by_column(scorer, tiny):
    text = "you are an idiot"
    probabilities = reference_probabilities(tiny, scorer.tokenizer(text)["input_ids"])
    [scores] = scorer.score([text], ["en"])
    assert scorer.labels == LABELS
    assert scores == pytest.approx({label: probabilities[column] for label, column in JIGSAW_COLUMN.items()},
                                   abs=1e-5)


def test_identity_group_and_sexual_explicit_columns_are_dropped(tiny_unbiased):
    unbiased = DetoxifyScorer(tiny_unbiased.checkpoint, tiny_unbiased.hf_config)
    [scores] = unbiased.score(["she is a moron"], ["en"])
    assert unbiased.labels == ("toxicity", "severe_toxicity", "obscene", "insult", "threat", "identity_attack")
    assert set(scores) == set(unbiased.labels)
    probabilities = reference_probabilities(tiny_unbiased, unbiased.tokenizer("she is a moron")["input_ids"])
    assert scores["identity_attack"] == pytest.approx(probabilities[3], abs=1e-5)
    assert scores["threat"] == pytest.approx(probabilities[5], abs=1e-5)


def test_model_id_names_the_model_type_and_the_checkpoint_digest(scorer, tiny):
    import hashlib

    digest = hashlib.sha256(tiny.checkpoint.read_bytes()).hexdigest()[:8]
    assert scorer.model_id == f"detoxify-multilingual-{digest}"


def test_a_long_text_is_cut_into_512_token_windows_that_lose_and_repeat_nothing(scorer):
    windows, owners = scorer.windows([LONG_TEXT])
    body = scorer.tokenizer(LONG_TEXT, add_special_tokens=False)["input_ids"]
    cls_id, sep_id = scorer.tokenizer.cls_token_id, scorer.tokenizer.sep_token_id
    assert len(body) > 2 * 510
    assert len(windows) == -(-len(body) // 510) and owners == [0] * len(windows)
    assert all(len(window) <= 512 and window[0] == cls_id and window[-1] == sep_id for window in windows)
    assert [token for window in windows for token in window[1:-1]] == body


def test_a_long_text_scores_the_maximum_of_its_windows_per_label(scorer, tiny):
    windows, _ = scorer.windows([LONG_TEXT])
    per_window = [reference_probabilities(tiny, window) for window in windows]
    [scores] = scorer.score([LONG_TEXT], ["en"])
    pooled = {label: max(window[column] for window in per_window) for label, column in JIGSAW_COLUMN.items()}
    assert scores == pytest.approx(pooled, abs=1e-5)
    # Not what truncating to the first window would give: some label peaks in a later window.
    assert any(pooled[label] > per_window[0][column] + 1e-3 for label, column in JIGSAW_COLUMN.items())


def test_batches_hold_at_most_batch_size_windows_and_padding_does_not_change_scores(scorer):
    texts = ["you are an idiot", "", "merci bien", "the article is nice and good", "tu es un con",
             "they hate you", "thanks", "kill", "le la les", "ugly fool"]
    batch_sizes = []
    hook = scorer.model.register_forward_hook(lambda _m, _args, kwargs, _out: batch_sizes.append(
        kwargs["input_ids"].shape[0]), with_kwargs=True)
    try:
        together = scorer.score(texts, ["en"] * len(texts))
    finally:
        hook.remove()
    one_by_one = [scorer.score([text], ["en"])[0] for text in texts]
    assert batch_sizes == [4, 4, 2]
    for batched, alone in zip(together, one_by_one):
        assert batched == pytest.approx(alone, abs=1e-5)


def test_results_follow_input_order_and_empty_input_gives_empty_output(scorer):
    texts = ["you are an idiot", LONG_TEXT, "merci bien"]
    forward = scorer.score(texts, ["en", "en", "fr"])
    backward = scorer.score(texts[::-1], ["fr", "en", "en"])
    assert [round(s["toxicity"], 6) for s in backward] == [round(s["toxicity"], 6) for s in forward[::-1]]
    assert forward[0] != forward[2]
    assert scorer.score([], []) == []


def test_a_missing_checkpoint_is_unavailable_and_names_its_path(tiny, tmp_path):
    missing = tmp_path / "nowhere.ckpt"
    with pytest.raises(ScorerUnavailable, match=str(missing)):
        DetoxifyScorer(missing, tiny.hf_config)


def test_a_corrupt_checkpoint_is_unavailable_and_names_its_path(tiny, tmp_path):
    corrupt = tmp_path / "corrupt.ckpt"
    corrupt.write_bytes(tiny.checkpoint.read_bytes()[:5000])
    with pytest.raises(ScorerUnavailable, match=str(corrupt)):
        DetoxifyScorer(corrupt, tiny.hf_config)


class _RunsCodeWhenUnpickled:
    def __init__(self, marker):
        self.marker = marker

    def __reduce__(self):
        return (self.marker.__class__.touch, (self.marker,))


def test_a_checkpoint_carrying_pickled_code_is_refused_without_running_it(tiny, tmp_path):
    marker = tmp_path / "code-ran"
    hostile = tmp_path / "hostile.ckpt"
    loaded = torch.load(tiny.checkpoint, weights_only=True)
    torch.save({**loaded, "payload": _RunsCodeWhenUnpickled(marker)}, hostile)
    with pytest.raises(ScorerUnavailable, match="hostile.ckpt"):
        DetoxifyScorer(hostile, tiny.hf_config)
    assert not marker.exists()


def test_weights_that_do_not_fit_the_architecture_are_refused_not_randomly_filled(tiny, tmp_path):
    loaded = torch.load(tiny.checkpoint, weights_only=True)
    del loaded["state_dict"]["classifier.weight"]
    partial = tmp_path / "partial.ckpt"
    torch.save(loaded, partial)
    with pytest.raises(ScorerUnavailable, match="classifier.weight"):
        DetoxifyScorer(partial, tiny.hf_config)


def test_a_checkpoint_without_detoxify_layout_or_hf_folder_is_unavailable(tiny, tmp_path):
    bare = tmp_path / "bare.ckpt"
    torch.save(torch.load(tiny.checkpoint, weights_only=True)["state_dict"], bare)
    with pytest.raises(ScorerUnavailable, match="layout"):
        DetoxifyScorer(bare, tiny.hf_config)
    with pytest.raises(ScorerUnavailable, match="detoxify_hf_config"):
        DetoxifyScorer(tiny.checkpoint, tmp_path / "no-hf-folder")


OFFLINE_SCRIPT = """
import json, socket, sys

def refuse(*args, **kwargs):
    raise OSError(f"network access attempted: {args!r}")

socket.socket.connect = socket.create_connection = socket.getaddrinfo = refuse

from pathlib import Path
from detoxify.detoxify import load_checkpoint
from moderation.scoring.detoxify_scorer import DetoxifyScorer

scorer = DetoxifyScorer(Path(sys.argv[1]), Path(sys.argv[2]))
try:  # control: detoxify's own loader, same files, same machine
    load_checkpoint(checkpoint=sys.argv[1], huggingface_config_path=sys.argv[2])
    upstream = "loaded"
except Exception as exc:
    upstream = f"{type(exc).__name__}: {exc}"
print(json.dumps({"scores": scorer.score(["you are an idiot"], ["en"]), "upstream": upstream}))
"""


def test_loads_fully_offline_where_detoxify_itself_asks_the_hub(scorer, tiny, tmp_path):
    import json
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1",
           "HF_HOME": str(tmp_path / "empty-hf-home"), "PYTHONPATH": str(root)}
    done = subprocess.run([sys.executable, "-c", OFFLINE_SCRIPT, str(tiny.checkpoint), str(tiny.hf_config)],
                          env=env, cwd=root, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["scores"] == [pytest.approx(scorer.score(["you are an idiot"], ["en"])[0], abs=1e-5)]
    # unitaryai/detoxify PR #126: upstream 0.5.4 asks the hub for the "bert-base-uncased" config here.
    assert result["upstream"].startswith("OSError") and "huggingface.co" in result["upstream"]


def _published_copy(tiny, folder, name_hash=None):
    """Copy the tiny checkpoint under a detoxify-style `name-<sha256 prefix>.ckpt` file name."""
    import hashlib

    loaded = torch.load(tiny.checkpoint, weights_only=True)
    # Point the arch at the local HF folder, standing in for the hub name a real download uses.
    loaded["config"]["arch"]["args"]["model_type"] = str(tiny.hf_config)
    staging = folder / "staging.ckpt"
    torch.save(loaded, staging)
    digest = hashlib.sha256(staging.read_bytes()).hexdigest()[:8]
    published = folder / f"tiny-{name_hash or digest}.ckpt"
    staging.rename(published)
    return published, digest


def test_without_a_checkpoint_detoxify_weights_are_downloaded_and_hash_checked(tiny, tmp_path, monkeypatch):
    from moderation.scoring import detoxify_loading

    published, digest = _published_copy(tiny, tmp_path)
    monkeypatch.setitem(detoxify_loading.MODEL_URLS, "multilingual", published.as_uri())
    monkeypatch.setenv("TORCH_HOME", str(tmp_path / "torch-home"))
    downloaded = DetoxifyScorer(model_type="multilingual")
    assert downloaded.model_id == f"detoxify-multilingual-{digest}"
    assert downloaded.labels == LABELS


def test_a_download_whose_hash_does_not_match_is_unavailable(tiny, tmp_path, monkeypatch):
    from moderation.scoring import detoxify_loading

    published, _ = _published_copy(tiny, tmp_path, name_hash="00000000")
    monkeypatch.setitem(detoxify_loading.MODEL_URLS, "multilingual", published.as_uri())
    monkeypatch.setenv("TORCH_HOME", str(tmp_path / "torch-home"))
    with pytest.raises(ScorerUnavailable, match="invalid hash"):
        DetoxifyScorer(model_type="multilingual")


def test_provisioning_downloads_hash_checks_and_makes_a_plain_checkpoint(tiny, tmp_path, monkeypatch):
    import argparse
    import hashlib
    import runpy
    from pathlib import Path

    from detoxify import detoxify as upstream

    provision = runpy.run_path(str(Path(__file__).resolve().parent.parent / "scripts" / "provision_detoxify.py"))
    # A release file like Lightning leaves them: extra pickled objects that weights_only refuses.
    loaded = torch.load(tiny.checkpoint, weights_only=True)
    loaded["config"]["arch"]["args"]["model_type"] = str(tiny.hf_config)  # stands in for "xlm-roberta-base"
    loaded["hparams"] = argparse.Namespace(lr=3e-5)
    staging = tmp_path / "staging.ckpt"
    torch.save(loaded, staging)
    release = tmp_path / f"release-{hashlib.sha256(staging.read_bytes()).hexdigest()[:8]}.ckpt"
    staging.rename(release)
    monkeypatch.setitem(upstream.MODEL_URLS, "multilingual", release.as_uri())

    values = provision["provision"](tmp_path / "out", "multilingual")
    checkpoint = Path(values["MODERATION_DETOXIFY_CHECKPOINT"])
    assert checkpoint.name.endswith("-plain.ckpt")
    assert set(torch.load(checkpoint, weights_only=True)) == {"config", "state_dict"}
    provisioned = DetoxifyScorer(checkpoint, Path(values["MODERATION_DETOXIFY_HF_CONFIG"]))
    original = DetoxifyScorer(tiny.checkpoint, tiny.hf_config)
    assert provisioned.score(["you are an idiot"])[0] == pytest.approx(original.score(["you are an idiot"])[0])
