"""评分标准: a node's clauses as sentences that name their facts, and read back exactly.

A node's `说明` is the writer's wording, which seldom says which data item a sentence
counts.  So the document also prints, under each node with clauses, a `评分标准：`
paragraph: one sentence a clause, naming each fact as the data appendix lists it.  The
sentence is the readable one (`发生赴京非正常初访的，每人次扣30分`) when putting `【】`
around the appendix's names in it (`bracket`) gives back the very clause; else the
clause as the writer typed it, without brackets; else (a name the text would not
give back, such as a node's score `（二）得分`) with its brackets.  Every sentence is
checked here by parsing it back, so that `xize import` of the document reads the same
clauses — nothing hidden in the file, and nothing a reader cannot see.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Mapping

from ..source.punct import official
from ..source.text import Source, normalise
from ..syntax import ast
from .sentences import Sentences

#: The paragraph's lead word; `xize import` reads the sentences after it.
LEAD = "评分标准："


def bracket(text: str, names: list[str]) -> str:
    """Put `【】` around every known name in text, longest names first, never nested;
    text that has brackets already is left as it is.  Names are matched ignoring the
    full-width/ASCII spelling (`经费投入（万元）` ≡ `经费投入(万元)`)."""
    if "【" in text:
        return text
    plain = normalise(text)
    spans: list[tuple[int, int]] = []
    for name in sorted({normalise(n) for n in names if n}, key=len, reverse=True):
        start = 0
        while True:
            i = plain.find(name, start)
            if i < 0:
                break
            end = i + len(name)
            if not any(a < end and i < b for a, b in spans):
                spans.append((i, end))
            start = i + 1
    out, last = [], 0
    for a, b in sorted(spans):
        out += [text[last:a], "【", text[a:b], "】"]
        last = b
    out.append(text[last:])
    return "".join(out)


def shape(value: object) -> object:
    """An AST value without spans and source text: what the clause means."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return (
            type(value).__name__,
            tuple(
                (f.name, shape(getattr(value, f.name)))
                for f in dataclasses.fields(value)
                if f.name not in ("span", "text", "chain")  # where, not what
            ),
        )
    if isinstance(value, (tuple, list)):
        return tuple(shape(v) for v in value)
    return value


def inline(value: object, params: Mapping[str, ast.Num]) -> object:
    """The AST value with each parameter reference replaced by the parameter's value."""
    if isinstance(value, ast.Ref) and value.name in params:
        return params[value.name]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {
            f.name: inline(getattr(value, f.name), params)
            for f in dataclasses.fields(value)
            if f.name not in ("span", "text")
        }
        return dataclasses.replace(value, **changes)
    if isinstance(value, tuple):
        return tuple(inline(v, params) for v in value)
    return value


def parse_clauses(clause: str) -> tuple[ast.Clause, ...] | None:
    """The clauses one clause line parses to, alone in a node; None when it does not."""
    from ..syntax.parser import parse

    if "\n" in clause or "#" in clause:
        return None
    text = f"细则：草稿\n年度：2023\n满分：100分\n\n(一)草稿(100分)\n  - {clause}\n"
    tree, diagnostics = parse(Source(text, "<standard>"))
    if tree is None or any(d.is_error for d in diagnostics) or len(tree.nodes) != 1:
        return None
    node = tree.nodes[0]
    if node.children or not node.clauses:
        return None
    return node.clauses


class _Naming(Sentences):
    """The readable sentences, with a per-unit clause's fact always named in full
    (`缺会次数每缺1次扣1分`, `赴京非正常初访的，每人次扣30分`)."""

    def _per_unit(self, c: ast.PerUnitClause) -> str:
        if c.condition is not None:
            return super()._per_unit(c)
        step = self.per(c.per) + self.effect(c.effect) + self._rounding(c.per) + self._cap(c)
        subject = self.subject(c.subject)
        if c.per.verb or not isinstance(c.effect, ast.Deduct):
            return f"{subject}{step}"
        return f"{subject}的，{step}"


