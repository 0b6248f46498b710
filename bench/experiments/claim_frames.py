"""Does a frame around a claim about a group change the decision? (engine eng-14, moderation/claims.py)

A probe written for it from grammar, before the rules were read: derogatory claims about eight
groups (14 predicates each, none of them a slur or a dehumanising noun) and benign claims about
ten groups (16 predicates each), each said plainly and inside frames of opinion ("I think", "in
my opinion", « à mon avis »), of insinuation ("have you noticed that", « vous avez remarqué que »)
and, for the derogatory ones, through a pronoun ("I have met a lot of X and they ..."), and after
a denial that only sets the claim up ("I'm not saying X are evil, I'm just saying X ..."). A frame
adds the speaker's voice, not a meaning: each framed form should be decided as the claim alone.
Prints, per language and form, how many derogatory claims are not kept and how many benign ones
are held.

    .venv/bin/python bench/experiments/claim_frames.py
"""

from __future__ import annotations

import collections
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from moderation.engine import Engine  # noqa: E402
from moderation.settings import load_settings  # noqa: E402
from moderation.types import CommentInput  # noqa: E402

HATEFUL = {
    "en": {
        "groups": ["Muslims", "women", "Black people", "Jews", "immigrants", "gay people", "Roma", "trans people"],
        "claims": ["can't behave themselves", "respect nothing", "have no business being here", "milk the system",
                   "only care about money", "steal our jobs", "never integrate", "bring nothing but trouble",
                   "have too much power", "don't deserve the vote", "are all the same", "are incapable of working",
                   "bring crime wherever they go", "ruin everything they touch"],
        "forms": {"plain": "{G} {c}.", "opinion": "I think {g} {c}.", "opinion2": "Honestly, in my opinion {g} {c}.",
                  "insinuation": "Why is it that {g} {c}?", "insinuation2": "Have you noticed that {g} {c}?",
                  "pronoun": "I have met a lot of {g} and they {c}.", "dislocated": "{G}, they {c}.",
                  "pivot": "I'm not saying {g} are evil, I'm just saying {g} {c}.",
                  "pivot_pronoun": "I don't hate {g}, I just think they {c}.",
                  "most": "Not all {g} are bad, but most of them {c}.",
                  "disclaimer": "I'm not a bigot. All I'm saying is that {g} {c}."},
    },
    "fr": {
        "groups": ["les musulmans", "les femmes", "les Noirs", "les juifs", "les immigrés", "les homosexuels", "les Roms",
                   "les Arabes"],
        "claims": ["ne savent pas se tenir", "ne respectent rien", "n'ont rien à faire ici", "profitent du système",
                   "ne pensent qu'à l'argent", "nous volent notre travail", "ne s'intègrent jamais",
                   "n'apportent que des problèmes", "ont trop de pouvoir", "ne méritent pas le droit de vote",
                   "sont tous pareils", "sont incapables de travailler", "ramènent la délinquance partout",
                   "salissent tout ce qu'ils touchent"],
        "forms": {"plain": "{G} {c}.", "opinion": "Je pense que {g} {c}.", "opinion2": "Franchement, à mon avis {g} {c}.",
                  "insinuation": "Pourquoi est-ce que {g} {c} ?", "insinuation2": "Vous avez remarqué que {g} {c} ?",
                  "pronoun": "J'ai connu beaucoup de {bare} et {pro} {c}.", "dislocated": "{G}, {pro} {c}.",
                  "pivot": "Je ne dis pas que {g} sont mauvais, je dis juste que {g} {c}.",
                  "pivot_pronoun": "Je ne déteste pas {g}, je pense juste qu'{pro} {c}.",
                  "most": "Pas tous {g}, mais la plupart {c}.",
                  "disclaimer": "Je ne suis pas raciste. Je constate simplement que {g} {c}."},
    },
}
BENIGN = {
    "en": {
        "groups": ["Muslims", "women", "Black people", "Jews", "immigrants", "gay people", "Roma", "trans people",
                   "refugees", "disabled people"],
        "claims": ["deserve respect", "work incredibly hard", "are treated unfairly", "are always blamed for everything",
                   "get a raw deal from the press", "contribute a lot to this country", "are more likely to be attacked",
                   "have been through enough", "are underrepresented in parliament", "are paid less for the same work",
                   "are targeted by trolls online", "face discrimination when renting", "are just ordinary people",
                   "are the first to suffer from the cuts", "rarely get a fair hearing", "bring a lot to our town"],
        "forms": {"plain": "{G} {c}.", "opinion": "I think {g} {c}.", "opinion2": "Honestly, in my opinion {g} {c}.",
                  "insinuation": "Why is it that {g} {c}?", "insinuation2": "Have you noticed that {g} {c}?",
                  "candour": "Let's face it, {g} {c}."},
    },
    "fr": {
        "groups": ["les musulmans", "les femmes", "les Noirs", "les juifs", "les immigrés", "les homosexuels", "les Roms",
                   "les trans", "les réfugiés", "les handicapés"],
        "claims": ["méritent le respect", "travaillent dur", "sont traités injustement", "sont toujours accusés de tout",
                   "sont malmenés par la presse", "apportent beaucoup à ce pays", "sont plus souvent agressés",
                   "ont assez souffert", "sont sous-représentés à l'Assemblée", "sont moins payés pour le même travail",
                   "sont harcelés en ligne", "sont discriminés pour trouver un logement", "sont des gens ordinaires",
                   "sont les premiers touchés par les coupes", "sont rarement écoutés", "apportent beaucoup à notre ville"],
        "forms": {"plain": "{G} {c}.", "opinion": "Je pense que {g} {c}.", "opinion2": "Franchement, à mon avis {g} {c}.",
                  "insinuation": "Pourquoi est-ce que {g} {c} ?", "insinuation2": "Vous avez remarqué que {g} {c} ?",
                  "candour": "Soyons honnêtes, {g} {c}."},
    },
}


def cases(probe: dict) -> list[tuple[str, str, str]]:
    """(language, form, text) for every group, claim and form of a probe."""
    out = []
    for language, spec in probe.items():
        for g in spec["groups"]:
            bare = g.split(" ", 1)[1] if language == "fr" else g
            pronoun = "elles" if bare == "femmes" else "ils"
            for claim in spec["claims"]:
                for form, template in spec["forms"].items():
                    text = template.format(G=g[0].upper() + g[1:], g=g, c=claim, bare=bare, pro=pronoun)
                    out.append((language, form, text))
    return out


def main() -> None:
    engine = Engine.from_settings(load_settings())
    figures = {}
    for name, probe, counted in (("hateful_not_kept", HATEFUL, lambda d: d != "keep"),
                                 ("benign_held", BENIGN, lambda d: d != "keep")):
        rows = cases(probe)
        decisions = engine.decide([CommentInput(id=str(i), text=t) for i, (_, _, t) in enumerate(rows)])
        n, hit = collections.Counter(), collections.Counter()
        for (language, form, _), decision in zip(rows, decisions):
            n[language, form] += 1
            hit[language, form] += counted(decision.decision)
        figures[name] = {f"{language} {form}": f"{hit[language, form]}/{n[language, form]}" for language, form in n}
    print(json.dumps(figures, indent=1))


if __name__ == "__main__":
    main()
