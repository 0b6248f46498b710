"""Redis as the system of record: comments, revisions, decisions, audit trail (see keys.py)."""

from moderation.store.models import Accepted, IncomingComment
from moderation.store.repository import SchemaMismatch, Store

__all__ = ["Accepted", "IncomingComment", "SchemaMismatch", "Store"]
