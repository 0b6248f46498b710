"""The moderation policy: configurable rules that turn evidence into keep / hold / remove.

Loaded from `config/policy.toml` (format documented in that file). Each rule looks at one kind of
evidence and may propose an outcome with reason codes; the decision is the most severe proposal,
and every rule that fired is kept as a reason so a moderator sees all of why, not just the first.
"""

from __future__ import annotations

import dataclasses
import hashlib
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable

from moderation.targeting import THREAT_KINDS
from moderation.types import (
    LABELS, LEXICON_CATEGORIES, OUTCOMES, SEVERITIES, SUPPORTED_LANGUAGES, UNDETERMINED, LexiconHit,
)

if TYPE_CHECKING:
    from moderation.scoring.group_stance import StanceScores
    from moderation.targeting import TargetHit

POLICY_LANGUAGES = (*SUPPORTED_LANGUAGES, UNDETERMINED)
# What targeted abuse leads to by default (config/policy.toml [targeted] overrides each).
TARGETED_DEFAULTS = {"threat": "remove", "veiled_threat": "hold", "threat_reported": "hold", "derogation": "hold"}
# Labels that score an attack on an identity group: they act only when the comment names a group
# or has a lexicon term aimed at one (a slur names its group).
GROUP_LABELS = frozenset({"identity_attack"})
# Labels that need someone to be aimed at: a group or a person the comment names or addresses.
# The threat head reacts to "Netflix killed off my favourite character" and "mdrrr jsuis morte";
# a threat threatens someone.
AIMED_LABELS = frozenset({"threat"})
# Labels whose holds a group-neutral reading can waive (threat is not one: "they should all be fed to
# the lions" about a named people is a threat because of whom it names).
NEUTRAL_READING_LABELS = frozenset({"toxicity", "identity_attack"})
# Lexicon targets that are identity groups ("individual" and "politics" are not).
IDENTITY_TARGETS = frozenset({"ethnicity", "origin", "religion", "gender", "sexual_orientation", "gender_identity",
                              "disability", "age"})


class PolicyError(ValueError):
    """The policy file is missing, malformed or inconsistent."""


@dataclass(frozen=True)
class Evidence:
    """What the engine found about one comment: the input to the rules."""

    language: str
    hits: tuple[LexiconHit, ...]
    scores: dict[str, float]
    targets: tuple["TargetHit", ...] = ()
    # The scores again with what the comment does not say in its own voice taken out: swearing
    # aimed at nobody, negated or reported abuse. None when nothing was taken out.
    discounted_scores: dict[str, float] | None = None
    untargeted_profanity: bool = False  # the comment swears, at nobody (no insult, no target, no "you" near it)
    # The scores of the comment with the identity groups it names replaced by a neutral noun ("trans
    # kids deserve to feel safe" read as "people kids ..."); None when it was not read so (see
    # moderation/group_neutral.py).
    group_neutral_scores: dict[str, float] | None = None
    names_group: bool = True  # the comment names an identity group (config/targets [groups])
    names_person: bool = True  # the comment names or addresses a person (config/targets person, addressee)
    # it names someone by their role ("that MP", "ces élus"; config/targets [people_roles]): someone a
    # threat can be aimed at, but not the population the lower hold_if_person bar was calibrated on
    names_role: bool = False
    # every identity group the comment names is the speaker's own ("I'm proud to be a Muslim", « en
    # tant que femme »): named as oneself, not aimed at (moderation/group_neutral.py speaks_as_a_member)
    speaks_as_member: bool = False
    # it points to a helpline or to help and says nothing violent, no threat in force
    # (moderation/unvoiced.py points_to_help): the threat head's score alone does not hold it
    points_to_help: bool = False
    # it voices support for the group it names ("refugees deserve to feel safe", "I stand with trans
    # people") and says nothing abusive in its own voice (moderation/support.py): the model's scores
    # hold it only at their remove bars, and the threat head not at the lower group bar
    voices_support: bool = False
    # it praises or congratulates the group it names ("Congratulations to the first Black woman
    # elected mayor") and says nothing abusive or violent (moderation/support.py voices_praise): the
    # threat head does not hold it (at the lower group bar, and since engine eng-21 at any bar under
    # remove); praise can be sarcastic, so the other heads still hold at their bars
    voices_praise: bool = False
    # the second opinion's toxicity (moderation/scoring/second_opinion.py), asked only of comments
    # the other evidence would hold on the toxicity score alone; None when it was not asked
    second_opinion: float | None = None
    # the group-stance reading (moderation/scoring/group_stance.py: P(abusive) by its `written` and
    # `mixed` heads), asked only of comments naming a group that the model heads alone would hold;
    # None when it was not asked
    group_stance: "StanceScores | None" = None
    # it quotes a phrase of several words (« ton « faut virer tous les homosexuels », c'est de la haine
    # pure ») : what the model reads may be the words it objects to, so its toxicity score alone holds
    # it at most, as a quoted lexicon term (quoted_hold_at_most; 2026-12-06)
    quotes_a_phrase: bool = False
    # it tells of violence done in the past by someone or at a time it names ("who was tortured by his
    # carers", « déportés par les nazis ») and says nothing abusive (moderation/unvoiced.py
    # reports_past_violence): the threat head does not hold it at the lower group bar
    reports_past_violence: bool = False
    # a claim it denies or reports is turned back into its own after it ("I don't hate X, I just think
    # the country would be better off without them"; moderation/claims.py turned_back): the denial is
    # not all it says (engine eng-32)
    denial_turned: bool = False
    # it uses a word of violence ("stab", "string up", « tabasser »; moderation/unvoiced.py
    # violence_spans); read only for comments the group-stance reading is asked about, where it keeps
    # the calm bars ([group_stance] calm_*) from releasing a threat the rules do not know
    speaks_of_violence: bool = False


