# ---------------------------------------------------------------------------------------
# Run-time support for a compiled 细则 (scoring rules) module.
#
# This text has two uses.  Every generated module carries it verbatim, so that a compiled
# policy is one standalone file that needs nothing but the standard library; and the
# reference interpreter imports it as `xize.compiler.support.prelude`, so that both
# produce their results, errors, grades and ranks through the very same code.
#
# Everything here is policy-independent: input conversion by fact type, the result
# records, rounding, attribution, grading, ranking and the batch procedure.  Numbers are
# Decimal throughout and all arithmetic runs in _CONTEXT, whatever context the caller has.
# ---------------------------------------------------------------------------------------

import datetime
import numbers as _numbers
import re as _re
from collections import namedtuple as _namedtuple
from collections.abc import Mapping as _Mapping
from decimal import ROUND_CEILING as _ROUND_CEILING
from decimal import ROUND_FLOOR as _ROUND_FLOOR
from decimal import ROUND_HALF_EVEN as _ROUND_HALF_EVEN
from decimal import ROUND_HALF_UP as _ROUND_HALF_UP
from decimal import Context as _Context
from decimal import Decimal
from decimal import DivisionByZero as _DivisionByZero
from decimal import InvalidOperation as _InvalidOperation
from decimal import Overflow as _Overflow
from decimal import getcontext as _getcontext  # noqa: F401  (used by the generated code)
from decimal import localcontext as _localcontext  # noqa: F401  (used by the interpreter)
from decimal import setcontext as _setcontext  # noqa: F401
from types import MappingProxyType as _MappingProxyType

# Sixty digits hold every exact sum and product of the inputs we accept (at most
# _MAX_DIGITS significant digits each); an embedder's own context never applies.
_CONTEXT = _Context(
    prec=60,
    rounding=_ROUND_HALF_EVEN,
    Emax=999999,
    Emin=-999999,
    traps=[_InvalidOperation, _DivisionByZero, _Overflow],
)
_ZERO = Decimal(0)
_ONE = Decimal(1)
_new = tuple.__new__  # builds a record from a tuple without calling its constructor
_date = datetime.date
_MAX_DIGITS = 30
_MAX_COUNT = 10**_MAX_DIGITS - 1
# A quotient that does not terminate (10 ÷ 3, a batch mean) is kept to 40 decimal
# places, as is a product of two such numbers: then every later sum of scores (below
# 10^20) is exact in 60 digits, and the attribution identity holds to the last digit.
_DECIMAL_PLACES = 40
_QUANTUM = Decimal(1).scaleb(-_DECIMAL_PLACES)
_UNIT_KEY = "单位"

# ------------------------------------------------------------------------------ records


class InputError(ValueError):
    """Data that cannot be scored.  Names the unit, the fact, the value and what was
    expected, so that the person who typed the spreadsheet can fix it."""

    def __init__(self, message, *, unit=None, fact=None, value=None, expected=""):
        super().__init__(message)
        self.unit = unit
        self.fact = fact
        self.value = value
        self.expected = expected


def _plain(value):
    """A value as JSON-ready data: Decimals and dates as strings, bools kept."""
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


class DataError(_namedtuple("DataError", "message fact value expected")):
    """Why a row of a batch could not be scored (Result.status == "数据错误")."""

    __slots__ = ()

    def to_dict(self):
        return {
            "message": self.message,
            "fact": self.fact,
            "value": None if self.value is None else _shown(self.value),
            "expected": self.expected,
        }


class NodeScore(_namedtuple("NodeScore", "path title points deduction score bonus")):
    """One outline node's outcome.  `points` and `score` are None for a node without
    points; a bonus node reports its cap as `points` and the bonus earned as `score`."""

    __slots__ = ()

    def to_dict(self):
        return {
            "path": self.path,
            "title": self.title,
            "points": _plain(self.points),
            "deduction": _plain(self.deduction),
            "score": _plain(self.score),
            "bonus": self.bonus,
        }


class Item(
    _namedtuple("Item", "clause path line text inputs kind raw nominal applied note"),
):
    """One line of the explanation: a clause that fired (or an earning clause that did
    not).  `raw` is before the clause's own cap, `nominal` after it, `applied` what was
    left of it once the node budgets were spent.  `kind`: deduct, bonus or outcome."""

    __slots__ = ()

    def to_dict(self):
        return {
            "clause": self.clause,
            "path": self.path,
            "line": self.line,
            "text": self.text,
            "inputs": {name: _plain(value) for name, value in self.inputs},
            "kind": self.kind,
            "raw": _plain(self.raw),
            "nominal": _plain(self.nominal),
            "applied": _plain(self.applied),
            "note": self.note,
        }


class Result(
    _namedtuple(
        "Result",
        "unit total exact_total grade rank status vetoed labels nodes items error",
    ),
):
    """A unit's score.  `total` is the reported 总分 (rounded to 精度), `exact_total`
    before rounding; `nodes` maps marker paths to NodeScore records (read-only)."""

    __slots__ = ()

    def to_dict(self):
        return {
            "unit": None if self.unit is None else str(self.unit),
            "total": _plain(self.total),
            "exact_total": _plain(self.exact_total),
            "grade": self.grade,
            "rank": self.rank,
            "status": self.status,
            "vetoed": self.vetoed,
            "labels": list(self.labels),
            "nodes": {path: node.to_dict() for path, node in self.nodes.items()},
            "items": [item.to_dict() for item in self.items],
            "error": None if self.error is None else self.error.to_dict(),
        }


