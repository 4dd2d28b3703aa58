"""IR values in the words of a 细则: `2023分`, `80%`, `1月9日`, `(【平台扣分】×10)`.

The revision notes, the rendered document and the coverage report all quote numbers
and expressions back to a policy writer; one module keeps them spelled alike.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from . import nodes as ir
from .util import stat_key

_OPS = {"+": "+", "-": "−", "*": "×", "/": "÷"}
_FUNCS = {"max": "最大", "min": "最小", "floor": "取整", "round": "四舍五入"}


def number(value: Decimal | int) -> str:
    """Plain notation, no trailing zeros, never an exponent: 2.50 → 2.5, 2023 → 2023."""
    if isinstance(value, int):
        return str(value)
    if not value.is_finite():
        return str(value)
    text = format(value.normalize(), "f")
    return "0" if text in ("-0", "") else text


def day(value: date, year: int | None = None) -> str:
    """`1月9日` within the policy's year, else `2024年1月9日`."""
    if year is not None and value.year == year:
        return f"{value.month}月{value.day}日"
    return f"{value.year}年{value.month}月{value.day}日"


def points(value: Decimal | None) -> str:
    return "—" if value is None else f"{number(value)}分"


def expr(e: ir.Expr, year: int | None = None, percent: frozenset[str] = frozenset()) -> str:
    """An expression as a writer would type it; `percent` names facts shown with `%`."""
    if isinstance(e, ir.Const):
        if isinstance(e.value, date):
            return day(e.value, year)
        return number(e.value)
    if isinstance(e, ir.FactValue):
        return f"【{e.name}】"
    if isinstance(e, ir.AverageOf):
        return f"平均值【{e.name}】"
    if isinstance(e, ir.Arith):
        left = expr(e.left, year, percent)
        right = expr(e.right, year, percent)
        return f"({left}{_OPS.get(e.op, e.op)}{right})"
    if isinstance(e, ir.Func):
        args = "，".join(expr(a, year, percent) for a in e.args)
        return f"{_FUNCS.get(e.func, e.func)}({args})"
    if isinstance(e, ir.DaysLate):
        return f"【{e.fact}】晚于{day(e.due, year)}的天数"
    if isinstance(e, ir.BatchStat):
        return stat_key(e)
    if isinstance(e, ir.Share):
        first = "最高值" if e.high else "最低值"
        return f"按与{first}的比例({expr(e.points, year, percent)})"
    if isinstance(e, ir.Pick):
        amounts = "、".join(number(a) for a in e.amounts)
        return f"依次({amounts})"
    return str(e)


def amount(e: ir.Expr, year: int | None = None) -> str:
    """An amount of points: `1分`, or a computed `(【平台扣分】×10)分`."""
    text = expr(e, year)
    return f"{text}分"


def value(v: object, fact_type: str = "", year: int | None = None) -> str:
    """A fact value (default, threshold) in the fact's own terms."""
    if v is None:
        return "无"
    if isinstance(v, bool):
        return "是" if v else "否"
    if isinstance(v, date):
        return day(v, year)
    if isinstance(v, (Decimal, int)):
        text = number(v)
        return f"{text}%" if fact_type == "percent" else text
    return str(v)


TYPE_WORDS = {
    "bool": "是否",
    "percent": "百分比",
    "number": "数值",
    "points": "分",
    "date": "日期",
}


def fact_type(fact: ir.Fact) -> str:
    """The 数据 type word of a fact: `是否`, `百分比`, or its count unit (`人次`)."""
    if fact.type == "count":
        return fact.unit or "次"
    if fact.type == "number" and fact.unit and fact.unit != "数值":
        return fact.unit  # a measure: 公里, 万元…
    return TYPE_WORDS.get(fact.type, fact.unit or fact.type)


SENSE_WORDS = {"high": "越高越好", "low": "越低越好"}


def fact_spec(fact: ir.Fact) -> str:
    """The type word with the declared better end, as 数据 writes it: `百分比，越高越好`."""
    sense = SENSE_WORDS.get(fact.sense or "")
    return f"{fact_type(fact)}，{sense}" if sense else fact_type(fact)


def band_range(band: ir.GradeBand) -> str:
    """A grade band's range in words: `90分以上`, `60分（含）至80分（不含）`, `其余`."""
    if band.rest:
        return "其余"
    low, high = band.low, band.high
    if low is not None and high is not None:
        lo = f"{number(low)}分（{'含' if band.low_inclusive else '不含'}）"
        hi = f"{number(high)}分（{'含' if band.high_inclusive else '不含'}）"
        return f"{lo}至{hi}"
    if low is not None:
        return f"{number(low)}分以上" if band.low_inclusive else f"超过{number(low)}分"
    if high is not None:
        return f"{number(high)}分以下" if band.high_inclusive else f"低于{number(high)}分"
    return "任意分数"


def quota_text(policy: ir.Policy, band: int) -> str:
    """`，不超过参加考核单位总数的30%` after band number `band` when it has a quota (as
    `等次：` writes it), else ""."""
    quota = next((q for q in policy.quotas if q.band == band), None)
    if quota is None:
        return ""
    if quota.share is not None and quota.per != 1:
        digits = "〇一二三四五六七八九十"
        return f"，不超过参加考核单位总数的{digits[quota.per]}分之{digits[int(quota.share)]}"
    if quota.share is not None:
        return f"，不超过参加考核单位总数的{number(quota.share * 100)}%"
    return f"，不超过{quota.count}个"
