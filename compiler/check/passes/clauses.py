"""Clauses in their node: ambiguous lists (E111), step verbs without a threshold (E112),
comparison words (W305 `超过…以上`, E216 unknown), effects that need points (E208),
bonus effects outside a bonus node (E209) and the reverse (E218), and a node that
both earns with `得…否则…` and deducts for the same thing (W306)."""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Iterator
from decimal import Decimal

from ...diagnostics.diagnostic import Diagnostic
from ...diagnostics.messages import details
from ...source.text import Span
from ...syntax import ast
from ...syntax import keywords as kw
from ...syntax.build.clauses import has_de
from ...syntax.ordinals import ORDINAL
from ...syntax.syntax_errors import rate_past_limit, rate_then_amount
from ..boundary import ambiguity, is_ambiguous, offset_operator, operator
from ..budget import budget, cap, is_bonus, modifier, points
from ..context import Context
from ..resolve import clause_refs, deducts, earns, effect_amount, effects_of, expr_nodes
from ..units import canonical_unit


def compares(cond: ast.Cond | None) -> Iterator[ast.Compare]:
    if isinstance(cond, ast.Compare):
        yield cond
    elif isinstance(cond, ast.Not):
        yield from compares(cond.operand)
    elif isinstance(cond, ast.And | ast.Or):
        for op in cond.operands:
            yield from compares(op)


def _nodes(nodes: tuple[ast.Node, ...], in_bonus: bool = False, top: ast.Node | None = None):
    """Each node, whether it is inside a bonus node, and its top-level item (一、二…)."""
    for node in nodes:
        bonus = in_bonus or is_bonus(node)
        yield node, bonus, top or node
        yield from _nodes(node.children, bonus, top or node)


def _offset(ctx: Context, cmp: ast.Compare) -> list[Diagnostic]:
    """`低于全市平均值5个百分点`: a word that says which side (E233), a single fact on
    the left, and a distance in the fact's unit (E214)."""
    assert isinstance(cmp.right, ast.Average) and cmp.right.offset is not None
    if offset_operator(cmp.word) is None:
        return [Diagnostic("E233", cmp.span, {"word": cmp.word})]
    if not isinstance(cmp.left, ast.Ref):
        return [Diagnostic("E233", cmp.span, {"word": cmp.word})]
    fact = ctx.symbols.facts.get(cmp.left.name)
    unit = cmp.right.offset.unit
    kind = fact.kind if fact is not None else None
    if kind is None or unit is None:
        return []
    if kind.type == "percent":
        if canonical_unit(unit) == "%":  # points apart, or a share of the average?
            return [_percent_offset(cmp)]
        fits = canonical_unit(unit) == "个百分点"
    elif canonical_unit(unit) == "%" and kind.type in ("count", "number"):
        # 平均值10% of an amount or a count: a tenth of the average
        return _far_below(ctx, cmp)
    elif kind.type == "count":
        fits = canonical_unit(unit) == kind.unit
    else:
        fits = kind.type == "points" and unit == "分"
    if not fits:
        return [Diagnostic("E214", cmp.right.offset.span, {"left": kind.name, "right": unit})]
    return []


#: `低于全市平均值80%` as written (not `不足平均值80%`, a share of the mean).
_BELOW_BY = re.compile(
    r"(?:^|】)[ \t]*(?P<word>低于|少于|小于)[^，,；;]*?平均[^，,；;\d]*?(?P<n>\d+(?:\.\d+)?)[ \t]*%"
)


def _far_below(ctx: Context, cmp: ast.Compare) -> list[Diagnostic]:
    """E265: `【件数】低于全市平均值80%的` reads as 80% below the mean (under a fifth of
    it), but said of more than half it is as often meant as under 80% of the mean — a
    threshold four times as high.  Below half, the distance reading stands (§9.8)."""
    found = _BELOW_BY.search(_written(ctx, cmp))
    n = Decimal(found["n"]) if found else Decimal(0)
    if n <= 50:  # at 50 both readings are one bound
        return []
    args = {
        "text": found[0].lstrip("】 \t"),
        "n": f"{n.normalize():f}",
        "rest": f"{(100 - n).normalize():f}",
    }
    return [Diagnostic("E265", cmp.span, args)]


def _percent_offset(cmp: ast.Compare) -> Diagnostic:
    """`【办结率】低于全市平均值10%`: 10 percentage points below, or 10% of the average
    below (平均值 80% → 70% or 72%)?  Both readings occur; the hint writes the one the
    language expresses and says how to give the other."""
    assert isinstance(cmp.right, ast.Average) and cmp.right.offset is not None
    assert isinstance(cmp.left, ast.Ref)
    distance = cmp.right.offset
    value = f"{distance.value.normalize():f}"
    words = f"{cmp.word}{cmp.right.words}平均值"
    args = {
        "text": f"{cmp.word}{cmp.right.words}平均值{distance.text}",
        "value": value,
        "example": f"{(distance.value * 80 / 100).normalize():f}",
        "points": f"【{cmp.left.name}】{words}{value}个百分点",
        "name": cmp.left.name,
        "word": cmp.word,
    }
    return Diagnostic("E252", distance.span, args)


def check_clauses(ctx: Context) -> list[Diagnostic]:
    diags: list[Diagnostic] = []
    for node, in_bonus, top in _nodes(ctx.tree.nodes):
        for clause in node.clauses:
            diags += _clause(ctx, node, in_bonus, clause)
            diags += _section(ctx, node, top, clause)
            diags += _zero_under_cap(node, top, clause)
            diags += _counter(ctx, clause)
            diags += _never_met(ctx, clause)
            diags += _missed_counted_as_done(clause)
            diags += _done_counted_as_missed(ctx, clause)
        diags += _double_count(node)
        diags += _idle_take_max(ctx, node)
        diags += (
            _nested_steps(ctx, node)
            or _nested_bounds(ctx, node)
            or _overlapping_tiers(ctx, node)
            or _rate_past_limit(ctx, node)
            or _amount_past_rate(ctx, node)
        )
    return diags


def _counted(clause: ast.Clause) -> tuple | None:
    """(fact, unit, amount, condition) of a fixed deduction for every counted unit of one
    fact (`【事故起数】每起扣0.5分`, and `超过3起的，每起扣1分`), or None."""
    if not isinstance(clause, ast.PerUnitClause) or not isinstance(clause.subject, ast.Ref):
        return None
    effect, per = clause.effect, clause.per
    if not isinstance(effect, ast.Deduct) or not isinstance(effect.amount, ast.Num):
        return None
    if per.verb_kind != "count" or per.step.value != 1 or effect.word in _ON_TOP:
        return None
    return clause.subject.name, per.step.unit, effect.amount, clause.condition


