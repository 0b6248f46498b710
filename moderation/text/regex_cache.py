"""Compiled regular expressions kept on disk between processes: most of the targeting rules' load time.

config/targets/ expands its word lists into about 220 patterns of 300,000 characters in all, and
Python's `re` parses and compiles patterns in pure Python: about a second of every worker's and
`moderation score`'s start-up on our 2-core machines. What `re` hands to its C engine at the end
(`_sre.compile`: flags, a list of integer opcodes, group names) is plain data, so after a first
load it is written with `marshal` (data only: loading it cannot run code) and the next process
goes straight to the C engine (about 50 times faster).

Safe by construction: one file per set of rules (a hash of the files they came from) and per
Python build (its full version and `re`'s opcode MAGIC are in the file name: the opcodes are
CPython's private format), each entry keyed by its full pattern text and flags; any error on
reading, rebuilding or writing falls back to `re.compile`, so a cache can cost time, never a
wrong pattern or a failed start.
"""

from __future__ import annotations

import hashlib
import logging
import marshal
import os
import re
import sys
import tempfile
from pathlib import Path

log = logging.getLogger(__name__)

try:  # CPython's own compiler, the one `re.compile` runs (Python 3.11+)
    import _sre
    from re import _compiler, _constants, _parser
    _BUILD = f"{sys.implementation.name}-{sys.version.split()[0]}-{_constants.MAGIC}"
except ImportError:  # another Python: no cache, plain re.compile
    _BUILD = None

# Cache files of earlier rule sets kept beside the current one (test configurations make more).
KEEP_FILES = 4


class RegexCache:
    """`compile` like re.compile, from and into `<folder>/regex-<key>-<build>.marshal`; `save` writes new entries."""

    def __init__(self, folder: Path | None, key: str):
        self.path = None if folder is None or _BUILD is None else Path(folder) / f"regex-{key}-{_BUILD}.marshal"
        self.states: dict[tuple[str, int], tuple] = self._read() if self.path else {}
        self.used: set[tuple[str, int]] = set()  # what this load compiled: all a rewrite keeps
        self.added = False

    def compile(self, pattern: str, flags: int = 0) -> re.Pattern:
        if self.path is None:
            return re.compile(pattern, flags)
        self.used.add((pattern, flags))
        state = self.states.get((pattern, flags))
        if state is not None:
            try:
                return _sre.compile(*state)
            except (TypeError, ValueError, RuntimeError):
                pass  # not what this build's engine expects: compile it again below
        try:
            state = _state(pattern, flags)  # a pattern's errors surface here as re.error, as without a cache
        except re.error:
            raise
        except Exception as exc:  # the private compiler changed shape: keep working without a cache
            log.info("event=regex_cache_off error=%r", exc)
            self.path = None
            return re.compile(pattern, flags)
        self.states[(pattern, flags)] = state
        self.added = True
        return _sre.compile(*state)

    def save(self) -> None:
        """Write this load's entries when some were compiled afresh (patterns the code no longer
        builds are dropped); older rule sets' files beyond KEEP_FILES go."""
        if self.path is None or not self.added:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=self.path.parent, prefix=self.path.name, suffix=".tmp",
                                             delete=False) as out:
                out.write(marshal.dumps({key: self.states[key] for key in self.used if key in self.states}))
            os.chmod(out.name, 0o644)
            os.replace(out.name, self.path)  # atomic: a process starting meanwhile reads the old file or the new
            older = sorted(self.path.parent.glob(f"regex-*-{_BUILD}.marshal"), key=lambda p: p.stat().st_mtime)
            for stale in older[:-KEEP_FILES]:
                stale.unlink(missing_ok=True)
        except (OSError, ValueError) as exc:
            log.info("event=regex_cache_not_written path=%s error=%r", self.path, exc)

    def _read(self) -> dict:
        try:
            states = marshal.loads(self.path.read_bytes())
            return states if isinstance(states, dict) else {}
        except FileNotFoundError:
            return {}
        except Exception as exc:  # truncated or foreign: start afresh
            log.warning("event=regex_cache_unusable path=%s error=%r", self.path, exc)
            return {}


def _state(pattern: str, flags: int) -> tuple:
    """What re._compiler.compile hands to _sre.compile, as plain data."""
    parsed = _parser.parse(pattern, flags)
    code = [int(op) for op in _compiler._code(parsed, flags)]
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return (pattern, int(flags | parsed.state.flags), code, parsed.state.groups - 1, groupindex, tuple(indexgroup))


def files_key(paths: list[Path]) -> str:
    """A short hash of some files' names and contents: which rule set a cache belongs to."""
    digest = hashlib.sha256()
    for path in sorted(paths):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]
