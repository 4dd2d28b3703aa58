"""`低于90%为0分`, `本项为0分`, `该项得0分`: the item scores nothing — `不得分` (the item
loses all its points, docs/language.md 第5节).  A bare `得0分` (`低于80%的得0分` among tiers
that earn) is an earning of nothing and stays one: other criteria of the item keep
their points."""

from __future__ import annotations

from decimal import Decimal

import pytest
from helpers import both_total
from xize.compiler import PolicyError, compile_policy
from xize.compiler.syntax.equivalents import canonical

HEAD = (
    "细则：零分\n年度：2024\n满分：6分\n\n数据：\n  完成率：百分比\n  台账：是否，默认是\n\n"
    "一、完成（6分）\n"
)


def build(*lines: str):
    return compile_policy(HEAD + "".join(f"  - {x}\n" for x in lines), filename="零分.rule")


def total(policy, rate: str, ledger: str = "是") -> Decimal:
    return both_total(policy, {"完成率": rate, "台账": ledger})


@pytest.mark.parametrize(
    "zero",
    [
        "【完成率】低于90%为0分",
        "【完成率】低于90%的，本项为0分",
        "【完成率】低于90%的，该项得0分",
        "【完成率】低于90%的，此项计0分",
        "【完成率】低于90%的为0分",
    ],
)
def test_zero_points_is_no_score(zero):
    """Below 90% the item scores nothing, whatever else it loses; above, only the
    ledger's point goes."""
    policy = build(zero, "【台账】扣1分")
    assert [total(policy, r, ledger) for r in ("85", "95") for ledger in ("是", "否")] == [
        0,
        0,
        5,
        6,
    ]


def test_a_bare_earning_of_nothing_stays_one():
    """Among tiers that earn, `得0分` earns nothing; the ledger's point is kept."""
    policy = build("【完成率】达到90%的得5分，低于90%的得0分", "【台账】得1分")
    assert [total(policy, r) for r in ("85", "95")] == [1, 6]


@pytest.mark.parametrize(
    "line",
    [
        "【完成率】达到90%的扣分为0分",
        "【完成率】达到90%的，扣减为0分",
        "【完成率】达到90%的扣分 为0分",
    ],
)
def test_a_deduction_of_nothing_is_never_the_item_scoring_nothing(line):
    """`扣分为0分` says nothing is deducted: read as 不得分 it would zero the item of the
    very units that met the standard.  It is not rewritten (and the line is refused as
    written, asking for the deduction's form)."""
    assert canonical(f"  - {line}")[1] == []
    with pytest.raises(PolicyError):
        build(line)
