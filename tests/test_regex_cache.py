"""Compiled patterns kept on disk between processes (moderation/text/regex_cache.py)."""

import json
import re

import pytest

from moderation.settings import PROJECT_ROOT
from moderation.targeting import TargetRules, _alternation
from moderation.text.regex_cache import RegexCache

PATTERNS = [r"(?<![^\W_])(?:kill|shoot) (?P<who>you|them)(?![^\W_])", r"[\W_]*\bmuslims?\b", r"(a|b)+c\1",
            r"(?i)MERDE", r"ça|ca|çà"]
TEXTS = ["I will shoot them all", "Muslims and muslim friends", "abac", "quelle merde", "ça va", "nothing"]


def outcomes(patterns, texts):
    return [[(m.span(), m.groups()) if (m := p.search(t)) else None for t in texts] for p in patterns]


def test_patterns_read_back_from_the_file_match_exactly_as_re_compile(tmp_path):
    first = RegexCache(tmp_path, "k")
    compiled = [first.compile(p) for p in PATTERNS]
    first.save()
    again = RegexCache(tmp_path, "k")
    assert set(again.states) == {(p, 0) for p in PATTERNS}  # read from the file, not recompiled
    restored = [again.compile(p) for p in PATTERNS]
    assert not again.added
    plain = [re.compile(p) for p in PATTERNS]
    assert outcomes(restored, TEXTS) == outcomes(compiled, TEXTS) == outcomes(plain, TEXTS)
    assert restored[0].groupindex == plain[0].groupindex


def test_a_bad_pattern_fails_as_it_would_without_a_cache(tmp_path):
    with pytest.raises(re.error):
        RegexCache(tmp_path, "k").compile("(unclosed")


def test_a_damaged_file_is_ignored_and_written_again(tmp_path):
    cache = RegexCache(tmp_path, "k")
    cache.compile(PATTERNS[0])
    cache.save()
    cache.path.write_bytes(b"\x00garbage")
    again = RegexCache(tmp_path, "k")
    assert again.states == {}
    assert again.compile(PATTERNS[0]).search("I will shoot them").group("who") == "them"
    again.save()
    assert (PATTERNS[0], 0) in RegexCache(tmp_path, "k").states


def test_no_folder_means_plain_re_compile(tmp_path):
    cache = RegexCache(None, "k")
    assert cache.compile(PATTERNS[1]).search("muslims")
    cache.save()
    assert list(tmp_path.iterdir()) == []


def test_alternations_are_the_same_text_whatever_the_order_of_the_words():
    # sets iterate in a per-process order; a pattern that changed with it would never be found in the cache
    words = ["rats", "vermin", "pests", "cockroaches", "lice", "leeches"]
    assert _alternation(words) == _alternation(list(reversed(words))) == _alternation(sorted(words))


def test_the_shipped_targeting_rules_read_the_same_from_the_cache(tmp_path):
    folder = PROJECT_ROOT / "config" / "targets"
    cases = [json.loads(line)["text"] for name in ("hard_en.jsonl", "hard_fr.jsonl")
             for line in (PROJECT_ROOT / "bench" / "data" / "dev" / name).read_text("utf-8").splitlines()[:80]]
    plain = TargetRules.load(folder)
    TargetRules.load(folder, cache_dir=tmp_path)  # writes the cache
    (written,) = tmp_path.iterdir()
    stamp = written.stat().st_mtime_ns
    cached = TargetRules.load(folder, cache_dir=tmp_path)  # reads it
    assert written.stat().st_mtime_ns == stamp  # nothing new to write
    assert [cached.read(t, "und") for t in cases] == [plain.read(t, "und") for t in cases]


def test_a_rewrite_keeps_only_the_patterns_of_this_load(tmp_path):
    old = RegexCache(tmp_path, "k")
    old.compile("retired pattern")
    old.save()
    new = RegexCache(tmp_path, "k")
    new.compile(PATTERNS[0])
    new.save()
    assert set(RegexCache(tmp_path, "k").states) == {(PATTERNS[0], 0)}
