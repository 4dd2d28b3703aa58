"""The scoring semantics (LANGUAGE.md §4 and the settled decisions), each rule with a
hand-computed expectation, checked on the compiled module and on the interpreter."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from irbuild import (
    add,
    all_of,
    allowance,
    avg,
    band,
    bonus,
    cmp,
    deduct,
    disqualify,
    earn,
    fact,
    judged,
    label,
    late,
    missing,
    mul,
    no,
    node,
    per_unit,
    policy,
    rest,
    sub,
    threshold,
    veto,
    when,
)
from scorers import KINDS, identity_holds, scorer

D = Decimal


@pytest.fixture(params=KINDS)
def kind(request):
    return request.param


def score(p, kind, facts, averages=None):
    result = scorer(p, kind).score(facts, averages)
    assert identity_holds(result, p.full_marks), result
    assert scorer(p, kind).total(facts, averages) == result.total
    return result


# ------------------------------------------------------------------- budgets, caps


def test_per_unit_until_zero(kind):
    p = policy(node("(一)", 5, per_unit("缺会", 1)), facts=[fact("缺会", default=0)], full=5)
    r = score(p, kind, {"缺会": 6})
    assert r.total == 0 and r.nodes["(一)"].score == 0 and r.nodes["(一)"].deduction == 5
    (item,) = r.items
    assert (item.raw, item.nominal, item.applied) == (6, 6, 5)
    assert score(p, kind, {"缺会": 2}).total == 3
    assert score(p, kind, {}).total == 5


def test_clause_cap_keeps_raw(kind):
    p = policy(node("(一)", 10, per_unit("A", 1, cap=3)), facts=[fact("A")], full=10)
    r = score(p, kind, {"A": 5})
    (item,) = r.items
    assert (item.raw, item.nominal, item.applied) == (5, 3, 3)
    assert r.total == 7


def test_node_cap_with_points(kind):
    # (10分)，最多扣4分: budget min(10, 4)
    p = policy(node("(一)", 10, per_unit("A", 1), cap=4), facts=[fact("A")], full=10)
    r = score(p, kind, {"A": 7})
    assert r.nodes["(一)"].deduction == 4 and r.nodes["(一)"].score == 6 and r.total == 6


def test_node_without_points_cap_and_pass_up(kind):
    # 1、(no points，最多扣2分) under (一)(5分); 2、(no points, no cap) passes up unchanged
    p = policy(
        node(
            "(一)", 5, node("1", None, per_unit("A", 1), cap=2), node("2", None, per_unit("B", 1))
        ),
        facts=[fact("A"), fact("B")],
        full=5,
    )
    r = score(p, kind, {"A": 3, "B": 1})
    assert r.nodes["(一)1"].deduction == 2 and r.nodes["(一)1"].score is None
    assert r.nodes["(一)1"].points is None
    assert r.nodes["(一)2"].deduction == 1
    assert r.nodes["(一)"].deduction == 3 and r.total == 2
    r = score(p, kind, {"A": 0, "B": 9})
    assert r.nodes["(一)2"].deduction == 9 and r.nodes["(一)"].score == 0


def test_no_floor_goes_negative(kind):
    p = policy(
        node("(一)", 2, per_unit("A", 1), floor=False),
        node("(二)", 8),
        facts=[fact("A")],
        full=10,
    )
    r = score(p, kind, {"A": 5})
    assert r.nodes["(一)"].score == -3 and r.nodes["(一)"].deduction == 5
    assert r.total == 5


def test_root_caps_total_at_zero(kind):
    p = policy(
        node("(一)", 5, per_unit("A", 1), floor=False),
        node("(二)", 5),
        facts=[fact("A")],
        full=10,
    )
    r = score(p, kind, {"A": 30})
    assert r.total == 0 and r.exact_total == 0
    assert sum(i.applied for i in r.items) == 10


def test_children_need_not_add_up(kind):
    # children 3 + 3 under a 4-point parent: each child is its own budget
    p = policy(
        node("(一)", 4, node("1", 3, per_unit("A", 1)), node("2", 3, per_unit("B", 1))),
        facts=[fact("A"), fact("B")],
        full=4,
    )
    r = score(p, kind, {"A": 5, "B": 2})
    assert r.nodes["(一)1"].deduction == 3 and r.nodes["(一)2"].deduction == 2
    assert r.nodes["(一)"].deduction == 4 and r.total == 0


# ---------------------------------------------------------------------- clause forms


def test_step_units(kind):
    p = policy(
        node("(一)", 100, per_unit("A", 1, step=3)),
        node("(二)", 100, per_unit("B", 1, step=3, rounding="ceil")),
        node("(三)", 100, per_unit("C", "0.3", step=3, rounding="ratio")),
        facts=[fact("A"), fact("B"), fact("C", "number")],
        full=300,
    )
    r = score(p, kind, {"A": 7, "B": 7, "C": 7})
    assert r.nodes["(一)"].deduction == 2  # floor(7/3)
    assert r.nodes["(二)"].deduction == 3  # ceil(7/3)
    assert r.nodes["(三)"].deduction == D("0.7")  # 0.3 × 7/3 exactly
    r = score(p, kind, {"A": 0, "B": 0, "C": -5})  # a negative quantity is no units
    assert r.total == 300


def test_threshold_allowance_late(kind):
    p = policy(
        node("(一)", 10, threshold("化解率", 80, "0.03")),
        node("(二)", 10, allowance("回流", 3, "0.1")),
        node("(三)", 10, late("上报日期", date(2023, 1, 9), "0.1")),
        facts=[fact("化解率", "percent"), fact("回流"), fact("上报日期", "date")],
        full=30,
    )
    r = score(p, kind, {"化解率": "75%", "回流": 5, "上报日期": "1月12日"})
    assert r.nodes["(一)"].deduction == D("0.15")  # 5 points below × 0.03
    assert r.nodes["(二)"].deduction == D("0.2")  # 2 above × 0.1
    assert r.nodes["(三)"].deduction == D("0.3")  # 3 days late
    r = score(p, kind, {"化解率": 80, "回流": 3, "上报日期": date(2023, 1, 9)})
    assert r.total == 30  # on the line: no deduction
    r = score(p, kind, {"化解率": "79.5", "回流": 0, "上报日期": "2023-01-01"})
    assert r.nodes["(一)"].deduction == 0  # 0.5 below: no whole point


def test_versus_batch_average(kind):
    p = policy(
        node("(一)", 1, threshold("受理率", avg("受理率"), "0.02")),
        facts=[fact("受理率", "percent")],
        full=1,
    )
    r = score(p, kind, {"受理率": 80}, averages={"受理率": 85})
    assert r.total == D("0.9")
    inputs = dict(r.items[0].inputs)
    assert inputs == {"受理率": 80, "平均值【受理率】": 85}
    results = scorer(p, kind).score_batch([{"受理率": 90}, {"受理率": "x"}, {"受理率": "80%"}])
    assert [x.total for x in results] == [1, None, D("0.9")]  # mean of 90 and 80
    assert [x.rank for x in results] == [1, None, 2]


def test_missing_items(kind):
    p = policy(
        node("(一)", 3, missing(["甲", "乙", "丙"], 1)),
        facts=[fact(n, "bool") for n in "甲乙丙"],
        full=3,
    )
    assert score(p, kind, {"甲": "是", "乙": "否", "丙": "×"}).total == 1
    assert score(p, kind, {"甲": "√", "乙": "有", "丙": 1}).total == 3


def test_computed_amount_below_zero_counts_as_zero(kind):
    p = policy(
        node("(一)", 10, when(None, deduct(mul("平台扣分", 10)))),
        facts=[fact("平台扣分", "number")],
        full=10,
    )
    assert score(p, kind, {"平台扣分": "-0.5"}).total == 10
    assert score(p, kind, {"平台扣分": "0.03"}).total == D("9.7")


def test_condition_per_unit_counts_whole_subject(kind):
    # 【A】+【B】超过3次的，每次扣1分: when it holds, A+B units, not the excess
    p = policy(
        node("(一)", 10, per_unit(add("A", "B"), 1, guard=cmp(add("A", "B"), ">", 3), text="t")),
        facts=[fact("A"), fact("B")],
        full=10,
    )
    assert score(p, kind, {"A": 2, "B": 1}).total == 10
    assert score(p, kind, {"A": 2, "B": 2}).total == 6


def test_discretionary(kind):
    p = policy(
        node("(一)", 5, judged("预案扣分")),
        facts=[fact("预案扣分", "points", low=0, high=5)],
        full=5,
    )
    assert score(p, kind, {"预案扣分": "1.5"}).total == D("3.5")
    with pytest.raises(ValueError, match="预案扣分"):
        scorer(p, kind).score({"预案扣分": 6})


# --------------------------------------------------------------------- earned points


def _earned(**kw):
    return policy(
        node(
            "(一)",
            5,
            when("甲", earn(2)),
            when("乙", earn(3), otherwise=[deduct(5, zero_node=True)]),
            **kw,
        ),
        facts=[fact("甲", "bool"), fact("乙", "bool")],
        full=5,
    )


def test_earned_points_sum(kind):
    p = _earned()
    assert score(p, kind, {"甲": True, "乙": True}).total == 5
    r = score(p, kind, {"甲": True, "乙": False})
    # 得X分，否则不得分 ≡ 得X分: only the 3 points are lost, not the whole node
    assert r.total == 2 and r.nodes["(一)"].deduction == 3
    (item,) = r.items
    assert item.clause == "c1" and item.nominal == 3 and item.kind == "deduct"
    assert item.note == "未满足得分条件"


def test_earned_points_take_max_and_remainder_item(kind):
    p = _earned(take_max=True)
    r = score(p, kind, {"甲": True, "乙": False})
    # earned = max(2) = 2 → De = 3; missed 乙 (3) explains it all
    assert r.total == 2
    r = score(p, kind, {"甲": False, "乙": True})
    # earned 3 → De 2; missed 甲 (2) explains it
    assert r.total == 3 and [i.nominal for i in r.items] == [2]
    p = policy(
        node("(一)", 5, when("甲", earn(2))),
        facts=[fact("甲", "bool")],
        full=5,
    )
    r = score(p, kind, {"甲": True})
    # earning 2 of 5: one "未得满分" item of 3 at the node's line
    (item,) = r.items
    assert item.clause is None and item.text == "未得满分" and item.nominal == 3
    assert item.line == p.nodes[0].line and r.total == 2


def test_full_marks_earned(kind):
    p = policy(
        node("(一)", 4, when("免检", earn(4, full=True))),
        facts=[fact("免检", "bool")],
        full=4,
    )
    assert score(p, kind, {"免检": "是"}).total == 4
    assert score(p, kind, {"免检": "否"}).total == 0


def test_earned_and_deducted_in_one_node(kind):
    p = policy(
        node("(一)", 3, when("甲", earn(3)), per_unit("缺", 1)),
        facts=[fact("甲", "bool"), fact("缺")],
        full=3,
    )
    assert score(p, kind, {"甲": True, "缺": 1}).total == 2
    r = score(p, kind, {"甲": False, "缺": 1})
    assert r.total == 0 and r.nodes["(一)"].deduction == 3
    assert [(i.nominal, i.applied) for i in r.items] == [(3, 3), (1, 0)]


# ------------------------------------------------------------------------- bonuses


def test_bonus_node_cap_and_total_above_full_marks(kind):
    p = policy(
        node("(一)", 10, per_unit("扣", 1)),
        node("加分", None, per_unit("表彰", 2, kind="bonus"), when("创新", bonus(1)), bonus_cap=3),
        facts=[fact("扣"), fact("表彰"), fact("创新", "bool")],
        full=10,
    )
    r = score(p, kind, {"扣": 0, "表彰": 2, "创新": True})
    assert r.total == 13 and r.nodes["加分"].score == 3 and r.nodes["加分"].points == 3
    assert r.nodes["加分"].bonus is True and r.nodes["加分"].deduction == 0
    assert [(i.kind, i.nominal, i.applied) for i in r.items] == [("bonus", 4, 3), ("bonus", 1, 0)]
    r = score(p, kind, {"扣": 2, "表彰": 1, "创新": False})
    assert r.total == 10


# ------------------------------------------------------------------------ rounding


def test_precision_rounds_half_up_at_the_end(kind):
    p = policy(
        node("(一)", 5, per_unit("A", "0.005")),
        node("(二)", 5, per_unit("B", "0.01")),
        facts=[fact("A"), fact("B")],
        full=10,
        precision="0.01",
        bands=[band("优秀", D("9.66")), rest("其他")],
    )
    # 10 − 0.005×1 − 0.01×... : total 9.655 → 9.66 (half-up), not banker's 9.66/9.65
    r = score(p, kind, {"A": 1, "B": D(34)})
    assert r.exact_total == D("9.655") and r.total == D("9.66")
    assert str(r.total) == "9.66" and r.grade == "优秀"  # the band sees the rounded total
    assert r.nodes["(一)"].score == D("5.00") and r.nodes["(一)"].deduction == D("0.005")
    r = score(p, kind, {"A": 3, "B": 0})
    assert r.exact_total == D("9.985") and r.total == D("9.99")
    assert r.nodes["(一)"].score == D("4.99")  # 4.985 → 4.99
    assert str(score(p, kind, {"A": 0, "B": 0}).total) == "10.00"


def test_half_up_not_bankers():
    from xize.compiler.support.prelude import _round

    assert _round(D("2.345"), D("0.01")) == D("2.35")
    assert _round(D("2.335"), D("0.01")) == D("2.34")
    assert _round(D("2.5"), D("1")) == D("3")
    assert _round(D("-2.5"), D("1")) == D("-3")
    assert _round(D("7.25"), D("0.5")) == D("7.5")
    assert str(_round(D("99.5"), D("0.01"))) == "99.50"


# --------------------------------------------------------------- outcomes and ranks

RANKED = policy(
    node("(一)", 10, per_unit("扣", 1)),
    node("(二)", 0, when("否决", veto()), when("影响", disqualify(), label("重点管理单位"))),
    facts=[
        fact("扣", default=0),
        fact("否决", "bool", default=False),
        fact("影响", "bool", default=False),
    ],
    full=10,
    bands=[band("优秀", 9), band("合格", 6), rest("不合格")],
)


def test_ranking_competition_veto_disqualify(kind):
    rows = [
        {"单位": "甲", "扣": 1},  # 9
        {"单位": "乙", "扣": 2},  # 8
        {"单位": "丙", "扣": 2},  # 8
        {"单位": "丁", "扣": 3},  # 7
        {"单位": "戊", "扣": 0, "否决": "是"},  # 10, vetoed
        {"单位": "己", "扣": 5, "否决": "是"},  # 5, vetoed
        {"单位": "庚", "扣": 0, "影响": "是"},  # 10, disqualified
        {"单位": "辛", "扣": -1},  # bad data
    ]
    results = scorer(RANKED, kind).score_batch(rows)
    assert [r.rank for r in results] == [1, 2, 2, 4, 5, 6, None, None]
    assert [r.grade for r in results] == [
        "优秀",
        "合格",
        "合格",
        "合格",
        "不合格",
        "不合格",
        None,
        None,
    ]
    assert results[4].vetoed and results[4].status == "正常"
    assert results[6].status == "取消考评资格" and results[6].labels == ("重点管理单位",)
    assert results[6].total == 10  # scores are kept for information
    assert results[7].status == "数据错误" and results[7].total is None
    assert results[7].error.fact == "扣" and results[7].error.value == -1
    assert [r.unit for r in results] == ["甲", "乙", "丙", "丁", "戊", "己", "庚", "辛"]


def test_single_score_has_no_rank_and_outcome_items(kind):
    r = scorer(RANKED, kind).score({"单位": "甲", "影响": True, "否决": True})
    assert r.rank is None and r.unit == "甲" and r.grade is None and r.vetoed
    outcomes = [(i.kind, i.note, i.applied) for i in r.items]
    assert outcomes == [
        ("outcome", "一票否决", 0),
        ("outcome", "取消考评资格", 0),
        ("outcome", "列为重点管理单位", 0),
    ]


def test_labels_in_source_order_without_duplicates(kind):
    p = policy(
        node("(一)", 1, when("甲", label("乙单位")), when("乙", label("甲单位"), label("乙单位"))),
        facts=[fact("甲", "bool"), fact("乙", "bool")],
        full=1,
    )
    assert score(p, kind, {"甲": True, "乙": True}).labels == ("乙单位", "甲单位")


# ------------------------------------------------------------------------ attribution


def test_attribution_in_source_order(kind):
    p = policy(
        node(
            "(一)",
            5,
            per_unit("A", 2),
            node("1", 3, per_unit("B", 1), per_unit("C", 1)),
        ),
        facts=[fact("A"), fact("B"), fact("C")],
        full=5,
    )
    r = score(p, kind, {"A": 2, "B": 2, "C": 2})
    # node 1: B 2, C 2 → budget 3: B 2, C 1; node (一): A 4 + 3 = 7 → 5: A 4, B 1, C 0
    assert [(i.clause, i.nominal, i.applied) for i in r.items] == [
        ("c0", 4, 4),
        ("c1", 2, 1),
        ("c2", 2, 0),
    ]
    assert r.total == 0


def test_conditions_combine(kind):
    p = policy(
        node("(一)", 5, when(all_of("甲", no("乙")), deduct(2))),
        facts=[fact("甲", "bool"), fact("乙", "bool")],
        full=5,
    )
    assert score(p, kind, {"甲": True, "乙": False}).total == 3
    assert score(p, kind, {"甲": True, "乙": True}).total == 5


def test_formula_division_by_zero_is_input_error(kind):
    p = policy(
        node("(一)", 5, when(None, deduct(sub(1, ir_div("A", "B"))))),
        facts=[fact("A", "number"), fact("B", "number")],
        full=5,
    )
    with pytest.raises(ValueError, match="除数为0") as info:
        scorer(p, kind).score({"A": 1, "B": 0})
    assert "第11行" in str(info.value)
    results = scorer(p, kind).score_batch([{"A": 1, "B": 0}, {"A": 1, "B": 2}])
    assert results[0].status == "数据错误" and results[1].total == D("4.5")


def ir_div(a, b):
    from irbuild import div

    return div(a, b)


def test_policy_without_facts(kind):
    p = policy(node("(一)", 5), node("(二)", 5), facts=[], full=10)
    r = score(p, kind, {"单位": "甲"})
    assert r.total == 10 and r.unit == "甲" and r.items == ()
    with pytest.raises(ValueError):
        scorer(p, kind).score({"单": 1})
