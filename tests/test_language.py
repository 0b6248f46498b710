import pytest

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
