"""A clause's own cap in the words of what it caps (docs/language.md section 7):
`每完成一项得1分，最高得3分` earns at most 3 (beside the item's other earnings), as
`最多扣3分` deducts at most 3 and `最高加3分` adds at most 3.  A cap whose verb is not what
the clause does (`每次扣1分，最高得3分`, `每次得1分，最多扣3分`, `每次加1分，最多扣3分`) says
two things at once and is refused (E253); W311 counts a capped earning with its cap;
`xize render` writes the cap back in its own words."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlrun import differences, duckdb_results, expected_summary
from xize.compiler import PolicyError, compile_policy
from xize.compiler.check.run import check
from xize.compiler.render.sentences import Sentences
from xize.compiler.source.text import Source
from xize.compiler.syntax.parser import parse


def text(clauses: str, points: int = 10) -> str:
    return (
        f"细则：上限\n年度：2024\n满分：{points}分\n\n数据：\n"
        "  专项行动：次，默认0\n  建立台账：是否\n  通报：次，默认0\n  获奖：次，默认0\n\n"
        f"(一)工作({points}分)\n{clauses}"
        "(二)加分，加分项，最高加5分\n  - 【获奖】每次加1分\n"
    )


CAPPED = "  - 【专项行动】每次得1分，最高得3分\n  - 【建立台账】的得7分\n"


def diagnostics(source: str) -> list:
    tree, diags = parse(Source(source, "上限.rule"))
    if tree is None:
        return diags
    return diags + check(tree, Source(source, "上限.rule"))


@pytest.mark.parametrize(
    ("count", "ledger", "expected"),
    [(0, "是", 7), (1, "是", 8), (3, "是", 10), (9, "是", 10), (9, "否", 3), (2, "否", 2)],
)
def test_a_capped_earning_earns_at_most_its_cap(count, ledger, expected):
    policy = compile_policy(text(CAPPED), filename="上限.rule")
    facts = {"专项行动": count, "建立台账": ledger}
    assert policy.score(facts).nodes["(一)"].score == Decimal(expected)
    assert policy.score(facts).to_dict() == policy.interpreter.score(facts).to_dict()


@pytest.mark.parametrize(
    "words", ["最高得3分", "最多得3分", "最高计3分", "最多计3分", "累计最多得3分"]
)
def test_the_words_of_an_earning_cap(words):
    clauses = f"  - 【专项行动】每次得1分，{words}\n  - 【建立台账】的得7分\n"
    policy = compile_policy(text(clauses), filename="上限.rule")
    assert policy.score({"专项行动": 5, "建立台账": "否"}).total == Decimal(3)


def test_an_earning_cap_on_a_formula():
    clauses = (
        "  - 【专项行动】超过0次的，得(【专项行动】×2)分，最高得6分\n  - 【建立台账】的得4分\n"
    )
    policy = compile_policy(text(clauses), filename="上限.rule")
    scores = [
        policy.score({"专项行动": n, "建立台账": "是"}).nodes["(一)"].score for n in (0, 2, 3, 7)
    ]
    assert scores == [4, 8, 10, 10]
    assert policy.score({"专项行动": 7, "建立台账": "否"}).nodes["(一)"].score == Decimal(6)


@pytest.mark.parametrize(
    ("clause", "why"),
    [
        ("  - 【通报】每次扣1分，最高得3分\n", "限的是得分"),
        ("  - 【专项行动】每次得1分，最多扣3分\n", "限的是扣分，这一条却只得分"),
        ("  - 【通报】每次扣1分，最高加3分\n", "限的是加分"),
    ],
)
def test_a_cap_that_is_not_what_the_clause_does_is_refused(clause, why):
    with pytest.raises(PolicyError) as raised:
        compile_policy(text(clause + "  - 【建立台账】的得10分\n"), filename="上限.rule")
    message = str(raised.value)
    assert "E253" in message and why in message


def test_a_deduction_cap_on_a_bonus_is_refused():
    source = text(CAPPED).replace("【获奖】每次加1分", "【获奖】每次加1分，最多扣3分")
    with pytest.raises(PolicyError) as raised:
        compile_policy(source, filename="上限.rule")
    assert "E253" in str(raised.value) and "最高加N分" in str(raised.value)


def test_an_earning_cap_is_not_a_node_budget():
    # `最高得6分` on an item line is no deduction budget (it would cap what is lost)
    source = text(CAPPED).replace("(一)工作(10分)", "(一)工作(10分)，最高得6分")
    assert "E117" in [d.code for d in diagnostics(source)]


def test_w311_counts_a_capped_earning_with_its_cap():
    short = "  - 【专项行动】每次得1分，最高得3分\n  - 【建立台账】的得5分\n"
    w311 = [d for d in diagnostics(text(short)) if d.code == "W311"]
    assert len(w311) == 1 and w311[0].args["total"] == "8"
    assert "W311" not in [d.code for d in diagnostics(text(CAPPED))]
    # without a cap the earning has no fixed total: nothing to compare
    uncapped = short.replace("，最高得3分", "")
    assert "W311" not in [d.code for d in diagnostics(text(uncapped))]


def test_render_writes_each_cap_in_its_own_words():
    source = text(
        "  - 【专项行动】每次得1分，最高得3分\n  - 【建立台账】的得7分\n"
        "  - 【通报】每次扣1分，最多扣2分\n"
    ).replace("【获奖】每次加1分", "【获奖】每次加1分，最高加2分")
    tree, diags = parse(Source(source, "上限.rule"))
    assert tree is not None and not [d for d in diags if d.is_error]
    words = Sentences()
    said = [words.clause(c) for node in _walk(tree.nodes) for c in node.clauses]
    assert any(s.endswith("每次得1分，最高得3分") for s in said), said
    assert any(s.endswith("扣1分，最多扣2分") for s in said), said
    assert any(s.endswith("加1分，最高加2分") for s in said), said


@settings(max_examples=60, deadline=None)
@given(
    count=st.integers(0, 20),
    step=st.sampled_from(["0.5", "1", "1.5"]),
    cap=st.sampled_from(["1", "2.5", "3", "12"]),
    ledger=st.booleans(),
)
def test_capped_earnings_exact_and_engines_agree(count, step, cap, ledger):
    clauses = f"  - 【专项行动】每次得{step}分，最高得{cap}分\n  - 【建立台账】的得7分\n"
    policy = compile_policy(text(clauses), filename="上限.rule")
    facts = {"专项行动": count, "建立台账": "是" if ledger else "否"}
    earned = min(Decimal(step) * count, Decimal(cap)) + (7 if ledger else 0)
    result = policy.score(facts)
    assert result.nodes["(一)"].score == min(earned, Decimal(10))
    assert result.to_dict() == policy.interpreter.score(facts).to_dict()


def test_duckdb_computes_capped_earnings_as_python_does():
    policy = compile_policy(text(CAPPED), filename="上限.rule")
    rows = [
        {"单位": f"单位{i}", "专项行动": str(n), "建立台账": yes, "通报": "0", "获奖": "1"}
        for i, (n, yes) in enumerate([(0, "是"), (2, "否"), (3, "是"), (8, "否"), (5, "是")])
    ]
    results = policy.score_batch(rows)
    assert [r.nodes["(一)"].score for r in results] == [7, 2, 10, 3, 10]
    got = duckdb_results(policy.ir, rows)
    assert differences(expected_summary(policy.ir, results), got) == []


def _walk(nodes):
    for node in nodes:
        yield node
        yield from _walk(node.children)


@pytest.mark.parametrize(
    ("clause", "unit", "count", "earned"),
    [
        ("【结对】每结对1组得0.5分，最高得3分", "组", 4, "2"),
        ("【结对】每组得0.5分，最高得3分", "组", 9, "3"),
        ("【结对】每组建1支得0.5分", "支", 3, "1.5"),
        ("【结对】每组织开展1次得1分，最高得3分", "次", 2, "2"),
        ("【结对】每完成一项得1分，最高得3分", "项", 5, "3"),
    ],
)
def test_doing_verbs_and_team_units_count_an_earning(clause, unit, count, earned):
    source = (
        f"细则：计数\n年度：2024\n满分：5分\n\n数据：\n  结对：{unit}，默认0\n  建档：是否\n\n"
        f"(一)工作(5分)\n  - {clause}\n  - 【建档】得2分\n"
    )
    policy = compile_policy(source, filename="计数.rule")
    assert policy.score({"结对": count, "建档": "否"}).total == Decimal(earned)


@pytest.mark.parametrize(
    "clause",
    [
        "【结对】应达到5项，每完成1项得1分",  # 1 each toward 5, or 1 each once 5 are done?
        "【结对】达到5项，每完成1项得1分",
        "【结对】低于5项的，每完成1项扣1分",
    ],
)
def test_a_comparison_before_a_step_of_things_done_is_refused(clause):
    source = (
        "细则：计数\n年度：2024\n满分：5分\n\n数据：\n  结对：项，默认0\n\n"
        f"(一)工作(5分)\n  - {clause}\n"
    )
    with pytest.raises(PolicyError) as raised:
        compile_policy(source, filename="计数.rule")
    assert "E253" in str(raised.value) and "两种读法" in str(raised.value)
