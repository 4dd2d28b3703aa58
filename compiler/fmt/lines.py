"""What each line of a .rule file is, read off the syntax tree's spans.

The formatter rebuilds a file from units — a header field, a declaration, a node
line, a clause — each with the comments that belong to it: a comment at the end of
a line stays with that line, and comment lines stay with the code line below them.
Spans (not a second parser) say which line is which, so the formatter can never
disagree with the compiler about what a line means.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..source.text import Source, normalise
from ..syntax import ast

_BLOCK = re.compile(r"^\s*(数据|参数|等次)\s*:\s*$")


@dataclass
class Unit:
    """One code line of the output (a source line with several clauses gives several).

    `leading` holds the comment lines above it ("" marks a blank line between them);
    `gap` is True when a blank line separated those comments from this line."""

    kind: str
    line: int
    code: str
    comment: str = ""
    leading: list[str] = field(default_factory=list)
    gap: bool = False
    align: int = 0  # display column for the trailing comment (0: two spaces after the code)


class FormatError(ValueError):
    """The file cannot be formatted (it does not parse, or a line has no known role)."""


@dataclass
class Lines:
    """The source split into code and comments, with each code line's role."""

    source: Source
    tree: ast.PolicyFile
    code: dict[int, str] = field(default_factory=dict)  # line → code text (no comment)
    comment: dict[int, str] = field(default_factory=dict)  # line → "# …"
    role: dict[int, str] = field(default_factory=dict)
    absorbed: set[int] = field(default_factory=set)  # lines merged into another unit

    @classmethod
    def read(cls, source: Source, tree: ast.PolicyFile) -> Lines:
        self = cls(source, tree)
        starts: dict[int, int] = {}
        for c in tree.comments:
            text = source.line_text(c.span.line)
            self.comment[c.span.line] = text[c.span.column - 1 :].rstrip()
            starts[c.span.line] = c.span.column
        for number, text in enumerate(source.lines, 1):
            code = text[: starts[number] - 1] if number in starts else text
            code = code.rstrip()
            if code.strip():
                self.code[number] = code
        self._roles()
        unknown = [n for n in self.code if n not in self.role]
        if unknown:
            n = unknown[0]
            raise FormatError(f"{source.filename}:{n}: 无法确定此行的作用：{self.code[n].strip()}")
        return self

    def _roles(self) -> None:
        tree = self.tree
        for _, span in tree.header.fields:
            self.role[span.line] = "header"
        for f in tree.facts:
            self.role[f.span.line] = "fact"
        for p in tree.params:
            self.role[p.span.line] = "param"
        for b in tree.bands:
            self.role[b.span.line] = "band"
        for q in tree.quotas:
            self.role[q.span.line] = "band"
        for t in tree.tests:
            self.role[t.span.line] = "test"
            for tf in t.facts:
                self.role[tf.span.line] = "testfact"
            for unit in t.units:
                self.role[unit.span.line] = "testfact"
            for e in t.expectations:
                self.role[e.span.line] = "expect"
        for node in _walk(tree.nodes):
            self.role[node.marker.span.line] = "node"
            for note in node.notes:
                self.role[note.span.line] = "note"
            for clause in node.clauses:
                self.role[clause.span.line] = "clause"
        for number, code in self.code.items():
            if number not in self.role and _BLOCK.match(normalise(code)):
                self.role[number] = "block"

    def banner(self) -> tuple[list[str], bool]:
        """The comments above the first code line: they head the file whatever moves."""
        if not self.code:
            return [], False
        return self._above(min(self.code))

    def leading(self, line: int) -> tuple[list[str], bool]:
        """The comment lines directly above `line` (blank lines among them kept as "")."""
        if self.code and line == min(self.code):
            return [], False
        return self._above(line)

    def _above(self, line: int) -> tuple[list[str], bool]:
        out: list[str] = []
        n = line - 1
        while n >= 1 and n not in self.code:
            out.append(self.comment.get(n, ""))
            n -= 1
        out.reverse()
        # drop blank lines before the first comment
        while out and out[0] == "":
            out.pop(0)
        if not out:
            return [], False
        # trailing blanks (between the comments and the line) become `gap`
        gap = False
        while out and out[-1] == "":
            out.pop()
            gap = True
        return _collapse(out), gap

    def trailing_comments(self) -> tuple[list[str], bool]:
        """Comments after the last code line (attached to nothing below)."""
        last = max(self.code, default=0)
        lines = [n for n in range(last + 1, len(self.source.lines) + 1)]
        out: list[str] = []
        for n in lines:
            out.append(self.comment.get(n, ""))
        while out and out[-1] == "":
            out.pop()
        gap = bool(out) and out[0] == ""
        while out and out[0] == "":
            out.pop(0)
        return _collapse(out), gap

    def unit(self, kind: str, line: int, code: str) -> Unit:
        leading, gap = self.leading(line)
        return Unit(kind, line, code, self.comment.get(line, ""), leading, gap)


def _collapse(lines: list[str]) -> list[str]:
    out: list[str] = []
    for line in lines:
        if line == "" and out and out[-1] == "":
            continue
        out.append(line)
    return out


def _walk(nodes: tuple[ast.Node, ...]):
    for node in nodes:
        yield node
        yield from _walk(node.children)


def walk_nodes(nodes: tuple[ast.Node, ...]):
    """Every syntax-tree node, parents first, in source order."""
    return _walk(nodes)
