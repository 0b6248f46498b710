"""Load a detoxify checkpoint and its transformer, fully offline when the files are provisioned.

We follow detoxify 0.5.4's `load_checkpoint`/`get_model_and_tokenizer` (its checkpoint format,
its `arch.args`, its class-name standardisation) with three deliberate differences:

1. detoxify builds the model config with `config_class.from_pretrained(model_type)`, where
   `model_type` is a hub name such as "xlm-roberta-base". That asks the Hugging Face hub even
   when `huggingface_config_path` points at a local folder (unitaryai/detoxify PR #126), so an
   offline machine fails. We read the config and tokenizer from the local folder instead, with
   `local_files_only=True`, and still pass `num_labels` from the checkpoint as detoxify does.
2. detoxify calls `torch.load(..., weights_only=False)`, which runs arbitrary pickled code. Its
   checkpoints are plain dicts of JSON-like config and tensors, so `weights_only=True` suffices.
3. detoxify ignores missing or unexpected weights; a checkpoint that does not fit its
   architecture would silently score with random weights. We refuse it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import torch
import transformers
from detoxify.detoxify import MODEL_URLS

from moderation.scoring.base import ScorerUnavailable

_ARCH_KEYS = ("model_type", "model_name", "tokenizer_name", "num_classes")
# Older checkpoints store position ids, which newer transformers rebuild instead of loading.
_HARMLESS_UNEXPECTED = ("position_ids",)


@dataclass(frozen=True)
class Checkpoint:
    """A validated detoxify checkpoint: architecture, class names, weights and a short digest."""

    arch: dict[str, Any]
    class_names: tuple[str, ...]
    state_dict: dict[str, torch.Tensor]
    digest: str  # first 8 hex digits of the file's SHA-256, recorded in the model id


def read_checkpoint(path: Path) -> Checkpoint:
    """Read and validate a detoxify checkpoint file, refusing anything but plain data and tensors."""
    if not path.is_file():
        raise ScorerUnavailable(f"detoxify checkpoint {path} does not exist (setting detoxify_checkpoint)")
    try:
        loaded = torch.load(path, map_location="cpu", weights_only=True)
    except Exception as exc:  # torch.load raises zip, pickle, EOF and runtime errors alike
        raise ScorerUnavailable(f"detoxify checkpoint {path} is corrupt or not a plain checkpoint: {exc}") from exc
    return validate_checkpoint(loaded, source=str(path), digest=_sha256_prefix(path))


def download_checkpoint(model_type: str) -> Checkpoint:
    """Fetch detoxify's released checkpoint for model_type (needs network), hash-checked."""
    url = MODEL_URLS[model_type]
    try:
        loaded = torch.hub.load_state_dict_from_url(url, map_location="cpu", check_hash=True, weights_only=True)
    except Exception as exc:  # network, hash and unpickling failures all mean: not usable here
        raise ScorerUnavailable(
            f"cannot download detoxify weights from {url} ({exc}); provision them offline with "
            "scripts/provision_detoxify.py and set MODERATION_DETOXIFY_CHECKPOINT (docs/detoxify.md)"
        ) from exc
    # detoxify's file names end in the first 8 hex digits of their SHA-256, checked above.
    return validate_checkpoint(loaded, source=url, digest=url.rsplit("-", 1)[-1].split(".")[0])


def validate_checkpoint(loaded: Any, source: str, digest: str) -> Checkpoint:
    """Check the dict has detoxify's layout and return it as a Checkpoint."""
    try:
        config, state_dict = loaded["config"], loaded["state_dict"]
        arch = {key: config["arch"]["args"][key] for key in _ARCH_KEYS}
        classes = tuple(config["dataset"]["args"]["classes"])
    except (KeyError, TypeError) as exc:
        raise ScorerUnavailable(f"detoxify checkpoint {source} lacks detoxify's config/state_dict layout ({exc!r})")
    if len(classes) != arch["num_classes"] or not all(isinstance(name, str) for name in classes):
        raise ScorerUnavailable(f"detoxify checkpoint {source}: {len(classes)} class names for "
                                f"{arch['num_classes']} outputs")
    # The names select transformers classes: only sequence classifiers and their tokenizers.
    if not str(arch["model_name"]).endswith("ForSequenceClassification") or not str(
            arch["tokenizer_name"]).endswith(("Tokenizer", "TokenizerFast")):
        raise ScorerUnavailable(f"detoxify checkpoint {source}: unexpected architecture {arch}")
    return Checkpoint(arch=arch, class_names=classes, state_dict=state_dict, digest=digest)


def build_model(checkpoint: Checkpoint, hf_source: str | Path, local_only: bool):
    """Build the classifier and its tokenizer from the checkpoint and an HF config source."""
    arch = checkpoint.arch
    model_class = getattr(transformers, arch["model_name"], None)
    tokenizer_class = tokenizer_class_for(arch["tokenizer_name"])
    if model_class is None or tokenizer_class is None:
        raise ScorerUnavailable(f"this transformers version has no {arch['model_name']}/{arch['tokenizer_name']}")
    try:
        config = model_class.config_class.from_pretrained(
            hf_source, num_labels=arch["num_classes"], local_files_only=local_only)
        tokenizer = tokenizer_class.from_pretrained(hf_source, local_files_only=local_only)
        model, info = model_class.from_pretrained(
            None, config=config, state_dict=checkpoint.state_dict, output_loading_info=True)
    except (OSError, ValueError, TypeError, RuntimeError) as exc:  # missing files, bad shapes
        raise ScorerUnavailable(f"cannot build the detoxify model from {hf_source}: {exc}") from exc
    _check_loading_info(info, hf_source)
    model.eval()
    return model, tokenizer


def _check_loading_info(info: dict[str, Any], source: str | Path) -> None:
    unexpected = [key for key in info["unexpected_keys"] if not key.endswith(_HARMLESS_UNEXPECTED)]
    problems = {"missing": sorted(info["missing_keys"]), "unexpected": sorted(unexpected),
                "mismatched": sorted(map(str, info["mismatched_keys"]))}
    if any(problems.values()):
        raise ScorerUnavailable(f"detoxify checkpoint does not fit the architecture in {source}: {problems}")


def tokenizer_class_for(name: str):
    """Return the fast (Rust) variant of a transformers tokenizer class, or None."""
    # Chunking relies on the Rust tokenizers' overflow support; transformers 5 names the fast
    # class plainly, transformers 4 adds "Fast".
    base = name.removesuffix("Fast")
    return getattr(transformers, base + "Fast", None) or getattr(transformers, base, None)


def _sha256_prefix(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()[:8]