class PolicyInfo(
    _namedtuple(
        "PolicyInfo",
        "title year full_marks precision source_hash filename target mode averages bands",
    ),
):
    """What the module scores: the header of the .rule file."""

    __slots__ = ()


class FactInfo(
    _namedtuple("FactInfo", "name type unit default low high description line"),
):
    """An input fact: its type (bool, count, percent, number, points, date), unit,
    converted default (None: required) and accepted range."""

    __slots__ = ()


class NodeInfo(
    _namedtuple(
        "NodeInfo",
        "path marker title line points budget floor bonus_cap parent",
    ),
):
    """An outline node: its marker path, points, deduction budget, whether its score
    is floored at zero, its bonus cap, and its parent's path ("" at the top)."""

    __slots__ = ()


class Band(_namedtuple("Band", "name low low_inclusive high high_inclusive rest")):
    """A 等次 band; tried in order, the first that matches wins."""

    __slots__ = ()


class Quota(_namedtuple("Quota", "band share count per")):
    """A 等次 quota: at most `share` per `per` of the batch (rounded down) or `count` units
    keep band number `band`; the rest of that band fall to the next (LANGUAGE.md §12.2)."""

    __slots__ = ()


_EMPTY = _MappingProxyType({})
_STATUS_OK = "正常"
_STATUS_DISQUALIFIED = "取消考评资格"
_STATUS_DATA_ERROR = "数据错误"

# ---------------------------------------------------------------------- input conversion

_FULLWIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_FULLWIDTH[0x3000] = 0x20
_NUMBER = _re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)")
_DATE_ISO = _re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_DATE_CN = _re.compile(r"(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?")
_TRUE_WORDS = frozenset(("是", "√", "有", "1", "true"))
_FALSE_WORDS = frozenset(("否", "×", "无", "0", "false"))
# The words exactly as a spreadsheet usually holds them: one dict lookup, no clean-up.
_BOOL_WORDS = {**dict.fromkeys(_TRUE_WORDS, True), **dict.fromkeys(_FALSE_WORDS, False)}


def _shown(value):
    """The value as the user typed it, short enough for a message."""
    text = value if isinstance(value, str) else repr(value)
    if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
        text = str(value)
    return text if len(text) <= 40 else text[:39] + "…"


def _bad(info, value, unit, expected):
    where = "" if unit is None else f"单位“{unit}”："
    return InputError(
        f"{where}【{info.name}】的值 “{_shown(value)}” 无效：{expected}",
        unit=unit,
        fact=info.name,
        value=value,
        expected=expected,
    )


def _missing(info, unit, expected):
    where = "" if unit is None else f"单位“{unit}”："
    return InputError(
        f"{where}缺少【{info.name}】的值：{expected}",
        unit=unit,
        fact=info.name,
        value=None,
        expected=expected,
    )


def _text(value):
    """A string input, full-width forms mapped to ASCII and outer blanks removed."""
    return value.translate(_FULLWIDTH).strip()


def _blank(value):
    """None or only spaces.  `str.isspace` covers U+3000, the one full-width form that
    `_text` turns into a space, so no translated copy is needed."""
    return value is None or (isinstance(value, str) and (not value or value.isspace()))


def _absent(info, unit, expected):
    """A blank input: the fact's default, or InputError when it has none."""
    if info.default is None:
        raise _missing(info, unit, expected)
    return info.default


def _digits(value):
    """True for a string of ASCII digits short enough to accept: the common spreadsheet
    cell ("0", "12"), converted without the general parser."""
    return type(value) is str and value.isdigit() and value.isascii() and len(value) <= _MAX_DIGITS


def _parse_decimal(value, suffixes=(), max_digits=_MAX_DIGITS):
    """An exact Decimal from user input, or None when the input is not a plain finite
    number of at most `max_digits` digits.  A binary floating-point value counts only
    when its shortest text is a plain decimal (0.1 → Decimal('0.1'); no exponent, inf
    or nan)."""
    limit = 10**6 if max_digits is None else max_digits
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        if value.bit_length() > limit * 4:  # before str(): huge ints are refused cheaply
            return None
        text = str(value)
    elif isinstance(value, Decimal):
        if not value.is_finite():
            return None
        _, digits, exponent = value.as_tuple()
        plain = len(digits) + exponent if exponent >= 0 else max(len(digits), -exponent)
        if plain > limit:  # digits as written out in full; 1E+999999 is never spelt out
            return None
        return value
    elif isinstance(value, _numbers.Real):
        text = repr(value)
        if not _NUMBER.fullmatch(text):
            return None
    elif isinstance(value, str):
        text = _text(value)
        for suffix in suffixes:
            if suffix and text.endswith(suffix):
                text = text[: -len(suffix)].rstrip()
                break
        if len(text) > limit + 2 or not _NUMBER.fullmatch(text):
            return None
    else:
        return None
    # `text` matches _NUMBER: every character but a sign and the point is a digit
    if len(text) - (text[0] in "+-") - ("." in text) > limit:
        return None
    return Decimal(text)


def _range_text(info):
    low, high = info.low, info.high
    if low is not None and high is not None:
        return f"{_plain(low)}至{_plain(high)}之间"
    if low is not None:
        return f"不小于{_plain(low)}"
    if high is not None:
        return f"不大于{_plain(high)}"
    return ""


def _in_range(number, info):
    return (info.low is None or number >= info.low) and (info.high is None or number <= info.high)


def _expect_bool(info):
    return "应为 是 或 否（也可写 √/×、有/无、1/0、true/false）"


