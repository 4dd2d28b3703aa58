"""`【例会次数】全年不少于4次，少一次扣1分` — PATTERNS' most common requirement: a step of one
shortfall written without 每 (`少一次`, `少1次`) is `每少1次`, and the period word between
the fact and its requirement (`全年`, `年内`, `本年度`) is the assessment's year.  Without a
standard `少一次` counts nothing (E112), as `每少1次` does."""

from __future__ import annotations

from decimal import Decimal

import pytest
from helpers import both_total
from hypothesis import given, settings
from hypothesis import strategies as st
from xize.compiler import PolicyError, compile_policy

HEAD = "细则：例会\n年度：2024\n满分：6分\n\n数据：\n  例会次数：次\n\n一、例会（6分）\n"


def build(line: str):
    return compile_policy(HEAD + f"  - {line}\n", filename="例会.rule")


def totals(policy, counts: list[int]) -> list[Decimal]:
    return [both_total(policy, {"例会次数": str(count)}) for count in counts]


@pytest.mark.parametrize(
    "line",
    [
        "【例会次数】全年不少于4次，少一次扣1分",
        "【例会次数】不少于4次，少1次扣1分",
        "【例会次数】年内应不少于4次，每少一次扣1分",
        "【例会次数】本年度不得少于4次，少一次扣1分",
    ],
)
def test_one_short_is_each_one_short(line):
    # 4 or more: nothing; 3: one short; 0: four short
    assert totals(build(line), [5, 4, 3, 0]) == [6, 6, 5, 2]


@settings(max_examples=30, deadline=None)
@given(st.integers(0, 12))
def test_as_with_mei(count):
    once = build("【例会次数】全年不少于4次，少一次扣0.5分，扣完为止")
    each = build("【例会次数】不少于4次，每少1次扣0.5分，扣完为止")
    assert totals(once, [count]) == totals(each, [count])


@pytest.mark.parametrize(
    ("line", "code"),
    [
        # no standard: short of what?
        ("【例会次数】少一次扣1分", "E112"),
        # short of a ceiling makes no sense
        ("【例会次数】不超过4次，少一次扣1分", "E220"),
    ],
)
def test_one_short_without_a_lower_standard_is_refused(line, code):
    with pytest.raises(PolicyError) as caught:
        build(line)
    assert [d.code for d in caught.value.diagnostics if d.is_error] == [code]
