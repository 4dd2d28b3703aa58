"""Amounts computed from facts: divisors that may be 0 (W321), rates that must be
percentages (`按完成比例得分`, E202 otherwise), and the place and the number of units
(`名次`, `单位数`) only in a formula of a clause that ranks (E261).

A unit whose divisor is 0 cannot be scored and gets a data error when it is scored; the
warning names the fact so that the writer can rule 0 out in 数据 (`范围1至50`) before
any unit is scored.  `【完成数】按完成比例得分` on a count would take 完成数 ÷ 100 as the
ratio — a wrong score — so the rate must be a 百分比 fact."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from ...diagnostics.diagnostic import Diagnostic
from ...syntax import ast
from ...syntax.build.clauses import RATIO_WORD, amount_leaves
from ..context import Context
from ..resolve import clauses_of, effects_of


def check_formulas(ctx: Context) -> list[Diagnostic]:
    diags: list[Diagnostic] = []
    for _, clause in clauses_of(ctx.tree):
        ranked = isinstance(clause, ast.RankClause)
        for effect in effects_of(clause):
            amount = getattr(effect, "amount", None)
            if not ranked:
                diags += _place_unranked(ctx, amount)
            if isinstance(effect, ast.Earn) and effect.word == RATIO_WORD:
                diags += _rate(ctx, amount)
            for ref in _divisors(amount):
                if _may_be_zero(ctx, ref):
                    diags.append(Diagnostic("W321", ref.span, {"name": ref.name}))
    return diags


def _place_unranked(ctx: Context, amount: object) -> list[Diagnostic]:
    """`得((单位数−名次+1)÷单位数×6)分` with no `按【X】排名` before it: by what the place
    is counted, and which way, is not said (名次 and 单位数 are words of amounts only)."""
    found = next(
        (leaf for leaf in amount_leaves(amount) if isinstance(leaf, ast.Place | ast.UnitCount)),
        None,
    )
    if found is None:
        return []
    return [Diagnostic("E261", found.span, {"text": ctx.text(found.span)})]


def _rate(ctx: Context, amount: object) -> list[Diagnostic]:
    """The rate of `按完成比例得分` (the left-most fact of its amount) is a percentage."""
    while isinstance(amount, ast.BinOp):
        amount = amount.left
    if not isinstance(amount, ast.Ref):
        return []
    info = ctx.symbols.facts.get(amount.name)
    if info is None or info.kind is None or info.kind.type == "percent":
        return []
    args = {"name": amount.name, "declared": info.unit, "used": "百分比"}
    return [Diagnostic("E202", amount.span, args)]


def _divisors(expr: object):
    """Every `【X】` a division divides by, without recursion."""
    stack = [expr]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.BinOp):
            if node.op == "/" and isinstance(node.right, ast.Ref):
                yield node.right
            stack += [node.left, node.right]
        elif isinstance(node, ast.Call):
            stack += list(node.args)


def _may_be_zero(ctx: Context, ref: ast.Ref) -> bool:
    """A fact may be 0 unless its declared range starts above 0; a parameter is known."""
    if ref.name in ctx.symbols.params:
        return False
    info = ctx.symbols.facts.get(ref.name)
    if info is None or info.decl is None or info.decl.low is None:
        return True
    try:
        return Decimal(info.decl.low.strip().rstrip("%")) <= 0
    except (InvalidOperation, ValueError):
        return True
