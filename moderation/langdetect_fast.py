"""langdetect's Detector with the same answers, in fewer instructions.

Language detection was most of the engine's time before the sentence encoder, and is still about a
sixth of it (BENCHMARKS.md). langdetect estimates a text's language by random walks over its
n-grams; for every draw its inner loop calls a method that looks the n-gram up in a dict again and
updates the probabilities. This subclass looks every n-gram up once, draws from the looked-up
vectors (the same random numbers: `choice` depends only on the sequence's length) and updates in
place in the loop, doing the same float operations in the same order, so the probabilities are bit-
for-bit those of `langdetect.detector.Detector` (tests/test_language.py compares them on real and
generated texts). Measured with callgrind on 400 comments: 16% fewer instructions for detection.
Rebuilding the probability lists with comprehensions instead was 4% slower than langdetect's own
loop (allocation per draw). Since 2026-12-03 the draw (`random.choice`) and the normalisation are
written out in the loop, the same random bits and the same float operations: detection about a
third faster (BENCHMARKS.md).

The steps before the walk are rewritten too, each with langdetect's result: `append` collapses runs
of spaces with one regular expression instead of adding a character at a time (and skips the
substitutions that cannot match), `cleaning_text` stops at once when no character is from U+0300 on,
and `_extract_ngrams` runs NGram.add_char's state machine in its own loop, NGram.normalize memoised
per character. tests/test_language.py compares each step with langdetect's on the 3,050 dev texts
and generated hard text. Callgrind, 3,000 bench comments: 2.70 -> 2.27 M instructions per
`LanguageDetector.detect` (0.84x). A trial's walk is then compiled per number of profiles
(`_trial_walk`), the probabilities in local variables instead of list items and five draws per
turn, the same operations: 2.23 -> 1.52 M (0.68x). The random generator is made seeded when
detection starts rather than seeded from os.urandom by the constructor and then reseeded: 1.49 M,
and about 15 us of system calls less. In all, against eb82d1b: 2.70 -> 1.49 M (0.55x); wall clock,
alternated five times (taskset -c 0), 0.36-0.66 -> 0.20-0.38 ms per comment (ratio 0.52-0.65).
"""

from __future__ import annotations

import functools
import random
import re

from langdetect.detector import Detector
from langdetect.lang_detect_exception import ErrorCode, LangDetectException
from langdetect.utils.ngram import NGram

# Detector.append keeps a character unless it is a space after a space: every run of spaces is one.
_SPACE_RUN = re.compile(" {2,}")
# Detector.cleaning_text counts 'A'..'z' as Latin and every character from U+0300 on as not
# (it compares unicode_block's number with a block name, so the Latin Extended Additional
# exception never applies).
_LATIN = re.compile("[A-z]")
_NOT_LATIN = re.compile(r"[\u0300-\U0010ffff]")
# NGram.normalize(ch), and whether the result is upper case, per character seen: normalize is a
# pure function of the character (its tables are class constants), and the same few hundred
# characters make up nearly every comment.
_NORMALIZED: dict[str, tuple[str, bool]] = {}


def _normalize(ch: str) -> tuple[str, bool]:
    normalized = NGram.normalize(ch)
    _NORMALIZED[ch] = entry = (normalized, normalized.isupper())
    return entry


def _walk_source(languages: int) -> str:
    """Source of `walk`, one trial of _detect_block for `languages` profiles (see _trial_walk)."""
    p = [f"p{j}" for j in range(languages)]
    v = [f"v{j}" for j in range(languages)]
    # random.choice(vectors) is vectors[_randbelow(n)], and _randbelow draws k = n.bit_length()
    # bits until the number is below n (CPython's Random._randbelow_with_getrandbits, which
    # random.Random uses): the same draws without two calls per draw.
    draw = ["drawn = getrandbits(bits)",
            "while drawn >= n:",
            "    drawn = getrandbits(bits)",
            f"{', '.join(v)}, = vectors[drawn]",
            *(f"{pj} *= weight + {vj}" for pj, vj in zip(p, v))]
    # langdetect's _normalize_prob: the same sum() and the same divisions and comparisons, in order
    normalise = [f"total = sum(({', '.join(p)},))",
                 *(f"{pj} /= total" for pj in p),
                 "highest = 0.0",
                 *(f"if highest < {pj}: highest = {pj}" for pj in p)]
    # langdetect normalises and tests convergence after draws 0, 5, 10...: here after the first
    # draw of each turn, which then makes the four draws until the next.
    turn = [*draw, *normalise,
            "if highest > threshold or i >= limit:",
            f"    return {', '.join(p)},",
            *draw * 4,
            "i += 5"]
    return "\n".join([f"def walk({', '.join(p)}, vectors, weight, getrandbits, n, bits, threshold, limit):",
                      "    i = 0",
                      "    while True:",
                      *(f"        {line}" for line in turn)])


