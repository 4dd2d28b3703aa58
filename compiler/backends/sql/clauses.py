"""A clause's effects as SQL: the interpreter's `ClauseEvaluation`, column by column.

Each clause yields the same (role, value, item) effects as the reference interpreter
(compiler/interpret/clauses.py), with every value present (zero when its branch was
not taken) so that node sums read the same terms.  An expression is built with the
condition under which the Python engine evaluates it (`when`), so that a division by
zero makes the row an error exactly when the Python engine would raise.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from sqlglot import exp

from ...ir import nodes as ir
from ...ir import util as irutil
from .fixed import Fixed, Num, SqlUnsupported, const, integer, when
from .inputs import day_number


@dataclass
class Item:
    """A potential 扣分明细 row: shown when `fired`; `amount` is its nominal when fired
    and 0 otherwise; `applied` is rebound as node budgets are allotted."""

    key: tuple[int, int, int]
    clause: str | None
    path: str
    line: int
    text: str
    kind: str
    fired: exp.Expression
    raw: Num
    amount: Num
    note: str
    applied: Num = field(init=False)

    def __post_init__(self) -> None:
        self.applied = self.amount


@dataclass
class Effect:
    role: str  # deduct, bonus, earn, missed, outcome
    value: Num
    item: Item | None = None
    outcome: ir.Outcome | None = None
    chosen: exp.Expression | None = None


class ClauseBuilder:
    """Effects of one clause; `errors` collects the conditions of a zero divisor."""

    def __init__(
        self,
        fixed: Fixed,
        env: dict,
        averages: dict[str, Num],
        ordinals: dict[str, int],
        stats: dict | None = None,
    ):
        self.fx = fixed
        self.plan = fixed.plan
        self.env = env
        self.averages = averages
        self.ordinals = ordinals
        self.stats: dict[ir.BatchStat, Num] = stats or {}  # each statistic's column
        self.errors: list[exp.Expression] = []

    # --------------------------------------------------------------------- clauses

    def effects(self, clause: ir.Clause) -> list[Effect]:
        self.errors = []
        if isinstance(clause, ir.Step):
            return self._step(clause)
        if isinstance(clause, ir.Missing):
            return self._missing(clause)
        if isinstance(clause, ir.Discretionary):
            return self._discretionary(clause)
        if isinstance(clause, ir.Fixed):
            return self._fixed(clause)
        raise SqlUnsupported(f"SQL 后端不认识条款类型 {type(clause).__name__}")

    def _capped(self, clause: ir.Clause, raw: Num) -> Num:
        if clause.cap is None:
            return raw
        return self.fx.positive(self.fx.at_most(raw, clause.cap))

    def _amount(
        self, clause, kind: str, raw: Num, gate: exp.Expression | None, effect=0, note=""
    ) -> Effect:
        """An effect's value with its item (deducts and bonuses make items)."""
        raw = self.fx.let(raw, "w")
        nominal = self.fx.let(self._capped(clause, raw), "k")
        fired = exp.GT(this=nominal.expr, expression=integer(0))
        if gate is not None:
            fired = exp.And(this=gate, expression=fired)
            nominal = self.fx.let(self.fx.pick(gate, nominal, const(0)), "k")
        item = None
        if kind in ("deduct", "bonus"):
            item = self._item(clause, effect, kind, fired, raw, nominal, note)
        return Effect(kind, nominal, item)

    def _item(self, clause, effect, kind, fired, raw, amount, note) -> Item:
        key = irutil.item_key(clause, self.ordinals[clause.id], effect)
        fired = self.plan.let(fired, "z")
        return Item(
            key, clause.id, clause.path, clause.line, clause.text, kind, fired, raw, amount, note
        )

    def _step(self, clause: ir.Step) -> list[Effect]:
        fx = self.fx
        guard = (
            exp.true()
            if clause.guard is None
            else self.plan.let(self.cond(clause.guard, exp.true()), "g")
        )
        quantity = fx.let(self.expr(clause.quantity, guard), "q")
        has = self.plan.let(
            exp.And(this=guard, expression=fx.compare(">", quantity, const(0))), "h"
        )
        amount = fx.let(self.expr(clause.amount, has), "m")
        if clause.rounding == "ratio":
            product = fx.mul(amount, quantity, limit=False)
            value, zero = fx.div(product, const(clause.step))
            raw = fx.positive(value)
        else:
            mode = {"floor": "trunc", "ceil": "ceil"}[clause.rounding]
            units = fx.let(fx.steps(fx.pick(has, quantity, const(0)), clause.step, mode), "u")
            raw = fx.positive(fx.mul(amount, units, limit=False))
        raw = fx.pick(has, raw, const(0))
        return [self._amount(clause, clause.kind, raw, None)]

    def _missing(self, clause: ir.Missing) -> list[Effect]:
        fx = self.fx
        count = const(0)
        for name in clause.facts:
            count = fx.add(count, Num(when(self.env[name], integer(0), integer(1)), 0, 1))
        count = fx.let(count, "q")
        has = self.plan.let(fx.compare(">", count, const(0)), "h")
        amount = fx.let(self.expr(clause.amount, has), "m")
        raw = fx.pick(has, fx.positive(fx.mul(amount, count, limit=False)), const(0))
        return [self._amount(clause, clause.kind, raw, None)]

    def _discretionary(self, clause: ir.Discretionary) -> list[Effect]:
        raw = self.fx.positive(self.expr(ir.FactValue(clause.fact), exp.true()))
        return [self._amount(clause, clause.kind, raw, None)]

    def _fixed(self, clause: ir.Fixed) -> list[Effect]:
        fx = self.fx
        then, otherwise = irutil.fixed_effects(clause)
        earn = {}
        wholes = {}  # an earning that may be taken for less: its full amount and note
        for index, effect in then + otherwise:
            if irutil.lazy_earning(clause, effect):
                continue  # computed below, for the units it is for
            if isinstance(effect, ir.Points) and effect.kind == "earn":
                raw = fx.let(fx.positive(self.expr(effect.amount, exp.true())), "w")
                earn[index] = (raw, fx.let(self._capped(clause, raw), "k"))
                full = irutil.partial_whole(effect)
                if full is not None:
                    whole = fx.let(fx.positive(self.expr(full, exp.true())), "w")
                    wholes[index] = (self._capped(clause, whole), irutil.partial_note(effect))
        holds = (
            exp.true()
            if clause.condition is None
            else self.plan.let(self.cond(clause.condition, exp.true()), "g")
        )
        taken = {index for index, _ in then}
        branch = {  # whether each effect's branch is the one taken
            index: holds
            if index in taken
            else self.plan.let(exp.Not(this=exp.Paren(this=holds)), "g")
            for index, _ in then + otherwise
        }
        for index, effect in then + otherwise:
            if irutil.lazy_earning(clause, effect):
                chosen = branch[index]
                raw = fx.positive(self.expr(effect.amount, chosen))
                raw = fx.let(fx.pick(chosen, raw, const(0)), "w")
                earn[index] = (raw, fx.let(self._capped(clause, raw), "k"))
        out: list[Effect] = []
        for index, effect in then + otherwise:
            chosen = branch[index]
            if isinstance(effect, ir.Outcome):
                note = irutil.outcome_note(effect)
                item = self._item(clause, index, "outcome", chosen, const(0), const(0), note)
                out.append(Effect("outcome", const(0), item, effect, chosen))
            elif effect.kind == "earn":
                raw, nominal = earn[index]
                got = fx.let(fx.pick(chosen, nominal, const(0)), "k")
                lost, raw, note = self._lost(clause, chosen, raw, nominal, wholes.get(index))
                fired = exp.GT(this=lost.expr, expression=integer(0))
                item = self._item(clause, index, "deduct", fired, raw, lost, note)
                out.append(Effect("earn", got))
                out.append(Effect("missed", lost, item))
            else:
                raw = fx.positive(self.expr(effect.amount, chosen))
                raw = fx.pick(chosen, raw, const(0))
                note = irutil.points_note(effect)
                out.append(self._amount(clause, effect.kind, raw, chosen, index, note))
        return out

    def _lost(self, clause: ir.Fixed, chosen, raw: Num, nominal: Num, whole):
        """What an earning effect lost (the interpreter's `_lost`), the item's 原始 and
        note: a share taken for less than its whole, or an earning not taken unless
        another alternative of the same rank clause explains the unit's points."""
        fx = self.fx
        if whole is None:
            on_taken, note = const(0), irutil.NOTE_MISSED
        else:
            on_taken = fx.positive(fx.sub(whole[0], nominal))
            note = whole[1]
        if not clause.missable:
            on_missed = const(0)
        elif clause.unless is not None:
            missed = exp.Not(this=exp.Paren(this=chosen))
            unless = self.plan.let(self.cond(clause.unless, missed), "g")
            on_missed = fx.pick(unless, const(0), nominal)
        else:
            on_missed = nominal
        lost = fx.let(fx.pick(chosen, on_taken, on_missed), "k")
        if whole is not None:
            raw = fx.let(fx.pick(chosen, lost, raw), "w")
        return lost, raw, note

    # ------------------------------------------------------- expressions, conditions

    def expr(self, e: ir.Expr, ctx: exp.Expression) -> Num:
        fx = self.fx
        if isinstance(e, ir.Const):
            if isinstance(e.value, Decimal):
                return const(e.value)
            return const(day_number(e.value))
        if isinstance(e, ir.FactValue):
            value = self.env[e.name]
            if not isinstance(value, Num):
                raise SqlUnsupported(f"【{e.name}】是 是否 项，不能用作数值")
            return value
        if isinstance(e, ir.AverageOf):
            return self.averages[e.name]
        if isinstance(e, ir.Arith):
            left = self.expr(e.left, ctx)
            right = self.expr(e.right, ctx)
            if e.op == "+":
                return fx.add(left, right)
            if e.op == "-":
                return fx.sub(left, right)
            if e.op == "*":
                return fx.mul(left, right)
            if e.op == "/":
                value, zero = fx.div(left, right)
                self.errors.append(exp.And(this=exp.Paren(this=ctx), expression=zero))
                return value
            raise SqlUnsupported(f"SQL 后端不认识运算 {e.op!r}")
        if isinstance(e, ir.Func) and e.func == "round":
            step = e.args[1]
            assert isinstance(step, ir.Const) and isinstance(step.value, Decimal)
            return fx.let(fx.round_step(self.expr(e.args[0], ctx), step.value), "a")
        if isinstance(e, ir.Func):
            args = [fx.let(self.expr(a, ctx), "a") for a in e.args]
            if e.func in ("max", "min") and args:
                out = args[0]
                for arg in args[1:]:
                    out = fx.let(
                        fx.greatest(out, arg) if e.func == "max" else fx.least(out, arg), "a"
                    )
                return out
            if e.func == "floor" and len(args) == 1:
                a = args[0]
                if a.scale == 0:
                    return a
                return Num(fx.divide_int(a.expr, integer(10**a.scale), "floor"), 0, a.digits)
            raise SqlUnsupported(f"SQL 后端不认识函数 {e.func!r}")
        if isinstance(e, ir.DaysLate):
            return fx.sub(self.env[e.fact], const(day_number(e.due)))
        if isinstance(e, ir.BatchStat):
            if e not in self.stats:
                raise SqlUnsupported(f"SQL 后端没有算出批次统计 {irutil.stat_key(e)}")
            return self.stats[e]
        if isinstance(e, ir.Share):
            return self._share(e, ctx)
        if isinstance(e, ir.Pick):
            index = fx.let(self.expr(e.index, ctx), "a")
            scale = max(const(a).scale for a in e.amounts)
            amounts = [fx.rescale(const(a), scale) for a in e.amounts]
            ifs = [
                exp.If(this=fx.compare("==", index, const(place)), true=amount.expr)
                for place, amount in enumerate(amounts, start=1)
            ]
            digits = max(a.digits for a in amounts)
            return Num(exp.Case(ifs=ifs, default=integer(0)), scale, digits)
        raise SqlUnsupported(f"SQL 后端不认识表达式 {type(e).__name__}")

    def _share(self, e: ir.Share, ctx: exp.Expression) -> Num:
        """The prelude's `_share`: points × value ÷ best (best ÷ value when a lower
        value ranks first) within [0, points], all of it for a value equal to the
        best, none when the divisor or the value is not positive (so the divisor of
        the quotient taken is never zero).  The quotient keeps SCALE places."""
        fx = self.fx
        points = fx.let(self.expr(e.points, ctx), "a")
        value = fx.let(self.expr(e.value, ctx), "a")
        best = fx.let(self.expr(e.best, ctx), "a")
        zero = const(0)
        if e.high:
            over, under = value, best
            none = exp.Or(
                this=fx.compare("<=", best, zero), expression=fx.compare("<=", value, zero)
            )
        else:
            over, under = best, value
            none = exp.Or(
                this=fx.compare("<=", value, zero), expression=fx.compare("<", best, zero)
            )
        quotient, _ = fx.div(fx.mul(points, over), under)
        quotient = fx.let(quotient, "a")
        scale = max(points.scale, quotient.scale)
        whole, part = fx.rescale(points, scale), fx.rescale(quotient, scale)
        share = exp.Case(
            ifs=[
                exp.If(this=fx.compare("==", value, best), true=whole.expr),
                exp.If(this=none, true=integer(0)),
                exp.If(this=fx.compare(">", part, whole), true=whole.expr),
                exp.If(this=fx.compare(">", part, zero), true=part.expr),
            ],
            default=integer(0),
        )
        return Num(share, scale, whole.digits)

    def cond(self, c: ir.Cond, ctx: exp.Expression) -> exp.Expression:
        if isinstance(c, ir.IsTrue):
            return self.env[c.fact]
        if isinstance(c, ir.Cmp):
            return exp.Paren(
                this=self.fx.compare(c.op, self.expr(c.left, ctx), self.expr(c.right, ctx))
            )
        if isinstance(c, ir.Negate):
            return exp.Not(this=exp.Paren(this=self.cond(c.operand, ctx)))
        if isinstance(c, ir.AllOf | ir.AnyOf):
            parts = []
            reached = ctx
            for operand in c.operands:
                part = self.plan.let(self.cond(operand, reached), "c")
                parts.append(part)
                step = part if isinstance(c, ir.AllOf) else exp.Not(this=part)
                reached = self.plan.let(exp.And(this=exp.Paren(this=reached), expression=step), "c")
            joiner = exp.And if isinstance(c, ir.AllOf) else exp.Or
            out = parts[0]
            for part in parts[1:]:
                out = joiner(this=out, expression=part)
            return exp.Paren(this=out)
        raise SqlUnsupported(f"SQL 后端不认识条件 {type(c).__name__}")
