"""Wiring shared by the web process, the workers and the command line: one Redis client, the
store and the queues, built explicitly from settings (nothing connects until first used).
"""

from __future__ import annotations

from typing import Sequence

from moderation.queueing import CALLBACKS, MODERATE, QUEUES, backoff, enqueue_delivery, enqueue_moderation, make_queue
from moderation.settings import Settings, SettingsError
from moderation.store import Accepted, IncomingComment, Store
from moderation.store.lifecycle import deliver
from moderation.store.connection import connect


class Services:
    """The Redis client, store and queues of one process."""

    def __init__(self, settings: Settings, redis=None):
        if redis is None and not settings.redis_url:
            raise SettingsError("redis_url is not set: start through `moderation serve|worker|run` "
                                "(which start the embedded Redis) or set MODERATION_REDIS_URL")
        self.settings = settings
        self.redis = redis if redis is not None else connect(settings.redis_url)
        self.store = Store(self.redis)
        self.queues = {name: make_queue(self.redis, name) for name in QUEUES}
        self.retry = backoff(settings.job_retries, settings.retry_backoff_seconds)

    def accept(self, comments: Sequence[IncomingComment]) -> list[Accepted]:
        """Store comments and enqueue their moderation in one transaction."""
        return self.store.accept(comments, self.enqueue_moderation)

    def enqueue_moderation(self, pipe, items: Sequence[tuple[str, int]], queue: str = MODERATE) -> list[str]:
        """Queue moderate_comments jobs for (id, revision) items on `pipe`; one job id per item."""
        return enqueue_moderation(self.queues[queue], items, self.settings.worker_batch_size, self.retry,
                                  pipeline=pipe)

    def enqueue_delivery(self, items: Sequence[tuple[str, int]]) -> str | None:
        """Queue delivery of these decisions to the platform, if a callback URL is configured.

        The job and its outbox entries (store.lifecycle.deliver) are written in one transaction, so the
        recovery pass knows which job is to send each decision.
        """
        if not self.settings.callback_url or not items:
            return None
        retry = backoff(max(self.settings.job_retries, 1), self.settings.retry_backoff_seconds)
        with self.redis.pipeline() as pipe:
            pipe.multi()
            job_id = enqueue_delivery(self.queues[CALLBACKS], items, retry, pipeline=pipe)
            deliver.track(pipe, items, job_id)
            pipe.execute()
        return job_id

    def close(self) -> None:
        """Release the connection pool."""
        self.redis.close()
