"""Offsets from the batch average: `低于全市平均值5个百分点的，每低1个百分点扣0.5分`.

Hand-computed: the condition compares with 平均值 − 5 (`低于` excludes the bound,
`…以上` includes it); the steps count from the average itself, as in every
`条件的，每…` form (docs/language.md §9.8)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from xize.compiler import InputError, PolicyError, compile_policy
from xize.compiler.interpret.engine import Interpreter

TEXT = """细则：与平均值比较
年度：2023
满分：10分

数据：
  受理率：百分比
  办结率：百分比

(一)受理(5分)
  - 【受理率】低于全市平均值5个百分点的，每低1个百分点扣0.5分
(二)办结(5分)
  - 【办结率】低于平均值3个百分点以上的，扣2分
  - 【办结率】高于平均值5个百分点的，扣0分
"""

POLICY = compile_policy(TEXT, filename="offset.rule")
INTERP = Interpreter(POLICY.ir)


@pytest.mark.parametrize(
    ("rate", "done", "one", "two"),
    [
        (84, 90, Decimal(2), Decimal(5)),  # 6 below: 6 steps of 0.5
        (85, 90, Decimal(5), Decimal(5)),  # exactly 5 below: 低于 excludes it
        (84.5, 87, Decimal("2.5"), Decimal(3)),  # 5.5 below: 5 whole steps; 办结 3 below 以上
        (90, 87.5, Decimal(5), Decimal(5)),
        (70, 90, Decimal(0), Decimal(5)),  # 20 steps, capped by the node's 5 points
    ],
)
def test_offset_by_hand(rate, done, one, two):
    facts = {"受理率": str(rate), "办结率": str(done)}
    averages = {"受理率": 90, "办结率": 90}
    for result in (POLICY.score(facts, averages=averages), INTERP.score(facts, averages)):
        assert result.nodes["(一)"].score == one
        assert result.nodes["(二)"].score == two
        assert result.total == one + two


def test_offset_in_a_batch_uses_the_batch_mean():
    rows = [
        {"单位": "甲", "受理率": 96, "办结率": 90},
        {"单位": "乙", "受理率": 90, "办结率": 90},
        {"单位": "丙", "受理率": 84, "办结率": 90},
        {"单位": "丁", "受理率": "坏", "办结率": 10},  # a data error: not in the mean
    ]
    for results in (POLICY.score_batch(rows), INTERP.score_batch(rows)):
        assert [r.nodes["(一)"].score if r.total is not None else None for r in results] == [
            5,
            5,
            2,
            None,
        ]


@pytest.mark.parametrize("word", ["不低于", "达到", "等于"])
def test_offset_needs_a_side(word):
    text = TEXT.replace("低于全市平均值5个百分点的", f"{word}全市平均值5个百分点的")
    with pytest.raises(PolicyError) as info:
        compile_policy(text)
    assert "E233" in {d.code for d in info.value.diagnostics}


def test_offset_in_the_wrong_unit():
    text = TEXT.replace("平均值5个百分点的", "平均值5次的")
    with pytest.raises(PolicyError) as info:
        compile_policy(text)
    assert "E214" in {d.code for d in info.value.diagnostics}


@settings(max_examples=80, deadline=None)
@given(
    rate=st.decimals(min_value=0, max_value=100, places=1),
    mean=st.decimals(min_value=0, max_value=100, places=2),
)
def test_offset_matches_its_definition(rate, mean):
    """compiled == interpreter == the definition: below mean − 5, 0.5 per whole point
    below the mean, at most 5."""
    facts = {"受理率": rate, "办结率": 50}
    averages = {"受理率": mean, "办结率": 50}
    compiled, interpreted = POLICY.score(facts, averages=averages), INTERP.score(facts, averages)
    assert compiled == interpreted
    expected = Decimal(0)
    if rate < mean - 5:
        expected = min(Decimal("0.5") * ((mean - rate) // 1), Decimal(5))
    assert compiled.nodes["(一)"].deduction == expected


def test_offset_one_unit_all_equal_and_empty():
    # one unit: the mean is its own value, nothing is below it
    (only,) = POLICY.score_batch([{"单位": "甲", "受理率": 40, "办结率": 40}])
    assert only.total == 10
    # all equal: the same
    rows = [{"单位": u, "受理率": 70, "办结率": 70} for u in "甲乙丙"]
    assert [r.total for r in POLICY.score_batch(rows)] == [10, 10, 10]
    # empty batch, and a batch of data errors only
    assert POLICY.score_batch([]) == []
    bad = POLICY.score_batch([{"单位": "甲", "受理率": "坏", "办结率": 1}])
    assert [r.status for r in bad] == ["数据错误"]


def test_offset_needs_the_mean_when_scored_alone():
    with pytest.raises(InputError) as info:
        POLICY.score({"受理率": 80, "办结率": 80})
    assert "平均值" in str(info.value)
    given = POLICY.score(
        {"受理率": 80, "办结率": 80}, batch={"平均值【受理率】": 90, "平均值【办结率】": 80}
    )
    assert given.nodes["(一)"].score == 0  # 10 below: 10 × 0.5 = 5, all of it
