"""Retention: decided comments give up their text and evidence, later their whole record.

Two stages, each a sweep over comments in order of first receipt (`mod:index:received`):

* text   (settings.text_retention_days, default 30): once a comment's latest revision is decided,
         it is not waiting for a moderator, its decision is delivered (when a callback is set), and
         it has not changed for that long, its revision texts and decision evidence are deleted:
         `mod:rev:*` keep only revision, received time and content hash (and go entirely for a
         comment's only revision, whose head has both), `mod:decision:*` only the compact decision
         (outcome, reasons, language, policy, model, time, job, source), `mod:rescored:*` and the
         `mod:index:created` entry go. The head hash (outcome, language, article, times, delivery) and the
         audit trail stay (rebuilt from those compact records); the head gets `text_expired_at`.
* record (settings.record_retention_days, default 365): after that long without a change, the
         head, the audit trail, every index entry and any outbox entry left go too; the audit
         stream is trimmed to the same window.

A held comment never expires before a moderator decides. Every check and delete runs inside one
Lua call per page of ids, so an edit, a moderator or a delivery arriving meanwhile cannot be lost.
A comment not yet eligible goes to the stage's waiting set with the time to look again; the
sweep's cursor (score and id of the last comment looked at) makes each sweep start where the last
one stopped, so a sweep's work is proportional to what is new, not to the store's size.
Comments are exported for archiving before they go: `moderation export` (moderation/export.py).
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from redis import Redis

from moderation.store import keys
from moderation.store.cursor import Cursor, decode, encode, page_after
from moderation.store.codec import pack
from moderation.store.models import loads, text
from moderation.types import SUPPORTED_LANGUAGES, UNDETERMINED

DAY = 86400.0
PAGE = 500
# What the text stage keeps of each revision record and decision: what the audit trail's received
# and decided events are rebuilt from (store/history.py); text, author, article, scores, lexicon
# hits and details go.
COMPACT_REVISION = ("rev", "received_at", "hash")
COMPACT_DECISION = ("id", "revision", "decision", "reasons", "language", "policy_version", "model",
                    "decided_at", "job_id", "source")
RECHECK_SECONDS = 3600.0  # held or undelivered comments are looked at again this often (at most)
LOCK = keys.RETENTION_LOCK

# Per id: 'gone' (no such comment), 'done' (nothing left to do in this stage) or the epoch second to
# look again. Key names follow moderation/store/keys.py (and moderation/store/keys.py).
# KEYS: review queue. ARGV: now, keep seconds, recheck seconds, callback configured ("1"/"0"), ids...
_COMMON = keys.lua_table() + """
local now, keep, recheck, callback = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), ARGV[4]
local out = {}
local function waiting(id, h)
  -- h: rev, status, decision, final, decided_rev, delivery, delivery_rev, updated_at, received_at
  if h[2] ~= 'decided' then return now + recheck end
  if redis.call('ZSCORE', KEYS[1], id) or (h[3] == 'hold' and h[4] ~= h[5]) then return now + recheck end
  if callback == '1' and (h[6] == false or h[6] == 'pending' or h[6] == 'retrying' or h[7] ~= h[5]) then
    return now + recheck
  end
  local last = math.max(tonumber(h[8] or 0), tonumber(h[9] or 0))
  if now - last < keep then return last + keep end
  return nil
end
local function drop_texts(id, rev)
  for n = 1, tonumber(rev) do
    redis.call('DEL', K.rev .. n .. ':' .. id, K.decision .. n .. ':' .. id,
               K.rescored .. n .. ':' .. id)
  end
end
local function drop_outbox(id, rev)
  -- a settled delivery has left mod:outbox already; an entry left by a callback URL since removed
  -- must not outlive its comment
  for n = 1, tonumber(rev) do
    redis.call('ZREM', K.outbox, n .. ':' .. id)
    redis.call('HDEL', K.outbox_jobs, n .. ':' .. id)
  end
end
local FIELDS = {F.rev, F.status, F.decision, F.final, F.decided_rev, F.delivery, F.delivery_rev, F.updated_at,
                F.received_at, F.text_expired_at, F.article_id, F.language}
