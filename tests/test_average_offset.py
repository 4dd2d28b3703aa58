"""Offsets from the batch average: `低于全市平均值5个百分点的，每低于平均值1个百分点扣0.5分`.

Hand-computed: the condition compares with 平均值 − 5 (`低于` excludes the bound,
`…以上` includes it); `每低于平均值…` counts the steps from the average itself,
`超出部分每低…` from the bound 平均值 − 5, and a bare `每低1个百分点` says neither, so it is
refused (E244, docs/language.md §9.8)."""

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
  - 【受理率】低于全市平均值5个百分点的，每低于平均值1个百分点扣0.5分
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


BEYOND = TEXT.replace("每低于平均值1个百分点扣0.5分", "超出部分每低1个百分点扣0.5分")
BEYOND_POLICY = compile_policy(BEYOND, filename="beyond.rule")


@pytest.mark.parametrize(
    ("rate", "one"),
    [
        (84, Decimal("4.5")),  # bound 85: 1 point beyond it
        (85, Decimal(5)),  # at the bound: 低于 excludes it
        (84.5, Decimal(5)),  # half a point beyond: no whole step
        (70, Decimal("0")),  # 15 beyond: 7.5, capped by the node's 5 points
        (78, Decimal("1.5")),  # 7 beyond
    ],
)
def test_only_the_part_beyond_the_offset(rate, one):
    facts = {"受理率": str(rate), "办结率": "90"}
    averages = {"受理率": 90, "办结率": 90}
    interp = Interpreter(BEYOND_POLICY.ir)
    for result in (BEYOND_POLICY.score(facts, averages=averages), interp.score(facts, averages)):
        assert result.nodes["(一)"].score == one


@settings(max_examples=60, deadline=None)
@given(
    rate=st.decimals(min_value=0, max_value=100, places=1),
    mean=st.decimals(min_value=0, max_value=100, places=2),
)
def test_beyond_matches_its_definition(rate, mean):
    """Only the part beyond 平均值 − 5 counts: 0.5 per whole point below the bound, at most 5."""
    facts = {"受理率": rate, "办结率": 50}
    averages = {"受理率": mean, "办结率": 50}
    interp = Interpreter(BEYOND_POLICY.ir)
    compiled = BEYOND_POLICY.score(facts, averages=averages)
    assert compiled == interp.score(facts, averages)
    expected = Decimal(0)
    if rate < mean - 5:
        expected = min(Decimal("0.5") * ((mean - 5 - rate) // 1), Decimal(5))
    assert compiled.nodes["(一)"].deduction == expected


@pytest.mark.parametrize("step", ["每低1个百分点扣0.5分", "每降低1个百分点扣0.5分"])
def test_steps_that_do_not_say_where_they_start_are_refused(step):
    text = TEXT.replace("每低于平均值1个百分点扣0.5分", step)
    with pytest.raises(PolicyError) as info:
        compile_policy(text)
    (diag,) = info.value.diagnostics
    assert diag.code == "E244"
    assert (diag.span.line, diag.span.column) == (10, 24)  # under the step, 每…
    message = str(info.value)
    assert "每低于平均值1个百分点" in message and "超出部分每低1个百分点" in message


COUNTS = """细则：超出部分
年度：2023
满分：10分

数据：
  投诉次数：次，默认0
  迟报次数：次，默认0

(一)投诉(5分)
  - 【投诉次数】超过3次的，超出部分每次扣1分
(二)报送(5分)
  - 【迟报次数】不得超过2次，超出部分每次扣1分
"""


@pytest.mark.parametrize(
    ("complaints", "late", "one", "two"),
    [(3, 2, 5, 5), (4, 0, 4, 5), (6, 4, 2, 3), (0, 6, 5, 1), (20, 9, 0, 0)],
)
def test_the_part_beyond_a_count(complaints, late, one, two):
    """`超过3次的，超出部分每次` counts only the complaints over 3 (all of them would be
    `超过3次的，每次`); after a standard, the part that breaks it."""
    policy = compile_policy(COUNTS)
    facts = {"投诉次数": complaints, "迟报次数": late}
    for result in (policy.score(facts), Interpreter(policy.ir).score(facts)):
        assert (result.nodes["(一)"].score, result.nodes["(二)"].score) == (one, two)


@pytest.mark.parametrize(
    "clause",
    [
        "【投诉次数】超出部分每次扣1分",  # beyond what?
        "【投诉次数】不超过3次的，超出部分每次扣1分",  # a condition on the low side
        "【投诉次数】达到3次，超出部分每次扣1分",  # a standard or a condition?
        "【投诉次数】、【迟报次数】超出部分每次分别扣1分、2分",
    ],
)
def test_beyond_without_a_bound_is_refused(clause):
    text = COUNTS.replace("【投诉次数】超过3次的，超出部分每次扣1分", clause)
    with pytest.raises(PolicyError):
        compile_policy(text)


@pytest.mark.parametrize("word", ["高出", "超出"])
def test_above_said_as_gaochu_or_chaochu_is_above(word):
    """`高出全市平均水平2个百分点以上的，扣1分` is `高于…以上` (the hint for 高出 has long
    said 高于); `超出90%的` is `超过90%的`."""
    text = (
        "细则：高出\n年度：2024\n满分：4分\n\n数据：\n  率：百分比\n\n(一)本项(4分)\n"
        f"  - 【率】{word}全市平均水平2个百分点以上的，扣1分\n  - 【率】{word}95%的，扣2分\n"
    )
    policy = compile_policy(text, filename="高出.rule")
    # mean 90: 92 is exactly 2 above (以上 holds it), 91.9 is not; 96 is also above 95%
    got = [policy.score({"率": v}, averages={"率": 90}).total for v in ("92", "91.9", "96", "95")]
    assert got == [3, 4, 1, 3]
