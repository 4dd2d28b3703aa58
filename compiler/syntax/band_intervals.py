"""The bands of one line as stretches of e, the distance from the value they are measured
from (the batch average, its best value, or a share of the average): which bound each band
holds, and whether together they hold every unit exactly once (`mean_bands` reads them).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, replace
from decimal import Decimal

#: A band's effects that earn points (`得4分`, `得满分`): such bands must hold every unit.
EARNS = re.compile(r"得[ \t]*(?:\d|满分)")


@dataclass(frozen=True)
class End:
    """One end of a band: the distance from the average (negative below it), and whether
    a unit exactly there is in the band (None: the text does not say)."""

    value: Decimal
    closed: bool | None
    #: Whether the text says it outright (`（含3个百分点）`), not only by a word's habit
    #: (`以上`): where two bands hold one bound, the one that says so keeps it.
    said: bool = False


@dataclass(frozen=True)
class Band:
    """`low < e < high` (ends None: unbounded), e = the subject's value − the average."""

    low: End | None
    high: End | None
    #: The average as written (`全市平均水平`, `平均增速`), for the builder's Average.
    average: str
    #: The distance's unit word as written (`个百分点`), None when no distance is said.
    unit: str | None
    #: The condition as written, for messages.
    text: str
    #: Not the average but the batch's best value: "high" (`与最高值相差`, e ≤ 0 for
    #: every unit) or "low" (`与最低值相差`, e ≥ 0).
    best: str | None = None


def is_extreme(band: Band) -> bool:
    """The band of the best units themselves (its one end at the best value)."""
    end = band.low if band.best == "high" else band.high
    return band.best is not None and end is not None and end.value == 0


def best_ends(bands: list[Band], extreme: bool) -> list[Band]:
    """The end at the best value itself: no unit lies beyond it, so a band that reaches it
    (`相差5个百分点以内`, `相差不足1个百分点`) holds the best units too — unless the line
    gives them a band of their own (`全市最高的得4分；与最高值相差不足1个百分点的得3分`: the
    highest get 4, not also 3), which then keeps them."""
    out = []
    for band in bands:
        if band.best is None or is_extreme(band):
            out.append(band)
            continue
        near = End(Decimal(0), False) if extreme else None
        if band.best == "high" and (band.high is None or band.high.value == 0):
            band = replace(band, high=near)
        elif band.best == "low" and (band.low is None or band.low.value == 0):
            band = replace(band, low=near)
        out.append(band)
    return out


def inferred(bands: list[Band]) -> list[Band]:
    """A range's end the text leaves open or closed takes what its neighbour leaves:
    `低于平均值3个百分点以内（含3个百分点）…；低于平均值3至6个百分点…` — 3 is in the first band,
    so not in the second."""

    def partner(value: Decimal, as_low: bool) -> bool | None:
        for other in bands:
            end = other.high if as_low else other.low
            if end is not None and end.value == value and end.closed is not None:
                return not end.closed
        return None

    out = []
    for band in bands:
        low, high = band.low, band.high
        if low is not None and low.closed is None:
            low = End(low.value, partner(low.value, True))
        if high is not None and high.closed is None:
            high = End(high.value, partner(high.value, False))
        out.append(replace(band, low=low, high=high))
    return _settled(out)


def _settled(bands: list[Band]) -> list[Band]:
    """Where two bands hold one bound and only one of them says so outright, the other
    leaves it: `低于平均值3个百分点以内（含3个百分点）的扣1分，低于3个百分点以上的扣2分` puts
    a unit exactly 3 below in the first band — the writer said where it goes, and `以上`
    only habitually includes its number."""
    out = list(bands)
    for i, a in enumerate(out):
        for j, b in enumerate(out):
            if i == j:
                continue
            for mine, theirs, as_low in ((a.low, b.high, True), (a.high, b.low, False)):
                if (
                    mine is not None
                    and theirs is not None
                    and mine.value == theirs.value
                    and mine.closed
                    and not mine.said
                    and theirs.closed
                    and theirs.said
                ):
                    opened = End(mine.value, False)
                    a = replace(a, low=opened) if as_low else replace(a, high=opened)
                    out[i] = a
    return out


