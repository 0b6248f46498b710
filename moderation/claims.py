"""The plain reading of a comment: each claim without the words that frame it as the speaker's view.

"Muslims respect nothing" was read as derogation, "I think Muslims respect nothing", "Have you
noticed that Muslims respect nothing?" and « Vous avez remarqué que les musulmans ne respectent
rien ? » were not: each targeting pattern anchors its claim at the start of a clause, and a frame
of opinion, candour or attention ("I think", "honestly", "have you noticed how", « à mon avis », «
franchement », « pourquoi est-ce que ») stood there, or read as reported speech ("think that",
« pense que »: someone else's words). Said in the first person, such a frame adds nothing to the
claim but the speaker's voice, so when a comment names a group the targeting rules also read it
with every frame at a clause start left out ([sets] claim_frames and insinuation_frames of
config/targets, each affirmative: never "I don't think", « je ne crois pas »).

The model is the other way round: it learned frames of opinion as a sign of hate ("Let's face it,
refugees have been through enough" was held where the claim alone is kept), so where a targets file
says `model_reads_without_frames` it reads the comment without its claim_frames (the engine's
model text, moderation/engine.py). Not without insinuation_frames ("have you noticed how X ..."):
that is how insinuation is said, and the model is right to read it.

A subject pronoun that opens a clause ("they", « ils », « elles ») is read as the group when the
comment has named exactly one group before it ("I have met a lot of Muslims and they ..."): the
claim then reads as if said of the group by name, as the targeting rules' pronoun_derogation
patterns already read a few ([sets] subject_pronouns).

Only frames and pronouns change; negation, reporting in the third person ("they think that ..."), quotation and
questions that ask something ("why are Muslims treated so badly?") read as before, since the
words that make them so are not frames.
"""

from __future__ import annotations

import re
from typing import Callable, Sequence

# where a clause starts: the text's start, or after a sentence's end, a colon, a semicolon or a comma
_CLAUSE_START = r"(?:^|(?<=[.!?;:,\n]))[^\w']*?"
# what a frame's verb may take as its object instead of a claim ("everyone knows it", « tout le monde sait ça »)
_OBJECT = r"(?:it|this|that|so|ca|cela|ceci)"
# after a frame: a comma, spaces, or nothing after an elided « qu' »
_AFTER_FRAME = r"(?:\s*,\s*|\s+|(?<='))"


def frames_pattern(frames: list[str], alternation: Callable[[list[str]], str],
                   compile: Callable[[str], re.Pattern]) -> re.Pattern | None:
    """One or more frames at a clause start, as group 1; None without frames."""
    if not frames:
        return None
    one = alternation(frames)
    # a claim follows, not the object of the frame's verb: "..., everyone knows it." frames nothing
    return compile(rf"{_CLAUSE_START}((?:(?:{one}){_AFTER_FRAME})+)(?=\w)(?!{_OBJECT}(?![\w']))")


def frame_cuts(text: str, frames: re.Pattern | None) -> list[tuple[int, int]]:
    """The spans of `text` that are frames at a clause start (most comments: none)."""
    if frames is None:
        return []
    return [match.span(1) for match in frames.finditer(text)]


# what turns a denial into a claim's set-up: "I'm not saying X are evil, I'm JUST saying ...", « je
# ne déteste pas les X, je pense JUSTE que ... »
_PIVOT = re.compile(r"(?<![\w'])(?:just|only|simply|juste|simplement|seulement)(?![\w'])")


def frame_edits(text: str, cuts: list[tuple[int, int]]) -> tuple[list[tuple[int, int, str]], set[int]]:
    """The `cuts` as edits of `text`, and where, in the text so edited, the frames that pivot ended.

    A frame is left out; one that pivots ("I'm just saying", « je dis juste que ») after the
    comment's start becomes a sentence's end, since what follows is the comment's own claim whatever
    it denied before: "I'm not saying X are evil, I'm just saying X never integrate" reads "I'm not
    saying X are evil. X never integrate", and a pronoun there reads as the group even after a
    denial (TargetRules._plain_reading)."""
    edits, after_pivot, shift = [], set(), 0
    for start, end in cuts:
        pivot = _PIVOT.search(text, start, end) is not None
        replacement = ". " if pivot and text[:start].strip() else ""
        if replacement:
            start = len(text[:start].rstrip(" ,"))  # the comma before it goes too: "evil, I'm just saying" -> "evil. "
        edits.append((start, end, replacement))
        shift += len(replacement) - (end - start)
        if pivot:
            after_pivot.add(end + shift)
    return edits, after_pivot


# a clause's start for a pronoun: the text's start, after a sentence's end, a colon, a semicolon or a
# comma, or after a coordinating word ("and they ...", « et ils ... »)
# (the coordinating word goes with the pronoun: "and they never ..." reads "; Muslims never ...", so
# that the patterns, which anchor a claim at a clause start, read it as one)
_PRONOUN_START = r"(?:^|(?<=[.!?;:,\n])|(?<![\w'])(?=(?:and|but|so|et|mais|car|puis) ))[^\w']*?"
_COORDINATED = r"(?P<coordinated>(?:and|but|so|et|mais|car|puis) +)?"


