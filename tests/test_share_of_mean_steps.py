"""Steps in a share of the batch average (`每低于平均数10%扣0.5分`, docs/language.md 9.8):
on a count or a measure 10% can only be a tenth of the mean, so a unit 20% below it takes
two steps (whole steps unless `按比例`).  On a rate the two readings (points or share) stay
refused, as on a plain 数值 that may be 0 or negative.  Hand-computed batches; compiled ==
interpreter; the SQL backend, whose fixed-point digits cannot hold a quotient by the mean,
refuses the clause by its line rather than approximate it."""

from __future__ import annotations

import itertools
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlrun import differences, duckdb_results, expected_summary
from xize.compiler import PolicyError, compile_policy
from xize.compiler.backends.sql.fixed import SqlUnsupported
from xize.compiler.check.run import check
from xize.compiler.source.text import Source
from xize.compiler.syntax.parser import parse

BANDS = "\n等次：\n  优秀：90分以上\n  良好：75分以上\n  合格：60分以上\n  不合格：其余\n"


def build(kind: str, clause: str, points: int = 3):
    text = (
        f"细则：幅度\n年度：2024\n满分：{points}分\n\n数据：\n  数量：{kind}\n\n"
        f"(一)本项({points}分)\n  - {clause}\n" + BANDS
    )
    return compile_policy(text, filename="幅度.rule")


def scores(policy, values: list[str]) -> list[Decimal]:
    rows = [{"单位": f"单位{i}", "数量": v} for i, v in enumerate(values)]
    compiled = policy.score_batch(rows)
    assert [r.to_dict() for r in compiled] == [
        r.to_dict() for r in policy.interpreter.score_batch(rows)
    ]
    return [r.nodes["(一)"].score for r in compiled]


@pytest.mark.parametrize(
    ("kind", "clause", "values", "expected", "points"),
    [
        # mean 10: 8 is 20% below (2 steps, −1), 5 is 50% below (5 steps, −2.5)
        (
            "家",
            "【数量】每低于平均数10%扣0.5分，扣完为止",
            ["10", "8", "5", "12", "15"],
            [3, 2, 0.5, 3, 3],
            3,
        ),
        # mean 10/3, held to 40 digits: 3 is exactly 10% below it — one step, not a hair
        # under one; mean 20/3: 6 is exactly 10% below
        ("家", "【数量】每低于平均数10%扣0.5分，扣完为止", ["3", "3", "4"], [2.5, 2.5, 3], 3),
        ("家", "【数量】每低于平均数10%扣0.5分，扣完为止", ["6", "7", "7"], [2.5, 3, 3], 3),
        # the average said in the condition and again after 每
        (
            "家",
            "【数量】低于全县平均数的，每低于平均数10%扣0.5分，扣完为止",
            ["10", "8", "5", "12", "15"],
            [3, 2, 0.5, 3, 3],
            3,
        ),
        # mean 1000 (户): 800 is 20% short (−2), 600 is 40% short (−4: all of it)
        (
            "户",
            "【数量】达到全市平均数的得4分；低于平均数的，每低10%扣1分，扣完为止",
            ["1000", "800", "1400", "600", "1200"],
            [4, 2, 4, 0, 4],
            4,
        ),
        # a time above the mean 3: 3.6 is 20% above (−2), 3.4 is 13.3% (one whole step)
        (
            "工作日",
            "【数量】高于全市平均水平的，每高出10%扣1分，扣完为止",
            ["2", "3.6", "3", "3.4"],
            [4, 2, 4, 3],
            4,
        ),
        # in proportion: 3.4 is 13.33…% above: 1.333… steps of 0.3 → −0.4
        (
            "工作日",
            "【数量】每高于平均值10%扣0.3分，按比例扣分",
            ["2", "3.6", "3", "3.4"],
            [4, Decimal("3.4"), 4, Decimal("3.6")],
            4,
        ),
    ],
)
def test_steps_in_a_share_of_the_mean(kind, clause, values, expected, points):
    found = scores(build(kind, clause, points), values)
    assert found == [Decimal(str(e)) for e in expected]


@pytest.mark.parametrize(
    ("kind", "words"),
    [
        ("百分比", "10个百分点"),  # a rate: points or a share?
        ("数值", "0或负数"),  # a mean that may be 0 or below
    ],
)
def test_a_share_of_a_mean_that_is_unclear_is_refused(kind, words):
    with pytest.raises(PolicyError) as raised:
        build(kind, "【数量】每低于平均数10%扣0.5分，扣完为止")
    diag = raised.value.diagnostics[0]
    assert diag.code == "E116", str(raised.value)
    assert words in str(raised.value)


