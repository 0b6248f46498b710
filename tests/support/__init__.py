"""Helpers shared by tests: fixtures that build small real artefacts (models, data) on the fly."""
