"""Formulas over the batch (docs/language.md 9.12): `最高值`, `最低值` and `平均值` of the
formula's one fact, the two ends of a rank clause given points each, the wordings offices
use for them, and the points a clause says to keep to two decimals — hand-computed
batches, compiled == interpreter == DuckDB, and each form that cannot be read refused."""

from __future__ import annotations

from decimal import Decimal
from functools import cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlrun import differences, duckdb_results, expected_items, expected_summary
from xize.compiler import PolicyError, compile_policy

HEAD = (
    "细则：算式\n年度：2024\n满分：20分\n\n数据：\n  指标：{kind}\n  其他指标：数值\n"
    "  通报：是否，默认否\n\n(一)基础(10分)\n  - 【通报】扣1分\n"
)


def build(*clauses: str, kind: str = "数值"):
    body = "".join(f"  - {c}\n" for c in clauses)
    text = HEAD.format(kind=kind) + f"(二)算式(10分)\n{body}"
    return compile_policy(text, filename="算式.rule")


def scores(policy, values: list[str]) -> list[Decimal]:
    rows = [{"单位": f"单位{i}", "指标": v, "其他指标": "1"} for i, v in enumerate(values)]
    compiled = policy.score_batch(rows)
    interpreted = policy.interpreter.score_batch(rows)
    assert [r.to_dict() for r in compiled] == [r.to_dict() for r in interpreted]
    return [r.nodes["(二)"].score for r in compiled]


def refused(*clauses: str, kind: str = "数值") -> str:
    with pytest.raises(PolicyError) as raised:
        build(*clauses, kind=kind)
    first = next(d for d in raised.value.diagnostics if d.code.startswith("E"))
    return f"{first.code} {raised.value}"


@pytest.mark.parametrize(
    ("clause", "values", "expected"),
    [
        # between the ends: 90 is halfway from 80 to 100, so 4 + 6 × 1/2
        (
            "【指标】最高的得10分，最低的得4分，其余得((【指标】−最低值)÷(最高值−最低值)×6+4)分",
            ["100", "90", "80", "90"],
            ["10", "7", "4", "7"],
        ),
        # all equal: every unit is the highest; the formula (0 ÷ 0) is never computed
        (
            "【指标】最高的得10分，最低的得4分，其余得((【指标】−最低值)÷(最高值−最低值)×6+4)分",
            ["5", "5", "5"],
            ["10", "10", "10"],
        ),
        # a share of the mean (4): 6 → 7.5, 3 → 3.75
        ("得(【指标】÷平均值×5)分", ["6", "3", "3"], ["7.5", "3.75", "3.75"]),
        # the lowest is the best: 2 ÷ 4 × 10, 2 ÷ 5 × 10
        ("【指标】最低的得10分，其余得(最低值÷【指标】×10)分", ["2", "4", "5"], ["10", "5", "4"]),
        # the best's 0 would divide by zero: it takes the first rule, the others 0 ÷ x
        ("【指标】最低的得10分，其余得(最低值÷【指标】×10)分", ["0", "4", "5"], ["10", "0", "0"]),
        # a formula below 0 counts as 0; above the item's points the item keeps its points
        ("得((【指标】−平均值)×5)分", ["1", "2", "6"], ["0", "0", "10"]),
    ],
)
def test_formulas_read_the_batch(clause, values, expected):
    assert scores(build(clause), values) == [Decimal(e) for e in expected]


