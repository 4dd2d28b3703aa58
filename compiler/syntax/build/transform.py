"""Grammar rules → the AST of `ast.py`, with the diagnostics only the meaning shows.

`Builder` has one method per grammar rule (lines, blocks and declarations here; clauses
in `clauses.py`, values and conditions in `terms.py`).  The parser calls them as it
reduces (`callbacks`), so no parse tree is ever built: that halves the cost of a parse.
`build` then assembles the file from the entries: the header first (E107, E113, a header
field out of place is E101), declarations, and the outline, whose notes and clauses
belong to the node line above them (E109 otherwise).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import partial

from ...diagnostics.diagnostic import Diagnostic
from ...diagnostics.messages import details
from ...source.text import Source, Span
from .. import ast
from .. import keywords as kw
from ..lark_import import ChildFilterLALR_NoPlaceholders, Lark, Token, Transformer, Tree
from ..lexical import Prepared
from ..numerals import cn_to_int
from .bands import AverageBandsMixin
from .clauses import ClausesMixin, at_the_mean, for_item
from .header import HeaderLine, read_header
from .nodeline import NodeLineReader
from .outline import FlatNode
from .outline import build as build_outline
from .spans import span_of, token_span

_REQUIREMENTS = kw.requirement_words()


#: Where a clause's quoted text stops even when a rewrite blanked what follows.
_STOP = re.compile(r"[\s。．.，,；;：:、）)]")


#: The band a quota line names: what is before `等次`, `的`, the subject and `不超过`.
_QUOTA_NAME = re.compile(
    "^(?:评为|评定为|确定为)?(?P<name>.+?)(?:等次)?的?"
    + f"(?:{kw.alternation(kw.QUOTA_SUBJECT)})?"
    + f"(?:\\s*按[^,]{{0,10}}?{kw.alternation(kw.QUOTA_ORDER)}[^,]{{0,6}}?,)?"
    + r"\s*(?:原则上)?\s*"
    + kw.alternation(kw.QUOTA_AT_MOST)
)
#: The quota's number and whether it is a share (`30%`) or a count (`3个`).
_QUOTA_NUMBER = re.compile(r"(\d+(?:\.\d+)?)\s*(%|个单位|个|名|家)$")
_QUOTA_FRACTION = re.compile(r"([二三四五六七八九十])分之([一二三四五六七八九])$")


#: The list mark of a clause line (`- `), written by habit before a declaration.
_LIST_MARK = re.compile(r"^[-－—]\s+")


@dataclass(frozen=True)
class ClauseLine:
    clauses: tuple[ast.Clause, ...]
    span: Span


@dataclass(frozen=True)
class Block:
    kind: str  # "data" | "param" | "grade" | "test"
    items: tuple
    span: Span


class _Inlined:
    """The children of an `_inlined` rule, on their way into the rule above."""

    __slots__ = ("children",)

    def __init__(self, children: list):
        self.children = children


class Builder(ClausesMixin, AverageBandsMixin, Transformer):
    """One method per grammar rule, called by the parser on each reduction.

    A line the parser drops after a syntax error may already have been partly built:
    `forget_from` takes back what the methods reported about it."""

    def __default__(self, data: str, children: list, meta: object) -> object:
        """A rule without a method.  An `_inlined` rule (and Lark's `__x_star` helpers)
        only carries children for the rule above it to splice in (Lark reads
        `.children`), so it gets the lightest holder; any other rule stays a `Tree`, as
        after a separate transform."""
        if data.startswith("_"):
            return _Inlined(children)
        return Tree(data, children, meta)  # type: ignore[arg-type]

    def __init__(self, source: Source, prepared: Prepared):
        super().__init__(visit_tokens=False)
        self.reset(source, prepared)

    def reset(self, source: Source, prepared: Prepared) -> None:
        """Start on another file.  A thread reuses its builder, and the callbacks bound
        to it, from file to file: binding them afresh cost more than parsing a short
        file."""
        self.source = source
        self.prepared = prepared
        self.diags: list[Diagnostic] = []
        self.normalised_lines = prepared.text.split("\n")
        self.descriptions = {c.span.line: c.text.lstrip("#").strip() for c in prepared.comments}
        self._line_subjects: list = []  # (line, column, Ref) of each comparison's subject
        self.places_said: list[ast.Num] = []  # `，结果保留两位小数` on the line being built

    def callbacks(self, lark: Lark) -> dict:
        """The parser's reduction callbacks (rule → function), bound to this builder.

        An `_inlined` rule without a method makes its holder directly rather than
        through Lark's default-callback partial and `__default__` (a third of all
        reductions are such rules)."""
        callbacks = lark._parse_tree_builder.create_callback(self)
        for rule, callback in callbacks.items():
            name = rule.alias or rule.origin.name
            if not name.startswith("_") or hasattr(self, name):
                continue
            if isinstance(callback, partial):
                callbacks[rule] = _Inlined
            elif isinstance(callback, ChildFilterLALR_NoPlaceholders) and isinstance(
                callback.node_builder, partial
            ):
                callback.node_builder = _Inlined
        return callbacks

    def forget_from(self, line: int) -> None:
        """Drop the diagnostics about `line` and later lines.

        Everything reported since the parser shifted the line break before `line` is
        about that line or later ones, and everything reported before it about earlier
        lines, so the diagnostics to drop are a tail of the list."""
        diags = self.diags
        while diags and diags[-1].span.line >= line:
            diags.pop()

    # ------------------------------------------------------------ mixin needs

    def report(self, code: str, span: Span, args: dict | None = None) -> None:
        self.diags.append(Diagnostic(code, span, args or {}))

    def line_text(self, number: int) -> str:
        return self.source.line_text(number)

    def original(self, span: Span) -> str:
        line = self.line_text(span.line)
        end = span.end_column - 1 if span.end_line == span.line else len(line)
        return line[span.column - 1 : end]

    def clause_text(self, span: Span) -> str:
        """A clause as written, with the words a rewrite left blank at its end
        (`之比乘以6计分` read as `之比计分` and blanks): the explanation quotes the whole
        sentence, never one cut after `乘以`."""
        line = self.line_text(span.line)
        if span.end_line != span.line or span.line > len(self.normalised_lines):
            return self.original(span)
        read = self.normalised_lines[span.line - 1]
        end = span.end_column - 1
        while end < min(len(line), len(read)) and read[end] == " " and not _STOP.match(line[end]):
            end += 1
        return line[span.column - 1 : end]

    # ------------------------------------------------------------------ lines

    def start(self, children: list) -> list:
        return children

    def header_field(self, children: list) -> HeaderLine:
        name = children[0]
        if len(children) > 1:
            value = children[1]
            value_span = token_span(value)
            text = self.original(value_span)
        else:
            value_span = Span(name.line, name.end_column + 1, name.line, name.end_column + 2)
            text = ""
        return HeaderLine(name.value, text, value_span, span_of(children))

    def node_line(self, children: list) -> FlatNode:
        marker = children[0]
        line = marker.line
        normalised = self.normalised_lines[line - 1] if line <= len(self.normalised_lines) else ""
        reader = NodeLineReader(self.source.line_text(line), normalised)
        node = reader.read(marker, [list(part) for part in children[1:]])
        self.diags += reader.diags
        return node

    def node_part(self, children: list) -> list[Token]:
        return children

    def note_line(self, children: list) -> ast.Note:
        keyword = children[0]
        span = span_of(children)
        end = self.prepared.content_end.get(keyword.line, span.end_column)
        span = Span(span.line, span.column, span.line, max(end, span.end_column))
        text = ""
        if len(children) > 1:
            start = children[1].column
            text = self.original(Span(span.line, start, span.line, span.end_column)).strip()
        return ast.Note(text, span)

    def clause_line(self, children: list) -> ClauseLine:
        self._line_subjects = []
        clauses: list[ast.Clause] = []
        for item in children[1:]:
            if isinstance(item, tuple | list):
                clauses.extend(item)  # one sentence over several facts: one clause each
            elif item is not None:
                clauses.append(item)
        span = span_of(children)
        self._places_kept(clauses, span.line)
        return ClauseLine(tuple(self.halves(clauses)), span)

    def _places_kept(self, clauses: list, line: int) -> None:
        """`，结果保留两位小数` rounds the points of a clause that fixes or computes them
        (a formula, a share of the best); after a step (`每低1个百分点扣0.5分`) or any
        other clause it is refused, with the header's 精度 to write instead (E253)."""
        said, self.places_said = self.places_said, []
        kept = {id(c.places) for c in clauses if getattr(c, "places", None) is not None}
        for places in said:
            if id(places) in kept or places.span.line != line:
                continue  # kept; or left by a line the parser gave up on
            args = {"text": self.original(places.span).strip()}
            args.update(details("why.round_step", "why"))
            args.update(details("hint.round_clause", "hint"))
            self.report("E253", places.span, args)

    # ----------------------------------------------------------------- blocks

    def data_block(self, children: list) -> Block:
        return Block("data", tuple(children[1:]), span_of(children))

    def param_block(self, children: list) -> Block:
        return Block("param", tuple(children[1:]), span_of(children))

    def grade_block(self, children: list) -> Block:
        return Block("grade", tuple(children[1:]), span_of(children))

    def test_block(self, children: list) -> Block:
        quoted = children[1]
        name = self.original(token_span(quoted))[1:-1].strip()
        facts = tuple(c for c in children[2:] if isinstance(c, ast.TestFact))
        expectations = [c for c in children[2:] if isinstance(c, ast.Expectation)]
        for child in children[2:]:
            if isinstance(child, tuple):  # a unit's expectations
                expectations.extend(child)
        units = tuple(c for c in children[2:] if isinstance(c, ast.TestUnit))
        case = ast.TestCase(name, facts, tuple(expectations), span_of(children), units)
        return Block("test", (case,), case.span)

    def test_unit(self, children: list) -> ast.TestUnit:
        quoted = children[1]
        name = self.original(token_span(quoted))[1:-1].strip()
        facts = tuple(c for c in children[2:] if isinstance(c, ast.TestFact))
        return ast.TestUnit(name, facts, span_of(children))

    def unit_expectations(self, children: list) -> tuple[ast.Expectation, ...]:
        quoted = children[1]
        unit = self.original(token_span(quoted))[1:-1].strip()
        return tuple(
            ast.Expectation(e.target, e.raw, e.span, unit)
            for e in children[2:]
            if isinstance(e, ast.Expectation)
        )

    def fact_decl(self, children: list) -> ast.FactDecl:
        name, name_span = self._name(children[0])
        type_word = children[1].value
        default = low = high = sense = None
        for kind, raw in children[2:]:
            if kind == "default":
                default = raw.value.strip()
            elif kind == "sense":
                said = kw.FACT_SENSES[raw.value]
                sense = said if sense in (None, said) else "both"
            else:
                low, high = self._range_text(raw)
        span = span_of(children)
        description = self.descriptions.get(span.line, "")
        return ast.FactDecl(
            name, type_word, default, low, high, description, span, name_span, sense
        )

    def fact_default(self, children: list) -> tuple[str, Token]:
        return ("default", children[-1])

    def fact_range(self, children: list) -> tuple[str, Token]:
        return ("range", children[-1])

    def fact_sense(self, children: list) -> tuple[str, Token]:
        return ("sense", children[-1])

    def param_decl(self, children: list) -> ast.ParamDecl:
        name, name_span = self._name(children[0])
        value = self.leaf(children[1])
        span = span_of(children)
        return ast.ParamDecl(name, value, span, name_span, self.descriptions.get(span.line, ""))

    def band(self, children: list) -> ast.Band | tuple:
        name, _ = self._name(children[0])
        low, high, rest = children[1]
        band = ast.Band(name, low, high, rest, span_of(children[:2]))
        if len(children) == 2:
            return band
        return band, self._quota(name, children[2:])

    def quota_line(self, children: list) -> ast.GradeQuota:
        token = children[0]
        found = _QUOTA_NAME.match(token.value)
        name = found.group("name").strip() if found else token.value
        return self._quota(name, children)

    def _quota(self, name: str, children: list) -> ast.GradeQuota:
        token = children[0]
        share = count = None
        per = 1
        number = _QUOTA_NUMBER.search(token.value)
        if number is None:  # `三分之一`, as the terminal allows
            fraction = _QUOTA_FRACTION.search(token.value)
            assert fraction is not None
            share, per = Decimal(cn_to_int(fraction.group(2))), cn_to_int(fraction.group(1))
        elif number.group(2) == "%":
            share = Decimal(number.group(1)) / 100
        else:
            value = Decimal(number.group(1))
            count = int(value) if value == value.to_integral_value() else -1
        span = span_of(children)
        lead = len(token.value) - len(token.value.lstrip(", \t"))  # the comma before it
        span = Span(span.line, span.column + lead, span.end_line, span.end_column)
        text = self.original(span).strip()
        return ast.GradeQuota(name, share, count, text, span, per)

    def band_num(self, children: list) -> ast.Num:
        span = span_of(children)
        return ast.Num(self.number(children[0]), "分", span, self.original(span))

    def band_rest(self, children: list) -> tuple:
        return (None, None, True)

    def band_after(self, children: list) -> tuple:
        num, word = children
        return self._bound(num, word.value, kw.COMPARE_AFTER.get(word.value))

    def band_before(self, children: list) -> tuple:
        word, num = children
        base = _REQUIREMENTS.get(word.value, word.value)
        return self._bound(num, word.value, kw.COMPARE_BEFORE.get(base))

    def band_between(self, children: list) -> tuple:
        pair = children[0]
        low, high = self._range(pair)
        word = pair.value[low.span.end_column - pair.column : high.span.column - pair.column]
        word = word.replace("分", "").strip()
        return ((low, word), (high, word), False)

    def band_two(self, children: list) -> tuple:
        first = self.band_after(children[:2])
        second = self.band_after(children[2:])
        return (first[0] or second[0], first[1] or second[1], False)

    def test_fact(self, children: list) -> ast.TestFact:
        average = isinstance(children[0], Token) and children[0].type == "AVG_KW"
        ref, value = children[-2], children[-1]
        name = ref.value[1:-1].strip()
        return ast.TestFact(name, value.value.strip(), average, span_of(children))

    def test_stat(self, children: list) -> ast.TestFact:
        word, ref, value = children
        name = ref.value[1:-1].strip()
        return ast.TestFact(name, value.value.strip(), False, span_of(children), word.value)

    def test_size(self, children: list) -> ast.TestFact:
        (token,) = children
        digits = "".join(ch for ch in token.value if ch.isdigit())
        return ast.TestFact("", digits, False, span_of(children), "单位数")

    def expectation(self, children: list) -> ast.Expectation:
        target, value = children
        return ast.Expectation(target.value.strip(), value.value.strip(), span_of(children))

    # ---------------------------------------------------------------- helpers

    def _name(self, token: Token) -> tuple[str, Span]:
        if token.type == "REF":
            return token.value[1:-1].strip(), token_span(token)
        name = token.value.rstrip()
        # `- 【缺会次数】：次`: a clause's list mark and brackets, copied onto a declaration
        # line, are no part of the name (the line declares 缺会次数)
        marked = _LIST_MARK.match(name)
        if marked is not None:
            name = " " * marked.end() + name[marked.end() :]
            inner = name.strip()
            if inner.startswith("【") and inner.endswith("】") and inner.count("【") == 1:
                name = name.replace("【", " ", 1)[: name.rfind("】")].rstrip()
        lead = len(name) - len(name.lstrip())
        name = name.strip()
        column = token.column + lead
        return name, Span(token.line, column, token.line, column + len(name))

    def _range_text(self, token: Token) -> tuple[str | None, str | None]:
        raw = token.value.strip()
        for separator in kw.RANGE_SEPARATORS:
            at = raw.find(separator, 1)
            if at > 0:
                return raw[:at].strip(), raw[at + len(separator) :].strip()
        self.form_error(token_span(token), "范围，如 0至100", "a range, e.g. 0至100")
        return raw, None

    def _bound(self, num: ast.Num, word: str, comparison: kw.Comparison | None) -> tuple:
        pair = (num, word)
        if comparison is None or comparison.direction == "ge":
            return (pair, None, False)
        if comparison.direction == "le":
            return (None, pair, False)
        return (pair, pair, False)


