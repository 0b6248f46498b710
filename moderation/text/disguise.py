"""Whether a comment disguises its words: the sign that its detected language may be wrong.

Language detection reads character n-grams, and a disguise breaks them: "Im-mi-grants are
p@rasites" was detected as French, so the English rules never read it and the French rules found
nothing. A comment that disguises a word is read with every language's targeting rules (as
undetermined text is), while its detected language still picks the lexicon table and the model's
thresholds (every lexicon table holds the other languages' unambiguous terms already; the "und"
table would lose the comment's own ambiguous ones, "conne" in "t'es qu'une c0nne").
Ordinary text rarely looks like this: a symbol or digit between two letters of one word
("p@rasites", "m3t3qu3s", "n!gger"), or a word cut into short pieces by hyphens or dots
("im-mi-grants", "fem.mes", "n.e.g.r.e").
"""

from __future__ import annotations

import re

# a leet character between letters of one word: "p@rasites", "s0nt", "tr4ns" (not "mp3", "4x4", "covid-19")
_LEET_INSIDE = re.compile(r"[^\W\d_][0-9@$!|€£*+][^\W\d_]", re.IGNORECASE)
# the whole word around it: short capitals are codes and formulas ("H2O", "B2B", "G7S"), not disguises
_WORD_AROUND = re.compile(r"[^\s]*")
# a word cut by hyphens or dots into pieces of one to three letters and a rest ("im-mi-grants",
# "fem.mes", "pu.tes", "j.u.i.f.s"), or one dot inside a short word
_CUT = re.compile(r"(?<![^\W_])[^\W\d_]{1,3}(?:[-.][^\W\d_]{1,3})+[-.][^\W\d_]+|"
                  r"(?<![^\W_])[^\W\d_]{2,4}\.[^\W\d_]{2,5}(?![^\W_]|\.[^\W\d_])")
# compounds are cut at their small words ("Aix-en-Provence", "face-to-face", "va-et-vient"); a disguise
# cuts anywhere
_LINKS = frozenset("a à au aux de des du en et la le les sur sous un une to in of on and the up by at or for "
                   "with a-la va vient pot feu".split())


# addresses, handles, hashtags and e-mail addresses mix letters, digits and dots by design
_NOT_PROSE = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\S+|[@#]\w+|&#?\w+;|\b\w+\.(?:com|org|net|fr|uk|php|html?|aspx)\b",
                        re.IGNORECASE)


def looks_disguised(text: str) -> bool:
    """Whether `text` has a word disguised by a symbol or digit inside it, or cut into pieces."""
    if not (_LEET_INSIDE.search(text) or _CUT.search(text)):
        return False  # most comments: one pass each, no copy
    prose = _NOT_PROSE.sub(" ", text)
    return any(map(_is_leet_word, _LEET_INSIDE.finditer(prose))) or any(map(_is_cut_word, _CUT.finditer(prose)))


def _is_leet_word(found: re.Match) -> bool:
    start = found.string.rfind(" ", 0, found.start()) + 1
    word = _WORD_AROUND.match(found.string, start).group()
    return not (len(word) <= 4 and word.upper() == word)


def _is_cut_word(found: re.Match) -> bool:
    pieces = re.split(r"[-.]", found.group().lower())
    return not any(piece in _LINKS for piece in pieces)
