"""等次 quotas in SQL (docs/language.md 12.2), the prelude's `_quota_falls` as columns.

A quota needs every unit's total: each one, highest band first, is two running counts
over the units in the batch (status 正常, vetoed ones included) holding its band by
then — those with a total at least the unit's, and those with the same total — whose
difference is how many rank above the unit; a unit with at least as many above it as
the quota has places falls to the band below and takes the quota's label (units
sharing the last place all stay).  They are window functions over the units, as the
ranks (排名) of the same query are.  An earlier form counted (grade, total) buckets and
joined them back to the units; Spark's optimizer ran out of memory on that join over
a long policy's stages (its lineage of the join keys through every stage), where the
windows cost no more than the ranks.
"""

from __future__ import annotations

from sqlglot import exp

from ...ir import nodes as ir
from ...support import prelude as rt
from .fixed import integer, when
from .inputs import s


def quota_columns(
    policy: ir.Policy, plan, index: exp.Expression, ok: exp.Expression, total: exp.Expression
) -> tuple[exp.Expression, exp.Expression]:
    """The band number after every quota and the quotas' labels (each `、`-led, or ''),
    as columns of `plan` over the band number `index` before them, the unit's
    membership of the batch `ok` and its `total`."""
    units = plan.let(exp.Window(this=exp.Sum(this=when(ok, integer(1), integer(0)))), "qn")
    grade, labels = index, s("")
    for quota in policy.quotas:
        band = integer(quota.band)
        holding = exp.and_(ok.copy(), exp.EQ(this=grade.copy(), expression=band))
        member = plan.let(when(holding, integer(1), integer(0)), "qm")
        at_least = exp.Window(
            this=exp.Sum(this=member.copy()),
            order=exp.Order(expressions=[exp.Ordered(this=total.copy(), desc=True)]),
        )
        same = exp.Window(this=exp.Sum(this=member.copy()), partition_by=[total.copy()])
        above = exp.Sub(this=plan.let(at_least, "qa"), expression=plan.let(same, "qs"))
        falls = plan.let(
            exp.and_(
                exp.EQ(this=member.copy(), expression=integer(1)),
                exp.GTE(this=above, expression=_places(quota, units)),
            ),
            "qf",
        )
        label = "、" + rt._QUOTA_LABEL.format(policy.bands[quota.band].name)
        grade = plan.let(when(falls, integer(quota.band + 1), grade), "qg")
        labels = plan.let(exp.DPipe(this=labels, expression=when(falls, s(label), s(""))), "ql")
    return grade, labels


def _places(quota: ir.GradeQuota, units: exp.Expression) -> exp.Expression:
    """The quota's places: its count, or ⌊units × share⌋ in integers."""
    if quota.count is not None:
        return integer(quota.count)
    numerator, denominator = quota.share.as_integer_ratio()
    return exp.IntDiv(
        this=exp.Mul(this=units.copy(), expression=integer(numerator)),
        expression=integer(denominator * quota.per),
    )
