"""Threats and slur-free derogation as evidence: what is found, what is negated or reported, spans."""

import shutil

import pytest

from moderation import targeting
from moderation.settings import PROJECT_ROOT
from moderation.targeting import TargetRules, TargetRulesError
from moderation.text.space_cuts import split_variants

RULES_DIR = PROJECT_ROOT / "config" / "targets"


@pytest.fixture(scope="module")
def rules():
    return TargetRules.load(RULES_DIR)


def kinds(rules, text, language):
    return [(h.kind, h.target, h.negated, h.reported) for h in rules.find(text, language)]


def of_kind(rules, text, language, kind):
    """Every hit of `kind`, in the comment's own voice or not."""
    return [h for h in rules.find(text, language) if h.kind == kind]


def in_force(rules, text, language, kind):
    """The hits of `kind` that the comment says in its own voice (neither negated nor reported)."""
    return [h for h in of_kind(rules, text, language, kind) if h.in_force]


@pytest.mark.parametrize("text, language, target", [
    ("I'm going to kill you tonight", "en", "person"),
    ("someone should shoot that journalist", "en", "person"),
    ("they should all be hanged", "en", "person"),
    ("refugees should be gassed", "en", "immigrants"),
    ("I hope you die slowly", "en", "person"),
    ("death to all jews", "en", "jews"),
    ("je vais te tuer", "fr", "person"),
    ("il faut tous les fusiller", "fr", "person"),
    ("qu'ils crèvent, ces gens-là", "fr", "person"),
    ("à mort les homosexuels", "fr", "homosexuels"),
    ("les musulmans méritent de mourir", "fr", "musulmans"),
    ("the mayor should be dragged out and hanged", "en", "person"),
    ("Refugees who cross illegally should all be shot", "en", "immigrants"),
    ("that columnist needs a bullet in the head", "en", "person"),
    ("keep talking and I'll put you in the hospital", "en", "person"),
    ("tu vas prendre une balle un de ces jours", "fr", "person"),
    ("faudrait aller chez lui et le planter", "fr", "person"),
])
def test_threats_are_found_with_their_target(rules, text, language, target):
    assert ("threat", target, False, False) in kinds(rules, text, language)


# The participles of the verbs of violence (config/targets [sets] violent_done, completed 2026-12-06
# from the `violent` list): a wish or call that someone be so treated is a threat; the same word
# reporting what happened is news, and "hunted down" asks for the police.
@pytest.mark.parametrize("text, language", [
    ("That commenter deserves to be knifed.", "en"), ("The councillor should be kneecapped.", "en"),
    ("Every one of those traitors should be poisoned.", "en"), ("The referee deserves to be run over.", "en"),
    ("That journalist should be set on fire.", "en"), ("Cette journaliste mérite d'être poignardée.", "fr"),
    ("Ces gens-là mériteraient d'être étranglés.", "fr"), ("Ce député devrait être mis à mort.", "fr"),
    # someone named in passing ("calling herself", "named")
    ("The user calling herself rosebud77 should be shot.", "en"), ("The troll named Gaz deserves to be knifed.", "en"),
    # the instruments of an execution deserved
    ("They all deserve the gas chamber.", "en"), ("That traitor deserves the firing squad.", "en"),
    ("Il mérite la corde.", "fr"), ("Ils méritent tous la chaise électrique.", "fr"),
])
def test_a_wish_that_someone_be_treated_violently_is_a_threat(rules, text, language):
    assert in_force(rules, text, language, "threat")


@pytest.mark.parametrize("text, language", [
    ("A man was knifed outside the station last night.", "en"), ("Two teenagers were knifed in the park, police said.", "en"),
    ("The killers must be hunted down.", "en"), ("The shopkeeper was kidnapped and later released.", "en"),
    ("Un homme a été poignardé devant la gare.", "fr"), ("La victime avait été étranglée, selon l'enquête.", "fr"),
    ("The film called Unforgiven will be shown again.", "en"), ("They all deserve a medal for this.", "en"),
    ("Ce film mérite la palme d'or.", "fr"),
])
def test_violence_reported_or_pursued_by_justice_is_not_a_threat(rules, text, language):
    assert not in_force(rules, text, language, "threat")


# Driving a vehicle into people, with the adverbs that say how ("straight", "right", "at full
# speed"): a call to attack the gathering; an accident told as news is not.
@pytest.mark.parametrize("text, threat", [
    ("Someone should drive a van right into that pride parade.", True),
    ("Somebody should drive a truck at full speed into the protest.", True),
    ("The driver lost control and the car went straight through the crowd.", False),
])
def test_driving_into_a_gathering_is_a_veiled_threat(rules, text, threat):
    assert bool(in_force(rules, text, "en", "veiled_threat")) == threat


# The trope of a group that secretly controls things, said in the passive or as a compound
# (2026-12-06): derogation in force; the same words about a shop or about billionaires are not.
@pytest.mark.parametrize("text, language, derogation", [
    ("The media is controlled by the Jews.", "en", True),
    ("Hollywood is owned by the Jews, everyone knows it.", "en", True),
    ("Jew-controlled media strikes again.", "en", True),
    ("Les médias sont contrôlés par les juifs.", "fr", True),
    ("La finance est aux mains des juifs, c'est connu.", "fr", True),
    ("The press is controlled by billionaires.", "en", False),
    ("La boulangerie est tenue par des musulmans très sympas.", "fr", False),
])
def test_a_group_said_to_control_the_media_or_the_banks_is_derogation(rules, text, language, derogation):
    assert bool(in_force(rules, text, language, "derogation")) == derogation


# Idioms of dying ([sets] wish in English, death in French, 2026-12-06): wished on someone, a threat;
# said of someone who died, or of a thing, not.
@pytest.mark.parametrize("text, language, threat", [
    ("I hope they all kick the bucket soon.", "en", True),
    ("I hope that journalist ends up in a body bag.", "en", True),
    ("J'espère qu'ils vont tous casser leur pipe.", "fr", True),
    ("Ces gens-là devraient finir six pieds sous terre.", "fr", True),
    ("My grandad finally kicked the bucket last week, aged 97.", "en", False),
    ("I hope my old laptop doesn't croak before the deadline.", "en", False),
    ("Mon grand-père a cassé sa pipe l'an dernier.", "fr", False),
])
def test_idioms_of_dying_wished_on_someone_are_threats(rules, text, language, threat):
    assert bool(in_force(rules, text, language, "threat")) == threat


@pytest.mark.parametrize("text, language, target", [
    ("Your days are numbered, clown.", "en", "person"),
    ("You won't see it coming, mate.", "en", "person"),
    ("My boys know what you look like now.", "en", "person"),
    ("I've got a rifle and your home address.", "en", "person"),
    ("Show up at the rally again and you won't walk home in one piece.", "en", "person"),
    ("Muslims in this town had better watch their backs.", "en", "muslims"),
    ("Hope a suicide bomber shows up at the mosque on Friday.", "en", "person"),
    ("Someone should drive a truck through one of those pride marches.", "en", "person"),
    ("Tu vas regretter d'avoir écrit ça, crois-moi.", "fr", "person"),
    ("On sait à quelle heure tu sors du boulot.", "fr", "person"),
    ("Si je te croise au stade, tu repars en ambulance.", "fr", "person"),
    ("Les juifs de ce quartier ne seront plus en sécurité.", "fr", "juifs"),
    ("J'espère qu'une bombe explosera pendant leur prière du vendredi.", "fr", "person"),
    # warnings, luck running out, a family's routine (added 2026-12-04)
    ("This is your last warning.", "en", "person"),
    ("Next time you won't be so lucky.", "en", "person"),
    ("Do you know where your kids are right now?", "en", "person"),
    ("On te surveille.", "fr", "person"),
    ("T'es prévenu.", "fr", "person"),
    ("Tes enfants vont à quelle école déjà ?", "fr", "person"),
    # the French future for "your family will pay" (2026-12-06)
    ("Ta famille paiera pour cet article, c'est une promesse.", "fr", "person"),
    ("Ta maison brûlera une nuit, tu verras.", "fr", "person"),
    ("Ta famille va payer cher.", "fr", "person"),
    ("Your kids will pay for this.", "en", "person"),
    # protection the reader is told they will need (2026-12-06)
    ("See you at your office Monday. Bring security, you'll need it.", "en", "person"),
    ("Je passe lundi. Préviens la sécurité, t'en auras besoin.", "fr", "person"),
    # what only someone watching the reader knows (2026-12-06)
    ("Got your number plate now, Dave. See you around.", "en", "person"),
    ("Some of us have clocked your school run, Mrs Hall.", "en", "person"),
    ("I know exactly what car you drive.", "en", "person"),
    ("On connaît ton digicode maintenant. Dors bien.", "fr", "person"),
    ("Je sais déjà où tu dors, mon pote.", "fr", "person"),
])
def test_veiled_threats_are_found_with_their_target(rules, text, language, target):
    """Menace without a violent verb: its own kind, held by default where an open threat removes."""
    assert ("veiled_threat", target, False, False) in kinds(rules, text, language)


@pytest.mark.parametrize("text, language", [
    ("You'll regret missing the final, it was brilliant.", "en"),
    ("Enjoy your last weekend of the holidays!", "en"),
    ("I know what you look like from your profile photo, see you at the meetup", "en"),
    ("Keep writing like this and you'll win an award.", "en"),
    ("I hope no bomb goes off at the parade, security looked thin.", "en"),
    ("Police say a bomb went off at the mosque; three worshippers were hurt.", "en"),
    ("Fais gaffe à toi sur la route, ça glisse ce soir.", "fr"),
    ("Tu vas regretter d'avoir raté ce concert !", "fr"),
    ("Les retraités vont payer plus de taxes avec cette réforme.", "fr"),
    ("The film is three hours long, you've been warned!", "en"),
    ("This is your last warning before the subscription renews, says the email.", "en"),
    ("We got lucky this time with the weather.", "en"),
    ("Je te surveille les enfants samedi si tu veux.", "fr"),
    ("Dernier avertissement de Météo France avant la tempête.", "fr"),
    ("On se reverra l'année prochaine au festival.", "fr"),
    # paying money is not paying for it (2026-12-06)
    ("Your family will pay less tax under this budget.", "en"),
    ("Your kids will pay off the mortgage one day.", "en"),
    ("Ta famille va payer moins d'impôts avec ce budget.", "fr"),
    ("Ta famille paiera les impôts comme tout le monde.", "fr"),
    ("Bring an umbrella, you'll need it.", "en"),
    ("Call the police, you'll need them to file the report for insurance.", "en"),
    ("Prends un parapluie, t'en auras besoin.", "fr"),
    ("Appelle la police, t'en auras besoin pour l'assurance.", "fr"),
    ("We have your car reg on file for the parking permit.", "en"),
    ("On a ta plaque d'immatriculation dans notre fichier clients.", "fr"),
    ("Do you know what time the match starts?", "en"),
])
def test_harmless_sentences_with_the_words_of_veiled_threats_are_not_threats(rules, text, language):
    assert [k for k in kinds(rules, text, language) if k[0] in ("threat", "veiled_threat")] == []


@pytest.mark.parametrize("text, language, target", [
    ("Immigrants are vermin", "en", "immigrants"),
    ("I can't stand gay people", "en", "gay"),
    ("women should not be allowed to vote", "en", "women"),
    ("Why are Jews so greedy?", "en", "jews"),
    ("I saw some Roma at the station. They are parasites.", "en", "roma"),
    ("les migrants sont des cafards", "fr", "immigres"),
    ("je supporte pas les musulmans", "fr", "musulmans"),
    ("Des Roms devant la gare. Ils sont tous des voleurs.", "fr", "roms"),
    # monsters, demons, vermin of other names (added 2026-12-03)
    ("Refugees are monsters", "en", "immigrants"),
    ("les musulmans sont des monstres", "fr", "musulmans"),
    ("les tr4ns s0nt d3s m0nstr3s", "fr", "trans"),
    ("Les gitans ? Des moins que rien.", "fr", "roms"),
    ("Je respecte les femmes, mais elles sont trop émotives pour diriger", "fr", "femmes"),  # as "too emotional"
    # scapegoating (added 2026-12-03)
    ("Immigrants are destroying this country", "en", "immigrants"),
    ("les musulmans sont responsables de tous nos problèmes", "fr", "musulmans"),
    ("Les musulmans sont des cafard", "fr", "musulmans"),  # the silent plural s left out
    # peoples named by their country, and forms of disabled / indigenous (added 2026-12-04)
    ("I really hate Poles.", "en", "eastern_europeans"),
    ("Nigerians are nothing but vermin.", "en", "black"),
    ("Native Americans are subhuman.", "en", "indigenous"),
    ("handicapped people are a burden", "en", "disabled"),
    ("Je déteste les Sénégalais.", "fr", "noirs"),
    ("Les Tchétchènes sont de la vermine.", "fr", "arabes"),
    ("les roumains sont tous des voleurs", "fr", "europeens_est"),
    # "ce sont" / "c'est des" taking up a group named earlier; a group put first, taken up by "c'est"
    ("J'ai croisé des Roms hier. Ce sont tous des parasites.", "fr", "roms"),
    ("Les migrants arrivent par milliers. C'est que des profiteurs.", "fr", "immigres"),
    ("franchement les musulmans c'est dégueulasse", "fr", "musulmans"),
    ("Les Marocains, c'est tous des voleurs.", "fr", "arabes"),
    # a disclaimer announcing the prejudice that follows "but" (added 2026-12-04)
    ("I'm not racist, but Mexicans are ruining this country.", "en", "latino"),
    ("I have nothing against gay people but they shouldn't be allowed near kids.", "en", "gay"),
    ("Je suis pas raciste mais les Arabes n'ont jamais rien apporté.", "fr", "arabes"),
    ("Je respecte les femmes, hein, mais leur place c'est à la cuisine.", "fr", "femmes"),
    # tropes without a degrading word (added 2026-12-04)
    ("Jews control the media.", "en", "jews"),
    ("This doesn't feel like our country anymore with all these Muslims.", "en", "muslims"),
    ("Typical Muslim behaviour.", "en", "muslims"),
    ("Immigrants should go home.", "en", "immigrants"),
    ("Les juifs contrôlent les médias.", "fr", "juifs"),
    ("On n'est plus chez nous avec tous ces Arabes.", "fr", "arabes"),
    ("Les musulmans ça pue.", "fr", "musulmans"),
    ("Quelle engeance ces Roms.", "fr", "roms"),
    ("Les Roms ne sont bons qu'à voler.", "fr", "roms"),
    ("Ces migrants, qu'ils retournent dans leur pays.", "fr", "immigres"),
    ("Des migrants partout. Qu'ils retournent chez eux.", "fr", "immigres"),
    # what a group "does", and the reproach put before it (added 2026-12-04)
    ("Gypsies don't respect anything.", "en", "roma"),
    ("They ruin everything, these Muslims.", "en", "muslims"),
    ("Les Roms foutent la merde partout.", "fr", "roms"),
    ("Tous des voleurs, ces Roms.", "fr", "roms"),
    ("Ils puent, ces musulmans.", "fr", "musulmans"),
    ("J'ai vu des Roms au marché. Ils ne respectent rien.", "fr", "roms"),
])
def test_derogation_of_a_group_is_found(rules, text, language, target):
    assert ("derogation", target, False, False) in kinds(rules, text, language)


@pytest.mark.parametrize("text, language", [
    ("This bill will kill small businesses", "en"),
    ("The heat is killing me today", "en"),
    ("Police said the man was stabbed outside the station on Friday", "en"),
    ("Our striker will shoot from anywhere", "en"),
    ("Muslims make up 6% of the population", "en"),
    ("Women are under-represented on company boards", "en"),
    ("cette réforme va tuer les petits commerces", "fr"),
    ("je suis crevé après cette semaine", "fr"),
    ("l'enfant a été battu à mort, selon le parquet", "fr"),
    ("Les juifs de Strasbourg fêtent Hanoukka", "fr"),
    ("on va les écraser dimanche au stade", "fr"),
    ("Mes enfants sont des petits monstres le dimanche matin", "fr"),  # no identity group
    ("The kids were little monsters at the party", "en"),
    # "c'est" judging what is done to a group, and a cleft naming who did it (added 2026-12-04)
    ("Expulser les Roms, c'est dégueulasse.", "fr"),
    ("Des Roms ont été agressés hier soir. Ce sont des racailles qui ont fait ça.", "fr"),
    ("Les migrants traversent la Manche en canot. C'est la honte de l'Europe.", "fr"),
    ("The poles are melting faster than the models predicted", "en"),
    # a disclaimer with nothing about a group after its "but"
    ("I'm not racist but I think the new immigration bill is badly drafted.", "en"),
    ("No offence but your article is rubbish.", "en"),
    ("Je respecte les femmes et je pense qu'elles doivent être mieux payées.", "fr"),
    # the same words about something else: owning, running, going home for the holidays
    ("Women run the country's best startups.", "en"),
    ("The Chinese government controls the media there.", "en"),
    ("Chinese students go home for the holidays.", "en"),
    ("Les étudiants chinois doivent rentrer chez eux pour les vacances.", "fr"),
    ("Les règles pour les Roms ne respectent rien du droit européen.", "fr"),
    ("Les orages détruisent tout, disent les agriculteurs.", "fr"),
])
def test_idioms_news_and_benign_mentions_are_not_abuse(rules, text, language):
    assert kinds(rules, text, language) == []


