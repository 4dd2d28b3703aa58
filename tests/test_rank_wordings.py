"""The wordings offices use for places and best values, each read one way only and
computed by hand, compiled == interpreter:

- where the place is counted, before or after the place word (`全市排名第1名的`,
  `在全县排名后5名的`, `位次在前5位的`, `名列全县前三位的`, `位列全市倒数第一的`,
  `全市排名最后一位的`), and the direction after 按 (`按全市由低到高排名`);
- best values of amounts, counts and durations (`最多的单位`, `最少的`, `最短的`), which
  state the direction themselves, also counted in the city (`全市最多的`) and followed by
  a comma;
- `以【X】最高者为满分`, and shares written `按比例计分` or naming the fact
  (`按【X】与最高值的比例折算得分`) — a share naming another fact is refused;
- `其余得N分` for every unit no earlier rule named; `其余` before any place is refused;
- `考核等次不得评为优秀`, `平均分`, `每高出`."""

from __future__ import annotations

from decimal import Decimal

import pytest
from xize.compiler import PolicyError, compile_policy

HEAD = (
    "细则：句式\n年度：2024\n满分：20分\n\n数据：\n  指标：{kind}\n  通报：是否，默认否\n\n"
    "(一)基础(10分)\n  - 【通报】扣1分\n"
)
BANDS = "\n等次：\n  优秀：18分以上\n  良好：16分以上\n  合格：12分以上\n  不合格：其余\n"


def build(clause: str, kind: str = "数值"):
    text = HEAD.format(kind=kind) + f"(二)排名(10分)\n  - {clause}\n" + BANDS
    return compile_policy(text, filename="句式.rule")


def scores(policy, values: list[str]) -> list[Decimal]:
    """(二)'s score of each unit of a batch, the same from the module and the interpreter."""
    rows = [{"单位": f"单位{i}", "指标": value} for i, value in enumerate(values)]
    compiled = policy.score_batch(rows)
    interpreted = policy.interpreter.score_batch(rows)
    assert [r.to_dict() for r in compiled] == [r.to_dict() for r in interpreted]
    return [r.nodes["(二)"].score for r in compiled]


# ------------------------------------------------------------------------ places


@pytest.mark.parametrize(
    ("clause", "values", "expected"),
    [
        # ranks 1, 2, 2, 4 from the highest: the first place only
        ("【指标】从高到低排名，全市排名第1名的得10分", ["9", "7", "7", "5"], [10, 0, 0, 0]),
        # the last three places from 10: ranks 1, 2, 3, 4 → the units ranked 2–4
        ("【指标】从高到低排名，全县排名后三名的，各扣3分", ["9", "7", "6", "5"], [10, 7, 7, 7]),
        ("【指标】从高到低排名，在全县排名后2名的，扣2分", ["9", "7", "6", "5"], [10, 10, 8, 8]),
        (
            "【指标】从高到低排名，全市位次在前3位的，分别得10分、8分、6分",
            ["9", "7", "6", "5"],
            [10, 8, 6, 0],
        ),
        ("【指标】从高到低排名，名列全县前两位的，得10分", ["9", "7", "6", "5"], [10, 10, 0, 0]),
        # 倒数第一 is the last place; 倒数第二 the one before it (a single place)
        (
            "【指标】从高到低排名，位列全市倒数第一的扣2分，倒数第二的扣1分",
            ["9", "7", "6", "5"],
            [10, 10, 9, 8],
        ),
        ("【指标】从高到低排名，全市排名最后一位的，本项不得分", ["9", "7", "5"], [10, 10, 0]),
        # 由低到高: the smallest value is first
        (
            "【指标】按全市由低到高排名，前两名加1分，后两名扣1分",
            ["1", "2", "3", "4", "5"],
            [10, 10, 10, 9, 9],
        ),
        # 首位 and 第一的 are the first place; 从少到多: the smallest first
        (
            "【指标】从高到低排名，位居全市首位的得满分，其余单位按与首位的比例折算得分",
            ["8", "4"],
            [10, 5],
        ),
        (
            "【指标】从少到多排序，排名第一的加3分，排名最后一名的扣3分",
            ["1", "2", "3"],
            [10, 10, 7],
        ),
        # what the units are called, before the fact or after 其余 / a best word
        (
            "各乡镇【指标】按从高到低排序，前两名分别得10分、8分，其余乡镇不得分",
            ["9", "7", "5"],
            [10, 8, 0],
        ),
        ("全市【指标】最高的乡镇得10分，其他乡镇同比例折算", ["8", "2"], [10, Decimal("2.5")]),
        # 高低 names no direction: the 从高到低 of the same clause does
        (
            "按【指标】从高到低排名，排名第1至3名的依次得10、9、8分，其余得5分",
            ["95", "90", "90", "80", "70"],
            [10, 9, 9, 5, 5],
        ),
    ],
)
def test_places_counted_in_the_city(clause, values, expected):
    assert scores(build(clause), values) == expected


