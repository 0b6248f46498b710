-- released: a moderator lets go of their claim; another moderator's claim is left alone (moderate.py).
-- KEYS: claim. ARGV: moderator
local current = redis.call('GET', KEYS[1])
if not current then return {'not_claimed'} end
if cjson.decode(current)['by'] ~= ARGV[1] then return {'claimed', current} end
redis.call('DEL', KEYS[1])
return {'ok'}
