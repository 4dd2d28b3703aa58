"""`得分=70×【达标率】÷100−63`: a score written as the document's formula is the formula in
parentheses (`得(…)分`, docs/language.md 9.12) — the same number from the module and
the interpreter, between 0 and the item's points, a percentage multiplied into points
refused as there (E268, whose hint keeps the `得分=` form)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from helpers import both_total
from xize.compiler import PolicyError, compile_policy

HEAD = "细则：算式\n年度：2024\n满分：6分\n精度：0.01\n\n数据：\n  达标率：百分比\n  超标天数：天，默认0\n\n一、达标（6分）\n"


def build(line: str):
    return compile_policy(HEAD + f"  - {line}\n", filename="算式.rule")


def total(policy, rate: str, days: str = "0") -> Decimal:
    return both_total(policy, {"达标率": rate, "超标天数": days})


@pytest.mark.parametrize(
    ("line", "rate", "expected"),
    [
        # 70 × 0.95 − 63 = 3.5; 70 × 0.9 − 63 = 0; below it 0 (never negative)
        ("得分=70×【达标率】÷100-63", "95", Decimal("3.5")),
        ("得分＝70×【达标率】÷100－63", "90", 0),
        ("本项得分=70×【达标率】÷100-63", "80", 0),
        ("得分 = 【达标率】÷100%×6", "85", Decimal("5.1")),
        # the same as the parenthesised form, and capped at the item's points
        ("得(【达标率】÷90%×6)分", "95", 6),
        ("得分=【达标率】÷90%×6", "95", 6),
    ],
)
def test_a_score_formula_is_the_formula(line, rate, expected):
    assert total(build(line), rate) == expected


def test_a_deduction_formula_beside_it_still_deducts():
    policy = compile_policy(
        HEAD + "  - 得分=【达标率】÷100%×6\n  - 扣(最大(【超标天数】-5,0)×0.2)分\n",
        filename="算式.rule",
    )
    assert total(policy, "100", "10") == 5


def test_a_percentage_multiplied_into_points_is_refused_in_this_form_too():
    with pytest.raises(PolicyError) as caught:
        build("得分=70×【达标率】-63")
    (error,) = [d for d in caught.value.diagnostics if d.is_error]
    assert error.code == "E268"
    assert "得分=70×(【达标率】÷100%)-63" in error.hint()
    assert total(build("得分=70×(【达标率】÷100%)-63"), "95") == Decimal("3.5")
