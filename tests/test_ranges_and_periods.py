"""Ranges written as `80%-90%`, 但 between two comparisons, and the words around a
requirement's count (`每年召开【例会次数】不少于4次`) — docs/language.md 区间 and 要求的次数.

A range says nothing of its ends: refused with each reading written out, each of which
is compiled and scored here; with both ends remarked (`80%（含）至90%（不含）`) it is read.
"""

from __future__ import annotations

import re

import pytest
from helpers import both_totals, one_item, one_refusal
from xize.compiler import compile_policy

RATE = "  化解率：百分比\n"
VALUES = ["79%", "80%", "85%", "90%", "91%"]


def earned(clause: str, values=VALUES, facts: str = RATE, name: str = "化解率") -> list:
    policy = compile_policy(one_item(clause, facts))
    return both_totals(policy, [{"单位": str(i), name: v} for i, v in enumerate(values)])


def refusal(clause: str, facts: str = RATE):
    return one_refusal(one_item(clause, facts))


#: What each reading of `80%-90%的得3分` earns at 79%, 80%, 85%, 90%, 91%.
READINGS = {
    "含80%、不含90%": [0, 3, 3, 0, 0],
    "不含80%、含90%": [0, 0, 3, 3, 0],
    "含80%、含90%": [0, 3, 3, 3, 0],
    "不含80%、不含90%": [0, 0, 3, 0, 0],
}


@pytest.mark.parametrize(
    "clause",
    [
        "【化解率】80%-90%的得3分",
        "【化解率】在80%-90%的得3分",
        "【化解率】在80%至90%之间的得3分",
        "【化解率】介于80%和90%之间的得3分",
        "【化解率】在80%～90%的得3分",
    ],
)
def test_a_bare_range_is_refused_with_each_reading_written_out(clause):
    diagnostic = refusal(clause)
    assert diagnostic.code == "E116"
    assert "原文没有说" in diagnostic.message()
    hint = diagnostic.hint()
    range_text = str(diagnostic.args["text"])
    offered = re.findall(r"((?:不)?含80%、(?:不)?含90%)的写 (\S+?)(?:；|$)", hint)
    assert [label for label, _ in offered] == ["含80%、不含90%", "不含80%、含90%", "含80%、含90%"]
    for label, written in offered:  # each reading compiles and scores as it says
        assert earned(clause.replace(range_text, written)) == READINGS[label], label


@pytest.mark.parametrize(
    ("clause", "labels"),
    [
        ("【化解率】80%（含）-90%的得3分", ["含80%、不含90%", "含80%、含90%"]),
        ("【化解率】80%-90%（不含）的得3分", ["含80%、不含90%", "不含80%、不含90%"]),
    ],
)
def test_a_range_with_one_end_said_offers_only_the_other_ends_two_ways(clause, labels):
    diagnostic = refusal(clause)
    offered = re.findall(r"((?:不)?含80%、(?:不)?含90%)的写 (\S+?)(?:；|$)", diagnostic.hint())
    assert [label for label, _ in offered] == labels
    for label, written in offered:
        assert earned(clause.replace(str(diagnostic.args["text"]), written)) == READINGS[label]


@pytest.mark.parametrize(
    ("clause", "label"),
    [
        ("【化解率】80%（含）-90%（不含）的得3分", "含80%、不含90%"),
        ("【化解率】在80%（不含）至90%（含）之间的得3分", "不含80%、含90%"),
        ("【化解率】80%(包含本数)~90%(包含本数)的得3分", "含80%、含90%"),
    ],
)
def test_a_range_with_both_ends_said_is_read(clause, label):
    assert earned(clause) == READINGS[label]


def test_a_said_range_of_counts_and_a_tier_table():
    facts = "  会议：次\n"
    rows = ["2", "3", "4", "5", "6"]
    assert earned("【会议】在3次（含）至5次（含）之间的扣1分", rows, facts, "会议") == [
        6,
        5,
        5,
        5,
        6,
    ]
    table = "【化解率】达到90%的得6分；80%(含)~90%(不含)的得3分"
    assert earned(table) == [0, 3, 3, 6, 6]


@pytest.mark.parametrize(
    "clause",
    [
        "【化解率】达到80%但低于90%的得3分",
        "【化解率】达到80%但是低于90%的得3分",
        "【化解率】达到80%而未达到90%的得3分",
    ],
)
def test_but_between_two_comparisons_is_and(clause):
    assert earned(clause) == READINGS["含80%、不含90%"]


MEETINGS = "  例会次数：次\n"


@pytest.mark.parametrize(
    "clause",
    [
        "【例会次数】每年不少于4次，少一次扣1分",
        "每年召开【例会次数】不少于4次，少一次扣1分",
        "全年召开【例会次数】不少于4次，少一次扣1分",
        "召开【例会次数】不少于4次，少一次扣1分",
        "【例会次数】全年召开不少于4次，少一次扣1分",
        "【例会次数】召开不少于4次，每少1次扣1分",
        # the thing done, which the fact's name says
        "【例会次数】全年召开例会不少于4次，少一次扣1分",
        "【例会次数】应召开例会不少于4次，每少1次扣1分",
    ],
)
def test_words_around_a_required_count_add_nothing(clause):
    assert earned(clause, ["0", "3", "4", "5"], MEETINGS, "例会次数") == [2, 5, 6, 6]


