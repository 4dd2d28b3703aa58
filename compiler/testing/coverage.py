"""Test coverage of a policy: which clauses, caps and 否则 branches its tests exercise.

A test block checks the clauses it makes fire; a clause no test fires, a cap no test
reaches and a 否则 branch no test runs are rules nobody has checked against a hand
calculation.  The report lists each, with its line, and the share covered.

Targets:
- clause — the clause fired (deducted, earned, added or gave an outcome) in some test;
- clause cap (`，最多扣N分` on a clause) — some test's uncapped amount reached N;
- node cap (`最多扣N分` / `限扣N分` on a node) — some test's node deduction reached it;
- bonus cap (`加分项，最高加N分`) — some test's bonus reached N;
- 否则 — some test ran the `否则` effects (the condition did not hold).
"""

from __future__ import annotations

import operator
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal

from ..ir import nodes as ir
from ..ir import text as irtext
from ..support import prelude as rt


@dataclass(frozen=True)
class Run:
    """One scored test, as coverage needs it.

    `values` are the converted fact values the scoring read; `fired` the ids of the
    clauses that fired; `result` the Result (its items and node records)."""

    name: str
    result: object
    fired: frozenset[str]
    values: Mapping[str, object]
    averages: Mapping[str, Decimal]


@dataclass(frozen=True)
class Target:
    kind: str  # "clause" | "clause_cap" | "node_cap" | "bonus_cap" | "otherwise"
    key: str  # clause id or node path
    path: str
    line: int
    text: str
    hit: bool


KIND_NAMES = {
    "clause": ("从未触发的条款", "clauses never fired"),
    "clause_cap": ("从未达到的条款上限", "clause caps never reached"),
    "node_cap": ("从未达到的评分项上限", "node caps never reached"),
    "bonus_cap": ("从未达到的加分上限", "bonus caps never reached"),
    "otherwise": ("从未执行的 “否则” 分支", "否则 branches never run"),
}


@dataclass(frozen=True)
class Coverage:
    targets: tuple[Target, ...]
    tests: int

    @property
    def total(self) -> int:
        return len(self.targets)

    @property
    def covered(self) -> int:
        return sum(1 for t in self.targets if t.hit)

    @property
    def percent(self) -> Decimal:
        """Covered share in percent, one decimal, rounded half-up (100 with no targets)."""
        if not self.targets:
            return Decimal(100)
        share = Decimal(self.covered) * 100 / Decimal(self.total)
        return share.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)

    def missed(self, kind: str | None = None) -> list[Target]:
        return [t for t in self.targets if not t.hit and (kind is None or t.kind == kind)]

    def by_kind(self, kind: str) -> tuple[int, int]:
        of_kind = [t for t in self.targets if t.kind == kind]
        return sum(1 for t in of_kind if t.hit), len(of_kind)


def measure(policy: ir.Policy, runs: Iterable[Run]) -> Coverage:
    """Coverage of `policy` by the given runs."""
    runs = list(runs)
    targets: list[Target] = []
    for node in policy.walk():
        for clause in node.clauses:
            targets.append(_clause_target(clause, runs))
            if clause.cap is not None:
                targets.append(_clause_cap_target(clause, runs))
            if isinstance(clause, ir.Fixed) and clause.otherwise:
                targets.append(_otherwise_target(clause, runs))
        if _explicit_cap(node):
            targets.append(_node_cap_target(node, runs))
        if node.bonus_cap is not None:
            targets.append(_bonus_cap_target(node, runs))
    return Coverage(tuple(targets), len(runs))


def _explicit_cap(node: ir.Node) -> bool:
    """A cap written on the node (`最多扣N分`), not just its points."""
    if node.budget is None or node.bonus_cap is not None:
        return False
    return node.points is None or node.budget < node.points


def _items(run: Run, clause_id: str) -> list[object]:
    return [i for i in getattr(run.result, "items", ()) if getattr(i, "clause", None) == clause_id]


def _clause_target(clause: ir.Clause, runs: list[Run]) -> Target:
    hit = any(clause.id in run.fired for run in runs)
    return Target("clause", clause.id, clause.path, clause.line, clause.text, hit)


def _clause_cap_target(clause: ir.Clause, runs: list[Run]) -> Target:
    cap = clause.cap
    hit = any(item.raw >= cap for run in runs for item in _items(run, clause.id))  # type: ignore[attr-defined]
    return Target("clause_cap", clause.id, clause.path, clause.line, clause.text, hit)


def _node_record(run: Run, path: str):
    nodes = getattr(run.result, "nodes", {}) or {}
    return nodes.get(path)


def _node_cap_target(node: ir.Node, runs: list[Run]) -> Target:
    hit = False
    for run in runs:
        record = _node_record(run, node.path)
        if record is not None and record.deduction >= node.budget:
            hit = True
    text = f"{node.title}（最多扣{irtext.number(node.budget)}分）"  # type: ignore[arg-type]
    return Target("node_cap", node.path, node.path, node.line, text, hit)


def _bonus_cap_target(node: ir.Node, runs: list[Run]) -> Target:
    hit = False
    for run in runs:
        record = _node_record(run, node.path)
        if record is not None and record.score is not None and record.score >= node.bonus_cap:
            hit = True
    text = f"{node.title}（最高加{irtext.number(node.bonus_cap)}分）"  # type: ignore[arg-type]
    return Target("bonus_cap", node.path, node.path, node.line, text, hit)


