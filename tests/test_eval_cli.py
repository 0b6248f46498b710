"""`moderation eval`: the documented fields, per language, from the full engine; bad input refused clearly."""

from __future__ import annotations

import csv
import json

import pytest

from moderation.cli import main
from moderation.training.metrics import balanced_accuracy, roc_auc

ROWS = [
    ("You are a fucking idiot, shut up", 1, "en"),
    ("go kill yourself you worthless piece of shit", 1, "en"),
    ("Thanks for the article, very interesting analysis.", 0, "en"),
    ("I disagree with the mayor on the budget vote.", 0, "en"),
    ("Ferme ta gueule espèce de connard", 1, "fr"),
    ("bande d'abrutis, allez vous faire foutre", 1, "fr"),
    ("Merci pour cet article très intéressant.", 0, "fr"),
    ("Je ne suis pas d'accord avec le maire sur le budget.", 0, "fr"),
]


def _write_csv(path):
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["comment", "toxic", "lang"])
        writer.writerows(ROWS)


def _run(capsys, *argv):
    code = main(["eval", *map(str, argv)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_csv_report_has_the_documented_fields_per_language(tmp_path, capsys):
    path = tmp_path / "labelled.csv"
    _write_csv(path)
    code, out, _ = _run(capsys, path, "--text-col", "comment", "--label-col", "toxic", "--language-col", "lang")
    assert code == 0
    report = json.loads(out)
    assert report["model"] and report["policy_version"]
    assert set(report["languages"]) == {"en", "fr"}
    for summary in report["languages"].values():
        assert summary["n"] == 4 and summary["positives"] == 2
        assert summary["auc"] == 1.0  # every toxic row above every benign one (as the scorer tests require)
        assert {"hold", "remove"} <= set(summary["thresholds"])
        for key in ("at_hold", "at_remove", "decision_not_keep"):
            assert {"precision", "recall", "flagged"} <= set(summary[key])
        assert 0.0 <= summary["decision_not_keep"]["balanced_accuracy"] <= 1.0


def test_jsonl_with_one_given_language(tmp_path, capsys):
    path = tmp_path / "labelled.jsonl"
    path.write_text("".join(json.dumps({"t": t, "y": bool(y)}) + "\n" for t, y, lang in ROWS if lang == "fr"), "utf-8")
    code, out, _ = _run(capsys, path, "--text-col", "t", "--label-col", "y", "--language", "fr")
    assert code == 0
    assert list(json.loads(out)["languages"]) == ["fr"]


def test_bad_label_names_its_row(tmp_path, capsys):
    path = tmp_path / "bad.csv"
    path.write_text("comment,toxic\nhello,1\nworld,maybe\n", "utf-8")
    code, out, err = _run(capsys, path, "--text-col", "comment", "--label-col", "toxic")
    assert code == 2 and out == ""
    assert "row 3" in err and "maybe" in err


def test_missing_column_is_refused(tmp_path, capsys):
    path = tmp_path / "labelled.csv"
    _write_csv(path)
    code, _, err = _run(capsys, path, "--text-col", "body", "--label-col", "toxic")
    assert code == 2 and "'body'" in err


@pytest.mark.parametrize("labels,scores,expected", [
    ([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8], 0.75),
    ([0, 1, 0, 1], [0.5, 0.5, 0.5, 0.5], 0.5),  # ties count half
    ([1, 1, 0], [0.1, 0.2, 0.9], 0.0),
])
def test_rank_auc(labels, scores, expected):
    assert roc_auc(labels, scores) == pytest.approx(expected)


def test_auc_and_balanced_accuracy_need_both_classes():
    assert roc_auc([1, 1], [0.2, 0.3]) is None
    assert balanced_accuracy([1, 0, 0, 0], [True, True, False, False]) == pytest.approx(0.5 * (1 + 2 / 3))
