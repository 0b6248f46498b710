"""A comment read with the identity groups it names replaced by a neutral noun.

Toxicity models learn that sentences naming some groups are toxic more often than others: "trans
kids deserve to feel safe at school" scored 0.79. Reading the comment again as "people kids deserve
to feel safe at school" asks whether the words around the group are toxic, or only the group's
name (counterfactual token fairness, Garg et al., 2019). The engine does this for comments held
on model scores alone (engine.read_without_group_names); the policy decides what the reading is
worth ([group_mentions] in config/policy.toml).
"""

from __future__ import annotations

import re

from moderation.text.fold import FOLD_TABLE

# (the whole group, one member) in each language; undetermined text takes English's
NEUTRAL = {"en": ("people", "person"), "fr": ("gens", "personne")}


def neutral_text(targets, lexicon, text: str, language: str) -> str | None:
    """`text` with every identity-group mention replaced by a neutral noun; None when it names no
    group, or when a mention is itself a lexicon term in any language ("retard", "tranny"): a slur
    is not a neutral name, and replacing it would take the insult out of the comment."""
    group, member = NEUTRAL.get(language, NEUTRAL["en"])
    mentions = targets.group_mentions(text, language)
    if not mentions:
        return None
    for start, end, _, _ in mentions:
        if any(lexicon.match(text[start:end], lang) for lang in targets.languages):
            return None
    for start, end, _, one in reversed(mentions):
        text = text[:start] + (member if one else group) + text[end:]
    return text


# Said of oneself: "I'm a Muslim", "as a refugee myself", "I'm proud to be gay", « je suis juive »,
# « en tant que femme », « fier d'être fils d'immigrés ». The words between the self and the group's
# name may only be these (so "I'm sick of Muslims" and « je suis contre les immigrés » are not).
_SELF = {
    "en": re.compile(r"(?:(?<![^\W_])(?:i'm|im|i am|we're|we are|i was born|i identify as|i came out as)(?:\s+(?:also|a|an|"
                     r"proud|proudly|openly|myself|just|still|born|to be|proud to be|and proud to be|"
                     # "I am one of the disabled people interviewed for this piece" (2026-12-06, seventh session)
                     r"one of|one of the|one of those|one of many|one of the many|among|among the|among those))*"
                     r"|(?<![^\W_])(?:as|being|proud to be)\s+(?:a|an)(?:\s+proud)?"
                     # "we queers", "us women", "all of us Muslims"
                     r"|(?<![^\W_])(?:we|us|we proud|all of us|those of us who are))\s+$"),
    "fr": re.compile(r"(?:(?<![^\W_])(?:je suis|j'suis|chuis|nous sommes|on est|je suis ne|je suis nee)(?:\s+(?:aussi|moi-meme|"
                     r"fier|fiere|fiers|fieres|d'etre|un|une|ne|nee|moi aussi|"
                     # « je suis l'une des femmes interrogées » (2026-12-06, seventh session)
                     r"l'un|l'une|l'un des|l'une des|un des|une des|parmi|parmi les))*"
                     r"|(?<![^\W_])(?:en tant qu'|en tant que|etant|"
                     r"fier d'etre|fiere d'etre|fiers d'etre|fieres d'etre|moi qui suis)(?:\s+(?:un|une))?"
                     # « nous les pédés », « nous autres femmes »
                     r"|(?<![^\W_])(?:nous les|nous autres|nous autres les|nous,\s*les|on est des|nous sommes des))"
                     r"(?:\s+(?:fils|fille|enfant|enfants|petit-fils|petite-fille|petits-enfants)\s+d(?:e|es|'))?\s*$"),
}
SELF_REACH = 60  # characters before a group's name read for who is speaking


def speaks_as_a_member(targets, text: str, language: str) -> bool:
    """True when every identity group the comment names is one the speaker says they belong to
    ("I'm proud to be a Muslim and I won't hide it", « je suis fier d'être fils d'immigrés »):
    a group named as oneself is not a group aimed at, and the models still score the name."""
    mentions = targets.group_mentions(text, language)
    if not mentions:
        return False
    return all(said_of_oneself(text, start, language) for start, _, _, _ in mentions)


def said_of_oneself(text: str, start: int, language: str) -> bool:
    """Whether the words just before text[start:] make what follows the speaker's own name for
    themselves ("I'm a", "as a", "we", « je suis », « en tant que », « nous les »)."""
    languages = (language,) if language in _SELF else tuple(_SELF)
    before = _folded(text[max(0, start - SELF_REACH):start])
    return any(_SELF[lang].search(before) for lang in languages)


def _folded(text: str) -> str:
    """The matcher's folding (case, accents, look-alike letters) and one kind of apostrophe: what
    _SELF is written against."""
    return text.translate(FOLD_TABLE).replace("\u2019", "'")
