"""Data tables of a generated module (facts, outline, places) as one string literal.

Python parses a tuple of tuples into a syntax-tree node per field: for a 1,000-clause
policy the tables were a fifth of the module's 200,000 nodes, and parsing and compiling
cost about 2.5 µs per node.  A table written as adjacent string literals, one per row,
is one node; the prelude's `_table` splits it at import, in a few milliseconds.

Each field is a type tag and its text (`~` None, `T`/`F` bools, `i` int, `d` Decimal,
`t` ISO date, `s` str), fields end with a separator character that occurs in no field
(chosen per table), and every row is written with `pyliteral.py`, so policy text stays
inside string literals and comes back exactly as it was.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from decimal import Decimal

from .emit_expr import CodegenError
from .pyliteral import py

# Separator candidates: a bar reads best; if a text holds one, control characters no
# policy text should hold, then the Private Use Area (`repr` escapes these, so the
# module stays printable).
_SEPARATORS = "|\x1f\x1e\x1d\x1c" + "".join(chr(c) for c in range(0xE000, 0xF900))


def field(value: object) -> str:
    """One value as a tagged field (the inverse of the prelude's `_DECODE`).  Exact
    types are tried first: a large policy has tens of thousands of fields."""
    kind = type(value)
    if kind is str:
        return "s" + value
    if value is None:
        return "~"
    if kind is bool:
        return "T" if value else "F"
    if kind is int:
        return f"i{value}"
    if kind is Decimal:
        if not value.is_finite():
            raise CodegenError(f"not a finite number: {value!r}")
        return f"d{value}"
    if kind is datetime.date:
        return f"t{value.isoformat()}"
    raise CodegenError(f"cannot write {kind.__name__} into a module table")


def separator(fields: Iterable[str]) -> str:
    """The first candidate character that occurs in none of the fields."""
    used = set("".join(fields))
    for candidate in _SEPARATORS:
        if candidate not in used:
            return candidate
    raise CodegenError("no separator character is free for a module table")


def table(record: str, rows: Sequence[Sequence[object]], indent: str = "    ") -> str:
    """Python source of `_table(record, width, separator, text)` for `rows` (all of
    the same width): one string literal per row, which Python joins into one."""
    width = len(rows[0]) if rows else 0
    if any(len(row) != width for row in rows):
        raise CodegenError("rows of a module table differ in width")
    encoded = [[field(value) for value in row] for row in rows]
    sep = separator(f for row in encoded for f in row)
    lines = [f"{indent}{py(''.join(f + sep for f in row))}\n" for row in encoded]
    body = "".join(lines) if lines else f"{indent}''\n"
    return f"_table({record}, {width}, {py(sep)}, (\n{body}))"
