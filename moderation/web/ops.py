"""Operations: /healthz (Redis, queues, workers) and /metrics (Prometheus text)."""

from __future__ import annotations

from flask import Blueprint, Response, jsonify
from redis.exceptions import RedisError
from rq.registry import FailedJobRegistry

from moderation.queueing import QUEUES
from moderation.store import keys, metrics, review_figures, workers
from moderation.web.context import services

bp = Blueprint("ops", __name__)


def snapshot() -> dict:
    """Queue depths, pending count, review size and live workers, read from Redis."""
    svc = services()
    pipe = svc.redis.pipeline(transaction=False)
    for name in QUEUES:
        pipe.llen(svc.queues[name].key)
    pipe.zcard(keys.PENDING)
    pipe.zcard(keys.REVIEW_QUEUE)
    pipe.zcard(keys.OUTBOX)
    replies = pipe.execute()
    return {"queues": dict(zip(QUEUES, replies[:len(QUEUES)])), "pending": replies[-3], "review": replies[-2],
            "undelivered": replies[-1], "workers": workers.alive(svc.redis)}


@bp.get("/healthz")
def healthz():
    """200 when Redis answers (status "degraded" if no worker is alive), 503 when it does not."""
    try:
        state = snapshot()  # its reads fail like a PING would when Redis is down
    except RedisError as exc:
        return jsonify({"status": "down", "redis": "unreachable", "error": type(exc).__name__}), 503
    status = "ok" if state["workers"] else "degraded"
    return jsonify({"status": status, "redis": "ok", "queues": state["queues"], "pending": state["pending"],
                    "review_queue": state["review"], "workers_alive": len(state["workers"])})


@bp.get("/metrics")
def prometheus():
    """Counters shared through Redis plus live gauges, in Prometheus text format."""
    svc = services()
    state = snapshot()
    gauges = {metrics.series("moderation_queue_depth", {"queue": q}): n for q, n in state["queues"].items()}
    for name in QUEUES:
        registry = FailedJobRegistry(name, connection=svc.redis, serializer=svc.queues[name].serializer)
        gauges[metrics.series("moderation_failed_jobs", {"queue": name})] = registry.count
    gauges["moderation_pending_revisions"] = state["pending"]
    gauges["moderation_review_queue_size"] = state["review"]
    gauges["moderation_undelivered_decisions"] = state["undelivered"]
    gauges["moderation_workers_alive"] = len(state["workers"])
    gauges.update(review_figures.gauges(svc.redis))  # review queue: oldest age, median hold->decision
    # Moderators' names are personal data and /metrics needs no credentials: summed unless asked for
    # (MODERATION_METRICS_PER_MODERATOR); GET /v1/review/figures has them behind a moderator token.
    aggregate = {} if svc.settings.metrics_per_moderator else {review_figures.DECISIONS_SERIES: "moderator"}
    return Response(metrics.render(svc.redis, gauges, aggregate), mimetype="text/plain; version=0.0.4")
