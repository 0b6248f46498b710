-- approved / rejected: a moderator's decision, final for its revision (moderate.py).
-- KEYS: head, review, claim, history, audit, metrics, waits, outbox, agreement daily
-- ARGV: id, moderator, outcome, now, expected rev, event json, counter series, wait, waits kept,
--       reason, deliver ("1": the platform gets this decision, so its delivery starts over),
--       agreement day field, then the agreement counter series (store/agreement.py)
local rev = redis.call('HGET', KEYS[1], F.decided_rev)
if rev ~= ARGV[5] then return {'stale', rev or ''} end
redis.call('HSET', KEYS[1], F.decision, ARGV[3], F.final, rev, F.updated_at, ARGV[4],
           F.review_by, ARGV[2], F.review_at, ARGV[4], F.review_reason, ARGV[10])
if ARGV[11] == '1' then
  open_delivery(KEYS[1], KEYS[8], ARGV[1], rev, ARGV[4])
end
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('DEL', KEYS[3])
redis.call('RPUSH', KEYS[4], ARGV[6])
redis.call('XADD', KEYS[5], '*', 'comment_id', ARGV[1], 'event', ARGV[6])
redis.call('HINCRBY', KEYS[6], ARGV[7], 1)
redis.call('LPUSH', KEYS[7], ARGV[8])
redis.call('LTRIM', KEYS[7], 0, tonumber(ARGV[9]) - 1)
redis.call('HINCRBY', KEYS[9], ARGV[12], 1)
for i = 13, #ARGV do
  redis.call('HINCRBY', KEYS[6], ARGV[i], 1)
end
return {'ok', rev}
