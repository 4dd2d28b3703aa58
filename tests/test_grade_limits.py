"""一票否优 and its kin: `不得评为优秀`, `一票否优`, `等次最高为良好`, `等次最低为合格`.

Each case is computed by hand from docs/language.md §5.3 and checked on the compiled
module and on the interpreter, in `score` and in `score_batch`."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from xize.compiler import PolicyError, compile_policy
from xize.compiler.check.passes.grade_limits import LIMIT_LABELS
from xize.compiler.interpret.engine import Interpreter
from xize.compiler.ir.util import GRADE_LIMIT_LABELS

HEAD = "细则：等次限定\n年度：2023\n满分：10分\n\n数据：\n  缺会次数：次，默认0\n  通报批评：是否，默认否\n  重大事故：是否，默认否\n  免检：是否，默认否\n\n"
BANDS = "\n等次：\n  优秀：9分以上\n  良好：8分以上\n  合格：6分以上\n  不合格：其余\n"


def build(clauses: str, bands: str = BANDS):
    text = HEAD + "(一)工作(10分)\n  - 【缺会次数】每缺1次扣1分\n" + clauses + bands
    policy = compile_policy(text, filename="limits.rule")
    return policy, Interpreter(policy.ir)


def both(clauses: str, facts: dict):
    policy, interp = build(clauses)
    compiled, interpreted = policy.score(facts), interp.score(facts)
    assert compiled == interpreted
    return compiled


@pytest.mark.parametrize(
    ("clause", "facts", "grade", "labels"),
    [
        ("  - 【通报批评】不得评为优秀\n", {"通报批评": "是"}, "良好", ("等次最高为良好",)),
        ("  - 【通报批评】不得评为优秀等次\n", {"通报批评": "是"}, "良好", ("等次最高为良好",)),
        ("  - 【通报批评】一票否优\n", {"通报批评": "是"}, "良好", ("等次最高为良好",)),
        # the clause does not fire: the grade stands, no label
        ("  - 【通报批评】一票否优\n", {}, "优秀", ()),
        # a ceiling never raises a grade
        (
            "  - 【通报批评】不得评为优秀\n",
            {"通报批评": "是", "缺会次数": 5},
            "不合格",
            ("等次最高为良好",),
        ),
        # 不得评为良好 bars 良好 and everything above it
        ("  - 【通报批评】不得评为良好\n", {"通报批评": "是"}, "合格", ("等次最高为合格",)),
        (
            "  - 【通报批评】等次最高为良好\n",
            {"通报批评": "是", "缺会次数": 1},
            "良好",
            ("等次最高为良好",),
        ),
        # a floor lifts, never lowers
        (
            "  - 【免检】等次最低为合格\n",
            {"免检": "是", "缺会次数": 6},
            "合格",
            ("等次最低为合格",),
        ),
        ("  - 【免检】等次最低为合格\n", {"免检": "是"}, "优秀", ("等次最低为合格",)),
    ],
)
def test_grade_limit_by_hand(clause, facts, grade, labels):
    result = both(clause, facts)
    assert result.grade == grade
    assert result.labels == labels
    assert result.status == "正常" and not result.vetoed


def test_limit_changes_no_score_and_is_explained():
    plain = both("", {"通报批评": "是"})
    limited = both("  - 【通报批评】不得评为优秀\n", {"通报批评": "是"})
    assert limited.total == plain.total == 10
    outcome = [item for item in limited.items if item.kind == "outcome"]
    assert [item.note for item in outcome] == ["一票否优：等次最高为良好"]


def test_ceiling_wins_over_floor_and_lowest_wins_among_ceilings():
    clauses = (
        "  - 【免检】等次最低为良好\n  - 【通报批评】不得评为优秀\n  - 【重大事故】等次最高为合格\n"
    )
    r = both(clauses, {"免检": "是", "通报批评": "是", "重大事故": "是", "缺会次数": 5})
    assert r.grade == "合格"
    assert r.labels == ("等次最低为良好", "等次最高为良好", "等次最高为合格")
    r = both(clauses, {"免检": "是", "通报批评": "是", "缺会次数": 5})
    assert r.grade == "良好"


def test_veto_and_disqualification_are_not_lifted_by_a_floor():
    clauses = "  - 【免检】等次最低为良好\n  - 【重大事故】一票否决\n  - 【通报批评】取消考评资格\n"
    assert both(clauses, {"免检": "是", "重大事故": "是"}).grade == "不合格"
    r = both(clauses, {"免检": "是", "通报批评": "是"})
    assert r.grade is None and r.status == "取消考评资格"


def test_batch_keeps_limits_and_ranks_by_score():
    policy, interp = build("  - 【通报批评】不得评为优秀\n")
    rows = [
        {"单位": "甲", "通报批评": "是"},
        {"单位": "乙", "缺会次数": 1},
        {"单位": "丙", "缺会次数": "x"},
    ]
    for results in (policy.score_batch(rows), interp.score_batch(rows)):
        assert [r.grade for r in results] == ["良好", "优秀", None]
        assert [r.rank for r in results] == [1, 2, None]  # 一票否优 does not touch 排名
        assert results[0].labels == ("等次最高为良好",)


@pytest.mark.parametrize(
    ("clause", "bands", "code"),
    [
        ("  - 【通报批评】不得评为优等\n", BANDS, "E230"),
        ("  - 【通报批评】一票否优\n", "", "E230"),
        ("  - 【通报批评】不得评为不合格\n", BANDS, "E231"),
        (
            "  - 【通报批评】不得评为优秀\n",
            "\n等次：\n  合格：6分以上\n  优秀：9分以上\n  不合格：其余\n",
            "E232",
        ),
    ],
)
def test_grade_limit_errors(clause, bands, code):
    with pytest.raises(PolicyError) as info:
        build(clause, bands)
    assert code in {d.code for d in info.value.diagnostics}


def test_label_words_agree_between_checker_and_ir():
    assert LIMIT_LABELS == GRADE_LIMIT_LABELS


@settings(max_examples=60, deadline=None)
@given(
    missed=st.integers(0, 12),
    flags=st.tuples(st.booleans(), st.booleans(), st.booleans()),
)
def test_limits_keep_grade_within_bounds(missed, flags):
    """A ceiling never raises the grade, a floor never lowers it, and compiled == interpreter."""
    clauses = (
        "  - 【通报批评】不得评为优秀\n  - 【重大事故】等次最高为合格\n  - 【免检】等次最低为合格\n"
    )
    policy, interp = _cached(clauses)
    facts = {"缺会次数": missed, "通报批评": flags[0], "重大事故": flags[1], "免检": flags[2]}
    result = policy.score(facts)
    assert result == interp.score(facts)
    order = ["优秀", "良好", "合格", "不合格"]
    natural = order.index(_natural(result.total))
    index = order.index(result.grade)
    if flags[2]:
        natural = min(natural, 2)
    if flags[0]:
        assert index >= 1
    if flags[1]:
        assert index >= 2
    if not flags[0] and not flags[1]:
        assert index == natural
    assert index >= natural or flags[2]


def _natural(total: Decimal) -> str:
    return "优秀" if total >= 9 else "良好" if total >= 8 else "合格" if total >= 6 else "不合格"


_POLICIES: dict = {}


def _cached(clauses):
    if clauses not in _POLICIES:
        _POLICIES[clauses] = build(clauses)
    return _POLICIES[clauses]


def test_reports_show_the_limit_in_labels_and_reason(tmp_path):
    """一票否优 in 汇总: 等次 capped, 标签 names the cap, 原因 names the clause and line."""
    import csv

    from click.testing import CliRunner
    from xize.runtime.cli.main import cli

    rule = tmp_path / "limits.rule"
    rule.write_text(
        HEAD + "(一)工作(10分)\n  - 【通报批评】不得评为优秀\n" + BANDS, encoding="utf-8"
    )
    data = tmp_path / "units.csv"
    data.write_text("单位,通报批评\n甲,是\n乙,否\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    result = CliRunner().invoke(cli, ["score", str(rule), str(data), "-o", str(out)])
    assert result.exit_code == 0, result.output
    with out.open(encoding="utf-8-sig") as handle:
        rows = {row["单位"]: row for row in csv.DictReader(handle)}
    assert rows["甲"]["等次"] == "良好" and rows["乙"]["等次"] == "优秀"
    assert rows["甲"]["标签"] == "等次最高为良好" and rows["乙"]["标签"] == ""
    assert rows["甲"]["原因"] == "第12行：【通报批评】不得评为优秀"
    assert rows["乙"]["原因"] == ""
    assert rows["甲"]["状态"] == "正常"


@pytest.mark.parametrize(
    ("clause", "facts", "grade"),
    [
        # 发生【X】的 says no more than 【X】的: the clause fires when the event happened
        ("  - 发生【重大事故】的，不得评为优秀\n", {"重大事故": "是"}, "良好"),
        ("  - 发生【重大事故】的，不得评为优秀\n", {}, "优秀"),
        ("  - 出现【重大事故】的，一票否优\n", {"重大事故": "是"}, "良好"),
        # and 未发生 keeps its negation: the clause fires when the event did not happen
        ("  - 未发生【重大事故】的，不得评为优秀\n", {"重大事故": "是"}, "优秀"),
        ("  - 未发生【重大事故】的，不得评为优秀\n", {}, "良好"),
    ],
)
def test_an_event_word_before_the_fact(clause, facts, grade):
    assert both(clause, facts).grade == grade
    plain = clause.replace("未发生", "未").replace("发生", "").replace("出现", "")
    assert both(plain, facts).grade == grade  # the same as without the event word
