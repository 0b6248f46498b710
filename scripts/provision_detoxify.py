#!/usr/bin/env python
"""Download detoxify weights and their Hugging Face config/tokenizer into OUT_DIR (needs network).

Run where the network allows (a Docker build with `--build-arg DETOXIFY_MODEL=multilingual`, or an
operator's laptop), then copy OUT_DIR to machines without network and set the two variables this
prints. The checkpoint is checked against the SHA-256 prefix in detoxify's release file name. If it
cannot be read with `torch.load(weights_only=True)`, it is re-saved once here as plain data (config
and tensors) so that the service never has to unpickle code.

    python scripts/provision_detoxify.py /opt/detoxify --model-type multilingual
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from pathlib import Path


def download(url: str, out_dir: Path) -> Path:
    """Fetch url into out_dir, refusing a file whose SHA-256 does not match its name."""
    import torch

    target = out_dir / url.rsplit("/", 1)[-1]
    if not target.is_file():
        hash_prefix = target.stem.rsplit("-", 1)[-1]
        torch.hub.download_url_to_file(url, str(target), hash_prefix=hash_prefix)
    return target


def plain_checkpoint(path: Path) -> Path:
    """Return a checkpoint loadable with weights_only=True: path itself, or a plain copy of it."""
    import torch

    try:
        torch.load(path, map_location="cpu", weights_only=True)
        return path
    except pickle.UnpicklingError:
        # Trusted only because download() checked the file against detoxify's published hash.
        loaded = torch.load(path, map_location="cpu", weights_only=False)
    plain = path.with_name(path.stem + "-plain.ckpt")
    torch.save({"config": json.loads(json.dumps(loaded["config"])),
                "state_dict": {key: tensor.clone() for key, tensor in loaded["state_dict"].items()}}, plain)
    return plain


def save_hf_folder(checkpoint: Path, hf_dir: Path) -> None:
    """Save the config and tokenizer of the checkpoint's base model (e.g. xlm-roberta-base)."""
    import torch
    import transformers

    from moderation.scoring.detoxify_loading import tokenizer_class_for

    arch = torch.load(checkpoint, map_location="cpu", weights_only=True)["config"]["arch"]["args"]
    model_class = getattr(transformers, arch["model_name"])
    model_class.config_class.from_pretrained(arch["model_type"]).save_pretrained(hf_dir)
    # The fast class, as the scorer loads it: the folder then holds tokenizer.json.
    tokenizer_class_for(arch["tokenizer_name"]).from_pretrained(arch["model_type"]).save_pretrained(hf_dir)


def provision(out_dir: Path, model_type: str) -> dict[str, str]:
    """Provision model_type into out_dir, check it loads offline, and return the settings to use."""
    from detoxify.detoxify import MODEL_URLS

    from moderation.scoring.detoxify_scorer import DetoxifyScorer

    out_dir.mkdir(parents=True, exist_ok=True)
    checkpoint = plain_checkpoint(download(MODEL_URLS[model_type], out_dir))
    hf_dir = out_dir / f"{model_type}-hf"
    save_hf_folder(checkpoint, hf_dir)
    scorer = DetoxifyScorer(checkpoint, hf_dir, model_type=model_type)  # the same offline path the service uses
    print(f"loaded {scorer.model_id}: {scorer.score(['You are a wonderful person.'], ['en'])[0]}", file=sys.stderr)
    return {"MODERATION_DETOXIFY_MODEL_TYPE": model_type,
            "MODERATION_DETOXIFY_CHECKPOINT": str(checkpoint.resolve()),
            "MODERATION_DETOXIFY_HF_CONFIG": str(hf_dir.resolve())}


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, provision, and print KEY=value lines for the environment."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--model-type", default="multilingual",
                        choices=["original", "unbiased", "multilingual", "original-small", "unbiased-small"])
    args = parser.parse_args(argv)
    for key, value in provision(args.out_dir, args.model_type).items():
        print(f"{key}={value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
