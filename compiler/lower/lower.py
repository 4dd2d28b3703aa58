"""AST → IR: resolve names, inline parameters, turn words into operators, compute
budgets, and give every clause form its closed IR shape (see ir.py).

Called only on a tree that `check` passed without errors, so every name resolves,
every type fits and every comparison word is known.  Nothing of the policy's text
becomes an identifier: facts are `f0`, `f1`… and clauses `c0`, `c1`… in source order.
"""

from __future__ import annotations

import dataclasses
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

from ..check.boundary import band_interval, flip, offset_operator, operator, overrides_of
from ..check.budget import bonus_cap, budget, no_floor, points, take_max
from ..check.passes.batch import (
    first_place_amount,
    node_levels,
    rank_order,
    step_anchor,
    tie_ranking,
)
from ..check.passes.grade_limits import limit_band
from ..check.resolve import (
    Symbols,
    batch_subject,
    clause_refs,
    earns,
    node_target,
    resolve,
    share_of_average,
    walk,
)
from ..check.values import convert
from ..ir import nodes as ir
from ..ir import util as irutil
from ..source.gcpause import paused_gc
from ..source.text import Source
from ..syntax import ast
from ..syntax import keywords as kw

_SYMBOL_WORDS = frozenset({">=", "≥", "<=", "≤", ">", "<", "=", "==", "!=", "≠"})


def lower(tree: ast.PolicyFile, source: Source) -> ir.Policy:
    """The IR of a checked tree.

    The cyclic collector is paused (`gcpause`): lowering allocates an IR as large as
    the tree and no garbage cycles, and full collections over it made the time per
    clause double between 1,000 and 10,000 clauses."""
    with paused_gc():
        return _Lowerer(tree, source).policy()


