"""Grade bands (`等次：`): names declared twice (E213), bands that can never match
(E206), a boundary claimed by two bands (W304), ambiguous or unknown words (W305, E216).

Bands are tried in order and the first match wins, so a band can never match when
the bands before it cover every score it accepts.  Scores are reasoned about as real
numbers (a bonus can lift a total above 满分, 不设下限 can take it below zero), with
each band an interval whose ends are open or closed by its words under `边界`.
"""

from __future__ import annotations

from decimal import ROUND_CEILING, Decimal

from ...diagnostics.diagnostic import Diagnostic
from ...syntax import ast
from ..boundary import Interval, ambiguity, band_interval, is_ambiguous
from ..context import Context
from ..values import fmt


def intersect(a: Interval, b: Interval) -> Interval:
    if a.lo is None or (b.lo is not None and b.lo > a.lo):
        lo, lo_inc = b.lo, b.lo_inc
    elif b.lo is None or a.lo > b.lo:
        lo, lo_inc = a.lo, a.lo_inc
    else:
        lo, lo_inc = a.lo, a.lo_inc and b.lo_inc
    if a.hi is None or (b.hi is not None and b.hi < a.hi):
        hi, hi_inc = b.hi, b.hi_inc
    elif b.hi is None or a.hi < b.hi:
        hi, hi_inc = a.hi, a.hi_inc
    else:
        hi, hi_inc = a.hi, a.hi_inc and b.hi_inc
    return Interval(lo, lo_inc, hi, hi_inc)


def subtract(a: Interval, b: Interval) -> list[Interval]:
    """a minus b, as at most two intervals (empty ones dropped)."""
    if intersect(a, b).empty:
        return [a]
    pieces = []
    if b.lo is not None:
        pieces.append(intersect(a, Interval(None, False, b.lo, not b.lo_inc)))
    if b.hi is not None:
        pieces.append(intersect(a, Interval(b.hi, not b.hi_inc, None, False)))
    return [p for p in pieces if not p.empty]


def covered(a: Interval, by: list[Interval]) -> bool:
    """Is every point of `a` in some interval of `by`?"""
    rest = [a]
    for b in by:
        rest = [piece for r in rest for piece in subtract(r, b)]
        if not rest:
            return True
    return not rest


def check_bands(ctx: Context) -> list[Diagnostic]:
    diags: list[Diagnostic] = []
    names: set[str] = set()
    earlier: list[tuple[ast.Band, Interval]] = []
    for band in ctx.tree.bands:
        if band.name in names:
            diags.append(Diagnostic("E213", band.span, {"band": band.name}))
        names.add(band.name)
        for pair in (band.low, band.high):
            if pair is not None and is_ambiguous(pair[1]):
                diags.append(Diagnostic("W305", band.span, ambiguity(pair[1])))
        interval, unknown = band_interval(band, ctx.overrides)
        for word in unknown:
            diags.append(Diagnostic("E216", band.span, {"word": word}))
        if unknown:
            continue
        if interval.empty or covered(interval, [iv for _, iv in earlier]):
            diags.append(Diagnostic("E206", band.span, {"band": band.name}))
        else:
            diags += _shared_boundary(band, interval, earlier)
        earlier.append((band, interval))
    return diags + _gaps(ctx, earlier)


def _gaps(ctx: Context, bands: list[tuple[ast.Band, Interval]]) -> list[Diagnostic]:
    """E257: scores between two bands that neither takes (`良好：80分至89.9分` under
    `优秀：90分以上`: 89.95).  Such a total would get no grade, or the rest band's
    (`不合格：其余`) — never what the document means.  A gap no total can fall into
    (`精度：0.1` and the gap between 89.9 and 90) is none."""
    step = ctx.tree.header.precision
    closed = sorted(
        ((b, iv) for b, iv in bands if not b.rest and iv.lo is not None and not iv.empty),
        key=lambda pair: pair[1].lo,
    )
    diags = []
    for (lower, below), (upper, above) in zip(closed, closed[1:], strict=False):
        if below.hi is None or above.lo is None:
            continue
        inside = _first_inside(below.hi, not below.hi_inc, above.lo, not above.lo_inc, step)
        if inside is None:
            continue
        args = {
            "lower": lower.name,
            "upper": upper.name,
            "hi": fmt(below.hi),
            "lo": fmt(above.lo),
            "example": fmt(inside),
            "floor": fmt(below.lo) if below.lo is not None else "0",
        }
        diags.append(Diagnostic("E257", lower.span, args))
    return diags


def _first_inside(
    start: Decimal, start_in: bool, end: Decimal, end_in: bool, step: ast.Num | None
) -> Decimal | None:
    """A total between two bands (`start`, `end`; `*_in` whether that end is in the gap),
    on the policy's 精度 when it has one; None when there is none."""
    if start > end or (start == end and not (start_in and end_in)):
        return None
    if step is None:
        if start_in:
            return start
        if end_in:
            return end
        return start if start == end else (start + end) / 2
    unit = step.value
    first = (start / unit).to_integral_value(rounding=ROUND_CEILING) * unit
    if first == start and not start_in:
        first += unit
    if first < end or (first == end and end_in):
        return first
    return None


def _shared_boundary(
    band: ast.Band, interval: Interval, earlier: list[tuple[ast.Band, Interval]]
) -> list[Diagnostic]:
    """W304: this band and an earlier one both include the line between them
    (`60分以上` and `60分以下`), so the document says two things about exactly 60."""
    for other, iv in earlier:
        for v, inc, ov, oinc in (
            (interval.lo, interval.lo_inc, iv.hi, iv.hi_inc),
            (interval.hi, interval.hi_inc, iv.lo, iv.lo_inc),
        ):
            if v is not None and v == ov and inc and oinc:
                args = {"first": other.name, "second": band.name, "value": fmt(v)}
                return [Diagnostic("W304", band.span, args)]
    return []