def _rate_past_limit(ctx: Context, node: ast.Node) -> list[Diagnostic]:
    """E116: `【事故起数】每起扣0.5分；超过3起的，每起扣1分` (or a lower rate past the limit) —
    as written both count every accident past 3 (1.5 each), which no reader means: past
    the limit, every accident costs the other amount, or only those past it do.  Both
    readings written out (`另扣` keeps the sum)."""
    counted = [(c, k) for c in node.clauses if (k := _counted(c)) is not None]
    for _, (fact, unit, low, cond) in counted:
        if cond is not None:
            continue
        for other, (fact2, unit2, rate, cond2) in counted:
            bound = fixed_bound(ctx, cond2) if cond2 is not None else None
            if bound is None or (fact2, unit2) != (fact, unit) or rate.value == low.value:
                continue
            name, op, at = bound
            if name != fact or op not in (">", ">="):
                continue
            limit = at.value if op == ">" else at.value - 1
            if limit != limit.to_integral_value() or limit < 0:
                continue
            ref, u = f"【{fact}】", unit or ""
            n = f"{limit.normalize():f}"
            a, b = f"{low.value.normalize():f}", f"{rate.value.normalize():f}"
            args = {"text": _written(ctx, other) or other.text}
            args.update(rate_past_limit(ref, u, n, a, b))
            args["why"] = f"照写超过{n}{u}后每{u}扣{a}分又扣{b}分；" + args["why"]
            args["why_en"] = f"as written, past {n} each costs {a} and {b}; " + args["why_en"]
            return [Diagnostic("E116", other.span, args)]
    return []


def _amount_past_rate(ctx: Context, node: ast.Node) -> list[Diagnostic]:
    """E116: `【事故】每起扣2分；3起及以上的扣10分` — 10 instead of 2 each from the third
    on, or 10 on top?  With `，` the sentence is refused so (syntax_errors
    `_rate_then_amount`); `；` between the same words changes nothing a reader sees, so
    the two clauses of one line are asked about too, with the same two readings.  Tiers
    of exact counts (`等于1次的，扣1分`), an amount said on top (`另扣`) and a tier that
    takes the item's points (`本项不得分`) read as written."""
    counted = [(c, k) for c in node.clauses if (k := _counted(c)) is not None]
    for rate, (fact, unit, low, cond) in counted:
        if cond is not None or not unit:
            continue
        for other in node.clauses:
            if other is rate or other.span.line != rate.span.line or tier_kind(other) != "Deduct":
                continue
            bound, upper = _lower_bound(ctx, other.condition)
            if bound is None or bound[0] != fact:
                continue
            at = bound[2].value
            if at != at.to_integral_value() or at < 1:
                continue
            n, a = f"{at.normalize():f}", f"{low.value.normalize():f}"
            b = f"{other.effects[0].amount.value.normalize():f}"
            if bound[1] == ">=":
                cond_text, below = f"{n}{unit}及以上", f"低于{n}{unit}"
            else:
                cond_text, below = f"超过{n}{unit}", f"不超过{n}{unit}"
            if upper is not None:  # `3起及以上且不超过5起的`: the range, in the language's words
                m = f"{upper[2].value.normalize():f}{unit}"
                start = f"达到{n}{unit}" if bound[1] == ">=" else f"超过{n}{unit}"
                cond_text = f"{start}且{'不超过' if upper[1] == '<=' else '低于'}{m}"
            first, last = sorted((rate, other), key=lambda c: c.span.column)
            line = ctx.source.line_text(rate.span.line)
            args = {"text": line[first.span.column - 1 : last.span.end_column - 1]}
            args.update(
                rate_then_amount(f"【{fact}】", unit, a, b, cond_text, ((below, cond_text),))
            )
            if upper is not None:  # instead of the rate, up to the range's top: and past it?
                past = f"超过{m}" if upper[1] == "<=" else f"{m}及以上"
                args["suggest"] += f"（{past}的怎么扣，另写一条）"
                args["suggest_en"] += f" (and say what {past} costs, in a clause of its own)"
            return [Diagnostic("E116", other.span, args)]
    return []


def _lower_bound(ctx: Context, cond: object) -> tuple[tuple | None, tuple | None]:
    """The (fact, op, bound) a tier starts from — `3起及以上的`, or the lower end of a
    range on the same fact (`3起及以上且不超过5起的`) with its upper end — or (None, None)."""
    bound = fixed_bound(ctx, cond)
    if bound is not None:
        return (bound, None) if bound[1] in (">", ">=") else (None, None)
    if not isinstance(cond, ast.And) or len(cond.operands) != 2:
        return None, None
    ends = [fixed_bound(ctx, c) for c in cond.operands]
    if any(e is None for e in ends) or ends[0][0] != ends[1][0]:
        return None, None
    lower = [e for e in ends if e[1] in (">", ">=")]
    upper = [e for e in ends if e[1] in ("<", "<=")]
    if len(lower) != 1 or len(upper) != 1:
        return None, None
    return lower[0], upper[0]


#: Escalating amounts by occurrence (§9.15 逐次加重), whose tiers add up by definition.
#: The opposite of each operator, as the word a clause writes it with.
_NEGATION_WORD = {">=": "低于", ">": "不超过", "<": "不低于", "<=": "超过"}


def tier_kind(clause: ast.Clause) -> str | None:
    """The kind of fixed amount ("Earn", "Deduct", "Bonus") a clause gives when its
    condition holds, as a tier does, or None (a cap, 否则, several effects, an amount
    computed or said to come on top)."""
    if not isinstance(clause, ast.ConditionClause) or clause.otherwise or clause.cap:
        return None
    if ORDINAL.search(clause.text):
        return None  # `第一次扣1分，第二次扣2分`: each occurrence its own amount (they add up)
    if len(clause.effects) != 1:
        return None
    effect = clause.effects[0]
    if not isinstance(effect, ast.Earn | ast.Deduct | ast.Bonus) or effect.word in _ON_TOP:
        return None
    return type(effect).__name__ if isinstance(effect.amount, ast.Num) else None


def fixed_bound(ctx: Context, cmp: object) -> tuple | None:
    """(fact, op, bound) of one fact compared with one fixed number, or None."""
    if not isinstance(cmp, ast.Compare) or not isinstance(cmp.left, ast.Ref):
        return None
    if not isinstance(cmp.right, ast.Num):
        return None
    op = operator(cmp.word, ctx.overrides)
    return (cmp.left.name, op, cmp.right) if op in _NEGATION_WORD else None


def _bound_of(ctx: Context, clause: ast.Clause) -> tuple | None:
    """(fact, side, op, bound, effect kind) of a clause that earns or deducts a fixed
    amount when one fact passes one fixed bound (`【X】低于90%的扣1分`), or None."""
    kind = tier_kind(clause)
    bound = fixed_bound(ctx, clause.condition) if kind is not None else None
    if bound is None:
        return None
    fact, op, at = bound
    return fact, "ge" if op in (">=", ">") else "le", op, at, kind


def _bounded(
    text: str, cond_end: int, fact: str, op: str, at: ast.Num, chained: bool = False
) -> str:
    """A tier's clause as written, its condition bounded by another tier's opposite
    (`【X】低于90%且不低于80%的扣1分`): the tiers then never overlap.  A tier after a comma
    in a sentence of tiers (`chained`) stays without its fact, as the sentence has it."""
    head = "" if text.startswith("【") or chained else f"【{fact}】"
    return f"{head}{text[:cond_end]}且{_NEGATION_WORD[op]}{at.text}{text[cond_end:]}"