@functools.cache
def _trial_walk(languages: int):
    """One trial's random walk, compiled once per number of profiles: from the prior, draw n-gram
    vectors and multiply the probabilities by weight + the vector's, normalising every fifth draw
    until one language passes the threshold; return the probabilities. The probabilities are local
    variables p0, p1, ... rather than list items, which CPython reads and writes several times
    faster, and the draws are written out five at a time; the float operations are langdetect's,
    in its order."""
    namespace: dict = {}
    exec(_walk_source(languages), namespace)  # our own generated source, nothing from input
    return namespace["walk"]


class FastDetector(Detector):
    """A drop-in `Detector` (same constructor, same results): `append`, `cleaning_text`,
    `_extract_ngrams` and `_detect_block` rewritten, each equal to langdetect's."""

    def __init__(self, factory) -> None:
        # Detector.__init__ but for the random generator: random.Random() seeds itself from
        # os.urandom (twice: __new__ and __init__), about 15 us a comment, only for _detect_block
        # to reseed it with self.seed; _detect_block makes it seeded instead (tests compare the
        # other attributes with Detector's).
        self.word_lang_prob_map = factory.word_lang_prob_map
        self.langlist = factory.langlist
        self.seed = factory.seed
        self.random = None
        self.text = ""
        self.langprob = None
        self.alpha = self.ALPHA_DEFAULT
        self.n_trial = 7
        self.max_text_length = 10000
        self.prior_map = None
        self.verbose = False

    def append(self, text: str) -> None:
        # langdetect's substitutions, each skipped when its pattern cannot match: they need "http",
        # "@", a combining mark (so not ASCII) and two spaces; most of append's time otherwise.
        if "http" in text:
            text = self.URL_RE.sub(" ", text)
        if "@" in text:
            text = self.MAIL_RE.sub(" ", text)
        if not text.isascii():
            text = NGram.normalize_vi(text)
        # max(0, ...): for a negative limit langdetect's range() keeps nothing, a slice would keep most
        text = text[: max(0, self.max_text_length)]
        if "  " in text:
            text = _SPACE_RUN.sub(" ", text)
        self.text += text

    def cleaning_text(self) -> None:
        # Most comments have nothing from U+0300 on, and with no non-Latin character nothing is removed.
        if not _NOT_LATIN.search(self.text):
            return
        if len(_LATIN.findall(self.text)) * 2 < len(_NOT_LATIN.findall(self.text)):
            self.text = _LATIN.sub("", self.text)

    def _extract_ngrams(self) -> list[str]:
        """Detector._extract_ngrams with NGram.add_char's state machine written out: the same n-grams
        in the same order."""
        known, table = self.word_lang_prob_map, _NORMALIZED
        result = []
        grams, last_upper = " ", False
        for ch in self.text:
            ch, upper = table.get(ch) or _normalize(ch)
            if grams[-1] == " ":
                # add_char starts a new word after a space; a second space adds nothing
                if ch == " ":
                    grams = " "
                    continue
                grams = " " + ch
                capital = False
            else:
                grams = (grams[1:] if len(grams) >= 3 else grams) + ch
                # add_char's capitalword: set by an upper-case character after one, cleared by any
                # other character, and so never set when the previous character is not upper case
                capital = upper and last_upper
            last_upper = upper
            if capital:
                continue  # langdetect skips the n-grams ending inside a run of capitals (acronyms)
            # the 1-, 2- and 3-gram ending here (grams holds at least 2 characters by now)
            if ch != " " and ch in known:
                result.append(ch)
            if grams[-2:] in known:
                result.append(grams[-2:])
            if len(grams) == 3 and grams in known:
                result.append(grams)
        return result

    def _detect_block(self) -> None:
        self.cleaning_text()
        ngrams = self._extract_ngrams()
        if not ngrams:
            raise LangDetectException(ErrorCode.CantDetectError, "No features in text.")
        vectors = [self.word_lang_prob_map[ngram] for ngram in ngrams]
        self.langprob = [0.0] * len(self.langlist)
        self.random = random.Random(self.seed)  # its __init__ calls self.seed(self.seed), as langdetect
        gauss, getrandbits = self.random.gauss, self.random.getrandbits
        n = len(vectors)
        walk = _trial_walk(len(self.langlist))
        for _ in range(self.n_trial):
            weight = (self.alpha + gauss(0.0, 1.0) * self.ALPHA_WIDTH) / self.BASE_FREQ
            prob = walk(*self._init_probability(), vectors, weight, getrandbits, n, n.bit_length(),
                        self.CONV_THRESHOLD, self.ITERATION_LIMIT)
            for j, p in enumerate(prob):
                self.langprob[j] += p / self.n_trial