def test_a_place_word_without_a_direction_still_asks_for_one():
    """`高低排名` says how to rank, not which end is first."""
    with pytest.raises(PolicyError) as caught:
        build("按【指标】高低排名，排名第1至3名的依次得10、9、8分，其余得5分")
    assert [d.code for d in caught.value.diagnostics] == ["E235"]


# ------------------------------------------------------------------ best values


@pytest.mark.parametrize(
    ("clause", "values", "expected"),
    [
        # the most earns 10; the others 10 × own ÷ most
        (
            "【指标】最多的单位得10分，其余单位按与最多单位的比例得分",
            ["20", "10", "5"],
            [10, 5, Decimal("2.5")],
        ),
        (
            "以【指标】最高者为满分，其他单位按比例计分",
            ["200", "100", "50"],
            [10, 5, Decimal("2.5")],
        ),
        (
            "【指标】最高的得满分，其余按【指标】与最高值的比例折算得分",
            ["80", "60", "20"],
            [10, Decimal("7.5"), Decimal("2.5")],
        ),
        # durations and counts: the shortest / fewest is first, others 10 × least ÷ own
        (
            "【指标】最短的得满分，其余按与最短者的比例得分",
            ["2", "4", "8"],
            [10, 5, Decimal("2.5")],
        ),
        ("【指标】最少的得10分", ["0", "3", "3"], [10, 0, 0]),
        ("【指标】全市最少的，得10分", ["4", "3", "3"], [0, 10, 10]),
        ("【指标】最大者得10分", ["4", "3", "9"], [0, 0, 10]),
    ],
)
def test_best_values_state_their_direction(clause, values, expected):
    assert scores(build(clause), values) == expected


def test_the_most_of_an_event_count_bars_the_top_grade():
    """20 points each; the unit with the most 通报 may not be 优秀 (ties included)."""
    policy = build("【指标】全市最多的，年度考核不得确定为优秀等次", kind="次，默认0")
    rows = [{"单位": f"单位{i}", "指标": v} for i, v in enumerate(["0", "2", "2", "1"])]
    for engine in (policy, policy.interpreter):
        results = engine.score_batch(rows)
        assert [r.total for r in results] == [20] * 4
        assert [r.grade for r in results] == ["优秀", "良好", "良好", "优秀"]


def test_a_share_naming_another_fact_is_refused():
    text = HEAD.format(kind="数值").replace("  指标：数值\n", "  指标：数值\n  其他指标：数值\n")
    text += (
        "(二)排名(10分)\n  - 【指标】最高的得满分，其余按【其他指标】与最高值的比例得分\n" + BANDS
    )
    with pytest.raises(PolicyError) as caught:
        compile_policy(text, filename="句式.rule")
    assert [d.code for d in caught.value.diagnostics] == ["E101"]
    assert "其他指标" in str(caught.value)


def test_the_rest_before_any_place_is_refused():
    with pytest.raises(PolicyError) as caught:
        build("按【指标】从高到低排名，其余得5分")
    assert [d.code for d in caught.value.diagnostics] == ["E101"]
    assert "其余" in str(caught.value)


# --------------------------------------------------------- grades and averages


def test_a_grade_limit_after_the_place_names_the_assessment_grade():
    """(二) untouched (10 each, 20 in all): the last two may not be 优秀."""
    policy = build("【指标】从高到低排名，排名全市后两位的，考核等次不得评为优秀")
    rows = [{"单位": f"单位{i}", "指标": v} for i, v in enumerate(["9", "7", "5"])]
    for engine in (policy, policy.interpreter):
        results = engine.score_batch(rows)
        assert [r.grade for r in results] == ["优秀", "良好", "良好"]


@pytest.mark.parametrize(
    ("clause", "grades"),
    [
        (
            "【指标】从高到低排名，位列全区末位的，年度考核等次不得高于合格",
            ["优秀", "优秀", "合格"],
        ),
        ("【指标】低于全市均值的，考核等次最高为良好", ["优秀", "优秀", "良好"]),
    ],
)
def test_grade_ceilings_as_offices_word_them(clause, grades):
    """Values 9, 7, 5 (mean 7), 20 points each: only the last unit is limited."""
    policy = build(clause)
    rows = [{"单位": f"单位{i}", "指标": v} for i, v in enumerate(["9", "7", "5"])]
    for engine in (policy, policy.interpreter):
        assert [r.grade for r in engine.score_batch(rows)] == grades


