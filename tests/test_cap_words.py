"""More words for a clause's cap and the item's floor (`至多扣4分`, `累计最多扣4分`,
`本项扣完为止`), what a clause cannot say about the floor (`倒扣`, `扣分不封顶`), and typo
hints that keep the sense (`底于` → `低于`) — docs/language.md 9.23 and 14.
"""

from __future__ import annotations

import pytest
from helpers import both_total, both_totals, one_item, one_refusal
from xize.compiler import PolicyError, compile_policy

FACTS = "  事故：起\n"


def lost(text: str, counts=(0, 1, 3, 4)) -> list:
    policy = compile_policy(text)
    full = policy.ir.full_marks
    rows = [{"单位": str(c), "事故": c, "其他问题": 0} for c in counts]
    return [full - total for total in both_totals(policy, rows)]


def refusal(clause: str):
    return one_refusal(one_item(clause, FACTS))


@pytest.mark.parametrize(
    "clause",
    [
        "【事故】每起扣2分，至多扣4分",
        "【事故】每起扣2分，累计最多扣4分",
        "【事故】每起扣2分，累计最高扣4分",
        # what the clause takes in all, said with 不超过 (its verb is the effect's)
        "【事故】每起扣2分，累计不超过4分",
        "【事故】每起扣2分，扣分累计不超过4分",
        "【事故】每起扣2分，累计扣分不超过4分",
        "【事故】每起扣2分，扣分不超过4分",
        "【事故】每起扣2分，最多不超过4分",
        "【事故】每起扣2分、最多扣4分",
    ],
)
def test_more_cap_words_cap_the_clause(clause):
    assert lost(two_items(clause, "")) == [0, 2, 4, 4]


@pytest.mark.parametrize(
    "tail",
    ["本项扣完为止", "扣完本项分值为止", "扣完该项分数为止", "不倒扣", "扣完为止，不倒扣"],
)
def test_the_items_floor_said_of_the_item_is_the_floor(tail):
    assert lost(two_items(f"【事故】每起扣2分，{tail}", "")) == [0, 2, 6, 6]


@pytest.mark.parametrize(
    ("clause", "drop"),
    [
        ("【事故】每起倒扣2分", None),
        ("【事故】每起扣2分，上不封顶", "上不封顶"),
        ("【事故】每起扣2分，扣分不封顶", "扣分不封顶"),
        ("【事故】每起扣2分，减分不设限", "减分不设限"),
    ],
)
def test_a_clause_that_speaks_of_the_floor_is_refused_with_both_readings(clause, drop):
    diagnostic = refusal(clause)
    assert diagnostic.code == "E116"
    hint = diagnostic.hint()
    assert "扣分不设限" in hint
    plain = "【事故】每起扣2分"
    if drop is None:
        assert "条款写 扣2分" in hint
    else:
        assert f"删去 “{drop}”" in hint
    # below zero allowed: the item's line says so, the clause deducts (a second item
    # keeps the total above zero, so that the item's negative score shows in it)
    assert lost(two_items(plain, "，扣分不设限")) == [0, 2, 6, 8]
    # down to zero: the clause as any other
    assert lost(two_items(plain, "")) == [0, 2, 6, 6]


def two_items(clause: str, modifier: str) -> str:
    """The clause in an item of 6 points (with `modifier` on its line), beside another
    item of 6 that loses nothing; the total is 12 less what the first loses."""
    return (
        f"细则：测试\n年度：2024\n满分：12分\n\n数据：\n{FACTS}  其他问题：次\n\n"
        f"一、测试（6分）{modifier}\n  - {clause}\n二、其他（6分）\n  - 【其他问题】每次扣1分\n"
    )


def test_no_cap_on_a_bonus_is_not_read_as_a_floor():
    with pytest.raises(PolicyError) as caught:
        compile_policy(one_item("【荣誉】每项加1分，上不封顶", "  荣誉：项\n"))
    assert "扣分不设限" not in str(caught.value)


@pytest.mark.parametrize(("typed", "meant"), [("底于", "低于"), ("不底于", "不低于")])
def test_a_slip_by_sound_is_mended_to_the_word_meant(typed, meant):
    with pytest.raises(PolicyError) as caught:
        compile_policy(one_item(f"【化解率】{typed}90%的扣2分", "  化解率：百分比\n"))
    assert f"您是不是要写 “{meant}”" in str(caught.value)
    assert "短于" not in str(caught.value)


@pytest.mark.parametrize("cap", ["本项最多扣4分", "此项最高扣4分", "该项限扣4分", "本项限扣4分"])
def test_an_items_cap_in_a_clause_is_refused_with_both_places_to_write_it(cap):
    diagnostic = refusal(f"【事故】每起扣2分，{cap}")
    assert diagnostic.code == "E116"
    assert "评分项行" in diagnostic.hint() and "只限这一条" in diagnostic.hint()
    # the two readings differ once the item has another clause: 3 accidents and 2 other problems
    item = (
        "细则：测试\n年度：2024\n满分：12分\n\n数据：\n  事故：起\n  其他问题：次\n\n"
        "一、测试（6分）{item}\n  - 【事故】每起扣2分{clause}\n  - 【其他问题】每次扣1分\n二、其他（6分）\n"
        "  - 【其他问题】每次扣0分\n"
    )
    whole = compile_policy(item.format(item="，最多扣4分", clause=""))
    clause = compile_policy(item.format(item="", clause="，最多扣4分"))
    facts = {"事故": 3, "其他问题": 2}
    assert both_total(whole, facts) == 8  # the item loses 4 in all
    assert both_total(clause, facts) == 6  # 4 for the accidents, 2 for the rest


@pytest.mark.parametrize(
    ("clause", "capped"),
    [
        ("【信息】每篇加1分，累计不超过3分", "【信息】每篇加1分，最多加3分"),
        ("【信息】每篇加1分，加分累计不超过3分", "【信息】每篇加1分，最多加3分"),
        ("【信息】每篇得1分，累计不超过3分", "【信息】每篇得1分，最多得3分"),
    ],
)
def test_a_cap_said_with_buchaoguo_takes_the_verb_of_its_effect(clause, capped):
    facts = "  信息：篇\n"
    rows = [{"单位": str(n), "信息": n} for n in (0, 1, 3, 5)]
    said = both_totals(compile_policy(one_item(clause, facts)), rows)
    assert said == both_totals(compile_policy(one_item(capped, facts)), rows)
    assert said[-1] == said[-2]  # 5 papers earn what 3 do


@pytest.mark.parametrize(
    "clause",
    [
        "【信息】每篇加1分，扣分不超过3分",  # a cap of another verb: whose?
        "【信息】每篇加1分，本项累计不超过3分",  # the item's, or the clause's?
    ],
)
def test_a_cap_that_names_another_verb_or_the_item_is_not_read(clause):
    with pytest.raises(PolicyError):
        compile_policy(one_item(clause, "  信息：篇\n"))


def test_a_cap_said_with_buchaoguo_in_an_item_of_several_clauses_is_not_read():
    """`A每个得2分，B每个得1分，累计不超过6分`: the last clause's cap, or the item's?  Read
    only where the two are one (an item of one clause)."""
    text = (
        f"细则：测试\n年度：2024\n满分：6分\n\n数据：\n{FACTS}  其他问题：次\n\n"
        "一、测试（6分）\n  - 【其他问题】每次扣1分\n  - 【事故】每起扣2分，累计不超过4分\n"
    )
    with pytest.raises(PolicyError):
        compile_policy(text)
    assert lost(text.replace("累计不超过4分", "最多扣4分"), (0, 3)) == [0, 4]
