import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from moderation.language import LanguageDetector


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


def test_fast_detector_gives_langdetects_exact_probabilities(detector):
    for text in _REAL_TEXTS:
        theirs, ours = _both_detectors(detector, text)
        assert ours == theirs, text


@given(st.text(alphabet=st.characters(categories=("L", "Zs", "P")), min_size=1, max_size=200))
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_fast_detector_matches_langdetect_on_generated_text(detector, text):
    theirs, ours = _both_detectors(detector, text)
    assert ours == theirs
