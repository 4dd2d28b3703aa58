"""`xize fmt`: one canonical layout for .rule files, with no options.

Two writers of one policy should produce the same file, so reviews show only real
changes.  The layout: header fields in a fixed order; then 数据, 参数, the outline,
等次 and the tests; outline indentation by depth (2 spaces a level, clauses and 说明
one level deeper than their node); official full-width punctuation (`：` `，` `（）`)
outside names and quotations; one clause per line (unless the clauses of a line are read
together, which the check below finds); 数据 and 参数 aligned by display
width; every comment kept with the line it was on or the line below it.

Formatting never changes what a file computes: the result compiles to the same IR
(`irnorm.same_policy`), and formatting twice gives the same text.
"""

from __future__ import annotations

import dataclasses
import re

from ..source.punct import official
from ..source.text import Source, display_width, normalise
from ..syntax import ast
from .lines import FormatError, Lines, Unit

HEADER_ORDER = ("细则", "年度", "满分", "精度", "边界", "计分", "考评对象")
INDENT = "  "
#: Gap between the longest aligned declaration and its comment.
COMMENT_GAP = 2
#: Declarations wider than this do not push the comment column further right.
MAX_ALIGN = 48

__all__ = ["FormatError", "format_source", "format_tree"]


def format_source(text: str, filename: str = "<policy>") -> str:
    """The canonical layout of `text`; FormatError if it does not parse."""
    from ..syntax.parser import parse

    source = Source(text, filename)
    tree, diags = parse(source)
    errors = [d for d in diags if d.is_error]
    if tree is None or errors:
        from ..diagnostics.diagnostic import render_all

        raise FormatError(render_all(errors or diags, source) or f"{filename}: 无法解析")
    formatted = format_tree(tree, source)
    if not _same_clauses(tree, formatted, filename):
        # a line whose clauses are read together (bands, `；低于的，…` after a comparison,
        # `本项得分减半` beside the clause it halves) stays one line
        formatted = format_tree(tree, source, split=False)
    return formatted


def _same_clauses(tree: ast.PolicyFile, formatted: str, filename: str) -> bool:
    """Whether the formatted text parses to the clauses the original does (positions and
    source text aside): what a policy computes is its clauses' meaning."""
    from ..syntax.parser import parse

    after, diags = parse(Source(formatted, filename))
    if after is None or any(d.is_error for d in diags):
        return False
    return _clauses_shape(after.nodes) == _clauses_shape(tree.nodes)


def _clauses_shape(nodes) -> list:
    out: list = []
    stack = list(nodes)
    while stack:
        node = stack.pop(0)
        out.append(tuple(_shape(c) for c in node.clauses))
        stack[:0] = list(node.children)
    return out


