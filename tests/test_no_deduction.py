"""A case that deducts nothing (`达到90%的不扣分，否则扣2分`, `3次以内的不扣分，超过3次的，
每多1次扣1分`): the language does not write it, so the line is refused (E123) with the line
that remains — each hint tested to compile and to score the sentence's reading; where the
rest could count every occurrence or only those past the allowance, both are offered;
and an exemption (`情节轻微的不扣分`) is never advised away."""

from __future__ import annotations

from decimal import Decimal

import pytest
from helpers import one_item
from xize.compiler import PolicyError, compile_policy

FACTS = "  完成率：百分比\n  投诉：次\n  按时上报：是否\n"


def refusal(clause: str):
    with pytest.raises(PolicyError) as error:
        compile_policy(one_item(clause, FACTS))
    (diag,) = [d for d in error.value.diagnostics if d.is_error]
    return diag


def totals(clause: str, fact: str, values: tuple) -> list[Decimal]:
    policy = compile_policy(one_item(clause, FACTS))
    others = {"完成率": "100%", "投诉": "0", "按时上报": "是"}
    return [policy.score({**others, fact: v}).total for v in values]


@pytest.mark.parametrize(
    ("clause", "fact", "values", "expected"),
    [
        ("【完成率】达到90%的不扣分，否则扣2分", "完成率", ("95%", "90%", "85%"), [6, 6, 4]),
        ("【完成率】不低于90%的不扣分，否则扣2分", "完成率", ("95%", "90%", "85%"), [6, 6, 4]),
        ("【完成率】不超过10%的不予扣分，否则扣2分", "完成率", ("5%", "10%", "15%"), [6, 6, 4]),
        ("【投诉】3次以内的不扣分，否则扣2分", "投诉", ("2", "3", "4"), [6, 6, 4]),
        ("【投诉】3次以内的不扣分，超过3次的，每多1次扣1分", "投诉", ("2", "3", "5"), [6, 6, 4]),
        (
            "【完成率】达到90%的不扣分；低于90%的，每低1个百分点扣0.5分",
            "完成率",
            ("95%", "90%", "85%"),
            [6, 6, Decimal("3.5")],
        ),
        # a rest with no case of its own: the bound's opposite is its case (a step
        # without it has no standard; a plain effect would be every unit's)
        ("【投诉】3次以内的不扣分，每超1次扣1分", "投诉", ("2", "3", "5"), [6, 6, 4]),
        ("【投诉】不超过3次的不扣分，每超过1次扣1分", "投诉", ("2", "3", "5"), [6, 6, 4]),
        ("【投诉】3次及以下不扣分，每多1次扣1分", "投诉", ("2", "3", "5"), [6, 6, 4]),
        ("【投诉】3次以内不扣分，超过部分每次扣1分", "投诉", ("3", "4", "5"), [6, 5, 4]),
        ("【投诉】3次以内不扣分，扣2分", "投诉", ("2", "3", "4"), [6, 6, 4]),
        ("【完成率】90%及以上的不扣分，否则扣2分", "完成率", ("95%", "90%", "85%"), [6, 6, 4]),
        (
            "【完成率】达到90%的不扣分，每低1个百分点扣0.5分",
            "完成率",
            ("95%", "90%", "85%"),
            [6, 6, Decimal("3.5")],
        ),
        # a 是否 fact: the deduction is for its not holding (with or without 的)
        ("【按时上报】的不扣分，否则扣1分", "按时上报", ("是", "否"), [6, 5]),
        ("【按时上报】不扣分，否则扣1分", "按时上报", ("是", "否"), [6, 5]),
    ],
)
def test_the_hint_is_the_line_that_remains_and_scores_it(clause, fact, values, expected):
    diag = refusal(clause)
    assert diag.code == "E123"
    rest = diag.args["rest"]
    assert totals(rest, fact, values) == expected


@pytest.mark.parametrize(
    "clause",
    [
        "【投诉】3次以内不扣分，超过3次的每次扣1分",
        "【投诉】3次以内不扣分，超过3次每次扣1分",
        # no case of its own: 每次 alone would deduct from the allowance's units too
        "【投诉】3次以内不扣分，每次扣1分",
        "【投诉】3次以内不扣分，超过的每次扣1分",
        # past the allowance is past 3, whatever the case after it says
        "【投诉】3次以内不扣分，4次以上每次扣1分",
    ],
)
def test_each_occurrence_or_only_those_past_the_allowance(clause):
    diag = refusal(clause)
    assert diag.code == "E123"
    every, past = (part.split("写 ", 1)[1] for part in diag.args["rest"].split("；只扣"))
    assert totals(every, "投诉", ("3", "4", "5")) == [6, 2, 1]
    assert totals(past, "投诉", ("3", "4", "5")) == [6, 5, 4]


@pytest.mark.parametrize(
    "clause",
    ["【完成率】90%以上的不扣分，否则扣2分", "【完成率】90%以上不扣分，每低1个百分点扣0.5分"],
)
def test_a_bound_whose_side_the_header_decides_is_not_turned_round(clause):
    """`90%以上` holds 90% or not as the header's 边界 says: the hint names no word."""
    diag = refusal(clause)
    assert diag.code == "E123" and "反面" in diag.args["rest"]


def test_nothing_else_on_the_line_is_deleted():
    assert refusal("【完成率】达到90%的不扣分").args["rest"] == "（删去这一句）"


@pytest.mark.parametrize(
    "clause",
    ["【投诉】每次扣1分，情节轻微的不扣分", "【投诉】迟报一次不扣分，两次以上每次扣1分"],
)
def test_an_exemption_or_a_first_free_is_not_advised_away(clause):
    assert refusal(clause).code != "E123"
