"""Numbers, names, computed amounts and conditions: the leaves and inner rules of a clause.

A mixin of the tree transformer (see `transform.py`); each method is named after the
grammar rule it builds.  Lists that the grammar keeps flat (`a + b + c`, `甲且乙且丙`)
are folded here, so the parse tree never nests deeper than the parentheses written.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from decimal import Decimal

from ...source.text import Span
from .. import ast
from .. import keywords as kw
from ..lark_import import Token
from ..mean_bands import Band, End
from ..numerals import parse_decimal, parse_percent_cn
from ..syntax_errors import batch_refusal
from .spans import span_of, sub_span, token_span

#: A computed amount or condition nested deeper than this is refused (E101): later
#: passes walk these trees recursively.
MAX_DEPTH = 64

#: The words after a bare count that need no comparison word before it (`2起及以上的`).
_COUNT_BOUNDS = frozenset({"以上", "及以上", "以下", "及以下"})
#: A fact named in a line's text: `【X】`.
_REF_TEXT = re.compile(r"【([^】\n]+)】")
#: After a fact's name: a step (`每…`) or a ranking (`最高的`, `排名`, never `最多扣5分`).
_COUNTED_OR_RANKED = re.compile(
    r"每|排名|排序|排位|名次|位次|最[高低多少大小长短](?:的|者|值)|末位|倒数"
    r"|[第前后]\s*[\d一二两三四五六七八九十]{1,3}\s*[名位]"
    # `【事故】发生1起扣2分；2起及以上的，…`: per occurrence without 每 (1起 is every 起)
    r"|^\s*(?:发生|出现|有)?\s*(?:1|一)\s*(?:起|次|件|例|宗|人次|批次|项|个|人|篇|条)\s*(?:扣|减)"
)
_AVERAGE_TAIL = re.compile(kw.alternation(kw.AVERAGE_WORDS) + "$")
_DATE_YMD = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})[日号]")
_DATE_MD = re.compile(r"(次年|翌年|下一年度?|下年度?)?(\d{1,2})月(\d{1,2})[日号]")
_DATE_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_OPS = {"+": "+", "-": "-", "−": "-", "×": "*", "*": "*", "÷": "/", "/": "/"}
_REQUIREMENTS = kw.requirement_words()
_LIST_ITEM = re.compile(
    r"(?P<num>\d+(?:\.\d+)?|["
    + kw.CN_NUMERAL_CHARS
    + "]+)(?P<unit>"
    + kw.alternation(kw.UNITS)
    + ")?"
)


@dataclass(frozen=True)
class RefList:
    """`【A】、【B】、【C】`: only a missing-items clause may list facts like this."""

    refs: tuple[ast.Ref, ...]
    span: Span
    negated: bool = False


@dataclass(frozen=True)
class EachOf(ast.And):
    """`【A】、【B】均达到90%`: each fact listed meets the comparison (an And, marked so
    that `分别` / `各` after it, which would split what 均 joined, is refused)."""


@dataclass(frozen=True)
class Tiers:
    """`【达标率】低于80%、70%、60%`: one comparison word, several thresholds; only
    `分别扣…` may follow (the deepest tier reached applies)."""

    left: ast.Expr
    word: str
    values: tuple[ast.Num, ...]
    span: Span


@dataclass(frozen=True)
class CondSeq:
    """`【A】超过3次、【B】低于80%` or `【A】的，【B】的`: several conditions, each its own
    item (每项扣…, 分别扣…), or any of them (不得分 and other outcomes)."""

    items: tuple
    span: Span


@dataclass(frozen=True)
class Versus:
    """`【发案率】与【上年发案率】相比`: the standard a step verb measures against."""

    subject: ast.Expr
    target: ast.Expr
    span: Span


@dataclass(frozen=True)
class Subject:
    """`【A】+【B】` where a condition could stand: the counted subject of a per-unit
    clause, and nothing else."""

    expr: ast.Expr
    span: Span


class TermsMixin:
    """Rules for values, computed amounts and conditions."""

    def report(self, code: str, span: Span, args: dict | None = None) -> None:  # pragma: no cover
        raise NotImplementedError

    def original(self, span: Span) -> str:  # pragma: no cover
        raise NotImplementedError

    def clause_text(self, span: Span) -> str:  # pragma: no cover
        raise NotImplementedError

    def line_text(self, number: int) -> str:  # pragma: no cover
        raise NotImplementedError

    def form_error(self, span: Span, expected: str, expected_en: str, batch: bool = True) -> None:
        """E101 for a well-formed phrase in a place where it means nothing — unless the
        line is a batch wording the language refuses with what to write (E116, E253;
        not with `batch` False: the phrase itself is the wording, and this is why)."""
        refused = batch_refusal(self.line_text(span.line), span.line) if batch else None
        if refused is not None:
            self.report(refused.code, refused.span, dict(refused.args))
            return
        found = f"“{self.original(span)}”"
        self.report(
            "E101",
            span,
            {
                "found": found,
                "found_en": found,
                "expected": expected,
                "expected_en": expected_en,
                "did_you_mean": "",
                "did_you_mean_en": "",
            },
        )

    # ------------------------------------------------------------------ leaves

    def number(self, token: Token) -> Decimal:
        """The value of a NUMBER / CN_NUM token; E110 (and 0) when it cannot be read."""
        try:
            return parse_decimal(token.value)
        except ValueError:
            self.report("E110", token_span(token), {"text": token.value})
            return Decimal(0)

    def leaf(self, item: object) -> ast.Expr:
        """A token standing for a value, as an expression; built values pass through."""
        if not isinstance(item, Token):
            return item  # type: ignore[return-value]
        span = token_span(item)
        kind = item.type
        if kind == "REF":
            return ast.Ref(item.value[1:-1].strip(), span)
        if kind == "THIS_FACT":
            return self.line_fact(span)
        if kind == "PLACE_VALUE":  # 名次 in a formula of a rank clause
            return ast.Place(span)
        if kind == "COUNT_VALUE":  # 单位数 in a formula of a rank clause
            return ast.UnitCount(span)
        if kind == "BEST_VALUE":  # 每低于最高值…: the batch's largest (smallest) value
            # `全市最高值`: the scope says where the batch is (checked against 考评对象, E263)
            order = "high" if item.value[item.value.index("最") + 1] in "高多大长" else "low"
            return ast.Average(span, "", best=order)
        if kind == "AVG":
            return average_of(item.value, span)
        if kind == "PERCENT_CN":
            try:
                value = parse_percent_cn(item.value)
            except ValueError:
                self.report("E110", span, {"text": item.value})
                value = Decimal(0)
            return ast.Num(value, "%", span, self.original(span))
        if kind == "DATE":
            return self.date(item)
        if kind in ("NUMBER", "CN_NUM"):
            return ast.Num(self.number(item), None, span, self.original(span))
        raise ValueError(f"not a value: {kind}")

    def date(self, token: Token) -> ast.DateLit:
        text = token.value
        span = token_span(token)
        year: int | None = None
        later = 0
        match = _DATE_YMD.fullmatch(text) or _DATE_ISO.fullmatch(text)
        if match:
            year, month, day = (int(g) for g in match.groups())
        else:
            found = _DATE_MD.fullmatch(text)
            assert found is not None
            later = 1 if found.group(1) else 0  # `次年1月9日`: the January after 年度
            month, day = int(found.group(2)), int(found.group(3))
        if not (1 <= month <= 12 and 1 <= day <= 31):
            self.report("E110", span, {"text": text})
        return ast.DateLit(year, month, day, span, later)

    def quantity(self, children: list) -> ast.Num:
        token = children[0]
        unit = None
        if len(children) > 1:
            unit = kw.UNITS.get(children[1].value, children[1].value)
        span = span_of(children)
        return ast.Num(self.number(token), unit, span, self.original(span))

    # ------------------------------------------------------------- expressions

    def sum(self, children: list) -> ast.Expr:
        return self._fold(children)

    def product(self, children: list) -> ast.Expr:
        return self._fold(children)

    def _fold(self, children: list) -> ast.Expr:
        """`a op b op c` → ((a op b) op c), for the flat lists of the grammar."""
        result = self.leaf(children[0])
        for index in range(1, len(children) - 1, 2):
            op = children[index]
            right = self.leaf(children[index + 1])
            result = ast.BinOp(_OPS[op.value], result, right, span_of(result, right))
        self._check_depth(result)
        return result

    def neg(self, children: list) -> ast.Expr:
        sign, operand = children[0], self.leaf(children[1])
        if sign.value == "+":
            return operand
        zero = ast.Num(Decimal(0), None, token_span(sign), "")
        return ast.BinOp("-", zero, operand, span_of(sign, operand))

    def call(self, children: list) -> ast.Expr:
        name = children[0]
        args = tuple(self.leaf(c) for c in children[1:])
        span = span_of(children)
        func = kw.FUNCTIONS[name.value]
        if func == "floor" and len(args) != 1:
            self.form_error(span, "取整(一个数)", "取整(one number)")
        elif func != "floor" and len(args) < 2:
            self.form_error(
                span, f"{name.value}(两个或更多数)", f"{name.value}(two or more numbers)"
            )
        return ast.Call(func, args, span)

    def _check_depth(self, expr: ast.Expr) -> None:
        if expression_depth(expr) > MAX_DEPTH:
            self.form_error(
                expr.span,
                f"至多{MAX_DEPTH}层的计算式（请拆分或改用参数）",
                f"a computation at most {MAX_DEPTH} levels deep (split it, or use a parameter)",
            )

    # -------------------------------------------------------------- conditions

    def truth(self, children: list) -> ast.Truth | Subject | RefList:
        value = self.leaf(children[0])
        if isinstance(value, RefList):
            return value
        if isinstance(value, ast.Ref):
            return ast.Truth(value, value.span)
        return Subject(value, value.span)

    def avg_offset(self, children: list) -> ast.Average:
        """`平均值5个百分点` in `低于全市平均值5个百分点`: the average and a distance."""
        average = self.leaf(children[0])
        assert isinstance(average, ast.Average)
        return ast.Average(span_of(children), average.words, children[1], average.noun)

    def compare(self, children: list) -> ast.Compare:
        left = self.leaf(children[0])
        if isinstance(left, ast.Ref):
            span = left.span
            compared = self._compare(left, children[1:], span_of(children))
            self._line_subjects.append((span.line, span.column, left, compared.right))
            return compared
        return self._compare(left, children[1:], span_of(children))

    def compare_all(self, children: list) -> ast.Compare | ast.And:
        """`【A】、【B】均达到90%`: every fact listed meets the comparison, each against its
        own value (`均高于全市平均水平`: each its own mean)."""
        left = self.leaf(children[0])
        items = [c for c in children[1:] if not (isinstance(c, Token) and c.type == "ALL_OF")]
        span = span_of(children)
        refs = left.refs if isinstance(left, RefList) else (left,)
        compared = tuple(self._compare(ref, items, span) for ref in refs)
        return compared[0] if len(compared) == 1 else EachOf(compared, span)

    def _compare(self, left: ast.Expr, items: list, span: Span) -> ast.Compare:
        pre = post = None
        right: ast.Expr | None = None
        for item in items:
            if isinstance(item, Token) and item.type == "CMP_PRE":
                pre = item
            elif isinstance(item, Token) and item.type == "CMP_POST":
                post = item
            else:
                right = self.leaf(item)
        assert right is not None
        if (
            isinstance(right, ast.Average)
            and right.offset is not None
            and pre is not None
            and post is not None
            and post.value == "以内"
        ):
            # `低于平均值5个百分点以内`: between the mean and 5 below it, never the 以内 of
            # `低于90%以内` that only agrees with 低于 (read as 低于平均值5个百分点 it
            # would take the units 5 points below instead of those within 5)
            return ast.Compare(left, f"{pre.value}…{post.value}", right, span)
        # `高于平均值1个百分点以上` keeps both words (`comparison_word`): 以上 takes the
        # distance in, ≥ 平均值 + 1 (docs/language.md 9.8)
        return ast.Compare(left, comparison_word(pre, post), right, span)

    def facts_before(self, span: Span, counted: bool = False) -> set[str]:
        """The facts named on the line before `span` (a clause that leaves its fact
        unsaid takes the one fact before it, and none when there are several); `counted`:
        only those with a step (`每…`) after them, or ranked (`最高的`, `排名`): their
        values are what a bare `低于0的` after ；compares."""
        text = self.normalised_lines[span.line - 1][: span.column - 1]
        return {
            m.group(1).strip()
            for m in _REF_TEXT.finditer(text)
            if not counted or _COUNTED_OR_RANKED.search(text[m.end() :])
        }

    def line_fact(self, span: Span) -> ast.Ref:
        """`；该比例全市排名末位的`: the one fact named before on the line."""
        names = self.facts_before(span)
        if len(names) != 1:
            self.form_error(
                span,
                "【数据项】（这一句没有写是哪一项，前面也没有唯一的一项可接）",
                "a 【fact】 (nothing before names the one fact this is about)",
            )
            return ast.Ref("", span)
        return ast.Ref(names.pop(), span)

    def bare_compare(self, children: list) -> ast.Compare:
        """A comparison without its subject after ；: the one fact the line's earlier
        comparisons are about (`【发案率】高于平均值的，每高1个百分点扣1分；低于平均值的，
        每低1个百分点加0.5分`).  None of them, or several, and the writer must name it."""
        if isinstance(children[0], Token) and children[0].type == "AVG_BAND":
            return self._band_alone(children[0])  # type: ignore[return-value]
        if isinstance(children[0], Token) and children[0].type == "ORD_TIER":
            span = token_span(children[0])
            return self._ordinal(self.line_fact(span), children[0])
        span = span_of(children)
        earlier = [
            (ref, right)
            for line, column, ref, right in self._line_subjects
            if line == span.line and column < span.column
        ]
        before = {ref.name: ref for ref, _ in earlier}
        unsaid = not (isinstance(children[0], Token) and children[0].type == "CMP_PRE")
        relative = any(isinstance(right, ast.Average) for _, right in earlier)
        if unsaid and (relative or children[-1].value not in _COUNT_BOUNDS):
            # `；5个点以外扣2分` after a comparison with the mean is a distance from it,
            # never the fact's own value: only a count with 以上/以下, on a line that
            # compares with no mean or best, is read without its comparison word
            self.form_error(
                span,
                "比较词（如 达到3起的、超过3起的）",
                "a comparison word (e.g. 达到3起的)",
            )
            return ast.Compare(ast.Ref("", span), "=", ast.Num(Decimal(0), None, span, ""), span)
        if not before:
            # `【X】每起扣2分；2起及以上的，…`: no comparison before, but one fact counted
            # in steps (`每…`) — a count; `【通报】扣1分；低于90%的` names no value to compare
            names = self.facts_before(span)
            if names == self.facts_before(span, counted=True):
                before = {name: ast.Ref(name, span) for name in names}
        if len(before) != 1:
            self.form_error(
                span,
                "【数据项】（这一句没有写比的是哪一项，前面也没有唯一的一项可接）",
                "a 【fact】 (nothing before names the one fact this compares)",
            )
            subject = ast.Ref("", span)
        else:
            (subject,) = before.values()
        if len(children) == 1:  # `超过的`: against the value the line compared with before
            values = {value_key(right): right for _, right in earlier}
            if len(values) != 1 or not subject.name:
                self.form_error(
                    span,
                    f"{children[0].value}后面的数值（前面没有唯一的一个数值可接）",
                    f"a value after {children[0].value} (nothing before gives the one value)",
                )
                zero = ast.Num(Decimal(0), None, span, "")
                return ast.Compare(ast.Ref(subject.name, span), children[0].value, zero, span)
            (right,) = values.values()
            word = comparison_word(children[0], None)
            return ast.Compare(ast.Ref(subject.name, span), word, right, span)
        compared = self._compare(ast.Ref(subject.name, span), children, span)
        self._line_subjects.append((span.line, span.column, compared.left, compared.right))
        return compared

    def compare_band(self, children: list) -> ast.Cond:
        """`【X】与平均值相差1个百分点以内`: a band of distance from the average that
        `mean_bands` read before the lexer."""
        left = self.leaf(children[0])
        span = span_of(children)
        band = self.prepared.bands[(children[1].line, children[1].column)]  # type: ignore[attr-defined]
        if isinstance(left, ast.Ref):
            self._line_subjects.append(
                (left.span.line, left.span.column, left, average_of("平均值", span))
            )
        return band_condition(left, band, token_span(children[1]))

    def compare_ordinal(self, children: list) -> ast.Compare:
        """`【X】第一次扣1分`: the first of escalating tiers that `ordinals` read."""
        return self._ordinal(self.leaf(children[0]), children[1])

    def _ordinal(self, subject: ast.Expr, token: Token) -> ast.Compare:
        """Tier N of `第一次…，第二次…，第N次及以上…`: the count at least N."""
        span = token_span(token)
        key = (token.line, token.column)
        ordinal, unit = self.prepared.ordinals[key]  # type: ignore[attr-defined]
        if isinstance(subject, ast.Ref):
            self._line_subjects.append((span.line, span.column, subject, None))
        number = ast.Num(Decimal(ordinal), unit, span, f"{ordinal}{unit}")
        return ast.Compare(subject, "达到", number, span)

    def _band_alone(self, token: Token) -> ast.Cond:
        """`；低于平均值但不足3个百分点的`: a band whose subject is the line's one fact
        (`mean_bands` reads only lines that name one)."""
        span = token_span(token)
        band = self.prepared.bands[(token.line, token.column)]  # type: ignore[attr-defined]
        subject = self.line_fact(span)
        self._line_subjects.append((span.line, span.column, subject, average_of("平均值", span)))
        return band_condition(subject, band, span)

    def compare_tiers(self, children: list) -> Tiers:
        """`【达标率】低于80%、70%、60%`: several thresholds on one fact (a tier each)."""
        left = self.leaf(children[0])
        word, values = children[1], children[2]
        nums = []
        for match in _LIST_ITEM.finditer(values.value):
            text = match.group("num")
            span = sub_span(values, match.start("num"), match.end())
            unit = match.group("unit") or None
            token = Token(
                "NUMBER",
                text,
                line=span.line,
                column=span.column,
                end_line=span.line,
                end_column=span.column + len(text),
            )
            value = self.number(token)
            nums.append(ast.Num(value, kw.UNITS.get(unit, unit) if unit else None, span, text))
        return Tiers(left, word.value, tuple(nums), span_of(children))

    def cond_seq(self, children: list) -> CondSeq:
        return CondSeq(tuple(children), span_of(children))

    def cond_list(self, children: list) -> CondSeq:
        items = tuple(c for c in children if not isinstance(c, Token))
        return CondSeq(items, span_of(children))

    def versus(self, children: list) -> Versus:
        subject = self.leaf(children[0])
        target = self.leaf(children[2])
        return Versus(subject, target, span_of(children))

    def negation(self, children: list) -> ast.Cond | RefList:
        word, operand = children
        span = span_of(children)
        if isinstance(operand, RefList):
            return RefList(operand.refs, span, negated=True)
        if isinstance(operand, CondSeq):  # `未(A、B)`: neither, or not both?
            self.form_error(
                operand.span,
                "且 或 或（括号里的条件用 且、或 连接，如 未(【A】低于90%或【B】超过3次)）",
                "且 or 或 between the conditions in the parentheses",
            )
        return ast.Not(operand, span, word.value)

    def ref_list(self, children: list) -> RefList:
        refs = tuple(self.leaf(c) for c in children)
        return RefList(refs, span_of(children))  # type: ignore[arg-type]

    def elided_compare(self, children: list) -> Elided:
        return Elided(tuple(children), span_of(children))

    def cond_and(self, children: list) -> ast.And:
        for child in children:
            if isinstance(child, CondSeq):  # `【A】低于90%、【B】超过3次且【C】…`: each, or all?
                self.form_error(
                    child.span,
                    "且（每两个条件之间都写 且，如 【A】低于90%且【B】超过3次且…）",
                    "且 between every two conditions (【A】低于90%且【B】超过3次且…)",
                )
        return ast.And(self._elided(children), span_of(children))

    def bare_range(self, children: list) -> ast.And:
        return ast.And(self._elided(children), span_of(children))

    def cond_or(self, children: list) -> ast.Or:
        # `【A】低于90%、【B】超过3次或【C】超过2次的`: a list ending in 或 is any of them;
        # a list after the 或 (`A或B、C`) says not which — each, or any?
        if isinstance(children[-1], CondSeq):
            self.form_error(
                children[-1].span,
                "或（每两个条件之间都写 或，或 A、B或C 这样只在最后一个前写 或）",
                "或 between every two conditions (or A、B或C: 或 before the last only)",
            )
        flat = [item for c in children for item in (c.items if isinstance(c, CondSeq) else (c,))]
        return ast.Or(self._elided(flat), span_of(children))

    def _elided(self, children: list) -> tuple:
        """`A且B`, `A或B`; a B that leaves its fact unsaid (`达到80%且低于90%`, `低于80%或
        超过95%`) compares the fact of the comparison right before it — never a distance
        from that one's average (`高于平均值且不足5个百分点` is a band of 9.8, refused here)."""
        conds: list = []
        for child in children:
            if not isinstance(child, Elided):
                conds.append(child)
                continue
            before = conds[-1] if conds else None
            while isinstance(before, ast.Not | ast.And):
                before = before.operand if isinstance(before, ast.Not) else before.operands[-1]
            if not isinstance(before, ast.Compare) or not isinstance(before.left, ast.Ref):
                self.form_error(
                    child.span,
                    "【数据项】（且、或 后面的比较没有写是哪一项，前面也不是一项数据的比较）",
                    "a 【fact】 (the comparison after 且/或 names none, and none is compared before it)",
                )
                conds.append(
                    ast.Compare(ast.Ref("", child.span), "=", _placeholder(child.span), child.span)
                )
                continue
            compared = self._compare(
                ast.Ref(before.left.name, child.span), list(child.items), child.span
            )
            if isinstance(before.right, ast.Average) or _is_distance(compared.right):
                self.form_error(
                    child.span,
                    "与平均值相差的档次写在平均值后面（如 低于平均值5个百分点以内的）；"
                    "另比一个数的，写明【数据项】（如 低于平均值且【完成率】高于80%的）",
                    "a distance from the average written after it (e.g. 低于平均值5个百分点以内的); "
                    "another comparison names its 【fact】 (e.g. 低于平均值且【完成率】高于80%的)",
                )
            if self._juxtaposed(before, child) and not _other_sides(before, compared):
                # `低于90%低于80%`, `等于90%高于80%`: with 且 unsaid, only a bound on each
                # side reads as one range
                self.form_error(
                    child.span,
                    "“且”（两个比较之间没有且时，须一个是上限、一个是下限，如 低于90%高于80%）",
                    "且 (without it, the two comparisons must bound each side, e.g. 低于90%高于80%)",
                    batch=False,
                )
            conds.append(compared)
        return tuple(conds)

    def _juxtaposed(self, before: ast.Compare, child: Elided) -> bool:
        """Whether nothing but blanks (or a 、, which says no more) stands between a
        comparison and the one after it."""
        if before.span.end_line != child.span.line:
            return False
        line = self.line_text(child.span.line)
        return not line[before.span.end_column - 1 : child.span.column - 1].strip(" \t、")


