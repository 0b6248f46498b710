"""The moderation engine: comments in, decisions with their evidence out. Pure Python, no Redis.

A decision is an ordered pipeline of small phases over a batch of comments:

    language -> lexicon -> mark quoted terms -> targeted abuse -> reveal obfuscated terms
    -> toxicity -> discount what the comment does not say in its own voice
    -> read again without the names of the groups it mentions -> policy

Each evidence phase fills in one kind of evidence on every comment's `Evaluation`; the toxicity
phase runs once over the whole batch so the model's per-call cost is shared. The policy phase then
turns the evidence into keep / hold / remove with reason codes. Used in-process by the workers,
the rescoring job and the command line, so all three decide exactly alike.
"""

from __future__ import annotations

import dataclasses
import logging
import re
from dataclasses import dataclass, field
from typing import Callable, Sequence

from moderation.claims import turned_back
from moderation.language import LanguageDetector, LanguageResult
from moderation.group_neutral import neutral_text, said_of_oneself, speaks_as_a_member
from moderation.policy import NEUTRAL_READING_LABELS, Evidence, Policy, is_calm, load_policy
from moderation.refutation import refutations
from moderation.scoring.base import ScorerUnavailable
from moderation.scoring.group_stance import GroupStance, StanceScores
from moderation.scoring.second_opinion import SecondOpinion
from moderation.settings import Settings
from moderation.support import says_support, told_harm_spans, voices_praise
from moderation.targeting import TargetHit, TargetRules
from moderation.text.disguise import looks_disguised
from moderation.text.plain import plain
from moderation.text.quotes import is_inside, quoted_spans, quotes_a_phrase
from moderation.text.reported_insults import reported_insult_spans
from moderation.unvoiced import (
    points_to_help, is_untargeted_swearing, reports_past_violence, unvoiced_spans, violence_spans, without_spans,
)
from moderation.types import AUDIT_REASON, UNDETERMINED, CommentInput, Decision, LexiconHit

log = logging.getLogger("moderation.engine")

Phase = Callable[["Engine", list["Evaluation"]], None]

# Unpaired UTF-16 surrogates can reach a Python str (JSON "\ud800" escapes) but no encoder takes
# them. Entry points refuse them; the engine still must not raise, so it reads each as U+FFFD,
# one character for one, which keeps every span valid for the original text.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _encodable(comment: CommentInput) -> CommentInput:
    """The comment with lone surrogates read as U+FFFD (same length, same offsets)."""
    text = _LONE_SURROGATE.sub("\ufffd", comment.text)
    author = _LONE_SURROGATE.sub("\ufffd", comment.author) if comment.author else comment.author
    if text is comment.text and author is comment.author:
        return comment
    return dataclasses.replace(comment, text=text, author=author)


@dataclass
class Evaluation:
    """One comment's passage through the pipeline; phases fill it in."""

    comment: CommentInput
    language: LanguageResult | None = None
    # The languages whose targeting rules read the comment: its own, or every one ("und") when it
    # disguises words, which misleads language detection (moderation/text/disguise.py).
    rules_language: str = UNDETERMINED
    hits: list[LexiconHit] = field(default_factory=list)
    excepted: list[tuple[int, int]] = field(default_factory=list)  # lexicon exception phrases ("Pussy Riot")
    # what frames a claim about a group as the speaker's view ("I think", "honestly"; moderation/claims.py):
    # the model reads the comment without it (reveal_obfuscated_terms, its second readings and the
    # group-neutral one)
    frames: list[tuple[int, int]] = field(default_factory=list)
    plain_text: str = ""  # the comment as a reader sees it (moderation/text/plain.py): what the detector reads
    model_text: str = ""  # what the toxicity model reads: the plain text, obfuscated terms revealed
    scores: dict[str, float] = field(default_factory=dict)
    targets: list[TargetHit] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)  # identity groups the comment names
    names_person: bool = False  # the comment names or addresses a person (config/targets person, addressee)
    names_role: bool = False  # it names someone by their role ("that MP"; config/targets [people_roles])
    unvoiced_scores: dict[str, float] | None = None  # scores without the unvoiced spans, when there are any
    discounted_scores: dict[str, float] | None = None  # the same, when the policy is to read them
    # a claim the comment denies or reports, then turns back into its own ("I don't hate X, I just think
    # ..."; moderation/claims.py turned_back): the denial is not all it says, nothing is discounted
    denial_turned: bool = False
    group_neutral_scores: dict[str, float] | None = None  # scores with group names made neutral, when read so
    speaks_as_member: bool = False  # every group it names is the speaker's own ("I'm proud to be a Muslim")
    untargeted_profanity: bool = False
    second_opinion: float | None = None  # asked only when held on the toxicity score alone (ask_second_opinion)
    group_stance: StanceScores | None = None  # asked only when held for a group by the model heads alone (ask_group_stance)
    # read with the group stance: no word of violence and no denial turned back (policy.is_calm), so the
    # reading's wider calm bars may release it
    stance_calm: bool = False


def detect_language(engine: "Engine", batch: list[Evaluation]) -> None:
    """Set each comment's language (the platform's hint wins when it is one we support)."""
    for item in batch:
        # the detector reads n-grams: a zero-width space or a Cyrillic "а" breaks them (text/plain.py)
        item.plain_text = plain(item.comment.text)
        item.language = engine.detector.detect(item.plain_text, hint=item.comment.language)
        disguised = item.language.source != "hint" and looks_disguised(item.comment.text)
        item.rules_language = UNDETERMINED if disguised else item.language.language


