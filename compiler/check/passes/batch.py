"""Rank clauses (`按【X】排名，前三名加2分`, `【X】最高者得满分，其余按与最高者的比例得分`):
what is ranked (E234), in which direction (E235; E251 when a declared or named sense
contradicts the policy's other clauses; W330 shows a direction read from the name), against which first-place points a
share is taken (E236), amounts in turn that match their places (E237), node statistics
without a cycle (E238), and 取消考评资格 decided without batch values (E239) — the
units in the batch are those not disqualified, so that decision must come first."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from ...diagnostics.diagnostic import Diagnostic
from ...diagnostics.messages import detail, details
from ...syntax import ast
from ..context import Context
from ..resolve import batch_subject, effects_of, walk
from ..senses import sense_from_name

_NUMERIC_TYPES = ("percent", "number", "count", "points")


def rank_clauses(tree: ast.PolicyFile) -> Iterator[tuple[str, ast.Node, ast.RankClause]]:
    for path, node in walk(tree.nodes):
        for clause in node.clauses:
            if isinstance(clause, ast.RankClause):
                yield path, node, clause


@dataclass(frozen=True)
class Direction:
    """How a ranking's direction was settled.  `order` is "high" (a larger value ranks
    first), "low", or None (refused).  `source` says where it came from: "stated" (the
    clause), "node" (a node's score), "declared" (`越高越好` in 数据), "usage" (the
    fact's other clauses) or "name" (the lexicon in `senses`); `conflict` names the two
    sources that disagree when that is why `order` is None."""

    order: str | None
    source: str | None
    conflict: tuple[str, str] | None = None


def rank_order(clause: ast.RankClause, tree: ast.PolicyFile, paths) -> str | None:
    """ "high" (a larger value ranks first), "low", or None when neither is written nor
    follows from the fact (see `rank_direction`)."""
    return rank_direction(clause, tree, paths).order


def rank_direction(clause: ast.RankClause, tree: ast.PolicyFile, paths) -> Direction:
    """The clause's own words win (`从低到高` may be deliberate, whatever the fact's
    sense); then a node's score (higher first); then the sense declared in 数据; then
    how the policy's other clauses score the fact; last the fact's name.  A declared
    sense or a name that the other clauses contradict is refused, never resolved by
    picking one; so are other clauses that contradict each other."""
    if clause.order is not None:
        return Direction(clause.order, "stated")
    for rule in clause.rules:
        if rule.order is not None:
            return Direction(rule.order, "stated")
    name, is_node = batch_subject(clause.subject, paths)
    if is_node:
        return Direction("high", "node")
    used = usage_senses(tree, name)
    declared = declared_sense(tree, name)
    if declared is not None:
        if used and used != {declared}:
            return Direction(None, None, ("declared", "usage"))
        return Direction(declared, "declared")
    if len(used) > 1:
        return Direction(None, None)
    by_name = sense_from_name(name)
    if used:
        (sense,) = used
        if by_name is not None and by_name != sense:
            return Direction(None, None, ("name", "usage"))
        return Direction(sense, "usage")
    if by_name is not None:
        return Direction(by_name, "name")
    return Direction(None, None)


def declared_sense(tree: ast.PolicyFile, name: str) -> str | None:
    """ "high"/"low" as declared in 数据 (`越高越好`/`越低越好`); None when not declared or
    declared both ways (E250 reports that)."""
    for decl in tree.facts:
        if decl.name == name and decl.sense in ("high", "low"):
            return decl.sense
    return None


def usage_senses(tree: ast.PolicyFile, name: str) -> set[str]:
    """The senses the policy's clauses give a fact: a shortfall from a standard or an
    earning per unit says high; a deduction per unit, an excess over an allowance or a
    deduction when it is exceeded says low.  Empty when no clause says; both when
    clauses disagree."""
    found: set[str] = set()
    for _, node in walk(tree.nodes):
        tiers = _earning_tiers(node.clauses, name)
        for clause in node.clauses:
            sense = _clause_sense(clause, name)
            if id(clause) in tiers:
                sense = tiers[id(clause)]
            if sense is not None:
                found.add(sense)
    return found


def _earning_tiers(clauses, name: str) -> dict[int, str | None]:
    """Clauses that earn on both sides of a value (`达到或高于平均值的得3分；低于平均值的
    得1分`): tiers, where the side that earns more is the better one — the lower tier
    earning for `低于` does not say a low value is good."""
    sides: dict[int, tuple[str, Decimal]] = {}
    for clause in clauses:
        if not isinstance(clause, ast.ConditionClause):
            continue
        cmp = clause.condition
        if not (isinstance(cmp, ast.Compare) and isinstance(cmp.left, ast.Ref)):
            continue
        if cmp.left.name != name or len(clause.effects) < 1:
            continue
        earned = clause.effects[0]
        amount = getattr(earned, "amount", None)
        if not isinstance(earned, ast.Earn) or not isinstance(amount, ast.Num):
            continue
        side = _side(cmp.word)
        if side is not None:
            sides[id(clause)] = (side, amount.value)
    out: dict[int, str | None] = {}
    for key, (side, amount) in sides.items():
        others = [a for s, a in sides.values() if s != side]
        if not others:
            continue
        best_other = max(others)
        if amount == best_other:
            out[key] = None
        else:
            higher_side = side if amount > best_other else ("above" if side == "below" else "below")
            out[key] = "high" if higher_side == "above" else "low"
    return out


def _side(word: str) -> str | None:
    """ "above" or "below" the value a comparison word puts its subject."""
    if word.startswith(
        ("超过", "高于", "多于", "大于", "达到", "不低于", "不少于", "等于或高于", "等于或大于")
    ):
        return "above"
    below = ("低于", "少于", "小于", "不足", "不满", "未达到", "达不到", "等于或低于", "等于或小于")
    if word.startswith(below):
        return "below"
    return None


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
        side = _side(cmp.word)
        if named(cmp.left) and clause.effects and side is not None:
            # a penalty (扣, 不得分, a grade limit, a veto) where the condition holds
            deducts = not isinstance(clause.effects[0], ast.Earn | ast.Bonus)
            return "low" if (side == "above") == deducts else "high"
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
    ties: dict[tuple[str, bool], tuple[ast.RankClause, str | None]] = {}
    for _, node, clause in rank_clauses(tree):
        name, is_node = batch_subject(clause.subject, paths)
        if is_node:
            if points.get(name) is None:
                diags.append(Diagnostic("E234", clause.subject.span, {"name": clause.subject.name}))
        else:
            diags += _not_numeric(ctx, name, clause.subject.span)
        diags += _direction(ctx, clause, paths)
        diags += _tie_break(ctx, clause, paths, ties)
        full = node.points.value if node.points is not None else None
        diags += _rules(clause, rank_order(clause, tree, paths), full)
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


def _not_numeric(ctx: Context, name: str, span) -> list[Diagnostic]:
    """E234 when the fact ranked (or breaking ties) is declared other than numeric."""
    info = ctx.symbols.facts.get(name)
    kind = info.kind if info is not None else None
    if kind is not None and kind.type not in _NUMERIC_TYPES:
        return [Diagnostic("E234", span, {"name": name})]
    return []


def tie_ranking(clause: ast.RankClause) -> ast.RankClause | None:
    """The clause as a ranking by its tie-break fact (`并列的按【结案率】排名`), so that the
    tie's direction is settled by the same rules as any ranking's; None without one."""
    tie = clause.tie
    if tie is None:
        return None
    return dataclasses.replace(clause, subject=tie.ref, order=tie.order, rules=(), tie=None)


def _tie_break(ctx: Context, clause: ast.RankClause, paths, seen: dict) -> list[Diagnostic]:
    """A tie-break orders by a numeric fact other than the ranked one, in a direction
    settled as a ranking's (E235, E251, W330), and the same ranking is broken the same
    way everywhere in the policy: `排名【X】` is one statistic (a 测试 block gives it by
    that name), so two clauses ranking 【X】 with different tie-breaks are refused."""
    tie = clause.tie
    name, is_node = batch_subject(clause.subject, paths)
    said = None if tie is None else tie.ref.name
    earlier = seen.setdefault((name, is_node), (clause, said))
    if earlier[1] != said:
        first = earlier[0]
        args = {
            "text": clause.text,
            "why": f"与第{first.span.line}行对【{clause.subject.name}】的排名并列时的排法不同",
            "why_en": f"breaks ties in 【{clause.subject.name}】 otherwise than line {first.span.line}",
            "hint": "一项数据的名次在一份细则中只有一种：每条排名条款写同样的“并列的按【…】排名”",
            "hint_en": "a fact has one ranking in a policy: write the same 并列的按【…】排名 in "
            "every clause that ranks it",
        }
        return [Diagnostic("E253", clause.span, args)]
    if tie is None:
        return []
    tied, tie_is_node = batch_subject(tie.ref, paths)
    if tie_is_node or (tied, tie_is_node) == (name, is_node):
        args = {
            "text": clause.text,
            "why": f"并列时按【{tie.ref.name}】排名：只能按排名的那一项之外的另一项数据",
            "why_en": f"ties broken by 【{tie.ref.name}】: only another fact can break them",
            "hint": "并列的按另一项数据排（如 并列的按【结案率】从高到低排名）；"
            "按评分项得分定名次的，把它作为一项数据填报",
            "hint_en": "break ties by another fact (e.g. 并列的按【结案率】从高到低排名); "
            "a node's score must be entered as a fact for that",
        }
        return [Diagnostic("E253", tie.span, args)]
    refused = _not_numeric(ctx, tied, tie.ref.span)
    if refused:
        return refused
    ranking = tie_ranking(clause)
    assert ranking is not None
    return _direction(ctx, ranking, paths)


def _direction(ctx: Context, clause: ast.RankClause, paths) -> list[Diagnostic]:
    """E235 when nothing settles the direction, E251 when two things disagree, W330
    when the fact's name settled it (so `xize check` says what was chosen)."""
    tree = ctx.tree
    found = rank_direction(clause, tree, paths)
    name = clause.subject.name
    info = ctx.symbols.facts.get(name)
    type_word = info.decl.type_word.strip() if info is not None and info.decl else "百分比"
    span = clause.subject.span
    if found.conflict is not None:
        first, _ = found.conflict
        mine = declared_sense(tree, name) if first == "declared" else sense_from_name(name)
        assert mine is not None
        other = "low" if mine == "high" else "high"
        line = _usage_line(tree, name, other)
        args = {"name": name, "line": line}
        args.update(details(f"sense.{first}", "first", name=name, sense=_better(mine)))
        args.update(details("sense.word", "second", sense=_better(other)))
        return [Diagnostic("E251", span, args)]
    if found.order is None:
        return [Diagnostic("E235", span, {"name": name, "type": type_word})]
    if found.source == "name":
        other = "low" if found.order == "high" else "high"
        args = {
            "name": name,
            "type": type_word,
            "opposite": detail(f"order.{other}"),
            "opposite_sense": detail(f"better.{other}"),
        }
        args.update(details(f"order.{found.order}", "order"))
        args.update(details(f"better.{found.order}", "sense"))
        return [Diagnostic("W330", span, args)]
    return []


