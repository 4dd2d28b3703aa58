"""`【迟报次数】迟报一次不扣分，两次以上每次扣1分`: the first occurrence is free — then two
may lose two deductions or one, and the text does not say which (E121, with both
sentences, each tested to score its reading).  `迟报一次不扣1分` was read as `迟报一次扣1分`
(the 不 taken for the start of a description, as in `有一处不符合扣0.5分`): a deduction the
sentence says is not made."""

from __future__ import annotations

from decimal import Decimal

import pytest
from helpers import one_item
from xize.compiler import PolicyError, compile_policy


def rule(clause: str) -> str:
    return one_item(clause, "  迟报次数：次，默认0\n", "第一次不扣分的测试")


def totals(clause: str, counts=(0, 1, 2, 3)) -> list[Decimal]:
    policy = compile_policy(rule(clause))
    return [policy.score({"迟报次数": str(n)}).total for n in counts]


@pytest.mark.parametrize(
    "clause",
    [
        "【迟报次数】迟报一次不扣1分",
        "【迟报次数】迟报一次未扣1分",
        "【迟报次数】迟报一次不扣分，两次以上每次扣1分",
        "【迟报次数】一次不扣分，两次及以上的每次扣1分",
        "【迟报次数】迟报1次免于扣分，2次以上的每次扣1分",
    ],
)
def test_a_free_first_occurrence_is_refused_with_both_readings(clause):
    with pytest.raises(PolicyError) as error:
        compile_policy(rule(clause))
    (diag,) = error.value.diagnostics
    assert diag.code == "E121"
    hint = diag.hint()
    each = "【迟报次数】达到2次的，每次扣1分"
    beyond = "【迟报次数】超过1次的，每超1次扣1分"
    assert each in hint and beyond in hint
    # each sentence of the hint scores its own reading: 2 late reports lose 2 or 1 points
    assert totals(each) == [6, 6, 4, 3]
    assert totals(beyond) == [6, 6, 5, 4]


def test_the_amount_of_the_sentence_goes_into_the_hint():
    with pytest.raises(PolicyError) as error:
        compile_policy(rule("【迟报次数】一次不扣分，两次以上每次扣0.5分"))
    assert "每超1次扣0.5分" in error.value.diagnostics[0].hint()


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        ("【迟报次数】迟报一次扣1分", [6, 5, 4, 3]),
        ("【迟报次数】有一次未按时报送扣1分", [6, 5, 4, 3]),
        ("【迟报次数】有一次不按规定报送扣1分", [6, 5, 4, 3]),
    ],
)
def test_an_occurrence_described_with_a_negation_still_deducts(clause, expected):
    assert totals(clause) == expected


def test_a_bound_that_loses_nothing_is_no_free_first_occurrence():
    """`不超过1次的不扣分，超过1次的扣2分` counts no occurrence: a case losing nothing (E123,
    the line that remains), not E121's question of each occurrence after the first."""
    with pytest.raises(PolicyError) as error:
        compile_policy(rule("【迟报次数】不超过1次的不扣分，超过1次的扣2分"))
    (diag,) = error.value.diagnostics
    assert diag.code == "E123"
    remains = "【迟报次数】超过1次的扣2分"
    assert remains in diag.hint()
    assert totals(remains) == [6, 6, 4, 4]
