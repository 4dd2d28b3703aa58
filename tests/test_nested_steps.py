"""Two per-step deductions from nested standards on one fact (`低于96%每降1个百分点扣0.25分；
低于90%每降1个百分点扣0.5分`): as written, below 90% both deduct (0.75 a point) — documents
mean tiers.  Refused (E266) with both sentences, each tested to score its reading."""

from __future__ import annotations

from decimal import Decimal

import pytest
from helpers import one_item
from xize.compiler import PolicyError, compile_policy

FACTS = "  完成率：百分比\n  迟报：次，默认0\n"


def totals(clause: str, values=("97%", "95%", "90%", "89%", "85%")) -> list[Decimal]:
    policy = compile_policy(one_item(clause, FACTS))
    return [policy.score({"完成率": v}).total for v in values]


@pytest.mark.parametrize(
    "clause",
    [
        "【完成率】低于96%每降1个百分点扣0.25分；低于90%每降1个百分点扣0.5分",
        "【完成率】低于96%的，每低1个百分点扣0.25分；低于90%的，每低1个百分点扣0.5分",
        "【完成率】应达到96%，每低1个百分点扣0.25分；低于90%的，每低1个百分点扣0.5分",
    ],
)
def test_nested_standards_are_refused_with_both_readings(clause):
    with pytest.raises(PolicyError) as error:
        compile_policy(one_item(clause, FACTS))
    (diag,) = [d for d in error.value.diagnostics if d.is_error]
    assert diag.code == "E266" and "最多扣1.5分" in diag.hint() and "另扣" in diag.hint()
    tiers = (
        "【完成率】低于96%的，每低1个百分点扣0.25分，最多扣1.5分；低于90%的，每低1个百分点扣0.5分"
    )
    on_top = "【完成率】低于96%的，每低1个百分点扣0.25分；低于90%的，每低1个百分点另扣0.5分"
    # tiers: 0.25 a point down to 90%, 0.5 a point below; on top: 0.75 a point below 90%
    assert totals(tiers) == [6, Decimal("5.75"), Decimal("4.5"), 4, 2]
    assert totals(on_top) == [6, Decimal("5.75"), Decimal("4.5"), Decimal("3.75"), Decimal("0.75")]


def test_the_steps_of_other_facts_or_sides_are_no_tiers():
    for clause in (
        "【完成率】低于96%的，每低1个百分点扣0.25分；【迟报】超过2次的，每超1次扣1分",
        "【迟报】超过2次的，每超1次扣0.5分；超过5次的，每超1次扣1分，最多扣2分",
    ):
        if "迟报】超过2次的，每超1次扣0.5分" in clause:
            with pytest.raises(PolicyError) as error:  # the excess side nests just the same
                compile_policy(one_item(clause, FACTS))
            assert [d.code for d in error.value.diagnostics if d.is_error] == ["E266"]
        else:
            compile_policy(one_item(clause, FACTS))


def test_bonuses_past_nested_standards_are_refused_too():
    clause = "【完成率】超过100%的，每超1个百分点加0.5分；超过110%的，每超1个百分点加1分"
    facts = "  完成率：百分比，范围0至300\n"
    with pytest.raises(PolicyError) as error:
        compile_policy(one_item(clause, facts))
    (diag,) = [d for d in error.value.diagnostics if d.is_error]
    assert diag.code == "E266" and "最多加5分" in diag.hint() and "另加" in diag.hint()
    tiers = compile_policy(
        one_item(
            "【完成率】超过100%的，每超1个百分点加0.5分，最多加5分；超过110%的，每超1个百分点加1分",
            facts,
        )
    )
    on_top = compile_policy(one_item(clause.replace("加1分", "另加1分"), facts))
    # 112%: tiers 5 + 2, on top 6 + 2 (bonuses in a points item go to the total, §9.21)
    assert tiers.score({"完成率": "112%"}).total == 6 + 7
    assert on_top.score({"完成率": "112%"}).total == 6 + 8
