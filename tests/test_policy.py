import dataclasses
from pathlib import Path

import pytest

from moderation.policy import Evidence, PolicyError, load_policy
from moderation.settings import PROJECT_ROOT
from moderation.targeting import TargetHit
from moderation.types import LexiconHit

POLICY_PATH = PROJECT_ROOT / "config" / "policy.toml"


@pytest.fixture(scope="module")
def policy():
    return load_policy(POLICY_PATH)


def hit(severity="strong", category="insult", field="text", quoted=False):
    return LexiconHit(term="x", category=category, severity=severity, start=0, end=1, matched="x",
                      language="en", field=field, quoted=quoted)


def test_shipped_policy_loads_with_version(policy):
    assert policy.version
    assert policy.thresholds("en")["hold"] < policy.thresholds("en")["remove"]
    assert policy.thresholds("xx") == policy.thresholds("und")


def test_clean_comment_is_kept(policy):
    verdict = policy.decide(Evidence("en", (), {"toxicity": 0.01}))
    assert verdict.outcome == "keep" and verdict.reasons == ()


def test_severe_hit_removes_and_strong_hit_holds(policy):
    assert policy.decide(Evidence("en", (hit("severe", "slur"),), {"toxicity": 0.0})).outcome == "remove"
    assert policy.decide(Evidence("en", (hit("strong"),), {"toxicity": 0.0})).outcome == "hold"
    assert policy.decide(Evidence("en", (hit("mild", "profanity"),), {"toxicity": 0.0})).outcome == "keep"


def test_threat_removes_whatever_its_severity(policy):
    verdict = policy.decide(Evidence("fr", (hit("strong", "threat"),), {"toxicity": 0.0}))
    assert verdict.outcome == "remove" and "lexicon_threat" in verdict.reasons


def test_author_hit_holds_at_most(policy):
    verdict = policy.decide(Evidence("en", (hit("severe", "slur", field="author"),), {"toxicity": 0.0}))
    assert verdict.outcome == "hold" and verdict.reasons == ("author_lexicon",)


def test_scores_against_language_thresholds(policy):
    limits = policy.thresholds("fr")
    assert policy.decide(Evidence("fr", (), {"toxicity": limits["hold"]})).outcome == "hold"
    assert policy.decide(Evidence("fr", (), {"toxicity": limits["remove"]})).outcome == "remove"
    assert policy.decide(Evidence("fr", (), {"toxicity": limits["hold"] - 0.01})).outcome == "keep"


def test_most_severe_wins_and_all_reasons_are_kept(policy):
    policy = dataclasses.replace(policy, hold_undetermined=True)
    verdict = policy.decide(Evidence("und", (hit("strong"),), {"toxicity": 0.999}))
    assert verdict.outcome == "remove"
    assert set(verdict.reasons) == {"lexicon_strong", "toxicity_remove", "language_undetermined"}


def test_quoted_terms_hold_at_most_and_say_so(policy):
    quiet = {"toxicity": 0.0}
    for severe in (hit("severe", "slur", quoted=True), hit("mild", "threat", quoted=True)):
        verdict = policy.decide(Evidence("en", (severe,), quiet))
        assert (verdict.outcome, verdict.reasons) == ("hold", ("lexicon_quoted",))
    assert policy.decide(Evidence("en", (hit("strong", quoted=True),), quiet)).reasons == ("lexicon_strong",)
    assert policy.decide(Evidence("en", (hit("mild", quoted=True),), quiet)).outcome == "keep"
    # a quoted term does not shield the rest of the comment
    both = (hit("severe", "slur", quoted=True), hit("severe", "slur"))
    assert policy.decide(Evidence("en", both, quiet)).outcome == "remove"
    assert policy.decide(Evidence("en", (hit("severe", quoted=True),), {"toxicity": 0.99})).outcome == "remove"


def test_a_comment_that_quotes_a_phrase_is_held_at_most_on_its_toxicity_score(policy):
    scores = {"toxicity": 0.99}
    quoting = Evidence("fr", (), scores, quotes_a_phrase=True)
    assert (policy.decide(quoting).outcome, policy.decide(quoting).reasons) == ("hold", ("toxicity_hold",))
    assert policy.decide(Evidence("fr", (), scores)).outcome == "remove"
    # a severe term in its own voice still removes, and a site may let the score remove
    assert policy.decide(Evidence("fr", (hit("severe", "slur"),), scores, quotes_a_phrase=True)).outcome == "remove"
    strict = dataclasses.replace(policy, quoted_hold_at_most=False)
    assert strict.decide(quoting).outcome == "remove"