#: The verb of each kind of fixed amount, as the hint writes it.
_VERB = {"Deduct": "扣", "Earn": "得", "Bonus": "加"}


def _additive(kind: str) -> dict[str, str]:
    """The other reading of two tiers, where the language has one: deductions (bonuses)
    that add up say so with 另扣 (另加); points earned never add up past the item's."""
    if kind == "Earn":
        return {"additive": "", "additive_en": ""}
    word = "另" + _VERB[kind]
    return {
        "additive": f"；两档相加的：另一档写 “{word}”",
        "additive_en": f"; adding up: write “{word}” in the other",
    }


def _nested_bounds(ctx: Context, node: ast.Node) -> list[Diagnostic]:
    """E267: `【X】低于90%的扣1分；低于80%的扣2分` (or `达到90%的得6分；达到80%的得4分`) — a unit
    past both bounds gets both as written (3分 deducted, 10 earned), while such lines are
    tiers: the deepest one reached.  Refused with the tiers written out (the wider
    condition bounded by the narrower one's opposite) or, for deductions, `另扣`."""
    if modifier(node, "take_max") is not None:
        return []  # 就高不就低: the larger earning, never the sum
    bounds = [(c, b) for c in node.clauses if (b := _bound_of(ctx, c)) is not None]
    for wide, (fact, side, _op, at, kind) in bounds:
        for narrow, (fact2, side2, op2, at2, kind2) in bounds:
            if narrow is wide or (fact2, side2, kind2) != (fact, side, kind):
                continue
            if at2.value == at.value or (at2.value > at.value) != (side == "ge"):
                continue  # the narrow one is past the wide one on its side
            text = _written(ctx, wide) or wide.text
            cond_end = wide.condition.span.end_column - wide.span.column
            chained = getattr(wide, "chain", None) is not None
            bounded = _bounded(text, cond_end, fact, op2, at2, chained)
            args = {
                "fact": fact,
                "wide": text,
                "narrow": _written(ctx, narrow) or narrow.text,
                "tiers": f"把较宽的一档写成 {bounded}",
                "tiers_en": f"write the wider one as {bounded}",
                **_additive(kind),
            }
            return [Diagnostic("E267", narrow.span, args)]
    return []


def _range_of(ctx: Context, clause: ast.Clause) -> tuple | None:
    """(fact, effect kind, (low, included), (high, included)) of a clause that earns or
    deducts a fixed amount when one fact is in a range of fixed bounds
    (`【X】低于90%且不低于80%的扣1分`, or one bound), or None; an open end is None."""
    kind = tier_kind(clause)
    if kind is None:
        return None
    cond = clause.condition
    fact = low = high = None
    for part in cond.operands if isinstance(cond, ast.And) else (cond,):
        found = fixed_bound(ctx, part) or equal_bound(ctx, part)
        if found is None or fact not in (None, found[0]):
            return None
        fact, op, at = found
        bound = (at.value, op != ">" and op != "<")
        if op in (">=", ">", "=="):
            low = bound if low is None or bound[0] > low[0] else low
        if op in ("<=", "<", "=="):
            high = bound if high is None or bound[0] < high[0] else high
    return fact, kind, low, high


def equal_bound(ctx: Context, cmp: object) -> tuple | None:
    """(fact, "==", number) of one fact said equal to one fixed number (`【X】等于1次`)."""
    if not isinstance(cmp, ast.Compare) or not isinstance(cmp.left, ast.Ref):
        return None
    if not isinstance(cmp.right, ast.Num) or operator(cmp.word, ctx.overrides) != "==":
        return None
    return (cmp.left.name, "==", cmp.right)


def _meet(a: tuple, b: tuple) -> bool:
    """Two ranges ((low, included) | None, (high, included) | None) share a value."""
    lows = [x for x in (a[0], b[0]) if x is not None]
    highs = [x for x in (a[1], b[1]) if x is not None]
    return _some_value(lows, highs)


def _some_value(lows: list, highs: list) -> bool:
    """Whether some value meets every lower and upper bound ((value, included) each)."""
    if not lows or not highs:
        return True
    low = max(lows, key=lambda x: (x[0], not x[1]))
    high = min(highs, key=lambda x: (x[0], x[1]))
    return low[0] < high[0] or (low[0] == high[0] and low[1] and high[1])


def _overlapping_tiers(ctx: Context, node: ast.Node) -> list[Diagnostic]:
    """E267 for tiers written as ranges that overlap (`低于90%且不低于80%的扣1分；低于85%的
    扣2分`: 82% is in both) — as written a unit in both gets both; nested one-sided
    bounds are `_nested_bounds`'."""
    if modifier(node, "take_max") is not None:
        return []
    ranges = [(c, r) for c in node.clauses if (r := _range_of(ctx, c)) is not None]
    for i, (a, (fact, kind, *range_a)) in enumerate(ranges):
        for b, (fact2, kind2, *range_b) in ranges[i + 1 :]:
            if (fact2, kind2) != (fact, kind) or not _meet(range_a, range_b):
                continue
            if range_a == range_b:
                continue  # the same case twice (two consequences of it): no tiers, as written
            first, second = _written(ctx, a) or a.text, _written(ctx, b) or b.text
            args = {
                "fact": fact,
                "wide": first,
                "narrow": second,
                "tiers": f"把两档写成不重叠的范围（每个单位只落在一档，界上的值只归一档），如 {first} 之外的单位才适用 “{second}”",
                "tiers_en": f"write the two as ranges that do not overlap (each unit in one, a bound in one), "
                f"so that “{second}” applies only outside “{first}”",
                **_additive(kind),
            }
            return [Diagnostic("E267", b.span, args)]
    return []


#: Words that say a deduction (a bonus) comes on top of another (`另扣`, `另加`): the
#: steps add up.
_ON_TOP = ("另扣", "再扣", "加扣", "另外扣", "还扣", "另加", "再加", "另外加", "还加")


def _steps_of(clause: ast.Clause) -> tuple | None:
    """(fact, (direction, 扣 or 加), standard, step, amount) of a plain per-step deduction
    or bonus from a fixed standard (`【X】低于96%，每低1个百分点扣0.25分`), or None."""
    if not isinstance(clause, ast.ThresholdClause) or clause.beyond or clause.condition:
        return None
    if not isinstance(clause.subject, ast.Ref) or not isinstance(clause.target, ast.Num):
        return None
    effect = clause.effect
    if not isinstance(effect, ast.Deduct | ast.Bonus) or effect.word in _ON_TOP:
        return None
    amount = effect.amount
    if not isinstance(amount, ast.Num) or clause.direction not in ("shortfall", "excess"):
        return None
    verb = "扣" if isinstance(effect, ast.Deduct) else "加"
    target, step = clause.target.value, clause.per.step.value
    return clause.subject.name, (clause.direction, verb), target, step, amount.value


