"""Neutral values: for each fact, a value under which no clause penalises.

A `测试` block lists only the facts it is about; every other fact takes its declared
default, else the value found here (LANGUAGE.md §8): a count of 0 for a per-unit
deduction, the threshold for a threshold, 是 for an earning condition and for `未【X】`,
否 for an outcome condition, the due date for a late date.  Each clause contributes
the set of values of its facts under which it does not penalise; the sets of all
clauses are intersected.  A fact no clause can be made harmless by (an earning
per-unit clause, a formula) or on which clauses disagree has no neutral value, and a
test that leaves it out is reported with the reason.
"""

from __future__ import annotations

import operator
from collections.abc import Mapping
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from ..ir import nodes as ir
from ..ir import util as irutil

_ZERO = Decimal(0)
_ONE = Decimal(1)
_FLIP = {">=": "<=", ">": "<", "<=": ">=", "<": ">", "==": "==", "!=": "!="}
_NEGATE = {">=": "<", ">": "<=", "<=": ">", "<": ">=", "==": "!=", "!=": "=="}
_OPS = {
    ">=": operator.ge,
    ">": operator.gt,
    "<=": operator.le,
    "<": operator.lt,
    "==": operator.eq,
    "!=": operator.ne,
}


#: The facts a 测试 lists, converted: they are fixed, and neutral values are chosen for
#: the other facts given them (a condition `达到90且未【安装环网】` with 【产能】=120
#: listed needs 安装环网 = 是, not the 否 a test without 产能 would take).
_FIXED: ContextVar[Mapping[str, object] | None] = ContextVar("fixed", default=None)


class Decided(Exception):
    """The listed values alone decide this (sub)condition against what was wanted:
    no choice of the other facts changes it."""


class Unknown(Exception):
    """No harmless value can be derived for these facts from one clause."""

    def __init__(self, facts: set[str]):
        super().__init__(sorted(facts))
        self.facts = set(facts)


@dataclass(frozen=True)
class Allowed:
    """Harmless values of one fact: a subset of {True, False} for a bool, else an
    interval (None: unbounded; `*_open`: the bound itself excluded)."""

    values: frozenset | None = None
    low: object = None
    low_open: bool = False
    high: object = None
    high_open: bool = False

    def meet(self, other: Allowed) -> Allowed:
        values = self.values
        if other.values is not None:
            values = other.values if values is None else values & other.values
        low, low_open = _tighter(
            (self.low, self.low_open), (other.low, other.low_open), operator.gt
        )
        high, high_open = _tighter(
            (self.high, self.high_open), (other.high, other.high_open), operator.lt
        )
        return Allowed(values, low, low_open, high, high_open)

    def empty(self) -> bool:
        if self.values is not None and not self.values:
            return True
        if self.low is None or self.high is None:
            return False
        if self.low > self.high:
            return True
        return self.low == self.high and (self.low_open or self.high_open)

    def contains(self, value: object) -> bool:
        if self.values is not None and value not in self.values:
            return False
        if self.low is not None and (value < self.low or (self.low_open and value == self.low)):
            return False
        return not (
            self.high is not None and (value > self.high or (self.high_open and value == self.high))
        )


def _tighter(a, b, better):
    if a[0] is None:
        return b
    if b[0] is None:
        return a
    if better(b[0], a[0]):
        return b
    if a[0] == b[0]:
        return (a[0], a[1] or b[1])
    return a


def _interval(op: str, value) -> Allowed:
    """Values v with `v op value`."""
    if op == ">=":
        return Allowed(low=value)
    if op == ">":
        return Allowed(low=value, low_open=True)
    if op == "<=":
        return Allowed(high=value)
    if op == "<":
        return Allowed(high=value, high_open=True)
    if op == "==":
        return Allowed(low=value, high=value)
    raise Unknown(set())


Constraints = dict[str, Allowed]