def match_lexicon(engine: "Engine", batch: list[Evaluation]) -> None:
    """Find lexicon terms in the text and in the author name, in the comment's language."""
    for item in batch:
        # The detected language even for disguised text: every language's table already holds the
        # other languages' terms, except the ambiguous ones ("con", "retard"), which "und" leaves out.
        language = item.language.language
        item.hits, item.excepted = engine.lexicon.match_with_exceptions(item.comment.text, language)
        if item.comment.author:
            item.hits += engine.lexicon.match(item.comment.author, language, field="author")


def mark_quoted_terms(engine: "Engine", batch: list[Evaluation]) -> None:
    """Flag text hits inside quotation marks or a reported insult ("a man on the bus called my
    sister a ..."): counter-speech and reporting quote what they object to."""
    for item in batch:
        spans = quoted_spans(item.comment.text) + reported_insult_spans(item.comment.text) if item.hits else []
        if spans:
            item.hits = [dataclasses.replace(hit, quoted=True)
                         if hit.field == "text" and is_inside(spans, hit.start, hit.end) else hit
                         for hit in item.hits]


def mark_reclaimed_slurs(engine: "Engine", batch: list[Evaluation]) -> None:
    """Flag slurs the speaker uses of themselves ("As a dyke, I find this hilarious", « Nous les
    pédés on a le droit d'exister aussi »): reclaimed, not aimed at anyone; the policy's [lexicon]
    reclaimed says what they weigh."""
    for item in batch:
        if any(_reclaimable(hit) for hit in item.hits):
            item.hits = [dataclasses.replace(hit, reclaimed=True)
                         if _reclaimable(hit) and said_of_oneself(item.comment.text, hit.start, item.language.language)
                         else hit for hit in item.hits]


# Slurs a group has taken back for itself ("queer", "dyke", « pédé »), not the ones used as a
# self-insult ("im retarded lmao" stays what it is: an ableist word)
RECLAIMABLE_TARGETS = frozenset({"sexual_orientation", "gender_identity", "gender", "ethnicity", "religion", "origin"})


def _reclaimable(hit: LexiconHit) -> bool:
    return hit.category == "slur" and hit.field == "text" and hit.target in RECLAIMABLE_TARGETS


def find_targeted_abuse(engine: "Engine", batch: list[Evaluation]) -> None:
    """Find threats and slur-free derogation of groups, negated and reported ones marked as such."""
    for item in batch:
        reading = engine.targets.read(item.comment.text, item.rules_language)
        item.targets, item.groups = reading.hits, reading.groups
        item.names_person, item.names_role = reading.names_person, reading.names_role
        item.frames = list(reading.frames)
        if item.groups:
            item.targets = _with_refutations(engine, item)
        unvoiced = [t for t in item.targets if not t.in_force]
        item.denial_turned = _turned_back(engine, item, unvoiced)
        if unvoiced:
            item.hits = [_qualified(hit, unvoiced) for hit in item.hits]


def _turned_back(engine: "Engine", item: Evaluation, unvoiced: list[TargetHit]) -> bool:
    """Whether a derogation the comment denies or reports, with nothing in force, is turned back into
    its own after it ("I don't hate X, I just think the country would be better off without them")."""
    denied = [hit.end for hit in unvoiced if hit.kind == "derogation"]
    if not denied or any(hit.in_force for hit in item.targets):
        return False
    text = item.comment.text
    return turned_back(text, max(denied),
                       lambda: [start for start, *_ in engine.targets.group_mentions(text, item.rules_language)])


def _with_refutations(engine: "Engine", item: Evaluation) -> list[TargetHit]:
    """item.targets with the claims about a group that the comment calls false read as what they are.

    A slander called false ("It's nonsense to say X are behind the rise in crime", "I used to think X
    were lazy, but I was wrong"; moderation/refutation.py) is a denial: a derogation the rules found
    inside it, in force or reported, is negated, and a claim the rules did not know becomes a negated
    derogation. Abuse outside the claims stays as it was ("It's nonsense to say X are behind this,
    they're vermin" is still held), and so do threats: a threat called false is still one.
    Worth called false ("There is no evidence that X are human", "I've never met a X who was
    grateful") is derogation in the comment's own voice, whatever the rules read inside it."""
    text = item.comment.text
    refuted, denied = refutations(text)  # one reading of the frames for both
    if not (refuted or denied):
        return item.targets

    def inside(spans: list[tuple[int, int]], hit: TargetHit) -> bool:
        # the claim's first clause: a claim runs to the sentence's end, and what follows a comma may
        # be the comment's own voice ("It's nonsense to say X are behind this, they're vermin")
        return hit.kind == "derogation" and any(hit.start < _first_clause_end(text, start, end) and start < hit.end
                                                for start, end in spans)

    targets = [dataclasses.replace(hit, negated=True) if inside(refuted, hit)
               else dataclasses.replace(hit, negated=False, reported=False) if inside(denied, hit)
               else hit for hit in item.targets]
    mentions = engine.targets.group_mentions(text, item.rules_language)
    language = item.language.language if item.language.language in engine.targets.rules else item.rules_language
    for spans, negated in ((refuted, True), (denied, False)):
        for start, end in spans:
            group = _group_of_claim(text, start, end, mentions)
            if group is not None and not any(t.start < end and start < t.end for t in targets):
                targets.append(TargetHit("derogation", group, start, end, text[start:end], language, negated=negated))
    return targets


