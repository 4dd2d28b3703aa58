"""Compare two IR policies by meaning: same scores for every input, whatever the layout.

`xize fmt` promises that the formatted file computes exactly what the original did.
Line numbers, the source hash and the file name change with layout; text fields may
change between the full-width and ASCII spellings that the language treats as one
(`（一）` ≡ `(一)`), and a trailing `。`/`；` is ignored by the grammar.  Everything
else — numbers, operators, clause kinds, names — must be identical.
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from ..source.text import normalise
from . import nodes as ir

#: Fields that record where something was written, not what it computes.
_POSITION_FIELDS = frozenset({"line", "source_hash", "filename"})


def canonical(value: object) -> object:
    """A hashable, comparable form of an IR value without positions.

    Dataclasses become `(class name, ((field, value), …))`; strings are normalised;
    Decimals are kept exactly (so `1` and `1.0` stay distinct only if their digits
    differ in value: Decimal equality is by value).
    """
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        items = []
        for f in dataclasses.fields(value):
            if f.name in _POSITION_FIELDS:
                continue
            items.append((f.name, canonical(getattr(value, f.name))))
        return (type(value).__name__, tuple(items))
    if isinstance(value, str):
        return _text(value)
    if isinstance(value, (tuple, list)):
        if value and all(_is_expectation(v) for v in value):
            # ir.TestCase.expectations: (target, raw, line) — drop the line.
            return tuple((_text(t), _text(r)) for t, r, _ in value)
        return tuple(canonical(v) for v in value)
    if isinstance(value, Decimal):
        return ("Decimal", value)
    return value


def _is_expectation(value: object) -> bool:
    return (
        isinstance(value, tuple)
        and len(value) == 3
        and isinstance(value[0], str)
        and isinstance(value[1], str)
        and isinstance(value[2], int)
    )


def _text(text: str) -> str:
    return normalise(text).strip().rstrip("。；;").strip()


def same_policy(a: ir.Policy, b: ir.Policy) -> bool:
    """True when two policies compute the same thing (positions and spelling aside)."""
    return canonical(a) == canonical(b)


def differences(a: object, b: object, where: str = "policy", limit: int = 20) -> list[str]:
    """Human-readable paths where two canonical forms differ (for test failure messages)."""
    out: list[str] = []
    _walk(canonical(a), canonical(b), where, out, limit)
    return out


def _walk(a: object, b: object, where: str, out: list[str], limit: int) -> None:
    if len(out) >= limit or a == b:
        return
    if _is_record(a) and _is_record(b) and a[0] == b[0]:
        for (name, va), (_, vb) in zip(a[1], b[1], strict=False):
            _walk(va, vb, f"{where}.{name}", out, limit)
        return
    if isinstance(a, tuple) and isinstance(b, tuple) and not _is_record(a) and len(a) == len(b):
        for i, (va, vb) in enumerate(zip(a, b, strict=True)):
            _walk(va, vb, f"{where}[{i}]", out, limit)
        return
    out.append(f"{where}: {a!r} != {b!r}")


def _is_record(value: object) -> bool:
    return (
        isinstance(value, tuple)
        and len(value) == 2
        and isinstance(value[0], str)
        and isinstance(value[1], tuple)
        and all(isinstance(i, tuple) and len(i) == 2 for i in value[1])
    )