@pytest.mark.parametrize(
    ("clause", "values", "expected"),
    [
        (
            "各乡镇【指标】全县最高的得10分，最低的得0分，其余乡镇得分＝（本乡镇指标－最低值）÷（最高值－最低值）×10",
            ["100", "50", "0", "75"],
            ["10", "5", "0", "7.5"],
        ),
        (
            "【指标】全市最高的得10分、最低的得2分，其余按（本地值−最低值）÷（最高值−最低值）×8+2计分",
            ["90", "80", "70", "85"],
            ["10", "6", "2", "8"],
        ),
        (
            "各县区【指标】以全市最高值为基准，得分=本地数值÷全市最高值×10",
            ["8", "2", "6", "8"],
            ["10", "2.5", "7.5", "10"],
        ),
        # the units below the mean (4) earn their share of 10, the others 10
        (
            "【指标】达到平均值的得10分，低于平均值的按本单位指标÷全县平均指标×10计分",
            ["6", "3", "3"],
            ["10", "7.5", "7.5"],
        ),
        (
            "【指标】以全市最低值为满分标准，其余县区得分＝全市最低值÷本县区值×10",
            ["20", "40", "25"],
            ["10", "5", "8"],
        ),
        (
            "各县区【指标】全市最多的县区本项不得分，其余县区得分＝（全市最多指标－本县区指标）÷全市最多指标×10",
            ["10", "5", "0", "10"],
            ["0", "5", "10", "0"],
        ),
        # the benchmark said before the formula, the formula in quotes; 0.35 ÷ 0.42 × 6 is 5
        # exactly (the division is made last: 0.8333… × 6 would be 4.999…98)
        (
            "【指标】最低的县区得6分，其他县区以最低值为基数，按“最低值÷本县区值×6”计分",
            ["0.42", "0.35", "0.5"],
            ["5", "6", "4.2"],
        ),
        (
            "【指标】全市最高的得10分，其余按“本地指标÷全市最高指标×10”计分，得分保留两位小数",
            ["3", "2", "1"],
            ["10", "6.67", "3.33"],
        ),
        (
            "【指标】最高的得10分、最低的得2分，其余按插值计分：得分=2+（本地指标−最低指标）÷（最高指标−最低指标）×8",
            ["90", "80", "70", "85"],
            ["10", "6", "2", "8"],
        ),
        (
            "各县区【指标】以全市最高指标为基准，得分＝本县区指标÷全市最高指标×10",
            ["8", "2", "6"],
            ["10", "2.5", "7.5"],
        ),
        (
            "【指标】达到平均值的得10分，低于平均值的得分按本地指标与全市平均指标的比值乘以10分计算",
            ["6", "3", "3"],
            ["10", "7.5", "7.5"],
        ),
    ],
)
def test_formulas_as_offices_write_them(clause, values, expected):
    assert scores(build(clause), values) == [Decimal(e) for e in expected]


@pytest.mark.parametrize(
    "clause",
    [
        "【指标】全市最高的得10分，其余每低于最高值1个百分点扣2分（不足1个百分点的按比例扣减），扣完为止",
        "各县区【指标】以全市最高值为标杆，达到最高值的得10分，每低于最高值1个百分点扣2分，"
        "不足1个百分点的按比例扣减，扣完为止",
        "各县区【指标】以全市最高值为标杆，达到标杆的得10分；低于标杆的，差距每0.5个百分点扣1分，"
        "不足0.5个百分点的部分按比例扣减，扣完为止",
    ],
)
def test_a_part_step_from_the_best_deducted_in_proportion(clause):
    # gaps 0, 1.5, 0, 7 to the best (98): 1.5 × 2 = 3 (the half step in proportion), 14 → all
    values = ["98", "96.5", "98", "91"]
    assert scores(build(clause, kind="百分比"), values) == [Decimal(v) for v in "10 7 10 0".split()]


def test_steps_above_the_lowest_said_as_its_base():
    # 以全市最低值为基数，每高出1个百分点得2分: from the lowest (86), 2.5 → 5, 4 → 8; the
    # item's own 10 said again (本项最高10分) changes nothing
    clause = "各县区【指标】以全市最低值为基数，每高出1个百分点得2分，不足1个百分点的按比例计算，本项最高10分"
    values = ["86", "88.5", "90", "99"]
    assert scores(build(clause, kind="百分比"), values) == [Decimal(v) for v in "0 5 8 10".split()]


@pytest.mark.parametrize(
    "clause",
    [
        "【指标】最低的县区得6分，其他县区以最低值为基数，按“最低值÷本县区值×5”计分",
        "【指标】最高的得10分，其余县区得分＝本县区指标÷全市最高指标×8",
    ],
)
def test_a_rest_formula_that_gives_the_best_other_points_is_not_read(clause):
    # the best earns 6 (10) by its rule and 5 (8) by the formula: a unit just short of the
    # best would drop by a sixth — not what a careful reader takes the sentence to mean
    assert refused(clause).startswith("E")


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        # mean 87.5: +2.5 → 2 whole points → +1; +7.5 → +3.5, at most +2; −1.5 → −1; −8.5 → −8
        (
            "【指标】达到全市平均水平的得基础分8分，高于平均水平的每高1个百分点加0.5分，加分最多2分；"
            "低于平均水平的每低1个百分点扣1分，扣完为止",
            ["9", "10", "7", "0"],
        ),
        # steps of 2 points either side of 5: +2.5 → 1 step, +7.5 → 3, −1.5 → none, −8.5 → 4
        (
            "【指标】等于全市平均值的得5分，每高于平均值2个百分点加1分，每低于平均值2个百分点减1分，"
            "本项最高10分、最低0分",
            ["6", "8", "5", "1"],
        ),
        (
            "【指标】与全市平均值持平的得5分，每高出平均值2个百分点加1分，最高得10分；"
            "每低于平均值2个百分点扣1分，扣完为止",
            ["6", "8", "5", "1"],
        ),
    ],
)
def test_a_base_at_the_mean_with_steps_either_side(clause, expected):
    values = ["90", "95", "86", "79"]
    assert scores(build(clause, kind="百分比"), values) == [Decimal(e) for e in expected]


