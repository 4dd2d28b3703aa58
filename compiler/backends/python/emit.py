"""Straight-line Python for one policy: a block per clause, a block per node.

`Emitter` turns the IR into the body of the generated module's `_compute`: first the
numbers (all that `total` needs; it returns there), then what explains them for `score`
(applied amounts, attribution, items, node records).  One body serves both, so a large
policy's code is written, parsed and compiled once, not twice.  No IR is interpreted
at run time: each clause becomes a few assignments, each node a sum and a `min`.  Generated names: `n4_0` (nominal of clause 4, effect 0), `r…` (raw,
before the clause cap), `a…` (applied), `e…` (earned), `m…` (an earning missed),
`o…` (an outcome), `d2`/`s2`/`b2` (deduction, its uncapped sum, bonus of node 2).

The arithmetic mirrors the interpreter step for step (same operations in the same
order), so both give the same numbers; `irutil` fixes the shared shape (effects,
source order of items, inputs).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from ...ir import nodes as ir
from ...ir import util as irutil
from .emit_expr import PLACE_MARK, CodegenError, Expressions, Writer
from .emit_result import measure_tail, result_tail
from .pyliteral import comment

_POINT_KINDS = {"deduct": "n", "bonus": "n", "earn": "e"}
_OUTCOMES = {"disqualify", "veto", "label", "ceiling", "floor", "override"}
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

    def __init__(self, policy: ir.Policy, ints: bool = False):
        super().__init__(policy, ints)
        self.ordinals = irutil.clause_ordinals(policy)
        self.nodes = list(policy.walk())
        self.plans = {node.path: NodePlan(k) for k, node in enumerate(self.nodes)}
        self.places: list[tuple[object, int, str]] = []
        self._whole: dict[tuple[int, int], str] = {}  # a share's full amount, by (clause, effect)
        self.slots: list[Slot] = []
        self.score = Writer(2)
        self.whole_max = max(0, min(int(policy.full_marks), WHOLE_MAX)) if ints else 0
        self._marks: list[int] = []  # indices of the place comments in self.score
        self.numbers: list[str] = []  # the lines of self.score before `if not full:`
        self.item_heads: list[tuple] = []  # fixed part of each possible item, in order
        for node in self.nodes:
            for clause in node.clauses:
                self.places.append((clause.id, clause.line, clause.text))
        for node in self.nodes:
            self.places.append((node.path, node.line, node.title))
        self._build()

    # ---------------------------------------------------------------------- build

    def _build(self) -> None:
        """The numbers first (all `total` needs), then, for `score` only, what
        explains them: applied amounts, attribution, items and node records.  A
        policy scored against the batch also returns, with `full` 2, what a pass
        over the batch needs (`emit_result.measure_tail`)."""
        w, x = self.score, Writer(self.score.level)
        for node in self.nodes:
            for clause in node.clauses:
                self._clause(clause, node, w)
        for node in reversed(self.nodes):  # children before parents
            self._aggregate(node, w, x)
        self._mark_text(w, PLACE_MARK + "- · the whole policy")
        self._root(w, x)
        self.numbers = list(w.lines)  # all `total` needs (`emit_total` copies it)
        with w.block("if not full:"):
            w("return total")
        if self.policy.averages or self.policy.stats:
            # the records' place: an arithmetic failure in them is reported alike
            mark = next((t for t in reversed(w.lines + x.lines) if _is_mark(t)), "")
            measure_tail(self, w, mark.strip())
        w.lines.extend(x.lines)
        result_tail(self, w)

    def _mark(self, w: Writer, place: int) -> None:
        _, line, text = self.places[place]
        self._mark_text(w, f"{PLACE_MARK}{place} · line {line} · {comment(text)}")

    def _mark_text(self, w: Writer, text: str) -> None:
        self._marks.append(len(w.lines))
        w(text)

    def _register(self, slot: Slot) -> Slot:
        self.slots.append(slot)
        plan = self.plans[slot.node.path]
        plan.own.append(slot)
        if slot.kind == "missed":
            plan.missed.append(slot)
        return slot

    def _term(self, node: ir.Node, kind: str, var: str) -> None:
        plan = self.plans[node.path]
        {"deduct": plan.deduct, "bonus": plan.bonus, "earn": plan.earn}[kind].append(var)

    def _capped(self, clause: ir.ClauseBase, raw: str, w: Writer, var: str) -> str:
        """The nominal after the clause's own cap (raw is a name)."""
        if clause.cap is None or raw == self.zero:
            return raw
        if clause.cap <= 0:  # a nominal that is not positive is ZERO
            return self.zero
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
            return self.const(e.value) if e.value > 0 else self.zero
        w(f"{var} = {self.bare(self.expr(e))}")
        w(f"{var} = {var} if {var} > {self.zero} else {self.zero}")
        return var

    def _assign(self, clause, w: Writer, value: str, nominal: str, raw: str) -> None:
        """nominal (and raw, when capped) from a positive value (a name or an expression)."""
        if clause.cap is None:
            w(f"{nominal} = {value}")
            return
        if not value.isidentifier():
            w(f"t = {value}")
            value = "t"
        w(f"{raw} = {value}")
        if clause.cap <= 0:  # a nominal that is not positive is ZERO (its initial value)
            return
        cap = self.const(clause.cap)
        w(f"{nominal} = {value} if {value} <= {cap} else {cap}")

    # -------------------------------------------------------------------- clauses

    def _clause(self, clause: ir.Clause, node: ir.Node, w: Writer) -> None:
        self._mark(w, self.ordinals[clause.id])
        if isinstance(clause, ir.Step):
            self._step(clause, node, w)
        elif isinstance(clause, ir.Missing):
            self._missing(clause, node, w)
        elif isinstance(clause, ir.Discretionary):
            self._discretionary(clause, node, w)
        elif isinstance(clause, ir.Fixed):
            self._fixed(clause, node, w)
        else:
            raise CodegenError(f"unknown clause kind {type(clause).__name__}")

    def _simple_slot(self, clause, node, w: Writer) -> tuple[str, str]:
        """Names for a one-effect clause, initialised to ZERO, and its slot."""
        if clause.kind not in _POINT_KINDS:
            raise CodegenError(f"unknown kind {clause.kind!r}")
        o = self.ordinals[clause.id]
        nominal = f"{_POINT_KINDS[clause.kind]}{o}_0"
        raw = f"r{o}_0" if clause.cap is not None else nominal
        w(f"{nominal} = {self.zero}")
        if raw != nominal:
            w(f"{raw} = {self.zero}")
        self._term(node, clause.kind, nominal)
        if clause.kind != "earn":
            key = irutil.item_key(clause, o, 0)
            self._register(Slot(key, clause.kind, nominal, raw, f"a{o}_0", node, clause))
        return nominal, raw

    def _step(self, clause: ir.Step, node: ir.Node, w: Writer) -> None:
        if clause.rounding not in _ROUNDINGS:
            raise CodegenError(f"unknown rounding {clause.rounding!r}")
        nominal, raw = self._simple_slot(clause, node, w)
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
            zero = "0" if whole else self.zero  # an int compares fastest with an int
            with w.block(f"if {quantity} > {zero}:"):
                if whole and _positive_const(amount):  # K × q > 0 for q ≥ 1
                    self._assign(clause, w, self.times(self.expr(amount), quantity), nominal, raw)
                    return
                if clause.rounding == "ratio":  # amount × q / step keeps 0.3 × 7 / 3 exact
                    w(f"t = _limit({self.expr(amount)} * {quantity} / {step})")
                elif whole:
                    w(f"t = {self.times(self.expr(amount), quantity)}")
                else:
                    ceil = (
                        f"-(-{quantity} // {step})"
                        if self.ints
                        else f"_units_ceil({quantity}, {step})"
                    )
                    units = {"floor": f"{quantity} // {step}", "ceil": ceil}[clause.rounding]
                    w(f"u = {units}")
                    w(f"t = {self.times(self.expr(amount), 'u')}")
                with w.block(f"if t > {self.zero}:"):
                    self._assign(clause, w, "t", nominal, raw)

    def _missing(self, clause: ir.Missing, node: ir.Node, w: Writer) -> None:
        nominal, raw = self._simple_slot(clause, node, w)
        if not clause.facts:
            return
        _sum(w, "c", [f"(not {self.fact(name)})" for name in clause.facts])
        with w.block("if c:"):
            w(f"t = {self.times(self.expr(clause.amount), 'c' if self.ints else 'Decimal(c)')}")
            with w.block(f"if t > {self.zero}:"):
                self._assign(clause, w, "t", nominal, raw)

    def _discretionary(self, clause: ir.Discretionary, node: ir.Node, w: Writer) -> None:
        nominal, raw = self._simple_slot(clause, node, w)
        value = self.expr(ir.FactValue(clause.fact))
        if not value.isidentifier():
            w(f"t = {value}")
            value = "t"
        with w.block(f"if {value} > {self.zero}:"):
            self._assign(clause, w, value, nominal, raw)

    def _fixed(self, clause: ir.Fixed, node: ir.Node, w: Writer) -> None:
        """Earning amounts first, then the condition, then the taken branch (the
        interpreter's order); every effect's names start at ZERO/False."""
        o = self.ordinals[clause.id]
        then, otherwise = irutil.fixed_effects(clause)
        effects = then + otherwise
        earn_raw: dict[int, str] = {}
        earn_nominal: dict[int, str] = {}
        for i, effect in effects:
            if irutil.lazy_earning(clause, effect):  # computed in its branch (`_branch`)
                earn_raw[i] = self.zero
            elif isinstance(effect, ir.Points) and effect.kind == "earn":
                raw = self._positive_amount(effect.amount, w, f"t{o}_{i}")
                earn_raw[i] = raw
                earn_nominal[i] = self._capped(clause, raw, w, f"tc{o}_{i}")
                full = irutil.partial_whole(effect)
                if full is not None:  # what a full share (or first place) would give
                    whole = self._positive_amount(full, w, f"p{o}_{i}")
                    self._whole[(o, i)] = self._capped(clause, whole, w, f"pc{o}_{i}")
        for i, effect in effects:
            self._fixed_init(clause, node, w, o, i, effect, earn_raw)
        if clause.condition is None:
            self._branch(clause, w, o, then, otherwise, earn_nominal)
            return
        test = f"if {self.bare(self.cond(clause.condition))}:"
        then_code = self._branch_has_code(then, otherwise, clause.missable)
        else_code = self._branch_has_code(otherwise, then, clause.missable)
        if not then_code and not else_code:
            if irutil.divides(clause.condition):  # evaluated for its errors alone
                with w.block(test):
                    pass
            return
        with w.block(test):
            self._branch(clause, w, o, then, otherwise, earn_nominal)
        if else_code:
            with w.block("else:"):
                self._branch(clause, w, o, otherwise, then, earn_nominal)

    @staticmethod
    def _branch_has_code(taken, skipped, missable: bool) -> bool:
        for _, effect in taken:
            if isinstance(effect, ir.Outcome):
                return True
            elif effect.kind == "earn" or not _zero_const(effect.amount):
                return True
        return missable and any(isinstance(e, ir.Points) and e.kind == "earn" for _, e in skipped)

    def _fixed_init(self, clause, node, w, o, i, effect, earn_raw) -> None:
        key = irutil.item_key(clause, o, i)
        if isinstance(effect, ir.Outcome):
            if effect.kind not in _OUTCOMES:
                raise CodegenError(f"unknown outcome {effect.kind!r}")
            w(f"o{o}_{i} = False")
            note = irutil.outcome_note(effect)
            slot = Slot(key, "outcome", f"o{o}_{i}", self.zero, self.zero, node, clause, note)
            slot.outcome = effect
            self._register(slot)
            return
        if effect.kind not in _POINT_KINDS:
            raise CodegenError(f"unknown kind {effect.kind!r}")
        if effect.kind == "earn":
            w(f"e{o}_{i} = {self.zero}")
            self._term(node, "earn", f"e{o}_{i}")
            w(f"m{o}_{i} = {self.zero}")
            if irutil.partial_whole(effect) is not None:  # the part not obtained
                slot = Slot(key, "missed", f"m{o}_{i}", f"m{o}_{i}", f"am{o}_{i}", node, clause)
                slot.note = irutil.partial_note(effect)
            else:
                slot = Slot(key, "missed", f"m{o}_{i}", earn_raw[i], f"am{o}_{i}", node, clause)
                slot.note = irutil.NOTE_MISSED
            self._register(slot)
            return
        nominal = f"n{o}_{i}"
        raw = f"r{o}_{i}" if clause.cap is not None and not _const(effect.amount) else nominal
        w(f"{nominal} = {self.zero}")
        if raw != nominal:
            w(f"{raw} = {self.zero}")
        if _const(effect.amount) and clause.cap is not None:
            raw = self.const(effect.amount.value) if effect.amount.value > 0 else self.zero
        self._term(node, effect.kind, nominal)
        slot = Slot(key, effect.kind, nominal, raw, f"a{o}_{i}", node, clause)
        slot.note = irutil.points_note(effect)
        self._register(slot)

    def _branch(self, clause, w, o, taken, skipped, earn_nominal) -> None:
        for i, effect in taken:
            if isinstance(effect, ir.Outcome):
                w(f"o{o}_{i} = True")
            elif effect.kind == "earn":
                if irutil.lazy_earning(clause, effect):
                    raw = self._positive_amount(effect.amount, w, f"t{o}_{i}")
                    earn_nominal[i] = self._capped(clause, raw, w, f"tc{o}_{i}")
                w(f"e{o}_{i} = {earn_nominal[i]}")
                whole = self._whole.get((o, i))
                if whole is not None:
                    w(f"t = {whole} - {earn_nominal[i]}")
                    with w.block(f"if t > {self.zero}:"):
                        w(f"m{o}_{i} = t")
            elif _const(effect.amount):
                value = self._positive_amount(effect.amount, w, "t")
                if value != self.zero:
                    w(f"n{o}_{i} = {self._capped(clause, value, w, f'n{o}_{i}')}")
            else:
                raw = f"r{o}_{i}" if clause.cap is not None else f"n{o}_{i}"
                w(f"t = {self.bare(self.expr(effect.amount))}")
                with w.block(f"if t > {self.zero}:"):
                    self._assign(clause, w, "t", f"n{o}_{i}", raw)
        for i, effect in skipped:
            if not (isinstance(effect, ir.Points) and effect.kind == "earn") or not clause.missable:
                continue
            if clause.unless is None:
                w(f"m{o}_{i} = {earn_nominal[i]}")
            else:  # no loss of its own when another alternative was taken
                with w.block(f"if not ({self.bare(self.cond(clause.unless))}):"):
                    w(f"m{o}_{i} = {earn_nominal[i]}")

    # ---------------------------------------------------------------------- nodes

    def _aggregate(self, node: ir.Node, w: Writer, x: Writer) -> None:
        """The node's numbers into `w`; what explains them (applied amounts, the
        attribution of a spent budget) into `x`, which runs only for `score`."""
        plan = self.plans[node.path]
        k = plan.k
        self._mark(w, len(self.ordinals) + k)
        x.level = w.level
        start = len(x.lines)
        children = [self.plans[c.path] for c in node.children]
        terms = [f"d{c.k}" for c in children] + plan.deduct
        capped = node.budget is not None and node.floor
        budget = self.const(node.budget) if capped else ""
        # one own clause alone under a cap: its applied amount is the capped deduction
        own = [s for s in plan.own if s.deducts]
        alone = capped and not node.earns and len(own) == 1 and terms == [own[0].nominal]
        for slot in plan.own:
            if slot.kind != "outcome":
                source = f"d{k}" if alone and slot is own[0] else slot.nominal
                x(f"{slot.applied} = {source}")
        if node.earns:
            earned, bound = self._earned(node, plan, w, x)
            terms.append(earned)
            # the earned part never exceeds the points: a budget that large never binds
            if terms == [earned] and capped and node.budget >= bound:
                capped = False
        beneath = sorted(
            [s for s in plan.own if s.kind != "outcome"] + [s for c in children for s in c.beneath],
            key=lambda s: s.key,
        )
        plan.beneath = beneath
        deducts = [s for s in beneath if s.deducts]
        spent = terms[0] if len(terms) == 1 else self.zero
        if capped:
            if len(terms) > 1:
                spent = _sum(w, f"s{k}", terms)
            w(f"d{k} = {spent} if {spent} <= {budget} else {budget}")
            if deducts and not alone:
                with x.block(f"if d{k} < {spent}:"):
                    x(_share_line(deducts, f"d{k}"))
        else:
            _sum(w, f"d{k}", terms or [self.zero])
        plan.has_bonus = bool(plan.bonus) or any(c.has_bonus for c in children)
        if plan.has_bonus:
            own_bonus = plan.bonus
            if node.take_max and not node.earns and len(plan.bonus) > 1:
                own_bonus = [self._highest_bonus(plan, w, x)]
            bonus = [f"b{c.k}" for c in children if c.has_bonus] + own_bonus
            if node.bonus_cap is not None:
                cap = self.const(node.bonus_cap)
                _sum(w, f"bs{k}", bonus)
                w(f"b{k} = bs{k} if bs{k} <= {cap} else {cap}")
                bonuses = [s for s in beneath if s.kind == "bonus"]
                if bonuses:
                    with x.block(f"if b{k} < bs{k}:"):
                        x(_allot_line(bonuses, f"b{k}"))
            else:
                _sum(w, f"b{k}", bonus)
        self._override(node, plan, w, x)
        if len(x.lines) > start:  # the explanation names its node too
            x.lines.insert(start, w.lines[self._marks[-1]])

    def _override(self, node: ir.Node, plan: NodePlan, w: Writer, x: Writer) -> None:
        """`本项按满分计` (the interpreter's `_node`): when one held, the node loses only
        what its share leaves of the points and adds no bonus; every item under it but
        the override's own applies nothing (the first that held speaks, in source order)."""
        slots = [s for s in plan.own if s.kind == "outcome" and s.outcome.kind == "override"]
        if not slots:
            return
        k = plan.k
        share = irutil.override_share(slots[0].outcome)  # one share per node (E260)
        lost = self.const((node.points or Decimal(0)) * (1 - share))
        held = " or ".join(s.nominal for s in slots)
        with w.block(f"if {held}:"):
            w(f"d{k} = {lost}")
            if plan.has_bonus:
                w(f"b{k} = {self.zero}")
        with x.block(f"if {held}:"):
            flags: dict[str, str] = {}  # override clause id → its flag, in source order
            for slot in sorted(slots, key=lambda s: s.key):
                flags.setdefault(slot.clause.id, slot.nominal)
            order = list(flags)
            for slot in plan.beneath:
                if slot.kind == "outcome":
                    continue
                clause = slot.clause.id if slot.clause is not None else None
                if clause not in flags:
                    x(f"{slot.applied} = {self.zero}")
                    continue
                earlier = [flags[c] for c in order[: order.index(clause)]]
                if earlier:  # the first override that held keeps its item
                    test = " or ".join(earlier)
                    x(f"{slot.applied} = {self.zero} if {test} else {slot.nominal}")
                else:
                    x(f"{slot.applied} = {slot.nominal}")

    def _highest_bonus(self, plan: NodePlan, w: Writer, x: Writer) -> str:
        """就高不就低 in a node that earns nothing: of its own bonus clauses only the
        highest counts; the first of equal highest keeps its amount, the rest apply 0."""
        k = plan.k
        w(f"hb{k} = max({', '.join(plan.bonus)})")
        slots = sorted((s for s in plan.own if s.kind == "bonus"), key=lambda s: s.key)
        if slots:
            names = ", ".join(s.applied for s in slots)
            x(f"t = ({names},).index(hb{k}) if hb{k} > {self.zero} else -1")
            for j, slot in enumerate(slots):
                x(f"{slot.applied} = {slot.applied} if t == {j} else {self.zero}")
        return f"hb{k}"

    def _earned(self, node: ir.Node, plan: NodePlan, w: Writer, x: Writer) -> tuple[str, Decimal]:
        """Emit De = M − min(earned, M) into `w` and its explanation into `x`.
        Returns the name of De and M (De never exceeds M)."""
        k = plan.k
        marks = node.points if node.points is not None else Decimal(0)
        points = self.const(marks)
        if not plan.earn:
            earned = self.zero
        elif len(plan.earn) == 1:
            earned = plan.earn[0]
        elif node.take_max:
            earned = f"max({', '.join(plan.earn)})"
        else:
            earned = _sum(w, f"w{k}", plan.earn)
        if not earned.isidentifier():
            w(f"w{k} = {earned}")
            earned = f"w{k}"
        w(f"x{k} = {points} - ({earned} if {earned} <= {points} else {points})")
        missed_slots = plan.missed
        if node.take_max and len(plan.earn) > 1:
            # 就高不就低: the loss is the gap from the highest earned to full marks, one
            # item; the alternatives not met are not deductions of their own
            for missed_slot in plan.missed:
                x(f"{missed_slot.nominal} = {self.zero}")
                x(f"{missed_slot.applied} = {self.zero}")
            missed_slots = []
        missed = [s.nominal for s in missed_slots]
        if len(missed) > 1:
            x(f"t = x{k} - {_sum(x, 't', missed)}")
        else:
            x(f"t = x{k} - ({missed[0]})" if missed else f"t = x{k}")
        x(f"nr{k} = t if t > {self.zero} else {self.zero}")
        x(f"ar{k} = nr{k}")
        slot = Slot(irutil.remainder_key(node), "remainder", f"nr{k}", f"nr{k}", f"ar{k}", node)
        self._register(slot)
        group = sorted(missed_slots + [slot], key=lambda s: s.key)
        total = group[0].nominal if len(group) == 1 else _sum(x, "t", [s.nominal for s in group])
        with x.block(f"if {total} > x{k}:"):
            x(_allot_line(group, f"x{k}"))
        return f"x{k}", marks

    def _root(self, w: Writer, x: Writer) -> None:
        policy = self.policy
        tops = [self.plans[n.path] for n in policy.nodes]
        full_marks = self.const(policy.full_marks)
        _sum(w, "spent", [f"d{p.k}" for p in tops] or [self.zero])
        w(f"deduction = spent if spent <= {full_marks} else {full_marks}")
        deducts = sorted((s for s in self.slots if s.deducts), key=lambda s: s.key)
        if deducts:
            x.level = w.level
            with x.block("if deduction < spent:"):
                x(_share_line(deducts, "deduction"))
        bonus = [f"b{p.k}" for p in tops if p.has_bonus]
        _sum(w, "exact", [f"{full_marks} - deduction", *bonus])
        if self.ints:  # the one conversion `total` needs: 0…WHOLE_MAX made at import
            top = self.whole_max
            w(f"exact = _WHOLE[exact] if 0 <= exact <= {top} else Decimal(exact)")
        w(f"total = {self.rounded('exact')}")

    def rounded(self, code: str) -> str:
        """A Decimal score rounded to 精度 (as it is when the policy is exact)."""
        if self.policy.precision is None:
            return code
        return f"_round({code}, {self.dconst(self.policy.precision)})"


