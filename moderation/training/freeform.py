"""Threats and their look-alikes written one by one, as readers write them (not composed).

Why: the threat head learned intent from grammars (written.py) and, in stack-v4, from composed
veiled threats (veiled.py); composed sentences taught it "a group + a future tense" and it still
did not see menace without violent words. These sentences were written by hand, each on its own,
by someone who had not seen the dev suites, the targeting rules or the grammars: threats of six
kinds (direct, veiled, conditional, wish, call, dehumanising violence) against people and groups,
and look-alikes that mirror them (idioms, news, condemnation, negation, benign statements about
groups, games and fiction, ordinary remarks with threat-like words). Files:
moderation/training/threat_sentences/{en,fr}.jsonl, one {"text", "label", "kind"} per line.
Train-only, threat head only, like written.py. 13 of the 1,680 sentences written came within a
difflib ratio of 0.8 of a dev-suite case ("my feet are killing me after that walk") and were
removed from the files before any training; the pipeline also drops any sentence equal to one.

Round 2 (2026-12-03, threat_sentences_round2/, for stack-v6): 2,368 more, by four more helper
sessions under the same rule (they read no file of the project), two per language in two
registers: comment-section slang, typos and emoji with threats aimed in the third person ("if I
see him at the pub he's leaving in an ambulance") and through consequences; and longer, calm,
polite menace (predictions, rhetorical questions, "I'm just saying"). Half of each file is
look-alikes of the same six kinds as round 1. 16 sentences within a difflib ratio of 0.8 of a
dev-suite case ("mort aux juifs", "my feet are killing me after that parade") and 16 of a round-1
sentence were dropped before any training.

Round 3 (2026-12-04, threat_sentences_round3/): 1,200 more, by two helper sessions under the same
rule, all about menace WITHOUT a violent verb, the shape the dev suites and the sealed suite showed
the threat evidence misses most: per language 300 veiled threats of seven kinds (knows where you
live, through the family, consequences, a visit, an accident, lists, veiled menace at a group or
its places) and 300 look-alikes mirroring each kind ("I know where you live, I'll drop the book
round"). 6 sentences within a difflib ratio of 0.8 of a dev-suite case (2) or of an earlier round
(4) were dropped before any training; none was that close to a sealed-suite case. Measured with
recipes stack-v7r3 and stack-v7r3p and not shipped: three tune cases fixed, three to five broken,
26-29 benign comments newly held on the choice split (docs/model.md).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Iterator

from moderation.training.datasets import Example

SOURCE = "written_freeform_threats"
FOLDER = Path(__file__).resolve().parent / "threat_sentences"
ROUND_2 = Path(__file__).resolve().parent / "threat_sentences_round2"
ROUND_3 = Path(__file__).resolve().parent / "threat_sentences_round3"


def labelled_rows(folder: Path) -> Iterator[tuple[str, int, dict]]:
    """(language, line number from 0, row) for every row of the folder's {language}.jsonl files;
    a label other than 0 or 1 is an error naming the file and line."""
    for path in sorted(folder.glob("*.jsonl")):
        for number, line in enumerate(path.read_text("utf-8").splitlines()):
            if not line.strip():
                continue
            row = json.loads(line)
            if row["label"] not in (0, 1):
                raise ValueError(f"{path}:{number + 1}: label must be 0 or 1")
            yield path.stem, number, row


def toxicity_examples(folder: Path, source: str) -> list[Example]:
    """Every comment of a folder of hand-written comments labelled for toxicity only, each language
    its own source (`<source>_<language>`), so that its allowed and abusive comments make (source,
    class) cells of their own (fit.cell_weights). The heated and the news comments."""
    return [Example(row["text"], language, f"{source}_{language}", f"{language}:{number}", {"toxicity": int(row["label"])})
            for language, number, row in labelled_rows(folder)]


def freeform_examples(folder: Path = FOLDER, without_kinds: tuple[str, ...] = ()) -> list[Example]:
    """Every hand-written sentence of one folder, both languages, labelled for `threat` only;
    `without_kinds`: leave out these kinds and their look-alikes ("group_menace" also drops
    "lookalike_group_menace")."""
    round_tag = "" if folder == FOLDER else f"{folder.name}:"  # groups stay unique across rounds
    return [Example(row["text"], language, SOURCE, f"{round_tag}{language}:{number}", {"threat": int(row["label"])})
            for language, number, row in labelled_rows(folder)
            if row.get("kind", "").removeprefix("lookalike_") not in without_kinds]
