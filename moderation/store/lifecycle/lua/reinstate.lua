-- reinstated: the platform put a removed revision back (reinstate.py); recorded once per revision.
-- KEYS: head, history, audit, metrics
-- ARGV: id, rev, expected state ('' for an older revision, whose records no longer change; for the
--       decided revision "<decided_rev>|<decision>|<final>|<rescore_run>" as read when the removal
--       was checked), event json, then the agreement counter fields (`reinstated` cells; none when
--       a moderator made the removal)
local state = redis.call('HMGET', KEYS[1], F.rev, F.decided_rev, F.decision, F.final, F.rescore_run, F.reinstated)
if not state[1] then return 'unknown' end
local done = state[6] or ''
if string.find(' ' .. done .. ' ', ' ' .. ARGV[2] .. ' ', 1, true) then return 'already' end
if ARGV[3] ~= '' then
  local now = (state[2] or '') .. '|' .. (state[3] or '') .. '|' .. (state[4] or '') .. '|' .. (state[5] or '')
  if now ~= ARGV[3] then return 'stale' end
end
if done == '' then done = ARGV[2] else done = done .. ' ' .. ARGV[2] end
redis.call('HSET', KEYS[1], F.reinstated, done)
redis.call('RPUSH', KEYS[2], ARGV[4])
redis.call('XADD', KEYS[3], '*', 'comment_id', ARGV[1], 'event', ARGV[4])
for i = 5, #ARGV do
  redis.call('HINCRBY', KEYS[4], ARGV[i], 1)
end
return 'ok'
