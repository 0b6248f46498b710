"""Compact values for the big per-comment records: revision texts, decisions and audit events.

Each of these is a small JSON document (a few hundred bytes) whose keys and common values repeat
from one comment to the next but not within one, so plain zlib saves little. Deflate with a preset
dictionary of those keys and values and of frequent English and French words (codec_words.py)
makes a decision about a third of its JSON size and a 250-character comment with its revision
record about 230 bytes. Measured:
bench/bench_memory.py, BENCHMARKS.md.

Format: MARK + raw deflate with DICTIONARY. MARK begins with a NUL byte, which no JSON document
does, so values written as plain JSON (before this codec, or by code that does not use it) are
read as before: `unpack` accepts both. DICTIONARY is part of the stored format: never edit it;
add a new mark and dictionary instead.
"""

from __future__ import annotations

import json
import zlib
from typing import Any

from moderation.store.codec_words import WORDS

MARK = b"\x00z1"

# Later bytes are cheaper to refer to: the most common pieces come last. Frequent English and
# French words first (for the texts), then the records' keys and common values.
DICTIONARY = WORDS.encode("utf-8") + (
    '"language_hint":null,"created_at":null,"language":null,"title":"url":"https://'
    '"delivery_failed","delivery_retrying","rescore","moderator:","scoring_failed","edited text received"'
    '"slurs":[{"term":"category":"severity":"start":"end":"matched":"field":"text","quoted":false,'
    '"insult","profanity","identity_attack","threat","sexual_explicit","obscene","severe_toxicity",'
    '"reasons":["below_thresholds"],"toxicity_hold","toxicity_remove","lexicon_remove","lexicon_hold",'
    '"details":{"language_source":"detected","hint","lexicon_version":"lex-","thresholds":{"hold":0.'
    ',"remove":0.95}},"decided_at":17,"job_id":"","source":"machine"}'
    '{"id":"","language":"en","language":"fr","language":"und","language_confidence":1.0,"scores":'
    '{"toxicity":0.0,"identity_attack":0.0,"insult":0.0},"slurs":[],"decision":"keep","decision":"hold",'
    '"decision":"remove","reasons":[],"policy_version":"2026-","model":"linear-v1","model":"detoxify-'
    '{"at":17,"type":"decided","actor":"machine","revision":1,"what":"keep","why":"below_thresholds",'
    '"job_id":"","policy_version":"2026-","model":"linear-v1"}'
    '{"at":17,"type":"delivered","actor":"service","revision":1,"what":"delivered","why":"2xx","attempts":1}'
    '{"at":17,"type":"received","actor":"platform","revision":1,"what":"received","hash":"'
    '"slurs":[{"term":"","category":"","severity":"mild","target":null,"start":0,"end":0,"matched":"",'
    '"field":"text","language":"en","quoted":false}'
    '{"id":"","text":"","author":"","article":{"id":""},"created_at":"20","language":null,"rev":1,'
    '"received_at":17'
).encode("utf-8")


def pack(value: Any) -> bytes:
    """Compact JSON, deflated with the dictionary when that is shorter."""
    raw = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    deflate = zlib.compressobj(9, zlib.DEFLATED, -15, 9, zlib.Z_DEFAULT_STRATEGY, DICTIONARY)
    packed = MARK + deflate.compress(raw) + deflate.flush()
    return packed if len(packed) < len(raw) else raw


def unpack(value: bytes | str) -> Any:
    """Read pack()'s output, or plain JSON."""
    if isinstance(value, bytes) and value.startswith(MARK):
        inflate = zlib.decompressobj(-15, DICTIONARY)
        return json.loads(inflate.decompress(value[len(MARK):]) + inflate.flush())
    return json.loads(value)