def _better(sense: str) -> str:
    return detail(f"better.{sense}")


def _usage_line(tree: ast.PolicyFile, name: str, sense: str) -> int:
    """The line of the first clause that treats the fact as `sense`."""
    for _, node in walk(tree.nodes):
        for clause in node.clauses:
            if _clause_sense(clause, name) == sense:
                return clause.span.line
    return 0


def first_place_rule(clause: ast.RankClause) -> ast.RankRule | None:
    """The rule giving the first place its points (what a share is taken of and a
    step down counted from): 第1名, 最高者, or places from 1."""
    for rule in clause.rules:
        covers = rule.best or (
            rule.places is not None and not rule.places.from_end and rule.places.first == 1
        )
        if not covers or rule.proportional:
            continue
        if rule.in_turn or isinstance(rule.effect, ast.Deduct | ast.Earn | ast.Bonus):
            return rule
    return None


def step_anchor(clause: ast.RankClause) -> ast.RankRule | None:
    """The rule a step down counts from: the first place's rule, or the last of the
    rules that go on from it place by place with points of their own (`第一名得10分，
    第二名得9.5分，第三名得9分，其后每下降一个名次减1分`: the fourth earns 9 − 1, one step
    below the third, as a reader counts on from the last place named)."""
    head = first_place_rule(clause)
    if head is None:
        return None
    anchor = head
    last = head.places.last if head.places is not None else 1
    for rule in clause.rules:
        if rule.step is not None:
            break
        places = rule.places
        if places is None or places.from_end or rule.proportional or places.first != last + 1:
            continue
        if rule.in_turn or isinstance(rule.effect, ast.Deduct | ast.Earn | ast.Bonus):
            anchor, last = rule, places.last
    return anchor


