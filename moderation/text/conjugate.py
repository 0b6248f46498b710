"""French verbs of the targeting rules in the tenses a threat is said in, from their infinitives.

Why: the rules list violent verbs as infinitives (« je vais te tuer »), and a threat said in the future
or the conditional (« je t'étranglerais avec ton câble », « on te butera ») matched nothing; writing
every tense of every verb by hand is how lists drift apart. The rules' text has its accents folded,
so « achèverai » is "acheverai" and the future stem is the infinitive for nearly every verb.
"""

from __future__ import annotations

# future stems that are not the infinitive (« faire la peau » -> « ferai la peau »)
_IRREGULAR_STEMS = {"faire": "fer", "etre": "ser", "aller": "ir", "venir": "viendr", "voir": "verr"}
# first person singular and plural, third person singular and plural: who says a threat
FUTURE_ENDINGS = ("ai", "a", "ons", "ont")
CONDITIONAL_ENDINGS = ("ais", "ait", "ions", "aient")


def future_and_conditional(phrases: list[str]) -> list[str]:
    """Every phrase of `phrases` ("tuer", "casser la gueule") with its first word in the future and
    the conditional ("tuerai", "tuerais", "casserai la gueule", ...); phrases whose first word is not
    an infinitive are left out."""
    forms = []
    for phrase in phrases:
        verb, _, rest = phrase.partition(" ")
        stem = _future_stem(verb)
        if stem is None:
            continue
        for ending in FUTURE_ENDINGS + CONDITIONAL_ENDINGS:
            forms.append(f"{stem}{ending} {rest}".strip())
    return list(dict.fromkeys(forms))


def _future_stem(verb: str) -> str | None:
    if verb in _IRREGULAR_STEMS:
        return _IRREGULAR_STEMS[verb]
    if verb.endswith(("er", "ir")):
        return verb
    if verb.endswith("re"):
        return verb[:-1]
    return None