@pytest.mark.parametrize(
    ("ratio", "expected"),
    [("（按实际差值计算）", ["1", "1.75", "3.1", "10"]), ("", ["1", "1.5", "3", "10"])],
)
def test_the_rest_from_the_lowest_points_by_the_gap_to_it(ratio, expected):
    # the lowest (76) has 1; the others 1 + 0.5 a point above it (whole points unless 按实际差值)
    clause = f"【指标】全市最低的得1分，其余在1分基础上，每高于全市最低值1个百分点加0.5分{ratio}，最高得10分"
    values = ["76", "77.5", "80.2", "95"]
    assert scores(build(clause, kind="百分比"), values) == [Decimal(e) for e in expected]


def test_the_rest_from_other_points_than_the_best_s_is_refused():
    clause = (
        "【指标】全市最低的得1分，其余在2分基础上，每高于全市最低值1个百分点加0.5分，最高得10分"
    )
    assert refused(clause, kind="百分比").startswith("E")


def test_a_base_whose_most_is_not_the_items_points_is_refused():
    # 8 + at most 3 = 11 in an item of 10: which is it?
    clause = (
        "【指标】达到全市平均值的得基础分8分，每高于平均值1个百分点加0.5分，最多加3分；"
        "每低于平均值1个百分点扣1分，扣完为止"
    )
    assert refused(clause, kind="百分比").startswith("E")


def test_a_fact_before_a_formula_on_it_is_its_subject_not_a_condition():
    # `【X】得(【X】÷平均值×3)分`: X a number cannot be a yes/no condition; a yes/no fact
    # before a formula on another fact is still one
    assert scores(build("【指标】得(【指标】÷平均值×3)分"), ["6", "2"]) == [
        Decimal("4.5"),
        Decimal("1.5"),
    ]
    policy = build("【通报】得(【指标】÷平均值×3)分")
    rows = [
        {"单位": "甲", "指标": "6", "其他指标": "1", "通报": "是"},
        {"单位": "乙", "指标": "2", "其他指标": "1", "通报": "否"},
    ]
    got = [r.nodes["(二)"].score for r in policy.score_batch(rows)]
    assert got == [Decimal("4.5"), Decimal("0")]


def test_a_benchmark_formula_that_does_not_give_the_best_the_points_is_not_read():
    # 本地数值 ÷ 最高值 × 8 gives the best 8 of the item's 10: the best does not earn
    # the item's points, so the sentence is not read as 最高的得满分 (refused as written)
    assert refused("各县区【指标】以全市最高值为基准，得分=本地数值÷全市最高值×8").startswith("E")


def test_the_lowest_named_after_the_highest_is_the_last_place():
    """`最低的得0分` after `最高的得10分` was read as a second rule on the highest: the
    lowest unit kept 5 (or a share) the sentence takes from it."""
    clause = "【指标】最高的得10分，最低的得0分，其余得5分"
    assert scores(build(clause), ["9", "5", "1", "1"]) == [Decimal(v) for v in "10 5 0 0".split()]
    ranked = "按【指标】从高到低排名，第1名得10分，最低的得2分，其余得6分"
    assert scores(build(ranked), ["9", "5", "1"]) == [Decimal(v) for v in "10 6 2".split()]


def test_a_share_between_two_given_ends_is_refused_with_both_readings():
    message = refused("【指标】最高的得10分，最低的得0分，其余按比例计分")
    assert message.startswith("E253")
    assert "其余按与最高者的比例得分" in message and "(最高值−最低值)" in message


