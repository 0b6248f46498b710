import json

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from moderation.language import MAX_CHARS, LanguageDetector
from moderation.settings import PROJECT_ROOT


@pytest.fixture(scope="module")
def detector():
    return LanguageDetector()


@pytest.mark.parametrize("text", [
    "So where was Masoud Jr when Afghanistan was occupied for twenty years by Nato?",
    "He is well skilled in winning wars through press conferences and media releases.",
    "WHY DOES NOBODY IN THIS GOVERNMENT LISTEN TO THE PEOPLE FOR ONCE",
])
def test_english(detector, text):
    result = detector.detect(text)
    assert result.language == "en"
    assert result.confidence >= detector.confidence_floor


@pytest.mark.parametrize("text", [
    "Je me collerais pas trop au nom Taliban. Ces sont en general des gens de la tribu pashtun.",
    "Les Talibans ont été créés par la CIA pour lutter contre les Russes en 1979.",
    "VIOL PAR LA FAMILLE DE VIOLEURS, C'EST UNE HONTE",
])
def test_french(detector, text):
    assert detector.detect(text).language == "fr"


@pytest.mark.parametrize("text", [
    "", "   ", "ok", "12345 !!! 678", "😀😀😀😀", "@user @user https://example.com/x",
    "Das ist ein sehr schöner Tag heute in Berlin, oder nicht?",
    "Hoy es un día muy bonito en Madrid y vamos a la playa con los amigos.",
])
def test_undetermined(detector, text):
    assert detector.detect(text).language == "und"


def test_deterministic(detector):
    text = "Spoken like a true western narcissist, let them sort out their own country."
    first = detector.detect(text)
    assert all(LanguageDetector().detect(text) == first for _ in range(3))


def test_supported_hint_wins_and_unsupported_hint_is_ignored(detector):
    assert detector.detect("Bonjour à tous", hint="EN").language == "en"
    assert detector.detect("Bonjour à tous", hint="en").source == "hint"
    assert detector.detect("Das ist ein sehr schöner Tag heute in Berlin", hint="de").language == "und"


def _both_detectors(detector: LanguageDetector, text: str):
    """Run langdetect's own Detector and ours, set up as the engine runs them; return both results."""
    from langdetect.detector import Detector
    from langdetect.lang_detect_exception import LangDetectException

    from moderation.langdetect_fast import FastDetector

    results = []
    for cls in (Detector, FastDetector):
        try:
            results.append([(r.lang, r.prob) for r in detector.prepared(cls, text).get_probabilities()])
        except LangDetectException as exc:
            results.append(("error", exc.code))
    return results


_REAL_TEXTS = [
    "Thank you for this article, it explains the situation very clearly.",
    "Merci pour cet article très clair sur la situation dans la vallée du Panjshir.",
    "Les Talibans ont été créés par la CIA pour lutter contre les Russes en 1979.",
    "you are a f*cking idiot and everyone knows it",
    "Das ist ein sehr guter Artikel, vielen Dank dafür.",
    "ok", "1234 5678", "🤡🤡🤡", "lol ur so dumb", "C'est n'importe quoi ce gouvernement de guignols",
]


def test_fast_detector_is_set_up_as_langdetects(detector):
    """FastDetector.__init__ repeats Detector's but for the random generator (made in _detect_block)."""
    from langdetect.detector import Detector

    from moderation.langdetect_fast import FastDetector

    theirs, ours = vars(Detector(detector._factory)), vars(FastDetector(detector._factory))
    assert theirs.pop("random") is not None and ours.pop("random") is None
    assert ours == theirs


def test_fast_detector_gives_langdetects_exact_probabilities(detector):
    for text in _REAL_TEXTS:
        theirs, ours = _both_detectors(detector, text)
        assert ours == theirs, text


@given(st.text(alphabet=st.characters(categories=("L", "Zs", "P")), min_size=1, max_size=200))
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_fast_detector_matches_langdetect_on_generated_text(detector, text):
    theirs, ours = _both_detectors(detector, text)
    assert ours == theirs


