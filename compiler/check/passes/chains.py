"""Tiers joined by commas (`【X】达到90%的得6分，达到80%且低于90%的得4分，低于80%的得2分`):
the builder makes one clause per tier, each marked with the sentence's span; here the
tiers are held to say every case exactly once (E269).

A sentence of tiers is read as a table: a careful reader takes each unit to fall in
exactly one of them.  A value no tier speaks of (a gap) or one two tiers both take (an
overlap) is a case the sentence does not settle, so it is refused with the case named
— never scored as 0 or as the sum of two tiers.  Overlaps of two fixed amounts of one
kind are E267's (its hint writes the tiers out); the rest are reported here.  The
same tiers joined by `；` are separate clauses: a unit outside all of them gets
nothing from them, which that punctuation says."""

from __future__ import annotations

import re
from decimal import Decimal

from ...diagnostics.diagnostic import Diagnostic
from ...source.text import Span
from ...syntax import ast
from ..budget import modifier
from ..context import Context
from ..resolve import walk
from .clauses import compares, equal_bound, first_count, fixed_bound, last_count, tier_kind

#: One end of a tier: (value, the value itself in the tier, its text); None: open.
End = tuple[Decimal, bool, str] | None


def check_chains(ctx: Context) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    for _, node in walk(ctx.tree.nodes):
        found += _no_points_beside_earnings(ctx, node)
        chains: dict[Span, list[ast.ConditionClause]] = {}
        for clause in node.clauses:
            chain = getattr(clause, "chain", None)
            if chain is not None:
                chains.setdefault(chain, []).append(clause)
        for chain, tiers in chains.items():
            beside = [
                c
                for c in node.clauses
                if isinstance(c, ast.ConditionClause)
                and c.chain is None
                and c.span.line == chain.line
                and c.span.end_line == chain.line
            ]
            problem = _problem(ctx, node, tiers, beside)
            if problem is not None:
                found.append(Diagnostic("E269", chain, {"text": ctx.text(chain), **problem}))
    return found


def _problem(ctx: Context, node: ast.Node, tiers: list, beside: list = ()) -> dict | None:
    """The case the tiers leave unsettled (as the message's arguments), or None.  A last
    tier `其余` (its condition: none of the others) takes every gap; so do clauses of the
    same line on the same fact joined by ； (`达到90%的得6分；达到80%且低于90%的得4分，低于80%
    的得2分`), whose overlaps with the tiers are as written (E267's to judge)."""
    written = tiers

    def gap(reach: End, low: End) -> dict | None:
        if _stacked(node, written[:own], spans[:own], count):
            # `低于90%的扣1分，低于80%的扣2分，…`: E267 asks whether the tiers add up or
            # only the deepest counts; its hint writes ranges, after which any gap left
            # is reported here — the ；-form now would only meet E267 again
            return None
        return _apart(ctx, written, _args("gap", fact, _gap(reach, low, count)))

    rest = isinstance(tiers[-1].condition, ast.Not) and len(tiers) > 1
    if rest:
        tiers = tiers[:-1]
    ranges = [_range(ctx, tier.condition) for tier in tiers]
    fact = next((r[0] for r in ranges if r is not None), "")
    if any(r is None or r[0] != fact for r in ranges):
        return _args("fixed", fact, "")
    own = len(tiers)
    for clause in beside:
        found = _range(ctx, clause.condition)
        if found is not None and found[0] == fact:
            tiers, ranges = [*tiers, clause], [*ranges, found]
    kind = ctx.symbols.kind_of(ast.Ref(fact, tiers[0].span))
    count = kind is not None and kind.type == "count"
    spans = [(low, high) for _, low, high in ranges]  # type: ignore[misc]
    ordered = sorted(range(len(spans)), key=lambda i: _low_key(spans[i][0]))
    reach: End = None
    owner = -1  # the tier that reaches furthest so far
    for i in ordered:
        low, high = spans[i]
        if owner < 0:
            if low is not None and not _covers_below(low, count) and not rest:
                problem = gap(None, low)
                if problem is not None:
                    return problem
            owner, reach = i, high
            continue
        if _reaches(reach, low, count):
            # the tiers before already reach into this one
            end = high if reach is None or (high is not None and _later(reach, high)) else reach
            if owner < own and i < own:  # two tiers of the sentence itself
                pair = (tiers[owner], tiers[i])
                same = spans[owner] == spans[i]
                problem = _overlap(node, pair, fact, low, end, same)
                if problem is not None:
                    return problem
            if reach is not None and (high is None or _later(high, reach)):
                owner, reach = i, high
            continue
        if _gap_between(reach, low, count) and not rest:
            problem = gap(reach, low)
            if problem is not None:
                return problem
        if high is None or _later(high, reach):
            owner, reach = i, high
    if reach is not None and not rest:
        return gap(reach, None)
    return None


