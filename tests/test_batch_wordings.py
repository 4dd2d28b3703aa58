"""Batch wordings read as a careful reader computes them — `取消评优资格` bars 优秀 only,
`存在【X】的` is `【X】的`, `平均增幅` is the average of a 增幅 — and the batch wordings
whose meaning is unclear, refused with a specific code and the sentence to write for
each reading.  Hand-computed; compiled == interpreter."""

from __future__ import annotations

from decimal import Decimal

import pytest
from xize.compiler import PolicyError, compile_policy

GRADES = "\n等次：\n  优秀：9分以上\n  良好：8分以上\n  合格：其余\n"


def policy(facts: str, clause: str, grades: bool = False):
    text = "细则：本批写法\n年度：2024\n满分：10分\n\n数据：\n" + facts
    text += "\n(一)考核(10分)\n  - " + clause + "\n" + (GRADES if grades else "")
    return compile_policy(text, filename="本批写法.rule")


def run(p, rows):
    rows = [{"单位": f"u{i}", **row} for i, row in enumerate(rows)]
    compiled, interpreted = p.score_batch(rows), p.interpreter.score_batch(rows)
    assert [r.to_dict() for r in compiled] == [r.to_dict() for r in interpreted]
    return compiled


@pytest.mark.parametrize(
    "clause",
    [
        "被通报存在【弄虚作假】的，取消评优资格",
        "存在【弄虚作假】的，取消评先评优资格",
        "经查实存在【弄虚作假】的，不得评为优秀",
    ],
)
def test_a_bar_on_commendation_caps_the_grade_below_the_top(clause):
    p = policy(
        "  弄虚作假：是否，默认否\n  缺会次数：次，默认0\n",
        clause + "\n  - 【缺会次数】每次扣1分",
        True,
    )
    got = run(p, [{"弄虚作假": "是"}, {"弄虚作假": "否"}, {"弄虚作假": "是", "缺会次数": "3"}])
    assert [r.grade for r in got] == ["良好", "优秀", "合格"]
    assert [r.total for r in got] == [Decimal(10), Decimal(10), Decimal(7)]


@pytest.mark.parametrize("word", ["平均增速", "平均水平"])
def test_the_average_of_a_change_may_be_named_as_the_change(word):
    p = policy("  产值增速：百分比\n", f"【产值增速】低于全县{word}的，每低1个百分点扣1分")
    got = run(p, [{"产值增速": "4"}, {"产值增速": "6"}, {"产值增速": "8"}])
    assert [r.total for r in got] == [Decimal(8), Decimal(10), Decimal(10)]  # average 6
