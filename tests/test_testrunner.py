"""`测试` blocks: neutral values for unlisted facts, averages, expectations, coverage."""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal

from irbuild import (
    allowance,
    avg,
    band,
    cmp,
    deduct,
    disqualify,
    earn,
    fact,
    label,
    late,
    missing,
    mul,
    no,
    node,
    per_unit,
    policy,
    rest,
    seed,
    threshold,
    veto,
    when,
)
from xize.compiler.api import from_ir
from xize.compiler.ir import nodes as ir
from xize.compiler.testing.neutral import neutral_values
from xize.compiler.testing.runner import run_tests

D = Decimal


def case(name, facts=(), expect=(), averages=()):
    return ir.TestCase(
        name,
        100,
        tuple(facts),
        tuple(averages),
        tuple((target, raw, 101) for target, raw in expect),
    )


def with_tests(p: ir.Policy, *tests) -> ir.Policy:
    return dataclasses.replace(p, tests=tuple(tests))


# --------------------------------------------------------------------------- neutral


def test_neutral_values_by_clause_form():
    p = policy(
        node("(一)", 5, per_unit("缺会", 1)),
        node("(二)", 5, threshold("化解率", 80, "0.03")),
        node("(三)", 5, when("报表", earn(5))),
        node("(四)", 5, when(no("预案"), deduct(5))),
        node("(五)", 5, when("影响", disqualify(), label("重点"))),
        node("(六)", 5, late("日期", date(2023, 1, 9), 1)),
        node("(七)", 5, allowance("回流", 3, 1)),
        node("(八)", 5, missing(["甲", "乙"], 1)),
        node("(九)", 5, when(None, deduct(mul("平台", 10)))),
        node("(十)", 5, threshold("受理率", avg("受理率"), 1)),
        node("(十一)", 5, per_unit("带默认", 1)),
        facts=[
            fact("缺会"), fact("化解率", "percent"), fact("报表", "bool"), fact("预案", "bool"),
            fact("影响", "bool"), fact("日期", "date"), fact("回流"), fact("甲", "bool"),
            fact("乙", "bool"), fact("平台", "number"), fact("受理率", "percent"),
            fact("带默认", default=7),
        ],
        full=55,
    )  # fmt: skip
    n = neutral_values(p)
    assert n["缺会"].value == 0
    assert n["化解率"].value == 80
    assert n["报表"].value is True
    assert n["预案"].value is True
    assert n["影响"].value is False
    assert n["日期"].value == date(2023, 1, 9)
    assert n["回流"].value == 0
    assert n["甲"].value is True and n["乙"].value is True
    assert n["平台"].value == 0
    assert n["受理率"].found
    assert n["带默认"].value == 7 and n["带默认"].source == "默认值"


def test_no_neutral_value_when_clauses_disagree_or_none_exists():
    p = policy(
        node("(一)", 5, when(no("甲"), deduct(1)), when("甲", veto())),
        node("(二)", 5, per_unit("积案", 1, kind="earn")),
        facts=[fact("甲", "bool"), fact("积案")],
        full=10,
    )
    n = neutral_values(p)
    assert not n["甲"].found and "矛盾" in n["甲"].problem
    assert not n["积案"].found and "无法确定" in n["积案"].problem
    p = with_tests(
        p,
        case("未列出", expect=[("总分", "10")]),
        case("列出", [("甲", "是"), ("积案", "5")], [("总分", "9")]),
    )
    report = run_tests(p)
    first, second = report.outcomes
    assert not first.passed and "【甲】" in first.error and "【积案】" in first.error
    assert "第" in first.error  # the clauses are named with their lines
    assert not second.passed  # vetoed by 甲 = 是: total 10 − 0, but …
    assert second.checks[0].actual == "10"


# ------------------------------------------------------------------------------ seed


