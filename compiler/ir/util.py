"""Static questions about the IR that the interpreter, codegen and the test runner share.

Only reading the IR happens here, never scoring: which averages a clause reads, whether
an expression divides, which effects of a `Fixed` clause count, and the source-order key
that attribution follows.  Keeping these in one place is what makes the interpreter and
the generated module agree on the shape of an explanation; each computes the numbers
on its own.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from . import nodes as ir

UNIT_KEY = "单位"
AVERAGE_INPUT = "平均值【{}】"


def default_value(fact: ir.Fact) -> object | None:
    """A fact's default as the converters produce values: counts as int, other
    numbers as Decimal."""
    value = fact.default
    if value is None or isinstance(value, bool):
        return value
    if fact.type == "count":
        return int(value)
    if isinstance(value, int):
        return Decimal(value)
    return value


def fact_info_fields(fact: ir.Fact) -> tuple:
    """The fields of a FactInfo record (see the prelude), in order."""
    return (
        fact.name,
        fact.type,
        fact.unit,
        default_value(fact),
        fact.low,
        fact.high,
        fact.description,
        fact.line,
    )


def band_fields(band: ir.GradeBand) -> tuple:
    return (band.name, band.low, band.low_inclusive, band.high, band.high_inclusive, band.rest)


def node_info_fields(node: ir.Node, parent: str) -> tuple:
    return (
        node.path,
        node.marker,
        node.title,
        node.line,
        node.points,
        node.budget,
        node.floor,
        node.bonus_cap,
        parent,
    )


def nodes_with_parents(policy: ir.Policy) -> Iterator[tuple[ir.Node, str]]:
    """Every node with its parent's path, depth first in source order."""
    stack = [(node, "") for node in reversed(policy.nodes)]
    while stack:
        node, parent = stack.pop()
        yield node, parent
        stack.extend((child, node.path) for child in reversed(node.children))


def clause_ordinals(policy: ir.Policy) -> dict[str, int]:
    """Clause id → its position in source order (walk order)."""
    order: dict[str, int] = {}
    for node in policy.walk():
        for clause in node.clauses:
            order[clause.id] = len(order)
    return order


def item_key(clause: ir.ClauseBase, ordinal: int, effect: int) -> tuple[int, int, int]:
    """Source order of an item: line, then clause, then effect within the clause."""
    return (clause.line, ordinal, effect)


def remainder_key(node: ir.Node) -> tuple[int, int, int]:
    """The "未得满分" item of an earning node sorts at the node's own line."""
    return (node.line, -1, 0)


# ------------------------------------------------------------------------ expressions


def subexpressions(x: object) -> Iterator[object]:
    """Every expression and condition inside x (x included), left to right."""
    yield x
    if isinstance(x, ir.Arith | ir.Cmp):
        yield from subexpressions(x.left)
        yield from subexpressions(x.right)
    elif isinstance(x, ir.Func):
        for arg in x.args:
            yield from subexpressions(arg)
    elif isinstance(x, ir.Share):
        yield from subexpressions(x.points)
        yield from subexpressions(x.value)
        yield from subexpressions(x.best)
    elif isinstance(x, ir.Pick):
        yield from subexpressions(x.index)
    elif isinstance(x, ir.Negate):
        yield from subexpressions(x.operand)
    elif isinstance(x, ir.AllOf | ir.AnyOf):
        for operand in x.operands:
            yield from subexpressions(operand)


def clause_parts(clause: ir.Clause) -> list[object]:
    """The expressions and conditions a clause evaluates, in evaluation order."""
    parts: list[object] = []
    if isinstance(clause, ir.Step):
        parts += [p for p in (clause.guard, clause.quantity, clause.amount) if p is not None]
    elif isinstance(clause, ir.Missing):
        parts.append(clause.amount)
    elif isinstance(clause, ir.Fixed):
        then, otherwise = fixed_effects(clause)
        for _, effect in then + otherwise:
            if isinstance(effect, ir.Points) and effect.kind == "earn":
                parts.append(effect.amount)
        if clause.condition is not None:
            parts.append(clause.condition)
        if clause.unless is not None:
            parts.append(clause.unless)
        for _, effect in then + otherwise:
            if isinstance(effect, ir.Points) and effect.kind != "earn":
                parts.append(effect.amount)
    return parts


