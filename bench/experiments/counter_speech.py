"""Is counter-speech ever removed? (engine eng-15, targeting rules 11)

A probe written from grammar before the rules were read (2026-12-06, sixth session): 34 English and
32 French ways of quoting, reporting, putting to the reader or condemning hate against a group ("My
uncle keeps saying X are vermin. I stopped going to his dinners.", "If you think X are animals,
you are the problem", « Ceux qui scandent « mort aux X » devraient être poursuivis »), each over
ten groups. Counter-speech may be held (a person decides whether the quote is condemned) but
never removed. Prints, per language and shape, how many of the ten are removed and held, with one
removed or held example. On 7fa44e1 eight shapes (five English, three French) were removed ten times
out of ten; on eng-15 one ("You can't say X are scum and then claim you're not racist").

    .venv/bin/python bench/experiments/counter_speech.py
"""

from __future__ import annotations

import collections
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from moderation.engine import Engine  # noqa: E402
from moderation.settings import load_settings  # noqa: E402
from moderation.types import CommentInput  # noqa: E402

GROUPS = {
    "en": ["Muslims", "women", "Black people", "Jews", "immigrants", "gay people", "Roma", "trans people", "refugees",
           "disabled people"],
    "fr": ["les musulmans", "les femmes", "les Noirs", "les juifs", "les immigrés", "les homosexuels", "les Roms",
           "les personnes trans", "les réfugiés", "les handicapés"],
}
# {g}: the group; {G}: capitalised; {gb}: without its article; {gd}: « des » + the group
SHAPES = {
    "en": [
        'Someone on my street said "{g} should all be shot". I reported him to the police.',
        'My uncle keeps saying {g} are vermin. I stopped going to his dinners.',
        'Anyone who says {g} should be gassed needs help, not a platform.',
        '"Kill all {g}" was sprayed on the bus shelter. Disgusting.',
        'The sign said "{G} are subhuman". How is that legal?',
        'If you think {g} are animals, you are the problem.',
        'I am sick of people calling {g} parasites.',
        'Telling {g} to go die is not free speech, it is harassment.',
        'The graffiti calling {g} rats was painted over this morning, good.',
        'He was convicted for posting that {g} should be hanged. Good.',
        'Stop saying {g} are scum. It is hateful and wrong.',
        'Every time someone writes "{g} are disgusting" in these comments, I report it.',
        'Comments like "I hate {g}" have no place here.',
        'Nobody should have to read "death to {g}" on their way to school.',
        "It's vile to say that {g} deserve to suffer.",
        "If you believe {g} should be shot, get help.",
        "Anyone who calls {g} vermin should be ashamed.",
        "Calling {g} cockroaches is dehumanising.",
        "Wishing death on {g} is a crime in this country.",
        "Telling {g} to go die is harassment.",
        "People who say {g} should be burned are monsters.",
        "When someone says {g} are filth, call it out.",
        "The leaflet called {g} rats and told readers to burn their homes. The police are investigating.",
        "To say {g} deserve to die is pure hatred.",
        "I can't believe someone wrote that {g} should be exterminated.",
        "Why do people think it's OK to call {g} subhuman?",
        "Those who chant 'death to {g}' should be prosecuted.",
        "The idea that {g} are parasites is Nazi propaganda.",
        "He got six months for threatening to kill {g}.",
        "Posts saying {g} should hang are still up. Delete them.",
        "You can't say {g} are scum and then claim you're not racist.",
        "Hearing kids say {g} are disgusting breaks my heart.",
        "Imagine thinking {g} are less than human. Pathetic.",
        "Nobody gets to call {g} savages on this site.",
    ],
    "fr": [
        'Un voisin a dit que {g} devraient tous être fusillés. Je l\'ai signalé à la police.',
        'Mon oncle répète que {g} sont de la vermine. Je ne vais plus à ses repas.',
        'Ceux qui disent qu\'il faut gazer {g} ont besoin d\'aide, pas d\'une tribune.',
        "« Mort aux {gb} » a été tagué sur l'abribus. Honteux.",
        'La pancarte disait « {G} sont des sous-hommes ». Comment est-ce légal ?',
        "Si vous pensez que {g} sont des animaux, le problème c'est vous.",
        'J\'en ai marre qu\'on traite {g} de parasites.',
        'Dire à {g} d\'aller crever, ce n\'est pas la liberté d\'expression, c\'est du harcèlement.',
        'Le tag qui traitait {g} de rats a été effacé ce matin, tant mieux.',
        'Il a été condamné pour avoir écrit qu\'il fallait pendre {g}. Tant mieux.',
        'Arrêtez de dire que {g} sont des ordures. C\'est haineux et faux.',
        'Chaque fois que quelqu\'un écrit « {g} sont dégoûtants » ici, je le signale.',
        'Les commentaires du genre « je déteste {g} » n\'ont rien à faire ici.',
        'Personne ne devrait lire « mort aux {gb} » en allant à l\'école.',
        'C\'est ignoble de dire que {g} méritent de souffrir.',
        "Si tu crois qu'il faut fusiller {g}, fais-toi soigner.",
        "Ceux qui traitent {g} de vermine devraient avoir honte.",
        "Traiter {g} de cafards, c'est les déshumaniser.",
        "Souhaiter la mort {gd}, c'est un délit dans ce pays.",
        "Dire à {g} d'aller crever, c'est du harcèlement.",
        "Les gens qui disent qu'il faut brûler {g} sont des monstres.",
        "Quand quelqu'un dit que {g} sont des déchets, il faut le dénoncer.",
        "Le tract traitait {g} de rats et appelait à brûler leurs maisons. La police enquête.",
        "Dire que {g} méritent de mourir, c'est de la haine pure.",
        "Je n'arrive pas à croire que quelqu'un ait écrit qu'il fallait exterminer {g}.",
        "Pourquoi des gens trouvent normal de traiter {g} de sous-hommes ?",
        "Ceux qui scandent « mort aux {gb} » devraient être poursuivis.",
        "L'idée que {g} sont des parasites, c'est de la propagande nazie.",
        "Il a pris six mois pour avoir menacé de tuer {g}.",
        "Les messages disant qu'il faut pendre {g} sont toujours en ligne. Supprimez-les.",
        "On ne peut pas dire que {g} sont des ordures et prétendre ne pas être raciste.",
        "Entendre des enfants dire que {g} sont dégoûtants, ça me brise le cœur.",
        "Personne n'a le droit de traiter {g} de sauvages sur ce site.",
    ],
}