def build(
    entries: list, builder: Builder, source: Source, prepared: Prepared
) -> tuple[ast.PolicyFile, list[Diagnostic]]:
    """The file from the parser's entries (what `Builder.start` returned)."""
    diags = builder.diags
    headers: list[HeaderLine] = []
    seen_fields: set[str] = set()
    facts: list[ast.FactDecl] = []
    params: list[ast.ParamDecl] = []
    bands: list[ast.Band] = []
    quotas: list[ast.GradeQuota] = []
    tests: list[ast.TestCase] = []
    flat: list[FlatNode] = []
    body_started = False
    for entry in entries:
        if isinstance(entry, HeaderLine):
            problem = None
            if body_started:
                problem = ("表头项须写在文件开头", "header fields belong at the top of the file")
            elif entry.name in seen_fields:
                problem = ("表头项只写一次", "each header field is written once")
            if problem is not None:
                _misplaced(diags, entry, problem)
            else:
                seen_fields.add(entry.name)
                headers.append(entry)
            continue
        body_started = True
        if isinstance(entry, Block):
            target = {"data": facts, "param": params, "grade": bands, "test": tests}[entry.kind]
            for item in entry.items:
                for each in item if entry.kind == "grade" and isinstance(item, tuple) else (item,):
                    (quotas if isinstance(each, ast.GradeQuota) else target).append(each)
        elif isinstance(entry, FlatNode):
            flat.append(entry)
        elif isinstance(entry, ast.Note | ClauseLine):
            if not flat:
                diags.append(Diagnostic("E109", entry.span))
            elif isinstance(entry, ast.Note):
                flat[-1].notes.append(entry)
            else:
                flat[-1].clauses.extend(for_item(list(entry.clauses), flat[-1].points, diags))
    for node in flat:  # an item's clauses on all its lines: a unit on the mean between tiers
        node.clauses[:] = at_the_mean(node.clauses, node.points, diags)
    header, header_diags = read_header(headers)
    diags += header_diags
    lines = source.lines
    end = Span(max(len(lines), 1), 1, max(len(lines), 1), len(lines[-1]) + 1 if lines else 1)
    policy = ast.PolicyFile(
        header=header,
        facts=tuple(facts),
        params=tuple(params),
        bands=tuple(bands),
        quotas=tuple(quotas),
        tests=tuple(tests),
        nodes=build_outline(flat),
        span=Span(1, 1, end.end_line, end.end_column),
        comments=tuple(prepared.comments),
    )
    return policy, diags


def _misplaced(diags: list[Diagnostic], entry: HeaderLine, problem: tuple[str, str]) -> None:
    found = f"“{entry.name}”"
    diags.append(
        Diagnostic(
            "E101",
            Span(
                entry.span.line,
                entry.span.column,
                entry.span.line,
                entry.span.column + len(entry.name),
            ),
            {
                "found": found,
                "found_en": found,
                "expected": problem[0],
                "expected_en": problem[1],
                "did_you_mean": "",
                "did_you_mean_en": "",
            },
        )
    )