STAT_WORDS = {
    "rank": "排名",
    "rank_from_end": "倒数排名",
    "value": "得分",
    "trimmed": "去极值平均值",
}
COUNT_KEY = "单位数"


def quota_key(policy: ir.Policy, quota: ir.GradeQuota) -> str:
    """`名额名次【优秀】`: what a unit scored alone is told of its place in a quota's band
    (the prelude's `_QUOTA_KEY` says the same)."""
    return f"名额名次【{policy.bands[quota.band].name}】"


def stat_key(stat: ir.BatchStat) -> str:
    """A statistic as `score(facts, batch=…)`, a 测试 block and an explanation name it
    (the prelude's `_stat_key` says the same): 排名【X】, 倒数排名【X】, 最高值【X】 /
    最低值【X】, 去极值平均值【X】, 单位数; a node as 【(二)得分】."""
    label = f"【{stat.subject}得分】" if stat.node else f"【{stat.subject}】"
    if stat.kind == "count":
        return COUNT_KEY
    if stat.kind == "best":
        return ("最高值" if stat.high else "最低值") + label
    return STAT_WORDS[stat.kind] + label


def stat_fields(stat: ir.BatchStat, names: list[str]) -> tuple:
    """A statistic as the prelude's StatInfo row: kind, subject, node, high, level, the
    fact's slot in `names` (-1 for a node, and for the number of units, which is of no
    fact) and the tie-break as (slot, same) pairs, `same` when the tie fact's better
    end is the subject's (so a key of the subject's value and the tie values, each
    negated where not `same`, orders units as the ranking does)."""
    slot = -1 if stat.node or stat.kind == "count" else names.index(stat.subject)
    ties = tuple((names.index(name), high == stat.high) for name, high in stat.ties)
    return (stat.kind, stat.subject, stat.node, stat.high, stat.level, slot, ties)


def clause_stats(clause: ir.Clause) -> tuple[ir.BatchStat, ...]:
    """Batch statistics the clause reads, in order of first use."""
    found: list[ir.BatchStat] = []
    for part in clause_parts(clause):
        for x in subexpressions(part):
            if isinstance(x, ir.BatchStat) and x not in found:
                found.append(x)
    return tuple(found)


def clause_averages(clause: ir.Clause) -> tuple[str, ...]:
    """Facts whose batch mean the clause reads, in order of first use."""
    names: list[str] = []
    for part in clause_parts(clause):
        for x in subexpressions(part):
            if isinstance(x, ir.AverageOf) and x.name not in names:
                names.append(x.name)
    return tuple(names)


def divides(x: object) -> bool:
    """Whether evaluating x can divide (and so fail on a zero divisor)."""
    return any(isinstance(s, ir.Arith) and s.op == "/" for s in subexpressions(x))


# ---------------------------------------------------------------------------- effects


def earns(effects: tuple[tuple[int, ir.Effect], ...]) -> bool:
    return any(isinstance(e, ir.Points) and e.kind == "earn" for _, e in effects)


def fixed_effects(
    clause: ir.Fixed,
) -> tuple[tuple[tuple[int, ir.Effect], ...], tuple[tuple[int, ir.Effect], ...]]:
    """The effects of each branch, numbered across both branches (then first).

    `得X分，否则不得分` means `得X分` (NOTES: the 否则 is the natural reading): a
    `不得分` in the otherwise branch of an earning clause is dropped, since failing
    the condition already loses the X points."""
    then = tuple(enumerate(clause.then))
    offset = len(clause.then)
    otherwise = tuple((offset + i, e) for i, e in enumerate(clause.otherwise))
    if earns(then):
        otherwise = tuple(
            (i, e)
            for i, e in otherwise
            if not (isinstance(e, ir.Points) and e.kind == "deduct" and e.zero_node)
        )
    return then, otherwise


