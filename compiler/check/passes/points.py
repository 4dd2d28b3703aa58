"""Points: 满分 against the top-level points (E205), children against their parent
(W303), one occurrence against its node's budget (W302), earning clauses against the
node's points (W311), points on a bonus node (W312)."""

from __future__ import annotations

from decimal import Decimal

from ...diagnostics.diagnostic import Diagnostic
from ...syntax import ast
from ...syntax import keywords as kw
from ...syntax.build.terms import value_key
from ..boundary import offset_operator, operator
from ..budget import (
    bonus_cap,
    budget,
    const_value,
    frontier,
    is_bonus,
    no_floor,
    points,
    take_max,
    upper_value,
)
from ..context import Context
from ..resolve import all_refs, clause_refs
from ..values import fmt


def check_points(ctx: Context) -> list[Diagnostic]:
    diags = _full_marks(ctx)
    diags += _walk(ctx, ctx.tree.nodes, None, None)
    return diags


def _full_marks(ctx: Context) -> list[Diagnostic]:
    full = ctx.tree.header.full_marks
    top = list(frontier(ctx.tree.nodes))
    if full is None or not top:
        return []
    total = sum((points(n) for n in top), Decimal(0))
    if total == full.value:
        return []
    return [Diagnostic("E205", full.span, {"full": fmt(full.value), "total": fmt(total)})]


def _walk(
    ctx: Context,
    nodes: tuple[ast.Node, ...],
    limit: tuple[Decimal, bool] | None,
    bonus_limit: Decimal | None,
) -> list[Diagnostic]:
    """`limit` is the nearest budget above (value, whether that node has 不设下限)."""
    diags: list[Diagnostic] = []
    for node in nodes:
        own = budget(node)
        node_limit = (own, no_floor(node)) if own is not None else limit
        node_bonus = bonus_cap(node) if is_bonus(node) else bonus_limit
        if is_bonus(node) and node.points is not None:
            diags.append(
                Diagnostic(
                    "W312",
                    node.points.span,
                    {"points": fmt(node.points.value), "cap": fmt(node_bonus or 0)},
                )
            )
        diags += _children(node)
        diags += _earned(ctx, node)
        for clause in node.clauses:
            diags += _occurrence(ctx, clause, node_limit, node_bonus)
        diags += _walk(ctx, node.children, node_limit, node_bonus)
    return diags


def _children(node: ast.Node) -> list[Diagnostic]:
    own = points(node)
    kids = list(frontier(node.children))
    if own is None or not kids:
        return []
    total = sum((points(k) for k in kids), Decimal(0))
    if total == own:
        return []
    more = total > own
    args = {
        "total": fmt(total),
        "points": fmt(own),
        "relation": "超过" if more else "未达到",
        "relation_en": "more than" if more else "less than",
    }
    return [Diagnostic("W303", node.points.span, args)]  # type: ignore[union-attr]


def _one_occurrence(ctx: Context, clause: ast.Clause, kind: type) -> list[tuple[Decimal, object]]:
    """(amount, where) of what one firing of `clause` deducts (kind ast.Deduct) or adds
    (ast.Bonus), each group of effects that fire together summed, capped by the
    clause's own `最多扣N分`."""
    params = ctx.symbols.params
    groups: list[tuple[ast.Effect, ...]] = []
    if isinstance(clause, ast.PerUnitClause | ast.ThresholdClause | ast.MissingClause):
        groups.append((clause.effect,))
    elif isinstance(clause, ast.ConditionClause):
        groups += [clause.effects, clause.otherwise]
    elif isinstance(clause, ast.DiscretionaryClause):
        if kind is ast.Deduct and clause.kind == "deduct" and clause.high is not None:
            return [(clause.high.value, clause.high.span)]
        return []
    cap = clause.cap.value if getattr(clause, "cap", None) is not None else None
    found: list[tuple[Decimal, object]] = []
    for group in groups:
        total, where = Decimal(0), None
        for effect in group:
            if not isinstance(effect, kind):
                continue
            value = const_value(effect.amount, params)  # type: ignore[attr-defined]
            if value is None:
                continue
            total += value
            amount = effect.amount  # type: ignore[attr-defined]
            where = where or (amount.span if isinstance(amount, ast.Num) else effect.span)
        if where is not None:
            found.append((min(total, cap) if cap is not None else total, where))
    return found


