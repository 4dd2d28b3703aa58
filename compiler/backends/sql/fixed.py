"""Exact fixed-point arithmetic in SQL: every number is a scaled integer.

A number v is held as the integer V = v·10^scale in DECIMAL(38, 0), with its scale
known when the query is built (a count has scale 0, a decimal fact 6, `0.5` 1).
Additions align scales, products add them, and only a quotient — or a product with
more than SCALE decimal places — is rounded, half to even at SCALE places (the
Python engine keeps 40; see docs/guide.md, 大规模计分).  Integer division is the
one operation the engines disagree on (DuckDB divides decimals in floating point),
so it is a marker (`exp.IntDiv`) that `dialects` renders per engine.

Each value also carries a bound on its digits; an operation that could need more
than 38 raises SqlUnsupported when the query is built, never an overflow at run time.
The same bounds let DuckDB compute in BIGINT: when no scaled integer of a query
can reach 10^18 (`widest` ≤ BIGINT_DIGITS, as for whole amounts over counts), its
scaled integers are BIGINTs there (`dialects.render`) — the same values, several
times faster than DuckDB's 128-bit DECIMAL(38, 0).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from decimal import Decimal

from sqlglot import exp

from .plan import Plan

#: Decimal places kept by a quotient (and by a product that would have more).
SCALE = 12
#: Digits of DECIMAL(38, 0), the one numeric type of the query.
MAX_DIGITS = 38
#: Digits of a dividend (see `_quotient`).
QUOTIENT_DIGITS = 32
#: Digits below which every scaled integer fits a BIGINT (< 10^18 < 2^63).
BIGINT_DIGITS = 18
INT = exp.DataType.build("DECIMAL(38, 0)")
INT.meta["scaled"] = True  # a scaled integer's type: BIGINT in DuckDB when they all fit
#: The widest scaled integer of each query being built (see `measured`).
_WIDEST: ContextVar[list[int] | None] = ContextVar("widest", default=None)


@contextlib.contextmanager
def measured() -> Iterator[list[int]]:
    """[digits]: the most digits of any scaled integer made inside (every Num, every
    integer literal) — a bound on every integer the query computes, since each
    operation's result is a Num whose digits bound it, and what an operation holds
    on the way (a remainder, a product q·d) is no wider than its operands."""
    box = [1]
    token = _WIDEST.set(box)
    try:
        yield box
    finally:
        _WIDEST.reset(token)


def fit_bigint(tree: exp.Expression, widest: int) -> None:
    """Mark the tree's scaled-integer types and integer quotients `bigint` when no
    scaled integer has more than BIGINT_DIGITS digits (`measured`): DuckDB then
    computes them in BIGINT (`dialects.render`); the other engines ignore the mark."""
    small = widest <= BIGINT_DIGITS
    for node in tree.find_all(exp.DataType, exp.IntDiv):
        if isinstance(node, exp.IntDiv) or node.meta.get("scaled"):
            node.meta["bigint"] = small


def _seen(digits: int) -> None:
    box = _WIDEST.get()
    if box is not None and digits > box[0]:
        box[0] = digits


class SqlUnsupported(ValueError):
    """The policy uses what the SQL backend cannot compute exactly (or a new IR kind)."""


@dataclass(frozen=True)
class Num:
    """V (an integer-valued SQL expression), its scale and |V| < 10**digits."""

    expr: exp.Expression
    scale: int
    digits: int

    def __post_init__(self) -> None:
        _seen(self.digits)


def integer(n: int) -> exp.Expression:
    """An integer literal of the query's numeric type."""
    literal = exp.Literal.number(str(abs(n)))
    _seen(len(literal.this))
    cast = exp.Cast(this=literal, to=INT.copy())
    return exp.Neg(this=cast) if n < 0 else cast


def const(value: Decimal | int) -> Num:
    value = Decimal(value)
    sign, digits, exponent = value.as_tuple()
    scale = max(0, -exponent)
    scaled = int(value.scaleb(scale))
    return Num(integer(scaled), scale, max(1, len(str(abs(scaled)))))


def paren(e: exp.Expression) -> exp.Expression:
    return e if isinstance(e, (exp.Column, exp.Literal, exp.Cast, exp.Paren)) else exp.Paren(this=e)


