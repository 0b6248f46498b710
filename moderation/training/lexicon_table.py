"""Snapshot the project's lexicons (config/lexicons/*.toml) as model features.

Each lexicon phrase of one to three words becomes a key for its "category:severity" tag. The tag
features are shared by both languages, so weights learned from plentiful English data apply to
French insults and slurs the French training data barely covers. The snapshot is stored in the
artifact, so the model scores the same whatever later edits the lexicon files get.
"""

from __future__ import annotations

from pathlib import Path

from moderation.lexicon.schema import parse_file
from moderation.scoring.linear_features import lexicon_key
from moderation.training.datasets import file_sha256


def lexicon_table(lexicon_dir: Path, skip_ambiguous: bool = False) -> tuple[tuple[str, ...], dict[str, int], dict[str, str]]:
    """Return (tags, {"folded phrase": tag index}, {file: sha256}) from every lexicon file.

    `skip_ambiguous` leaves out entries marked `ambiguous` (an ordinary word in the other language:
    "con", "cons"): the snapshot is matched whatever the comment's language, so "pros and cons"
    would otherwise light the insult tag in English.
    """
    found: dict[str, str] = {}
    files = sorted(lexicon_dir.glob("*.toml"))
    for path in files:
        for entry in parse_file(path):
            if skip_ambiguous and entry.ambiguous:
                continue
            for form in (entry.term, *entry.variants):
                words = lexicon_key(form)
                if 1 <= len(words) <= 3:
                    found.setdefault(" ".join(words), f"{entry.category}:{entry.severity}")
    tags = tuple(sorted(set(found.values())))
    position = {tag: i for i, tag in enumerate(tags)}
    return tags, {phrase: position[tag] for phrase, tag in sorted(found.items())}, \
        {path.name: file_sha256(path) for path in files}