def _is_mark(line: str) -> bool:
    return line.lstrip().startswith(PLACE_MARK)


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


#: The Decimals of 0…满分 (at most WHOLE_MAX) are made once in an integer-path module
#: (`_WHOLE`), so that a total in that range costs an index, not a conversion.
WHOLE_MAX = 1000

#: Terms per generated addition: a sum of thousands of children (a policy with that
#: many top-level items) would nest as deep as it is long, and compiling a syntax tree
#: that deep from Python objects exceeds the recursion limit.
SUM_CHUNK = 64


def _sum(w: Writer, target: str, terms: list[str]) -> str:
    """`target = t1 + t2 + …`, in statements of at most SUM_CHUNK terms that add
    onto `target` in turn: the same additions, in the same left-to-right order."""
    first, rest = terms[:SUM_CHUNK], terms[SUM_CHUNK:]
    w(f"{target} = {' + '.join(first)}")
    for start in range(0, len(rest), SUM_CHUNK - 1):
        w(f"{target} = {target} + {' + '.join(rest[start : start + SUM_CHUNK - 1])}")
    return target


def _share_line(slots: list[Slot], budget: str) -> str:
    """Attribution of a spent budget to the deducting slots beneath a node, whose
    applied amounts add up to what the node spent: one slot alone gets the budget
    (what `_allot` would give it, without the call)."""
    if len(slots) == 1:
        return f"{slots[0].applied} = {budget}"
    return _allot_line(slots, budget)


def _allot_line(slots: list[Slot], budget: str) -> str:
    names = ", ".join(s.applied for s in slots)
    if len(slots) == 1:
        return f"{names}, = _allot(({names},), {budget})"
    return f"{names} = _allot(({names}), {budget})"
