"""Escalating tiers counted in any unit and continued with `以此类推`
(compiler/syntax/ordinals.py, docs/language.md 逐次加重):
`【安全事故】第一起扣1分，第二起扣2分，第三起扣3分，以此类推` — the fourth accident costs 4,
the fifth 5, so that n accidents cost 1 + 2 + … + n.

Each refusal names what to write; a hint that writes a sentence out is compiled and scored
here as the hint reads it.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from helpers import both_totals, one_item, one_refusal
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlrun import duckdb_results
from xize.compiler import PolicyError, compile_policy

FACTS = "  安全事故：起\n"
POINTS = 12


def build(clause: str, facts: str = FACTS):
    return compile_policy(one_item(clause, facts, points=POINTS))


def lost(policy, counts) -> list[Decimal]:
    rows = [{"单位": f"u{i}", "安全事故": c} for i, c in enumerate(counts)]
    return [POINTS - total for total in both_totals(policy, rows)]


def by_hand(amounts: list[Decimal], count: int, so_on: bool) -> Decimal:
    """What `count` occurrences cost under the stated amounts, going on by their step."""
    step = amounts[-1] - amounts[-2]
    costs = (
        [
            amounts[k] if k < len(amounts) else amounts[-1] + (k + 1 - len(amounts)) * step
            for k in range(count)
        ]
        if so_on
        else amounts[:count]
    )
    return min(Decimal(POINTS), sum(costs, Decimal(0)))


@pytest.mark.parametrize(
    "clause",
    [
        "【安全事故】第一起扣1分，第二起扣2分，第三起扣3分，以此类推",
        "【安全事故】第1起扣1分；第2起扣2分；第3起扣3分；依此类推",
        "发生【安全事故】的，第一起扣1分，第二起扣2分，以此类推",
        "【安全事故】第一起扣1分，第二起扣2分，依次类推",
    ],
)
def test_so_on_goes_on_by_the_tiers_step(clause):
    # 3 cost 1+2+3 = 6, 4 cost 10, 5 would cost 15: the item's 12 are gone
    assert lost(build(clause), [0, 1, 2, 3, 4, 5, 9]) == [0, 1, 3, 6, 10, 12, 12]


def test_an_equal_amount_so_on_costs_it_for_each():
    policy = build("【安全事故】第一起扣1分，第二起扣1分，以此类推")
    assert lost(policy, [0, 1, 2, 3, 7, 13]) == [0, 1, 2, 3, 7, 12]


def test_tiers_in_other_units_read_as_the_tiers_by_time():
    policy = build("【安全事故】第一起扣1分，第二起扣2分，第三起及以上本项不得分")
    assert lost(policy, [0, 1, 2, 3, 8]) == [0, 1, 3, 12, 12]
    facts = "  违纪案件：件\n"
    cases = compile_policy(
        one_item("【违纪案件】第一件扣2分，第二件扣3分，以此类推", facts, points=POINTS)
    )
    rows = [{"单位": str(n), "违纪案件": n} for n in range(5)]
    assert [POINTS - t for t in both_totals(cases, rows)] == [0, 2, 5, 9, 12]


@settings(max_examples=40, deadline=None)
@given(
    first=st.integers(0, 30).map(lambda n: Decimal(n) / 10),
    step=st.integers(0, 20).map(lambda n: Decimal(n) / 4),
    tiers=st.integers(2, 4),
    counts=st.lists(st.integers(0, 60), min_size=1, max_size=6),
)
def test_so_on_is_the_sum_of_every_occurrences_cost(first, step, tiers, counts):
    amounts = [first + k * step for k in range(tiers)]
    written = "，".join(
        f"第{k + 1}起扣{format(a.normalize(), 'f')}分" for k, a in enumerate(amounts)
    )
    policy = build(f"【安全事故】{written}，以此类推")
    assert lost(policy, counts) == [by_hand(amounts, c, so_on=True) for c in counts]


def test_the_rest_explains_itself_on_the_line():
    policy = build("【安全事故】第一起扣1分，第二起扣2分，以此类推")
    items = policy.score({"安全事故": 4}).items
    assert [(i.text, i.line, i.nominal) for i in items] == [
        ("第一起扣1分", 9, 1),
        ("第二起扣2分", 9, 2),
        ("以此类推", 9, 7),  # the third and the fourth: 3 + 4
    ]


def test_duckdb_scores_so_on_as_the_python_engine():
    policy = build("【安全事故】第一起扣0.5分，第二起扣1.5分，以此类推")
    rows = [{"单位": f"u{n}", "安全事故": n} for n in range(8)]
    expected = [str(r.total.normalize()) for r in policy.score_batch(rows)]
    got = [str(Decimal(r["总分"]).normalize()) for r in duckdb_results(policy.ir, rows)]
    assert got == expected


def refusal(clause: str):
    return one_refusal(one_item(clause, FACTS, points=POINTS))


@pytest.mark.parametrize(
    ("clause", "why"),
    [
        ("【安全事故】第一起扣3分，第二起扣1分，以此类推", "越扣越少"),  # would turn negative
        ("【安全事故】第一起扣1分，第二起扣2分，第三起扣4分，以此类推", "不相等"),
        ("【安全事故】第一起扣1分，第二起及以上扣2分，以此类推", "已经说了"),
    ],
)
def test_so_on_without_one_step_is_refused(clause, why):
    diagnostic = refusal(clause)
    assert diagnostic.code == "E116"
    assert why in diagnostic.message()
    assert "每多1起扣N分" in str(diagnostic.args["suggest"])


def test_so_on_after_a_zeroing_tier_says_to_write_the_tier_open():
    diagnostic = refusal("【安全事故】第一起扣1分，第二起本项不得分，以此类推")
    assert diagnostic.code == "E116"
    rewrite = str(diagnostic.args["suggest"]).split("写 ", 1)[1]
    assert rewrite == "第2起及以上本项不得分"
    policy = build(f"【安全事故】第一起扣1分，{rewrite}")
    assert lost(policy, [0, 1, 2, 5]) == [0, 1, 12, 12]


@pytest.mark.parametrize(
    ("clause", "costs"),
    [
        ("【安全事故】第一起、第二起、第三起分别扣1分、2分、3分，以此类推", [0, 1, 3, 6, 10]),
        (
            "【安全事故】第一起、第二起、第三起、第四起分别扣2、3、4、5分，以此类推",
            [0, 2, 5, 9, 12],
        ),
    ],
)
def test_the_two_lists_are_refused_with_the_tiers_written_out(clause, costs):
    diagnostic = refusal(clause)
    assert diagnostic.code == "E116"
    rewrite = str(diagnostic.args["suggest"]).split("写成 ", 1)[1]
    assert lost(build(f"【安全事故】{rewrite}"), range(5)) == costs


def test_an_unsaid_last_tier_mentions_so_on_and_counts_in_the_lines_unit():
    diagnostic = refusal("【安全事故】第一起扣1分，第二起扣2分，第三起扣3分")
    assert diagnostic.code == "E116"
    hint = str(diagnostic.args["suggest"])
    assert "第3起及以上本项不得分" in hint and "以此类推" in hint
    assert "次" not in hint  # the line counts accidents (起), not times


def test_mixed_units_are_not_tiers():
    with pytest.raises(PolicyError):
        build("【安全事故】第一次扣1分，第二起扣2分，以此类推")


@pytest.mark.parametrize(
    "clause",
    [
        "未【安全事故】第一起扣1分，第二起扣2分，第三起及以上本项不得分",
        "未【安全事故】第一次扣1分，第二次扣2分，第三次及以上本项不得分",
        "未发生【安全事故】的，第一起扣1分，第二起扣2分，以此类推",
    ],
)
def test_tiers_after_a_negated_fact_are_not_read(clause):
    # `未【X】第一起…` once read as 未(X ≥ 1): a unit with no accident lost a point
    diagnostic = refusal(clause)
    assert diagnostic.code == "E101"
    assert "\ue001" not in diagnostic.message() and "\ue002" not in diagnostic.message()