@pytest.mark.parametrize("text, language", [
    ("I would never say that immigrants are vermin", "en"),
    ("It's not true that women are inferior", "en"),
    ("Nobody should think gay people are disgusting", "en"),
    ("Ce n'est pas vrai que les immigrés sont des criminels", "fr"),
    ("Immigrants are not a burden, the figures show the opposite", "en"),
    ("It's a myth that Muslims want to take over", "en"),
    ("Je ne déteste pas du tout les juifs, au contraire", "fr"),
    ("Les handicapés ne coûtent pas trop cher à la société", "fr"),
    ("Being trans is not a mental illness according to the WHO.", "en"),
])
def test_negated_abuse_is_marked_negated(rules, text, language):
    found = rules.find(text, language)
    assert found and all(hit.negated for hit in found)


@pytest.mark.parametrize("text, language", [
    ("Saying 'refugees should be shot' is disgusting", "en"),
    ("He was chanting that immigrants are rats, and got arrested", "en"),
    ("Dire « les juifs doivent mourir » est ignoble", "fr"),
    # a view put to the reader to answer it, or repeated by someone else (2026-12-06, sixth session)
    ("If you think Muslims are animals, you are the problem.", "en"),
    ("If you believe disabled people should be shot, get help.", "en"),  # the threat's match opens on "you"
    ("Si vous pensez que les Roms sont des animaux, le problème c'est vous.", "fr"),
    ("Si tu crois qu'il faut fusiller les musulmans, fais-toi soigner.", "fr"),
    ("Mon oncle répète que les Roms sont de la vermine.", "fr"),
])
def test_reported_or_quoted_abuse_is_marked_reported(rules, text, language):
    found = rules.find(text, language)
    assert found and all(hit.reported or hit.negated for hit in found)


@pytest.mark.parametrize("text, language", [
    ("Isn't it obvious that Muslims are violent?", "en"),
    ("Vous ne trouvez pas que les juifs sont des parasites ?", "fr"),
    ("Les immigrés, c'est pas des cafards au fond ?", "fr"),
])
def test_rhetorical_questions_are_not_negations(rules, text, language):
    found = of_kind(rules, text, language, "derogation")
    assert found and all(h.in_force for h in found)


@pytest.mark.parametrize("text, language", [
    ("I think that gay people are disgusting.", "en"),
    ("Je pense que les handicapés n'auraient jamais dû naître.", "fr"),
    ("On n'a pas le droit de dire que les noirs sont moins intelligents ? C'est pourtant prouvé.", "fr"),
    ("If you think about it, Muslims are animals.", "en"),
    ("If you think Muslims are animals, you're right.", "en"),  # put to the reader, then granted
    ("Si vous pensez que les Roms sont des animaux, vous avez raison.", "fr"),
    ("Je répète que les Roms sont des animaux.", "fr"),
    ("Quand on y pense, les Roms sont des animaux.", "fr"),
])
def test_the_speakers_own_opinion_is_not_reported_speech(rules, text, language):
    """'They think that ...' reports; 'I think that ...' and 'we can't even say that ...' say it."""
    found = of_kind(rules, text, language, "derogation")
    assert found and any(h.in_force for h in found)


def test_a_denial_never_hides_exclusion_or_dehumanisation(rules):
    assert [h.in_force for h in rules.find("Muslims don't belong in this country", "en")] == [True]
    assert [h.in_force for h in rules.find("Gay people aren't human", "en")] == [True]
    assert [h.in_force for h in rules.find("les Roms ne sont pas des êtres humains", "fr")] == [True]


def test_but_ends_a_disclaimer(rules):
    found = rules.find("I'm not racist but immigrants are rats", "en")
    assert [(h.kind, h.negated) for h in found] == [("derogation", False)]


@pytest.mark.parametrize("text", ["ihatemuslims", "women-are-trash", "m u s l i m s are vermin", "immigraaaants are vermin",
                                  "1mm1grants are v3rmin"])
def test_obfuscated_spacing_stretching_and_leet_are_seen_through(rules, text):
    assert [h.kind for h in rules.find(text, "en")] == ["derogation"]


def test_spans_index_the_original_text(rules):
    text = "Well. M u s l i m s are vermin, said nobody sane"
    [hit] = of_kind(rules, text, "en", "derogation")
    assert text[hit.start:hit.end] == hit.matched and hit.matched.startswith("M u s")


def test_undetermined_text_is_read_with_every_language(rules):
    assert [h.kind for h in rules.find("crevez tous", "und")] == ["threat"]
    assert [h.kind for h in rules.find("kill them all", "und")] == ["threat"]


def test_a_bad_pattern_is_a_clear_error(tmp_path):
    (tmp_path / "xx.toml").write_text('language = "xx"\n[groups]\n[sets]\n[patterns]\nthreat = ["{nowhere} kill"]\n')
    with pytest.raises(TargetRulesError, match="unknown set"):
        TargetRules.load(tmp_path)
    with pytest.raises(TargetRulesError, match="no targeted-abuse rules"):
        TargetRules.load(tmp_path / "empty")


def test_the_version_is_the_rules_content_wherever_the_folder_is(rules, tmp_path):
    # a decision records it and rescoring compares it: the same rules must give the same version in
    # every process and on every machine, whatever the folder is called
    copy = shutil.copytree(RULES_DIR, tmp_path / "elsewhere")
    assert rules.version.startswith("tgt-")
    assert TargetRules.load(copy).version == TargetRules.load(copy, cache_dir=tmp_path / "cache").version == rules.version


def test_the_version_changes_with_a_rules_files_content(rules, tmp_path):
    copy = shutil.copytree(RULES_DIR, tmp_path / "targets")
    english = copy / "en.toml"
    english.write_text(english.read_text("utf-8").replace('degrading = [', 'degrading = ["zorgish", ', 1), "utf-8")
    edited = TargetRules.load(copy)
    assert [h.kind for h in edited.find("muslims are zorgish", "en")] == ["derogation"]  # the edit is read
    assert rules.find("muslims are zorgish", "en") == []
    assert edited.version != rules.version


def test_the_version_changes_with_the_loaders_revision(rules, monkeypatch):
    # the same files read differently decide differently: RULES_REVISION is bumped for that
    monkeypatch.setattr(targeting, "RULES_REVISION", targeting.RULES_REVISION + "+next")
    assert TargetRules.load(RULES_DIR).version != rules.version


@pytest.mark.parametrize("text, language, expected", [
    ("I will find you.", "en", True),
    ("Tell your family.", "en", True),
    ("that journalist again", "en", True),
    ("Netflix killed off my favourite character", "en", False),
    ("Je t'attends à la sortie", "fr", True),
    ("Toi, tu vas voir", "fr", True),
    ("mdrrr jsuis morte", "fr", False),
    ("La canicule tue les plantes", "fr", False),
    # someone pointed at without a name or a "you" (since 2026-12-03): French demonstratives as
    # English has "that man", and the next one who does something
    ("Si je croise celui-là au bar, il va comprendre", "fr", True),
    ("Le prochain qui me double, je le sors de sa voiture", "fr", True),
    ("Cette meuf a du culot", "fr", True),
    ("The next guy who cuts me off is going to regret it", "en", True),
    ("Ce concert était génial", "fr", False),  # "ce con" is a word, not the start of one
    ("Celui-ci est meilleur que l'ancien modèle", "fr", False),  # "celui-ci" names things as often
    # everyone at once is no one person ([sets] crowd, 2026-12-06)
    ("J'espère que tout le monde va bien.", "fr", False),
    ("I hope everyone on that ferry is okay.", "en", False),
])
def test_names_person_finds_who_a_comment_speaks_to_or_about(text, language, expected):
    rules = TargetRules.load(PROJECT_ROOT / "config" / "targets")
    assert rules.names_person(text, language) is expected


@pytest.mark.parametrize("text, language, expected", [
    ("Praying someone takes a shot at the PM at the next rally.", "en", True),
    ("Someone needs to put a bullet in that MP.", "en", True),
    ("Any journalist who prints this should be stoned.", "en", True),
    ("Quelqu'un devrait se débarrasser du maire.", "fr", True),
    ("On finira par les pendre, ces journalistes.", "fr", True),
    ("Je vais régler son compte à l'éditorialiste.", "fr", True),
    # things, not people: words left out of the roles, and a role with no determiner before it
    ("I'll burn that poster of the band, it's faded anyway.", "en", False),
    ("Therefore the referendum failed.", "en", False),  # "the" + "ref" inside words
    ("Journalists were at the scene.", "en", False),
    ("La sélection du jury est terminée.", "fr", False),
])
def test_a_person_named_by_role_is_read(rules, text, language, expected):
    assert rules.read(text, language).names_role is expected


@pytest.mark.parametrize("text, language", [
    ("Someone needs to suffocate that journalist.", "en"),
    ("I'm going to throttle the councillor when I see him.", "en"),
    ("I want to smother her in her sleep.", "en"),
    ("The only good immigrant is a dead one.", "en"),
    ("Un bon immigré est un immigré mort.", "fr"),
    ("Je vais étrangler ce député.", "fr"),
])
def test_threats_with_the_verbs_and_tropes_added_on_2026_12_05(rules, text, language):
    assert in_force(rules, text, language, "threat"), text


@pytest.mark.parametrize("text, language, group", [
    ("Gay couples should not be allowed to adopt", "en", "gay"),
    ("I will shoot every black protester on that road", "en", "black"),
    ("Muslim kids are vermin", "en", "muslims"),
    ("il faut fusiller les familles musulmanes", "fr", "musulmans"),
    ("les jeunes noirs sont des animaux", "fr", "noirs"),
])
def test_an_identity_adjective_before_a_noun_for_people_names_the_group(rules, text, language, group):
    # "gay couples", "black protesters", "des familles musulmanes": not in the group's own list of
    # forms, but the group is whoever the adjective describes
    hits = rules.find(text, language)
    assert [h.target for h in hits] == [group] and hits[0].in_force
    assert group in rules.groups_named(text, language)


@pytest.mark.parametrize("text, language", [
    ("the black dog bit the white cat", "en"),
    ("a blind spot in the policy", "en"),
    ("les familles nombreuses et les jeunes diplômés", "fr"),
])
def test_an_identity_adjective_on_anything_but_people_names_no_group(rules, text, language):
    assert rules.groups_named(text, language) == []


def test_group_mentions_tell_one_member_from_the_group(rules):
    text = "a black guy and some gay couples"
    mentions = rules.group_mentions(text, "en")
    assert [(text[s:e], group, one) for s, e, group, one in mentions] == [
        ("black guy", "black", True), ("gay couples", "gay", False)]


@pytest.mark.parametrize("text, language, kind", [
    ("I will break your legs if you come back", "en", "threat"),
    ("we're gonna cave his skull in", "en", "threat"),
    ("I hope someone kicks that referee to death", "en", "threat"),
    ("I'll be waiting for you by the gate with a crowbar", "en", "veiled_threat"),
    ("post that reporter's home address here", "en", "veiled_threat"),
    ("je vais te péter les dents", "fr", "threat"),
    ("on t'attendra devant le lycée avec des battes", "fr", "veiled_threat"),
    ("toi tu vas te faire éclater la tête", "fr", "veiled_threat"),
])
def test_harm_to_the_body_waiting_with_a_weapon_and_doxxing_are_threats(rules, text, language, kind):
    hits = rules.find(text, language)
    assert [(h.kind, h.in_force) for h in hits] == [(kind, True)], hits


@pytest.mark.parametrize("text, language", [
    ("This song will break your heart", "en"),
    ("He was beaten to death by a mob in 1998, the inquiry found", "en"),
    ("send me your address and I'll post the book", "en"),
    ("I'll meet you at the station with a flask of tea", "en"),
    ("je vais me casser la tête sur ce problème", "fr"),
    ("je t'attends au café avec un croissant", "fr"),
])
def test_the_same_words_without_menace_are_not_threats(rules, text, language):
    assert rules.find(text, language) == []


def test_a_short_group_name_inside_a_word_is_not_the_target(rules):
    # "men" hides in "commentator": only forms of five letters or more count when run together
    hits = rules.find("I'd pay to watch someone beat this commentator to death", "en")
    assert [(h.kind, h.target) for h in hits] == [("threat", "person")]
    assert [h.target for h in rules.find("ihatemuslims", "en")] == ["muslims"]


@pytest.mark.parametrize("text, language, matched, target", [
    ("Mslims are vermin", "en", "Mslims are vermin", "muslims"),
    ("I hate blakc people", "en", "I hate blakc people", "black"),
    ("Trans people are disgustnig", "en", "Trans people are disgustnig", "trans"),
    ("Je déteste les fmmes", "fr", "Je déteste les fmmes", "femmes"),
    ("Les musulmnas sont des rats", "fr", "Les musulmnas sont des rats", "musulmans"),
    ("Im-mi-grants are p@rasites", "en", "Im-mi-grants are p@rasites", "immigrants"),
    ("les im-mi-grés sont des pa-ra-sites", "fr", "les im-mi-grés sont des pa-ra-sites", "immigres"),
])
def test_a_group_or_its_insult_misspelt_or_cut_by_hyphens_is_read_through(rules, text, language, matched, target):
    hits = of_kind(rules, text, language, "derogation")
    assert [(h.matched, h.target) for h in hits] == [(matched, target)]
    assert text[hits[0].start:hits[0].end] == matched


@pytest.mark.parametrize("text, language, target", [
    ("wmen are useless", "en", "women"),
    ("womn are useless", "en", "women"),  # "women" or "woman": one group either way
    ("trns people are disgusting", "en", "trans"),
    ("Je supporte plus ces jufs", "fr", "juifs"),
    ("je hais les Nirs", "fr", "noirs"),
])
def test_a_five_letter_group_name_less_an_inner_letter_is_read_through(rules, text, language, target):
    assert [h.target for h in of_kind(rules, text, language, "derogation")] == [target]


@pytest.mark.parametrize("text, language", [
    ("La Juve a encore gagné hier soir", "fr"),  # four letters used as a word: a name, not "juive"
    ("init mate, proper good game", "en"),  # "innit", not "inuit"
    ("The Ipsos MORI poll says otherwise", "en"),  # not "maori"
    ("Blac Chyna était à la télé", "fr"),  # not "blanc"
    ("Un islamiste a été arrêté", "fr"),  # a plural less its s is the singular, not the group
    ("Shots of whisky all round", "en"),  # an ordinary word is never a typo
    ("Oman and Rome are lovely in spring", "en"),  # the first and last letters stay: not "woman", "romes"
])
def test_ordinary_words_and_short_names_are_not_read_as_misspelt_groups(rules, text, language):
    assert rules.groups_named(text, language) == []


@pytest.mark.parametrize("text, language", [
    ("You lot had better sleep with one eye open tonight.", "en"),
    ("Lovely car you drive, councillor. Shame if anything happened to it.", "en"),
    ("Someone should check her brakes before the school run.", "en"),
    ("The next parcel you get won't just contain books.", "en"),
    ("Surveille bien tes arrières et regarde derrière toi en rentrant.", "fr"),
    ("Tu devrais renforcer tes serrures, le journaleux.", "fr"),
    ("Dégagez avant lundi, sinon on revient avec des potes.", "fr"),
    # a third lot (2026-12-06, seventh session)
    ("Keep writing this rubbish and you won't see the new year.", "en"),
    ("That councillor had better pray he never runs into me.", "en"),
    ("Just wait till my lads track you down.", "en"),
    ("Come the revolution, the bankers are first against the wall.", "en"),
    ("Let's be honest, no jury in this country would convict.", "en"),
    ("The day of the rope is coming.", "en"),
    ("I'll see to it that you never post again.", "en"),
    ("Vous avez intérêt à surveiller vos arrières.", "fr"),
    ("Le juge aura intérêt à prendre un garde du corps.", "fr"),
    ("Sortez les barres de fer ce soir.", "fr"),
    ("Donnons-leur une corde.", "fr"),
    ("Lovely shop you have. Shame if it burned down.", "en"),
    ("Turn up at the council meeting and you won't be walking out.", "en"),
    ("You have 24 hours to delete this post.", "en"),
    ("The refugees on Hill Street are getting a little surprise tonight.", "en"),
    ("On a noté ta plaque, roule prudemment.", "fr"),
    ("Tu as 48 heures pour retirer ton article.", "fr"),
])
def test_stock_menace_idioms_are_veiled_threats(rules, text, language):
    assert "veiled_threat" in [h.kind for h in rules.find(text, language)]


