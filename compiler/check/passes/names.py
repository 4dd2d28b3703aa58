"""Names and types: unknown names (E201), uses that do not fit a fact's type (E202),
unit mismatches (E203), discretionary clauses on non-`分` facts (E212), comparisons
of incomparable quantities (E214), parameters where a fact is needed (E215), unused
facts (W309) and inferred facts (W310)."""

from __future__ import annotations

from ...diagnostics.diagnostic import Diagnostic
from ...diagnostics.messages import details
from ...source.text import Span
from ...syntax import ast
from ..context import Context
from ..resolve import FACT_ROLES, Use, all_refs, clauses_of, share_of_average
from ..units import DATE, DAY_UNITS, canonical_unit, comparable, fits, num_kind, per_time_pair


def check_names(ctx: Context) -> list[Diagnostic]:
    diags: list[Diagnostic] = []
    flagged: set[Span] = set()  # one diagnostic per 【名称】 occurrence
    for use in ctx.symbols.uses:
        if use.ref.span in flagged:
            continue
        diag = _check_use(ctx, use)
        if diag is not None:
            flagged.add(use.ref.span)
            diags.append(diag)
    diags += _comparisons(ctx)
    for info in ctx.symbols.facts.values():
        if info.decl is not None and info.first_use is None:
            diags.append(Diagnostic("W309", info.decl.name_span, {"name": info.name}))
        elif info.inferred and info.first_use is not None:
            diags.append(Diagnostic("W310", info.first_use, {"name": info.name, "type": info.unit}))
    return diags


def _check_use(ctx: Context, use: Use) -> Diagnostic | None:
    sym = ctx.symbols
    name, span = use.name, use.ref.span
    if name in sym.typos:
        return Diagnostic("E201", span, {"name": name, "suggestion": sym.typos[name]})
    if name in sym.params:
        if use.role in FACT_ROLES:
            return Diagnostic("E215", span, {"name": name, **details(f"role.{use.role}", "used")})
        return None
    info = sym.facts.get(name)
    if info is None or info.kind is None:
        return None
    if use.role == "discretionary":
        if info.kind.type != "points":
            return Diagnostic("E212", span, {"name": name, "type": info.unit})
        return None
    verdict = fits(info.kind, use.kind)
    if verdict == "ok":
        return None
    if verdict == "unit":
        at = use.source.span if use.source is not None else span
        used = use.source.unit if use.source is not None and use.source.unit else use.kind.unit
        args = {"used": used, "name": name, "declared": info.unit}
        if per_time_pair(info.unit, used):
            return Diagnostic("W320", at, args)  # 人 / 人次: counted as declared
        return Diagnostic("E203", at, args)
    if use.role == "compare":
        other = sym.kind_of(use.other) if use.other is not None else None
        right = (other or use.kind).name
        return Diagnostic("E214", use.where or span, {"left": info.kind.name, "right": right})
    return Diagnostic("E202", span, {"name": name, "declared": info.unit, "used": use.kind.name})


def _percent_step(ctx: Context, clause: ast.ThresholdClause) -> list[Diagnostic]:
    """`【执行率】其余每低于最高值10%扣1分`, `每低于全市平均值1%扣0.5分`, `与【上年发案率】相比，
    每上升1%扣1分`: a step in % on a rate measured from another value may be that many
    percentage points, or that share of the other value (a rise from 5% to 6% is 1 point
    and 20%).  Both are written in real 细则; the language reads neither for the writer
    (E252 says the same of a distance from the average in a condition).  A step from a
    fixed standard (`应达到90%，每低1%`) is points: the standard itself is one number."""
    fact = (
        ctx.symbols.facts.get(clause.subject.name) if isinstance(clause.subject, ast.Ref) else None
    )
    step = clause.per.step
    if fact is not None and fact.kind is not None and fact.kind.type != "percent":
        return _share_of_mean(clause, fact.kind)
    if fact is None or fact.kind is None:
        return []
    if step.unit is None or canonical_unit(step.unit) != "%":
        return []
    value = f"{step.value.normalize():f}"
    target = clause.target  # the average or best (ast.Average), or another fact (ast.Ref)
    if isinstance(target, ast.Average) and target.best is not None:
        other = "最高值" if clause.direction == "shortfall" else "最低值"
    else:
        other = "平均值" if isinstance(target, ast.Average) else f"【{target.name}】"
    example = f"{(step.value * 80 / 100).normalize():f}"
    args = {
        "text": step.text,
        "why": f"百分比数据相差 {value}%，可以是相差{value}个百分点，也可以是{other}的{value}%"
        f"（{other}为80%时是{example}个百分点）",
        "why_en": f"a rate {value}% from {other} may be {value} percentage points from it, "
        f"or {value}% of {other}",
        "suggest": f"相差若干个百分点写 {value}个百分点；指{other}的{value}%时，请照原文本意另行计算后填报",
        "suggest_en": f"for percentage points write {value}个百分点; for {value}% of {other}, "
        "compute it apart and report it",
    }
    return [Diagnostic("E116", step.span, args)]


