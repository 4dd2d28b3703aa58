"""Base points at a standard, then more for each step past it, up to a total
(`【完成率】达到100%的得4分，在此基础上每超1个百分点加0.5分，最高得6分`): refused with the two
clauses that say it (E122), the hint tested to compile and to score the sentence's reading."""

from __future__ import annotations

from decimal import Decimal

import pytest
from helpers import one_item
from xize.compiler import PolicyError, compile_policy


def rule(clause: str) -> str:
    return one_item(clause, "  完成率：百分比，范围0至300\n", "基础分的测试")


@pytest.mark.parametrize(
    "clause",
    [
        "【完成率】达到100%的得4分，在4分基础上，超出部分每超1个百分点加0.5分，最高得6分",
        "【完成率】达到100%的得4分，在此基础上每超1个百分点加0.5分，最高得6分",
        "【完成率】达到100%的得4分，超出部分每超1个百分点加0.5分，最多得6分",
        "【完成率】完成100%的得4分，每超过1个百分点加0.5分，最高6分",
    ],
)
def test_base_points_with_steps_past_the_standard(clause):
    with pytest.raises(PolicyError) as error:
        compile_policy(rule(clause))
    (diag,) = error.value.diagnostics
    assert diag.code == "E122"
    rewrite = "【完成率】达到100%的得4分；【完成率】超过100%的，每超1个百分点加0.5分，最多加2分"
    assert rewrite in diag.hint()
    policy = compile_policy(rule(rewrite))
    scores = [policy.score({"完成率": v}).total for v in ("90%", "100%", "100.9%", "103%", "110%")]
    # below the standard nothing (the sentence gives nothing), at it the base, then
    # 0.5 for each whole point past it, up to 6 in all
    assert scores == [0, 4, 4, Decimal("5.5"), 6]


def test_a_top_not_above_the_base_is_no_such_rule():
    with pytest.raises(PolicyError) as error:
        compile_policy(rule("【完成率】达到100%的得4分，每超1个百分点加0.5分，最高4分"))
    assert [d.code for d in error.value.diagnostics] != ["E122"]
