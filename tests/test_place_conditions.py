"""A place with a condition (`排名第一且高于全市平均水平5个百分点以上的，等次确定为优秀`,
docs/language.md 9.9): the unit must hold the place and meet the comparison, on the line's
fact.  Hand-computed batches where the placed unit meets it and where it does not;
compiled == interpreter == DuckDB; beside a step down by place it is refused."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlrun import differences, duckdb_results, expected_items, expected_summary
from xize.compiler import PolicyError, compile_policy

BANDS = "\n等次：\n  优秀：4.5分以上\n  良好：4分以上\n  合格：3分以上\n  不合格：其余\n"


def build(clause: str):
    text = (
        "细则：名次\n年度：2024\n满分：5分\n\n数据：\n  率：百分比，越高越好\n\n"
        f"(一)本项(5分)\n  - {clause}\n" + BANDS
    )
    return compile_policy(text, filename="名次.rule")


def results(policy, values: list[str]):
    rows = [{"单位": f"单位{i}", "率": v} for i, v in enumerate(values)]
    compiled = policy.score_batch(rows)
    assert [r.to_dict() for r in compiled] == [
        r.to_dict() for r in policy.interpreter.score_batch(rows)
    ]
    assert differences(expected_summary(policy.ir, compiled), duckdb_results(policy.ir, rows)) == []
    assert differences(expected_items(compiled), duckdb_results(policy.ir, rows, items=True)) == []
    return [(r.nodes["(一)"].score, r.labels) for r in compiled]


FIRST = "【率】全市排名第一且高于全市平均水平5个百分点以上（含5个百分点）的，年度考核直接确定为优秀"
LAST = (
    "【率】排名全市末位且低于全市平均水平10个百分点以上（含10个百分点）的，本项不得分，"
    "年度考核不得评为优秀"
)


@pytest.mark.parametrize(
    ("clause", "values", "hit"),
    [
        # mean 79: the first (95) is at least 84 → 优秀 whatever its score
        (FIRST, ["95", "90", "80", "70", "60"], 0),
        # mean 80: the first (84) is 4 above, short of 5 → nothing
        (FIRST, ["84", "80", "79", "78", "79"], None),
        # mean 80: the first (85) is exactly 5 above (含) → 优秀
        (FIRST, ["85", "80", "79", "78", "78"], 0),
        # mean 79: the last (60) is 19 below → 0 points and 不得评为优秀
        (LAST, ["90", "80", "70", "60", "95"], 3),
        # mean 80: the last (75) is 5 below, short of 10 → nothing
        (LAST, ["85", "80", "75", "80", "80"], 2),
    ],
)
def test_the_placed_unit_must_meet_the_condition_too(clause, values, hit):
    found = results(build(clause), values)
    full = Decimal(5)
    if clause == FIRST:
        labels = [bool(labels) for _, labels in found]
        assert labels == [i == hit for i in range(len(values))]
        assert all(score == full for score, _ in found)
        return
    met = clause == LAST and Decimal(values[hit]) <= sum(map(Decimal, values)) / 5 - 10
    for i, (score, labels) in enumerate(found):
        assert score == (0 if met and i == hit else full)
        assert bool(labels) == (met and i == hit)


def test_a_place_with_a_condition_beside_a_step_down_is_refused():
    with pytest.raises(PolicyError) as raised:
        build("【率】第1名且高于全市平均水平的得5分，其后每下降一个名次扣0.5分")
    diag = raised.value.diagnostics[0]
    assert diag.code == "E253"
    assert "带条件的名次" in str(raised.value)


AMONG = (
    "【率】前两名得4分，其余得3分；排名全市末位的，不得评为优秀，"
    "其中低于全市平均水平20个百分点以上的，实行一票否决，本项不得分"
)


@pytest.mark.parametrize(
    ("values", "vetoed"),
    [
        # mean 76: the last (50) is 26 below → vetoed, 0 points, and 不得评为优秀
        (["90", "85", "80", "75", "50"], True),
        # mean 80: the last (70) is 10 below → only 不得评为优秀, keeps its 3 points
        (["90", "85", "80", "75", "70"], False),
    ],
)
def test_among_the_units_of_a_place_those_that_meet_the_comparison(values, vetoed):
    policy = build(AMONG)
    rows = [{"单位": f"单位{i}", "率": v} for i, v in enumerate(values)]
    compiled = policy.score_batch(rows)
    assert [r.to_dict() for r in compiled] == [
        r.to_dict() for r in policy.interpreter.score_batch(rows)
    ]
    assert differences(expected_summary(policy.ir, compiled), duckdb_results(policy.ir, rows)) == []
    scores = [r.nodes["(一)"].score for r in compiled]
    assert scores == [4, 4, 3, 3, 0 if vetoed else 3]
    assert [r.vetoed for r in compiled] == [False] * 4 + [vetoed]
    assert compiled[-1].labels == ("等次最高为良好",)


def test_among_after_a_step_down_by_place_is_refused():
    with pytest.raises(PolicyError) as raised:
        build("【率】第1名得5分，其后每下降一个名次扣0.5分，其中低于全市平均水平的，一票否决")
    assert "其中" in str(raised.value)


def test_among_after_a_semicolon_is_the_same():
    # mean 80: the last three (75, 70, 60) may not be 优秀; of them 60 is 20 below (含15) → 合格 at most
    clause = (
        "【率】排名全市后三位的，年度考核不得评为优秀；"
        "其中低于全市平均水平15个百分点以上（含15个百分点）的，年度考核等次最高为合格"
    )
    policy = build(clause)
    rows = [
        {"单位": f"单位{i}", "率": v} for i, v in enumerate(["95", "90", "75", "70", "60", "90"])
    ]
    compiled = policy.score_batch(rows)
    assert [r.to_dict() for r in compiled] == [
        r.to_dict() for r in policy.interpreter.score_batch(rows)
    ]
    limits = [r.labels for r in compiled]
    assert limits[:2] == [(), ()] and limits[5] == ()
    assert limits[2] == limits[3] == ("等次最高为良好",)
    assert "等次最高为合格" in limits[4]


@settings(max_examples=25, deadline=None)
@given(st.lists(st.integers(0, 1000), min_size=1, max_size=7))
def test_the_first_place_with_a_condition_over_random_batches(tenths):
    """Over random batches: exactly the units holding the first place (ties all of them)
    whose value is at least 5 above the mean (exact fractions) are 优秀 outright."""
    values = [Decimal(t) / 10 for t in tenths]
    policy = build(FIRST)
    rows = [{"单位": f"单位{i}", "率": str(v)} for i, v in enumerate(values)]
    compiled = policy.score_batch(rows)
    assert [r.to_dict() for r in compiled] == [
        r.to_dict() for r in policy.interpreter.score_batch(rows)
    ]
    mean = Fraction(sum(tenths), 10 * len(tenths))
    top = max(values)
    for value, result in zip(values, compiled, strict=True):
        wanted = value == top and Fraction(value) >= mean + 5
        assert bool(result.labels) == wanted, (values, value, result.labels)
