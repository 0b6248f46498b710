"""Rescoring's pure parts: filters, diffs, tallies, reports, progress, run ids."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime, timezone

import pytest

from moderation.rescore.options import FilterError, Filters, parse_moment
from moderation.rescore.plan import RunSpec
from moderation.rescore.report import Progress, Tally, diff_decisions, report_format, transition, write_report


def test_moments_parse_from_iso_dates_datetimes_and_epoch_seconds():
    assert parse_moment("2026-01-02", "--since") == datetime(2026, 1, 2, tzinfo=timezone.utc).timestamp()
    assert parse_moment("2026-01-02T03:04:05+01:00", "--since") == datetime(
        2026, 1, 2, 2, 4, 5, tzinfo=timezone.utc).timestamp()
    assert parse_moment("2026-01-02T03:04:05Z", "--until") == datetime(
        2026, 1, 2, 3, 4, 5, tzinfo=timezone.utc).timestamp()
    assert parse_moment("1767225600", "--since") == 1767225600.0


def test_bad_moments_and_inverted_windows_are_refused_naming_the_option():
    with pytest.raises(FilterError, match="--since"):
        parse_moment("last tuesday", "--since")
    with pytest.raises(FilterError, match="before --until"):
        Filters.from_strings(since="2026-02-01", until="2026-01-01")
    with pytest.raises(FilterError, match="time field"):
        Filters(time_field="updated")


def test_window_includes_since_and_excludes_until():
    filters = Filters(since=10.0, until=20.0)
    assert [filters.in_window(t) for t in (9.99, 10.0, 19.99, 20.0, None)] == [False, True, True, False, False]
    assert Filters().in_window(None)


def _decision(outcome, reasons, toxicity, terms=(), policy="p1", model="m1", lexicon="l1", targets="t1"):
    details = {"lexicon_version": lexicon, **({} if targets is None else {"targets_version": targets})}
    return {"id": "c1", "language": "en", "decision": outcome, "reasons": list(reasons),
            "scores": {"toxicity": toxicity}, "policy_version": policy, "model": model,
            "slurs": [{"term": t, "field": f} for t, f in terms], "details": details}


def test_diff_names_reasons_terms_scores_and_versions_that_changed():
    old = _decision("keep", [], 0.41, terms=[("damn", "text")])
    new = _decision("hold", ["toxicity_hold", "lexicon_strong"], 0.43, terms=[("idiot", "text"), ("jerk", "author")],
                    policy="p2", lexicon="l2", targets="t2")
    row = diff_decisions(old, new, revision=3)
    assert (row["old_decision"], row["new_decision"], row["revision"]) == ("keep", "hold", 3)
    assert row["reasons_added"] == ["toxicity_hold", "lexicon_strong"] and row["reasons_removed"] == []
    assert row["terms_added"] == ["author:jerk", "idiot"] and row["terms_removed"] == ["damn"]
    assert row["scores_old"] == {"toxicity": 0.41} and row["scores_new"] == {"toxicity": 0.43}
    assert (row["policy_old"], row["policy_new"]) == ("p1", "p2")
    assert (row["model_old"], row["model_new"]) == ("m1", "m1")
    assert (row["lexicon_old"], row["lexicon_new"]) == ("l1", "l2")
    assert (row["targets_old"], row["targets_new"]) == ("t1", "t2")
    assert transition("keep", "hold") == "keep->hold" and transition(None, "keep") == "none->keep"


def test_a_decision_made_before_targets_were_versioned_reports_no_old_targets_version():
    row = diff_decisions(_decision("keep", [], 0.41, targets=None), _decision("hold", ["toxicity_hold"], 0.62))
    assert (row["lexicon_old"], row["targets_old"], row["targets_new"]) == ("l1", None, "t1")


def test_the_report_names_the_engine_revisions_and_none_for_a_decision_made_before_they_were_recorded():
    new = _decision("hold", ["toxicity_hold"], 0.62)
    new["details"]["engine_version"] = "eng-2"
    row = diff_decisions(_decision("keep", [], 0.41), new)
    assert (row["engine_old"], row["engine_new"]) == (None, "eng-2")


def test_tallies_merge_and_summarise_with_one_key_per_transition():
    first, second = Tally(), Tally()
    first.add("scanned", 3)
    first.change({"id": "a"}, "keep->hold")
    second.add("scanned", 2)
    second.add("skipped_moderated")
    second.change({"id": "b"}, "keep->hold")
    second.change({"id": "c"}, "hold->remove")
    second.error("d", "revision missing")
    total = Tally.from_json(json.loads(json.dumps(first.to_json()))).merge(second)
    summary = total.summary(1.23456)
    assert summary["scanned"] == 5 and summary["changed"] == 3 and summary["skipped_moderated"] == 1
    assert summary["keep->hold"] == 2 and summary["hold->remove"] == 1
    assert summary["errors"] == 1 and summary["elapsed_s"] == 1.235
    assert [row["id"] for row in total.rows] == ["a", "b", "c"]
    with pytest.raises(KeyError):
        total.add("scaned")


ROW = diff_decisions(_decision("keep", [], 0.41), _decision("hold", ["toxicity_hold"], 0.62, terms=[("idiot", "text")]), 1)


def test_jsonl_report_has_one_row_per_changed_comment(tmp_path):
    path = tmp_path / "changes.jsonl"
    assert write_report(path, [ROW, {**ROW, "id": "c2"}]) == 2
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines()]
    assert [r["id"] for r in rows] == ["c1", "c2"] and rows[0]["reasons_added"] == ["toxicity_hold"]
    assert not (tmp_path / "changes.jsonl.partial").exists()


def test_csv_report_flattens_lists_and_scores(tmp_path):
    path = tmp_path / "changes.CSV"
    write_report(path, [ROW])
    (row,) = list(csv.DictReader(path.open(encoding="utf-8")))
    assert row["old_decision"] == "keep" and row["new_decision"] == "hold"
    assert row["reasons_added"] == "toxicity_hold" and row["terms_added"] == "idiot"
    assert float(row["toxicity_old"]) == 0.41 and float(row["toxicity_new"]) == 0.62
    assert json.loads(row["scores_new"]) == {"toxicity": 0.62}
    assert (row["lexicon_old"], row["targets_old"], row["targets_new"]) == ("l1", "t1", "t1")
    # columns added later come last: a reader going by position finds the earlier ones where they were
    header = path.read_text("utf-8").splitlines()[0].split(",")
    assert header[-5:] == ["applied", "targets_old", "targets_new", "engine_old", "engine_new"]


def test_report_format_comes_from_the_extension():
    assert report_format("out.jsonl") == ".jsonl"
    with pytest.raises(ValueError, match=".jsonl or .csv"):
        report_format("out.json")


def test_progress_draws_a_bar_on_a_terminal_and_lines_otherwise():
    tty, plain = io.StringIO(), io.StringIO()
    bar = Progress(200, stream=tty, tty=True)
    bar.update(50, force=True)
    bar.close()
    assert tty.getvalue().startswith("\rrescore [#######") and "50/200" in tty.getvalue()
    assert tty.getvalue().endswith("\n")
    lines = Progress(200, stream=plain, tty=False)
    lines.update(100, force=True)
    lines.update(150)  # throttled: plain lines come every few seconds
    lines.update(200)
    lines.close()
    assert plain.getvalue().splitlines()[0].startswith("rescore: 100/200 comments (50%)")
    assert "\r" not in plain.getvalue() and plain.getvalue().splitlines()[-1].startswith("rescore: 200/200")


def test_run_id_depends_on_policy_model_lexicon_targets_and_filters_only():
    versions = {"policy": "v", "policy_digest": "d1", "model": "linear-v1", "lexicon": "lex1", "targets": "tgt1"}
    base = RunSpec("text", None, versions, Filters(article="a1"))
    assert RunSpec("text", None, dict(versions), Filters(article="a1"), apply=True).run_id == base.run_id
    assert RunSpec("text", None, {**versions, "policy_digest": "d2"}, Filters(article="a1")).run_id != base.run_id
    assert RunSpec("text", None, {**versions, "model": "detoxify"}, Filters(article="a1")).run_id != base.run_id
    assert RunSpec("text", None, {**versions, "lexicon": "lex2"}, Filters(article="a1")).run_id != base.run_id
    assert RunSpec("text", None, {**versions, "targets": "tgt2"}, Filters(article="a1")).run_id != base.run_id
    assert RunSpec("text", None, versions, Filters(article="a2")).run_id != base.run_id
    assert RunSpec.from_json(json.loads(json.dumps(base.to_json()))) == base