def _verbatim(text: str, params: Mapping[str, ast.Num], names: bool) -> str:
    """The clause as typed: parameters as their values, `【】` kept only when `names`."""
    s = Sentences(params)

    def value(m: re.Match) -> str:
        name = m.group(1)
        if name in params:
            return s.num(params[name])
        return m.group(0) if names else name

    return official(re.sub(r"【([^【】]*)】", value, text.strip()))


class Standards:
    """The 评分标准 sentences of one policy's nodes."""

    def __init__(
        self,
        names: list[str],
        params: Mapping[str, ast.Num] | None = None,
        lines: tuple[str, ...] = (),
    ):
        self.names = list(names)
        self.params = dict(params or {})
        self.naming = _Naming(self.params)
        self.lines = lines  # the policy's source lines: a clause as typed

    def _typed(self, group: tuple[ast.Clause, ...], groups: list[list[ast.Clause]]) -> str:
        """The clause as typed on its `- ` line (a clause's own text may start later:
        `(【A】或【B】)且…` keeps its bracket only in the line); a line of several clauses
        (`…；…`) is cut at its `；`."""
        text = getattr(group[0], "text", "")
        number = group[0].span.line
        if not 0 < number <= len(self.lines) or group[-1].span.end_line != number:
            return text
        line = self.lines[number - 1].strip()
        if not line.startswith("- "):
            return text
        pieces = [p.strip() for p in re.split(r"[；;]", line[2:].split("#", 1)[0]) if p.strip()]
        same = [g for g in groups if g[0].span.line == number]
        if len(pieces) != len(same):
            return text
        return pieces[next(k for k, g in enumerate(same) if g[0] is group[0])]

    def of(self, clauses: tuple[ast.Clause, ...]) -> tuple[str, ...]:
        """One sentence for each clause (for each group written as one sentence); the
        clauses of a line that are only read together (bands of one line, `；低于的，…`)
        as the whole line, so that the sentence still reads back to them."""
        groups: list[list[ast.Clause]] = []
        for clause in clauses:
            chain = getattr(clause, "chain", None)  # tiers joined by commas: one sentence
            if groups and (
                groups[-1][-1].span == clause.span
                or (chain is not None and getattr(groups[-1][-1], "chain", None) == chain)
            ):
                groups[-1].append(clause)
            else:
                groups.append([clause])
        out: list[str] = []
        i = 0
        while i < len(groups):
            number = groups[i][0].span.line
            same = list(itertools.takewhile(lambda g, n=number: g[0].span.line == n, groups[i:]))
            sentences = [self._sentence(tuple(g), groups) for g in same]
            whole = self._whole_line(same) if len(same) > 1 else None
            if whole is not None and not all(ok for _, ok in sentences):
                out.append(whole)
            else:
                out += [sentence for sentence, _ in sentences]
            i += len(same)
        return tuple(out)

    def _whole_line(self, same: list[list[ast.Clause]]) -> str | None:
        """The `- ` line of several clauses as one sentence, when it reads back to them."""
        number = same[0][0].span.line
        if not 0 < number <= len(self.lines):
            return None
        line = self.lines[number - 1].strip()
        if not line.startswith("- "):
            return None
        want = shape(inline(tuple(c for g in same for c in g), self.params))
        text = line[2:].split("#", 1)[0]
        for sentence in (_verbatim(text, self.params, False), _verbatim(text, self.params, True)):
            back = parse_clauses(bracket(sentence, self.names))
            if back is not None and shape(back) == want:
                return sentence.rstrip("。；; ")
        return None

    def _sentence(
        self, group: tuple[ast.Clause, ...], groups: list[list[ast.Clause]]
    ) -> tuple[str, bool]:
        """The sentence, and whether it reads back to the clauses alone."""
        want = shape(inline(group, self.params))
        text = self._typed(group, groups)
        tries = [] if len(group) > 1 else [official(self.naming.clause(group[0]))]
        tries += [_verbatim(text, self.params, False), _verbatim(text, self.params, True)]
        for sentence in tries:
            back = parse_clauses(bracket(sentence, self.names))
            if back is not None and shape(back) == want:
                return sentence.rstrip("。；; "), True
        return tries[-1].rstrip("。；; "), False


__all__ = ["LEAD", "Standards", "bracket", "parse_clauses", "shape"]
