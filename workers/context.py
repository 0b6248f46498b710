"""What a worker process builds once and every job reuses: settings, Redis services, the engine.

The runner calls `configure(settings)` and `engine()` before the first job (the model loads once
per process, never per job). Jobs run by a plain `rq worker` still work: they configure lazily.
"""

from __future__ import annotations

import threading

from moderation.services import Services
from moderation.settings import Settings, load_settings

_lock = threading.Lock()
_state: dict[str, object] = {}


def configure(settings: Settings, services: Services | None = None) -> None:
    """Set this process's settings (and services, if already built)."""
    with _lock:
        _state.clear()
        _state["settings"] = settings
        if services is not None:
            _state["services"] = services


def settings() -> Settings:
    """This process's settings (loaded from config and env on first use if not configured)."""
    with _lock:
        if "settings" not in _state:
            _state["settings"] = load_settings()
        return _state["settings"]


def services() -> Services:
    """This process's Redis services."""
    current = settings()
    with _lock:
        if "services" not in _state:
            _state["services"] = Services(current)
        return _state["services"]


def engine():
    """This process's engine, built on first use and kept for every later job."""
    current = settings()
    with _lock:
        if "engine" not in _state:
            from moderation.engine import Engine  # heavy: only workers import it

            _state["engine"] = Engine.from_settings(current)
        return _state["engine"]


def loaded_engine():
    """The engine if already built, else None (failure handlers must not trigger a model load)."""
    return _state.get("engine")
