"""The layering the code promises (docs/service.md), checked by reading it with `ast`.

- store/ is the bottom layer of the service: it imports nothing from rescore/, workers/, web/ or cli/;
- no import cycles between our modules, whether the imports are at module level or deferred into functions;
- only store/ writes a comment's keys, and inside store/ only the lifecycle and retention;
- Lua scripts spell no head field name of their own (they read them from keys.lua_table()).
"""

from __future__ import annotations

import ast
import re

from moderation.store import keys
from tests.support.imports import ROOT, cycles, graph, modules

UPPER_LAYERS = ("moderation.rescore", "moderation.web", "moderation.cli", "workers")
# Redis commands that change data.
WRITES = {"set", "setnx", "setex", "psetex", "mset", "getset", "getdel", "delete", "unlink", "expire", "pexpire",
          "hset", "hsetnx", "hmset", "hdel", "hincrby", "hincrbyfloat", "zadd", "zrem", "zincrby",
          "zremrangebyscore", "zremrangebyrank", "rpush", "lpush", "lpop", "rpop", "lrem", "ltrim", "lset",
          "xadd", "xtrim", "sadd", "srem", "incr", "incrby", "rename", "eval", "evalsha"}
# Key builders and fixed keys of a comment's state.
COMMENT_KEY_BUILDERS = {"comment", "revision", "decision", "rescored", "history", "claim"}
COMMENT_FIXED_KEYS = {"PENDING", "PENDING_JOBS", "REVIEW_QUEUE", "OUTBOX", "OUTBOX_JOBS", "AUDIT_STREAM"}
COMMENT_WRITERS = ("moderation.store.lifecycle", "moderation.store.retention")


def _in(name: str, prefixes) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


def test_store_imports_nothing_from_the_layers_above_it():
    edges = graph()
    arrows = [(m, t) for m, targets in edges.items() if _in(m, ("moderation.store",))
              for t in targets if _in(t, UPPER_LAYERS)]
    assert not arrows, arrows


def test_no_import_cycles_at_module_level():
    assert cycles(graph(top_level_only=True)) == []


def test_no_import_cycles_through_deferred_imports():
    assert cycles(graph()) == []


def _comment_key(node: ast.AST) -> bool:
    """Whether an expression names one of a comment's keys (keys.comment(...), keys.REVIEW_QUEUE, "mod:rev:...")."""
    for sub in ast.walk(node):
        if isinstance(sub, ast.Attribute) and isinstance(sub.value, ast.Name) and sub.value.id == "keys":
            if sub.attr in COMMENT_KEY_BUILDERS | COMMENT_FIXED_KEYS:
                return True
        if isinstance(sub, ast.Constant) and isinstance(sub.value, str) and sub.value.startswith(
                keys.COMMENT_KEY_PREFIXES):
            return True
    return False


def comment_key_writes(name: str, path) -> list[str]:
    """`file:line` of every Redis write in a module whose arguments name a comment's key."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in WRITES
                and any(_comment_key(arg) for arg in [*node.args, *(k.value for k in node.keywords)])):
            found.append(f"{name}:{node.lineno}")
    return found


def test_only_the_lifecycle_and_retention_write_a_comments_keys():
    writers = [hit for name, path in modules().items() if not _in(name, COMMENT_WRITERS)
               for hit in comment_key_writes(name, path)]
    assert writers == []


def test_the_write_check_sees_a_write(tmp_path):
    """The check above is not vacuous: it finds a head write written the way the old code wrote them."""
    sample = tmp_path / "sample.py"
    sample.write_text("def f(redis, cid):\n    redis.hset(keys.comment(cid), 'decision', 'keep')\n"
                      "    pipe.zadd(keys.REVIEW_QUEUE, {cid: 1})\n    redis.set('mod:rev:1:' + cid, 'x')\n")
    assert comment_key_writes("sample", sample) == ["sample:2", "sample:3", "sample:4"]


def _code_strings(path) -> list[str]:
    """String constants of a module that are not docstrings (docstrings name keys in prose)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
                  and node.body and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    return [node.value for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings]


def test_no_key_is_spelled_outside_store_keys():
    """Code (Python strings and the Lua inside them) builds every mod: key from store/keys.py."""
    key = re.compile(r"['\"]mod:|^mod:")
    spelled = sorted(name for name, path in modules().items() if name != "moderation.store.keys"
                     and any(key.search(value) for value in _code_strings(path)))
    assert spelled == []


def test_lua_scripts_spell_no_head_field():
    """Lua reads field names from F (keys.lua_table()): the lifecycle's scripts and retention's."""
    from moderation.store import retention

    quoted = re.compile(r"'([a-z_]+)'")
    fields = set(keys.HEAD_FIELDS)
    scripts = {path.name: path.read_text(encoding="utf-8")
               for path in (ROOT / "moderation" / "store" / "lifecycle" / "lua").glob("*.lua")}
    scripts.update(retention_text=retention.EXPIRE_TEXTS.replace(keys.lua_table(), ""),
                   retention_records=retention.DELETE_RECORDS.replace(keys.lua_table(), ""))
    spelled = {name: sorted(set(quoted.findall(script)) & fields) for name, script in scripts.items()}
    assert len(spelled) > 2 and all(not names for names in spelled.values()), spelled


def test_the_supported_languages_are_listed_once():
    """types.SUPPORTED_LANGUAGES is the one list; nothing else spells it out (docs/engine.md, adding a language)."""
    from moderation.types import SUPPORTED_LANGUAGES, UNDETERMINED

    listed = set(SUPPORTED_LANGUAGES)
    again = []
    for name, path in modules().items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.Tuple, ast.List, ast.Set)) and node.elts and all(
                    isinstance(e, ast.Constant) and isinstance(e.value, str) for e in node.elts):
                values = {e.value for e in node.elts}
                if listed <= values <= listed | {"any", UNDETERMINED}:
                    again.append(name)
    assert again == ["moderation.types"]


def test_every_metric_written_is_described_statically():
    """/metrics help lines come from one static table, whatever a process imported."""
    from moderation.store.metrics import DESCRIPTIONS

    name_argument = {"incr": 1, "observe": 1, "series": 0}  # incr(pipe, name, ...), series(name, ...)
    named = set()
    for path in modules().values():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            function = getattr(node.func, "attr", None) or getattr(node.func, "id", None)
            index = name_argument.get(function)
            if index is not None and len(node.args) > index and isinstance(node.args[index], ast.Constant):
                if str(node.args[index].value).startswith("moderation_"):
                    named.add(node.args[index].value)
    assert len(named) > 10 and named - DESCRIPTIONS.keys() == set()