def _convert_bool(value, info, unit):
    if value is True or value is False:
        return value
    if type(value) is str:
        known = _BOOL_WORDS.get(value)
        if known is not None:
            return known
    if _blank(value):
        return _absent(info, unit, _expect_bool(info))
    if isinstance(value, str):
        word = _text(value).lower()
        if word in _TRUE_WORDS:
            return True
        if word in _FALSE_WORDS:
            return False
    elif isinstance(value, int) or (isinstance(value, Decimal) and value.is_finite()):
        if value in (0, 1):
            return value == 1
    raise _bad(info, value, unit, _expect_bool(info))


def _expect_count(info):
    span = _range_text(info)
    if info.low is not None or info.high is not None:
        return f"应为{span}的整数（{info.unit}）"
    return f"应为不小于0的整数（{info.unit}）"


def _convert_count(value, info, unit):
    """A count as a Python int: arithmetic with Decimal amounts stays exact, and the
    common case (an int from a spreadsheet) needs no conversion at all."""
    if type(value) is int and 0 <= value <= _MAX_COUNT and info.low is None and info.high is None:
        return value
    if type(value) is str and value.isdigit() and value.isascii() and len(value) <= _MAX_DIGITS:
        count = int(value)  # ASCII digits (what _digits checks, inlined: the hot case)
        if (info.low is None and info.high is None) or _in_range(count, info):
            return count
    if _blank(value):
        return _absent(info, unit, _expect_count(info))
    number = _parse_decimal(value, (info.unit, "个"))
    if (
        number is None
        or number < 0
        or number != number.to_integral_value()
        or not _in_range(number, info)
    ):
        raise _bad(info, value, unit, _expect_count(info))
    return int(number)


def _convert_decimal(value, info, unit, suffixes, expect, percent=False):
    """The one reading of every Decimal-valued fact (number, points, percent): they
    differ only in the suffix they accept, the words of their error, and the 0–100
    bound of a percentage (unless the fact declares its own range: a debt ratio of 150%,
    a growth rate of −5%).  `expect` is called only when there is an error to word."""
    if _digits(value):
        number = Decimal(value)
    elif _blank(value):
        return _absent(info, unit, expect(info))
    else:
        number = _parse_decimal(value, suffixes)
    declared = info.low is not None or info.high is not None
    if (
        number is None
        or (percent and not declared and (number < 0 or number > 100))
        or not _in_range(number, info)
    ):
        raise _bad(info, value, unit, expect(info))
    return number


def _expect_percent(info):
    if info.low is not None or info.high is not None:
        return f"应为{_range_text(info)}的百分比（如 85 或 85%）"
    return "应为0至100之间的百分比（如 85 或 85%；可能超出的，在 数据： 中声明范围，如 范围0至300）"


def _convert_percent(value, info, unit):
    return _convert_decimal(value, info, unit, ("%",), _expect_percent, percent=True)


def _expect_number(info):
    span = _range_text(info)
    return f"应为{span}的数值" if span else "应为数值（如 12.5）"


def _convert_number(value, info, unit):
    return _convert_decimal(value, info, unit, (), _expect_number)


def _expect_points(info):
    span = _range_text(info)
    return f"应为{span}的分值" if span else "应为分值（如 2 或 0.5）"


def _convert_points(value, info, unit):
    return _convert_decimal(value, info, unit, ("分",), _expect_points)


def _expect_date(info, year):
    return f"应为日期（如 {year}-01-09、{year}年1月9日 或 1月9日）"


def _convert_date(value, info, unit, year):
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if _blank(value):
        return _absent(info, unit, _expect_date(info, year))
    if isinstance(value, str):
        text = _text(value)
        match = _DATE_ISO.fullmatch(text) or _DATE_CN.fullmatch(text)
        if match:
            y, m, d = match.groups()
            try:
                return datetime.date(int(y) if y else year, int(m), int(d))
            except ValueError:
                pass
    raise _bad(info, value, unit, _expect_date(info, year))


_CONVERTERS = {
    "bool": _convert_bool,
    "count": _convert_count,
    "percent": _convert_percent,
    "number": _convert_number,
    "points": _convert_points,
}


def _convert_value(value, info, unit, year):
    """Any fact by its type (the generated code calls the typed converters directly)."""
    if info.type == "date":
        return _convert_date(value, info, unit, year)
    return _CONVERTERS[info.type](value, info, unit)


def _check_mapping(facts):
    if isinstance(facts, _Mapping):
        return
    raise InputError(
        f"一个单位的数据应为 名称→值 的映射，而不是 {type(facts).__name__}",
        value=facts,
        expected="名称→值 的映射（如 dict）",
    )


#: Full-width forms → ASCII, as the policy's own text is read (`（PM2.5）` → `(PM2.5)`).
_NARROW = {**{c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}, 0x3000: 0x20}


def _rekey(facts, known, unit):
    """A unit's facts keyed as the policy reads its names: a key written with full-width
    forms (`细颗粒物（PM2.5）年均浓度`, as in the .rule file) names the fact the policy reads
    as `细颗粒物(PM2.5)年均浓度`; a key naming no fact either way is an error, and so is
    one fact given under both spellings."""
    out = {}
    for key, value in facts.items():
        if key not in known and isinstance(key, str):
            narrow = key.translate(_NARROW)
            if narrow in known and narrow not in facts:
                key = narrow
        out[key] = value
    if not known.issuperset(out):
        _raise_unknown(out, known, unit)
    return out


