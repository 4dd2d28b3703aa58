"""Counts said exactly: `【投诉次数】0次的得6分，1次的得4分，2次及以上的不得分` (a table that
starts at none), `为1次的`, `等于1次的` as tiers — docs/language.md 用逗号连起的分档.

A bare `1次的` may be exactly one, one or more, or each one: alone it is refused with the
three readings written out (each compiled and scored here); on a line that also says
`0次的` the counts can only be the values themselves.  A table by exact counts is held,
like any sentence of tiers, to say every count once (E269), the same case twice included.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from helpers import item_totals, one_item, one_refusal
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlrun import duckdb_results
from xize.compiler import compile_policy

COUNT = "  投诉次数：次\n"
RATE = "  完成率：百分比\n"
COUNTS = [0, 1, 2, 3, 7]


def counts(clause: str, values=COUNTS) -> list[str]:
    return item_totals(one_item(clause, COUNT), "投诉次数", values)


@pytest.mark.parametrize(
    "clause",
    [
        "【投诉次数】0次的得6分，1次的得4分，2次及以上的不得分",
        "【投诉次数】0次的得6分，1次的得4分，2次及以上不得分",
        "【投诉次数】为0次的得6分，为1次的得4分，为2次及以上的不得分",
        "【投诉次数】等于0次的得6分，等于1次的得4分，2次及以上的不得分",
        "【投诉次数】0次的得6分，1次的得4分，其余不得分",
    ],
)
def test_a_table_by_exact_counts_gives_each_count_its_tier(clause):
    assert counts(clause) == ["6", "4", "0", "0", "0"]


def test_the_same_table_by_semicolons_reads_the_same_in_an_item_of_its_own():
    clause = "【投诉次数】0次的得6分；1次的得4分；2次及以上的不得分"
    assert counts(clause) == ["6", "4", "0", "0", "0"]


def test_exact_tiers_in_other_units_and_a_gap_between_them():
    facts = "  来访人次：人次\n"
    clause = "【来访人次】0人次的得6分，1人次的得4分，2人次及以上的不得分"
    assert item_totals(one_item(clause, facts), "来访人次", [0, 1, 5]) == ["6", "4", "0"]
    gap = "【投诉次数】0次的得6分，2次的得4分，3次及以上的不得分"
    diagnostic = one_refusal(one_item(gap, COUNT))
    assert diagnostic.code == "E269"
    assert "没有说到【投诉次数】等于1次的单位" in diagnostic.message()
    assert diagnostic.hint().startswith("补上这一档（等于1次的")
    filled = "【投诉次数】0次的得6分，等于1次的得5分，2次的得4分，3次及以上的不得分"
    assert counts(filled) == ["6", "5", "4", "0", "0"]


@pytest.mark.parametrize(
    "clause",
    [
        "【投诉次数】等于0次的得6分，等于0次的得4分，1次及以上的不得分",
        "【投诉次数】0次的得6分，不超过1次的得4分，2次及以上的不得分",
    ],
)
def test_a_count_two_tiers_take_is_refused(clause):
    """The same count in two tiers: 6 or 4?  (It was scored 6, the first, silently.)"""
    diagnostic = one_refusal(one_item(clause, COUNT))
    assert diagnostic.code in ("E267", "E269")
    assert "两档" in diagnostic.message() or "重叠" in diagnostic.message() + diagnostic.hint()


def test_an_exact_share_and_a_range_above_it_are_an_overlap():
    clause = "【完成率】等于100%的得6分，达到90%的得4分，低于90%的得1分"
    assert one_refusal(one_item(clause, RATE)).code == "E267"
    exact = "【完成率】为100%的得6分"
    assert item_totals(one_item(exact, RATE), "完成率", ["100%", "99%"]) == ["6", "0"]
    above = "【完成率】为90%以上的得6分"  # 为 before a bound adds nothing
    assert item_totals(one_item(above, RATE), "完成率", ["91%", "89%"]) == ["6", "0"]


def test_exactly_one_said_with_wei():
    assert counts("【投诉次数】为1次的扣2分") == ["6", "4", "6", "6", "6"]


def test_a_bare_count_alone_is_refused_with_each_reading_that_compiles():
    diagnostic = one_refusal(one_item("【投诉次数】1次的扣2分", COUNT))
    assert diagnostic.code == "E116"
    hint = diagnostic.hint()
    readings = {
        "【投诉次数】等于1次的扣2分": ["6", "4", "6", "6", "6"],
        "【投诉次数】达到1次的扣2分": ["6", "4", "4", "4", "4"],
        "【投诉次数】每次扣2分": ["6", "4", "2", "0", "0"],
    }
    for written, scores in readings.items():
        assert written in hint
        assert counts(written) == scores


def test_a_bare_count_that_earns_offers_no_each_reading():
    hint = one_refusal(one_item("【投诉次数】2次的得3分", COUNT)).hint()
    assert "等于2次的得3分" in hint and "达到2次的得3分" in hint and "每次" not in hint


def test_a_deduction_table_from_one_keeps_its_hint_by_semicolons():
    """Without `0次的` the table is not read: the tiers by ；, exact counts (E116)."""
    clause = "【投诉次数】1次的扣2分，2次的扣4分，3次及以上的扣6分"
    diagnostic = one_refusal(one_item(clause, COUNT))
    assert diagnostic.code == "E116"
    written = "【投诉次数】等于1次的扣2分；等于2次的扣4分；3次及以上的扣6分"
    assert written in diagnostic.hint()
    assert counts(written) == ["6", "4", "2", "0", "0"]


def test_each_tier_explains_itself_in_the_words_written():
    clause = "【投诉次数】0次的得6分，1次的得4分，2次及以上的不得分"
    result = compile_policy(one_item(clause, COUNT)).score({"投诉次数": 1})
    assert [item.text for item in result.items] == ["【投诉次数】0次的得6分"]  # 2 of 6 lost


def test_duckdb_scores_an_exact_table_as_the_python_engine():
    clause = "【投诉次数】0次的得6分，1次的得4分，2次及以上的不得分"
    policy = compile_policy(one_item(clause, COUNT))
    rows = [{"单位": f"u{n}", "投诉次数": n} for n in range(5)]
    expected = [str(r.total.normalize()) for r in policy.score_batch(rows)]
    got = [str(Decimal(r["总分"]).normalize()) for r in duckdb_results(policy.ir, rows)]
    assert got == expected == ["6", "4", "0", "0", "0"]


@settings(max_examples=30, deadline=None)
@given(
    amounts=st.lists(st.integers(0, 6), min_size=2, max_size=5),
    value=st.integers(0, 9),
)
def test_a_unit_gets_the_amount_its_count_is_said_to_get(amounts, value):
    """0, 1, … k−1 said exactly and k及以上: the count's own amount, as with 等于."""
    k = len(amounts) - 1
    tiers = [f"{n}次的得{a}分" for n, a in enumerate(amounts[:-1])]
    tiers.append(f"{k}次及以上的得{amounts[-1]}分")
    clause = "【投诉次数】" + "，".join(tiers)
    said = clause.replace("，", "，等于").replace("【投诉次数】", "【投诉次数】等于")
    said = said.replace(f"等于{k}次及以上", f"{k}次及以上")
    expected = str(amounts[min(value, k)])
    assert counts(clause, [value]) == counts(said, [value]) == [expected]


