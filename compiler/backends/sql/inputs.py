"""Each fact's cell text → its value, or the Python engine's error message.

Mirrors the prelude's converters (support/prelude.py) for text input: full-width
forms made ASCII and outer blanks removed, the suffix a type accepts dropped (`人次`,
`%`, `分`), the same number syntax, the same ranges.  A value is never NULL: a bad or
missing cell gives the row its message (the first fact in 数据 order that fails, as
the Python engine raises), and the value 0 that no score of that row will show.

Where SQL must be narrower than Python's 30 digits, a number may have at most
INT_DIGITS digits before the point and FRACTION_DIGITS significant ones after it;
beyond that the row is an error with its own message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlglot import exp

from ...ir import nodes as ir
from ...ir import util as irutil
from ...support import prelude as rt
from .fixed import INT, Fixed, Num, SqlUnsupported, all_of, any_of, concat, const, integer, when

INT_DIGITS = 9
FRACTION_DIGITS = 6
_PYTHON_DIGITS = rt._MAX_DIGITS
_WS = "[ \\t\\n\\r\\f\\v]"
_NUMBER = "^[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)$"
_DATE_ISO = "^([0-9]{4})[-/.]([0-9]{1,2})[-/.]([0-9]{1,2})$"
_DATE_CN = f"^(([0-9]{{4}}){_WS}*年{_WS}*)?([0-9]{{1,2}}){_WS}*月{_WS}*([0-9]{{1,2}}){_WS}*[日号]?$"
# What the prelude's _text maps (full-width forms, U+3000), and other blanks that
# str.strip removes, each to its ASCII form.
_FROM = "".join(chr(c) for c in range(0xFF01, 0xFF5F)) + "\u3000\u00a0\u2002\u2003\u2009\u202f"
_TO = "".join(chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)) + "      "
#: Day number of a date, as the query computes it (days since 1970-01-01).
_EPOCH = date(1970, 1, 1).toordinal()


def s(text: str) -> exp.Literal:
    return exp.Literal.string(text)


def n(value: int) -> exp.Literal:
    return exp.Literal.number(value)


def day_number(d: date) -> int:
    return d.toordinal() - _EPOCH


def unit_prefix(unit: exp.Expression) -> exp.Expression:
    """单位“…”： before a message, as the Python engine names the unit (nothing when
    the unit is blank)."""
    return when(
        exp.Is(this=unit, expression=exp.Null()),
        s(""),
        concat([s("单位“"), exp.Cast(this=unit, to=exp.DataType.build("TEXT")), s("”：")]),
    )


@dataclass(frozen=True)
class FastCell:
    """A cell as the fast branch reads it (see `Inputs.fast`): its text (the
    default's when blank), the regular expression a clean text matches (None: the
    cell is tested by `checks` alone), further conditions, and its value."""

    text: exp.Expression | None
    pattern: str | None
    checks: list[exp.Expression]
    value: exp.Expression


@dataclass(frozen=True)
class Converted:
    """A fact's value (a Num, or a boolean expression for 是否) and its error message
    expression (NULL when the cell converts)."""

    value: Num | exp.Expression
    error: exp.Expression


class Inputs:
    """Builds the conversion of every fact of a policy."""

    def __init__(
        self, policy: ir.Policy, fixed: Fixed, raw: dict[str, exp.Column], unit: exp.Column
    ):
        self.policy = policy
        self.fixed = fixed
        self.plan = fixed.plan
        self.raw = raw
        self.unit = unit
        self.where = self.plan.let(unit_prefix(unit), "w")

    def convert(self, fact: ir.Fact) -> Converted:
        raw = self.raw[fact.name]
        text = self.plan.let(self._clean(raw), "c")
        blank = exp.Or(
            this=exp.Is(this=text, expression=exp.Null()),
            expression=exp.EQ(this=text, expression=s("")),
        )
        info = rt.FactInfo(*irutil.fact_info_fields(fact))
        if fact.type == "bool":
            value, bad, expected, limit = self._bool(text), None, rt._expect_bool(info), None
        elif fact.type == "date":
            value, bad, expected = self._date(text)
            expected, limit = rt._expect_date(info, self.policy.year), None
        else:
            value, bad, limit, expected = self._number(fact, info, text)
        default = irutil.default_value(fact)
        if fact.type == "bool":
            good = exp.Or(this=exp.Is(this=value, expression=exp.Null()).not_(), expression=blank)
            fallback = exp.false() if default is None else (exp.true() if default else exp.false())
            out = exp.Coalesce(this=value, expressions=[fallback])
            if default is not None:
                out = when(blank, fallback, out)
            bad = exp.Not(this=exp.Paren(this=good))
        else:
            if default is None:
                fallback = const(0)
            elif fact.type == "date":
                fallback = const(day_number(default))
            else:
                fallback = const(default)
            if fallback.scale > value.scale:
                raise SqlUnsupported(f"【{fact.name}】的默认值小数位过多")
            fallback = self.fixed.rescale(fallback, value.scale)
            safe = when(bad, integer(0), value.expr)
            out = Num(
                when(blank, fallback.expr, safe), value.scale, max(value.digits, fallback.digits)
            )
        missing = self._message_missing(fact, expected) if default is None else exp.Null()
        cases = [
            exp.If(this=blank, true=missing),
            exp.If(this=bad, true=self._message_bad(fact, raw, expected)),
        ]
        if limit is not None:
            cases.append(exp.If(this=limit, true=self._message_limit(fact, raw)))
        error = self.plan.let(exp.Case(ifs=cases, default=exp.Null()), "e")
        if isinstance(out, Num):
            out = self.fixed.let(out, "f")
        else:
            out = self.plan.let(out, "f")
        return Converted(out, error)

    def fast(self, fact: ir.Fact, raw: exp.Expression) -> FastCell:
        """How a cell is read when it is clean: 是/否 and the other words exactly as
        the Python engine's table has them, plain digits (at most nine, and six
        places, with a trailing % or 分 where the type takes one) inside the fact's
        range, or a blank cell of a fact with a default.  Where the cell's text
        fully matches `pattern` and `checks` hold, `value` is what `convert` gives
        and the cell has no error.  The query tests a whole row's texts with one
        regular expression (see query._converted) instead of the clean-up and
        parsing `convert` does, which it keeps for the rows where a cell is not
        clean."""
        default = irutil.default_value(fact)
        if fact.type == "date":  # only a blank cell with a default
            if default is None:
                return FastCell(None, None, [exp.false()], integer(0))
            return FastCell(
                None,
                None,
                [exp.Is(this=raw, expression=exp.Null())],
                const(day_number(default)).expr,
            )
        if fact.type == "bool":
            yes = [w for w in sorted(rt._TRUE_WORDS) if _plain(w)]
            no = [w for w in sorted(rt._FALSE_WORDS) if _plain(w)]
            text = raw
            if default is not None:  # a blank reads as the default's word
                text = exp.Coalesce(this=raw, expressions=[s(yes[0] if default else no[0])])
            pattern = "(" + "|".join(re.escape(w) for w in yes + no) + ")"
            return FastCell(text, pattern, [], exp.In(this=text, expressions=[s(w) for w in yes]))
        scale = 0 if fact.type == "count" else FRACTION_DIGITS
        suffix = {"percent": "%", "points": "分"}.get(fact.type)
        pattern = f"[0-9]{{1,{INT_DIGITS}}}"
        if scale:
            pattern += f"([.][0-9]{{1,{FRACTION_DIGITS}}})?"
        if suffix:
            pattern += f"({re.escape(suffix)})?"
        text = raw
        if default is not None:
            shown = format(Decimal(default), "f")
            if re.fullmatch(pattern, shown):  # else a blank cell is not clean
                text = exp.Coalesce(this=raw, expressions=[s(shown)])
        number = (
            exp.Anonymous(this="REPLACE", expressions=[text, s(suffix), s("")]) if suffix else text
        )
        exact = exp.DataType.build(f"DECIMAL(38, {scale})")
        checks = []
        bounds = []
        if fact.percent_bounded:
            bounds.append(("<=", Decimal(100)))
        if fact.low is not None:
            bounds.append((">=", Decimal(fact.low)))
        if fact.high is not None:
            bounds.append(("<=", Decimal(fact.high)))
        for op, bound in bounds:
            if bound != bound.quantize(Decimal(1).scaleb(-scale), rounding="ROUND_FLOOR"):
                return FastCell(None, None, [exp.false()], integer(0))  # finer than the cell
            read = exp.TryCast(this=number.copy(), to=exp.DataType.build(f"DECIMAL(38, {scale})"))
            limit = exp.Cast(this=s(format(bound, "f")), to=exact.copy())
            cmp = exp.LTE if op == "<=" else exp.GTE
            checks.append(
                exp.Coalesce(this=cmp(this=read, expression=limit), expressions=[exp.false()])
            )
        if not scale:  # plain digits (the pattern): one cast to the scaled integer
            return FastCell(text, pattern, checks, exp.Cast(this=number.copy(), to=INT.copy()))
        value = exp.Cast(this=number.copy(), to=exact.copy())
        if scale:
            value = exp.Mul(
                this=value,
                expression=exp.Cast(
                    this=n(10**scale), to=exp.DataType.build(f"DECIMAL({scale + 1}, 0)")
                ),
            )
        return FastCell(text, pattern, checks, exp.Cast(this=value, to=integer(0).to.copy()))

    # ------------------------------------------------------------------ by type

    def _clean(self, raw: exp.Expression) -> exp.Expression:
        mapped = exp.Anonymous(this="TRANSLATE", expressions=[raw, s(_FROM), s(_TO)])
        left = exp.RegexpReplace(this=mapped, expression=s(f"^{_WS}+"), replacement=s(""))
        return exp.RegexpReplace(this=left, expression=s(f"{_WS}+$"), replacement=s(""))

    def _bool(self, text: exp.Expression) -> exp.Expression:
        word = exp.Lower(this=text)
        yes = exp.In(this=word, expressions=[s(w) for w in sorted(rt._TRUE_WORDS)])
        no = exp.In(this=word, expressions=[s(w) for w in sorted(rt._FALSE_WORDS)])
        return exp.Case(
            ifs=[exp.If(this=yes, true=exp.true()), exp.If(this=no, true=exp.false())],
            default=exp.Null(),
        )

    def _strip_suffix(self, text: exp.Expression, suffixes: tuple[str, ...]) -> exp.Expression:
        """The prelude's suffix rule: the first suffix the text ends with is dropped,
        with the blanks before it."""
        ifs = []
        for suffix in suffixes:
            if not suffix:
                continue
            ends = exp.EQ(
                this=exp.Right(this=text, expression=n(len(suffix))), expression=s(suffix)
            )
            head = exp.Left(
                this=text, expression=exp.Sub(this=exp.Length(this=text), expression=n(len(suffix)))
            )
            trimmed = exp.RegexpReplace(this=head, expression=s(f"{_WS}+$"), replacement=s(""))
            ifs.append(exp.If(this=ends, true=trimmed))
        if not ifs:
            return text
        return exp.Case(ifs=ifs, default=text)

    def _number(self, fact: ir.Fact, info, text: exp.Expression):
        """(value, bad, beyond-SQL, expected) for count, percent, number and points."""
        suffixes = {"count": (fact.unit, "个"), "percent": ("%",), "points": ("分",)}.get(
            fact.type, ()
        )
        body = self.plan.let(self._strip_suffix(text, suffixes), "t")
        syntax = exp.RegexpLike(this=body, expression=s(_NUMBER))
        unsigned = exp.RegexpReplace(this=body, expression=s("^[+-]"), replacement=s(""))
        whole = self.plan.let(
            exp.Coalesce(
                this=exp.RegexpExtract(this=unsigned, expression=s("^([0-9]*)"), group=n(1)),
                expressions=[s("")],
            ),
            "i",
        )
        part = self.plan.let(
            exp.Coalesce(
                this=exp.RegexpExtract(this=unsigned, expression=s("[.]([0-9]*)$"), group=n(1)),
                expressions=[s("")],
            ),
            "p",
        )
        whole_sig = self.plan.let(
            exp.RegexpReplace(this=whole, expression=s("^0+"), replacement=s("")), "i"
        )
        part_sig = self.plan.let(
            exp.RegexpReplace(this=part, expression=s("0+$"), replacement=s("")), "p"
        )
        negative = exp.EQ(this=exp.Left(this=body, expression=n(1)), expression=s("-"))
        too_long = exp.GT(
            this=exp.Add(this=exp.Length(this=whole), expression=exp.Length(this=part)),
            expression=n(_PYTHON_DIGITS),
        )
        parsed = self.plan.let(
            exp.And(this=syntax, expression=exp.Not(this=exp.Paren(this=too_long))), "ok"
        )
        scale = 0 if fact.type == "count" else FRACTION_DIGITS
        beyond = exp.Or(
            this=exp.GT(this=exp.Length(this=whole_sig), expression=n(INT_DIGITS)),
            expression=exp.GT(this=exp.Length(this=part_sig), expression=n(scale)),
        )
        fits = self.plan.let(
            exp.And(this=parsed, expression=exp.Not(this=exp.Paren(this=beyond))), "ok"
        )
        digits_text = exp.DPipe(
            this=exp.DPipe(this=s("0"), expression=whole_sig),
            expression=exp.Pad(
                this=part_sig, expression=n(scale), fill_pattern=s("0"), is_right=True
            )
            if scale
            else s(""),
        )
        magnitude = exp.TryCast(this=digits_text, to=INT.copy())  # read where it `fits`
        signed = when(negative, exp.Neg(this=magnitude), magnitude)
        value = self.fixed.let(Num(when(fits, signed, integer(0)), scale, INT_DIGITS + scale), "x")
        nonzero = exp.Or(
            this=exp.NEQ(this=whole_sig, expression=s("")),
            expression=exp.NEQ(this=part_sig, expression=s("")),
        )
        negative_nonzero = exp.And(this=negative, expression=exp.Paren(this=nonzero))
        # decided from the digits alone, whatever their number
        early: list[exp.Expression] = []
        checks: list[exp.Expression] = []
        if fact.type == "count":
            early += [negative_nonzero, exp.NEQ(this=part_sig, expression=s(""))]
        if fact.percent_bounded:
            early += [negative_nonzero, exp.GT(this=exp.Length(this=whole_sig), expression=n(3))]
            checks.append(self.fixed.compare(">", value, const(100)))
        if fact.low is not None:
            checks.append(self.fixed.compare("<", value, const(fact.low)))
        if fact.high is not None:
            checks.append(self.fixed.compare(">", value, const(fact.high)))
        if fact.type == "count":
            expected = rt._expect_count(info)
        else:
            expected = {
                "percent": rt._expect_percent,
                "number": rt._expect_number,
                "points": rt._expect_points,
            }[fact.type](info)
        pre_bad = self.plan.let(exp.And(this=parsed, expression=any_of(early)), "bad")
        bad = any_of(
            [
                exp.Not(this=exp.Paren(this=parsed)),
                pre_bad,
                exp.And(this=fits, expression=any_of(checks)),
            ]
        )
        limit = exp.And(
            this=exp.And(this=parsed, expression=exp.Not(this=pre_bad)),
            expression=exp.Not(this=fits),
        )
        digits = INT_DIGITS + scale
        if fact.percent_bounded:
            digits = 3 + scale
        if fact.low is not None and fact.high is not None:  # range checked: no wider
            widest = max(abs(fact.low), abs(fact.high)).scaleb(scale).to_integral_value()
            digits = min(digits, len(str(int(widest))) + 1)
        return Num(value.expr, scale, digits), self.plan.let(bad, "bad"), limit, expected

    def _date(self, text: exp.Expression):
        """(day number, bad, expected) for a date fact."""
        fx = self.fixed
        iso = exp.RegexpLike(this=text, expression=s(_DATE_ISO))
        cn = exp.RegexpLike(this=text, expression=s(_DATE_CN))

        def group(pattern: str, index: int) -> exp.Expression:
            return exp.Coalesce(
                this=exp.RegexpExtract(this=text, expression=s(pattern), group=n(index)),
                expressions=[s("")],
            )

        year_text = self.plan.let(
            when(iso, group(_DATE_ISO, 1), when(cn, group(_DATE_CN, 2), s(""))), "y"
        )
        month_text = self.plan.let(
            when(iso, group(_DATE_ISO, 2), when(cn, group(_DATE_CN, 3), s("0"))), "m"
        )
        day_text = self.plan.let(
            when(iso, group(_DATE_ISO, 3), when(cn, group(_DATE_CN, 4), s("0"))), "d"
        )
        matched = self.plan.let(exp.Or(this=iso, expression=cn), "ok")

        def number(t: exp.Expression, default: int) -> exp.Expression:
            digits = exp.TryCast(
                this=exp.DPipe(this=s("0"), expression=t), to=exp.DataType.build("DECIMAL(38, 0)")
            )
            return when(exp.EQ(this=t, expression=s("")), integer(default), digits)

        year = self.plan.let(when(matched, number(year_text, self.policy.year), integer(1970)), "y")
        month = self.plan.let(when(matched, number(month_text, 1), integer(1)), "m")
        day = self.plan.let(when(matched, number(day_text, 1), integer(1)), "d")

        def mod(a, b):
            return exp.Mod(this=a, expression=integer(b))

        zero = integer(0)
        leap = exp.And(
            this=exp.EQ(this=mod(year, 4), expression=zero),
            expression=exp.Paren(
                this=exp.Or(
                    this=exp.NEQ(this=mod(year, 100), expression=zero),
                    expression=exp.EQ(this=mod(year, 400), expression=zero),
                )
            ),
        )
        month_days = exp.Case(
            ifs=[
                exp.If(
                    this=exp.EQ(this=month, expression=integer(2)),
                    true=when(leap, integer(29), integer(28)),
                ),
                exp.If(
                    this=exp.In(this=month, expressions=[integer(m) for m in (4, 6, 9, 11)]),
                    true=integer(30),
                ),
            ],
            default=integer(31),
        )
        valid = exp.And(
            this=matched,
            expression=(
                all_of(
                    [
                        exp.GTE(this=year, expression=integer(1)),
                        exp.GTE(this=month, expression=integer(1)),
                        exp.LTE(this=month, expression=integer(12)),
                        exp.GTE(this=day, expression=integer(1)),
                        exp.LTE(this=day, expression=month_days),
                    ]
                )
            ),
        )
        ok = self.plan.let(valid, "ok")
        # days from civil (H. Hinnant): every division here is of non-negative integers
        early = exp.LTE(this=month, expression=integer(2))
        y = self.plan.let(exp.Sub(this=year, expression=when(early, integer(1), zero)), "y")
        era = self.plan.let(fx.divide_int(y, integer(400), "trunc"), "y")
        yoe = self.plan.let(
            exp.Sub(this=y, expression=exp.Mul(this=era, expression=integer(400))), "y"
        )
        shifted = exp.Add(this=month, expression=when(early, integer(9), integer(-3)))
        doy = exp.Add(
            this=fx.divide_int(
                exp.Add(
                    this=exp.Mul(this=integer(153), expression=exp.Paren(this=shifted)),
                    expression=integer(2),
                ),
                integer(5),
                "trunc",
            ),
            expression=exp.Sub(this=day, expression=integer(1)),
        )
        doe = exp.Add(
            this=exp.Sub(
                this=exp.Add(
                    this=exp.Mul(this=yoe, expression=integer(365)),
                    expression=fx.divide_int(yoe, integer(4), "trunc"),
                ),
                expression=fx.divide_int(yoe, integer(100), "trunc"),
            ),
            expression=doy,
        )
        days = exp.Sub(
            this=exp.Add(
                this=exp.Mul(this=era, expression=integer(146097)), expression=exp.Paren(this=doe)
            ),
            expression=integer(719468),
        )
        value = Num(when(ok, days, integer(0)), 0, 8)
        return value, exp.Not(this=ok), None

    # ---------------------------------------------------------------- messages

    def _shown(self, raw: exp.Expression) -> exp.Expression:
        """The prelude's _shown for text: at most 40 characters, else 39 and “…”."""
        short = exp.LTE(this=exp.Length(this=raw), expression=n(40))
        cut = exp.DPipe(this=exp.Substring(this=raw, start=n(1), length=n(39)), expression=s("…"))
        return when(short, raw, cut)

    def _message_bad(self, fact: ir.Fact, raw: exp.Expression, expected: str) -> exp.Expression:
        return concat(
            [self.where, s(f"【{fact.name}】的值 “"), self._shown(raw), s(f"” 无效：{expected}")]
        )

    def _message_missing(self, fact: ir.Fact, expected: str) -> exp.Expression:
        return concat([self.where, s(f"缺少【{fact.name}】的值：{expected}")])

    def _message_limit(self, fact: ir.Fact, raw: exp.Expression) -> exp.Expression:
        return concat(
            [
                self.where,
                s(f"【{fact.name}】的值 “"),
                self._shown(raw),
                s(
                    f"” 超出SQL计分的范围：整数部分至多{INT_DIGITS}位，"
                    f"小数部分至多{FRACTION_DIGITS if fact.type != 'count' else 0}位"
                ),
            ]
        )


def _plain(word: str) -> bool:
    """A word the clean-up leaves as it is (no blanks, full-width forms or capitals)."""
    return rt._text(word) == word and word.lower() == word
