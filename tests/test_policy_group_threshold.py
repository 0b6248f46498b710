"""`hold_if_group` / `hold_if_person`: a label's lower hold threshold when the comment names an
identity group / names or addresses a person."""

import pytest

from moderation.policy import Evidence, PolicyError, load_policy
from moderation.settings import PROJECT_ROOT

SHIPPED = load_policy(PROJECT_ROOT / "config" / "policy.toml")


def write(tmp_path, threat_line: str):
    text = (PROJECT_ROOT / "config" / "policy.toml").read_text("utf-8")
    lines = [threat_line if line.startswith("threat = {") else line for line in text.splitlines()]
    path = tmp_path / "policy.toml"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


def test_a_threat_score_between_the_two_thresholds_holds_only_when_a_group_is_named():
    limits = SHIPPED.limits("en")["threat"]
    between = (limits["hold_if_group"] + limits["hold"]) / 2
    named = SHIPPED.decide(Evidence("en", (), {"toxicity": 0.0, "threat": between}, names_group=True))
    assert named.outcome == "hold" and named.reasons == ("threat_group_hold",)
    nobody = SHIPPED.decide(Evidence("en", (), {"toxicity": 0.0, "threat": between}, names_group=False,
                                     names_person=False))
    assert nobody.outcome == "keep"
    below = SHIPPED.decide(Evidence("en", (), {"toxicity": 0.0, "threat": limits["hold_if_group"] - 0.01},
                                    names_group=True, names_person=False))
    assert below.outcome == "keep"
    above = SHIPPED.decide(Evidence("en", (), {"toxicity": 0.0, "threat": limits["hold"]}, names_group=False))
    assert above.reasons == ("threat_hold",)


@pytest.mark.parametrize("language", ["en", "fr", "und"])
def test_a_threat_score_between_hold_if_person_and_hold_holds_only_when_a_person_is_named_or_addressed(language):
    limits = SHIPPED.limits(language)["threat"]
    between = (limits["hold_if_person"] + limits["hold"]) / 2
    scores = {"toxicity": 0.0, "threat": between}
    aimed = SHIPPED.decide(Evidence(language, (), scores, names_group=False, names_person=True))
    assert aimed.outcome == "hold" and aimed.reasons == ("threat_person_hold",)
    assert SHIPPED.decide(Evidence(language, (), scores, names_group=False, names_person=False)).outcome == "keep"
    below = {"toxicity": 0.0, "threat": limits["hold_if_person"] - 0.01}
    assert SHIPPED.decide(Evidence(language, (), below, names_group=False, names_person=True)).outcome == "keep"


def test_a_label_without_hold_if_person_has_no_person_rule(tmp_path):
    policy = load_policy(write(tmp_path, "threat = { hold = 0.9, remove = 1.00 }"))
    evidence = Evidence("en", (), {"toxicity": 0.0, "threat": 0.8}, names_group=False, names_person=True)
    assert policy.decide(evidence).outcome == "keep"


def test_a_label_without_hold_if_group_has_no_group_rule(tmp_path):
    policy = load_policy(write(tmp_path, "threat = { hold = 0.9, remove = 1.00 }"))
    assert policy.decide(Evidence("en", (), {"toxicity": 0.0, "threat": 0.5}, names_group=True)).outcome == "keep"


@pytest.mark.parametrize("line, message", [
    ("threat = { hold = 0.5, remove = 1.00, hold_if_group = 0.6 }", r"hold_if_group \(0.6\) is above hold"),
    ("threat = { hold = 0.5, remove = 1.00, hold_if_group = 2 }", r"numbers in \[0, 1\]"),
    ("threat = { hold = 0.5, remove = 1.00, hold_if_named = 0.2 }", "optionally hold_if_group"),
    ("threat = { hold = 0.5, remove = 1.00, hold_if_person = 0.7 }", r"hold_if_person \(0.7\) is above hold"),
])
def test_bad_hold_if_group_is_refused_with_a_clear_error(tmp_path, line, message):
    with pytest.raises(PolicyError, match=message):
        load_policy(write(tmp_path, line))


def test_a_threat_score_needs_someone_threatened():
    """A threat score holds only when the comment names a group or names or addresses a person."""
    limits = SHIPPED.limits("en")["threat"]
    scores = {"toxicity": 0.0, "threat": limits["hold"]}
    nobody = SHIPPED.decide(Evidence("en", (), scores, names_group=False, names_person=False))
    assert nobody.outcome == "keep"
    assert SHIPPED.decide(Evidence("en", (), scores, names_group=False, names_person=True)).reasons == ("threat_hold",)
    assert SHIPPED.decide(Evidence("en", (), scores, names_group=True, names_person=False)).outcome == "hold"


@pytest.mark.parametrize("language", ["en", "fr", "und"])
def test_someone_named_by_role_can_be_threatened_but_not_at_the_lower_person_bar(language):
    """"Praying someone takes a shot at the PM": a role ("the PM", "du maire") opens the threat gate at
    the general bar; hold_if_person stays for the people it was calibrated on ([sets] person, addressee)."""
    limits = SHIPPED.limits(language)["threat"]
    at_hold = {"toxicity": 0.0, "threat": limits["hold"]}
    by_role = SHIPPED.decide(Evidence(language, (), at_hold, names_group=False, names_person=False, names_role=True))
    assert by_role.reasons == ("threat_hold",)
    between = {"toxicity": 0.0, "threat": (limits["hold_if_person"] + limits["hold"]) / 2}
    assert SHIPPED.decide(Evidence(language, (), between, names_group=False, names_person=False,
                                   names_role=True)).outcome == "keep"
