"""Live agreement figures (store/agreement.py) against a hand count, through the real service:
redis-server, gunicorn, an RQ worker, the webhook and the review API."""

from __future__ import annotations

import urllib.request
from collections import Counter
from pathlib import Path

import pytest

from moderation.learning.replay import _api, load_rows, post_all, scripted_moderator, split_rows
from tests.conftest import REVIEW_TOKEN

pytestmark = pytest.mark.e2e
FORUM = Path(__file__).resolve().parents[3] / "shared" / "data" / "fr_toxifrench_agreement_sample.csv"


@pytest.mark.skipif(not FORUM.is_file(), reason="../shared/data not present")
def test_agreement_counters_match_a_hand_count_of_the_moderators_decisions(make_service):
    reviewed, _ = split_rows(load_rows(FORUM, prefix="agree"), 40)
    rows = reviewed[:60]
    service = make_service()
    service.start_worker()
    answers = post_all(service.client, rows, timeout=120)
    held = {i: a["decision"] for i, a in answers.items() if a["decision"]["decision"] == "hold"}
    assert held, "no comment held: nothing to count"
    labels = {r.id: r.label for r in rows}
    done = scripted_moderator(service.url, REVIEW_TOKEN, labels)  # rejects the toxic, approves the rest
    assert done["approve"] + done["reject"] == len(held)

    # the hand count: each held comment's reasons and language, from the decisions intake answered
    expected: Counter = Counter()
    for comment_id, decision in held.items():
        verdict = "rejected" if labels[comment_id] else "approved"
        for reason in decision["reasons"]:
            expected[("reason", reason, verdict)] += 1
        expected[("language", decision["language"], verdict)] += 1
        for category in {hit["category"] for hit in decision.get("slurs") or ()}:
            expected[("category", category, verdict)] += 1

    status, figures = _api(f"{service.url}/v1/review/figures", REVIEW_TOKEN)
    assert status == 200
    counted = Counter({(dimension, value, verdict): cell[verdict]
                       for dimension, values in figures["agreement"].items() for value, cell in values.items()
                       for verdict in ("approved", "rejected") if cell[verdict]})
    assert counted == expected
    days = figures["agreement_daily"]
    assert sum(d["approved"] for d in days) == done["approve"] and sum(d["rejected"] for d in days) == done["reject"]

    with urllib.request.urlopen(f"{service.url}/metrics", timeout=30) as answer:
        metrics = answer.read().decode("utf-8")
    language = next(iter(held.values()))["language"]
    line = f'moderation_agreement_total{{dimension="language",value="{language}",verdict="approved"}}'
    if expected[("language", language, "approved")]:
        assert f"{line} {expected[('language', language, 'approved')]}" in metrics
    assert "# TYPE moderation_agreement_total counter" in metrics