def _settle(found: Constraints) -> Constraints:
    """A condition's constraints with the listed facts taken out: Decided when a listed
    value breaks one (the condition cannot go the wanted way)."""
    fixed = _FIXED.get()
    if not fixed:
        return found
    out = {}
    for name, allowed in found.items():
        if name not in fixed:
            out[name] = allowed
        elif not allowed.contains(fixed[name]):
            raise Decided
    return out


def _drop(found: Constraints) -> Constraints:
    """Constraints of independent facts (each counts on its own) without the listed ones."""
    fixed = _FIXED.get()
    return {name: a for name, a in found.items() if name not in fixed} if fixed else found


def _merge(a: Constraints, b: Constraints) -> Constraints:
    out = dict(a)
    for name, allowed in b.items():
        out[name] = out[name].meet(allowed) if name in out else allowed
    return out


def _facts_in(x) -> set[str]:
    names = set()
    for s in irutil.subexpressions(x):
        if isinstance(s, ir.FactValue | ir.IsTrue):
            names.add(s.name if isinstance(s, ir.FactValue) else s.fact)
        elif isinstance(s, ir.DaysLate):
            names.add(s.fact)
    return names


def _fact_sum(e: ir.Expr) -> list[str] | None:
    """The facts of `F` or `F + G + …`, else None."""
    if isinstance(e, ir.FactValue):
        return [e.name]
    if isinstance(e, ir.Arith) and e.op == "+":
        left, right = _fact_sum(e.left), _fact_sum(e.right)
        if left is not None and right is not None:
            return left + right
    return None


# ----------------------------------------------------------------------- conditions


def truth(cond: ir.Cond, want: bool) -> Constraints:
    """Constraints under which `cond` evaluates to `want` (a single unit, whose batch
    averages are its own values), or Unknown."""
    if isinstance(cond, ir.IsTrue):
        return _settle({cond.fact: Allowed(values=frozenset({want}))})
    if isinstance(cond, ir.Negate):
        return truth(cond.operand, not want)
    if isinstance(cond, ir.AllOf | ir.AnyOf):
        every = isinstance(cond, ir.AllOf) == want  # all operands must give `want`
        if every:
            out: Constraints = {}
            for operand in cond.operands:
                out = _merge(out, truth(operand, want))
            return out
        missing: set[str] = set()
        decided = 0
        for operand in cond.operands:
            try:
                return truth(operand, want)
            except Decided:
                decided += 1
            except Unknown as exc:
                missing |= exc.facts
        if decided == len(cond.operands):
            raise Decided
        raise Unknown(missing or _facts_in(cond))
    if isinstance(cond, ir.Cmp):
        return _settle(_compare(cond, want))
    raise Unknown(_facts_in(cond))


def _compare(cond: ir.Cmp, want: bool) -> Constraints:
    op = cond.op if want else _NEGATE[cond.op]
    left, right = cond.left, cond.right
    if isinstance(left, ir.Const) and not isinstance(right, ir.Const):
        left, right, op = right, left, _FLIP[op]
    if isinstance(left, ir.FactValue) and isinstance(right, ir.Const):
        if op == "!=":
            raise Unknown({left.name})
        return {left.name: _interval(op, right.value)}
    if isinstance(left, ir.FactValue) and isinstance(right, ir.AverageOf):
        if left.name == right.name:  # the average is the unit's own value
            if _OPS[op](_ZERO, _ZERO):
                return {left.name: Allowed()}
            raise Unknown({left.name})
    if isinstance(left, ir.DaysLate) and isinstance(right, ir.Const):
        days = right.value
        if isinstance(days, Decimal) and days == days.to_integral_value() and op != "!=":
            return {left.fact: _interval(op, left.due + timedelta(days=int(days)))}
    summed = _fact_sum(left)
    if summed is not None and isinstance(right, ir.Const) and isinstance(right.value, Decimal):
        if _OPS[op](_ZERO, right.value):
            return {name: Allowed(low=_ZERO, high=_ZERO) for name in summed}
    raise Unknown(_facts_in(cond))


# -------------------------------------------------------------------------- clauses