def _raise_unknown(facts, known, unit):
    """A key that names no fact: a typo must not be silently dropped."""
    for key in facts:
        if key not in known:
            names = "、".join(sorted(k for k in known if k != _UNIT_KEY))
            raise InputError(
                ("" if unit is None else f"单位“{unit}”：")
                + f"未知的数据项 “{_shown(key)}”：本细则没有这一项",
                unit=unit,
                fact=key if isinstance(key, str) else repr(key),
                value=facts[key],
                expected=f"本细则的数据项之一：{names}" if names else "本细则没有数据项",
            )


def _convert_averages(averages, infos, unit):
    """The batch means `score` needs, each a finite number (percent signs allowed)."""
    if averages is None:
        averages = _EMPTY
    _check_mapping(averages)
    values = []
    for info in infos:
        expected = f"【{info.name}】的平均值（数值）"
        value = averages.get(info.name)
        if _blank(value):
            where = "" if unit is None else f"单位“{unit}”："
            raise InputError(
                f"{where}缺少【{info.name}】的平均值：单独计分时须用 averages 提供",
                unit=unit,
                fact=info.name,
                value=None,
                expected=expected,
            )
        # a mean computed elsewhere may carry all 60 digits: no input-length limit here
        number = _parse_decimal(value, ("%",), None)
        if number is not None and number.adjusted() < 20:
            number = _limit(number)
        else:
            where = "" if unit is None else f"单位“{unit}”："
            raise InputError(
                f"{where}【{info.name}】的平均值 “{_shown(value)}” 无效：应为数值",
                unit=unit,
                fact=info.name,
                value=value,
                expected=expected,
            )
        values.append(number)
    return tuple(values)


# ------------------------------------------------------------------------------ arithmetic


def _limit(value):
    """A product or quotient kept to _DECIMAL_PLACES decimal places (exact ones are untouched)."""
    if value.as_tuple().exponent < -_DECIMAL_PLACES:
        return value.quantize(_QUANTUM)
    return value


def _units_floor(quantity, step):
    """Whole steps in a positive quantity (Decimal // truncates; it is positive)."""
    return quantity // step


def _units_ceil(quantity, step):
    """Steps with a part step counted whole (不足N…按N…计)."""
    return (quantity / step).to_integral_value(_ROUND_CEILING)


def _floor(value):
    """取整(…): the largest integer not above the value."""
    return value.to_integral_value(_ROUND_FLOOR)


def _days_late(value, due):
    return Decimal((value - due).days)


def _round(value, step):
    """Half-up rounding to a step (四舍五入, not banker's): 2.345 → 2.35 at 0.01.  The
    result carries the step's exponent, so 99.5 at 0.01 reads 99.50."""
    return ((value / step).to_integral_value(_ROUND_HALF_UP) * step).quantize(step)


def _allot(amounts, budget):
    """Share a budget among items in source order until it is spent (LANGUAGE.md §4.11):
    each keeps at most what is left, so the shares add up to the budget exactly when
    the items add up to at least the budget."""
    shares = []
    left = budget
    for amount in amounts:
        share = amount if amount <= left else left
        shares.append(share)
        left = left - share
    return shares


def _arith_error(exc, place, unit):
    """An arithmetic failure inside a clause (a division by zero in a formula): it is
    the data that makes the formula meaningless, so it is reported as an input error.
    `place` is (clause id or node path, line, text), or None when unknown."""
    where = "" if unit is None else f"单位“{unit}”："
    # 0 ÷ 0 raises InvalidOperation naming DivisionUndefined (a ZeroDivisionError): it
    # is a zero divisor too, as the SQL engines say
    signals = exc.args[0] if exc.args and isinstance(exc.args[0], list) else ()
    zero = isinstance(exc, ZeroDivisionError) or any(
        isinstance(s, type) and issubclass(s, ZeroDivisionError) for s in signals
    )
    reason = "除数为0" if zero else "结果无法表示"
    what = "计分" if place is None else f"第{place[1]}行的条款 “{place[2]}”"
    error = InputError(
        f"{where}{what}无法计算：{reason}",
        unit=unit,
        fact=None,
        value=None,
        expected="能使该条款可以计算的数据",
    )
    error.__cause__ = exc
    return error


def _note(exc, text):
    """Name the .rule line on an unexpected exception (add_note from Python 3.11;
    before that, a RuntimeError chained to the original)."""
    add_note = getattr(exc, "add_note", None)
    if add_note is not None:
        add_note(text)
        return exc
    chained = RuntimeError(text)
    chained.__cause__ = exc
    return chained


def _located(exc, namespace, spots, places):
    """The policy place (clause or node) whose generated code raised `exc`: the deepest
    frame of the module in the traceback, looked up in the table of generated lines
    (start line, place index; -1 where no policy text is being evaluated)."""
    line = None
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_globals is namespace:
            line = tb.tb_lineno
        tb = tb.tb_next
    if line is None:
        return None
    found = -1
    for start, index in spots:
        if start > line:
            break
        found = index
    return None if found < 0 else places[found]


def _failure(exc, unit, place, filename):
    """The exception to raise for an unexpected one at `place`: arithmetic failures
    become input errors, anything else gets a note naming the .rule line."""
    if isinstance(exc, ArithmeticError):
        return _arith_error(exc, place, unit)
    if place is None:
        return exc
    return _note(exc, f"{filename}:{place[1]}: {place[2]}")


# ------------------------------------------------------------------------ grades, ranks


def _grade(total, bands, vetoed, disqualified):
    if disqualified or not bands:
        return None
    if vetoed:
        return bands[-1].name
    for band in bands:
        if band.rest:
            return band.name
        if band.low is not None and not (
            total >= band.low if band.low_inclusive else total > band.low
        ):
            continue
        if band.high is not None and not (
            total <= band.high if band.high_inclusive else total < band.high
        ):
            continue
        return band.name
    return None


