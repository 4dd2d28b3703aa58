"""Places joined by 、, floors under a step down by place, and the place formula
(docs/language.md 9.9): hand-computed small batches with ties, compiled == interpreter,
and the ambiguous forms refused with both readings' rules."""

from __future__ import annotations

from decimal import Decimal

import pytest
from xize.compiler import PolicyError, compile_policy

HEAD = (
    "细则：名次连写\n年度：2024\n满分：20分\n\n数据：\n  指标：数值\n  通报：是否，默认否\n\n"
    "(一)基础(10分)\n  - 【通报】扣1分\n"
)
BANDS = "\n等次：\n  优秀：18分以上\n  良好：16分以上\n  合格：12分以上\n  不合格：其余\n"


def build(clause: str):
    text = HEAD + f"(二)排名(10分)\n  - {clause}\n" + BANDS
    return compile_policy(text, filename="连写.rule")


def outcome(clause: str, values: list[str]):
    policy = build(clause)
    rows = [{"单位": f"单位{i}", "指标": value} for i, value in enumerate(values)]
    compiled = policy.score_batch(rows)
    interpreted = policy.interpreter.score_batch(rows)
    assert [r.to_dict() for r in compiled] == [r.to_dict() for r in interpreted]
    return [r.nodes["(二)"].score for r in compiled], [r.grade for r in compiled]


@pytest.mark.parametrize(
    ("clause", "values", "expected"),
    [
        # 倒数第一、第二、第三 place by place from the bottom: −5, −3, −1
        (
            "各县区【指标】从高到低在全市排名倒数第一、第二、第三的，依次扣5分、3分、1分",
            ["40", "10", "30", "20", "50"],
            [10, 5, 9, 7, 10],
        ),
        # the same written out one rule a place
        (
            "按【指标】从高到低排名，倒数第1名扣5分，倒数第2名扣3分，倒数第3名扣1分",
            ["40", "10", "30", "20", "50"],
            [10, 5, 9, 7, 10],
        ),
        # a tie for the last place: both 倒数第一 (−4), the next is 倒数第三 (nothing)
        (
            "【指标】从高到低排名，倒数第一、倒数第二的，分别扣4分、2分",
            ["9", "3", "3", "6"],
            [10, 6, 6, 10],
        ),
        # one amount for each place of the list
        ("【指标】从高到低排名，倒数第一、倒数第二的各扣2分", ["9", "3", "5", "6"], [10, 8, 8, 10]),
        # from the top: the first two earn in turn, the rest nothing
        ("【指标】从高到低排名，第一、第二的依次得10分、7分", ["8", "8", "5", "2"], [10, 10, 0, 0]),
    ],
)
def test_places_joined_by_dun_each_take_their_amount(clause, values, expected):
    scores, _ = outcome(clause, values)
    assert scores == [Decimal(e) for e in expected]


def test_an_outcome_after_a_list_or_with_qizhong_is_for_the_places_it_names():
    clause = (
        "【指标】从高到低排名全市倒数第一、倒数第二的，分别扣1分、2分，其中倒数第一的不得评为优秀"
    )
    scores, grades = outcome(clause, ["9", "1", "5", "7"])
    assert scores == [10, 9, 8, 10]
    # 倒数第一 (1): 19, capped at 良好; 倒数第二 (5): 18, 优秀 (only 倒数第一 is barred)
    assert grades == ["优秀", "良好", "优秀", "优秀"]
    scores, grades = outcome(
        "【指标】从高到低排名，倒数第一、倒数第二的，各扣1分，不得评为优秀", ["9", "1", "5", "7"]
    )
    assert scores == [10, 9, 9, 10]
    assert grades == ["优秀", "良好", "良好", "优秀"]  # both places barred


@pytest.mark.parametrize(
    ("clause", "words"),
    [
        ("【指标】从高到低排名，倒数第2位、第3位的各扣2分", "倒数第2位、第3位"),
        ("【指标】从高到低排名，倒数第一、第三的各扣2分", "倒数第一、第三"),
    ],
)
def test_a_list_whose_later_places_may_count_from_either_end_is_refused(clause, words):
    with pytest.raises(PolicyError) as raised:
        build(clause)
    diag = raised.value.diagnostics[0]
    assert diag.code == "E253"
    assert diag.span.column == ("  - " + clause).index(words) + 1
    text = str(raised.value)
    assert "倒数第2名的扣2分，倒数第3名的扣2分" in text  # both from the bottom
    assert "倒数第2名的扣2分，第3名的扣2分" in text  # the second from the top


def test_amounts_in_turn_must_match_the_places_listed():
    with pytest.raises(PolicyError) as raised:
        build("【指标】从高到低排名，第一、第二的依次得10分、8分、6分")
    assert raised.value.diagnostics[0].code == "E237"


@pytest.mark.parametrize(
    "clause",
    [
        "【指标】由低到高在全市排序，第1位得10分，此后每后退一个位次少得2分，最低得5分",
        "【指标】从低到高排名，第1名得10分，第4名及以后得5分，其后每下降一个名次扣2分",
        "【指标】按全市排名计分，得分=10-（名次-1）×2，最低5分",
    ],
)
def test_a_floor_under_a_step_down(clause):
    # low first: 1, 1 tie (10), 2 is 3rd (6), 4 is 4th (max(5, 4)), 9 is 5th (5)
    values = ["1", "1", "2", "4", "9"]
    if "得分=" in clause:
        values = ["9", "9", "4", "2", "1"]  # 排名 of a 数值 with no word: said high first below
        clause = clause.replace("按全市排名计分", "从高到低排名")
    scores, _ = outcome(clause, values)
    assert scores == [10, 10, 6, 5, 5]


def test_a_floor_not_below_the_first_points_is_refused():
    clause = "【指标】从高到低排名，第1名得3分，逐名递减1分，最低得5分"
    with pytest.raises(PolicyError) as raised:
        build(clause)
    diag = raised.value.diagnostics[0]
    assert diag.code == "E253"
    assert "比 3 分低" in str(raised.value)
