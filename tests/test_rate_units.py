"""Rates per head of population (`件/万人`, `人/10万人`, `批次/千人`) are decimal measures
(docs/language.md section 2): declared, compared and stepped like 万元; a unit in
parentheses after a fact's name or a number says no more than the unit itself.
Hand-computed batches, compiled == interpreter; a clause in another unit is refused."""

from __future__ import annotations

from decimal import Decimal

import pytest
from xize.compiler import PolicyError, compile_policy

BANDS = "\n等次：\n  优秀：90分以上\n  良好：75分以上\n  合格：60分以上\n  不合格：其余\n"


def build(unit: str, clause: str, points: int):
    text = (
        f"细则：比率\n年度：2024\n满分：{points}分\n\n数据：\n  比率：{unit}，越低越好\n\n"
        f"(一)本项({points}分)\n  - {clause}\n" + BANDS
    )
    return compile_policy(text, filename="比率.rule")


def scores(policy, values: list[str]) -> list[Decimal]:
    rows = [{"单位": f"单位{i}", "比率": v} for i, v in enumerate(values)]
    compiled = policy.score_batch(rows)
    assert [r.to_dict() for r in compiled] == [
        r.to_dict() for r in policy.interpreter.score_batch(rows)
    ]
    return [r.nodes["(一)"].score for r in compiled]


def test_steps_above_the_smallest_in_complaints_per_ten_thousand():
    # smallest 0.8: 0.9 is one step of 0.1 (−0.25); 1.25 is 4.5 steps in proportion (−1.125)
    clause = (
        "各街道【比率】（件/万人）全区最少的得5分，其余每比最少值多0.1件/万人扣0.25分"
        "（按实际差值折算），扣完为止"
    )
    policy = build("件/万人", clause, 5)
    assert scores(policy, ["0.8", "0.9", "1.25", "0.8"]) == [
        5,
        Decimal("4.75"),
        Decimal("3.875"),
        5,
    ]


def test_steps_above_the_average_with_the_unit_in_parentheses():
    # average 11.5: 12 is 5 steps of 0.1 above (−2.5), 12.3 is 8 (all 3 lost), 11.7 is 2 (−1)
    clause = (
        "【比率】不高于全市平均水平的得3分；高于全市平均水平的，每高出0.1（人/10万人）扣0.5分"
        "（按实际差值计算），扣完为止"
    )
    policy = build("人/十万人", clause, 3)
    assert scores(policy, ["10", "12", "12.3", "11.7"]) == [3, Decimal("0.5"), 0, 2]


@pytest.mark.parametrize(
    ("clause", "code"),
    [
        ("【比率】超过0.5件的扣1分", "E214"),  # a count is no rate
        ("【比率】超过0.5人/万人的扣1分", "E203"),  # persons are not cases
    ],
)
def test_a_clause_in_another_unit_is_refused(clause, code):
    with pytest.raises(PolicyError) as raised:
        build("件/万人", clause, 3)
    assert raised.value.diagnostics[0].code == code


def test_a_rate_written_with_its_base_alone_is_refused_with_the_unit_to_write():
    """`每超过0.1/10万` names no count: the hint gives the unit with one, and the
    sentence written so is read."""
    with pytest.raises(PolicyError) as raised:
        build("人/10万人", "【比率】超过1.5/10万的，每超过0.1/10万扣0.5分", 3)
    (diag,) = raised.value.diagnostics
    assert diag.code == "E101"
    assert "1.5人/10万人" in diag.args["expected"]
    policy = build("人/10万人", "【比率】超过1.5人/10万人的，每超过0.1人/10万人扣0.5分", 3)
    assert scores(policy, ["1.5", "1.75"]) == [3, Decimal("2")]