def _limit_grade(grade, bands, ceilings, floors, vetoed):
    """The grade within its limits: `floors` and `ceilings` are band positions (0 is
    the highest band; False where the clause did not fire).  A floor lifts the grade
    to its band, a ceiling (一票否优) lowers it to its band, and a ceiling wins over a
    floor.  A vetoed unit keeps the lowest band; a unit without a grade keeps none."""
    if grade is None or vetoed:
        return grade
    index = [band.name for band in bands].index(grade)
    for floor in floors:
        if floor is not False and index > floor:
            index = floor
    for ceiling in ceilings:
        if ceiling is not False and index < ceiling:
            index = ceiling
    return bands[index].name


def _competition(results, indices):
    """Competition ranks (1, 2, 2, 4) by reported total, descending, from rank 1."""
    ranks = {}
    ordered = sorted(indices, key=lambda i: results[i].total, reverse=True)
    previous = None
    rank = 0
    for position, index in enumerate(ordered, start=1):
        total = results[index].total
        if previous is None or total != previous:
            rank = position
            previous = total
        ranks[index] = rank
    return ranks


def _ranked(results):
    """Ranks for a batch: units without a veto first, then vetoed units among
    themselves; disqualified units and data errors stay unranked."""
    clear = []
    vetoed = []
    for index, result in enumerate(results):
        if result.status != _STATUS_OK or result.total is None:
            continue
        (vetoed if result.vetoed else clear).append(index)
    ranks = _competition(results, clear)
    for index, rank in _competition(results, vetoed).items():
        ranks[index] = rank + len(clear)
    return [
        _new(Result, result[:4] + (ranks[index],) + result[5:]) if index in ranks else result
        for index, result in enumerate(results)
    ]


_QUOTA_LABEL = "超出{}名额"
_QUOTA_KEY = "名额名次【{}】"


def _quota_places(quota, size):
    """How many units the quota lets keep its band in a batch of `size` units: rounded
    down (不超过), exactly — in integers, not in the caller's decimal context, which
    `score` may be called under (prec=2 made 12.5% of 1000 fail)."""
    if quota.count is not None:
        return quota.count
    top, bottom = quota.share.as_integer_ratio()
    return (top * int(size)) // (bottom * int(quota.per))


def _higher_counts(totals):
    """Total → how many of `totals` are higher (a unit's competition place less one)."""
    higher = {}
    for k, total in enumerate(sorted(totals, reverse=True)):
        higher.setdefault(total, k)
    return higher


def _with_grade(result, grade, label):
    labels = result.labels if label in result.labels else result.labels + (label,)
    return _new(Result, result[:3] + (grade,) + result[4:7] + (labels,) + result[8:])


def _quota_falls(totals, grades, quotas):
    """The quotas over the units of a batch (their totals, and band numbers by score),
    highest band first: each band's units are placed by total as 排名 places units
    (1, 2, 2, 4), and those placed beyond the quota fall to the band below; units tied
    at the last place all keep the band, as they share the place.  Returns the band
    numbers after the quotas, unit → the bands it fell from, and how many units kept
    each quota's band.  `score_batch` and a report scored in blocks both use it."""
    grades = list(grades)
    fallen = {}
    kept = []
    for quota in quotas:
        places = _quota_places(quota, len(grades))
        members = [i for i, grade in enumerate(grades) if grade == quota.band]
        higher = _higher_counts([totals[i] for i in members])
        count = 0
        for i in members:
            if higher[totals[i]] < places:
                count += 1
                continue
            grades[i] = quota.band + 1
            fallen.setdefault(i, []).append(quota.band)
        kept.append(count)
    return grades, fallen, kept


def _apply_quotas(results, bands, quotas):
    """等次 quotas over a scored batch (`_quota_falls`) on the units in it (scored, not
    disqualified); a unit that fell has the band below and a label per quota."""
    if not quotas:
        return results
    inside = [i for i, r in enumerate(results) if r.status == _STATUS_OK and r.total is not None]
    numbers = {band.name: k for k, band in enumerate(bands)}
    grades, fallen, _ = _quota_falls(
        [results[i].total for i in inside], [numbers.get(results[i].grade) for i in inside], quotas
    )
    out = list(results)
    for j, froms in fallen.items():
        result = out[inside[j]]
        for band in froms:
            result = _with_grade(
                result, bands[grades[j]].name, _QUOTA_LABEL.format(bands[band].name)
            )
        out[inside[j]] = result
    return out


def _quota_one(result, batch, bands, quotas):
    """One unit's grade under the quotas, from what `batch` says of its place: 单位数 and,
    for each band with a quota the unit holds, 名额名次【band】 — its place by total among
    the units of the batch holding that band (1 + the number with a higher total)."""
    if result.status != _STATUS_OK or result.total is None or result.grade is None:
        return result
    batch = _EMPTY if batch is None else batch
    for quota in quotas:
        name = bands[quota.band].name
        if result.grade != name:
            continue
        size = None
        if quota.share is not None:
            size = _quota_number(batch, _COUNT_KEY, result.unit, 0)
        place = _quota_number(batch, _QUOTA_KEY.format(name), result.unit, 1)
        if place > _quota_places(quota, size):
            result = _with_grade(result, bands[quota.band + 1].name, _QUOTA_LABEL.format(name))
    return result