def reported_threat(reported=True):
    return TargetHit(kind="threat", target="femmes", start=21, end=48, matched="il faut tabasser les femmes",
                     language="fr", reported=reported)


def test_a_comment_that_reports_a_threat_is_held_at_most_on_its_toxicity_score(policy):
    # « Ceux qui écrivent qu'il faut tabasser les femmes sont des minables » scored toxicity 0.99 on
    # the words it reports (engine eng-16)
    scores = {"toxicity": 0.99}
    reporting = Evidence("fr", (), scores, targets=(reported_threat(),))
    assert policy.decide(reporting).outcome == "hold"
    assert "toxicity_remove" not in policy.decide(reporting).reasons
    # the same threat in the comment's own voice removes
    assert policy.decide(Evidence("fr", (), scores, targets=(reported_threat(reported=False),))).outcome == "remove"
    # a site that lets quoted words remove lets reported ones too
    strict = dataclasses.replace(policy, quoted_hold_at_most=False)
    assert strict.decide(reporting).outcome == "remove"


def test_violence_told_as_past_news_is_not_held_at_the_group_bar(policy):
    group_bar = policy.limits("en")["threat"]["hold_if_group"]
    scores = {"toxicity": 0.0, "threat": group_bar + 0.01}
    assert policy.decide(Evidence("en", (), scores, names_group=True)).reasons == ("threat_group_hold",)
    assert policy.decide(Evidence("en", (), scores, names_group=True, reports_past_violence=True)).outcome == "keep"
    high = {"toxicity": 0.0, "threat": 0.99}  # the ordinary threat bar still holds
    assert policy.decide(Evidence("en", (), high, names_group=True, reports_past_violence=True)).outcome == "hold"


def test_quoted_terms_remove_when_the_policy_says_so(policy):
    strict = dataclasses.replace(policy, quoted_hold_at_most=False)
    assert strict.decide(Evidence("en", (hit("severe", "slur", quoted=True),), {"toxicity": 0.0})).outcome == "remove"


def test_undetermined_language_holds_only_where_the_policy_says_so(policy):
    assert policy.hold_undetermined is False  # shipped: "ok", "+1" and emoji hold only on evidence
    assert policy.decide(Evidence("und", (), {"toxicity": 0.0})).outcome == "keep"
    assert policy.decide(Evidence("und", (hit("strong"),), {"toxicity": 0.0})).outcome == "hold"
    strict = dataclasses.replace(policy, hold_undetermined=True)
    assert strict.decide(Evidence("und", (), {"toxicity": 0.0})).reasons == ("language_undetermined",)


def target(kind="threat", negated=False, reported=False):
    return TargetHit(kind=kind, target="muslims", start=0, end=5, matched="x", language="en",
                     negated=negated, reported=reported)


def test_a_veiled_threat_holds_by_default_and_a_site_may_remove_it(policy):
    quiet = {"toxicity": 0.0}
    veiled = policy.decide(Evidence("en", (), quiet, (target("veiled_threat"),)))
    assert (veiled.outcome, veiled.reasons) == ("hold", ("veiled_threat",))
    reported = policy.decide(Evidence("en", (), quiet, (target("veiled_threat", reported=True),)))
    assert reported.reasons == ("threat_reported",)
    strict = dataclasses.replace(policy, targeted={**policy.targeted, "veiled_threat": "remove"})
    assert strict.decide(Evidence("en", (), quiet, (target("veiled_threat"),))).outcome == "remove"


def test_targeted_abuse_threat_removes_derogation_holds_negation_keeps(policy):
    quiet = {"toxicity": 0.0}
    assert policy.decide(Evidence("en", (), quiet, (target("threat"),))).reasons == ("threat",)
    assert policy.decide(Evidence("en", (), quiet, (target("threat"),))).outcome == "remove"
    reported = policy.decide(Evidence("en", (), quiet, (target("threat", reported=True),)))
    assert (reported.outcome, reported.reasons) == ("hold", ("threat_reported",))
    derogation = policy.decide(Evidence("en", (), quiet, (target("derogation"),)))
    assert (derogation.outcome, derogation.reasons) == ("hold", ("identity_derogation",))
    for negated in (target("threat", negated=True), target("derogation", negated=True),
                    target("derogation", reported=True)):
        assert policy.decide(Evidence("en", (), quiet, (negated,))).outcome == "keep"


