"""Bands of distance from the batch's best value on one line (`与最高值相差5个百分点以内的得4分，
相差5至10个百分点的得2分…`, docs/language.md 9.9) and the bound a band says outright keeping
it from a neighbour that only habitually holds it (`以内（含3个百分点）…，3个百分点以上…`):
hand-computed batches with ties at the best and units exactly on each bound, compiled ==
interpreter == DuckDB, and each line whose bounds stay unclear refused with what to write."""

from __future__ import annotations

import itertools
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlrun import differences, duckdb_results, expected_items, expected_summary
from xize.compiler import PolicyError, compile_policy

HEAD = (
    "细则：差距\n年度：2024\n满分：{total}分\n\n数据：\n  指标：百分比，{sense}\n\n"
    "(一)本项{kind}\n  - {clause}\n\n"
    "等次：\n  优秀：90分以上\n  良好：75分以上\n  合格：60分以上\n  不合格：其余\n"
)


def build(clause: str, points: int = 4, sense: str = "越高越好", bonus: bool = False):
    kind = f"，加分项，最高加{points}分" if bonus else f"({points}分)"
    text = HEAD.format(total=points, sense=sense, kind=kind, clause=clause)
    return compile_policy(text, filename="差距.rule")


def scores(policy, values: list[str]) -> list[Decimal]:
    rows = [{"单位": f"单位{i}", "指标": value} for i, value in enumerate(values)]
    compiled = policy.score_batch(rows)
    interpreted = policy.interpreter.score_batch(rows)
    assert [r.to_dict() for r in compiled] == [r.to_dict() for r in interpreted]
    assert differences(expected_summary(policy.ir, compiled), duckdb_results(policy.ir, rows)) == []
    items = duckdb_results(policy.ir, rows, items=True)
    assert differences(expected_items(compiled), items) == []
    return [r.nodes["(一)"].score for r in compiled]


@pytest.mark.parametrize(
    ("clause", "values", "expected", "extra"),
    [
        # highest 90 (twice): gaps 0, 0, 4, 4.5 (the bound, 含), 7, 9 (the bound, 含), 9.5
        (
            "【指标】与全市最高县区相差4.5个百分点以内（含4.5个百分点）的得4分，"
            "相差4.5至9个百分点（含9个百分点）的得2分，相差9个百分点以上的不得分",
            ["90", "90", "86", "85.5", "83", "81", "80.5"],
            [4, 4, 4, 4, 2, 2, 0],
            {},
        ),
        # the same bands said with 差距 and 超过…、在…以内
        (
            "【指标】全市最高的得4分；与最高值差距在3个百分点以内（含3个百分点）的得3分，"
            "差距超过3个百分点、在6个百分点以内的得2分，差距超过6个百分点的得1分",
            ["70", "69.9", "67", "66.9", "64", "63.5", "70"],
            [4, 3, 3, 2, 2, 1, 4],
            {},
        ),
        # the lowest (two tie at 40) lose 4, units less than 2 above it lose 2; exactly 2
        # above is not 不足 2: nothing
        (
            "【指标】全市最低的，扣4分；与最低值相差不足2个百分点的，扣2分",
            ["40", "41.5", "42", "40", "55"],
            [0, 2, 4, 0, 4],
            {},
        ),
        # behind the fastest (60) by 10 or more (含) −3, by 5 (含) to under 10 −1.5
        (
            "【指标】落后全市最快进度10个百分点以上（含）的，扣3分；"
            "落后5个百分点以上（含）、不足10个百分点的，扣1.5分",
            ["60", "55", "50", "50.1", "55.1", "60"],
            [4, Decimal("2.5"), 1, Decimal("2.5"), 4, 4],
            {},
        ),
        # a bonus: the highest +1, within 2 of it +0.5, never both
        (
            "各县区【指标】全市最高的加1分，与全市最高值相差2个百分点以内（含2个百分点）的加0.5分",
            ["60", "58", "57.9", "60", "59"],
            [1, Decimal("0.5"), 0, 1, Decimal("0.5")],
            {"points": 1, "bonus": True},
        ),
    ],
)
def test_bands_from_the_best_value(clause, values, expected, extra):
    assert scores(build(clause, **extra), values) == expected


@pytest.mark.parametrize(
    ("clause", "values", "expected"),
    [
        # highest 50 (twice); 49.5 less than 1 behind; 49 exactly 1 behind: the rest
        (
            "【指标】全市最高的得4分；与最高值相差不足1个百分点的得3分；其余县区得2分",
            ["50", "49.5", "49", "50", "30"],
            [4, 3, 2, 4, 2],
        ),
        # mean 80: 77 exactly 3 below (以内 holds it), 76 beyond: the rest
        (
            "【指标】达到全市平均值的得4分；低于平均值3个百分点以内的得3分；其余得1分",
            ["84", "77", "76", "83"],
            [4, 3, 1, 4],
        ),
    ],
)
def test_the_rest_are_the_units_no_band_holds(clause, values, expected):
    assert scores(build(clause), values) == expected