@dataclass(frozen=True)
class Verdict:
    outcome: str
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class Policy:
    version: str
    remove_severities: frozenset[str]
    hold_severities: frozenset[str]
    remove_categories: frozenset[str]
    author_hold_severities: frozenset[str]
    hold_undetermined: bool
    label_thresholds: dict[str, dict[str, dict[str, float]]]  # language -> label -> {hold, remove}
    digest: str  # hash of the file's content, to tell two files with the same version apart
    calibrated_for: str | None = None  # the scorer model id the thresholds were calibrated for
    # a term inside quotation marks holds, never removes by itself; nor does the toxicity score of a
    # comment that quotes a phrase (Evidence.quotes_a_phrase)
    quoted_hold_at_most: bool = True
    targeted: dict[str, str] = dataclasses.field(default_factory=lambda: dict(TARGETED_DEFAULTS))
    untargeted_profanity: str = "keep"  # keep | hold: a site's choice about swearing aimed at nobody
    reclaimed_slurs: str = "hold"  # hold | keep: a slur the speaker uses of themselves ([lexicon] reclaimed)
    audit_keep_share: float = 0.0  # [review]: share of kept comments sampled for review (audit items)
    # [group_mentions] neutral_reading_hold: a hold on model scores alone (toxicity, identity_attack)
    # of a comment that names an identity group stands only when the comment, read with the group's
    # name replaced by a neutral noun, still scores toxicity at or above this. None: no such reading.
    group_neutral_hold: float | None = None
    # [second_opinion] toxicity_keep_below: a comment held on the toxicity score alone is kept when the
    # second opinion scores it under this. None: no second opinion is asked.
    second_opinion_keep_below: float | None = None
    # [second_opinion] threat_under: and only when the threat head scores the comment under this (a
    # threat named at no one the rules know is still intent the second opinion does not weigh)
    second_opinion_threat_under: float = 1.0
    # [group_stance] written_keep_below, mixed_keep_below: a comment naming a group that the model
    # heads alone hold is kept when both heads of the group-stance reading score it under these.
    # None: the reading is not asked.
    group_stance_written_below: float | None = None
    group_stance_mixed_below: float = 0.0
    # [group_stance] calm_written_keep_below, calm_mixed_keep_below: the same release at wider bars for
    # a comment with no word of violence whose denial, if any, is not turned back. None: no wider bars.
    group_stance_calm_written_below: float | None = None
    group_stance_calm_mixed_below: float = 0.0

    def audits(self, comment_id: str) -> bool:
        """Whether a kept comment is an audit item: by a hash of its id, so a retry or a rescore agrees."""
        if self.audit_keep_share <= 0.0:
            return False
        digest = hashlib.sha256(b"audit:" + comment_id.encode("utf-8", "surrogatepass")).digest()
        return int.from_bytes(digest[:8], "big") / 2.0 ** 64 < self.audit_keep_share

    def limits(self, language: str) -> dict[str, dict[str, float]]:
        """Label -> {hold, remove[, hold_if_group, hold_if_person]} in force for a language: its own table, else und's."""
        return self.label_thresholds.get(language) or self.label_thresholds[UNDETERMINED]

    def calibration_mismatch(self, model_id: str) -> str | None:
        """Say why thresholds calibrated for one scorer should not silently decide with another."""
        if self.calibrated_for is None or self.calibrated_for == model_id:
            return None
        return (f"policy {self.version} thresholds were calibrated for {self.calibrated_for}, but the scorer is "
                f"{model_id}: run `moderation calibrate` and set calibrated_for after recalibrating")

    def thresholds(self, language: str, label: str = "toxicity") -> dict[str, float]:
        """Return {"hold": x, "remove": y} for a label in a language ({} when the label has none)."""
        return dict(self.limits(language).get(label, {}))

    def decide(self, evidence: Evidence) -> Verdict:
        """Apply every rule; the most severe proposal wins and all reasons are kept."""
        outcome, reasons = "keep", []
        for rule in RULES:
            for proposed, reason in rule(self, evidence):
                reasons.append(reason)
                if OUTCOMES.index(proposed) > OUTCOMES.index(outcome):
                    outcome = proposed
        return Verdict(outcome, tuple(dict.fromkeys(reasons)))


