"""Negated comparisons (`没有达到`, `未低于`, `不在…以下`) in sentences and in `xize import`.

Each sentence below once compiled (or was drafted) without its 不/未/没有 — the opposite
of what it says — or drew a hint that turned it around.  Now each is read with its
negation (hand-computed scores here) or refused with an error, never the third outcome.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from helpers import import_text
from xize.compiler import PolicyError, compile_policy

D = Decimal
HEAD = "细则：示例\n年度：2024\n满分：10分\n\n数据：\n"


def _policy(decl: str, clause: str) -> str:
    return HEAD + decl + "\n(一)考核项(10分)\n  - " + clause + "\n"


# ----------------------------------------------------------------------- language


@pytest.mark.parametrize(
    ("decl", "clause", "cases"),
    [
        (
            "  满意率：百分比\n",
            "【满意率】没有达到90%的，扣5分",
            [(D(95), 10), (D(90), 10), (D("89.9"), 5)],
        ),
        ("  满意率：百分比\n", "【满意率】没达到90%的，扣5分", [(D(90), 10), (D(80), 5)]),
        ("  满意率：百分比\n", "【满意率】未能达到90%的，扣5分", [(D(90), 10), (D(80), 5)]),
        ("  上访批次：批\n", "【上访批次】没有超过3批的，得10分", [(3, 10), (2, 10), (4, 0)]),
        ("  整改率：百分比\n", "【整改率】未低于95%的，得10分", [(D(95), 10), (D(94), 0)]),
        ("  投诉率：百分比\n", "【投诉率】未高于5%的，得10分", [(D(5), 10), (D(6), 0)]),
        ("  培训人数：人\n", "【培训人数】没少于20人的，得10分", [(20, 10), (19, 0)]),
        ("  事故起数：起\n", "【事故起数】没有多于2起的，得10分", [(2, 10), (3, 0)]),
    ],
)
def test_a_negated_comparison_keeps_its_negation(decl, clause, cases):
    policy = compile_policy(_policy(decl, clause))
    name = decl.split("：")[0].strip()
    for value, total in cases:
        assert policy.score({name: value}).total == total, (clause, value)
        assert policy.interpreter.score({name: value}).total == total


@pytest.mark.parametrize(
    ("decl", "clause", "opposite"),
    [
        ("  覆盖率：百分比\n", "【覆盖率】不在90%以下的，得10分", "不足"),
        ("  投诉率：百分比\n", "【投诉率】不在5%以内的，扣5分", "不足"),
        ("  办结率：百分比\n", "【办结率】不落后于全市平均值的，得10分", "不足"),
        # `不比90%低` is at least 90: `不到` (below it) is no slip for it
        ("  覆盖率：百分比\n", "【覆盖率】不比90%低的，得10分", "不到"),
        # `不是平均值以上` is below it, but `不到` is no slip for 不是
        ("  覆盖率：百分比\n", "【覆盖率】不是平均值以上的，得10分", "不到"),
    ],
)
def test_no_hint_turns_a_negated_bound_around(decl, clause, opposite):
    """`不在90%以下` is at least 90; the hint `不足` (below) would say the opposite, and the
    sentence written with it compiled: no hint is better than that one."""
    with pytest.raises(PolicyError) as caught:
        compile_policy(_policy(decl, clause))
    assert {d.code for d in caught.value.diagnostics} == {"E101"}
    shown = str(caught.value)
    assert "提示" in shown and f"“{opposite}”" not in shown, shown


# ------------------------------------------------------------------------- import

DOC = """2024年某县综合治理工作考核细则
一、考核对象
各乡镇人民政府。
二、考核内容及评分标准
（一）群众满意度（10分）
群众满意率没有达到90%的，扣5分。
（二）信访控制（10分）
越级上访批次没有超过3批的，得10分。
（三）隐患整改（10分）
隐患整改率未低于95%的，得10分。
（四）资源利用（10分）
综合利用率未达到85%或配套率低于98%的，扣2分。
（五）社会治安（10分）
刑事案件发案率未超过5%的，扣2分；超过8%的，扣4分。
（六）统计工作（10分）
统计数据准确的得10分，未及时更新的不得分。
三、考核等次
考核得分55分以上（不含55分）为优秀，40分以上为良好，其余为合格。
"""


def _clauses(draft) -> list[str]:
    return [x.strip()[2:] for x in draft.text.splitlines() if x.strip().startswith("- ")]


def test_no_drafted_fact_ends_in_a_negation(tmp_path):
    draft, policy = import_text(tmp_path, DOC)
    for fact in policy.ir.facts:
        assert not fact.name.endswith(("未", "不", "没", "没有", "不在", "非")), fact.name
    clauses = _clauses(draft)
    assert "【群众满意率】没有达到90%的，扣5分" in clauses
    assert "【隐患整改率】未低于95%的，得10分" in clauses
    assert "【综合利用率】未达到85%或【配套率】低于98%的，扣2分" in clauses


def test_the_drafted_document_scores_what_it_says(tmp_path):
    _, policy = import_text(tmp_path, DOC)
    names = {f.name for f in policy.ir.facts}
    good = {
        "群众满意率": D(95),
        "越级上访批次": 2,
        "隐患整改率": D(96),
        "综合利用率": D(90),
        "配套率": D(99),
        "刑事案件发案率": D(6),
    }
    assert set(good) <= names
    result = policy.score(good)
    nodes = {path: node.score for path, node in result.nodes.items()}
    assert nodes["(一)"] == 10 and nodes["(二)"] == 10 and nodes["(三)"] == 10
    assert nodes["(四)"] == 10 and nodes["(五)"] == 10  # 6% is neither ≤5% nor >8%
    bad = {**good, "群众满意率": D(85), "越级上访批次": 4, "隐患整改率": D(90)}
    bad |= {"综合利用率": D(80), "刑事案件发案率": D(10)}
    nodes = {path: node.score for path, node in policy.score(bad).nodes.items()}
    assert nodes["(一)"] == 5 and nodes["(二)"] == 0 and nodes["(三)"] == 0
    assert nodes["(四)"] == 8 and nodes["(五)"] == 6
    written = {**good, "刑事案件发案率": D(4)}  # 未超过5%的，扣2分: as the sentence says
    assert policy.score(written).nodes["(五)"].score == 8


def test_a_second_condition_is_no_otherwise(tmp_path):
    """`数据准确的得10分，未及时更新的不得分`: accurate but late earns nothing, which
    `…得10分，否则不得分` would not say — held, not drafted that way."""
    draft, _ = import_text(tmp_path, DOC)
    assert not any("统计数据准确" in c for c in _clauses(draft))
    assert any(s.startswith("统计数据准确的得10分") for _, s, _ in draft.summary.pending_sentences)


def test_a_band_above_a_bound_it_excludes(tmp_path):
    draft, policy = import_text(tmp_path, DOC)
    assert "优秀：超过55分" in draft.text
    assert [b.name for b in policy.ir.bands][:2] == ["优秀", "良好"]
    top = policy.ir.bands[0]
    assert top.low == 55 and not top.low_inclusive


@pytest.mark.parametrize(
    ("decl", "clause", "never"),
    [
        ("  重大事故：是否，默认否\n", "【重大事故】的，不得评优", "不得分"),
        ("  通报批评：是否，默认否\n", "【通报批评】的，直接评为不合格", "列为"),
        ("  通报批评：是否，默认否\n", "【通报批评】的，定为不合格", "列为"),
        ("  上报日期：日期\n", "【上报日期】1月9日（含）前的，得10分", "以上"),
    ],
)
def test_no_hint_trades_a_grade_for_points_or_a_name_for_a_word(decl, clause, never):
    """`不得评优` (no 优秀) is not `不得分` (no points); `直接评为不合格` (the grade) is not
    `直接列为` (a label beside 优秀); `【上报日期】` is the writer's name, not a slip for
    `以上` (which, followed, graded the late units and not the early one)."""
    with pytest.raises(PolicyError) as caught:
        compile_policy(_policy(decl, clause))
    shown = str(caught.value)  # every message with its hint, as the CLI prints them
    assert "提示" in shown and f"“{never}”" not in shown, shown