class _Lowerer:
    def __init__(self, tree: ast.PolicyFile, source: Source):
        self.tree = tree
        self.source = source
        self.symbols: Symbols = resolve(tree)
        self.overrides = overrides_of(tree.header.boundary)
        self.year = tree.header.year
        self.averages: dict[str, None] = {}  # an ordered set: first use first
        self.stats: dict[ir.BatchStat, None] = {}  # the same for batch statistics
        #: While a rank clause is lowered: its rank, what 名次 in its formulas stands for.
        self.ranked: ir.BatchStat | None = None
        self.ties: tuple[tuple[str, bool], ...] = ()  # the rank clause's tie-break
        self.path_list = [path for path, _ in walk(tree.nodes)]
        self.levels, _ = node_levels(tree)
        ordered = sorted(
            (clause for _, node in walk(tree.nodes) for clause in node.clauses),
            key=lambda c: (c.span.line, c.span.column),
        )
        self.ids = {id(clause): f"c{i}" for i, clause in enumerate(ordered)}

    # ------------------------------------------------------------------ policy

    def policy(self) -> ir.Policy:
        header = self.tree.header
        nodes = tuple(self.node(n, "") for n in self.tree.nodes)
        paths = {path for path, _ in walk(self.tree.nodes)}
        return ir.Policy(
            title=header.title,
            year=header.year or 0,
            full_marks=header.full_marks.value if header.full_marks else Decimal(0),
            precision=header.precision.value if header.precision else None,
            source_hash=self.source.sha256,
            filename=self.source.filename,
            facts=self.facts(),
            nodes=nodes,
            bands=tuple(self.band(b) for b in self.tree.bands),
            quotas=self.quotas(),
            averages=tuple(self.averages),
            stats=tuple(self.stats),
            tests=tuple(self.test(t, paths) for t in self.tree.tests),
            target=header.target or "",
            mode=header.mode or "减分制",
        )

    def facts(self) -> tuple[ir.Fact, ...]:
        ranges = self.discretionary_ranges()
        out: list[ir.Fact] = []
        for i, info in enumerate(self.symbols.facts.values()):
            assert info.kind is not None
            type_ = info.kind.type
            decl = info.decl
            default = low = high = None
            if decl is not None:
                if decl.default is not None:
                    default = convert(type_, decl.default, self.year, bounded=not decl.ranged)
                if type_ not in ("bool", "date"):
                    if decl.low is not None:
                        low = Decimal(convert(type_, decl.low, self.year, bounded=False))  # type: ignore[arg-type]
                    if decl.high is not None:
                        high = Decimal(convert(type_, decl.high, self.year, bounded=False))  # type: ignore[arg-type]
            if type_ == "number" and info.kind.unit and low is None:
                low = Decimal(0)  # a measured quantity (公里, 万元…) is never negative
            if info.name in ranges:
                r_low, r_high = ranges[info.name]
                low = r_low if low is None else max(low, r_low)
                high = r_high if high is None else min(high, r_high)
            line = decl.span.line if decl else (info.first_use.line if info.first_use else 0)
            out.append(
                ir.Fact(
                    name=info.name,
                    ident=f"f{i}",
                    type=type_,
                    unit=info.unit,
                    default=default,
                    low=low,
                    high=high,
                    description=decl.description if decl else "",
                    line=line,
                    inferred=info.inferred,
                    sense=decl.sense if decl and decl.sense in ("high", "low") else None,
                )
            )
        return tuple(out)

    def discretionary_ranges(self) -> dict[str, tuple[Decimal, Decimal]]:
        """A discretionary clause's range (`酌情扣0至5分`) narrows its fact's range."""
        ranges: dict[str, tuple[Decimal, Decimal]] = {}
        for _, node in walk(self.tree.nodes):
            for clause in node.clauses:
                if isinstance(clause, ast.DiscretionaryClause):
                    lo, hi = clause.low.value, _discretionary_high(clause, node)
                    if clause.subject.name in ranges:
                        old_lo, old_hi = ranges[clause.subject.name]
                        lo, hi = max(lo, old_lo), min(hi, old_hi)
                    ranges[clause.subject.name] = (lo, hi)
        return ranges

    def quotas(self) -> tuple[ir.GradeQuota, ...]:
        names = [band.name for band in self.tree.bands]
        found = [
            ir.GradeQuota(names.index(q.name), q.share, q.count, q.span.line, q.text, q.per)
            for q in self.tree.quotas
        ]
        return tuple(sorted(found, key=lambda q: q.band))

    def band(self, band: ast.Band) -> ir.GradeBand:
        iv, _ = band_interval(band, self.overrides)
        return ir.GradeBand(
            band.name, iv.lo, iv.lo_inc, iv.hi, iv.hi_inc, band.rest, band.span.line
        )

    def test(self, test: ast.TestCase, paths: set[str]) -> ir.TestCase:
        expectations = []
        per_unit = []
        for exp in test.expectations:
            target = exp.target.strip()
            if target not in ("总分", "等次", "状态", "标签"):
                target = node_target(target, paths) or target
            if exp.unit:
                per_unit.append((exp.unit, target, exp.raw.strip(), exp.span.line))
            else:
                expectations.append((target, exp.raw.strip(), exp.span.line))
        return ir.TestCase(
            test.name,
            test.span.line,
            tuple((f.name, f.raw.strip()) for f in test.facts if not f.average and not f.stat),
            tuple((f.name, f.raw.strip()) for f in test.facts if f.average),
            tuple(expectations),
            tuple((self.stat_key(f), f.raw.strip()) for f in test.facts if f.stat),
            tuple(
                (unit.name, tuple((f.name, f.raw.strip()) for f in unit.facts))
                for unit in test.units
            ),
            tuple(per_unit),
        )

    def stat_key(self, fact: ast.TestFact) -> str:
        """`排名【X】` as `score(batch=…)` names it: a node as 【(二)得分】."""
        if fact.stat == "单位数":
            return "单位数"
        if fact.stat == kw.QUOTA_PLACE:
            return f"{fact.stat}【{fact.name}】"
        name, is_node = batch_subject(ast.Ref(fact.name, fact.span), self.path_list)
        return f"{fact.stat}【{name}得分】" if is_node else f"{fact.stat}【{name}】"

    # ------------------------------------------------------------------ nodes

    def node(self, node: ast.Node, prefix: str) -> ir.Node:
        """A node's IR.  A `本大项不得分` clause is lowered at the top-level item it is
        written under (its budget is the one lost), after that item's own clauses, in
        source order; its line and text stay the writer's."""
        path = prefix + node.marker.path_part
        own = [c for c in node.clauses if prefix == "" or not _takes_section(c)]
        if prefix == "":
            own += [c for _, n in walk(node.children) for c in n.clauses if _takes_section(c)]
        clauses = tuple(lowered for c in own for lowered in self.clauses(c, node, path))
        return ir.Node(
            path=path,
            marker=node.marker.text,
            title=node.title,
            line=node.span.line,
            points=points(node),
            budget=budget(node),
            floor=not no_floor(node),
            bonus_cap=bonus_cap(node),
            earns=any(earns(c) for c in node.clauses) or any(map(_earns, clauses)),
            take_max=take_max(node),
            clauses=clauses,
            children=tuple(self.node(c, path) for c in node.children),
        )

    # ------------------------------------------------------------------ clauses

    def clauses(self, clause: ast.Clause, node: ast.Node, path: str) -> list[ir.Clause]:
        if isinstance(clause, ast.RankClause):
            lowered = self.rank_clauses(clause, node, self.base(clause, path))
        else:
            lowered = [self.clause(clause, node, path)]
        places = getattr(clause, "places", None)
        if places is None:
            return lowered
        return [_rounded(c, places.value) for c in lowered]

    # ---------------------------------------------------------------- rank clauses

    def stat(self, kind: str, name: str, node: bool, high: bool) -> ir.BatchStat:
        level = self.levels.get(name, 0) if node else 0
        ties = self.ties if kind in ("rank", "rank_from_end") else ()
        stat = ir.BatchStat(kind, name, node, high, level, ties)
        self.stats.setdefault(stat)
        return stat

    def rank_clauses(self, clause: ast.RankClause, node: ast.Node, base: dict) -> list[ir.Clause]:
        """One Fixed clause per rule (ids c7, c7.1, …): its places as a condition on the
        unit's rank, its points fixed, taken in turn from a list, a share of the first
        place's, or a formula of the place (`名次`); `其余` is every unit no earlier
        rule named."""
        name, is_node = batch_subject(clause.subject, self.path_list)
        order = rank_order(clause, self.tree, self.path_list)
        assert order is not None, "checked: E235"
        high = order == "high"
        tied = tie_ranking(clause)
        if tied is not None:  # checked: a fact, its direction settled (E253, E235)
            tie_order = rank_order(tied, self.tree, self.path_list)
            self.ties = ((tied.subject.name, tie_order == "high"),)
        self.ranked = rank = self.stat("rank", name, is_node, high)
        try:
            return self._rank_rules(clause, node, base, name, is_node, high, rank)
        finally:
            self.ranked = None
            self.ties = ()

    def _rank_rules(self, clause, node, base, name, is_node, high, rank) -> list[ir.Clause]:
        earlier: list[ir.Cond] = []
        out: list[ir.Clause] = []
        for index, rule in enumerate(clause.rules):
            cond: ir.Cond | None
            if rule.rest:
                # `其余计3分，位列末位的计1分`: a place that earns after 其余 is not one of them
                named = earlier + self.later_earning(clause, index, name, is_node, high, rank)
                cond = ir.Negate(ir.AnyOf(tuple(named))) if named else None
            else:
                cond = self.named_by(rule, name, is_node, high, rank)
            if rule.condition is not None:  # `第一且高于平均水平5个百分点以上的`: both
                extra = self.cond(rule.condition)
                cond = extra if cond is None else ir.AllOf((cond, extra))
            effect = self.rank_effect(clause, rule, node, name, is_node, high, rank)
            if cond is not None and not rule.rest and _penalises(effect):
                apart = self.apart(rule, name, is_node, high, rank)
                if apart is not None:
                    cond = ir.AllOf((cond, apart))
            if cond is not None and not rule.rest:
                earlier.append(cond)
            ident = base["id"] if index == 0 else f"{base['id']}.{index}"
            out.append(ir.Fixed(**{**base, "id": ident}, condition=cond, then=(effect,)))
        return _alternatives(out)

    def later_earning(self, clause, at: int, name, is_node, high, rank) -> list[ir.Cond]:
        """The places of the earning rules after the rule at `at` (a 其余): what they name
        is not the rest (a later rule that deducts or adds there is refused, E253)."""
        found: list[ir.Cond] = []
        for rule in clause.rules[at + 1 :]:
            earns = isinstance(rule.effect, ast.Earn) or rule.in_turn or rule.proportional
            if rule.rest or not earns:
                continue
            cond = self.named_by(rule, name, is_node, high, rank)
            every = ir.Cmp(">=", rank, ir.Const(Decimal(1)))  # `第1名及以后`: all
            found.append(every if cond is None else cond)
        return found

    def named_by(self, rule, name, is_node, high, rank) -> ir.Cond | None:
        """The units a place rule or a best rule names: the first place (`最高者`), or
        the unit's rank within `第2至5名`, `后两名` (from the end); None for every place."""
        if rule.best:
            return ir.Cmp("==", rank, ir.Const(Decimal(1)))
        places = rule.places
        assert places is not None
        counted = rank
        if places.from_end:
            counted = self.stat("rank_from_end", name, is_node, high)
        parts: list[ir.Cond] = []
        if places.first > 1:
            parts.append(ir.Cmp(">=", counted, ir.Const(Decimal(places.first))))
        if places.last < ast.OPEN_PLACE:  # 第四名及以后: no last place
            parts.append(ir.Cmp("<=", counted, ir.Const(Decimal(places.last))))
        if not parts:
            return None
        return parts[0] if len(parts) == 1 else ir.AllOf(tuple(parts))

    def apart(self, rule, name, is_node, high, rank) -> ir.Cond | None:
        """A penalty by place falls only on a unit at the bad end of the ranking, never on
        one tied with the other end: `末位扣3分` spares a unit tied for first (so when all
        units tie, no one is last), and `前三名扣2分` / `最多的，不得评为优秀` (the order
        puts the bad end first) spare a unit tied for last.  Places counted from the top
        that do not start at the first place (`第2至5名扣1分`) are taken as written."""
        places = rule.places
        if places is not None and places.from_end:
            return ir.Cmp(">", rank, ir.Const(Decimal(1)))
        if rule.best or (places is not None and places.first == 1):
            from_end = self.stat("rank_from_end", name, is_node, high)
            return ir.Cmp(">", from_end, ir.Const(Decimal(1)))
        return None

    def rank_effect(self, clause, rule, node, name, is_node, high, rank) -> ir.Effect:
        if rule.in_turn:
            places = rule.places
            assert places is not None
            index = ir.Arith("-", rank, ir.Const(Decimal(places.first - 1)))
            kind = _VERB_KINDS[rule.in_turn_word]
            return ir.Points(kind, ir.Pick(index, tuple(n.value for n in rule.in_turn)))
        if rule.step is not None:
            return self.step_down(clause, rule, node, rank)
        if rule.proportional:
            first = first_place_amount(clause)
            assert first is not None, "checked: E236"
            if isinstance(first, ast.Num):
                amount: ir.Expr = ir.Const(first.value)
                kind = "earn"
            else:
                lowered = self.effect(first, node)
                assert isinstance(lowered, ir.Points)
                amount, kind = lowered.amount, lowered.kind
            value = self.stat("value", name, True, high) if is_node else ir.FactValue(name)
            best = self.stat("best", name, is_node, high)
            share = ir.Share(amount, value, best, high)
            if rule.floor is not None:  # `，最低得3分`: never less than the floor
                floored = ir.Func("max", (ir.Const(rule.floor.value), share))
                return ir.Points(kind, floored, whole=amount)
            return ir.Points(kind, share)
        assert rule.effect is not None
        effect = self.effect(rule.effect, node)
        if rule.every and isinstance(effect, ir.Points) and effect.kind == "earn":
            # what the formula does not give of the item's points is the rule's to explain
            if node.points is not None:
                whole = ir.Const(node.points.value)
                return replace(effect, whole=whole, by_place=True)
        return effect

    def step_down(self, clause, rule, node, rank) -> ir.Effect:
        """`第1名得10分，其后每下降一个名次扣0.5分`: a unit at place r after the last place
        L of the rules it counts on from (`step_anchor`) earns (the points of L) −
        step × (r − L), never below 0."""
        head = step_anchor(clause)
        assert head is not None and rule.step is not None, "checked: E246"
        last = head.places.last if head.places is not None else 1
        if head.in_turn:
            amount: ir.Expr = ir.Const(head.in_turn[-1].value)
            kind = _VERB_KINDS[head.in_turn_word]
        else:
            lowered = self.effect(head.effect, node)
            assert isinstance(lowered, ir.Points)
            amount, kind = lowered.amount, lowered.kind
        places = ir.Arith("-", rank, ir.Const(Decimal(last)))
        less = ir.Arith("-", amount, ir.Arith("*", ir.Const(rule.step.value), places))
        floor = rule.floor.value if rule.floor is not None else Decimal(0)
        return ir.Points(kind, ir.Func("max", (ir.Const(floor), less)), whole=amount)

    def base(self, clause: ast.Clause, path: str) -> dict:
        inputs: list[str] = []
        for ref in clause_refs(clause):
            if ref.name in self.symbols.facts and ref.name not in inputs:
                inputs.append(ref.name)
        cap = getattr(clause, "cap", None)
        return {
            "id": self.ids[id(clause)],
            "path": path,
            "line": clause.span.line,
            "text": clause.text,
            "inputs": tuple(inputs),
            "cap": cap.value if cap is not None else None,
        }

    def clause(self, clause: ast.Clause, node: ast.Node, path: str) -> ir.Clause:
        base = self.base(clause, path)
        if isinstance(clause, ast.PerUnitClause):
            return ir.Step(
                **base,
                kind=_kind(clause.effect),
                amount=self.expr(clause.effect.amount),
                quantity=self.expr(clause.subject),
                step=clause.per.step.value,
                rounding=clause.per.rounding,
                guard=self.cond(clause.condition) if clause.condition is not None else None,
            )
        if isinstance(clause, ast.ThresholdClause):
            return self.threshold(clause, base)
        if isinstance(clause, ast.MissingClause):
            return ir.Missing(
                **base,
                kind="deduct",
                amount=self.expr(clause.effect.amount),
                facts=tuple(r.name for r in clause.facts),
            )
        if isinstance(clause, ast.ConditionClause):
            then = tuple(e for effect in clause.effects for e in self.effects(effect, node))
            otherwise = tuple(self.effect(e, node) for e in clause.otherwise)
            if any(isinstance(e, ast.Earn) for e in clause.effects):
                # `得X分，否则不得分` is `得X分`: missing the X points is the whole loss.
                otherwise = tuple(
                    e for e in otherwise if not (isinstance(e, ir.Points) and e.zero_node)
                )
            condition = self.cond(clause.condition) if clause.condition is not None else None
            return ir.Fixed(**base, condition=condition, then=then, otherwise=otherwise)
        if isinstance(clause, ast.DiscretionaryClause):
            return ir.Discretionary(**base, kind=clause.kind, fact=clause.subject.name)
        raise TypeError(f"{type(clause).__name__} cannot be lowered")

    def threshold(self, clause: ast.ThresholdClause, base: dict) -> ir.Step:
        """Threshold F<T: T−F; allowance F>T: F−T; versus the batch: T = 平均值(F);
        late date: days after the due date (the day before D when D itself is late)."""
        common = {
            "kind": _kind(clause.effect),
            "amount": self.expr(clause.effect.amount),
            "step": clause.per.step.value,
            "rounding": clause.per.rounding,
        }
        if clause.direction == "late":
            assert isinstance(clause.subject, ast.Ref) and isinstance(clause.target, ast.DateLit)
            due = self.date(clause.target)
            if operator(clause.word or "晚于", self.overrides) == "<":
                due -= timedelta(days=1)  # `早于D`: D itself is already a day late
            late = ir.DaysLate(clause.subject.name, due)
            guard = ir.Cmp(">", late, ir.Const(Decimal(0)))
            return ir.Step(**base, **common, quantity=late, guard=guard)
        subject = self.expr(clause.subject)
        bound = clause.target
        if isinstance(bound, ast.Average) and bound.offset is not None:
            # 低于平均值5个百分点的，超出部分每低1个百分点…: from 平均值 − 5
            assert isinstance(clause.condition, ast.Compare), "built with its condition"
            target = self.offset_bound(clause.condition, clause.subject, bound)
        else:
            target = self.expr(bound, clause.subject)
        if clause.direction == "excess":
            quantity = ir.Arith("-", subject, target)
            guard: ir.Cond = ir.Cmp(">", subject, target)
        else:
            quantity = ir.Arith("-", target, subject)
            guard = ir.Cmp("<", subject, target)
        if share_of_average(clause):
            # `每低于平均数10%`: the gap in % of the mean (checked: not on a rate); under
            # the guard the mean of values never below 0 is above 0.  A mean like 10/3
            # is held to 40 digits, so a unit exactly 10% below it would come out a hair
            # under one step: counted in whole steps, the share is kept to 24 places,
            # where a batch's exact ratio and a step can never be closer without being
            # equal (in proportion it is used as computed)
            hundred = ir.Arith("*", quantity, ir.Const(Decimal(100)))
            quantity = ir.Arith("/", hundred, target)
            if clause.per.rounding != "ratio":
                quantity = ir.Func("round", (quantity, ir.Const(_SHARE_PLACES)))
        if clause.condition is not None:  # 低于平均值5个百分点的，每低于平均值1个百分点…
            guard = ir.AllOf((self.cond(clause.condition), guard))
        return ir.Step(**base, **common, quantity=quantity, guard=guard)

    def effects(self, effect: ast.Effect, node: ast.Node) -> tuple[ir.Effect, ...]:
        """`本项按分值的80%计分` is two effects: the override itself (an outcome the node
        reads: its other clauses then count for nothing) and the deduction of the part
        of the points it does not give (none for `本项按满分计`), which explains it."""
        if not isinstance(effect, ast.Override):
            return (self.effect(effect, node),)
        override = ir.Outcome("override", irutil.share_text(effect.share))
        lost = (points(node) or Decimal(0)) * (1 - effect.share)
        return (override, ir.Points("deduct", ir.Const(lost))) if lost > 0 else (override,)

    def effect(self, effect: ast.Effect, node: ast.Node) -> ir.Effect:
        if isinstance(effect, ast.Deduct):
            return ir.Points("deduct", self.expr(effect.amount))
        if isinstance(effect, ast.Earn):
            if effect.amount is None:
                return ir.Points("earn", ir.Const(points(node) or Decimal(0)), full=True)
            # `按本单位完成率占平均完成率的比例计分`: the one fact of the amount is the
            # one whose average it divides by (平均值 stands nowhere else in an amount)
            return ir.Points("earn", self.expr(effect.amount, _lone_ref(effect.amount)))
        if isinstance(effect, ast.Bonus):
            return ir.Points("bonus", self.expr(effect.amount))
        if isinstance(effect, ast.NoScore):
            return ir.Points("deduct", ir.Const(budget(node) or Decimal(0)), zero_node=True)
        if isinstance(effect, ast.Disqualify):
            return ir.Outcome("disqualify")
        if isinstance(effect, ast.Veto):
            return ir.Outcome("veto")
        if isinstance(effect, ast.Label):
            return ir.Outcome("label", effect.name)
        if isinstance(effect, ast.GradeLimit):  # 不得评为X: at most the band after X
            limit = limit_band(effect, [band.name for band in self.tree.bands])
            assert limit is not None, "checked: E230, E231"
            return ir.Outcome(*limit)
        raise TypeError(f"{type(effect).__name__} cannot be lowered")

    # ------------------------------------------------------------------ expressions

    def date(self, lit: ast.DateLit) -> date:
        return date(lit.year or (self.year or 1) + lit.later, lit.month, lit.day)

    def expr(self, expr: ast.Expr, subject: ast.Expr | None = None) -> ir.Expr:
        """`subject` names the fact whose 平均值 an `Average` stands for."""
        if isinstance(expr, ast.Num):
            return ir.Const(expr.value)
        if isinstance(expr, ast.DateLit):
            return ir.Const(self.date(expr))
        if isinstance(expr, ast.Ref):
            param = self.symbols.params.get(expr.name)
            if param is not None:
                return ir.Const(param.value.value)
            return ir.FactValue(expr.name)
        if isinstance(expr, ast.Average) and expr.of is not None:
            subject = expr.of  # in a formula: the formula's one fact
        if isinstance(expr, ast.Average) and expr.best is not None:
            assert isinstance(subject, ast.Ref), "最高值 needs a single fact"
            return self.stat("best", subject.name, False, expr.best == "high")
        if isinstance(expr, ast.Average) and kw.trimmed(expr.words):
            assert isinstance(subject, ast.Ref), "去极值平均值 needs a single fact"
            return self.stat("trimmed", subject.name, False, True)
        if isinstance(expr, ast.Average):
            assert isinstance(subject, ast.Ref), "平均值 needs a single fact to average"
            self.averages.setdefault(subject.name)
            return ir.AverageOf(subject.name)
        if isinstance(expr, ast.BinOp):
            left, right = self.expr(expr.left, subject), self.expr(expr.right, subject)
            return _division_last(expr.op, left, right)
        if isinstance(expr, ast.Call):
            return ir.Func(expr.func, tuple(self.expr(a, subject) for a in expr.args))
        if isinstance(expr, ast.Place):
            assert self.ranked is not None, "checked: E261 (名次 outside a rank clause)"
            return self.ranked
        if isinstance(expr, ast.UnitCount):
            return self.stat("count", "", False, True)
        raise TypeError(f"{type(expr).__name__} cannot be lowered")

    def cond(self, cond: ast.Cond) -> ir.Cond:
        if isinstance(cond, ast.Truth):
            return ir.IsTrue(cond.ref.name)
        if isinstance(cond, ast.Not):
            return ir.Negate(self.cond(cond.operand))
        if isinstance(cond, ast.And):
            return ir.AllOf(tuple(self.cond(c) for c in cond.operands))
        if isinstance(cond, ast.Or):
            return ir.AnyOf(tuple(self.cond(c) for c in cond.operands))
        if isinstance(cond, ast.Compare):
            left, right = cond.left, cond.right
            if isinstance(right, ast.Average) and right.offset is not None:
                return self.offset_cmp(cond, left, right)
            op = operator(cond.word, self.overrides)
            assert op is not None, f"unknown comparison word {cond.word!r}"
            # Words read "subject WORD number"; a number written first is the object.
            if (
                cond.word.strip() not in _SYMBOL_WORDS
                and _is_literal(left)
                and not _is_literal(right)
            ):
                left, right, op = right, left, flip(op)
            return ir.Cmp(op, self.expr(left, right), self.expr(right, left))
        raise TypeError(f"{type(cond).__name__} cannot be lowered")

    def offset_cmp(self, cond: ast.Compare, left: ast.Expr, right: ast.Average) -> ir.Cond:
        """`【X】低于全市平均值5个百分点`: X < 平均值(X) − 5 (`…以上`: ≤); above: X > 平均值 + 5.
        `…以内`: below the mean by at most 5, 平均值 − 5 ≤ X < 平均值 (above: mirrored)."""
        found = offset_operator(cond.word)
        assert found is not None, "checked: E233"
        bound = self.offset_bound(cond, left, right)
        if found[0] != "within":
            return ir.Cmp(found[0], self.expr(left), bound)
        mean = self.expr(replace(right, offset=None), left)
        below = found[1] == "below"
        return ir.AllOf(
            (
                ir.Cmp("<" if below else ">", self.expr(left), mean),
                ir.Cmp(">=" if below else "<=", self.expr(left), bound),
            )
        )

    def offset_bound(self, cond: ast.Compare, left: ast.Expr, right: ast.Average) -> ir.Expr:
        """平均值(X) − 5 below the average, + 5 above it; for an amount or a count,
        `平均值10%` is a share of the mean: 平均值(X) × (1 ∓ 10/100)."""
        found = offset_operator(cond.word)
        assert found is not None and right.offset is not None, "checked: E233"
        mean = self.expr(replace(right, offset=None), left)
        sign = "-" if found[1] == "below" else "+"
        info = self.symbols.facts.get(left.name) if isinstance(left, ast.Ref) else None
        if right.offset.unit == "%" and info is not None and info.kind is not None:
            if info.kind.type != "percent":  # 平均值10% of an amount: a tenth of the mean
                share = ir.Arith(sign, ir.Const(Decimal(1)), ir.Const(right.offset.value / 100))
                return ir.Arith("*", mean, share)
        distance = ir.Const(right.offset.value)
        return ir.Arith(sign, mean, distance)


