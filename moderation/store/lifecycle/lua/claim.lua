-- claimed: a moderator holds a queued comment for a while (moderate.py).
-- KEYS: head, review, claim. ARGV: id, moderator, claim json, ttl ms
redis.call('SET', KEYS[3], ARGV[3], 'PX', ARGV[4])
if current then return {'refreshed', ARGV[3]} end
return {'ok', ARGV[3]}