def test_the_sql_backend_refuses_a_share_of_the_mean_by_its_line():
    policy = build("家", "【数量】每低于平均数10%扣0.5分，扣完为止")
    rows = [{"单位": "甲", "数量": "10"}, {"单位": "乙", "数量": "8"}]
    with pytest.raises(SqlUnsupported, match="第9行的条款"):
        duckdb_results(policy.ir, rows)


def _warnings(text: str) -> list[str]:
    tree, diags = parse(Source(text, "幅度.rule"))
    assert tree is not None and not [d for d in diags if d.is_error]
    return [d.code for d in check(tree, Source(text, "幅度.rule"))]


@pytest.mark.parametrize(
    ("clause", "values", "expected", "points"),
    [
        # mean 10: 8 is exactly 80% of it (含) → 2, 7.9 below → 1
        (
            "各乡镇【数量】达到全县平均数的得3分，达到平均数80%（含80%）但未达到平均数的得2分，"
            "不足平均数80%的得1分",
            ["10", "8", "7.9", "12", "12.1"],
            [3, 2, 1, 3, 3],
            3,
        ),
        # mean 100: 150 is 1.5 times it; 80 is 80% of it; 79 below — 低于平均数80% on a line
        # of shares is below 80% of the mean, as the band before it says
        (
            "【数量】达到全市平均数1.5倍及以上的得4分；达到平均数但不足1.5倍的得3分；"
            "达到平均数80%但低于平均数的得2分；低于平均数80%的得0.5分",
            ["150", "149", "100", "80", "79", "42"],
            [4, 3, 3, 2, Decimal("0.5"), Decimal("0.5")],
            4,
        ),
    ],
)
def test_bands_of_shares_of_the_mean(clause, values, expected, points):
    policy = build("万元", clause, points)
    assert scores(policy, values) == expected
    rows = [{"单位": f"单位{i}", "数量": v} for i, v in enumerate(values)]
    summary = expected_summary(policy.ir, policy.score_batch(rows))
    assert differences(summary, duckdb_results(policy.ir, rows)) == []  # bands: SQL can
    text = (
        f"细则：幅度\n年度：2024\n满分：{points}分\n\n数据：\n  数量：万元\n\n"
        f"(一)本项({points}分)\n  - {clause}\n" + BANDS
    )
    assert "W311" not in _warnings(text)  # the bands exclude each other


def test_a_share_beside_a_percentage_that_may_be_a_distance_is_refused():
    # 高于平均数120% alone is 120% above the mean (language.md 9.8): beside shares, unclear
    with pytest.raises(PolicyError) as raised:
        build(
            "万元",
            "【数量】达到全市平均数120%以上的得3分，达到平均数但不足120%的得2分，高于平均数10%的得1分",
        )
    assert raised.value.diagnostics[0].code == "E116"


@settings(max_examples=25, deadline=None)
@given(st.lists(st.integers(0, 60), min_size=1, max_size=7))
def test_a_share_of_the_mean_steps_whole_tenths_and_never_rewards_less(counts):
    """Over random batches: a unit scores 3 − 0.5 × the whole tenths of the mean it falls
    short by (never below 0), so a smaller count never scores more; compiled ==
    interpreter (scores() checks it)."""
    policy = build("家", "【数量】每低于平均数10%扣0.5分，扣完为止")
    found = scores(policy, [str(c) for c in counts])
    mean = Fraction(sum(counts), len(counts))  # the reference in exact fractions
    for count, score in zip(counts, found, strict=True):
        short = (mean - count) * 100 / mean if mean and count < mean else Fraction(0)
        assert score == max(Decimal(3) - Decimal("0.5") * int(short // 10), Decimal(0))
    ordered = sorted(zip(counts, found, strict=True))
    assert all(a[1] <= b[1] for a, b in itertools.pairwise(ordered))


def test_shares_of_the_mean_that_leave_units_out_say_so_in_shares():
    with pytest.raises(PolicyError) as raised:
        build("万元", "【数量】达到全市平均数1.5倍及以上的得4分；达到平均数但不足1.5倍的得3分", 4)
    diag = raised.value.diagnostics[0]
    assert diag.code == "E116"
    assert "不足平均数80%的得1分" in diag.hint() and "个百分点" not in diag.hint()
