"""Claims about a group the comment calls false (moderation/refutation.py): read as denials."""

import pytest

from moderation.engine import Engine
from moderation.refutation import refutations
from moderation.settings import load_settings
from moderation.types import CommentInput


@pytest.fixture(scope="module")
def engine():
    return Engine.from_settings(load_settings(environ={}))


def decide(engine, text):
    return engine.decide([CommentInput("c", text)])[0]


def claims(text):
    return [text[start:end] for start, end in refutations(text)[0]]


@pytest.mark.parametrize("text, claim", [
    ("It's nonsense to say Jews are behind the rise in crime.", "Jews are behind the rise in crime"),
    ("The idea that Roma are somehow less human is wrong, and I'll say so every time.", "Roma are somehow less human"),
    ("Growing up I was told Muslims couldn't be trusted. Turned out that was rubbish.", "Muslims couldn't be trusted"),
    ("Blaming refugees for the housing crisis is lazy and untrue.", "refugees for the housing crisis"),
    ("C'est absurde de dire que les Noirs vivent aux crochets de la société.", "les Noirs vivent aux crochets de la société"),
    ("L'idée que les juifs contrôlent les banques est un mythe.", "les juifs contrôlent les banques"),
])
def test_a_claim_called_false_is_found(text, claim):
    assert claims(text) == [claim]


@pytest.mark.parametrize("text", [
    "The idea that women are as smart as men is nonsense.",  # calling a claim of worth false is the hate
    "It's nonsense to say Jews are human.",
    "It's nonsense to say immigrants aren't criminals.",  # a double negation affirms
    "The idea that refugees are fleeing war is a lie.",  # harm suffered, denied
    "C'est faux de dire que les Noirs sont nos égaux.",
])
def test_a_claim_of_worth_harm_or_with_a_negation_is_not_read_as_refuted(text):
    assert claims(text) == []


@pytest.mark.parametrize("text", [
    # held before 2026-12-07 (ninth session) on toxicity and identity_attack (0.54-0.97)
    "It's nonsense to say Muslims are behind the rise in crime.",
    "The idea that gay people are somehow less human is wrong, and I'll say so every time.",
    "Blaming Jews for the housing crisis is lazy and untrue.",
])
def test_a_refuted_claim_about_a_group_is_a_denial_and_kept(engine, text):
    decision = decide(engine, text)
    assert decision.decision == "keep", (decision.reasons, decision.scores)
    assert any(t["negated"] and t["kind"] == "derogation" for t in decision.targeted), decision.targeted


def test_a_refutation_beside_hate_in_its_own_voice_is_still_held(engine):
    decision = decide(engine, "It's nonsense to say Muslims are behind this, they're worse than that, they're vermin.")
    assert decision.decision != "keep"


@pytest.mark.parametrize("text, claim", [
    ("Dire que les juifs « volent le travail des autres », c'est faux.", "les juifs « volent le travail des autres »"),
    ("Saying refugees are all criminals is nonsense.", "refugees are all criminals"),
])
def test_a_claim_said_then_called_false_is_found(text, claim):
    assert claims(text) == [claim]


@pytest.mark.parametrize("text, claim", [
    ("Hating Jews is stupid.", "Jews"),
    ("The 'fact' going round social media that trans people get handed free houses is fabricated.",
     "trans people get handed free houses"),
    ("So much for 'women only look after their own'.", "women only look after their own"),
    ("Penser que les homosexuels sont moins compétents au travail, c'était peut-être courant du temps de nos "
     "grands-parents, aujourd'hui c'est complètement dépassé.", "les homosexuels sont moins compétents au travail"),
    ("Accuser les juifs de faire baisser le niveau, c'est se tromper de cible.", "les juifs de faire baisser le niveau"),
])
def test_more_ways_of_calling_a_claim_false(text, claim):
    assert claims(text) == [claim]


def test_hating_a_group_called_the_right_response_is_no_refutation():
    assert claims("Hating Muslims is the only sane response.") == []


# Frames found by a grammar probe of negated hate (2026-12-07, fourteenth session): a belief taken
# back, evidence denied, the believer judged, a claim told then denied, praise never met.
@pytest.mark.parametrize("text, claim", [
    ("I used to think immigrants were violent, but I was wrong.", "immigrants were violent"),
    ("There is no evidence that gay people are lazy.", "gay people are lazy"),
    ("Claiming that trans people are dirty is bigotry, plain and simple.", "trans people are dirty"),
    ("Anyone who thinks Jews are a threat to this country has never met one.", "Jews are a threat to this country"),
    ("Why do people still pretend refugees are criminals? They aren't.", "refugees are criminals"),
    ("I'm tired of hearing that women are stupid. It's false.", "women are stupid"),
    ("Not once in my life have I met immigrants who were parasites.", "immigrants who were parasites"),
    ("Avant je pensais que les immigrés étaient violents, mais je me trompais.", "les immigrés étaient violents"),
    ("Ceux qui pensent que les musulmans sont dangereux n'en ont jamais rencontré.", "les musulmans sont dangereux"),
    ("J'en ai marre d'entendre que les réfugiés sont des parasites. C'est faux.", "les réfugiés sont des parasites"),
    ("Je refuse de croire que les handicapés sont des animaux.", "les handicapés sont des animaux"),
    ("Je n'ai jamais rencontré de Roms qui soient des voleurs.", "de Roms qui soient des voleurs"),
])
def test_a_belief_taken_back_evidence_denied_or_a_believer_judged_is_a_refutation(text, claim):
    assert claims(text) == [claim]


