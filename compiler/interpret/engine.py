"""The reference interpreter: the IR scored by a slow, obvious recursive walk.

It is the oracle the generated modules are tested against, so it favours plainness over
speed: every expression and condition is evaluated generically, every node collects
its items in lists, every budget is allotted.  It shares with the generated module only
the run-time support (`support/prelude.py`: conversion, records, rounding, allotment,
grades, ranks, batches) and the static helpers of `ir.util`; the scoring walk is its own.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from types import MappingProxyType

from ..ir import nodes as ir
from ..ir import util as irutil
from ..support import prelude as rt
from .clauses import (
    ZERO,
    ClauseEvaluation,
    PendingItem,
    Walk,
    allot_items,
    at_most,
    total_of,
)


class Interpreter(ClauseEvaluation):
    """Scores units by walking `policy`; same results as the policy's generated module."""

    def __init__(self, policy: ir.Policy):
        self.policy = policy
        self.infos = tuple(rt.FactInfo(*irutil.fact_info_fields(f)) for f in policy.facts)
        self.by_name = {info.name: info for info in self.infos}
        self.known = frozenset(self.by_name) | {irutil.UNIT_KEY}
        self.bands = tuple(rt.Band(*irutil.band_fields(b)) for b in policy.bands)
        self.ordinals = irutil.clause_ordinals(policy)
        names = [f.name for f in policy.facts]
        self.average_infos = tuple(self.by_name[name] for name in policy.averages)
        self.average_slots = tuple(names.index(name) for name in policy.averages)
        self.stat_infos = tuple(rt.StatInfo(*irutil.stat_fields(s, names)) for s in policy.stats)
        self.membership = bool(policy.averages or policy.stats) and policy.disqualifies()
        self.paths = tuple(node.path for node in policy.walk())
        self.own = rt._own_slots(self.stat_infos, len(self.average_infos), self.paths)
        self.placeholders = rt._placeholders(self.average_slots, self.stat_infos)

    # ------------------------------------------------------------------ public surface

    def convert(self, facts: Mapping[str, object]) -> tuple[object, tuple]:
        """(unit, values in fact order), or InputError."""
        rt._check_mapping(facts)
        unit = facts.get(irutil.UNIT_KEY)
        if not self.known.issuperset(facts):
            facts = rt._rekey(facts, self.known, unit)
        values = tuple(
            rt._convert_value(facts.get(info.name), info, unit, self.policy.year)
            for info in self.infos
        )
        return unit, values

    def convert_facts(self, facts: Mapping[str, object]) -> dict[str, object]:
        """Fact name → converted value (what scoring reads)."""
        with rt._localcontext(rt._CONTEXT):
            _, values = self.convert(facts)
        return {info.name: value for info, value in zip(self.infos, values, strict=True)}

    def score(
        self,
        facts: Mapping[str, object],
        averages: Mapping | None = None,
        batch: Mapping | None = None,
    ) -> rt.Result:
        result = self.trace(facts, averages, batch)[0]
        if not self.policy.quotas:
            return result
        with rt._localcontext(rt._CONTEXT):
            return rt._quota_one(result, batch, self.bands, self.policy.quotas)

    def score_before_quotas(
        self,
        facts: Mapping[str, object],
        averages: Mapping | None = None,
        batch: Mapping | None = None,
    ) -> rt.Result:
        """The result before 等次 quotas (a batch applies them over all its units)."""
        return self.trace(facts, averages, batch)[0]

    def total(
        self,
        facts: Mapping[str, object],
        averages: Mapping | None = None,
        batch: Mapping | None = None,
    ) -> Decimal:
        """总分 alone: quotas move grades, never the total, so they need no places here
        (as the generated module's `total`)."""
        return self.score_before_quotas(facts, averages, batch).total

    def trace(
        self,
        facts: Mapping[str, object],
        averages: Mapping | None = None,
        batch: Mapping | None = None,
    ) -> tuple[rt.Result, frozenset[str]]:
        """The result and the ids of the clauses that fired (for test coverage)."""
        with rt._localcontext(rt._CONTEXT):
            unit, values = self.convert(facts)
            needed: tuple = ()
            if self.average_infos or self.stat_infos:
                needed = rt._batch_values(
                    averages,
                    batch,
                    self.average_infos,
                    self.stat_infos,
                    unit,
                    self._measured,
                    values,
                    self.own,
                )
            return self._compute(unit, values, needed)

    # ------------------------------------------- passes over a batch (as the module's)

    def unit_values(self, facts: Mapping[str, object]) -> tuple[object, tuple]:
        """(unit, values in fact order), or InputError."""
        with rt._localcontext(rt._CONTEXT):
            return self.convert(facts)

    def batch_values(self, batch: Mapping | None = None, averages: Mapping | None = None) -> tuple:
        """The batch values `score` reads, parsed once: means, then statistics."""
        with rt._localcontext(rt._CONTEXT):
            return rt._given_values(averages, batch, self.average_infos, self.stat_infos, None)

    def measure(
        self, unit: object, values: tuple, given: tuple | None = None, level: int | None = None
    ) -> tuple:
        """(disqualified, each node's score in walk order): taken here from the full
        result, which the generated module's `measure` does not build."""
        with rt._localcontext(rt._CONTEXT):
            given = self.placeholders if given is None else given
            given = rt._own_values(given, self.own, unit, values, self._measured, level)
            return self._measured(unit, values, given)

    def score_given(self, facts: Mapping[str, object], given: tuple) -> rt.Result:
        with rt._localcontext(rt._CONTEXT):
            unit, values = self.convert(facts)
            given = rt._own_values(given, self.own, unit, values, self._measured)
            return self._compute(unit, values, given)[0]

    def _measured(self, unit: object, values: tuple, given: tuple) -> tuple:
        return rt._measured(self._compute(unit, values, given)[0], self.paths)

    def score_batch(
        self, rows: Iterable[Mapping[str, object]], quotas: bool = True
    ) -> list[rt.Result]:
        with rt._localcontext(rt._CONTEXT):
            return rt._score_batch(
                rows,
                self.convert,
                lambda unit, values, averages: self._compute(unit, values, averages)[0],
                self.average_slots,
                self.stat_infos,
                self.membership,
                self.bands,
                self.policy.quotas if quotas else (),
            )

    # -------------------------------------------------------------------------- walk

    def _compute(
        self, unit: object, values: tuple, averages: tuple
    ) -> tuple[rt.Result, frozenset[str]]:
        policy = self.policy
        walk = Walk(
            env={info.name: value for info, value in zip(self.infos, values, strict=True)},
            averages=dict(zip(policy.averages, averages[: len(policy.averages)], strict=True)),
            unit=unit,
            stats=dict(zip(policy.stats, averages[len(policy.averages) :], strict=True)),
        )
        tops = [self._node(node, walk) for node in policy.nodes]
        spent = total_of([d for d, _ in tops])
        deduction = at_most(spent, policy.full_marks)
        deduct_items = [i for i in walk.items if i.kind == "deduct"]
        if deduction < spent:
            allot_items(deduct_items, deduction)
        bonus = total_of([b for _, b in tops])
        exact = policy.full_marks - deduction + bonus
        total = self._round(exact)
        items = tuple(i.freeze() for i in sorted(walk.items, key=lambda i: i.key))
        status = rt._STATUS_DISQUALIFIED if walk.disqualified else rt._STATUS_OK
        grade = rt._grade(total, self.bands, walk.vetoed, walk.disqualified)
        grade = rt._limit_grade(grade, self.bands, walk.ceilings, walk.floors, walk.vetoed)
        result = rt.Result(
            unit,
            total,
            exact,
            grade,
            None,
            status,
            walk.vetoed,
            tuple(walk.labels),
            MappingProxyType(walk.records),
            items,
            None,
        )
        return result, frozenset(walk.fired)

    def _round(self, value: Decimal) -> Decimal:
        step = self.policy.precision
        return value if step is None else rt._round(value, step)

    def _node(self, node: ir.Node, walk: Walk) -> tuple[Decimal, Decimal]:
        """Evaluate a node: own clauses, then children.  Returns (deduction, bonus) and
        records the node's score and items in `walk`."""
        walk.records[node.path] = None  # keep walk order: parents before children
        first_item = len(walk.items)
        own_deduct: list[Decimal] = []
        own_bonus: list[Decimal] = []
        earned: list[Decimal] = []
        missed: list[Decimal] = []
        missed_items: list[PendingItem] = []
        for clause in node.clauses:
            for role, value, item in self._clause(clause, walk):
                if role == "deduct":
                    own_deduct.append(value)
                elif role == "bonus":
                    own_bonus.append(value)
                elif role == "earn":
                    earned.append(value)
                elif role == "missed":
                    missed.append(value)
                if item is not None:
                    (missed_items if role == "missed" else walk.items).append(item)
        own_items = walk.items[first_item:]
        if node.take_max and not node.earns and len(own_bonus) > 1:
            own_bonus = [self._highest_bonus(own_bonus, own_items)]
        children = [self._node(child, walk) for child in node.children]

        terms = [d for d, _ in children] + own_deduct
        if node.earns:
            if node.take_max and len(earned) > 1:
                missed, missed_items = [], []  # 就高不就低: one gap to full marks
            terms.append(self._earned_part(node, earned, missed, missed_items, walk))
        spent = total_of(terms)
        if node.budget is not None and node.floor:
            deduction = at_most(spent, node.budget)
        else:
            deduction = spent
        beneath = walk.items[first_item:]
        if deduction < spent:
            allot_items([i for i in beneath if i.kind == "deduct"], deduction)

        bonus = total_of([b for _, b in children] + own_bonus)
        if node.bonus_cap is not None:
            capped = at_most(bonus, node.bonus_cap)
            if capped < bonus:
                allot_items([i for i in beneath if i.kind == "bonus"], capped)
            bonus = capped
        override = walk.overrides.get(node.path)
        if override is not None:  # `本项按满分计`: the other clauses count for nothing
            clause_id, share = override
            deduction, bonus = (node.points or ZERO) * (1 - share), ZERO
            for item in beneath:
                if item.kind in ("deduct", "bonus"):
                    item.applied = item.nominal if item.clause == clause_id else ZERO

        shown = deduction if deduction else ZERO  # a node that lost nothing reports ZERO
        if node.bonus_cap is not None:
            record = rt.NodeScore(
                node.path, node.title, node.bonus_cap, deduction, self._round(bonus), True
            )
        elif node.points is not None:
            score = self._round(node.points - shown)
            record = rt.NodeScore(node.path, node.title, node.points, shown, score, False)
        else:
            record = rt.NodeScore(node.path, node.title, None, shown, None, False)
        walk.records[node.path] = record
        return deduction, bonus

    @staticmethod
    def _highest_bonus(values: list[Decimal], items: list[PendingItem]) -> Decimal:
        """就高不就低 in a node that earns nothing: only the highest bonus counts; the
        first item (in source order) with that amount keeps it, the others apply 0."""
        best = max(values)
        kept = False
        for item in sorted((i for i in items if i.kind == "bonus"), key=lambda i: i.key):
            if not kept and best > ZERO and item.applied == best:
                kept = True
            else:
                item.applied = ZERO
        return best

    def _earned_part(
        self,
        node: ir.Node,
        earned: list[Decimal],
        missed: list[Decimal],
        items: list[PendingItem],
        walk: Walk,
    ) -> Decimal:
        """De = M − min(earned, M), explained by the missed earning clauses and, when
        they do not cover it, one "未得满分" item (NOTES: earned-points node)."""
        points = node.points if node.points is not None else ZERO
        if not earned:
            got = ZERO
        elif node.take_max:
            got = max(earned)
        else:
            got = total_of(earned)
        part = points - at_most(got, points)
        rest = part - total_of(missed)
        if rest > 0:
            items.append(
                PendingItem(
                    irutil.remainder_key(node),
                    None,
                    node.path,
                    node.line,
                    irutil.REMAINDER_TEXT,
                    (),
                    "deduct",
                    rest,
                    rest,
                    "",
                )
            )
        if total_of([i.nominal for i in items]) > part:
            allot_items(items, part)
        walk.items.extend(items)
        return part
