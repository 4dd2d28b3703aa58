"""Names, uses and types: the symbol table that both `check` and `lower` read.

Every `【名称】` in a clause is a *use* with the kind of quantity the clause needs
there (a bare condition needs 是否, `每人次` needs a count in 人次, `达到80%` a
percentage…).  Declared facts keep their declared type; a name that is neither
declared nor a near-miss of a declared name is an *inferred* fact whose type comes
from its first specific use (LANGUAGE.md §3.2).  The checker turns mismatches into
diagnostics; `lower` reads the resolved types.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Collection, Iterator
from dataclasses import dataclass, replace

from ..diagnostics.suggest import closest
from ..source.text import Span, normalise
from ..syntax import ast
from ..syntax.keywords import NODE_SCORE_SUFFIX
from .boundary import is_date_word
from .units import BOOL, DATE, NUMERIC, POINTS, Kind, canonical_unit, fact_kind, num_kind

# Roles in which a name must be a fact (a parameter there is E215).
FACT_ROLES = frozenset({"truth", "subject", "missing", "discretionary"})


@dataclass(frozen=True)
class Use:
    """One `【名称】` in a clause and what the clause needs it to be.

    `source` is the number whose unit gave the kind (for the E203 caret), `role` one of
    "truth", "compare", "subject", "target", "amount", "missing", "discretionary".
    For a comparison, `other` is the other side (E214 names its kind) and `where` the
    whole comparison (E214's caret)."""

    name: str
    kind: Kind
    role: str
    ref: ast.Ref
    node: ast.Node
    clause: ast.Clause
    source: ast.Num | None = None
    other: ast.Expr | None = None
    where: Span | None = None


@dataclass(frozen=True)
class FactInfo:
    name: str
    kind: Kind | None  # None: a declared type word that is not a type (E217)
    unit: str  # the declared type word, or the inferred kind's name
    decl: ast.FactDecl | None
    first_use: Span | None

    @property
    def inferred(self) -> bool:
        return self.decl is None


@dataclass(frozen=True)
class Symbols:
    facts: dict[str, FactInfo]  # declaration order, then inferred facts by first use
    params: dict[str, ast.ParamDecl]
    uses: tuple[Use, ...]
    typos: dict[str, str]  # undeclared name → the declared name it probably means

    def kind_of(self, expr: ast.Expr | None) -> Kind | None:
        """The kind of an expression with facts resolved (None: unknown)."""
        if expr is None:
            return None
        if isinstance(expr, ast.Ref):
            if expr.name in self.params:
                return num_kind(self.params[expr.name].value)
            info = self.facts.get(expr.name)
            return info.kind if info else None
        return literal_kind(expr, self.params, self)


# ------------------------------------------------------------------ expressions


def literal_kind(
    expr: ast.Expr, params: dict[str, ast.ParamDecl], symbols: Symbols | None = None
) -> Kind | None:
    """The kind an expression has by what is written in it (facts count only when a
    resolved table is given): `80%` percent, `1月9日` date, `【A】+3次` count."""
    if isinstance(expr, ast.Num):
        return num_kind(expr)
    if isinstance(expr, ast.DateLit):
        return DATE
    if isinstance(expr, ast.Ref):
        if expr.name in params:
            return num_kind(params[expr.name].value)
        return symbols.kind_of(expr) if symbols else None
    if isinstance(expr, ast.BinOp):
        if expr.op in ("+", "-"):
            return literal_kind(expr.left, params, symbols) or literal_kind(
                expr.right, params, symbols
            )
        return NUMERIC
    if isinstance(expr, ast.Call):
        if expr.func == "floor":
            return NUMERIC
        for arg in expr.args:
            kind = literal_kind(arg, params, symbols)
            if kind is not None:
                return kind
    return None


def literal_source(expr: ast.Expr, params: dict[str, ast.ParamDecl]) -> ast.Num | None:
    """The number that gives an expression its unit (for carets)."""
    if isinstance(expr, ast.Num):
        return expr
    if isinstance(expr, ast.Ref) and expr.name in params:
        return None
    if isinstance(expr, ast.BinOp) and expr.op in ("+", "-"):
        return literal_source(expr.left, params) or literal_source(expr.right, params)
    return None


def additive_refs(expr: ast.Expr | None) -> Iterator[ast.Ref]:
    """Refs that carry the expression's unit: `【A】+【B】` both, `【A】×10` none."""
    if isinstance(expr, ast.Ref):
        yield expr
    elif isinstance(expr, ast.BinOp) and expr.op in ("+", "-"):
        yield from additive_refs(expr.left)
        yield from additive_refs(expr.right)
    elif isinstance(expr, ast.Call) and expr.func in ("max", "min"):
        for arg in expr.args:
            yield from additive_refs(arg)


def expr_nodes(expr: ast.Expr | None) -> Iterator[ast.Expr]:
    """An expression and every expression inside it (operands, function arguments)."""
    if expr is None:
        return
    yield expr
    if isinstance(expr, ast.BinOp):
        yield from expr_nodes(expr.left)
        yield from expr_nodes(expr.right)
    elif isinstance(expr, ast.Call):
        for arg in expr.args:
            yield from expr_nodes(arg)


def all_refs(expr: ast.Expr | None) -> Iterator[ast.Ref]:
    return (e for e in expr_nodes(expr) if isinstance(e, ast.Ref))


def cond_refs(cond: ast.Cond | None) -> Iterator[ast.Ref]:
    if isinstance(cond, ast.Truth):
        yield cond.ref
    elif isinstance(cond, ast.Compare):
        yield from all_refs(cond.left)
        yield from all_refs(cond.right)
    elif isinstance(cond, ast.Not):
        yield from cond_refs(cond.operand)
    elif isinstance(cond, ast.And | ast.Or):
        for op in cond.operands:
            yield from cond_refs(op)


def effect_amount(effect: ast.Effect) -> ast.Expr | None:
    if isinstance(effect, ast.Deduct | ast.Earn | ast.Bonus):
        return effect.amount
    return None


def effects_of(clause: ast.Clause) -> tuple[ast.Effect, ...]:
    """Every effect of a clause, both branches of a condition included."""
    if isinstance(clause, ast.PerUnitClause | ast.ThresholdClause | ast.MissingClause):
        return (clause.effect,)
    if isinstance(clause, ast.ConditionClause):
        return clause.effects + clause.otherwise
    if isinstance(clause, ast.RankClause):
        return tuple(rule.effect for rule in clause.rules if rule.effect is not None)
    return ()


def earns(clause: ast.Clause) -> bool:
    if isinstance(clause, ast.DiscretionaryClause):
        return clause.kind == "earn"
    return any(isinstance(e, ast.Earn) for e in effects_of(clause))


def deducts(clause: ast.Clause) -> bool:
    if isinstance(clause, ast.DiscretionaryClause):
        return clause.kind == "deduct"
    return any(isinstance(e, ast.Deduct) for e in effects_of(clause))


def clause_refs(clause: ast.Clause) -> list[ast.Ref]:
    """Every `【名称】` of a clause in source order (the clause's inputs, when facts)."""
    refs: list[ast.Ref] = []
    if isinstance(clause, ast.RankClause):
        refs.append(clause.subject)
        if clause.tie is not None:
            refs.append(clause.tie.ref)
        for effect in effects_of(clause):
            refs += all_refs(effect_amount(effect))
    elif isinstance(clause, ast.PerUnitClause):
        refs += all_refs(clause.subject)
        refs += cond_refs(clause.condition)
        refs += all_refs(clause.effect.amount)
    elif isinstance(clause, ast.ThresholdClause):
        refs += all_refs(clause.subject)
        refs += all_refs(clause.target)
        refs += all_refs(clause.effect.amount)
        if clause.condition is not None:
            refs += [r for r in cond_refs(clause.condition) if r not in refs]
    elif isinstance(clause, ast.MissingClause):
        refs += clause.facts
        refs += all_refs(clause.effect.amount)
    elif isinstance(clause, ast.ConditionClause):
        refs += cond_refs(clause.condition)
        for effect in clause.effects + clause.otherwise:
            refs += all_refs(effect_amount(effect))
    elif isinstance(clause, ast.DiscretionaryClause):
        refs.append(clause.subject)
    elif isinstance(clause, ast.AmbiguousClause):
        refs += clause.facts
    return sorted(refs, key=lambda r: (r.span.line, r.span.column))


# ------------------------------------------------------------------ node walking


def walk(nodes: tuple[ast.Node, ...], prefix: str = "") -> Iterator[tuple[str, ast.Node]]:
    """(marker path, node) depth first in source order: `(二)`, `(二)1`…"""
    for node in nodes:
        path = prefix + node.marker.path_part
        yield path, node
        yield from walk(node.children, path)


def node_target(target: str, paths: Collection[str]) -> str | None:
    """The node path an expectation names (full-width brackets and 、 tolerated)."""
    text = normalise(target).strip()
    if text in paths:
        return text
    bare = text.replace("、", "").replace(".", "")
    return bare if bare in paths else None


def batch_subject(ref: ast.Ref, paths: Collection[str]) -> tuple[str, bool]:
    """What a rank clause ranks: (node path, True) for `【(二)得分】` or `【(二)】` naming
    a node, else (fact name, False)."""
    name = ref.name
    if name.endswith(NODE_SCORE_SUFFIX):
        path = node_target(name[: -len(NODE_SCORE_SUFFIX)], paths)
        if path is not None:
            return path, True
    path = (
        node_target(name, paths)
        if name.startswith(("(", "（")) or name[:1] in "一二三四五六七八九十"
        else None
    )
    if path is not None:
        return path, True
    return name, False


def clauses_of(tree: ast.PolicyFile) -> Iterator[tuple[ast.Node, ast.Clause]]:
    for _, node in walk(tree.nodes):
        for clause in node.clauses:
            yield node, clause


# ------------------------------------------------------------------ collecting uses


class _Collector:
    """Walks every clause and records what each name is used as."""

    def __init__(self, params: dict[str, ast.ParamDecl]):
        self.params = params
        self.uses: list[Use] = []
        self.node: ast.Node | None = None
        self.clause: ast.Clause | None = None
        self.paths: frozenset[str] = frozenset()

    def add(self, ref: ast.Ref, kind: Kind, role: str, source=None, other=None, where=None) -> None:
        assert self.node is not None and self.clause is not None
        self.uses.append(
            Use(ref.name, kind, role, ref, self.node, self.clause, source, other, where)
        )

    def numeric(self, expr: ast.Expr | None, role: str = "amount") -> None:
        for ref in all_refs(expr):
            self.add(ref, NUMERIC, role)

    def side(self, expr, kind: Kind | None, source, role: str, other=None, where=None) -> None:
        """Refs in `expr` take `kind` (the other side's) where they carry the unit."""
        unit_refs = list(additive_refs(expr))
        for ref in unit_refs:
            self.add(ref, kind or NUMERIC, role, source, other, where)
        ids = {id(r) for r in unit_refs}
        for ref in all_refs(expr):
            if id(ref) not in ids:
                self.add(ref, NUMERIC, "amount")

    def cond(self, cond: ast.Cond | None) -> None:
        if isinstance(cond, ast.Truth):
            self.add(cond.ref, BOOL, "truth")
        elif isinstance(cond, ast.Not):
            self.cond(cond.operand)
        elif isinstance(cond, ast.And | ast.Or):
            for op in cond.operands:
                self.cond(op)
        elif isinstance(cond, ast.Compare):
            left, right, where = cond.left, cond.right, cond.span
            if is_date_word(cond.word):
                self.side(left, DATE, None, "compare", right, where)
                self.side(right, DATE, None, "compare", left, where)
                return
            lk = literal_kind(left, self.params)
            rk = literal_kind(right, self.params)
            self.side(left, rk, literal_source(right, self.params), "compare", right, where)
            self.side(right, lk, literal_source(left, self.params), "compare", left, where)

    def clause_uses(self, node: ast.Node, clause: ast.Clause) -> None:
        self.node, self.clause = node, clause
        if isinstance(clause, ast.RankClause):
            if not batch_subject(clause.subject, self.paths)[1]:
                self.add(clause.subject, NUMERIC, "rank")
            if clause.tie is not None and not batch_subject(clause.tie.ref, self.paths)[1]:
                self.add(clause.tie.ref, NUMERIC, "rank")
            for effect in effects_of(clause):
                self.numeric(effect_amount(effect))
        elif isinstance(clause, ast.PerUnitClause):
            step_kind = num_kind(clause.per.step)
            source = clause.per.step if clause.per.step.unit else None
            self.side(clause.subject, step_kind, source, "subject", clause.per.step)
            self.cond(clause.condition)
            self.numeric(clause.effect.amount)
        elif isinstance(clause, ast.ThresholdClause):
            self.threshold(clause)
        elif isinstance(clause, ast.MissingClause):
            for ref in clause.facts:
                self.add(ref, BOOL, "missing")
            self.numeric(clause.effect.amount)
        elif isinstance(clause, ast.ConditionClause):
            self.cond(clause.condition)
            for effect in clause.effects + clause.otherwise:
                self.numeric(effect_amount(effect))
        elif isinstance(clause, ast.DiscretionaryClause):
            self.add(clause.subject, POINTS, "discretionary")
        elif isinstance(clause, ast.AmbiguousClause):
            for ref in clause.facts:
                self.add(ref, BOOL, "missing")

    def threshold(self, clause: ast.ThresholdClause) -> None:
        step_kind = num_kind(clause.per.step)
        step_source = clause.per.step if clause.per.step.unit else None
        if clause.direction == "late":
            for ref in additive_refs(clause.subject):
                self.add(ref, DATE, "subject")
            self.numeric(clause.effect.amount)
            return
        step = clause.per.step
        if share_of_average(clause):
            # `每低于平均数10%` on an amount or a count: a tenth of the mean, whatever the
            # fact's unit (on a rate the two readings are refused: names._percent_step)
            self.side(clause.subject, NUMERIC, None, "subject", step)
            self.numeric(clause.effect.amount)
            return
        target_kind = None
        if not isinstance(clause.target, ast.Average):
            target_kind = literal_kind(clause.target, self.params)
            self.side(clause.target, step_kind, step_source, "target", step)
        if target_kind is not None:
            source = literal_source(clause.target, self.params)
            where = _span_of(clause.subject, clause.span).merge(
                _span_of(clause.target, clause.span)
            )
            self.side(clause.subject, target_kind, source, "compare", clause.target, where)
        if step_source is not None or target_kind is None:
            self.side(clause.subject, step_kind, step_source, "subject", step)
        self.numeric(clause.effect.amount)


def share_of_average(clause: ast.ThresholdClause) -> bool:
    """`每低于平均数10%`, `每高出10%` from the batch average: steps in % of the mean."""
    target, unit = clause.target, clause.per.step.unit
    return (
        isinstance(target, ast.Average)
        and target.best is None
        and target.offset is None
        and unit is not None
        and canonical_unit(unit) == "%"
    )


def _span_of(expr: object, default: Span) -> Span:
    span = getattr(expr, "span", None)
    return span if isinstance(span, Span) else default


def collect_uses(tree: ast.PolicyFile, params: dict[str, ast.ParamDecl]) -> list[Use]:
    collector = _Collector(params)
    collector.paths = frozenset(path for path, _ in walk(tree.nodes))
    for node, clause in clauses_of(tree):
        collector.clause_uses(node, clause)
    seen: set[tuple[str, int, int, str, str]] = set()
    unique: list[Use] = []
    for use in sorted(collector.uses, key=lambda u: (u.ref.span.line, u.ref.span.column)):
        key = (use.name, use.ref.span.line, use.ref.span.column, use.kind.type, use.kind.unit)
        if key not in seen:
            seen.add(key)
            unique.append(use)
    return unique


# ------------------------------------------------------------------ resolution


def infer_kind(uses: list[Use]) -> Kind:
    """An undeclared fact's kind: its first use that says more than "a number"."""
    for use in uses:
        if use.kind.type != "numeric":
            return use.kind
    return Kind("number")


#: id(tree) → its symbol table, while the tree lives (`check` and then `lower` ask for
#: the same tree's table; building it is a third of lowering).
_RESOLVED: dict[int, Symbols] = {}
_RESOLVED_LOCK = threading.Lock()


def resolve(tree: ast.PolicyFile) -> Symbols:
    """Build the symbol table: declared facts and parameters (first declaration wins),
    inferred facts, near-miss names (E201), and every use.

    The table of a tree is built once: the tree and everything in it are frozen, and
    no reader changes the table.  The entry goes when the tree does (a finalizer runs
    before its id can be reused)."""
    key = id(tree)
    found = _RESOLVED.get(key)
    if found is not None:
        return found
    symbols = _resolve(tree)
    with _RESOLVED_LOCK:
        if key not in _RESOLVED:
            _RESOLVED[key] = symbols
            weakref.finalize(tree, _RESOLVED.pop, key, None)
    return symbols


def _resolve(tree: ast.PolicyFile) -> Symbols:
    params: dict[str, ast.ParamDecl] = {}
    facts: dict[str, FactInfo] = {}
    for decl in tree.facts:
        if decl.name not in facts:
            kind = fact_kind(decl.type_word)
            facts[decl.name] = FactInfo(decl.name, kind, decl.type_word.strip(), decl, None)
    for param in tree.params:
        if param.name not in params and param.name not in facts:
            params[param.name] = param
    uses = collect_uses(tree, params)

    declared = list(facts) + list(params)
    by_name: dict[str, list[Use]] = {}
    for use in uses:
        by_name.setdefault(use.name, []).append(use)

    typos: dict[str, str] = {}
    for name, name_uses in by_name.items():
        if name in facts or name in params:
            if name in facts:
                facts[name] = replace(facts[name], first_use=name_uses[0].ref.span)
            continue
        suggestion = closest(name, declared)
        if suggestion is not None:
            typos[name] = suggestion
            continue
        kind = infer_kind(name_uses)
        facts[name] = FactInfo(name, kind, kind.name, None, name_uses[0].ref.span)
    return Symbols(facts, params, tuple(uses), typos)
