"""Earned points that cannot fill their item get a sub-item of their own.

Documents often score one item partly by earning and partly by deducting from the item's
points: `组织领导（6分）：制定工作方案的，得2分；未建立联席会议制度的，扣2分；……`.  A careful
reader gives a unit that does everything 6: the 2 earned points are one share of the item
and the deductions come off the whole.  In the language an item with an earning clause is
an earning item — the unit gets only what its earning clauses give, at most 2 here — so a
draft that writes these sentences as they stand costs every unit 4 points (the checker's
W311).  The draft therefore writes the earning clauses into a sub-item worth what they can
earn, and leaves the deductions on the item, whose points limit both together.

Only where nothing else is in the way: the item has no sub-items or modifiers of its own,
its earning clauses earn less than its points, it has at least one deducting clause, and
the rewritten draft still has no error.  Anything else is left as it was, with W311.
"""

from __future__ import annotations

import dataclasses
import re
from decimal import Decimal

from ..check import run as check
from ..source.text import Source
from ..syntax import ast
from ..syntax.parser import parse

_FACT = re.compile(r"【([^】]+)】")

#: An effect on the whole item (`在90%以下的本项不得分`) inside an earning sentence.
_WHOLE_ITEM = re.compile(r"(?:本|该|此)项(?:不得分|得0分|计0分|记0分)")


