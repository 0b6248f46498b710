"""The Lua scripts of a comment's transitions: one file per transition in lua/, beside this package.

Each script is prefixed with keys.lua_table() (F: head field names, K: key prefixes), so a field
or key is spelled in store/keys.py only. The texts are read once, when the package is imported:
they are part of the code, like a template, not state.
"""

from __future__ import annotations

from pathlib import Path

from moderation.store import keys

_LUA = Path(__file__).with_name("lua")


def _read(name: str) -> str:
    return (_LUA / f"{name}.lua").read_text(encoding="utf-8")


def _script(*names: str) -> str:
    return keys.lua_table() + "".join(_read(name) for name in names)


RECORD_DECISIONS = _script("open_delivery", "decide")
CLAIM = _script("moderator_guard", "claim")
RELEASE = _script("release")
MODERATE = _script("open_delivery", "moderator_guard", "moderate")
APPLY_RESCORE = _script("open_delivery", "rescore")
SETTLE_DELIVERY = _script("settle_delivery")
REINSTATE = _script("reinstate")
