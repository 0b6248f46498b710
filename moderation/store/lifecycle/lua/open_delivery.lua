-- Opened in the same call that writes a decision the platform must get (the machine's, a
-- moderator's, an applied rescore's): the head says pending, delivery_seq goes up by one (so an
-- older send can no longer settle it) and the revision enters the outbox (deliver.py).
local function open_delivery(head, outbox, id, rev, now)
  redis.call('HSET', head, F.delivery, 'pending', F.delivery_attempts, 0, F.delivery_rev, rev)
  redis.call('HINCRBY', head, F.delivery_seq, 1)
  redis.call('ZADD', outbox, now, rev .. ':' .. id)
end
