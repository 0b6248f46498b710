"""Targeted abuse as evidence of its own: threats against a person or group, and slur-free
derogation of an identity group, each with its span and whether it was negated or reported.

A toxicity score says a comment is nasty; it does not say at whom. A threat ("they should all be
shot") or dehumanising talk about a group ("immigrants are vermin") may use no slur at all, and
the same words can be counter-speech ("saying 'immigrants are vermin' is vile") or negated ("I
would never say gay people are disgusting"). The word lists and patterns are data, one file per
language in config/targets/ (format in docs/lexicons.md); this module compiles and applies them.

Matching reads the lexicon's folded view of the text (lower case, accents, leet and look-alike
letters folded), with runs of one repeated letter squeezed ("kiiill") and spaced-out letters
joined ("m u s l i m s"), a group's name or what is said of or done to it read as the word when
cut up by hyphens ("im-mi-grants", "ver-min") or misspelt by one dropped or swapped letter
("Mslims", "les fmmes", "disgustnig"; never when the misspelling is an ordinary word), and maps
every span back to the original text.

Most comments match no pattern, so `read` first asks cheap yes/no questions with the same answers
as the patterns' own: each pattern runs only when the text matches every part all its matches
contain (_gates), and word lists are searched as alternations factored by their beginnings
(_trie_alternation). Measured on bench/corpus.py's 3,000 short comments (one core): 0.37-0.60 ms
of CPU per comment before, 0.16-0.28 after (about 2.1 times faster), identical readings of all
425,073 (text, language) reads of the shared and bench data; a load with a warm regex cache takes
about 35 ms more (70 -> 105 ms), a first one about 0.2 s more.
"""

from __future__ import annotations

import hashlib
import itertools
import re
from bisect import bisect_left
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator, NamedTuple, Sequence

from moderation.claims import frame_cuts, frame_edits, frames_pattern, pronoun_edits, pronouns_pattern, rewritten
from moderation.support import denies_them_something_good
from moderation.text.conjugate import future_and_conditional
from moderation.text.lookalikes import lookalike_variants
from moderation.text.masks import Unmasker
from moderation.text.normalize import normalize_for_matching
from moderation.text.regex_cache import RegexCache, files_key
from moderation.text.sentences import ends_in_question, sentence_start
from moderation.text.space_cuts import split_variants
from moderation.text.typos import doubled_variants, typo_variants

if TYPE_CHECKING:
    from moderation.settings import Settings

# "veiled_threat": menace without a violent verb ("I know where you live", "your family will pay for
# this"); it holds by default where an open threat removes, since the same words can be harmless.
KINDS = ("threat", "veiled_threat", "derogation")
THREAT_KINDS = ("threat", "veiled_threat")
# The pattern lists of config/targets, by the prefilter that opens them.
OPEN_KINDS = ("threat", "derogation", "pronoun_derogation", "negated_derogation", "reported_derogation")
VEILED_KINDS = ("veiled_threat",)
_PLACEHOLDER = re.compile(r"\{(\w+)\}")
# A space in a pattern: any run of spaces and punctuation, or nothing ("ihatemuslims").
_GAP = r"[\W_]*"
_EDGE_BEFORE, _EDGE_AFTER = r"(?<![^\W_])", r"(?![^\W_])"
_FILLER = r"(?<![^\W_])[^\W_]+[\W_]+"
# Where a clause restarts: what comes before "but" no longer qualifies what comes after.
# "I'm not against X, I just think they're ..." restarts too: a denial, then the claim it was for.
# So does a comma before a new subject and its verb: in "they can't govern themselves, it's in
# their genes" the "can't" belongs to the claim, not to the "it's" after the comma.
# A comma then a new subject opens a new clause: "I don't hate them, I just want them gone", « je ne
# les hais pas, je veux juste qu'ils partent » (2026-12-05): the first clause's "not" stays there.
_CLAUSE_BREAK = re.compile(r"[.!?;:\n]|\b(?:but|however|yet|mais|pourtant|cependant|sauf que|i just (?:think|believe|say|feel|know|want)|"
                           r"je (?:dis|pense|trouve|crois|veux|voudrais|constate|remarque) (?:juste|simplement|seulement)|"
                           r"je constate|j'ai dit)\b|"
                           # « non » then a subject is an answer or a shrug, not the clause's negation:
                           # « non sérieux je vais te ... » (2026-12-07, thirteenth session)
                           r"\bnon(?= (?:(?:serieux|serieusement|franchement|sans rire|en vrai|haha|mdr|lol) )?"
                           r"(?:je|j'|tu|t'|on|il|elle|ils|elles|nous|vous)\b)|"
                           r",(?= ?(?:c'est|c est|cest|ce sont|it's|its|it is|that's|thats|that is|they're|theyre|they are|"
                           r"ils sont|elles sont|ils|elles|they|je|j'|i|i'm|on|we|nous|"
                           # the group itself as the new subject: « je suis pas homophobe, les homos me
                           # dégoûtent » (2026-12-06)
                           r"les|the|all the|tous les|toutes les|"
                           # an apposition that names them again: « ..., ces fainéants ? » (2026-12-05)
                           r"ces|tous ces|toutes ces|cette bande de|bande de|quelle bande de|those|these|what a bunch of)\b)")
# A claim right after a comma opens a clause of its own, whatever its first word: English names a
# group without a determiner ("Don't get me wrong, women are ...", "I don't care what anyone says,
# gays should be shot"), which _CLAUSE_BREAK's ", the|les ..." does not see (2026-12-07, thirteenth
# session). Only the negation's reach changes: a reporting verb before the comma still reports it.
_COMMA_JUST_BEFORE = re.compile(r",[\W_]*\Z")
# How far past a match's start a clause break may reach and still be seen (the comma's lookahead)
_BREAK_LOOKAHEAD = 12
# A word that could be a typo read as a word (see _reads_as_a_typo; four letters for the typos of
# five-letter group names, ShortNames), or one cut up by hyphens ("im-mi-grants")
_LETTERS = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)+|[^\W\d_]{4,}")
_PART = re.compile(r"[^\W\d_]{4,}")
_PIECE = re.compile(r"[^\W\d_]{2,}")  # a piece of a word cut in two by a space (moderation/text/space_cuts.py)
RUN_TOGETHER_MIN = 12  # letters a word needs to be read as a sentence run together (_run_together)
RUN_TOGETHER_LONGEST = 20  # the longest piece looked for in it
# words every sentence needs and no set lists on its own
_FUNCTION_WORDS = {"en": "i we you they he she it are is am be was were all the a an and of to not just so them their these "
                         "those should must will would get go back out in on at for with my our your no".split(),
                   "fr": "je tu il elle on nous vous ils elles sont est suis etre les des de la le du un une et a au aux "
                         "tous toutes faut pas ne que qui se sa son ses leur leurs ces ce".split()}
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?|n't|'")
_QUOTES = re.compile(r"[\"“”«»„]|(?<![^\W_])'|'(?![^\W_])")
PREFIX_WORDS = 10  # how far back a negation or a reporting verb still qualifies a match
PREFIX_REACH = 400  # characters those words may span (ten words of forty letters)
# Bump when this module reads the same files differently (what a pattern compiles to, how a comment
# is matched), so that `TargetRules.version` changes even if the files did not: a decision records
# the version, and rescoring compares it (as the lexicon's MATCHER_REVISION).
RULES_REVISION = "17"  # 2: reported words the comment agrees with are in force (_ENDORSED, 2026-12-04)
# 3: a comma then a new subject ends the clause a negation qualifies (_CLAUSE_BREAK), a claim set up
# for a "but" is not negated (_set_up), an opener cancels only what comes before its end (2026-12-05)
# 4: a negative question about a group is not its denial (_asks_why_not, 2026-12-05)
# 5: an apposition naming them again (", ces fainéants") begins a clause (_CLAUSE_BREAK, 2026-12-05)
# 6: a group denied respect, rights or safety ("X don't deserve equal rights") is derogation in
# force, not a denial (moderation/support.py denies_them_something_good, 2026-12-05, night)
# 7: a comma then the group as a new subject begins a clause; a claim opening on "all"/"tous" and
# taken back ("..., just most") is a hedge, not a denial (_hedged; 2026-12-06)
# 8: a denial doubted by "who can still believe ..." is a claim (_disbelieved); an ellipsis does not
# end the sentence a disclaimer's "but" is looked for in (_BUT_NEXT; 2026-12-06)
# 9: the words of [sets] crowd ("everyone", « tout le monde ») name no one person (names_person; 2026-12-06)
# 10: group names in look-alike disguise ("vvomen", « les nwars »; moderation/text/lookalikes.py) are
# read, and a claim about a group is read again without its frame ([sets] claim_frames,
# insinuation_frames) and with "they" as the group ([sets] subject_pronouns; moderation/claims.py;
# 2026-12-06, fifth session)
# 11: a reporting verb begun before a match counts even when the match runs into it ("If you believe
# X should be shot, get help": the threat opens on "you"; _reports), and a view put to the reader
# and then granted ("..., you're right") is the comment's own (_ENDORSED; 2026-12-06, sixth session)
# 12: [people_roles] others open the general threat bar (names_role) without joining {person}, and
# [conjugated] sets are derived from another set and open the prefilter (2026-12-07, eighth session)
# 13: a match that takes in an opening quotation mark is quoted when its words are (_qualifiers;
# 2026-12-07, eighth session)
# 14: a respelled word cut in two by a space is read as the word ("Mus lims", « les immi grés »;
# moderation/text/space_cuts.py), and a group that is the object of an act of blame opening the sentence
# ("Pinning it on Jews is just lazy") is no subject of derogation (_not_the_subject; 2026-12-07,
# ninth session)
# 15: a doubled letter in a four-letter name ("Jewws"; typos.DOUBLING_MIN_LENGTH) and a typo of two forms
# of one group of any length (ShortNames.forms) are read; a sentence run together into one word is cut
# back into the file's words ("transpeoplearefilthyanimals"; _run_together; 2026-12-07, ninth session)
# 16: a claim right after a comma is not negated by the clause before it (_COMMA_JUST_BEFORE); « non »
# then a subject ends a clause (_CLAUSE_BREAK); a group's name behind mask characters is read
# ("m*slims"; moderation/text/masks.py; 2026-12-07, thirteenth session)
# 17: a group named as what talk or an act is about is no subject of derogation ("the comments here about
# X are disgraceful"; _not_the_subject; 2026-12-07, fourteenth session)


