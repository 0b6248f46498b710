"""Letters written as others that look or sound the same: "vvomen", "irnmigrants", "b|ack", « les phemmes ».

A typo drops or swaps a letter by accident (moderation/text/typos.py); a disguise replaces one on
purpose with something a reader still reads as it: two letters that look like one ("rn" for "m",
"vv" for "w"), a letter that looks like another once written small ("v" for "u"; "|", "1" and a
capital "I" for "l", which folding has already turned into "i"), or a spelling that sounds the
same ("ph" for "f", a final "z" for "s"; French « nwar » for « noir », « réfujiés », « andicapés »).
For each word the targeting rules read through typos (config/targets group names and the words of
their RESPELLED_SETS), `lookalike_variants` gives its disguised forms, one replacement at a time,
that are no ordinary English or French word, so that a disguise can never turn a real word into a
group's name ("vote" is not read as "vvote", "fils" is no "filz" of anything).

As for typos, the dictionaries' answer for the shipped target words is kept in typo_guard.json
(`lookalike_forms`, `lookalike_ordinary`); a word it does not cover is checked against the
dictionaries themselves.
"""

from __future__ import annotations

import re

from moderation.text import typos

MIN_LENGTH = 4  # "Roms" -> "Romz"; three-letter words have too many neighbours
# (pattern, replacement, languages; None: every language): each match replaced on its own, giving one
# variant per match. Patterns read the folded form of a word (accents off, lower case, leet folded:
# "|" and "1" are "i").
_RULES: tuple[tuple[re.Pattern, str, tuple[str, ...] | None], ...] = (
    (re.compile(r"m"), "rn", None),  # irnmigrants
    (re.compile(r"w"), "vv", None),  # vvomen, jevvs
    (re.compile(r"u"), "v", None),  # refvgees, mvslims
    (re.compile(r"l"), "i", None),  # b|ack, bIack, disab1ed (folded to "i")
    (re.compile(r"f"), "ph", None),  # phemmes, phemales
    (re.compile(r"s$"), "z", None),  # Romz, jewz, muslimz
    (re.compile(r"oi"), "wa", ("fr",)),  # nwars, nwares
    (re.compile(r"g(?=[ei])"), "j", ("fr",)),  # refujies, jitans
    (re.compile(r"^h"), "", ("fr",)),  # andicapes, omosexuels (the h is silent)
    # as French says them (2026-12-07, ninth session): jwifs, muzulmans, and the liaison of « les » heard
    # as a z (« les zimmigrés », « les zomosexuels »: the silent h goes with it)
    (re.compile(r"ui"), "wi", ("fr",)),
    (re.compile(r"(?<=[aeiouy])s(?=[aeiouy])"), "z", ("fr",)),
    (re.compile(r"^h?(?=[aeiouy])"), "z", ("fr",)),
)


def disguises(word: str, language: str) -> frozenset[str]:
    """Every one-replacement disguise of `word` under `language`'s rules ("any": every language's),
    ordinary words included (empty for short or non-alphabetic words)."""
    if len(word) < MIN_LENGTH or not word.isalpha():
        return frozenset()
    out = set()
    for pattern, replacement, languages in _RULES:
        if language != "any" and languages is not None and language not in languages:
            continue
        for match in pattern.finditer(word):
            variant = word[:match.start()] + replacement + word[match.end():]
            if len(variant) >= MIN_LENGTH and variant != word:
                out.add(variant)
    return frozenset(out)


def lookalike_variants(word: str, language: str) -> frozenset[str]:
    """The disguises of `word` (see `disguises`) that are no ordinary word of either dictionary."""
    found = disguises(word, language)
    return typos.not_ordinary(word, found, _guard()) if found else found


def _guard() -> tuple[frozenset[str], frozenset[str]]:
    """(words covered, their disguises that are ordinary words) from typo_guard.json."""
    return typos.guard_lists("lookalike_forms", "lookalike_ordinary")


def build_lookalike_guard(words: list[str]) -> dict:
    """The guard file's entries for these words' disguises, read from the dictionaries."""
    dictionary = typos.ordinary_words()
    covered = sorted({word for word in words if disguises(word, "any")})
    return {"lookalike_forms": covered,
            "lookalike_ordinary": sorted({d for word in covered for d in disguises(word, "any") if d in dictionary})}
