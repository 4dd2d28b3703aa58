"""More ways of writing batch-relative sentences, each read one way only, computed by
hand; and the ones the batch cannot answer, refused with what to write instead.

- a grade limit that names the assessment it limits: `年度考核不得评为优秀` is
  `不得评为优秀` (the grade this policy gives is the annual one);
- a place counted 全市/全省… (the batch scored together, as 全市平均值 is), and `前三的`
  for `前三名的`;
- a place compared with last year's (`名次比上年后退5位`): the batch holds no last
  year's place, so E114 says to report the change as a fact."""

from __future__ import annotations

from decimal import Decimal

import pytest
from xize.compiler import PolicyError, compile_policy

HEAD = (
    "细则：句式\n年度：2024\n满分：20分\n\n数据：\n  迟报次数：次，默认0\n"
    "  办结率：百分比\n  通报批评：是否，默认否\n\n"
)
BANDS = "\n等次：\n  优秀：18分以上\n  良好：16分以上\n  合格：12分以上\n  不合格：其余\n"


def build(clauses: str):
    text = HEAD + "(一)工作(10分)\n  - 【迟报次数】每迟报1次扣1分\n" + clauses + BANDS
    return compile_policy(text, filename="句式.rule")


def batch(policy, rates: list[str], **facts) -> list:
    rows = [{"单位": f"单位{i}", "办结率": rate, **facts} for i, rate in enumerate(rates)]
    compiled = policy.score_batch(rows)
    interpreted = policy.interpreter.score_batch(rows)
    assert [r.to_dict() for r in compiled] == [r.to_dict() for r in interpreted]
    return compiled


# ------------------------------------------------------------------- grade limits


@pytest.mark.parametrize(
    ("clause", "grade", "label"),
    [
        ("【通报批评】的，年度考核不得评为优秀", "良好", "等次最高为良好"),
        ("【通报批评】年度考评不得评为良好", "合格", "等次最高为合格"),
        ("发生【通报批评】的，当年等次最高为合格", "合格", "等次最高为合格"),
    ],
)
def test_a_grade_limit_may_name_the_annual_assessment(clause, grade, label):
    """20 points in all and nothing lost: 20分 is 优秀 but for the limit."""
    policy = build(f"(二)排名(10分)\n  - 【办结率】低于90%的，扣2分\n  - {clause}\n")
    for engine in (policy, policy.interpreter):
        barred = engine.score({"办结率": 95, "通报批评": "是"})
        assert (barred.total, barred.grade, barred.labels) == (Decimal(20), grade, (label,))
        clear = engine.score({"办结率": 95})
        assert (clear.total, clear.grade, clear.labels) == (Decimal(20), "优秀", ())


# ------------------------------------------------------------------------- places


@pytest.mark.parametrize(
    "rule",
    [
        "按【办结率】从高到低排名，排名全市前三的得10分",
        "按【办结率】从高到低排名，排名全省前3名的得10分",
        "【办结率】从高到低排名全县前三的，得10分",
    ],
)
def test_a_place_counted_in_the_city_is_a_place_in_the_batch(rule):
    """Rates 95, 90, 90, 85, 80 rank 1, 2, 2, 4, 5: the first three places are the
    first three units, each earning the 10 points of (二); the others earn none."""
    policy = build(f"(二)排名(10分)\n  - {rule}\n")
    results = batch(policy, ["95", "90", "90", "85", "80"])
    assert [r.nodes["(二)"].score for r in results] == [10, 10, 10, 0, 0]
    assert [r.total for r in results] == [20, 20, 20, 10, 10]


def test_the_last_places_counted_in_the_province():
    """`排名全省后两名的扣2分` from 10: ranks 1, 2, 3, 3 — the last two places are 3
    and 4, and both units tied at 3 are in them."""
    policy = build("(二)排名(10分)\n  - 按【办结率】从高到低排名，排名全省后两名的扣2分\n")
    results = batch(policy, ["95", "90", "85", "85"])
    assert [r.nodes["(二)"].score for r in results] == [10, 10, 8, 8]


