"""The scoring walk as SQL columns: node sums, budgets, bonus caps, attribution.

Follows the reference interpreter's `_node` and `_compute` (compiler/interpret/
engine.py) term for term.  Allotting a budget among items (`_allot`: each keeps at
most what is left) has a closed form that needs no loop:
share_i = min(a_i, max(0, budget − (a_1 + … + a_(i−1)))).  It is applied at every
budget unconditionally: when the items fit, it gives them back unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from sqlglot import exp

from ...ir import nodes as ir
from ...ir import util as irutil
from .clauses import ClauseBuilder, Effect, Item
from .fixed import Fixed, Num, SqlUnsupported, all_of, any_of, const, integer


@dataclass
class Record:
    node: ir.Node
    deduction: Num
    score: Num | None


@dataclass
class Walked:
    items: list[Item] = field(default_factory=list)
    records: list[Record] = field(default_factory=list)
    outcomes: list[Effect] = field(default_factory=list)
    failures: list[tuple[ir.Clause, exp.Expression]] = field(default_factory=list)
    deduction: Num | None = None
    bonus: Num | None = None
    exact: Num | None = None
    total: Num | None = None


class Walk:
    def __init__(self, policy: ir.Policy, fixed: Fixed, clauses: ClauseBuilder):
        self.policy = policy
        self.fx = fixed
        self.cb = clauses
        self.out = Walked()

    def run(self) -> Walked:
        fx, policy, out = self.fx, self.policy, self.out
        tops = [self._node(node) for node in policy.nodes]
        spent = fx.let(fx.total([d for d, _ in tops]), "s")
        deduction = fx.let(fx.at_most(spent, policy.full_marks), "s")
        self._allot([i for i in out.items if i.kind == "deduct"], deduction)
        bonus = fx.let(fx.total([b for _, b in tops]), "s")
        exact = fx.let(fx.add(fx.sub(const(policy.full_marks), deduction), bonus), "s")
        out.deduction, out.bonus, out.exact = deduction, bonus, exact
        out.total = fx.let(self._round(exact), "s")
        return out

    def _round(self, value: Num) -> Num:
        step = self.policy.precision
        return value if step is None else self.fx.round_step(value, step)

    def _node(self, node: ir.Node) -> tuple[Num, Num]:
        fx, out = self.fx, self.out
        first = len(out.items)
        own_deduct: list[Num] = []
        own_bonus: list[Num] = []
        earned: list[Num] = []
        missed: list[Num] = []
        missed_items: list[Item] = []
        overrides: list[Effect] = []  # `本项按满分计` of this node, in source order
        for clause in node.clauses:
            try:
                effects = self.cb.effects(clause)
            except SqlUnsupported as exc:
                raise SqlUnsupported(f"第{clause.line}行的条款 “{clause.text}”：{exc}") from exc
            if self.cb.errors:
                failed = self.cb.errors[0]
                for more in self.cb.errors[1:]:
                    failed = exp.Or(this=failed, expression=more)
                out.failures.append((clause, fx.plan.let(failed, "e")))
            for effect in effects:
                role = effect.role
                if role == "deduct":
                    own_deduct.append(effect.value)
                elif role == "bonus":
                    own_bonus.append(effect.value)
                elif role == "earn":
                    earned.append(effect.value)
                elif role == "missed":
                    missed.append(effect.value)
                elif role == "outcome" and effect.outcome.kind == "override":
                    overrides.append(effect)
                elif role == "outcome":
                    out.outcomes.append(effect)
                if effect.item is not None:
                    (missed_items if role == "missed" else out.items).append(effect.item)
        if node.take_max and not node.earns and len(own_bonus) > 1:
            # 就高不就低 over bonus clauses: which item keeps its amount depends on the
            # unit's values; the Python engine computes it, this backend refuses
            raise SqlUnsupported(
                f"第{node.line}行的条款 “{node.title}”：加分项的就高不就低请用 Python 引擎计分"
            )
        children = [self._node(child) for child in node.children]
        terms = [d for d, _ in children] + own_deduct
        if node.earns:
            if node.take_max and len(earned) > 1:
                missed, missed_items = [], []  # 就高不就低: one gap to full marks
            terms.append(self._earned_part(node, earned, missed, missed_items))
        spent = fx.let(fx.total(terms), "s")
        beneath = out.items[first:]
        if node.budget is not None and node.floor:
            deduction = fx.let(fx.at_most(spent, node.budget), "s")
            self._allot([i for i in beneath if i.kind == "deduct"], deduction)
        else:
            deduction = spent
        bonus = fx.let(fx.total([b for _, b in children] + own_bonus), "s")
        if node.bonus_cap is not None:
            capped = fx.let(fx.at_most(bonus, node.bonus_cap), "s")
            self._allot([i for i in beneath if i.kind == "bonus"], capped)
            bonus = capped
        if overrides:
            deduction, bonus = self._override(node, overrides, beneath, deduction, bonus)
        if node.bonus_cap is not None:
            record = Record(node, deduction, fx.let(self._round(bonus), "r"))
        elif node.points is not None:
            record = Record(
                node, deduction, fx.let(self._round(fx.sub(const(node.points), deduction)), "r")
            )
        else:
            record = Record(node, deduction, None)
        out.records.append(record)
        return deduction, bonus

    def _override(self, node: ir.Node, overrides, beneath, deduction: Num, bonus: Num):
        """`本项按满分计` (the interpreter's `_node`): when one held, the node loses only
        what its share leaves of the points and adds no bonus; every item under it but
        the first held override's own applies 0."""
        fx = self.fx
        held = fx.plan.let(any_of([e.chosen for e in overrides]), "v")
        share = irutil.override_share(overrides[0].outcome)  # one share per node (E260)
        lost = const((node.points or Decimal(0)) * (1 - share))
        deduction = fx.let(fx.pick(held, lost, deduction), "s")
        bonus = fx.let(fx.pick(held, const(0), bonus), "s")
        flags: dict[str, exp.Expression] = {}  # override clause → held, in source order
        for effect in overrides:
            flags.setdefault(effect.item.clause, effect.chosen)
        order = list(flags)
        for item in beneath:
            if item.kind not in ("deduct", "bonus"):
                continue
            if item.clause in flags:  # the first override that held keeps its own amount
                earlier = [flags[c] for c in order[: order.index(item.clause)]]
                first = all_of([flags[item.clause]] + [exp.Not(this=e) for e in earlier])
                kept = fx.pick(first, item.amount, const(0))
            else:
                kept = const(0)
            item.applied = fx.let(fx.pick(held, kept, item.applied), "a")
        return deduction, bonus

    def _earned_part(self, node: ir.Node, earned, missed, items: list[Item]) -> Num:
        fx = self.fx
        points = const(node.points if node.points is not None else Decimal(0))
        if not earned:
            got = const(0)
        elif node.take_max:
            got = earned[0]
            for value in earned[1:]:
                got = fx.let(fx.greatest(got, value), "s")
        else:
            got = fx.total(earned)
        part = fx.let(fx.sub(points, fx.least(fx.let(got, "s"), points)), "s")
        rest = fx.let(fx.sub(part, fx.total(missed)), "s")
        positive = fx.plan.let(exp.GT(this=rest.expr, expression=integer(0)), "z")
        amount = fx.let(fx.pick(positive, rest, const(0)), "k")
        items.append(
            Item(
                irutil.remainder_key(node),
                None,
                node.path,
                node.line,
                irutil.REMAINDER_TEXT,
                "deduct",
                positive,
                amount,
                amount,
                "",
            )
        )
        self._allot(items, part)
        self.out.items.extend(items)
        return part

    def _allot(self, items: list[Item], budget: Num) -> None:
        """Rebind each item's `applied` to its share of `budget`, in source order."""
        fx = self.fx
        ordered = sorted(items, key=lambda i: i.key)
        if not ordered:
            return
        scale = max([budget.scale] + [i.applied.scale for i in ordered])
        values = [fx.let(fx.rescale(i.applied, scale), "a") for i in ordered]
        budget = fx.rescale(budget, scale)
        digits = max(v.digits for v in values) + len(values).bit_length()
        if digits > 38:
            raise SqlUnsupported("扣分项过多，分摊时的和可能超过 38 位")
        # The closed form's sums grow with the square of the items.  When no amount
        # is negative and all of them fit in the budget, every share is its amount:
        # that test is made once, and the closed form is a CASE branch that DuckDB
        # evaluates only for the rows that do not fit (the same value either way).
        fits = None
        if len(values) > 1:
            fits = fx.plan.let(
                all_of(
                    [fx.compare(">=", v, const(0)) for v in values]
                    + [fx.compare("<=", fx.total(values), budget)]
                ),
                "z",
            )
        prefix: list[exp.Expression] = []
        for item, value in zip(ordered, values, strict=True):
            before = _sum(prefix)
            left = Num(exp.Sub(this=budget.expr, expression=before), scale, digits)
            room = fx.greatest(left, const(0))
            share = fx.least(value, fx.rescale(room, scale) if room.scale < scale else room)
            if fits is not None:
                share = fx.pick(fits, value, share)
            bound = min(value.digits, budget.digits)  # a share is at most the item and the budget
            item.applied = fx.let(Num(share.expr, share.scale, bound), "a")
            prefix.append(value.expr)


def _sum(parts: list[exp.Expression]) -> exp.Expression:
    if not parts:
        return integer(0)
    out = parts[0]
    for part in parts[1:]:
        out = exp.Add(this=out, expression=part)
    return exp.Paren(this=out)
