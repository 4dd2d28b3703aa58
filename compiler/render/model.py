"""The document to render, built once and written out as Markdown, HTML or Word.

Numbers (points, budgets, bands, defaults) come from the IR — what the policy really
computes; words (`说明`, the writer's verbs) come from the syntax tree, which the IR
does not keep.  Each node gets its GB/T 9704-2012 marker (`一、` `（一）` `1、`/`1.` `（1）`, as written),
its `说明` text, and its 评分标准: one sentence a clause, naming the facts (`standards`).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..ir import nodes as ir
from ..ir import text as irtext
from ..source.punct import official
from ..source.text import normalise
from ..syntax import ast
from .sentences import join, param_values
from .standards import LEAD, Standards

#: The data appendix of a policy without facts: printed all the same, so that the
#: document shows what its scoring reads and `xize import` knows it for a rendered one.
NO_FACTS = "本细则不使用数据项。"
#: Marker kinds printed as headings of their own; deeper kinds run into their text.
HEADING_KINDS = ("一、", "(一)")


@dataclass(frozen=True)
class DocNode:
    path: str
    depth: int
    kind: str  # "一、" | "(一)" | "1、" | "(1)" | "①"
    marker: str  # as printed: "一、", "（一）", "1、" or "1.", "（1）"
    title: str
    points: str  # "（5分）", "（加分项，最高加2分）" or ""
    text: str  # the 说明 as written
    standards: tuple[str, ...]  # the clauses as sentences that name their facts (评分标准)
    children: tuple[DocNode, ...]

    @property
    def standard_text(self) -> str:
        """The 评分标准 paragraph: `评分标准：…；…。`, or "" for a node without clauses."""
        return LEAD + join(list(self.standards)) if self.standards else ""

    @property
    def heading(self) -> bool:
        return self.kind in HEADING_KINDS

    @property
    def line(self) -> str:
        """Marker, title and points as one printed line.

        `1.` before a title that starts with a digit would read as a decimal
        (`1.1月9日前`), so a space keeps the two apart."""
        gap = " " if self.marker.endswith(".") and self.title[:1].isdigit() else ""
        return f"{self.marker}{gap}{self.title}{self.points}"


@dataclass(frozen=True)
class FactRow:
    name: str
    type: str
    default: str
    range: str
    description: str
    used_in: str


@dataclass(frozen=True)
class Document:
    title: str
    year: int
    full_marks: str
    target: str
    mode: str
    precision: str
    boundary: str
    nodes: tuple[DocNode, ...]
    bands: tuple[tuple[str, str], ...]
    facts: tuple[FactRow, ...]
    source_hash: str

    @property
    def top_heading(self) -> str:
        """The highest marker kind present, printed as the main heading level."""
        kinds = {n.kind for n in self.walk()}
        return next((k for k in HEADING_KINDS if k in kinds), HEADING_KINDS[-1])

    def walk(self):
        stack = list(reversed(self.nodes))
        while stack:
            node = stack.pop()
            yield node
            stack.extend(reversed(node.children))


def document_for(policy: object) -> Document:
    """The document of an `api.Policy` (its IR, and its source parsed again for words)."""
    from ..syntax.parser import parse  # the parser is only needed when rendering from a Policy

    source = getattr(policy, "source", None)
    tree = parse(source)[0] if source is not None else None  # no source: numbers only
    lines = source.lines if source is not None else ()
    return build(policy.ir, tree, lines)  # type: ignore[attr-defined]


def build(policy: ir.Policy, tree: ast.PolicyFile | None, lines: tuple[str, ...] = ()) -> Document:
    ast_nodes = ast_by_path(tree.nodes) if tree is not None else {}
    params = param_values(tree.params) if tree is not None else {}
    standards = Standards([f.name for f in policy.facts], params, lines)
    nodes = tuple(_node(n, 0, ast_nodes, standards) for n in policy.nodes)
    overrides = dict(tree.header.boundary) if tree is not None and tree.header.boundary else {}
    bands = tuple(
        (b.name, _band_range(b, overrides) + irtext.quota_text(policy, k))
        for k, b in enumerate(policy.bands)
    )
    boundary = ""
    if tree is not None and tree.header.boundary:
        boundary = "，".join(
            f"{word}{'含本数' if inc else '不含本数'}" for word, inc in tree.header.boundary
        )
    return Document(
        title=official(policy.title),
        year=policy.year,
        full_marks=irtext.points(policy.full_marks),
        target=official(policy.target or ""),
        mode=policy.mode or "减分制",
        precision="" if policy.precision is None else irtext.number(policy.precision),
        boundary=boundary,
        nodes=nodes,
        bands=bands,
        facts=_facts(policy),
        source_hash=policy.source_hash,
    )


def _band_range(band: ir.GradeBand, overrides: dict[str, bool]) -> str:
    """`90分以上`, as `irtext.band_range` says it — unless the policy's 边界 makes `以上`
    or `以下` mean the other thing: then the words that cannot be misread (`不低于`,
    `超过`, `不超过`, `低于`), so that the document states the band the policy computes."""
    text = irtext.band_range(band)
    low, high = band.low, band.high
    if band.rest or (low is not None and high is not None):
        return text
    if low is not None and overrides.get("以上", True) != band.low_inclusive:
        return f"{'不低于' if band.low_inclusive else '超过'}{irtext.number(low)}分"
    if high is not None and overrides.get("以下", True) != band.high_inclusive:
        return f"{'不超过' if band.high_inclusive else '低于'}{irtext.number(high)}分"
    return text


def ast_by_path(nodes: tuple[ast.Node, ...], prefix: str = "") -> dict[str, ast.Node]:
    """Syntax-tree nodes keyed by marker path, the key IR nodes carry."""
    out: dict[str, ast.Node] = {}
    for node in nodes:
        path = prefix + normalise(node.marker.path_part)
        out[path] = node
        out.update(ast_by_path(node.children, path))
    return out


def marker_kind(marker: str) -> str:
    """`（一）` → "(一)", `1.` → "1、" and so on, from the marker as written."""
    text = normalise(marker).strip()
    if len(text) == 1 and "\u2460" <= text <= "\u2473":
        return "①"
    inner = text.strip("()、. ")
    arabic = inner.isdigit()
    if text.startswith("("):
        return "(1)" if arabic else "(一)"
    return "1、" if arabic else "一、"


def printed_marker(marker: str) -> str:
    """The marker as written in its kind: `一、`, `（一）`, `1、` or `1.`, `（1）`.

    An arabic marker keeps the separator the policy wrote: `1、` stays `1、` (turning
    it into `1.` would make `1、1月9日前` read `1.1月9日前`, a decimal)."""
    kind = marker_kind(marker)
    text = normalise(marker).strip()
    if kind == "①":
        return text
    inner = text.strip("()、. ")
    arabic = f"{inner}." if kind == "1、" and text.endswith(".") else f"{inner}、"
    return {
        "一、": f"{inner}、",
        "(一)": f"（{inner}）",
        "1、": arabic,
        "(1)": f"（{inner}）",
    }[kind]


def points_text(node: ir.Node) -> str:
    # 就高不就低 changes the node's score, so the document must say it
    best = "，就高不就低" if node.take_max else ""
    if node.bonus_cap is not None:
        return f"（加分项，最高加{irtext.number(node.bonus_cap)}分{best}）"
    parts = []
    if node.points is not None:
        parts.append(f"{irtext.number(node.points)}分")
    if node.budget is not None and (node.points is None or node.budget < node.points):
        parts.append(f"最多扣{irtext.number(node.budget)}分")
    if not node.floor:
        parts.append("不设下限")
    if node.take_max:
        parts.append("就高不就低")
    return f"（{'，'.join(parts)}）" if parts else ""


def _node(node: ir.Node, depth: int, ast_nodes: dict[str, ast.Node], s: Standards) -> DocNode:
    source = ast_nodes.get(normalise(node.path))
    notes = [official(n.text.strip(), protect=False) for n in source.notes] if source else []
    return DocNode(
        path=node.path,
        depth=depth,
        kind=marker_kind(node.marker),
        marker=printed_marker(node.marker),
        title=official(node.title.strip()),
        points=points_text(node),
        text="".join(_sentence_end(n) for n in notes),
        standards=s.of(source.clauses) if source is not None else (),
        children=tuple(_node(c, depth + 1, ast_nodes, s) for c in node.children),
    )


def _sentence_end(text: str) -> str:
    text = text.strip()
    return text if text.endswith(("。", "！", "？", "”", "；")) else text + "。"


def _facts(policy: ir.Policy) -> tuple[FactRow, ...]:
    used: dict[str, list[str]] = {}
    for node in policy.walk():
        for clause in node.clauses:
            for name in clause.inputs:
                paths = used.setdefault(name, [])
                if node.path not in paths:
                    paths.append(node.path)
    rows = []
    for f in policy.facts:
        default = "" if f.default is None else irtext.value(f.default, f.type, policy.year)
        rng = ""
        if f.low is not None or f.high is not None:
            lo = "" if f.low is None else irtext.value(f.low, f.type, policy.year)
            hi = "" if f.high is None else irtext.value(f.high, f.type, policy.year)
            rng = f"{lo}至{hi}"
        rows.append(
            FactRow(
                name=f.name,
                type=irtext.fact_spec(f),
                default=default,
                range=rng,
                description=official(f.description.strip().lstrip("#").strip(), protect=False),
                used_in="、".join(_printed_path(p) for p in used.get(f.name, [])),
            )
        )
    return tuple(rows)


def _printed_path(path: str) -> str:
    return path.replace("(", "（").replace(")", "）")