@dataclass(frozen=True)
class Elided:
    """A comparison after 且 or 或 without its fact, until `_elided` gives it the fact of
    the comparison before it."""

    items: tuple
    span: Span


def _other_sides(a: ast.Compare, b: ast.Compare) -> bool:
    """One comparison a lower bound, the other an upper one."""
    sides = {kw.comparison_direction(a.word), kw.comparison_direction(b.word)}
    return sides == {"ge", "le"}


def _placeholder(span: Span) -> ast.Num:
    """The value of a comparison already refused (its clause is never scored)."""
    return ast.Num(Decimal(0), None, span, "")


def _is_distance(value: object) -> bool:
    """A quantity in percentage points (`百分点`, `个点`: one unit once read): a distance,
    never a value of the fact."""
    return isinstance(value, ast.Num) and value.unit == kw.UNITS["个百分点"]


def average_of(text: str, span: Span) -> ast.Average:
    """`全市平均水平` (decoration and the average), `全市平均增速` (the average named by
    the tail of the fact's name, held to it by the checker)."""
    if _AVERAGE_TAIL.search(text):
        return ast.Average(span, _AVERAGE_TAIL.sub("", text))
    words, _, noun = text.rpartition("平均")
    return ast.Average(span, words, noun=noun)


def band_condition(left: ast.Expr, band: Band, span: Span) -> ast.Cond:
    """The band `low < left − 平均值 < high` in the comparisons with the average the
    language has: `高于平均值N个百分点(以上)`, `低于平均值N个百分点(以上)`, `不低于平均值`,
    their negations (`未…`) and `且`."""
    if band.best is not None:  # 与最高值相差…: the batch's best value, not its mean
        average = ast.Average(span, "", best=band.best)
    else:
        average = average_of(band.average or "平均值", span)
    parts: list[ast.Cond] = []
    if band.low is not None:
        parts.append(_band_end(left, band.low, True, average, band.unit, span))
    if band.high is not None:
        parts.append(_band_end(left, band.high, False, average, band.unit, span))
    return parts[0] if len(parts) == 1 else ast.And(tuple(parts), span)


