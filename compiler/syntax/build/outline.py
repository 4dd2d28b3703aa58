"""The outline as a tree: node lines in file order → nested, frozen `ast.Node`s.

Levels follow GB/T 9704-2012: `一、` above `(一)` above `1、`/`1.` above `(1)`, and
below them `①` (the level real documents use next).  A
node's parent is the nearest earlier node of a higher level, so a level may be skipped
(`一、` straight to `1、`).  Built with an explicit stack and then bottom-up, never by
recursion, however long the outline.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ...source.text import Span
from .. import ast

LEVELS: dict[str, int] = {"一、": 0, "(一)": 1, "1、": 2, "(1)": 3, "①": 4}


@dataclass
class FlatNode:
    """A node line with the notes and clauses written under it, before nesting."""

    marker: ast.Marker
    title: str
    points: ast.Num | None
    modifiers: tuple[ast.Modifier, ...]
    span: Span
    suspicious: tuple[tuple[str, Span], ...] = ()
    notes: list[ast.Note] = field(default_factory=list)
    clauses: list[ast.Clause] = field(default_factory=list)

    @property
    def level(self) -> int:
        return LEVELS[self.marker.kind]


def build(flat: list[FlatNode]) -> tuple[ast.Node, ...]:
    """Nest the nodes by level and freeze them; returns the top-level nodes."""
    parent: list[int] = []
    open_nodes: list[int] = []  # indices of the nodes that may still take children
    for index, node in enumerate(flat):
        while open_nodes and flat[open_nodes[-1]].level >= node.level:
            open_nodes.pop()
        parent.append(open_nodes[-1] if open_nodes else -1)
        open_nodes.append(index)

    children: list[list[int]] = [[] for _ in flat]
    top: list[int] = []
    for index, up in enumerate(parent):
        (children[up] if up >= 0 else top).append(index)

    # A child always comes after its parent, so building from the end finds every
    # child already frozen.
    frozen: list[ast.Node | None] = [None] * len(flat)
    for index in range(len(flat) - 1, -1, -1):
        node = flat[index]
        kids = tuple(frozen[k] for k in children[index])
        frozen[index] = ast.Node(
            marker=node.marker,
            title=node.title,
            points=node.points,
            modifiers=node.modifiers,
            notes=tuple(node.notes),
            clauses=tuple(node.clauses),
            children=kids,  # type: ignore[arg-type]
            span=node.span,
            suspicious=node.suspicious,
        )
        for k in children[index]:
            frozen[k] = None  # only the tree holds them now
    return tuple(frozen[k] for k in top)  # type: ignore[misc]
