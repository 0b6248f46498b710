"""Comment moderation: decide keep / hold / remove for reader comments in English and French, and say why."""

__version__ = "0.1.0"