def first_place_amount(clause: ast.RankClause) -> object | None:
    """The first place's points: the effect of `first_place_rule` (in turn: the first
    amount)."""
    rule = first_place_rule(clause)
    if rule is None:
        return None
    return rule.in_turn[0] if rule.in_turn else rule.effect


def _rules(clause: ast.RankClause, order: str | None, full: Decimal | None) -> list[Diagnostic]:
    """`full`: the item's points (what `得满分` earns)."""
    diags: list[Diagnostic] = []
    steps = [r for r in clause.rules if r.step is not None or r.proportional]
    for rule in clause.rules:
        if rule.condition is not None and steps:
            # `第1名且高于平均值的得10分，其后每下降一个名次扣0.5分`: counted from what?
            args = {"text": clause.text, **details("why.place_cond", "why")}
            args.update(details("hint.place_cond", "hint"))
            diags.append(Diagnostic("E253", rule.span, args))
            return diags
        if rule.proportional and first_place_amount(clause) is None:
            diags.append(Diagnostic("E236", rule.span))
        turned = {"high": "best_first", "low": "own_first"}.get(order or "")
        if rule.share_order is not None and rule.share_order == turned:
            # `按最高值与本单位之比` when the highest is best: a ratio of 1 or more
            args = {"text": clause.text, **details(f"why.ratio_{order}", "why")}
            args.update(details(f"hint.ratio_{order}", "hint"))
            diags.append(Diagnostic("E253", rule.span, args))
        if rule.in_turn and rule.places is not None and rule.places.from_end:
            diags.append(_in_turn_from_end(rule))
            continue
        if rule.step is not None and first_place_amount(clause) is None:
            diags.append(Diagnostic("E246", rule.span))
        anchor = step_anchor(clause) if rule.floor is not None else None
        top = _anchor_amount(anchor) if anchor is not None else None
        if rule.proportional:  # a share's floor: below the first place's points
            first = first_place_amount(clause)
            top = getattr(getattr(first, "amount", None), "value", None)
            top = full if isinstance(first, ast.Earn) and first.amount is None else top
        if rule.floor is not None and top is not None and rule.floor.value >= top:
            # `第1名得3分，逐名递减1分，最低得5分`: the floor above the points it steps from
            key = "floor_share_above" if rule.proportional else "floor_above"
            args = {"text": rule.floor.text, **details(f"why.{key}", "why")}
            args.update(details(f"hint.{key}", "hint", top=top))
            diags.append(Diagnostic("E253", rule.floor.span, args))
        if rule.in_turn:
            places = rule.places
            if places is None:
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


