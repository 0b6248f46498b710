"""Training the project's own toxicity model (scikit-learn at training time only)."""
