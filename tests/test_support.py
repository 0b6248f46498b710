"""Support for the people a comment names, and respect or rights denied to them (moderation/support.py)."""

import pytest

from moderation.engine import Engine
from moderation.settings import load_settings
from moderation.support import denies_them_something_good, voices_praise, voices_support
from moderation.types import CommentInput


@pytest.fixture(scope="module")
def engine():
    return Engine.from_settings(load_settings(environ={}))


def decide(engine, text):
    return engine.decide([CommentInput("c", text)])[0]


@pytest.mark.parametrize("text", [
    # held by the shipped models before (toxicity, identity_attack or the threat head at the group bar)
    "Muslims should be able to live without fear.",
    "Jews deserve to feel safe in their own neighbourhood.",
    "I stand with refugees.",
    "Les juifs méritent de se sentir en sécurité dans leur quartier.",
    "Les personnes trans devraient pouvoir vivre sans peur.",
    "Disabled people are just as capable as anyone.",
    "We need more women in parliament.",  # the threat head at the group bar
    "Trans people deserve the same respect and fair treatment as anyone else.",  # the group bar (2026-12-06)
    "Les réfugiés méritent un traitement équitable de leur dossier.",
    "Interesting article. Would like to read more about how Muslims are affected by the cuts to bus services.",
    "Pourquoi les Roms sont-ils autant discriminés dans l'accès au logement ?",  # identity_attack
])
def test_support_for_a_group_is_kept(engine, text):
    decision = decide(engine, text)
    assert decision.decision == "keep", (decision.reasons, decision.scores)


@pytest.mark.parametrize("text", [
    "Black people do not deserve equal rights.",
    "Trans people don't deserve to be treated with dignity.",
    "Muslims don't deserve to feel safe here.",
    "Les immigrés ne méritent pas les mêmes droits que nous.",
    "Les femmes ne méritent pas le respect.",
    "Les Noirs ne méritent aucun respect.",
    "Muslims don't deserve the same respect as us.",  # read as a denial and kept until 2026-12-06
    "Les immigrés ne méritent pas le même respect que nous.",
    "Black people are not as smart as white people.",
    "Les Noirs ne sont pas aussi intelligents que les Blancs.",
    # no respect said in one's own voice (the group-neutral reading waived these: "I don't respect people")
    "I don't respect gay people.",
    "Je ne respecte pas les femmes.",
])
def test_respect_or_rights_denied_to_a_group_is_not_kept(engine, text):
    # these read as denials ("immigrants don't steal jobs") and were kept
    decision = decide(engine, text)
    assert decision.decision != "keep" and "identity_derogation" in decision.reasons, decision.reasons


@pytest.mark.parametrize("text", [
    "Immigrants don't steal jobs.",
    "Refugees don't deserve to be treated like animals.",
    "Les réfugiés ne méritent pas d'être traités comme des chiens.",
    "Women are not as well paid as men.",
    "Les femmes ne sont pas aussi bien payées que les hommes.",
])
def test_a_real_denial_or_sympathy_stays_kept(engine, text):
    assert decide(engine, text).decision == "keep"


@pytest.mark.parametrize("text, supports", [
    ("Refugees deserve to feel safe.", True),
    ("Muslims don't deserve to feel safe.", False),
    ("Les Roms ne méritent pas de vivre en paix.", False),
    ("Les Roms méritent pas de vivre en paix.", False),
    ("Do immigrants really deserve the same rights as us?", False),
    ("Women deserve respect but they should stay in the kitchen.", False),
    ("Women deserve the same respect and fair treatment as anyone else.", True),
    ("Refugees deserve a fair hearing.", True),
    ("I stand with trans people.", True),
    # harm done to them, stated or asked (2026-12-06)
    ("Would like to read more about how Roma are affected by the cuts.", True),
    ("Pourquoi les Roms sont-ils autant discriminés dans l'accès au logement ?", True),
    ("Racism against Black players has to stop.", True),
    ("Muslims are not discriminated against, they just whine.", False),
    ("Jews are persecuted because they control the banks.", False),
    ("Les juifs sont victimes d'une campagne, mais ils l'ont bien cherché.", False),
    ("Nous sommes solidaires des réfugiés.", True),
    # the same harm wished, or left for the reader to explain, is no sympathy (2026-12-06, sixth session)
    ("Gays should get persecuted.", False),
    ("I hope Jews get targeted by the next government.", False),
    ("Roma are excluded from every town. Ever wonder why?", False),
    ("Les Roms sont exclus de partout. Pas de fumée sans feu.", False),
    # nothing wrong with being one of them (2026-12-06, seventh session)
    ("There's nothing wrong with being gay.", True),
    ("Il n'y a rien de mal à être musulman.", True),
    ("There's nothing wrong with being gay, but keep it away from kids.", False),
    ("Roma are people like the rest of us, with the same hopes and worries.", True),
    ("Les handicapés sont des gens comme les autres.", True),
    ("Are Muslims people like the rest of us?", False),
    ("Love is love, and gay people deserve to marry whoever they choose.", True),
    # the odds of harm and the blame put on them (2026-12-07, thirteenth session)
    ("Gay people are more likely to be bullied at school.", True),
    ("You are more likely to be killed by a Christian than a Muslim.", False),  # "by": the agent
    ("Immigrants are blamed for everything, which is unfair.", True),
    ("Les immigrés sont accusés de tout, c'est injuste.", True),
    ("Les immigrés sont accusés de tout, à juste titre.", False),  # the blame endorsed
    ("Muslims are more likely to be arrested, because they commit more crimes.", False),
])
def test_what_reads_as_support(text, supports):
    assert voices_support(text) is supports


