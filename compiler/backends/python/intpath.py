"""Whether a policy's generated module may compute in Python ints.

Most 细则 deal in whole points: 扣1分, 每次扣5分, a category of 20分, 满分100分, counts
of events.  Such a policy's every score is a whole number, and Python's int arithmetic
is several times faster than Decimal's.  But the module must give the very results the
Decimal engine gives, to the last byte of their text: a Decimal keeps the exponent of
its operands (0.5 × 2 is `1.0`, and a cap of 5 keeps `5`), so a fractional amount makes
the number of decimal places of a result depend on which cap bound and which clause
fired.  The integer path is therefore taken only where every number that enters the
arithmetic of scores is a whole number written without a decimal point (its Decimal
exponent is 0): then every intermediate Decimal has exponent 0 too, equals the int the
fast path computes, and converting that int with `Decimal(n)` at the end gives the same
object text.  Everything else — a fractional amount (0.5分), a value read from a
number, percent or points fact, a batch mean or statistic, a quotient (按比例, 平均,
÷) — keeps the whole module on exact Decimal, as before.

Conditions may read anything (a percentage, a mean, a date): a comparison of an int with
a Decimal is exact in Python, and a condition's value is a bool either way.  Products
need a constant factor (每次扣5分 × count), so no product of two inputs can outgrow
the Decimal engine's 60 significant digits and differ from it there.
"""

from __future__ import annotations

from decimal import Decimal

from ...ir import nodes as ir

_ROUNDINGS = ("floor", "ceil")


def whole(value: object) -> bool:
    """A Decimal written as a whole number (exponent 0: `5`, not `5.0` or `5E+1`)."""
    return isinstance(value, Decimal) and value.is_finite() and value.as_tuple().exponent == 0


def int_expr(e: ir.Expr, counts: frozenset[str]) -> bool:
    """Whether `e` is computed exactly by int arithmetic on int counts, giving the value
    (and the exponent 0) the Decimal engine gives."""
    if isinstance(e, ir.Const):
        return whole(e.value)
    if isinstance(e, ir.FactValue):
        return e.name in counts
    if isinstance(e, ir.DaysLate):
        return True
    if isinstance(e, ir.Arith):
        if e.op in ("+", "-"):
            return int_expr(e.left, counts) and int_expr(e.right, counts)
        if e.op == "*":
            constant = isinstance(e.left, ir.Const) or isinstance(e.right, ir.Const)
            return constant and int_expr(e.left, counts) and int_expr(e.right, counts)
        return False  # a quotient is a Decimal, terminating or not
    if isinstance(e, ir.Func):
        if e.func in ("max", "min") and e.args or e.func == "floor" and len(e.args) == 1:
            return all(int_expr(a, counts) for a in e.args)
        return False
    return False  # batch means and statistics, shares, picks: Decimal values


def _numbers(policy: ir.Policy):
    """Every fixed number of the score arithmetic (not grade limits, not 精度)."""
    yield policy.full_marks
    for node in policy.walk():
        yield from (node.points, node.budget, node.bonus_cap)
        for clause in node.clauses:
            yield clause.cap
            if isinstance(clause, ir.Step):
                yield clause.step


def _amounts(clause: ir.Clause) -> list[ir.Expr] | None:
    """The expressions whose values become points, or None for an unknown clause."""
    if isinstance(clause, ir.Step):
        return [clause.amount, clause.quantity]
    if isinstance(clause, ir.Missing):
        return [clause.amount]
    if isinstance(clause, ir.Discretionary):
        return [ir.FactValue(clause.fact)]
    if isinstance(clause, ir.Fixed):
        effects = clause.then + clause.otherwise
        return [e.amount for e in effects if isinstance(e, ir.Points)]
    return None


def eligible(policy: ir.Policy) -> bool:
    """Whether the policy's module computes scores in ints (see the module docstring)."""
    if not all(n is None or whole(n) for n in _numbers(policy)):
        return False
    counts = frozenset(f.name for f in policy.facts if f.type == "count")
    for node in policy.walk():
        for clause in node.clauses:
            if isinstance(clause, ir.Step):
                if clause.rounding not in _ROUNDINGS or not clause.step > 0:
                    return False
            amounts = _amounts(clause)
            if amounts is None or not all(int_expr(a, counts) for a in amounts):
                return False
    return True


_LEAVES = (ir.Const, ir.FactValue, ir.AverageOf, ir.BatchStat)


def _conditions(policy: ir.Policy):
    for node in policy.walk():
        for clause in node.clauses:
            if isinstance(clause, ir.Step) and clause.guard is not None:
                yield clause.guard
            if isinstance(clause, ir.Fixed) and clause.condition is not None:
                yield clause.condition


def _comparisons(c: ir.Cond):
    if isinstance(c, ir.Cmp):
        yield c
    elif isinstance(c, ir.Negate):
        yield from _comparisons(c.operand)
    elif isinstance(c, ir.AllOf | ir.AnyOf):
        for operand in c.operands:
            yield from _comparisons(operand)


def context_free(policy: ir.Policy) -> bool:
    """Whether `score` and `total` of an integer-path module do no Decimal arithmetic
    at all — only int arithmetic, comparisons and `Decimal(n)`, which are exact in any
    decimal context — so that they need not switch to the module's own context (a
    tenth of the time of `total`).  Not so with 精度 (rounding divides), batch values
    (a mean is a quotient), or a condition that computes with a Decimal value."""
    if not eligible(policy) or policy.precision is not None:
        return False
    if policy.averages or policy.stats:
        return False
    counts = frozenset(f.name for f in policy.facts if f.type == "count")
    for condition in _conditions(policy):
        for cmp in _comparisons(condition):
            for side in (cmp.left, cmp.right):
                if not (isinstance(side, _LEAVES) or int_expr(side, counts)):
                    return False
    return True