def _quota_number(batch, key, unit, least):
    """A whole number at least `least` from the caller's `batch`, or InputError."""
    value = batch.get(key)
    where = "" if unit is None else f"单位“{unit}”："
    if _blank(value):
        raise InputError(
            f"{where}缺少 {key}：有等次名额的细则单独计分时须用 batch 提供",
            unit=unit,
            fact=key,
            value=None,
            expected=f"{key}（整数）",
        )
    number = _parse_decimal(value, ("名", "个"), None)
    if (
        number is None
        or number.adjusted() >= 20
        or number != number.to_integral_value()
        or number < least
    ):
        raise InputError(
            f"{where}{key} 的值 “{_shown(value)}” 无效：应为整数",
            unit=unit,
            fact=key,
            value=value,
            expected=f"{key}（整数）",
        )
    return int(number)


def _error_result(unit, exc):
    error = DataError(str(exc), exc.fact, exc.value, exc.expected)
    return Result(unit, None, None, None, None, _STATUS_DATA_ERROR, False, (), _EMPTY, (), error)


def _unit_of(row):
    return row.get(_UNIT_KEY) if isinstance(row, _Mapping) else None


def _score_batch(
    rows, convert, compute, average_slots, stats=(), membership=False, bands=(), quotas=()
):
    """Score units together: convert every row, compute the batch values over the units
    in the batch (`_batch_stats`), score each, then rank.  A bad row becomes a 数据错误
    result and stops nothing.  `membership`: some clause can disqualify a unit, and a
    disqualified unit is not in the batch."""
    converted = []
    for row in rows:
        try:
            converted.append(convert(row) + (None,))
        except InputError as exc:
            converted.append((_unit_of(row), None, exc))
    batch = {}
    if average_slots or stats:
        batch = _batch_stats(converted, compute, average_slots, stats, membership)
    results = []
    for index, (unit, values, exc) in enumerate(converted):
        if exc is None and batch.get(index) is _NO_MEAN:
            exc = InputError(NO_MEAN_MESSAGE, unit=unit)
        elif exc is None and batch.get(index) is _NO_TRIMMED:
            exc = InputError(NO_TRIMMED_MESSAGE, unit=unit)
        if exc is None:
            try:
                results.append(compute(unit, values, tuple(batch.get(index, ()))))
                continue
            except InputError as error:
                exc = error
        results.append(_error_result(unit, exc))
    return _ranked(_apply_quotas(results, bands, quotas))


# ------------------------------------------------------------------- batch statistics
# A unit may be scored against the batch (LANGUAGE.md §4.9): the batch mean of a fact,
# and the rank, the best value, the number of units and (for a node) the unit's own
# score, of a fact or of a node's reported score.  `score` takes them as arguments;
# `_score_batch` computes them over the units in the batch (scored without a data
# error and not disqualified) in passes ordered by level: a node statistic is taken
# from results that need only statistics of lower levels.


class StatInfo(_namedtuple("StatInfo", "kind subject node high level slot ties")):
    """A statistic the rules read: kind rank, rank_from_end, count, best or value; over
    fact number `slot` (node False) or the node at path `subject` (node True); `high`
    when a larger value ranks first; `level` its pass (facts 0); `ties` the facts that
    order equal values (`并列的按【结案率】排名`) as (slot, same) pairs, `same` when that
    fact's better end is the subject's."""

    __slots__ = ()


_STAT_WORDS = {
    "rank": "排名",
    "rank_from_end": "倒数排名",
    "value": "得分",
    "trimmed": "去极值平均值",
}
_COUNT_KEY = "单位数"


def _stat_label(info):
    return f"【{info.subject}得分】" if info.node else f"【{info.subject}】"


def _stat_key(info):
    """The key of a statistic in `score(facts, batch=…)` and in a 测试 block:
    排名【X】, 倒数排名【X】, 最高值【X】 / 最低值【X】, 单位数."""
    if info.kind == "count":
        return _COUNT_KEY
    if info.kind == "best":
        return ("最高值" if info.high else "最低值") + _stat_label(info)
    return _STAT_WORDS[info.kind] + _stat_label(info)


def _placeholder(info):
    """A value for a statistic not yet computed.  Never 0 where a formula may divide
    by it (a best value, like a mean): the pass that decides who is in the batch
    scores every unit with placeholders, and a quotient by 0 there would leave every
    unit out of the batch."""
    if info.kind == "value":
        return _ZERO
    return Decimal(1)


def _share(points, value, best, high):
    """按第1名（最高者）的比例: points × value / best, or points × best / value when a
    smaller value ranks first; a value equal to the best gets all the points, and the
    share stays within [0, points] whatever the signs."""
    if value == best:
        return points
    if high:
        if best <= 0 or value <= 0:
            return _ZERO
        share = _limit(points * value / best)
    else:
        if value <= 0 or best < 0:
            return _ZERO
        share = _limit(points * best / value)
    if share > points:
        return points
    return share if share > 0 else _ZERO


def _pick(index, amounts):
    """依次得20分、19分…: the amount of place `index` (from 1); ZERO outside the list."""
    if index != index.to_integral_value() or not 1 <= index <= len(amounts):
        return _ZERO
    return amounts[int(index) - 1]


