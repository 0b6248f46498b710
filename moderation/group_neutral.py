"""A comment read with the identity groups it names replaced by a neutral noun.

Toxicity models learn that sentences naming some groups are toxic more often than others: "trans
kids deserve to feel safe at school" scored 0.79. Reading the comment again as "people kids deserve
to feel safe at school" asks whether the words around the group are toxic, or only the group's
name (counterfactual token fairness, Garg et al., 2019). The engine does this for comments held
on model scores alone (engine.read_without_group_names); the policy decides what the reading is
worth ([group_mentions] in config/policy.toml).
"""

from __future__ import annotations

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
