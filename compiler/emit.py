"""Straight-line Python for one policy: a block per clause, a block per node.

`Emitter` turns the IR into the bodies of the generated module's `_compute` (the full
result: items, attribution, nodes, outcomes) and `_compute_total` (numbers only).  No
IR is interpreted at run time: each clause becomes a few assignments, each node a sum
and a `min`.  Generated names: `n4_0` (nominal of clause 4, effect 0), `r…` (raw,
before the clause cap), `a…` (applied), `e…` (earned), `m…` (an earning missed),
`o…` (an outcome), `d2`/`s2`/`b2` (deduction, its uncapped sum, bonus of node 2).

The arithmetic mirrors the interpreter step for step (same operations in the same
order), so both give the same numbers; `irutil` fixes the shared shape (effects,
source order of items, inputs).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from . import ir, irutil
from .emit_expr import PLACE_MARK, CodegenError, Expressions, Writer
from .emit_result import result_tail
from .pyliteral import comment

_POINT_KINDS = {"deduct": "n", "bonus": "n", "earn": "e"}
_OUTCOMES = {"disqualify", "veto", "label"}
_ROUNDINGS = {"floor", "ceil", "ratio"}

__all__ = ["PLACE_MARK", "CodegenError", "Emitter", "Slot", "Writer"]


@dataclass
class Slot:
    """A possible item: where its numbers live in the generated function."""

    key: tuple[int, int, int]
    kind: str  # deduct | bonus | missed | remainder | outcome
    nominal: str
    raw: str
    applied: str
    node: ir.Node
    clause: ir.ClauseBase | None = None
    note: str = ""
    outcome: ir.Outcome | None = None

    @property
    def deducts(self) -> bool:
        return self.kind in ("deduct", "missed", "remainder")


@dataclass
class NodePlan:
    k: int
    deduct: list[str] = field(default_factory=list)
    bonus: list[str] = field(default_factory=list)
    earn: list[str] = field(default_factory=list)
    missed: list[Slot] = field(default_factory=list)
    own: list[Slot] = field(default_factory=list)
    beneath: list[Slot] = field(default_factory=list)
    has_bonus: bool = False


class Emitter(Expressions):
    """Builds the function bodies and the constants they use."""

    def __init__(self, policy: ir.Policy):
        super().__init__(policy)
        self.ordinals = irutil.clause_ordinals(policy)
        self.nodes = list(policy.walk())
        self.plans = {node.path: NodePlan(k) for k, node in enumerate(self.nodes)}
        self.places: list[tuple[object, int, str]] = []
        self.slots: list[Slot] = []
        self.records: list[tuple[str, str]] = []  # prebuilt node records: name, code
        self.score = Writer(2)
        self.total = Writer(2)
        for node in self.nodes:
            for clause in node.clauses:
                self.places.append((clause.id, clause.line, clause.text))
        for node in self.nodes:
            self.places.append((node.path, node.line, node.title))
        self._build()

    # ---------------------------------------------------------------------- build

    def _build(self) -> None:
        for full, w in ((True, self.score), (False, self.total)):
            for node in self.nodes:
                for clause in node.clauses:
                    self._clause(clause, node, w, full)
            for node in reversed(self.nodes):  # children before parents
                self._aggregate(node, w, full)
            w(PLACE_MARK + "- · the whole policy")
            self._root(w, full)
        result_tail(self, self.score)

    def _mark(self, w: Writer, place: int) -> None:
        _, line, text = self.places[place]
        w(f"{PLACE_MARK}{place} · line {line} · {comment(text)}")

    def _register(self, full: bool, slot: Slot) -> Slot:
        if full:
            self.slots.append(slot)
            plan = self.plans[slot.node.path]
            plan.own.append(slot)
            if slot.kind == "missed":
                plan.missed.append(slot)
        return slot

    def _term(self, full: bool, node: ir.Node, kind: str, var: str) -> None:
        if not full:
            return
        plan = self.plans[node.path]
        {"deduct": plan.deduct, "bonus": plan.bonus, "earn": plan.earn}[kind].append(var)

    def _capped(self, clause: ir.ClauseBase, raw: str, w: Writer, var: str) -> str:
        """The nominal after the clause's own cap (raw is a name)."""
        if clause.cap is None or raw == "_ZERO":
            return raw
        if clause.cap <= 0:  # a nominal that is not positive is ZERO
            return "_ZERO"
        cap = self.const(clause.cap)
        if raw in self.values:
            value = self.values[raw]
            return raw if value <= clause.cap else cap
        w(f"{var} = {raw} if {raw} <= {cap} else {cap}")
        return var

    def _positive_amount(self, e: ir.Expr, w: Writer, var: str) -> str:
        """A name holding max(amount, 0) (ZERO when not positive)."""
        if isinstance(e, ir.Const):
            if not isinstance(e.value, Decimal):
                raise CodegenError("an amount must be a number")
            return self.const(e.value) if e.value > 0 else "_ZERO"
        w(f"{var} = {self.bare(self.expr(e))}")
        w(f"{var} = {var} if {var} > _ZERO else _ZERO")
        return var

    def _assign(self, clause, w: Writer, full: bool, value: str, nominal: str, raw: str) -> None:
        """nominal (and raw, when capped) from a positive value (a name or an expression)."""
        if clause.cap is None:
            w(f"{nominal} = {value}")
            return
        if not value.isidentifier():
            w(f"t = {value}")
            value = "t"
        if full:
            w(f"{raw} = {value}")
        if clause.cap <= 0:  # a nominal that is not positive is ZERO (its initial value)
            return
        cap = self.const(clause.cap)
        w(f"{nominal} = {value} if {value} <= {cap} else {cap}")

    # -------------------------------------------------------------------- clauses

    def _clause(self, clause: ir.Clause, node: ir.Node, w: Writer, full: bool) -> None:
        self._mark(w, self.ordinals[clause.id])
        if isinstance(clause, ir.Step):
            self._step(clause, node, w, full)
        elif isinstance(clause, ir.Missing):
            self._missing(clause, node, w, full)
        elif isinstance(clause, ir.Discretionary):
            self._discretionary(clause, node, w, full)
        elif isinstance(clause, ir.Fixed):
            self._fixed(clause, node, w, full)
        else:
            raise CodegenError(f"unknown clause kind {type(clause).__name__}")

    def _simple_slot(self, clause, node, w: Writer, full: bool) -> tuple[str, str]:
        """Names for a one-effect clause, initialised to ZERO, and its slot."""
        if clause.kind not in _POINT_KINDS:
            raise CodegenError(f"unknown kind {clause.kind!r}")
        o = self.ordinals[clause.id]
        nominal = f"{_POINT_KINDS[clause.kind]}{o}_0"
        raw = f"r{o}_0" if clause.cap is not None else nominal
        w(f"{nominal} = _ZERO")
        if full and raw != nominal:
            w(f"{raw} = _ZERO")
        self._term(full, node, clause.kind, nominal)
        if clause.kind != "earn":
            key = irutil.item_key(clause, o, 0)
            self._register(full, Slot(key, clause.kind, nominal, raw, f"a{o}_0", node, clause))
        return nominal, raw

    def _step(self, clause: ir.Step, node: ir.Node, w: Writer, full: bool) -> None:
        if clause.rounding not in _ROUNDINGS:
            raise CodegenError(f"unknown rounding {clause.rounding!r}")
        nominal, raw = self._simple_slot(clause, node, w, full)
        step = self.const(clause.step)
        guard = (
            w.block(f"if {self.bare(self.cond(clause.guard))}:")
            if clause.guard is not None
            else _nothing()
        )
        with guard:
            quantity = self.bare(self.expr(clause.quantity, direct=True))
            if not quantity.isidentifier():
                w(f"q = {quantity}")
                quantity = "q"
            whole = (
                isinstance(clause.quantity, ir.FactValue)
                and clause.quantity.name in self.counts
                and clause.rounding == "floor"
                and clause.step == 1
            )  # an int count: q // 1 is q itself
            amount = clause.amount
            zero = "0" if whole else "_ZERO"  # an int compares fastest with an int
            with w.block(f"if {quantity} > {zero}:"):
                if whole and _positive_const(amount):  # K × q > 0 for q ≥ 1
                    self._assign(clause, w, full, f"{self.expr(amount)} * {quantity}", nominal, raw)
                    return
                if clause.rounding == "ratio":  # amount × q / step keeps 0.3 × 7 / 3 exact
                    w(f"t = _limit({self.expr(amount)} * {quantity} / {step})")
                elif whole:
                    w(f"t = {self.expr(amount)} * {quantity}")
                else:
                    units = {
                        "floor": f"{quantity} // {step}",
                        "ceil": f"_units_ceil({quantity}, {step})",
                    }[clause.rounding]
                    w(f"u = {units}")
                    w(f"t = {self.expr(amount)} * u")
                with w.block("if t > _ZERO:"):
                    self._assign(clause, w, full, "t", nominal, raw)

    def _missing(self, clause: ir.Missing, node: ir.Node, w: Writer, full: bool) -> None:
        nominal, raw = self._simple_slot(clause, node, w, full)
        if not clause.facts:
            return
        count = " + ".join(f"(not {self.fact(name)})" for name in clause.facts)
        w(f"c = {count}")
        with w.block("if c:"):
            w(f"t = {self.expr(clause.amount)} * Decimal(c)")
            with w.block("if t > _ZERO:"):
                self._assign(clause, w, full, "t", nominal, raw)

    def _discretionary(self, clause: ir.Discretionary, node: ir.Node, w: Writer, full) -> None:
        nominal, raw = self._simple_slot(clause, node, w, full)
        value = self.expr(ir.FactValue(clause.fact))
        if not value.isidentifier():
            w(f"t = {value}")
            value = "t"
        with w.block(f"if {value} > _ZERO:"):
            self._assign(clause, w, full, value, nominal, raw)

    def _fixed(self, clause: ir.Fixed, node: ir.Node, w: Writer, full: bool) -> None:
        """Earning amounts first, then the condition, then the taken branch (the
        interpreter's order); every effect's names start at ZERO/False."""
        o = self.ordinals[clause.id]
        then, otherwise = irutil.fixed_effects(clause)
        effects = then + otherwise
        earn_raw: dict[int, str] = {}
        earn_nominal: dict[int, str] = {}
        for i, effect in effects:
            if isinstance(effect, ir.Points) and effect.kind == "earn":
                raw = self._positive_amount(effect.amount, w, f"t{o}_{i}")
                earn_raw[i] = raw
                earn_nominal[i] = self._capped(clause, raw, w, f"tc{o}_{i}")
        for i, effect in effects:
            self._fixed_init(clause, node, w, full, o, i, effect, earn_raw)
        if clause.condition is None:
            self._branch(clause, w, full, o, then, otherwise, earn_nominal)
            return
        test = f"if {self.bare(self.cond(clause.condition))}:"
        then_code = self._branch_has_code(full, then, otherwise)
        else_code = self._branch_has_code(full, otherwise, then)
        if not then_code and not else_code:
            if irutil.divides(clause.condition):  # evaluated for its errors alone
                with w.block(test):
                    pass
            return
        with w.block(test):
            self._branch(clause, w, full, o, then, otherwise, earn_nominal)
        if else_code:
            with w.block("else:"):
                self._branch(clause, w, full, o, otherwise, then, earn_nominal)

    @staticmethod
    def _branch_has_code(full: bool, taken, skipped) -> bool:
        for _, effect in taken:
            if isinstance(effect, ir.Outcome):
                if full:
                    return True
            elif effect.kind == "earn" or not _zero_const(effect.amount):
                return True
        return full and any(isinstance(e, ir.Points) and e.kind == "earn" for _, e in skipped)

    def _fixed_init(self, clause, node, w, full, o, i, effect, earn_raw) -> None:
        key = irutil.item_key(clause, o, i)
        if isinstance(effect, ir.Outcome):
            if effect.kind not in _OUTCOMES:
                raise CodegenError(f"unknown outcome {effect.kind!r}")
            if full:
                w(f"o{o}_{i} = False")
                note = irutil.outcome_note(effect)
                slot = Slot(key, "outcome", f"o{o}_{i}", "_ZERO", "_ZERO", node, clause, note)
                slot.outcome = effect
                self._register(full, slot)
            return
        if effect.kind not in _POINT_KINDS:
            raise CodegenError(f"unknown kind {effect.kind!r}")
        if effect.kind == "earn":
            w(f"e{o}_{i} = _ZERO")
            self._term(full, node, "earn", f"e{o}_{i}")
            if full:
                w(f"m{o}_{i} = _ZERO")
                slot = Slot(key, "missed", f"m{o}_{i}", earn_raw[i], f"am{o}_{i}", node, clause)
                slot.note = irutil.NOTE_MISSED
                self._register(full, slot)
            return
        nominal = f"n{o}_{i}"
        raw = f"r{o}_{i}" if clause.cap is not None and not _const(effect.amount) else nominal
        w(f"{nominal} = _ZERO")
        if full and raw != nominal:
            w(f"{raw} = _ZERO")
        if _const(effect.amount) and clause.cap is not None:
            raw = self.const(effect.amount.value) if effect.amount.value > 0 else "_ZERO"
        self._term(full, node, effect.kind, nominal)
        slot = Slot(key, effect.kind, nominal, raw, f"a{o}_{i}", node, clause)
        slot.note = irutil.points_note(effect)
        self._register(full, slot)

    def _branch(self, clause, w, full, o, taken, skipped, earn_nominal) -> None:
        for i, effect in taken:
            if isinstance(effect, ir.Outcome):
                if full:
                    w(f"o{o}_{i} = True")
            elif effect.kind == "earn":
                w(f"e{o}_{i} = {earn_nominal[i]}")
            elif _const(effect.amount):
                value = self._positive_amount(effect.amount, w, "t")
                if value != "_ZERO":
                    w(f"n{o}_{i} = {self._capped(clause, value, w, f'n{o}_{i}')}")
            else:
                raw = f"r{o}_{i}" if clause.cap is not None else f"n{o}_{i}"
                w(f"t = {self.bare(self.expr(effect.amount))}")
                with w.block("if t > _ZERO:"):
                    self._assign(clause, w, full, "t", f"n{o}_{i}", raw)
        if full:
            for i, effect in skipped:
                if isinstance(effect, ir.Points) and effect.kind == "earn":
                    w(f"m{o}_{i} = {earn_nominal[i]}")

    # ---------------------------------------------------------------------- nodes

    def _aggregate(self, node: ir.Node, w: Writer, full: bool) -> None:
        plan = self.plans[node.path]
        k = plan.k
        self._mark(w, len(self.ordinals) + k)
        children = [self.plans[c.path] for c in node.children]
        if full:
            for slot in plan.own:
                if slot.kind != "outcome":
                    w(f"{slot.applied} = {slot.nominal}")
        terms = [f"d{c.k}" for c in children] + plan.deduct
        if node.earns:
            terms.append(self._earned(node, plan, w, full))
        spent = " + ".join(terms) or "_ZERO"
        beneath = sorted(
            [s for s in plan.own if s.kind != "outcome"] + [s for c in children for s in c.beneath],
            key=lambda s: s.key,
        )
        plan.beneath = beneath
        if node.budget is not None and node.floor:
            budget = self.const(node.budget)
            w(f"s{k} = {spent}")
            w(f"d{k} = s{k} if s{k} <= {budget} else {budget}")
            deducts = [s for s in beneath if s.deducts]
            if full and deducts:
                with w.block(f"if d{k} < s{k}:"):
                    w(_allot_line(deducts, f"d{k}"))
        else:
            w(f"d{k} = {spent}")
        plan.has_bonus = bool(plan.bonus) or any(c.has_bonus for c in children)
        if plan.has_bonus:
            bonus = " + ".join([f"b{c.k}" for c in children if c.has_bonus] + plan.bonus)
            if node.bonus_cap is not None:
                cap = self.const(node.bonus_cap)
                w(f"bs{k} = {bonus}")
                w(f"b{k} = bs{k} if bs{k} <= {cap} else {cap}")
                bonuses = [s for s in beneath if s.kind == "bonus"]
                if full and bonuses:
                    with w.block(f"if b{k} < bs{k}:"):
                        w(_allot_line(bonuses, f"b{k}"))
            else:
                w(f"b{k} = {bonus}")

    def _earned(self, node: ir.Node, plan: NodePlan, w: Writer, full: bool) -> str:
        """Emit De = M − min(earned, M) and, in the full result, its explanation."""
        k = plan.k
        points = self.const(node.points if node.points is not None else Decimal(0))
        if not plan.earn:
            earned = "_ZERO"
        elif len(plan.earn) == 1:
            earned = plan.earn[0]
        elif node.take_max:
            earned = f"max({', '.join(plan.earn)})"
        else:
            earned = " + ".join(plan.earn)
        w(f"w{k} = {earned}")
        w(f"x{k} = {points} - (w{k} if w{k} <= {points} else {points})")
        if full:
            missed = [s.nominal for s in plan.missed]
            rest = f"x{k} - ({' + '.join(missed)})" if missed else f"x{k}"
            w(f"t = {rest}")
            w(f"nr{k} = t if t > _ZERO else _ZERO")
            w(f"ar{k} = nr{k}")
            slot = Slot(irutil.remainder_key(node), "remainder", f"nr{k}", f"nr{k}", f"ar{k}", node)
            self._register(full, slot)
            group = sorted(plan.missed + [slot], key=lambda s: s.key)
            with w.block(f"if {' + '.join(s.nominal for s in group)} > x{k}:"):
                w(_allot_line(group, f"x{k}"))
        return f"x{k}"

    def _root(self, w: Writer, full: bool) -> None:
        policy = self.policy
        tops = [self.plans[n.path] for n in policy.nodes]
        full_marks = self.const(policy.full_marks)
        w(f"spent = {' + '.join(f'd{p.k}' for p in tops) or '_ZERO'}")
        w(f"deduction = spent if spent <= {full_marks} else {full_marks}")
        if full:
            deducts = sorted((s for s in self.slots if s.deducts), key=lambda s: s.key)
            if deducts:
                with w.block("if deduction < spent:"):
                    w(_allot_line(deducts, "deduction"))
        bonus = [f"b{p.k}" for p in tops if p.has_bonus]
        w(f"exact = {full_marks} - deduction" + "".join(f" + {b}" for b in bonus))
        w(f"total = {self.rounded('exact')}")

    def rounded(self, code: str) -> str:
        if self.policy.precision is None:
            return code
        return f"_round({code}, {self.const(self.policy.precision)})"


class _nothing:
    """A do-nothing context manager (a clause without a guard)."""

    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None


def _positive_const(e: ir.Expr) -> bool:
    return isinstance(e, ir.Const) and isinstance(e.value, Decimal) and e.value > 0


def _const(e: ir.Expr) -> bool:
    return isinstance(e, ir.Const)


def _zero_const(e: ir.Expr) -> bool:
    return isinstance(e, ir.Const) and isinstance(e.value, Decimal) and not e.value > 0


def _allot_line(slots: list[Slot], budget: str) -> str:
    names = ", ".join(s.applied for s in slots)
    if len(slots) == 1:
        return f"{names}, = _allot(({names},), {budget})"
    return f"{names} = _allot(({names}), {budget})"
