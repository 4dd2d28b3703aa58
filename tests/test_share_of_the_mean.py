"""`低于全市平均值的，按比例计分`: below the batch mean, the bare share is a share of the
mean (points × 【X】 ÷ 平均值), as `按本单位完成率占平均完成率的比例计分` says in full.
Against a fixed standard (`低于90%的，按比例计分`) the share may be of 90% or of 100%:
refused with both formulas, each of which compiles and scores its own reading."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

import pytest
from helpers import both_totals
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from xize.compiler import PolicyError, compile_policy

HEAD = "细则：按比例\n年度：2024\n满分：6分\n{extra}\n数据：\n  完成率：百分比\n\n一、完成情况（6分）\n"


def build(*lines: str, extra: str = ""):
    body = "".join(f"  - {line}\n" for line in lines)
    return compile_policy(HEAD.format(extra=extra) + body, filename="按比例.rule")


def totals(policy, values: list[str]) -> list[Decimal]:
    """Each unit's total, the same from the module and the interpreter."""
    rows = [{"单位": f"单位{i}", "完成率": v} for i, v in enumerate(values)]
    return both_totals(policy, rows)


def errors(*lines: str) -> list:
    with pytest.raises(PolicyError) as caught:
        build(*lines)
    return [d for d in caught.value.diagnostics if d.is_error]


# mean of 70%, 80%, 90% is 80%: 70% earns 6 × 70 ÷ 80 = 5.25
@pytest.mark.parametrize(
    "lines",
    [
        ("【完成率】达到全市平均值的得6分；低于全市平均值的，按比例计分",),
        ("【完成率】达到全市平均值的得6分，低于全市平均值的按比例得分",),
        ("【完成率】达到全市平均水平的得满分，低于的按比例得分",),
        ("【完成率】达到全市平均值的得6分，未达到的，按比例计分",),
        ("【完成率】达到平均值的得6分", "【完成率】低于平均值的，按比例计分"),
        # the words in full: the same
        (
            "【完成率】达到全市平均值的得6分；低于全市平均值的，按本单位完成率占全市平均完成率的比例计分",
        ),
    ],
)
def test_below_the_mean_the_share_is_of_the_mean(lines):
    assert totals(build(*lines), ["70", "80", "90"]) == [Decimal("5.25"), 6, 6]


def test_a_unit_exactly_on_the_mean_earns_the_points_either_way():
    """高于…得6分；低于…按比例: on the mean (80) neither is said, but the share gives it
    6 × 80 ÷ 80 = 6, the same as above it — read so (docs: 按占平均值的比例计分)."""
    policy = build("【完成率】高于全市平均值的得6分；低于全市平均值的，按比例计分")
    assert totals(policy, ["70", "80", "90"]) == [Decimal("5.25"), 6, 6]


def test_the_share_is_explained_by_its_clause():
    policy = build("【完成率】达到全市平均值的得6分；低于全市平均值的，按比例计分")
    rows = [{"单位": f"单位{i}", "完成率": v} for i, v in enumerate(["70", "80", "90"])]
    first = policy.score_batch(rows)[0]
    assert sum(i.applied for i in first.items) == 6 - first.total == Decimal("0.75")
    assert all(i.line == 9 for i in first.items)


@pytest.mark.parametrize(
    ("line", "standard"),
    [
        ("【完成率】低于90%的，按比例计分", "90%"),
        ("【完成率】达到90%的得6分，低于90%的按比例得分", "90%"),
        ("【完成率】低于85%的，按完成比例得分", "85%"),
    ],
)
def test_against_a_standard_both_readings_are_offered(line, standard):
    (error,) = errors(line)
    assert error.code == "E101"
    hint = error.hint()
    assert f"得(【完成率】÷{standard}×10)分" in hint
    assert "得(【完成率】÷100%×10)分" in hint
    # each formula offered compiles and scores its own reading (6 points here): at 72%
    value = Decimal(standard[:-1])
    of_standard = build(
        f"【完成率】低于{standard}的得(【完成率】÷{standard}×6)分", extra="精度：0.01\n"
    )
    of_whole = build(f"【完成率】低于{standard}的得(【完成率】÷100%×6)分", extra="精度：0.01\n")
    expected = (Decimal(72) / value * 6).quantize(Decimal("0.01"), ROUND_HALF_UP)
    assert totals(of_standard, ["72"]) == [expected]
    assert totals(of_whole, ["72"]) == [Decimal("4.32")]


@pytest.mark.parametrize(
    "line",
    [
        # above the mean a share of it is over 1: what it is a share of is unsaid
        "【完成率】高于全市平均值的，按比例计分",
        "【完成率】低于全市平均值的扣1分，高于全市平均值的按比例计分",
        # a share of 100% below the mean is not the mean's share: not guessed
        "【完成率】达到全市平均值的得6分，低于全市平均值的按完成比例得分",
        # a distance from the mean: a share of what?
        "【完成率】低于平均值5个百分点的，按比例计分",
    ],
)
def test_other_shares_under_a_condition_are_refused(line):
    assert [e.code for e in errors(line)] == ["E101"]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(0, 100), min_size=1, max_size=8))
def test_the_share_is_exact_and_within_the_points(values):
    """Each unit below the mean earns 6 × x ÷ mean rounded half-up to 精度 0.01, the
    others 6; never more than the points, never below 0."""
    policy = build(
        "【完成率】达到全市平均值的得6分；低于全市平均值的，按比例计分", extra="精度：0.01\n"
    )
    assume(sum(values) > 0)  # a mean of 0: see the test below
    got = totals(policy, [str(v) for v in values])
    mean = Fraction(sum(values), len(values))
    for value, total in zip(values, got, strict=True):
        if value >= mean:
            assert total == 6
        else:
            exact = Fraction(6 * value) / mean
            want = (Decimal(exact.numerator) / Decimal(exact.denominator)).quantize(
                Decimal("0.01"), ROUND_HALF_UP
            )
            assert total == want
        assert 0 <= total <= 6


def test_a_mean_of_zero_is_a_data_error_naming_the_share():
    """Every unit at 0%: the share's amount (explained for the units above the mean too)
    divides by 0 — each unit is a data error naming the clause, never a made-up score."""
    policy = build("【完成率】达到全市平均值的得6分；低于全市平均值的，按比例计分")
    for engine in (policy, policy.interpreter):
        results = engine.score_batch([{"单位": "甲", "完成率": "0"}, {"单位": "乙", "完成率": "0"}])
        assert [r.status for r in results] == ["数据错误", "数据错误"]
        assert all("除数为0" in r.error.message for r in results)
