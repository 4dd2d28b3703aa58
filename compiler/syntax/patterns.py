"""Compiled lexer patterns kept between runs, next to Lark's cached parser tables.

Lark caches the parser tables but compiles each state's lexer pattern (one large
alternation of terminals) with `re` on first use, in every process: for the seed
policy that was two thirds of its first parse, paid by every CLI run.  Python's
`re` compiles in two steps, parsing the pattern into SRE code (pure Python, the
slow part) and handing the code to the `_sre` engine (fast).  `StoredPatterns` keeps
the SRE code of every lexer pattern in a file and, in later runs, gives the code
straight to `_sre.compile`: the same pattern object `re.compile` would make.

The code format belongs to the running interpreter, so the file is keyed by the exact
Python version and `_sre.MAGIC`; anything unexpected (another Python, no `re._parser`,
a damaged file) falls back to `re.compile`.  The file lives in the user's private
cache directory (see `grammar._cache_file`) and holds plain data (`marshal`).
"""

from __future__ import annotations

import marshal
import os
import re
import sys
import tempfile
import threading
from typing import Any

try:  # CPython 3.11+: the two halves of re.compile
    import _sre
    from re import _compiler, _parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - other interpreters: plain re.compile
    _sre = None  # type: ignore[assignment]

Entry = tuple[int, list[int], int, dict[str, int], tuple[Any, ...]]


def cache_name() -> str | None:
    """The file-name part that ties stored code to this interpreter (None: no cache)."""
    if _sre is None:
        return None
    version = "".join(f"{part}" for part in sys.version_info[:3]) + sys.version_info.releaselevel
    return f"{sys.implementation.name}{version}-sre{_sre.MAGIC}"


def _compile(pattern: str, flags: int) -> tuple[re.Pattern, Entry]:
    """`re._compiler.compile`, keeping what `_sre.compile` was given."""
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    entry: Entry = (  # plain ints: the opcodes are an int subclass marshal refuses
        int(flags | parsed.state.flags),
        [int(op) for op in code],
        int(parsed.state.groups - 1),
        {name: int(index) for name, index in groupindex.items()},
        tuple(indexgroup),
    )
    return _sre.compile(pattern, entry[0], entry[1], entry[2], entry[3], entry[4]), entry


class StoredPatterns:
    """Stands in for the `re` module of Lark's lexers (`BasicLexer.re`): `compile`
    takes the code from the store when it has it; everything else is `re`'s."""

    def __init__(self, path: str | None):
        self.path = path
        self._stored: dict[tuple[str, int], Entry] | None = None
        self._new: dict[tuple[str, int], Entry] = {}
        self._lock = threading.Lock()

    def __getattr__(self, name: str) -> Any:
        return getattr(re, name)

    def _load(self) -> dict[tuple[str, int], Entry]:
        if self._stored is None:
            stored: dict = {}
            if self.path is not None:
                try:
                    with open(self.path, "rb") as file:
                        loaded = marshal.loads(file.read())  # one read, not many small ones
                    if isinstance(loaded, dict):
                        stored = loaded
                except (OSError, ValueError, EOFError, TypeError):
                    stored = {}
            self._stored = stored
        return self._stored

    def compile(self, pattern: Any, flags: int = 0) -> re.Pattern:
        flags = int(flags)
        if _sre is None or not isinstance(pattern, str):
            return re.compile(pattern, flags)
        key = (pattern, flags)
        entry = self._load().get(key)
        if entry is not None:
            try:
                return _sre.compile(pattern, entry[0], entry[1], entry[2], entry[3], entry[4])
            except Exception:  # damaged or foreign code: compile it afresh
                pass
        try:
            compiled, entry = _compile(pattern, flags)
        except Exception:  # whatever re.compile says about it, it says here
            return re.compile(pattern, flags)
        with self._lock:
            self._new[key] = entry
        return compiled

    @property
    def complete(self) -> bool:
        """Whether the store file exists (it is written once, with every pattern)."""
        return bool(self._load())

    def save(self) -> None:
        """Write the store with everything compiled so far (atomically; a failure to
        write only means compiling again next time)."""
        if self.path is None or not self._new:
            return
        with self._lock:
            entries = {**self._load(), **self._new}
            self._new = {}
        folder = os.path.dirname(self.path)
        try:
            handle, temporary = tempfile.mkstemp(dir=folder, prefix=".patterns-")
            try:
                with os.fdopen(handle, "wb") as file:
                    marshal.dump(entries, file)
                os.replace(temporary, self.path)
            except BaseException:
                os.unlink(temporary)
                raise
        except (OSError, ValueError):
            return
        self._stored = entries