def test_targeted_outcomes_are_configurable(tmp_path):
    body = POLICY_PATH.read_text("utf-8").replace('derogation = "hold"', 'derogation = "remove"')
    (tmp_path / "p.toml").write_text(body, "utf-8")
    strict = load_policy(tmp_path / "p.toml")
    assert strict.decide(Evidence("en", (), {"toxicity": 0.0}, (target("derogation"),))).outcome == "remove"


def test_negated_lexicon_terms_propose_nothing(policy):
    negated = dataclasses.replace(hit("severe", "slur"), negated=True)
    assert policy.decide(Evidence("en", (negated,), {"toxicity": 0.0})).outcome == "keep"


def test_discounted_scores_decide_and_untargeted_swearing_is_a_site_choice(policy):
    limits = policy.thresholds("en")
    high, low = {"toxicity": limits["hold"] + 0.01}, {"toxicity": limits["hold"] - 0.01}
    swearing = (hit("mild", "profanity"),)
    assert policy.decide(Evidence("en", swearing, high)).outcome == "hold"
    kept = policy.decide(Evidence("en", swearing, high, (), low, untargeted_profanity=True))
    assert kept.outcome == "keep" and policy.untargeted_profanity == "keep"
    strict = dataclasses.replace(policy, untargeted_profanity="hold")
    held = strict.decide(Evidence("en", swearing, high, (), low, untargeted_profanity=True))
    assert (held.outcome, held.reasons) == ("hold", ("profanity_untargeted",))


@pytest.mark.parametrize("body, fragment", [
    ('[thresholds.und]\ntoxicity = { hold = 0.5, remove = 0.9 }\n', "version"),
    ('version = "1"\n[thresholds.en]\ntoxicity = { hold = 0.5, remove = 0.9 }\n', "thresholds.und"),
    ('version = "1"\n[thresholds.und]\ntoxicity = { hold = 0.9, remove = 0.5 }\n', "above remove"),
    ('version = "1"\n[thresholds.und]\ntoxicity = { hold = 1.5, remove = 2 }\n', r"\[0, 1\]"),
    ('version = "1"\n[thresholds.und]\ntoxicity = { hold = 0.5, remove = 0.9 }\nrudeness = { hold = 0.5, remove = 0.9 }\n', "unknown label"),
    ('version = "1"\n[lexicon]\nremove_severities = ["awful"]\n[thresholds.und]\ntoxicity = { hold = 0.5, remove = 0.9 }\n',
     "remove_severities"),
    ('version = "1"\nthis is not toml', "policy"),
    ('version = "1"\n[lexicon]\nquoted_hold_at_most = "yes"\n[thresholds.und]\ntoxicity = { hold = 0.5, remove = 0.9 }\n',
     "quoted_hold_at_most"),
    ('version = "1"\ncalibrated_for = 3\n[thresholds.und]\ntoxicity = { hold = 0.5, remove = 0.9 }\n', "calibrated_for"),
    ('version = "1"\n[targeted]\nthreat = "ban"\n[thresholds.und]\ntoxicity = { hold = 0.5, remove = 0.9 }\n', "[targeted]"),
    ('version = "1"\n[targeted]\nthreats = "remove"\n[thresholds.und]\ntoxicity = { hold = 0.5, remove = 0.9 }\n', "[targeted]"),
    ('version = "1"\n[profanity]\nuntargeted = "remove"\n[thresholds.und]\ntoxicity = { hold = 0.5, remove = 0.9 }\n',
     "profanity.untargeted"),
])
def test_bad_policy_files_are_refused_clearly(tmp_path, body, fragment):
    path = tmp_path / "policy.toml"
    path.write_text(body)
    with pytest.raises(PolicyError, match=fragment):
        load_policy(path)


def test_missing_policy_file(tmp_path):
    with pytest.raises(PolicyError, match="not found"):
        load_policy(Path(tmp_path / "nope.toml"))


def test_a_language_without_its_own_table_is_decided_and_reported_with_unds(tmp_path):
    path = tmp_path / "policy.toml"
    path.write_text('version = "1"\n[thresholds.und]\ntoxicity = { hold = 0.5, remove = 0.9 }\n')
    policy = load_policy(path)
    assert policy.thresholds("en") == {"hold": 0.5, "remove": 0.9}
    assert policy.decide(Evidence("en", (), {"toxicity": 0.6})).outcome == "hold"
    assert policy.decide(Evidence("en", (), {"toxicity": 0.95})).outcome == "remove"
    assert policy.thresholds("en", "threat") == {}  # no such label in force: no threshold claimed


