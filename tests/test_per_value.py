"""`每低于90%一个百分点扣0.5分`: the standard written inside the step, where a 【参数】 may
stand (`每低于【目标值】1个百分点`) — read as that parameter would be, and as the standard
said again after `达到90%的得满分，`.  Another number there, or a count's standard, is
refused with what to write."""

from __future__ import annotations

from decimal import Decimal

import pytest
from helpers import both_total
from hypothesis import given, settings
from hypothesis import strategies as st
from xize.compiler import PolicyError, compile_policy

HEAD = "细则：步长\n年度：2024\n满分：6分\n\n数据：\n  完成率：百分比\n  投诉：次\n{params}\n一、完成（6分）\n"


def build(line: str, params: str = ""):
    return compile_policy(HEAD.format(params=params) + f"  - {line}\n", filename="步长.rule")


def totals(policy, values: list[str]) -> list[Decimal]:
    return [both_total(policy, {"完成率": value, "投诉": "0"}) for value in values]


@pytest.mark.parametrize(
    ("line", "values", "expected"),
    [
        # 2 points below 90 cost 1; 4.5 below cost 2 (whole steps)
        ("【完成率】每低于90%一个百分点扣0.5分", ["95", "90", "88", "85.5"], [6, 6, 5, 4]),
        ("【完成率】每低于90%1个百分点扣0.5分，扣完为止", ["50"], [0]),
        ("【完成率】每超过5%一个百分点扣1分", ["4", "6", "8"], [6, 5, 3]),
        ("【完成率】每低于90%0.5个百分点扣0.5分", ["89.5", "89"], [Decimal("5.5"), 5]),
        # the standard said again after the points at it
        (
            "【完成率】达到90%的得满分，每低于90%一个百分点扣0.5分",
            ["95", "89"],
            [6, Decimal("5.5")],
        ),
        ("【完成率】达到90%的得6分，每低于90%一个百分点扣0.5分，扣完为止", ["70"], [0]),
    ],
)
def test_the_standard_in_the_step_counts_the_steps(line, values, expected):
    assert totals(build(line), values) == expected


@settings(max_examples=40, deadline=None)
@given(st.decimals(min_value=0, max_value=100, places=1), st.sampled_from(["80", "90", "100"]))
def test_as_a_parameter_would(value, standard):
    literal = build(f"【完成率】每低于{standard}%一个百分点扣0.5分，扣完为止")
    param = build(
        "【完成率】每低于【目标值】1个百分点扣0.5分，扣完为止",
        params=f"\n参数：\n  目标值 = {standard}%\n",
    )
    assert totals(literal, [str(value)]) == totals(param, [str(value)])


@pytest.mark.parametrize(
    ("line", "hint"),
    [
        # from 90 or from 85?
        ("【完成率】达到90%的得满分，每低于85%一个百分点扣0.5分", "分成两条条款"),
        # a count's standard: written as a parameter (never turned around)
        ("【投诉】每多于3次1次扣1分", "参数： 标准 = 3次"),
    ],
)
def test_a_standard_that_cannot_be_read_there_is_refused(line, hint):
    with pytest.raises(PolicyError) as caught:
        build(line)
    (error,) = [d for d in caught.value.diagnostics if d.is_error]
    assert error.code == "E101" and hint in error.hint()


def test_the_parameter_the_hint_names_reads_the_count():
    policy = build("【投诉】每多于【标准】1次扣1分", params="\n参数：\n  标准 = 3次\n")
    assert [policy.score({"完成率": "1", "投诉": v}).total for v in ("2", "5")] == [6, 4]
