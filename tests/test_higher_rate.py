"""`【事故起数】每起扣0.5分，超过3起的每起扣1分` (PATTERNS: a higher rate above a control
limit): past 3, every occurrence at 1 point, or only those past 3?  Refused (E116) with
both readings written out; each compiles and scores its own reading.  Written as two
clauses (`；`) the line was read as both adding up (1.5 per accident past 3): refused
the same way, unless 另扣 says they add up."""

from __future__ import annotations

from decimal import Decimal

import pytest
from helpers import both_total
from xize.compiler import PolicyError, compile_policy

HEAD = "细则：控制指标\n年度：2024\n满分：10分\n\n数据：\n  事故起数：起\n\n一、安全（10分）\n"


def build(line: str):
    return compile_policy(HEAD + f"  - {line}\n", filename="控制指标.rule")


@pytest.mark.parametrize(
    ("line", "every_lost", "past_lost", "at_limit_lost"),
    [
        # five accidents: every one at 1 → 5 lost; the first 3 at 0.5 and 2 at 1 → 3.5
        ("【事故起数】每起扣0.5分，超过3起的每起扣1分", 5, Decimal("3.5"), Decimal("1.5")),
        ("【事故起数】每起扣0.5分；超过3起的，每起扣1分", 5, Decimal("3.5"), Decimal("1.5")),
        ("【事故起数】每起扣0.5分，超出3起后每起扣1分", 5, Decimal("3.5"), Decimal("1.5")),
        # a lower rate past the limit: every one at 0.5 → 2.5; the first 3 at 1, 2 at 0.5 → 4
        ("【事故起数】每起扣1分；超过3起的，每起扣0.5分", Decimal("2.5"), 4, 3),
        ("【事故起数】每起扣1分，超过3起的每起扣0.5分", Decimal("2.5"), 4, 3),
    ],
)
def test_another_rate_past_a_limit_offers_both_readings(line, every_lost, past_lost, at_limit_lost):
    with pytest.raises(PolicyError) as caught:
        build(line)
    (error,) = [d for d in caught.value.diagnostics if d.is_error]
    assert error.code == "E116"
    hint = error.hint()
    every = hint.split("写 ", 1)[1].split("；只有")[0]
    past = hint.split("只有超过部分按")[1].split("写 ", 1)[1].split("；两者相加")[0]
    assert both_total(build(every), {"事故起数": "5"}) == 10 - every_lost
    assert both_total(build(past), {"事故起数": "5"}) == 10 - past_lost
    # up to the limit both readings are the first rate
    for reading in (every, past):
        assert both_total(build(reading), {"事故起数": "3"}) == 10 - at_limit_lost


def test_another_deduction_on_top_says_they_add_up():
    """`另扣`: past 3, each costs 0.5 more — the sum, as written."""
    policy = build("【事故起数】每起扣0.5分；超过3起的，每起另扣0.5分")
    assert both_total(policy, {"事故起数": "5"}) == 5