# Every text of the development and functional files: the comments the engine is tuned on.
_DEV_TEXTS = [json.loads(line)["text"]
              for pattern in ("dev/*.jsonl", "functional_*.jsonl")
              for path in sorted((PROJECT_ROOT / "bench" / "data").glob(pattern))
              for line in path.read_text("utf-8").splitlines() if line.strip()]


def _each_step(detector: LanguageDetector, text: str, limit: int) -> dict:
    """What langdetect's Detector and FastDetector make of `text` in each step FastDetector rewrites,
    each step given the same input."""
    from langdetect.detector import Detector

    from moderation.langdetect_fast import FastDetector

    steps = {}
    for cls in (Detector, FastDetector):
        appending = cls(detector._factory)
        appending.set_max_text_length(limit)
        appending.append(text)
        cleaning, extracting = cls(detector._factory), cls(detector._factory)
        cleaning.text = extracting.text = text
        cleaning.cleaning_text()
        steps[cls.__name__] = {"append": appending.text, "cleaning_text": cleaning.text,
                               "_extract_ngrams": extracting._extract_ngrams()}
    return steps


def _assert_same_steps(detector: LanguageDetector, text: str) -> None:
    for limit in (MAX_CHARS, 10_000):  # the engine's limit, and langdetect's default (no cut)
        steps = _each_step(detector, text, limit)
        for step, theirs in steps["Detector"].items():
            assert steps["FastDetector"][step] == theirs, (step, limit, text)


def test_fast_detector_steps_equal_langdetects_on_dev_texts(detector):
    assert len(_DEV_TEXTS) > 3000
    for text in _DEV_TEXTS:
        _assert_same_steps(detector, text)


def test_fast_detector_gives_langdetects_exact_probabilities_on_dev_texts(detector):
    for text in _DEV_TEXTS[::10]:
        theirs, ours = _both_detectors(detector, text)
        assert ours == theirs, text


@pytest.mark.parametrize("languages", [("en", "de"), ("en", "fr", "es"), ("en", "fr", "es", "it", "pt", "nl", "de", "ro", "vi")])
def test_fast_detector_gives_langdetects_exact_probabilities_for_other_profile_counts(languages):
    """The walk is compiled per number of profiles: check counts other than the engine's seven."""
    import os

    from langdetect.detector import Detector
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory
    from langdetect.lang_detect_exception import LangDetectException

    from moderation.langdetect_fast import FastDetector

    factory = DetectorFactory()
    factory.load_json_profile([open(os.path.join(PROFILES_DIRECTORY, language), encoding="utf-8").read()
                               for language in languages])
    factory.set_seed(0)
    for text in _DEV_TEXTS[::60]:
        results = []
        for cls in (Detector, FastDetector):
            detector = cls(factory)
            detector.append(text)
            try:
                results.append([(r.lang, r.prob) for r in detector.get_probabilities()])
            except LangDetectException as exc:
                results.append(("error", exc.code))
        assert results[1] == results[0], text


# Pieces that take every branch of langdetect's text handling: URLs and e-mail addresses (removed),
# runs of spaces (kept once), capitals (runs of them skipped), Latin-1 characters langdetect blanks
# out, Romanian comma letters, Vietnamese vowels with combining marks (recomposed) and precomposed,
# CJK (kanji classes), kana, bopomofo, hangul, Arabic and Farsi yeh, general punctuation, and
# enough non-Latin text for cleaning_text to drop the Latin letters.
_HARD_PIECES = [
    " ", "  ", "    ", "\u00a0", "\t", "\n", "http://example.com/a?b=c&d=e#f", "https://x.y/z", "www.example.org",
    "jean.dupont@example.fr", "a@b", "@user", "x@", "NATO", "USA", "McDonald", "iPhone", "ÉTAT", "À",
    "Ça", "ß", "ǅ", "ΣΟΦΙΑ", "«", "»", "°", "ș", "ț", "Ș", "a\u0301", "e\u0323", "Ơ\u0309", "U\u0303", "y\u0300",
    "\u0301", "ạ", "ễ", "Ể", "ỹ", "日本語", "中国", "丁七", "ひらがな", "カタカナ", "ㄅㄆㄇ", "한국어", "ی", "عربي",
    "Привет", "’", "—", "…", "!?", ",", "1234", "_[]^`", "😀", "𝐀𝐁", "the", "le", "der", "C'est", "Hello",
]
_HARD_TEXT = st.lists(
    st.one_of(st.sampled_from(_HARD_PIECES), st.text(st.characters(codec="utf-8"), max_size=8)), max_size=250,
).map("".join)


