"""`达到平均值的得4分；低于平均值的，本项得分减半` (4 the item's points, its only clause
line) gives the other units half the points: 2 (docs/language.md section 5).  Beside
other lines, or when the other clause earns less than the item, what is halved is not
said: refused.  A yes/no fact and its negation earning on one line are tiers (no W311)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from xize.compiler import PolicyError, compile_policy
from xize.compiler.check.run import check
from xize.compiler.source.text import Source
from xize.compiler.syntax.parser import parse

BANDS = "\n等次：\n  优秀：90分以上\n  良好：75分以上\n  合格：60分以上\n  不合格：其余\n"


def text(clauses: str, points: int = 4, facts: str = "  率：百分比\n") -> str:
    return (
        f"细则：减半\n年度：2024\n满分：{points}分\n\n数据：\n{facts}\n"
        f"(一)本项({points}分)\n{clauses}" + BANDS
    )


def test_below_the_average_earns_half_the_points():
    clause = "  - 【率】达到或高于全县平均值的得4分；低于平均值的，本项得分减半，且年度考核等次最高为良好\n"
    policy = compile_policy(text(clause), filename="减半.rule")
    rows = [{"单位": name, "率": v} for name, v in (("甲", "90"), ("乙", "80"), ("丙", "70"))]
    results = policy.score_batch(rows)
    assert [r.nodes["(一)"].score for r in results] == [4, 4, 2]
    assert [r.to_dict() for r in results] == [
        r.to_dict() for r in policy.interpreter.score_batch(rows)
    ]
    assert results[2].total == Decimal(2)


def test_a_yes_no_fact_and_its_negation_are_tiers():
    clause = "  - 【按时完成】的得4分；未【按时完成】的，本项得分减半\n"
    source = text(clause, facts="  按时完成：是否\n")
    policy = compile_policy(source, filename="减半.rule")
    assert [policy.score({"按时完成": v}).total for v in ("是", "否")] == [4, 2]
    tree, diags = parse(Source(source, "减半.rule"))
    assert tree is not None and not [d for d in diags if d.is_error]
    assert "W311" not in [d.code for d in check(tree, Source(source, "减半.rule"))]


@pytest.mark.parametrize(
    "clauses",
    [
        # another line in the item: half of the item's score, or of this line's 4?
        "  - 【率】达到全县平均值的得4分；低于平均值的，本项得分减半\n  - 【通报】每次扣1分\n",
        # the other clause earns 3 of 4: half of 3, or of 4?
        "  - 【率】达到全县平均值的得3分；低于平均值的，本项得分减半\n",
    ],
)
def test_half_of_what_is_not_said_is_refused(clauses):
    facts = "  率：百分比\n  通报：次，默认0\n"
    with pytest.raises(PolicyError) as raised:
        compile_policy(text(clauses, facts=facts), filename="减半.rule")
    assert "减半" in str(raised.value)