@pytest.mark.parametrize("text", [
    "I used to think immigrants were dangerous, and I was right.",
    "It's not hate to say women are inferior, it's biology.",  # a negated verdict calls nothing false
    "The idea that Muslims are violent is not wrong.",
    "People say Black people are lazy. They are.",
])
def test_a_claim_endorsed_is_no_refutation(text):
    assert claims(text) == []


@pytest.mark.parametrize("text", [
    # held before (identity_derogation in force, or the model heads): the rules found the claim and
    # read past the frame around it
    "I used to think immigrants were violent, but I was wrong.",
    "There is no evidence that gay people are lazy.",
    "Why do people still pretend refugees are criminals? They aren't.",
    "Not once in my life have I met women who were parasites.",
    "The idea that trans people are parasites is just wrong.",  # a lexicon term inside: negated, not quoted
    "Avant je pensais que les femmes étaient des parasites, mais je me trompais.",
    "Je refuse de croire que les musulmans sont des animaux.",
])
def test_a_refuted_claim_the_rules_found_is_negated_and_kept(engine, text):
    decision = decide(engine, text)
    assert decision.decision == "keep", (decision.reasons, decision.targeted)


@pytest.mark.parametrize("text", [
    # kept before: the frames that refute a slander deny a group its worth when they frame praise
    "There is no evidence that Jews are human.",
    "I've never met a refugee who was grateful.",
    "I used to think Muslims were peaceful, until I met some.",
    "Why do people pretend gay people are normal? They aren't.",
    "I refuse to believe that Jews are innocent.",
    "Rien ne prouve que les juifs soient humains.",
    "Je n'ai jamais rencontré de réfugié qui soit reconnaissant.",
    "Avant je pensais que les femmes étaient nos égales, mais je me trompais.",
])
def test_worth_called_false_is_derogation_in_force(engine, text):
    decision = decide(engine, text)
    assert decision.decision != "keep"
    assert any(t["kind"] == "derogation" and not t["negated"] and not t["reported"] for t in decision.targeted)


def test_a_slander_called_false_beside_worth_called_false():
    text = "There is no evidence that immigrants are violent. There is no evidence that they are honest either."
    assert claims(text) == ["immigrants are violent"]
    assert [text[start:end] for start, end in refutations(text)[1]] == ["they are honest either"]


@pytest.mark.parametrize("text, claim", [
    ("Oh yes, Muslims are coming to steal our jobs... said every generation ever.", "Muslims are coming to steal our jobs"),
    ("Yes, because immigrants are obviously behind every pothole in town. Get a grip.",
     "immigrants are obviously behind every pothole in town"),
    ('Remind me how refugees are "destroying" the country?', 'refugees are "destroying" the country'),
    ("Rappelez-moi comment les immigrés « détruisent » le pays ?", "les immigrés « détruisent » le pays"),
])
def test_a_claim_mocked_is_a_refutation(text, claim):
    assert set(claims(text)) == {claim}


@pytest.mark.parametrize("text", [
    "Oh yes, Muslims are so peaceful... get real.",  # worth mocked: the hate itself
    "Yes, because Jews are obviously innocent. Get a grip.",
])
def test_worth_mocked_is_derogation(engine, text):
    assert claims(text) == []
    assert decide(engine, text).decision != "keep"


@pytest.mark.parametrize("text", [
    # the claim opens on "they", the group named before it (held before on toxicity and identity_attack)
    "My neighbours are refugees. The idea that they are criminals is just wrong.",
    "Mes voisins sont des réfugiés. L'idée qu'ils soient des criminels est absurde.",
    "I grew up next to a Roma family. I used to think they were thieves, but I was wrong.",
])
def test_a_refuted_claim_about_they_is_about_the_group_named_before(engine, text):
    decision = decide(engine, text)
    assert decision.decision == "keep", (decision.reasons, decision.targeted)
    assert any(t["negated"] and t["kind"] == "derogation" for t in decision.targeted)


def test_worth_called_false_of_they_is_derogation(engine):
    decision = decide(engine, "Jews run the banks. There is no evidence that they are human.")
    assert decision.decision != "keep"