def test_the_clause_rounds_its_own_points_half_up():
    share = "【指标】最高的得10分，其余按与最高者的比例得分，结果保留两位小数"
    assert scores(build(share), ["3", "2", "1"]) == [Decimal(v) for v in "10 6.67 3.33".split()]
    # 1 ÷ 8 × 10 = 1.25: half-up to one decimal is 1.3 (banker's rounding would give 1.2)
    formula = "得(【指标】÷最高值×10)分，计算结果四舍五入保留一位小数"
    assert scores(build(formula), ["8", "1"]) == [Decimal("10"), Decimal("1.3")]


def test_each_clause_rounds_before_the_item_adds_them():
    # 1 ÷ 3 × 5 = 1.666… → 1.7 in each clause: the item has 3.4 (rounding the sum of
    # the exact parts would give 3.3)
    clause = "得(【指标】÷最高值×5)分，结果保留一位小数"
    assert scores(build(clause, clause), ["3", "1"]) == [Decimal("10"), Decimal("3.4")]


def test_a_rounded_share_explains_the_part_not_obtained():
    policy = build("【指标】最高的得10分，其余按与最高者的比例得分，结果保留两位小数")
    rows = [{"单位": u, "指标": v, "其他指标": "1"} for u, v in (("甲", "90"), ("乙", "85"))]
    second = policy.score_batch(rows)[1]
    (item,) = [i for i in second.items if i.path == "(二)"]
    assert (item.nominal, item.applied) == (Decimal("0.56"), Decimal("0.56"))
    assert item.note == "按比例得分，未得的部分"


@pytest.mark.parametrize(
    ("clauses", "code", "words"),
    [
        # steps round nothing of their own: the header's 精度 does
        (("【指标】每件扣0.333分，结果保留两位小数",), "E253", "精度：0.01"),
        # whose 最高值? two facts in one formula
        (("得((【指标】+【其他指标】)÷最高值×10)分",), "E101", "唯一一项"),
        # and none
        (("得(5×平均值)分",), "E101", "唯一一项"),
        # a third of the units: how many, when the batch does not divide by three?
        (("按【指标】从高到低排名，排名前三分之一的得10分，其余得5分",), "E253", "除不尽"),
        # 高于 and 低于 leave out the unit exactly at the mean
        (
            ("【指标】高于平均值的得10分，低于平均值的按本单位指标÷全县平均指标×10计分",),
            "E247",
            "反面",
        ),
    ],
)
def test_formulas_that_cannot_be_read_are_refused(clauses, code, words):
    message = refused(*clauses)
    assert message.startswith(code) and words in message


def mixed_batch():
    """A formula between the batch's two ends and one of its mean, each rounded in the
    clause, and a batch with a tie at the lowest and a bad row (also run in Spark)."""
    policy = build(
        "【指标】最高的得6分，最低的得1分，其余得((【指标】−最低值)÷(最高值−最低值)×5+1)分，结果保留两位小数",
        "得(【指标】÷平均值×2)分，结果保留一位小数",
        kind="百分比",
    )
    values = ["97.5", "88", "x", "91.25", "88", "100"]
    rows = [{"单位": f"单位{i}", "指标": v, "其他指标": "1"} for i, v in enumerate(values)]
    return policy, rows


def test_duckdb_scores_batch_formulas_as_the_python_engine():
    policy, rows = mixed_batch()
    results = policy.score_batch(rows)
    assert results[2].error is not None and results[0].error is None
    assert differences(expected_summary(policy.ir, results), duckdb_results(policy.ir, rows)) == []
    items = duckdb_results(policy.ir, rows, items=True)
    assert differences(expected_items(results), items) == []


_TEMPLATES = (
    "得(【指标】÷最高值×{n})分",
    "得((【指标】−最低值)×{n}÷10)分",
    "得(最小(【指标】÷平均值×{n}, 10))分",
    "【指标】最高的得{p}分，最低的得{q}分，其余得((【指标】−最低值)÷(最高值−最低值)×{a}+{q})分",
    "【指标】最低的得10分，其余得(最低值÷【指标】×10)分",
)


@cache
def _compiled(template: int, n: int, rounded: bool):
    p, q = Decimal(n) / 2 + 5, Decimal(n) / 4
    clause = _TEMPLATES[template].format(n=n, p=p, q=q, a=p - q)
    return build(clause + ("，结果保留两位小数" if rounded else ""), kind="百分比")