# a claim that opens on "they" (English and French)
_THEY = re.compile(r"(?:they|they're|theyre|them|ils|elles|eux)(?![^\W_])", re.IGNORECASE)


def _group_of_claim(text: str, start: int, end: int, mentions: list[tuple[int, int, str, bool]]) -> str | None:
    """The group a claim (text[start:end]) is about: one it names, or, when it opens on "they", the
    first one the comment named before it ("Mes voisins sont des réfugiés. L'idée qu'ils soient des
    criminels est absurde.")."""
    inside = next((group for g_start, g_end, group, _ in mentions if start <= g_start and g_end <= end), None)
    if inside is not None or not _THEY.match(text, start):
        return inside
    return next((group for g_start, _, group, _ in mentions if g_start < start), None)


def _first_clause_end(text: str, start: int, end: int) -> int:
    comma = text.find(",", start, end)
    return end if comma < 0 else comma


def _qualified(hit: LexiconHit, unvoiced: list[TargetHit]) -> LexiconHit:
    """A lexicon term that begins inside negated abuse is negated; inside reported abuse, quoted.

    Begins, not lies wholly inside: a pattern's span ends at a word boundary of its own ("... sont
    des sous" where the lexicon matched "sous-hommes"), and a negated claim whose span stopped one
    hyphen short left its severe term standing (« Je ne dirais jamais que les Roms sont des
    sous-hommes. » was removed; 2026-12-05)."""
    if hit.field != "text":
        return hit
    around = [t for t in unvoiced if t.start <= hit.start < t.end]
    if any(t.negated for t in around):
        return dataclasses.replace(hit, negated=True)
    if around:
        return dataclasses.replace(hit, quoted=True)
    return hit


def is_obfuscated(hit: LexiconHit) -> bool:
    """True when the text spelled a term in disguise ("f*ck", "1d1ot", "f u c k"), not plainly or inflected."""
    matched, term = hit.matched.casefold(), hit.term.casefold()
    return not matched.startswith(term)


def reveal_obfuscated_terms(engine: "Engine", batch: list[Evaluation]) -> None:
    """Let the model read "f*cking 1d1ot" as the terms the lexicon saw through.

    The model learned from words as people usually spell them; disguises exist precisely to slip
    past it. Only spans the lexicon matched are rewritten (their offsets are the comment's), then
    the result is read plain; a comment with none is its plain reading, already made.
    """
    for item in batch:
        obfuscated = [(h.start, h.end, h.term) for h in item.hits if h.field == "text" and is_obfuscated(h)]
        edits = obfuscated + [(start, end, "") for start, end in item.frames
                              if not any(s < end and start < e for s, e, _ in obfuscated)]
        if not edits:
            item.model_text = item.plain_text
            continue
        text = item.comment.text
        for start, end, replacement in sorted(edits, reverse=True):
            text = text[:start] + replacement + text[end:]
        item.model_text = plain(text)


def score_toxicity(engine: "Engine", batch: list[Evaluation]) -> None:
    """Score the whole batch in one model call, with the unvoiced-abuse readings of the few
    comments that have any (see discount_unvoiced_abuse): one call, so a batch's cost and its
    failures stay one thing."""
    # the model reads each text as a reader sees it (moderation/text/plain.py): model_text is
    # plain already, the second readings are made plain here
    texts = [item.model_text for item in batch]
    languages = [item.language.language for item in batch]
    second_reading = [(item, plain(without_spans(item.comment.text, spans)))
                      for item in batch if not item.denial_turned
                      for spans in [unvoiced_spans(item.comment.text, item.hits, item.targets, item.excepted,
                                                   names_group=bool(item.groups), frames=item.frames)] if spans]
    shouted = [(item, text.lower()) for item, text in zip(batch, texts) if is_shouted(text)]
    texts += [text for _, text in second_reading] + [text for _, text in shouted]
    languages += [item.language.language for item, _ in second_reading + shouted]
    scored = [{label: float(value) for label, value in scores.items()}
              for scores in engine.scorer.score(texts, languages)]
    for item, scores in zip(batch, scored):
        item.scores = scores
    for (item, _), scores in zip(second_reading, scored[len(batch):]):
        item.unvoiced_scores = scores
    for (item, _), scores in zip(shouted, scored[len(batch) + len(second_reading):]):
        # Capitals are read both ways, the higher score counts: the encoder read "CHAQUE NOIR DE CE
        # PAYS MÉRITE UNE CORDE" as harmless, while shouting itself is part of what the Wikipedia
        # labels call toxic ("POINTLESS SELF INDULGENT GARBAGE !!!!!" scores higher as written).
        item.scores = {label: max(value, scores.get(label, value)) for label, value in item.scores.items()}


