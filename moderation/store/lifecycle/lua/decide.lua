-- decided: the machine's decision for a revision, written once (decide.py).
-- KEYS: pending, pending_jobs, review, metrics, outbox, then per item: head, decision
-- ARGV: now, deliver ("1": a callback URL is set, open the delivery of each new latest decision), then per
--       item: id, rev, decision (store.codec), outcome, language, pending member, review priority ('' when
--       the decision does not enter the review queue), decisions counter field, removal counter fields
--       (agreement `removed` cells, newline-separated; '' unless a removal)
-- The head moves only for the latest revision, and never over a moderator's decision of it (final);
-- a removal counts in the agreement figures when it becomes the decision in force, so once per revision.
local now = ARGV[1]
local written = {}
for i = 0, (#KEYS - 5) / 2 - 1 do
  local k, a = 6 + i * 2, 3 + i * 9
  local head, dkey = KEYS[k], KEYS[k + 1]
  local id, rev, outcome = ARGV[a], ARGV[a + 1], ARGV[a + 3]
  if redis.call('EXISTS', dkey) == 1 then
    written[i + 1] = 0
  else
    written[i + 1] = 1
    redis.call('SET', dkey, ARGV[a + 2])
    redis.call('ZREM', KEYS[1], ARGV[a + 5])
    redis.call('HDEL', KEYS[2], ARGV[a + 5])
    local head_rev = redis.call('HGET', head, F.rev)
    local final = redis.call('HGET', head, F.final)
    if head_rev == rev and final ~= rev then
      redis.call('HSET', head, F.status, 'decided', F.decision, outcome, F.decided_rev, rev,
                 F.language, ARGV[a + 4], F.updated_at, now)
      if ARGV[a + 6] ~= '' then
        redis.call('ZADD', KEYS[3], ARGV[a + 6], id)
      else
        redis.call('ZREM', KEYS[3], id)
      end
      for field in string.gmatch(ARGV[a + 8], '[^\n]+') do
        redis.call('HINCRBY', KEYS[4], field, 1)
      end
      if ARGV[2] == '1' then
        open_delivery(head, KEYS[5], id, rev, now)
      end
    end
    redis.call('HINCRBY', KEYS[4], ARGV[a + 7], 1)
  end
end
return written