def test_a_disclaimer_of_support_does_not_free_what_follows(engine):
    decision = decide(engine, "Women deserve respect but they should stay in the kitchen.")
    assert decision.decision != "keep"


def test_something_good_denied_is_read_in_the_rules_text():
    text = "les immigres ne meritent pas les memes droits que nous"
    assert denies_them_something_good(text, 0, 30)
    assert not denies_them_something_good("les immigres ne volent pas le travail", 0, 30)


def test_support_next_to_a_word_of_violence_is_not_read_as_support(engine):
    decision = decide(engine, "Refugees deserve to feel safe, I'd kill anyone who hurts them.")
    assert decision.decision != "keep"


@pytest.mark.parametrize("text", [
    # held by the threat head at the group bar (0.17-0.80) before 2026-12-06
    "Congratulations to the first Black woman elected mayor of the city!",
    "The Christians in my town run the night shelter, credit where it's due.",
    "Bravo à la première femme noire élue maire de la ville !",
])
def test_praise_of_a_group_is_not_held_on_the_threat_heads_group_bar(engine, text):
    decision = decide(engine, text)
    assert decision.decision == "keep", (decision.reasons, decision.scores)


@pytest.mark.parametrize("text, praises", [
    ("Congratulations to the new mayor!", True),
    ("Hats off to the nurses.", True),
    ("Félicitations aux bénévoles.", True),
    ("Congratulations to the Muslims? For what?", False),
    ("Good to see them gone.", False),  # gloats as often as it praises: not read as praise
])
def test_what_reads_as_praise(text, praises):
    assert voices_praise(text) is praises


def test_sarcastic_praise_is_still_held_on_the_other_heads(engine):
    """Praise only lowers nothing but the threat head's group bar: what toxicity and identity_attack read holds."""
    decision = decide(engine, "Congratulations to the Muslims for another grooming gang.")
    assert decision.decision != "keep"
    assert "threat_group_hold" not in decision.reasons


def test_a_harm_wished_on_a_group_is_not_kept_as_sympathy(engine):
    # kept before 2026-12-06: "get persecuted" read as harm told, and support waived the models
    assert decide(engine, "Gays should get persecuted.").decision != "keep"


@pytest.mark.parametrize("text", [
    # held on toxicity, identity_attack or the threat head's group bar before 2026-12-07 (eighth session)
    "Disabled people have exactly the same right to a home and a job as anyone else.",
    "Muslim families live with threats and hate mail every single week, and they still open the mosque to everyone.",
    "It breaks my heart to read about trans people being beaten just for who they are.",
    "Women should not have to put up with abuse on the late train home.",
    "Agression contre des Roms cette nuit à Nantes : je suis de tout cœur avec les familles.",
    "Les juifs de ma ville vivent avec les menaces depuis des années et personne n'en parle.",
    "On ne devrait jamais juger un musulman sur ce qu'il est.",
    "Les réfugiés ? Ce sont des citoyens comme les autres.",
])
def test_harm_told_with_sympathy_rights_and_fair_judgement_are_kept(engine, text):
    decision = decide(engine, text)
    assert decision.decision == "keep", (decision.reasons, decision.scores)


@pytest.mark.parametrize("text, supports", [
    ("Black people have every right to be here.", True),
    ("Black people have no right to be here.", False),
    ("Jews live with hate every day.", True),
    ("Jews will face violence if they march here.", False),  # wished, not told
    ("Jews should face violence.", False),
    ("Reading about gay men being attacked for who they are makes me sick.", True),
    ("I love reading about gay men being attacked for who they are.", False),  # glee is no sympathy
    ("Les femmes subissent des insultes tous les jours.", True),
    ("Nobody should have to hide who they are.", True),
    ("You should never judge someone for being Muslim.", True),
])
def test_what_reads_as_harm_told_or_rights_owed(text, supports):
    assert voices_support(text) is supports


