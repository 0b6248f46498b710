"""Text preprocessing and hashed n-gram features for the project's own linear model.

One implementation serves training (`moderation.training` turns the triplets into a sparse
matrix) and scoring (`LinearScorer` sums weights straight from them), so the model sees the
same features in both places. Pure Python + numpy: importing this costs milliseconds.

A text becomes two blocks of hashed features, each scaled to unit length over its occurrences:
character n-grams of the preprocessed text (they carry across spelling variants and, partly,
across English and French) and word uni/bigrams.
"""

from __future__ import annotations

import html
import re
import unicodedata
import zlib
from dataclasses import asdict, dataclass
from typing import Sequence

import numpy as np

PREPROCESS_VERSION = "pre-v1"
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_MENTION = re.compile(r"@\w+")
_RETWEET = re.compile(r"\brt\b")
_REPEAT = re.compile(r"(.)\1{2,}")
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\w+")
_FNV_OFFSET = np.uint64(0xCBF29CE484222325)
_FNV_PRIME = np.uint64(0x100000001B3)


@dataclass(frozen=True)
class FeatureSpec:
    """The featuriser's parameters; stored in the model artifact and checked at load."""

    char_min: int = 2
    char_max: int = 5
    char_bits: int = 20
    word_max: int = 2  # 0: no word block; 1: unigrams; 2: uni+bigrams
    word_bits: int = 18
    lexicon_tags: tuple[str, ...] = ()  # one feature per lexicon "category:severity" tag, after the words
    # per-occurrence value: "sqrt" 1/sqrt(n), "mean" 1/n, "pow:<e>" 1/n**e, "shrink:<k>" 1/(n+k)
    # (n: occurrences in the block)
    scale: str = "shrink:60"  # length-invariant, shrunk for short texts: see _occurrence_value, docs/model.md
    preprocess: str = PREPROCESS_VERSION

    @property
    def lexicon_offset(self) -> int:
        return (1 << self.char_bits) + ((1 << self.word_bits) if self.word_max else 0)

    @property
    def n_features(self) -> int:
        return self.lexicon_offset + len(self.lexicon_tags)

    def to_json(self) -> dict:
        return asdict(self)


def preprocess(text: str) -> str:
    """Fold a comment for the model: entities, URLs, @mentions, RT, case, accents, stretched letters."""
    text = html.unescape(text)
    text = _MENTION.sub(" ", _URL.sub(" ", text))
    text = _RETWEET.sub(" ", text.casefold())
    if not text.isascii():
        # Accents are used inconsistently in tweets ("deguise", "déguisé"): fold them away.
        text = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    text = _REPEAT.sub(r"\1\1", text)
    return _SPACE.sub(" ", text).strip()


