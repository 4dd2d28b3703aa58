"""A requirement, then what a unit that misses it loses (`【完成率】应达到95%，未达到的扣2分`,
`【投诉】不得超过3次，超过的扣2分`): read as the requirement's exact complement with that
effect — the same scores as the sentence written with the complement.  Steps after it count
the gap (`未达到的每低1个百分点…`, `超过的，每多1次…`); `超过的，每次扣1分` (every occurrence, or
the excess?), a miss on the wrong side and a requirement whose side the header decides
(`应在95%以上`) are left as written, and refused."""

from __future__ import annotations

import pytest
from helpers import one_item
from xize.compiler import PolicyError, compile_policy

FACTS = "  完成率：百分比\n  投诉：次\n"
RATES = ("100%", "95%", "94.5%", "90%")
COUNTS = ("2", "3", "4", "6")


def totals(clause: str, fact: str, values: tuple) -> list:
    policy = compile_policy(one_item(clause, FACTS))
    others = {"完成率": "100%", "投诉": "0"}
    return [policy.score({**others, fact: v}).total for v in values]


@pytest.mark.parametrize(
    ("clause", "same", "fact", "values"),
    [
        ("【完成率】应达到95%，未达到的扣2分", "【完成率】未达到95%的扣2分", "完成率", RATES),
        ("【完成率】应达到95%，否则扣2分", "【完成率】未达到95%的扣2分", "完成率", RATES),
        ("【完成率】应达到95%，达不到的扣2分", "【完成率】未达到95%的扣2分", "完成率", RATES),
        (
            "【完成率】须不低于95%，低于的，本项不得分",
            "【完成率】低于95%的，本项不得分",
            "完成率",
            RATES,
        ),
        ("【完成率】不得低于95%，否则不得分", "【完成率】低于95%的不得分", "完成率", RATES),
        (
            "【完成率】应达到95%，未达到的每低1个百分点扣1分",
            "【完成率】未达到95%的，每低1个百分点扣1分",
            "完成率",
            RATES,
        ),
        ("【投诉】不得超过3次，超过的扣2分", "【投诉】超过3次的扣2分", "投诉", COUNTS),
        ("【投诉】应不超过3次，否则本项不得分", "【投诉】超过3次的，本项不得分", "投诉", COUNTS),
        (
            "【投诉】不得超过3次，超过的，每多1次扣1分",
            "【投诉】超过3次的，每多1次扣1分",
            "投诉",
            COUNTS,
        ),
        # the miss named by the comparison word turned round, and a standard said
        # without 应 (不少于, 不超过: a standard unless 的 makes it a condition)
        ("【投诉】不得超过3次，多于的扣2分", "【投诉】超过3次的扣2分", "投诉", COUNTS),
        ("【投诉】不超过3次，超过的扣2分", "【投诉】超过3次的扣2分", "投诉", COUNTS),
        (
            "【投诉】应不少于3次，少于的，每少1次扣1分",
            "【投诉】少于3次的，每少1次扣1分",
            "投诉",
            COUNTS,
        ),
        ("【投诉】不少于3次，不足的扣2分", "【投诉】少于3次的扣2分", "投诉", COUNTS),
        (
            "【完成率】不低于95%，低于的，每低1个百分点扣1分",
            "【完成率】低于95%的，每低1个百分点扣1分",
            "完成率",
            RATES,
        ),
    ],
)
def test_the_miss_is_the_requirements_complement(clause, same, fact, values):
    assert totals(clause, fact, values) == totals(same, fact, values)


def test_a_fixed_miss_costs_once_and_steps_count_the_gap():
    assert totals("【完成率】应达到95%，未达到的扣2分", "完成率", RATES) == [6, 6, 4, 4]
    assert totals("【投诉】应不少于3次，少于的，每少1次扣1分", "投诉", ("0", "2", "3")) == [3, 5, 6]
    assert totals("【投诉】不得超过3次，超过的，每多1次扣1分", "投诉", COUNTS) == [6, 6, 5, 3]


@pytest.mark.parametrize(
    "clause",
    [
        "【投诉】应不超过3次，超过的，每次扣1分",  # every occurrence, or the excess?
        "【完成率】应达到95%，超过的扣2分",  # the miss is on the other side
        "【完成率】应在95%以上，未达到的扣2分",  # 以上: its side is the header's
        "【投诉】不超过3次，超过的，每次扣1分",  # without 应 too
        "【投诉】不少于3次的，少于的扣2分",  # 的: a condition, not a standard
    ],
)
def test_what_may_mean_otherwise_is_refused(clause):
    with pytest.raises(PolicyError):
        compile_policy(one_item(clause, FACTS))