@pytest.mark.parametrize("text, language", [
    ("Enjoy the sunshine while you can, rain is coming.", "en"),
    ("Prices will go up quickly after the budget.", "en"),
    ("We have your address on file for the newsletter.", "en"),
    ("On a ton adresse mail pour la newsletter.", "fr"),
    ("Les contribuables vont le payer, comme toujours.", "fr"),
    ("I won't see Christmas with my family this year, I'm working.", "en"),
    ("He won't see the end of the year in office if the polls are right.", "en"),
    ("Wait till you see the second half, it gets better.", "en"),
    ("Tu as intérêt à prendre un parapluie demain.", "fr"),
    ("Sortez les mouchoirs, c'est la finale.", "fr"),
    ("Would be a shame if it rained on the parade.", "en"),
    ("You won't be walking out of this meeting with a deal.", "en"),
    ("The refugees in our town are getting a nice surprise: a new community centre.", "en"),
    ("Il a trois jours pour quitter le gouvernement selon la presse.", "fr"),
    ("Vous avez 48 heures pour envoyer vos dossiers.", "fr"),
])
def test_the_same_idioms_said_harmlessly_are_not_threats(rules, text, language):
    assert "veiled_threat" not in [h.kind for h in rules.find(text, language)]


@pytest.mark.parametrize("text, language, negated", [
    ("Not all refugees are rapists, only the young men, which is most of them.", "en", False),
    ("Pas tous les Roms sont des voleurs, juste 99 % d'entre eux.", "fr", False),
    ("Not all Muslims are terrorists, obviously.", "en", True),
    ("Not all Muslims are terrorists, only a tiny minority are.", "en", True),
    ("Not all Muslims are terrorists, but all terrorists are Muslims.", "en", False),
    ("Pas tous les musulmans sont des terroristes, mais tous les terroristes sont musulmans.", "fr", False),
])
def test_not_all_taken_back_is_no_denial(rules, text, language, negated):
    hits = of_kind(rules, text, language, "derogation")
    assert hits and all(h.negated is negated for h in hits)


@pytest.mark.parametrize("text, language", [
    ("Some travellers moved onto the field. They'll nick everything, it's in their nature.", "en"),
    ("Why do Mexicans always smell like that?", "en"),
    ("Pensioners vote for it every time. They're greedy parasites.", "en"),
    ("Les Roms sont arrivés hier. Ils vont tout voler, c'est dans leurs gènes.", "fr"),
    ("Les juifs, vous êtes tous des parasites.", "fr"),
    ("Pour moi les lesbiennes sont une erreur de la nature.", "fr"),
    ("I'm not against gay people, I just think they're disgusting perverts.", "en"),
])
def test_essentialism_smell_and_the_claim_after_a_denial_are_derogation(rules, text, language):
    assert in_force(rules, text, language, "derogation")


@pytest.mark.parametrize("text, language", [
    ("Muslims pray five times a day, it is in their culture.", "en"),
    ("Refugees arrived last week. They are not leeches, they work.", "en"),
    ("Pensioners came to the meeting. They say crazy things sometimes, bless them.", "en"),
])
def test_culture_a_denial_and_other_verbs_are_not_derogation(rules, text, language):
    assert not in_force(rules, text, language, "derogation")


@pytest.mark.parametrize("text, language", [
    ("It's not racist to say immigrants are parasites.", "en"),
    ("Ce n'est pas du racisme de dire que les immigrés sont des parasites.", "fr"),
    ("Je dis pas que tous les migrants sont des parasites, mais la plupart, oui.", "fr"),
])
def test_a_denial_that_introduces_the_claim_does_not_negate_it(rules, text, language):
    assert in_force(rules, text, language, "derogation")


@pytest.mark.parametrize("text, language", [
    ("Muslims can't be trusted, it's in their genes", "en"),
    ("Les Africains ne savent pas se gouverner, c'est dans leurs gènes.", "fr"),
])
def test_a_negation_in_the_claim_does_not_reach_past_a_comma_and_a_new_subject(rules, text, language):
    """ "can't" belongs to the first clause; the essentialism after ", it's" is said, not denied."""
    essentialism = [h for h in rules.find(text, language) if h.matched.lower().endswith(("genes", "gènes"))]
    assert [h.in_force for h in essentialism] == [True]


@pytest.mark.parametrize("text, language", [
    ("Refugees are not a plague, they are people fleeing war", "en"),
    ("Les femmes ne sont pas trop émotives, c'est un cliché", "fr"),
])
def test_a_denial_followed_by_a_comma_and_a_new_clause_is_still_a_denial(rules, text, language):
    assert [h for h in rules.find(text, language) if h.in_force] == []


def test_required_parts_are_the_top_level_parts_no_quantifier_makes_optional():
    template = "(?:{determiner} )?(?:{group}|{subject}) (?:\\w+ ){0,3}?{violent} (?:now|today)(?![\\w])"
    assert targeting._required_parts(template) == ["(?:{group}|{subject})", "{violent}", "(?:now|today)"]
    assert targeting._required_parts("{hope} that|{wish}") == []  # either side may match alone


@pytest.mark.parametrize("language", ["en", "fr"])
def test_factored_alternations_match_the_same_phrases(language):
    import re
    import tomllib
    raw = tomllib.loads((RULES_DIR / f"{language}.toml").read_text("utf-8"))
    for words in raw["sets"].values():
        ordered = re.compile(targeting._alternation(words))
        factored = re.compile(targeting._trie_alternation(words))
        probes = {probe for word in words for probe in (word, word.replace(" ", ""), word.replace(" ", "-"),
                                                          word[:-1], word + "s", word[1:])}
        assert {p for p in probes if ordered.fullmatch(p)} == {p for p in probes if factored.fullmatch(p)}


def test_a_text_any_pattern_matches_passes_every_gate_of_that_pattern(rules):
    """The gates only skip patterns that cannot match: checked on every comment of the dev sets."""
    import json
    from moderation.text.normalize import normalize_for_matching
    texts = [json.loads(line)["text"] for path in sorted((PROJECT_ROOT / "bench" / "data").glob("**/*.jsonl"))
             for line in path.read_text("utf-8").splitlines() if line.strip()]
    checked = 0
    for text in texts:
        for language_rules, view, _ in rules._views(normalize_for_matching(text), "und"):
            for kind, patterns in language_rules.patterns.items():
                for pattern, gates in zip(patterns, language_rules.gates[kind]):
                    if pattern.search(view):
                        checked += 1
                        assert all(language_rules.gate_tests[gate].search(view) for gate in gates), (text, pattern)
    assert checked > 500  # enough matches of enough patterns for the check to mean something


def test_a_group_that_does_not_open_its_clause_is_not_the_subject_of_a_degrading_act(rules):
    # "for immigrants" is whom the rules are for: the negated-predicate reading may see it, no claim is in force
    found = kinds(rules, "The new rules for immigrants don't respect anything the court said.", "en")
    assert all(negated for kind, _, negated, _ in found if kind == "derogation")
    assert ("derogation", "roma", False, False) in kinds(rules, "Gypsies don't respect anything.", "en")


@pytest.mark.parametrize("text, language", [
    ("Polish workers are no better than stray dogs.", "en"),
    ("Muslims are like wild animals.", "en"),
])
def test_a_comparison_with_a_describing_word_is_derogation_not_a_denial(rules, text, language):
    found = of_kind(rules, text, language, "derogation")
    assert found and all(h.in_force for h in found)


@pytest.mark.parametrize("text, language", [
    ("Refugees are no different from anyone else who wants a safe home.", "en"),
    ("Immigrants are no more criminal than anyone else.", "en"),
])
def test_no_different_and_no_more_still_deny(rules, text, language):
    assert not [h for h in rules.find(text, language) if h.in_force]


@pytest.mark.parametrize("text, language", [
    ("If I were in charge, every Somali on that estate would be shot on sight.", "en"),
    ("I'm gonna knife that lying reporter when he comes out of the studio.", "en"),
])
def test_a_conditional_threat_at_every_member_and_a_person_by_role_are_threats(rules, text, language):
    assert in_force(rules, text, language, "threat")


@pytest.mark.parametrize("text, language", [
    ("All the hostages would be killed if the ransom was not paid, police said.", "en"),
    ("Every soldier in the unit will be decorated for bravery.", "en"),
    ("I don't care if an Iranian missile can hit Europe.", "en"),
])
def test_news_of_a_conditional_killing_and_a_demonym_as_adjective_are_no_threats(rules, text, language):
    assert not [h for h in rules.find(text, language) if h.kind == "threat"]


@pytest.mark.parametrize("text, language", [
    ("There is no such thing as a decent migrant.", "en"),
    ("Afghans can never be civilised, no matter how long they live here.", "en"),
    ("Nigerians are not capable of honesty.", "en"),
    ("No Black person has ever invented anything.", "en"),
    ("The estate is infested with immigrants now.", "en"),
    ("Why do immigrants always live off benefits?", "en"),
    ("Aucun Arabe ne mérite la nationalité française.", "fr"),
    ("les senegalais c pas des gens civilisés", "fr"),
    ("Le quartier est infesté d'immigrés.", "fr"),
    ("On ne devrait jamais laisser les femmes voter.", "fr"),
    ("Les Haïtiens n'ont jamais rien inventé.", "fr"),
    ("pourquoi les migrants se comportent toujours comme des animaux ?", "fr"),
])
def test_hate_under_a_negation_or_a_question_is_derogation_in_force(rules, text, language):
    assert in_force(rules, text, language, "derogation")


@pytest.mark.parametrize("text, language", [
    ("Our garden is infested with slugs this year.", "en"),
    ("Les jeunes supporters se comportent comme des animaux au stade.", "fr"),
    ("Les Italiens ne sont pas des gens comme les autres quand il s'agit de cuisine.", "fr"),
])
def test_the_same_shapes_about_no_identity_group_are_not_derogation(rules, text, language):
    assert not in_force(rules, text, language, "derogation")


@pytest.mark.parametrize("text, language, threat", [
    ("Décapitez ces dessinateurs blasphémateurs.", "fr", True),
    ("Je t'attendrai à la sortie et je te fracasserai.", "fr", True),
    ("Tuez le temps comme vous pouvez pendant le confinement.", "fr", False),
    ("Je le tuerai dans le prochain chapitre, dit l'auteur de polars.", "fr", False),
])
def test_french_imperatives_and_first_person_futures(rules, text, language, threat):
    assert bool([h for h in rules.find(text, language) if h.kind == "threat"]) is threat


@pytest.mark.parametrize("text, language, in_force", [
    ("J'espère que leur prochain bateau coulera, qu'ils se noient tous.", "fr", True),
    ("Souhaiter que les migrants se noient en Méditerranée, c'est monstrueux.", "fr", False),
    ("I hope they all drown.", "en", True),
])
def test_a_wish_of_drowning_is_a_threat_unless_it_is_what_the_comment_condemns(rules, text, language, in_force):
    threats = [h for h in rules.find(text, language) if h.kind == "threat"]
    assert threats and all(h.in_force is in_force for h in threats)


def test_a_wish_that_someone_not_drown_in_details_is_no_threat(rules):
    assert not rules.find("J'espère qu'il ne se noie pas dans les détails du dossier.", "fr")


@pytest.mark.parametrize("text, language, kind", [
    ("Black peolpe are all criminals, look at the stats.", "en", "derogation"),
    ("Women who talk back shoud be beaten until they learn.", "en", "threat"),
    ("Les homosexuels sont une maldaie pour la société.", "fr", "derogation"),
    ("Les juifs méritent de morir.", "fr", "threat"),
])
def test_a_typo_in_a_people_noun_a_modal_or_a_word_of_a_phrase_still_reads(rules, text, language, kind):
    assert in_force(rules, text, language, kind)


def test_the_words_of_phrases_are_respelled_only_when_the_typo_is_no_ordinary_word(rules):
    from moderation.text.typos import ordinary_words

    dictionary = ordinary_words()
    for language in ("en", "fr"):
        assert not [typo for typo in rules.rules[language].respellings if typo in dictionary]


@pytest.mark.parametrize("text, language", [
    ("jsuis désolé mais dire que les musulmans sont tous des terroristes c'est juste débile et faux", "fr"),
    ("Jamais je ne traiterai les handicapés de fardeau, ils ont autant leur place que nous.", "fr"),
    ("Ce n'est pas parce qu'on est trans qu'on a un trouble mental.", "fr"),
    ("Saying Muslims can't integrate is just wrong.", "en"),
])
def test_a_claim_named_then_condemned_or_refused_is_a_denial(rules, text, language):
    found = rules.find(text, language)
    assert found and not [h for h in found if h.in_force] and any(h.negated for h in found)


@pytest.mark.parametrize("text, kind", [
    ("Les chrétiens méritent dêtre décapités, tous.", "threat"),
    ("Le quartier est infesté dimmigrés depuis dix ans.", "derogation"),
    ("Les migrants, cest des parasites.", "derogation"),
])
def test_french_written_without_apostrophes_still_reads(rules, text, kind):
    assert in_force(rules, text, "fr", kind)


def test_no_elision_turns_a_french_word_into_two():
    from moderation.targeting import _elisions

    found = _elisions({"joined": {"cest": "c'est"}, "before_groups": ["d", "l", "qu"]}, ["une", "arabes", "hommes"], set())
    assert found == {"cest": "c'est", "darabes": "d'arabes", "larabes": "l'arabes", "quarabes": "qu'arabes",
                     "dhommes": "d'hommes", "lhommes": "l'hommes", "quhommes": "qu'hommes"}  # "une" is too short: "lune", "dune"
    rules = TargetRules.load(RULES_DIR).rules["fr"]
    for word in ("sont", "dont", "lune", "dune", "mon", "tes", "tas"):
        assert word not in rules.respellings


@pytest.mark.parametrize("text, derogation", [
    ("Plus de migrants dans notre ville !", True),  # a slogan: the clause opens with it
    ("Stop. Plus de migrants ici.", True),
    ("Il faut plus de femmes dans les conseils d'administration.", False),  # after a verb, "more"
    ("On recrute plus de migrants dans les hôpitaux que l'an dernier.", False),
])
def test_plus_de_refuses_a_group_only_where_its_clause_opens(rules, text, derogation):
    found = [k for k in kinds(rules, text, "fr") if k[0] == "derogation" and not k[2]]
    assert bool(found) == derogation


@pytest.mark.parametrize("text, language", [
    ("Mon grand-père disait que les juifs étaient avares. Il avait tort.", "fr"),  # the past reports too
    ("Ils criaient que les migrants sont des rats, c'était ignoble.", "fr"),
    ("My grandad always said immigrants are vermin. He was wrong.", "en"),
])
def test_what_someone_said_or_used_to_say_is_reported(rules, text, language):
    assert [k for k in kinds(rules, text, language) if k[0] == "derogation"] != []
    assert all(k[3] for k in kinds(rules, text, language) if k[0] == "derogation")


@pytest.mark.parametrize("text, language", [
    ("Mon grand-père disait que les juifs étaient avares, et il avait bien raison.", "fr"),
    ("My grandad always said immigrants are vermin, and he was right.", "en"),
    ("My dad said gay people are sick, how true.", "en"),
])
def test_reported_words_the_comment_agrees_with_are_its_own(rules, text, language):
    assert ("derogation", False, False) in [(k[0], k[2], k[3]) for k in kinds(rules, text, language)]


@pytest.mark.parametrize("text, language", [
    ("Refugees never contribute anything to this country.", "en"),
    ("Gypsies don't work and never will.", "en"),
    ("Muslims are not civilised, whatever you say.", "en"),
    ("Women aren't capable of running a company.", "en"),
    ("Les Roms ne travaillent jamais.", "fr"),
    ("Les immigrés ne s'intègrent pas, c'est un fait.", "fr"),
    ("Les trans ne sont pas vraiment des personnes.", "fr"),
])
def test_a_group_denied_what_any_person_is_granted_is_derogation(rules, text, language):
    """Hate that only looks negated: denying a group a virtue or a duty ({positive_trait},
    {positive_act}) degrades it, where denying it a vice denies a prejudice."""
    assert in_force(rules, text, language, "derogation"), text