def _mix(h: np.ndarray) -> np.ndarray:
    """Scramble 64-bit hashes (splitmix64 finaliser) so their low bits are usable as buckets."""
    h = (h ^ (h >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    h = (h ^ (h >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return h ^ (h >> np.uint64(31))


def _char_block(folded: Sequence[str], spec: FeatureSpec) -> tuple[np.ndarray, np.ndarray]:
    """Return (doc, bucket) for every character n-gram of every padded text."""
    padded = [f" {text} " for text in folded]
    lengths = np.fromiter((len(t) for t in padded), dtype=np.int64, count=len(padded))
    codes = np.frombuffer("".join(padded).encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    doc_of = np.repeat(np.arange(len(padded), dtype=np.int64), lengths)
    docs, buckets = [], []
    mask = np.uint64((1 << spec.char_bits) - 1)
    with np.errstate(over="ignore"):
        for n in range(spec.char_min, spec.char_max + 1):
            count = len(codes) - n + 1
            if count <= 0:
                continue
            h = np.full(count, _FNV_OFFSET ^ np.uint64(n), dtype=np.uint64)
            for k in range(n):
                h = (h ^ codes[k:k + count]) * _FNV_PRIME
            inside = doc_of[:count] == doc_of[n - 1:n - 1 + count]  # n-gram stays in one text
            docs.append(doc_of[:count][inside])
            buckets.append((_mix(h[inside]) & mask).astype(np.int64))
    return np.concatenate(docs or [np.zeros(0, np.int64)]), np.concatenate(buckets or [np.zeros(0, np.int64)])


def _word_block(folded: Sequence[str], spec: FeatureSpec) -> tuple[np.ndarray, np.ndarray]:
    """Return (doc, bucket) for every word unigram (and bigram) of every text."""
    tokens = [_WORD.findall(text) for text in folded]
    lengths = np.fromiter((len(t) for t in tokens), dtype=np.int64, count=len(tokens))
    crc = np.fromiter((zlib.crc32(w.encode("utf-8")) for ts in tokens for w in ts), dtype=np.uint64,
                      count=int(lengths.sum()))
    doc_of = np.repeat(np.arange(len(tokens), dtype=np.int64), lengths)
    mask = np.uint64((1 << spec.word_bits) - 1)
    with np.errstate(over="ignore"):
        docs, hashes = [doc_of], [_mix(crc ^ np.uint64(1 << 40))]
        if spec.word_max >= 2 and len(crc) > 1:
            same = doc_of[:-1] == doc_of[1:]
            pair = (crc[:-1] << np.uint64(32)) | crc[1:]
            docs.append(doc_of[:-1][same])
            hashes.append(_mix(pair[same] ^ np.uint64(2 << 60)))
    buckets = (_mix(np.concatenate(hashes)) & mask).astype(np.int64) + (1 << spec.char_bits)
    return np.concatenate(docs), buckets


def scale_exponent(scale: str) -> float:
    """The exponent e of the per-occurrence value 1/n**e for a FeatureSpec.scale name."""
    if scale.startswith("pow:"):
        return float(scale[4:])
    return {"sqrt": 0.5, "mean": 1.0}[scale]


def _occurrence_value(counts: np.ndarray, scale: str) -> np.ndarray:
    """Per-occurrence value for texts with `counts` n-grams in a block."""
    if scale.startswith("shrink:"):
        # 1/(n + k): a mean for long texts, pulled toward zero (the prior) for short, noisy ones.
        return 1.0 / (counts + np.float32(scale[7:]))
    return 1.0 / counts ** np.float32(scale_exponent(scale))


def _unit_scale(doc: np.ndarray, n_docs: int, scale: str) -> np.ndarray:
    """Give each occurrence the value 1/n**e (n: occurrences in its text's block).

    e = 0.5 makes each block unit-length (L2), so a long text's score grows with sqrt(length)
    when many of its n-grams lean the same way; e = 1 makes the score a mean over n-grams and
    independent of length. News comments are much longer than the tweets we train on.
    """
    counts = np.maximum(np.bincount(doc, minlength=n_docs).astype(np.float32), 1.0)
    return _occurrence_value(counts, scale)[doc]


def lexicon_key(phrase: str) -> tuple[str, ...]:
    """Return the word tuple a lexicon phrase is looked up by (same folding as the texts)."""
    return tuple(_WORD.findall(preprocess(phrase)))


def lexicon_lookup(table: dict[str, int]) -> dict[tuple[str, ...], int]:
    """Turn the artifact's stored {"phrase": tag} table into featurize's {word tuple: tag} lookup."""
    return {tuple(phrase.split(" ")): int(tag) for phrase, tag in table.items()}


def _lexicon_block(folded: Sequence[str], spec: FeatureSpec,
                   lexicon: dict[tuple[str, ...], int]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Return (doc, feature, log1p(count)) for lexicon tags found as 1-3 word phrases."""
    docs, features, values = [], [], []
    for doc, text in enumerate(folded):
        words = _WORD.findall(text)
        found: dict[int, int] = {}
        for n in (1, 2, 3):
            for i in range(len(words) - n + 1):
                tag = lexicon.get(tuple(words[i:i + n]))
                if tag is not None:
                    found[tag] = found.get(tag, 0) + 1
        for tag, count in found.items():
            docs.append(doc)
            features.append(spec.lexicon_offset + tag)
            values.append(np.log1p(count))
    return (np.array(docs, dtype=np.int64), np.array(features, dtype=np.int64),
            np.array(values, dtype=np.float32))


def featurize(texts: Sequence[str], spec: FeatureSpec, lexicon: dict[tuple[str, ...], int] | None = None,
              ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Return (doc, feature index, value) triplets for raw texts; repeated pairs add up.

    `lexicon` maps a folded word tuple to its tag's position in spec.lexicon_tags.
    """
    folded = [preprocess(text) for text in texts]
    blocks = [_char_block(folded, spec)]
    if spec.word_max:
        blocks.append(_word_block(folded, spec))
    docs, indices, values = [], [], []
    for doc, index in blocks:
        docs.append(doc)
        indices.append(index)
        values.append(_unit_scale(doc, len(texts), spec.scale))
    if spec.lexicon_tags and lexicon:
        for part, array in zip((docs, indices, values), _lexicon_block(folded, spec, lexicon)):
            part.append(array)
    return np.concatenate(docs), np.concatenate(indices), np.concatenate(values)