Proposal = Iterable[tuple[str, str]]


def lexicon_rule(policy: Policy, evidence: Evidence) -> Proposal:
    """Severe terms and threats remove, strong terms hold; author-name and quoted hits hold at most."""
    for hit in evidence.hits:
        if hit.negated:
            continue  # inside abuse the comment rejects ("I would never say ...")
        if hit.reclaimed:  # said of oneself: "as a dyke, I ...", « nous les pédés »
            if policy.reclaimed_slurs == "hold":
                yield "hold", "lexicon_reclaimed"
            continue
        if hit.field == "author":
            if hit.severity in policy.author_hold_severities:
                yield "hold", "author_lexicon"
        elif hit.quoted and policy.quoted_hold_at_most and (
                hit.category in policy.remove_categories or hit.severity in policy.remove_severities):
            yield "hold", "lexicon_quoted"  # mentioned, maybe not used: a person decides
        elif hit.category in policy.remove_categories:
            yield "remove", f"lexicon_{hit.category}"
        elif hit.severity in policy.remove_severities:
            yield "remove", f"lexicon_{hit.severity}"
        elif hit.severity in policy.hold_severities:
            yield "hold", f"lexicon_{hit.severity}"


def targeted_rule(policy: Policy, evidence: Evidence) -> Proposal:
    """A threat removes; a veiled threat, a reported threat and slur-free derogation of a group hold (by default)."""
    for hit in evidence.targets:
        if hit.negated:
            continue  # "I would never say ...": the comment rejects what it mentions
        if hit.kind in THREAT_KINDS:
            key, reason = (hit.kind, hit.kind) if not hit.reported else ("threat_reported", "threat_reported")
        elif not hit.reported:
            key, reason = "derogation", "identity_derogation"
        else:
            continue  # reported derogation is counter-speech or news; the scores still apply
        if policy.targeted[key] != "keep":
            yield policy.targeted[key], reason


