"""Write the report of changed comments: JSON Lines or CSV, chosen by the file's extension.

Written to a temporary file next to the target and renamed at the end, so an interrupted run
never leaves a half report that looks complete.
"""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path
from typing import Any, Iterable

FORMATS = (".jsonl", ".csv")
CSV_COLUMNS = ("id", "revision", "language", "old_decision", "new_decision", "reasons_added", "reasons_removed",
               "toxicity_old", "toxicity_new", "scores_old", "scores_new", "terms_added", "terms_removed",
               "policy_old", "policy_new", "model_old", "model_new", "lexicon_old", "lexicon_new", "applied")


def report_format(path: Path) -> str:
    """The report format for a path, or ValueError naming the accepted extensions."""
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise ValueError(f"--report {path}: use a .jsonl or .csv file name")
    return suffix


def _csv_row(row: dict[str, Any]) -> dict[str, Any]:
    flat = {name: row.get(name) for name in CSV_COLUMNS}
    for name in ("reasons_added", "reasons_removed", "terms_added", "terms_removed"):
        flat[name] = ";".join(row.get(name) or [])
    flat["toxicity_old"] = (row.get("scores_old") or {}).get("toxicity")
    flat["toxicity_new"] = (row.get("scores_new") or {}).get("toxicity")
    for name in ("scores_old", "scores_new"):
        flat[name] = json.dumps(row.get(name) or {}, sort_keys=True)
    return flat


def write_report(path: Path, rows: Iterable[dict[str, Any]]) -> int:
    """Write rows to `path` (format by extension); return how many were written."""
    path = Path(path)
    suffix = report_format(path)
    partial = path.with_name(path.name + ".partial")
    count = 0
    with open(partial, "w", encoding="utf-8", newline="") as out:
        if suffix == ".jsonl":
            for row in rows:
                out.write(json.dumps(row, ensure_ascii=False, sort_keys=False) + "\n")
                count += 1
        else:
            writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS)
            writer.writeheader()
            for row in rows:
                writer.writerow(_csv_row(row))
                count += 1
    os.replace(partial, path)
    return count
