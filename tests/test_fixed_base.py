"""Steps from a fixed value (`以12%为基准，每下降1个百分点加1分，每上升1个百分点扣1分`): what
the item scores at the value itself is not said, so the line is refused (E116) at the
base with a sentence to write instead.  The sentence the hint gives compiles and scores
what the original says on every side of the base — a hint never turns the rule round."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from xize.compiler import PolicyError, compile_policy


def policy(clause: str):
    text = (
        "细则：基准\n年度：2024\n满分：10分\n\n数据：\n  发案率：百分比\n\n"
        f"一、发案率（10分）\n  - {clause}\n"
    )
    return compile_policy(text, filename="基准.rule")


def refusal(clause: str, lang: str = "zh"):
    with pytest.raises(PolicyError) as raised:
        policy(clause)
    (diag,) = raised.value.diagnostics
    return diag


def suggested(diag) -> str:
    """The sentence the hint says to write (after 写成 or the colon, before any note)."""
    hint = diag.args["suggest"]
    text = hint.split("：", 1)[1] if "：" in hint else hint.removeprefix("写成 ")
    return text.split("（", 1)[0].strip()


BOTH = "【发案率】以12%为基准，每下降1个百分点加1分，每上升1个百分点扣1分"


def test_both_ways_is_refused_at_the_base_with_a_formula():
    diag = refusal(BOTH)
    assert diag.code == "E116"
    assert diag.args["text"] == "以12%为基准"
    assert diag.span.column == BOTH.index("以") + 5  # after "  - " and 1-based
    assert suggested(diag) == "得(5+取整(最大(12−【发案率】,0))×1−取整(最大(【发案率】−12,0))×1)分"


@given(st.decimals(min_value=0, max_value=40, places=1))
def test_the_suggested_formula_keeps_each_side_of_the_base(rate):
    scored = policy(suggested(refusal(BOTH))).score({"发案率": f"{rate}%"})
    down, up = max(Decimal(12) - rate, 0) // 1, max(rate - Decimal(12), 0) // 1
    assert scored.total == min(max(5 + down - up, 0), 10)
    if rate < 11:
        assert scored.total > 5  # below the base adds: never read as a deduction
    if rate >= 13:
        assert scored.total < 5


def test_steps_of_their_own_size_in_either_order():
    clause = "【发案率】以12%为基准，每上升0.5个百分点扣1分，每下降0.5个百分点加0.5分"
    formula = suggested(refusal(clause))
    assert (
        formula == "得(5+取整(最大(12−【发案率】,0)÷0.5)×0.5−取整(最大(【发案率】−12,0)÷0.5)×1)分"
    )
    scored = policy(formula)
    assert scored.score({"发案率": "13.2%"}).total == 3  # two whole steps above
    assert scored.score({"发案率": "11%"}).total == 6  # two whole steps below


def test_deductions_on_one_side_are_the_clause_that_says_it():
    diag = refusal("【发案率】以12%为基准，每上升1个百分点扣1分")
    assert suggested(diag) == "【发案率】高于12%的，每高1个百分点扣1分"
    scored = policy(suggested(diag))
    assert [scored.score({"发案率": v}).total for v in ("10%", "12%", "15%", "40%")] == [
        10,
        10,
        7,
        0,
    ]


def test_the_fact_written_after_the_base_and_english():
    diag = refusal("以12%为基准，【发案率】每下降1个百分点加1分，每上升1个百分点扣1分")
    assert diag.code == "E116"
    assert "【发案率】" in diag.args["suggest"]
    assert diag.args["suggest_en"].startswith("write the score at the base into a formula")
    assert "得(5+取整(最大(12−【发案率】,0))×1" in diag.args["suggest_en"]