#: The places a share of the batch mean is kept to (`每低于平均数10%`).
_SHARE_PLACES = Decimal("1e-24")


def _division_last(op: str, left: ir.Expr, right: ir.Expr) -> ir.Arith:
    """`a ÷ b × c` as `a × c ÷ b` (and `a ÷ b ÷ c` as `a ÷ (b × c)`): the same number,
    with the one division last, so that a quotient that terminates is exact
    (`最低值÷本值×6` at 0.35 and 0.42 is 5, not 4.999…98 from 0.8333… × 6)."""
    if op == "*" and isinstance(left, ir.Arith) and left.op == "/":
        return ir.Arith("/", _division_last("*", left.left, right), left.right)
    if op == "*" and isinstance(right, ir.Arith) and right.op == "/":
        return ir.Arith("/", _division_last("*", left, right.left), right.right)
    if op == "/" and isinstance(left, ir.Arith) and left.op == "/":
        return ir.Arith("/", left.left, _division_last("*", left.right, right))
    return ir.Arith(op, left, right)


def _rounded(clause: ir.Clause, step: Decimal) -> ir.Clause:
    """A clause whose points are rounded half-up to `step` where it computes them
    (`，结果保留两位小数`): each amount of a Fixed clause (the builder lets no other kind
    say it); a share keeps its whole for the part not obtained."""
    if not isinstance(clause, ir.Fixed):
        return clause

    def one(effect: ir.Effect) -> ir.Effect:
        if not isinstance(effect, ir.Points) or effect.zero_node or effect.full:
            return effect
        whole = irutil.partial_whole(effect)
        amount = ir.Func("round", (effect.amount, ir.Const(step)))
        return replace(effect, amount=amount, whole=whole)

    then = tuple(one(e) for e in clause.then)
    return replace(clause, then=then, otherwise=tuple(one(e) for e in clause.otherwise))


