"""Comparison words read aloud from symbols (`大于等于` ≥, `小于等于` ≤, and their 或 forms)
and `达不到` (未达到): each scores exactly as the word the language already had for the same
bound, in a condition, a counter, a standard followed by steps and a per-step shortfall —
the bound itself included or not as the word says."""

from __future__ import annotations

import pytest
from helpers import one_item
from xize.compiler import compile_policy

FACTS = "  完成率：百分比\n"
VALUES = ("95%", "90.5%", "90%", "89.5%", "85%", "80%")

#: Each new word and the word it must score like.
SYNONYMS = [
    ("大于等于", "不低于"),
    ("大于或等于", "不低于"),
    ("等于或大于", "达到"),
    ("小于等于", "不超过"),
    ("小于或等于", "不超过"),
    ("等于或小于", "不超过"),
    ("达不到", "未达到"),
]

FORMS = [
    "【完成率】{w}90%的扣2分",
    "【完成率】{w}90%的得6分，否则不得分",
]

STANDARDS = [
    ("大于等于", "【完成率】大于等于90%的得6分；低于90%的，每低1个百分点扣1分"),
    ("大于或等于", "【完成率】大于或等于90%的得6分；低于90%的，每低1个百分点扣1分"),
    ("小于等于", "【完成率】小于等于90%的得6分；超过90%的，每超1个百分点扣1分"),
]


def totals(clause: str) -> list:
    policy = compile_policy(one_item(clause, FACTS))
    return [policy.score({"完成率": v}).total for v in VALUES]


@pytest.mark.parametrize(("word", "same"), SYNONYMS)
@pytest.mark.parametrize("form", FORMS)
def test_each_word_scores_as_its_synonym(word, same, form):
    assert totals(form.format(w=word)) == totals(form.format(w=same))


def test_a_shortfall_below_the_bound_is_counted_from_it():
    clause = "【完成率】{w}90%的，每差1个百分点扣0.5分"
    assert totals(clause.format(w="达不到")) == totals(clause.format(w="未达到"))
    assert totals(clause.format(w="达不到"))[VALUES.index("85%")] == 3.5


def test_the_bound_is_on_the_side_the_word_says():
    # at exactly 90%: ≥ and ≤ both include it; 达不到 leaves it out
    at = VALUES.index("90%")
    assert totals("【完成率】大于等于90%的扣2分")[at] == 4
    assert totals("【完成率】小于等于90%的扣2分")[at] == 4
    assert totals("【完成率】达不到90%的扣2分")[at] == 6
    assert totals("【完成率】达不到90%的扣2分")[VALUES.index("89.5%")] == 4


@pytest.mark.parametrize(("word", "clause"), STANDARDS)
def test_a_standard_in_two_halves_reads_as_one_rule(word, clause):
    """`大于等于90%的得6分；低于90%的，每低…扣` is the standard and its shortfall (§9.16):
    the steps start at the bound, never counted from zero."""
    plain = clause.replace(word, "不低于" if "大于" in word else "不超过")
    assert totals(clause) == totals(plain)
