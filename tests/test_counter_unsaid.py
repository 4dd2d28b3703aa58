"""`达到90%的得4分，未达到的得2分`: a second condition whose value is the clause's own, left
unsaid (docs/language.md 9.4).  It must be the clause's opposite (E247), so it reads as
the clause's 否则; computed by hand, compiled == interpreter, and refused otherwise."""

from __future__ import annotations

from decimal import Decimal

import pytest
from xize.compiler import PolicyError, compile_policy

HEAD = "细则：反面\n年度：2026\n满分：4分\n\n数据：\n  完成率：百分比，默认100\n  次数：次，默认0\n\n(一)工作(4分)\n"


def build(clause: str):
    return compile_policy(HEAD + f"  - {clause}\n", filename="反面.rule")


def scored(clause: str, facts: dict) -> Decimal:
    policy = build(clause)
    compiled = policy.score(facts)
    assert compiled == policy.interpreter.score(facts)
    return compiled.total


@pytest.mark.parametrize(
    ("clause", "facts", "total"),
    [
        ("【完成率】达到90%的得4分，未达到的得2分", {"完成率": "90"}, 4),
        ("【完成率】达到90%的得4分，未达到的得2分", {"完成率": "89.9"}, 2),
        ("【完成率】达到90%的得4分，未达到的不得分", {"完成率": "70"}, 0),
        ("【完成率】达到90%的得4分，低于的得2分", {"完成率": "70"}, 2),
        ("【次数】超过3次的扣2分，未超过的扣1分", {"次数": "3"}, 3),
        ("【次数】超过3次的扣2分，未超过的扣1分", {"次数": "4"}, 2),
    ],
)
def test_the_unsaid_value_is_the_clauses_own(clause, facts, total):
    assert scored(clause, facts) == total


@pytest.mark.parametrize(
    "clause",
    [
        # not the opposite: 90 to 100 is in both, below 90 in neither
        "【完成率】达到90%的得4分，超过的得2分",
        # the same side again
        "【完成率】达到90%的得4分，不低于的得2分",
    ],
)
def test_a_second_condition_that_is_not_the_opposite_is_refused(clause):
    with pytest.raises(PolicyError) as raised:
        build(clause)
    assert "E247" in {d.code for d in raised.value.diagnostics}


def test_without_a_comparison_before_it_there_is_no_value_to_take():
    with pytest.raises(PolicyError):
        build("【完成率】得4分，未达到的得2分")


def test_the_opposite_of_the_mean_with_a_share_of_it():
    # `未达到的按本单位X占平均X的比例计分`: the words before 按 are no average of their own
    text = (
        "细则：反面\n年度：2026\n满分：6分\n\n数据：\n  完成率：百分比\n\n(一)工作(6分)\n"
        "  - 【完成率】达到平均值的得满分，未达到的按本单位完成率占平均完成率的比例计分\n"
    )
    policy = compile_policy(text, filename="反面.rule")
    rows = [{"单位": u, "完成率": v} for u, v in (("甲", "90"), ("乙", "60"), ("丙", "30"))]
    results = policy.score_batch(rows)
    assert results == policy.interpreter.score_batch(rows)
    # the mean is 60: 甲 and 乙 reach it, 丙 earns 6 × 30 ÷ 60
    assert [r.total for r in results] == [6, 6, 3]