def _band_end(
    left: ast.Expr, end: End, low: bool, average: ast.Average, unit: str | None, span: Span
) -> ast.Cond:
    """One end: e > a (`low`, open) or e ≥ a, e < b or e ≤ b, with e = left − 平均值."""
    value, closed = end.value, bool(end.closed)
    if value == 0:
        word = ("不低于" if closed else "高于") if low else ("不高于" if closed else "低于")
        return ast.Compare(left, word, average, span)
    number = abs(value)
    text = format(number.normalize(), "f")
    unit_word = kw.UNITS.get(unit or "个百分点", unit or "个百分点")
    offset = dataclasses.replace(
        average, offset=ast.Num(number, unit_word, span, f"{text}{unit_word}")
    )
    above = value > 0
    side = "高于" if above else "低于"
    if low == above:  # e ≥ a (a > 0) or e ≤ b (b < 0): beyond the distance, on its side
        return ast.Compare(left, f"{side}…以上" if closed else side, offset, span)
    # e ≥ −N (low, below) or e ≤ N (high, above): not beyond it
    beyond = ast.Compare(left, side if closed else f"{side}…以上", offset, span)
    return ast.Not(beyond, span, "未")


def comparison_word(pre: Token | None, post: Token | None) -> str:
    """The comparison as written; `超过20人以上` is `超过…以上` (the checker warns, as for
    `高于90%以上`, `低于60%以下`), and
    two words that agree (`达到80%以上`) are the first."""
    if pre is None:
        assert post is not None
        return post.value
    if post is None:
        return pre.value
    base = _REQUIREMENTS.get(pre.value, pre.value)
    if (base, post.value) in kw.AMBIGUOUS_PAIRS:
        return f"{pre.value}…{post.value}"
    before = kw.COMPARE_BEFORE.get(base)
    after = kw.COMPARE_AFTER.get(post.value)
    if before is not None and after is not None and before.direction == after.direction:
        return pre.value
    return f"{pre.value}…{post.value}"


def expression_depth(expr: object) -> int:
    """How deeply an expression nests, counted without recursion."""
    deepest = 0
    stack: list[tuple[object, int]] = [(expr, 1)]
    while stack:
        node, depth = stack.pop()
        deepest = max(deepest, depth)
        if isinstance(node, ast.BinOp):
            stack.append((node.left, depth + 1))
            stack.append((node.right, depth + 1))
        elif isinstance(node, ast.Call):
            stack.extend((arg, depth + 1) for arg in node.args)
    return deepest


def value_key(value: object) -> object:
    """Two compared values are the same standard when they read the same (their spans
    differ)."""
    if isinstance(value, ast.Num):
        return ("num", value.value, value.unit)
    if isinstance(value, ast.Average):
        return ("avg", value.offset.value if value.offset else None)
    if isinstance(value, ast.Ref):
        return ("ref", value.name)
    if isinstance(value, ast.DateLit):
        return ("date", value.year, value.month, value.day)
    return ("other", id(value))
