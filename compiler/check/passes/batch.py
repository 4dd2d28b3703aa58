"""Rank clauses (`按【X】排名，前三名加2分`, `【X】最高者得满分，其余按与最高者的比例得分`):
what is ranked (E234), in which direction (E235), against which first-place points a
share is taken (E236), amounts in turn that match their places (E237), node statistics
without a cycle (E238), and 取消考评资格 decided without batch values (E239) — the
units in the batch are those not disqualified, so that decision must come first."""

from __future__ import annotations

from collections.abc import Iterator

from ...diagnostics.diagnostic import Diagnostic
from ...syntax import ast
from ..context import Context
from ..resolve import batch_subject, effects_of, walk

_NUMERIC_TYPES = ("percent", "number", "count", "points")


def rank_clauses(tree: ast.PolicyFile) -> Iterator[tuple[str, ast.Node, ast.RankClause]]:
    for path, node in walk(tree.nodes):
        for clause in node.clauses:
            if isinstance(clause, ast.RankClause):
                yield path, node, clause


def rank_order(clause: ast.RankClause, tree: ast.PolicyFile, paths) -> str | None:
    """ "high" (a larger value ranks first), "low", or None when neither is written nor
    follows from how the fact is scored elsewhere.  A node's score ranks high."""
    if clause.order is not None:
        return clause.order
    for rule in clause.rules:
        if rule.order is not None:
            return rule.order
    name, is_node = batch_subject(clause.subject, paths)
    if is_node:
        return "high"
    return fact_sense(tree, name)


def fact_sense(tree: ast.PolicyFile, name: str) -> str | None:
    """Whether the policy treats a larger value of a fact as better ("high") or worse
    ("low"), from its other clauses: a shortfall from a standard or an earning per unit
    says high; a deduction per unit, an excess over an allowance or a deduction when
    it is exceeded says low.  None when no clause says, or clauses disagree."""
    found: set[str] = set()
    for _, node in walk(tree.nodes):
        for clause in node.clauses:
            sense = _clause_sense(clause, name)
            if sense is not None:
                found.add(sense)
    return found.pop() if len(found) == 1 else None


def _clause_sense(clause: ast.Clause, name: str) -> str | None:
    def named(expr: object) -> bool:
        return isinstance(expr, ast.Ref) and expr.name == name

    if isinstance(clause, ast.ThresholdClause) and named(clause.subject):
        if clause.direction == "shortfall":
            return "high" if isinstance(clause.effect, ast.Deduct) else None
        if clause.direction == "excess":
            return "low" if isinstance(clause.effect, ast.Deduct) else None
    if isinstance(clause, ast.PerUnitClause) and named(clause.subject):
        return "low" if isinstance(clause.effect, ast.Deduct) else "high"
    if isinstance(clause, ast.ConditionClause) and isinstance(clause.condition, ast.Compare):
        cmp = clause.condition
        if named(cmp.left) and clause.effects:
            above = cmp.word.startswith(
                ("超过", "高于", "多于", "大于", "达到", "不低于", "不少于")
            )
            below = cmp.word.startswith(("低于", "少于", "小于", "不足", "不满", "未达到"))
            deducts = isinstance(clause.effects[0], ast.Deduct)
            if above or below:
                return "low" if above == deducts else "high"
    return None


def node_levels(tree: ast.PolicyFile) -> tuple[dict[str, int], list[str] | None]:
    """The pass in which each ranked node's statistics are computed (1 + the highest
    level of the node statistics its own subtree reads; facts are level 0), and a
    cycle of node statistics (paths, the first repeated at the end) if there is one."""
    paths = [path for path, _ in walk(tree.nodes)]
    reads: dict[str, set[str]] = {path: set() for path in paths}
    for path, _, clause in rank_clauses(tree):
        subject, is_node = batch_subject(clause.subject, paths)
        if is_node:
            for owner in paths:  # every node whose subtree holds the clause
                if path.startswith(owner):
                    reads[owner].add(subject)
    ranked = sorted({s for deps in reads.values() for s in deps}, key=paths.index)
    levels: dict[str, int] = {}
    state: dict[str, int] = {}

    def visit(path: str, trail: list[str]) -> list[str] | None:
        if state.get(path) == 2:
            return None
        if state.get(path) == 1:
            return trail[trail.index(path) :] + [path]
        state[path] = 1
        level = 1
        for dep in sorted(reads[path], key=paths.index):
            cycle = visit(dep, trail + [path])
            if cycle is not None:
                return cycle
            level = max(level, levels[dep] + 1)
        state[path] = 2
        levels[path] = level
        return None

    for path in ranked:
        cycle = visit(path, [])
        if cycle is not None:
            return levels, cycle
    return levels, None