def _nested_steps(ctx: Context, node: ast.Node) -> list[Diagnostic]:
    """E266: `【X】低于96%每降1个百分点扣0.25分；低于90%每降1个百分点扣0.5分` — below 90% the
    two add up (0.75 a point) as written, yet documents mean tiers (0.25 a point down to
    90%, 0.5 each below); bonuses past nested standards likewise.  Refused with both: the
    outer steps capped at the band between the standards, or the inner ones said to come
    on top (`另扣`, `另加`)."""
    steps = [(c, s) for c in node.clauses if (s := _steps_of(c)) is not None]
    for outer, (fact, side, top, step, amount) in steps:
        if outer.cap is not None:
            continue
        for inner, (fact2, side2, bound, _, _) in steps:
            inside = bound < top if side[0] == "shortfall" else bound > top
            if inner is outer or (fact2, side2) != (fact, side) or not inside:
                continue
            band = (abs(top - bound) / step).to_integral_value(rounding="ROUND_FLOOR")
            cap = format((band * amount).normalize(), "f")
            args = {
                "fact": fact,
                "outer": _written(ctx, outer) or outer.text,
                "inner": _written(ctx, inner) or inner.text,
                "cap": cap,
                "top": outer.target.text or format(top.normalize(), "f"),
                "bound": inner.target.text or format(bound.normalize(), "f"),
                "verb": side[1],
            }
            return [Diagnostic("E266", inner.span, args)]
    return []


#: Words of a fact's name that count what was missed or went wrong (`缺会次数`, `漏报次数`).
_MISSED_IN_NAME = re.compile(
    "[" + kw.TURNING_CHARS + "少没]|" + "|".join(map(re.escape, kw.TURNING_WORDS))
)


def _missed_counted_as_done(clause: ast.Clause) -> list[Diagnostic]:
    """`【巡查次数】每未巡查1次扣1分`: 每未巡查 counts missed patrols, but a fact named for
    the patrols (no 未, 缺, 漏… in its name) is most likely filled in with those done —
    the unit that did all its patrols would lose the most (W331; with no standard the
    sentence cannot say how many were due)."""
    if not isinstance(clause, ast.PerUnitClause) or clause.condition is not None:
        return []
    subject, verb = clause.subject, clause.per.verb
    if not isinstance(subject, ast.Ref) or kw.count_verb_side(verb) != "shortfall":
        return []
    assert verb is not None
    action = verb.removeprefix(kw.COUNT_VERB_NOT)
    if _MISSED_IN_NAME.search(subject.name) or not action or action not in subject.name:
        return []
    args = {"name": subject.name, "verb": verb}
    return [Diagnostic("W331", clause.per.span, args)]


def _done_counted_as_missed(ctx: Context, clause: ast.Clause) -> list[Diagnostic]:
    """E116: `【未采用信息】每被采用1条加0.5分` — the verb counts what was adopted, the
    name (its 未 right before the verb's action) what was not: as written the bonus goes
    to the reports that were turned down.  The same with a verb of what went wrong on a
    name that negates it (`【未通报】每被通报1次扣2分`, `【未迟报次数】每迟报一次`,
    `【未发生事故】每发生1起`): the points go to what did *not* happen.  Written on a fact
    of what the verb counts."""
    if not isinstance(clause, ast.PerUnitClause) or not isinstance(clause.subject, ast.Ref):
        return []
    name, text = clause.subject.name, _written(ctx, clause)
    found = _turned_verb(name, clause.per.verb, text)
    if found is None:
        return []
    verb, at = found
    action = verb.removeprefix("被")
    done = name[:at] + name[at + 1 :]
    written = text.replace(f"【{name}】", f"【{done}】", 1) if f"【{name}】" in text else ""
    args = {
        "text": text or f"【{name}】每{verb}",
        "why": f"“{verb}” 数的是{action}了的，【{name}】 数的却是没有{action}的：照写读反",
        "why_en": f"“{verb}” counts what was {action}, while 【{name}】 counts what was not: "
        "as written it reads the other way round",
        "suggest": (
            f"写 {written}（数据： 中声明 【{done}】）"
            if written
            else f"改用 【{done}】（数据： 中声明）"
        )
        + f"；数的确是 【{name}】 的，去掉 “{verb}”",
        "suggest_en": (written or f"use 【{done}】 (declared under 数据:)")
        + f"; if it does count 【{name}】, drop “{verb}”",
    }
    return [Diagnostic("E116", clause.per.span, args)]


#: `【未漏报】有一次漏报扣1分`: a verb between the fact and its effect that the step dropped.
_VERB_AFTER_NAME = re.compile(r"】(?P<words>[^扣得加减，,；;。]{1,12})")


def _turned_verb(name: str, verb: str | None, text: str) -> tuple[str, int] | None:
    """The counting verb of a step whose action the fact's name negates, and where the
    negation stands in the name, or None.  A verb of what was done turns round on the
    negation before its first character (【未获奖项目】每获得1项); any other counting
    verb of two characters or more on a negation right before the whole of it
    (【未迟报次数】每迟报), so that `【无有效证件人数】每有1人` and `【未整改问题】每发现1个`
    read as written."""
    verbs = [verb] if verb else []
    if not verbs:  # `有一次漏报`, `一次迟报`: the step kept no verb; look at the words
        after = _VERB_AFTER_NAME.search(text)
        words = after["words"] if after else ""
        verbs = [v for v in kw.COUNT_VERBS if len(v) > 1 and v in words]
    for each in verbs:
        action = each.removeprefix("被")
        if each in kw.DONE_COUNT_VERBS:
            at = kw.negation_before(name, action)
        elif len(action) > 1 and not each.startswith(kw.COUNT_VERB_NOT):
            at = kw.negation_before(name, action, whole=True)
        else:
            at = None
        if at is not None:
            return each, at
    return None


#: Operators that are each other's exact opposite.
_OPPOSITES = {(">=", "<"), ("<", ">="), (">", "<="), ("<=", ">"), ("==", "!="), ("!=", "==")}


def _counter(ctx: Context, clause: ast.Clause) -> list[Diagnostic]:
    """`达到90%的得5分，低于90%的不得分` reads as one rule with 否则 only when the second
    condition is exactly the first's opposite (same value, the boundary on one side
    only, as 边界 reads them); a gap or an overlap (`低于80%的`) is a case the sentence
    does not settle: E247."""
    counter = getattr(clause, "counter", None)
    if counter is None:
        return []
    first = clause.condition
    other = _average_refused(ctx, counter.right) if isinstance(counter, ast.Compare) else []
    if other:
        return other  # `，低于上年平均值的`: another number
    if isinstance(first, ast.Compare) and isinstance(counter, ast.Compare):
        ops = (operator(first.word, ctx.overrides), operator(counter.word, ctx.overrides))
        if ops in _OPPOSITES and _same_value(first.right, counter.right):
            return []
    if _whole_opposites(ctx, first, counter):
        return []
    args = {"first": _written(ctx, first), "second": _written(ctx, counter)}
    tiers = _counter_tiers(ctx, clause)
    if not tiers["tiers"]:
        tiers = _the_bound_itself(ctx, clause)
    return [Diagnostic("E247", counter.span, {**args, **tiers})]