def score_rule(policy: Policy, evidence: Evidence) -> Proposal:
    """A label at or above its remove threshold removes; at or above hold, holds.

    When the engine discounted swearing aimed at nobody or negated/reported abuse, the discounted
    scores decide; swearing aimed at nobody then holds only where the site asks for it.
    """
    if evidence.untargeted_profanity and policy.untargeted_profanity == "hold":
        yield "hold", "profanity_untargeted"
    per_language = policy.limits(evidence.language)
    scores = evidence.scores if evidence.discounted_scores is None else evidence.discounted_scores
    about_a_group = (evidence.names_group and not evidence.speaks_as_member) or any(
        hit.target in IDENTITY_TARGETS and hit.field == "text" and not hit.reclaimed for hit in evidence.hits)
    named_not_said = _only_the_group_name(policy, evidence, per_language)
    denial_only = _a_denial_is_all_it_says(evidence)
    for label, value in scores.items():
        limits = per_language.get(label)
        if limits is None:
            continue
        if label in GROUP_LABELS and not about_a_group:
            continue  # an attack on an identity group needs a group: "this law will kill small shops" names none
        if label in NEUTRAL_READING_LABELS and named_not_said and value < limits["remove"]:
            continue  # the score came from the group's name: "people kids deserve to feel safe" is benign
        if label in NEUTRAL_READING_LABELS and denial_only and value < limits["remove"]:
            continue  # what is left around a denial is its commentary: "..., cette idée est ridicule"
        if (label in NEUTRAL_READING_LABELS or label in AIMED_LABELS) and evidence.voices_support and value < limits["remove"]:
            # "Muslims should be able to live without fear": safety and fear are not a threat to them;
            # nor is sympathy after an attack ("Thinking of the victims", threat 0.96; engine eng-17)
            continue
        if label in AIMED_LABELS and evidence.voices_praise and value < limits["remove"]:
            # praise with no word of violence threatens no one: « Ravi de voir de plus en plus de Noirs
            # élus dans les conseils municipaux » (threat 0.92 at the general bar; engine eng-21)
            continue
        if label in AIMED_LABELS and not (about_a_group or evidence.names_person or evidence.names_role):
            continue  # a threat needs someone threatened: "the heat is killing me" names nobody else
        if label in AIMED_LABELS and evidence.points_to_help:
            continue  # "If you're having suicidal thoughts, please call Samaritans": a helpline
        if label == "toxicity" and value < limits["remove"] and _second_opinion_keeps(policy, evidence):
            continue  # "Millions in taxpayer money gone and zero accountability.": anger, not abuse
        if value < limits["remove"] and _group_stance_keeps(policy, evidence, calm_bars=label in NEUTRAL_READING_LABELS):
            continue  # "Grew up with gay people in my class ... never once saw any of the 'dangerous' behaviour"
        if (value >= limits["remove"] and label == "toxicity" and policy.quoted_hold_at_most
                and (evidence.quotes_a_phrase or _reports_abuse_only(evidence))):
            yield "hold", "toxicity_hold"  # the quoted or reported words may be what it condemns: a person decides
        elif value >= limits["remove"]:
            yield "remove", f"{label}_remove"
        elif value >= limits["hold"]:
            yield "hold", f"{label}_hold"
        elif (about_a_group and not (evidence.voices_support or evidence.voices_praise or evidence.reports_past_violence
                                     or denial_only)
              and value >= limits.get("hold_if_group", float("inf"))):
            # A lower bar when the comment names a group: "they should all be fed to the lions" about
            # a named people is a threat, where "the traffic is killing me" about nobody is not.
            yield "hold", f"{label}_group_hold"
        elif evidence.names_person and value >= limits.get("hold_if_person", float("inf")):
            # The same for a person it names or addresses: "je vais venir chez toi avec un couteau".
            yield "hold", f"{label}_person_hold"


def _second_opinion_keeps(policy: Policy, evidence: Evidence) -> bool:
    """True when the second opinion was asked (the engine asks only about comments held on the
    toxicity score alone) and scores the comment under [second_opinion] toxicity_keep_below."""
    return (policy.second_opinion_keep_below is not None and evidence.second_opinion is not None
            and evidence.second_opinion < policy.second_opinion_keep_below
            and evidence.scores.get("threat", 0.0) < policy.second_opinion_threat_under)