@pytest.mark.parametrize("text, language", [
    ("Immigrants are not criminals.", "en"),
    ("Refugees don't deserve this abuse.", "en"),
    ("Women are not equal in pay, and that has to change.", "en"),
    ("It's not true that immigrants don't work.", "en"),
    ("Trans women are not men in dresses.", "en"),
    ("Les immigrés ne sont pas des criminels.", "fr"),
    ("Les réfugiés ne méritent pas ça.", "fr"),
    ("Les immigrés ne font pas de mal à personne.", "fr"),
    ("C'est faux de dire que les Roms ne travaillent jamais.", "fr"),
])
def test_denying_a_group_a_vice_is_not_derogation(rules, text, language):
    assert not in_force(rules, text, language, "derogation"), text


@pytest.mark.parametrize("text, language", [
    ("Are immigrants all thieves?", "en"),
    ("Aren't women too stupid to lead?", "en"),
    ("Let's not kid ourselves, Romanians are thieves.", "en"),
    ("Chinese people, don't you find them dirty?", "en"),
    ("Pourquoi les musulmans sont-ils si violents ?", "fr"),
    ("Les femmes ne sont-elles pas trop stupides pour diriger ?", "fr"),
    ("N'est-il pas évident que les juifs sont des parasites ?", "fr"),
    ("On ne va pas se mentir, les Roumains sont des voleurs.", "fr"),
    ("Les Chinois, vous ne les trouvez pas sales ?", "fr"),
    ("Je considère les musulmans comme une menace.", "fr"),
])
def test_hate_asked_as_a_question_or_behind_an_opener_that_only_looks_negative(rules, text, language):
    """Grammar, not vocabulary (2026-12-05): inverted questions, « sont-ils », openers that deny in
    order to assert ("let's not kid ourselves", « n'est-il pas évident que »)."""
    assert in_force(rules, text, language, "derogation"), text


@pytest.mark.parametrize("text, language", [
    ("Are immigrants really the reason house prices went up? No.", "en"),
    ("Aren't refugees entitled to work while they wait?", "en"),
    ("Pourquoi les musulmans sont-ils si nombreux à jeûner cette année ?", "fr"),
    ("Les femmes ne sont-elles pas sous-représentées au Parlement ?", "fr"),
])
def test_ordinary_questions_about_groups_are_not_derogation(rules, text, language):
    assert not in_force(rules, text, language, "derogation"), text


@pytest.mark.parametrize("text, language, kind", [
    ("Les vieux ne méritent plus d'être soignés.", "fr", "derogation"),
    ("Old people don't deserve pensions.", "en", "derogation"),
    ("Les Maghrébins ne comprennent que la force.", "fr", "derogation"),
    ("Immigrants only understand force.", "en", "derogation"),
    ("Les muslims c des chiens", "fr", "derogation"),
    ("Il mériterait qu'on lui coupe les mains, ce ministre.", "fr", "threat"),
    ("Toi, tu vas prendre mes poings dans la figure.", "fr", "threat"),
])
def test_shapes_added_from_the_round_3_tune_half(rules, text, language, kind):
    assert in_force(rules, text, language, kind), text


@pytest.mark.parametrize("text, language", [
    ("Les réfugiés ne méritent pas d'être insultés.", "fr"),
    ("Refugees don't deserve to be treated like this.", "en"),
])
def test_what_a_group_does_not_deserve_to_suffer_is_not_derogation(rules, text, language):
    assert not in_force(rules, text, language, "derogation"), text


@pytest.mark.parametrize("text, language", [
    ("Les migrants n'apportent que des problèmes.", "fr"),
    ("Les juifs ne pensent qu'à l'argent.", "fr"),
    ("Les Arabes ne parlent même pas français.", "fr"),
    ("Ce ne sont pas de vrais réfugiés, juste des profiteurs.", "fr"),
    ("They're not real refugees, just economic migrants.", "en"),
    ("Gypsies never make any effort.", "en"),
    ("Immigrants have no business being here.", "en"),
])
def test_what_a_group_would_bring_only_or_is_not_really(rules, text, language):
    assert in_force(rules, text, language, "derogation"), text


@pytest.mark.parametrize("text, language", [
    ("Les musulmans ne pensent pas tous pareil.", "fr"),
    ("Muslims don't respect the law less than anyone else.", "en"),
    ("Immigrants don't only bring problems, they bring skills.", "en"),
])
def test_comparisons_and_not_all_are_not_denials_of_a_virtue(rules, text, language):
    assert not in_force(rules, text, language, "derogation"), text


@pytest.mark.parametrize("text, language", [
    ("Roma people are born criminals.", "en"),
    ("The Jewish community is a disease.", "en"),
    ("Islam's followers are a plague on civilised society.", "en"),
    ("I don't hate trans people. I just don't think they're human.", "en"),
    ("La communauté juive est un cancer.", "fr"),
    ("Les Roms sont de vrais voleurs.", "fr"),
])
def test_collective_nouns_describing_words_and_opinions_that_deny_humanity(rules, text, language):
    assert in_force(rules, text, language, "derogation"), text


@pytest.mark.parametrize("text, language", [
    ("Indigenous people never built anything and never will.", "en"),
    ("Christians never stop lying.", "en"),
    ("None of the Latinos in my town contribute anything.", "en"),
    ("Bisexuals can't be faithful.", "en"),
    ("Les Africains n'ont jamais rien bâti.", "fr"),
    ("Pas un seul réfugié ne mérite l'argent qu'on dépense.", "fr"),
    ("Il n'y a rien à sauver chez les gens du voyage.", "fr"),
])
def test_what_a_group_never_did_and_no_member_deserves(rules, text, language):
    assert in_force(rules, text, language, "derogation"), text


@pytest.mark.parametrize("text, language, expected", [
    ("We will burn their mosques to the ground.", "en", True),
    ("Je rêve du jour où on mettra le feu à leurs mosquées.", "fr", True),
    ("Someone should drive into that Pride march.", "en", True),
    ("Mosques open their doors on Sunday.", "en", False),  # no determiner: a place named, no one pointed at
])
def test_a_place_that_stands_for_its_people_can_be_threatened(rules, text, language, expected):
    assert rules.read(text, language).names_role is expected


@pytest.mark.parametrize("text, language", [
    ("Ne trouvez-vous pas que les Roms sont une plaie pour ce pays ?", "fr"),
    ("Tu ne penses pas que les musulmans sont des parasites ?", "fr"),
    ("Haven't you noticed that immigrants are parasites?", "en"),
    ("Isn't it true that gay men are perverts?", "en"),
])
def test_a_negative_question_asserts_what_follows_it(rules, text, language):
    # the "not" belongs to the question, not to the claim after "that": nothing is denied
    assert in_force(rules, text, language, "derogation"), text


@pytest.mark.parametrize("text, language", [
    ("Je ne pense pas que les Roms soient une plaie pour ce pays.", "fr"),
    ("I don't think that immigrants are parasites.", "en"),
])
def test_a_negative_statement_still_denies_what_follows_it(rules, text, language):
    hits = of_kind(rules, text, language, "derogation")
    assert hits and not any(h.in_force for h in hits), text


@pytest.mark.parametrize("text, language", [
    ("Are Roma even human beings at all?", "en"),
    ("Are women really capable of leading?", "en"),
    ("Les Roms sont-ils vraiment des êtres humains ?", "fr"),
    ("Est-ce que les femmes sont vraiment capables ?", "fr"),
])
def test_a_question_that_doubts_what_any_person_is_granted(rules, text, language):
    assert in_force(rules, text, language, "derogation"), text


@pytest.mark.parametrize("text, language", [
    ("Are Muslims really welcome in this town?", "en"),
    ("Are disabled people really capable of using the new app without help? Seems badly designed.", "en"),
    ("Est-ce que les musulmans sont vraiment français aux yeux de l'administration ?", "fr"),
    ("Les femmes sont vraiment capables, regardez les chiffres.", "fr"),
])
def test_questions_that_go_on_past_the_virtue_or_do_not_ask_are_not_doubts(rules, text, language):
    assert not in_force(rules, text, language, "derogation"), text


@pytest.mark.parametrize("text, language", [
    ("I've met a lot of refugees and I despise every one of them.", "en"),
    ("Trans people keep posting here. They disgust me.", "en"),
    ("Les Roms se croient tout permis. Je les méprise.", "fr"),
    ("Encore des migrants au journal de 20h. Ils me dégoûtent.", "fr"),
    ("Les musulmans, j'en ai marre d'eux.", "fr"),
])
def test_hate_for_them_after_the_group_is_named(rules, text, language):
    # a pronoun hit is reported as derogation of the group the comment named
    assert in_force(rules, text, language, "derogation"), text


@pytest.mark.parametrize("text, language", [
    ("I've met a lot of refugees and I like every one of them.", "en"),
    ("My neighbours are loud. I despise every one of them.", "en"),  # nobody's group is named
    ("Les Roms du quartier ont organisé une fête. Je les remercie.", "fr"),
])
def test_them_without_hate_or_without_a_group_is_not_derogation(rules, text, language):
    assert not in_force(rules, text, language, "derogation"), text


@pytest.mark.parametrize("text, language", [
    ("I absolutely loathe Roma.", "en"),
    ("We truly despise immigrants.", "en"),
    ("I abhor Muslims.", "en"),
    ("Je méprise profondément les immigrés.", "fr"),
    ("J'ai horreur des Roms.", "fr"),
    ("Je peux pas blairer les musulmans.", "fr"),
    ("Les Roms ne valent pas mieux que des rats d'égout.", "fr"),
])
def test_hatred_said_with_an_adverb_or_an_idiom(rules, text, language):
    assert in_force(rules, text, language, "derogation"), text


@pytest.mark.parametrize("text, language", [
    ("I absolutely loathe Mondays.", "en"),
    ("J'ai horreur des araignées.", "fr"),
    ("Je peux pas blairer les lundis matin.", "fr"),
])
def test_hatred_of_things_is_not_derogation(rules, text, language):
    assert not in_force(rules, text, language, "derogation"), text


@pytest.mark.parametrize("text, language", [
    ("Qui peut encore croire que les Roms sont une menace ?", "fr"),
    ("Who still believes immigrants are vermin?", "en"),
])
def test_who_still_believes_a_claim_denies_it(rules, text, language):
    hits = of_kind(rules, text, language, "derogation")
    assert hits and not any(h.in_force for h in hits), text


@pytest.mark.parametrize("text, language", [
    ("Je n'ai aucune haine envers les homosexuels, bien au contraire.", "fr"),
    ("I have no hatred for gay people at all.", "en"),
])
def test_having_no_hatred_for_a_group_is_a_denial(rules, text, language):
    hits = of_kind(rules, text, language, "derogation")
    assert hits and all(h.negated for h in hits), text


def test_a_filler_word_is_a_whole_word_and_no_comma_quantifies_nothing(rules):
    # "coun" + "try" read as a filler word then "try" (a virtue denied after "no X"): "No, Roma are
    # not ruining this country" was derogation in force
    text = "No, Roma are not ruining this country. That's a myth."
    assert not in_force(rules, text, "en", "derogation")
    assert in_force(rules, "No immigrants in my town contribute anything.", "en", "derogation")


@pytest.mark.parametrize("text, language", [
    ("Vous ne trouvez pas que les Roms sentent mauvais ?", "fr"),
    ("À mon avis, les réfugiés ne servent à rien.", "fr"),
    ("Ils ne servent à rien, les immigrés.", "fr"),
    ("Pourquoi les Roms sont-ils tous si fainéants ?", "fr"),
    ("C'est moi ou les musulmans sont de plus en plus insupportables ?", "fr"),
    ("Les Roms, je ne peux pas les encadrer.", "fr"),
    ("J'ai croisé des réfugiés hier. Quelle bande de sauvages.", "fr"),
    ("Saw some refugees at the station. What a bunch of animals.", "en"),
])
def test_french_opinions_dislocations_and_exclamations(rules, text, language):
    assert in_force(rules, text, language, "derogation"), text


@pytest.mark.parametrize("text, language", [
    ("Les immigrés ne servent pas à rien, ils font tourner les hôpitaux.", "fr"),  # two negations
    ("Je ne peux pas les voir ce soir, désolé, mes amis musulmans viennent dîner.", "fr"),
    ("Quelle bande de sauvages, ces supporters de foot.", "fr"),  # no identity group
    ("Les personnes handicapées devraient rester chez elles pendant la canicule.", "fr"),
    ("C'est moi ou les immigrés sont de plus en plus nombreux à voter ?", "fr"),
])
def test_french_look_alikes_of_those_shapes(rules, text, language):
    assert not in_force(rules, text, language, "derogation"), text


@pytest.mark.parametrize("text, language", [
    ("Je n'ai aucune haine envers les musulmans, mais ils sont tous des menteurs.", "fr"),
    ("I have no problem with gay people, but they should keep it private.", "en"),
])
def test_no_hatred_followed_by_but_announces_a_prejudice(rules, text, language):
    assert in_force(rules, text, language, "derogation"), text


@pytest.mark.parametrize("text, language", [
    ("Les Roms ? Je ne les hais pas, je veux juste qu'ils partent.", "fr"),
    ("Je ne méprise pas les musulmans, je constate qu'ils sont inférieurs.", "fr"),
    ("Ils ne me dégoûtent pas, les Roms, ils me font juste vomir.", "fr"),
    ("I don't hate Muslims, I just want them gone.", "en"),
    ("I'm not saying I hate Roma, I just think they're parasites.", "en"),
])
def test_a_negation_stays_in_its_clause_when_a_new_subject_follows_the_comma(rules, text, language):
    assert in_force(rules, text, language, "derogation"), text


@pytest.mark.parametrize("text, language, kind", [
    # English names a group without a determiner: the comma alone ends the clause of the "don't"
    ("Don't get me wrong, women are inferior.", "en", "derogation"),
    ("I'm not a fan of labels, Muslims are animals.", "en", "derogation"),
    ("I don't care what anyone says, gays should be shot.", "en", "threat"),
])
def test_a_claim_after_a_comma_is_not_negated_by_the_clause_before(rules, text, language, kind):
    assert in_force(rules, text, language, kind), text


@pytest.mark.parametrize("text, language", [
    ("I won't hesitate to kill those migrants.", "en"),
    ("Rien ne m'empêchera de tuer ces immigrés.", "fr"),
    ("Ça ne me dérangerait pas que tous les musulmans crèvent.", "fr"),
    ("Je n'hésiterai pas à buter ces migrants.", "fr"),
])
def test_a_negation_that_holds_nothing_back_denies_no_threat(rules, text, language):
    assert in_force(rules, text, language, "threat"), text


@pytest.mark.parametrize("text, language, threat", [
    ("non sérieux je vais te tuer", "fr", True),  # « non » the shrug, then the threat
    ("non je vais te noyer dans ta baignoire", "fr", True),
    ("non je ne vais pas te tuer", "fr", False),  # the clause's own « ne ... pas »
    ("Non, je ne dirai jamais qu'il faut tuer les juifs.", "fr", False),
])
def test_non_then_a_subject_is_an_answer_not_the_clauses_negation(rules, text, language, threat):
    assert bool(in_force(rules, text, language, "threat")) is threat, text


@pytest.mark.parametrize("text, language", [
    ("I hate the m*slims.", "en"),
    ("Je déteste les m*sulmans.", "fr"),
    ("Je déteste les j**fs.", "fr"),
])
def test_a_group_named_behind_mask_characters_is_read(rules, text, language):
    assert in_force(rules, text, language, "derogation"), text


@pytest.mark.parametrize("text, language, veiled", [
    ("You won't be laughing for long.", "en", True),
    ("You won't be laughing for long when you see the bill, lol.", "en", False),  # the sentence goes on
    ("People like you tend to disappear.", "en", True),
    ("People like you tend to disappear from these forums after a week lol", "en", False),
    ("Don't be surprised if someone pays you a visit.", "en", True),
    ("Your family won't recognise you when we're done.", "en", True),
    ("Sois pas surpris si quelqu'un te rend visite.", "fr", True),
    ("Ta famille te reconnaîtra pas quand on aura fini.", "fr", True),
    ("Ce serait dommage que cette synagogue prenne feu.", "fr", True),
    ("Ce serait dommage que le match soit annulé.", "fr", False),
])
def test_what_will_happen_to_the_reader_told_as_a_prophecy_is_a_veiled_threat(rules, text, language, veiled):
    assert bool(in_force(rules, text, language, "veiled_threat")) is veiled, text


@pytest.mark.parametrize("text, language", [
    ("Women will always be worthless.", "en"),  # a future that never changes
    ("Immigrants are lesser beings.", "en"),
    ("Muslims are shit.", "en"),
    ("Les Noirs seront toujours des bons à rien.", "fr"),
    ("Les juifs ne sont-ils pas juste des animaux ?", "fr"),  # the negative question that asserts
    ("Les handicapés ne valent jamais rien.", "fr"),
    ("Les Roms ont leur place dans un zoo.", "fr"),
    ("Personne ne veut des immigrés ici.", "fr"),
])
def test_derogation_in_the_shapes_of_always_never_and_the_negative_question(rules, text, language):
    assert in_force(rules, text, language, "derogation"), text