OUTCOME_NOTES = {"disqualify": "取消考评资格", "veto": "一票否决"}
NOTE_MISSED = "未满足得分条件"
#: An earning by share (`按与最高者的比例得分`) taken for less than its full amount: the
#: difference is what the unit lost, explained by the share's own inputs.
NOTE_SHARE = "按比例得分，未得的部分"
#: The same for an earning stepped down by place (`其后每下降一个名次扣0.5分`).
NOTE_STEP = "按名次递减，未得的部分"
#: And for a formula of the place (`得((单位数−名次+1)÷单位数×6)分`).
NOTE_PLACE = "按名次算式得分，未得的部分"
NOTE_ZERO = "本项不得分"


def unrounded(amount):
    """An amount without the clause's own rounding (`，结果保留两位小数`: Func "round")."""
    if isinstance(amount, ir.Func) and amount.func == "round":
        return amount.args[0]
    return amount


def partial_whole(effect):
    """The full amount of an earning that may be taken for less (a share, a step down
    by place), or None."""
    amount = unrounded(effect.amount)
    if isinstance(amount, ir.Share):
        return amount.points
    return effect.whole


def _floored_share(amount) -> bool:
    """`max(floor, share)`: a share with a floor (`其余按比例得分，最低得3分`)."""
    return (
        isinstance(amount, ir.Func)
        and amount.func == "max"
        and any(isinstance(a, ir.Share) for a in amount.args)
    )


def partial_note(effect) -> str:
    if effect.by_place:
        return NOTE_PLACE
    amount = unrounded(effect.amount)
    share = isinstance(amount, ir.Share) or _floored_share(amount)
    return NOTE_SHARE if share else NOTE_STEP


REMAINDER_TEXT = "未得满分"


GRADE_LIMIT_LABELS = {"ceiling": "等次最高为{}", "floor": "等次最低为{}"}
GRADE_LIMIT_KINDS = tuple(GRADE_LIMIT_LABELS)


def share_text(share: Decimal) -> str:
    """An override's share as its label keeps it: `1`, `0.8`."""
    return format(share.normalize(), "f")


def override_share(effect: ir.Outcome) -> Decimal:
    return Decimal(effect.label)


def outcome_note(effect: ir.Outcome) -> str:
    if effect.kind == "override":
        share = override_share(effect)
        if share == 1:
            return "本项按满分计"
        return f"本项按分值的{format((share * 100).normalize(), 'f')}%计分"
    if effect.kind == "label":
        return f"列为{effect.label}"
    if effect.kind == "ceiling":
        return "一票否优：" + outcome_label(effect)
    if effect.kind == "floor":
        return outcome_label(effect)
    return OUTCOME_NOTES[effect.kind]


def outcome_label(effect: ir.Outcome) -> str:
    """The label a unit carries for a label or grade-limit outcome (`等次最高为良好`)."""
    if effect.kind in GRADE_LIMIT_LABELS:
        return GRADE_LIMIT_LABELS[effect.kind].format(effect.label)
    return effect.label


def band_index(policy: ir.Policy, name: str) -> int:
    """The position of a band in 等次 (0 is the highest)."""
    return [band.name for band in policy.bands].index(name)


def points_note(effect: ir.Points) -> str:
    return NOTE_ZERO if effect.zero_node else ""


def lazy_earning(clause: ir.Fixed, effect: ir.Effect) -> bool:
    """Whether an earning's amount is computed only when its branch is taken: in a later
    alternative of a rank clause (`其余得(最低值÷【时长】×10)分`, not `missable`), whose
    amount, never explained when not taken, may not even be defined for the units an
    earlier alternative took (the best unit's 时长 may be 0).  Every engine evaluates it
    so, and a division by zero is an error only for the units it is for."""
    return (
        not clause.missable
        and isinstance(effect, ir.Points)
        and effect.kind == "earn"
        and partial_whole(effect) is None
    )
