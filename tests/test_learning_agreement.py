"""The agreement table: every review counts once per reason, language and lexicon category."""

from __future__ import annotations

from moderation.learning.agreement import Removal, agreement_series, agreement_table, cells, prometheus_lines, table_json
from moderation.learning.records import ReviewRecord


def review(action: str, language: str, reasons: tuple[str, ...], categories: tuple[str, ...] = (), at: float = 0.0):
    return ReviewRecord("c", 1, "t", language, "hold", reasons, {"toxicity": 0.7}, (), categories, "p", "m",
                        action, {"approve": "keep", "reject": "remove"}[action], "alice", at)


REVIEWS = [
    review("approve", "fr", ("toxicity_hold",), at=10),
    review("approve", "fr", ("toxicity_hold", "lexicon_quoted"), ("slur",), at=20),
    review("reject", "fr", ("toxicity_hold",), at=86_400 + 5),
    review("reject", "en", ("lexicon_strong", "identity_attack_hold"), ("insult", "slur"), at=86_400 + 6),
    review("approve", "und", ("language_undetermined",), at=86_400 + 7),
]


def test_counts_per_reason_language_and_category():
    table = agreement_table(REVIEWS)
    assert (table["reason"]["toxicity_hold"].approved, table["reason"]["toxicity_hold"].rejected) == (2, 1)
    assert table["reason"]["toxicity_hold"].false_hold_rate == 2 / 3
    assert (table["language"]["fr"].approved, table["language"]["fr"].rejected) == (2, 1)
    assert (table["language"]["en"].approved, table["language"]["en"].rejected) == (0, 1)
    assert (table["category"]["slur"].approved, table["category"]["slur"].rejected) == (1, 1)
    assert table["reason"]["language_undetermined"].approved == 1 and "insult" in table["category"]
    assert sum(c.reviewed for c in table["language"].values()) == len(REVIEWS)  # one language per review


def test_removals_and_reinstatements():
    removals = [Removal("r1", "en", ("lexicon_severe",), ("slur",), reinstated=True),
                Removal("r2", "en", ("lexicon_severe", "threat"), ("slur",)),
                Removal("r3", "fr", ("threat",))]
    table = agreement_table([], removals)
    assert (table["reason"]["lexicon_severe"].removed, table["reason"]["lexicon_severe"].reinstated) == (2, 1)
    assert table["reason"]["threat"].reinstated_rate == 0 and table["category"]["slur"].reinstated_rate == 0.5
    assert table_json(table)["language"]["en"] == {"approved": 0, "rejected": 0, "removed": 2, "reinstated": 1,
                                                   "audit_kept": 0, "audit_missed": 0,
                                                   "false_hold_rate": None, "reinstated_rate": 0.5}


def test_series_by_day_and_prometheus_lines():
    assert agreement_series(REVIEWS) == [
        {"start": 0.0, "approved": 2, "rejected": 0, "false_hold_rate": 1.0},
        {"start": 86_400.0, "approved": 1, "rejected": 2, "false_hold_rate": 0.3333}]
    lines = prometheus_lines(agreement_table(REVIEWS))
    assert 'moderation_agreement_total{dimension="reason",value="toxicity_hold",verdict="approved"} 2' in lines
    assert lines[1] == "# TYPE moderation_agreement_total counter"


def test_cells_deduplicate_and_name_an_unknown_language():
    assert cells(None, ["a", "a", "b"], ["x", "x"]) == [("reason", "a"), ("reason", "b"), ("language", "unknown"),
                                                        ("category", "x")]
