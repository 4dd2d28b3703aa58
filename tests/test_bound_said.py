"""A bound's own remark (`3次以上（含3次）`, `90%以下（不含90%）`, `3次（含）以上`): it says on
which side the bound is, whatever the header's 边界 says a bare 以上 or 以下 means — so the
remark is read as the word that includes or leaves out the bound by itself (达到, 超过,
不超过, 低于), on a plain line and on a line that also speaks of the batch."""

from __future__ import annotations

from decimal import Decimal

import pytest
from xize.compiler import PolicyError, compile_policy

#: Headers under which the remark must mean the same.
HEADERS = ["", "边界：以上不含本数，以下不含本数\n", "边界：以上含本数，以下含本数\n"]


def policy(clause: str, header: str = "") -> str:
    return (
        f"细则：界上的值\n年度：2024\n满分：6分\n{header}\n数据：\n  投诉：次\n  完成率：百分比\n\n"
        f"一、测试（6分）\n  - {clause}\n"
    )


@pytest.mark.parametrize("header", HEADERS)
@pytest.mark.parametrize(
    ("clause", "fact", "values", "totals"),
    [
        ("【投诉】3次以上（含3次）的扣1分", "投诉", ("2", "3", "4"), (6, 5, 5)),
        ("【投诉】3次以上(含本数)的扣1分", "投诉", ("2", "3", "4"), (6, 5, 5)),
        ("【投诉】3次（含）以上的扣1分", "投诉", ("2", "3", "4"), (6, 5, 5)),
        ("【投诉】在3次以上（包括3次）的扣1分", "投诉", ("2", "3", "4"), (6, 5, 5)),
        ("【投诉】3次以上（不含3次）的扣1分", "投诉", ("2", "3", "4"), (6, 6, 5)),
        ("【完成率】90%以下（含90%）的扣1分", "完成率", ("95%", "90%", "85%"), (6, 5, 5)),
        ("【完成率】90%以下（不含）的扣1分", "完成率", ("95%", "90%", "85%"), (6, 6, 5)),
        (
            "【完成率】90%及以上（含90%）的得6分，否则不得分",
            "完成率",
            ("95%", "90%", "85%"),
            (6, 6, 0),
        ),
    ],
)
def test_the_remark_places_the_bound_whatever_the_header(header, clause, fact, values, totals):
    scored = compile_policy(policy(clause, header))
    others = {"投诉": "0", "完成率": "100%"}  # the fact the clause does not read
    got = tuple(scored.score({**others, fact: v}).total for v in values)
    assert got == tuple(Decimal(t) for t in totals)


@pytest.mark.parametrize("header", HEADERS)
def test_on_a_line_that_also_reads_the_batch(header):
    """The batch's rewrites once dropped `（含3次）` and left a bare 以上, which a header
    saying 以上不含本数 then read as 超过3次: the unit with 3 was not deducted."""
    clause = "【完成率】低于全市平均值且【投诉】3次以上（含3次）的扣1分"
    scored = compile_policy(policy(clause, header))
    batch = [
        {"单位": "甲", "完成率": "80%", "投诉": "3"},
        {"单位": "乙", "完成率": "80%", "投诉": "2"},
        {"单位": "丙", "完成率": "100%", "投诉": "3"},
    ]
    assert [r.total for r in scored.score_batch(batch)] == [5, 6, 6]


@pytest.mark.parametrize(
    "clause",
    ["【投诉】3次以上（含5次）的扣1分", "【完成率】90%以下（不含90%非）的扣1分"],
)
def test_a_remark_saying_more_than_the_bound_is_refused(clause):
    with pytest.raises(PolicyError):
        compile_policy(policy(clause))


@pytest.mark.parametrize(
    ("remark", "reads"),
    [("（含3次）", True), ("（含）", True), ("（含本数）", True), ("（含3次非）", False)],
)
def test_on_a_batch_line_more_in_the_remark_is_not_read_past(remark, reads):
    """On a line that reads the batch, `（含3次非）` was read as `（含3次）`."""
    clause = f"【完成率】低于全市平均值且【投诉】3次以上{remark}的扣1分"
    if not reads:
        with pytest.raises(PolicyError):
            compile_policy(policy(clause))
        return
    scored = compile_policy(policy(clause))
    batch = [
        {"单位": "甲", "完成率": "80%", "投诉": "3"},
        {"单位": "乙", "完成率": "80%", "投诉": "2"},
        {"单位": "丙", "完成率": "100%", "投诉": "3"},
    ]
    assert [r.total for r in scored.score_batch(batch)] == [5, 6, 6]
