"""A comment as a reader sees it: what the model and the language detector read.

The lexicon and the targeting rules read a folded copy with a map back to the original
(normalize.py), so they already see through invisible characters and look-alike letters. The
model and the language detector read the text itself, and a disguise that a reader does not even
notice changes what they read: "іmmіgrаnts are all сrіmіnаls" with Cyrillic і, а, с is no English
word to them, and a zero-width space between every letter cuts each word into letters. Measured
on the dev suites' tune half (bench/experiments/disguise_robustness.py), hateful comments still
caught after such a disguise of their two longest words: look-alike letters 0.94 / 0.92 (en / fr),
zero-width spaces 0.96 / 0.96, dotted letters 0.94 / 0.94, spaced letters 0.94 / 0.95, one leet
digit 0.95 / 0.93; with this reading 1.00 / 1.00, 1.00 / 1.00, 0.99 / 0.98, 0.97 / 0.97 and
0.99 / 0.98. On undisguised text (the tune half, the training files' choice split) it changed 5
decisions: "g@y = p3do, simple" and "h3ll3ry, h3ll3ry--please go away and zip your ugly lying
traitorous mug." now held; "chr1stfags ruin everything" kept (the model found the digit more
toxic than the word); two comments labelled benign held: "Dreadstar, littlemountain5, and some
one on the internet are bad." and a Wikipedia comment that spells out "i-l-l-i-t-e-r-a-t-e" to the
editor it mocks.

`plain` undoes what changes nothing for a reader, and leaves case, accents and punctuation as
written (the model learned from them):
- format characters (zero-width spaces and joiners, soft hyphens, direction marks) are dropped;
- compatibility forms become their plain letters (fullwidth "ｉｄｉｏｔ", ligatures), NFKC;
- in a word that mixes Latin letters with Cyrillic or Greek look-alikes, those become Latin;
- four or more single letters separated by dots, dashes, stars or spaces are joined
  ("f.u.c.k", "m u s l i m s");
- leet digits and symbols that stand for letters are read as the letters ("1mmigrants",
  "d3serve", "g@y", "Muslim5"), where they sit between letters, open a word or close one as an
  "s"; numbers, codes, versions, ordinals, units, mentions, prices and addresses stay ("covid19",
  "H1N1", "mp3", "Windows7", "3rd", "5pm", "@user1", "$5", "bob@example.com").
Text with none of these comes back as it is, without a copy.

Not done: stretched letters ("Muslllims"). Written twice, as the n-gram features already read
them (scoring/linear_features.py), they were caught no more often (0.94 / 0.95 against 0.95 /
0.95 as written) and 4 toxic choice-split comments were lost ("weakkkkkkkk" read "weakk").
"""

from __future__ import annotations

import re
import unicodedata

from moderation.text.fold import HOMOGLYPHS, LEET

# What could need undoing: anything outside ASCII, a digit or symbol against a letter, or single
# letters separated by dots, dashes, stars, underscores or spaces. One search on the common path.
_SUSPECT = re.compile(r"[^\x00-\x7f]|[a-zA-Z][013457@$]|[013457@$][a-zA-Z]|(?<![^\W_])[a-zA-Z][.\-*_ ][a-zA-Z][.\-*_ ][a-zA-Z][.\-*_ ][a-zA-Z](?![^\W_])")
_FORMAT = re.compile(r"[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]")
# four or more single letters, each followed by the same kind of separator: "f.u.c.k", "m u s l i m s"
_SPELLED_OUT = re.compile(r"(?<![^\W_])[^\W\d_](?P<sep>[.\-*_]|\s)(?:[^\W\d_](?P=sep)){2,}[^\W\d_](?![^\W_])")
_SEPARATOR = re.compile(r"[.\-*_\s]")
_WORD = re.compile(r"[^\W\d_]+")
# a word with a leet digit or symbol in it: letters and at least one of 0 1 3 4 5 7 @ $
_LEET_CHARS = "".join(sorted(set(LEET) - {"!", "|"}))  # "!" and "|" end sentences and draw tables
_LEET_WORD = re.compile(rf"(?<![\w@$])[\w@$]*[{re.escape(_LEET_CHARS)}][\w@$]*")
_LEET_TABLE = str.maketrans({char: LEET[char] for char in _LEET_CHARS})
# not disguises: ordinals, times and units ("3rd", "5pm", "4k"), numbers with two digits or more
# ("covid19", "Win10", "4x4"), mentions and prices ("@user", "$5"); and codes in capitals ("B2B", "H1N1")
_NOT_LEET = re.compile(r"\d+(?:st|nd|rd|th|am|pm|[a-z]{1,2})|.*\d\d.*|[@$].*|.*\d[a-z]?\d.*", re.IGNORECASE)
_CODE = re.compile(r"[A-Z0-9@$]{1,5}")
_ADDRESS_GOES_ON = re.compile(r"[./][^\W_]")
_MENTION_GLUED = re.compile(r"@[A-Z]")
# where a leet character disguises a letter: between two letters ("g@y", "d3serve"), opening a
# word ("1mmigrants", "5omebody"), or an "s" closing one ("Muslim5"); a closing digit is more often
# a model or a version ("Windows7", "Pixel 7a")
_DISGUISED = re.compile(rf"[^\W\d_][{re.escape(_LEET_CHARS)}]+[^\W\d_]|^[{re.escape(_LEET_CHARS)}][^\W\d_]{{3}}|"
                        r"[^\W\d_]{3}[5$]$")
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
    text = _LEET_WORD.sub(_spelled_word, text)
    return _SPELLED_OUT.sub(lambda found: _SEPARATOR.sub("", found.group()), text)


def _spelled_word(found: re.Match) -> str:
    """A word disguised with leet ("1mmigrants", "Mu5lims", "d3serve") in letters; codes, numbers,
    ordinals, units, mentions and prices as they are."""
    word, text, start, end = found.group(), found.string, found.start(), found.end()
    if _NOT_LEET.fullmatch(word) or _CODE.fullmatch(word) or not _DISGUISED.search(word):
        return word
    if text[start - 1:start] in ("/", ".", "=", "&", "?", "#") or _ADDRESS_GOES_ON.match(text, end):
        return word  # part of an address: "bob@example.com", "site.fr/p4ge"
    if _MENTION_GLUED.search(word):
        return word  # "stupid bitch@Jane": a mention written without its space
    return word.translate(_LEET_TABLE)


def _latin_word(found: re.Match) -> str:
    """A word that mixes Latin letters with look-alikes, in Latin letters; any other word as it is."""
    word = found.group()
    if _LATIN.search(word) and _ANY_LOOK_ALIKE.search(word):
        return word.translate(_LOOK_ALIKE_TABLE)
    return word
