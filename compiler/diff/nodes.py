"""Node-level revisions: nodes matched across two versions, and what changed in each.

Same path and title is the same node; the same title at another path is a move; the
same path with another title is a rename; the rest were added or removed.  A child
that keeps its marker under a moved parent moved with it and is not reported again.
"""

from __future__ import annotations

from collections import defaultdict

from ..ir import nodes as ir
from ..ir import text as irtext
from ..source.text import normalise
from .change import Change, label, same_text
from .clauses import clause_changes


class _NodeDiff:
    """Node matching and per-node comparison."""

    def __init__(self, a: ir.Policy, b: ir.Policy):
        self.a, self.b = a, b
        self.old = {n.path: n for n in a.walk()}
        self.new = {n.path: n for n in b.walk()}
        self.old_parent = _parents(a)
        self.new_parent = _parents(b)
        self.facts = {f.name: f for f in (*a.facts, *b.facts)}
        self.pairs: dict[str, str] = {}  # old path → new path
        self.kind: dict[str, str] = {}  # old path → "same" | "moved" | "renamed"
        self._match()

    def _match(self) -> None:
        old_left = [n for n in self.old.values()]
        new_left = [n for n in self.new.values()]
        # 1. same path, same title
        for n in list(old_left):
            m = self.new.get(n.path)
            if m is not None and m in new_left and same_text(m.title, n.title):
                self._pair(n, m, "same", old_left, new_left)
        # 2. same title elsewhere: moved (titles paired in reading order)
        by_title: dict[str, list[ir.Node]] = defaultdict(list)
        for m in new_left:
            by_title[normalise(m.title).strip()].append(m)
        for n in list(old_left):
            cands = by_title.get(normalise(n.title).strip())
            if cands:
                self._pair(n, cands.pop(0), "moved", old_left, new_left)
        # 3. same path, new title: renamed
        for n in list(old_left):
            m = self.new.get(n.path)
            if m is not None and m in new_left:
                self._pair(n, m, "renamed", old_left, new_left)
        self.removed = old_left
        self.added = new_left

    def _pair(self, n, m, kind, old_left, new_left) -> None:
        self.pairs[n.path] = m.path
        self.kind[n.path] = kind
        old_left.remove(n)
        new_left.remove(m)

    def changes(self) -> list[Change]:
        out: list[Change] = []
        reverse = {v: k for k, v in self.pairs.items()}
        for m in self.b.walk():
            old_path = reverse.get(m.path)
            if old_path is None:
                out.append(
                    Change(
                        "node_added",
                        m.path,
                        m.title,
                        "",
                        _node_summary(m),
                        f"新增 {label(m)}{_paren_points(m)}",
                    )
                )
                continue
            n = self.old[old_path]
            out += self._node_identity(n, m)
            out += _node_fields(n, m)
            out += self._clauses(n, m)
        for n in self.removed:
            out.append(
                Change(
                    "node_removed",
                    n.path,
                    n.title,
                    _node_summary(n),
                    "",
                    f"删除 {label(n)}{_paren_points(n)}",
                )
            )
        return out

    def _node_identity(self, n: ir.Node, m: ir.Node) -> list[Change]:
        kind = self.kind[n.path]
        if kind == "renamed":
            text = f"{m.path} 标题由 “{n.title}” 改为 “{m.title}”"
            return [Change("node_renamed", m.path, m.title, n.title, m.title, text)]
        if kind == "moved" and not self._moved_with_parent(n, m):
            text = f"“{m.title}” 由 {n.path} 移至 {m.path}"
            return [Change("node_moved", m.path, m.title, n.path, m.path, text)]
        return []

    def _moved_with_parent(self, n: ir.Node, m: ir.Node) -> bool:
        """A child that keeps its marker under a moved parent is not reported again."""
        po, pn = self.old_parent.get(n.path), self.new_parent.get(m.path)
        if po is None or pn is None or self.pairs.get(po) != pn:
            return False
        return normalise(n.marker) == normalise(m.marker)

    def _clauses(self, n: ir.Node, m: ir.Node) -> list[Change]:
        return clause_changes(n, m, self.facts, self.b.year)


def _parents(policy: ir.Policy) -> dict[str, str]:
    out: dict[str, str] = {}

    def visit(node: ir.Node) -> None:
        for child in node.children:
            out[child.path] = node.path
            visit(child)

    for top in policy.nodes:
        visit(top)
    return out


def _node_summary(node: ir.Node) -> str:
    if node.bonus_cap is not None:
        return f"{node.title}（加分项，最高加{irtext.number(node.bonus_cap)}分）"
    if node.points is not None:
        return f"{node.title}（{irtext.number(node.points)}分）"
    return node.title


def _paren_points(node: ir.Node) -> str:
    if node.bonus_cap is not None:
        return f"（加分项，最高加{irtext.number(node.bonus_cap)}分）"
    if node.points is not None:
        return f"（{irtext.number(node.points)}分）"
    return ""


def _budget_text(node: ir.Node) -> str:
    if node.budget is None:
        return "不设上限"
    return irtext.points(node.budget)


def _node_fields(n: ir.Node, m: ir.Node) -> list[Change]:
    out = []
    name = label(m)

    def add(kind: str, subject: str, old: str, new: str) -> None:
        out.append(
            Change(
                kind, m.path, m.title, old, new, f"{name}：{subject}由 {old} 改为 {new}", subject
            )
        )

    if n.points != m.points:
        add("points", "分值", irtext.points(n.points), irtext.points(m.points))
    # A budget that merely follows the points is not a separate change.
    if n.budget != m.budget and not (n.budget == n.points and m.budget == m.points):
        add("budget", "最多扣分", _budget_text(n), _budget_text(m))
    if n.floor != m.floor:
        add(
            "floor",
            "下限",
            "扣完为止" if n.floor else "不设下限",
            "扣完为止" if m.floor else "不设下限",
        )
    if n.bonus_cap != m.bonus_cap:
        add("bonus_cap", "最高加分", irtext.points(n.bonus_cap), irtext.points(m.bonus_cap))
    if n.take_max != m.take_max:
        add("take_max", "计分方式", _take(n.take_max), _take(m.take_max))
    return out


def _take(take_max: bool) -> str:
    return "就高不就低" if take_max else "累计计分"


def node_changes(a: ir.Policy, b: ir.Policy) -> list[Change]:
    """Every node and clause revision from `a` to `b`, in the new version's order."""
    return _NodeDiff(a, b).changes()
