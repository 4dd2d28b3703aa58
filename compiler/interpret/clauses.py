"""How the reference interpreter evaluates one clause, expression and condition.

Each clause reports its effects as (role, value, item) triples — roles deduct, bonus,
earn, missed (an earning not obtained) and outcome — with every effect present, zero
when its branch was not taken, so that the node sums see the same terms as the
generated code.  Plain recursion over the IR, nothing precomputed.
"""

from __future__ import annotations

import operator
from dataclasses import dataclass, field
from decimal import Decimal

from ..ir import nodes as ir
from ..ir import util as irutil
from ..support import prelude as rt

ZERO = rt._ZERO
_ARITH = {"+": operator.add, "-": operator.sub, "*": operator.mul, "/": operator.truediv}
_CMP = {
    ">=": operator.ge,
    ">": operator.gt,
    "<=": operator.le,
    "<": operator.lt,
    "==": operator.eq,
    "!=": operator.ne,
}
_UNITS = {"floor": rt._units_floor, "ceil": rt._units_ceil}


def total_of(terms: list[Decimal]) -> Decimal:
    """Left to right, ZERO when empty (the generated code writes `a + b + c`)."""
    if not terms:
        return ZERO
    total = terms[0]
    for term in terms[1:]:
        total = total + term
    return total


def at_most(value: Decimal, limit: Decimal) -> Decimal:
    return value if value <= limit else limit


def positive(value: Decimal) -> Decimal:
    """A computed amount below zero counts as zero; zero is always the same ZERO."""
    return value if value > 0 else ZERO


@dataclass
class PendingItem:
    """An item while its node budgets are still being allotted."""

    key: tuple[int, int, int]
    clause: str | None
    path: str
    line: int
    text: str
    inputs: tuple
    kind: str
    raw: Decimal
    nominal: Decimal
    note: str
    applied: Decimal = ZERO

    def __post_init__(self) -> None:
        self.applied = self.nominal

    def freeze(self) -> rt.Item:
        return rt.Item(
            self.clause,
            self.path,
            self.line,
            self.text,
            self.inputs,
            self.kind,
            self.raw,
            self.nominal,
            self.applied,
            self.note,
        )


@dataclass
class Walk:
    """What one scoring walk collects besides the numbers."""

    env: dict[str, object]
    averages: dict[str, Decimal]
    unit: object
    stats: dict = field(default_factory=dict)  # ir.BatchStat → the unit's value
    records: dict[str, rt.NodeScore] = field(default_factory=dict)
    items: list[PendingItem] = field(default_factory=list)
    fired: set[str] = field(default_factory=set)
    vetoed: bool = False
    disqualified: bool = False
    labels: list[str] = field(default_factory=list)
    ceilings: list[int] = field(default_factory=list)
    floors: list[int] = field(default_factory=list)
    # node path → (clause id, share) of the first `本项按满分计` that held there
    overrides: dict[str, tuple[str, Decimal]] = field(default_factory=dict)


def allot_items(items: list[PendingItem], budget: Decimal) -> None:
    ordered = sorted(items, key=lambda i: i.key)
    for item, share in zip(ordered, rt._allot([i.applied for i in ordered], budget), strict=True):
        item.applied = share