def _discretionary_high(clause: ast.DiscretionaryClause, node: ast.Node) -> Decimal:
    """The top of a discretionary range: as written, or the item's own points
    (`酌情扣分`: its budget; `另行计分`: its points; `酌情加分`: its bonus cap)."""
    if clause.high is not None:
        return clause.high.value
    if clause.kind == "earn":
        found = points(node)
    elif clause.kind == "bonus":
        found = bonus_cap(node)
    else:
        found = budget(node)
    return found if found is not None else Decimal(0)


def _alternatives(clauses: list[ir.Fixed]) -> list[ir.Fixed]:
    """The earning rules of one rank clause explain a unit's points together: the unit
    that came 2nd lost what `第1名得6分` would give only if no other rule paid it, and
    a share it did get (`其余按与最高者的比例得分`) explains what it lost itself.  So the
    first earning rule is missed unless a later one was taken, the later ones never."""
    earning = [
        i
        for i, c in enumerate(clauses)
        if any(isinstance(e, ir.Points) and e.kind == "earn" for e in c.then)
    ]
    if len(earning) < 2:
        return clauses
    first, *later = earning
    conditions = [clauses[i].condition for i in later]
    out = list(clauses)
    if all(c is not None for c in conditions):
        unless = conditions[0] if len(conditions) == 1 else ir.AnyOf(tuple(conditions))
        out[first] = dataclasses.replace(clauses[first], unless=unless)
    for i in later:
        out[i] = dataclasses.replace(clauses[i], missable=False)
    return out


