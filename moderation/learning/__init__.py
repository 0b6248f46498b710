"""Learning from the moderators: review records, agreement figures, calibration and training from reviews.

Reads the store only through `moderation.store.Store`'s public methods; nothing here writes to Redis.
"""