def _check(digits: int) -> int:
    if digits > MAX_DIGITS:
        raise SqlUnsupported(f"计算中的数可能超过 {MAX_DIGITS} 位有效数字")
    return digits


def _quotient(digits: int) -> int:
    """A dividend's digits: Spark keeps six decimal places of a DECIMAL(38, 0)
    quotient, so a quotient has at most 32 integer digits there."""
    if digits > QUOTIENT_DIGITS:
        raise SqlUnsupported(f"除法中的数可能超过 {QUOTIENT_DIGITS} 位有效数字")
    return digits


def _known_digits(n: Num) -> int:
    """Digits of a constant divisor (1 for one computed: |divisor| ≥ 1 then)."""
    e = n.expr
    if isinstance(e, exp.Cast) and isinstance(e.this, exp.Literal):
        return len(e.this.this)
    return 1


def when(cond: exp.Expression, then: exp.Expression, other: exp.Expression) -> exp.Case:
    return exp.Case(ifs=[exp.If(this=cond, true=then)], default=other)


def concat(parts: list[exp.Expression]) -> exp.Expression:
    """Texts joined with ||, left to right."""
    out = parts[0]
    for part in parts[1:]:
        out = exp.DPipe(this=out, expression=part)
    return out


def any_of(conds: list[exp.Expression]) -> exp.Expression:
    """(c1 OR c2 OR …), parenthesised so that it nests anywhere; FALSE when empty."""
    if not conds:
        return exp.false()
    out = conds[0]
    for c in conds[1:]:
        out = exp.Or(this=out, expression=c)
    return exp.Paren(this=out)


def all_of(conds: list[exp.Expression]) -> exp.Expression:
    """(c1 AND c2 AND …), parenthesised so that it nests anywhere; TRUE when empty."""
    if not conds:
        return exp.true()
    out = conds[0]
    for c in conds[1:]:
        out = exp.And(this=out, expression=c)
    return exp.Paren(this=out)