def problems(
    bands: list[Band], effects: list[str], others: bool, rest: bool = False
) -> list[tuple[int, str, Decimal]]:
    """(band index, why, the distance) for each bound the bands leave unclear; with `rest`
    (a `其余…` band follows) a band may stop anywhere: the rest takes what lies beyond."""
    out: list[tuple[int, str, Decimal]] = []
    for i, band in enumerate(bands):
        for end in (band.low, band.high):
            if end is not None and end.closed is None:
                out.append((i, "unsaid", end.value))
    if out:
        return out
    for i, a in enumerate(bands):
        for j in range(i + 1, len(bands)):
            point = _overlap(a, bands[j])
            if point is not None:
                out.append((j, "overlap", point))
    if out:
        return out
    earns = any(EARNS.search(e) for e in effects)
    for i, band in enumerate(bands):
        for end, as_low in ((band.low, True), (band.high, False)):
            if end is None:
                continue
            meets = [
                o
                for o in bands
                if (o.high if as_low else o.low) is not None
                and (o.high if as_low else o.low).value == end.value  # type: ignore[union-attr]
            ]
            if (
                not meets
                and end.value != 0
                and not others
                and not rest
                and (earns or band.best is None)
            ):
                # (a clause not read as a band — steps after a band — may meet it; bands
                # near the best that only deduct or add leave the units further off alone:
                # `全市最低的扣4分；与最低值相差不足2个百分点的扣2分`)
                out.append((i, "open", end.value))
            elif (
                meets
                and not end.closed
                and not any(
                    (o.high if as_low else o.low).closed
                    for o in meets  # type: ignore[union-attr]
                )
            ):
                out.append((i, "gap", end.value))
    if out:
        return out
    if not others and not rest and earns and not _covers(bands):
        out.append((0, "cover", Decimal(0)))
    return out


def left(bands: list[Band], best: str | None) -> list[Band]:
    """The stretches of distance no band holds (for the best: on its one side)."""
    top = End(Decimal(0), True)
    pieces = [Band(None, top if best == "high" else None, "", None, "")]
    if best == "low":
        pieces = [Band(top, None, "", None, "")]
    for band in bands:
        pieces = [p for piece in pieces for p in _minus(piece, band)]
    return [_reaching(p, best) for p in pieces]


def _reaching(band: Band, best: str | None) -> Band:
    """A stretch up to the best value itself: every unit up to it (none lies beyond)."""
    if best == "high" and band.high is not None and band.high.value == 0 and band.high.closed:
        return replace(band, high=None)
    if best == "low" and band.low is not None and band.low.value == 0 and band.low.closed:
        return replace(band, low=None)
    return band


def _minus(piece: Band, band: Band) -> list[Band]:
    """`piece` without what `band` holds: the parts of it below and above the band."""
    out = []
    if band.low is not None:
        below = Band(None, End(band.low.value, not band.low.closed), "", None, "")
        out.append(_within(piece, below))
    if band.high is not None:
        above = Band(End(band.high.value, not band.high.closed), None, "", None, "")
        out.append(_within(piece, above))
    return [b for b in out if b is not None]


def _within(a: Band, b: Band) -> Band | None:
    """What both stretches hold, or None."""
    lows = [e for e in (a.low, b.low) if e is not None]
    highs = [e for e in (a.high, b.high) if e is not None]
    low = max(lows, key=lambda e: (e.value, not e.closed)) if lows else None
    high = min(highs, key=lambda e: (e.value, bool(e.closed))) if highs else None
    if low is not None and high is not None:
        if low.value > high.value or (low.value == high.value and not (low.closed and high.closed)):
            return None
    return Band(low, high, "", None, "")


def _overlap(a: Band, b: Band) -> Decimal | None:
    """A distance both bands hold, or None."""
    both = _within(a, b)
    if both is None:
        return None
    end = both.low or both.high
    return end.value if end is not None else Decimal(0)


def _covers(bands: list[Band]) -> bool:
    """Whether the bands, which do not overlap, hold every distance."""
    ordered = sorted(
        bands,
        key=lambda b: (
            b.low is not None,
            b.low.value if b.low else 0,
            not (b.low and b.low.closed),
        ),
    )
    if ordered[0].low is not None:
        return False
    for a, b in itertools.pairwise(ordered):
        if a.high is None or b.low is None or a.high.value != b.low.value:
            return False
    return ordered[-1].high is None