def _occurrence(
    ctx: Context,
    clause: ast.Clause,
    limit: tuple[Decimal, bool] | None,
    bonus_limit: Decimal | None,
) -> list[Diagnostic]:
    diags: list[Diagnostic] = []
    if limit is not None and not limit[1]:
        for amount, where in _one_occurrence(ctx, clause, ast.Deduct):
            if amount > limit[0]:
                args = {"amount": fmt(amount), "budget": fmt(limit[0])}
                diags.append(Diagnostic("W302", where, args))  # type: ignore[arg-type]
    if bonus_limit is not None:
        for amount, where in _one_occurrence(ctx, clause, ast.Bonus):
            if amount > bonus_limit:
                args = {"amount": fmt(amount), "budget": fmt(bonus_limit)}
                diags.append(Diagnostic("W302", where, args))  # type: ignore[arg-type]
    return diags


def _earned(ctx: Context, node: ast.Node) -> list[Diagnostic]:
    """W311: the earning clauses of a node, all met, should earn exactly its points."""
    own = points(node)
    if own is None or node.points is None:
        return []
    contributions: list[Decimal] = []
    by_sentence: dict[object, Decimal] = {}  # tiers of one sentence exclude each other
    percent_formula = False  # a formula reads a percentage (80% is 80 there)
    tops = _percent_tops(ctx)
    sides = _exclusive_sides(node.clauses, ctx.overrides)
    for clause in node.clauses:
        if isinstance(clause, ast.DiscretionaryClause):
            if clause.kind == "earn":
                return []
            continue
        if isinstance(clause, ast.PerUnitClause | ast.ThresholdClause):
            if isinstance(clause.effect, ast.Earn):
                if clause.cap is None:
                    return []  # unbounded: no fixed total to compare
                # `每完成一项得1分，最高得3分`: all met, it earns its cap
                by_sentence[(clause.span, frozenset())] = clause.cap.value
            continue
        if not isinstance(clause, ast.ConditionClause):
            continue
        branches = []
        for group in (clause.effects, clause.otherwise):
            earns = [e for e in group if isinstance(e, ast.Earn)]
            if not earns:
                branches.append(Decimal(0))
                continue
            total = Decimal(0)
            for e in earns:
                # a formula counts with the most it can give (`最小(…, 1)×6`: 6); a
                # computed amount is never below 0 (language.md 15.4)
                value = own if e.amount is None else upper_value(e.amount, ctx.symbols.params, tops)
                if e.amount is not None and not isinstance(e.amount, ast.Num):
                    refs = {r.name for r in all_refs(e.amount)}
                    percent_formula = percent_formula or not refs.isdisjoint(tops)
                if value is None:
                    return []
                value = max(value, Decimal(0))
                total += value
            if clause.cap is not None:
                total = min(total, clause.cap.value)
            branches.append(total)
        if any(branches):
            # tiers of one fact exclude each other; `【A】、【B】的，各得1分` (a clause a
            # fact, one span) earns for each
            key = sides.get(id(clause)) or (
                clause.span,
                frozenset(r.name for r in clause_refs(clause)),
            )
            by_sentence[key] = max(by_sentence.get(key, Decimal(0)), *branches)
    contributions += by_sentence.values()
    if not contributions:
        return []
    total = max(contributions) if take_max(node) else sum(contributions, Decimal(0))
    if total == own:
        return []
    args = {"total": fmt(total), "points": fmt(own), "formula": "", "formula_en": ""}
    if percent_formula:
        args["formula"] = "（算式中的百分比数据是百分数本身，80% 即 80：按比例计分写 【X】÷100×N）"
        args["formula_en"] = (
            " (in a formula a percentage is its number, 80% is 80: for a share write 【X】÷100×N)"
        )
    return [Diagnostic("W311", node.points.span, args)]


def _percent_tops(ctx: Context) -> dict[str, Decimal]:
    """The most each percentage fact can be: its declared range's top, else 100."""
    tops: dict[str, Decimal] = {}
    for info in ctx.symbols.facts.values():
        if info.kind is None or info.kind.type != "percent":
            continue
        high = info.decl.high if info.decl is not None else None
        try:
            tops[info.name] = Decimal(high.strip().rstrip("%")) if high else Decimal(100)
        except (ArithmeticError, ValueError):
            continue
    return tops


#: The parts of the line a comparison with a value takes: below (L), equal (E), above (G).
_REGIONS = {
    ("ge", False): frozenset("G"),
    ("ge", True): frozenset("EG"),
    ("le", False): frozenset("L"),
    ("le", True): frozenset("LE"),
    ("eq", True): frozenset("E"),
}