def _bad(effects) -> bool:
    """A branch that penalises when taken: a deduction that can be positive or an outcome."""
    for _, effect in effects:
        if isinstance(effect, ir.Outcome):
            return True
        if effect.kind == "deduct":
            amount = effect.amount
            if not (isinstance(amount, ir.Const) and not amount.value > 0):
                return True
    return False


def _zero_amount(e: ir.Expr) -> Constraints:
    """Facts of a computed amount set to 0, when that makes it at most 0."""
    names = _facts_in(e)
    try:
        value = _evaluate(e, dict.fromkeys(names, _ZERO))
    except (ArithmeticError, TypeError, KeyError):
        raise Unknown(names) from None
    if value > 0:
        raise Unknown(names)
    return {name: Allowed(low=_ZERO, high=_ZERO) for name in names}


def _evaluate(e: ir.Expr, env: dict) -> Decimal:
    if isinstance(e, ir.Const):
        return e.value
    if isinstance(e, ir.FactValue):
        return env[e.name]
    if isinstance(e, ir.Arith):
        ops = {"+": operator.add, "-": operator.sub, "*": operator.mul, "/": operator.truediv}
        return ops[e.op](_evaluate(e.left, env), _evaluate(e.right, env))
    if isinstance(e, ir.Func) and e.func in ("max", "min"):
        return (max if e.func == "max" else min)(_evaluate(a, env) for a in e.args)
    raise KeyError(type(e).__name__)


def clause_constraints(clause: ir.Clause) -> Constraints:
    """The harmless values of the facts of one clause (Unknown when there are none);
    none at all when the listed facts alone decide it."""
    try:
        return _drop(_clause_constraints(clause))
    except Decided:
        return {}


def _clause_constraints(clause: ir.Clause) -> Constraints:
    if isinstance(clause, ir.Missing):
        return {name: Allowed(values=frozenset({True})) for name in clause.facts}
    if isinstance(clause, ir.Discretionary):
        if clause.kind == "earn":  # the most it can earn is not a neutral choice
            raise Unknown({clause.fact})
        if clause.kind == "bonus":
            return {}
        return {clause.fact: Allowed(low=_ZERO, high=_ZERO)}
    if isinstance(clause, ir.Step):
        return _step(clause)
    if isinstance(clause, ir.Fixed):
        return _fixed(clause)
    raise Unknown(_facts_in_clause(clause))


def _facts_in_clause(clause: ir.Clause) -> set[str]:
    names: set[str] = set()
    for part in irutil.clause_parts(clause):
        names |= _facts_in(part)
    return names


def _step(clause: ir.Step) -> Constraints:
    if clause.kind == "bonus":
        return {}
    if clause.kind == "earn":
        raise Unknown(_facts_in_clause(clause))
    summed = _fact_sum(clause.quantity)
    if clause.guard is not None:
        try:
            return truth(clause.guard, False)
        except Decided:
            if summed is None:
                return {}
        except Unknown:
            if summed is None:
                raise
    if summed is None:
        raise Unknown(_facts_in_clause(clause))
    if len(summed) == 1 and clause.rounding == "floor":
        return {summed[0]: Allowed(low=_ZERO, high=clause.step, high_open=True)}
    return {name: Allowed(low=_ZERO, high=_ZERO) for name in summed}


def _fixed(clause: ir.Fixed) -> Constraints:
    then, otherwise = irutil.fixed_effects(clause)
    then_bad = _bad(then) or irutil.earns(otherwise)
    else_bad = _bad(otherwise) or irutil.earns(then)
    if clause.condition is None:  # always applies: only a formula can be made harmless
        out: Constraints = {}
        for _, effect in then:
            if not isinstance(effect, ir.Points) or isinstance(effect.amount, ir.Const):
                continue
            if effect.kind == "deduct":
                out = _merge(out, _zero_amount(effect.amount))
            elif effect.kind == "earn":
                raise Unknown(_facts_in(effect.amount))
        return out
    if then_bad and else_bad:
        raise Unknown(_facts_in(clause.condition))
    if then_bad:
        return truth(clause.condition, False)
    if else_bad:
        return truth(clause.condition, True)
    return {}


# ---------------------------------------------------------------------------- facts


