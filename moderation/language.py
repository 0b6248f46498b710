"""Language detection with langdetect: English, French, or undetermined ("und").

langdetect is randomised; we seed it so the same text always gets the same answer. We load only
a handful of Latin-script profiles: English and French (what we moderate) plus the languages
most often confused with them, so that a German or Spanish comment comes out "und" instead of
being forced into English or French. Fewer profiles is also what makes detection fast enough
(about 5x faster than all 55).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from moderation.types import SUPPORTED_LANGUAGES, UNDETERMINED

# Supported languages first; the rest are decoys that turn into "und".
PROFILE_LANGUAGES = ("en", "fr", "de", "es", "it", "pt", "nl")
SEED = 0
# langdetect's per-text cost grows with length; the first few hundred characters decide.
MAX_CHARS = 600
N_TRIALS = 5

# Prior knowledge handed to langdetect, which otherwise guesses from character n-grams alone and
# is unreliable on one-line comments ("Spoken like a true western narcissist." comes out German).
# Base rates: our platforms publish in English and French. Function words are strong, cheap
# evidence on short texts; each hit multiplies the language's prior.
BASE_PRIOR = {"en": 0.3, "fr": 0.3, "de": 0.08, "es": 0.08, "it": 0.08, "pt": 0.08, "nl": 0.08}
FUNCTION_WORDS = {
    "en": "the and is are was were of to in that this it you he she they we with for not be have has "
          "like what when where who why but if or an at by from just will would should "
          # 2026-12-05: pronouns, auxiliaries and contractions ("Muslims don't respect our values."
          # came out French at 0.99999); none of them a French word
          "our my your their his its them us do does did don't doesn't didn't can can't won't isn't "
          "aren't wasn't weren't i'm it's that's there's they're we're you're i've they've been had "
          "there than then about because these those i all so no any some every must",
    "fr": "le les des du un une est sont et ou que qui pas ne je tu il elle nous vous ils elles ce "
          "cette ces dans pour avec sur mais au aux leur sont été très "
          # 2026-12-05: the same for French, none of them an English word
          "c'est n'est j'ai qu'il qu'ils d'un d'une l'on suis sommes êtes ont avons avez était "
          "mes tes ses nos vos mon ton sa ta eux moi toi lui aussi encore jamais rien toujours "
          "quand comme donc alors "
          # 2026-12-07 (thirteenth session): a short threat has few of the words above ("On va te
          # flinguer." came out English at 0.8, "Faut te buter." at 1.0, so the French rules never
          # read them); none of these is an English word
          "vais va faut te ça chez ceux cela quoi pourquoi où déjà trop beaucoup vraiment notre votre "
          "leurs oui peut doit sera serait avait faudrait devrait devraient jvais",
    "de": "der die das und ist nicht ich du er sie wir ihr ein eine mit auf für aber auch noch "
          "oder sehr",
    "es": "el los las y es son que de una por para con pero muy está yo tú él ella",
    "it": "il gli è sono che di una per con ma molto io tu lui lei della questo",
    "pt": "os as e é são que de uma para com mas muito eu você ele ela não está",
    "nl": "de het een en is zijn niet ik jij hij zij wij met voor maar ook van",
}
_FUNCTION_WORD_SETS = {language: frozenset(words.split()) for language, words in FUNCTION_WORDS.items()}
# The languages listing each function word ("que" is French, Spanish and Portuguese), so that a word
# of the text is looked up once rather than in every language's set.
_LANGUAGES_OF_WORD = {word: tuple(language for language, words in _FUNCTION_WORD_SETS.items() if word in words)
                      for word in frozenset().union(*_FUNCTION_WORD_SETS.values())}
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)

_URL_OR_MENTION = re.compile(r"https?://\S+|www\.\S+|@\w+|#\w+|\bRT\b")
_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)


@dataclass(frozen=True)
class LanguageResult:
    language: str  # "en", "fr" or "und"
    confidence: float  # probability of `language`; for "und", of the best guess (0 when none)
    source: str = "detected"  # "detected" or "hint" (the platform told us)


# A French elided article or pronoun glued to its word ("j'adore", "l'homme", "qu'ils"): a French
# function word whatever the word it is glued to.
_FRENCH_ELISION = re.compile(r"(?:j|l|d|qu|n|c|s|m|t|jusqu|lorsqu|puisqu)['’][^\W\d_]")


def function_word_counts(text: str) -> dict[str, int]:
    """How many of the text's words are function words of each profile language."""
    counts = dict.fromkeys(PROFILE_LANGUAGES, 0)
    for word in _WORD.findall(text.lower()):
        languages = _LANGUAGES_OF_WORD.get(word)
        if languages is None and _FRENCH_ELISION.match(word):
            languages = ("fr",)
        for language in languages or ():
            counts[language] += 1
    return counts