def _exclusive_sides(clauses, ctx_overrides: dict[str, bool] | None = None) -> dict[int, object]:
    """Clauses on separate lines comparing one fact with one value from sides that do not
    meet (`【人数】低于【上年人数】的得4分` / `【人数】等于【上年人数】的得3分`): tiers, of
    which a unit meets one — a key shared by the group (id of each clause → key)."""
    groups: dict[object, list[tuple[int, frozenset[str]]]] = {}
    bands: dict[tuple, list[tuple[int, _Interval]]] = {}
    for clause in clauses:
        cond = getattr(clause, "condition", None)
        if not isinstance(clause, ast.ConditionClause):
            continue
        band = _from_average(cond) or _from_constants(cond, ctx_overrides)
        if band is not None:
            bands.setdefault(band[0], []).append((id(clause), band[1]))
            continue
        truth = _truth(cond)
        if truth is not None:  # `【按时完成】的得4分；未【按时完成】的得2分`
            groups.setdefault(("truth", truth[0]), []).append((id(clause), truth[1]))
            continue
        if not isinstance(cond, ast.Compare):
            continue
        if not isinstance(cond.left, ast.Ref):
            continue
        word = kw.COMPARE_BEFORE.get(cond.word) or kw.COMPARE_AFTER.get(cond.word)
        region = _REGIONS.get((word.direction, word.inclusive)) if word else None
        if region is None:
            continue
        key = ("sides", cond.left.name, value_key(cond.right))
        groups.setdefault(key, []).append((id(clause), region))
    out: dict[int, object] = {}
    for key, members in groups.items():
        regions = [r for _, r in members]
        apart = all(not (a & b) for i, a in enumerate(regions) for b in regions[i + 1 :])
        if len(members) > 1 and apart:
            out.update((ident, key) for ident, _ in members)
    _merge_scales(bands)
    for name, found in bands.items():
        spans = [span for _, span in found]
        apart = all(_apart(a, b) for i, a in enumerate(spans) for b in spans[i + 1 :])
        if len(found) > 1 and apart:
            out.update((ident, ("bands", name)) for ident, _ in found)
    return out


def _truth(cond: object) -> tuple[str, frozenset[str]] | None:
    """A yes/no fact and the answer a condition takes: `【X】` (T) or `未【X】` (F)."""
    if isinstance(cond, ast.Truth):
        return cond.ref.name, frozenset("T")
    if isinstance(cond, ast.Not) and isinstance(cond.operand, ast.Truth):
        return cond.operand.ref.name, frozenset("F")
    return None


#: Distances from the batch average, e = fact − 平均值: (low, low included, high, high
#: included), None for no bound.
_Interval = tuple[Decimal | None, bool, Decimal | None, bool]
_ALL: _Interval = (None, False, None, False)


def _from_average(cond: object) -> tuple[tuple, _Interval] | None:
    """((the fact and the value it is measured from, the scale), the distances from its
    batch average or best value) a condition holds, when it is made of comparisons with
    that value (`低于平均值3个百分点以内`, `未低于平均值6个百分点`, `不低于最高值`, 且).  The
    scale is None at the value itself, "pt" for a distance in points, "%" for a share of
    the mean (`低于平均值20%`), never beside points."""
    if isinstance(cond, ast.And):
        return _joined([_from_average(c) for c in cond.operands])
    if isinstance(cond, ast.Not):
        return _negated(_from_average(cond.operand))
    if not (
        isinstance(cond, ast.Compare)
        and isinstance(cond.left, ast.Ref)
        and isinstance(cond.right, ast.Average)
    ):
        return None
    # distances from the best value (`与最高值相差…`) are bands of their own
    subject, average = ("avg", cond.left.name, cond.right.best), cond.right
    if average.offset is None:
        word = kw.COMPARE_BEFORE.get(cond.word) or kw.COMPARE_AFTER.get(cond.word)
        if word is None or word.direction not in ("ge", "le"):
            return None
        zero = Decimal(0)
        if word.direction == "ge":
            return (subject, None), (zero, word.inclusive, None, False)
        return (subject, None), (None, False, zero, word.inclusive)
    name = (subject, "%" if average.offset.unit == "%" else "pt")
    found = offset_operator(cond.word)
    if found is None:
        return None
    op, side = found
    n = average.offset.value if side == "above" else -average.offset.value
    if op == "within":
        zero = Decimal(0)
        return name, ((n, True, zero, False) if side == "below" else (zero, False, n, True))
    if op in (">", ">="):
        return name, (n, op == ">=", None, False)
    return name, (None, False, n, op == "<=")