def _given_stat(batch, info, unit, given):
    """One statistic from the caller's `batch` mapping (or None when not given)."""
    key = _stat_key(info)
    value = batch.get(key)
    where = "" if unit is None else f"单位“{unit}”："
    if _blank(value):
        if info.kind == "rank_from_end":
            rank_info = info._replace(kind="rank")
            count_info = StatInfo("count", "", False, True, 0, -1, ())
            if not _blank(batch.get(_stat_key(rank_info))) and not _blank(batch.get(_COUNT_KEY)):
                rank = _given_stat(batch, rank_info, unit, given)
                count = _given_stat(batch, count_info, unit, given)
                return count - rank + 1  # no ties: n − rank + 1
        raise InputError(
            f"{where}缺少 {key}：单独计分时须用 batch 提供",
            unit=unit,
            fact=key,
            value=None,
            expected=f"{key}（数值）",
        )
    number = _parse_decimal(value, ("%", "分", "名", "个"), None)
    whole = info.kind in ("rank", "rank_from_end", "count")
    if (
        number is None
        or number.adjusted() >= 20
        or (
            whole
            and (
                number != number.to_integral_value() or number < (0 if info.kind == "count" else 1)
            )
        )
    ):
        expected = f"{key}（{'正整数' if whole else '数值'}）"
        raise InputError(
            f"{where}{key} 的值 “{_shown(value)}” 无效：应为{'正整数' if whole else '数值'}",
            unit=unit,
            fact=key,
            value=value,
            expected=expected,
        )
    return _limit(number)


def _batch_values(averages, batch, average_infos, stats, unit, measure, values, own):
    """The batch values `score` needs for one unit: means (from `averages`, or
    `batch["平均值【X】"]`), then each statistic from `batch`; a node's own score
    (kind value) is computed here, level by level (`_own_values`, with `own` from
    `_own_slots`)."""
    given = _given_values(averages, batch, average_infos, stats, unit)
    return _own_values(given, own, unit, values, measure)


def _given_values(averages, batch, average_infos, stats, unit):
    """The batch values read from the caller's mappings, each parsed and checked, in
    the order `_compute` reads them (means, then statistics); a node's own score (kind
    value) is ZERO here, for `_own_values` to fill in."""
    if batch is None:
        batch = _EMPTY
    _check_mapping(batch)
    if average_infos:
        merged = dict(averages) if isinstance(averages, _Mapping) else {}
        if averages is not None and not isinstance(averages, _Mapping):
            _check_mapping(averages)
        for info in average_infos:
            key = f"平均值【{info.name}】"
            if info.name not in merged and key in batch:
                merged[info.name] = batch[key]
        means = _convert_averages(merged, average_infos, unit)
    else:
        means = ()
    given = {}
    out = list(means)
    for info in stats:
        if info.kind == "value":
            out.append(_ZERO)
            continue
        value = _given_stat(batch, info, unit, given)
        given[_COUNT_KEY if info.kind == "count" else (info.kind, info.subject, info.node)] = value
        out.append(value)
    return tuple(out)


def _own_slots(stats, offset, paths):
    """Where each own node score (kind value) goes, grouped by level in order:
    ((level, ((position in the batch values, the node's position in `paths`), …)), …);
    `offset` is the number of means before the statistics."""
    where = {path: k for k, path in enumerate(paths)}
    own = [
        (offset + k, where[info.subject], info.level)
        for k, info in enumerate(stats)
        if info.kind == "value"
    ]
    return tuple(
        (each, tuple((slot, node) for slot, node, level in own if level == each))
        for each in sorted({level for _, _, level in own})
    )


def _own_values(given, own, unit, values, measure, below=None):
    """`given` with the unit's own node scores filled in, level by level: each level's
    from a pass with the levels below filled (`measure(unit, values, given)` →
    (disqualified, node scores), indexed as `own` says).

    `below`: only the levels under it — what a statistics pass at that level needs,
    since a node measured at level k depends on statistics of levels under k only
    (and 取消考评资格, at level 0, on none); the others stay ZERO, as `score_batch`
    leaves them in that pass."""
    if not own:
        return given
    out = list(given)
    for level, group in own:
        if below is not None and level >= below:
            break
        scores = measure(unit, values, tuple(out))[1]
        for slot, node in group:
            score = scores[node]
            out[slot] = _ZERO if score is None else score
    return tuple(out)


def _measured(result, paths):
    """(disqualified, node scores in `paths` order) of a full Result: what `measure`
    returns without building one."""
    nodes = result.nodes
    return result.status == _STATUS_DISQUALIFIED, tuple(nodes[path].score for path in paths)


def _placeholders(average_slots, stats):
    """The batch values before anything is known (`_batch_stats` starts from them):
    means 1, as best values, so that a share of the mean is defined before the mean is."""
    return tuple(_ONE for _ in average_slots) + tuple(_placeholder(s) for s in stats)


def _node_value(result, info):
    score = result.nodes[info.subject].score
    return _ZERO if score is None else score


def _bisect(ordered, value, right):
    """Where `value` goes in the ascending list: before its equals, or after them when
    `right` (the standard binary search, written out: a module imports only what it must)."""
    low, high = 0, len(ordered)
    while low < high:
        middle = (low + high) // 2
        if ordered[middle] < value or (right and ordered[middle] == value):
            low = middle + 1
        else:
            high = middle
    return low


def _ranking(values, high):
    """(ascending values, best) of the batch: what each unit's rank is read from."""
    ordered = sorted(values)
    best = (ordered[-1] if high else ordered[0]) if ordered else _ZERO
    return ordered, best


def _stat_of(info, value, ordered, best):
    """A unit's statistic, with its own `value`, against the batch's `ordered` values:
    competition ranks (1, 2, 2, 4) — 1 + the units strictly better (or worse)."""
    if info.kind == "count":
        return Decimal(len(ordered))
    if info.kind == "best":
        return best
    if info.kind == "value":
        return value
    above = len(ordered) - _bisect(ordered, value, True)
    below = _bisect(ordered, value, False)
    better, worse = (above, below) if info.high else (below, above)
    return Decimal(1 + (better if info.kind == "rank" else worse))


