"""The outline's markers and titles: siblings sharing a marker (E204), gaps in
numbering (W301), and title parts that look like a mistyped modifier (W307).

Numbering: a document numbers each marker kind either afresh under every parent
(1、2、3 under (一), 1、2 under (二)) or continuously through the document (1–3 under
(一), 4–5 under (二)).  For each kind the pass counts the sibling groups that restart
at 1 against those that continue from the previous group, and takes the majority;
a group that restarts at 1 in a continuous document is accepted silently.
"""

from __future__ import annotations

import re

from ...diagnostics.diagnostic import Diagnostic
from ...diagnostics.suggest import edit_distance, same_sense
from ...source.text import Span, normalise
from ...syntax import ast
from ...syntax.keywords import (
    BONUS_CAP_WORDS,
    BONUS_NODE,
    CAP_WORDS,
    NO_FLOOR,
    NODE_CAP_WORDS,
    TAKE_MAX,
    UNTIL_ZERO,
)
from ..context import Context

_DIGITS = "零一二三四五六七八九"


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (outline markers)."""
    if n < 10:
        return _DIGITS[n]
    if n < 20:
        return "十" + (_DIGITS[n % 10] if n % 10 else "")
    if n < 100:
        return _DIGITS[n // 10] + "十" + (_DIGITS[n % 10] if n % 10 else "")
    rest = n % 100
    head = _DIGITS[n // 100] + "百"
    if rest == 0:
        return head
    if rest < 10:
        return head + "零" + _DIGITS[rest]
    return head + (_DIGITS[rest // 10] + "十" + (_DIGITS[rest % 10] if rest % 10 else ""))


def marker_text(kind: str, number: int) -> str:
    """The marker of `kind` ("一、", "(一)", "1、", "(1)", "①") with another number."""
    if kind == "一、":
        return chinese_number(number) + "、"
    if kind == "(一)":
        return f"({chinese_number(number)})"
    if kind == "(1)":
        return f"({number})"
    if kind == "①":
        return chr(0x245F + number) if 1 <= number <= 20 else f"({number})"
    return f"{number}、"


def check_outline(ctx: Context) -> list[Diagnostic]:
    diags: list[Diagnostic] = []
    groups: dict[str, list[list[ast.Node]]] = {}
    _collect(ctx.tree.nodes, groups)
    for siblings in _sibling_lists(ctx.tree.nodes):
        diags += _duplicates(siblings)
    for kind, kind_groups in groups.items():
        diags += _gaps(kind, kind_groups)
    for node in _all(ctx.tree.nodes):
        diags += _suspicious(ctx, node)
    return diags


def _all(nodes: tuple[ast.Node, ...]):
    for node in nodes:
        yield node
        yield from _all(node.children)


def _sibling_lists(nodes: tuple[ast.Node, ...]):
    yield nodes
    for node in nodes:
        yield from _sibling_lists(node.children)


def _collect(nodes: tuple[ast.Node, ...], groups: dict[str, list[list[ast.Node]]]) -> None:
    """Group siblings by marker kind, groups in document order."""
    by_kind: dict[str, list[ast.Node]] = {}
    for node in nodes:
        by_kind.setdefault(node.marker.kind, []).append(node)
    for kind, members in by_kind.items():
        groups.setdefault(kind, []).append(members)
    for node in nodes:
        _collect(node.children, groups)


def _duplicates(siblings: tuple[ast.Node, ...]) -> list[Diagnostic]:
    diags: list[Diagnostic] = []
    seen: dict[tuple[str, int], ast.Node] = {}
    for node in siblings:
        key = (node.marker.kind, node.marker.number)
        if key in seen:
            first = seen[key]
            diags.append(
                Diagnostic(
                    "E204",
                    node.marker.span,
                    {"marker": node.marker.text, "other": first.marker.span.line},
                )
            )
        else:
            seen[key] = node
    return diags


def _gaps(kind: str, groups: list[list[ast.Node]]) -> list[Diagnostic]:
    groups = sorted(groups, key=lambda g: (g[0].marker.span.line, g[0].marker.span.column))
    fresh = cont = 0
    for prev, group in zip(groups, groups[1:], strict=False):
        first = group[0].marker.number
        if first == 1:
            fresh += 1
        elif first == prev[-1].marker.number + 1:
            cont += 1
    continuous = cont > fresh
    diags: list[Diagnostic] = []
    last: int | None = None
    for group in groups:
        first = group[0].marker.number
        expected = 1 if (not continuous or last is None or first == 1) else last + 1
        for node in group:
            number = node.marker.number
            if number > expected:
                missing = marker_text(kind, expected)
                if number - expected > 1:
                    missing += "至" + marker_text(kind, number - 1)
                args = {"marker": node.marker.text, "missing": missing}
                diags.append(Diagnostic("W301", node.marker.span, args))
            expected = max(expected, number + 1)
        last = max(n.marker.number for n in group)
    return diags


# ----------------------------------------------------------------- W307

# The modifier table (LANGUAGE.md §3.3, from the keyword table), N standing for a number.
MODIFIERS: tuple[str, ...] = (
    *UNTIL_ZERO,
    *(w + "N分" for w in dict.fromkeys((*CAP_WORDS, *NODE_CAP_WORDS))),
    *NO_FLOOR,
    BONUS_NODE,
    *(w + "N分" for w in BONUS_CAP_WORDS),
    *TAKE_MAX,
)
_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def suggest_modifier(text: str) -> str | None:
    """The modifier a title part was probably meant to be, or None when none is close.

    A part is close when at most one character in three differs (at least one
    edit allowed): `扣完位止` → 扣完为止, `最多扣5份` → 最多扣5分; `逐项扣分` is
    ordinary title text.
    """
    numbers = _NUMBER.findall(text)
    shape = _NUMBER.sub("N", text.strip())
    best: tuple[int, str] | None = None
    for mod in MODIFIERS:
        d = edit_distance(shape, mod)
        if d == 0:
            return None  # a real modifier: not suspicious at all
        if d <= max(1, min(len(shape), len(mod)) // 3) and (best is None or d < best[0]):
            if same_sense(shape, mod):  # `最少扣5分` is not a slip for `最多扣5分`
                best = (d, mod)
    if best is None:
        return None
    return best[1].replace("N", numbers[0] if numbers else "N", 1)


def _suspicious(ctx: Context, node: ast.Node) -> list[Diagnostic]:
    parts = list(node.suspicious) or _title_parts(ctx, node)
    diags: list[Diagnostic] = []
    for text, span in parts:
        suggestion = suggest_modifier(text)
        if suggestion is not None:
            diags.append(Diagnostic("W307", span, {"text": text, "suggestion": suggestion}))
        elif _SCORE_PHRASE.search(text):
            diags.append(Diagnostic("E117", span, {"text": text}))
    return diags


#: A title part that states points or a cap (`最高加5分`, `扣满6分为止`, `每项最多扣2分`,
#: `最高得6分`) but
#: is no modifier the language reads: as title text it would change nothing, so the
#: cap the writer meant would silently not apply.
_SCORE_PHRASE = re.compile(
    r"[扣加减][^,，]{0,4}?\d+(?:\.\d+)?\s*分|上限\s*\d|(?:最高|最多)[得计]\s*\d"
)


def _title_parts(ctx: Context, node: ast.Node) -> list[tuple[str, Span]]:
    """`，` parts of a title holding 扣/加/分, located on the node's line (used when
    the parser has not listed them in `Node.suspicious`)."""
    parts = re.split(r"[，,]", node.title)[1:]
    line = normalise(ctx.source.line_text(node.span.line))
    found: list[tuple[str, Span]] = []
    for part in parts:
        text = part.strip()
        if not text or not any(ch in text for ch in "扣加分"):
            continue
        col = line.find(text)
        if col < 0:
            continue
        found.append((text, Span(node.span.line, col + 1, node.span.line, col + 1 + len(text))))
    return found