def test_the_average_score_and_each_point_above_it():
    """Mean of 6, 8, 10 is 8: `低于全县平均分的，扣1分` takes 1 from the first unit only;
    `高于全市平均数的，每高出1件扣1分` takes 2 from the last."""
    below = build("【指标】低于全县平均分的，扣1分")
    assert scores(below, ["6", "8", "10"]) == [9, 10, 10]
    above = build("【指标】高于全市平均数的，每高出1件扣1分", kind="件，默认0")
    assert scores(above, ["6", "8", "10"]) == [10, 10, 8]


@pytest.mark.parametrize(
    ("clause", "grade"),
    [
        ("【通报】的，不得评为良好以上等次", "合格"),
        ("【通报】的，不得评为良好及以上等次", "合格"),
        ("【通报】的，不得评为优秀、良好等次", "合格"),
        ("【通报】的，不得评为良好和优秀", "合格"),
        ("【通报】的，不得评为优秀", "良好"),
    ],
)
def test_bands_barred_together(clause, grade):
    """19 points (one lost to 通报): 优秀 but for the limit; 良好以上 and 优秀、良好 bar
    both top bands, leaving 合格."""
    policy = build(clause)
    for engine in (policy, policy.interpreter):
        assert engine.score({"指标": "1", "通报": "是"}).grade == grade
        assert engine.score({"指标": "1"}).grade == "优秀"


def test_barred_bands_must_be_the_highest_ones():
    """`不得评为良好、合格` skips 优秀: no limit says that; name one band instead."""
    with pytest.raises(PolicyError) as caught:
        build("【通报】的，不得评为良好、合格")
    assert [d.code for d in caught.value.diagnostics if d.is_error] == ["E230"]


# ------------------------------------------------------------------ steps down


@pytest.mark.parametrize(
    ("clause", "values", "expected"),
    [
        # ranks 1, 2, 2, 4, 5: 10 − 0.5 × (rank − 1)
        (
            "【指标】从高到低排名，第1名得10分，每下降一个名次扣0.5分",
            ["9", "8", "8", "7", "6"],
            [10, Decimal("9.5"), Decimal("9.5"), Decimal("8.5"), 8],
        ),
        (
            "【指标】从高到低排名，在全县排名第1名的得10分，其后每后退1个位次减0.5分",
            ["9", "8", "7"],
            [10, Decimal("9.5"), 9],
        ),
        # 降 and 下滑 are the same verbs as 下降, after 以后/此后/之后 as after 其后
        (
            "【指标】从高到低排名，第1名得10分，以后每降一个名次减0.5分",
            ["9", "8", "8", "7"],
            [10, Decimal("9.5"), Decimal("9.5"), Decimal("8.5")],
        ),
        (
            "【指标】从高到低排名，第1名得10分，此后每下滑一位扣1分，最低得8分",
            ["9", "8", "7", "6"],
            [10, 9, 8, 8],
        ),
        # never below 0: the 13th place would be 10 − 12 × 1
        (
            "各部门【指标】从少到多排序，第1名得10分，逐名递减1分，减至0分为止",
            [str(v) for v in range(13)],
            [10 - v if v < 10 else 0 for v in range(13)],
        ),
        # from the last of the places the first rule names, and its amount
        (
            "【指标】从高到低排名，前两名依次得10分、8分，其后每下降一个名次扣1分",
            ["9", "8", "7", "6"],
            [10, 8, 7, 6],
        ),
    ],
)
def test_each_place_down_earns_less(clause, values, expected):
    assert scores(build(clause), values) == expected


def test_a_step_down_needs_the_points_it_starts_from():
    with pytest.raises(PolicyError) as caught:
        build("【指标】从高到低排名，每下降一个名次扣0.5分")
    assert [d.code for d in caught.value.diagnostics if d.is_error] == ["E246"]


