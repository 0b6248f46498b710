"""Find insults a comment reports someone else having said: "a bloke on the bus called my sister
a paki", « je me suis fait traiter de sale pédé dans le métro ».

The victim telling what was said to them mentions the slur, as a quotation does, without aiming
it at anyone; removing their comment unread punishes the person abused. A term in such a report is
marked quoted, so it holds at most (the policy's `quoted_hold_at_most`): a person decides, because
abusers report themselves too ("... and I called him a paki, so what"). Naming the act as a thing
done by others is a report too ("If your argument depends on calling people ...", "Stop calling
them ...").

Only the constructions of a report: someone else's past act ("he called me a ...", "they kept
calling him a ...", and what they told a person to do: "he told me to go die", "Telling disabled
people to go die is harassment") or the passive ("my son was called a ..."; « elle a été traitée de ... »,
« il m'a traité de ... », « se faire traiter de ... »). Not the speaker's own act ("I called him
a ...", « je les traite de ... »), not a norm ("they should be called ...", "call them what they
are"): those use the word.
"""

from __future__ import annotations

import re

# the insult begins within a few words after the report's verb: "called me a dirty ...",
# « traité ma sœur de sale ... »
_WITHIN = 40

_EN_OBJECT = r"(?:me|us|him|her|them|you|(?:my|our|his|her|their|your|this|that|a|an|the|some)\s+[\w'-]+)"
_EN_REPORT = re.compile(
    r"\b(?:(?:was|were|been|being|got|get|gets|getting)\s+called"  # first: "was called a ..." has no object
    r"|(?P<subject>[\w']+)\s+(?:called|kept\s+calling|keeps\s+calling|keep\s+calling|(?:was|were)\s+calling"
    r"|(?:has|have|had)\s+(?:been\s+calling|called))\s+" + _EN_OBJECT + r")"
    r"\s+(?:an?\s+)?",
    re.IGNORECASE,
)
# what someone else told a person to do: "he told me to go die", "they keep telling trans kids to kill
# themselves"; and the act named as a subject, at a sentence's start: "Telling disabled people to go
# die is harassment" (2026-12-06: removed on the lexicon's "go die")
_EN_TOLD = re.compile(
    r"(?:(?P<subject>[\w']+)\s+(?:told|tells|tell|telling|kept\s+telling|keeps\s+telling|keep\s+telling|(?:was|were|is|are)\s+telling"
    r"|(?:has|have|had)\s+(?:been\s+telling|told))|(?P<opening>(?:^|[.!?\n]\s*)telling))"
    r"\s+(?:me|us|him|her|them|you|(?:(?:my|our|his|her|their|your|this|that|a|an|the|some|all|those|these)\s+)?"
    r"[\w'-]+(?:\s+[\w'-]+){0,2}?)\s+to\s+",
    re.IGNORECASE,
)
# not someone else's report: the speaker's own act ("I called him a ..."), or a subject further
# back that agrees with it ("Who hasn't called him a moron?", "everyone who called her a ...")
_EN_NOT_REPORTED = frozenset({"i", "we", "i've", "we've", "i'd", "we'd", "i'm", "we're", "who", "never",
                              "has", "have", "had", "hasn't", "hasnt", "haven't", "havent", "hadn't", "hadnt",
                              "didn't", "didnt", "not", "rightly", "correctly"})

# "I'm telling you to go die" is the speaker's own: so is an order to tell ("Somebody tell them to ...")
_EN_NOT_TOLD = _EN_NOT_REPORTED | {"somebody", "someone", "anyone", "everyone", "please", "just", "gonna", "will",
                                   "i'll", "ill", "let", "to", "i'm", "im", "am", "you", "u"}

# the act named, not done: "If your argument depends on calling people ...", "Stop calling them ...",
# "Calling disabled people ... is not banter" (removed on the lexicon's slur; 2026-12-07, eighth
# session). Not "keep calling them ...", an order to do it.
_EN_CALLING = re.compile(
    r"(?:\b(?:on|about|by|of|for|from|without|stop|stopped|quit|avoid|against)\s+|(?:^|[.!?\n]\s*))calling\s+"
    r"(?:people|someone|somebody|anyone|anybody|others|them|him|her|"
    r"(?:(?:all|these|those|other|the|your|our)\s+)?[\w'-]+(?:\s+people)?)\s+(?:an?\s+)?",
    re.IGNORECASE,
)

_FR_REPORT = re.compile(
    r"(?:\b(?:a|as|ont|avez|avait|avais|avaient|aura|auraient|été|être)\s+"  # il m'a traité, elle a été traitée
    r"|\bfai(?:t|te|ts|tes|re|sait|saient)\s+)"  # se faire traiter, je me suis fait traiter
    r"trait(?:é|ée|és|ées|er)\s+(?:[\w'’-]+\s+){0,3}?d(?:e\s+|['’]\s*)",
    re.IGNORECASE,
)
# the act named, not done, as "calling" above: « Traiter quelqu'un de ... n'est jamais acceptable »,
# « Arrêtez de traiter les gens de ... » (removed on the lexicon's slur; 2026-12-07, thirteenth session)
_FR_CALLING = re.compile(
    r"(?:(?:^|[.!?\n]\s*)|\b(?:de|d['’]|à|sans|arrêtez\s+de|arrête\s+de|arrêter\s+de|cessez\s+de|cesse\s+de|fait\s+de)\s*)"
    r"traiter\s+(?:quelqu['’]un|qqn|les\s+gens|des\s+gens|les\s+autres|autrui|(?:les|des|ces|un|une|son|sa|ses)\s+[\w'’-]+)"
    r"\s+d(?:e\s+|['’]\s*)",
    re.IGNORECASE,
)
# the speaker's own act: « je l'avais traité de ... », « on les a traités de ... »
_FR_SPEAKER = re.compile(
    r"(?:\bj['’]|\bje\s+|\bon\s+)(?:l['’]|les\s+|la\s+|le\s+|te\s+|t['’]|vous\s+|lui\s+|leur\s+)?$",
    re.IGNORECASE,
)


def reported_insult_spans(text: str) -> list[tuple[int, int]]:
    """Return (start, end) of the stretch after each reported insult's verb where the insult is said."""
    spans = []
    for match in _EN_REPORT.finditer(text):
        if (match.group("subject") or "").casefold() not in _EN_NOT_REPORTED:
            spans.append((match.end(), _clause_end(text, match.end())))
    for match in _EN_TOLD.finditer(text):
        if match.group("opening") or (match.group("subject") or "").casefold() not in _EN_NOT_TOLD:
            spans.append((match.end(), _clause_end(text, match.end())))
    for calling in (_EN_CALLING, _FR_CALLING):
        for match in calling.finditer(text):
            spans.append((match.end(), _clause_end(text, match.end())))
    for match in _FR_REPORT.finditer(text):
        if not _FR_SPEAKER.search(text[max(0, match.start() - 24):match.start()]):
            spans.append((match.end(), _clause_end(text, match.end())))
    return spans


_CLAUSE_STOP = re.compile(r"[.;!?\n]")


def _clause_end(text: str, start: int) -> int:
    """Where the reported words stop: the end of the clause, or _WITHIN characters on."""
    limit = min(len(text), start + _WITHIN)
    stop = _CLAUSE_STOP.search(text, start, limit)
    return stop.start() if stop else limit