def _subject_value(info, values, result):
    """The value a unit is ranked by; with a tie-break, the key (value, tie values…),
    each tie value negated where its better end is not the subject's, so that tuples
    order units as the ranking does."""
    if info.node:
        return _node_value(result, info)
    value = values[info.slot]
    value = Decimal(value) if type(value) is int else value
    if not info.ties:
        return value
    return (value, *_tie_values(info.ties, values))


def _tie_values(ties, values):
    """A unit's tie-break values, each negated where its better end is not the ranked
    subject's (`StatInfo.ties`): after the subject's value they order units as the
    ranking does."""
    out = []
    for slot, same in ties:
        tie = values[slot]
        tie = Decimal(tie) if type(tie) is int else tie
        out.append(tie if same else -tie)
    return out


#: The batch values of a unit when the policy needs a mean and no unit is in the batch.
_NO_MEAN = object()
#: Fewer than three units in the batch and a 去极值平均值 needed: with the highest and
#: the lowest left out nothing remains to average, so every unit is an error.
NO_TRIMMED_MESSAGE = "本批有效数据行不足3个，去掉最高值和最低值后没有可平均的数据"
_NO_TRIMMED = object()
NO_MEAN_MESSAGE = "没有可计算平均值的有效数据行"


def _batch_stats(converted, compute, average_slots, stats, membership):
    """Each converted unit's batch values (means, then statistics), computed over the
    units in the batch, in passes by level."""
    good = [i for i, (_, values, _) in enumerate(converted) if values is not None]
    start = _placeholders(average_slots, stats)
    batch = {i: list(start) for i in good}
    members = good
    if membership:  # 取消考评资格 is decided without batch values (the checker's rule)
        members = []
        for i in good:
            unit, values, _ = converted[i]
            try:
                if compute(unit, values, start).status == _STATUS_OK:
                    members.append(i)
            except InputError:
                pass  # the last pass reports it
    if average_slots and not members:
        # no unit to average over (every one disqualified or in error): a score against
        # a mean that does not exist would be made up, so each unit is an error
        return dict.fromkeys(good, _NO_MEAN)
    if average_slots:
        count = len(members)
        for k, slot in enumerate(average_slots):
            total = sum((converted[i][1][slot] for i in members), _ZERO)
            mean = _limit(total / count)
            for i in good:
                batch[i][k] = mean
    width = len(average_slots)
    for level in sorted({info.level for info in stats}):
        results = {}
        if level > 0:
            for i in good:
                unit, values, _ = converted[i]
                try:
                    results[i] = compute(unit, values, tuple(batch[i]))
                except InputError:
                    pass  # the last pass reports it
        inside = [i for i in members if level == 0 or i in results]
        for k, info in enumerate(stats):
            if info.level != level:
                continue
            own = {
                i: _subject_value(info, converted[i][1], results.get(i))
                for i in good
                if not info.node or i in results
            }
            ordered, best = _ranking([own[i] for i in inside if i in own], info.high)
            if info.kind == "trimmed":  # one value for every unit, computed once
                if len(ordered) < 3:
                    return dict.fromkeys(good, _NO_TRIMMED)
                shared = _trimmed_mean(sum(ordered[1:-1], _ZERO), len(ordered))
                for i in own:
                    batch[i][width + k] = shared
                continue
            for i, value in own.items():
                batch[i][width + k] = _stat_of(info, value, ordered, best)
    return batch


def _trimmed_mean(middle, count):
    """去极值平均值 of `count` values whose sum without the lowest and the highest (one of
    each, however many share them) is `middle`, divided as a plain mean is (also by
    `xize score`, which sums its sorted keys)."""
    return _limit(middle / (count - 2))


# ------------------------------------------- module tables and records (codegen's section)
# Helpers for the compact tables codegen writes into a module: a table held as one
# literal costs the parser one syntax-tree node where a tuple of tuples cost one per
# field; what can be computed from a table at import is not written out at all.


def _spot_table(text):
    """(generated line, place index) pairs from a module's _SPOTS string; decoded only
    when an exception needs the .rule line it comes from."""
    pairs = []
    for word in text.split():
        line, _, index = word.partition(":")
        pairs.append((int(line), int(index)))
    return pairs


def _none(text):
    return None


def _true(text):
    return True


def _false(text):
    return False


# field tag → decoder of the text after it (codegen's emit_table.field writes them)
_DECODE = {
    "~": _none,
    "T": _true,
    "F": _false,
    "i": int,
    "d": Decimal,
    "t": datetime.date.fromisoformat,
    "s": str,
}


def _table(record, width, separator, text):
    """Records of class `record` (`width` fields each) from a module table: tagged
    fields, each ended by `separator`.  One string literal parses far faster than a
    tuple of tuples, at a few milliseconds of decoding here."""
    if not text:
        return ()
    fields = [_DECODE[field[:1]](field[1:]) for field in text.split(separator)[:-1]]
    return tuple(_new(record, fields[i : i + width]) for i in range(0, len(fields), width))


def _untouched(nodes, precision):
    """The record of each node that lost nothing (None for a bonus node), built once at
    import with the arithmetic `_compute` would use: points − 0, rounded to 精度."""
    records = []
    with _localcontext(_CONTEXT):
        for node in nodes:
            if node.bonus_cap is not None:
                records.append(None)
            elif node.points is None:
                records.append(NodeScore(node.path, node.title, None, _ZERO, None, False))
            else:
                score = node.points - _ZERO
                if precision is not None:
                    score = _round(score, precision)
                records.append(NodeScore(node.path, node.title, node.points, _ZERO, score, False))
    return tuple(records)
