"""`按【平台扣分】的10倍扣分` (PATTERNS: multipliers) is `扣(【平台扣分】×10)分`: the same
numbers from the module and the interpreter, a cap after it kept."""

from __future__ import annotations

from decimal import Decimal

import pytest
from helpers import both_total
from xize.compiler import compile_policy

HEAD = "细则：倍数\n年度：2024\n满分：6分\n\n数据：\n  平台扣分：分，范围0至6\n\n一、平台（6分）\n"


def total(line: str, value: str) -> Decimal:
    policy = compile_policy(HEAD + f"  - {line}\n", filename="倍数.rule")
    return both_total(policy, {"平台扣分": value})


@pytest.mark.parametrize(
    ("line", "value", "expected"),
    [
        ("按【平台扣分】的10倍扣分", "0.2", 4),
        ("按【平台扣分】10倍扣分", "0.25", Decimal("3.5")),
        ("按【平台扣分】的2倍计扣", "0.2", Decimal("5.6")),
        ("按【平台扣分】的10倍扣分", "1", 0),  # 10 points from a 6-point item: 0
        ("按【平台扣分】的10倍扣分，最多扣3分", "1", 3),
        ("扣(【平台扣分】×10)分", "0.2", 4),
    ],
)
def test_a_multiple_of_a_fact_is_deducted(line, value, expected):
    assert total(line, value) == expected
