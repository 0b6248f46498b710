"""Lexicon loading, validation and matching: obfuscations, word boundaries, languages, author names."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from moderation.lexicon import LexiconError, load_lexicon

LEXICONS = Path(__file__).resolve().parent.parent / "config" / "lexicons"
SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="module")
def lexicon():
    return load_lexicon(LEXICONS)


def only_hit(lexicon, text, language="en", field="text"):
    hits = lexicon.match(text, language, field)
    assert len(hits) == 1, hits
    hit = hits[0]
    assert text[hit.start:hit.end] == hit.matched
    return hit


@pytest.mark.parametrize(
    ("text", "matched"),
    [
        ("what the fuck is this", "fuck"),
        ("what the f*ck is this", "f*ck"),
        ("what the f**k is this", "f**k"),
        ("what the fuuuuck is this", "fuuuuck"),
        ("what the f u c k is this", "f u c k"),
        ("what the f.u.c.k is this", "f.u.c.k"),
        ("what the f-u-c-k is this", "f-u-c-k"),
        ("what the FÜCK is this", "FÜCK"),
        ("what the fu\u200bck is this", "fu\u200bck"),
        ("what the ｆｕｃｋ is this", "ｆｕｃｋ"),
        ("what the fuk is this", "fuk"),
        ("they all got fuked", "fuked"),
        ("phuck this", "phuck"),
        ("what the f*u*c*k", "f*u*c*k"),
    ],
)
def test_obfuscated_profanity_found_with_exact_span(lexicon, text, matched):
    hit = only_hit(lexicon, text)
    assert (hit.term, hit.matched) == ("fuck", matched)
    assert text.index(matched) == hit.start


@pytest.mark.parametrize(
    ("text", "term", "matched"),
    [
        ("you are a st*pid bitch", "stupid bitch", "st*pid bitch"),
        ("a goat fuker follower", "goat fucker", "goat fuker"),
        ("sh1t happens", "shit", "sh1t"),
        ("a$$hole", "asshole", "a$$hole"),
        ("what an assho1e", "asshole", "assho1e"),
        ("fаggоt", "faggot", "fаggоt"),  # Cyrillic а and о
        ("b!tch please", "bitch", "b!tch"),
        ("you f.a.g.g.o.t", "faggot", "f.a.g.g.o.t"),
        ("i w1ll k1ll y0u", "i will kill you", "i w1ll k1ll y0u"),
        ("I will kill you.", "i will kill you", "I will kill you"),
        ("Giving him a hand-job", "hand job", "hand-job"),
        ("filthy evil animals not humans", "filthy evil animals", "filthy evil animals"),
    ],
)
def test_variants_found(lexicon, text, term, matched):
    hits = lexicon.match(text, "en")
    assert (term, matched) in [(h.term, h.matched) for h in hits]
    for hit in hits:
        assert text[hit.start:hit.end] == hit.matched


@pytest.mark.parametrize(
    "text",
    [
        "The assassin fled to Sussex.", "Order a cocktail in Scunthorpe.", "A classic therapist.", "Grape juice",
        "the pros and cons, pro and con", "bitcoin", "Cumberland sausage", "as a rule", "a chink in the armour",
        "Homo sapiens", "He graduated summa cum laude", "spick and span", "The Taliban and Sunni, Shi'a, Muslim and Afghan "
        "leaders met; the terrorist group denied it.", "I'm a proud gay man", "Muslims celebrate Eid",
        "Prices: 2,500 $ and 5,000 $", "U.S.A. and E.U.", "I feel sorry for the Hazara",
    ],
)
def test_no_scunthorpe_and_no_identity_words(lexicon, text):
    assert lexicon.match(text, "en") == []
    assert lexicon.match(text, "und") == []


def test_french_con_only_in_french_and_only_as_a_word(lexicon):
    assert [h.term for h in lexicon.match("Quel con, celui-là.", "fr")] == ["con"]
    assert lexicon.match("Quel con, celui-là.", "en") == []
    assert lexicon.match("Quel con, celui-là.", "und") == []  # ambiguous: skipped when undetermined
    assert lexicon.match("un concert contre la guerre, conçu à Concarneau", "fr") == []
    assert lexicon.match("le pour et le contre", "fr") == []


def test_french_entries(lexicon):
    hits = lexicon.match("Ferme ta gueule, espèce de connnnard", "fr")
    assert [(h.term, h.matched) for h in hits] == [("ferme ta gueule", "Ferme ta gueule"), ("connard", "connnnard")]
    terms = [h.term for h in lexicon.match("Va te faire foutre, fils de pute. Espèce de c o n n a r d", "fr")]
    assert terms == ["va te faire foutre", "fils de pute", "connard"]
    assert [h.term for h in lexicon.match("Je vais te tuer.", "fr")] == ["je vais te tuer"]
    assert [h.target for h in lexicon.match("sale bougnoule", "fr")] == ["ethnicity"]
    assert [h.category for h in lexicon.match("ce sont des cafards", "fr")] == ["dehumanising"]
    assert [h.matched for h in lexicon.match("les migrants sont des cafards", "fr")] == ["migrants sont des cafards"]
    # « t'es mort » typed without its apostrophe and « es » (2026-12-06, seventh session)
    assert [(h.term, h.category) for h in lexicon.match("t mort mon reuf", "fr")] == [("t mort", "threat")]


@pytest.mark.parametrize("text, language, term, target", [
    ("This town is crawling with rapefugees.", "en", "rapefugee", "origin"),
    ("Those kaffirs again.", "en", "kaffir", "ethnicity"),
    ("Encore un clando dans le quartier.", "fr", "clando", "origin"),
    ("Des sous-humains, voilà ce qu'ils sont.", "fr", "sous humains", "individual"),
])
def test_slurs_and_dehumanising_words_added_on_2026_12_05(lexicon, text, language, term, target):
    assert (term, target) in [(h.term, h.target) for h in lexicon.match(text, language)]


def test_kaffir_lime_is_a_lime(lexicon):
    assert lexicon.match("Add two kaffir lime leaves to the curry.", "en") == []


def test_unambiguous_entries_are_matched_whatever_the_language(lexicon):
    # French comments swear in English, and detection can be wrong: only ambiguous words stay home.
    assert [h.language for h in lexicon.match("espèce de cocksucker", "fr")] == ["en"]
    assert [h.language for h in lexicon.match("a cocksucker", "en")] == ["en"]
    assert [h.language for h in lexicon.match("salope", "und")] == ["fr"]
    assert [(h.term, h.language) for h in lexicon.match("you stupid salope", "en")] == [("you stupid", "en"), ("salope", "fr")]


@pytest.mark.parametrize("text, language", [
    ("Le train est en retard ce matin", "fr"), ("À plus tard les amis", "fr"), ("Je prends une douche", "fr"),
    ("Un fagot de bois pour l'hiver", "fr"), ("Le train est en retard ce matin", "und"),
    ("pro and con", "en"), ("a con artist", "und"),
])
def test_ambiguous_words_only_match_in_their_own_language(lexicon, text, language):
    assert lexicon.match(text, language) == []


def test_author_field(lexicon):
    hit = only_hit(lexicon, "US & EU are Zion slaves", "und", field="author")
    assert (hit.field, hit.category, hit.target, hit.matched) == ("author", "slur", "religion", "Zion slaves")
    assert hit.severity in ("strong", "severe")


def test_hits_sorted_and_longest_kept(lexicon):
    hits = lexicon.match("fuck you, you idiot", "en")
    assert [(h.term, h.start) for h in hits] == [("fuck you", 0), ("you idiot", 10)]


SEED_EXPECTED = [
    ("goat fuker", "slur"), ("backward Sunnis", "insult"), ("animals not humans", "dehumanising"),
    ("US pigs", "insult"), ("prick", "insult"), ("rapists", "insult"), ("cock", "profanity"),
    ("hand-job", "profanity"), ("your mama", "insult"), ("is filth", "insult"), ("fuk all", "profanity"),
]


def test_seed_threads(lexicon):
    text = (SEEDS / "000_90265b5c91533556.txt").read_text() + (SEEDS / "001_8dacbf023c84fc95.txt").read_text()
    found = {(h.matched, h.category) for h in lexicon.match(text, "en")}
    assert set(SEED_EXPECTED) <= found
    words = {h.matched.lower() for h in lexicon.match(text, "en")}
    assert words.isdisjoint({"taliban", "sunni", "sunnis", "muslims", "afghan", "afghans", "terrorist group"})


# ---------------------------------------------------------------- loading and validation


def write(tmp_path, body, name="en.toml"):
    (tmp_path / name).write_text(body, encoding="utf-8")
    return tmp_path


GOOD = 'language = "en"\n[[group]]\ncategory = "insult"\nseverity = "strong"\nterms = ["prat"]\n'


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('language = "en"\n[[group]\n', "not valid TOML"),
        ('language = "de"\n', "language must be one of"),
        ('language = "en"\n[[group]]\ncategory = "rude"\nseverity = "strong"\nterms = ["prat"]\n', "category 'rude'"),
        ('language = "en"\n[[group]]\ncategory = "insult"\nseverity = "awful"\nterms = ["prat"]\n', "severity 'awful'"),
        ('language = "en"\n[[group]]\ncategory = "slur"\nseverity = "severe"\nterms = ["prat"]\n', "needs a target"),
        ('language = "en"\n[[group]]\ncategory = "slur"\nseverity = "severe"\ntarget = "hair"\nterms = ["prat"]\n', "target 'hair'"),
        ('language = "en"\n[[group]]\ncategory = "insult"\nseverity = "strong"\nterms = [{ term = "prat", colour = 1 }]\n', "unknown fields ['colour']"),
        ('language = "en"\n[[group]]\ncategory = "insult"\nseverity = "strong"\nterms = ["{people} stink"]\n', "unknown set {people}"),
        ('language = "en"\n[[group]]\ncategory = "insult"\nseverity = "strong"\nterms = ["prat", "PRAT"]\n', "already listed"),
        ('language = "en"\n[[group]]\ncategory = "insult"\nseverity = "strong"\nterms = ["!!!"]\n', "no letters"),
        ('language = "en"\n[[group]]\ncategory = "insult"\nseverity = "strong"\nterms = []\n', "non-empty list"),
        ('language = "en"\n[[group]]\ncategory = "insult"\nseverity = "strong"\nterms = [{ term = "prat", variants = "prats" }]\n', "variants must be a list"),
    ],
)
def test_bad_files_name_file_entry_and_problem(tmp_path, body, message):
    write(tmp_path, body, name="broken.toml")
    with pytest.raises(LexiconError) as caught:
        load_lexicon(tmp_path)
    assert "broken.toml" in str(caught.value)
    assert message in str(caught.value)
    if "term" in body and "not valid TOML" not in message and "language" not in message:
        assert "group 1" in str(caught.value) or "term" in str(caught.value)


def test_error_names_the_term(tmp_path):
    write(tmp_path, 'language = "en"\n[[group]]\ncategory = "insult"\nseverity = "strong"\nterms = ["ok", { term = "prat", severity = "x" }]\n')
    with pytest.raises(LexiconError, match=r"en.toml: group 1, term 'prat': severity 'x'"):
        load_lexicon(tmp_path)


def test_empty_directory_is_an_error(tmp_path):
    with pytest.raises(LexiconError, match="no lexicon files"):
        load_lexicon(tmp_path)


def test_version_is_a_stable_content_hash(tmp_path):
    first = load_lexicon(write(tmp_path, GOOD)).version
    assert load_lexicon(tmp_path).version == first
    write(tmp_path, GOOD.replace("prat", "git"))
    assert load_lexicon(tmp_path).version != first


def test_exceptions_and_templates(tmp_path):
    write(tmp_path, GOOD + '[sets]\nwho = ["cats", "dogs"]\n'
          '[[group]]\ncategory = "dehumanising"\nseverity = "severe"\ntarget = "origin"\nterms = ["{who} are vermin"]\n'
          '[[group]]\ncategory = "profanity"\nseverity = "mild"\ninflect = true\nterms = [{ term = "bum", exceptions = ["bum bag"] }]\n')
    lexicon = load_lexicon(tmp_path)
    assert [h.term for h in lexicon.match("Dogs are vermin", "en")] == ["dogs are vermin"]
    assert lexicon.match("a bum bag", "en") == []
    assert [h.matched for h in lexicon.match("you bums", "en")] == ["bums"]


def test_unknown_language_is_refused(lexicon):
    with pytest.raises(ValueError):
        lexicon.match("text", "de")


# ---------------------------------------------------------------- property: obfuscated terms are found

TERMS = [("fuck", "en"), ("bitch", "en"), ("asshole", "en"), ("faggot", "en"), ("bastard", "en"),
         ("salope", "fr"), ("connard", "fr"), ("enculé", "fr"), ("bougnoule", "fr")]
LEET = {"a": "4@", "e": "3", "i": "1!", "o": "0", "s": "5$", "t": "7", "l": "1"}
HOMOGLYPH = {"a": "а", "e": "е", "o": "о", "c": "с", "p": "р", "x": "х", "y": "у", "i": "і"}


@st.composite
def obfuscated(draw):
    term, language = draw(st.sampled_from(TERMS))
    word = list(term)
    for i, char in enumerate(word):  # letter-level disguises, each letter independently
        how = draw(st.sampled_from(["same", "same", "upper", "leet", "homoglyph", "zero_width", "accent"]))
        if how == "upper":
            word[i] = char.upper()
        elif how == "leet" and char in LEET:
            word[i] = draw(st.sampled_from(LEET[char]))
        elif how == "homoglyph" and char in HOMOGLYPH:
            word[i] = HOMOGLYPH[char]
        elif how == "zero_width" and i > 0:
            word[i] = "\u200b" + char
        elif how == "accent" and char in "aeiou":
            word[i] = char + "\u0301"
    shape = draw(st.sampled_from(["plain", "mask", "mask2", "stretch", "separate"]))
    if shape in ("mask", "mask2"):
        at = draw(st.integers(1, len(word) - (2 if shape == "mask2" else 1)))
        word[at:at + (2 if shape == "mask2" else 1)] = ["*"] * (2 if shape == "mask2" else 1)
    elif shape == "stretch":
        at = draw(st.integers(0, len(word) - 1))
        word[at] = word[at] * draw(st.integers(2, 5))
    elif shape == "separate":
        word = [c if not (c in "$@!" ) else term[i] for i, c in enumerate(word)]  # symbols cannot stand alone
        word = [draw(st.sampled_from([" ", ".", "-", ". "])).join(word)]
    prefix = draw(st.sampled_from(["", "well ", "so, ", "et alors "]))
    suffix = draw(st.sampled_from(["", ".", "!", " today", " ici"]))
    return term, language, prefix, "".join(word), suffix


@functools.cache
def shared_lexicon():
    return load_lexicon(LEXICONS)  # not a fixture: hypothesis would pretty-print all of it on failure


@settings(max_examples=300, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(obfuscated())
def test_obfuscated_term_is_found_with_its_span(case):
    term, language, prefix, disguised, suffix = case
    text = prefix + disguised + suffix
    hits = shared_lexicon().match(text, language)
    assert [(h.term, h.start, h.end) for h in hits] == [(term, len(prefix), len(prefix) + len(disguised))], text


@pytest.mark.parametrize("text, term", [
    ("you are an idoit", "idiot"), ("what an idot", "idiot"), ("espèce de conard", "connard"),
    ("sale salpoe", "salope"), ("fvck this", "fuck"), ("shut up faggt", "faggot"),
])
def test_one_dropped_or_swapped_letter_is_seen_through(lexicon, text, term):
    assert term in [hit.term for hit in lexicon.match(text, "fr" if "con" in text or "sal" in text else "en")]


@pytest.mark.parametrize("text, language, term, seen", [
    # informal English is in no dictionary: read as English, these are not typos of French slurs
    ("i didnt say youre wrong", "en", "youtre", False),
    ("my home girls were playing gogo all night", "en", "gogol", False),
    # in their own language, and in text of undetermined language, the typos still count
    ("sale yotre", "fr", "youtre", True),
    ("sale yotre", "und", "youtre", True),
    ("you are an idoit", "en", "idiot", True),
    # terms themselves (not typos) are read in every language: French comments swear in English
    ("fuck les flics", "fr", "fuck", True),
])
def test_a_typo_of_a_term_is_read_in_the_terms_own_language(lexicon, text, language, term, seen):
    assert (term in [hit.term for hit in lexicon.match(text, language)]) is seen


def test_typos_of_insults_never_turn_an_ordinary_word_into_a_hit(lexicon):
    """Every dictionary word one letter away from a slur or insult stays a plain word."""
    from moderation.lexicon.index import words_of
    from moderation.lexicon.typo_guard import lexicon_typo_forms
    from moderation.lexicon.vocabulary import RANK_TYPO
    from moderation.text.typos import candidates, ordinary_words

    words = ordinary_words()
    written = {words_of(form) for entry in lexicon.entries for form in (entry.term, *entry.variants)}
    neighbours = {c for form in lexicon_typo_forms(LEXICONS) for c in candidates(form)
                  if c in words and (c,) not in written}
    assert len(neighbours) > 20  # the check below must have something to check
    text = " . ".join(sorted(neighbours))
    vocabulary = lexicon.vocabulary
    by_typo = [hit.matched for hit in lexicon.match(text, "en") + lexicon.match(text, "fr")
               if any(vocabulary.ranks[i] == RANK_TYPO for i in vocabulary.resolve(hit.matched.casefold()))]
    assert by_typo == []


def test_the_typo_guard_covers_the_shipped_lexicon():
    """typo_guard.json spares every process reading the dictionaries; it must match the lexicon."""
    import json

    from moderation.lexicon.typo_guard import guard_for
    from moderation.settings import PROJECT_ROOT
    from moderation.text.typos import GUARD_FILE

    shipped = json.loads(GUARD_FILE.read_text("utf-8"))
    fresh = guard_for(PROJECT_ROOT / "config" / "lexicons", PROJECT_ROOT / "config" / "targets")
    assert shipped == fresh, "the lexicon or the group names changed: run `python -m moderation.lexicon.typo_guard`"


def test_a_form_the_guard_does_not_cover_is_checked_against_the_dictionaries():
    from moderation.text.typos import _guard, typo_variants

    covered, _ = _guard()
    assert "sottises" not in covered  # not a lexicon form: the dictionaries are read for it
    assert "sottise" not in typo_variants("sottises") and "stotises" in typo_variants("sottises")


@pytest.mark.parametrize("text, language", [
    ("Too many cooks spoil the broth", "en"), ("We need to assess the damage first", "en"),
    ("Shiite Muslims marked Ashura this week", "en"), ("The rooms were clean and the mall is close", "en"),
    ("La salle était pleine pour le concert", "fr"), ("Les salles de classe sont trop petites", "fr"),
])
def test_an_ordinary_word_is_not_read_as_a_stretched_insult(lexicon, text, language):
    """"cooks" written once per letter is "coks" (a respelling of "cocks"); it is still "cooks"."""
    assert lexicon.match(text, language) == []


@pytest.mark.parametrize("text, language", [
    ("what an asssshole", "en"), ("fuuuuck off", "en"), ("sale connnnard", "fr"),
    ("stop bullshitting us", "en"), ("he crapped on the floor", "en"),
])
def test_stretched_and_inflected_insults_still_match(lexicon, text, language):
    assert lexicon.match(text, language) != []


def test_the_stretch_guard_is_read_from_the_dictionaries_for_an_unknown_lexicon():
    from moderation.text.typos import ordinary_stretches

    assert ordinary_stretches(frozenset({"sale", "coks"})) >= {"salle", "cooks"}
    assert "shitting" not in ordinary_stretches(frozenset({"shiting"}))


@pytest.mark.parametrize(
    ("text", "language", "term"),
    [
        ("Wetbacks taking our jobs.", "en", "wetback"),
        ("Chinks spreading disease again.", "en", "chink"),
        ("ch1nks go home", "en", "chink"),
        ("ragheads everywhere", "en", "raghead"),  # "bloody" is a lexicon term itself since 2026-12-07
        ("those porch monkeys again", "en", "porch monkey"),
        ("encore ces babtous", "fr", "babtou"),
    ],
)
def test_a_slur_is_matched_in_the_plural(lexicon, text, language, term):
    assert only_hit(lexicon, text, language).term == term


@pytest.mark.parametrize(
    "text",
    ["a few chinks of light in the report", "there are chinks in their armour", "too many chinks in their armor",
     "The Redskins lost again", "I run over squirrels and coons",
     "the door chinked shut"],
)
def test_ordinary_plurals_and_other_inflections_of_slurs_are_not_hits(lexicon, text):
    assert lexicon.match(text, "en") == []


def test_plural_false_stops_the_plural_and_only_slurs_get_one(tmp_path):
    write(tmp_path, 'language = "en"\n'
          '[[group]]\ncategory = "slur"\nseverity = "severe"\ntarget = "ethnicity"\nterms = ["blort", { term = "zib", plural = false }]\n'
          '[[group]]\ncategory = "insult"\nseverity = "strong"\nterms = ["prat"]\n')
    lexicon = load_lexicon(tmp_path)
    assert [h.term for h in lexicon.match("blorts and zibs and prats", "en")] == ["blort"]
    assert [h.term for h in lexicon.match("a blorted zib", "en")] == ["zib"]


def test_plural_can_be_set_for_a_whole_group(tmp_path):
    write(tmp_path, 'language = "en"\n'
          '[[group]]\ncategory = "slur"\nseverity = "severe"\ntarget = "ethnicity"\nplural = false\nterms = ["blort"]\n')
    assert load_lexicon(tmp_path).match("blorts", "en") == []


@pytest.mark.parametrize("text, language, term", [
    ("sale pu.tes", "fr", "putes"), ("what an id.iot", "en", "idiot"), ("shut up fa_ggot", "en", "faggot"),
    ("n.ig.ger", "en", "nigger"), ("this f.ucking mess", "en", "fuck"),
])
def test_a_word_broken_by_a_dot_or_underscore_is_read_whole(lexicon, text, language, term):
    [hit] = [h for h in lexicon.match(text, language) if h.term == term]
    assert "." in hit.matched or "_" in hit.matched  # the span covers the broken word


@pytest.mark.parametrize("text", [
    "see site.com", "Mr.Smith said hello", "the U.S.A. and the E.U.", "J.R.R. Tolkien", "file_name.txt",
    "version2.assets", "the class.ic approach",
])
def test_dots_between_ordinary_words_join_nothing(lexicon, text):
    assert lexicon.match(text, "en") == []


@pytest.mark.parametrize("text, language, term", [
    ("filthy gypos", "en", "gyppo"), ("des mal-baisées", "fr", "mal baisée"), ("les romanichels", "fr", "romanichel"),
])
def test_slur_spellings_added_2026_12_03(lexicon, text, language, term):
    assert [h.term for h in lexicon.match(text, language)] == [term]


def test_exception_phrases_are_returned_with_their_spans(lexicon):
    text = "Pussy Riot played, and the place was spick and span."
    hits, excepted = lexicon.match_with_exceptions(text, "en")
    assert hits == []
    assert sorted(text[start:end].lower() for start, end in excepted) == ["pussy riot", "spick and span"]
    assert lexicon.match_with_exceptions("what a pussy", "en")[1] == []


@pytest.mark.parametrize("text, language", [
    ("L'arbitre, cet enfoiré.", "fr"), ("Dégage, crevure.", "fr"), ("La rédactrice est une conne finie.", "fr"),
    ("Espèce de fumier, va.", "fr"),
])
def test_common_french_insults_the_list_lacked_until_2026_12_04(lexicon, text, language):
    assert [h for h in lexicon.match(text, language) if h.category == "insult"]


@pytest.mark.parametrize("text, language", [
    ("Il a mis du fumier bio dans son potager.", "fr"), ("Le tas de fumier fume au soleil.", "fr"),
])
def test_manure_is_not_an_insult(lexicon, text, language):
    assert lexicon.match(text, language) == []


def test_swearing_at_a_person_named_by_role_is_an_insult_and_at_the_weather_is_not(lexicon):
    assert [h for h in lexicon.match("encore un article de ce j0urnal1ste de m3rde", "fr") if h.category == "insult"]
    assert not [h for h in lexicon.match("Ce temps de merde, trois jours de pluie.", "fr") if h.category == "insult"]


@pytest.mark.parametrize("text, held", [
    ("Nike a sorti une nouvelle chaussure, ta mère va adorer.", False),  # the brand, not "nique"
    ("nik ta mer3 le modo", True), ("nique la police", True),
])
def test_nike_is_a_brand_and_nik_ta_mere_an_insult(lexicon, text, held):
    assert bool(lexicon.match(text, "fr")) is held


@pytest.mark.parametrize("text", ["I made coq au vin last night, delicious.", "Nike a sorti une nouvelle chaussure."])
def test_a_respelling_that_is_a_word_of_its_own_is_not_read_as_the_lexicon_form(lexicon, text):
    """The regular respellings ("qu" -> "k", "ck" -> "q") made "nike" of "nique" and "coq" of "cock"."""
    from moderation.text.typos import is_ordinary_misspelling

    assert is_ordinary_misspelling("nike") and is_ordinary_misspelling("coq") and not is_ordinary_misspelling("phuck")
    assert lexicon.match(text, "en") == [] and lexicon.match(text, "fr") == []


# --- compounds: a slur written together with another word ("christfags") --------------------------

@pytest.mark.parametrize("text, term", [
    ("Christfag nonsense as usual.", "fag"), ("chr1stfags ruin everything", "fags"),
    ("a bunch of sandniggers", "nigger"), ("those fucktards again", "tard"), ("look at these trannyfreaks", None),
])
def test_a_compound_slur_is_read_at_the_end_of_a_word_written_together(lexicon, text, term):
    hits = lexicon.match(text, "en")
    if term is None:  # the slur must close the word: "trannyfreaks" ends with "freaks"
        assert all(hit.term != "tranny" for hit in hits)
    else:
        assert [hit.term for hit in hits] == [term]


@pytest.mark.parametrize("text", [
    "a vandyke beard", "mustard and custard", "she sniggers at the back", "a leotard", "meltwater lakes",
    "@savanigga see you at the game",  # an account's name is read as written, not as a compound
])
def test_an_ordinary_word_or_an_account_name_is_not_read_as_a_compound(lexicon, text):
    assert lexicon.match(text, "en") == []


def test_the_first_part_of_a_compound_needs_three_letters(lexicon):
    assert lexicon.match("the defag tool", "en") == []  # "de" + "fag": too short to be a word


def test_compound_is_refused_on_a_phrase(tmp_path):
    (tmp_path / "x.toml").write_text('language = "en"\n[[group]]\ncategory = "insult"\nseverity = "strong"\n'
                                     'terms = [{ term = "foo bar", compound = true }]\n', "utf-8")
    with pytest.raises(LexiconError, match="compound applies to one word"):
        load_lexicon(tmp_path)


def test_an_ambiguous_abbreviation_is_a_slur_after_sale_whatever_the_language(lexicon):
    assert lexicon.match("pd", "und") == []  # alone: ambiguous, skipped when undetermined
    assert [h.category for h in lexicon.match("ta gl sal pd", "und")] == ["slur"]


@pytest.mark.parametrize("text, language", [
    ("Il faut que je m'attarde un peu sur ce point.", "fr"), ("Des photos qui méritent qu'on s'y attarde.", "fr"),
    ("Il serait temps que je m’y attarde.", "fr"), ("Ne t'attardes pas là-dessus.", "fr"),
    ("Isla Margarita runs from Porlamar to Cabo Negro.", "en"), ("The Rio Negro joins the Amazon at Manaus.", "en"),
    ("Let's all sing kum ba yah around the fire.", "en"), ("Redskin fans booed the referee.", "en"),
    ("Keep the kitchen spic and span.", "en"),
])
def test_words_and_names_that_contain_a_slur_added_on_2026_12_05(lexicon, text, language):
    """Found among the benign comments of the training files' choice split (s'attarder, place names, a hymn)."""
    assert lexicon.match(text, language) == []


@pytest.mark.parametrize("text, language, term", [
    ("t'es vraiment un attardé", "fr", "attardé"), ("quel négro celui-là", "en", "negro"),
    ("dirty spic go home", "en", "spic"), ("a filthy redskin", "en", "redskin"),
])
def test_the_slurs_those_exceptions_guard_are_still_read(lexicon, text, language, term):
    assert term in [hit.term for hit in lexicon.match(text, language)]


@pytest.mark.parametrize("text, language", [
    ("you absolute muppet", "en"), ("you're a pathetic little weasel", "en"), ("shut up you lying hypocrite", "en"),
    ("Retourne à l'école, espèce d'ignare.", "fr"), ("t'es qu'une pauvre cloche", "fr"), ("bande de larbins, va", "fr"),
    ("quel gros nul celui-là", "fr"),
])
def test_ordinary_nouns_insult_in_address_or_predication(lexicon, text, language):
    assert [h for h in lexicon.match(text, language) if h.category == "insult"], text


@pytest.mark.parametrize("text, language", [
    ("If you rat on us we're done", "en"), ("Don't freak out, you fool yourself", "en"), ("Thank you, cow farmers", "en"),
    ("you jerk the wheel and it skids", "en"), ("Une grosse baleine échouée sur la plage", "fr"),
    ("la grosse cloche de Notre-Dame", "fr"), ("un gros raté du gouvernement", "fr"), ("le rat des villes et le rat des champs", "fr"),
    ("un gros thon pêché au large", "fr"), ("ce pauvre clochard dort dehors", "fr"),
])
def test_the_same_nouns_elsewhere_are_not_insults(lexicon, text, language):
    assert lexicon.match(text, language) == [], text


@pytest.mark.parametrize("text, language", [
    ("Nice tits in the photo love", "en"), ("Bet she got the job on her knees.", "en"), ("send nudes x", "en"),
    ("Moi je la prendrais bien par derrière la nouvelle chroniqueuse.", "fr"), ("Jolie paire de seins la miss météo", "fr"),
    ("Promotion canapé, évidemment.", "fr"),
])
def test_sexual_remarks_about_a_person_are_insults(lexicon, text, language):
    assert [h for h in lexicon.match(text, language) if h.category == "insult"], text


@pytest.mark.parametrize("text, language", [
    ("I'd smash the record if I trained", "en"), ("The casting couch culture in Hollywood must end", "en"),
    ("More stripping of public assets, great", "en"), ("Un joli cul-de-sac au bout du village", "fr"),
    ("Elle est tombée à genoux de joie", "fr"),
])
def test_look_alikes_of_sexual_remarks(lexicon, text, language):
    assert lexicon.match(text, language) == [], text


@pytest.mark.parametrize("text, language, term", [
    ("sale africain va", "fr", "sale africain"), ("Espèce de sale immigrée", "fr", "sale immigrée"),
    ("sale juive", "fr", "sale juive"), ("you dirty jew", "en", "dirty jew"), ("filthy immigrant", "en", "filthy immigrant"),
])
def test_the_singular_and_feminine_of_dirty_plus_a_group(lexicon, text, language, term):
    assert term in [h.term for h in lexicon.match(text, language)]


@pytest.mark.parametrize("text", ["T'es vraiment le plus con du forum.", "T'es trop con.", "T'es vraiment aussi con ou tu fais semblant ?"])
def test_con_said_to_the_reader_with_an_adverb_is_an_insult(lexicon, text):
    hits = lexicon.match(text, "fr")
    assert any(h.severity == "strong" and h.category == "insult" for h in hits), text
