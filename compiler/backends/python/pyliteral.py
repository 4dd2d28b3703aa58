"""Policy values as Python source: the one way policy text reaches generated code.

Titles, names and clause texts are data, never code (LANGUAGE.md §7).  Every value
written into a generated module goes through `py`, which accepts only plain data types
and spells each with `repr` (or the Decimal/date constructor around a repr), so quotes,
backslashes, template syntax and lone surrogates come out as escapes inside a literal.
`comment` and `doc` make text safe for a comment line and for the module docstring.
"""

from __future__ import annotations

import datetime
from decimal import Decimal


def py(value: object) -> str:
    """A Python expression that evaluates to `value` in a generated module (which has
    `Decimal` and `datetime` in scope).  Anything but plain data is refused."""
    if value is None or isinstance(value, bool):
        return repr(value)
    if isinstance(value, int):
        return repr(value)
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError(f"not a finite number: {value!r}")
        return f"Decimal({str(value)!r})"
    if isinstance(value, datetime.datetime):
        raise TypeError("datetime values are not policy data; use datetime.date")
    if isinstance(value, datetime.date):
        return f"datetime.date({value.year}, {value.month}, {value.day})"
    if isinstance(value, tuple):
        if len(value) == 1:
            return f"({py(value[0])},)"
        return "(" + ", ".join(py(v) for v in value) + ")"
    if isinstance(value, frozenset):
        return "frozenset((" + "".join(py(v) + ", " for v in sorted(value)) + "))"
    raise TypeError(f"cannot write {type(value).__name__} into a generated module")


def comment(text: str) -> str:
    """Text for a `#` comment: the body of its repr, so no line break or control
    character survives (Python ends a comment only at a line break)."""
    return repr(str(text))[1:-1]


def doc(text: str) -> str:
    """Text for the inside of a triple-quoted docstring: escapes as in repr, and every
    double quote escaped, so the docstring cannot be closed from inside."""
    return repr(str(text))[1:-1].replace('"', '\\"')
