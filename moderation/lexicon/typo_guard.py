"""Rewrite moderation/text/typo_guard.json: `python -m moderation.lexicon.typo_guard [LEXICONS [TARGETS]]`.

The guard (moderation/text/typos.py) says which one-letter typos of the lexicon's forms are ordinary
words, which ordinary words would read as a stretched lexicon form ("cooks" -> "coks") and which
end with a `compound` form ("vandyke", "bastard"), so
that processes need not read the dictionaries. Which forms it covers is the lexicon's
business (entry categories, how a term splits into words), so the folder is read here and the
text layer below knows nothing of lexicon files. The group names of config/targets are covered
too: their typos are read as the name ("wmen"), and so are their look-alike disguises ("vvomen",
moderation/text/lookalikes.py) and their cuts in two by a space ("mus lims", moderation/text/space_cuts.py),
see moderation/targeting.py.
`tests/test_lexicon.py::test_the_typo_guard_covers_the_shipped_lexicon` says when to run it.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from moderation.lexicon.index import words_of
from moderation.lexicon.schema import parse_file
from moderation.text.lookalikes import build_lookalike_guard
from moderation.text.space_cuts import build_split_guard
from moderation.text.typos import GUARD_FILE, TYPO_CATEGORIES, build_guard


def lexicon_typo_forms(lexicon_dir: Path) -> list[str]:
    """The single-word forms of a lexicon folder whose typos are matched."""
    forms = []
    for path in sorted(Path(lexicon_dir).glob("*.toml")):
        for entry in parse_file(path):
            if entry.category in TYPO_CATEGORIES:
                forms += [w[0] for w in map(words_of, (entry.term, *entry.variants)) if len(w) == 1]
    return forms


def lexicon_misspellings(lexicon_dir: Path) -> list[str]:
    """The regular respellings (moderation/text/spelling.py) of a lexicon folder's single-word
    forms, inflected ones included: the lexicon skips those that are ordinary words."""
    from moderation.text.spelling import misspellings

    from moderation.lexicon.index import written_forms

    found = []
    for path in sorted(Path(lexicon_dir).glob("*.toml")):
        for entry in parse_file(path):
            for words in written_forms(entry, str(path)):  # inflections too: "fuckers" -> "fuckas"
                if len(words) == 1:
                    found += misspellings(words[0], entry.language)
    return found


def guard_for(lexicon_dir: Path, targets_dir: Path | None = None) -> dict:
    """The guard file's content for a lexicon folder and, if given, a config/targets folder."""
    from moderation.targeting import target_typo_forms

    from moderation.lexicon import load_lexicon

    group_forms = target_typo_forms(targets_dir) if targets_dir is not None else []
    vocabulary = load_lexicon(Path(lexicon_dir)).vocabulary
    return {**build_guard(lexicon_typo_forms(lexicon_dir) + group_forms, vocabulary.stretchable_forms(),
                          lexicon_misspellings(lexicon_dir), vocabulary.compound_forms()),
            **build_lookalike_guard(group_forms), **build_split_guard(group_forms)}


if __name__ == "__main__":
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "config/lexicons")
    targets = Path(sys.argv[2] if len(sys.argv) > 2 else folder.parent / "targets")
    GUARD_FILE.write_text(json.dumps(guard_for(folder, targets), indent=0, ensure_ascii=False) + "\n", "utf-8")
    print(f"wrote {GUARD_FILE}")
