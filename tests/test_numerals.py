"""Chinese and Arabic numerals as policy writers write them."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from xize.compiler.syntax.numerals import cn_to_int, parse_decimal, parse_percent_cn

DIGITS = "零一二三四五六七八九"


def write_cn(n: int) -> str:
    """A plain reference writer of integers 0..99999999 in Chinese numerals."""
    if n == 0:
        return "零"
    high, low = divmod(n, 10000)
    if high:
        text = _below(high) + "万"
        if low:
            text += ("零" if low < 1000 else "") + _below(low)
        return text
    return _below(low)


def _below(n: int) -> str:
    out = ""
    zero = False
    for unit, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit, n = divmod(n, unit)
        if digit:
            if zero:
                out += "零"
                zero = False
            out += DIGITS[digit] + name
        elif out:
            zero = True
    if out.startswith("一十"):
        out = out[1:]
    return out


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("零", 0),
        ("〇", 0),
        ("一", 1),
        ("两", 2),
        ("十", 10),
        ("十二", 12),
        ("二十", 20),
        ("三十", 30),
        ("九十九", 99),
        ("一百", 100),
        ("一百零五", 105),
        ("一百一十", 110),
        ("两千", 2000),
        ("三千零五十", 3050),
        ("一千零十", 1010),
        ("一万二千", 12000),
        ("十万", 100000),
        ("二〇二三", 2023),
        ("二○一二", 2012),
    ],
)
def test_chinese_integers(text, value):
    assert cn_to_int(text) == value


@pytest.mark.parametrize(
    "text",
    ["", "十十", "零点五", "百", "三百五", "五十零", "〇五", "一万二", "一万万", "二十零五", "甲"],
)
def test_not_numerals(text):
    with pytest.raises(ValueError):
        cn_to_int(text)


@given(st.integers(0, 99_999_999))
def test_every_integer_written_in_chinese_reads_back(n):
    assert cn_to_int(write_cn(n)) == n


def test_arabic_decimals_are_exact():
    assert parse_decimal("0.03") == Decimal("0.03")
    assert parse_decimal("12") == Decimal(12)
    assert parse_decimal("十二") == Decimal(12)
    assert str(parse_decimal("0.10")) == "0.10"
    for bad in ("1.2.3", "nan", "inf", "", "一点五"):
        with pytest.raises(ValueError):
            parse_decimal(bad)


def test_percent_in_chinese():
    assert parse_percent_cn("百分之八十") == 80
    assert parse_percent_cn("百分之八十五") == 85
    assert parse_percent_cn("百分之一百") == 100
    with pytest.raises(ValueError):
        parse_percent_cn("八十")


def test_percent_in_tenths():
    """`九成` is 90%, `八成五` 85%, `两成` 20% (成 a tenth)."""
    assert parse_percent_cn("九成") == 90
    assert parse_percent_cn("八成五") == 85
    assert parse_percent_cn("两成") == 20
    assert parse_percent_cn("一成") == 10


@pytest.mark.parametrize(
    ("clause", "values", "totals"),
    [
        ("【完成率】达到九成的得6分", ["95%", "90%", "89.9%"], ["6", "6", "0"]),
        ("【完成率】低于八成五的扣2分", ["84.9%", "85%", "86%"], ["4", "6", "6"]),
        ("【完成率】九成以上的得6分", ["90%", "89%"], ["6", "0"]),
    ],
)
def test_tenths_compare_as_their_percentage(clause, values, totals):
    from helpers import item_totals, one_item

    text = one_item(clause, "  完成率：百分比\n")
    assert item_totals(text, "完成率", values) == totals