#: A strict comparison word and the word that also takes its bound.
_WITH_BOUND = {
    "高于": "不低于",
    "超过": "达到",
    "多于": "不少于",
    "大于": "大于等于",
    "低于": "不高于",
    "少于": "不多于",
    "小于": "小于等于",
    "不足": "不超过",
    "未达到": "不超过",
    "不满": "不超过",
}


def _the_bound_itself(ctx: Context, clause: ast.Clause) -> dict[str, str]:
    """`【X】高于平均值的得6分，低于平均值的不得分`: both sides strict, the bound itself
    (a unit exactly at the average) in neither — the hint writes it into each side in
    turn, the writer to choose (the sentence says neither)."""
    first, counter = clause.condition, clause.counter
    none = {"tiers": "", "tiers_en": ""}
    if not isinstance(first, ast.Compare) or not isinstance(counter, ast.Compare):
        return none
    ops = {operator(first.word, ctx.overrides), operator(counter.word, ctx.overrides)}
    if ops != {">", "<"} or not _same_value(first.right, counter.right):
        return none
    text, second = _written(ctx, clause), _written(ctx, counter)
    words = (_WITH_BOUND.get(first.word), _WITH_BOUND.get(counter.word))
    at = counter.span.column - clause.span.column
    if None in words or not text or text[at : at + len(second)] != second:
        return none
    if not second.startswith(counter.word) or any(
        operator(w, ctx.overrides) not in (">=", "<=")
        for w in words  # type: ignore[arg-type]
    ):
        return none
    head = text[:at]
    word_at = head.find(first.word, (first.span.column - clause.span.column) + 1)
    if word_at < 0:
        return none
    lower = head[:word_at] + words[0] + head[word_at + len(first.word) :] + text[at:]
    upper = head + words[1] + text[at + len(counter.word) :]
    value = _written(ctx, counter.right) or "界上"
    return {
        "tiers": f"。恰好等于{value}的单位两个条件都不管：归前一种的写 {lower}；归后一种的写 {upper}",
        "tiers_en": f". A unit exactly at {value} is in neither: with the first, {lower}; "
        f"with the second, {upper}",
    }


def _never_met(ctx: Context, clause: ast.Clause) -> list[Diagnostic]:
    """E271: `【X】高于90%且低于80%的扣2分` (or `高于90%低于80%`) — no value is above 90% and
    below 80%, so the clause never applies: a slip in the bounds or a 或 meant, never a
    clause to score silently as nothing."""
    cond = getattr(clause, "condition", None)
    if not isinstance(cond, ast.And):
        return []
    ranges: dict[str, list] = {}
    for part in cond.operands:
        found = fixed_bound(ctx, part) or equal_bound(ctx, part)
        if found is not None:
            ranges.setdefault(found[0], []).append(found)
    for fact, bounds in ranges.items():
        lows = [(at.value, op != ">") for _, op, at in bounds if op in (">=", ">", "==")]
        highs = [(at.value, op != "<") for _, op, at in bounds if op in ("<=", "<", "==")]
        if _some_value(lows, highs):
            continue
        text = _written(ctx, cond) or ctx.text(cond.span)
        return [Diagnostic("E271", cond.span, {"text": text, "fact": fact})]
    return []


def _whole_opposites(ctx: Context, first: object, counter: object) -> bool:
    """`【投诉次数】等于0次的得6分，1次及以上的得2分`: on a count (whole, never negative) the
    two conditions take every count exactly once, though their words are no pair of
    opposites."""
    spans = [_counts_of(ctx, cond) for cond in (first, counter)]
    if None in spans or spans[0][0] != spans[1][0]:  # type: ignore[index]
        return False
    (low, high), (low2, high2) = sorted(s[1] for s in spans)  # type: ignore[index]
    return low == 0 and high is not None and low2 == high + 1 and high2 is None


def _counts_of(ctx: Context, cond: object) -> tuple[str, tuple[int, int | None]] | None:
    """(fact, (first count, last count or None)) a condition on a count fact takes."""
    found = fixed_bound(ctx, cond) or equal_bound(ctx, cond)
    if found is None:
        return None
    fact, op, at = found
    kind = ctx.symbols.kind_of(ast.Ref(fact, at.span))
    if kind is None or kind.type != "count":
        return None
    value = at.value
    if op == "==":
        return (fact, (int(value), int(value))) if value == int(value) and value >= 0 else None
    if op in (">=", ">"):
        return fact, (max(first_count(value, op == ">="), 0), None)
    end = last_count(value, op == "<=")
    return (fact, (0, end)) if end >= 0 else None


def first_count(value: Decimal, included: bool) -> int:
    """The first whole count a lower bound lets in (`超过1.5次` → 2, `达到2次` → 2)."""
    return math.ceil(value) if included else math.floor(value) + 1


def last_count(value: Decimal, included: bool) -> int:
    """The last whole count an upper bound lets in (`低于2次` → 1, `不超过2.5次` → 2)."""
    return math.floor(value) if included else math.ceil(value) - 1


def _counter_tiers(ctx: Context, clause: ast.Clause) -> dict[str, str]:
    """`【X】达到90%的得6分，达到80%的得4分`: a wider bound on the same side after the first
    reads as the next tier down — the hint writes it as two tiers that do not overlap
    (the second bounded by the first's opposite), which scores the deepest one reached."""
    first, counter = clause.condition, clause.counter
    none = {"tiers": "", "tiers_en": ""}
    bound, bound2 = fixed_bound(ctx, first), fixed_bound(ctx, counter)
    if bound is None or bound2 is None:
        return none
    fact, op, at = bound
    _, op2, at2 = bound2
    above = op in (">=", ">")
    if above != (op2 in (">=", ">")) or at.value == at2.value:
        return none
    if (at2.value < at.value) != above:
        return none  # the second is inside the first: not the next tier down
    text, second = _written(ctx, clause), _written(ctx, counter)
    if not text or not second or not text.endswith(second):
        return none
    head = text[: -len(second)].rstrip(" \t,，")
    cond_end = at2.span.end_column - counter.span.column
    tiers = f"{head}；{_bounded(second, cond_end, fact, op, at)}"
    return {
        "tiers": f"；分档的（只算达到的最深一档）写 {tiers}",
        "tiers_en": f"; tiers (the deepest reached): {tiers}",
    }


def _same_value(a: object, b: object) -> bool:
    if isinstance(a, ast.Num) and isinstance(b, ast.Num):
        return a.value == b.value and canonical_unit(a.unit) == canonical_unit(b.unit)
    if isinstance(a, ast.Average) and isinstance(b, ast.Average):
        return a.offset is None and b.offset is None
    if isinstance(a, ast.Ref) and isinstance(b, ast.Ref):
        return a.name == b.name
    return False


