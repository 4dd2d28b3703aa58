"""A standard with a step whose word after the number points the other way
(`应达到95%以下，每低于1个百分点扣0.5分`, `低于85%以上的，每低…`): the first word alone was read,
so `以下` — the opposite side — was silently dropped.  Refused (E264) unless the two words
name one side, or a negation takes in both (`未达到90%以上`, `不得超过3次以上`)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from helpers import one_item
from xize.compiler import PolicyError, compile_policy


def rule(clause: str) -> str:
    return one_item(clause, "  完成率：百分比\n  迟报：次，默认0\n", "两边的测试")


@pytest.mark.parametrize(
    "clause",
    [
        "【完成率】应达到95%以下，每低于1个百分点扣0.5分",
        "【完成率】达到90%以下的，每低1个百分点扣1分",
        "【完成率】低于85%以上的，每低1个百分点扣0.5分",
        "【完成率】超过5%以下的，每超1个百分点扣1分",
        "【完成率】达到90%以下的得6分，每低1个百分点扣1分",
        "【迟报】应少于3次以上，每多1次扣1分",
    ],
)
def test_a_standard_pointing_both_ways_is_refused(clause):
    with pytest.raises(PolicyError) as error:
        compile_policy(rule(clause))
    codes = [d.code for d in error.value.diagnostics if d.is_error]
    assert codes == ["E264"], codes
    assert "应达到95%" in error.value.diagnostics[-1].hint()


@pytest.mark.parametrize(
    ("clause", "plain"),
    [
        (
            "【完成率】应达到95%以上，每低于1个百分点扣0.5分",
            "【完成率】应达到95%，每低于1个百分点扣0.5分",
        ),
        (
            "【完成率】未达到90%以上的，每低1个百分点扣1分",
            "【完成率】低于90%的，每低1个百分点扣1分",
        ),
        (
            "【完成率】不得低于90%以下，每低1个百分点扣1分",
            "【完成率】不得低于90%，每低1个百分点扣1分",
        ),
        ("【迟报】不得超过3次以上，每多1次扣1分", "【迟报】不得超过3次，每多1次扣1分"),
        ("【完成率】不超过5%以内，每超1个百分点扣1分", "【完成率】不超过5%，每超1个百分点扣1分"),
    ],
)
def test_one_side_said_twice_reads_as_the_first_word(clause, plain):
    said, meant = compile_policy(rule(clause)), compile_policy(rule(plain))
    for rate, late in (("80%", "0"), ("89.5%", "2"), ("90%", "3"), ("96%", "5"), ("3%", "4")):
        facts = {"完成率": rate, "迟报": late}
        assert said.score(facts).total == meant.score(facts).total
    assert said.score({"完成率": "100%", "迟报": "0"}).total <= Decimal(6)