def test_a_place_in_the_city_takes_its_direction_from_the_name_with_a_warning():
    """`办结率` is better high (its name, W330 says so): rates 95, 90, 90, 85, 80 — the
    first three places are the first three units, each earning the bonus of 1."""
    policy = build("(二)排名(10分)\n  - 【办结率】排名全市前三的加1分\n")
    assert "W330" in [d.code for d in policy.diagnostics]
    results = batch(policy, ["95", "90", "90", "85", "80"])
    assert [r.total for r in results] == [21, 21, 21, 20, 20]


# ------------------------------------------------------------- against last year


@pytest.mark.parametrize(
    ("rule", "quoted", "declared", "written"),
    [
        (
            "【办结率】名次较去年下降3位以上的扣2分",
            "名次较去年下降",
            "办结率名次后退：名，默认0",
            "【办结率名次后退】3名以上的扣2分",
        ),
        (
            "按【办结率】排名，排名比上年后退5个位次以上扣1分",
            "排名比上年后退",
            "办结率名次后退：名，默认0",
            "【办结率名次后退】5名以上扣1分",
        ),
        (
            "【办结率】排名与上一年相比前进3位的，加1分",
            "排名与上一年相比前进",
            "办结率名次前进：名，默认0",
            "【办结率名次前进】达到3名的，加1分",
        ),
        (
            "【办结率】排名较上年每前进1位加0.5分",
            "排名较上年每前进",
            "办结率名次前进：名，默认0",
            "【办结率名次前进】每1名加0.5分",
        ),
    ],
)
def test_a_place_against_last_years_is_refused_with_what_to_write(rule, quoted, declared, written):
    with pytest.raises(PolicyError) as refused:
        build(f"(二)排名(10分)\n  - {rule}\n")
    error = refused.value
    assert error.code == "E114"
    assert f"“{quoted}”" in error.message
    # the hint is the sentence itself on a reported fact, in the sentence's direction
    assert error.hint == f"把名次的变化作为数据项填报：数据： 中写 {declared}，条款写 {written}"
    line = rule.index(quoted)
    assert error.column == len("  - ") + line + 1
    name = declared.partition("：")[0]
    text = (
        f"细则：试\n年度：2024\n满分：10分\n\n数据：\n  {declared}\n\n"
        f"(二)排名(10分)\n  - {written}\n"
    )
    policy = compile_policy(text)
    moved = [policy.score({name: n}).total for n in (0, 2, 3, 5)]
    if "每" in written:  # half a point a place
        assert moved == [10, 11, Decimal("11.5"), Decimal("12.5")]
    elif "以上" in written:  # from the bound on
        bound = int(written.split("】")[1][0])
        assert moved == [
            10 if n < bound else 10 + (-2 if "3名" in written else -1) for n in (0, 2, 3, 5)
        ]
    else:  # 前进3位的: three places or more
        assert moved == [10, 10, 11, 11]


# ------------------------------------------------------- bands around the average


def test_bands_around_the_average_are_one_clause():
    """`高于全市平均值3个百分点以内扣0.5分，3个百分点以外扣2分`: only the band reached
    deducts.  On rates 2, 4, 6, 9 (mean 5.25): 6 lies within 3 points above it (−0.5),
    9 beyond (−2, not −2.5).  (docs/language.md §9.8; tests/test_average_bands.py has the
    boundaries.)"""
    policy = build(
        "(二)排名(10分)\n  - 【办结率】高于全市平均值3个百分点以内扣0.5分，3个百分点以外扣2分\n"
    )
    results = batch(policy, ["2", "4", "6", "9"])
    assert [r.nodes["(二)"].score for r in results] == [10, 10, Decimal("9.5"), 8]


def test_bands_that_do_not_grow_are_read_as_written():
    """Beyond the band costing less than within it is unusual but not unclear: each
    band deducts its own amount (6: −2; 9: −1)."""
    policy = build("(二)排名(10分)\n  - 【办结率】高于平均值3个点以内扣2分，3个点以外扣1分\n")
    results = batch(policy, ["2", "4", "6", "9"])
    assert [r.nodes["(二)"].score for r in results] == [10, 10, 8, 9]
