"""Reach the app's Services (Redis client, store, queues) from a request."""

from __future__ import annotations

from flask import current_app

from moderation.services import Services


def services() -> Services:
    """The Services object create_app attached to this app."""
    return current_app.extensions["moderation"]