@pytest.mark.parametrize(
    "clause, expected",
    [
        ("【投诉次数】等于0次的得6分，达到1次的得4分", ["6", "4", "4", "4", "4"]),
        ("【投诉次数】0次的得6分，1次及以上的得3分", ["6", "3", "3", "3", "3"]),
        ("【投诉次数】低于2次的得6分，超过1次的得3分", ["6", "6", "3", "3", "3"]),
    ],
)
def test_two_conditions_that_take_every_count_once_read_as_one_rule(clause, expected):
    """On whole counts `等于0次` and `达到1次` are each other's opposite (E247 before)."""
    assert counts(clause) == expected


def test_two_conditions_that_leave_a_count_out_stay_refused():
    clause = "【投诉次数】等于1次的得6分，达到2次的得3分"  # and none?
    assert one_refusal(one_item(clause, COUNT)).code == "E247"


@pytest.mark.parametrize(
    "clause, expected",
    [
        ("【安全事故】发生1起及以上的扣2分", ["6", "4", "4"]),
        ("【安全事故】出现2起及以上的，不得分", ["6", "6", "0"]),
        ("【安全事故】发生0起的得6分，发生1起的得4分，发生2起及以上的不得分", ["6", "4", "0"]),
        ("【安全事故】每发生1起扣2分；发生2起及以上的，不得分", ["6", "4", "0"]),
    ],
)
def test_the_verb_before_a_count_only_names_what_is_counted(clause, expected):
    """`发生1起及以上的`: 发生 says what 【安全事故】 counts (E101 before, at 发生)."""
    facts = "  安全事故：起\n"
    assert item_totals(one_item(clause, facts), "安全事故", [0, 1, 3]) == expected


def test_one_occurrence_said_with_the_verb_alone_stays_unclear():
    diagnostic = one_refusal(one_item("【安全事故】发生1起的扣2分", "  安全事故：起\n"))
    assert diagnostic.code == "E116"
    assert "【安全事故】等于1起的扣2分" in diagnostic.hint()


def test_a_tier_of_none_that_loses_nothing_leaves_the_others_exact_in_the_hint():
    """`0起的不扣分，1起的扣2分，…` (E123): the tiers that remain are written with 等于 —
    alone, without 0起, `1起的` would be unclear (E116)."""
    facts = "  安全事故：起\n"
    clause = "【安全事故】0起的不扣分，1起的扣2分，2起及以上的扣5分"
    diagnostic = one_refusal(one_item(clause, facts))
    assert diagnostic.code == "E123"
    written = "【安全事故】等于1起的扣2分；2起及以上的扣5分"
    assert written in diagnostic.hint()
    assert item_totals(one_item(written, facts), "安全事故", [0, 1, 2, 4]) == ["6", "4", "1", "1"]


@pytest.mark.parametrize(
    "clause",
    [
        "【投诉次数】0次得6分，1次得4分，2次及以上不得分",
        "【投诉次数】0次的得6分，1次得4分，2次及以上不得分",
    ],
)
def test_a_table_written_without_de_is_refused_with_the_table_written(clause):
    """Without 的 there is no room to read the counts as exact: refused, with the table
    written with 的, which reads as one."""
    diagnostic = one_refusal(one_item(clause, COUNT))
    assert diagnostic.code == "E116"
    written = diagnostic.hint().removeprefix("写成 ")
    assert written == "【投诉次数】0次的得6分，1次的得4分，2次及以上的不得分"
    assert counts(written) == ["6", "4", "0", "0", "0"]
