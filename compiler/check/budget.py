"""Points, caps and budgets of outline nodes, and constant amounts (LANGUAGE.md §4).

The checker (W302, W303, E205, E208…) and `lower` must agree on what a node may
lose, so both read it from here: budget = min(points, 最多扣K) or K alone, points
alone otherwise; a bonus node (加分项，最高加N分) has a bonus cap and no budget.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal, localcontext

from ..syntax import ast


def modifier(node: ast.Node, kind: str) -> ast.Modifier | None:
    for mod in node.modifiers:
        if mod.kind == kind:
            return mod
    return None


def bonus_cap(node: ast.Node) -> Decimal | None:
    mod = modifier(node, "bonus")
    if mod is None:
        return None
    return mod.value if mod.value is not None else Decimal(0)


def is_bonus(node: ast.Node) -> bool:
    return modifier(node, "bonus") is not None


def points(node: ast.Node) -> Decimal | None:
    """The node's (N分); a bonus node has none (its 最高加N分 is its limit)."""
    if node.points is None or is_bonus(node):
        return None
    return node.points.value


def cap(node: ast.Node) -> Decimal | None:
    caps = [m.value for m in node.modifiers if m.kind == "cap" and m.value is not None]
    return min(caps) if caps else None


def budget(node: ast.Node) -> Decimal | None:
    """The most the node can lose: min(points, cap), either alone, or None (pass-up)."""
    if is_bonus(node):
        return None
    p, c = points(node), cap(node)
    if p is not None and c is not None:
        return min(p, c)
    return p if p is not None else c


def no_floor(node: ast.Node) -> bool:
    return modifier(node, "no_floor") is not None


def take_max(node: ast.Node) -> bool:
    return modifier(node, "take_max") is not None


def frontier(nodes: tuple[ast.Node, ...]) -> Iterator[ast.Node]:
    """The nodes that carry points for a sum over `nodes`: a node with points counts
    itself; a heading without points (`二、考评内容及评分标准`) counts through to its
    children; bonus nodes count nowhere (they are outside 满分)."""
    for node in nodes:
        if is_bonus(node):
            continue
        if points(node) is not None:
            yield node
        else:
            yield from frontier(node.children)


def const_value(expr: ast.Expr | None, params: dict[str, ast.ParamDecl]) -> Decimal | None:
    """The exact value of an expression made only of numbers and parameters, else None."""
    if isinstance(expr, ast.Num):
        return expr.value
    if isinstance(expr, ast.Ref):
        param = params.get(expr.name)
        return param.value.value if param else None
    if isinstance(expr, ast.BinOp):
        left = const_value(expr.left, params)
        right = const_value(expr.right, params)
        if left is None or right is None:
            return None
        with localcontext() as ctx:
            ctx.prec = 60
            if expr.op == "+":
                return left + right
            if expr.op == "-":
                return left - right
            if expr.op == "*":
                return left * right
            if expr.op == "/" and right != 0:
                return left / right
        return None
    if isinstance(expr, ast.Call):
        args = [const_value(a, params) for a in expr.args]
        if not args or any(a is None for a in args):
            return None
        if expr.func == "max":
            return max(args)
        if expr.func == "min":
            return min(args)
        if expr.func == "floor" and len(args) == 1:
            return Decimal(int(args[0].to_integral_value(rounding="ROUND_FLOOR")))
    return None


def upper_value(
    expr: ast.Expr | None,
    params: dict[str, ast.ParamDecl],
    facts: dict[str, Decimal] | None = None,
) -> Decimal | None:
    """A number no unit's value of `expr` exceeds, whatever its facts, or None.

    Enough to see that `得(最小(【完成数】÷【任务数】, 1)×6)分` earns at most 6: a
    minimum is at most each of its bounded arguments, and a bound survives adding,
    multiplying by a number not below 0 and dividing by one above 0.  A fact has no
    bound of its own (a 数值 may be anything) unless `facts` gives one: a percentage is
    at most 100 (or its declared range's top), so `得(【达标率】×8)分` may earn 800 — the
    percentage itself, not its share (80% is 80 in a formula, language.md 9.12)."""
    value = const_value(expr, params)
    if value is not None:
        return value
    if isinstance(expr, ast.Ref) and facts is not None and expr.name in facts:
        return facts[expr.name]
    if isinstance(expr, ast.Call):
        bounds = [upper_value(a, params, facts) for a in expr.args]
        known = [b for b in bounds if b is not None]
        if expr.func == "min" and known:
            return min(known)
        if expr.func == "max" and bounds and len(known) == len(bounds):
            return max(known)
        if expr.func == "floor" and len(bounds) == 1:
            return bounds[0]
        return None
    if isinstance(expr, ast.BinOp):
        with localcontext() as ctx:
            ctx.prec = 60
            if expr.op == "+":
                left = upper_value(expr.left, params, facts)
                right = upper_value(expr.right, params, facts)
                return None if left is None or right is None else left + right
            if expr.op == "-":
                left = upper_value(expr.left, params, facts)
                right = const_value(expr.right, params)
                return None if left is None or right is None else left - right
            if expr.op == "*":
                for factor, other in ((expr.left, expr.right), (expr.right, expr.left)):
                    c, bound = const_value(factor, params), upper_value(other, params, facts)
                    if c is not None and c >= 0 and bound is not None:
                        return c * bound
                return None
            if expr.op == "/":
                left = upper_value(expr.left, params, facts)
                right = const_value(expr.right, params)
                return None if left is None or right is None or right <= 0 else left / right
    return None