def function_word_prior(text: str, counts: dict[str, int] | None = None) -> dict[str, float]:
    """Prior probabilities per profile language from base rates and function-word hits (`counts`,
    when the caller has them: function_word_counts(text))."""
    counts = function_word_counts(text) if counts is None else counts
    weights = {language: BASE_PRIOR[language] * (1.0 + counts[language]) ** 2 for language in PROFILE_LANGUAGES}
    total = sum(weights.values())
    return {language: weight / total for language, weight in weights.items()}


def overruled_by_function_words(counts: dict[str, int], detected: LanguageResult) -> LanguageResult:
    """The detected language, unless the text (its function_word_counts) has none of its function
    words and some of the other supported language's: then that language (two or more of its
    words) or undetermined (one).

    The character n-grams can outvote the prior on a short line: "Why are Black people so violent?
    Genuine question." came out French at 0.99999 (langdetect skips capitalised words, and what is
    left, "are people so violent question", reads French), so the French rules judged it and the
    English ones never ran. On the training files' choice split 41 of 11,463 English comments came
    out French, most of them short abuse ("You are a complete idiot.").
    """
    if counts[detected.language]:
        return detected
    other = next(language for language in SUPPORTED_LANGUAGES if language != detected.language)
    if counts[other] >= 2:
        # langdetect's probability left over from the language overruled: all it could have given this one
        return LanguageResult(other, 1.0 - detected.confidence)
    if counts[other] == 1:
        return LanguageResult(UNDETERMINED, detected.confidence)  # und: the confidence of the best guess
    return detected


def _by_function_words_alone(counts: dict[str, int], confidence: float) -> LanguageResult:
    """Undetermined, unless the n-grams were unsure or guessed a language we do not support while
    the text has two or more function words of one supported language and none of the other: then
    that language ("Women like you deserve a bullet." was read as neither; 2026-12-05)."""
    present = [language for language in SUPPORTED_LANGUAGES if counts[language]]
    if len(present) == 1 and counts[present[0]] >= 2:
        return LanguageResult(present[0], confidence)
    return LanguageResult(UNDETERMINED, confidence)


def _build_factory():
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory
    import os

    factory = DetectorFactory()
    profiles = []
    for language in PROFILE_LANGUAGES:
        with open(os.path.join(PROFILES_DIRECTORY, language), encoding="utf-8") as handle:
            profiles.append(handle.read())
    factory.load_json_profile(profiles)
    factory.set_seed(SEED)
    return factory


class LanguageDetector:
    """Detect en / fr / und. Build once (loads profiles, ~0.1 s) and reuse; thread-safe (detectors share
    only the read-only profiles; each has its own seeded random generator)."""

    def __init__(self, confidence_floor: float = 0.70, min_letters: int = 10):
        self.confidence_floor = confidence_floor
        self.min_letters = min_letters
        self._factory = _build_factory()

    def detect(self, text: str, hint: str | None = None) -> LanguageResult:
        """Return the comment's language; a supported platform hint wins over detection."""
        if hint and hint.lower() in SUPPORTED_LANGUAGES:
            return LanguageResult(hint.lower(), 1.0, "hint")
        cleaned = _URL_OR_MENTION.sub(" ", text[: MAX_CHARS * 2])[:MAX_CHARS]
        letters = _LETTER.findall(cleaned)
        if len(letters) < self.min_letters:
            return LanguageResult(UNDETERMINED, 0.0)
        if sum(map(str.isupper, letters)) * 2 > len(letters):
            # langdetect ignores capitalised words (proper nouns), so shouting would leave it nothing.
            cleaned = cleaned.lower()
        counts = function_word_counts(cleaned)  # the prior's evidence, and the overrule's
        best_language, best_probability = self._best_guess(cleaned, counts)
        if best_language not in SUPPORTED_LANGUAGES or best_probability < self.confidence_floor:
            return _by_function_words_alone(counts, best_probability)
        return overruled_by_function_words(counts, LanguageResult(best_language, best_probability))

    def prepared(self, detector_class, text: str, counts: dict[str, int] | None = None):
        """A langdetect detector of `detector_class` set up as we run it (trials, length, prior), fed `text`."""
        detector = detector_class(self._factory)
        detector.n_trial = N_TRIALS
        detector.set_max_text_length(MAX_CHARS)
        detector.set_prior_map(function_word_prior(text, counts))
        detector.append(text)
        return detector

    def _best_guess(self, text: str, counts: dict[str, int]) -> tuple[str, float]:
        from langdetect.lang_detect_exception import LangDetectException

        from moderation.langdetect_fast import FastDetector

        detector = self.prepared(FastDetector, text, counts)  # langdetect's own answers, faster
        try:
            ranked = detector.get_probabilities()
        except LangDetectException:  # no usable n-grams (e.g. only digits and symbols)
            return UNDETERMINED, 0.0
        if not ranked:
            return UNDETERMINED, 0.0
        return ranked[0].lang, float(ranked[0].prob)