def _otherwise_target(clause: ir.Fixed, runs: list[Run]) -> Target:
    hit = False
    for run in runs:
        try:
            holds = clause.condition is None or _cond(clause.condition, run)
        except (KeyError, TypeError, ArithmeticError):
            continue
        if not holds:
            hit = True
            break
    return Target("otherwise", clause.id, clause.path, clause.line, f"{clause.text}（否则）", hit)


# ------------------------------------------------------ conditions, for 否则 branches

_CMP = {
    ">=": operator.ge,
    ">": operator.gt,
    "<=": operator.le,
    "<": operator.lt,
    "==": operator.eq,
    "!=": operator.ne,
}
_ARITH = {"+": operator.add, "-": operator.sub, "*": operator.mul, "/": operator.truediv}


def _expr(e: ir.Expr, run: Run):
    if isinstance(e, ir.Const):
        return e.value
    if isinstance(e, ir.FactValue):
        return run.values[e.name]
    if isinstance(e, ir.AverageOf):
        return run.averages[e.name]
    if isinstance(e, ir.Arith):
        return _ARITH[e.op](_expr(e.left, run), _expr(e.right, run))
    if isinstance(e, ir.Func):
        args = [_expr(a, run) for a in e.args]
        if e.func == "max":
            return max(args)
        if e.func == "min":
            return min(args)
        if e.func == "round":  # `，结果保留两位小数`
            return rt._round(args[0], args[1])
        return args[0].to_integral_value(rounding=ROUND_FLOOR)
    if isinstance(e, ir.BatchStat):
        return run.averages[irtext.stat_key(e)]
    if isinstance(e, ir.Share):
        points, value, best = (_expr(x, run) for x in (e.points, e.value, e.best))
        return rt._share(points, value, best, e.high)
    if isinstance(e, ir.Pick):
        return rt._pick(_expr(e.index, run), e.amounts)
    if isinstance(e, ir.DaysLate):
        value = run.values[e.fact]
        day = value.date() if hasattr(value, "date") and not isinstance(value, date) else value
        return Decimal((day - e.due).days)
    raise TypeError(type(e).__name__)


def _cond(c: ir.Cond, run: Run) -> bool:
    if isinstance(c, ir.IsTrue):
        return bool(run.values[c.fact])
    if isinstance(c, ir.Cmp):
        return _CMP[c.op](_expr(c.left, run), _expr(c.right, run))
    if isinstance(c, ir.Negate):
        return not _cond(c.operand, run)
    if isinstance(c, ir.AllOf):
        return all(_cond(o, run) for o in c.operands)
    if isinstance(c, ir.AnyOf):
        return any(_cond(o, run) for o in c.operands)
    raise TypeError(type(c).__name__)


# ----------------------------------------------------------------------- report


def format_coverage(cov: Coverage, lang: str = "zh") -> str:
    """The coverage summary and every uncovered target with its line."""
    en = lang == "en"
    head = (
        f"coverage: {cov.percent}% ({cov.covered}/{cov.total} targets, {cov.tests} tests)"
        if en
        else f"测试覆盖率：{cov.percent}%（{cov.covered}/{cov.total} 项，{cov.tests} 个测试）"
    )
    lines = [head]
    for kind, (zh, en_name) in KIND_NAMES.items():
        hit, total = cov.by_kind(kind)
        if not total:
            continue
        missed = cov.missed(kind)
        label = en_name if en else zh
        lines.append(
            f"  {label}: {len(missed)}/{total}" if en else f"  {label}：{len(missed)}/{total}"
        )
        for t in missed:
            where = f"line {t.line}" if en else f"第{t.line}行"
            lines.append(f"    {where}  {t.path}  {t.text}")
    return "\n".join(lines) + "\n"


# ------------------------------------------------------------ from the test runner


def coverage_report(outcomes: object, policy: object) -> Coverage:
    """Coverage from the test runner's outcomes (`TestReport` or its `TestOutcome`s).

    `policy` may be an `api.Policy` or an `ir.Policy`.  Outcomes that could not run
    (no result) count as tests but cover nothing."""
    ir_policy = policy.ir if hasattr(policy, "ir") else policy
    items = list(getattr(outcomes, "outcomes", outcomes))  # type: ignore[arg-type]
    runs = [run for run in (_run_of(o) for o in items) if run is not None]
    cov = measure(ir_policy, runs)  # type: ignore[arg-type]
    return Coverage(cov.targets, len(items))


def _run_of(outcome: object) -> Run | None:
    result = getattr(outcome, "result", None)
    if result is None:
        return None
    averages = {}
    for entry in getattr(outcome, "averages", ()) or ():
        name, value = entry[0], entry[1]
        number = _as_decimal(value)
        if number is not None:
            averages[name] = number
    return Run(
        name=getattr(outcome, "name", ""),
        result=result,
        fired=frozenset(getattr(outcome, "fired", frozenset())),
        values=dict(getattr(outcome, "values", {}) or {}),
        averages=averages,
    )


def _as_decimal(value: object) -> Decimal | None:
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return Decimal(value)
    if isinstance(value, str):
        from ..source.text import normalise

        text = normalise(value).strip().rstrip("%").strip()
        try:
            return Decimal(text)
        except ArithmeticError:
            return None
    return None