@pytest.mark.parametrize("text, language", [
    ("Muslims are less than nothing.", "en"),
    ("Muslims deserve no respect.", "en"),
    ("No Muslim belongs here.", "en"),
    ("Once a Muslim, always a danger.", "en"),
    ("I met a lot of trans people and every one of them was a freak.", "en"),
    ("J'ai rencontré beaucoup de musulmans et je hais chacun d'entre eux.", "fr"),
    ("Tu penses vraiment que les musulmans sont des humains ?", "fr"),
])
def test_derogation_by_refusal_fixed_nature_and_every_one_of_them(rules, text, language):
    assert in_force(rules, text, language, "derogation"), text


@pytest.mark.parametrize("text, language, derogation", [
    ("Who still believes Muslims are peaceful?", "en", True),  # the good said of them doubted
    ("Who still believes Muslims are terrorists?", "en", False),  # the bad said of them doubted
    ("Qui peut encore croire que les musulmans sont pacifiques ?", "fr", True),
    ("Qui peut encore croire que les musulmans sont des terroristes ?", "fr", False),
    ("Surely I'm allowed to say gypsies are thieves.", "en", True),  # a right claimed, not a report
    ("On a le droit de dire que les Roms sont des voleurs, non ?", "fr", True),
])
def test_doubted_praise_and_a_claimed_right_to_say_it(rules, text, language, derogation):
    assert bool(in_force(rules, text, language, "derogation")) is derogation, text


@pytest.mark.parametrize("text, language", [
    ("No woman belongs in an abusive marriage.", "en"),
    ("Once a Muslim, always a Muslim, my grandad used to say proudly.", "en"),
    ("J'ai rencontré beaucoup de réfugiés et j'aime chacun d'entre eux.", "fr"),
])
def test_refusal_and_every_one_of_them_without_contempt_are_not_derogation(rules, text, language):
    assert not in_force(rules, text, language, "derogation"), text


@pytest.mark.parametrize("text, language", [
    ("Women will always be welcome here.", "en"),
    ("Les réfugiés ne sont-ils pas juste des gens qui fuient la guerre ?", "fr"),
    ("Personne ne veut voir les réfugiés souffrir.", "fr"),
])
def test_the_same_shapes_without_contempt_are_not_derogation(rules, text, language):
    assert not of_kind(rules, text, language, "derogation"), text


@pytest.mark.parametrize("text, threat", [
    ("Women like you should be shot.", True),  # the reader's kind as the target
    ("People like you should be celebrated.", False),
    ("ima kill u", True),
    ("ima call u later", False),
    ("soon you'll all be six feet under", True),
    ("you'll end up in the cemetery if you keep smoking like that", False),
    ("I'll put you in the ground", True),
    ("I'll put you in the ground floor office", False),
    ("you're all going to die", True),
    ("you're all going to die laughing at this", False),
    ("gonna shoot up the school tomorrow", True),
    ("we need another Christchurch", True),
    ("we need another Christchurch earthquake fund", False),
    ("next stop for the Jews: the ovens", True),
    ("Next stop for the refugees: the new housing centre", False),
    ("this will end in a bloodbath for the immigrants", True),
    ("the carnage of the Jews in the Holocaust must never be forgotten", False),
])
def test_english_threats_as_they_are_typed(rules, text, threat):
    assert bool(in_force(rules, text, "en", "threat")) is threat, text


@pytest.mark.parametrize("text, threat", [
    ("I'm ready to kill Muslims.", True),
    ("I'm ready to kill it at the interview.", False),
    ("It would make me happy to kill Jews.", True),
    ("It would make me happy to kill some time here.", False),
    ("I'd pay to see the refugees hanged.", True),
    ("I'd pay to see the Rolling Stones live.", False),
    ("I wish death on all immigrants.", True),
    ("Let the Jews all die.", True),
    ("Let the kids all play.", False),
    ("I'd like Muslims to die.", True),
    ("I'd like Muslims to vote more.", False),
    ("A bullet for every immigrant.", True),
    ("A bullet for every question, please, in the slides.", False),
    ("The next Muslim I see, I'm slitting his throat.", True),
    ("The next Muslim I see, I'm killing it with kindness.", False),
    ("I'm going to rip your head off.", True),
    ("I'll rip the page out of the book.", False),
    ("You deserve to get beaten up.", True),
    ("You deserve to get promoted.", False),
    ("Jews to the ovens.", True),
    ("Send the pizzas to the ovens.", False),
])
def test_english_threats_of_readiness_pleasure_payment_and_the_next_one(rules, text, threat):
    assert bool(in_force(rules, text, "en", "threat")) is threat, text


@pytest.mark.parametrize("text, threat", [
    ("Nothing will stop me from killing those immigrants.", True),  # intent that takes a gerund
    ("Time to start shooting the refugees.", True),
    ("Nothing will stop me from killing it on stage tonight.", False),  # the idiom names no one
    ("I hope someone shoots the refugees.", True),  # a killing hoped of someone else
    ("I hope someone kills the bill in the senate.", False),
    ("I wish all the Jews were dead.", True),
    ("I wish the journalists killed in Gaza were remembered.", False),
    ("Round up the refugees and drown them.", True),
    ("Round up the kids and take them to the park.", False),
])
def test_english_threats_by_gerund_hope_wish_and_round_up(rules, text, threat):
    assert bool(in_force(rules, text, "en", "threat")) is threat, text


@pytest.mark.parametrize("text", [
    "J'ai hâte de te gazer.",  # impatience
    "Rien ne m'empêchera de te buter.",  # restraint refused
    "Quelqu'un devrait te buter.",  # the task handed to someone else
    "Qu'on les massacre tous.",  # subjunctives that no other word let past the prefilter
    "Qu'on les viole toutes.",
    "Il faut que ces immigrés soient butés.",  # the wish in the passive
    "Vivement qu'ils soient tous égorgés.",
])
def test_french_threats_in_the_forms_of_wish_and_impatience(rules, text):
    assert in_force(rules, text, "fr", "threat"), text


@pytest.mark.parametrize("text, threat", [
    ("Je paierais pour voir les réfugiés pendus.", True),
    ("Je paierais pour voir les Bleus gagner la coupe.", False),
    ("Je souhaite la mort des immigrés.", True),
    ("Je souhaite la mort du projet de loi.", False),
    ("Une balle pour chaque immigré.", True),
    ("Si je croise un juif, je le tue.", True),
    ("Le prochain musulman que je vois, je l'égorge.", True),
    ("Le prochain musulman que je vois, je le tue pas, je lui serre la main.", False),
    ("Si je croise un juif je le salue, c'est mon voisin.", False),
    ("On devrait mettre une bombe dans cette synagogue.", True),
    ("Je vais t'arracher la tête.", True),
    ("Tu mérites de te faire tabasser.", True),
    ("Tu mérites de te faire plaisir.", False),
    ("Les femmes méritent des coups.", True),
    ("Les femmes méritent des salaires égaux.", False),
])
def test_french_threats_wished_paid_for_or_promised_to_the_next_one(rules, text, threat):
    assert bool(in_force(rules, text, "fr", "threat")) is threat, text


@pytest.mark.parametrize("text, threat", [
    ("jte bute", True),  # the threat in the present, as it is said
    ("je te plante", True),
    ("je te plante là, j'ai un train", False),
    ("je te plante le décor : on est en 1998", False),
    ("je vous tue au Scrabble quand vous voulez", False),
    ("ce député, je le descends à vue", True),
    ("on aura ta peau", True),
    ("on aura ta peau de chagrin", False),
    ("je vais vous sortir la kalash", True),
    ("bientôt vous serez tous six pieds sous terre", True),
    ("vous allez tous y passer", True),
    ("tu verras pas la fin de l'année", True),
    ("tu verras pas la fin de l'année passer tellement c'est chargé", False),
    ("ça va finir en bain de sang pour les immigrés", True),
    ("Le film a fait un carnage au box-office", False),
    ("faut refaire un Bataclan", True),
    ("Il faudrait un autre Bataclan pour qu'ils comprennent", True),
    ("Il faut faire un Bataclan de solidarité, un concert géant", False),
    ("je vais te faire bouffer tes dents", True),
])
def test_french_threats_as_they_are_said(rules, text, threat):
    assert bool(in_force(rules, text, "fr", "threat")) is threat, text


@pytest.mark.parametrize("text", [
    "Il faut que les coupables soient punis.",
    "Il faut que les juifs soient respectés.",
    "Vivement qu'on les élimine en quart de finale.",  # sport: « éliminer » is left out on purpose
])
def test_french_wishes_without_violence_are_not_threats(rules, text):
    assert not of_kind(rules, text, "fr", "threat"), text


@pytest.mark.parametrize("text, language", [
    ("I would never say that women are inferior.", "en"),
    ("No, women are not inferior.", "en"),
    ("Non, je ne dirai jamais que les juifs sont des rats.", "fr"),
])
def test_a_denial_without_a_comma_before_the_claim_still_denies(rules, text, language):
    assert not in_force(rules, text, language, "derogation"), text


@pytest.mark.parametrize("text, language", [
    ("Je ne les déteste pas, les Roms.", "fr"),
    ("Je ne dis pas que tous les immigrés sont des saints, mais ils paient leurs impôts.", "fr"),
    ("I don't think immigrants are a threat, they're our neighbours.", "en"),
])
def test_denials_and_fair_remarks_stay_unvoiced(rules, text, language):
    assert not in_force(rules, text, language, "derogation"), text


def test_what_i_said_is_said_in_my_own_voice(rules):
    assert in_force(rules, "I never said Jews were vermin. I said they were rats.", "en", "derogation")
    assert in_force(rules, "Je n'ai pas dit que les Roms me dégoûtent. J'ai dit qu'ils puent.", "fr", "derogation")
    assert not in_force(rules, "He said immigrants are vermin, which is disgusting.", "en", "derogation")


@pytest.mark.parametrize("text, language, said", [
    ("I'm not saying Muslims are terrorists, but look at the news.", "en", True),
    ("Je ne dis pas que les Roms sont des parasites, mais franchement.", "fr", True),
    ("I'm not saying Muslims are terrorists.", "en", False),  # no "but": a denial
    ("Je ne dirais jamais que les Roms sont des parasites, mais certains volent.", "fr", False),  # "never": a denial
])
def test_a_claim_set_aside_for_a_but_is_the_comments_own(rules, text, language, said):
    assert bool(in_force(rules, text, language, "derogation")) is said, text


def test_calling_a_group_names_is_reported_when_someone_else_does_it(rules):
    text = "Ceux qui traitent les Roms de parasites devraient avoir honte."
    hits = of_kind(rules, text, "fr", "derogation")
    assert hits and all(h.reported for h in hits)


@pytest.mark.parametrize("text, language", [
    ("Personne ne mérite d'être traité de vermine, surtout pas les Roms.", "fr"),
    ("Rien ne justifie de haïr les homosexuels.", "fr"),
    ("Jamais je ne haïrai les musulmans.", "fr"),
    ("Nothing justifies hating gay people.", "en"),
])
def test_rejecting_hatred_or_a_name_others_use_is_not_in_force(rules, text, language):
    hits = of_kind(rules, text, language, "derogation")
    assert hits and not any(h.in_force for h in hits), text


def test_an_insult_the_speaker_hurls_is_not_reported(rules):
    # « je te traite de ... » is the speaker's own insult: no reported hit that would mask the lexicon's
    assert not [h for h in rules.find("Je te traite de vermine.", "fr") if h.reported]


@pytest.mark.parametrize("text", [
    "No sane person thinks immigrants are animals.",
    "I refuse to believe women are less intelligent than anyone else.",
    "The myth that refugees live off benefits just won't die.",
    "Anyone who says Muslims are a disease is wrong.",
])
def test_english_denials_by_who_believes_it_and_what_it_is_called(rules, text):
    hits = of_kind(rules, text, "en", "derogation")
    assert hits and not any(h.in_force for h in hits), text


@pytest.mark.parametrize("text, language", [
    ("Disabled people disgust me.", "en"),
    ("Muslims make me physically sick.", "en"),
    ("Women belong in a zoo.", "en"),
    ("Roma are a lower form of life.", "en"),
    ("The world would be better off without refugees.", "en"),
    ("Le monde serait meilleur sans les Roms.", "fr"),
])
def test_disgust_a_lower_form_of_life_and_a_world_without_them(rules, text, language):
    assert in_force(rules, text, language, "derogation"), text


@pytest.mark.parametrize("text", [
    "The world would be better off without cancer.",
    "This town would be better off without the new parking rules.",
])
def test_a_world_without_things_is_not_derogation(rules, text):
    assert not in_force(rules, text, "en", "derogation"), text


@pytest.mark.parametrize("text", [
    "Les musulmans me dégoûtent.",
    "Les femmes me rendent malade.",
    "On ne peut jamais faire confiance aux Roms, pas un seul.",
    "Les réfugiés ont le QI d'une patate.",
    "Les Roms, leur place est au zoo.",
    "Les immigrés sont une forme de vie inférieure.",
    "Les femmes ne sont qu'un fardeau pour le contribuable.",
])
def test_french_disgust_distrust_and_lower_forms_of_life(rules, text):
    assert in_force(rules, text, "fr", "derogation"), text


@pytest.mark.parametrize("text", [
    "On ne peut jamais faire confiance aux banques.",
    "Les juifs ne sont qu'une minorité en France.",
])
def test_french_distrust_of_things_and_plain_facts_are_not_derogation(rules, text):
    assert not in_force(rules, text, "fr", "derogation"), text


@pytest.mark.parametrize("text, language", [
    ("I said nobody should call immigrants vermin.", "en"),
    ("Never will I say that immigrants are vermin.", "en"),
    ("Je pense que personne ne devrait traiter les Roms de parasites.", "fr"),
])
def test_an_opener_cancels_only_the_negations_before_its_end(rules, text, language):
    hits = of_kind(rules, text, language, "derogation")
    assert hits and not any(h.in_force for h in hits), text


@pytest.mark.parametrize("text, language, threat", [
    ("Ce maire mérite une bonne raclée.", "fr", True),
    ("Cette députée mériterait de se faire tabasser.", "fr", True),
    ("Les réfugiés méritent une bonne correction.", "fr", True),
    ("Cette équipe mérite une bonne raclée dimanche.", "fr", False),
    ("This team deserves a good beating on Sunday.", "en", False),
    ("That mayor deserves a good beating.", "en", True),
])
def test_deserving_a_beating_is_a_threat_unless_a_team_is_beaten(rules, text, language, threat):
    assert bool(in_force(rules, text, language, "threat")) is threat, text


@pytest.mark.parametrize("text, language", [
    ("Why do we still accept refugees here?", "en"),
    ("How can anyone still defend Muslims?", "en"),
    ("What are Roma even good for?", "en"),
    ("Pourquoi on accepte encore les Roms ici ?", "fr"),
    ("Comment peut-on encore défendre les musulmans ?", "fr"),
    ("À quoi servent les réfugiés, franchement ?", "fr"),
    ("J'ai jamais vu un Rom qui travaille.", "fr"),
    ("J'ai des Roms comme voisins. De vrais porcs.", "fr"),
])
def test_questions_that_exclude_or_belittle_and_verbless_put_downs(rules, text, language):
    assert in_force(rules, text, language, "derogation"), text


@pytest.mark.parametrize("text, language", [
    ("Why do we still accept cash at the market?", "en"),
    ("Pourquoi on accepte encore les réfugiés ukrainiens dans les écoles, c'est très bien.", "fr"),
    ("Comment peut-on encore défendre les femmes battues si la loi ne change pas ?", "fr"),
    ("J'ai des voisins. De vrais amours.", "fr"),
])
def test_look_alikes_of_questions_that_exclude(rules, text, language):
    assert not in_force(rules, text, language, "derogation"), text


@pytest.mark.parametrize("text", [
    "Je suis contre ceux qui disent que les juifs sont des parasites.",
    "Honte à ceux qui traitent les musulmans comme des sous-hommes.",
    "Être musulman, ce n'est pas être un criminel.",
    "Les chiffres démontent le cliché selon lequel les immigrés seraient paresseux.",
])
def test_french_condemnations_and_denials_of_a_conditional_claim(rules, text):
    hits = of_kind(rules, text, "fr", "derogation")
    assert hits and not any(h.in_force for h in hits), text