def sentences(language: str) -> list[tuple[int, str]]:
    """(shape, sentence) for every shape and group of `language`."""
    out = []
    for group in GROUPS[language]:
        bare = group.split(" ", 1)[1] if language == "fr" else group
        fields = {"g": group, "G": group[0].upper() + group[1:], "gb": bare, "gd": f"des {bare}"}
        out += [(i, shape.format(**fields)) for i, shape in enumerate(SHAPES[language])]
    return out


def main() -> None:
    engine = Engine.from_settings(load_settings())
    for language in SHAPES:
        rows = sentences(language)
        decisions = engine.decide([CommentInput(str(i), text) for i, (_, text) in enumerate(rows)])
        removed, held, example = collections.Counter(), collections.Counter(), {}
        for (shape, text), decision in zip(rows, decisions):
            if decision.decision == "remove":
                removed[shape] += 1
                example[shape] = (text, decision.reasons)
            elif decision.decision == "hold":
                held[shape] += 1
                example.setdefault(shape, (text, decision.reasons))
        for shape in range(len(SHAPES[language])):
            print(language, shape, f"removed {removed[shape]}/10 held {held[shape]}/10", *example.get(shape, ()))
        print(language, "removed", sum(removed.values()), "held", sum(held.values()), "of", len(rows))


if __name__ == "__main__":
    main()
