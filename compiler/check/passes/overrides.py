"""`本项按满分计` and `本项按分值的80%计分` (docs/language.md 5.4): when the condition holds
the item scores its points times the share, whatever its other clauses give or take.
That is readable only where the item's score is its own: an item with points (not a
bonus item), no items under it (whose scores would no longer add up to it), the
override the clause's only effect with no 否则 or cap (E260) and, when an item has
several, one share for all of them (which would win when two hold?)."""

from __future__ import annotations

from ...diagnostics.diagnostic import Diagnostic
from ...diagnostics.messages import details
from ...syntax import ast
from ..budget import is_bonus, points
from ..context import Context
from ..resolve import effects_of, walk


def check_overrides(ctx: Context) -> list[Diagnostic]:
    diags: list[Diagnostic] = []
    for _, node in walk(ctx.tree.nodes):
        shares = []
        for clause in node.clauses:
            found = [e for e in effects_of(clause) if isinstance(e, ast.Override)]
            if not found:
                continue
            problem = _problem(node, clause, found[0])
            first = shares[0] if shares else found[0].share  # the item's first share
            if problem is None and any(e.share != first for e in found):
                problem = "shares"
            shares += [e.share for e in found]
            if problem is not None:
                args = {"text": ctx.text(found[0].span)}
                args.update(details(f"why.override_{problem}", "why"))
                args.update(details(f"hint.override_{problem}", "hint"))
                diags.append(Diagnostic("E260", found[0].span, args))
    return diags


def _problem(node: ast.Node, clause: ast.Clause, effect: ast.Override) -> str | None:
    if points(node) is None or is_bonus(node):
        return "points"
    if node.children:
        return "children"
    if (
        not isinstance(clause, ast.ConditionClause)
        or len(clause.effects) != 1
        or clause.otherwise
        or clause.cap is not None
    ):
        return "alone"
    if not 0 <= effect.share <= 1:
        return "share"
    return None
