"""A percentage multiplied into points (E268).  In a formula a percentage is its percent
number (95% is 95), so `得(70×【达标率】-63)分`, copied from “得分=70×达标率−63” where the
rate is 0.95, would give 6587 points — capped to full marks for every unit.  Such
formulas are refused with the two explicit writings (as a fraction, ÷100%; per
percentage point, ÷1%), each of which compiles and scores its own reading; ratios and
differences of percentages, and an explicit ÷100, read as written."""

from __future__ import annotations

from decimal import Decimal

import pytest
from helpers import both_total
from hypothesis import given, settings
from hypothesis import strategies as st
from xize.compiler import PolicyError, compile_policy

HEAD = (
    "细则：算式\n年度：2024\n满分：6分\n\n数据：\n  达标率：百分比\n  扣分：分，范围0至6\n"
    "  权重：数值\n\n一、达标（6分）\n"
)


def build(line: str):
    return compile_policy(HEAD + f"  - {line}\n", filename="算式.rule")


def total(policy, **facts: str) -> Decimal:
    return both_total(policy, {"达标率": "95", "扣分": "0", "权重": "1", **facts})


def refusal(line: str):
    with pytest.raises(PolicyError) as caught:
        build(line)
    errors = [d for d in caught.value.diagnostics if d.is_error]
    assert [e.code for e in errors] == ["E268"]
    return errors[0]


def _offered(hint: str) -> list[str]:
    """The lines a hint offers, in order: 写 … up to the next ；."""
    return [part.split("写 ", 1)[1] for part in hint.split("；") if "写 " in part]


@pytest.mark.parametrize(
    ("line", "fraction_total", "points_total"),
    [
        # 70 × 0.95 − 63 = 3.5; as percentage points 70 × 95 − 63: full marks
        ("得(70×【达标率】-63)分", Decimal("3.5"), 6),
        # 6 × 0.95 = 5.7
        ("得(【达标率】×6)分", Decimal("5.7"), 6),
        # 0.06 per percentage point: 5.7 (the second reading); as a fraction 0.057
        ("得(【达标率】×0.06)分", Decimal("0.057"), Decimal("5.70")),
        # a weight fact: 1 × 0.95
        ("得(【达标率】×【权重】)分", Decimal("0.95"), 6),
    ],
)
def test_a_rate_times_points_is_refused_with_both_readings(line, fraction_total, points_total):
    error = refusal(line)
    fraction, points = _offered(error.hint())
    assert "÷100%" in fraction and "÷1%" in points
    assert total(build(fraction)) == fraction_total
    assert total(build(points)) == points_total


def test_a_percent_literal_times_points_offers_the_fraction_only():
    """`按被扣分值的10%计扣`: 10% of 5 is 0.5 (never 10 × 5)."""
    error = refusal("扣(【扣分】×10%)分")
    assert _offered(error.hint()) == ["扣(【扣分】×0.1)分"]
    assert total(build("扣(【扣分】×0.1)分"), 扣分="5") == Decimal("5.5")


@pytest.mark.parametrize(
    "line",
    [
        "扣(【达标率】)分",  # a percentage as points
        "得(【达标率】+1)分",  # added to points
        "得(最大(【达标率】×0.1,1))分",
        "得(【达标率】×【达标率】÷100)分",  # still a percentage
    ],
)
def test_other_percentages_in_points_are_refused(line):
    refusal(line)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("得(【达标率】÷100×6)分", Decimal("5.7")),
        ("得(【达标率】×6÷100)分", Decimal("5.7")),
        ("得(70×【达标率】÷100-63)分", Decimal("3.5")),
        ("得(【达标率】÷100%×6)分", Decimal("5.7")),
        ("得(【达标率】÷1%×0.06)分", Decimal("5.70")),
        # a ratio of percentages: 95 ÷ 90 × 6 > 6, so 6; over a bare percent number the same
        ("得(【达标率】÷90%×6)分", 6),
        ("得(最小(【达标率】÷190, 1)×6)分", 3),
        ("得(95÷【达标率】×3)分", 3),
        # a difference of percentages is percentage points: (100 − 95) × 0.2 = 1 lost
        ("扣(最大(100-【达标率】,0)×0.2)分", 5),
        ("扣(最大(100%-【达标率】,0)×0.2)分", 5),
        # the fixed base written out (docs/language.md, 发案率 against 12%)
        ("得(5+取整(最大(100-【达标率】,0))×0.1)分", Decimal("5.5")),
        # no percentage at all
        ("扣(【扣分】×0.1)分", 6),
    ],
)
def test_ratios_differences_and_explicit_fractions_read_as_written(line, expected):
    assert total(build(line)) == expected


def test_batch_shares_and_means_in_formulas_read_as_written():
    """A share of the best and of the mean: percentages divided by percentages."""
    best = build("【达标率】最高的得6分，其余得(【达标率】÷最高值×6)分")
    rows = [
        {"单位": "甲", "达标率": "90", "扣分": "0", "权重": "1"},
        {"单位": "乙", "达标率": "60", "扣分": "0", "权重": "1"},
    ]
    assert [r.total for r in best.score_batch(rows)] == [6, 4]
    mean = build("【达标率】低于全市平均值的，按比例计分")
    assert [r.total for r in mean.score_batch(rows)] == [0, Decimal("4.8")]


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 100))
def test_the_fraction_reading_is_exact(rate):
    policy = build("得(70×(【达标率】÷100%)-63)分")
    exact = Decimal(70) * Decimal(rate) / 100 - 63
    assert total(policy, 达标率=str(rate)) == min(max(exact, Decimal(0)), Decimal(6))