def _from_constants(
    cond: object, overrides: dict[str, bool] | None
) -> tuple[object, _Interval] | None:
    """The value compared and the stretch of it a condition holds, when the condition
    compares one value (a fact, or a difference of facts) with written numbers or dates,
    alone, negated or joined by 且: `【日期】晚于5月31日且【日期】不晚于6月15日`,
    `【X】−【上年X】3个百分点以上` — bands of one value, of which a unit meets one."""
    if isinstance(cond, ast.And):
        return _joined([_from_constants(c, overrides) for c in cond.operands])
    if isinstance(cond, ast.Not):
        return _negated(_from_constants(cond.operand, overrides))
    if not isinstance(cond, ast.Compare):
        return None
    subject, value = _subject_key(cond.left), _constant(cond.right)
    if isinstance(cond.right, ast.Ref) and subject is not None:
        # `【X】高于【上年X】`: X − 上年X above 0, on the scale of the bands beside it
        subject, value = ("-", subject, ("ref", cond.right.name)), (Decimal(0), None)
    op = operator(cond.word, overrides)
    if subject is None or value is None or op not in (">", ">=", "<", "<=", "=="):
        return None
    key = (subject, value[1])
    number = value[0]
    if op == "==":
        return key, (number, True, number, True)
    if op in (">", ">="):
        return key, (number, op == ">=", None, False)
    return key, (None, False, number, op == "<=")


def _subject_key(expr: object) -> object:
    """A compared value, the same whatever its spans: a fact, or a sum or difference."""
    if isinstance(expr, ast.Ref):
        return ("ref", expr.name)
    if isinstance(expr, ast.BinOp):
        left, right = _subject_key(expr.left), _subject_key(expr.right)
        return None if left is None or right is None else (expr.op, left, right)
    return None


def _merge_scales(bands: dict) -> None:
    """A comparison at the value itself, with no unit (`达到平均值的`, `【X】高于【上年X】`),
    joins the bands of the same value: those in points when there are some, else those
    in the one unit they are written in (`…3个百分点以上`, a share of the mean)."""
    for key in [k for k in bands if k[1] is None]:
        scaled = [k for k in bands if k[0] == key[0] and k[1] is not None]
        target = (key[0], "pt") if (key[0], "pt") in scaled else None
        if target is None and len(scaled) == 1:
            target = scaled[0]
        if target is not None:
            bands[target] += bands.pop(key)


def _constant(expr: object) -> tuple[Decimal, object] | None:
    """A written number (with its unit; % and 个百分点 are one scale) or date, as a number
    on one scale."""
    if isinstance(expr, ast.Num):
        unit = kw.UNITS.get(expr.unit or "", expr.unit)
        return expr.value, "%" if unit in kw.PERCENT_UNITS.values() else unit
    if isinstance(expr, ast.DateLit):
        return Decimal((expr.later * 12 + expr.month) * 100 + expr.day), ("date", expr.year)
    return None


def _negated(inner: tuple | None) -> tuple | None:
    """The complement of a one-sided stretch (`未低于平均值6个百分点`); None for one with
    two ends (its complement is two stretches)."""
    if inner is None:
        return None
    key, (low, low_in, high, high_in) = inner
    if low is None and high is not None:
        return key, (high, not high_in, None, False)
    if high is None and low is not None:
        return key, (None, False, low, not low_in)
    return None


def _joined(parts: list) -> tuple | None:
    """The parts of a 且 as one stretch of one value: a comparison at the value itself
    (no scale) takes the scale of the others; two scales do not meet."""
    if any(p is None for p in parts):
        return None
    keys = {p[0] for p in parts}
    scales = {k[1] for k in keys} - {None}
    if len({k[0] for k in keys}) != 1 or len(scales) > 1:
        return None
    return (next(iter(keys))[0], scales.pop() if scales else None), _met(parts)


def _met(parts: list) -> _Interval:
    """What the stretches of the parts of a 且 hold together."""
    interval = _ALL
    for part in parts:
        interval = _meet(interval, part[1])
    return interval


def _meet(a: _Interval, b: _Interval) -> _Interval:
    low, low_in = a[0], a[1]
    if b[0] is not None and (low is None or b[0] > low or (b[0] == low and not b[1])):
        low, low_in = b[0], b[1]
    high, high_in = a[2], a[3]
    if b[2] is not None and (high is None or b[2] < high or (b[2] == high and not b[3])):
        high, high_in = b[2], b[3]
    return low, low_in, high, high_in


def _apart(a: _Interval, b: _Interval) -> bool:
    low, low_in, high, high_in = _meet(a, b)
    if low is None or high is None:
        return False
    return low > high or (low == high and not (low_in and high_in))