@settings(max_examples=40, deadline=None)
@given(
    template=st.integers(0, len(_TEMPLATES) - 1),
    n=st.integers(1, 10),
    rounded=st.booleans(),
    values=st.lists(
        st.decimals(min_value=0, max_value=100, places=1, allow_nan=False), min_size=1, max_size=6
    ),
    seed=st.randoms(use_true_random=False),
)
def test_batch_formulas_agree_and_stay_within_the_item(template, n, rounded, values, seed):
    """Compiled == interpreter == DuckDB on every unit; the batch's order changes no unit's points;
    every item score lies within [0, its points]; rounding said in the clause leaves at
    most two decimals."""
    policy = _compiled(template, n, rounded)
    rows = [{"单位": f"单位{i}", "指标": str(v), "其他指标": "1"} for i, v in enumerate(values)]
    compiled = policy.score_batch(rows)
    assert [r.to_dict() for r in compiled] == [
        r.to_dict() for r in policy.interpreter.score_batch(rows)
    ]
    # DuckDB keeps 12 places of a quotient that does not terminate (docs/guide.md 大规模计分)
    got = duckdb_results(policy.ir, rows)
    for want, have in zip(expected_summary(policy.ir, compiled), got, strict=True):
        for key, value in want.items():
            if isinstance(value, Decimal) and isinstance(have[key], Decimal | int):
                assert abs(value - have[key]) <= Decimal("1e-12"), (key, value, have[key])
            else:
                assert value == have[key], (key, value, have[key])
    by_unit = {r.unit: r.to_dict() for r in compiled}
    shuffled = list(rows)
    seed.shuffle(shuffled)
    for r in policy.score_batch(shuffled):
        mine, theirs = r.to_dict(), by_unit[r.unit]
        assert (mine["nodes"], mine["total"]) == (theirs["nodes"], theirs["total"])
    for r in compiled:
        if r.error is None:
            score = r.nodes["(二)"].score
            assert 0 <= score <= 10
            if rounded and template != 4:
                assert score == score.quantize(Decimal("0.01"))


def test_zero_over_zero_is_a_zero_divisor_in_every_engine():
    """All units at 0: 0 ÷ 最高值 is 0 ÷ 0, each unit a data error that names the zero
    divisor (Python's Decimal calls 0 ÷ 0 an invalid operation, not a division by zero:
    the message said “结果无法表示” while DuckDB said “除数为0”)."""
    policy = build("得(【指标】÷最高值×10)分", kind="百分比")
    rows = [{"单位": f"单位{i}", "指标": "0", "其他指标": "1"} for i in range(2)]
    results = policy.score_batch(rows)
    assert all(r.error is not None and "除数为0" in r.error.message for r in results)
    assert differences(expected_summary(policy.ir, results), duckdb_results(policy.ir, rows)) == []


def test_the_items_points_as_a_formula_of_the_best_alone():
    # `本项得分=本地完成率÷全市最高完成率×10`: the formula itself, with no 其余 before it
    # (a division read as `按…之比计分` only after 最高的得满分，其余); 80 ÷ 100 × 10 = 8
    policy = build("【指标】本项得分=本地指标÷全市最高指标×10")
    assert scores(policy, ["100", "80", "25"]) == [10, 8, Decimal("2.5")]
    # after a place rule on the same line, as documents write it
    text = (
        HEAD.format(kind="数值，越高越好")
        + "(二)算式(10分)\n  - 【指标】列全市后两位的，不得评为优秀。本项得分=本地指标÷全市最高值×10\n"
        + "\n等次：\n  优秀：18分以上\n  良好：15分以上\n  合格：其余\n"
    )
    policy = compile_policy(text, filename="算式.rule")
    rows = [
        {"单位": f"单位{i}", "指标": v, "其他指标": "1"} for i, v in enumerate(["100", "80", "50"])
    ]
    results = policy.score_batch(rows)
    assert results == policy.interpreter.score_batch(rows)
    assert [r.nodes["(二)"].score for r in results] == [10, 8, 5]
    assert [r.labels for r in results] == [(), ("等次最高为良好",), ("等次最高为良好",)]
    # after a condition of its own the formula is not read as the item's points (a unit
    # below the mean scored against the best: held for the writer, as before)
    assert refused("【指标】低于平均值的，按本地指标÷全市最高指标×10计分")
    # every value 0: 0 ÷ 0 is no score but an error of each unit, never a made-up one
    zero = policy.score_batch([{"单位": "甲", "指标": "0", "其他指标": "1"}])
    assert zero[0].error is not None and "除数为0" in zero[0].error.message