def pronouns_pattern(pronouns: list[str], alternation: Callable[[list[str]], str],
                     compile: Callable[[str], re.Pattern]) -> re.Pattern | None:
    """A subject pronoun at a clause start, with the coordinating word before it, as group 1; None
    without pronouns."""
    if not pronouns:
        return None
    return compile(rf"{_PRONOUN_START}({_COORDINATED}(?<![\w'])(?:{alternation(pronouns)}))(?= )")


def pronoun_edits(text: str, pronouns: re.Pattern | None, mentions: list[tuple[int, int, str]],
                  article: str = "") -> list[tuple[int, int, str]]:
    """(start, end, the group's name) for each subject pronoun at a clause start that follows
    mentions of exactly one group (`mentions`: (start, end, group id) in `text`, members left out)."""
    if pronouns is None or not mentions:
        return []
    edits = []
    for match in pronouns.finditer(text):
        before = [m for m in mentions if m[1] <= match.start(1)]
        if before and len({group for _, _, group in before}) == 1:
            start, end, _ = before[-1]
            name = article + text[start:end]
            if match.group("coordinated"):  # "Muslims, and they ..." -> "Muslims; Muslims ...": the comma goes too
                edits.append((len(text[:match.start(1)].rstrip(" ,")), match.end(1), "; " + name))
            else:
                edits.append((*match.span(1), name))
    return edits


def rewritten(text: str, source: Sequence[int], edits: list[tuple[int, int, str]]) -> tuple[str, list[int]]:
    """`text` with each (start, end, replacement) of `edits` made (in order, not overlapping), and the
    map back to the original: a replacement maps to the last word it replaces (a pronoun, not the
    "and" before it), its last character to that word's end; an empty one is a cut."""
    out, mapped, at = [], [], 0
    for start, end, replacement in edits:
        out.append(text[at:start])
        mapped.extend(source[at:start])
        if replacement:
            out.append(replacement)
            word = max(start, text.rfind(" ", start, end) + 1)  # the replaced pronoun's first character
            mapped.extend([source[word]] * (len(replacement) - 1) + [source[end - 1]])
        at = end
    out.append(text[at:])
    mapped.extend(source[at:])
    return "".join(out), mapped


# What turns a denial or a reported claim back into the speaker's own. A clause that opens on the
# speaker's "just" and speaks of the group again: "I don't hate X, I just think the country would be
# better off without them", "I'm not saying X are all criminals, I'm just saying I'd lock my car if
# one moved in", « Je ne déteste pas les X, je pense juste qu'ils devraient ... »; or one that keeps
# the claim for most of them: "Nobody said ALL X are thieves. Just most of them", « Juste la
# plupart. » The denial was all these comments seemed to say, and they were kept on it (a fake
# negation suite written by a helper, 2026-12-07, fifteenth session). The speaker's "just" only:
# "... because it simply isn't true", "they just like ..." go on denying.
_APOSTROPHE = "['\u2019]"
_SPEAKER_JUST = (
    r"i (?:just|only|simply) (?:think|feel|believe|reckon|say|mean|want|wish|prefer|would rather)"
    rf"|i{_APOSTROPHE}d (?:just|only|simply) (?:rather|prefer)"
    rf"|(?:i{_APOSTROPHE}m|i am|im|we{_APOSTROPHE}re|we are) (?:just|only|simply|merely) (?:saying|asking|pointing out|stating|being honest|being realistic)"
    r"|je (?:pense|trouve|dis|veux|pr[ée]f[èe]re|crois|voudrais|constate) (?:juste|simplement|seulement)"
    r"|on dit (?:juste|simplement|seulement)"
    r"|de loin")
_MOST_OF_THEM = (r"(?:just|only) (?:most|the majority|nearly all|almost all) of them"
                 r"|(?:juste|seulement) (?:la plupart|la majorit[ée]|presque tous|presque toutes)")
_TURN = re.compile(rf"(?:^|[.,;:!?]\s*|(?<![\w'])(?:but|mais)\s+)(?:(?P<most>{_MOST_OF_THEM})|{_SPEAKER_JUST})(?![\w'])",
                   re.IGNORECASE)
# the group spoken of again after the turn: a pronoun of the third person plural (or a name, given
# by the caller); "qu'ils", "they're" count; « les » only as a pronoun after a verb's subject or a
# modal (« qu'on les renvoie », « faut les ... »), not as the article of « les bonus »
_BACK_REFERENCE = re.compile(r"(?<!\w)(?:they|them|their|those people|ils|elles|eux|leurs?"
                             r"|(?:on|je|j'|il|faut|faudrait|devrait|doit|doivent|veux|voudrais) les)(?!\w)",
                             re.IGNORECASE)


def turned_back(text: str, after: int, mentions: Callable[[], Sequence[int]]) -> bool:
    """True when, after offset `after` (the end of the claim a comment denies or reports), a clause
    turns it back into the speaker's own (see _TURN). `mentions`: where the comment names a group,
    asked only when no pronoun after the turn speaks of it (reading them normalises the comment again)."""
    turn = _TURN.search(text, after)
    if turn is None:
        return False
    if turn.group("most"):
        return True
    rest = text[turn.end():]
    return len(re.findall(r"\w+", rest)) >= 3 and (
        _BACK_REFERENCE.search(rest) is not None or any(start >= turn.end() for start in mentions()))