def _shape(value: object) -> object:
    """A syntax value without its spans and source text."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return (
            type(value).__name__,
            tuple(
                (f.name, _shape(getattr(value, f.name)))
                for f in dataclasses.fields(value)
                if f.name not in ("span", "text")
            ),
        )
    if isinstance(value, (tuple, list)):
        return tuple(_shape(v) for v in value)
    return value


def format_tree(tree: ast.PolicyFile, source: Source, split: bool = True) -> str:
    """The layout of a parsed file; `split` puts each clause of a line on its own line."""
    lines = Lines.read(source, tree)
    sections: list[list[tuple[Unit, int, bool]]] = []  # (unit, depth, blank line before)
    sections.append(_header(lines))
    sections.append(_block(lines, "数据", "fact", _fact_units(lines)))
    sections.append(_block(lines, "参数", "param", _param_units(lines)))
    sections.append(_outline(lines, split))
    sections.append(_block(lines, "等次", "band", _band_units(lines)))
    sections.append(_tests(lines))
    out: list[str] = []
    banner, gap = lines.banner()
    if banner:
        out += banner
        if gap:
            out.append("")
    for section in sections:
        for unit, depth, blank in section:
            if out and out[-1] != "" and (blank or unit is section[0][0]):
                _blank(out)
            _emit(out, unit, depth)
    trailing, gap = lines.trailing_comments()
    if trailing:
        if gap:
            _blank(out)
        out += trailing
    _check_placed(lines, sections)
    return "\n".join(out).rstrip("\n") + "\n"


# ---------------------------------------------------------------------- emitting


def _blank(out: list[str]) -> None:
    if out and out[-1] != "":
        out.append("")


def _emit(out: list[str], unit: Unit, depth: int) -> None:
    pad = INDENT * depth
    for comment in unit.leading:
        out.append(pad + comment if comment else "")
    if unit.leading and unit.gap:
        out.append("")
    code = pad + unit.code
    if unit.comment:
        code = _with_comment(code, unit.comment, unit.align)
    out.append(code)


def _with_comment(code: str, comment: str, column: int) -> str:
    width = display_width(code)
    spaces = max(column - width, COMMENT_GAP) if column else COMMENT_GAP
    return code + " " * spaces + comment


def _check_placed(lines: Lines, sections) -> None:
    placed = {u.line for section in sections for u, _, _ in section} | lines.absorbed
    lost = sorted(set(lines.code) - placed)
    if lost:
        n = lost[0]
        raise FormatError(
            f"{lines.source.filename}:{n}: 无法确定此行的位置：{lines.code[n].strip()}"
        )


# ----------------------------------------------------------------------- header


def _split_field(code: str) -> tuple[str, str]:
    """`满分:100分` → ("满分", "100分"), splitting at the first colon of either width."""
    norm = normalise(code)
    at = norm.find(":")
    if at < 0:
        return code.strip(), ""
    return code[:at].strip(), code[at + 1 :].strip()


def _header(lines: Lines) -> list[tuple[Unit, int, bool]]:
    units = []
    for name, span in lines.tree.header.fields:
        key, value = _split_field(lines.code.get(span.line, ""))
        key = normalise(key).strip() or name
        text = f"{key}：{official(value)}"
        units.append(lines.unit("header", span.line, text))
    rank = {name: i for i, name in enumerate(HEADER_ORDER)}
    units.sort(key=lambda u: (rank.get(_split_field(u.code)[0], len(rank)), u.line))
    return [(u, 0, False) for u in units]


# ------------------------------------------------------------------------ blocks


def _block(lines: Lines, word: str, kind: str, items: list[Unit]) -> list[tuple[Unit, int, bool]]:
    if not items:
        return []
    headers = sorted(
        n for n, role in lines.role.items() if role == "block" and _block_word(lines, n) == word
    )
    out: list[tuple[Unit, int, bool]] = []
    if headers:
        first = lines.unit("block", headers[0], f"{word}：")
        # Further headers of the same block merge into the first; their comments stay.
        for n in headers[1:]:
            extra = lines.unit("block", n, "")
            first.leading += extra.leading + ([extra.comment] if extra.comment else [])
            lines.absorbed.add(n)
        out.append((first, 0, False))
    else:
        out.append((Unit("block", 0, f"{word}："), 0, False))
    out += [(u, 1, False) for u in items]
    return out


def _block_word(lines: Lines, number: int) -> str:
    return normalise(lines.code[number]).strip().rstrip(":").strip()


def _align(units: list[Unit], split: str, after: bool = False) -> None:
    """Pad the names so that what follows them lines up, then line up the comments.

    The padding goes before `split` (`名称   = 值`) or, with `after`, after it
    (`名称：   类型`), so that a name is never followed by blanks inside its field."""
    heads = [u.code.split(split, 1)[0] + (split if after else "") for u in units]
    width = max((display_width(h) for h in heads), default=0)
    for unit, head in zip(units, heads, strict=True):
        rest = unit.code[len(head) :]
        unit.code = head + " " * (width - display_width(head)) + rest
    column = max((display_width(INDENT + u.code) for u in units), default=0)
    column = min(column, MAX_ALIGN) + COMMENT_GAP
    for unit in units:
        unit.align = column


def _name_text(lines: Lines, span) -> str:
    text = lines.source.line_text(span.line)
    if span.end_line == span.line and span.end_column > span.column:
        return text[span.column - 1 : span.end_column - 1].strip()
    return ""


def _fact_units(lines: Lines) -> list[Unit]:
    units = []
    for f in lines.tree.facts:
        code = lines.code[f.span.line]
        name = _name_text(lines, f.name_span) or f.name
        _, rest = _split_field(code)
        parts = [official(p.strip()) for p in re.split(r"[,，]", rest)]
        units.append(lines.unit("fact", f.span.line, f"{name}：{'，'.join(parts)}"))
    _align(units, "：", after=True)
    return units


def _param_units(lines: Lines) -> list[Unit]:
    units = []
    for p in lines.tree.params:
        code = normalise(lines.code[p.span.line])
        name = _name_text(lines, p.name_span) or p.name
        value = code.split("=", 1)[1].strip() if "=" in code else ""
        units.append(lines.unit("param", p.span.line, f"{name} = {official(value)}"))
    _align(units, " = ")
    return units


def _band_units(lines: Lines) -> list[Unit]:
    """The bands, and a quota written on a line of its own where it stands among them."""
    units = []
    band_lines = {b.span.line for b in lines.tree.bands}
    own = [q.span.line for q in lines.tree.quotas if q.span.line not in band_lines]
    for line in sorted(band_lines | set(own)):
        if line in band_lines:
            name, rest = _split_field(lines.code[line])
            units.append(lines.unit("band", line, f"{official(name)}：{official(rest)}"))
        else:
            units.append(lines.unit("band", line, official(lines.code[line].strip())))
    return units


# ----------------------------------------------------------------------- outline


def _outline(lines: Lines, split: bool = True) -> list[tuple[Unit, int, bool]]:
    out: list[tuple[Unit, int, bool]] = []

    def visit(node: ast.Node, depth: int) -> None:
        line = node.marker.span.line
        out.append((lines.unit("node", line, _node_code(lines.code[line])), depth, depth == 0))
        for note in sorted(node.notes, key=lambda n: n.span.line):
            code = official(lines.code[note.span.line].strip())
            out.append((lines.unit("note", note.span.line, code), depth + 1, False))
        seen: set[int] = set()
        for clause in sorted(node.clauses, key=lambda c: (c.span.line, c.span.column)):
            n = clause.span.line
            if n in seen:
                continue
            seen.add(n)
            count = sum(1 for c in node.clauses if c.span.line == n) if split else 1
            texts = _clause_texts(lines.code[n], count)
            for i, text in enumerate(texts):
                unit = lines.unit("clause", n, "- " + text)
                if i > 0:
                    unit.leading, unit.gap = [], False
                if i < len(texts) - 1:
                    unit.comment = ""  # the line's comment goes with its last clause
                out.append((unit, depth + 1, False))
        for child in node.children:
            visit(child, depth + 1)

    for top in lines.tree.nodes:
        visit(top, 0)
    return out


def _node_code(code: str) -> str:
    return official(code.strip())


def _clause_texts(code: str, count: int) -> list[str]:
    """The clauses of one line: split at `；` outside names, quotations and parentheses."""
    body = code.strip()
    if body.startswith("-") or body.startswith("－"):
        body = body[1:].strip()
    parts = _split_outside(body, "；;")
    parts = [p.strip().rstrip("。.；;").strip() for p in parts]
    parts = [p for p in parts if p]
    if len(parts) != count:
        parts = [body.rstrip("。；;").strip()]
    return [official(p) for p in parts]


def _split_outside(text: str, seps: str) -> list[str]:
    parts, current, depth, closer = [], [], 0, ""
    pairs = {"【": "】", "“": "”"}
    for ch in text:
        if closer:
            current.append(ch)
            if ch == closer:
                closer = ""
            continue
        if ch in pairs:
            closer = pairs[ch]
        elif ch in "(（":
            depth += 1
        elif ch in ")）":
            depth = max(depth - 1, 0)
        elif ch in seps and depth == 0:
            parts.append("".join(current))
            current = []
            continue
        current.append(ch)
    parts.append("".join(current))
    return parts


# ------------------------------------------------------------------------- tests


def _tests(lines: Lines) -> list[tuple[Unit, int, bool]]:
    out: list[tuple[Unit, int, bool]] = []
    for test in lines.tree.tests:
        head = re.sub(r"\s+", " ", official(lines.code[test.span.line].strip()))
        head = re.sub(r"^测试\s*", "测试 ", head)
        head = re.sub(r'^测试 "([^"“”]*)"', r"测试 “\1”", head)
        out.append((lines.unit("test", test.span.line, head), 0, True))
        body_lines = sorted(
            {tf.span.line for tf in test.facts}
            | {e.span.line for e in test.expectations}
            | {unit.span.line for unit in test.units}
        )
        for n in body_lines:
            role = lines.role[n]
            code = lines.code[n].strip()
            text = _test_fact(code) if role == "testfact" else _expect(code)
            out.append((lines.unit(role, n, text), 1, False))
    return out


def _test_fact(code: str) -> str:
    """`【缺会次数】= 2` (several on one line are joined by `，`)."""
    text = official(code.strip())
    text = re.sub(r"\s*=\s*", "= ", text)
    return re.sub(r"\s*，\s*", "，", text)


def _expect(code: str) -> str:
    """`期望 总分 = 8，(一) = 3`: marker paths stay in their ASCII path spelling."""
    text = normalise(code).strip()
    text = re.sub(r"\s*=\s*", " = ", text)
    text = re.sub(r"\s*,\s*", "，", text)
    return re.sub(r"^期望\s*", "期望 ", text)
