"""Bands of distance from the batch average in one sentence:
`【发案率】超过平均值5个点以内扣1分，5个点以外扣2分`.

A careful reader reads it one way: above the average by more than 0 and at most 5
points (`以内` includes its number) deducts 1 point; by more than 5 points (`以外`, or
`超过5个点`, excludes it) deducts 2 — the deeper band alone, never 1 + 2.  Exactly at
the average nothing is deducted.  The mirror, `低于平均值5个点以内…，5个点以外…`, reads
the same way below the average.

It becomes two condition clauses that exclude each other (as tiers do):
`X > 平均值 且 未(X > 平均值 + 5)` and `X > 平均值 + 5`, so every backend computes it
as it computes any comparison with the average.  Shapes whose boundary is not clear —
`5个点以内…，5个点以上…` (both hold exactly 5), a second band with neither `以外` nor
`超过`, two different distances, the other side of the average — are refused (E115)
with the sentence as it can be written.
"""

from __future__ import annotations

import dataclasses
import re
from decimal import Decimal

from ...source.text import Span
from .. import ast
from .. import keywords as kw
from ..lark_import import Token
from .clauses import Counter
from .spans import sub_span, token_span
from .terms import TermsMixin

_BEYOND = re.compile(
    r"^,[ \t]*(?P<pre>"
    + kw.alternation(kw.BAND_BEYOND_PRE)
    + r")?(?P<average>(?P<words>[^\s\d,;:=()【】%每]{0,12}?)"
    + kw.alternation(kw.AVERAGE_WORDS)
    + r")?[ \t]*(?P<pre2>"
    + kw.alternation(kw.BAND_BEYOND_PRE)
    + r")?[ \t]*(?P<num>\d+(?:\.\d+)?)[ \t]*(?P<unit>"
    + kw.alternation(u for u in kw.UNITS if u != kw.POINTS_UNIT)
    + r")?[ \t]*(?P<post>"
    + kw.alternation(kw.BAND_BEYOND_POST)
    + r")?[ \t]*的?$"
)
_ABOVE = ("超过", "超出", "高于", "多于", "大于")
_BELOW = ("低于", "少于", "小于")
#: Words of the second band that only measure the distance, on either side.
_DISTANCE_ONLY = ("超过", "超出")