def _anchor_amount(rule: ast.RankRule) -> Decimal | None:
    """The points a step counts down from (the last amount of the rule it counts on from)."""
    if rule.in_turn:
        return rule.in_turn[-1].value
    amount = getattr(rule.effect, "amount", None)
    return amount.value if isinstance(amount, ast.Num) else None


def _from_end(place: int) -> str:
    return "末位" if place == 1 else f"倒数第{place}名"


def _in_turn_from_end(rule: ast.RankRule) -> Diagnostic:
    """`后三名依次扣1分、2分、3分`: listed in ranking order (the third from last −1, the
    last −3) or counted from the last (the last −1)?  Both occur; E254 writes each out."""
    places = rule.places
    assert places is not None
    count = places.last - places.first + 1
    amounts = [f"{n.value.normalize():f}" for n in rule.in_turn]
    if count != len(amounts):
        return Diagnostic("E237", rule.span, {"places": count, "amounts": len(amounts)})
    verb = rule.in_turn_word
    down = range(places.last, places.first - 1, -1)  # the listed order: top to bottom
    listed = "，".join(f"{_from_end(p)}{verb}{a}分" for p, a in zip(down, amounts, strict=True))
    up = range(places.first, places.last + 1)
    counted = "，".join(f"{_from_end(p)}{verb}{a}分" for p, a in zip(up, amounts, strict=True))
    return Diagnostic(
        "E254", rule.span, {"text": places.text, "listed": listed, "counted": counted}
    )


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
