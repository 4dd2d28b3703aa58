"""A penalty by place falls only on units at the bad end of the ranking: never on a unit
tied with the other end (all units tied → no one is last; accidents 0, 0, 0, 0, 5 →
only the 5 is among the last three).  Hand-computed; compiled == interpreter."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from xize.compiler import compile_policy

GRADES = "\n等次：\n  优秀：9分以上\n  良好：其余\n"


def policy(facts: str, clause: str, grades: bool = False):
    text = "细则：差的一头\n年度：2024\n满分：10分\n\n数据：\n" + facts
    text += "\n(一)排名(10分)\n  - " + clause + "\n" + (GRADES if grades else "")
    return compile_policy(text, filename="差的一头.rule")


def run(p, name: str, values: list[str]):
    rows = [{"单位": f"u{i}", name: v} for i, v in enumerate(values)]
    compiled, interpreted = p.score_batch(rows), p.interpreter.score_batch(rows)
    assert [r.to_dict() for r in compiled] == [r.to_dict() for r in interpreted]
    return compiled


def scores(p, name, values):
    return [r.nodes["(一)"].score for r in run(p, name, values)]


ACCIDENTS = "  事故起数：次，越低越好\n"
LAST_TWO = policy(ACCIDENTS, "按【事故起数】排名，末位扣3分，倒数第二的扣2分")


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        (["0", "0", "0"], [10, 10, 10]),  # all tied: no one is last
        (["4", "4"], [10, 10]),
        (["0", "0", "0", "0", "5"], [10, 10, 10, 10, 7]),  # the 0s are tied for first
        (["0", "1", "2", "2"], [10, 10, 7, 7]),  # 2s tied last; 1 is 3rd from last (1, 1, 3)
        (["3"], [10]),  # one unit: first, never last
    ],
)
def test_last_places_spare_units_tied_for_first(values, expected):
    assert scores(LAST_TWO, "事故起数", values) == [Decimal(e) for e in expected]


def test_last_three_of_a_count_with_many_zeros():
    p = policy(ACCIDENTS, "按【事故起数】排名，后三名各扣2分")
    assert scores(p, "事故起数", ["0", "0", "0", "0", "5"]) == [10, 10, 10, 10, 8]
    assert scores(p, "事故起数", ["0", "1", "2", "3", "5"]) == [10, 10, 8, 8, 8]


def test_first_places_penalised_spare_units_tied_for_last():
    p = policy("  欠缴税款：万元\n", "按【欠缴税款】从高到低排名，前三名各扣2分")
    assert scores(p, "欠缴税款", ["0", "0", "0", "0", "5", "7"]) == [10, 10, 10, 10, 8, 8]
    assert scores(p, "欠缴税款", ["1", "2", "3", "4", "5", "7"]) == [10, 10, 10, 8, 8, 8]
    assert scores(p, "欠缴税款", ["6", "6", "6"]) == [10, 10, 10]


def test_most_of_a_count_bars_the_top_grade_only_when_someone_has_fewer():
    p = policy("  被通报次数：次\n", "【被通报次数】全市最多的，不得评为优秀", grades=True)
    assert [r.grade for r in run(p, "被通报次数", ["0", "0", "0"])] == ["优秀"] * 3
    assert [r.grade for r in run(p, "被通报次数", ["2", "2", "2"])] == ["优秀"] * 3
    assert [r.grade for r in run(p, "被通报次数", ["0", "2", "2"])] == ["优秀", "良好", "良好"]


def test_earnings_and_middle_places_are_taken_as_written():
    p = policy("  化解率：百分比\n", "按【化解率】从高到低排名，第1名得10分，其余得6分")
    assert scores(p, "化解率", ["70", "70", "70"]) == [10, 10, 10]
    p = policy("  化解率：百分比\n", "按【化解率】从高到低排名，第2至5名扣1分")
    assert scores(p, "化解率", ["90", "80", "80"]) == [10, 9, 9]  # 2nd, though tied for last


@settings(max_examples=25, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=4), min_size=1, max_size=7))
def test_a_unit_with_the_fewest_accidents_is_never_deducted(values):
    got = scores(LAST_TWO, "事故起数", [str(v) for v in values])
    for value, score in zip(values, got, strict=True):
        if value == min(values):
            assert score == 10
        else:
            assert score in (Decimal(7), Decimal(8), Decimal(10))