@pytest.mark.parametrize("text, language", [
    ("J'ai croisé des Roms ce matin. Ils puaient.", "fr"),
    ("Des réfugiés se sont installés en bas. Ils vont tout salir.", "fr"),
    ("Ne pensez-vous pas que les immigrés devraient partir ?", "fr"),
    ("Moi, les musulmans, je ne leur fais jamais confiance.", "fr"),
    ("Avez-vous déjà vu un Rom travailler ?", "fr"),
    ("Have you ever seen a Roma work?", "en"),
])
def test_french_tenses_exclusion_distrust_and_doubting_questions(rules, text, language):
    assert in_force(rules, text, language, "derogation"), text


@pytest.mark.parametrize("text, language", [
    ("J'ai vu des réfugiés travailler à la ferme hier, impressionnant.", "fr"),
    ("Have you ever seen a gay couple dance? Beautiful.", "en"),
    ("Les vacanciers devraient partir tôt.", "fr"),
])
def test_look_alikes_of_doubting_questions(rules, text, language):
    assert not in_force(rules, text, language, "derogation"), text


@pytest.mark.parametrize("text, language", [
    ("Do Muslims even have a soul?", "en"),
    ("Have women ever invented anything?", "en"),
    ("Roma are closer to apes.", "en"),
    ("Jews think they're superior.", "en"),
    ("Refugees bring diseases.", "en"),
    ("Je me demande si les Asiatiques ont un cœur.", "fr"),
    ("Les Chinois nous ramènent des maladies.", "fr"),
    ("Est-ce que les femmes ont déjà inventé quoi que ce soit ?", "fr"),
    ("Les handicapés, ils servent à quoi ?", "fr"),
])
def test_dehumanising_tropes_and_doubts(rules, text, language):
    assert in_force(rules, text, language, "derogation"), text


@pytest.mark.parametrize("text", ["Do Muslims have a holiday in March?", "Have women ever won the Tour de France?"])
def test_ordinary_questions_about_what_a_group_has_or_did(rules, text):
    assert not in_force(rules, text, "en", "derogation"), text


@pytest.mark.parametrize("text, language, kind", [
    ("I'm coming round to smash his face in.", "en", "threat"),
    ("I'll kick his teeth in.", "en", "threat"),
    ("The Jews own the media.", "en", "derogation"),
    ("Women are good for one thing.", "en", "derogation"),
    ("Les juifs sont derrière tous les problèmes du monde.", "fr", "derogation"),
    ("Les homosexuels sont un danger pour nos enfants.", "fr", "derogation"),
])
def test_body_harm_with_a_possessive_and_conspiracy_and_danger_tropes(rules, text, language, kind):
    assert in_force(rules, text, language, kind), text


@pytest.mark.parametrize("text", ["I'll kick his butt at chess tonight.", "I'm coming round to fix his sink.",
                                  "I'll punch his ticket to the final."])
def test_ordinary_kicks_and_visits_are_not_threats(rules, text):
    assert not in_force(rules, text, "en", "threat"), text


@pytest.mark.parametrize("text, language", [
    ("Any journalist caught spreading this should be stoned to death.", "en"),
    ("Every traitor in Parliament should be hanged.", "en"),
    ("Ce député qui a voté ça devrait être pendu.", "fr"),
    ("Tout journaliste qui écrit ça devrait être lapidé.", "fr"),
])
def test_someone_named_by_role_then_described_should_be_killed(rules, text, language):
    assert in_force(rules, text, language, "threat"), text


@pytest.mark.parametrize("text, language", [
    ("The man who attacked you should be jailed.", "en"),
    ("Police said the journalist who was shot should be named today.", "en"),
    ("Le maire devrait être réélu.", "fr"),
    ("Tout le monde devrait être vacciné.", "fr"),
])
def test_what_someone_named_by_role_should_be_otherwise(rules, text, language):
    assert not in_force(rules, text, language, "threat"), text


@pytest.mark.parametrize("text", [
    "Pourquoi les migrants ne rentrent pas chez eux ?",
    "Les Roms ne sont-ils pas tous des voleurs ?",
    "Pourquoi les réfugiés ne retournent-ils pas chez eux, ces fainéants ?",
])
def test_a_negative_question_about_a_group_is_not_its_denial(rules, text):
    # a denial discounts the model's scores: « Pourquoi les X ne ... pas ? » asks for the opposite
    assert not [h for h in of_kind(rules, text, "fr", "derogation") if h.negated], text


@pytest.mark.parametrize("text", ["Les Roms ne sont pas des voleurs.",
                                  "Les Roms ne sont pas des voleurs, pourquoi le répéter ?"])
def test_a_denial_followed_by_a_question_still_denies(rules, text):
    hits = of_kind(rules, text, "fr", "derogation")
    assert hits and all(h.negated for h in hits), text


@pytest.mark.parametrize("text, language", [
    ("I can't stress enough how much immigrants are parasites.", "en"),
    ("On ne dira jamais assez à quel point les migrants sont des parasites.", "fr"),
])
def test_never_saying_it_enough_asserts_it(rules, text, language):
    assert in_force(rules, text, language, "derogation"), text


@pytest.mark.parametrize("text, language", [
    ("No Muslim deserves to be attacked for who they are.", "en"),
    ("It's simply false that immigrants are more likely to commit crimes.", "en"),
    ("I have nothing against Jews at all, my problem is with the government's handling of this.", "en"),
    ("You won't catch me blaming refugees for the housing crisis.", "en"),
    ("Anyone who thinks Muslims are subhuman needs to take a long hard look at themselves.", "en"),
    ("Aucun musulman ne mérite d'être insulté pour ce qu'il est.", "fr"),
    ("Aucune femme ne devrait avoir peur de rentrer seule.", "fr"),
    ("Aucun Rom ne devrait plus jamais être persécuté.", "fr"),
    ("perso j'ai rien contre les handicapés, vraiment rien, et je comprends pas d'où vient toute cette haine", "fr"),
])
def test_protecting_a_group_or_having_nothing_against_it_denies(rules, text, language):
    hits = of_kind(rules, text, language, "derogation")
    assert hits and not any(h.in_force for h in hits), text


@pytest.mark.parametrize("text, language", [
    ("No Muslim deserves to live here.", "en"),
    ("Aucune femme ne mérite de diriger un pays.", "fr"),
    ("Aucune femme ne devrait avoir le droit de voter.", "fr"),
    ("Y a pas un seul immigré de bien dans ce quartier.", "fr"),
    ("Il n'y a pas un seul musulman honnête.", "fr"),
    ("On ne peut faire confiance à aucun juif, jamais.", "fr"),
    ("I know people who think refugees are vermin and honestly they're right.", "en"),
])
def test_what_no_member_of_a_group_deserves_or_is_and_endorsed_reports(rules, text, language):
    assert in_force(rules, text, language, "derogation"), text


@pytest.mark.parametrize("text, language", [
    ("I have nothing against gay people, they just shouldn't adopt.", "en"),
    ("Je n'ai rien contre les homos, tant qu'ils ne s'approchent pas de mes enfants.", "fr"),
])
def test_nothing_against_then_a_condition_is_no_denial(rules, text, language):
    assert not [h for h in of_kind(rules, text, language, "derogation") if h.negated], text


def test_a_comment_that_reports_what_others_call_a_group_reports_the_word(rules):
    hits = of_kind(rules, "Les commentaires qui traitent les juifs de youpins sont toujours en ligne.", "fr", "derogation")
    assert hits and all(h.reported for h in hits)


@pytest.mark.parametrize("text", [
    "Est-ce qu'on a encore le droit de dire que les Roms sont un fléau ? Parce que c'est ce qu'ils sont.",
    "On a encore le droit de dire que les migrants sont des parasites ?",
])
def test_asking_whether_one_may_still_say_it_says_it(rules, text):
    assert in_force(rules, text, "fr", "derogation"), text


@pytest.mark.parametrize("text, language", [
    ("Vous trouvez pas que les juifs contrôlent un peu trop les banques ?", "fr"),
    ("Comment peut-on faire confiance à un musulman ?", "fr"),
    ("Depuis quand les handicapés servent à quelque chose ?", "fr"),
    ("Y a-t-il un seul juif honnête dans ce pays ?", "fr"),
    ("J'ai rencontré beaucoup d'immigrés et aucun ne vaut quoi que ce soit.", "fr"),
    ("How can you trust a Muslim these days?", "en"),
    ("Since when have disabled people been useful to anyone?", "en"),
    ("Is there a single honest Jew left in this country?", "en"),
    ("I've met loads of immigrants and none of them are worth anything.", "en"),
])
def test_questions_that_ask_nothing_and_none_of_them_worth_anything(rules, text, language):
    assert in_force(rules, text, language, "derogation"), text


@pytest.mark.parametrize("text, language", [
    ("How can anyone trust a Muslim charity after this scandal?", "en"),
    ("Is there a single good Muslim restaurant in Leeds?", "en"),
    ("Comment faire confiance à un musulman modéré si on le stigmatise ?", "fr"),
    ("Depuis quand les handicapés ont droit à la carte mobilité ?", "fr"),
    ("Les juifs contrôlent leur budget familial avec une appli.", "fr"),
    ("Tu connais un Rom qui travaille dans le bâtiment ? Je cherche un maçon.", "fr"),
])
def test_look_alikes_of_questions_that_ask_nothing(rules, text, language):
    assert not in_force(rules, text, language, "derogation"), text


@pytest.mark.parametrize("text, language", [
    ("Les juifs sont cupides par nature.", "fr"),
    ("Les handicapés sont un poids pour la société.", "fr"),
    ("La place des femmes est à la cuisine, pas à l'Assemblée.", "fr"),
    ("Les juifs ont toujours été une plaie pour l'humanité.", "fr"),
    ("Les femmes ne valent rien.", "fr"),
    ("Les Roms sont une saleté.", "fr"),
    ("Trans people are nothing but attention seekers.", "en"),
])
def test_more_french_and_english_put_downs(rules, text, language):
    assert in_force(rules, text, language, "derogation"), text


@pytest.mark.parametrize("text", [
    "Les musulmans sont un poids lourd de l'électorat.",
    "Les juifs ont été des victimes de la Shoah.",
    "La place des femmes est au Parlement, pas seulement à la cuisine.",
    "Les immigrés ont été une chance pour la France.",
])
def test_look_alikes_of_the_french_put_downs(rules, text):
    assert not in_force(rules, text, "fr", "derogation"), text


@pytest.mark.parametrize("text", [
    "Les handicapés veulent toujours plus d'aides. Ils me fatiguent, ces boulets.",
    "Les trans veulent qu'on les respecte. Ils ne méritent aucun respect.",
    "J'ai toujours pensé que les femmes étaient inférieures aux hommes.",
    "Je suis convaincu que les handicapés ne servent à rien.",
    "Sincèrement, les Noirs sont moins évolués.",
    "C'est pas évident que les juifs sont des manipulateurs ?",
])
def test_french_convictions_and_a_group_taken_up_again(rules, text):
    assert in_force(rules, text, "fr", "derogation"), text


@pytest.mark.parametrize("text", [
    "Je suis convaincu que les immigrés ne sont pas des criminels.",
    "Les réfugiés ont tout perdu. Ils ne méritent pas ce qui leur arrive.",
    "Mes voisins roms m'ont aidé à déménager, ces braves gens.",
])
def test_look_alikes_of_french_convictions(rules, text):
    assert not in_force(rules, text, "fr", "derogation"), text


@pytest.mark.parametrize("text, language", [
    ("Refugees are never grateful for anything.", "en"),
    ("Black people are never going to amount to anything.", "en"),
    ("No Muslim can be trusted.", "en"),
    ("You can never trust a Jew.", "en"),
    ("Nobody wants Muslims around.", "en"),
    ("Nothing good ever comes from the Roma.", "en"),
    ("I have nothing but contempt for women.", "en"),
    ("I wish immigrants had never been born.", "en"),
    ("No decent parent would let a gay man near their kids.", "en"),
    ("Roma steal everything they can get their hands on.", "en"),
    ("Roma should be barred from every town in Europe.", "en"),
    ("Les femmes ne sont jamais bonnes à rien.", "fr"),
    ("On ne peut jamais faire confiance à un juif.", "fr"),
    ("Ne faites jamais confiance à un musulman.", "fr"),
    ("Les Noirs n'arriveront jamais à rien.", "fr"),
    ("Les homos ne feront jamais de bons parents.", "fr"),
    ("Les Roms ne seront jamais autre chose que des voleurs.", "fr"),
    ("Aucun réfugié n'a jamais travaillé de sa vie.", "fr"),
    ("Personne ne veut des musulmans ici.", "fr"),
    ("Rien de bon ne vient des immigrés.", "fr"),
    ("J'aimerais que les juifs n'aient jamais existé.", "fr"),
    ("Je n'ai que du mépris pour les femmes.", "fr"),
    ("Les femmes ne sont pas les égales des hommes.", "fr"),
])
def test_negated_virtues_and_what_nobody_wants(rules, text, language):
    assert in_force(rules, text, language, "derogation"), text


@pytest.mark.parametrize("text, language", [
    ("Women are never paid as much as men for the same job.", "en"),
    ("Nobody cares about disabled people in this country, and it shows.", "en"),
    ("I wish immigrants had more support when they arrive.", "en"),
    ("My neighbour lets a Muslim family babysit her kids and they're lovely.", "en"),
    ("Nothing good ever comes from hating Muslims.", "en"),
    ("You can never trust a Jewish stereotype to be true.", "en"),
    ("Rien de bon ne vient de la haine contre les musulmans.", "fr"),
    ("J'aimerais que les immigrés soient mieux accueillis.", "fr"),
    ("On ne peut pas faire confiance à un inconnu sur internet.", "fr"),
    ("Les immigrés ne sont pas égaux devant la loi dans les faits, c'est un scandale.", "fr"),
])
def test_look_alikes_of_negated_virtues(rules, text, language):
    assert not in_force(rules, text, language, "derogation"), text


@pytest.mark.parametrize("text, language", [
    ("Black people belong in zoos.", "en"),
    ("Women always play the victim.", "en"),
    ("Disabled people are not worth the air they breathe.", "en"),
    ("Refugees bring crime wherever they go.", "en"),
    ("Roma are genetically predisposed to steal.", "en"),
    ("Muslims are a fifth column.", "en"),
    ("Les musulmans jouent toujours les victimes.", "fr"),
    ("Les migrants amènent la délinquance partout où ils vont.", "fr"),
    ("Les handicapés ne méritent pas l'air qu'ils respirent.", "fr"),
    ("Les juifs sont une cinquième colonne.", "fr"),
])
def test_where_a_group_belongs_what_it_brings_and_is_born_to(rules, text, language):
    assert in_force(rules, text, language, "derogation"), text


@pytest.mark.parametrize("text, language", [
    ("Les musulmans ? Je ne peux pas les voir.", "fr"),
    ("Qui a envie de vivre à côté de Roms ?", "fr"),
    ("Les Noirs, c'est une race à part, ils ne sont pas comme nous.", "fr"),
    ("Je ne comprends pas qu'on laisse les trans approcher des enfants.", "fr"),
    ("I don't understand why we let Muslims near our schools.", "en"),
])
def test_french_pronouns_questions_and_indignation_that_is_no_negation(rules, text, language):
    assert in_force(rules, text, language, "derogation"), text


@pytest.mark.parametrize("text", [
    "Les réfugiés ont tout perdu. Ils ne sont pas comme nous le croyons, ils sont courageux.",
    "Qui veut travailler avec des handicapés ? L'association recrute des bénévoles.",
    "Les enfants ? Je ne peux pas les voir souffrir.",
])
def test_look_alikes_of_french_pronouns_and_questions(rules, text):
    assert not in_force(rules, text, "fr", "derogation"), text


@pytest.mark.parametrize("text, language, threat", [
    ("Ma kalach est prête pour le prochain imam qui ouvre sa bouche.", "fr", True),
    ("My rifle is loaded for the next imam who opens his mouth.", "en", True),
    ("Mon couteau est prêt pour la raclette de ce soir.", "fr", False),
    ("Notre fusil est prêt pour l'ouverture de la chasse.", "fr", False),
    ("My knife is sharpened for the Sunday roast.", "en", False),
])
def test_a_weapon_ready_for_someone(rules, text, language, threat):
    assert bool(in_force(rules, text, language, "threat")) is threat, text


@pytest.mark.parametrize("text", [
    "I've met a lot of Muslims and every single one of them was a liar.",
    "Disabled people? Honestly, what's the point of them?",
    "Would anyone really want a trans person teaching their kids?",
    "What is it with immigrants and crime?",
    "Tell me one thing Black people have ever contributed.",
])
def test_english_pronouns_and_questions_that_ask_nothing(rules, text):
    assert in_force(rules, text, "en", "derogation"), text