def _average_noun(ctx: Context, subject: object, average: object) -> list[Diagnostic]:
    """`低于全市平均增速的`: the words after 平均 must end the subject fact's name
    (E256) — the average is always the subject's own, never another fact's."""
    if not isinstance(average, ast.Average) or not average.noun:
        return []
    if isinstance(subject, ast.Ref) and kw.tail_of(subject.name, average.noun):
        return []
    name = subject.name if isinstance(subject, ast.Ref) else "…"
    written = _written(ctx, average) or "平均" + average.noun
    return [Diagnostic("E256", average.span, {"written": written, "name": name})]


#: The scopes a 考评对象 may state, smallest first, with the words of an average that
#: name each: a batch of one county's townships (`全县各乡镇`) has no `全市平均` of its own.
_SCOPES = (
    (re.compile(r"(?:全|本)[县区]|[县区]直"), ("全县", "全区")),
    (re.compile(r"(?:全|本)市|市直"), ("全市",)),
    (re.compile(r"(?:全|本)省|省直"), ("全省",)),
    (re.compile(r"全国"), ("全国",)),
)


#: A title that names a county or a city's district first (`某某县2024年度…细则`,
#: `某某市某某区…`): a 考评对象 without a scope of its own (`各乡镇`) is that county's.
_COUNTY_TITLE = re.compile(
    r"^\s*(?:[\u4e00-\u9fff]{2,6}[省市])?[\u4e00-\u9fff]{1,6}?"
    r"(?:县|(?<![社园景小片城辖校])区)(?![直委])"
)


def _wider_scopes(ctx: Context) -> list[str]:
    """The scope words (`全市`, `全省`…) wider than the batch the 考评对象 names: none when
    it names no scope (`各乡镇` alone may be a city's townships) and the title names no
    county (`某某县…细则` scoring `各乡镇`: the county's townships); against the widest
    scope the 考评对象 names (`市直部门、省直部门` is a province's batch)."""
    target = ctx.tree.header.target
    if not target:
        return []
    said = [k for k, (pattern, _) in enumerate(_SCOPES) if pattern.search(target)]
    if not said and _COUNTY_TITLE.match(ctx.tree.header.title or ""):
        said = [0]
    if not said:
        return []
    return [w for _, words in _SCOPES[max(said) + 1 :] for w in words]


def _average_scope(ctx: Context, average: object) -> list[Diagnostic]:
    """E258: `全市平均水平` in a policy whose 考评对象 says its units are one county's
    (`全县各乡镇`): the batch mean is those townships' own, not the city's figure the
    document names — scored as the batch mean it would be a different number."""
    if not isinstance(average, ast.Average) or average.best:
        return []
    scope = next((w for w in _wider_scopes(ctx) if w in average.words), None)
    if scope is None:
        return []
    written = _written(ctx, average) or f"{average.words}平均"
    target = ctx.tree.header.target
    return [
        Diagnostic("E258", average.span, {"written": written, "scope": scope, "target": target})
    ]


#: A place counted over a scope (`全省排名后三位`, `在全市排名第1名`, `全省最低的`,
#: `按【X】全省排名`), outside any 【name】.
_PLACE_SCOPE = re.compile(
    "(?P<scope>"
    + "|".join(kw.PLACE_SCOPES)
    + r")[ \t]*(?:范围内)?[ \t]*(?=排名|排序|排位|名次|位次|倒数|最|前|后|第|末|首|居)"
)


def _place_scope(ctx: Context, clause: ast.Clause) -> list[Diagnostic]:
    """E263: a place counted over a scope wider than the batch (`全省排名后三位` when the
    units are one city's counties): the batch ranks only its own units, and the place
    in the province is another number, published by the province."""
    wider = _wider_scopes(ctx)
    if not wider or clause.span.end_line != clause.span.line:
        return []
    line = ctx.source.line_text(clause.span.line)
    start, end = clause.span.column - 1, clause.span.end_column - 1
    text = re.sub(r"【[^】]*】", lambda m: "\0" * len(m.group()), line[start:end])
    for found in _PLACE_SCOPE.finditer(text):
        if found["scope"] in wider:
            # the scope and the two characters of the place word after it (`全省排名`)
            at = dataclasses.replace(
                clause.span,
                column=start + found.start() + 1,
                end_column=start + found.end() + 3,
            )
            args = {"scope": found["scope"], "target": ctx.tree.header.target or ""}
            return [Diagnostic("E263", at, args)]
    return []


def _average_words(ctx: Context, average: object) -> list[Diagnostic]:
    """E262: words before 平均 that say more than which units (`上年全市平均水平`,
    `近三年平均值`, `先进单位平均水平`, `去掉最高值和最低值后的平均值`): each names a number
    other than the batch mean, so reading it as the mean would score a different rule."""
    if not isinstance(average, ast.Average) or average.best:
        return []
    if not kw.average_words_unread(average.words):
        return []
    written = _written(ctx, average) or f"{average.words}平均"
    return [Diagnostic("E262", average.span, {"written": written, "words": average.words})]


def _averages(expr: ast.Expr | None) -> Iterator[ast.Average]:
    """The averages an amount reads (`得(【X】÷平均值×10)分`, a share of the average)."""
    return (e for e in expr_nodes(expr) if isinstance(e, ast.Average))


def _average_refused(ctx: Context, average: object) -> list[Diagnostic]:
    """An average that names another number than the batch mean: a wider scope (E258)
    or other words before 平均 (E262) — one refusal, the scope's first."""
    return _average_scope(ctx, average) or _average_words(ctx, average)


def _written(ctx: Context, cond: object) -> str:
    """The text of a condition (or a clause) on one line, as written."""
    span = getattr(cond, "span", None)
    if span is None or span.end_line != span.line:
        return ""
    return ctx.source.line_text(span.line)[span.column - 1 : span.end_column - 1]


def _days_late(clause: ast.PerUnitClause) -> dict[str, str]:
    """E112's hint for `【天数】每逾期1天扣0.5分`: if the fact is the days late themselves,
    a name that says so reads (`【逾期天数】`); a time taken needs its limit."""
    verb, subject = clause.per.verb or "", clause.subject
    if clause.per.verb_kind != "late" or len(verb) < 2 or not isinstance(subject, ast.Ref):
        return {"late": "", "late_en": ""}
    step = clause.per.step
    unit = step.unit or "天"
    amount = _written_effect(clause)
    named = f"【{verb}{subject.name}】每{verb}{step.text or f'{step.value}{unit}'}{amount}"
    limited = f"【{subject.name}】超过5{unit}的，每超1{unit}{amount}（5{unit}换成原文的时限）"
    return {
        "late": f"；数据项填的就是{verb}的天数的，名称写出来：{named}；填的是用了多少天的，写明时限：{limited}",
        "late_en": f"; if the fact holds the days {verb} themselves, name it so: {named}; if it "
        f"holds the days taken, state the limit: {limited}",
    }


