"""Amounts computed from facts: divisors that may be 0 (W321), rates that must be
percentages (`按完成比例得分`, E202 otherwise), and the place and the number of units
(`名次`, `单位数`) only in a formula of a clause that ranks (E261).

A unit whose divisor is 0 cannot be scored and gets a data error when it is scored; the
warning names the fact so that the writer can rule 0 out in 数据 (`范围1至50`) before
any unit is scored.  `【完成数】按完成比例得分` on a count would take 完成数 ÷ 100 as the
ratio — a wrong score — so the rate must be a 百分比 fact."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from ...diagnostics.diagnostic import Diagnostic
from ...syntax import ast
from ...syntax import keywords as kw
from ...syntax.build.clauses import AVERAGE_SHARE_WORD, RATIO_WORD, amount_leaves
from ..context import Context
from ..resolve import clauses_of, effects_of


def check_formulas(ctx: Context) -> list[Diagnostic]:
    diags: list[Diagnostic] = []
    for _, clause in clauses_of(ctx.tree):
        ranked = isinstance(clause, ast.RankClause)
        for effect in effects_of(clause):
            amount = getattr(effect, "amount", None)
            if not ranked:
                diags += _place_unranked(ctx, amount)
            if isinstance(effect, ast.Earn) and effect.word == RATIO_WORD:
                diags += _rate(ctx, amount)
            elif getattr(effect, "word", "") != AVERAGE_SHARE_WORD:
                diags += _percent_as_points(ctx, effect, amount)
            for ref in _divisors(amount):
                if _may_be_zero(ctx, ref):
                    diags.append(Diagnostic("W321", ref.span, {"name": ref.name}))
    return diags


def _place_unranked(ctx: Context, amount: object) -> list[Diagnostic]:
    """`得((单位数−名次+1)÷单位数×6)分` with no `按【X】排名` before it: by what the place
    is counted, and which way, is not said (名次 and 单位数 are words of amounts only)."""
    found = next(
        (leaf for leaf in amount_leaves(amount) if isinstance(leaf, ast.Place | ast.UnitCount)),
        None,
    )
    if found is None:
        return []
    return [Diagnostic("E261", found.span, {"text": ctx.text(found.span)})]


def _rate(ctx: Context, amount: object) -> list[Diagnostic]:
    """The rate of `按完成比例得分` (the left-most fact of its amount) is a percentage."""
    while isinstance(amount, ast.BinOp):
        amount = amount.left
    if not isinstance(amount, ast.Ref):
        return []
    if kw.MISSED_NAME.search(amount.name):
        return [_share_not_done(ctx, amount)]
    info = ctx.symbols.facts.get(amount.name)
    if info is None or info.kind is None or info.kind.type == "percent":
        return []
    args = {"name": amount.name, "declared": info.unit, "used": "百分比"}
    return [Diagnostic("E202", amount.span, args)]


def _share_not_done(ctx: Context, ref: ast.Ref) -> Diagnostic:
    """E116: `【未完成率】按完成比例得分` — the points in proportion to the share left
    undone (the unit that did nothing would score the most).  Written on the share done."""
    name = ref.name
    done = kw.done_name(name)
    written = f"【{done}】按完成比例得分" if done else ""
    return Diagnostic(
        "E116",
        ref.span,
        {
            "text": f"【{name}】按比例得分",
            "why": f"【{name}】 是没做到的比例，按它的比例得分，做得最少的单位得分最高",
            "why_en": f"【{name}】 is the share not done: in proportion to it, the unit that did "
            "least scores most",
            "suggest": f"按完成的比例得分的，写 {written}（数据： 中声明 {done}：百分比）"
            if done
            else "改用完成的比例（百分比数据项，名称里不带 未、缺、漏）",
            "suggest_en": written or "use the share done (a 百分比 fact)",
        },
    )


def _divisors(expr: object):
    """Every `【X】` a division divides by, without recursion."""
    stack = [expr]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.BinOp):
            if node.op == "/" and isinstance(node.right, ast.Ref):
                yield node.right
            stack += [node.left, node.right]
        elif isinstance(node, ast.Call):
            stack += list(node.args)


def _may_be_zero(ctx: Context, ref: ast.Ref) -> bool:
    """A fact may be 0 unless its declared range starts above 0; a parameter is known."""
    if ref.name in ctx.symbols.params:
        return False
    info = ctx.symbols.facts.get(ref.name)
    if info is None or info.decl is None or info.decl.low is None:
        return True
    try:
        return Decimal(info.decl.low.strip().rstrip("%")) <= 0
    except (InvalidOperation, ValueError):
        return True


# ------------------------------------------------------- percentages read as points


@dataclass(frozen=True)
class _Dim:
    """What a formula's part measures: `pct` the power of raw percentages in it (a
    percentage fact, `80%`, a percentage's batch value: 1; divided by one: 0), `pp` the
    power of percentage points (a difference of percentages); `bare` for a number
    written without a unit, which takes the dimension of what it meets; `scaled` when
    a raw percentage was multiplied (so `70×【X】−63` is no difference of percentages)."""

    pct: int = 0
    pp: int = 0
    bare: bool = False
    scaled: bool = False


_BARE = _Dim(bare=True)
_HUNDRED = Decimal(100)


def _percent_as_points(ctx: Context, effect: object, amount: object) -> list[Diagnostic]:
    """E268: a formula whose points are a raw percentage times a number
    (`得(【达标率】×6)分`, `得(70×【达标率】−63)分`, `扣(【扣分】×10%)分`).  In a formula a
    percentage is its percent number (95% is 95), so these give 570, 6587 or 10 times the
    points — while the document means 0.95 or 0.1.  Refused with both explicit forms: the
    percentage as a fraction (`【达标率】÷100%`, `0.1`) or as a count of percentage points
    (`【达标率】÷1%`).  A ratio of percentages (`【X】÷90%`, `【X】÷最高值`), a percentage
    divided by a number or a number by a percentage (`÷100`, `÷98`, `90÷【X】`: the
    writer's own ratio) and a difference (`(本值−平均值)×0.2`, percentage points) are
    what they say."""
    if not isinstance(amount, ast.BinOp | ast.Call | ast.Ref):
        return []
    leaves: list = []
    dim = _dim(ctx, amount, leaves)
    if dim.pct == 0 and dim.pp in (0, 1):
        return []
    span = getattr(effect, "span", None) or amount.span  # type: ignore[union-attr]
    written = ctx.text(span)
    fraction, points = _rewritten(ctx, span, leaves)
    args = {"written": written, "fraction": fraction, "points": "", "points_en": ""}
    if not all(isinstance(leaf, ast.Num) for leaf in leaves):  # `×10%` is never 10 times
        args["points"] = f"；是每个百分点的分数的写 {points}"
        args["points_en"] = f"; per percentage point write {points}"
    return [Diagnostic("E268", amount.span, args)]  # type: ignore[union-attr]


def _dim(ctx: Context, expr: object, leaves: list) -> _Dim:
    """The dimension of `expr`; raw percentages met on the way go into `leaves` (the
    ones a hint rewrites)."""
    if isinstance(expr, ast.Num):
        if expr.unit == "%":
            leaves.append(expr)
            return _Dim(pct=1)
        if expr.unit == "个百分点":
            return _Dim(pp=1)
        return _BARE if expr.unit is None else _Dim()
    if isinstance(expr, ast.Ref | ast.Average):
        # a fact, or a batch value of the fact a formula reads (`最高值`, `平均值`)
        kind = ctx.symbols.kind_of(expr if isinstance(expr, ast.Ref) else expr.of)
        if kind is not None and kind.type == "percent":
            leaves.append(expr)
            return _Dim(pct=1)
        return _Dim()
    if isinstance(expr, ast.Call):
        parts = [_dim(ctx, arg, leaves) for arg in expr.args]
        return _joined(parts)
    if isinstance(expr, ast.BinOp):
        left = _dim(ctx, expr.left, leaves)
        right = _dim(ctx, expr.right, leaves)
        if expr.op in ("+", "-"):
            if expr.op == "-" and _raw(left, right) and _raw(right, left):
                return _Dim(pp=1)  # 本值−平均值, 12−【发案率】: percentage points
            return _joined([left, right])
        if expr.op == "*":
            pct = left.pct + right.pct
            return _Dim(pct, left.pp + right.pp, scaled=pct != 0 or left.scaled or right.scaled)
        # 【X】×8÷100, 【X】÷98, 90÷【X】, 【下降率】÷【目标下降率】 (one a 数值): a
        # percentage over a number, or a number over one, is the writer's own ratio of
        # percent numbers; only a percentage left over after it is refused
        taken = right.pct if right.pct else 1
        pct = max(left.pct - taken, 0)
        return _Dim(pct, left.pp - right.pp, scaled=left.scaled and pct > 0)
    return _Dim()


def _raw(one: _Dim, other: _Dim) -> bool:
    """One side of a difference of percentages: a raw percentage not multiplied, or a
    bare number beside one (`12−【发案率】`)."""
    if one.bare:
        return other.pct == 1 and not other.bare and not other.scaled
    return one.pct == 1 and one.pp == 0 and not one.scaled


def _joined(parts: list[_Dim]) -> _Dim:
    """A sum, 最大 or 最小 of parts: the dimension of those that have one (bare numbers
    take it); parts that disagree keep the larger powers, so a raw percentage added to
    points is still caught."""
    sized = [p for p in parts if not p.bare]
    if not sized:
        return _BARE
    pct, pp = max(p.pct for p in sized), max(p.pp for p in sized)
    return _Dim(pct, pp, scaled=any(p.scaled for p in sized))


def _rewritten(ctx: Context, span, leaves: list) -> tuple[str, str]:
    """The effect's text with each raw percentage written as a fraction (`【X】÷100%`,
    `10%` → `0.1`) and as a count of percentage points (`【X】÷1%`, `10%` → `10`)."""
    line = ctx.source.line_text(span.line)
    start = span.column - 1
    end = len(line) if span.end_line != span.line else span.end_column - 1
    fraction, points = line[start:end], line[start:end]
    for leaf in sorted(leaves, key=lambda x: x.span.column, reverse=True):
        if leaf.span.line != span.line:
            continue
        a, b = leaf.span.column - 1 - start, leaf.span.end_column - 1 - start
        if isinstance(leaf, ast.Num):
            as_fraction = format((leaf.value / _HUNDRED).normalize(), "f")
            as_points = format(leaf.value.normalize(), "f")
        else:
            text = fraction[a:b]
            as_fraction, as_points = f"({text}÷100%)", f"({text}÷1%)"
        fraction = fraction[:a] + as_fraction + fraction[b:]
        points = points[:a] + as_points + points[b:]
    return fraction, points