def is_calm(evidence: Evidence) -> bool:
    """No word of violence and no denial turned back: what the group stance's wider calm bars ask of a
    comment. The threats a wider bar released on the tune halves spoke of violence the rules did not
    parse ("String X up from the lampposts"), and the fake denials it released were the ones the rules
    already know are turned back ("Nobody said ALL X are thieves. Just most of them")."""
    return not (evidence.speaks_of_violence or evidence.denial_turned)


def _group_stance_keeps(policy: Policy, evidence: Evidence, calm_bars: bool) -> bool:
    """True when the group-stance reading was asked (the engine asks only about comments naming a
    group that the model heads alone would hold) and both its heads score the comment under their
    [group_stance] bars, or, when `calm_bars` (the toxicity and identity_attack heads' holds; never the
    threat head's, which at those bars let threats through on the report halves) and the comment is
    calm (is_calm), under the wider calm bars."""
    stance = evidence.group_stance
    if policy.group_stance_written_below is None or stance is None:
        return False
    if stance.written < policy.group_stance_written_below and stance.mixed < policy.group_stance_mixed_below:
        return True
    return (calm_bars and is_calm(evidence) and policy.group_stance_calm_written_below is not None
            and stance.written < policy.group_stance_calm_written_below
            and stance.mixed < policy.group_stance_calm_mixed_below)


def _reports_abuse_only(evidence: Evidence) -> bool:
    """True when the comment reports a threat or a derogation ("Ceux qui écrivent qu'il faut tabasser
    les X sont des minables", toxicity 0.99) and says none in its own voice: the model reads the
    reported words, so its toxicity score holds at most, as for a quoted phrase (quoted_hold_at_most;
    engine eng-16). A lexicon term the comment uses still decides by its own rule."""
    return (any(hit.reported for hit in evidence.targets)
            and not any(hit.in_force for hit in evidence.targets))


def _a_denial_is_all_it_says(evidence: Evidence) -> bool:
    """True when the comment denies a derogatory claim about a group ("women are not too emotional
    to lead") and says nothing abusive in its own voice: no threat or derogation in force, no
    lexicon term used (not negated, not quoted). The model still reads what surrounds the denial
    ("cette idée est ridicule", "that racist lie") as toxic; a person denying a slur is not."""
    if not any(hit.negated and hit.kind == "derogation" for hit in evidence.targets):
        return False
    if evidence.denial_turned or any(hit.in_force for hit in evidence.targets):
        return False
    return not any(hit.field == "text" and not (hit.negated or hit.quoted) and hit.category != "profanity"
                   for hit in evidence.hits)


def _only_the_group_name(policy: Policy, evidence: Evidence, limits: dict[str, dict[str, float]]) -> bool:
    """True when the comment, read with its identity groups replaced by a neutral noun, scores under
    [group_mentions] neutral_reading_hold: what pushed it over a hold threshold was the group's name.

    When the only groups it names are the speaker's own ("I'm proud to be a Muslim and I won't hide
    it" 0.77, read "... a person ..." 0.43), the neutral reading is the comment: it holds only where
    that reading is over a hold threshold itself (2026-12-05)."""
    neutral = evidence.group_neutral_scores
    if policy.group_neutral_hold is None or neutral is None:
        return False
    if evidence.speaks_as_member:
        return all(neutral.get(label, 1.0) < limits[label]["hold"] for label in NEUTRAL_READING_LABELS if label in limits)
    return neutral.get("toxicity", 1.0) < policy.group_neutral_hold


def language_rule(policy: Policy, evidence: Evidence) -> Proposal:
    """Hold text whose language we could not determine: our models are not built for it."""
    if evidence.language == UNDETERMINED and policy.hold_undetermined:
        yield "hold", "language_undetermined"


RULES: tuple[Callable[[Policy, Evidence], Proposal], ...] = (lexicon_rule, targeted_rule, score_rule, language_rule)


def _severities(raw: Any, where: str) -> frozenset[str]:
    if not isinstance(raw, list) or any(item not in SEVERITIES for item in raw):
        raise PolicyError(f"{where}: expected a list of {list(SEVERITIES)}, got {raw!r}")
    return frozenset(raw)


