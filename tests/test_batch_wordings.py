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


RATE = "  化解率：百分比\n  信访量：次\n"


@pytest.mark.parametrize(
    ("clause", "text", "hint"),
    [
        (
            "【信访量】最少的得10分，其余单位按比例递减",
            "按比例递减",
            "其余按与最少者的比例得分",
        ),
        (
            "【化解率】最高的得满分，其余乡镇按化解率换算",
            "其余乡镇按化解率换算",
            "得(【化解率】×10÷100)分",
        ),
        (
            "按【化解率】从高到低排名，名次在前10%的加2分",
            "前10%",
            "排名第1至3名的得10分",
        ),
        ("【信访量】超过平均数2倍的扣3分", "平均数2倍", "【信访量】超过平均值N以内"),
        (
            "【化解率】与全县平均值相比，每相差1个百分点相应加减0.2分",
            "每相差1个百分点相应加减",
            "低者为好时 【化解率】高于平均值的，每高1个百分点扣0.5分",
        ),
        ("基础分6分，【化解率】每高于平均值1个百分点加1分", "基础分6分", "(10分)"),
        (
            "【化解率】最高的得10分，其余按与最低值的差距计分",
            "与最低值的差距",
            "作为 分 型数据填报",
        ),
        (  # a spread between the lowest and the highest is no share of the best
            "【化解率】最高的得10分，最低的得0分，其余按与最低值的差距占最高值与最低值差距的比例计分",
            "与最低值的差距",
            "作为 分 型数据填报",
        ),
    ],
)
def test_an_unclear_batch_wording_is_refused_with_each_reading(clause, text, hint):
    with pytest.raises(PolicyError) as refused:
        policy(RATE, clause)
    assert refused.value.code == "E253"
    assert f"“{text}”" in str(refused.value)
    assert hint in refused.value.hint


def test_the_suggested_share_keeps_the_direction_the_clause_names():
    """The hint of 按比例递减 names the clause's own best (最少者): written out, the
    unit with the fewest scores full and the others best ÷ own."""
    p = policy(RATE, "【信访量】最少的得10分，其余按与最少者的比例得分")
    got = run(p, [{"信访量": "2", "化解率": "1"}, {"信访量": "4", "化解率": "1"}])
    assert [r.total for r in got] == [Decimal(10), Decimal(5)]


@pytest.mark.parametrize(
    ("clause", "values", "expected"),
    [
        (  # the lowest is best: lowest ÷ own
            "全市【能耗】最低的县区得满分，其余县区按最低值与本县区数值之比折算得分",
            ["0.5", "1", "0.8"],
            ["10", "5", "6.25"],
        ),
        (  # the highest is best: own ÷ highest
            "【签约金额】最高的乡镇得10分，其他乡镇按其签约金额占最高值的比例计分",
            ["40", "100", "75"],
            ["4", "10", "7.5"],
        ),
        (
            "【办结时长】最短的得满分，其余按最短时长与本单位时长的比值计分",
            ["2", "4", "2"],
            ["10", "5", "10"],
        ),
        (  # all equal: everyone is best
            "【签约金额】最高的得10分，其余按本单位金额与最高值之比计分",
            ["30", "30", "30"],
            ["10", "10", "10"],
        ),
    ],
)
def test_a_ratio_written_out_is_a_share_of_the_best(clause, values, expected):
    name = clause[clause.index("【") + 1 : clause.index("】")]
    p = policy(f"  {name}：数值\n", clause)
    got = run(p, [{name: v} for v in values])
    assert [r.total for r in got] == [Decimal(e) for e in expected]


@pytest.mark.parametrize(
    ("clause", "hint"),
    [
        ("【签约金额】最高的得10分，其余按最高值与本单位金额之比计分", "其余按与最高者的比例得分"),
        (
            "【办结时长】最短的得满分，其余按本单位时长与最短时长的比值计分",
            "其余按与最低者的比例得分",
        ),
    ],
)
def test_a_ratio_of_one_or_more_is_refused(clause, hint):
    name = clause[clause.index("【") + 1 : clause.index("】")]
    with pytest.raises(PolicyError) as refused:
        policy(f"  {name}：数值\n", clause)
    assert refused.value.code == "E253"
    assert hint in refused.value.hint


def test_in_turn_from_the_last_places_is_refused_with_both_orders():
    clause = "按【化解率】从高到低排名，后三名依次扣1分、2分、3分"
    with pytest.raises(PolicyError) as refused:
        policy(RATE, clause)
    assert refused.value.code == "E254"
    listed = "倒数第3名扣1分，倒数第2名扣2分，末位扣3分"
    counted = "末位扣1分，倒数第2名扣2分，倒数第3名扣3分"
    assert listed in refused.value.hint and counted in refused.value.hint
    # each suggestion compiles and means what it says
    for suggestion, expected in ((listed, [10, 10, 9, 8, 7]), (counted, [10, 10, 7, 8, 9])):
        p = policy(RATE, "按【化解率】从高到低排名，" + suggestion)
        got = run(p, [{"化解率": v, "信访量": "0"} for v in ("90", "80", "70", "60", "50")])
        assert [r.total for r in got] == expected


@pytest.mark.parametrize(
    "clause",
    [
        "按【化解率】名次计分，第一名10分，第二名9分，第三名8分，第四名及以后均得7分",
        "按【化解率】从高到低排名，第1名得10分，第2名得9分，第3名得8分，第4名及以下得7分",
        "【化解率】排名计分，第一名10分，第二名9分，第三名8分，第四名及之后均得7分",
    ],
)
def test_places_from_one_onward_and_bare_points(clause):
    p = policy(RATE, clause)
    values = ("95", "90", "90", "80", "70", "60")  # ranks 1, 2, 2, 4, 5, 6
    got = run(p, [{"化解率": v, "信访量": "0"} for v in values])
    assert [r.total for r in got] == [10, 9, 9, 7, 7, 7]
    got = run(p, [{"化解率": "80", "信访量": "0"}] * 3)  # all tied: all first
    assert [r.total for r in got] == [10, 10, 10]


def test_onward_places_without_and_are_not_read():
    """`第四名以后` may leave the fourth out: only 及以后 / 及以下 are taken."""
    with pytest.raises(PolicyError):
        policy(RATE, "按【化解率】名次计分，第一名10分，第四名以后得7分")
