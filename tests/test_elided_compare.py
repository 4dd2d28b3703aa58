"""A second comparison after 且 or 或 that leaves its fact unsaid (`【完成率】达到80%且低于90%的`,
`低于80%或超过95%的`)
compares the fact of the comparison right before it: it scores exactly as the sentence that
names the fact twice.  It is never a distance from that comparison's average, and after a
condition that compares no fact it is refused."""

from __future__ import annotations

import pytest
from helpers import one_item
from hypothesis import given
from hypothesis import strategies as st
from xize.compiler import PolicyError, compile_policy

FACTS = "  完成率：百分比\n  投诉：次\n  通报：是否\n"
WORDS = ["达到", "超过", "低于", "不低于", "不超过", "未达到", "大于等于", "小于等于"]


def policy(clause: str):
    return compile_policy(one_item(clause, FACTS))


def totals(scored, values) -> list:
    return [scored.score({"完成率": f"{v}%", "投诉": "0", "通报": "否"}).total for v in values]


@given(
    join=st.sampled_from(["且", "或"]),
    first=st.sampled_from(WORDS),
    second=st.sampled_from(WORDS),
    a=st.integers(0, 100),
    b=st.integers(0, 100),
    values=st.lists(st.integers(0, 100), min_size=1, max_size=6),
)
def test_the_unsaid_fact_is_the_one_compared_before(join, first, second, a, b, values):
    """The same totals either way, or the same refusal (E271: a range no value is in)."""
    elided = outcome(f"【完成率】{first}{a}%{join}{second}{b}%的扣2分", values)
    named = outcome(f"【完成率】{first}{a}%{join}【完成率】{second}{b}%的扣2分", values)
    assert elided == named


def outcome(clause: str, values) -> list | str:
    try:
        return totals(policy(clause), values)
    except PolicyError as refused:
        return ",".join(d.code for d in refused.diagnostics if d.is_error)


def test_after_or_the_fact_of_the_last_comparison_before():
    scored = policy("【完成率】达到80%且低于90%或超过95%的扣1分")
    assert totals(scored, (70, 80, 90, 95, 97)) == [6, 5, 6, 6, 5]
    both_ends = policy("【完成率】低于80%或超过95%的扣1分")
    assert totals(both_ends, (70, 80, 90, 95, 97)) == [5, 6, 6, 6, 5]


def test_a_range_after_a_semicolon_takes_the_lines_fact():
    scored = policy("【完成率】达到90%的得6分；达到80%且低于90%的得4分")
    assert totals(scored, (95, 90, 85, 75)) == [6, 6, 4, 0]


def test_tiers_between_two_bounds():
    scored = policy("【完成率】未达到90%且达到80%的扣1分；未达到80%的扣3分")
    assert totals(scored, (95, 90, 85, 80, 75)) == [6, 6, 5, 5, 3]
    counted = compile_policy(one_item("【投诉】超过3次且不超过5次的扣1分；超过5次的扣3分", FACTS))
    lost = [
        counted.score({"完成率": "0%", "投诉": str(n), "通报": "否"}).total for n in (3, 4, 5, 6)
    ]
    assert lost == [6, 5, 5, 3]


@pytest.mark.parametrize(
    "clause",
    [
        "【完成率】低于平均值且低于5个百分点的扣1分",  # a distance from the mean
        "【完成率】达到80%且低于5个百分点的扣1分",  # percentage points are no value of a rate
        "【通报】且超过3次的扣1分",  # nothing compared before
    ],
)
def test_what_is_not_a_value_of_the_fact_before_is_refused(clause):
    with pytest.raises(PolicyError) as error:
        policy(clause)
    assert [d.code for d in error.value.diagnostics if d.is_error] == ["E101"]
