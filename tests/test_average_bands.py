"""Bands of distance from the batch average in one sentence, computed by hand at the
boundaries: `【发案率】超过平均值5个点以内扣1分，5个点以外扣2分` deducts 1 point above the
average by at most 5 points (以内 includes 5), 2 points beyond (以外 excludes it),
nothing at the average itself; the mirror below the average likewise.  `个点` is the
percentage point.  Compiled == interpreter == DuckDB.  Shapes whose boundary is not
clear are refused (E115) with the sentence as it can be written."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlrun import differences, duckdb_results, expected_summary
from xize.compiler import PolicyError, compile_policy

D = Decimal


def policy(clause: str):
    text = (
        "细则：档次\n年度：2024\n满分：10分\n\n数据：\n  发案率：百分比\n\n"
        f"(一)治安(10分)\n  - {clause}\n"
    )
    return compile_policy(text, filename="档次.rule")


ABOVE = policy("【发案率】超过平均值5个点以内扣1分，5个点以外扣2分")
BELOW = policy("【发案率】低于全市平均值5个百分点以内的，扣1分，超过5个百分点的，扣2分")


def scored(p, value: str, average: str) -> Decimal:
    facts, averages = {"发案率": value}, {"发案率": D(average)}
    compiled = p.score(facts, averages=averages)
    assert compiled == p.interpreter.score(facts, averages=averages)
    return compiled.nodes["(一)"].score


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("9", 10),  # below the average: nothing
        ("10", 10),  # exactly at the average: nothing
        ("10.01", 9),  # just above
        ("15", 9),  # exactly 5 points above: 以内 includes it
        ("15.01", 8),  # just beyond: the deeper band alone, not 1 + 2
        ("40", 8),
    ],
)
def test_above_the_average(value, expected):
    assert scored(ABOVE, value, "10") == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [("11", 10), ("10", 10), ("9.99", 9), ("5", 9), ("4.99", 8), ("0", 8)],
)
def test_below_the_average(value, expected):
    assert scored(BELOW, value, "10") == expected


@pytest.mark.parametrize(
    "clause",
    [
        "【发案率】超过平均值5个百分点以内扣1分，5个百分点以外扣2分",
        "【发案率】超过平均值5个点以内的，扣1分，超过5个点的，扣2分",
        "【发案率】高于全省平均值5百分点以内扣1分，高于平均值5个百分点以外扣2分",
        "【发案率】超过平均值5个点以内扣1分，超过5个点以外扣2分",
    ],
)
def test_other_wordings_read_the_same(clause):
    p = policy(clause)
    for value, expected in (("10", 10), ("15", 9), ("15.01", 8)):
        assert scored(p, value, "10") == expected


def test_the_batch_average_and_duckdb_agree():
    """Rates 2, 6, 10, 14, 18: average 10; 14 is 4 above (1分), 18 is 8 above (2分)."""
    rows = [{"单位": f"单位{i}", "发案率": v} for i, v in enumerate(["2", "6", "10", "14", "18"])]
    results = ABOVE.score_batch(rows)
    assert results == ABOVE.interpreter.score_batch(rows)
    assert [r.nodes["(一)"].score for r in results] == [10, 10, 10, 9, 8]
    assert differences(expected_summary(ABOVE.ir, results), duckdb_results(ABOVE.ir, rows)) == []


@pytest.mark.parametrize(
    ("clause", "suggest"),
    [
        (  # 以内 and 以上 would both hold exactly 5
            "【发案率】超过平均值5个点以内扣1分，5个点以上扣2分",
            "【发案率】超过平均值5个点以内扣1分，5个点以外扣2分",
        ),
        (  # a gap between 5 and 6
            "【发案率】超过平均值5个点以内扣1分，6个点以外扣2分",
            "【发案率】超过平均值5个点以内扣1分，5个点以外扣2分",
        ),
        (  # the second band on the other side
            "【发案率】超过平均值5个点以内扣1分，低于5个点扣2分",
            "【发案率】超过平均值5个点以内扣1分，5个点以外扣2分",
        ),
        (  # the second band says neither 以外 nor 超过
            "【发案率】低于平均值5个点以内扣1分，5个点扣2分",
            "【发案率】低于平均值5个点以内扣1分，5个点以外扣2分",
        ),
        (  # two clauses the grammar does not join
            "【发案率】超过平均值5个点以内扣1分；5个点以外扣2分",
            "【发案率】超过平均值5个百分点以内扣1分，5个百分点以外扣2分",
        ),
    ],
)
def test_an_unclear_boundary_is_refused_with_the_clear_sentence(clause, suggest):
    with pytest.raises(PolicyError) as refused:
        policy(clause)
    assert refused.value.code == "E115"
    assert suggest in refused.value.hint
    edge = "5" if "低于" in suggest else "15"  # exactly 5 points off: the first band
    assert scored(policy(suggest), edge, "10") == 9  # the suggestion compiles and reads so


def test_a_point_is_a_percentage_point_in_steps_too():
    p = policy("【发案率】每超过平均值1个点扣1分")
    assert scored(p, "13", "10") == 7


def test_the_steps_hint_keeps_the_sentences_side_and_effect():
    """`高于平均值5个百分点的，每高1个百分点加0.5分` is refused (E244: from the average or
    from the bound?); both rewrites the hint offers still add for being high — neither
    turns it into 每低…扣 — and they compile.  Average 10, unit 17: from the average
    7 steps (+3.5), beyond the bound 2 steps (+1)."""
    clause = "【发案率】高于全市平均值5个百分点的，每高1个百分点加0.5分"
    with pytest.raises(PolicyError) as refused:
        policy(clause)
    hint = refused.value.hint
    assert refused.value.code == "E244"
    assert "每高于平均值1个百分点加N分" in hint and "超出部分每高1个百分点加N分" in hint
    assert "低" not in hint and "扣" not in hint
    totals = []
    for step in ("每高于平均值1个百分点加0.5分", "超出部分每高1个百分点加0.5分"):
        p = policy(f"【发案率】高于全市平均值5个百分点的，{step}")
        facts, averages = {"发案率": "17"}, {"发案率": D(10)}
        assert p.score(facts, averages=averages) == p.interpreter.score(facts, averages=averages)
        totals.append(p.score(facts, averages=averages).total)
    assert totals == [D("13.5"), D(11)]


def test_counts_in_their_own_unit_and_a_cap_on_the_sentence():
    """Counts 0, 2, 4, 8, 12 (mean 5.2): 8 is 2.8 above (−1), 12 is 6.8 above (−2);
    `，最多扣1分` bounds the sentence, so 12 loses 1."""
    text = (
        "细则：档次\n年度：2024\n满分：10分\n\n数据：\n  投诉件数：件，默认0\n\n"
        "(一)投诉(10分)\n  - 【投诉件数】超过平均值5件以内扣1分，5件以外扣2分{cap}\n"
    )
    rows = [{"单位": f"单位{i}", "投诉件数": v} for i, v in enumerate(["0", "2", "4", "8", "12"])]
    for cap, expected in (("", [10, 10, 10, 9, 8]), ("，最多扣1分", [10, 10, 10, 9, 9])):
        p = compile_policy(text.format(cap=cap))
        results = p.score_batch(rows)
        assert results == p.interpreter.score_batch(rows)
        assert [r.nodes["(一)"].score for r in results] == expected


@pytest.mark.parametrize(
    "clause",
    [
        "【发案率】高于全省平均值5%以内扣1分，高于平均值5%以外扣2分",
        "【发案率】低于全市平均水平10%的，扣2分",
        "【发案率】超过全县平均数5%以上的，扣1分",
    ],
)
def test_a_percent_gap_on_a_rate_is_refused_with_both_readings(clause):
    with pytest.raises(PolicyError) as refused:
        policy(clause)
    assert refused.value.code == "E252"
    assert "个百分点" in refused.value.hint and "平均值的" in refused.value.hint


def test_a_percent_gap_on_an_amount_is_a_share_of_the_average():
    text = (
        "细则：相对\n年度：2024\n满分：10分\n\n数据：\n  资金：万元\n\n(一)资金(10分)\n"
        "  - 【资金】低于全市平均值10%的，扣2分\n"
        "  - 【资金】超过平均值20%以上的，扣1分\n"
    )
    p = compile_policy(text, filename="相对.rule")
    rows = [{"单位": u, "资金": v} for u, v in (("甲", "60"), ("乙", "90"), ("丙", "150"))]
    results = p.score_batch(rows)
    assert results == p.interpreter.score_batch(rows)
    # average 100: below 90 deducts 2 (60; 90 itself does not), at least 120 deducts 1
    assert [r.total for r in results] == [Decimal(8), Decimal(10), Decimal(9)]
    assert differences(expected_summary(p.ir, results), duckdb_results(p.ir, rows)) == []