def _thresholds(raw: Any) -> dict[str, dict[str, dict[str, float]]]:
    if not isinstance(raw, dict) or UNDETERMINED not in raw:
        raise PolicyError("[thresholds]: needs a table per language, including [thresholds.und]")
    parsed: dict[str, dict[str, dict[str, float]]] = {}
    for language, labels in raw.items():
        if language not in POLICY_LANGUAGES:
            raise PolicyError(f"[thresholds.{language}]: unknown language (use {list(POLICY_LANGUAGES)})")
        if "toxicity" not in labels:
            raise PolicyError(f"[thresholds.{language}]: a toxicity threshold is required")
        parsed[language] = {}
        for label, limits in labels.items():
            where = f"thresholds.{language}.{label}"
            if label not in LABELS:
                raise PolicyError(f"{where}: unknown label (use {list(LABELS)})")
            if (not isinstance(limits, dict) or not {"hold", "remove"} <= set(limits)
                    or not set(limits) <= {"hold", "remove", "hold_if_group", "hold_if_person"}):
                raise PolicyError(f"{where}: expected {{ hold = x, remove = y }} (and optionally hold_if_group = z, "
                                  "hold_if_person = w)")
            if not all(isinstance(v, (int, float)) and not isinstance(v, bool) and 0 <= v <= 1 for v in limits.values()):
                raise PolicyError(f"{where}: thresholds must be numbers in [0, 1]")
            hold, remove = limits["hold"], limits["remove"]
            if hold > remove:
                raise PolicyError(f"{where}: hold ({hold}) is above remove ({remove})")
            for lower in ("hold_if_group", "hold_if_person"):
                if limits.get(lower, hold) > hold:
                    raise PolicyError(f"{where}: {lower} ({limits[lower]}) is above hold ({hold})")
            parsed[language][label] = {name: float(value) for name, value in limits.items()}
    return parsed


def _a_probability(value: Any) -> bool:
    """A number (not a bool) in [0, 1]: the form of every share and bar a policy table sets."""
    return isinstance(value, (int, float)) and not isinstance(value, bool) and 0.0 <= value <= 1.0


def _probabilities(raw: dict, table: str, defaults: dict[str, float | None], source: str) -> dict[str, float | None]:
    """A table whose every key is a probability ([second_opinion], [group_stance]): its values, a
    missing key taking its default (None: that reading is off); PolicyError naming the table."""
    values = raw.get(table, {})
    if isinstance(values, dict) and not set(values) - set(defaults):
        chosen = {key: values.get(key, default) for key, default in defaults.items()}
        if all(value is None or _a_probability(value) for value in chosen.values()):
            return {key: None if value is None else float(value) for key, value in chosen.items()}
    raise PolicyError(f"{source}: [{table}] takes {' and '.join(defaults)}, probabilities in [0, 1]")


def load_policy(path: Path) -> Policy:
    """Read and validate a policy file; raise PolicyError naming the problem."""
    try:
        text = Path(path).read_bytes().decode("utf-8")
    except FileNotFoundError:
        raise PolicyError(f"policy file not found: {path}") from None
    except UnicodeDecodeError as exc:
        raise PolicyError(f"{path}: {exc}") from None
    return parse_policy(text, source=str(path))