def test_a_word_of_violence_outside_the_harm_told_is_still_the_comments_own(engine):
    """The violence inside the harm told ("being killed for who they are") is not the comment's own;
    a threat beside it still is, and no sympathy frees the comment."""
    decision = decide(engine, "Muslims face hate every day and honestly I'd shoot the lot of them myself.")
    assert decision.decision != "keep"


@pytest.mark.parametrize("text", [
    "A Black woman runs the garage on our road and she's easily the most reliable mechanic I've had.",
    "Un réfugié tient la boulangerie du coin, c'est de loin la meilleure du quartier.",
])
def test_the_best_there_is_reads_as_praise(text):
    assert voices_praise(text)


@pytest.mark.parametrize("text, supports", [
    ("Gay couples pay their bills and moan about the weather, just like everyone else.", True),
    ("Learn to use a phone like everyone else, grandpa.", False),  # a demand, not a likeness
    ("Les musulmans de ma rue vont au marché le samedi, comme tout le monde.", True),
    ("Asylum seekers should be allowed to work while they wait.", True),
    ("Trans women face this kind of treatment every day.", True),
])
def test_ordinary_lives_and_what_they_should_be_allowed_read_as_support(text, supports):
    assert voices_support(text) is supports


@pytest.mark.parametrize("text", [
    "Plenty of Roma families live on our estate and it's one of the friendliest places I've lived.",
    "Il y a beaucoup de réfugiés dans mon immeuble, et c'est l'un des plus agréables du quartier.",
])
def test_one_of_the_best_reads_as_praise(text):
    assert voices_praise(text)


@pytest.mark.parametrize("text", [
    # held before 2026-12-07 (eighth session): the threat head's general bar (0.96), identity_attack
    "Shocking news about the attack on Muslims near the market. Thinking of the victims tonight.",
    "Whatever anyone here says, refugees belong here as much as anyone.",
    "Interdire la plage aux musulmanes ? Non. Elles ont le droit de nager comme les autres.",
    "Quoi qu'en disent certains, les Roms sont ici chez eux autant que nous.",
])
def test_sympathy_after_an_attack_and_belonging_are_kept(engine, text):
    decision = decide(engine, text)
    assert decision.decision == "keep", (decision.reasons, decision.scores)


def test_a_reviews_verdict_reads_as_praise():
    assert voices_praise("Saw the film about Roma families last night. Five stars, highly recommended.")


@pytest.mark.parametrize("text", [
    "Personne ne devrait haïr les juifs pour ce qu'ils sont.",
    "No one should hate Muslims for who they are.",
    "Un homme a tenté de tuer un Noir à Marseille ; toutes mes pensées vont à la victime.",
    "A man tried to kill a trans woman in Leeds last night. My thoughts are with her.",
])
def test_a_norm_against_hating_them_and_an_attempt_on_them_told_are_kept(engine, text):
    # held before 2026-12-07 (ninth session) on toxicity and identity_attack (0.61-0.96)
    decision = decide(engine, text)
    assert decision.decision == "keep", (decision.reasons, decision.scores)


def test_the_speakers_own_attempt_is_no_harm_told():
    assert not voices_support("I tried to kill a Muslim once.")


@pytest.mark.parametrize("text, praised", [
    ("Happy to see more Sikh voices on the radio these days.", True),
    ("Contente de voir plus de femmes noires à l'écran.", True),
    ("Happy to see more Muslims deported.", False),
])
def test_more_of_them_seen_reads_as_praise(text, praised):
    assert voices_praise(text) is praised


@pytest.mark.parametrize("text", [
    "Nobody should lose their job just for being a trans person.",
    "Muslims shouldn't be shut out of public life. Simple as that.",
    "Personne ne devrait perdre son emploi parce qu'il est juif.",
])
def test_what_no_one_should_lose_for_who_they_are_reads_as_support(text):
    assert voices_support(text)


@pytest.mark.parametrize("text", [
    "shocking that jews still get abuse like this in 2024. sending love to everyone affected",
    "Trans people get abuse every day and nobody cares.",  # "cares" is not the French « car » (because)
])
def test_abuse_they_get_reads_as_sympathy(text):
    assert voices_support(text)


def test_abuse_they_get_because_of_what_they_are_said_to_do_is_no_sympathy():
    assert not voices_support("Les Roms subissent des insultes car ils volent.")