def test_parse_policy_reads_text_as_load_policy_reads_the_file(tmp_path):
    from moderation.policy import PolicyError, load_policy, parse_policy

    path = Path(__file__).resolve().parents[1] / "config" / "policy.toml"
    assert parse_policy(path.read_text(encoding="utf-8"), source=str(path)) == load_policy(path)
    with pytest.raises(PolicyError, match="^my-candidate.toml: `version`"):
        parse_policy('version = ""\n', source="my-candidate.toml")


def test_a_denial_of_a_claim_about_a_group_is_not_held_on_the_model_scores_around_it(policy):
    denial = target("derogation", negated=True)
    hold = policy.thresholds("fr")["hold"]
    scores = {"toxicity": hold + 0.1, "identity_attack": 0.0}
    # "Les femmes ne sont pas trop émotives pour gouverner, cette idée est ridicule."
    assert policy.decide(Evidence("fr", (), scores, targets=(denial,), names_group=True)).outcome == "keep"
    # the same scores without the denial hold; with a claim in force beside it they hold too
    assert policy.decide(Evidence("fr", (), scores, names_group=True)).outcome == "hold"
    said = target("derogation")
    assert policy.decide(Evidence("fr", (), scores, targets=(denial, said), names_group=True)).outcome == "hold"
    # a lexicon term used in its own voice is not a denial either
    assert policy.decide(Evidence("fr", (hit("mild"),), scores, targets=(denial,), names_group=True)).outcome == "hold"
    # and a score over the remove threshold still removes
    remove = policy.thresholds("fr")["remove"]
    assert policy.decide(Evidence("fr", (), {"toxicity": remove}, targets=(denial,), names_group=True)).outcome == "remove"


def test_a_denial_is_not_held_at_the_threat_heads_group_bar(policy):
    # « Faut arrêter avec ce cliché, les musulmans ne sont pas plus violents que n'importe qui » was
    # held on threat at the group bar: the head reads "violent" (2026-12-06, seventh session)
    limits = policy.limits("fr")["threat"]
    scores = {"toxicity": 0.0, "threat": limits["hold_if_group"] + 0.01}
    denial = target("derogation", negated=True)
    assert policy.decide(Evidence("fr", (), scores, targets=(denial,), names_group=True)).outcome == "keep"
    assert policy.decide(Evidence("fr", (), scores, names_group=True)).reasons == ("threat_group_hold",)
    # the threat head's own bar still holds
    high = {"toxicity": 0.0, "threat": limits["hold"]}
    assert policy.decide(Evidence("fr", (), high, targets=(denial,), names_group=True)).outcome == "hold"


def test_a_reclaimed_slur_holds_by_default_and_a_site_may_keep_it(policy, tmp_path):
    reclaimed = dataclasses.replace(hit("severe", "slur"), reclaimed=True)
    verdict = policy.decide(Evidence("en", (reclaimed,), {"toxicity": 0.0}))
    assert (verdict.outcome, verdict.reasons) == ("hold", ("lexicon_reclaimed",))
    # the rest of the comment still counts
    assert policy.decide(Evidence("en", (reclaimed, hit("severe", "slur")), {"toxicity": 0.0})).outcome == "remove"
    body = POLICY_PATH.read_text("utf-8").replace('reclaimed = "hold"', 'reclaimed = "keep"')
    (tmp_path / "p.toml").write_text(body, "utf-8")
    lenient = load_policy(tmp_path / "p.toml")
    assert lenient.decide(Evidence("en", (reclaimed,), {"toxicity": 0.0})).outcome == "keep"
    (tmp_path / "bad.toml").write_text(body.replace('reclaimed = "keep"', 'reclaimed = "remove"'), "utf-8")
    with pytest.raises(PolicyError, match="lexicon.reclaimed"):
        load_policy(tmp_path / "bad.toml")


def test_praise_keeps_the_threat_head_from_holding_at_any_bar_under_remove(policy):
    # « Ravi de voir de plus en plus de Noirs élus » scored threat 0.92, the French general bar (engine eng-21)
    limits = policy.limits("fr")["threat"]
    scores = {"toxicity": 0.0, "threat": limits["hold"]}
    assert policy.decide(Evidence("fr", (), scores, names_group=True)).outcome == "hold"
    assert policy.decide(Evidence("fr", (), scores, names_group=True, voices_praise=True)).outcome == "keep"