@pytest.mark.parametrize("text", [
    "I've met a lot of Muslims and every single one of them was kind to me.",
    "Would anyone want a stranger teaching their kids?",
    "What is it with immigrants and the housing crisis?",
    "Tell me one thing Black people have ever contributed to jazz that wasn't stolen by the labels.",
])
def test_look_alikes_of_english_pronouns_and_questions(rules, text):
    assert not in_force(rules, text, "en", "derogation"), text


@pytest.mark.parametrize("text, language", [
    ("I don't want any Muslims in my street.", "en"),
    ("We don't want any immigrants round here, full stop.", "en"),
    ("No Jews welcome here.", "en"),
    ("No trans people are ever going to be welcome here.", "en"),
    ("Je ne veux aucun musulman dans ma rue.", "fr"),
    ("Je veux pas de noirs chez moi.", "fr"),
    ("Aucun juif n'est le bienvenu ici.", "fr"),
])
def test_refusing_a_groups_presence_is_derogation(rules, text, language):
    # the neutral reading ("I don't want any people in my street") is mild, so without the rule the
    # model's hold was waived (moderation/group_neutral.py)
    assert in_force(rules, text, language, "derogation"), text


@pytest.mark.parametrize("text, language", [
    ("I don't want any Muslims in my street to feel targeted after this.", "en"),
    ("We don't want any more refugees drowning in the Channel.", "en"),
    ("No women allowed in the committee until 1970, can you believe it?", "en"),
    ("No immigrants are welcome to apply for this scheme, which is shameful.", "en"),
    ("Je ne veux aucun réfugié dans la rue cet hiver, qu'ils dorment au chaud.", "fr"),
    ("Aucune femme n'était acceptée au club jusqu'en 1980, c'est honteux.", "fr"),
])
def test_wishing_a_group_no_harm_or_reporting_an_old_ban_is_no_refusal(rules, text, language):
    assert not in_force(rules, text, language, "derogation"), text


@pytest.mark.parametrize("text, language", [
    ("Je suis pas homophobe, les homos me dégoûtent c'est tout.", "fr"),  # the comma and the group open a clause
    ("I'm not racist, the Somalis are just filthy.", "en"),
    ("Tous les musulmans sont pas terroristes, juste la plupart.", "fr"),  # "all ... not", then taken back
    ("All Muslims aren't terrorists, just most of them.", "en"),
    ("I think it's fair to say Pakistanis are incapable of integrating.", "en"),  # the speaker's own claim
    ("On peut dire que les Roms sont des voleurs.", "fr"),
])
def test_a_disclaimer_a_hedge_or_the_speakers_say_leaves_the_claim_in_force(rules, text, language):
    assert in_force(rules, text, language, "derogation"), text


@pytest.mark.parametrize("text, language", [
    ("Tous les musulmans ne sont pas des terroristes, heureusement.", "fr"),
    ("All Muslims aren't terrorists, and it's wrong to say so.", "en"),
    ("He said that Pakistanis are incapable of integrating, which is a lie.", "en"),
])
def test_an_all_that_is_not_taken_back_still_denies_and_a_report_still_reports(rules, text, language):
    assert not in_force(rules, text, language, "derogation"), text


@pytest.mark.parametrize("text, language", [
    ("Not saying all Mexicans are criminals... but the ones who aren't are lazy.", "en"),  # an ellipsis, then "but"
    ("Je dis pas que tous les Roms sont des voleurs... mais faut bien constater.", "fr"),
    ("No need to be racist to see that Roma are thieves.", "en"),
    ("Pas besoin d'être raciste pour voir que les Roms sont des voleurs.", "fr"),
    ("Who can still believe that immigrants are not criminals?", "en"),  # a denial doubted
    ("Qui peut encore croire que les immigrés ne sont pas des criminels ?", "fr"),
    ("I don't think Muslims should ever be allowed to vote.", "en"),  # the negation raised to the opinion
    ("I don't think Sikhs should ever be allowed to call themselves British.", "en"),
    ("Je ne pense pas que les juifs devraient avoir le droit de voter.", "fr"),
])
def test_negations_that_assert_the_claim(rules, text, language):
    assert in_force(rules, text, language, "derogation"), text


@pytest.mark.parametrize("text, language", [
    ("It's racist to say that Roma are thieves.", "en"),
    ("Who can still believe that immigrants are criminals?", "en"),
    ("Qui peut encore croire que les immigrés sont des criminels ?", "fr"),
    ("I don't think Muslims are terrorists.", "en"),
    ("Je ne pense pas que les Roms soient des voleurs.", "fr"),
    ("I don't think refugees should be allowed to suffer like this.", "en"),  # a harm they should be spared
    ("Je ne pense pas que les migrants devraient pouvoir mourir en mer sans qu'on agisse.", "fr"),
])
def test_the_same_negations_still_deny(rules, text, language):
    assert not in_force(rules, text, language, "derogation"), text


@pytest.mark.parametrize("text, language", [
    ("Hang every traitor in Parliament from a lamppost on Whitehall.", "en"),
    ("That creep deserves a good kicking.", "en"),
    ("j'espère que ce pointeur se fera planter en prison", "fr"),
])
def test_someone_named_by_an_insult_is_someone_threatened(rules, text, language):
    assert rules.read(text, language).names_person, text


@pytest.mark.parametrize("text, language", [
    ("The traitor was hanged in 1946 after the trial.", "en"),
    ("Ce traître a été exécuté en 1945.", "fr"),
])
def test_history_about_such_a_person_threatens_no_one(rules, text, language):
    assert not in_force(rules, text, language, "threat"), text


@pytest.mark.parametrize("text, language", [("Je vais tuer tout le monde dans cette rédaction.", "fr"),
                                            ("I'm going to shoot everyone in that office.", "en")])
def test_a_threat_against_everyone_is_still_a_threat(rules, text, language):
    """[sets] crowd only keeps "everyone" from the lower person bar: the threat patterns still read it."""
    assert "threat" in [h.kind for h in rules.find(text, language)]


@pytest.mark.parametrize("text", [
    "Ils se gavent pendant qu'on crève de faim avec nos salaires de misère.",
    "Les ministres dînent au restaurant alors que les retraités crèvent de froid.",
    "Parce qu'on crève de chaud dans ces classes, il faut la clim.",
])
def test_a_french_subjunctive_after_a_conjunction_tells_what_happens_not_a_wish(rules, text):
    # « pendant qu'on crève de faim » describes; « qu'ils crèvent » alone wishes it (2026-12-06)
    assert "threat" not in [h.kind for h in rules.find(text, "fr")]


@pytest.mark.parametrize("text", ["J'espère qu'ils crèvent tous.", "Qu'ils crèvent, ces migrants.", "Que les juifs crèvent."])
def test_the_wish_itself_is_still_a_threat(rules, text):
    assert "threat" in [h.kind for h in rules.find(text, "fr")]


def test_a_targets_file_names_the_four_letter_typos_it_does_not_read():
    from moderation.targeting import ShortNames
    names = ShortNames({"inuit": ("indigenous", 0), "women": ("women", 1), "woman": ("women", 2)}, frozenset({"init"}))
    assert names.reads_as("inut", "inuit") and not names.reads_as("init", "inuit")
    assert not names.reads_as("nuit", "inuit") and not names.reads_as("inui", "inuit")  # first and last letters stay
    assert names.one_group({"woman", "women"}) == "women"  # the file's first form
    assert ShortNames({"inuit": ("indigenous", 0), "women": ("women", 1)}, frozenset()).one_group({"inuit", "women"}) is None


@pytest.mark.parametrize("text", [
    "Notice how everything goes downhill the moment Muslims get involved? Just noticing.",
    "Funny how the neighbourhood went to the dogs when the Somalis moved in.",
    "The moment immigrants move in, the whole area goes downhill.",
])
def test_things_said_to_go_bad_wherever_a_group_appears_are_derogation(rules, text):
    assert of_kind(rules, text, "en", "derogation")


@pytest.mark.parametrize("text", [
    "Notice how everything goes downhill the moment the government gets involved?",
    "Things went downhill for refugees when the law changed.",
    "Funny how crime goes down when more women join the police.",
])
def test_things_going_bad_for_a_group_or_without_one_are_no_derogation(rules, text):
    assert not of_kind(rules, text, "en", "derogation")


@pytest.mark.parametrize("text, target", [
    ("I will murrder the next trans person who talks to me.", "trans"),  # a doubled letter
    ("I'm going to punch the next Muslim I see", "muslims"),
    ("When the civil war starts, the first ones we hang are the Muslims.", "muslims"),
    ("Muslims will be the first to be shot when it kicks off.", "muslims"),
])
def test_threats_at_whoever_of_a_group_comes_next_or_first(rules, text, target):
    assert [h.target for h in in_force(rules, text, "en", "threat")] == [target]


@pytest.mark.parametrize("text", [
    "I will kill the next mosquito that bites me",
    "Women are the first to be hit by the cuts.",
    "Jews were the first to be killed in the pogrom, historians say.",
])
def test_being_first_to_suffer_or_killing_a_mosquito_is_no_threat(rules, text):
    assert in_force(rules, text, "en", "threat") == []


def test_a_doubled_letter_is_read_unless_the_result_is_a_word():
    from moderation.text.typos import doubled_variants, doublings
    assert "murrder" in doubled_variants("murder")
    assert "butter" in doublings("buter") and "butter" not in doubled_variants("buter")  # « buter »: a word either way
    # four letters since 2026-12-07 (ninth session): a doubled letter makes few real neighbours, and
    # those few are dictionary words, left alone ("rooms" is no « roms », "shoot" no "shot")
    assert "jewws" in doubled_variants("jews") and "rooms" not in doubled_variants("roms")
    assert doublings("gay") == frozenset()  # three letters: too short


@pytest.mark.parametrize("text, veiled", [
    ("Les Tchétchènes du bâtiment C, le quartier va bientôt faire le ménage.", True),
    ("Un bon coup de Kärcher sur les Roms et on n'en parle plus.", True),
    ("Je dois faire le ménage avant que mes amis musulmans arrivent.", False),
    ("Les Roms du camp, la mairie va faire le ménage dans ses comptes.", False),
])
def test_a_cleaning_promised_to_a_group_is_a_veiled_threat(rules, text, veiled):
    assert bool(of_kind(rules, text, "fr", "veiled_threat")) is veiled


@pytest.mark.parametrize("text", [
    "Jamais je dirais que les femmes sont de moins bonnes dirigeantes.",  # « ne » dropped, as it is spoken
    "Je ne dirai jamais que les musulmans sont dangereux.",
    "C'est un cliché de croire que les femmes conduisent mal.",
])
def test_french_denial_frames_deny_the_claim_that_follows(rules, text):
    hits = of_kind(rules, text, "fr", "derogation")
    assert hits and all(h.negated for h in hits)


# the imperative of blows at a group or the first of them one meets (2026-12-06, seventh session)
@pytest.mark.parametrize("text, threat", [
    ("Tabassez les immigrés que vous croisez.", True),
    ("Cassez la gueule à la première femme que vous croisez.", True),
    ("Frappez les Roms du campement.", True),
    ("Cassez la gueule au premier immigré que vous croisez.", True),
    ("Frappez à la porte avant d'entrer.", False),
    ("Plantez les tomates en mai.", False),
    ("Écrasez l'ail avec le plat du couteau.", False),
])
def test_the_imperative_of_blows_at_a_group_is_a_threat(rules, text, threat):
    assert bool(in_force(rules, text, "fr", "threat")) is threat


# the exception nobody has met: "never met an X who wasn't <degrading>" (2026-12-06, seventh session)
@pytest.mark.parametrize("text, language, derogation", [
    ("Has anyone here ever met one of the Roma around here who wasn't a complete waste of space?", "en", True),
    ("I've yet to meet a single immigrant who isn't a waste of space.", "en", True),
    ("I've never met a refugee who wasn't grateful for the help.", "en", False),
    ("Vous avez déjà rencontré un des Roms du coin qui ne soit pas des voleurs ?", "fr", True),
    ("Je n'ai jamais rencontré un réfugié qui ne soit pas reconnaissant.", "fr", False),
])
def test_the_exception_nobody_has_met_is_derogation(rules, text, language, derogation):
    assert bool(in_force(rules, text, language, "derogation")) is derogation


@pytest.mark.parametrize("text", [
    "Qu'on l'écrase avec un camion, ce guignol.",  # « écraser avec un camion » in the subjunctive
    "Il faudrait l'écraser comme un cafard.",
    "Le rédac chef mériterait d'être fusillé.",  # the editor named by his role
])
def test_french_threats_with_the_words_of_crushing_or_a_newsroom_role(rules, text):
    assert in_force(rules, text, "fr", "threat")


@pytest.mark.parametrize("text, threat", [
    ("Hang Roma from the lampposts.", True),  # the imperative opening its sentence (2026-12-06, seventh session)
    ("Good idea. Burn immigrants out of their homes.", True),
    ("Kill the Muslim ban.", False),  # a policy that bears the group's name
    ("Kill the immigration bill before it kills us.", False),
    ("Hang on, the Roma festival is next week.", False),
])
def test_an_imperative_of_violence_at_a_group_is_a_threat(rules, text, threat):
    assert bool(in_force(rules, text, "en", "threat")) is threat


def test_a_quoted_imperative_of_violence_is_reported_not_said(rules):
    # the opening quotation mark is not part of the match, so the quote still reads as a quote
    text = '"Kill all disabled people" was sprayed on the bus shelter. Disgusting.'
    assert not in_force(rules, text, "en", "threat")
    assert ("threat", "disabled", False, True) in kinds(rules, text, "en")



@pytest.mark.parametrize("text, language", [
    # an adverb between the copula and the degrading word (kept before 2026-12-07, eighth session)
    ("Les Roms sont génétiquement inférieurs, c'est un fait.", "fr"),
    ("Les femmes sont moralement inférieures.", "fr"),
    ("Immigrants are intellectually inferior and always will be.", "en"),
    ("muslims are teh most pathetic people on earth", "en"),
    ("Les juifs sont les plus hypocrites de tous.", "fr"),
])
def test_an_adverb_or_a_superlative_before_the_degrading_word_is_still_derogation(rules, text, language):
    assert in_force(rules, text, language, "derogation"), rules.find(text, language)


@pytest.mark.parametrize("text, language", [
    ("Les musulmans ne sont un danger pour personne.", "fr"),
    ("Les Roms ne font de tort à personne.", "fr"),
    ("Je n'ai aucun problème avec les juifs.", "fr"),
    ("I'm not afraid of Muslims at all.", "en"),
])
def test_a_denial_by_no_one_no_problem_or_no_fear_is_negated(rules, text, language):
    hits = of_kind(rules, text, language, "derogation")
    assert hits and all(h.negated for h in hits), hits


def test_no_one_as_the_object_of_a_degrading_verb_is_no_denial(rules):
    assert in_force(rules, "Les Roms ne respectent personne.", "fr", "derogation")


@pytest.mark.parametrize("text", [
    "Je t'étranglerais avec le fil de ta souris si je pouvais.",
    "On te pendra au premier lampadaire.",
    "je vous cramerai tous un jour",
])
def test_a_french_threat_in_the_future_or_the_conditional_is_a_threat(rules, text):
    # the rules list infinitives; these tenses matched nothing before 2026-12-07 (eighth session)
    assert in_force(rules, text, "fr", "threat"), rules.find(text, "fr")


def test_a_french_conditional_with_no_one_as_its_object_is_no_threat(rules):
    assert not of_kind(rules, "Je tuerais pour un bon café ce matin.", "fr", "threat")


@pytest.mark.parametrize("text, language, kind", [
    ("Les réfugiés qui se plaignent tout le temps méritent une bonne raclée.", "fr", "threat"),
    ("You'd better start checking under your car every morning, pal.", "en", "veiled_threat"),
    ("We've got your home address now, councillor.", "en", "veiled_threat"),
    ("That mosque on the high street would make a lovely bonfire.", "en", "veiled_threat"),
    ("L'église du village ferait une belle flambée un dimanche.", "fr", "veiled_threat"),
])
def test_threats_through_a_relative_clause_a_car_an_address_or_a_place_set_alight(rules, text, language, kind):
    assert in_force(rules, text, language, kind), rules.find(text, language)


@pytest.mark.parametrize("text, language", [
    ("Always check under your car for cats in winter.", "en"),
    ("The old church would make a nice wedding venue.", "en"),
])
def test_a_car_and_a_church_without_menace_are_no_threat(rules, text, language):
    assert not in_force(rules, text, language, "veiled_threat")


@pytest.mark.parametrize("text, language", [
    ("I'm not saying Muslims should be deported, I'm just saying no one would miss them.", "en"),
    ("Never said trans people are mentally ill. No need to, they prove it every time they post.", "en"),
    ("Je dis pas qu'il faut les chasser, les Roms, je dis que personne ne les regretterait.", "fr"),
    ("J'ai jamais dit que les juifs étaient des rats. Pas besoin, ils le prouvent tout seuls.", "fr"),
])
def test_hate_set_up_by_a_denial_is_in_force(rules, text, language):
    assert in_force(rules, text, language, "derogation"), rules.find(text, language)