@pytest.mark.parametrize("text", [
    # held before 2026-12-07 (ninth session): the threat head's general bar (0.92), its group bar
    "Ravi de voir de plus en plus de Noirs élus dans les conseils municipaux.",
    "Le documentaire donne enfin la parole aux Roms eux-mêmes, et ça change tout.",
    "ma meilleure pote bosse ds une asso qui aide les juifs, c trop bien ce qu'elle fait là-bas",
])
def test_praise_help_and_a_voice_given_are_kept(engine, text):
    decision = decide(engine, text)
    assert decision.decision == "keep", (decision.reasons, decision.scores)


@pytest.mark.parametrize("text", [
    "You've got it backwards. Jews are far more often the victims of violence in this city than the ones dishing it out.",
    "L'agression de ce week-end contre un juif en pleine rue est révoltante. J'espère que la victime est bien entourée.",
])
def test_victims_and_attacks_told_with_words_between_read_as_sympathy(text):
    assert voices_support(text)


def test_victims_denied_are_no_sympathy():
    assert not voices_support("Jews are never victims of anything.")


@pytest.mark.parametrize("text", [
    "Magnifique portrait de ces immigrés qui font vivre le marché du centre-ville.",
    "Lovely piece about the Roma families who run the Sunday market.",
])
def test_a_piece_about_them_praised_reads_as_praise(text):
    assert voices_praise(text)


# A probe of counter-speech in defence of a group (2026-12-07, fourteenth session): blame refused and
# comments condemned were held on identity_attack (0.6-0.9) or read as derogation of the group.
@pytest.mark.parametrize("text", [
    "Stop using refugees as scapegoats.",
    "Every time something goes wrong, people blame immigrants. Enough.",
    "Blame disabled people, as usual. So lazy.",
    "Arrêtez de faire des Roms des boucs émissaires.",
    "À chaque problème, on accuse les immigrés. Ça suffit.",
    "On accuse les musulmans, comme d'habitude. Facile.",
    "Some of the comments here about Muslims are disgraceful. They're our neighbours.",
])
def test_blame_refused_and_comments_condemned_are_kept(engine, text):
    decision = decide(engine, text)
    assert decision.decision == "keep", (decision.reasons, decision.targeted)


@pytest.mark.parametrize("text", [
    "Every time something goes wrong, people blame immigrants. And they're right to.",
    "Immigrants aren't scapegoats, they're the problem.",
    "Les commentaires sur les Roms sont trop gentils, ce sont des voleurs.",
])
def test_blame_endorsed_or_moved_onto_the_group_is_not_kept(engine, text):
    assert decide(engine, text).decision != "keep"


@pytest.mark.parametrize("text", [
    # a group defended (held on toxicity and identity_attack before, 2026-12-07, fourteenth session)
    "Leave trans people alone.",
    "Laissez les Roms tranquilles.",
    "Don't lump all Muslims in with a few extremists.",
    "Ne mettez pas tous les musulmans dans le même sac.",
    "You're confusing refugees with terrorists.",
    "Vous confondez les musulmans et les terroristes.",
    "Without immigrants our hospitals would collapse.",
    "Sans les immigrés, nos hôpitaux ne tourneraient pas.",
    "A bit of respect for disabled people, please.",
    "Muslims have nothing to do with these attacks.",
    "It's too easy to pick on refugees.",
])
def test_a_group_defended_is_kept(engine, text):
    decision = decide(engine, text)
    assert decision.decision == "keep", (decision.reasons, decision.targeted)


@pytest.mark.parametrize("text", [
    "Leave Muslims alone? No, deport them.",
    "Don't lump all immigrants together: the Syrians are even worse than the rest.",
    "Leave the gays alone, they'll die out on their own.",
    "Laissez les Roms tranquilles, ils finiront bien par partir.",
    "It's too easy to pick on Muslims, but honestly they make it easy.",
    "Without immigrants, our streets would be safe.",  # kept before on the group-neutral reading
    "Sans les immigrés, nos rues seraient plus sûres.",
])
def test_a_defence_turned_or_asked_is_not_kept(engine, text):
    assert decide(engine, text).decision != "keep"


@pytest.mark.parametrize("text", [
    "Accuser tous les musulmans pour ce qu'a fait un seul homme, c'est injuste.",
    "Judging all refugees for the crimes of a few is wrong.",
])
def test_collective_blame_refused_is_kept(engine, text):
    decision = decide(engine, text)
    assert decision.decision == "keep", (decision.reasons, decision.targeted)


def test_collective_blame_endorsed_is_not_kept(engine):
    assert decide(engine, "Judging all Jews for what a few did is right, they are all the same.").decision != "keep"


def test_the_ordinary_duties_of_anyone_read_as_support(engine):
    assert decide(engine, "Muslims pay their taxes like everyone else.").decision == "keep"  # toxicity 0.72 before
    assert decide(engine, "Immigrants should pay their taxes like everyone else.").decision != "keep"