"""
# Text stage ARGV after the common four: per id, the id, the latest revision the caller read, then
# per revision its compact revision record and compact decision (packed; "" where it has none).
EXPIRE_TEXTS = _COMMON + """
local i = 5
while i <= #ARGV do
  local id, seen = ARGV[i], ARGV[i + 1]
  local n = 2 * tonumber(seen)
  local h = redis.call('HMGET', K.comment .. id, unpack(FIELDS))
  if not h[1] then out[#out + 1] = 'gone'
  elseif h[10] then out[#out + 1] = 'done'
  else
    local later = waiting(id, h)
    if later then out[#out + 1] = tostring(later)
    elseif h[1] ~= seen then out[#out + 1] = tostring(now)  -- edited since we read it: next sweep
    else
      for r = 1, tonumber(seen) do
        local compact = {ARGV[i + 2 * r], ARGV[i + 2 * r + 1]}
        local names = {K.rev .. r .. ':' .. id, K.decision .. r .. ':' .. id}
        for k = 1, 2 do
          if compact[k] == '' then redis.call('DEL', names[k]) else redis.call('SET', names[k], compact[k]) end
        end
        redis.call('DEL', K.rescored .. r .. ':' .. id)
      end
      redis.call('HSET', K.comment .. id, F.text_expired_at, now)
      -- only rescoring selects by created time, and it skips expired comments
      redis.call('ZREM', K.index_created, id)
      out[#out + 1] = 'done'
    end
  end
  i = i + 2 + n
end
return out
"""
# Extra ARGV after the ids' marker: none; the language indexes come from ARGV[5] (comma-separated).
DELETE_RECORDS = _COMMON + """
local languages = ARGV[5]
for i = 6, #ARGV do
  local id = ARGV[i]
  local head = K.comment .. id
  local h = redis.call('HMGET', head, unpack(FIELDS))
  if not h[1] then out[#out + 1] = 'gone'
  elseif not h[10] then out[#out + 1] = tostring(now + recheck)  -- the text stage goes first
  else
    local later = waiting(id, h)
    if later then out[#out + 1] = tostring(later)
    else
      drop_texts(id, h[1])
      drop_outbox(id, h[1])
      redis.call('DEL', head, K.history .. id)
      redis.call('ZREM', K.index_received, id)
      redis.call('ZREM', K.index_created, id)
      if h[11] then redis.call('ZREM', K.article .. h[11], id) end
      for language in string.gmatch(languages, '[^,]+') do
        redis.call('ZREM', K.language .. language, id)
      end
      out[#out + 1] = 'gone'
    end
  end
end
return out
"""


@dataclass(frozen=True)
class Stage:
    name: str
    script: str
    keep_seconds: float

    @property
    def cursor_key(self) -> str:
        return keys.retention_cursor(self.name)  # STRING "<score> <id>" of the last comment looked at

    @property
    def waiting_key(self) -> str:
        return keys.retention_waiting(self.name)  # ZSET id -> epoch second to look again (keys.py)


def stages(settings) -> tuple[Stage, Stage]:
    """The text stage, then the record stage, with the configured retention."""
    return (Stage("text", EXPIRE_TEXTS, settings.text_retention_days * DAY),
            Stage("record", DELETE_RECORDS, settings.record_retention_days * DAY))


def compact(record: dict | None, keep: tuple[str, ...]) -> bytes:
    """What stays of a record once its text or evidence goes ("" when there is no record)."""
    return b"" if record is None else pack({k: record[k] for k in keep if k in record})


def _compact_records(redis: Redis, ids: list[str]) -> list[list]:
    """Per id: [id, latest revision, then per revision its compact revision and decision]."""
    pipe = redis.pipeline(transaction=False)
    for comment_id in ids:
        pipe.hget(keys.comment(comment_id), "rev")
    revs = [int(text(rev) or 0) for rev in pipe.execute()]
    pipe = redis.pipeline(transaction=False)
    for comment_id, rev in zip(ids, revs):
        pipe.mget([keys.revision(comment_id, n) for n in range(1, rev + 1)] or [keys.revision(comment_id, 0)])
        pipe.mget([keys.decision(comment_id, n) for n in range(1, rev + 1)] or [keys.decision(comment_id, 0)])
    records = pipe.execute()
    groups = []
    for i, (comment_id, rev) in enumerate(zip(ids, revs)):
        group: list = [comment_id, rev]
        for raw_rev, raw_decision in zip(records[2 * i][:rev], records[2 * i + 1][:rev]):
            # A comment's only revision: the head has its received time and hash (store/history.py)
            kept_rev = b"" if rev == 1 else compact(loads(raw_rev), COMPACT_REVISION)
            group += [kept_rev, compact(loads(raw_decision), COMPACT_DECISION)]
        groups.append(group)
    return groups


def _run(redis: Redis, stage: Stage, ids: list[str], now: float, callback: bool) -> list[str]:
    args = [now, stage.keep_seconds, min(RECHECK_SECONDS, max(stage.keep_seconds, 1.0)), "1" if callback else "0"]
    if stage.name == "record":
        args += [",".join((*SUPPORTED_LANGUAGES, UNDETERMINED)), *ids]
    else:
        args += [value for group in _compact_records(redis, ids) for value in group]
    return [text(r) for r in redis.register_script(stage.script)(keys=[keys.REVIEW_QUEUE], args=args)]


def _settle(redis: Redis, stage: Stage, ids: list[str], results: list[str]) -> int:
    """Queue not-yet-eligible ids in the waiting set, drop finished ones from it; count finished."""
    pipe = redis.pipeline(transaction=False)
    finished = 0
    for comment_id, result in zip(ids, results):
        if result in ("done", "gone"):
            pipe.zrem(stage.waiting_key, comment_id)
            finished += 1
        else:
            pipe.zadd(stage.waiting_key, {comment_id: float(result)})
    pipe.execute()
    return finished


def _new_candidates(redis: Redis, stage: Stage, cutoff: float, limit: int) -> tuple[list[str], Cursor | None]:
    """Ids received after the stage's cursor and up to the cutoff, and the cursor after them."""
    rows = page_after(redis, keys.INDEX_RECEIVED, decode(redis.get(stage.cursor_key)), cutoff, limit)
    return [m for m, _ in rows], ((rows[-1][1], rows[-1][0]) if rows else None)


def sweep_stage(redis: Redis, stage: Stage, now: float, callback: bool, limit: int = 10_000) -> dict[str, int]:
    """One pass of a stage: due waiting ids, then new candidates; return counts."""
    finished = looked = 0
    due = [text(m) for m in redis.zrangebyscore(stage.waiting_key, "-inf", now, start=0, num=limit)]
    for start in range(0, len(due), PAGE):
        chunk = due[start:start + PAGE]
        finished += _settle(redis, stage, chunk, _run(redis, stage, chunk, now, callback))
        looked += len(chunk)
    while looked < limit:
        ids, cursor = _new_candidates(redis, stage, now - stage.keep_seconds, min(PAGE, limit - looked))
        if not ids:
            break
        finished += _settle(redis, stage, ids, _run(redis, stage, ids, now, callback))
        redis.set(stage.cursor_key, encode(cursor))
        looked += len(ids)
    return {"looked": looked, "finished": finished}


def sweep(redis: Redis, settings, now: float | None = None, limit: int = 10_000) -> dict[str, dict[str, int]]:
    """Run both stages once and trim the audit stream; return what each stage did."""
    now = time.time() if now is None else now
    callback = bool(settings.callback_url)
    done = {stage.name: sweep_stage(redis, stage, now, callback, limit) for stage in stages(settings)}
    min_id = int((now - settings.record_retention_days * DAY) * 1000)
    if min_id > 0:
        redis.xtrim(keys.AUDIT_STREAM, minid=str(min_id), approximate=False)
    return done


def sweep_if_leader(redis: Redis, settings, interval: float) -> dict[str, dict[str, int]] | None:
    """Sweep unless another worker did within `interval` seconds (a short lock, never waited on)."""
    if not redis.set(LOCK, "1", nx=True, px=int(interval * 1000)):
        return None
    return sweep(redis, settings)