def is_shouted(text: str) -> bool:
    """Mostly capitals: at least ten letters, three in four upper case."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 10 and sum(map(str.isupper, letters)) * 4 > len(letters) * 3


def _over_hold(engine: "Engine", item: Evaluation, scores: dict[str, float] | None = None) -> bool:
    """Whether a label of `scores` (default: the comment's own) is at its hold threshold or above."""
    limits = engine.policy.limits(item.language.language)
    return any(label in limits and value >= limits[label]["hold"]
               for label, value in (item.scores if scores is None else scores).items())


def discount_unvoiced_abuse(engine: "Engine", batch: list[Evaluation]) -> None:
    """Let the policy read, without them, the parts a comment does not say in its own voice.

    A model reads "what a fucking great match" and "I would never say gay people are
    disgusting" as toxic: the words are there. When such a comment is over a hold threshold and
    its only evidence is swearing aimed at nobody, or abuse it negates or reports, the policy
    decides on the scores of the comment with those spans removed (scored in the same model call,
    score_toxicity).
    """
    for item in batch:
        item.untargeted_profanity = is_untargeted_swearing(item.comment.text, item.hits, item.targets)
        if item.unvoiced_scores is not None and _at_a_hold_bar(engine, item):
            # Taking words out can only take evidence away: a label the shorter text scores higher
            # keeps the whole comment's score ("Latinos aren't lazy. Look at who's actually picking
            # the fruit" read without its denial scored threat 0.59, against 0.02 for the comment).
            item.discounted_scores = {label: min(value, item.scores.get(label, value))
                                      for label, value in item.unvoiced_scores.items()}


def discount_violent_words(engine: "Engine", batch: list[Evaluation]) -> None:
    """Read without its words of violence a comment held on the model's scores alone whose threat
    score is under every threat bar of its language (the threat head reads no intent: idiom or news,
    not menace): "Rents are bleeding young people dry", « Le guitariste a massacré ce solo ». A second
    model call for those few comments only."""
    chosen = []
    for item in batch:
        if (not item.groups and item.scores.get("threat", 0.0) < _lowest_threat_bar(engine, item)
                and _says_nothing_abusive(item) and _over_hold(engine, item, _deciding_scores(item))):
            spans = violence_spans(item.comment.text)
            if spans:
                chosen.append((item, spans + unvoiced_spans(item.comment.text, item.hits, item.targets, item.excepted)))
    if not chosen:
        return
    texts = [plain(without_spans(item.comment.text, spans)) for item, spans in chosen]
    for (item, _), scores in zip(chosen, engine.scorer.score(texts, [item.language.language for item, _ in chosen])):
        base = _deciding_scores(item)
        item.discounted_scores = {label: min(float(value), base.get(label, float(value))) for label, value in scores.items()}


def _deciding_scores(item: Evaluation) -> dict[str, float]:
    """The scores the policy will read: the discounted ones when there are any."""
    return item.discounted_scores if item.discounted_scores is not None else item.scores


def _says_nothing_abusive(item: Evaluation) -> bool:
    """No lexicon term in the text and no threat or derogation in force: only the model's scores."""
    return not any(h.field == "text" for h in item.hits) and not any(t.in_force for t in item.targets)


def _points_to_help(item: Evaluation) -> bool:
    """A call to seek help with nothing else in force: no lexicon term, no threat or derogation read."""
    return _says_nothing_abusive(item) and points_to_help(item.comment.text)


def _voices_support(item: Evaluation) -> bool:
    """Support for the group it names ("I stand with refugees"), or harm done to them told with
    sympathy; the words of violence of that harm ("being killed for who they are") are not the
    comment's own."""
    if not (item.groups and _says_nothing_abusive(item)):
        return False  # most comments stop here, before any phrase is looked for
    text = item.comment.text
    harm = told_harm_spans(text)  # read once: the harm told is also half of voices_support
    if any(not any(a <= start and end <= b for a, b in harm) for start, end in violence_spans(text)):
        return False
    return bool(harm) or says_support(text)


def _reports_past_violence(item: Evaluation) -> bool:
    """News of violence done to the group it names ("deported and exterminated by the Nazis"), with
    nothing abusive in its own voice."""
    return bool(item.groups) and _says_nothing_abusive(item) and reports_past_violence(item.comment.text)


def _voices_praise(item: Evaluation) -> bool:
    """Praise of the people it names ("Congratulations to the first Black woman elected mayor")."""
    return _speaks_well_of_the_group(item, voices_praise)


def _speaks_well_of_the_group(item: Evaluation, says_it: Callable[[str], bool]) -> bool:
    """A comment naming a group that `says_it`, with nothing abusive in its own voice and no word of
    violence anywhere ("we need more rope for the ... in this town" is no support)."""
    return (bool(item.groups) and _says_nothing_abusive(item) and not violence_spans(item.comment.text)
            and says_it(item.comment.text))


def _lowest_threat_bar(engine: "Engine", item: Evaluation) -> float:
    bars = engine.policy.limits(item.language.language).get("threat", {})
    return min(bars.values(), default=0.0)


def _held_only_for_naming_a_group(engine: "Engine", item: Evaluation) -> bool:
    """Whether a comment names a group and would be held on toxicity or identity_attack alone:
    no lexicon term in its own voice, no threat or derogation in force, nothing discounted."""
    if not item.groups or item.discounted_scores is not None:
        return False
    if any(hit.field == "text" and not hit.negated for hit in item.hits) or any(t.in_force for t in item.targets):
        return False
    limits = engine.policy.limits(item.language.language)
    return any(label in limits and limits[label]["hold"] <= item.scores.get(label, 0.0) < limits[label]["remove"]
               for label in NEUTRAL_READING_LABELS)


def mark_own_group(engine: "Engine", batch: list[Evaluation]) -> None:
    """Whether every group a comment names is the speaker's own ("I'm proud to be a Muslim"): read
    only where it can change the decision, a comment naming a group with no abuse in force and a
    score at one of its label's hold bars (a second matching pass over the text)."""
    for item in batch:
        if item.groups and not any(t.in_force for t in item.targets) and _at_a_hold_bar(engine, item):
            item.speaks_as_member = speaks_as_a_member(engine.targets, item.comment.text, item.rules_language)


def _at_a_hold_bar(engine: "Engine", item: Evaluation) -> bool:
    limits = engine.policy.limits(item.language.language)
    return any(item.scores.get(label, 0.0) >= min(bars.values()) for label, bars in limits.items())


def read_without_group_names(engine: "Engine", batch: list[Evaluation]) -> None:
    """Score again, with the groups' names made neutral, the comments held only for naming a group.

    The models learned that sentences naming some groups are toxic more often than others ("trans
    kids deserve to feel safe at school" scored 0.79, "I'm a trans woman and my GP has been
    fantastic" 0.71). The policy ([group_mentions]) waives such a hold when the neutral reading
    is benign. A second model call, for the few comments it concerns (most batches have none):
    which comments need it is only known from the first call's scores.
    """
    if engine.policy.group_neutral_hold is None:
        return
    chosen = [(item, neutral_text(engine.targets, engine.lexicon, _the_claims(item), item.language.language))
              for item in batch if _held_only_for_naming_a_group(engine, item)]
    chosen = [(item, text) for item, text in chosen if text is not None]
    if not chosen:
        return
    texts, languages = [plain(text) for _, text in chosen], [item.language.language for item, _ in chosen]
    for (item, _), scores in zip(chosen, engine.scorer.score(texts, languages)):
        item.group_neutral_scores = {label: float(value) for label, value in scores.items()}


def _the_claims(item: Evaluation) -> str:
    """The comment without the frames of its claims about a group (moderation/claims.py)."""
    return without_spans(item.comment.text, item.frames) if item.frames else item.comment.text


def held_on_toxicity_alone(item: Evaluation, verdict) -> bool:
    """Held, and for the toxicity score only: no lexicon term (even negated or quoted), no targeted
    abuse, no other label or rule. The one kind of hold the second opinion may release."""
    return verdict.outcome == "hold" and verdict.reasons == ("toxicity_hold",) and not item.hits and not item.targets


def ask_second_opinion(engine: "Engine", batch: list[Evaluation], evidence: list[Evidence], verdicts: list) -> None:
    """Read the comments held on the toxicity score alone once more, with the second opinion
    (moderation/scoring/second_opinion.py), and decide them again with its score added to their
    evidence (`evidence` and `verdicts` are the batch's, in its order; the verdicts are replaced).

    Why only those: the shipped toxicity head takes a news comment's register for abuse ("Millions
    in taxpayer money gone and zero accountability." 0.82), and where anything else speaks (a
    lexicon term, a target, another head) the second opinion, which reads the embedding alone,
    knows less than the evidence. One more encoder pass, for a few comments in a hundred."""
    if engine.second_opinion is None or engine.policy.second_opinion_keep_below is None:
        return
    asked = [i for i, (item, verdict) in enumerate(zip(batch, verdicts)) if held_on_toxicity_alone(item, verdict)]
    if not asked:
        return
    for i, value in zip(asked, engine.second_opinion.toxicity([batch[i].model_text for i in asked])):
        batch[i].second_opinion = float(value)
        evidence[i] = dataclasses.replace(evidence[i], second_opinion=float(value))  # the group stance reads it after
        verdicts[i] = engine.policy.decide(evidence[i])


# The holds the group-stance reading may release: the model heads' own, the threat head's only at the
# lower bar of a comment naming a group (a threat over the general bar is menace whoever it names).
MODEL_HOLDS = frozenset({"toxicity_hold", "identity_attack_hold", "threat_group_hold"})


def held_for_a_group_by_the_models_alone(item: Evaluation, verdict) -> bool:
    """Held, naming a group, on the model heads' scores and nothing else: no lexicon term or threat
    or derogation in force, no reason but MODEL_HOLDS."""
    return (verdict.outcome == "hold" and bool(item.groups) and _says_nothing_abusive(item)
            and set(verdict.reasons) <= MODEL_HOLDS)


def ask_group_stance(engine: "Engine", batch: list[Evaluation], evidence: list[Evidence], verdicts: list) -> None:
    """Read the comments naming a group that the model heads alone hold once more, with the group-stance
    reading (moderation/scoring/group_stance.py), and decide them again with it in their evidence.

    Why: the heads read the words said around a group's name, not what is said of the group:
    counter-speech, denials and benign news about a group are most of the comments a moderator
    keeps that we held (moderation/training/group_stance.py). Where a rule or the lexicon speaks,
    the evidence knows more than the embedding, so only these holds are asked about."""
    if engine.group_stance is None or engine.policy.group_stance_written_below is None:
        return
    asked = [i for i, (item, verdict) in enumerate(zip(batch, verdicts))
             if held_for_a_group_by_the_models_alone(item, verdict)]
    if not asked:
        return
    for i, stance in zip(asked, engine.group_stance.read([batch[i].model_text for i in asked])):
        batch[i].group_stance = stance
        evidence[i] = dataclasses.replace(evidence[i], group_stance=stance,
                                          speaks_of_violence=bool(violence_spans(batch[i].comment.text)))
        batch[i].stance_calm = is_calm(evidence[i])
        verdicts[i] = engine.policy.decide(evidence[i])


def load_reading(reading: type[GroupStance] | type[SecondOpinion], event: str) -> GroupStance | SecondOpinion | None:
    """A shipped reading over the encoder (the second opinion, the group stance), or None, logged as
    `event=<event>`, when its artifact is missing or unreadable: the engine then leaves its holds as they are."""
    try:
        return reading.load()
    except ScorerUnavailable as exc:
        log.warning("event=%s %s", event, exc)
        return None


# Bump when the engine reads a comment differently with the same model, lexicon, targeting rules
# and policy (a phase added or changed), so that a rescoring run refuses a worker on another
# revision and each decision records which one made it. 2: the plain reading for the model and
# the language detector (moderation/text/plain.py, 2026-12-04); decisions before it record none.
# 3: a person named by their role ("the PM") opens the threat gate (names_role), and the "t" of
# "can't" no longer makes swearing aimed at someone (moderation/unvoiced.py), and more function
# words decide the language of short comments (moderation/language.py; all 2026-12-05).
# 4: a lexicon term that begins inside negated or reported abuse is negated or quoted with it, not
# only one wholly inside (_qualified; 2026-12-05, later).
# 5: a group the speaker says they belong to ("I'm proud to be a Muslim") is no target: the group
# gates close and the neutral reading decides at the hold thresholds (speaks_as_member; 2026-12-05).
# 6: a slur the speaker uses of themselves is marked reclaimed (mark_reclaimed_slurs; 2026-12-05).
# 7: laughter and indignation at nothing are read without (moderation/unvoiced.py), words of
# violence where the threat head reads no intent (discount_violent_words), and a call to seek
# help is not held on the threat head's score (points_to_help; all 2026-12-05, evening).
# 8: support for the group a comment names is read (voices_support, moderation/support.py; 2026-12-05, night).
# 9: removal by election ("vote him out", « les virer aux urnes ») is read without, like laughter
# (ballot_spans, moderation/unvoiced.py) and so are calls for accountability in a comment naming no
# group ("should be sacked", accountability_spans) and the words of a good wish ("I hope the mayor
# keeps his promises", good_wish_spans) and idioms of encouragement ("knock 'em dead",
# encouragement_spans), and praise of the group a comment names keeps the threat
# head's group bar from holding it (voices_praise, moderation/support.py; all 2026-12-06).
# 10: a comment the policy would hold on the toxicity score alone is read by the second opinion
# (moderation/scoring/second_opinion.py, policy [second_opinion]), and laughter said with an idiom of
# dying ("dying of laughter", « tu me tues avec tes blagues ») is read without (moderation/unvoiced.py;
# both 2026-12-06, second session).
# 11: a term in an insult the comment reports someone else saying ("a bloke called my sister a
# ...", « je me suis fait traiter de ... ») is quoted (moderation/text/reported_insults.py; 2026-12-06,
# fourth session).
# 12: a comment that quotes a phrase is held at most on its toxicity score (policy.quoted_hold_at_most),
# "deserve the same respect" is support and "don't deserve the same respect" denies it
# (moderation/support.py), and a French dismissal (« Dégage, ... de merde ») addresses someone
# (moderation/unvoiced.py; 2026-12-06, fourth session); later that session, also in eng-12: a
# prison term wished on someone convicted ("let him rot in a cell") is accountability talk, and the
# words of war as the news tells it ("atrocities", « bombardé ») are words of violence, and violence
# told as done in the past by someone it names keeps the threat head's group bar from holding
# (unvoiced.py reports_past_violence); harm done to the group it names, stated or asked ("how Roma
# are affected by the cuts"), reads as support (support.py).
# 13: a group's name disguised by letters that look or sound like others ("vvomen", "irnmigrants",
# "b|ack", « les nwars ») is read as the name (moderation/text/lookalikes.py; 2026-12-06, fifth session).
# 14: a claim about a group is read by the targeting rules without the frame that makes it the
# speaker's view ("I think X ...", "have you noticed how X ...", « à mon avis les X ... »), and, where
# the targets file says so (English), by the model too; in that reading a clause-opening "they" is the
# one group named before it (moderation/claims.py; 2026-12-06, fifth session); also in eng-14: a
# cheer for a people (« Vive les Roms ! », "long live the Kurds") is read without, as a terrace cheer.
# 15: what someone else told a person to do ("he told me to go die", "Telling disabled people to go
# die is harassment") is a report, its terms quoted (moderation/text/reported_insults.py); a harm
# wished on a group ("Gays should get persecuted") or left for the reader to explain ("... Ever
# wonder why?") is no sympathy (support.py; 2026-12-06, sixth session).
# 16: the toxicity score of a comment that reports a threat or a derogation and says none in its own
# voice holds at most, as for a quoted phrase ("Ceux qui écrivent qu'il faut tabasser les X sont des
# minables"; policy.py _reports_abuse_only); a denial is not held at the threat head's group bar
# either; "I am one of the X" names the speaker's own group (group_neutral.py); "X are people like
# the rest of us", "nothing wrong with being X" are support (support.py); 2026-12-06, seventh session.
# 17: harm a group lives with or faces, or suffers for who they are ("So many X live with hate and the
# threat of violence", "X being killed just for who they are"), reads as sympathy, and its words of
# violence are the harm told, not the comment's own (support.py told_harm_spans; glee before it
# refuses it); rights owed ("the same right to live safely"), what no one should have to bear,
# never judging someone for who they are, « je suis de tout cœur avec » are support, "the best X in
# town" praise; naming the act of calling people a slur ("If your argument depends on calling people
# ...") is a report (text/reported_insults.py); an exclamation opening a sentence ("Holy shit, did
# you see ...") is swearing aimed at nobody beside a "you" (unvoiced.py); 2026-12-07, eighth session.
# 18: a norm against hating a group (« Personne ne devrait haïr les X pour ce qu'ils sont ») and an
# attempt on someone told as news ("A man tried to kill a trans woman ...") read as support; "Happy
# to see more X voices" as praise (support.py); fixed idioms of violence that threaten no one ("bury
# the hatchet", « tuer le temps ») are read without (unvoiced.py); 2026-12-07, ninth session.
# 19: a claim about a group the comment calls false ("It's nonsense to say X are ...", "The idea that
# X ... is wrong", "Blaming X for ... is lazy") is negated derogation, whatever the claim says, unless
# it is a claim of worth, rights or harm suffered (refutation.py); what no one should lose for who
# they are ("Nobody should lose their job just for being a X") is support; 2026-12-07, ninth session.
# 20: harm they "get" or "receive" and "sending love to ..." read as sympathy; "car" and "since" as whole
# words only when they explain a harm away ("nobody cares" no longer refused it); « Dire que <claim>,
# c'est faux » and "Saying <claim> is nonsense" are refutations (support.py, refutation.py; 2026-12-07).
# 21: praise keeps the threat head from holding at any bar under remove (it kept it from the group bar
# only), and help or a voice given to a group reads as support (« une asso qui aide les X », « donne la
# parole aux X »; policy.py, support.py; 2026-12-07, ninth session).
# 22: more refutations (hating, attacking, pinning it on X + a verdict; "the 'fact' ... that X ... is
# fabricated"; "so much for '<stereotype>'"; a clause between « penser que <claim> » and its verdict);
# victims of and attacks against a group told with words between them ("are far more often the victims
# of violence", « l'agression de ce week-end contre un X ») and a piece about them praised read as
# sympathy and praise (refutation.py, support.py; 2026-12-07, ninth session).
# 23: the group-stance reading of comments about a group held by the model heads alone
# (ask_group_stance, moderation/scoring/group_stance.py, policy [group_stance]; 2026-12-07, eleventh session).
# 24: more French function words decide the language of short comments ("On va te flinguer." was read
# as English, so the French rules never ran; moderation/language.py; 2026-12-07, thirteenth session).
# 25: naming the act in French (« Traiter quelqu'un de ... n'est jamais acceptable ») is a report, its
# terms quoted (text/reported_insults.py), and the odds of harm and the blame put on a group ("more
# likely to be bullied", "blamed for everything", « accusés de tout ») read as sympathy unless the
# blame is endorsed ("rightly", « à juste titre »; support.py; 2026-12-07, thirteenth session).
# 26: a claim called false negates the derogation the rules found inside it too (they read "I used to
# think X were lazy, but I was wrong" as the claim); more frames of refutation (a belief taken back,
# evidence denied, the believer judged, a claim told then denied, "never met a X who was ..."); worth
# called false by the same frames is derogation in force ("There is no evidence that X are human",
# "I've never met a X who was grateful"; refutation.py refutations); 2026-12-07, fourteenth session.
# 27: a claim mocked ("Oh yes, X are coming to steal our jobs... said every generation ever", "Remind me
# how X are 'destroying' the country?") is refuted (refutation.py); blame refused ("Stop using X as
# scapegoats", « À chaque problème, on accuse les X ») and comments about a group condemned read as
# support (support.py); 2026-12-07, fourteenth session.
# 28: a group defended ("Leave X alone.", « Ne mettez pas tous les X dans le même sac », "Without X our
# hospitals would collapse") reads as support unless what follows turns it (support.py _DEFENCE);
# 2026-12-07, fourteenth session.
# 29: a refuted claim that opens on "they" is about the group named before it ("My neighbours are
# refugees. The idea that they are criminals is just wrong."); 2026-12-07, fourteenth session.
# 30: collective blame refused ("Blaming X as a whole for what one man did ...", « Accuser tous les X
# pour ce qu'a fait un seul ») and the old panics told ("the same panic about X ruining the country")
# read as support (support.py); 2026-12-07, fourteenth session.
# 31: "X pay their taxes like everyone else" reads as support, not as a demand ("should pay ...");
# 2026-12-07, fourteenth session.
# 32: a denial or a reported claim turned back into the speaker's own ("I don't hate X, I just think
# the country would be better off without them", "Nobody said ALL X are thieves. Just most of them")
# is not all the comment says: its scores are read whole (claims.turned_back); fifteenth session.
# 33: news of violence told with the place or the time ("were stabbed outside the mosque last night")
# reports it, unless told to approve of it ("... and they deserved it"; unvoiced.reports_past_violence).
# 34: the group stance is told whether a comment it is asked about uses a word of violence
# (speaks_of_violence), for the policy's calm bars ([group_stance] calm_*; 2026-12-08, sixteenth session).
ENGINE_REVISION = "eng-34"

EVIDENCE_PHASES: tuple[Phase, ...] = (detect_language, match_lexicon, mark_quoted_terms, mark_reclaimed_slurs,
                                      find_targeted_abuse,
                                      reveal_obfuscated_terms, score_toxicity, discount_unvoiced_abuse,
                                      discount_violent_words, mark_own_group, read_without_group_names)


class Engine:
    """Decide comments. Build once per process (loads the model and lexicons), then call `decide`."""

    def __init__(self, detector: LanguageDetector, lexicon, scorer, policy: Policy, targets: TargetRules,
                 second_opinion: SecondOpinion | None = None, group_stance: GroupStance | None = None):
        self.detector = detector
        self.lexicon = lexicon
        self.scorer = scorer
        self.policy = policy
        self.targets = targets
        self.second_opinion = second_opinion
        self.group_stance = group_stance
        if policy.second_opinion_keep_below is not None and second_opinion is None:
            log.warning("event=second_opinion_unavailable policy=%s: comments held on toxicity alone stay held",
                        policy.version)
        if policy.group_stance_written_below is not None and group_stance is None:
            log.warning("event=group_stance_unavailable policy=%s: comments about a group held by the model heads "
                        "alone stay held", policy.version)
        mismatch = policy.calibration_mismatch(scorer.model_id)
        if mismatch:
            # Not fatal: an operator may trial a new scorer on purpose (rescoring --model does).
            log.warning("event=policy_not_calibrated_for_scorer %s", mismatch)

    @classmethod
    def from_settings(cls, settings: Settings, scorer=None, policy: Policy | None = None) -> "Engine":
        """Build the engine the settings describe; `scorer`/`policy` override them (tests, rescoring)."""
        from moderation.lexicon import load_lexicon
        from moderation.scoring.factory import build_scorer

        return cls(
            detector=LanguageDetector(),
            lexicon=load_lexicon(settings.resolved_lexicon_dir),
            scorer=scorer if scorer is not None else build_scorer(settings),
            policy=policy if policy is not None else load_policy(settings.resolved_policy_path),
            targets=TargetRules.configured(settings),
            second_opinion=load_reading(SecondOpinion, "second_opinion_not_loaded"),
            group_stance=load_reading(GroupStance, "group_stance_not_loaded"),
        )

    @property
    def versions(self) -> dict[str, str]:
        """What a decision depends on, for the record and for rescoring."""
        return {"policy": self.policy.version, "model": self.scorer.model_id, "lexicon": self.lexicon.version,
                "targets": self.targets.version, "engine": ENGINE_REVISION,
                "second_opinion": self.second_opinion.model_id if self.second_opinion else "none",
                "group_stance": self.group_stance.model_id if self.group_stance else "none"}

    def with_policy(self, policy: Policy) -> "Engine":
        """The same engine under another policy (candidate policies in rescoring)."""
        return Engine(self.detector, self.lexicon, self.scorer, policy, self.targets, self.second_opinion,
                      self.group_stance)

    def decide(self, comments: Sequence[CommentInput]) -> list[Decision]:
        """Run the pipeline over a batch; decisions come back in input order."""
        batch = [Evaluation(_encodable(comment)) for comment in comments]
        if not batch:
            return []
        for phase in EVIDENCE_PHASES:
            phase(self, batch)
        evidence = [self._evidence(item) for item in batch]
        verdicts = [self.policy.decide(one) for one in evidence]
        ask_second_opinion(self, batch, evidence, verdicts)
        ask_group_stance(self, batch, evidence, verdicts)
        return [self._decision(item, verdict) for item, verdict in zip(batch, verdicts)]

    def _evidence(self, item: Evaluation) -> Evidence:
        return Evidence(item.language.language, tuple(item.hits), item.scores, tuple(item.targets),
                        item.discounted_scores, item.untargeted_profanity,
                        group_neutral_scores=item.group_neutral_scores,
                        names_group=bool(item.groups), names_person=item.names_person,
                        names_role=item.names_role, speaks_as_member=item.speaks_as_member,
                        points_to_help=_points_to_help(item),
                        voices_support=_voices_support(item),
                        voices_praise=_voices_praise(item),
                        quotes_a_phrase=quotes_a_phrase(item.comment.text),
                        reports_past_violence=_reports_past_violence(item),
                        denial_turned=item.denial_turned)

    def _decision(self, item: Evaluation, verdict) -> Decision:
        language = item.language.language
        details = {
            "language_source": item.language.source,
            "lexicon_version": self.lexicon.version,
            "targets_version": self.targets.version,
            "engine_version": ENGINE_REVISION,
            "thresholds": self.policy.thresholds(language),
        }
        if item.discounted_scores is not None:
            details["discounted_scores"] = {k: round(v, 4) for k, v in item.discounted_scores.items()}
        if item.group_neutral_scores is not None:
            details["group_neutral_scores"] = {k: round(v, 4) for k, v in item.group_neutral_scores.items()}
        if item.speaks_as_member:
            details["speaks_as_member"] = True
        if item.second_opinion is not None:
            details["second_opinion"] = {"model": self.second_opinion.model_id, "toxicity": round(item.second_opinion, 4),
                                         "keep_below": self.policy.second_opinion_keep_below}
        if item.group_stance is not None:
            details["group_stance"] = {"model": self.group_stance.model_id, **item.group_stance.to_json(),
                                       "keep_below": {"written": self.policy.group_stance_written_below,
                                                      "mixed": self.policy.group_stance_mixed_below}}
            if self.policy.group_stance_calm_written_below is not None:
                details["group_stance"]["calm"] = item.stance_calm
                details["group_stance"]["calm_keep_below"] = {"written": self.policy.group_stance_calm_written_below,
                                                              "mixed": self.policy.group_stance_calm_mixed_below}
        reasons = list(verdict.reasons)
        if verdict.outcome == "keep" and self.policy.audits(item.comment.id):
            # kept, and sampled for a moderator to look at: the review queue's audit items (docs/learning.md)
            reasons.append(AUDIT_REASON)
            details["audit_keep_share"] = self.policy.audit_keep_share
        return Decision(
            id=item.comment.id,
            language=language,
            language_confidence=item.language.confidence,
            scores=item.scores,
            slurs=item.hits,
            decision=verdict.outcome,
            reasons=reasons,
            policy_version=self.policy.version,
            model=self.scorer.model_id,
            details=details,
            targeted=[hit.to_json() for hit in item.targets],
        )