class Fixed:
    """The arithmetic, binding what it reads twice as plan columns."""

    def __init__(self, plan: Plan, dialect: str = "duckdb"):
        self.plan = plan
        self.dialect = dialect  # only `to_decimal` spells its result per engine

    def let(self, n: Num, hint: str = "n") -> Num:
        return Num(self.plan.let(n.expr, hint), n.scale, n.digits)

    # -------------------------------------------------------------- exact operations

    def rescale(self, a: Num, scale: int) -> Num:
        """a at a larger scale (exact)."""
        if scale <= a.scale:
            return a
        factor = 10 ** (scale - a.scale)
        digits = _check(a.digits + scale - a.scale)
        return Num(exp.Mul(this=paren(a.expr), expression=integer(factor)), scale, digits)

    def align(self, a: Num, b: Num) -> tuple[Num, Num]:
        scale = max(a.scale, b.scale)
        return self.rescale(a, scale), self.rescale(b, scale)

    def add(self, a: Num, b: Num) -> Num:
        a, b = self.align(a, b)
        digits = _check(max(a.digits, b.digits) + 1)
        return Num(exp.Add(this=paren(a.expr), expression=paren(b.expr)), a.scale, digits)

    def sub(self, a: Num, b: Num) -> Num:
        a, b = self.align(a, b)
        digits = _check(max(a.digits, b.digits) + 1)
        return Num(exp.Sub(this=paren(a.expr), expression=paren(b.expr)), a.scale, digits)

    def total(self, terms: list[Num]) -> Num:
        """Left to right, 0 when empty."""
        if not terms:
            return const(0)
        scale = max(t.scale for t in terms)
        terms = [self.rescale(t, scale) for t in terms]
        out = terms[0].expr
        for term in terms[1:]:  # every partial sum is within the bound of the whole
            out = exp.Add(this=paren(out), expression=paren(term.expr))
        widest = max(t.digits for t in terms)
        return Num(out, scale, _check(widest + len(str(len(terms) - 1))))

    def mul(self, a: Num, b: Num, limit: bool = True) -> Num:
        digits = _check(a.digits + b.digits)
        out = Num(exp.Mul(this=paren(a.expr), expression=paren(b.expr)), a.scale + b.scale, digits)
        if limit and out.scale > SCALE:
            return self.round_to(out, SCALE)
        return out

    def compare(self, op: str, a: Num, b: Num) -> exp.Expression:
        a, b = self.align(a, b)
        ops = {
            ">=": exp.GTE,
            ">": exp.GT,
            "<=": exp.LTE,
            "<": exp.LT,
            "==": exp.EQ,
            "!=": exp.NEQ,
        }
        return ops[op](this=paren(a.expr), expression=paren(b.expr))

    def pick(self, cond: exp.Expression, a: Num, b: Num) -> Num:
        a, b = self.align(a, b)
        return Num(when(cond, a.expr, b.expr), a.scale, max(a.digits, b.digits))

    def least(self, a: Num, b: Num) -> Num:
        return self.pick(self.compare("<=", a, b), a, b)

    def at_most(self, a: Num, limit: Decimal) -> Num:
        """min(a, limit) for an a that is never negative: no wider than the limit."""
        out = self.least(a, const(limit))
        bound = self.rescale(const(limit), out.scale).digits
        return Num(out.expr, out.scale, min(out.digits, bound))

    def greatest(self, a: Num, b: Num) -> Num:
        return self.pick(self.compare(">=", a, b), a, b)

    def positive(self, a: Num) -> Num:
        """A computed amount below zero counts as zero."""
        a = self.let(a)
        return Num(
            when(exp.GT(this=a.expr, expression=integer(0)), a.expr, integer(0)), a.scale, a.digits
        )

    # ------------------------------------------------------------ integer quotients

    def _divmod(self, n: exp.Expression, d: exp.Expression) -> tuple[exp.Column, exp.Column]:
        """(q, r) of truncated division; n and d are bound first (the marker repeats them)."""
        n = self.plan.let(n, "a")
        d = self.plan.let(d, "b")
        q = self.plan.let(exp.IntDiv(this=n, expression=d), "q")
        r = self.plan.let(exp.Sub(this=n, expression=exp.Mul(this=q, expression=d)), "r")
        return q, r

    def _signs_agree(self, x: exp.Expression, y: exp.Expression) -> exp.Expression:
        zero = integer(0)
        return exp.EQ(
            this=exp.Paren(this=exp.LT(this=x, expression=zero)),
            expression=exp.Paren(this=exp.LT(this=y, expression=zero)),
        )

    def divide_int(self, n: exp.Expression, d: exp.Expression, mode: str) -> exp.Expression:
        """n ÷ d rounded to an integer: "trunc", "floor", "ceil", "half_up" (away from
        zero) or "half_even".  d must not be zero."""
        q, r = self._divmod(n, d)
        if mode == "trunc":
            return q
        one, zero = integer(1), integer(0)
        nonzero = exp.NEQ(this=r, expression=zero)
        if mode == "floor":
            late = exp.And(this=nonzero, expression=exp.Not(this=self._signs_agree(r, d)))
            return exp.Sub(this=q, expression=when(late, one, zero))
        if mode == "ceil":
            early = exp.And(this=nonzero, expression=self._signs_agree(r, d))
            return exp.Add(this=q, expression=when(early, one, zero))
        twice = exp.Mul(this=integer(2), expression=exp.Abs(this=r))
        size = exp.Abs(this=self.plan.let(d, "b"))
        if mode == "half_up":
            up = exp.GTE(this=twice, expression=size)
        else:
            odd = exp.NEQ(this=exp.Mod(this=q, expression=integer(2)), expression=zero)
            up = exp.Or(
                this=exp.GT(this=twice, expression=size),
                expression=exp.And(this=exp.EQ(this=twice, expression=size), expression=odd),
            )
        sign = when(self._signs_agree(r, d), one, exp.Neg(this=one))
        return exp.Add(this=q, expression=when(up, sign, zero))

    def round_to(self, a: Num, scale: int, mode: str = "half_even") -> Num:
        """a with at most `scale` places."""
        if a.scale <= scale:
            return a
        value = self.divide_int(a.expr, integer(10 ** (a.scale - scale)), mode)
        return Num(value, scale, a.digits - (a.scale - scale) + 1)

    def div(self, a: Num, b: Num) -> tuple[Num, exp.Expression]:
        """a ÷ b to SCALE places, and the condition under which b is zero (the
        quotient is then meaningless and the row an error)."""
        b = self.let(b, "d")
        zero = exp.EQ(this=b.expr, expression=integer(0))
        shift = SCALE - a.scale + b.scale
        num = self.rescale(a, a.scale + shift) if shift >= 0 else a
        den = b if shift >= 0 else self.rescale(b, b.scale - shift)
        safe = when(zero, integer(1), den.expr)
        value = self.divide_int(num.expr, safe, "half_even")
        return Num(value, SCALE, _quotient(num.digits) + 1 - _known_digits(den) + 1), zero

    def steps(self, q: Num, step: Decimal, mode: str) -> Num:
        """q ÷ step rounded to an integer ("trunc", "ceil", "floor", "half_up"); step
        is a nonzero constant, so the quotient is exact before rounding:
        q ÷ step = (Q·10^k) ÷ (S·10^scale(q)) for step = S·10^-k."""
        s = const(step)
        num = self.rescale(q, q.scale + s.scale)
        den = integer(int(Decimal(step).scaleb(s.scale)) * 10**q.scale)
        value = self.divide_int(num.expr, den, mode)
        return Num(value, 0, _quotient(num.digits) + 1 - len(str(abs(int(den.this.this)))) + 1)

    def round_step(self, a: Num, step: Decimal) -> Num:
        """Half-up rounding to a step (四舍五入 to 精度): 2.345 → 2.35 at 0.01."""
        units = self.let(self.steps(a, step, "half_up"), "u")
        s = const(step)
        product = exp.Mul(this=paren(units.expr), expression=s.expr)
        return Num(product, s.scale, _check(units.digits + s.digits))

    def to_decimal(self, a: Num, bind: bool = True) -> exp.Expression:
        """The value as DECIMAL(38, scale), for output.  DuckDB multiplies by
        10^-scale, exactly (a DECIMAL(38, 0) times a DECIMAL(scale + 1, scale) is a
        DECIMAL(38, scale) there).  Elsewhere it is built from the digits' text:
        multiplying would lose places under Spark's decimal rules."""
        dtype = exp.DataType.build(f"DECIMAL(38, {a.scale})")
        if a.scale == 0:
            return exp.Cast(this=a.expr, to=dtype)
        if self.dialect == "duckdb":
            unit = exp.Cast(
                this=exp.Literal.string(f"{Decimal(1).scaleb(-a.scale):f}"),
                to=exp.DataType.build(f"DECIMAL({a.scale + 1}, {a.scale})"),
            )
            return exp.Cast(this=exp.Mul(this=paren(a.expr), expression=unit), to=dtype)
        let = self.plan.let if bind else (lambda e, hint: e)
        value = let(a.expr, "o")
        text = exp.Cast(this=exp.Abs(this=value), to=exp.DataType.build("TEXT"))
        text = let(text, "t")
        # LPAD cuts a longer text down to the width: pad only up to what it has
        width = exp.Cast(
            this=exp.Greatest(
                this=exp.Length(this=text), expressions=[exp.Literal.number(a.scale + 1)]
            ),
            to=exp.DataType.build("INT"),
        )
        digits = let(
            exp.Pad(
                this=text, expression=width, fill_pattern=exp.Literal.string("0"), is_left=True
            ),
            "t",
        )
        sign = when(
            exp.LT(this=value, expression=integer(0)),
            exp.Literal.string("-"),
            exp.Literal.string(""),
        )
        head = exp.Left(
            this=digits,
            expression=exp.Sub(
                this=exp.Length(this=digits), expression=exp.Literal.number(a.scale)
            ),
        )
        tail = exp.Right(this=digits, expression=exp.Literal.number(a.scale))
        joined = exp.DPipe(
            this=exp.DPipe(
                this=exp.DPipe(this=sign, expression=head), expression=exp.Literal.string(".")
            ),
            expression=tail,
        )
        return exp.Cast(this=joined, to=dtype)
