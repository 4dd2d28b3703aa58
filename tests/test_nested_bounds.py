"""Tiers written as separate conditions on one fact (`低于90%的扣1分；低于80%的扣2分`,
`达到90%的得6分；达到80%的得4分`): as written a unit past both bounds got both (3 deducted;
10 earned in a 10-point item) — such lines mean the deepest tier.  Refused (E267) with the
tiers written out, tested to score them; `另扣` says deductions add up; 就高不就低 takes the
larger earning."""

from __future__ import annotations

from decimal import Decimal

import pytest
from helpers import one_item
from xize.compiler import PolicyError, compile_policy

FACTS = "  完成率：百分比\n"


def totals(clause: str, node_tail: str = "") -> list[Decimal]:
    text = one_item(clause, FACTS, points=10).replace("（10分）", f"（10分）{node_tail}")
    policy = compile_policy(text)
    return [policy.score({"完成率": v}).total for v in ("95%", "90%", "85%", "80%", "75%")]


@pytest.mark.parametrize(
    ("clause", "bounded", "expected"),
    [
        (
            "【完成率】低于90%的扣1分；低于80%的扣2分",
            "【完成率】低于90%且不低于80%的扣1分",
            [10, 10, 9, 9, 8],
        ),
        (
            "【完成率】达到90%的得6分；达到80%的得4分",
            "【完成率】达到80%且低于90%的得4分",
            [6, 6, 4, 4, 0],
        ),
        (
            "【完成率】低于90%扣1分；低于80%扣2分",  # no 的: a comparison, not a step of 80%
            "【完成率】低于90%且不低于80%扣1分",
            [10, 10, 9, 9, 8],
        ),
        (
            "【完成率】90%以上的得6分；80%以上的得4分",
            "【完成率】80%以上且低于90%的得4分",
            [6, 6, 4, 4, 0],
        ),
    ],
)
def test_nested_tiers_are_refused_with_the_tiers_written_out(clause, bounded, expected):
    with pytest.raises(PolicyError) as error:
        compile_policy(one_item(clause, FACTS, points=10))
    (diag,) = [d for d in error.value.diagnostics if d.is_error]
    assert diag.code == "E267" and bounded in diag.hint()
    first, second = clause.split("；")
    rewritten = f"{bounded}；{second}" if first.endswith(bounded[-4:]) else f"{first}；{bounded}"
    assert totals(rewritten) == expected


def test_deductions_said_to_add_up_and_earnings_taken_at_the_highest_read():
    assert totals("【完成率】低于90%的扣1分；低于80%的另扣2分") == [10, 10, 9, 9, 7]
    taken = totals("【完成率】达到90%的得6分；达到80%的得4分", "，就高不就低")
    assert taken == [6, 6, 4, 4, 0]


def test_bonus_tiers_are_refused_with_both_readings():
    """`超过90%的加1分；超过95%的加2分` gave 3 at 97% as written; the tiers mean 2."""
    clause = "【完成率】超过90%的加1分；超过95%的加2分"
    with pytest.raises(PolicyError) as error:
        compile_policy(one_item(clause, FACTS, points=10))
    (diag,) = [d for d in error.value.diagnostics if d.is_error]
    bounded = "【完成率】超过90%且不超过95%的加1分"
    assert diag.code == "E267" and bounded in diag.hint() and "另加" in diag.hint()

    def bonuses(text: str) -> list[Decimal]:
        policy = compile_policy(one_item(text, FACTS, points=10))
        return [policy.score({"完成率": v}).total for v in ("90%", "93%", "95%", "97%")]

    assert bonuses(f"{bounded}；超过95%的加2分") == [10, 11, 11, 12]
    assert bonuses("【完成率】超过90%的加1分；超过95%的另加2分") == [10, 11, 11, 13]


def test_earned_tiers_offer_no_adding_up():
    with pytest.raises(PolicyError) as error:
        compile_policy(one_item("【完成率】达到90%的得6分；达到80%的得4分", FACTS, points=10))
    (diag,) = [d for d in error.value.diagnostics if d.is_error]
    assert "另" not in diag.hint()


@pytest.mark.parametrize(
    "clause",
    [
        "【完成率】低于90%且不低于80%的扣1分；低于85%的扣2分",  # 80–85 in both
        "【完成率】达到80%的扣1分；低于90%的扣2分",  # opposite sides, 80–90 in both
        "【完成率】达到90%的得6分；达到80%且不超过90%的得4分",  # 90 itself in both
    ],
)
def test_overlapping_ranges_are_refused(clause):
    """Ranges that share values add up there as written: refused like nested bounds."""
    with pytest.raises(PolicyError) as error:
        compile_policy(one_item(clause, FACTS, points=10))
    (diag,) = [d for d in error.value.diagnostics if d.is_error]
    assert diag.code == "E267" and "不重叠" in diag.hint()


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        ("【完成率】低于90%且不低于80%的扣1分；低于80%的扣2分", [10, 10, 9, 9, 8]),
        ("【完成率】达到90%的得6分；达到80%且低于90%的得4分", [6, 6, 4, 4, 0]),
    ],
)
def test_ranges_that_meet_without_overlap_read_as_written(clause, expected):
    assert totals(clause) == expected


def test_the_same_case_twice_reads_as_written():
    """Two consequences of one case are no tiers: both apply (3 deducted below 90%)."""
    assert totals("【完成率】低于90%的扣1分；低于90%的扣2分") == [10, 10, 7, 7, 7]


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        ("【完成率】达到90%的得6分，达到80%的得4分", [6, 6, 4, 4, 0]),
        ("【完成率】低于80%的扣2分，低于90%的扣1分", [10, 10, 9, 9, 8]),
    ],
)
def test_a_comma_between_tiers_is_refused_with_the_tiers_to_write(clause, expected):
    """`，达到80%的得4分` after `达到90%的得6分` is no opposite (E247); the next tier down is
    offered, written so that the tiers do not overlap, and it scores the deepest reached."""
    with pytest.raises(PolicyError) as error:
        compile_policy(one_item(clause, FACTS, points=10))
    (diag,) = [d for d in error.value.diagnostics if d.is_error]
    assert diag.code == "E247"
    tiers = diag.args["tiers"].split("写 ", 1)[1]
    assert totals(tiers) == expected


def test_tiers_parted_by_a_mark_read_as_two_clauses():
    """`90%以上得6分、80%以上得4分`: 、 after an amount, before another bound, parts two
    clauses — refused as tiers like any two (it was a bare syntax error), and the tiers
    written out with 、 score the deepest reached."""
    with pytest.raises(PolicyError) as error:
        compile_policy(one_item("【完成率】90%以上得6分、80%以上得4分", FACTS, points=10))
    (diag,) = [d for d in error.value.diagnostics if d.is_error]
    assert diag.code == "E267"
    assert totals("【完成率】90%以上得6分、80%以上且低于90%得4分") == [6, 6, 4, 4, 0]