def _stacked(node: ast.Node, tiers: list, spans: list, count: bool) -> bool:
    """Whether two of the sentence's tiers of one kind take some units both over different
    ranges (E267's pair: not refused here, and not under 就高不就低)."""
    if modifier(node, "take_max") is not None:
        return False
    order = sorted(range(len(spans)), key=lambda i: _low_key(spans[i][0]))
    for at, i in enumerate(order):
        for j in order[at + 1 :]:
            if spans[i] == spans[j]:
                continue
            kinds = {tier_kind(tiers[i]), tier_kind(tiers[j])}
            if len(kinds) != 1 or None in kinds:
                continue
            if _reaches(spans[i][1], spans[j][0], count):
                return True
    return False


def _apart(ctx: Context, tiers: list, problem: dict) -> dict:
    """A gap among tiers that all deduct: the units no tier takes most likely lose nothing,
    which the tiers joined by ； say — the hint writes that sentence out."""
    if any(tier_kind(tier) != "Deduct" for tier in tiers):
        return problem
    written = "；".join(ctx.text(tier.span).strip() for tier in tiers)
    return {
        **problem,
        "hint": problem["hint"] + f"：{written}",
        "hint_en": problem["hint_en"] + f": {written}",
    }


def _overlap(
    node: ast.Node, pair: tuple, fact: str, low: End, high: End, same: bool = False
) -> dict | None:
    """Two tiers that take the same units: E267's when both give fixed amounts of one
    kind over different ranges (it writes the tiers out), no refusal under 就高不就低 (the
    larger is taken).  The same case twice in one table (`等于0次的得6分，等于0次的得4分`)
    is no pair of tiers for E267, but a table says each case once: refused here."""
    if modifier(node, "take_max") is not None:
        return None
    kinds = {tier_kind(tier) for tier in pair}
    if len(kinds) == 1 and None not in kinds and not same:
        return None
    return _args("overlap", fact, _words(low, high))


def _range(ctx: Context, cond: object) -> tuple[str, End, End] | None:
    """(fact, low end, high end) of a tier that compares one fact with fixed numbers."""
    fact, low, high = None, None, None
    for part in cond.operands if isinstance(cond, ast.And) else (cond,):
        found = fixed_bound(ctx, part) or equal_bound(ctx, part)
        if found is None or fact not in (None, found[0]):
            return None
        fact, op, at = found
        # `0次的` read as `=0次` (equivalents `_exact_counts`) keeps its own text
        end = (at.value, op in (">=", "<=", "=="), at.text.strip().removesuffix("的").strip())
        if op in (">=", ">", "=="):  # `等于1次的`: the one value, both ends
            low = end if low is None or _low_key(end) > _low_key(low) else low
        if op in ("<=", "<", "=="):
            high = end if high is None or _later(high, end) else high
    return (fact, low, high) if fact is not None else None


def _low_key(end: End) -> tuple:
    if end is None:
        return (0, Decimal(0), 0)
    return (1, end[0], 0 if end[1] else 1)


def _later(a: End, b: End) -> bool:
    """Whether high end `a` reaches past high end `b` (both closed or open)."""
    assert a is not None and b is not None
    return a[0] > b[0] or (a[0] == b[0] and a[1] and not b[1])


def _flip(end: End) -> End:
    """The same value seen from the other side (a tier's bound as the gap's)."""
    return None if end is None else (end[0], not end[1], end[2])


def _reaches(reach: End, low: End, count: bool) -> bool:
    """Whether a tier reaching to `reach` (None: open above) takes values of one starting
    at `low` (None: open below)."""
    return reach is None or low is None or _before(low, reach, count)


def _before(low: End, reach: End, count: bool) -> bool:
    """Whether a tier starting at `low` takes values the tiers before reach to."""
    assert low is not None and reach is not None
    if count:
        return _first_count(low) <= _last_count(reach)
    return low[0] < reach[0] or (low[0] == reach[0] and low[1] and reach[1])


def _gap_between(reach: End, low: End, count: bool) -> bool:
    assert low is not None and reach is not None
    if count:
        return _first_count(low) > _last_count(reach) + 1
    return low[0] > reach[0] or (low[0] == reach[0] and not low[1] and not reach[1])


def _covers_below(low: End, count: bool) -> bool:
    """A lowest tier starting at `low` leaves nothing below it (counts start at 0)."""
    return count and low is not None and _first_count(low) <= 0


def _first_count(low: End) -> int:
    assert low is not None
    return first_count(low[0], low[1])


def _last_count(high: End) -> int:
    assert high is not None
    return last_count(high[0], high[1])


