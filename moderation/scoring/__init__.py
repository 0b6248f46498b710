"""Toxicity scorers behind one small interface (see base.py)."""