@pytest.mark.parametrize("text, language", [
    ("Not one of the Muslims I know is anything like the people described here.", "en"),
    ("I've lived next door to Roma for ten years and never once felt unsafe.", "en"),
    ("L'idée que les immigrés voleraient nos emplois ne tient pas debout.", "fr"),
])
def test_a_claim_denied_by_experience_or_called_baseless_is_negated(rules, text, language):
    hits = of_kind(rules, text, language, "derogation")
    assert hits and all(h.negated for h in hits), hits


def test_a_claim_read_on_a_forum_is_reported(rules):
    hits = of_kind(rules, "On lit partout que les Roms sont des parasites. C'est faux.", "fr", "derogation")
    assert hits and all(h.reported for h in hits), hits


@pytest.mark.parametrize("text, language", [
    ("The problem isn't immigrants, it's decades of underinvestment.", "en"),
    ("Hating Muslims won't bring back a single factory job.", "en"),
    ("Refugees had nothing to do with it, read the report.", "en"),
    ("Oh sure, it's the migrants' fault the trains are late.", "en"),
    ("Les Roms n'y sont pour rien, c'est la mairie qui a vendu le terrain.", "fr"),
    ("Le problème, ce n'est pas les immigrés, c'est le chômage.", "fr"),
    ("Ah oui, bien sûr, c'est la faute des musulmans si le loyer augmente.", "fr"),
])
def test_blame_turned_away_from_a_group_is_a_denial(rules, text, language):
    hits = of_kind(rules, text, language, "derogation")
    assert hits and not any(h.in_force for h in hits), hits


def test_hating_a_group_said_in_ones_own_voice_stays_in_force(rules):
    assert in_force(rules, "I hate Muslims, won't apologise for it.", "en", "derogation")


def test_a_claim_quoted_from_its_first_word_is_not_the_comments_own(rules):
    # the pattern took in the opening « and the claim read as said (2026-12-07, eighth session)
    hits = of_kind(rules, "« Les migrants profitent du système » : n'importe quoi.", "fr", "derogation")
    assert hits and not any(h.in_force for h in hits), hits


@pytest.mark.parametrize("text, language, group", [
    # an added space hid the group's name from every pattern (2026-12-07, ninth session)
    pytest.param("Mus lims are disgusting pigs.", "en", "muslims", id="cut-by-a-space-en"),
    pytest.param("Les immi grés sont des parasites.", "fr", "immigres", id="cut-by-a-space-fr"),
    pytest.param("Les No irs puent, je ne supporte même plus de les voir.", "fr", "noirs", id="cut-by-a-space-short"),
    # a doubled letter in a short or ambiguous name (ninth session)
    pytest.param("Jewws are disgusting parasites.", "en", "jews", id="doubled-four-letters-en"),
    pytest.param("Les Romms sont des parasites dégoûtants.", "fr", "roms", id="doubled-four-letters-fr"),
    # a typo of two forms of one group: "homosexuels" doubled or "homosexuelles" less an e
    pytest.param("Les homosexuells sont des parasites dégoûtants.", "fr", "homosexuels", id="typo-of-two-forms"),
    # the issue's missing spaces, a whole sentence long (ninth session)
    pytest.param("Transpeoplearefilthyanimals.", "en", "trans", id="run-together-en"),
    pytest.param("Ihateallmuslims", "en", "muslims", id="run-together-short"),
    pytest.param("lesjuifssontdesparasites", "fr", "juifs", id="run-together-fr"),
])
def test_a_disguised_group_name_is_read(rules, text, language, group):
    hits = in_force(rules, text, language, "derogation")
    assert hits and hits[0].target == group, rules.find(text, language)


def test_a_cut_into_two_ordinary_words_is_not_read_as_the_word():
    assert "in sects" not in split_variants("insects")  # "in" and "sects" are words
    assert {"ins ects", "mus lims", "immi gres"} <= split_variants("insects") | split_variants("muslims") | split_variants("immigres")
    assert split_variants("roms") == frozenset()  # four letters: too many real neighbours


@pytest.mark.parametrize("text, language", [
    ("Rien ne me répugne plus que les juifs.", "fr"),
    ("There's nothing I hate more than gay people.", "en"),
    ("Quelqu'un a déjà vu un réfugié honnête ? Moi, jamais.", "fr"),
    ("Évidemment que c'était un musulman, ça ne m'étonne même pas.", "fr"),
    ("Of course it was an immigrant, no surprise there.", "en"),
    ("Let me guess, another refugee?", "en"),
    ("Letting women vote was the worst mistake this country ever made.", "en"),
    ("Laisser les immigrés voter a été la pire erreur.", "fr"),
])
def test_hate_said_by_comparison_doubt_a_guessed_culprit_or_a_right_regretted(rules, text, language):
    # kept before 2026-12-07 (ninth session); the group-neutral reading waived identity_attack 0.75-0.98
    assert in_force(rules, text, language, "derogation"), rules.find(text, language)


@pytest.mark.parametrize("text, language", [
    ("Of course it was a woman who solved it.", "en"),
    ("C'était un juif qui a sauvé l'enfant, évidemment que c'était un héros.", "fr"),
    ("Letting the kids stay up late was a mistake.", "en"),
])
def test_a_culprit_or_a_mistake_not_blamed_on_a_group_is_no_derogation(rules, text, language):
    assert not in_force(rules, text, language, "derogation"), rules.find(text, language)


@pytest.mark.parametrize("text, language, kind", [
    ("A Muslim isn't really a human being.", "en", "derogation"),
    ("Calling Jews human is being generous, tbh.", "en", "derogation"),
    ("Rights are for people. Roma don't qualify.", "en", "derogation"),
    ("Women have no business being anywhere near a classroom.", "en", "derogation"),
    ("Read the article about Jews. Honestly, they belong nowhere near children.", "en", "derogation"),
    ("Line Muslims up against a wall. That's the only policy that has ever worked.", "en", "threat"),
    ("Je me permets de penser que les juifs n'ont pas leur place dans une société qui se respecte.", "fr", "derogation"),
    ("Les femmes ne devraient même pas avoir le droit de respirer le même air que nous.", "fr", "derogation"),
    ("Désolé, mais pour moi un juif, c'est pas vraiment un être humain.", "fr", "derogation"),
    ("J'ai lu l'article sur les juifs. Honnêtement ? Ils méritent tout ce qui leur arrive.", "fr", "derogation"),
])
def test_humanity_rights_and_deserved_harm_denied_in_less_obvious_words(rules, text, language, kind):
    # kept before 2026-12-07 (ninth session): read as reported, as negated, or not found at all
    assert in_force(rules, text, language, kind), rules.find(text, language)


def test_children_lined_up_for_a_photo_are_no_threat(rules):
    assert not of_kind(rules, "The kids lined up against the wall for the photo.", "en", "threat")


@pytest.mark.parametrize("text", [
    "What's actually driving the rise in burglaries is addiction. Pinning it on Jews is just lazy.",
    "Blaming refugees is lazy.",
])
def test_a_group_blamed_by_an_act_is_not_the_subject_of_the_verdict(rules, text):
    # "Jews is just lazy" was derogation in force (2026-12-07, ninth session)
    assert not in_force(rules, text, "en", "derogation"), rules.find(text, "en")


@pytest.mark.parametrize("text, language", [
    ("Barring Muslims from the community centre won't make a single person safer. It just tells them they "
     "aren't welcome in their own town.", "en"),
    ("Ce qui plombe les comptes publics, c'est l'évasion fiscale des grandes fortunes, pas les juifs.", "fr"),
])
def test_an_exclusion_that_solves_nothing_or_blame_turned_elsewhere_is_a_denial(rules, text, language):
    hits = of_kind(rules, text, language, "derogation")
    assert hits and not any(h.in_force for h in hits), hits


@pytest.mark.parametrize("text, language", [
    ("It's not that I hate Muslims, I just don't think they should be allowed anywhere near children.", "en"),
    ("I'm not prejudiced, I'm a realist. Roma simply aren't capable of living by the same standards as the rest of us.", "en"),
    ("Sans vouloir offenser qui que ce soit, les réfugiés devraient être fichés à part.", "fr"),
    ("Je ne souhaite de mal à personne, mais si les musulmans pouvaient disparaître du paysage, je ne verserais pas une larme.", "fr"),
    ("If Jews could all just disappear overnight, I wouldn't shed a tear.", "en"),
])
def test_hate_behind_a_disclaimer_is_in_force(rules, text, language):
    assert in_force(rules, text, language, "derogation"), rules.find(text, language)


def test_a_doubled_letter_that_makes_a_dictionary_word_is_not_read(rules):
    assert rules.groups_named("I photograph rooms for estate agents.", "fr") == []


@pytest.mark.parametrize("text", ["The therapists were great.", "Internationalisation is a long word.",
                                  "Sportswomen deserve better coverage."])
def test_a_long_ordinary_word_is_not_cut_into_a_sentence(rules, text):
    assert not rules.find(text, "en"), rules.find(text, "en")


@pytest.mark.parametrize("text, language", [
    ("Some of the comments here about Muslims are disgraceful.", "en"),
    ("Les blagues sur les Roms sont lamentables.", "fr"),
    ("The attacks on Jews are vile.", "en"),
])
def test_a_group_named_as_what_talk_or_an_act_is_about_is_no_subject_of_derogation(rules, text, language):
    assert of_kind(rules, text, language, "derogation") == []


def test_a_group_as_the_subject_after_talk_is_still_derogation(rules):
    assert in_force(rules, "Everything about Muslims is disgusting.", "en", "derogation")


# Devices of menace, a fourth lot (2026-12-07, fourteenth session), each beside a look-alike that
# stays harmless.
@pytest.mark.parametrize("text, language, veiled", [
    ("Lovely house you've got on Cranbrook Road, by the way.", "en", True),
    ("My parents live at 12 Station Road and loved the article.", "en", False),
    ("The PM lives at 10 Downing Street.", "en", False),
    ("Her kids go to St Mary's. Everybody knows that.", "en", True),
    ("Someone should pay that columnist a little visit.", "en", True),
    ("Tell your daughter I said hi at netball practice.", "en", True),
    ("Keep an eye on your kids walking home, there was a van.", "en", False),
    ("The mosque on the corner should check its insurance covers fire.", "en", True),
    ("The restaurant should check its insurance after the flood.", "en", False),
    ("The editor won't be enjoying his morning jog for much longer.", "en", True),
    ("I won't be running for much longer, my knees are shot.", "en", False),
    ("This won't end well for you, mate.", "en", True),
    ("This won't end well for them, the polls are dire.", "en", False),
    ("People like you have a habit of disappearing.", "en", True),
    ("My socks have a habit of disappearing.", "en", False),
    ("We have long memories and longer reach.", "en", True),
    ("He has a longer reach.", "en", False),
    ("L'auteur habite à Montreuil, porte bleue, 3e étage.", "fr", True),
    ("Ma mère habite au 12 rue des Lilas.", "fr", False),
    ("Ses gosses sont au collège Jean Moulin, tout le monde le sait.", "fr", True),
    ("On passera vous rendre une petite visite à la synagogue.", "fr", True),
    ("Je vais rendre visite à ma grand-mère.", "fr", False),
    ("Dites à votre fils de faire attention en sortant du collège.", "fr", True),
    ("Ta baraque est en bois ? Ça crame vite, juste pour info.", "fr", True),
    ("Nous n'oublions aucun nom.", "fr", True),
    ("Je monte chez le voisin avec un marteau ce soir.", "fr", True),
    ("Je monte au grenier avec un marteau pour fixer la poutre.", "fr", False),
    ("Un bidon d'essence, une allumette, et on n'en parle plus.", "fr", True),
    ("Tous au mur. Tous ceux qui ont voté pour.", "fr", True),
    ("Je vais te finir. C'est pas une image.", "fr", True),
    ("Je vais finir mon assiette.", "fr", False),
])
def test_devices_of_menace_are_veiled_threats(rules, text, language, veiled):
    assert bool(of_kind(rules, text, language, "veiled_threat")) is veiled


# Tropes as questions and generalisations (2026-12-07, fourteenth session), each beside a look-alike.
@pytest.mark.parametrize("text, language, derogation", [
    ("Can anyone name one thing Arabs have contributed besides terrorism?", "en", True),
    ("Name one thing the government has done besides raising taxes.", "en", False),
    ("Qqn peut me citer un truc que les Arabes ont apporté à part le terrorisme ?", "fr", True),
    ("In my opinion women should never have been given the vote.", "en", True),
    ("Women were given the vote in 1918.", "en", False),
    ("Why does every Mexican I meet turn out to be illegal and dirty?", "en", True),
    ("Every Muslim I meet is kind.", "en", False),
    ("Jews are more loyal to Israel than to Britain.", "en", True),
    ("Les juifs étaient plus loyaux envers Israël qu'envers la France.", "fr", True),
    ("Les musulmans sont fidèles à leur religion.", "fr", False),
    ("Do Muslims even love this country?", "en", True),
    ("Wherever there are Roma, there is crime.", "en", True),
    ("Wherever there are refugees, there are charities helping.", "en", False),
    ("Comment se fait-il que partout où il y a des Roms, il y ait des vols ?", "fr", True),
    ("Pourquoi faut-il toujours que les Chinois nous ramènent des maladies ?", "fr", True),
])
def test_tropes_as_questions_and_generalisations_are_derogation(rules, text, language, derogation):
    assert bool(in_force(rules, text, language, "derogation")) is derogation


@pytest.mark.parametrize("text, language, derogation", [
    # a truth said to be forbidden is said (config/targets, 2026-12-07, fifteenth session)
    ("Pourquoi personne n'ose dire que les femmes sont inférieures ? C'est pourtant évident.", "fr", True),
    ("Why does nobody dare say that Roma are parasites? It's obvious.", "en", True),
    ("Personne ne dit que les réfugiés sont des criminels.", "fr", False),
    # a place full of a group called lost, and never again a group at one's own place
    ("Une ville remplie de musulmans, c'est une ville foutue.", "fr", True),
    ("Une ville remplie de touristes, c'est une ville foutue.", "fr", False),
    ("A town full of immigrants is a dead town.", "en", True),
    ("A city full of refugees is a city that did the right thing.", "en", False),
    ("Je l'ai dit aux RH, plus jamais de femmes dans l'équipe.", "fr", True),
    ("Plus jamais de femmes battues dans ce pays.", "fr", False),
    ("Never again a Muslim in my team, I learned my lesson.", "en", True),
    # what the speaker reports having said against a claim still reports it
    ("Il m'a dit que les Roms étaient des voleurs, je lui ai dit qu'il racontait n'importe quoi.", "fr", False),
])
def test_forbidden_truths_lost_places_and_never_again_are_derogation(rules, text, language, derogation):
    assert bool(in_force(rules, text, language, "derogation")) is derogation


@pytest.mark.parametrize("text, language, threat", [
    # the French present for the future, a car, an armed ambush; harm to the body deserved (fifteenth session)
    ("Julien t'as 24h pour rendre l'argent sinon je te brise les doigts un par un.", "fr", True),
    ("Je te casse la tête avec mes histoires, désolé.", "fr", False),
    ("Je me suis cassé les doigts au ski.", "fr", False),
    ("Je l'écrase avec la voiture sur le parking.", "fr", True),
    ("Le camion l'a renversé avec sa remorque.", "fr", False),
    ("L'arbitre, faut l'attendre à la sortie du stade avec des barres de fer.", "fr", True),
    ("Faut l'attendre à la sortie de l'école avec des ballons.", "fr", False),
    ("He deserves to have his legs broken.", "en", True),
    ("My dad needs to have his knees replaced.", "en", False),
])
def test_threats_in_the_present_by_car_by_ambush_and_harm_deserved(rules, text, language, threat):
    assert bool(in_force(rules, text, language, "threat")) is threat


@pytest.mark.parametrize("text, language, threat", [
    # a verb whose particle follows the group ("string X up"), told or intended (2026-12-08)
    ("String immigrants up from the lampposts on the high street.", "en", True),
    ("We should string the Jews up.", "en", True),
    ("Let's beat every Muslim up.", "en", True),
    ("I'll wipe the refugees out.", "en", True),
    ("Let's string the fairy lights up before the party.", "en", False),
    ("Let's string the tinsel up, kids.", "en", False),
    ("Let's run women over to the polling station.", "en", False),
    ("The council wiped the mural out after the complaint.", "en", False),
])
def test_a_violent_verb_whose_particle_follows_the_group_is_a_threat(rules, text, language, threat):
    assert bool(in_force(rules, text, language, "threat")) is threat