def _written_effect(clause: ast.PerUnitClause) -> str:
    effect = clause.effect
    amount = getattr(effect, "amount", None)
    if isinstance(amount, ast.Num) and isinstance(effect, ast.Deduct):
        return f"扣{amount.text or amount.value}分"
    return "扣N分"


def _clause(ctx: Context, node: ast.Node, in_bonus: bool, clause: ast.Clause) -> list[Diagnostic]:
    diags: list[Diagnostic] = []
    if isinstance(clause, ast.AmbiguousClause):
        return [Diagnostic("E111", clause.span)]
    if isinstance(clause, ast.PerUnitClause) and clause.per.verb_kind != "count":
        args = {"verb": clause.per.verb or "", **_days_late(clause)}
        diags.append(Diagnostic("E112", clause.per.span, args))
    per = getattr(clause, "per", None)
    if per is not None and per.step.value == 0:
        amount = per.step.text or f"{per.step.value}{per.step.unit or ''}"
        step = f"{per.verb or ''}{amount}"
        diags.append(Diagnostic("E219", per.span, {"step": step}))
    condition = (
        clause.condition
        if isinstance(clause, ast.PerUnitClause | ast.ConditionClause | ast.ThresholdClause)
        else None
    )
    diags += _place_scope(ctx, clause)
    for cmp in compares(condition):
        diags += _average_noun(ctx, cmp.left, cmp.right)
        diags += _average_refused(ctx, cmp.right)
    if isinstance(clause, ast.ThresholdClause):
        diags += _average_noun(ctx, clause.subject, clause.target)
        diags += _average_refused(ctx, clause.target)
    for effect in getattr(clause, "effects", ()) + getattr(clause, "otherwise", ()):
        for average in _averages(effect_amount(effect)):  # `占全市平均完成率的比例`
            diags += _average_refused(ctx, average)
    for cmp in compares(condition):
        if isinstance(cmp.right, ast.Average) and cmp.right.offset is not None:
            diags += _offset(ctx, cmp)
        elif is_ambiguous(cmp.word):
            diags.append(Diagnostic("W305", cmp.span, ambiguity(cmp.word)))
        elif operator(cmp.word, ctx.overrides) is None:
            diags.append(Diagnostic("E216", cmp.span, {"word": cmp.word}))
    if isinstance(clause, ast.ThresholdClause) and is_ambiguous(clause.word):
        diags.append(Diagnostic("W305", clause.span, ambiguity(clause.word)))
    elif isinstance(clause, ast.ThresholdClause) and _sides_disagree(clause.word):
        pre, _, post = clause.word.partition("…")
        diags.append(
            Diagnostic("E264", clause.span, {"word": clause.word, "pre": pre, "post": post})
        )
    elif isinstance(clause, ast.ThresholdClause):
        diags += _direction_conflict(clause)
    elif isinstance(clause, ast.PerUnitClause):
        diags += _two_readings(ctx, clause)

    if isinstance(clause, ast.DiscretionaryClause):
        word = {"deduct": "酌情扣分", "earn": "酌情给分", "bonus": "酌情加分"}[clause.kind]
        if clause.kind == "bonus" and not in_bonus:
            diags.append(_bonus_outside(node, clause.span))
        elif clause.kind != "bonus" and in_bonus:
            diags.append(Diagnostic("E218", clause.span, {"effect": word}))
        elif clause.kind == "earn" and points(node) is None:
            diags.append(Diagnostic("E208", clause.span, {"effect": word}))
        elif clause.kind == "deduct" and clause.high is None and budget(node) is None:
            diags.append(Diagnostic("E208", clause.span, {"effect": word}))
    for effect in effects_of(clause):
        text = ctx.text(effect.span)
        if isinstance(effect, ast.Bonus):
            if not in_bonus:
                diags.append(_bonus_outside(node, effect.span))
        elif isinstance(effect, ast.Deduct | ast.Earn | ast.NoScore) and in_bonus:
            diags.append(Diagnostic("E218", effect.span, {"effect": text}))
        elif isinstance(effect, ast.NoScore) and not effect.section and budget(node) is None:
            diags.append(Diagnostic("E208", effect.span, {"effect": text}))
        elif isinstance(effect, ast.Earn) and points(node) is None:
            diags.append(Diagnostic("E208", effect.span, {"effect": text}))
    return diags


def _zero_under_cap(node: ast.Node, top: ast.Node, clause: ast.Clause) -> list[Diagnostic]:
    """`本项不得分` in an item of 10 points with `最多扣6分`: the cap keeps 4 points, while
    the sentence says the item scores nothing (E119) — which of the two the document
    means is for the writer to say, never chosen here."""
    diags = []
    for effect in effects_of(clause):
        if not isinstance(effect, ast.NoScore):
            continue
        target = top if effect.section else node
        full, most = points(target), cap(target)
        if full is not None and most is not None and most < full:
            args = {
                "points": f"{full.normalize():f}",
                "cap": f"{most.normalize():f}",
                "rest": f"{(full - most).normalize():f}",
            }
            diags.append(Diagnostic("E119", effect.span, args))
    return diags


def _section(ctx: Context, node: ast.Node, top: ast.Node, clause: ast.Clause) -> list[Diagnostic]:
    """`本大项不得分` takes the whole top-level item's points, wherever it is written: it
    needs an item with points (E208) and a clause that does nothing else with points
    (E245) — its other points would otherwise be counted at a level nobody wrote."""
    effects = effects_of(clause)
    sections = [e for e in effects if isinstance(e, ast.NoScore) and e.section]
    if not sections:
        return []
    span = sections[0].span
    others = [
        e
        for e in effects
        if isinstance(e, ast.Deduct | ast.Earn | ast.Bonus)
        or (isinstance(e, ast.NoScore) and not e.section)
    ]
    if not isinstance(clause, ast.ConditionClause) or others:
        return [Diagnostic("E245", span, {"effect": ctx.text(span)})]
    if budget(top) is None and not is_bonus(top):
        return [Diagnostic("E208", span, {"effect": ctx.text(span)})]
    return []


def _bonus_outside(node: ast.Node, span) -> Diagnostic:
    """`加5分` inside a points item adds to the total with no cap (W322, as the document
    says); outside any item with points there is nothing to attach it to (E209)."""
    if points(node) is not None:
        return Diagnostic("W322", span)
    return Diagnostic("E209", span)


_WANT = {"shortfall": ("少", "低于"), "excess": ("超过", "多")}


def _sides_disagree(word: str | None) -> bool:
    """E264: a standard whose word after the number points the other way (`应达到95%以下`,
    `低于85%以上的，每低…`): which side is broken is not said, and reading the first word
    alone would deduct from the units the second word keeps.  The same side twice
    (`应达到95%以上`, `不超过5%以内`) reads, and so does a negation that takes in both words
    (`未达到90%以上`, `不得超过3天以上`, `不得低于90%以下`: the side the first word says)."""
    if not word or "…" not in word:
        return False
    pre, _, post = word.partition("…")
    after = kw.COMPARE_AFTER.get(post)
    if after is None or after.date:
        return False  # an unknown pair is E216's
    before = kw.comparison_direction(pre)
    if before is None or before == after.direction:
        return False
    for k in range(1, len(pre)):
        negated, base = pre[:k], pre[k:]
        if any(n in negated for n in "不未没") and kw.comparison_direction(base) == after.direction:
            return False
    return True