def parse_policy(text: str, source: str = "the policy") -> Policy:
    """Validate a policy from its TOML text (a rescoring job carries content, not a path); errors name `source`."""
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise PolicyError(f"{source}: {exc}") from None
    version = raw.get("version")
    if not isinstance(version, str) or not version.strip():
        raise PolicyError(f"{source}: `version` (a non-empty string) is required")
    lexicon, language = raw.get("lexicon", {}), raw.get("language", {})
    remove_categories = lexicon.get("remove_categories", [])
    if not isinstance(remove_categories, list) or any(c not in LEXICON_CATEGORIES for c in remove_categories):
        raise PolicyError(f"{source}: lexicon.remove_categories must be a list of {list(LEXICON_CATEGORIES)}")
    calibrated_for = raw.get("calibrated_for")
    if calibrated_for is not None and (not isinstance(calibrated_for, str) or not calibrated_for.strip()):
        raise PolicyError(f"{source}: `calibrated_for` must be a scorer model id such as \"linear-v1\"")
    quoted_hold_at_most = lexicon.get("quoted_hold_at_most", True)
    if not isinstance(quoted_hold_at_most, bool):
        raise PolicyError(f"{source}: lexicon.quoted_hold_at_most must be true or false")
    reclaimed = lexicon.get("reclaimed", "hold")
    if reclaimed not in ("keep", "hold"):
        raise PolicyError(f"{source}: lexicon.reclaimed must be \"keep\" or \"hold\"")
    hold_undetermined = language.get("hold_undetermined", True)
    if not isinstance(hold_undetermined, bool):
        raise PolicyError(f"{source}: language.hold_undetermined must be true or false")
    targeted = raw.get("targeted", {})
    if not isinstance(targeted, dict) or set(targeted) - set(TARGETED_DEFAULTS) or any(
            value not in OUTCOMES for value in targeted.values()):
        raise PolicyError(f"{source}: [targeted] takes {sorted(TARGETED_DEFAULTS)}, each one of {list(OUTCOMES)}")
    profanity = raw.get("profanity", {})
    untargeted = profanity.get("untargeted", "keep") if isinstance(profanity, dict) else None
    if untargeted not in ("keep", "hold"):
        raise PolicyError(f"{source}: profanity.untargeted must be \"keep\" or \"hold\"")
    mentions = raw.get("group_mentions", {})
    neutral_hold = mentions.get("neutral_reading_hold") if isinstance(mentions, dict) else "invalid"
    if (not isinstance(mentions, dict) or set(mentions) - {"neutral_reading_hold"}
            or (neutral_hold is not None and not _a_probability(neutral_hold))):
        raise PolicyError(f"{source}: [group_mentions] takes neutral_reading_hold, a toxicity score in [0, 1]")
    second = _probabilities(raw, "second_opinion", {"toxicity_keep_below": None, "threat_under": 1.0}, source)
    stance = _probabilities(raw, "group_stance", {"written_keep_below": None, "mixed_keep_below": 0.0,
                                                  "calm_written_keep_below": None, "calm_mixed_keep_below": 0.0},
                            source)
    review = raw.get("review", {})
    audit_keep_share = review.get("audit_keep_share", 0.0) if isinstance(review, dict) else None
    if not isinstance(review, dict) or set(review) - {"audit_keep_share"} or not _a_probability(audit_keep_share):
        raise PolicyError(f"{source}: [review] takes audit_keep_share, a share of kept comments in [0, 1]")
    try:
        return Policy(
            version=version.strip(),
            remove_severities=_severities(lexicon.get("remove_severities", ["severe"]), "lexicon.remove_severities"),
            hold_severities=_severities(lexicon.get("hold_severities", ["strong"]), "lexicon.hold_severities"),
            remove_categories=frozenset(remove_categories),
            author_hold_severities=_severities(
                lexicon.get("author_hold_severities", ["strong", "severe"]), "lexicon.author_hold_severities"),
            hold_undetermined=hold_undetermined,
            label_thresholds=_thresholds(raw.get("thresholds")),
            digest=hashlib.sha256(text.encode("utf-8")).hexdigest()[:12],
            calibrated_for=calibrated_for.strip() if calibrated_for else None,
            quoted_hold_at_most=quoted_hold_at_most,
            targeted={**TARGETED_DEFAULTS, **targeted},
            untargeted_profanity=untargeted,
            reclaimed_slurs=reclaimed,
            audit_keep_share=float(audit_keep_share),
            group_neutral_hold=None if neutral_hold is None else float(neutral_hold),
            second_opinion_keep_below=second["toxicity_keep_below"],
            second_opinion_threat_under=second["threat_under"],
            group_stance_written_below=stance["written_keep_below"],
            group_stance_mixed_below=stance["mixed_keep_below"],
            group_stance_calm_written_below=stance["calm_written_keep_below"],
            group_stance_calm_mixed_below=stance["calm_mixed_keep_below"],
        )
    except PolicyError as exc:
        raise PolicyError(f"{source}: {exc}") from None
