"""Conditions listed with `、` beside `或`, `且` and `未`: `A、B或C` is any of the three
(the list ends in 或); a list after 或, inside 且 or under 未 says not which, and is
refused — before, such a list reached the lowering as a list and crashed the compiler."""

from __future__ import annotations

import pytest
from helpers import both_totals, one_item, one_refusal
from hypothesis import given, settings
from hypothesis import strategies as st
from xize.compiler import PolicyError, compile_policy

FACTS = "  完成率：百分比\n  投诉：次\n  通报：次\n"


def totals(clause: str, rows: list[tuple]) -> list[str]:
    policy = compile_policy(one_item(clause, FACTS))
    units = [
        {"单位": str(i), "完成率": a, "投诉": b, "通报": c} for i, (a, b, c) in enumerate(rows)
    ]
    return [format(t.normalize(), "f") for t in both_totals(policy, units)]


ROWS = [("95%", 0, 0), ("85%", 0, 0), ("95%", 5, 0), ("95%", 0, 5), ("85%", 5, 5)]


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        # any of them, once: 2 whether one or all three hold
        ("【完成率】低于90%、【投诉】超过3次或【通报】超过2次的扣2分", ["6", "4", "4", "4", "4"]),
        (
            "【完成率】低于90%、【投诉】超过3次或【通报】超过2次的，不得分",
            ["6", "0", "0", "0", "0"],
        ),
        # the same as 或 written between each
        ("【完成率】低于90%或【投诉】超过3次或【通报】超过2次的扣2分", ["6", "4", "4", "4", "4"]),
    ],
)
def test_a_list_ending_in_or_is_any_of_its_conditions(clause, expected):
    assert totals(clause, ROWS) == expected


@pytest.mark.parametrize(
    "clause",
    [
        "【完成率】低于90%、【投诉】超过3次且【通报】超过2次的扣2分",
        "(【完成率】低于90%、【投诉】超过3次)且【通报】超过2次的扣2分",
        "【完成率】低于90%或【投诉】超过3次、【通报】超过2次的扣2分",
        "【通报】超过2次或(【完成率】低于90%、【投诉】超过3次)的扣2分",
        "未(【完成率】低于90%、【投诉】超过3次)的扣2分",
    ],
)
def test_a_list_that_says_not_how_it_combines_is_refused_not_a_crash(clause):
    diagnostic = one_refusal(one_item(clause, FACTS))
    assert diagnostic.code == "E101"
    assert "、" in diagnostic.message()  # the list is what it points at
    assert "且" in diagnostic.hint() or "或" in diagnostic.hint()


ATOMS = ["【完成率】低于90%", "【投诉】超过3次", "【通报】超过2次", "【完成率】达到95%", "超过5次"]


@st.composite
def conditions(draw, depth: int = 0) -> str:
    """Conditions joined by 、, 或 and 且, some under 未 or in parentheses."""
    parts = [
        draw(conditions(depth + 1))
        if depth < 2 and draw(st.booleans())
        else draw(st.sampled_from(ATOMS))
        for _ in range(draw(st.integers(1, 3)))
    ]
    text = parts[0]
    for part in parts[1:]:
        text += draw(st.sampled_from(["、", "或", "且"])) + part
    if depth and draw(st.booleans()):
        text = f"({text})"
    if draw(st.integers(0, 4)) == 0:
        text = f"未({text})" if not text.startswith("(") else f"未{text}"
    return text


@given(
    condition=conditions(),
    effect=st.sampled_from(["的扣2分", "的，不得分", "的，每项扣1分", "的，取消考评资格"]),
    rows=st.lists(st.sampled_from(ROWS), min_size=1, max_size=4),
)
@settings(deadline=None)
def test_any_combination_of_listed_conditions_compiles_or_is_refused(condition, effect, rows):
    """Never a third outcome (a crash): a sentence either compiles — and then the module
    and the interpreter score alike — or is refused with a PolicyError."""
    text = one_item(condition + effect, FACTS)
    try:
        policy = compile_policy(text)
    except PolicyError as refused:
        assert any(d.is_error and d.span.line for d in refused.diagnostics)
        return
    units = [
        {"单位": str(i), "完成率": a, "投诉": b, "通报": c} for i, (a, b, c) in enumerate(rows)
    ]
    both_totals(policy, units)
