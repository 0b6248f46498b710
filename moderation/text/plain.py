"""A comment as a reader sees it: what the model and the language detector read.

The lexicon and the targeting rules read a folded copy with a map back to the original
(normalize.py), so they already see through invisible characters and look-alike letters. The
model and the language detector read the text itself, and a disguise that a reader does not even
notice changes what they read: "іmmіgrаnts are all сrіmіnаls" with Cyrillic і, а, с is no English
word to them, and a zero-width space between every letter cuts each word into letters. Measured
on the dev suites' tune half (bench/experiments/disguise_robustness.py), hateful comments still
caught after such a disguise of their two longest words: look-alike letters 0.94 / 0.92 (en / fr),
zero-width spaces 0.96 / 0.96, dotted letters 0.94 / 0.94, spaced letters 0.94 / 0.95; with this
reading 1.00 / 1.00, 1.00 / 1.00, 0.99 / 0.98 and 0.97 / 0.97.

`plain` undoes what changes nothing for a reader, and leaves case, accents and punctuation as
written (the model learned from them):
- format characters (zero-width spaces and joiners, soft hyphens, direction marks) are dropped;
- compatibility forms become their plain letters (fullwidth "ｉｄｉｏｔ", ligatures), NFKC;
- in a word that mixes Latin letters with Cyrillic or Greek look-alikes, those become Latin;
- four or more single letters separated by dots, dashes, stars or spaces are joined
  ("f.u.c.k", "m u s l i m s").
Text with none of these comes back as it is, without a copy.

Not done: stretched letters ("Muslllims"). Written twice, as the n-gram features already read
them (scoring/linear_features.py), they were caught no more often (0.94 / 0.95 against 0.95 /
0.95 as written) and 4 toxic choice-split comments were lost ("weakkkkkkkk" read "weakk").
"""

from __future__ import annotations

import re
import unicodedata

from moderation.text.fold import HOMOGLYPHS

# What could need undoing: anything outside ASCII, or single letters separated by dots, dashes,
# stars, underscores or spaces. One search on the common path.
_SUSPECT = re.compile(r"[^\x00-\x7f]|(?<![^\W_])[a-zA-Z][.\-*_ ][a-zA-Z][.\-*_ ][a-zA-Z][.\-*_ ][a-zA-Z](?![^\W_])")
_FORMAT = re.compile(r"[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]")
# four or more single letters, each followed by the same kind of separator: "f.u.c.k", "m u s l i m s"
_SPELLED_OUT = re.compile(r"(?<![^\W_])[^\W\d_](?P<sep>[.\-*_]|\s)(?:[^\W\d_](?P=sep)){2,}[^\W\d_](?![^\W_])")
_WORD = re.compile(r"[^\W\d_]+")
_LATIN = re.compile(r"[a-zA-Z\u00c0-\u024f]")
# look-alike letters that are not Latin, mapped to the Latin letter they imitate: the matcher's
# lower-case table (fold.py), and capitals, which imitate other letters than their lower case
# does (Greek "Μ" looks like M, its "μ" like u)
_CAPITALS = dict(zip("АВЕЅІЈКМНОРСТХУΑΒΕΖΗΙΚΜΝΟΡΤΥΧ", "ABESIJKMHOPCTXYABEZHIKMNOPTYX"))
_LOOK_ALIKES = {char: latin for char, latin in HOMOGLYPHS.items()
                if len(latin) == 1 and latin.isalpha() and not _LATIN.match(char)} | _CAPITALS
_LOOK_ALIKE_TABLE = str.maketrans(_LOOK_ALIKES)
_ANY_LOOK_ALIKE = re.compile("[" + re.escape("".join(_LOOK_ALIKES)) + "]")


def plain(text: str) -> str:
    """`text` with invisible characters, compatibility forms, look-alike letters and spelled-out
    letters undone (see the module docstring); the same string when none is there."""
    if not _SUSPECT.search(text):
        return text
    text = _FORMAT.sub("", text)
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    if _ANY_LOOK_ALIKE.search(text):
        text = _WORD.sub(_latin_word, text)
    return _SPELLED_OUT.sub(lambda found: re.sub(r"[.\-*_\s]", "", found.group()), text)


def _latin_word(found: re.Match) -> str:
    """A word that mixes Latin letters with look-alikes, in Latin letters; any other word as it is."""
    word = found.group()
    if _LATIN.search(word) and _ANY_LOOK_ALIKE.search(word):
        return word.translate(_LOOK_ALIKE_TABLE)
    return word
