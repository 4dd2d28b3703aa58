"""Sentences about the batch that have no single reading as written, or that the
language cannot say, are refused as E116 at the words that make them so, with sentences
to write instead; the suggested sentences compile and compute what a careful reader of
the original computes (hand-computed on small batches)."""

from __future__ import annotations

import pytest
from xize.compiler import PolicyError, compile_policy

HEAD = "细则：本批\n年度：2024\n满分：10分\n\n数据：\n  达标率：百分比\n\n(一)工作(10分)\n  - {clause}\n"
BANDS = "\n等次：\n  优秀：9分以上\n  良好：8分以上\n  合格：6分以上\n  不合格：其余\n"


def policy(clause: str):
    return compile_policy(HEAD.format(clause=clause) + BANDS, filename="本批.rule")


def refused(clause: str):
    with pytest.raises(PolicyError) as info:
        policy(clause)
    (diag,) = info.value.diagnostics
    return diag


@pytest.mark.parametrize(
    ("clause", "text", "hint"),
    [
        ("【达标率】低于全省平均水平的，年度考核结果降一个等次", "降一个等次", "等次最高为良好"),
        ("【达标率】低于平均值的，等次降一档", "降一档", "一票否决"),
        (
            # 持平 beside 高于 and 低于 is exactly the average (tests/test_batch_distance_bands.py);
            # beside 高于 alone, the units below the average are in no band
            "【达标率】高于全省平均水平的得10分，与全省平均水平持平的得8分",
            "与全省平均水平持平",
            "各档相接",
        ),
        (
            "【达标率】以全省平均值为基准，基准分8分，每高出1个百分点加0.5分，每低1个百分点扣1分",
            "以全省平均值为基准",
            "【达标率】达到平均值的得8分，每低1个百分点扣1分；高于平均值的，每高1个百分点得0.5分",
        ),
        (
            "【达标率】比全县平均水平每高出2个百分点加1分，最多加3分",
            "比全县平均水平每高出",
            "加分项",
        ),
        (
            "【达标率】比全县平均水平每低1个百分点扣1分",
            "比全县平均水平每低",
            "【达标率】低于平均值的，每低1个百分点扣1分",
        ),
        (
            # the bands earn, and leave the units at or below the mean in none
            "【达标率】高于平均水平5个百分点以上的得10分，高于平均水平但不足5个百分点的得8分",
            "高于平均水平但不足5个百分点",
            "界上的值",
        ),
        (
            "【达标率】达到98%的得10分；未达到98%但高于全市平均水平的得8分",
            "但高于全市平均水平的",
            "从哪一档的分数扣起",
        ),
        (
            "【达标率】在全市平均值以下的得10分；高于平均值0.5个百分点以内（含）的得7分",
            "平均值0.5个百分点以内（含）",
            "【达标率】高于平均值0.5个百分点的扣3分",
        ),
    ],
)
def test_refused_at_the_words_with_what_to_write(clause, text, hint):
    diag = refused(clause)
    assert diag.code == "E116"
    line = HEAD.format(clause=clause).splitlines()[8]
    assert line[diag.span.column - 1 : diag.span.end_column - 1] == text
    assert text in diag.message()
    assert hint in diag.hint()
    assert diag.hint("en") and diag.message("en")


def scores(p, values: list[str]) -> list:
    rows = [{"单位": f"U{i}", "达标率": v} for i, v in enumerate(values)]
    results = p.score_batch(rows)
    assert results == p.interpreter.score_batch(rows)
    return [r.total for r in results]


def test_the_base_score_hint_computes_the_original():
    # 以平均值为基准，基准分8分，每高出1个百分点加0.5分，每低1个百分点扣1分，最高10分.
    # Average 90: 95 → 8 + 2.5 = 10.5, at most 10; 92 → 9; 90 → 8; 83 → 8 − 7 = 1.
    p = policy(
        "【达标率】达到平均值的得8分，每低1个百分点扣1分；高于平均值的，每高1个百分点得0.5分"
    )
    assert scores(p, ["95", "92", "90", "83"]) == [10, 9, 8, 1]


def test_the_exact_equality_hint_computes_the_original():
    # average 92: 96 above → 10; two units exactly at it → 8; 84 below → 5
    p = policy("【达标率】高于平均值的得10分；等于平均值的得8分；低于平均值的得5分")
    assert scores(p, ["96", "92", "92", "88"]) == [10, 8, 8, 5]


def test_the_band_hint_computes_the_bands():
    # 在平均值以下的得10分；高0.5个百分点以内（含）7分；高0.5至1个百分点（含）4分；高1个以上0分.
    # Rates 0.5, 1.2, 2.0, 2.5, 3.3: average 1.9 → 10, 10, 7, 4, 0.
    p = policy(
        "【达标率】高于平均值的扣3分；【达标率】高于平均值0.5个百分点的扣3分；"
        "【达标率】高于平均值1个百分点的扣4分"
    )
    assert scores(p, ["0.5", "1.2", "2.0", "2.5", "3.3"]) == [10, 10, 7, 4, 0]
    # exactly 0.5 and exactly 1 point above (average 2): the nearer band
    assert scores(p, ["1.5", "2", "2.5", "3", "1"]) == [10, 10, 7, 4, 10]


@pytest.mark.parametrize(
    ("clause", "text"),
    [
        (
            "【达标率】排名第1名得10分，名次每后移1位扣1分；达标率相同的并列同一名次，并列名次不占用后续名次",
            "不占用后续名次",
        ),
        (
            "【达标率】排名第1名得10分，第2名得8分；达标率相同的，均按所占名次中靠后的名次计分",
            "按所占名次中靠后的名次",
        ),
        (
            "【达标率】排名第1的得10分，名次每后移1位扣1分；达标率相同的，以其所占名次的平均值作为名次",
            "所占名次的平均",
        ),
    ],
)
def test_tie_rules_other_than_competition_are_refused(clause, text):
    """Dense places, the worse place or the mean place for tied units: the language ranks
    by competition only (1, 2, 2, 4), so the sentence is refused at its tie rule with
    the way to write it (the places as a fact) — never scored by competition anyway."""
    with pytest.raises(PolicyError) as info:
        policy(clause)
    diag = info.value.diagnostics[0]
    assert diag.code == "E253"
    assert diag.args["text"] == text
    assert "【达标率名次】等于1的得5分" in str(info.value)


def test_places_listed_from_the_top_are_not_blamed_for_an_error_elsewhere():
    # `第二名、第三名` counts from the top and reads; the line fails at the unknown
    # assessment, and the error is shown there — not as an unclear list of places
    clause = "【达标率】全市排名第一的得10分，第二名、第三名的得8分，其余得6分；排名第一的，年度创新考核直接确定为优秀"
    diag = refused(clause)
    assert diag.code == "E101", diag
    assert diag.span.column > ("  - " + clause).index("年度创新考核")
