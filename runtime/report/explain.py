"""One unit's result as a tree: every node with its points and score, and under it
each clause that fired, as a sentence.

The tree shows the whole outline, not only the nodes that lost points, so that a
reader can check a unit against the document line by line.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from rich.text import Text
from rich.tree import Tree
from xize.compiler.ir import nodes as ir

from ..text.fmt import decimal_text
from ..text.i18n import MESSAGES, t
from .sentences import ItemWords
from .tables import shown_status

_KEYS = (
    "total",
    "grade",
    "rank",
    "status",
    "labels",
    "points",
    "score",
    "lost",
    "lost_cut",
    "bonus",
    "no_grade",
    "unranked",
    "of",
    "unit_points",
)


def _words(lang: str) -> dict[str, str]:
    """The explain_* entries of the i18n table, unformatted (filled in per node)."""
    index = 1 if lang == "en" else 0
    return {k: MESSAGES[f"explain_{k}"][index] for k in _KEYS}


def explain_tree(
    result,
    policy: ir.Policy,
    lang: str = "zh",
    rank: int | None = None,
    ranked: int = 0,
) -> Tree:
    """The rich Tree for one unit's Result."""
    w = _words(lang)
    words = ItemWords(policy, lang)
    by_path: dict[str, list] = defaultdict(list)
    for item in result.items:
        by_path[item.path].append(item)

    sep = "，" if lang != "en" else ", "
    total = "—" if result.total is None else decimal_text(result.total) + w["unit_points"]
    head = [f"{w['total']} {total}", f"{w['grade']} {result.grade or w['no_grade']}"]
    head.append(
        f"{w['rank']} " + (w["of"].format(rank=rank, count=ranked) if rank else w["unranked"])
    )
    head.append(f"{w['status']} {shown_status(result)}")
    label = Text(f"{result.unit}", style="bold")
    label.append("  " + sep.join(head))
    tree = Tree(label)

    for item in by_path.get("", []):
        tree.add(Text(words.sentence(item)))

    def applied(node: ir.Node) -> Decimal:
        """What the items under `node` (its own and its children's) actually cost."""
        own = sum((i.applied for i in by_path.get(node.path, []) if i.kind == "deduct"), Decimal(0))
        return own + sum((applied(child) for child in node.children), Decimal(0))

    def add(parent: Tree, node: ir.Node) -> None:
        record = result.nodes.get(node.path)
        cut = None
        if node.points is None and node.bonus_cap is None and record is not None:
            spent = applied(node)
            if record.deduction and spent != record.deduction:
                cut = spent  # a heading without points of its own, cut by its parent's budget
        branch = parent.add(_node_label(node, record, w, sep, cut))
        for item in sorted(by_path.get(node.path, []), key=lambda i: (i.line, str(i.clause))):
            style = "dim" if item.applied == 0 and item.kind != "outcome" else ""
            branch.add(Text(words.sentence(item), style=style))
        for child in node.children:
            add(branch, child)

    for node in policy.nodes:
        add(tree, node)
    if result.labels:
        tree.add(Text(t("explain_label_line", lang, labels="、".join(result.labels))))
    return tree


def _node_label(
    node: ir.Node, record, w: dict[str, str], sep: str, cut: Decimal | None = None
) -> Text:
    title = Text(
        f"{node.path} {node.title}".strip(), style="bold" if node.points is not None else ""
    )
    parts: list[str] = []
    if node.bonus_cap is not None:
        bonus = record.score if record is not None and record.score is not None else 0
        parts.append(w["bonus"].format(cap=decimal_text(node.bonus_cap), b=decimal_text(bonus)))
    elif node.points is not None:
        parts.append(w["points"].format(p=decimal_text(node.points)))
        if record is not None and record.score is not None:
            parts.append(w["score"].format(s=decimal_text(record.score)))
    if cut is not None:
        parts.append(w["lost_cut"].format(d=decimal_text(record.deduction), a=decimal_text(cut)))
    elif record is not None and node.bonus_cap is None and record.deduction:
        parts.append(w["lost"].format(d=decimal_text(record.deduction)))
    if parts:
        title.append(
            "  " + sep.join(parts), style="cyan" if record and record.deduction else "green"
        )
    return title
