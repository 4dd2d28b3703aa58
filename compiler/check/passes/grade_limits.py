"""一票否优 and its kin (`不得评为优秀`, `等次最高为良好`, `等次最低为合格`): the band must
be one of `等次：` (E230), `不得评为` must leave a band below it (E231), `等次定为` names the lowest band (E255), and the bands
must be listed from the highest to the lowest (E232), since a limit is read by the
order of the bands: "at most 良好" means 良好 or any band listed after it."""

from __future__ import annotations

import re

from ...diagnostics.diagnostic import Diagnostic
from ...syntax import ast
from ...syntax import keywords as kw
from ..boundary import band_interval
from ..context import Context
from ..resolve import effects_of, walk

#: The label a limited unit carries (the same words as `ir.util.GRADE_LIMIT_LABELS`).
LIMIT_LABELS = {"ceiling": "等次最高为{}", "floor": "等次最低为{}"}


def grade_limits(tree: ast.PolicyFile) -> list[ast.GradeLimit]:
    """Every grade limit of the policy, in source order."""
    found = [
        effect
        for _, node in walk(tree.nodes)
        for clause in node.clauses
        for effect in effects_of(clause)
        if isinstance(effect, ast.GradeLimit)
    ]
    return sorted(found, key=lambda e: (e.span.line, e.span.column))


def limit_band(limit: ast.GradeLimit, names: list[str]) -> tuple[str, str] | None:
    """(kind, band) of the limit as scored: `不得评为X` is the ceiling of the band after
    X; None when the band is unknown or nothing lies below it (E230, E231)."""
    band = _named(limit, names)
    if band not in names:
        return None
    if limit.kind == "exact":  # 等次定为X: the lowest band (a ceiling) or the highest (a floor)
        if names.index(band) == len(names) - 1:
            return ("ceiling", band)
        return ("floor", band) if names.index(band) == 0 else None
    if limit.kind != "bar":
        return limit.kind, band
    index = names.index(band) + 1
    return ("ceiling", names[index]) if index < len(names) else None


def check_grade_limits(ctx: Context) -> list[Diagnostic]:
    names = [band.name for band in ctx.tree.bands]
    limits = grade_limits(ctx.tree)
    if not limits:
        return _labels_named_as_bands(ctx, names)
    diags: list[Diagnostic] = []
    shown = "、".join(names) if names else "（无）"
    for limit in limits:
        band = _named(limit, names)
        if band not in names:
            args = {"band": band or "优秀", "bands": shown}
            diags.append(Diagnostic("E230", limit.span, args))
        elif limit.kind == "bar" and names.index(band) == len(names) - 1:
            diags.append(Diagnostic("E231", limit.span, {"band": band}))
        elif limit.kind == "exact" and 0 < names.index(band) < len(names) - 1:
            diags.append(Diagnostic("E255", limit.span, {"band": band}))
    diags += _labels_named_as_bands(ctx, names)
    out_of_order_pair = out_of_order(ctx)
    if out_of_order_pair is not None:
        upper, lower = out_of_order_pair
        args = {"upper": upper.name, "lower": lower.name}
        diags.append(Diagnostic("E232", limits[0].span, args))
    return diags


#: What may follow a band's name in a label that names it: `列为不合格等次`, `列为优秀单位`.
_LABEL_TAIL = re.compile(r"(?:等次|等级|档次|单位)$")


def _labels_named_as_bands(ctx: Context, names: list[str]) -> list[Diagnostic]:
    """`列为不合格` where 不合格 is a band of `等次：` (E118): a label only tags the unit, so a
    unit of 100 points would be 优秀 tagged “不合格” — neither what the sentence says nor
    a refusal.  The grade is set with 等次定为, limited with 等次最高为 / 不得评为."""
    if not names:
        return []
    diags = []
    for _, node in walk(ctx.tree.nodes):
        for clause in node.clauses:
            for effect in effects_of(clause):
                if not isinstance(effect, ast.Label):
                    continue
                band = _LABEL_TAIL.sub("", effect.name.strip())
                if band in names:
                    args = {"name": effect.name, "band": band}
                    diags.append(Diagnostic("E118", effect.span, args))
    return diags


def _named(limit: ast.GradeLimit, names: list[str]) -> str:
    """The band a limit names; `一票否优` names the highest (first) band.  Bands barred
    together (`不得评为优秀、良好`) name the lowest of them when they are the highest
    bands, none skipped; any other list names no band (E230)."""
    if not limit.band:
        return names[0] if names else ""
    listed = [part.strip() for part in re.split(f"[{kw.BAND_LIST_SEPARATORS}]", limit.band)]
    if limit.kind != "bar" or len(listed) == 1 or limit.band in names:
        return limit.band
    if all(part in names for part in listed):
        if sorted(names.index(part) for part in listed) == list(range(len(listed))):
            return names[len(listed) - 1]
    return limit.band


def out_of_order(ctx: Context) -> tuple[ast.Band, ast.Band] | None:
    """Two neighbouring bands where the later one reaches higher than the earlier one
    (a band without a lower bound, or 其余, stands lowest)."""
    previous: tuple[ast.Band, object] | None = None
    for band in ctx.tree.bands:
        if band.rest:
            low = None
        else:
            interval, unknown = band_interval(band, ctx.overrides)
            if unknown:
                return None
            low = interval.lo
        if previous is not None:
            before, before_low = previous
            if low is not None and (before_low is None or low > before_low):
                return band, before
        previous = (band, low)
    return None