def _holds(value: object, kind: type) -> bool:
    """Whether an AST value contains a node of `kind` anywhere inside it."""
    if isinstance(value, kind):
        return True
    if isinstance(value, tuple | list):
        return any(_holds(v, kind) for v in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return any(_holds(getattr(value, f.name), kind) for f in dataclasses.fields(value))
    return False


def _nodes(nodes: tuple[ast.Node, ...]):
    for node in nodes:
        yield node
        yield from _nodes(node.children)


@dataclasses.dataclass(frozen=True)
class _Move:
    head: int  # 1-based line of the item
    earned: tuple[int, ...]  # 1-based lines of its earning clauses
    total: str
    points: str
    deducts: bool = True  # the rest of the points is taken by deductions, not pending text
    number: int = 1  # the sub-item's number: after the item's capped sub-items, if any


def _short_items(text: str):
    """(item, W311) for each item whose earning clauses earn less than its points; None
    when the draft does not compile."""
    source = Source(text, "<draft>")
    tree, diagnostics = parse(source)
    if tree is None or any(d.is_error for d in diagnostics):
        return None
    diagnostics = check.check(tree, source)
    if any(d.is_error for d in diagnostics):
        return None
    short = {d.span.line: d for d in diagnostics if d.code == "W311"}
    items = []
    for node in _nodes(tree.nodes):
        if node.points is None:
            continue
        found = short.get(node.points.span.line)
        ranks = [c for c in node.clauses if isinstance(c, ast.RankClause)]
        if found is None and (
            not ranks
            # the other earning clauses already fill the item (or are unbounded)
            or any(_holds(c, ast.Earn) and c not in ranks for c in node.clauses)
        ):
            continue
        ranked = _ranked_most(ranks, node.points.value)
        if ranked is None:
            continue
        total = ranked + (Decimal(str(found.args["total"])) if found is not None else 0)
        if total < node.points.value:
            items.append((node, _Short(str(total), str(node.points.value))))
    return items


@dataclasses.dataclass(frozen=True)
class _Short:
    """What an item's earning clauses give at most, and its points."""

    total: str
    points: str


def _ranked_most(ranks: list[ast.RankClause], points: Decimal) -> Decimal | None:
    """The most the ranking clauses earn together (each its best place's points), None
    when an amount is not a number: the checker's W311 leaves ranking clauses out, but
    the unit first in the batch earns those points, and they fill the item too."""
    total = Decimal(0)
    for clause in ranks:
        amounts: list[Decimal] = []
        for rule in clause.rules:
            if isinstance(rule.effect, ast.Earn):
                amount = rule.effect.amount
                if amount is not None and not isinstance(amount, ast.Num):
                    return None
                amounts.append(points if amount is None else amount.value)
            if rule.in_turn_word == "得":
                amounts += [n.value for n in rule.in_turn]
        total += max(amounts, default=Decimal(0))
    return total


def _pending_inside(lines: list[str], node: ast.Node) -> bool:
    """The item's own lines hold a sentence left `待处理` (one more half of its points)."""
    head = node.span.line - 1
    depth = _indent(lines[head])
    for line in lines[head + 1 :]:
        if line.strip() and _indent(line) <= depth:
            return False
        if line.strip().startswith("# 待处理") and _indent(line) == depth + 2:
            return True
    return False


#: The note under a sub-item that a capped earning sentence became (draft.CAPPED_NOTE).
_CAPPED = (
    "原文此句句末的得分上限，写作本子项的分值：",
    "原文此句按比例得分，",
    "原文此句全部达到得分，",
)


def _capped_children(lines: list[str], node: ast.Node) -> bool:
    """Every sub-item of the item is a capped earning sentence of the item itself."""
    return bool(node.children) and all(
        any(c in lines[child.span.line] for c in _CAPPED)
        for child in node.children
        if child.span.line < len(lines)
    )


def unfilled(text: str) -> list[int]:
    """1-based lines of the earning clauses of items that have sub-items (or modifiers)
    and earn less than their points even so: the earned points cannot be given a sub-item
    of their own there, and written as they are every unit loses the rest."""
    return _short_earning_lines(
        text,
        lambda lines, node, _: (
            (node.children and not _capped_children(lines, node)) or bool(node.modifiers)
        ),
    )


def _short_earning_lines(text: str, held) -> list[int]:
    """1-based lines of the earning clauses of items that earn less than their points,
    where `held(lines, node, clause)` says so."""
    items = _short_items(text)
    if not items:
        return []
    lines = text.split("\n")
    return [
        c.span.line
        for node, _ in items
        for c in node.clauses
        if _holds(c, ast.Earn) and held(lines, node, c)
    ]


def _moves(text: str) -> list[_Move] | None:
    items = _short_items(text)
    if items is None:
        return None
    lines = text.split("\n")
    moves = []
    for node, found in items:
        capped = _capped_children(lines, node)
        if node.children and not capped or node.modifiers:
            continue
        earned = [c for c in node.clauses if _holds(c, ast.Earn)]
        deducted = [
            c
            for c in node.clauses
            if (not _holds(c, ast.Earn) and _holds(c, ast.Deduct))
            or (isinstance(c, ast.DiscretionaryClause) and c.kind == "deduct")
        ]
        if not earned or any(c.span.line != c.span.end_line for c in earned):
            continue
        if any(_zeroes_item(lines, c) for c in earned):
            continue  # its 本项不得分 is the item's: in a sub-item it would be the sub-item's
        if not deducted and not _pending_inside(lines, node) and not capped:
            continue  # the document's points and its earning sentences disagree: W311
        moves.append(
            _Move(
                node.span.line,
                tuple(dict.fromkeys(c.span.line for c in earned)),  # tiers: one line, several
                found.total,
                found.points,
                bool(deducted),
                len(node.children) + 1,
            )
        )
    return moves


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _rewrite(lines: list[str], move: _Move) -> list[str]:
    head = move.head - 1
    depth = _indent(lines[head])
    end = head + 1
    while end < len(lines) and (not lines[end].strip() or _indent(lines[end]) > depth):
        end += 1
    while end > head + 1 and not lines[end - 1].strip():
        end -= 1  # the blank lines after the item stay after it
    earned = [lines[n - 1] for n in move.earned]
    pad = earned[0][: _indent(earned[0])]
    named = _FACT.search(earned[0])
    title = named.group(1) if named and len(earned) == 1 else "得分条款"
    rest = Decimal(move.points) - Decimal(move.total)
    sub = [
        f"{pad}{sub_marker(lines[head], move.number)}{title}（{move.total}分）",
        f"{pad}  # 原文本项（{move.points}分）的得分条款合计{move.total}分，单列为子项；"
        f"其余{rest}分"
        + (
            "为上面的子项"
            if move.number > 1
            else "由本项的" + ("扣分条款扣减" if move.deducts else "待处理句子计分")
        )
        + "（照写则人人失分）",
        *(f"{pad}  {line.strip()}" for line in earned),
    ]
    kept = [line for i, line in enumerate(lines[head:end], head + 1) if i not in move.earned]
    return lines[:head] + kept + sub + lines[end:]


def split_earned(text: str) -> tuple[str, int]:
    """The draft with each such item's earning clauses in a sub-item; how many items.
    Each item is moved on its own, from the last up (the lines above stay where they
    were), and kept only when the draft still has no error: one item that cannot be
    moved leaves the others moved."""
    moves = _moves(text)
    if not moves:
        return text, 0
    lines = text.split("\n")
    done = 0
    for move in sorted(moves, key=lambda m: m.head, reverse=True):
        moved = _rewrite(lines, move)
        if _compiles("\n".join(moved)):
            lines, done = moved, done + 1
    return "\n".join(lines), done


def _compiles(text: str) -> bool:
    source = Source(text, "<draft>")
    tree, diagnostics = parse(source)
    if tree is None or any(d.is_error for d in diagnostics):
        return False
    return not any(d.is_error for d in check.check(tree, source))


def whole_item(text: str) -> list[int]:
    """1-based lines of earning clauses that earn less than their item's points and also
    zero the whole item (`达到95%以上的得4分，每低1个百分点扣1分，在90%以下的本项不得分` in an
    item of 8): a sub-item of their own would zero only the sub-item, and written as they
    are every unit loses the rest of the item."""
    return _short_earning_lines(text, lambda lines, _, clause: _zeroes_item(lines, clause))


def _zeroes_item(lines: list[str], clause: ast.Clause) -> bool:
    """Whether the clause's line also zeroes the whole item (`在90%以下的本项不得分`)."""
    return _WHOLE_ITEM.search(lines[clause.span.line - 1]) is not None


def unmoved(text: str) -> list[int]:
    """1-based lines of the earning clauses of items that `split_earned` would move but
    cannot (the draft would not compile: an item numbered （1） has no lower number)."""
    moves = _moves(text)
    return [line for move in moves or () for line in move.earned]


def sub_marker(head_line: str, number: int) -> str:
    """The marker of a sub-item written under the item on `head_line`: `(1)` below the
    levels above it, `①` below a `(1)` item (language.md 4.1)."""
    if re.match(r"\s*[（(]\s*\d+\s*[)）]", head_line) and 1 <= number <= 20:
        return chr(0x245F + number)
    return f"({number})"