def test_a_thing_done_that_the_name_does_not_say_is_not_blanked():
    """`召开座谈会` on 【例会次数】: another thing than the fact counts — read as written."""
    assert refusal("【例会次数】全年召开座谈会不少于4次，少一次扣1分", MEETINGS).code == "E101"


@pytest.mark.parametrize(
    "clause",
    [
        "【未培训次数】全年组织培训不少于2次，每少1次扣1分",
        # the verb alone, and the verb before the fact, turn it round as much
        "【未培训次数】全年组织不少于2次，每少1次扣1分",
        "【未培训次数】组织不少于2次，每少1次扣1分",
        "全年组织【未培训次数】不少于2次，每少1次扣1分",
        # 应 and a verb before the number (`应召开4次`: at least 4) likewise
        "【未培训次数】应组织2次，每少1次扣1分",
    ],
)
def test_a_verb_of_doing_beside_a_fact_of_what_was_missed_is_refused(clause):
    """`组织培训不少于2次` on 【未培训次数】: the standard would be turned round (a unit that
    missed no training losing 2) — refused, with the requirement written on a fact of
    the trainings held, which scores as the sentence means."""
    refused = refusal(clause, "  未培训次数：次\n")
    assert refused.code == "E116"
    written = str(refused.args["suggest"]).split("写 ", 1)[1].split("；", 1)[0]
    assert written == "【培训次数】不少于2次，每少1次扣1分"
    assert earned(written, ["0", "1", "2", "3"], "  培训次数：次\n", "培训次数") == [4, 5, 6, 6]


def test_a_verb_of_doing_beside_a_share_not_done_writes_the_share_done():
    """`【未完成率】须完成90%以上`: the requirement is on the share done — the hint names it a
    share (not a count) and writes it on 【完成率】, which scores as the sentence means."""
    refused = refusal("【未完成率】须完成90%以上，每低1个百分点扣0.1分", "  未完成率：百分比\n")
    assert refused.code == "E116"
    assert "做到的比例" in refused.message() and "次数" not in refused.message()
    written = str(refused.args["suggest"]).split("写 ", 1)[1].split("；", 1)[0]
    assert written.startswith("【完成率】")
    assert earned(written, ["95", "90", "80"], "  完成率：百分比\n", "完成率") == [6, 6, 5]


@pytest.mark.parametrize(
    ("clause", "fact", "verb"),
    [
        ("【缺会次数】全年召开不少于4次，每少1次扣1分", "缺会次数", "召开"),
        # the thing done that the name holds after 缺 is not dropped either
        ("【缺培训次数】全年组织培训不少于2次，每少1次扣1分", "缺培训次数", "组织培训"),
    ],
)
def test_a_verb_of_doing_beside_a_count_of_misses_is_refused(clause, fact, verb):
    """`【缺会次数】全年召开不少于4次`: 4 meetings held is no bound on those missed (read
    without the verb, a unit that missed none would lose 4)."""
    refused = refusal(clause, f"  {fact}：次\n")
    assert refused.code == "E116" and f"去掉 “{verb}”" in str(refused.args["suggest"])


def test_a_negated_verb_before_the_fact_is_not_blanked():
    # `未召开…`: the verb is not the clause's first word, so it is read as written (refused)
    assert refusal("未召开【例会次数】不少于4次的扣1分", MEETINGS).code == "E101"


@pytest.mark.parametrize("period", ["每季度", "每月", "每半年"])
def test_a_requirement_on_every_period_is_refused_for_a_count_of_its_own(period):
    diagnostic = refusal(f"【例会次数】{period}不少于1次，少一次扣1分", MEETINGS)
    assert diagnostic.code == "E116"
    written = str(diagnostic.args["suggest"]).split("写 ", 1)[1].replace("N", "1")
    fact = re.match(r"【([^】]+)】", written)[1]
    assert fact.startswith("未达到要求的") and period.removeprefix("每") in fact
    assert earned(written, ["0", "1", "2"], f"  {fact}：个\n", fact) == [6, 5, 4]


COMPLAINTS = "  投诉：次\n"


@pytest.mark.parametrize(
    "clause",
    [
        "【投诉】控制在3次以内，每超1次扣1分",
        "【投诉】应控制在3次以内，每超1次扣1分",
        "【投诉】全年控制在三次以内，每超一次扣1分",
        "【投诉】3次以内，每超1次扣1分",
    ],
)
def test_a_ceiling_kept_is_the_bound_itself(clause):
    assert earned(clause, ["2", "3", "4", "6"], COMPLAINTS, "投诉") == [6, 6, 5, 3]


def test_a_ceiling_kept_leaves_its_bound_to_the_header():
    """`以下` stays as written (the header's 边界 still reads it): the sentence scores as
    the bound alone does under the same header."""
    header = "边界：以下不含本数\n满分："
    text = one_item("【投诉】控制在3次以下，每超1次扣1分", COMPLAINTS).replace("满分：", header, 1)
    same = one_item("【投诉】3次以下，每超1次扣1分", COMPLAINTS).replace("满分：", header, 1)
    rows = [{"单位": str(i), "投诉": v} for i, v in enumerate(["2", "3", "4", "6"])]
    assert both_totals(compile_policy(text), rows) == both_totals(compile_policy(same), rows)
    assert both_totals(compile_policy(text), rows) == [6, 6, 5, 3]


def test_money_put_in_is_the_amount_itself():
    facts = "  经费：万元\n"
    clause = "【经费】全年投入不少于10万元的得2分"
    assert earned(clause, ["12", "10", "8"], facts, "经费") == [2, 2, 0]
