"""`【A】、【B】均达到90%的得5分` (均, 都: docs/language.md 8): every fact listed meets the
comparison, each against its own value — with an average, each against its own mean.
The clause scores once; `分别` / `各` after 均, which would split what 均 joined, is
refused with both sentences to write."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from xize.compiler import PolicyError, compile_policy
from xize.compiler.backends.sql.table import score_table

FACTS = "  办结率：百分比\n  满意率：百分比\n"


def policy(clause: str):
    text = (
        "细则：均\n年度：2024\n满分：5分\n\n数据：\n"
        + FACTS
        + f"\n一、办理质量（5分）\n  - {clause}\n"
    )
    return compile_policy(text, filename="均.rule")


def scores(p, pairs) -> list[Decimal]:
    rows = [{"单位": f"U{i}", "办结率": a, "满意率": b} for i, (a, b) in enumerate(pairs)]
    compiled = p.score_batch(rows)
    assert [r.to_dict() for r in compiled] == [r.to_dict() for r in p.interpreter.score_batch(rows)]
    return [r.total for r in compiled]


@pytest.mark.parametrize(
    "clause",
    [
        "【办结率】、【满意率】均达到90%的得5分",
        "【办结率】、【满意率】都达到90%的得5分",
        "【办结率】、【满意率】均在90%以上的得5分",
        "【办结率】、【满意率】均90%以上的得5分",
    ],
)
def test_both_must_reach_the_bound(clause):
    # both 90 (on the bound: 以上 and 达到 take it in), one short, both short
    assert scores(
        policy(clause), [("90%", "95%"), ("89%", "95%"), ("95%", "80%"), ("1%", "2%")]
    ) == [
        5,
        0,
        0,
        0,
    ]


def test_both_short_is_one_deduction():
    p = policy("【办结率】、【满意率】均未达到90%的扣3分")
    assert scores(p, [("80%", "85%"), ("80%", "95%"), ("95%", "95%")]) == [2, 5, 5]


def test_each_against_its_own_mean():
    # means: 办结率 (90 + 80 + 70) / 3 = 80, 满意率 (60 + 90 + 90) / 3 = 80
    p = policy("【办结率】、【满意率】均高于全市平均水平的得5分")
    assert scores(p, [("90%", "60%"), ("80%", "90%"), ("70%", "90%")]) == [0, 0, 0]
    # means 80 and 70: only U0 is above both
    assert scores(p, [("90%", "80%"), ("80%", "60%"), ("70%", "70%")]) == [5, 0, 0]


def test_duckdb_agrees():
    pa = pytest.importorskip("pyarrow")
    p = policy("【办结率】、【满意率】均高于全市平均水平的得5分")
    pairs = [("90%", "80%"), ("80%", "60%"), ("70%", "70%"), ("85%", "75%")]
    table = pa.table(
        {
            "单位": [f"U{i}" for i in range(len(pairs))],
            "办结率": [a for a, _ in pairs],
            "满意率": [b for _, b in pairs],
        }
    )
    got = [Decimal(str(v)) for v in score_table(p.ir, table).column("总分").to_pylist()]
    assert got == scores(p, pairs)


@pytest.mark.parametrize(
    "clause",
    [
        "【办结率】、【满意率】都达到90%的，各得2分",
        "【办结率】、【满意率】均低于80%的，分别扣1分、2分",
    ],
)
def test_splitting_what_jun_joined_is_refused(clause):
    with pytest.raises(PolicyError) as raised:
        policy(clause)
    (diag,) = [d for d in raised.value.diagnostics if d.code.startswith("E")]
    assert diag.code == "E101"
    assert "每项写一条" in diag.args["expected"] or "分别扣N分" in diag.args["expected"]


def test_no_hint_turns_jun_into_a_requirement():
    """Before 均 was read, the hint offered `应达到` (a standard to meet) for `均达到`."""
    p = policy("【办结率】、【满意率】均达到90%的得5分")
    assert p.score({"办结率": "90%", "满意率": "90%"}).total == 5


@settings(max_examples=30, deadline=None)
@given(st.integers(0, 100), st.integers(0, 100))
def test_jun_is_the_and_of_the_two(a, b):
    joined = policy("【办结率】、【满意率】均达到90%的得5分")
    spelled = policy("【办结率】达到90%且【满意率】达到90%的得5分")
    facts = {"办结率": f"{a}%", "满意率": f"{b}%"}
    assert joined.score(facts).total == spelled.score(facts).total == (5 if min(a, b) >= 90 else 0)


@pytest.mark.parametrize("word", ["有一项", "任一项", "其中一项", "任何一项"])
def test_one_of_the_listed_is_refused_with_both_readings_to_write(word):
    """`【A】、【B】有一项低于80%的扣1分`: once when any is below, or once for each?  Both
    sentences the hint gives compile, and score what each reading says."""
    with pytest.raises(PolicyError) as raised:
        policy(f"【办结率】、【满意率】{word}低于80%的扣1分")
    (diag,) = [d for d in raised.value.diagnostics if d.code.startswith("E")]
    assert diag.code == "E120"
    once, each = policy(diag.args["once"]), policy(diag.args["each"])
    pairs = [("70%", "70%"), ("70%", "90%"), ("90%", "90%")]
    assert scores(once, pairs) == [4, 4, 5]
    assert scores(each, pairs) == [3, 4, 5]


@pytest.mark.parametrize(
    "clause",
    [
        "【办结率】、【满意率】均不得低于90%，每低1个百分点扣1分",
        "【办结率】、【满意率】均应达到90%，每低1个百分点扣1分",
        "【办结率】、【满意率】均低于90%的，每低1个百分点扣1分",
    ],
)
def test_jun_before_a_requirement_with_steps_is_refused(clause):
    """A requirement with a per-step deduction over several facts counts each fact's
    own shortfall; 均 never makes it one condition over both (that would deduct per step
    of nothing, or once)."""
    with pytest.raises(PolicyError) as raised:
        policy(clause)
    assert any(d.code.startswith("E") for d in raised.value.diagnostics)
