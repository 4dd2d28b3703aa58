"""The rendered document as Markdown (for review in a repository or a chat)."""

from __future__ import annotations

import re

from .model import NO_FACTS, DocNode, Document

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")


def escape(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", text)


def _line_start(text: str) -> str:
    """`1.` at the start of a line would become a list item: escape its dot."""
    return re.sub(r"^(\d+)\.", r"\1\\.", text)


def render_markdown(doc: Document) -> str:
    out = [f"# {escape(doc.title)}", ""]
    out += [f"{escape(line)}  " for line in meta_lines(doc)]
    out.append("")
    top_heading = doc.top_heading
    for node in doc.nodes:
        out += _node(node, top_heading)
    if doc.bands:
        out += ["## 等次评定", "", "| 等次 | 总分 |", "|---|---|"]
        out += [f"| {escape(name)} | {escape(rng)} |" for name, rng in doc.bands]
        out.append("")
    out += ["## 附：数据项说明", ""]  # always there, even empty (see docx.py)
    if doc.facts:
        out += [
            "| 数据项 | 类型 | 默认值 | 范围 | 说明 | 用于 |",
            "|---|---|---|---|---|---|",
        ]
        for f in doc.facts:
            cells = (f.name, f.type, f.default, f.range, f.description, f.used_in)
            out.append("| " + " | ".join(escape(c) for c in cells) + " |")
    else:
        out.append(NO_FACTS)
    out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def meta_lines(doc: Document) -> list[str]:
    """The lines under the title: target, year, full marks, scoring frame."""
    lines = []
    if doc.target:
        lines.append(f"考评对象：{doc.target}")
    parts = [f"年度：{doc.year}", f"满分：{doc.full_marks}", f"计分方式：{doc.mode}"]
    lines.append("　".join(parts))
    rules = []
    if doc.precision:
        rules.append(f"得分保留到{doc.precision}分（四舍五入）")
    if doc.boundary:
        rules.append(f"数量界限：{doc.boundary}")
    if rules:
        lines.append("　".join(rules))
    return lines


def _node(node: DocNode, top_heading: str) -> list[str]:
    out: list[str] = []
    if node.heading:
        level = 2 if node.kind == top_heading else 3
        out += [f"{'#' * level} {escape(node.line)}", ""]
        if node.text:
            out += [escape(node.text), ""]
    else:
        text = escape(node.line)
        if node.text:
            text += _joint(node.line) + escape(node.text)
        out += [_line_start(text), ""]
    if node.standards:
        out += [escape(node.standard_text), ""]
    for child in node.children:
        out += _node(child, top_heading)
    return out


def _joint(line: str) -> str:
    """Title and text run together as in the original: `标题（2分），按时上报得2分…`."""
    return "" if line.endswith(("。", "，", "；", "：")) else "，"