#: The verb of `依次扣/得/加…` → the kind of its points.
_VERB_KINDS = {"扣": "deduct", "得": "earn", "加": "bonus"}


def _penalises(effect: ir.Effect) -> bool:
    """A deduction (扣N分, 不得分, 依次扣…), a grade ceiling or a veto: what a unit gets for
    being among the worst."""
    if isinstance(effect, ir.Points):
        return effect.kind == "deduct"
    return effect.kind in ("ceiling", "veto")


def _takes_section(clause: ast.Clause) -> bool:
    """`本大项不得分`: checked (E245) to be a condition clause with no other points."""
    return isinstance(clause, ast.ConditionClause) and any(
        isinstance(e, ast.NoScore) and e.section for e in clause.effects + clause.otherwise
    )


def _earns(clause: ir.Clause) -> bool:
    if isinstance(clause, ir.Fixed):
        return any(
            isinstance(e, ir.Points) and e.kind == "earn" for e in clause.then + clause.otherwise
        )
    return False


def _kind(effect: ast.Effect) -> str:
    if isinstance(effect, ast.Earn):
        return "earn"
    if isinstance(effect, ast.Bonus):
        return "bonus"
    return "deduct"


def _is_literal(expr: ast.Expr) -> bool:
    return isinstance(expr, ast.Num | ast.DateLit)


def _lone_ref(expr: ast.Expr) -> ast.Ref | None:
    """The fact of an amount that names exactly one."""
    refs: list[ast.Ref] = []

    def visit(e: object) -> None:
        if isinstance(e, ast.Ref):
            refs.append(e)
        elif isinstance(e, ast.BinOp):
            visit(e.left)
            visit(e.right)
        elif isinstance(e, ast.Call):
            for arg in e.args:
                visit(arg)

    visit(expr)
    return refs[0] if len({r.name for r in refs}) == 1 else None