class TargetRulesError(ValueError):
    """A config/targets file is missing, malformed or has a pattern that does not compile."""


@dataclass(frozen=True)
class TargetHit:
    """One threat or derogation found in a comment's text (spans index the original text)."""

    kind: str  # "threat", "veiled_threat" or "derogation"
    target: str  # the group's id ("muslims", "women") or "person"
    start: int
    end: int
    matched: str
    language: str
    negated: bool = False  # "I would never say ...", "it's not true that ..."
    reported: bool = False  # quoted or reported speech: "saying '...' is vile"

    @property
    def in_force(self) -> bool:
        """Said in the comment's own voice: neither negated nor reported."""
        return not (self.negated or self.reported)

    def to_json(self) -> dict:
        return {"kind": self.kind, "target": self.target, "start": self.start, "end": self.end,
                "matched": self.matched, "language": self.language, "negated": self.negated,
                "reported": self.reported}


def _alternation(words: list[str]) -> str:
    """A non-capturing alternation of phrases, longest first (then alphabetical, so that the pattern
    is the same in every process: compiled patterns are cached by their text), spaces matching _GAP."""
    ordered = sorted({w.strip().lower() for w in words if w.strip()}, key=lambda w: (-len(w), w))
    return "(?:" + "|".join(_GAP.join(re.escape(part) for part in w.split(" ")) for w in ordered) + ")"


def _trie_alternation(words: list[str]) -> str:
    """The phrases of _alternation factored by their common beginnings ("mus(?:lims|lim)"): the same
    strings match, so whether anything matches is the same, but `re` tries a few letters at each
    position instead of every phrase (a prefilter of 400 words: 10 times faster). Only for yes/no
    tests: which phrase finditer reports where several fit is not kept."""
    return "(?:" + _trie_regex(sorted({w.strip().lower() for w in words if w.strip()})) + ")"


# A space stands for _GAP, as in _alternation; other characters are escaped once (re.escape is
# most of the time _trie_alternation takes, on every load).
_SYMBOLS = {" ": _GAP}


def _symbol(char: str) -> str:
    return _SYMBOLS.get(char) or _SYMBOLS.setdefault(char, re.escape(char))


def _trie_regex(words: list[str]) -> str:
    """The regex of sorted, distinct phrases, factored by their first letters ("" ends a phrase);
    sorted, so that the pattern is the same text in every process (the regex cache's key)."""
    branches, ends = [], False
    for first, group in itertools.groupby(words, key=lambda word: word[:1]):
        rest = [word[1:] for word in group]
        if not first:
            ends = True  # a phrase ends here: the longer ones are tried first
        elif len(rest) == 1:
            branches.append("".join(map(_symbol, first + rest[0])))
        else:
            branches.append(_symbol(first) + _trie_regex(rest))
    if ends:
        branches.append("")
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


def _expand(template: str, sets: dict[str, str], where: str) -> str:
    return _EDGE_BEFORE + _expand_body(template, sets, where) + _EDGE_AFTER


def _expand_body(template: str, sets: dict[str, str], where: str) -> str:
    def replace(match: re.Match) -> str:
        name = match.group(1)
        if name not in sets:
            raise TargetRulesError(f"{where}: unknown set {{{name}}}")
        return sets[name]
    # a filler word ("\\w+ ") is a whole word followed by a real separator, so that it cannot
    # swallow the start of the next word ("ec" + "raser")
    body = " ".join(template.split()).replace("\\w+ ", _FILLER)
    pieces = [_PLACEHOLDER.sub(replace, chunk) for chunk in body.split(" ")]
    return _GAP.join(pieces)


# What _required_parts reads of a template: escapes, character classes (whose brackets and bars are
# plain characters), parentheses, bars and {set} placeholders; the rest it steps over.
_TEMPLATE_TOKEN = re.compile(r"\\.|\[(?:\\.|[^\]\\])+\]|[()|]|\{\w+\}")


def _required_parts(template: str) -> list[str]:
    """The parts of a pattern template that every match contains: each {set} and (group) at the top
    level, not made optional by a quantifier, when the top level has no "|" (else none)."""
    body = " ".join(template.split())
    parts, depth, start = [], 0, 0
    for token in _TEMPLATE_TOKEN.finditer(body):
        text = token.group()
        if text == "|" and depth == 0:
            return []
        if text == "(":
            start = token.start() if depth == 0 else start
            depth += 1
        elif text == ")":
            depth -= 1
            if depth == 0 and not body.startswith(("(?=", "(?!", "(?<"), start):
                parts.append((start, token.end()))
        elif text.startswith("{") and depth == 0:
            parts.append(token.span())
    return [body[a:b] for a, b in parts
            if not body.startswith(("?", "*", "+", "{"), b) or _PLACEHOLDER.match(body, b)]