class AverageBandsMixin(TermsMixin):
    def _not_bands(self, token: Token) -> None:
        """E101 at the second band of a clause that is no bands of distance from the
        average, with the one form that is."""
        self.form_error(
            token_span(token),
            "（按与平均值相差的档次：【X】超过平均值5个百分点以内扣1分，5个百分点以外扣2分）",
            "(bands of distance from the average: 【X】超过平均值5个百分点以内扣1分，"
            "5个百分点以外扣2分)",
        )

    def average_bands_clause(self, children: list) -> list[ast.Clause] | None:
        parts = self._parts(children)  # type: ignore[attr-defined]
        first, token, *more, second = parts.body
        first, second = tuple(first), tuple(second)
        more = tuple(more[0]) if more else ()
        tier = self._count_tier(parts.head, token, second, more)
        if tier is not None:  # `【事故】低于2起的得6分，2起以上的得2分`, and tiers after it
            return self.condition_parts(parts, (*first, tier, *second[1:]))  # type: ignore[attr-defined]
        if more or any(isinstance(e, Counter) for e in (*first, *second)):  # no band
            self._not_bands(token)
            return None
        self._no_otherwise(parts)  # type: ignore[attr-defined]
        text = self.original(parts.span)
        return self.average_bands(parts.head, first, token, second, parts.span, text, parts.cap)

    def band_more(self, children: list) -> tuple:
        return tuple(children)

    def _count_tier(
        self, head: object, token: Token, second: tuple, more: tuple = ()
    ) -> Counter | None:
        """`，2起以上的得2分` after a comparison of a count with a fixed number: the next
        tier of the sentence (the lexer took it for a band of distance from the average,
        which needs an average before it), or None."""
        found = _BEYOND.match(token.value)
        if found is None or not found["unit"] or found["post"] not in ("以上", "及以上"):
            return None
        if found["pre"] or found["pre2"] or found["average"] or not second:
            return None
        if isinstance(second[0], Counter):
            return None  # `，80%以上，低于90%的…`: no effect of its own
        cmp = head.operands[-1] if isinstance(head, ast.And) else head
        if not isinstance(cmp, ast.Compare) or not isinstance(cmp.right, ast.Num):
            return None
        unit = kw.UNITS.get(found["unit"], found["unit"])
        if cmp.right.unit is None or unit != cmp.right.unit:
            return None  # a count tier in the count's own unit only
        start, end = found.start("num"), found.end("post")
        at = sub_span(token, start, end)
        value = ast.Num(Decimal(found["num"]), unit, at, token.value[start : found.end("unit")])
        effect = second[0]
        span = Span(at.line, at.column, effect.span.end_line, effect.span.end_column)
        if more:
            at = Span(at.line, at.column, more[-1].span.end_line, more[-1].span.end_column)
        return Counter(found["post"], value, effect, span, more, post=True, cond_span=at)

    def average_bands(
        self, head: object, first: tuple, token: Token, second: tuple, span, text: str, cap=None
    ) -> list[ast.Clause] | None:
        """The two clauses of `…平均值N个点以内扣A分，N个点以外扣B分`, or None (reported).
        A clause cap (`，最多扣2分`) goes on both: they exclude each other, so at most one
        deducts and the cap bounds the sentence."""
        cmp = head if isinstance(head, ast.Compare) else None
        average = cmp.right if cmp is not None else None
        if (
            cmp is None
            or not isinstance(cmp.left, ast.Ref)
            or not isinstance(average, ast.Average)
            or average.offset is None
        ):
            self._not_bands(token)
            return None
        side = cmp.word.partition("…")[0]
        distance = average.offset
        number = _digits(distance.text)
        unit = distance.text[len(number) :].strip() or "个百分点"
        written = self.original(cmp.span).rstrip(" \t的")
        written = written.removesuffix("以内").rstrip()
        if written.endswith(distance.text):
            written = written[: -len(distance.text)]
        suggest = (
            f"{written}{number}{unit}以内{_effect_text(self, first)}，"
            f"{number}{unit}以外{_effect_text(self, second)}"
        )
        found = _BEYOND.match(token.value)
        if not self._bands_clear(cmp, side, distance, found):
            self.report("E115", span, {"text": text, "suggest": suggest})
            return None
        assert found is not None, "clear bands have a second band"
        within = ast.Compare(cmp.left, side, dataclasses.replace(average, offset=None), cmp.span)
        if found["average"]:
            # `，超过上年平均值5个点以外扣2分`: the second band's own words, which the
            # checker holds to the batch mean like the first's (E258, E262)
            at = sub_span(token, found.start("average"), found.end("average"))
            average = dataclasses.replace(average, span=at, words=found["words"])
        beyond = ast.Compare(cmp.left, side, average, cmp.span)
        inner = ast.And((within, ast.Not(beyond, cmp.span, "未")), cmp.span)
        return [
            ast.ConditionClause(inner, first, (), cap, span, text),
            ast.ConditionClause(beyond, second, (), cap, span, text),
        ]

    def _bands_clear(
        self, cmp: ast.Compare, side: str, distance: ast.Num, found: re.Match[str] | None
    ) -> bool:
        """The first band ends `以内` on a side of the average; the second (`found`, the
        second band's words matched) starts past the same distance, in the same unit, on
        the same side, and excludes it."""
        if side not in _ABOVE + _BELOW:
            return False
        if not self.original(cmp.span).rstrip(" \t的").endswith("以内"):
            return False
        if found is None:
            return False
        for word in (found["pre"], found["pre2"]):
            if word and word not in _DISTANCE_ONLY and (word in _ABOVE) != (side in _ABOVE):
                return False
        unit = found["unit"]
        if Decimal(found["num"]) != distance.value:
            return False
        if (kw.UNITS.get(unit, unit) if unit else distance.unit) != distance.unit:
            return False
        past = bool(found["pre"] or found["pre2"])
        post = found["post"]
        if post in ("以上", "及以上"):
            return False  # with 以内, both bands would hold the distance itself
        return past or post == "以外"


def _digits(text: str) -> str:
    found = re.match(r"\d+(?:\.\d+)?", text)
    return found[0] if found else text


def _effect_text(builder, effects: tuple) -> str:
    spans = [e.span for e in effects]
    first, last = spans[0], spans[-1]
    line = builder.source.line_text(first.line)
    return line[first.column - 1 : last.end_column - 1]
