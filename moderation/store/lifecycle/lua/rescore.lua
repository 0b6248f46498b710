-- rescored: an applied rescore replaces the decision in force, never a moderator's (rescore.py).
-- KEYS: head, rescored, history, audit, review, outbox, claim
-- ARGV: id, rev, run id, record json, new outcome, now, review priority ('' leaves the queue), event json,
--       expected old outcome,
--       deliver ("1": the platform gets the new decision, so the revision's delivery starts over)
local head = KEYS[1]
local state = redis.call('HMGET', head, F.rev, F.decided_rev, F.final, F.decision, F.rescore_run, F.rescore_rev)
if state[1] ~= ARGV[2] or state[2] ~= ARGV[2] then return 'stale' end
if state[3] == ARGV[2] then return 'moderated' end
if redis.call('EXISTS', KEYS[7]) == 1 then return 'claimed' end
if state[5] == ARGV[3] and state[6] == ARGV[2] then return 'already' end
if state[4] ~= ARGV[9] then return 'stale' end
redis.call('SET', KEYS[2], ARGV[4])
redis.call('HSET', head, F.decision, ARGV[5], F.updated_at, ARGV[6], F.rescore_run, ARGV[3],
           F.rescore_rev, ARGV[2], F.rescore_previous, ARGV[9])
if ARGV[10] == '1' then
  open_delivery(head, KEYS[6], ARGV[1], ARGV[2], ARGV[6])
end
redis.call('RPUSH', KEYS[3], ARGV[8])
redis.call('XADD', KEYS[4], '*', 'comment_id', ARGV[1], 'event', ARGV[8])
if ARGV[7] ~= '' then
  redis.call('ZADD', KEYS[5], ARGV[7], ARGV[1])
else
  redis.call('ZREM', KEYS[5], ARGV[1])
end
return 'applied'
