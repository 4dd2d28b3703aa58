"""等次 quotas in SQL (docs/language.md 12.2), the prelude's `_apply_quotas` as CTEs.

A quota needs every unit's total, so it is computed over a histogram, never a window
over the units (which would hold every row): the units in the batch (status 正常,
vetoed ones included) are counted per (grade before the quotas, total); each quota in
turn, highest band first, moves the buckets of its band whose total is exceeded by at
least as many units as it has places to the band below (units sharing the last place
all stay), adding its label; the units are joined back on (grade, total).
"""

from __future__ import annotations

from sqlglot import exp

from ...ir import nodes as ir
from ...support import prelude as rt
from .fixed import integer
from .inputs import s

_G0, _T, _N, _G, _L = (exp.column(c) for c in ("_g0", "_t", "_n", "_g", "_l"))


def quota_ctes(
    policy: ir.Policy, last: str, grade: exp.Column, ok: exp.Column, total: exp.Column
) -> list[tuple[str, exp.Expression]]:
    """CTEs ending in `_q` (_g0, _t → _g the grade after the quotas, _l their labels,
    each `、`-led); `last` is the stage holding `grade`, `ok` and `total`."""
    counts = (
        exp.select(
            exp.alias_(grade.copy(), "_g0"),
            exp.alias_(total.copy(), "_t"),
            exp.alias_(exp.Count(this=exp.Star()), "_n"),
        )
        .from_(last)
        .where(ok.copy())
        .group_by(grade.copy(), total.copy())
    )
    size = exp.Window(this=exp.Sum(this=_N.copy()))
    ctes: list[tuple[str, exp.Expression]] = [
        ("_qh", counts),
        (
            "_q0",
            exp.select(
                _G0.copy(),
                _T.copy(),
                _N.copy(),
                exp.alias_(_G0.copy(), "_g"),
                exp.alias_(s(""), "_l"),
                exp.alias_(size, "_all"),
            ).from_("_qh"),
        ),
    ]
    for k, quota in enumerate(policy.quotas, start=1):
        before = f"_q{k - 1}"
        band = integer(quota.band)
        at_least = exp.Window(
            this=exp.Sum(this=_N.copy()),
            partition_by=[_G.copy()],
            order=exp.Order(expressions=[exp.Ordered(this=_T.copy(), desc=True)]),
        )
        same = exp.Window(this=exp.Sum(this=_N.copy()), partition_by=[_G.copy(), _T.copy()])
        higher = exp.Sub(this=at_least, expression=same)
        falls = exp.and_(
            exp.EQ(this=_G.copy(), expression=band),
            exp.GTE(this=higher, expression=_places(quota)),
        )
        label = "、" + rt._QUOTA_LABEL.format(policy.bands[quota.band].name)
        moved = exp.select(
            _G0.copy(),
            _T.copy(),
            _N.copy(),
            exp.alias_(_case(falls, integer(quota.band + 1), _G.copy()), "_g"),
            exp.alias_(exp.DPipe(this=_L.copy(), expression=_case(falls, s(label), s(""))), "_l"),
            exp.column("_all"),
        ).from_(before)
        ctes.append((f"_q{k}", moved))
    final = exp.select(_G0.copy(), _T.copy(), _G.copy(), _L.copy()).from_(f"_q{len(policy.quotas)}")
    ctes.append(("_q", final))
    return ctes


def _places(quota: ir.GradeQuota) -> exp.Expression:
    """The quota's places: its count, or ⌊units × share⌋ in integers."""
    if quota.count is not None:
        return integer(quota.count)
    numerator, denominator = quota.share.as_integer_ratio()
    units = exp.column("_all")
    return exp.IntDiv(
        this=exp.Mul(this=units, expression=integer(numerator)),
        expression=integer(denominator * quota.per),
    )


def _case(cond: exp.Expression, then: exp.Expression, other: exp.Expression) -> exp.Case:
    return exp.Case(ifs=[exp.If(this=cond, true=then)], default=other)
