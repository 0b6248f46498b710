"""Evaluate the full engine on a labelled CSV/JSONL file, per language (no scikit-learn)."""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Sequence

from moderation.training.metrics import balanced_accuracy, precision_recall, roc_auc
from moderation.types import CommentInput

_TRUE = {"1", "true", "yes", "toxic"}
_FALSE = {"0", "false", "no", "non-toxic", "nontoxic"}
BATCH = 256


class EvalInputError(ValueError):
    """The labelled file cannot be evaluated (missing column, bad label, bad line)."""


@dataclass(frozen=True)
class Row:
    text: str
    label: int
    language: str | None


def _label(raw: object, where: str) -> int:
    text = str(raw).strip().lower()
    if text in _TRUE:
        return 1
    if text in _FALSE:
        return 0
    try:
        return int(float(text) >= 0.5)  # fractional annotator scores (Jigsaw style)
    except ValueError:
        raise EvalInputError(f"{where}: label {raw!r} is not 0/1, true/false or a number") from None


def _records(path: Path, fmt: str):
    with path.open(newline="", encoding="utf-8") as handle:
        if fmt == "csv":
            delimiter = "\t" if path.suffix == ".tsv" else ","
            yield from ((f"{path}:row {i}", r) for i, r in enumerate(csv.DictReader(handle, delimiter=delimiter), 2))
            return
        for number, line in enumerate(handle, 1):
            if line.strip():
                try:
                    yield f"{path}:line {number}", json.loads(line)
                except json.JSONDecodeError as exc:
                    raise EvalInputError(f"{path}:line {number}: not JSON ({exc.msg})") from None


def read_rows(path: Path, fmt: str, text_col: str, label_col: str, language_col: str | None) -> list[Row]:
    """Read (text, label, language) rows; any unusable row stops the evaluation with its position."""
    rows = []
    for where, record in _records(path, fmt):
        if not isinstance(record, dict):
            raise EvalInputError(f"{where}: expected an object")
        for column in filter(None, (text_col, label_col, language_col)):
            if record.get(column) is None:
                raise EvalInputError(f"{where}: no {column!r} column/field")
        language = str(record[language_col]).strip().lower() if language_col else None
        rows.append(Row(str(record[text_col]), _label(record[label_col], where), language))
    if not rows:
        raise EvalInputError(f"{path}: no rows")
    return rows


def _summary(labels: list[int], toxicity: list[float], outcomes: list[str], thresholds: dict) -> dict:
    summary = {"n": len(labels), "positives": sum(labels), "auc": roc_auc(labels, toxicity), "thresholds": thresholds}
    for name in ("hold", "remove"):
        if name in thresholds:
            summary[f"at_{name}"] = precision_recall(labels, [s >= thresholds[name] for s in toxicity])
    flagged = [outcome != "keep" for outcome in outcomes]
    summary["decision_not_keep"] = {"balanced_accuracy": balanced_accuracy(labels, flagged),
                                    **precision_recall(labels, flagged)}
    return summary


def decide_all(engine, texts: Sequence[str], languages: Sequence[str | None]) -> Iterator:
    """Yield the engine's decision for each text (with its language hint), BATCH comments per call."""
    comments = [CommentInput(id=str(i), text=text, language=hint) for i, (text, hint) in enumerate(zip(texts, languages))]
    for start in range(0, len(comments), BATCH):
        yield from engine.decide(comments[start:start + BATCH])


def evaluate(engine, rows: list[Row], language: str | None = None) -> dict:
    """Decide every row with the engine; return metrics per language (given, else detected)."""
    groups: dict[str, tuple[list, list, list]] = {}
    decisions = decide_all(engine, [r.text for r in rows], [language or r.language for r in rows])
    for row, decision in zip(rows, decisions):
        key = language or row.language or decision.language
        labels, scores, outcomes = groups.setdefault(key, ([], [], []))
        labels.append(row.label)
        scores.append(decision.scores["toxicity"])
        outcomes.append(decision.decision)
    report = {"policy_version": engine.policy.version, "model": engine.scorer.model_id, "languages": {}}
    for key in sorted(groups):
        labels, scores, outcomes = groups[key]
        report["languages"][key] = _summary(labels, scores, outcomes, engine.policy.thresholds(key))
    return report