def _direction_conflict(clause: ast.ThresholdClause) -> list[Diagnostic]:
    """E220: a comparison and a step that point opposite ways, e.g. `不得超过3次，每低于1次
    扣` (as written it would deduct from the units that keep within the limit).

    A standard (`应达到`, `不得超过`, `不少于`…) is broken on one side: a deduction counts
    that side, a bonus or earned points the other.  A condition (`低于80%的`, `超过3次的`)
    names the side that is counted.  `达到`/`满` read either way and are not judged here."""
    direction = kw.comparison_direction(clause.word) if clause.word else None
    if direction not in ("ge", "le") or clause.direction not in _WANT:
        return []
    reading = kw.comparison_reading(clause.word)
    if reading == "either" or clause.word in _BOUND_AFTER:
        return []
    deduct = isinstance(clause.effect, ast.Deduct)
    if reading in ("modal", "standard"):
        broken = "shortfall" if direction == "ge" else "excess"
        want = broken if deduct else _other(broken)
        key = "standard_deduct" if deduct else "standard_bonus"
    else:
        want = "excess" if direction == "ge" else "shortfall"
        key = "condition"
    verb = clause.per.verb or ""
    if clause.per.verb_kind == "count":
        side = kw.count_verb_side(clause.per.verb)
        if side is not None and side != want:
            return [_conflict(clause, verb, want, key)]
        return []
    if clause.direction != want:
        return [_conflict(clause, verb, want, key)]
    return []


def _two_readings(ctx: Context, clause: ast.PerUnitClause) -> list[Diagnostic]:
    """E221 / E222: a comparison, then a deduction per occurrence, that a careful reader
    could take two ways.  `【巡查次数】达到4次，每缺1次扣1分` (standard or condition?) and
    `【巡查次数】少于4次的，每缺1次扣1分` (per inspection missing from 4, or per miss
    counted in the fact?) are refused with both rewritings rather than guessed; so is a
    comparison before a step of things done (`应达到5项，每完成1项得1分`, E253)."""
    head = clause.condition
    if isinstance(head, ast.Compare) and clause.per.verb in kw.DOING_COUNT_VERBS:
        # `应达到5项，每完成1项得1分`: 1 a completion toward the 5, or 1 each only once 5
        # are done? (`低于5项的，每完成1项扣1分`: the same, on the other side)
        span = Span(
            head.span.line, head.span.column, clause.per.span.end_line, clause.per.span.end_column
        )
        args = {"text": f"{head.word}…，每{clause.per.verb}", **details("why.doing_step", "why")}
        args.update(details("hint.doing_step", "hint"))
        return [Diagnostic("E253", span, args)]
    if not isinstance(head, ast.Compare) or not isinstance(clause.effect, ast.Deduct):
        return []
    if clause.per.verb_kind != "count":
        return []
    direction = kw.comparison_direction(head.word)
    if direction not in ("ge", "le"):
        return []
    span = Span(
        head.span.line, head.span.column, clause.per.span.end_line, clause.per.span.end_column
    )
    step = "缺1次" if direction == "ge" else "超1次"
    args = {"word": head.word, "verb": clause.per.verb or "", "step": step}
    reading = kw.comparison_reading(head.word)
    if reading in ("standard", "either") and not has_de(ctx.text, head, clause.per):
        return [Diagnostic("E221", span, args)]
    if direction == "le" and kw.count_verb_side(clause.per.verb) == "shortfall":
        return [Diagnostic("E222", span, args)]
    return []


def _other(direction: str) -> str:
    return "excess" if direction == "shortfall" else "shortfall"


#: `80%以上，每低于1个百分点扣` states the standard (达到80%以上) as often as a condition:
#: after these words the step verb alone says which side is counted.
_BOUND_AFTER = ("以上", "及以上", "以下", "及以下")

_CONSEQUENCE = {
    "standard_deduct": (
        "照此计分，会给达到要求的单位扣分",
        "as written, units that meet it would lose points",
    ),
    "standard_bonus": (
        "照此计分，会给未达到要求的单位加分",
        "as written, units that miss it would gain points",
    ),
    "condition": (
        "条件所说的一侧与计数的一侧不同",
        "the condition and the step count different sides",
    ),
}
_PART = {
    "shortfall": ("低于标准的部分", "the part below the standard"),
    "excess": ("超出标准的部分", "the part above the standard"),
}


def _conflict(clause: ast.ThresholdClause, verb: str, want: str, key: str) -> Diagnostic:
    a, b = _WANT[want]
    zh, en = _CONSEQUENCE[key]
    part, part_en = _PART[want]
    args = {"word": clause.word, "verb": verb, "want": a, "want2": b}
    args |= {"consequence": zh, "consequence_en": en, "part": part, "part_en": part_en}
    return Diagnostic("E220", clause.per.span, args)


def _idle_take_max(ctx: Context, node: ast.Node) -> list[Diagnostic]:
    """E223: `就高不就低` where it changes nothing.  It keeps the highest of a node's
    earning clauses (or, in a node that earns nothing, of its bonus clauses); with fewer
    than two of them — a node that only deducts, one earning clause — the writer meant
    something the score would silently ignore."""
    mod = modifier(node, "take_max")
    if mod is None:
        return []
    earn = bonus = 0
    for clause in node.clauses:
        if isinstance(clause, ast.DiscretionaryClause):
            earn += clause.kind == "earn"
            bonus += clause.kind == "bonus"
        for effect in effects_of(clause):
            earn += isinstance(effect, ast.Earn)
            bonus += isinstance(effect, ast.Bonus)
    if earn >= 2 or (earn == 0 and bonus >= 2):
        return []
    return [Diagnostic("E223", mod.span, {"word": ctx.text(mod.span).strip(" ，,")})]


def _double_count(node: ast.Node) -> list[Diagnostic]:
    """W306: `得3分，否则每缺1项扣1分`, or an earning and a deducting clause on the
    same facts in one node: a miss loses the earned points and is deducted again."""
    for clause in node.clauses:
        if (
            isinstance(clause, ast.ConditionClause)
            and any(isinstance(e, ast.Earn) for e in clause.effects)
            and any(isinstance(e, ast.Deduct) for e in clause.otherwise)
        ):
            refs = clause_refs(clause)
            return [Diagnostic("W306", clause.span, {"fact": refs[0].name if refs else ""})]
    earned: set[str] = set()
    for clause in node.clauses:
        if earns(clause):
            earned |= {r.name for r in clause_refs(clause)}
    for clause in node.clauses:
        shared = [r.name for r in clause_refs(clause) if r.name in earned]
        if deducts(clause) and not earns(clause) and shared:
            return [Diagnostic("W306", clause.span, {"fact": shared[0]})]
    return []
