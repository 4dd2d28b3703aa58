"""A grade's quota (`优秀：90分以上，不超过参加考核单位总数的30%`): the band must be one of
`等次：` (E230) and have a band below it to fall to, be given one quota, and the share or
count must leave at least one unit (E259).  A unit the outline may set to the band or
above it outright (`等次最低为优秀`, `直接确定为优秀`) makes the quota unreadable — does
that unit take a place of the quota or stand outside it? — and is refused too (E259).
The bands must run from the highest to the lowest (E232), as for grade limits: a unit
beyond the quota falls to the band listed next."""

from __future__ import annotations

from ...diagnostics.diagnostic import Diagnostic
from ...diagnostics.messages import details
from ..context import Context
from .grade_limits import grade_limits, limit_band, out_of_order


def check_quotas(ctx: Context) -> list[Diagnostic]:
    quotas = ctx.tree.quotas
    if not quotas:
        return []
    bands = ctx.tree.bands
    names = [band.name for band in bands]
    shown = "、".join(names) if names else "（无）"
    diags: list[Diagnostic] = []
    seen: set[str] = set()
    floors = _floors(ctx, names)
    for quota in quotas:
        if quota.name not in names:
            diags.append(Diagnostic("E230", quota.span, {"band": quota.name, "bands": shown}))
            continue
        index = names.index(quota.name)
        problem = None
        if index == len(names) - 1 or bands[index].rest:
            problem = "lowest"
        elif quota.name in seen:
            problem = "twice"
        elif (quota.share is not None and not 0 < quota.share <= quota.per) or (
            quota.count is not None and quota.count < 1
        ):
            problem = "size"
        elif any(floor <= index for floor in floors):
            problem = "floor"
        seen.add(quota.name)
        if problem is not None:
            args = {"text": quota.text, "band": quota.name}
            args.update(details(f"why.quota_{problem}", "why", band=quota.name))
            args.update(details(f"hint.quota_{problem}", "hint", band=quota.name))
            diags.append(Diagnostic("E259", quota.span, args))
    if not diags and not grade_limits(ctx.tree):  # else the limits' check says it
        wrong = out_of_order(ctx)
        if wrong is not None:
            upper, lower = wrong
            diags.append(
                Diagnostic("E232", quotas[0].span, {"upper": upper.name, "lower": lower.name})
            )
    return diags


def _floors(ctx: Context, names: list[str]) -> list[int]:
    """The band positions some clause may lift a unit to (0 the highest)."""
    out = []
    for limit in grade_limits(ctx.tree):
        found = limit_band(limit, names)
        if found is not None and found[0] == "floor":
            out.append(names.index(found[1]))
    return out
