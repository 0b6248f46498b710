"""Build a tiny checkpoint in detoxify's own format, so the real loading code runs in CI.

detoxify's released checkpoints are `torch.save`d dicts: `{"config": <the training config>,
"state_dict": <the transformer's weights>}`. We build the same thing around a random BERT with
hidden size 32 and a WordPiece vocabulary of under 60 tokens, plus the Hugging Face
config/tokenizer folder that offline provisioning supplies. The weights are random: tests check
plumbing (loading, batching, chunking, label mapping), never what the model thinks of a comment.
`bench/bench_detoxify.py` builds a base-sized one (BASE_SIZE) to time the real architecture.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

# detoxify's class names for its `original` model (Jigsaw toxic comment challenge)...
JIGSAW_CLASSES = ("toxic", "severe_toxic", "obscene", "threat", "insult", "identity_hate")
# ...and for `unbiased`/`multilingual` (Civil Comments), which also carry identity-group columns.
UNBIASED_CLASSES = (
    "toxicity", "severe_toxicity", "obscene", "identity_attack", "insult", "threat", "sexual_explicit",
    "male", "female", "muslim", "jewish", "black", "white",
)

_WORDS = (
    "the a is are you your he she they we it this that and or not of to in on for with "
    "idiot stupid moron kill hate die fool ugly nice good great thanks article comment "
    "le la les et est tu vous un une idiot con merci bien . , ! ?"
).split()
_SPECIAL = ("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]")
_SUFFIXES = ("##s", "##ed", "##ing", "##ly")


@dataclass(frozen=True)
class TinyDetoxify:
    """Paths of one built tiny model: the checkpoint file and its HF config/tokenizer folder."""

    checkpoint: Path
    hf_config: Path
    classes: tuple[str, ...]


TINY_SIZE = {"hidden_size": 32, "num_hidden_layers": 2, "num_attention_heads": 2, "intermediate_size": 64}
# The transformer stack of bert-base / xlm-roberta-base (the multilingual model), for timing only.
BASE_SIZE = {"hidden_size": 768, "num_hidden_layers": 12, "num_attention_heads": 12, "intermediate_size": 3072}


def build_tiny_detoxify(out_dir: Path, classes: tuple[str, ...] = JIGSAW_CLASSES, seed: int = 0,
                        size: dict[str, int] = TINY_SIZE) -> TinyDetoxify:
    """Write a random BERT (tiny by default) as a detoxify checkpoint plus its HF folder under out_dir."""
    import torch
    from transformers import BertConfig, BertForSequenceClassification, BertTokenizer

    out_dir.mkdir(parents=True, exist_ok=True)
    hf_dir = out_dir / "hf"
    hf_dir.mkdir(exist_ok=True)
    vocab = hf_dir / "vocab.txt"
    vocab.write_text("\n".join(dict.fromkeys(_SPECIAL + tuple(_WORDS) + _SUFFIXES)) + "\n", "utf-8")
    # Positional: transformers 4 calls it vocab_file, 5 calls it vocab.
    BertTokenizer(str(vocab), do_lower_case=True, model_max_length=512).save_pretrained(hf_dir)

    config = BertConfig(
        vocab_size=len(vocab.read_text("utf-8").split()), max_position_embeddings=512, **size,
        initializer_range=0.5,  # wide random weights, so different texts get clearly different scores
    )
    # Saved without num_labels, like xlm-roberta-base's own config: the loader must take the
    # number of classes from the checkpoint, as detoxify does.
    config.save_pretrained(hf_dir)
    config.num_labels = len(classes)
    torch.manual_seed(seed)
    model = BertForSequenceClassification(config)
    checkpoint = out_dir / "tiny-detoxify.ckpt"
    torch.save({
        "config": {
            "name": "tiny_test_model",
            "arch": {"args": {
                "model_type": "bert-base-uncased",  # a hub name: loading must never go and fetch it
                "model_name": "BertForSequenceClassification",
                "tokenizer_name": "BertTokenizer",
                "num_classes": len(classes),
            }},
            "dataset": {"args": {"classes": list(classes)}},
        },
        "state_dict": model.state_dict(),
    }, checkpoint)
    return TinyDetoxify(checkpoint=checkpoint, hf_config=hf_dir, classes=tuple(classes))