def test_a_step_down_is_explained_by_its_rule_with_the_place():
    """The 3rd of three lost 1 point (10 − 9) to the rule, which names its place; the
    first lost nothing; the items of each unit add up to 满分 − 总分."""
    policy = build("【指标】从高到低排名，第1名得10分，每下降一个名次扣0.5分")
    rows = [{"单位": f"单位{i}", "指标": v} for i, v in enumerate(["9", "8", "7"])]
    for engine in (policy, policy.interpreter):
        results = engine.score_batch(rows)
        assert [r.nodes["(二)"].score for r in results] == [10, Decimal("9.5"), 9]
        assert [i for i in results[0].items if i.path == "(二)"] == []
        (item,) = [i for i in results[2].items if i.path == "(二)"]
        assert (item.applied, item.note) == (1, "按名次递减，未得的部分")
        assert dict(item.inputs)["排名【指标】"] == 3
        for result in results:
            assert sum(i.applied for i in result.items) == 20 - result.total


def test_a_standard_at_the_average_names_it_again_in_its_steps():
    """`达到全市平均水平的得满分，每低于平均水平1个百分点扣0.5分` is the standard form with
    the batch mean as the standard: mean of 70%, 80%, 90% is 80%; 70% is 10 points
    below, so 10 − 5; the other two are at or above it."""
    policy = build(
        "【指标】达到全市平均水平的得满分，每低于平均水平1个百分点扣0.5分", kind="百分比"
    )
    assert scores(policy, ["70", "80", "90"]) == [5, 10, 10]
    plain = build("【指标】低于全市平均水平的，每低1个百分点扣0.5分", kind="百分比")
    assert scores(plain, ["70", "80", "90"]) == [5, 10, 10]


# ------------------------------------------------- a condition and its opposite


@pytest.mark.parametrize(
    ("clause", "values", "expected"),
    [
        # one rule in two halves: 5 at 90% and above, nothing below
        ("【指标】达到90%的得5分，低于90%的不得分", ["89.9", "90", "95"], [0, 5, 5]),
        ("【指标】90%以上的得5分，低于90%的得2分", ["89.9", "90"], [2, 5]),
        # against the batch mean (80%): above it 10, at or below it 6
        (
            "【指标】高于全县平均数的得10分，等于或低于全县平均数的得6分",
            ["70", "80", "90"],
            [6, 6, 10],
        ),
        ("【指标】达到全省平均数的得满分，低于全省平均数的不得分", ["70", "80", "90"], [0, 10, 10]),
    ],
)
def test_a_condition_and_its_opposite_in_one_sentence(clause, values, expected):
    assert scores(build(clause, kind="百分比"), values) == expected


@pytest.mark.parametrize(
    "clause",
    [
        "【指标】达到90%的得5分，低于80%的不得分",  # 80–90% is not said
        "【指标】达到90%的得5分，不超过90%的得2分",  # 90% is in both
        "【指标】达到90%的得5分，低于90%的得2分，否则扣1分",  # a third branch
    ],
)
def test_conditions_that_are_not_opposites_are_refused(clause):
    with pytest.raises(PolicyError) as caught:
        build(clause, kind="百分比")
    codes = [d.code for d in caught.value.diagnostics if d.is_error]
    assert codes in (["E247"], ["E101"])


# ------------------------------------------------------ the subject carried over ；


def test_a_comparison_after_a_semicolon_compares_the_same_fact():
    """`【指标】超过90%的扣2分；低于80%的扣3分`: the second half is about 【指标】 too."""
    policy = build("【指标】超过90%的扣2分；低于80%的扣3分", kind="百分比")
    assert scores(policy, ["75", "85", "95"]) == [7, 10, 8]


def test_both_sides_of_the_mean_after_a_semicolon():
    """Mean of 70%, 80%, 90% is 80%: 90% is 10 points above it (−5, 5 left)."""
    policy = build(
        "【指标】高于全县平均水平的，每高1个百分点扣0.5分；低于全县平均水平的，每低1个百分点扣0.2分",
        kind="百分比",
    )
    assert scores(policy, ["70", "80", "90"]) == [8, 10, 5]


@pytest.mark.parametrize(
    "clause",
    [
        "低于90%的，扣1分",
        "【通报】扣1分；低于90%的，扣1分",
        "【指标】且【通报】的扣1分；低于90%的扣1分",
    ],
)
def test_a_comparison_with_no_fact_to_carry_is_refused(clause):
    with pytest.raises(PolicyError) as caught:
        build(clause, kind="百分比")
    assert "E101" in [d.code for d in caught.value.diagnostics if d.is_error]


# ----------------------------------------------------------- rules after 其余


def test_a_place_that_earns_after_the_rest_is_an_exception_to_it():
    """`其余计3分，位列末位的计1分`: the last unit gets 1 — it was given 3 + 1 = 4 (both
    rules took it); `第1、2、3名` is `第1至3名`."""
    clause = (
        "【指标】从高到低排名，位次第1、2、3名的分别计10分、8分、6分，其余计4分，位列末位的计1分"
    )
    values = ["56.3", "80", "42.1", "80", "12.5", "30"]
    # ranks: 80, 80 → 1 (10 each), 56.3 → 3 (6), 42.1 → 4, 30 → 5 (其余 4), 12.5 last (1)
    assert scores(build(clause), values) == [Decimal(v) for v in "6 10 4 10 1 4".split()]