def test_a_rest_of_two_stretches_is_refused():
    # within 1 of the mean on either side: the rest lie below and above — which is meant?
    clause = "【指标】与平均值相差1个百分点以内的得4分；其余得1分"
    with pytest.raises(PolicyError) as raised:
        build(clause)
    diag = raised.value.diagnostics[0]
    assert diag.code == "E116", str(raised.value)
    assert diag.span.column == ("  - " + clause).index("其余") + 1
    assert "其余的单位是哪些读不准" in str(raised.value)


def test_a_bound_said_outright_stays_in_its_band():
    # mean 90: 87 is exactly 3 below — in the first band, as （含3个百分点） says; 86.9 beyond
    clause = "【指标】低于全市平均水平3个百分点以内（含3个百分点）的扣1分，低于3个百分点以上的扣2分"
    assert scores(build(clause), ["93", "87", "86.9", "93.1"]) == [4, 3, 2, 4]


@pytest.mark.parametrize(
    ("clause", "words", "why"),
    [
        # both bands say they hold 3: which one a unit exactly there is in is not said
        (
            "【指标】低于平均值3个百分点以内（含3个百分点）的扣1分，低于3个百分点以上（含3个百分点）的扣2分",
            "低于3个百分点以上（含3个百分点）",
            "都包括恰好低于平均值3个百分点",
        ),
        # earning bands that stop 1 point from the highest: the rest get what?
        (
            "【指标】最高的得4分，与最高值相差1个百分点以内的得3分",
            "与最高值相差1个百分点以内",
            "止于低于最高值1个百分点",
        ),
        # neither side holds 5 (不足, 超过)
        (
            "【指标】与最高值相差不足5个百分点的得4分，相差超过5个百分点的得2分",
            "与最高值相差不足5个百分点",
            "不在任何一档",
        ),
    ],
)
def test_unclear_bands_are_refused_with_what_to_write(clause, words, why):
    with pytest.raises(PolicyError) as raised:
        build(clause)
    diag = raised.value.diagnostics[0]
    assert diag.code == "E116", str(raised.value)
    line = "  - " + clause
    assert diag.span.column == line.index(words) + 1, str(raised.value)
    assert why in str(raised.value)
    if "最高" in clause:
        assert "与最高值相差3个百分点以内的得3分" in str(raised.value)


@st.composite
def band_lines(draw):
    """A line of bands of the gap to the highest, as documents write them: bounds rising,
    each closed on one side by 含 or by 以内, points falling band by band."""
    bounds = sorted(draw(st.sets(st.integers(1, 15), min_size=1, max_size=3)))
    points = sorted(
        draw(st.sets(st.integers(0, 4), min_size=len(bounds) + 1, max_size=len(bounds) + 1))
    )
    points.reverse()
    parts = [f"与最高值相差{bounds[0]}个百分点以内（含{bounds[0]}个百分点）的得{points[0]}分"]
    for low, high, amount in zip(bounds, bounds[1:], points[1:], strict=False):
        parts.append(f"相差{low}至{high}个百分点（含{high}个百分点）的得{amount}分")
    parts.append(f"相差超过{bounds[-1]}个百分点的得{points[-1]}分")
    return "【指标】" + "，".join(parts), bounds, points


@settings(max_examples=25, deadline=None)
@given(band_lines(), st.lists(st.integers(0, 400), min_size=1, max_size=6))
def test_bands_from_the_best_take_one_band_each_and_fall_with_the_gap(line, tenths):
    """Accepted bands hold every gap exactly once: a unit scores the amount of the band
    its gap to the highest is in (含 closing each bound), never two bands' sum, and a
    larger gap never scores more (compiled == interpreter)."""
    clause, bounds, points = line
    policy = build(clause, points=max(points))
    values = [Decimal(t) / 10 for t in tenths]
    rows = [{"单位": f"单位{i}", "指标": str(v)} for i, v in enumerate(values)]
    compiled = policy.score_batch(rows)
    assert [r.to_dict() for r in compiled] == [
        r.to_dict() for r in policy.interpreter.score_batch(rows)
    ]
    top = max(values)
    for value, result in zip(values, compiled, strict=True):
        gap = top - value
        band = next((i for i, b in enumerate(bounds) if gap <= b), len(bounds))
        assert result.nodes["(一)"].score == points[band]
    scored = (r.nodes["(一)"].score for r in compiled)
    ordered = sorted(zip(values, scored, strict=True), reverse=True)
    assert all(a[1] >= b[1] for a, b in itertools.pairwise(ordered))
