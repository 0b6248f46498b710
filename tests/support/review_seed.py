"""Fill the review queue the way production does: intake (Store.accept), the real engine's
lexicon and policy, and the service's decision recording (Store.record_decisions).

The scorer is a fixed one: these tests are about the review queue, not about toxicity models,
and a fixed score keeps "which comments are held" decided by the curated lexicon and the real
policy (a strong insult holds) rather than by whichever linear model was trained last.
"""

from __future__ import annotations

import dataclasses
import itertools
from typing import Sequence

from moderation.engine import Engine
from moderation.policy import load_policy
from moderation.settings import load_settings
from moderation.store import IncomingComment, Store
from moderation.types import LABELS, CommentInput

_jobs = itertools.count()


class FixedScorer:
    """Scores every text the same (default: below every hold threshold)."""

    model_id = "fixed-test-scorer"
    labels = LABELS

    def __init__(self, toxicity: float = 0.2):
        self.toxicity = toxicity

    def score(self, texts, languages):
        return [{label: (self.toxicity if label == "toxicity" else 0.01) for label in LABELS} for _ in texts]


def make_engine(toxicity: float = 0.2) -> Engine:
    """The real engine (lexicons, language detection, policy) with a fixed scorer.

    The policy also holds undetermined text (`hold_undetermined`, off in the shipped policy), so
    that "zzkx qwv plorb" gives the queue an item of each kind: language, lexicon and score holds.
    It asks neither the second opinion nor the group-stance reading: the fixed score stands for the
    model's verdict on harmless stand-in texts ("I strongly disagree with this whole piece."),
    which either might release.
    """
    settings = load_settings(environ={})
    policy = dataclasses.replace(load_policy(settings.resolved_policy_path), hold_undetermined=True,
                                 second_opinion_keep_below=None, group_stance_written_below=None)
    return Engine.from_settings(settings, scorer=FixedScorer(toxicity), policy=policy)


def _seed_job_ids(pipe, items):
    # Intake normally enqueues RQ jobs on the same transaction; here the test decides in-process.
    return [f"seed-{next(_jobs)}" for _ in items]


def moderate(store: Store, engine: Engine, comments: Sequence[IncomingComment]) -> list[dict]:
    """Accept comments, decide them with the engine, record the decisions; return the decisions."""
    accepted = store.accept(comments, _seed_job_ids)
    fresh = [(c, a.revision) for c, a in zip(comments, accepted) if not a.duplicate]
    decisions = engine.decide([CommentInput(c.id, c.text, c.author, c.language) for c, _ in fresh])
    records = store.revisions([(c.id, rev) for c, rev in fresh])
    items = [(rev, d.to_json(), record["received_at"]) for (c, rev), d, record in zip(fresh, decisions, records)]
    store.record_decisions(items, job_id="seed")
    return [d.to_json() for d in decisions]


def comment(comment_id: str, text: str, author: str | None = "reader", article: str | None = "a1",
            language: str | None = None, title: str | None = None) -> IncomingComment:
    """An incoming comment with an article."""
    art = {"id": article, "title": title or f"Article {article}", "url": f"https://news.example/{article}"} \
        if article else None
    return IncomingComment(id=comment_id, text=text, author=author, article=art, language=language)