def test_a_place_that_deducts_after_the_rest_is_refused():
    # `其余得4分，后两名扣1分`: 3 for the last two, or −1 instead of the rest's 4?
    with pytest.raises(PolicyError) as raised:
        build("按【指标】从高到低排名，第1名得10分，其余得4分，后两名扣1分")
    first = next(d for d in raised.value.diagnostics if d.code.startswith("E"))
    assert first.code == "E253" and "其余" in str(raised.value)


def test_the_rest_by_count_after_a_rank_rule():
    # `全县最多的，本项不得分；其余每发生1起扣1分`: the most (3, tied) 0; the others 10 − cases
    text = (
        HEAD.replace("指标：{kind}", "事故：起，越低越好").format()
        + "(二)事故(10分)\n  - 【事故】全县最多的乡镇，本项不得分；其余乡镇每发生1起扣2分，扣完为止\n"
        + BANDS
    )
    policy = compile_policy(text, filename="句式.rule")
    rows = [{"单位": f"单位{i}", "事故": v} for i, v in enumerate(["1", "3", "0", "3", "2"])]
    compiled = policy.score_batch(rows)
    assert [r.to_dict() for r in compiled] == [
        r.to_dict() for r in policy.interpreter.score_batch(rows)
    ]
    assert [r.nodes["(二)"].score for r in compiled] == [Decimal(v) for v in "8 0 10 0 6".split()]


# ------------------------------------------------------------ 依此类推, 4-6名


@pytest.mark.parametrize(
    ("clause", "values", "expected"),
    [
        # 10, 9.5, 9 named: the step of 0.5 goes on (8.5, 8), never below 0
        (
            "【指标】从高到低排名，第1名得10分，第2名得9.5分，第3名得9分，依此类推",
            ["9", "8", "7", "6", "5"],
            [10, Decimal("9.5"), 9, Decimal("8.5"), 8],
        ),
        # amounts in turn say the step too; 以此类推 the same; a floor after it
        (
            "【指标】从高到低排名，第1至3名依次得10分、8分、6分，以此类推，最低得3分",
            ["9", "8", "7", "6", "5", "4"],
            [10, 8, 6, 4, 3, 3],
        ),
        # ties share a place and its points (1, 2, 2, 4)
        (
            "【指标】从高到低排名，第1名得10分，第2名得9分，依此类推",
            ["9", "8", "8", "7"],
            [10, 9, 9, 7],
        ),
    ],
)
def test_so_on_continues_the_step_of_the_places_named(clause, values, expected):
    assert scores(build(clause), values) == expected


@pytest.mark.parametrize(
    "clause",
    [
        # unequal steps: which one goes on?
        "【指标】从高到低排名，第1名得10分，第2名得9分，第3名得7分，依此类推",
        # one place says no step
        "【指标】从高到低排名，第1名得10分，依此类推",
        # not one after another from the first
        "【指标】从高到低排名，第1名得10分，第3名得9分，依此类推",
        # rising points
        "【指标】从高到低排名，第1名得8分，第2名得9分，依此类推",
    ],
)
def test_so_on_without_one_step_is_refused(clause):
    with pytest.raises(PolicyError) as caught:
        build(clause)
    (error,) = [d for d in caught.value.diagnostics if d.is_error]
    assert error.code == "E101"
    assert "其后每下降一个名次扣N分" in error.hint()


@pytest.mark.parametrize(
    ("clause", "values", "expected"),
    [
        (
            "【指标】从高到低排名，1-2名得10分，3-4名得6分，其余得2分",
            ["9", "8", "7", "6", "5"],
            [10, 10, 6, 6, 2],
        ),
        (
            "【指标】从高到低排名，前2名各得10分，3至4名各得6分",
            ["9", "8", "7", "6", "5"],
            [10, 10, 6, 6, 0],
        ),
        ("【指标】从高到低排名，1-2名得10分，3名及以后得4分", ["9", "8", "7", "6"], [10, 10, 4, 4]),
        ("【指标】从高到低排名，一至二名得10分，其余得5分", ["9", "8", "7"], [10, 10, 5]),
    ],
)
def test_places_written_without_di_are_places(clause, values, expected):
    assert scores(build(clause), values) == expected