def _gap(reach: End, low: End, count: bool) -> str:
    """The values between the highest end reached (`reach`) and the next tier's lowest
    (`low`), in words: whole counts for a count (`4次`, `达到4次且不超过5次`)."""
    if not count:
        return _words(_flip(reach), _flip(low))
    unit = next(re.sub(r"[\d.\s]", "", e[2]) for e in (reach, low) if e is not None)
    first = 0 if reach is None else _last_count(reach) + 1
    last = None if low is None else _first_count(low) - 1
    if last is None:
        return f"达到{first}{unit}"
    if first == last:
        return f"等于{first}{unit}"
    return f"达到{first}{unit}且不超过{last}{unit}"


def _words(low: End, high: End) -> str:
    """The case between two ends in the language's words (`达到80%且低于90%`)."""
    if low is not None and high is not None and low[0] == high[0]:
        return f"等于{low[2]}"
    parts = []
    if low is not None:
        parts.append(f"{'达到' if low[1] else '超过'}{low[2]}")
    if high is not None:
        parts.append(f"{'不超过' if high[1] else '低于'}{high[2]}")
    return "且".join(parts)


def _args(problem: str, fact: str, case: str) -> dict:
    texts = _PROBLEM[problem]
    return {key: text.format(fact=fact, case=case) for key, text in texts.items()}


#: What the message and its hint say of each problem.
_PROBLEM = {
    "gap": {
        "why": "没有说到【{fact}】{case}的单位",
        "why_en": "no tier speaks of units whose 【{fact}】 is {case}",
        "hint": "补上这一档（{case}的……）；或各档用 “；” 分开，写成各自的条款（不在任何一档的单位"
        "不因这一句得分或扣分）",
        "hint_en": "add that tier ({case}的……); or separate the tiers with ；, each its own "
        "clause (a unit in none of them gets nothing from them)",
    },
    "overlap": {
        "why": "【{fact}】{case}的单位落在两档",
        "why_en": "units whose 【{fact}】 is {case} fall in two tiers",
        "hint": "把各档写成不重叠的范围（如 达到80%且低于90%），界上的值只归一档",
        "hint_en": "write the tiers as ranges that do not overlap (e.g. 达到80%且低于90%), "
        "each bound in one tier",
    },
    "fixed": {
        "why": "各档不全是同一项数据与固定数字的比较，说不清每个单位落在哪一档",
        "why_en": "the tiers do not all compare one fact with fixed numbers",
        "hint": "各档用 “；” 分开，写成各自的条款",
        "hint_en": "separate the tiers with ；, each its own clause",
    },
}


def _no_points_beside_earnings(ctx: Context, node: ast.Node) -> list[Diagnostic]:
    """E270: `【X】达到90%的得6分；达到80%且低于90%的得4分；低于80%的不得分` in an item that
    scores something else too.  `不得分` as a clause of its own takes the whole item
    (5.1), the other criteria's points with it; after tiers that earn, the line more
    often means none of *their* points (as the same tiers joined by commas read).  The
    two readings differ only when the item has another clause: then refused, both
    written out."""
    lines: dict[int, list] = {}
    for clause in node.clauses:
        if isinstance(clause, ast.ConditionClause) and clause.chain is None:
            lines.setdefault(clause.span.line, []).append(clause)
    for clauses in lines.values():
        earning = {
            fact
            for clause in clauses
            if any(isinstance(e, ast.Earn) for e in clause.effects)
            for fact in _facts(clause.condition)
        }
        if not earning or len(node.clauses) == len(clauses):
            continue
        for clause in clauses:
            if not _takes_the_item(ctx, clause) or not (_facts(clause.condition) & earning):
                continue
            text = ctx.text(clause.span)
            effect = clause.effects[0].span
            start = effect.column - clause.span.column
            end = effect.end_column - clause.span.column
            args = {
                "text": text,
                "none": f"{text[:start]}得0分{text[end:]}",
                "item": f"{text[:start]}本项不得分{text[end:]}",
            }
            return [Diagnostic("E270", clause.span, args)]
    return []


def _takes_the_item(ctx: Context, clause: ast.ConditionClause) -> bool:
    """A clause whose one effect is a bare `不得分` on one line (not `本项不得分`)."""
    if clause.otherwise or len(clause.effects) != 1 or clause.span.end_line != clause.span.line:
        return False
    effect = clause.effects[0]
    if not isinstance(effect, ast.NoScore) or effect.section:
        return False
    return ctx.text(effect.span).strip() == "不得分"


def _facts(cond: object) -> set[str]:
    """The facts a condition compares."""
    return {c.left.name for c in compares(cond) if isinstance(c.left, ast.Ref)}
