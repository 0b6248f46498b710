-- Shared head of claim.lua and moderate.lua: the comment exists, is queued, and nobody else holds it.
-- KEYS[1..3]: head, review, claim. ARGV[1..2]: id, moderator.
if redis.call('EXISTS', KEYS[1]) == 0 then return {'unknown'} end
if not redis.call('ZSCORE', KEYS[2], ARGV[1]) then return {'not_queued'} end
local current = redis.call('GET', KEYS[3])
if current and cjson.decode(current)['by'] ~= ARGV[2] then return {'claimed', current} end
