"""Steps counted from the batch's best value, the best as the base of a share, and the
floors and roundings said in the clause (docs/language.md 9.9): hand-computed batches
with ties at the best, compiled == interpreter (and DuckDB for the steps), and each form
that cannot be read refused with what to write."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlrun import differences, duckdb_results, expected_items, expected_summary
from xize.compiler import PolicyError, compile_policy

HEAD = (
    "细则：最高值\n年度：2024\n满分：20分\n{precision}\n数据：\n  指标：{kind}\n  通报：是否，默认否\n\n"
    "(一)基础(10分)\n  - 【通报】扣1分\n"
)


def build(clause: str, kind: str = "数值", precision: str = ""):
    head = HEAD.format(kind=kind, precision=precision + "\n" if precision else "")
    bands = "\n等次：\n  优秀：18分以上\n  良好：16分以上\n  合格：12分以上\n  不合格：其余\n"
    return compile_policy(head + f"(二)最高(10分)\n  - {clause}\n" + bands, filename="最高.rule")


def scores(policy, values: list[str]) -> list[Decimal]:
    rows = [{"单位": f"单位{i}", "指标": value} for i, value in enumerate(values)]
    compiled = policy.score_batch(rows)
    interpreted = policy.interpreter.score_batch(rows)
    assert [r.to_dict() for r in compiled] == [r.to_dict() for r in interpreted]
    return [r.nodes["(二)"].score for r in compiled]


@pytest.mark.parametrize(
    ("clause", "kind", "values", "expected"),
    [
        # whole steps of 20万元 below the largest (120): 80 → 2 steps, 30 → 4 steps
        (
            "各乡镇【指标】全县最多的得满分，其余乡镇每比最多的少20万元扣1分，扣完为止",
            "万元",
            ["120", "80", "120", "30", "119"],
            [10, 8, 10, 6, 10],
        ),
        (
            "【指标】每少于最多值20万元扣1分",
            "万元",
            ["120", "80", "120", "30", "119"],
            [10, 8, 10, 6, 10],
        ),
        # steps of 4件 above the smallest (3), whole steps said again, never below 3
        (
            "各县区受理【指标】最少的得10分，其余每比最少的县区多4件扣1分（不足4件的部分不扣分），最低得3分",
            "件",
            ["3", "3", "10", "11", "60"],
            [10, 10, 9, 8, 3],
        ),
        # 1.5 points below the highest, in proportion: −3
        (
            "各县区【指标】全市最高的得10分，每低于最高值1个百分点扣2分，不足1个百分点的按比例扣分，扣完为止",
            "百分比",
            ["98", "96.5", "98", "90"],
            [10, 7, 10, 0],
        ),
    ],
)
def test_steps_from_the_best(clause, kind, values, expected):
    assert scores(build(clause, kind), values) == [Decimal(e) for e in expected]


def test_steps_from_the_best_score_the_same_in_duckdb():
    policy = build(
        "【指标】全市最高的得10分，每低于最高值1个百分点扣2分，不足1个百分点的按比例扣分", "百分比"
    )
    rows = [{"单位": f"单位{i}", "指标": v} for i, v in enumerate(["98", "96.5", "98", "x", "91"])]
    results = policy.score_batch(rows)
    assert differences(expected_summary(policy.ir, results), duckdb_results(policy.ir, rows)) == []
    items = duckdb_results(policy.ir, rows, items=True)
    assert differences(expected_items(results), items) == []


@pytest.mark.parametrize(
    ("clause", "values", "expected"),
    [
        (
            "【指标】以全市最多的县区为基准计10分，其余县区按本县区数量占最多县区数量的比例折算得分",
            ["8", "2", "0", "8"],
            ["10", "2.5", "0", "10"],
        ),
        (
            "各县区【指标】以全市最多的为满分，其余按本县区人数÷最多县区人数×10计分",
            ["8", "2", "6", "8"],
            ["10", "2.5", "7.5", "10"],
        ),
        (
            "各县区【指标】全市最低的得10分，其他县区得分=全市最低浓度÷本县区浓度×10",
            ["20", "40", "25", "20"],
            ["10", "5", "8", "10"],
        ),
    ],
)
def test_a_share_of_the_best_as_offices_write_it(clause, values, expected):
    assert scores(build(clause), values) == [Decimal(e) for e in expected]


def test_two_decimals_said_in_the_clause_are_the_policys_precision():
    clause = (
        "各县区【指标】以全市最多的为满分，其余按本县区人数÷最多县区人数×10计分，结果保留两位小数"
    )
    assert scores(build(clause, precision="精度：0.01"), ["3", "2", "1"]) == [
        Decimal("10"),
        Decimal("6.67"),
        Decimal("3.33"),
    ]
    # no 精度: the clause rounds its own points, half-up, as it says
    assert scores(build(clause), ["3", "2", "1"]) == [
        Decimal("10"),
        Decimal("6.67"),
        Decimal("3.33"),
    ]


def test_a_floor_of_a_lone_deducting_clause_is_its_cap():
    # average 10 − 1 per point below it, rounded up, never below 3: 2 → 8 below → 3
    clause = "【指标】每低于全县平均水平1个百分点扣1分，不足1个百分点的按1个百分点计，最低得3分"
    assert scores(build(clause, "百分比"), ["12", "9.5", "16", "2.5"]) == [10, 9, 10, 3]


def test_a_floor_beside_another_clause_is_not_read_as_a_cap():
    text = HEAD.format(kind="百分比", precision="") + (
        "(二)最高(10分)\n  - 【指标】每低于平均值1个百分点扣1分，最低得3分\n  - 【通报】扣2分\n"
    )
    with pytest.raises(PolicyError):
        compile_policy(text)


@pytest.mark.parametrize(
    ("clause", "words", "hint"),
    [
        ("【指标】全市最高的得8分，其余每比最高值低1个百分点扣1分", "每比最高值低", "每低于最高值"),
        ("【指标】最多的得10分，其余每比最多的多5件扣1分", "每比最多的多", "每低于最高值"),
        (
            "【指标】最高的得10分，最低的得6分，其余得分=6+（本县区增速-最低增速）÷（最高增速-最低增速）×4",
            "（最高增速-最低",
            "每下降一个名次扣N分",
        ),
        (
            "【指标】最短的得10分，最长的得5分，其余在5分至10分之间按与最短用时的差距线性计分",
            "分之间",
            "分 型数据",
        ),
        (
            # a formula over another measure (人数) than the line's fact: not read as its
            "【指标】高于平均值的得10分，低于平均值的按本单位指标÷全县平均人数×10计分",
            "÷全县平均",
            "占平均指标的比例计分",
        ),
    ],
)
def test_forms_from_the_best_with_no_reading_say_what_to_write(clause, words, hint):
    with pytest.raises(PolicyError) as raised:
        build(clause, "百分比")
    diag = raised.value.diagnostics[0]
    assert diag.code == "E253", str(raised.value)
    assert diag.span.column == ("  - " + clause).index(words) + 1
    assert hint in str(raised.value)


@pytest.mark.parametrize(
    ("clause", "values", "expected"),
    [
        # shortest first: 4, 4 are the first two; 9, 9 tie for the last two; 6, 7 the rest
        (
            "各二级医院【指标】在全市同级医院中最短的前两名得10分，最长的后两名得2分，其余得6分",
            ["4", "9", "6", "4", "9", "7"],
            [10, 2, 6, 10, 2, 6],
        ),
        ("【指标】最多的前两名得10分，其余得6分", ["4", "9", "6", "8"], [6, 10, 6, 10]),
    ],
)
def test_places_counted_from_the_end_a_best_word_names(clause, values, expected):
    assert scores(build(clause, "天"), values) == [Decimal(e) for e in expected]


def test_a_best_word_naming_the_other_end_than_its_places_is_refused():
    clause = "【指标】最短的前两名得10分，最长的前两名得2分，其余得6分"
    with pytest.raises(PolicyError) as raised:
        build(clause, "天")
    diag = raised.value.diagnostics[0]
    assert diag.code == "E253"
    assert diag.span.column == ("  - " + clause).index("最长的前两名") + 1
    assert "后两名得N分" in str(raised.value) and "前两名得N分" in str(raised.value)


@pytest.mark.parametrize(
    ("clause", "values", "capped"),
    [
        # a count below 70% of the mean (100): 69 is, 70 and 71 are not
        (
            "各县区【指标】不足全市平均水平70%的，年度考核等次最高为良好",
            ["100", "69", "71", "160"],
            [1],
        ),
        # the same as the language writes it
        ("【指标】低于平均值30%的，等次最高为良好", ["100", "69", "71", "160"], [1]),
    ],
)
def test_below_a_share_of_the_mean_for_a_count(clause, values, capped):
    policy = build(clause, "次")
    rows = [{"单位": f"单位{i}", "指标": v} for i, v in enumerate(values)]
    got = [r.grade for r in policy.score_batch(rows)]
    assert got == ["良好" if i in capped else "优秀" for i in range(len(values))]


def test_below_a_share_of_the_mean_for_a_percentage_is_refused():
    with pytest.raises(PolicyError) as raised:
        build("各县区【指标】不足全市平均水平70%的，年度考核等次最高为良好", "百分比")
    assert raised.value.diagnostics[0].code in ("E233", "E252")


@pytest.mark.parametrize(
    ("clause", "words", "hint"),
    [
        (
            "【指标】不高于平均值的得10分；高于平均值的，按超出平均值的幅度扣分，每超出10%扣2分",
            "按超出平均值的幅度扣分",
            "【指标】超过平均值20%以上的扣2分",
        ),
        (
            "【指标】高于全市平均水平1个百分点以上的得10分，高于全市平均水平不足1个百分点的得8分",
            "高于全市平均水平不足1个百分点",
            # the bands earn but leave the units at or below the mean in none
            "低于平均值3个百分点以内的得3分",
        ),
    ],
)
def test_distances_from_the_mean_with_no_reading_say_what_to_write(clause, words, hint):
    with pytest.raises(PolicyError) as raised:
        build(clause, "百分比")
    diag = raised.value.diagnostics[0]
    assert diag.code == "E116"
    assert diag.span.column == ("  - " + clause).index(words) + 1
    assert hint in str(raised.value)


def test_the_written_bands_of_a_share_of_the_mean_score_its_steps():
    # the rule the refusal gives: 2.7 over a mean of 2.0 is 35% over: three bands, −6
    clause = "【指标】超过平均值10%以上的扣2分；【指标】超过平均值20%以上的扣2分；【指标】超过平均值30%以上的扣2分"
    assert scores(build(clause), ["2", "2.7", "1.3", "2"]) == [10, 4, 10, 10]


def test_points_below_the_mean_of_a_score_declared_as_a_number_say_to_declare_it_as_points():
    clause = "各县区【指标】低于全市平均水平的，不得评为优秀等次；低于全市平均水平10分以上的，考核等次最高为合格"
    with pytest.raises(PolicyError) as raised:
        build(clause, "数值")
    assert raised.value.diagnostics[0].code == "E214"
    assert "测评得分：分" in str(raised.value)
    policy = build(clause, "分")  # mean 83.75: 80 below it, 70 at least 10 below it
    rows = [{"单位": f"单位{i}", "指标": v} for i, v in enumerate(["95", "80", "70", "90"])]
    assert [r.grade for r in policy.score_batch(rows)] == ["优秀", "良好", "合格", "优秀"]