def _share_of_mean(clause: ast.ThresholdClause, kind) -> list[Diagnostic]:
    """`【新增户数】每低于平均数10%扣0.5分`: on a count or an amount, 10% can only be a
    share of the mean (a tenth of it).  A plain 数值 or 分 may be 0 or below: a share
    of such a mean says nothing clear, refused."""
    if not share_of_average(clause) or kind.type == "count":
        return []
    if kind.type == "number" and kind.unit:
        return []
    step = clause.per.step
    args = {
        "text": step.text,
        "why": "数值型数据可以为0或负数，平均值的百分之几读不准",
        "why_en": "a 数值 fact may be 0 or negative: a share of its mean is unclear",
        "suggest": "计数或计量的数据（个、家、万元……）才按平均值的百分之几逐步计分；"
        "其他的请按相差多少写，如 每低于平均值1个单位",
        "suggest_en": "steps in a share of the mean are read on counts and measures only; "
        "otherwise write the distance itself",
    }
    return [Diagnostic("E116", step.span, args)]


def _is_fact(ctx: Context, expr: object) -> bool:
    return isinstance(expr, ast.Ref) and expr.name in ctx.symbols.facts


def _has_fact(ctx: Context, expr: object) -> bool:
    return any(r.name in ctx.symbols.facts or r.name in ctx.symbols.typos for r in all_refs(expr))


def _comparisons(ctx: Context) -> list[Diagnostic]:
    """Comparisons the per-name checks cannot see: fact against fact, constant against
    constant, a threshold against its step, and the date and average forms."""
    sym = ctx.symbols
    diags: list[Diagnostic] = []

    def mismatch(span: Span, left, right) -> None:
        diags.append(Diagnostic("E214", span, {"left": left, "right": right}))

    for _, clause in clauses_of(ctx.tree):
        for cond in _compares(_condition_of(clause)):
            both = _is_fact(ctx, cond.left) and _is_fact(ctx, cond.right)
            neither = not _has_fact(ctx, cond.left) and not _has_fact(ctx, cond.right)
            lk, rk = sym.kind_of(cond.left), sym.kind_of(cond.right)
            if (both or neither) and lk is not None and rk is not None and not comparable(lk, rk):
                mismatch(cond.span, lk.name, rk.name)
        if not isinstance(clause, ast.ThresholdClause):
            continue
        step_kind = num_kind(clause.per.step)
        if clause.direction == "late":
            if not isinstance(clause.target, ast.DateLit):
                tk = sym.kind_of(clause.target)
                mismatch(clause.span, DATE.name, tk.name if tk else "平均值")
            elif clause.per.step.unit is not None and clause.per.step.unit not in DAY_UNITS:
                mismatch(clause.per.step.span, DATE.name, clause.per.step.unit)
            elif not isinstance(clause.subject, ast.Ref):
                sk = sym.kind_of(clause.subject)
                mismatch(clause.span, sk.name if sk else "数值", DATE.name)
            continue
        if isinstance(clause.target, ast.Average):
            if not isinstance(clause.subject, ast.Ref):
                sk = sym.kind_of(clause.subject)
                mismatch(clause.span, sk.name if sk else "数值", "平均值")
            else:
                diags += _percent_step(ctx, clause)
            continue
        if isinstance(clause.target, ast.Ref) and clause.target.name in sym.facts:
            diags += _percent_step(ctx, clause)
        tk = sym.kind_of(clause.target)
        if clause.per.step.unit is not None and not comparable(tk, step_kind):
            mismatch(clause.per.step.span, tk.name if tk else "数值", step_kind.name)
    return diags


def _condition_of(clause: ast.Clause) -> ast.Cond | None:
    if isinstance(clause, ast.PerUnitClause | ast.ConditionClause):
        return clause.condition
    return None


def _compares(cond: ast.Cond | None):
    if isinstance(cond, ast.Compare):
        yield cond
    elif isinstance(cond, ast.Not):
        yield from _compares(cond.operand)
    elif isinstance(cond, ast.And | ast.Or):
        for op in cond.operands:
            yield from _compares(op)