class ClauseEvaluation:
    """The clause half of the Interpreter (needs `policy` and `ordinals`)."""

    policy: ir.Policy
    ordinals: dict[str, int]

    def _clause(
        self, clause: ir.Clause, walk: Walk
    ) -> list[tuple[str, Decimal, PendingItem | None]]:
        """(role, value, item-or-None) for each effect; roles: deduct, bonus, earn,
        missed (an earning effect not obtained) and outcome."""
        try:
            if isinstance(clause, ir.Step):
                return self._step(clause, walk)
            if isinstance(clause, ir.Missing):
                return self._missing(clause, walk)
            if isinstance(clause, ir.Discretionary):
                return self._discretionary(clause, walk)
            if isinstance(clause, ir.Fixed):
                return self._fixed(clause, walk)
            raise TypeError(f"unknown clause kind {type(clause).__name__}")
        except rt.InputError:
            raise
        except Exception as exc:
            place = (clause.id, clause.line, clause.text)
            raise rt._failure(exc, walk.unit, place, self.policy.filename)  # noqa: B904

    def _inputs(self, clause: ir.Clause, walk: Walk) -> tuple:
        pairs = [(name, walk.env[name]) for name in clause.inputs if name in walk.env]
        pairs += [
            (irutil.AVERAGE_INPUT.format(name), walk.averages[name])
            for name in irutil.clause_averages(clause)
        ]
        pairs += [
            (irutil.stat_key(stat), walk.stats[stat])
            for stat in irutil.clause_stats(clause)
            if stat.kind != "value"
        ]
        return tuple(pairs)

    def _capped(self, clause: ir.Clause, raw: Decimal) -> Decimal:
        """The clause's own cap; a nominal that is not positive is ZERO."""
        return raw if clause.cap is None else positive(at_most(raw, clause.cap))

    def _item(self, clause, walk, effect, kind, raw, nominal, note="") -> PendingItem:
        key = irutil.item_key(clause, self.ordinals[clause.id], effect)
        inputs = self._inputs(clause, walk)
        return PendingItem(
            key, clause.id, clause.path, clause.line, clause.text, inputs, kind, raw, nominal, note
        )

    def _amount_role(self, clause, walk, kind, raw, effect=0, note=""):
        """An effect's outcome with its item: deducts and bonuses make items, earns do not."""
        nominal = self._capped(clause, raw)
        if nominal > 0:
            walk.fired.add(clause.id)
        item = None
        if nominal > 0 and kind in ("deduct", "bonus"):
            item = self._item(clause, walk, effect, kind, raw, nominal, note)
        return (kind, nominal, item)

    def _step(self, clause: ir.Step, walk: Walk):
        raw = ZERO
        if clause.guard is None or self._cond(clause.guard, walk):
            quantity = self._expr(clause.quantity, walk)
            if quantity > 0 and clause.rounding == "ratio":
                # amount × q / step: multiplying first keeps 0.3 × 7 / 3 exact
                amount = self._expr(clause.amount, walk)
                raw = positive(rt._limit(amount * quantity / clause.step))
            elif quantity > 0:
                units = _UNITS[clause.rounding](quantity, clause.step)
                raw = positive(self._expr(clause.amount, walk) * units)
        return [self._amount_role(clause, walk, clause.kind, raw)]

    def _missing(self, clause: ir.Missing, walk: Walk):
        count = sum(1 for name in clause.facts if not walk.env[name])
        raw = ZERO
        if count > 0:
            raw = positive(self._expr(clause.amount, walk) * Decimal(count))
        return [self._amount_role(clause, walk, clause.kind, raw)]

    def _discretionary(self, clause: ir.Discretionary, walk: Walk):
        raw = positive(self._expr(ir.FactValue(clause.fact), walk))
        return [self._amount_role(clause, walk, clause.kind, raw)]

    def _fixed(self, clause: ir.Fixed, walk: Walk):
        """Earning amounts are evaluated first (a missed one is explained by its amount),
        then the condition, then the taken branch's effects; every effect reports a
        value, zero when its branch was not taken, in the order the effects are written."""
        then, otherwise = irutil.fixed_effects(clause)
        earn_amounts = {}
        wholes = {}  # what a full share would give
        lazy = {}  # earnings computed only when taken (irutil.lazy_earning)
        for index, effect in then + otherwise:
            if irutil.lazy_earning(clause, effect):
                lazy[index] = effect.amount
            elif isinstance(effect, ir.Points) and effect.kind == "earn":
                raw = positive(self._expr(effect.amount, walk))
                earn_amounts[index] = (raw, self._capped(clause, raw))
                full = irutil.partial_whole(effect)
                if full is not None:
                    whole = positive(self._expr(full, walk))
                    wholes[index] = (self._capped(clause, whole), irutil.partial_note(effect))
        holds = clause.condition is None or self._cond(clause.condition, walk)
        taken = {index for index, _ in (then if holds else otherwise)}
        for index, amount in lazy.items():
            raw = positive(self._expr(amount, walk)) if index in taken else ZERO
            earn_amounts[index] = (raw, self._capped(clause, raw))
        out = []
        for index, effect in then + otherwise:
            chosen = index in taken
            if isinstance(effect, ir.Outcome):
                if chosen:
                    walk.fired.add(clause.id)
                    if effect.kind == "override":
                        share = irutil.override_share(effect)
                        walk.overrides.setdefault(clause.path, (clause.id, share))
                    else:
                        self._outcome(effect, walk)
                    note = irutil.outcome_note(effect)
                    item = self._item(clause, walk, index, "outcome", ZERO, ZERO, note)
                    out.append(("outcome", ZERO, item))
            elif effect.kind == "earn":
                raw, nominal = earn_amounts[index]
                lost, note = self._lost(clause, walk, chosen, nominal, wholes.get(index))
                item = None
                if chosen:
                    walk.fired.add(clause.id)
                if lost > 0:
                    raw = lost if index in wholes else raw
                    item = self._item(clause, walk, index, "deduct", raw, lost, note)
                out.append(("earn", nominal if chosen else ZERO, None))
                out.append(("missed", lost, item))
            elif chosen:
                raw = positive(self._expr(effect.amount, walk))
                note = irutil.points_note(effect)
                out.append(self._amount_role(clause, walk, effect.kind, raw, index, note))
            else:
                out.append((effect.kind, ZERO, None))
        return out

    def _lost(self, clause: ir.Fixed, walk: Walk, chosen: bool, nominal, whole):
        """What an earning effect lost, and why: a share taken for less than its whole,
        or an earning not taken — unless another alternative of the same rank clause
        explains the unit's points (`missable`, `unless`)."""
        if chosen:
            if whole is None:
                return ZERO, irutil.NOTE_SHARE
            gap = whole[0] - nominal
            return (gap if gap > 0 else ZERO), whole[1]
        if not clause.missable:
            return ZERO, ""
        if clause.unless is not None and self._cond(clause.unless, walk):
            return ZERO, ""
        return nominal, whole[1] if whole is not None else irutil.NOTE_MISSED

    def _outcome(self, effect: ir.Outcome, walk: Walk) -> None:
        if effect.kind == "disqualify":
            walk.disqualified = True
        elif effect.kind == "veto":
            walk.vetoed = True
        elif effect.kind == "label" or effect.kind in irutil.GRADE_LIMIT_KINDS:
            label = irutil.outcome_label(effect)
            if label not in walk.labels:
                walk.labels.append(label)
            if effect.kind in irutil.GRADE_LIMIT_KINDS:
                index = irutil.band_index(self.policy, effect.label)
                (walk.ceilings if effect.kind == "ceiling" else walk.floors).append(index)
        else:
            raise ValueError(f"unknown outcome {effect.kind!r}")

    # ------------------------------------------------------------ expressions, conditions

    def _expr(self, expr: ir.Expr, walk: Walk):
        if isinstance(expr, ir.Const):
            return expr.value
        if isinstance(expr, ir.FactValue):
            value = walk.env[expr.name]
            # counts are ints; as numbers in a formula they are Decimals
            return Decimal(value) if type(value) is int else value
        if isinstance(expr, ir.AverageOf):
            return walk.averages[expr.name]
        if isinstance(expr, ir.Arith):
            value = _ARITH[expr.op](self._expr(expr.left, walk), self._expr(expr.right, walk))
            return rt._limit(value) if expr.op in "*/" else value
        if isinstance(expr, ir.Func):
            args = [self._expr(arg, walk) for arg in expr.args]
            if expr.func == "max":
                return max(args)
            if expr.func == "min":
                return min(args)
            if expr.func == "floor":
                return rt._floor(args[0])
            if expr.func == "round":
                return rt._round(args[0], args[1])
            raise ValueError(f"unknown function {expr.func!r}")
        if isinstance(expr, ir.DaysLate):
            return rt._days_late(walk.env[expr.fact], expr.due)
        if isinstance(expr, ir.BatchStat):
            return walk.stats[expr]
        if isinstance(expr, ir.Share):
            points = self._expr(expr.points, walk)
            value = self._expr(expr.value, walk)
            return rt._share(points, value, self._expr(expr.best, walk), expr.high)
        if isinstance(expr, ir.Pick):
            return rt._pick(self._expr(expr.index, walk), expr.amounts)
        raise TypeError(f"unknown expression {type(expr).__name__}")

    def _cond(self, cond: ir.Cond, walk: Walk) -> bool:
        if isinstance(cond, ir.IsTrue):
            return bool(walk.env[cond.fact])
        if isinstance(cond, ir.Cmp):
            return _CMP[cond.op](self._expr(cond.left, walk), self._expr(cond.right, walk))
        if isinstance(cond, ir.Negate):
            return not self._cond(cond.operand, walk)
        if isinstance(cond, ir.AllOf):
            return all(self._cond(c, walk) for c in cond.operands)
        if isinstance(cond, ir.AnyOf):
            return any(self._cond(c, walk) for c in cond.operands)
        raise TypeError(f"unknown condition {type(cond).__name__}")
