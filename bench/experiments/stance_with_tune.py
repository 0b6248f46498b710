"""The group stance trained with the dev suites' tune halves beside its written comments (tried 2026-12-08).

Question: rules written from the tune halves fix tune cases and move no report-half case (fifteenth
session). Does a model trained on the same tune halves carry over to the report halves, whose
templates it never saw? The tune halves (13,862 cases in 2026-12-08: every dev suite's tune half, both
languages) are added to the `written` rows of group-stance-v2's recipe as one more source per
language, labelled abusive when a case is expected `not_keep` (a `keep` or a `not_remove` case is
not abusive), and both heads are trained as v2's are (three seeds each). The report halves, the
sealed suites and the held-out split stay out of it.

    .venv/bin/python bench/experiments/stance_with_tune.py /tmp/models     # writes group-stance-v6.{json,npz}
    .venv/bin/python bench/experiments/stance_with_tune.py /tmp/models --run bench/bench_quality.py --split report --data

With `--run SCRIPT ARGS...` the script runs with the engine reading that artifact instead of the
shipped one (its bars: config/policy.toml). Training takes about eight minutes on the 2-core
machine (6,630 new embeddings the first time).

Result (2026-12-08, sixteenth session; policy 2026-12-08.1, its bars unchanged; BENCHMARKS.md):
the tune half is no measure of it any more (163 fixed / 0 broken); on the choice split 5 benign
freed and 4 toxic lost (2 benign newly held, 1 toxic newly caught). Report halves, against
group-stance-v2: false holds 317 -> 289 English and 305 -> 271 French, hateful kept 294 -> 291 and
425 -> 434; negated hate kept 0.834 -> 0.851 / 0.779 -> 0.824, benign identity mentions kept 0.894
-> 0.908 / 0.954 -> 0.956, French hate behind a disclaimer caught 0.594 -> 0.557; no report-half
threat lost (one more English threat caught). Sealed suites: one more French veiled threat kept and
French hateful kept 35 -> 36; English false holds 3 -> 2 and 6 -> 5, hateful kept 27 -> 28. Not
shipped: the rule set before measuring was that no threat or veiled threat may be kept that was not
before, on the report halves or the sealed suites. A second candidate that also kept the threat
head's holds from the reading lost the same sealed veiled threat and held 23 more English comments.
"""

from __future__ import annotations

import argparse
import runpy
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # bench/, for bench_quality

from bench_quality import load_cases  # noqa: E402

import moderation.scoring.group_stance as group_stance  # noqa: E402
import moderation.training.group_stance as training  # noqa: E402
from moderation.settings import load_settings  # noqa: E402
from moderation.targeting import TargetRules  # noqa: E402
from moderation.training.datasets import Example  # noqa: E402
from moderation.training.pipeline import EMBEDDING_CACHE  # noqa: E402

MODEL_ID = "group-stance-v6"
DATA = Path(__file__).resolve().parents[3] / "shared" / "data"


def tune_rows() -> list[Example]:
    """Every tune-half case, one source per language, abusive when it must not be kept."""
    return [Example(case["text"], case["language"], f"dev_tune_{case['language']}", f"tune:{number}",
                    {training.LABEL: int(case["expected"] == "not_keep")})
            for number, case in enumerate(load_cases("tune"))]


def train(out: Path) -> Path:
    written_rows = training.written_rows
    training.written_rows = lambda folders: written_rows(folders) + tune_rows()
    try:
        targets = TargetRules.configured(load_settings())
        return training.train_group_stance(DATA, out, EMBEDDING_CACHE,
                                           lambda text, language: bool(targets.groups_named(text, language)),
                                           model_id=MODEL_ID, recipe=training.RECIPES["group-stance-v2"],
                                           log=lambda line: print(line, file=sys.stderr))
    finally:
        training.written_rows = written_rows


def run_with(artifact: Path, script: list[str]) -> None:
    """Run `script` (a path and its arguments) with the engine loading `artifact` as its group stance."""
    load = group_stance.GroupStance.load.__func__
    group_stance.GroupStance.load = classmethod(
        lambda cls, path=group_stance.DEFAULT_PATH: load(cls, artifact if path == group_stance.DEFAULT_PATH else path))
    sys.argv = script
    sys.path.insert(0, str(Path(script[0]).resolve().parent))
    runpy.run_path(script[0], run_name="__main__")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="folder of the artifact")
    parser.add_argument("--run", nargs=argparse.REMAINDER, help="a script and its arguments, run with the artifact")
    args = parser.parse_args()
    artifact = args.out / f"{MODEL_ID}.json"
    if not artifact.exists():
        print(train(args.out))
    if args.run:
        run_with(artifact, args.run)


if __name__ == "__main__":
    main()
