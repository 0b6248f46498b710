"""What a worker process builds once and every job reuses: settings, Redis services, engines.

All of it lives in one WorkerContext object, the process's only cache: the runner calls
`configure(settings)` and `engine()` before the first job (the model loads once per process,
never per job). Jobs run by a plain `rq worker` still work: they configure lazily. RQ calls jobs
as plain functions, so the process's context is reached through this module's functions.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from moderation.services import Services
from moderation.settings import Settings, load_settings

if TYPE_CHECKING:
    from moderation.engine import Engine


class WorkerContext:
    """One worker process's settings, services, its engine and the rescoring engines it loaded."""

    def __init__(self, settings: Settings | None = None, services: Services | None = None,
                 engine: Engine | None = None):
        self._lock = threading.Lock()
        self._settings = settings
        self._services = services
        self._engine = engine
        self._rescore_engines: dict[tuple[str | None, Path], Engine] = {}

    def settings(self) -> Settings:
        """The settings (loaded from config and env on first use if not given)."""
        with self._lock:
            if self._settings is None:
                self._settings = load_settings()
            return self._settings

    def services(self) -> Services:
        """The Redis services, built on first use."""
        current = self.settings()
        with self._lock:
            if self._services is None:
                self._services = Services(current)
            return self._services

    def engine(self) -> Engine:
        """The engine of the configured model, built on first use and kept for every later job."""
        current = self.settings()
        with self._lock:
            if self._engine is None:
                from moderation.engine import Engine  # heavy: only workers import it

                self._engine = Engine.from_settings(current)
            return self._engine

    def loaded_engine(self) -> Engine | None:
        """The engine if already built, else None (failure handlers must not trigger a model load)."""
        return self._engine

    def rescore_engine(self, model: str | None, policy_text: str) -> Engine:
        """An engine for a rescoring run's --model under its candidate policy; one model load per model."""
        from moderation.rescore.engines import engine_for, engine_key, policy_from_text

        policy = policy_from_text(policy_text)
        if model is None:
            return self.engine().with_policy(policy)
        key = engine_key(model, self.settings())
        with self._lock:
            engine = self._rescore_engines.get(key)
        if engine is None:
            engine = engine_for(model, policy_text, base=self.settings())
            with self._lock:
                engine = self._rescore_engines.setdefault(key, engine)
        return engine.with_policy(policy)


_current = WorkerContext()


def configure(settings: Settings, services: Services | None = None, engine: Engine | None = None) -> None:
    """Start this process's context afresh with these settings (and services or engine, if already built)."""
    global _current
    _current = WorkerContext(settings, services, engine)


def reset() -> None:
    """Forget this process's context (tests); the next job configures lazily again."""
    global _current
    _current = WorkerContext()


def current() -> WorkerContext:
    """This process's context."""
    return _current


def settings() -> Settings:
    """This process's settings."""
    return _current.settings()


def services() -> Services:
    """This process's Redis services."""
    return _current.services()


def engine() -> Engine:
    """This process's engine."""
    return _current.engine()


def loaded_engine() -> Engine | None:
    """This process's engine if already built, else None."""
    return _current.loaded_engine()
