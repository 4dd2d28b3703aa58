"""Limits that keep a policy exact and its data unambiguous: numbers of more than 30
significant digits (E240), more than 1000 grade bands (E241), a 精度 finer than 20
decimal places (E242), and two facts whose names a data sheet cannot tell apart
(E243).

Scores are computed with 60 significant digits, which holds every sum and product
of numbers of at most 30 digits exactly; a longer constant would be rounded without
a word, so it is refused instead.  A data sheet's header is matched to facts with
spaces, full-width forms and brackets around the name ignored (`缺会 次数` and
`【缺会次数】` both mean 缺会次数), so two facts differing only in those would take
each other's column.
"""

from __future__ import annotations

import dataclasses
import re
from decimal import Decimal, InvalidOperation

from ...diagnostics.diagnostic import Diagnostic
from ...source.text import normalise
from ...syntax import ast
from ..context import Context

#: Significant digits of a number in a policy (inputs are held to the same).
MAX_DIGITS = 30
#: Grade bands under 等次：.
MAX_BANDS = 1000
#: Decimal places of 精度.
MAX_PLACES = 20

_SPACE = re.compile(r"\s+")


def check_limits(ctx: Context) -> list[Diagnostic]:
    tree = ctx.tree
    diags: list[Diagnostic] = []
    for num in _numbers(tree):
        if _digits(num.value) > MAX_DIGITS:
            text = num.text or format(num.value, "f")
            diags.append(Diagnostic("E240", num.span, {"text": text, "limit": MAX_DIGITS}))
    for decl in tree.facts:
        for raw in (decl.default, decl.low, decl.high):
            value = _decimal(raw)
            if value is not None and _digits(value) > MAX_DIGITS:
                diags.append(Diagnostic("E240", decl.span, {"text": raw, "limit": MAX_DIGITS}))
    if len(tree.bands) > MAX_BANDS:
        diags.append(
            Diagnostic(
                "E241", tree.bands[MAX_BANDS].span, {"count": len(tree.bands), "limit": MAX_BANDS}
            )
        )
    precision = tree.header.precision
    if precision is not None and _places(precision.value) > MAX_PLACES:
        diags.append(
            Diagnostic("E242", precision.span, {"value": precision.text, "limit": MAX_PLACES})
        )
    diags += _look_alike_facts(ctx)
    return diags


def column_key(name: str) -> str:
    """A fact name as a data sheet's header identifies it: full-width forms made
    ASCII, spaces dropped, and 【】 or [] around the whole name taken off."""
    key = _SPACE.sub("", normalise(name).replace("\ufeff", ""))
    if len(key) > 2 and key[0] in "【[" and key[-1] in "】]":
        key = key[1:-1]
    return key


def _look_alike_facts(ctx: Context) -> list[Diagnostic]:
    diags: list[Diagnostic] = []
    first: dict[str, str] = {}
    for info in ctx.symbols.facts.values():
        key = column_key(info.name)
        other = first.setdefault(key, info.name)
        if other == info.name:
            continue
        span = info.decl.name_span if info.decl is not None else info.first_use
        if span is not None:
            diags.append(Diagnostic("E243", span, {"name": info.name, "other": other}))
    return diags


def _numbers(tree: ast.PolicyFile):
    """Every Num in the tree (without recursion: trees can be deep)."""
    stack: list[object] = [tree]
    while stack:
        item = stack.pop()
        if isinstance(item, ast.Num):
            yield item
        elif dataclasses.is_dataclass(item) and not isinstance(item, type):
            stack.extend(getattr(item, f.name) for f in dataclasses.fields(item))
        elif isinstance(item, (tuple, list)):
            stack.extend(item)


def _digits(value: Decimal) -> int:
    if not value.is_finite():
        return 0
    return len(value.as_tuple().digits)


def _places(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def _decimal(raw: str | None) -> Decimal | None:
    if raw is None:
        return None
    text = normalise(raw).strip().rstrip("分%次").strip()
    try:
        return Decimal(text)
    except (InvalidOperation, ValueError):
        return None