def check_batch(ctx: Context) -> list[Diagnostic]:
    tree = ctx.tree
    paths = [path for path, _ in walk(tree.nodes)]
    points = {path: node.points for path, node in walk(tree.nodes)}
    diags: list[Diagnostic] = []
    for _, _, clause in rank_clauses(tree):
        name, is_node = batch_subject(clause.subject, paths)
        if is_node:
            if points.get(name) is None:
                diags.append(Diagnostic("E234", clause.subject.span, {"name": clause.subject.name}))
        else:
            info = ctx.symbols.facts.get(name)
            kind = info.kind if info is not None else None
            if kind is not None and kind.type not in _NUMERIC_TYPES:
                diags.append(Diagnostic("E234", clause.subject.span, {"name": name}))
        if rank_order(clause, tree, paths) is None:
            diags.append(Diagnostic("E235", clause.subject.span, {"name": clause.subject.name}))
        diags += _rules(clause)
        for effect in effects_of(clause):
            if isinstance(effect, ast.Disqualify):
                diags.append(Diagnostic("E239", effect.span))
    _, cycle = node_levels(tree)
    if cycle is not None:
        span = next(
            c.subject.span
            for _, _, c in rank_clauses(tree)
            if batch_subject(c.subject, paths) == (cycle[0], True)
        )
        diags.append(Diagnostic("E238", span, {"cycle": " → ".join(cycle)}))
    diags += _disqualify_by_average(tree)
    return diags


def first_place_amount(clause: ast.RankClause) -> object | None:
    """The rule giving the first place its points (what a share is taken of): 第1名,
    最高者, or places from 1 (in turn: the first amount)."""
    for rule in clause.rules:
        covers = rule.best or (
            rule.places is not None and not rule.places.from_end and rule.places.first == 1
        )
        if not covers or rule.proportional:
            continue
        if rule.in_turn:
            return rule.in_turn[0]
        if isinstance(rule.effect, ast.Deduct | ast.Earn | ast.Bonus):
            return rule.effect
    return None


def _rules(clause: ast.RankClause) -> list[Diagnostic]:
    diags: list[Diagnostic] = []
    for rule in clause.rules:
        if rule.proportional and first_place_amount(clause) is None:
            diags.append(Diagnostic("E236", rule.span))
        if rule.in_turn:
            places = rule.places
            if places is None or places.from_end:
                diags.append(
                    Diagnostic("E237", rule.span, {"places": "?", "amounts": len(rule.in_turn)})
                )
            elif places.last - places.first + 1 != len(rule.in_turn):
                args = {"places": places.last - places.first + 1, "amounts": len(rule.in_turn)}
                diags.append(Diagnostic("E237", rule.span, args))
        if rule.places is not None and rule.places.first > rule.places.last:
            args = {"places": rule.places.text, "amounts": len(rule.in_turn)}
            diags.append(Diagnostic("E237", rule.span, args))
    return diags


def _disqualify_by_average(tree: ast.PolicyFile) -> list[Diagnostic]:
    """A 取消考评资格 whose condition compares with a batch average (E239)."""
    diags: list[Diagnostic] = []
    for _, node in walk(tree.nodes):
        for clause in node.clauses:
            if not isinstance(clause, ast.ConditionClause):
                continue
            effects = clause.effects + clause.otherwise
            if not any(isinstance(e, ast.Disqualify) for e in effects):
                continue
            if _reads_average(clause.condition):
                span = next(e.span for e in effects if isinstance(e, ast.Disqualify))
                diags.append(Diagnostic("E239", span))
    return diags


def _reads_average(cond: object) -> bool:
    if isinstance(cond, ast.Compare):
        return isinstance(cond.right, ast.Average) or isinstance(cond.left, ast.Average)
    if isinstance(cond, ast.Not):
        return _reads_average(cond.operand)
    if isinstance(cond, ast.And | ast.Or):
        return any(_reads_average(c) for c in cond.operands)
    return False
