-- delivered / retrying / failed: the result of one delivery attempt (deliver.py).
-- KEYS: head, outbox, outbox jobs, history, audit
-- ARGV: member, rev, seq read before sending, state ('' keeps the state), attempts, history entry (packed
--       event, '' none), audit entry (plain JSON event, '' none: routine events stay out of mod:audit),
--       terminal ('1': delivered or failed, the entry leaves the outbox), now, delivered ('' unless a 2xx:
--       the head's `delivered` value "<at> <rev> <attempts>", store/history.py), the head's `delivered`
--       read by the caller ('' none), that value as a packed event (it moves into the history list)
-- Returns 1 (settled), 0 (the delivery was opened again meanwhile) or -1 (the head's `delivered` changed
-- since the caller read it: nothing written, read again).
if redis.call('EXISTS', KEYS[1]) == 0 then
  redis.call('ZREM', KEYS[2], ARGV[1])
  redis.call('HDEL', KEYS[3], ARGV[1])
  return 0
end
local state = redis.call('HMGET', KEYS[1], F.delivery_rev, F.delivery_seq, F.delivered)
if ARGV[10] ~= '' and (state[3] or '') ~= ARGV[11] then return -1 end
local rev, seq = state[1], state[2] or ''
local ours = (not rev) or tonumber(ARGV[2]) > tonumber(rev) or (rev == ARGV[2] and seq == ARGV[3])
local superseded = rev and tonumber(ARGV[2]) < tonumber(rev)
if ARGV[10] ~= '' then
  if ARGV[12] ~= '' then redis.call('RPUSH', KEYS[4], ARGV[12]) end
  redis.call('HSET', KEYS[1], F.delivered, ARGV[10])
end
if ours and ARGV[4] ~= '' then
  redis.call('HSET', KEYS[1], F.delivery, ARGV[4], F.delivery_attempts, ARGV[5], F.delivery_rev, ARGV[2],
             F.updated_at, ARGV[9])
end
if (ours and ARGV[8] == '1') or superseded then
  redis.call('ZREM', KEYS[2], ARGV[1])
  redis.call('HDEL', KEYS[3], ARGV[1])
end
if ARGV[6] ~= '' then redis.call('RPUSH', KEYS[4], ARGV[6]) end
if ARGV[7] ~= '' then
  local id = string.sub(ARGV[1], string.len(ARGV[2]) + 2)
  redis.call('XADD', KEYS[5], '*', 'comment_id', id, 'event', ARGV[7])
end
if ours then return 1 end
return 0
