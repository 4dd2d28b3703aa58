"""Which way a ranking runs when the clause does not say: the fact's declared better end
(`化解率：百分比，越高越好`), the policy's other clauses, then the indicator's name (with a
W330 warning); refused (E235) when none says, and refused (E251) when two disagree.
The clause's own `从高到低`/`从低到高` always wins.  Scores computed by hand; compiled ==
interpreter on every batch."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from xize.compiler import PolicyError, compile_policy
from xize.compiler.check.senses import (
    GOOD_HIGH,
    GOOD_LOW,
    TURNING_CHARS,
    TURNING_WORDS,
    sense_from_name,
)
from xize.compiler.diff import diff
from xize.compiler.fmt import format_source


def policy(facts: str, clause: str):
    text = (
        "细则：方向\n年度：2024\n满分：10分\n\n数据：\n"
        + facts
        + "\n(一)排名(10分)\n  - "
        + clause
        + "\n"
    )
    return compile_policy(text, filename="方向.rule")


def first_place(p, name: str, values: list[str]) -> list[Decimal]:
    """(一) for each unit under `第1名得10分，其余按与第1名的比例得分`-style clauses."""
    rows = [{"单位": f"单位{i}", name: v} for i, v in enumerate(values)]
    compiled = p.score_batch(rows)
    interpreted = p.interpreter.score_batch(rows)
    assert [r.to_dict() for r in compiled] == [r.to_dict() for r in interpreted]
    return [r.nodes["(一)"].score for r in compiled]


LAST = "按【{n}】排名，末位扣2分"


# ------------------------------------------------------------------ declared


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("越高越好", [10, 10, 8]),  # 90, 80, 70: 70 is last
        ("越大越好", [10, 10, 8]),
        ("越低越好", [8, 10, 10]),  # lowest first: 90 is last
        ("越少越好", [8, 10, 10]),
    ],
)
def test_the_declared_sense_sets_the_direction(word, expected):
    p = policy(f"  调处指数：数值，{word}\n", LAST.format(n="调处指数"))
    assert [d.code for d in p.diagnostics] == []
    assert first_place(p, "调处指数", ["90", "80", "70"]) == expected


def test_the_clause_words_win_over_the_declaration():
    """Declared 越高越好, but the clause ranks 从低到高: the clause is obeyed, no error."""
    p = policy("  化解率：百分比，越高越好\n", "按【化解率】从低到高排名，末位扣2分")
    assert not [d for d in p.diagnostics if d.is_error]
    assert first_place(p, "化解率", ["90", "80", "70"]) == [8, 10, 10]


def test_the_declaration_wins_over_the_name_without_a_warning():
    """发案率 reads better-low by name, but the writer declared 越高越好."""
    p = policy("  发案率：百分比，越高越好\n", LAST.format(n="发案率"))
    assert "W330" not in [d.code for d in p.diagnostics]
    assert first_place(p, "发案率", ["9", "8", "7"]) == [10, 10, 8]


@pytest.mark.parametrize(
    ("decl", "why"),
    [
        ("  通报批评：是否，越低越好\n", "“是否” 类型的数据没有高低"),
        ("  报送日期：日期，越高越好\n", "“日期” 类型的数据没有高低"),
        ("  化解率：百分比，越高越好，越低越好\n", "同时写了 越高越好 和 越低越好"),
    ],
)
def test_a_sense_a_fact_cannot_have_is_refused(decl, why):
    with pytest.raises(PolicyError) as refused:
        policy(decl + "  缺会次数：次，默认0\n", "【缺会次数】每次扣1分")
    assert refused.value.code == "E250"
    assert why in refused.value.message


def test_a_declaration_the_other_clauses_contradict_is_refused():
    with pytest.raises(PolicyError) as refused:
        policy(
            "  化解率：百分比，越高越好\n",
            "按【化解率】排名，末位扣2分\n  - 【化解率】超过90%的，扣1分",
        )
    assert refused.value.code == "E251"
    assert "第10行" in refused.value.message and "从高到低" in refused.value.hint


def test_a_name_the_other_clauses_contradict_is_refused():
    with pytest.raises(PolicyError) as refused:
        policy("  化解率：百分比\n", "按【化解率】排名，末位扣2分\n  - 【化解率】超过90%的，扣1分")
    assert refused.value.code == "E251"
    assert "按名称 化解率越高越好" in refused.value.message


def test_the_other_clauses_alone_still_set_it_silently():
    """受理率 shortfalls deduct: better high, as its name also says — no warning."""
    p = policy("  受理率：百分比\n", "按【受理率】排名，末位扣2分\n  - 【受理率】低于60%的，扣1分")
    assert "W330" not in [d.code for d in p.diagnostics]
    assert first_place(p, "受理率", ["90", "80", "70"]) == [10, 10, 8]


# ---------------------------------------------------------------------- name


def test_a_name_sets_it_with_a_warning_in_both_languages():
    p = policy("  矛盾纠纷化解率：百分比\n", LAST.format(n="矛盾纠纷化解率"))
    (warning,) = [d for d in p.diagnostics if d.code == "W330"]
    assert warning.message() == (
        "按【矛盾纠纷化解率】排名按从高到低（矛盾纠纷化解率越高越好，由名称推断）"
    )
    assert warning.hint() == (
        "如不是，请写明 按【矛盾纠纷化解率】从低到高排名 或在 数据： 中声明 "
        "矛盾纠纷化解率：百分比，越低越好"
    )
    assert "highest first" in warning.message("en") and "越低越好" in warning.hint("en")
    assert first_place(p, "矛盾纠纷化解率", ["90", "80", "70"]) == [10, 10, 8]


def test_a_better_low_name_ranks_lowest_first():
    p = policy("  刑事案件发案率：百分比\n", LAST.format(n="刑事案件发案率"))
    assert "W330" in [d.code for d in p.diagnostics]
    assert first_place(p, "刑事案件发案率", ["9", "8", "7"]) == [8, 10, 10]


@pytest.mark.parametrize(
    "name", ["调处指数", "未及时办结率", "逾期办结率", "不满意度", "非正常化解率"]
)
def test_an_unknown_or_turned_name_is_refused_with_what_to_write(name):
    with pytest.raises(PolicyError) as refused:
        policy(f"  {name}：百分比\n", LAST.format(n=name))
    assert refused.value.code == "E235"
    assert "从高到低" in refused.value.hint and f"{name}：百分比，越高越好" in refused.value.hint


def test_the_head_word_is_the_longest_ending():
    assert sense_from_name("投诉办结率") == "high"
    assert sense_from_name("产品不合格率") == "low"
    assert sense_from_name("合格率") == "high"
    assert sense_from_name("群众满意度") == "high"
    assert sense_from_name("办结率排名") is None  # the head is 排名, not in the lexicon


_PREFIX = st.text(alphabet="群众信访案件矛盾纠纷全市年度重点", max_size=4)


@settings(max_examples=200, deadline=None)
@given(
    word=st.sampled_from(GOOD_HIGH + GOOD_LOW),
    turn=st.sampled_from(tuple(TURNING_CHARS) + TURNING_WORDS),
    before=_PREFIX,
    between=_PREFIX,
)
def test_a_turning_word_never_keeps_the_sense(word, turn, before, between):
    """n + w never reads the way w reads, whatever stands around n (a name ending in a
    negated head of the other list, such as 不合格率, reads the other way)."""
    assert sense_from_name(word) in ("high", "low")
    assert sense_from_name(before + turn + between + word) != sense_from_name(word)


@settings(max_examples=20, deadline=None)
@given(
    name=st.sampled_from(("化解率", "发案率", "不合格率", "未结率", "调处指数", "未办结率")),
    how=st.sampled_from(("stated", "declared")),
    high=st.booleans(),
    values=st.lists(st.integers(0, 100), min_size=2, max_size=5, unique=True),
)
def test_no_inference_reverses_a_stated_or_declared_direction(name, how, high, values):
    """Whatever the name says, the unit at the stated or declared bottom is the one
    that loses 2 points, and only it."""
    order, sense = ("从高到低", "越高越好") if high else ("从低到高", "越低越好")
    if how == "stated":
        p = policy(f"  {name}：百分比\n", f"按【{name}】{order}排名，末位扣2分")
    else:
        p = policy(f"  {name}：百分比，{sense}\n", LAST.format(n=name))
    assert "W330" not in [d.code for d in p.diagnostics]
    last = min(values) if high else max(values)
    scores = first_place(p, name, [str(v) for v in values])
    assert scores == [Decimal(8) if v == last else Decimal(10) for v in values]


# ------------------------------------------------------ fmt, diff, round trip


def test_fmt_keeps_the_declaration_and_diff_reports_it():
    text = (
        "细则：方向\n年度：2024\n满分：10分\n\n数据：\n  化解率：百分比 ,  越高越好\n\n"
        "(一)排名(10分)\n  - 按【化解率】排名，末位扣2分\n"
    )
    formatted = format_source(text)
    assert "化解率：百分比，越高越好" in formatted
    assert format_source(formatted) == formatted
    old = compile_policy(formatted)
    new = compile_policy(formatted.replace("越高越好", "越低越好"))
    assert any("越低越好" in str(change) for change in diff(old, new))


@pytest.mark.parametrize(
    ("name", "sense"),
    [
        ("乡镇财政收入", "high"),
        ("项目到位资金", "high"),
        ("政务信息采用数", "high"),
        ("新闻报道数", "high"),
        ("新增规上企业数", "high"),
        ("较大事故起数", "low"),
        ("群众投诉量", "low"),
        ("审批办理天数", "low"),
        ("城市空气质量综合指数", "low"),
        ("万元工业增加值能耗", "low"),
        # a change reads as what changes
        ("地方财政收入增长率", "high"),
        ("群众信访量增速", "low"),
        ("事故起数增幅", "low"),
        ("增幅", None),
        ("欠缴收入增幅", None),
        ("企业欠缴税款金额", None),  # 欠 may turn it around; 金额 alone says nothing
    ],
)
def test_common_indicators_and_changes_read_by_name(name, sense):
    assert sense_from_name(name) == sense


def test_a_count_of_accidents_ranked_by_name_penalises_the_most():
    p = policy("  重大事故起数：次\n", "【重大事故起数】在全区排名末位的扣3分")
    assert "W330" in [d.code for d in p.diagnostics]
    assert first_place(p, "重大事故起数", ["0", "3", "1"]) == [10, 7, 10]


def test_a_rise_of_income_ranked_by_name_rewards_the_highest():
    p = policy("  财政收入增幅：百分比\n", "【财政收入增幅】排名第1名的得10分，其余得6分")
    assert first_place(p, "财政收入增幅", ["2.5", "8", "0"]) == [6, 10, 6]