@dataclass
class LanguageRules:
    """The compiled patterns of one language."""

    language: str
    groups: list[tuple[str, re.Pattern]]  # (group id, its forms as whole words)
    run_together_groups: list[tuple[str, re.Pattern]]  # the same forms anywhere in a word
    patterns: dict[str, list[re.Pattern]]  # "threat" | "veiled_threat" | "derogation" | "pronoun_derogation"
    gates: dict[str, list[tuple[int, ...]]]  # for each pattern, the gate_tests a text must pass first (_gates)
    gate_tests: list[re.Pattern]  # each once, as patterns share them ({group}, {violent}, ...)
    any_group: re.Pattern  # a cheap test: could any of `groups` match at all?
    negation: re.Pattern
    reporting: re.Pattern
    rhetorical: re.Pattern  # questions that only look negative ("isn't it obvious that ...")
    prefilter: re.Pattern  # a cheap test: could any pattern but veiled_threat's match at all?
    veiled_prefilter: re.Pattern  # the same test for veiled_threat's patterns ([sets] veiled_triggers)
    people: re.Pattern  # a person the comment names or addresses ([sets] person and addressee)
    roles: re.Pattern  # a person or people named by their role behind a determiner ([people_roles])
    member: re.Pattern  # one member of a group ("a muslim", "a black guy", "un jeune noir"), not the group
    respellings: dict[str, str]  # a one-letter typo of a group's name or a RESPELLED_SETS word -> the word
    respelled: frozenset[str]  # those words themselves, also read when cut up by hyphens ("ver-min")
    splits: dict[str, str]  # one of those words cut in two by a space ("mus lims") -> the word
    # every single word of the file's sets, groups and people nouns: what a sentence run together into
    # one word ("transpeoplearefilthyanimals") is cut back into (_run_together)
    vocabulary: frozenset[str] = frozenset()
    # the groups' names behind mask characters ("m*slims", « les f*mmes »; moderation/text/masks.py)
    unmasker: Unmasker | None = None
    # [sets] claim_frames and insinuation_frames at a clause start (moderation/claims.py), and the
    # frames the model reads a comment without (claim_frames, when model_reads_without_frames)
    frames: re.Pattern | None = None
    voice_frames: re.Pattern | None = None
    pronouns: re.Pattern | None = None  # [sets] subject_pronouns at a clause start (moderation/claims.py)

    def respell(self, text: str, source: Sequence[int]) -> tuple[str, Sequence[int]]:
        """`text` with masked, misspelt or hyphen-cut group names and RESPELLED_SETS words written
        right, and the map back to the original."""
        if self.unmasker is not None:
            text = self.unmasker.unmask(text)  # same length: `source` still maps it
        if not self.respellings and not self.splits:
            return text, source
        out, mapped, at = [], [], 0
        for start, end, right in self._corrections(text):
            out.append(text[at:start])
            mapped.extend(source[at:start])
            out.append(right)
            last = len(right) - 1
            mapped.extend(source[end - 1 if i == last else min(start + i, end - 1)] for i in range(len(right)))
            at = end
        if not out:
            return text, source  # most comments: no misspelt group name
        out.append(text[at:])
        mapped.extend(source[at:])
        return "".join(out), mapped

    def _corrections(self, text: str) -> Iterator[tuple[int, int, str]]:
        """(start, end, the word meant) for every misspelt, hyphen-cut or space-cut word of `text`,
        in order and not overlapping (a space-cut word first: its pieces are no words to correct)."""
        cut = self._space_cuts(text) if self.splits else []
        if not cut:
            yield from self._word_corrections(text)
            return
        at = 0
        for start, end, right in cut:
            yield from self._word_corrections(text, at, start)
            yield start, end, right
            at = end
        yield from self._word_corrections(text, at, len(text))

    def _run_together(self, word: str) -> str | None:
        """A sentence written as one word, cut back into the file's words ("transpeoplearefilthyanimals"
        -> "trans people are filthy animals"), when it cuts wholly into three words or more, the fewest
        possible, and names a group; else None. Ordinary long words do not cut wholly into the file's
        words, and fewer than three pieces are left alone ("therapists" is no "the rapists")."""
        best: list[list[str] | None] = [[]] + [None] * len(word)
        for end in range(1, len(word) + 1):
            for begin in range(max(0, end - RUN_TOGETHER_LONGEST), end):
                piece, before = word[begin:end], best[begin]
                if before is not None and piece in self.vocabulary and (len(piece) > 1 or piece in "ai") \
                        and (best[end] is None or len(before) + 1 < len(best[end])):
                    best[end] = before + [piece]
        pieces = best[-1]
        if pieces is None or len(pieces) < 3:
            return None
        spaced = " ".join(pieces)
        return spaced if self.groups_in(spaced) else None

    def _space_cuts(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, the word meant) for each pair of pieces, one space apart, that `splits` reads."""
        found, taken_to = [], 0
        pieces = list(_PIECE.finditer(text))
        for first, second in zip(pieces, pieces[1:]):
            if first.start() >= taken_to and second.start() == first.end() + 1 and text[first.end()] == " ":
                right = self.splits.get(f"{first.group()} {second.group()}")
                if right is not None:
                    found.append((first.start(), second.end(), right))
                    taken_to = second.end()
        return found

    def _word_corrections(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[tuple[int, int, str]]:
        """_corrections for the single words of text[pos:endpos]."""
        for match in _LETTERS.finditer(text, pos, len(text) if endpos is None else endpos):
            word, start = match.group(), match.start()
            if "-" not in word:
                if word in self.respellings:
                    yield start, match.end(), self.respellings[word]
                elif len(word) >= RUN_TOGETHER_MIN and (spaced := self._run_together(word)) is not None:
                    yield start, match.end(), spaced
                continue
            joined = word.replace("-", "")
            right = joined if joined in self.respelled else self.respellings.get(joined)
            if right is not None:
                yield start, match.end(), right
                continue
            for part in _PART.finditer(word):  # "Spanish-Mexcian": the parts on their own
                if part.group() in self.respellings:
                    yield start + part.start(), start + part.end(), self.respellings[part.group()]

    def group_at(self, text: str, start: int, end: int) -> str:
        """The id of the first group named inside text[start:end], else "person"."""
        for group, pattern in self.groups:
            if pattern.search(text, start, end):
                return group
        for group, pattern in self.run_together_groups:  # run together with other words: "ihatemuslims"
            if pattern.search(text, start, end):
                return group
        return "person"

    def groups_in(self, text: str) -> list[str]:
        """The ids of the groups `text` names, in the file's order."""
        if not self.any_group.search(text):
            return []  # most comments: one search instead of one per group
        return [group for group, pattern in self.groups if pattern.search(text)]

    def group_spans(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, group id) of every group mention in `text`, the longest of overlapping ones."""
        spans = sorted(((m.start(), m.end(), group) for group, pattern in self.groups
                        for m in pattern.finditer(text) if m.end() > m.start()),
                       key=lambda s: (s[0], -(s[1] - s[0])))
        kept: list[tuple[int, int, str]] = []
        for span in spans:
            if not kept or span[0] >= kept[-1][1]:
                kept.append(span)
        return kept


def _described_people(adjectives: list[str], nouns: list[str], adjective_after_noun: bool,
                      alternation: Callable[[list[str]], str] = _alternation) -> str | None:
    """A regex for people named by an identity adjective and any noun for people ("black
    protesters", "gay couples"; French "des familles musulmanes"), or None without both lists."""
    if not adjectives or not nouns:
        return None
    adjective, noun = alternation(adjectives), alternation(nouns)
    return f"(?:{noun}{_GAP}{adjective})" if adjective_after_noun else f"(?:{adjective}{_GAP}{noun})"


def _with_agreement_slips(phrases: list[str]) -> list[str]:
    """Degrading phrases with their plural "des ...s" also written without the final -s/-x, for a
    language whose plural s is silent (`silent_plural_s`, French): "des cafard" is how the plural is
    often typed, and no ordinary sentence reads so."""
    slips = [phrase[:-1] for phrase in phrases
             if phrase.startswith("des ") and phrase.endswith(("s", "x")) and len(phrase.split(" ")[-1]) > 3]
    return phrases + slips


def _either(*parts: str | None) -> str:
    present = [part for part in parts if part]
    return "(?:" + "|".join(present) + ")" if present else "(?:\u0000)"


def _set_regexes(raw: dict, groups: dict[str, tuple[list[str], list[str], list[str]]], nouns: dict,
                 derived: dict[str, list[str]], alternation: Callable[[list[str]], str]) -> dict[str, str]:
    """The regex of each [sets] list, of each derived set (_derived_sets), and of {group} and
    {member}, built with `alternation`."""
    silent_plural_s = bool(raw.get("silent_plural_s", False))
    sets = {name: alternation(_with_agreement_slips(words) if silent_plural_s and name == "degrading" else words)
            for name, words in raw["sets"].items()}
    plural_nouns, singular_nouns = nouns.get("plural", []), nouns.get("singular", [])
    after = bool(raw.get("adjective_after_noun", False))
    adjectives = [a for _, _, adjs in groups.values() for a in adjs]
    # a group is named by one of its adjectives and a noun for people, or by its own forms (the
    # longer reading first: "gay couples" is one mention, not "gay" and then "couples")
    sets["group"] = _either(_described_people(adjectives, plural_nouns, after, alternation),
                            alternation([form for plural, _, _ in groups.values() for form in plural]))
    sets["member"] = _either(_described_people(adjectives, singular_nouns, after, alternation),
                             alternation([form for _, singular, _ in groups.values() for form in singular]
                                         or ["\u0000"]))
    sets["person"] = _either(sets.get("person"), _people_by_role(raw.get("people_roles", {}), alternation))
    sets.update({name: alternation(words) for name, words in derived.items()})
    return sets


def _derived_sets(raw: dict) -> dict[str, list[str]]:
    """The sets derived from another by conjugation ([conjugated] name = "source"): the French
    violent verbs in the future and the conditional (moderation/text/conjugate.py)."""
    return {name: future_and_conditional(raw["sets"][source]) for name, source in raw.get("conjugated", {}).items()}


def _people_by_role(roles: dict, alternation: Callable[[list[str]], str] = _alternation) -> str | None:
    """A regex for a person or people named by their role behind a determiner ("that MP", "any
    journalist", "ces élus", "du maire"), or by a place that stands for them ("their mosques"), from
    [people_roles], or None without it. The product is
    written as determiner-gap-noun rather than listed: a thousand alternatives would slow every
    pattern that reads {person}."""
    singular = (roles.get("singular_determiners", []), roles.get("singular", []))
    plural = (roles.get("plural_determiners", []), roles.get("plural", []))
    # the places that stand for the people in them ("their mosques"), behind either determiner
    places = (roles.get("singular_determiners", []) + roles.get("plural_determiners", []), roles.get("places", []))
    parts = [f"(?:{alternation(determiners)}){_GAP}(?:{alternation(nouns)})"
             for determiners, nouns in (singular, plural, places) if determiners and nouns]
    return _either(*parts) if parts else None


def _others(roles: dict) -> str | None:
    """A regex for someone else the comment speaks of by a plain noun, at the threat head's general
    bar only ([people_roles] others: "my neighbour", « le mec »): not in {person}, which the threat
    patterns and the lower person bar read."""
    others = roles.get("others", [])
    return _trie_alternation(others) if others else None


def _gates(template: str, trie_sets: dict[str, str], where: str) -> list[str]:
    """Yes/no tests a text must pass for the pattern to match anywhere in it: its required parts
    (_required_parts), each a regex of its own, with the sets factored (_trie_alternation). A match
    of the pattern holds a match of each, so a text that fails one cannot match the pattern."""
    return [_expand_body(part, trie_sets, where) for part in _required_parts(template)]


def _load_language(path: Path, compile: Callable[[str], re.Pattern] = re.compile) -> LanguageRules:
    """One language's rules; `compile` is re.compile or a RegexCache's (TargetRules.load)."""
    try:
        raw = tomllib.loads(path.read_text("utf-8"))
        language = raw["language"]
        groups = {name: (forms.get("plural", []), forms.get("singular", []), forms.get("adjective", []))
                  for name, forms in raw["groups"].items()}
        templates = raw["patterns"]
        nouns = raw.get("people_nouns", {})
        plural_nouns, singular_nouns = nouns.get("plural", []), nouns.get("singular", [])
        after = bool(raw.get("adjective_after_noun", False))
        derived = _derived_sets(raw)
        sets = _set_regexes(raw, groups, nouns, derived, _alternation)
        # the same sets for the yes/no tests that keep most comments from the patterns (_gates)
        trie_sets = _set_regexes(raw, groups, nouns, derived, _trie_alternation)
    except (OSError, tomllib.TOMLDecodeError, KeyError, AttributeError, TypeError) as exc:
        raise TargetRulesError(f"{path}: {exc!r}") from None
    adjectives = [a for _, _, adjs in groups.values() for a in adjs]
    compiled: dict[str, list[re.Pattern]] = {}
    gates: dict[str, list[tuple[int, ...]]] = {}
    gate_index: dict[str, int] = {}  # regex text -> its place in gate_tests
    for kind, items in templates.items():
        compiled[kind], gates[kind] = [], []
        for i, template in enumerate(items):
            where = f"{path}: patterns.{kind}[{i}]"
            try:
                compiled[kind].append(compile(_expand(template, sets, where)))
                gates[kind].append(tuple(gate_index.setdefault(body, len(gate_index))
                                         for body in _gates(template, trie_sets, where)))
            except re.error as exc:
                raise TargetRulesError(f"{where}: {exc}") from None
    group_forms = [(name, _either(_described_people(adjs, plural_nouns + singular_nouns, after),
                                  _alternation(plural + singular) if plural or singular else None))
                   for name, (plural, singular, adjs) in groups.items() if plural or singular or adjs]
    group_patterns = [(name, compile(_EDGE_BEFORE + forms + _EDGE_AFTER)) for name, forms in group_forms]
    try:
        gate_tests = [compile(body) for body in gate_index]  # dicts keep their insertion order
    except re.error as exc:
        raise TargetRulesError(f"{path}: a required part of a pattern: {exc}") from None
    # every group's forms in one yes/no test (the union of group_patterns): most comments name none
    any_group = compile(_EDGE_BEFORE + _either(
        _described_people(adjectives, plural_nouns + singular_nouns, after, _trie_alternation),
        _trie_alternation([form for plural, singular, _ in groups.values() for form in plural + singular]
                          or ["\u0000"])) + _EDGE_AFTER)
    # run together with other words ("ihatemuslims"): only forms long enough not to hide inside
    # ordinary words ("men" in "commentator", "gay" in "Segaya")
    run_together = [(name, compile(_alternation([f for f in plural + singular if len(f) >= 5])))
                    for name, (plural, singular, _) in groups.items() if any(len(f) >= 5 for f in plural + singular)]
    trigger_words = [word for name in ("triggers", "violent", "violent_done", "wish", "death", "subjunctive", "hate")
                     for word in raw["sets"].get(name, [])]
    trigger_words += [form for forms in derived.values() for form in forms]
    group_words = [form for plural, singular, _ in groups.values() for form in plural + singular]
    # no word edges here: "ihatemuslims" must pass too
    prefilter = compile(_trie_alternation([max(w.split(" "), key=len) for w in trigger_words]
                                         + group_words + adjectives
                                         + ["kys", "watch your back", "where you live", "ou tu"]))
    members = sets["member"]
    respelled = _respelled_words(raw)
    respellings = _respellings(respelled, reserved=({w for words in raw["sets"].values() for w in words}
                                                    | set(plural_nouns + singular_nouns)) - set(respelled),
                               short=_short_names(raw), language=language)
    respellings.update(_elisions(raw.get("elisions", {}), group_words + adjectives, set(respelled)))
    splits = _splits(respelled)
    vocabulary = frozenset(word for phrase in [*(w for words in raw["sets"].values() for w in words), *group_words,
                                               *plural_nouns, *singular_nouns, *_FUNCTION_WORDS.get(language, [])]
                           for word in phrase.split(" ") if word.isalpha())
    return LanguageRules(
        language, group_patterns, run_together, compiled, gates, gate_tests, any_group,
        negation=compile(_EDGE_BEFORE + _alternation(raw["sets"].get("negation", ["\u0000"])) + _EDGE_AFTER),
        reporting=compile(_EDGE_BEFORE + _alternation(raw["sets"].get("reporting", ["\u0000"])) + _EDGE_AFTER),
        rhetorical=compile(_EDGE_BEFORE + _alternation(raw["sets"].get("rhetorical", ["\u0000"])) + _EDGE_AFTER),
        prefilter=prefilter,
        # veiled threats have their own words ("numbered", "regret"): common enough that letting
        # them open every other pattern too cost 6% of the engine's speed
        veiled_prefilter=compile(_trie_alternation([max(w.split(" "), key=len)
                                                       for w in raw["sets"].get("veiled_triggers", ["\u0000"])]
                                                      + [form for plural, _, _ in groups.values() for form in plural]
                                                      + adjectives)),
        # everyone at once is someone a threat pattern aims at ("I'll kill everyone here"), but no one
        # person the lower person bar is for: « J'espère que tout le monde va bien » (threat 0.78) was held
        people=_people_pattern(compile, [word for word in raw["sets"].get("person", []) + raw["sets"].get("addressee", [])
                                         if word not in raw["sets"].get("crowd", [])]),
        roles=compile(_EDGE_BEFORE + _either(_people_by_role(raw.get("people_roles", {}), _trie_alternation),
                                             _others(raw.get("people_roles", {}))) + _EDGE_AFTER),
        member=compile(members),
        respellings=respellings,
        respelled=frozenset(respelled),
        splits=splits,
        vocabulary=vocabulary,
        unmasker=Unmasker(group_words),
        frames=frames_pattern(raw["sets"].get("claim_frames", []) + raw["sets"].get("insinuation_frames", []),
                              _alternation, compile),
        voice_frames=(frames_pattern(raw["sets"].get("claim_frames", []), _alternation, compile)
                      if raw.get("model_reads_without_frames", False) else None),
        pronouns=pronouns_pattern(raw["sets"].get("subject_pronouns", []), _alternation, compile),
    )


# The word lists whose misspellings are read as the word, besides the groups' names: what is said of
# a group ("disgustnig", "parasties") and done to it ("exterminaet").
# "should" and the people nouns since 2026-12-04: a typo in "shoud be shot" or "black peolpe" hid
# the whole claim (tune-half hateful cases caught plainly, one letter dropped in their two longest
# words: 0.80 / 0.78 still caught before)
RESPELLED_SETS = ("degrading", "hate", "violent", "violent_done", "death", "should", "wish", "subjunctive")
# Sets whose phrases' words are respelled one by one ("une maldaie" is "une maladie"; "il fadurait")
RESPELLED_PHRASE_SETS = RESPELLED_SETS + ("intent", "hope", "exclusion", "degrading_acts", "copula")


def _respelled_words(raw: dict) -> list[str]:
    """The single words of a targets file whose one-letter typos are read as the word (typos.MIN_LENGTH applies)."""
    words = [form for spec in raw.get("groups", {}).values() for key in ("plural", "singular", "adjective")
             for form in spec.get(key, [])]
    words += [word for name in RESPELLED_SETS for word in raw.get("sets", {}).get(name, [])]
    words += [word for key in ("plural", "singular") for word in raw.get("people_nouns", {}).get(key, [])]
    words += [part for name in RESPELLED_PHRASE_SETS for phrase in raw.get("sets", {}).get(name, [])
              if " " in phrase for part in phrase.split(" ") if len(part) >= 5 and "-" not in part]
    return sorted({word for word in words if " " not in word and "'" not in word})


def _respellings(words: list[str], reserved: set[str], short: "ShortNames", language: str) -> dict[str, str]:
    """Typo -> word (one letter dropped, two swapped or one doubled, or one look-alike disguise:
    moderation/text/lookalikes.py), for every typo that is no ordinary word, no other such word and
    no word of the rules ("muslim" is not a typo of "muslims"); a typo two words share is left
    alone, unless both name one group ("womn": "women" or "woman"), which reads as its first form
    in the file."""
    taken = set(words) | reserved
    found: dict[str, set[str]] = {}
    for word in words:
        for typo in typo_variants(word):
            if typo not in taken and (_reads_as_a_typo(typo, word) or short.reads_as(typo, word)):
                found.setdefault(typo, set()).add(word)
        for typo in doubled_variants(word):  # "I will murrder the next ...", "muslimms" (2026-12-06)
            if typo not in taken:
                found.setdefault(typo, set()).add(word)
        for typo in lookalike_variants(word, language):  # "vvomen", "irnmigrants", « les phemmes » (eng-13)
            if typo not in taken:
                found.setdefault(typo, set()).add(word)
    out = {}
    for typo, right in found.items():
        if len(right) == 1:
            out[typo] = next(iter(right))
        elif (first := short.one_group(right)) is not None:
            out[typo] = first
    return out


def _splits(words: list[str]) -> dict[str, str]:
    """Cut in two by a space -> word, for every cut of one word only that is no phrase of two
    ordinary words (moderation/text/space_cuts.py)."""
    found: dict[str, set[str]] = {}
    for word in words:
        for cut in split_variants(word):
            found.setdefault(cut, set()).add(word)
    return {cut: next(iter(right)) for cut, right in found.items() if len(right) == 1}


class ShortNames(NamedTuple):
    """The five-letter names of groups whose four-letter typos are read ("wmen", "trns", « les jufs »,
    « les Nirs »): the issue's "one dropped letter in identity terms of five letters or more".
    Only an inner letter dropped, the typo no dictionary word (typos.typo_variants), and not one of
    the file's `short_typos_not_read`: four-letter strings that the labelled files' 120,000 comments
    use as words of their own ("init" for "innit", "Ipsos MORI", "la Juve", "Blac Chyna"; 2026-12-06)."""

    # every single-word group form -> (its group, its place in the file); the five-letter ones are the
    # names whose four-letter typos are read, and a typo of two forms of one group of any length reads
    # as the first ("homosexuells": "homosexuels" doubled or "homosexuelles" less an e; five-letter
    # forms only until 2026-12-07, ninth session)
    forms: dict[str, tuple[str, int]]
    not_read: frozenset[str]

    def reads_as(self, typo: str, name: str) -> bool:
        return (len(name) == 5 and name in self.forms and len(typo) == 4 and typo[0] == name[0]
                and typo[-1] == name[-1] and typo not in self.not_read)

    def one_group(self, words: set[str]) -> str | None:
        """The first form of `words` in the file when they all name one group, else None."""
        placed = [self.forms.get(word) for word in words]
        if None in placed or len({group for group, _ in placed}) != 1:
            return None
        return min(zip(placed, words))[1]


def _short_names(raw: dict) -> ShortNames:
    forms: dict[str, tuple[str, int]] = {}
    for name, spec in raw.get("groups", {}).items():
        for key in ("plural", "singular", "adjective"):
            for form in spec.get(key, []):
                if form.isalpha():
                    forms.setdefault(form, (name, len(forms)))
    return ShortNames(forms, frozenset(raw.get("short_typos_not_read", [])))


def _elisions(spec: dict, group_words: list[str], respelled: set[str]) -> dict[str, str]:
    """Written without its apostrophe -> with it ("cest" -> "c'est", "dimmigres" -> "d'immigres"):
    the [elisions] table of a targets file (`joined`, each form checked by hand, since "sont" is not
    "s'ont" nor "lune" "l'une"), and every group name of four letters or more that starts with a vowel
    or h after each of its `before_groups` prefixes (no such joined form is a French word)."""
    found = dict(spec.get("joined", {}))
    for word in group_words:
        if " " not in word and len(word) >= 4 and word[0] in "aeiouyh":
            for prefix in spec.get("before_groups", []):
                joined = prefix + word
                if joined not in respelled:
                    found.setdefault(joined, f"{prefix}'{word}")
    return found


def _reads_as_a_typo(typo: str, name: str) -> bool:
    """Whether a misspelling is safe to read as the name: five letters or more (four-letter words have
    too many real neighbours: "Juve", "Gita", "Isla"), the first letter kept, and the last one unless
    two letters swapped ("blakc"): a plural less its s is the singular ("islamiste"), "gogo" no "gogol"."""
    return len(typo) >= 5 and typo[0] == name[0] and (len(typo) == len(name) or typo[-1] == name[-1])


def _no_word_of_one_language_as_a_typo_in_another(loaded: list[LanguageRules]) -> None:
    """Drop the typos that are a respelled word of any language ("islamists" is an English word,
    not a typo of the French "islamistes"): one language's file cannot know the other's words."""
    words = {word for rules in loaded for word in rules.respelled}
    for rules in loaded:
        for typo in words.intersection(rules.respellings):
            del rules.respellings[typo]


def target_typo_forms(folder: Path) -> list[str]:
    """The words of a config/targets folder whose typos are read (for the typo guard file)."""
    return sorted({word for path in sorted(Path(folder).glob("*.toml"))
                   for word in _respelled_words(tomllib.loads(path.read_text("utf-8")))})


class Reading(NamedTuple):
    """What TargetRules.read finds in one comment."""

    hits: list[TargetHit]  # threats and derogation, negated and reported ones marked
    groups: list[str]  # the identity groups the comment names
    names_person: bool  # it names or addresses a person ([sets] person, addressee)
    names_role: bool = False  # it names someone by their role or place ("that MP", "leurs mosquées"; [people_roles])
    # spans of the original text that frame a claim about a group as the speaker's view ("I think",
    # "honestly", « à mon avis »; [sets] claim_frames, moderation/claims.py)
    frames: tuple[tuple[int, int], ...] = ()


def _people_pattern(compile: Callable[[str], re.Pattern], words: list[str]) -> re.Pattern:
    """Whole words, except that an elided form ("t'", "l'") runs into the next word ("t'attends")."""
    whole = [w for w in words if not w.endswith("'")] or ["\u0000"]
    elided = [w for w in words if w.endswith("'")] or ["\u0000"]
    return compile(_EDGE_BEFORE + "(?:" + _trie_alternation(whole) + _EDGE_AFTER + "|"
                   + _trie_alternation(elided) + ")")


# A run of at least four single letters separated by one space, dot, star, underscore or dash.
_SPACED_LETTERS = re.compile(r"(?<![^\W_])(?:[^\W\d_][ .*_-]){3,}[^\W\d_](?![^\W_])")
_NEEDS_SQUEEZE = re.compile(r"([^\W\d_])\1\1|\u2019|" + _SPACED_LETTERS.pattern)


def _squeeze(text: str) -> tuple[str, Sequence[int]]:
    """Join spaced-out letters ("m u s l i m s") and read a letter repeated 3+ times as one; keep a map."""
    if not _NEEDS_SQUEEZE.search(text):
        return text, range(len(text))  # most comments: nothing to do, the map is the identity
    out, source = [], []
    i, n = 0, len(text)
    while i < n:
        run = _SPACED_LETTERS.match(text, i) if text[i].isalpha() else None
        if run:
            for j in range(i, run.end(), 2):
                out.append(text[j])
                source.append(j)
            i = run.end()
            continue
        char = text[i]
        run_end = i + 1
        while run_end < n and text[run_end] == char:
            run_end += 1
        out.append("'" if char == "\u2019" else char)
        source.append(i)
        if char.isalpha() and run_end - i >= 3:
            i = run_end  # a letter stretched three times or more is one letter ("kiiill", "immigraaants")
        else:
            i += 1
    return "".join(out), source


def rules_version(files_digest: str) -> str:
    """The version of a set of rules: this module's RULES_REVISION and the files' digest (files_key)."""
    return "tgt-" + hashlib.sha256(f"{RULES_REVISION}\0{files_digest}".encode()).hexdigest()[:16]


class TargetRules:
    """Find threats and derogation in comments, per language."""

    def __init__(self, rules: dict[str, LanguageRules], version: str) -> None:
        self.rules = rules
        self.languages = tuple(rules)
        self.version = version  # what decisions record as details.targets_version (rules_version)

    @classmethod
    def configured(cls, settings: "Settings") -> "TargetRules":
        """The rules the settings name, their compiled patterns cached under the data folder."""
        return cls.load(settings.resolved_targets_dir, cache_dir=settings.data_dir / "cache")

    @classmethod
    def load(cls, folder: Path, cache_dir: Path | None = None) -> "TargetRules":
        """The rules of every *.toml in `folder`; `cache_dir` keeps their compiled patterns between
        processes (moderation/text/regex_cache.py: most of the load time)."""
        files = sorted(Path(folder).glob("*.toml"))
        if not files:
            raise TargetRulesError(f"no targeted-abuse rules (*.toml) in {folder}")
        # One digest of the files' names and contents keys the pattern cache and makes the version.
        digest = files_key(files)
        cache = RegexCache(cache_dir, digest)
        loaded = [_load_language(path, cache.compile) for path in files]
        cache.save()
        _no_word_of_one_language_as_a_typo_in_another(loaded)
        return cls({rules.language: rules for rules in loaded}, rules_version(digest))

    def read(self, text: str, language: str) -> Reading:
        """The threats and derogation in `text`, the identity groups it names and whether it names or
        addresses a person, from one normalisation; `und` text is read with every language's rules."""
        normalized = normalize_for_matching(text)
        hits: list[TargetHit] = []
        groups: list[str] = []
        frames: list[tuple[int, int]] = []
        person = role = False
        for rules, text_l, source_l in self._views(normalized, language):
            named = rules.groups_in(text_l)
            groups += named
            person = person or bool(rules.people.search(text_l))
            role = role or bool(rules.roles.search(text_l))
            kinds = ((OPEN_KINDS if rules.prefilter.search(text_l) else ())
                     + (VEILED_KINDS if rules.veiled_prefilter.search(text_l) else ()))
            as_written: list[TargetHit] = []
            if kinds:
                as_written = self._find(rules, text_l, source_l, normalized, named, kinds)
                hits += as_written
            # "I think X ...", "have you noticed that X ...": a claim about a group read again
            # without its frame (moderation/claims.py); the model reads it without the first kind
            cuts = frame_cuts(text_l, rules.frames) if named else []
            if cuts:
                frames += [normalized.original_span(source_l[start], source_l[end - 1] + 1)
                           for start, end in frame_cuts(text_l, rules.voice_frames)]
            if named and kinds:
                hits += self._plain_reading(rules, text_l, source_l, normalized, cuts, as_written, kinds)
        return Reading(_without_overlaps(hits), list(dict.fromkeys(groups)), person, role, tuple(sorted(set(frames))))

    def _plain_reading(self, rules: LanguageRules, text: str, source: Sequence[int], normalized,
                       cuts: list[tuple[int, int]], as_written: list[TargetHit], kinds: tuple[str, ...]) -> list[TargetHit]:
        """The claims found in `text` read without its frames (`cuts`) and with a clause-opening
        pronoun as the one group named before it (moderation/claims.py): in-force hits only, since
        what the comment negates or reports is read from it as written (`as_written`)."""
        framing, after_pivot = frame_edits(text, cuts)
        plain, source_p = rewritten(text, source, framing) if cuts else (text, source)
        # "... and they never integrate": the pronoun read as the one group named before it; not
        # after a denial (« Les Roms ne volent pas, ils ... » goes on denying) unless the pronoun
        # follows its pivot ("I don't hate X, I just think they ...")
        edits = []
        if rules.pronouns is not None and rules.pronouns.search(plain):  # most comments: no pronoun to read
            edits = pronoun_edits(plain, rules.pronouns, [m for m in rules.group_spans(plain)
                                                          if not rules.member.fullmatch(plain, m[0], m[1])],
                                  "les " if rules.language == "fr" else "")
        if edits and any(hit.negated for hit in as_written):
            edits = [edit for edit in edits if edit[0] in after_pivot]
        if edits:
            plain, source_p = rewritten(plain, source_p, edits)
        if not (cuts or edits):
            return []
        return [hit for hit in self._find(rules, plain, source_p, normalized, rules.groups_in(plain), kinds)
                if hit.in_force]

    def group_mentions(self, text: str, language: str) -> list[tuple[int, int, str, bool]]:
        """(start, end, group id, one member) of every identity-group mention in `text`, spans in the
        original text; `one member` is True for a singular form ("a Muslim"), False for the group."""
        normalized = normalize_for_matching(text)
        mentions: list[tuple[int, int, str, bool]] = []
        for rules, text_l, source_l in self._views(normalized, language):
            for start, end, group in rules.group_spans(text_l):
                orig_start, orig_end = normalized.original_span(source_l[start], source_l[end - 1] + 1)
                member = rules.member.fullmatch(text_l, start, end) is not None
                mentions.append((orig_start, orig_end, group, member))
        mentions.sort(key=lambda m: (m[0], -(m[1] - m[0])))
        return [m for i, m in enumerate(mentions) if not any(k[0] < m[1] and m[0] < k[1] for k in mentions[:i])]

    def _views(self, normalized, language: str) -> Iterator[tuple[LanguageRules, str, Sequence[int]]]:
        """(rules, text as those rules read it, map to `normalized.text`) for each language the
        comment is read in: its own, or every one for `und`. Squeezed once, respelled per language."""
        languages = self.languages if language not in self.rules else (language,)
        squeezed, source = _squeeze(normalized.text)
        for lang in languages:
            rules = self.rules[lang]
            yield (rules, *rules.respell(squeezed, source))

    def names_person(self, text: str, language: str) -> bool:
        """Whether `text` names or addresses a person ("you", "te", "that journalist", "ta famille"):
        someone a threat could be aimed at besides an identity group (see read)."""
        return self.read(text, language).names_person

    def find(self, text: str, language: str) -> list[TargetHit]:
        """The threats and derogation in `text` (see read)."""
        return self.read(text, language)[0]

    def groups_named(self, text: str, language: str) -> list[str]:
        """The identity groups a comment names ("muslims", "femmes"), in any of its languages' forms."""
        return self.read(text, language)[1]

    def _find(self, rules: LanguageRules, text: str, source: Sequence[int], normalized,
              named: list[str], kinds: tuple[str, ...]) -> list[TargetHit]:
        found = []
        named_group = named[0] if named else None  # what "they" refers to in pronoun derogation
        passed: list[bool | None] = [None] * len(rules.gate_tests)  # each gate's answer, once per text
        quotes = _QuoteMarks(text)
        for kind in kinds:
            if kind == "pronoun_derogation" and named_group is None:
                continue
            for pattern, gates in zip(rules.patterns.get(kind, ()), rules.gates.get(kind, ())):
                if not _passes(rules.gate_tests, gates, text, passed):
                    continue
                for match in pattern.finditer(text):
                    start, end = match.span()
                    if end <= start:
                        continue
                    if kind == "negated_derogation" and _asks_why_not(text, start, end):
                        continue
                    if kind == "derogation" and _not_the_subject(text, start):
                        continue
                    target = named_group if kind == "pronoun_derogation" else rules.group_at(text, start, end)
                    orig_start, orig_end = normalized.original_span(source[start], source[end - 1] + 1)
                    negated, reported = _qualifiers(rules, text, start, end, quotes)
                    if kind == "negated_derogation":
                        if _disbelieved(text, start):
                            # "who can still believe that X are not criminals?" doubts the denial: a claim
                            negated = reported = False
                        elif not (denies_them_something_good(text, start, end) or _hedged(text, start, end)):
                            # a denial, unless it denies them something good ("X don't deserve equal
                            # rights": the claim itself) or is taken back ("all X aren't Y, just most")
                            negated = True
                    reported = reported or kind == "reported_derogation"  # « traiter les X de ... »
                    found.append(TargetHit(
                        kind=kind if kind in THREAT_KINDS else "derogation", target=target,
                        start=orig_start, end=orig_end, matched=normalized.original[orig_start:orig_end],
                        language=rules.language, negated=negated, reported=reported))
        return found


def _passes(tests: list[re.Pattern], gates: tuple[int, ...], text: str, passed: list[bool | None]) -> bool:
    """Whether `text` passes every one of `gates`, each searched at most once per text (`passed`)."""
    for gate in gates:
        answer = passed[gate]
        if answer is None:
            answer = passed[gate] = tests[gate].search(text) is not None
        if not answer:
            return False
    return True


def _qualifiers(rules: LanguageRules, text: str, start: int, end: int, quotes: "_QuoteMarks") -> tuple[bool, bool]:
    """(negated, reported): what the words just before the match, in the same clause, say of it."""
    # only the last PREFIX_WORDS words count, so only the characters they can span are read: a
    # 20,000-character comment without a full stop and with hundreds of matches read its whole
    # prefix once per match (0.9 s; 2026-12-05)
    clause_start = max(0, start - PREFIX_REACH)
    for brk in _CLAUSE_BREAK.finditer(text, clause_start, start + _BREAK_LOOKAHEAD):
        if brk.end() <= start:
            clause_start = brk.end()
    inner = start
    while inner < end and not text[inner].isalnum():
        inner += 1
    own_clause = _COMMA_JUST_BEFORE.search(text, clause_start, inner) is not None
    words = list(_WORD.finditer(text, clause_start, start))[-PREFIX_WORDS:]
    prefix_start = words[0].start() if words else start
    prefix = text[prefix_start:start]
    # An opener that only looks negative or reports nothing ("isn't it obvious that", "I said") cancels
    # the negations and reporting verbs up to its end, not those after it: "I said nobody should call
    # X vermin" still denies (2026-12-05; before, any opener in the prefix cancelled them all)
    openers = [m.end() for m in rules.rhetorical.finditer(prefix)]
    after_start = prefix_start + (openers[-1] if openers else 0)
    after = text[after_start:start]
    set_up = _set_up(prefix, text, end)  # neither negated nor reported: the speaker's own claim
    negated = (bool(rules.negation.search(after)) and not own_clause and not _hedged(text, start, end)
               and not set_up)
    # a pattern that opens on a sentence's punctuation may take in the opening quotation mark itself
    # (« "Les X profitent du système" : n'importe quoi. »): the quote is read from its first letter
    quoted = quotes.around(inner, end)
    # "we're not allowed to say that X are ..." reports nothing: the speaker says it in their own voice
    reported = quoted or (_reports(rules, text, after_start, start, end) and not set_up)
    if reported and _ENDORSED.search(text, end, end + ENDORSE_REACH):
        reported = False  # "my grandad said X are Y, and he was right": the comment says it too
    return negated, reported


REPORT_STRADDLE = 24  # characters into a match that a reporting verb begun before it may reach


def _reports(rules: LanguageRules, text: str, after_start: int, start: int, end: int) -> bool:
    """Whether a reporting verb begins in the words before a match (from after_start), even one
    that runs into it: a threat pattern may open on "you" ("you ... should be shot"), so "If you
    believe disabled people should be shot, get help" reports a view the match begins inside
    (2026-12-06)."""
    reach = min(end, start + REPORT_STRADDLE)
    return any(m.start() < start for m in rules.reporting.finditer(text, after_start, reach))


# "Not all X are Y" denies nothing when the sentence goes on "..., just most of them": a hedge, then the claim.
_NOT_ALL = re.compile(r"(?<![^\W_])(?:not|pas)[\W_]+(?:(?:saying|say|that|que|qu)[\W_]+)?(?:all|every|tous|toutes|tout)(?![^\W_])")
_TAKEN_BACK = re.compile(r"(?<![^\W_])(?:(?:just|only|juste|seulement)(?! (?:an? |une? )?(?:tiny|small|few|handful|minority|"
                         r"some|one|the odd|petite|minorite|quelques|poignee))|most|majority|nearly all|almost all|"
                         r"\d+ ?%|\d+ percent|la plupart|majorite|presque tous|quasiment tous|"
                         # the reversal: "not all Muslims are terrorists, but all terrorists are Muslims"
                         r"but all \w+(?: \w+)? are|mais tous les \w+(?: \w+)? sont)(?![^\W_])")
# a claim that opens on "all"/"tous" (after at most a leading space or punctuation)
_ALL_FIRST = re.compile(r"[\W_]*(?<![^\W_])(?:all|every|tous|toutes)(?![^\W_])")
_HEDGE_STOP = re.compile(r"[,.;:!?]")
HEDGE_REACH = 80  # characters after a "not all" claim where "just most of them" takes the denial back

# What someone said, then agreed with: "... and he was right", "... il avait bien raison", "c'est la vérité";
# a view put to the reader, then granted: "If you think X are ..., you're right" (2026-12-06).
_ENDORSED = re.compile(r"(?<![^\W_])(?:(?:he|she|they|you|il|elle|ils|elles|on|vous|tu) ?(?:was|were|is|are|'s|'re|avait|"
                       r"avaient|a|ont|avez|as|aurait|etait) (?:honestly |frankly |really |so |totally |absolutely |completely |dead |bien |totalement |tellement |"
                       r"completement |entierement |)(?:right|raison)(?! to | de | d')|(?:c'est|c est|cest|it's|it is|its) (?:bien |so |"
                       r"totally |)(?:la verite|vrai|true)|(?:how|so) true|pas faux|not wrong|"
                       # « parce que c'est ce qu'ils sont », "because that's what they are" (2026-12-05)
                       r"(?:c'est|c est|cest) (?:bien |exactement |)ce qu'(?:ils|elles) sont|"
                       r"(?:that's|that is|thats) (?:exactly |just |)what they are)(?![^\W_])")
ENDORSE_REACH = 60  # characters after reported words where agreeing with them makes them the comment's own


# "I'm not saying they disgust me, but ...", « je ne dis pas qu'ils me dégoûtent, mais ... »: a claim
# named only to be set aside for a "but" is the comment's own (the classic disclaimer), where "I would
# never say they disgust me" denies it (2026-12-05).
_NOT_SAYING = re.compile(r"(?<![^\W_])(?:i'm not saying|im not saying|i am not saying|not saying|i didn't say|i didnt say|"
                         r"it's not that|its not that|je ne dis pas|je dis pas|je n'ai pas dit|j'ai pas dit|"
                         r"ce n'est pas que|c'est pas que)(?![^\W_])")
# (an ellipsis does not end the sentence: "not saying all X are criminals... but", 2026-12-06)
_BUT_NEXT = re.compile(r"(?:\.{2,}|[^.!?;\n]){0,200}?(?<![^\W_])(?:but|mais)(?![^\W_])")


def _set_up(prefix: str, text: str, end: int) -> bool:
    """Whether a negated claim is only set up for a "but" in the same sentence (_NOT_SAYING)."""
    return bool(_NOT_SAYING.search(prefix)) and _BUT_NEXT.match(text, end) is not None


# The group as the object of an act of blame or hostility that opens the sentence: in "Pinning it on
# Jews is just lazy", "Blaming refugees is lazy", « Accuser les Roms, c'est facile » what is called lazy
# is the act, not the group (2026-12-07, ninth session: "Jews is just lazy" was derogation in force
# and outweighed the denial around it).
_BLAME_BEFORE = re.compile(
    r"(?:^|[.!?;:\n]\s*|,\s*)(?:blaming|hating|scapegoating|demoni[sz]ing|vilifying|stereotyping|targeting|attacking|"
    r"bashing|mocking|insulting|harassing|picking on|dumping on|pinning (?:it|this|that|everything|the blame|all of it) on|"
    r"putting (?:it|this|that|everything|the blame|all of it) on|accuser|stigmatiser|diaboliser|taper sur|s'en prendre (?:a|aux))"
    r"\s+(?:all |the |des |les |aux |)?$")


# The group as what is talked about: in "Some of the comments here about Muslims are disgraceful",
# « Les blagues sur les Roms sont lamentables », "attacks on Jews are vile" the comments, jokes and
# attacks are called disgraceful, not the group (2026-12-07, fourteenth session: "Muslims are
# disgraceful" was derogation in force). Read on the rules' text: lower case, accents dropped.
_SPOKEN_OF_BEFORE = re.compile(
    r"(?<![^\W_])(?:comments|posts|remarks|jokes|attacks|abuse|hatred|hate|slurs|insults|lies|myths|rhetoric|stereotypes|"
    r"tweets|threats|propaganda|discrimination|prejudice|violence|crimes|statements|messages|things (?:people|they|some) "
    r"(?:say|write|post)|commentaires|propos|blagues|attaques|insultes|mensonges|cliches|prejuges|messages|tweets|menaces|"
    r"violences|discriminations|crimes|agressions|horreurs)"
    r"(?: (?:here|online|below|on this (?:page|thread|site)|ici|en ligne|sous cet article))? "
    r"(?:about|on|against|toward|towards|targeting|aimed at|sur|contre|envers|visant|a l'encontre)\s+"
    r"(?:all |the |des |les |)?$")


def _not_the_subject(text: str, start: int) -> bool:
    """Whether the group at `start` is the object of an act of blame that opens its sentence
    (_BLAME_BEFORE) or what some talk or act named just before it is about (_SPOKEN_OF_BEFORE)."""
    before = max(0, start - 60)
    return any(pattern.search(text, before, start) is not None for pattern in (_BLAME_BEFORE, _SPOKEN_OF_BEFORE))


# A negative question asks nothing to be denied: « Pourquoi les X ne rentrent pas chez eux ? »,
# « Les X ne sont-ils pas tous des voleurs ? » say what the same words without "?" would deny
# (2026-12-05; they read as a denial, and a denial discounts the model's scores).
_WHY = re.compile(r"(?<![^\W_])(?:pourquoi|why|how come|comment se fait-il|comment ca se fait)(?![^\W_])")
_INVERTED = re.compile(r"[^\W\d_]-(?:t-)?(?:ils|elles|il|elle|on)(?![^\W_])")


def _asks_why_not(text: str, start: int, end: int) -> bool:
    """Whether a negated statement about a group (text[start:end]) is a question that asserts it:
    its sentence ends in "?" and the statement inverts its subject or the sentence asks why."""
    if not ends_in_question(text, end):
        return False
    opening = sentence_start(text, start, PREFIX_REACH)
    return bool(_INVERTED.search(text, start, end) or _WHY.search(text, opening, start))


# "Who can still believe that ...", « qui peut encore croire que ... »: the words before a denial that
# doubt it (2026-12-06)
_DISBELIEF = re.compile(r"(?<![^\W_])(?:who (?:can|could|would|will|does|do) (?:still |seriously |really |honestly |actually |)"
                        r"(?:believe|think|claim|pretend|say)|who (?:still |seriously |really |honestly |)(?:believes|thinks|claims)|"
                        r"qui (?:peut|pourrait|va|veut) (?:encore |serieusement |vraiment |sincerement |)(?:croire|penser|pretendre|"
                        r"dire|affirmer)|qui (?:croit|pense|pretend) (?:encore |serieusement |vraiment |))(?![^\W_])")
DISBELIEF_REACH = 60  # characters before a negated claim where such a question may open


def _disbelieved(text: str, start: int) -> bool:
    """Whether a question that doubts it opens just before a negated claim, in the same sentence."""
    opening = sentence_start(text, start, DISBELIEF_REACH)
    return bool(_DISBELIEF.search(text, max(opening, start - DISBELIEF_REACH), start))


def _hedged(text: str, start: int, end: int) -> bool:
    """Whether a "not all" at the claim is taken back after it ("not all refugees are rapists,
    only the young men, which is most of them"; "pas tous les Roms ..., juste 99 %"), or an "all"
    the claim opens with and negates, the spoken order of "not all" ("tous les musulmans sont pas
    terroristes, juste la plupart", "all Muslims aren't terrorists, just most of them"; 2026-12-06)."""
    not_all = _NOT_ALL.search(text, max(0, start - 30), min(end, start + 14))
    if not_all and not_all.start() < start:
        return _taken_back(text, not_all.end(), end)
    all_first = _ALL_FIRST.match(text, start)
    return bool(all_first) and _taken_back(text, all_first.end(), end)


def _taken_back(text: str, claim_start: int, end: int) -> bool:
    """Whether the words after a "not all" claim take it back: right after the match, or after a
    comma or full stop inside it (a pattern may run on over ", juste la" before "plupart")."""
    if _TAKEN_BACK.search(text, end, end + HEDGE_REACH):
        return True
    stop = _HEDGE_STOP.search(text, claim_start, end)
    return bool(stop) and bool(_TAKEN_BACK.search(text, stop.end(), end + HEDGE_REACH))


class _QuoteMarks:
    """The quotation marks of a text, found once: each question about a match is then a bisection."""

    def __init__(self, text: str):
        self._positions = [m.start() for m in _QUOTES.finditer(text)]

    def around(self, start: int, end: int) -> bool:
        """True when an odd number of quotation marks precede text[start:end] and one follows it."""
        before = bisect_left(self._positions, start)
        return before % 2 == 1 and bisect_left(self._positions, end) < len(self._positions)


def _without_overlaps(hits: list[TargetHit]) -> list[TargetHit]:
    """Keep the longest hit among overlapping ones of a kind (threats before derogation)."""
    kept: list[TargetHit] = []
    # in force before negated: "muslims don't belong here" is exclusion, not a denial
    for hit in sorted(hits, key=lambda h: (KINDS.index(h.kind), not h.in_force, -(h.end - h.start), h.start)):
        if not any(k.kind == hit.kind and k.start < hit.end and hit.start < k.end for k in kept):
            kept.append(hit)
    return sorted(kept, key=lambda h: (h.start, KINDS.index(h.kind)))