SEED_TESTS = [
    case("全部达标", expect=[("总分", "100"), ("(一)", "5"), ("(五)", "80"), ("等次", "优秀"), ("状态", "正常")]),
    case("缺会两次", [("缺会次数", "2")], [("总分", "98"), ("(一)", "3"), ("等次", "优秀")]),
    case(
        "统计表未按时上报，缺两项措施",
        [("统计表按时上报", "否"), ("【落实包案领导】", "否"), ("落实稳控措施", "否")],
        [("总分", "96"), ("(二)", "1"), ("(二)1", "0"), ("(二)2", "1")],
    ),
    case("预案未上报，另漏报两次", [("应急预案及时上报", "否"), ("日报告漏报次数", "2")], [("总分", "95"), ("(四)", "0")]),
    case("赴京非正常初访一人次", [("赴京非正常初访", "1")], [("总分", "70"), ("(五)", "50"), ("等次", "合格")]),
    case("各类均有问题", [("缺会次数", "1"), ("统计表按时上报", "否"), ("按日程接访", "否"), ("日报告漏报次数", "1"), ("来县集体初访及时疏散", "1")],
         [("总分", "89"), ("(一)", "4"), ("(二)", "3"), ("(三)", "3"), ("(四)", "4"), ("(五)", "75"), ("等次", "良好")]),
]  # fmt: skip


def test_seed_tests_pass_with_both_scorers():
    p = with_tests(seed(), *SEED_TESTS)
    for report in (run_tests(p), from_ir(p).run_tests()):
        assert report.passed, [(o.name, o.error, o.failures) for o in report.failed]
        first = report.outcomes[0]
        sources = {name: source for name, _, source in first.facts}
        assert sources["缺会次数"] == "默认值" and sources["统计表按时上报"] == "中性值"
        assert first.values["统计表按时上报"] is True
        never = {c for c, _, _ in report.never_fired}
        assert "c17" in never and "c0" not in never  # 赴国家及省信访局个访 never tested


def test_failures_report_expected_versus_actual():
    p = with_tests(
        seed(),
        case(
            "错",
            [("缺会次数", "2")],
            [("总分", "97"), ("(一)", "3"), ("等次", "无"), ("(九)", "1")],
        ),
    )
    (outcome,) = run_tests(p).outcomes
    assert not outcome.passed
    got = [(c.target, c.expected, c.actual, c.passed) for c in outcome.checks]
    assert got == [
        ("总分", "97", "98", False),
        ("(一)", "3", "3", True),
        ("等次", "无", "优秀", False),
        ("(九)", "1", "（没有这一项）", False),
    ]


def test_bad_listed_value_fails_the_test():
    p = with_tests(seed(), case("坏值", [("缺会次数", "-1")], [("总分", "100")]))
    (outcome,) = run_tests(p).outcomes
    assert not outcome.passed and "缺会次数" in outcome.error


def test_averages_default_to_the_units_own_value():
    p = policy(
        node("(一)", 1, threshold("受理率", avg("受理率"), "0.02")),
        facts=[fact("受理率", "percent")],
        full=1,
    )
    p = with_tests(
        p,
        case("自己", [("受理率", "80")], [("总分", "1")]),
        case("给出", [("受理率", "80")], [("总分", "0.9")], averages=[("受理率", "85%")]),
        case("未列出", expect=[("总分", "1")]),
    )
    report = run_tests(p)
    assert report.passed, [(o.name, o.error, o.failures) for o in report.failed]
    assert report.outcomes[0].averages == (("受理率", D(80), "本单位数值"),)


def test_labels_status_and_grades():
    p = policy(
        node(
            "(一)",
            10,
            per_unit("扣", 1),
            when("影响", disqualify(), label("甲单位"), label("乙单位")),
        ),
        node("(二)", 0, when("否决", veto())),
        facts=[fact("扣"), fact("影响", "bool"), fact("否决", "bool")],
        full=10,
        bands=[band("好", 9), rest("差")],
    )
    p = with_tests(
        p,
        case(
            "取消",
            [("影响", "是")],
            [("状态", "取消考评资格"), ("标签", "乙单位、甲单位"), ("等次", "无"), ("总分", "10")],
        ),
        case(
            "否决",
            [("否决", "是"), ("扣", "0")],
            [("等次", "差"), ("标签", "无"), ("状态", "正常")],
        ),
        case("条件", [("扣", "2")], [("等次", "差"), ("总分", "8分")]),
    )
    report = run_tests(p)
    assert report.passed, [(o.name, o.error, o.failures) for o in report.failed]
    assert report.outcomes[0].fired == {"c1"}


def test_condition_thresholds_in_neutral():
    p = policy(
        node("(一)", 5, when(cmp("人数", ">=", 20), deduct("0.2"))),
        facts=[fact("人数", unit="人")],
        full=5,
    )
    assert neutral_values(p)["人数"].value == 0
