"""Character folding for the lexicon matcher's normaliser (the linear model has its own,
versioned preprocessing in moderation/scoring/linear_features.py, so matcher changes never
silently change what the model sees).

Every code point is folded on its own (NFKD, case fold, combining marks dropped, format and
control characters dropped, look-alike letters mapped to Latin). Folding one code point at a
time is what lets the normaliser keep an exact map back to the original offsets, and the result
is cached per character so that the hot path is a single `str.translate`.
"""

from __future__ import annotations

import re
import unicodedata

# Cyrillic and Greek letters that render like Latin ones; abusers swap them in to dodge filters.
# Keys are lower case because case folding runs first.
HOMOGLYPHS = {
    "а": "a", "в": "b", "е": "e", "ё": "e", "з": "3", "и": "u", "к": "k", "м": "m", "н": "h",
    "о": "o", "р": "p", "с": "c", "т": "t", "у": "y", "х": "x", "ь": "b", "ѕ": "s", "і": "i",
    "ї": "i", "ј": "j", "ԁ": "d", "ԛ": "q", "ԝ": "w", "ɡ": "g", "ӏ": "l", "һ": "h", "п": "n",
    "α": "a", "β": "b", "γ": "y", "ε": "e", "η": "n", "ι": "i", "κ": "k", "μ": "u", "ν": "v",
    "ο": "o", "ρ": "p", "σ": "o", "ς": "c", "τ": "t", "υ": "u", "χ": "x", "ω": "w", "ϲ": "c",
    "ɑ": "a", "ı": "i", "ȷ": "j", "ʀ": "r", "ʏ": "y", "ɪ": "i", "ᴄ": "c", "ᴏ": "o", "ᴜ": "u",
    "ꜰ": "f", "ʜ": "h", "ᴋ": "k", "ʟ": "l", "ᴍ": "m", "ɴ": "n", "ᴘ": "p", "ꜱ": "s", "ᴛ": "t",
    "ᴡ": "w", "ᴢ": "z", "ᴀ": "a", "ʙ": "b", "ᴅ": "d", "ᴇ": "e", "ɢ": "g", "ᴊ": "j", "ᴠ": "v",
    # Latin letters NFKD leaves whole, and symbols used as letters.
    "ƒ": "f", "¢": "c", "ø": "o", "đ": "d", "ł": "l", "œ": "oe", "æ": "ae", "ß": "ss", "ħ": "h",
}

# Leetspeak digits and symbols, folded only inside a word that also has a letter, so that
# prices ("2,500 $") and counts stay as they are.
LEET = {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "!": "i", "|": "i"}
_LEET_TABLE = str.maketrans(LEET)
_LEET_CHARS = "".join(re.escape(c) for c in LEET)
# A word (masks included, so "assho*3" is one word) that holds at least one leet character.
# The lookbehind anchors matches at word starts, which keeps the scan linear.
_WORDISH = rf"[^\W_]|[{_LEET_CHARS}*#]"
_LEET_WORD = re.compile(rf"(?<!{_WORDISH})(?=(?:{_WORDISH})*?[{_LEET_CHARS}])(?:{_WORDISH})+")
_LEET_SET = frozenset(LEET)

_KEEP_CONTROLS = {"\n": "\n", "\t": " ", "\r": "\n"}


def _fold_once(char: str) -> str:
    """Fold one code point: compatibility decomposition, case fold, marks and controls dropped."""
    if char in _KEEP_CONTROLS:
        return _KEEP_CONTROLS[char]
    out = []
    for part in unicodedata.normalize("NFKD", char.casefold()):
        category = unicodedata.category(part)
        if category[0] == "M" or category in ("Cc", "Cf", "Cs", "Co", "Cn") and part not in _KEEP_CONTROLS:
            continue  # accents, zero-width and bidi controls, lone surrogates, unassigned
        out.append(HOMOGLYPHS.get(part, part))
    return "".join(out)


def fold_char(char: str) -> str:
    """Fold one code point to its matching form, repeated until stable so folding is idempotent."""
    current = _fold_once(char)
    for _ in range(4):
        folded = "".join(_fold_once(c) for c in current)
        if folded == current:
            return current
        current = folded
    return current


class _FoldTable(dict):
    """A `str.translate` table that computes and caches each character's fold on first sight."""

    def __init__(self) -> None:
        super().__init__()
        self.not_one_to_one: set[str] = set()  # characters that fold to zero or several characters

    def __missing__(self, code: int) -> str:
        char = chr(code)
        folded = fold_char(char)
        if len(folded) != 1:
            self.not_one_to_one.add(char)
        self[code] = folded
        return folded


FOLD_TABLE = _FoldTable()


def fold_leet(text: str) -> str:
    """Replace leet digits/symbols with letters inside words that contain a letter (same length)."""
    if _LEET_SET.isdisjoint(text):
        return text
    return _LEET_WORD.sub(_leet_word, text)


def _leet_word(match: re.Match) -> str:
    word = match.group()
    if not any(c.isalpha() for c in word):
        return word  # a number or a price, not a disguised word
    body = word.rstrip("!")  # "prick!" ends a sentence; only inner "!" stands for "i" ("sh!t")
    return body.translate(_LEET_TABLE) + word[len(body):]