@given(_HARD_TEXT)
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_fast_detector_steps_equal_langdetects_on_hard_text(detector, text):
    _assert_same_steps(detector, text)
    theirs, ours = _both_detectors(detector, text)
    assert ours == theirs


def test_fast_detector_steps_equal_langdetects_on_long_and_non_latin_text(detector):
    long_text = " ".join(_DEV_TEXTS[:40])
    assert len(long_text) > 2 * MAX_CHARS
    # langdetect cuts after removing URLs and addresses: text from beyond the limit moves in
    removed_first = "https://example.com/a/long/path mail.me@example.org " * 20 + long_text
    for text in (long_text, long_text.upper(), removed_first, "中国 " * 400, "عربي ok " * 100 + long_text,
                 "  " * 700 + "the end"):
        _assert_same_steps(detector, text)


def test_function_word_prior_counts_a_word_for_every_language_listing_it():
    from moderation.language import _FUNCTION_WORD_SETS, _WORD, BASE_PRIOR, function_word_prior

    for text in _DEV_TEXTS[:500] + ["Que de la, the QUE die il é très"]:
        words = _WORD.findall(text.lower())
        weights = {language: BASE_PRIOR[language] * (1.0 + sum(word in function_words for word in words)) ** 2
                   for language, function_words in _FUNCTION_WORD_SETS.items()}
        total = sum(weights.values())
        assert function_word_prior(text) == {language: weight / total for language, weight in weights.items()}


@pytest.mark.parametrize("text, expected", [
    # langdetect alone says French at 0.99999: it skips the capitalised words, and "are people so
    # violent question" reads French; two English function words and no French one overrule it
    ("Why are Black people so violent? Genuine question.", "en"),
    ("You are a complete idiot.", "en"),
    # the other way round: French with English-looking n-grams
    ("ET TOK les fachos islamistes, VIVE LA LIBERTÉ", "fr"),
    # one function word of the other language only: neither is trusted
    ("IL RESTE 2 TITLE FIGHTS BORDEL", "und"),
    # a short French threat: "va", "faut", "te" are French function words (came out English at 0.8 and 1.0)
    ("On va te flinguer.", "fr"),
    ("Faut te buter.", "fr"),
])
def test_function_words_overrule_ngrams_that_contradict_them(detector, text, expected):
    from moderation.language import LanguageResult, function_word_counts, overruled_by_function_words

    assert detector.detect(text).language == expected
    # and the overrule never touches a guess its own function words support
    assert overruled_by_function_words(function_word_counts("the cat is here"), LanguageResult("en", 0.9)).language == "en"


@pytest.mark.parametrize("text, expected", [
    # contractions and pronouns are English function words too (came out French at 0.99999)
    ("Muslims don't respect our values.", "en"),
    # n-grams that guess no supported language, or none confidently, but two function words of
    # one supported language and none of the other (2026-12-05)
    ("Women like you deserve a bullet.", "en"),
    ("Tu ne verras pas Noël.", "fr"),
])
def test_function_words_decide_when_the_ngrams_guess_nothing_we_support(detector, text, expected):
    assert detector.detect(text).language == expected


def test_a_french_elided_word_counts_as_a_french_function_word():
    from moderation.language import function_word_counts
    assert function_word_counts("J'adore les femmes.")["fr"] == 2  # "j'adore" and "les"
    assert function_word_counts("it's what I'm saying")["fr"] == 0  # English contractions are not elisions
    assert function_word_counts("I love them all")["en"] == 3  # "i", "them", "all"