@dataclass(frozen=True)
class Neutral:
    """A fact's value for tests that do not list it, or why there is none."""

    name: str
    value: object = None
    source: str = "中性值"  # 默认值 | 中性值
    problem: str = ""
    clauses: tuple[tuple[int, str], ...] = field(default_factory=tuple)

    @property
    def found(self) -> bool:
        return not self.problem


def _domain(fact: ir.Fact) -> Allowed:
    low = fact.low
    high = fact.high
    if fact.type == "bool":
        return Allowed(values=frozenset({True, False}))
    if fact.type == "date":
        return Allowed()
    if fact.type == "count" or fact.percent_bounded:
        low = _ZERO if low is None else max(low, _ZERO)
    if fact.percent_bounded:  # a declared range replaces 0–100
        high = Decimal(100)
    return Allowed(low=low, high=high)


def _pick(fact: ir.Fact, allowed: Allowed, year: int) -> object | None:
    """A representative harmless value: the lowest allowed, the count 0, 否 …"""
    if fact.type == "bool":
        values = allowed.values if allowed.values is not None else {True, False}
        return False if False in values else (True if True in values else None)
    step = timedelta(days=1) if fact.type == "date" else _ONE
    candidates = []
    if allowed.low is None and allowed.high is None:
        candidates.append(date(year or 2000, 1, 1) if fact.type == "date" else _ZERO)
    if allowed.low is not None:
        candidates.append(allowed.low + step if allowed.low_open else allowed.low)
    if allowed.high is not None:
        candidates.append(allowed.high - step if allowed.high_open else allowed.high)
        if fact.type != "date":
            candidates.append(_ZERO)
    if allowed.low is not None and allowed.high is not None and fact.type != "date":
        candidates.append((allowed.low + allowed.high) / 2)
    for value in candidates:
        if fact.type == "count" and value != value.to_integral_value():
            continue
        if allowed.contains(value):
            return int(value) if fact.type == "count" else value
    return None


def neutral_values(
    policy: ir.Policy, fixed: Mapping[str, object] | None = None
) -> dict[str, Neutral]:
    """Every fact's value for a test that leaves it out, given the (converted) values
    of the facts it lists."""
    token = _FIXED.set(dict(fixed or {}))
    try:
        return _neutral_values(policy)
    finally:
        _FIXED.reset(token)


def _neutral_values(policy: ir.Policy) -> dict[str, Neutral]:
    constraints: dict[str, list[tuple[ir.ClauseBase, Allowed]]] = {}
    blockers: dict[str, list[ir.ClauseBase]] = {}
    for node in policy.walk():
        for clause in node.clauses:
            try:
                found = clause_constraints(clause)
            except Unknown as exc:
                for name in exc.facts:
                    blockers.setdefault(name, []).append(clause)
                continue
            for name, allowed in found.items():
                constraints.setdefault(name, []).append((clause, allowed))
    out = {}
    for fact in policy.facts:
        out[fact.name] = _neutral(fact, constraints.get(fact.name, []), blockers, policy.year)
    return out


def _where(clauses) -> tuple[tuple[int, str], ...]:
    return tuple((c.line, c.text) for c in clauses)


def _neutral(fact: ir.Fact, found, blockers, year: int) -> Neutral:
    if fact.default is not None:
        return Neutral(fact.name, irutil.default_value(fact), "默认值")
    if fact.name in blockers:
        clauses = blockers[fact.name]
        return Neutral(
            fact.name,
            problem=f"【{fact.name}】没有默认值，且无法确定使条款不扣分的取值，测试须列出它",
            clauses=_where(clauses),
        )
    allowed = _domain(fact)
    for _, constraint in found:
        allowed = allowed.meet(constraint)
    value = None if allowed.empty() else _pick(fact, allowed, year)
    if value is None:
        return Neutral(
            fact.name,
            problem=f"【{fact.name}】没有默认值，且各条款不扣分的取值互相矛盾，测试须列出它",
            clauses=_where(c for c, _ in found),
        )
    return Neutral(fact.name, value, "中性值")
