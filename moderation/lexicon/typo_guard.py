"""Rewrite moderation/text/typo_guard.json from a lexicon folder: `python -m moderation.lexicon.typo_guard DIR`.

The guard (moderation/text/typos.py) says which one-letter typos of the lexicon's forms are ordinary
words, so that processes need not read the dictionaries. Which forms it covers is the lexicon's
business (entry categories, how a term splits into words), so the folder is read here and the
text layer below knows nothing of lexicon files.
`tests/test_lexicon.py::test_the_typo_guard_covers_the_shipped_lexicon` says when to run it.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from moderation.lexicon.index import words_of
from moderation.lexicon.schema import parse_file
from moderation.text.typos import GUARD_FILE, TYPO_CATEGORIES, build_guard


def lexicon_typo_forms(lexicon_dir: Path) -> list[str]:
    """The single-word forms of a lexicon folder whose typos are matched."""
    forms = []
    for path in sorted(Path(lexicon_dir).glob("*.toml")):
        for entry in parse_file(path):
            if entry.category in TYPO_CATEGORIES:
                forms += [w[0] for w in map(words_of, (entry.term, *entry.variants)) if len(w) == 1]
    return forms


if __name__ == "__main__":
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "config/lexicons")
    GUARD_FILE.write_text(json.dumps(build_guard(lexicon_typo_forms(folder)), indent=0, ensure_ascii=False) + "\n",
                          "utf-8")
    print(f"wrote {GUARD_FILE}")
