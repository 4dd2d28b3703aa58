"""Bands of distance from the batch average, several on one line (docs/language.md 9.8,
`compiler/syntax/mean_bands.py`): ranges (`低于平均值2至5个百分点（含5个百分点）`), bands
joined by 但 (`低于平均值但差距不足3个百分点`), both sides (`与平均值相差1个百分点以内（含）`)
and the average left unsaid (`低于2个百分点及以上的`).  Each batch is worked by hand, its
mean exact and a unit on every bound; compiled == interpreter == the SQL query.  A line
whose bands leave a bound in none or in two, or a far side unsaid, is refused at the band."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from xize.compiler import PolicyError, compile_policy
from xize.compiler.backends.sql.table import score_table

GRADES = "\n等次：\n  优秀：18分以上\n  良好：16分以上\n  合格：12分以上\n  不合格：其余\n"


def build(clause: str):
    text = (
        "细则：相差分档\n年度：2024\n满分：20分\n\n数据：\n  率：百分比，越高越好\n  通报：是否，默认否\n\n"
        f"(一)基础(10分)\n  - 【通报】扣1分\n(二)本项(10分)\n  - {clause}\n" + GRADES
    )
    return compile_policy(text, filename="相差分档.rule")


def outcome(clause: str, values) -> tuple[list[Decimal], list[list[str]]]:
    policy = build(clause)
    rows = [{"单位": f"单位{i}", "率": v} for i, v in enumerate(values)]
    compiled = policy.score_batch(rows)
    interpreted = policy.interpreter.score_batch(rows)
    assert [r.to_dict() for r in compiled] == [r.to_dict() for r in interpreted]
    return [r.nodes["(二)"].score for r in compiled], [sorted(r.labels) for r in compiled]


def sql_scores(clause: str, values) -> list[Decimal]:
    pa = pytest.importorskip("pyarrow")
    table = pa.table({"单位": [f"单位{i}" for i in range(len(values))], "率": list(values)})
    scored = score_table(build(clause).ir, table)
    return [Decimal(str(v)) for v in scored.column("(二)本项").to_pylist()]


FOUR = (
    "【率】达到或高于全市平均值的得10分；低于平均值2个百分点以内（含2个百分点）的得8分；"
    "低于平均值2至5个百分点（含5个百分点）的得5分；低于平均值超过5个百分点的不得分"
)
#: mean 80: 6 above, on it, 2 below (in 以内), 5 below (含5), 6 below, 7 above
FOUR_VALUES = ("86", "80", "78", "75", "74", "87")


def test_a_range_between_two_distances_scores_the_band_it_says():
    assert outcome(FOUR, FOUR_VALUES)[0] == [10, 10, 8, 5, 0, 10]
    assert sql_scores(FOUR, FOUR_VALUES) == [10, 10, 8, 5, 0, 10]


def test_a_range_without_han_takes_the_bounds_its_neighbours_leave():
    # 2 is in the band before (含2), 5 in the band after (以上 takes it in)
    clause = (
        "【率】达到或高于平均值的得10分；低于平均值2个百分点以内（含2个百分点）的得8分；"
        "低于平均值2至5个百分点的得5分；低于平均值5个百分点以上的不得分"
    )
    assert outcome(clause, FOUR_VALUES)[0] == [10, 10, 8, 0, 0, 10]


def test_bands_joined_by_but_with_grade_limits():
    clause = (
        "【率】低于全市平均值但差距不足3个百分点的，扣4分，年度考核等次最高为良好；"
        "低于全市平均值3个百分点以上的，本项不得分，年度考核等次最高为合格"
    )
    # mean 80: 4 above, on it, 3 below (以上 takes it), 1 below
    scores, labels = outcome(clause, ("84", "80", "77", "79"))
    assert scores == [10, 10, 0, 6]
    assert labels == [[], [], ["等次最高为合格"], ["等次最高为良好"]]


def test_bands_on_both_sides_of_the_average():
    clause = (
        "【率】与全市平均值相差在1个百分点以内（含）的得6分；高于平均值超过1个百分点的得10分；"
        "低于平均值超过1个百分点、但差距在4个百分点以内的得3分；低于平均值超过4个百分点的不得分"
    )
    values = ("81", "79", "82", "76", "75", "87")  # mean 80
    assert outcome(clause, values)[0] == [6, 6, 10, 3, 0, 10]
    assert sql_scores(clause, values) == [6, 6, 10, 3, 0, 10]


def test_bands_after_commas_and_the_average_left_unsaid():
    commas = (
        "【率】高于全市平均值1个百分点以上（含1个百分点）的得10分，与全市平均值相差不足1个百分点的得7分，"
        "低于全市平均值1个百分点以上（含1个百分点）的得4分"
    )
    assert outcome(commas, ("81", "80.5", "79", "79.5"))[0] == [10, 7, 4, 7]
    unsaid = "【率】达到全市平均水平的得10分；低于全市平均水平不足2个百分点的得6分；低于2个百分点及以上的，不得分"
    assert outcome(unsaid, ("80", "78", "79", "83"))[0] == [10, 0, 6, 10]


@pytest.mark.parametrize(
    ("clause", "words", "why"),
    [
        # exactly 3 below is in neither band
        (
            "【率】达到或高于平均值的得10分；低于平均值但不足3个百分点的得6分；低于平均值超过3个百分点的不得分",
            "低于平均值但不足3个百分点",
            "恰好低于平均值3个百分点的单位不在任何一档",
        ),
        # 3 to 4 below is in both
        (
            "【率】低于平均值3个百分点以上的不得分；低于平均值但不足4个百分点的扣5分",
            "低于平均值但不足4个百分点",
            "都包括",
        ),
        # what units 5 or more above the average get is not said
        (
            "【率】高于平均值但不足5个百分点的，年度考核等次最高为良好",
            "高于平均值但不足5个百分点",
            "再往外的单位",
        ),
        # the bands earn, and the units below the average are in none
        (
            "【率】高于平均值2个百分点以上的得10分；高于平均值但不足2个百分点的得8分",
            "高于平均值但不足2个百分点",
            "没有包括所有的单位",
        ),
        # a range with no 含 whose neighbours do not settle its ends either
        (
            "【率】低于平均值2至5个百分点的扣3分",
            "低于平均值2至5个百分点",
            "原文没有写",
        ),
    ],
)
def test_bands_that_leave_a_bound_unclear_are_refused_at_the_band(clause, words, why):
    with pytest.raises(PolicyError) as raised:
        build(clause)
    diag = raised.value.diagnostics[0]
    assert diag.code == "E116"
    line = "  - " + clause
    assert line[diag.span.column - 1 : diag.span.end_column - 1] == words
    assert why in diag.message()
    assert "界上的值归哪一档" in diag.hint()
    assert diag.message("en") and diag.hint("en")


def test_a_share_of_the_average_is_no_band():
    # `低于平均值的80%` is not `低于平均值`: never read as a band of distance
    with pytest.raises(PolicyError):
        build("【率】低于平均值但不足3个百分点的扣2分；低于平均值的80%的扣5分")


def _by_hand(values: list[Decimal]) -> list[int]:
    mean = sum(values) / len(values)
    out = []
    for v in values:
        e = v - mean
        out.append(10 if e >= 0 else 8 if e >= -2 else 5 if e >= -5 else 0)
    return out


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(min_value=600, max_value=1000), min_size=1, max_size=8))
def test_the_bands_score_as_their_intervals_for_any_batch(tenths):
    # values with one decimal and a batch of up to 8: the mean may not end, and the
    # comparisons stay exact
    values = [Decimal(t) / 10 for t in tenths]
    scores, _ = outcome(FOUR, [str(v) for v in values])
    assert scores == _by_hand(values)


def test_a_side_said_once_then_its_bands_by_the_gap():
    clause = (
        "【率】达到或高于全市平均水平的得10分；低于全市平均水平的，差距在2个百分点以内（含2个百分点）的扣1分，"
        "差距超过2个百分点但不超过5个百分点的扣4分，差距超过5个百分点的扣10分"
    )
    # mean 80: the 10 points are the item's, so the bands deduct from them
    values = ("86", "80", "78", "77.5", "75", "74.9", "88.6")
    assert sum(Decimal(v) for v in values) == 560
    assert outcome(clause, values)[0] == [10, 10, 9, 6, 6, 0, 10]
    assert sql_scores(clause, values) == [10, 10, 9, 6, 6, 0, 10]


def test_full_marks_beside_a_deduction_are_the_items_points():
    # `达到…得10分` is the item's 10: a unit below the mean loses 3 of them (it used to
    # earn nothing and lose 3 more: 0)
    clause = "【率】达到或高于平均值的得10分；低于平均值的扣3分"
    assert outcome(clause, ("80", "70", "90"))[0] == [10, 7, 10]
    # a unit exactly on the mean is in neither band: refused, not scored 0
    with pytest.raises(PolicyError) as raised:
        build("【率】高于平均值的得10分；低于平均值的扣3分")
    assert raised.value.diagnostics[0].code == "E116"
    assert "恰好等于平均值的单位不在任何一档" in raised.value.diagnostics[0].message()


def test_level_with_the_average_between_above_and_below_it():
    # 持平 between 高于 and 低于 the average is exactly on it: the only reading in which
    # the bands hold every unit once
    clause = "【率】高于全市平均水平的得10分，与全市平均水平持平的得8分，低于全市平均水平的得5分"
    assert outcome(clause, ("82", "80", "78", "80"))[0] == [10, 8, 5, 8]
    assert sql_scores(clause, ("82", "80", "78", "80")) == [10, 8, 5, 8]
    # `等于或低于` is no `等于`
    other = "【率】高于全县平均数的得10分，等于或低于全县平均数的得6分"
    assert outcome(other, ("82", "80", "78", "80"))[0] == [10, 6, 6, 6]


def test_full_marks_said_as_such_and_a_base_that_is_not_the_items():
    clause = "【率】达到或高于平均值的得满分；低于平均值但不足3个百分点的扣2分；低于平均值3个百分点以上的扣6分"
    # mean 79.5: 80 keeps 10, 70 loses 6, 78 loses 2
    assert outcome(clause, ("80", "70", "90", "78"))[0] == [10, 4, 10, 8]
    # 8 of the item's 10 earned, then a deduction: from which points is not said
    with pytest.raises(PolicyError) as raised:
        build(
            "【率】达到或高于平均值的得8分；低于平均值但不足3个百分点的扣2分；低于平均值3个百分点以上的扣6分"
        )
    assert "扣分从哪里扣起" in raised.value.diagnostics[0].message()


def test_the_placeholder_character_in_a_file_is_reported_never_read_as_a_band():
    with pytest.raises(PolicyError) as raised:
        build("【率】\ue000的得10分；低于平均值但不足3个百分点的得6分")
    codes = [d.code for d in raised.value.diagnostics]
    assert codes[0] == "E108"


def test_a_line_of_thousands_of_bands_is_read_as_written():
    # each two bands are compared: past a few dozen the line is no 细则's, and is read as
    # written (refused here) — never thousands of diagnostics, never an internal error
    clause = "【率】达到平均值的得1分" + "，低于平均值但不足3个百分点的得1分" * 3000
    with pytest.raises(PolicyError) as raised:
        build(clause)
    assert len(raised.value.diagnostics) < 10
    assert all("内部错误" not in d.message() for d in raised.value.diagnostics)
