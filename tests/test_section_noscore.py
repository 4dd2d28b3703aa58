"""`本大项不得分`: a sentence in a sub-item that takes the whole top-level item's points.

Real 细则 write `发生…的，此大项不得分` inside a sub-item: the unit loses every point of
the section (一、二…), not only those of the sub-item the sentence sits in — which is
what `本项不得分` would take.  Hand-computed below, the same in the compiled module, the
interpreter and DuckDB; a clause that also deducts or earns is refused (E245), and no
hint ever offers `本项不得分` for it."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlrun import differences, duckdb_results, expected_items, expected_summary
from test_import_roundtrip import round_trip
from xize.compiler import PolicyError, compile_policy
from xize.compiler.interpret.engine import Interpreter

TEXT = """细则：大项不得分
年度：2024
满分：40分

数据：
  缺会次数：次，默认0
  发生事故：是否，默认否
  瞒报：是否，默认否

一、安全(20分)
  (一)会议(10分)
    - 【缺会次数】每缺1次扣1分
  (二)事故(10分)
    1、报告(4分)
      - 【发生事故】的，此大项不得分
      - 【瞒报】的，本项不得分
二、其他(20分)
  - 【缺会次数】每缺1次扣2分
  - 【瞒报】的，本大项不得分
"""

POLICY = compile_policy(TEXT, filename="section.rule")
INTERP = Interpreter(POLICY.ir)


@pytest.mark.parametrize(
    ("missed", "accident", "hidden", "one", "two"),
    [
        (0, "否", "否", 20, 20),
        (1, "否", "否", 19, 18),
        # 一 loses all 20 whatever else happened in it; 二 keeps its own score
        (1, "是", "否", 0, 18),
        (3, "是", "是", 0, 0),
        # 本项 (1、报告, 4 points) is not 本大项: 一 keeps 20 − 1 − 4; 二 at top level: all 20
        (1, "否", "是", 15, 0),
    ],
)
def test_the_whole_section_by_hand(missed, accident, hidden, one, two):
    facts = {"缺会次数": missed, "发生事故": accident, "瞒报": hidden}
    for result in (POLICY.score(facts), INTERP.score(facts)):
        assert result.nodes["一"].score == Decimal(one)
        assert result.nodes["二"].score == Decimal(two)
        assert result.total == Decimal(one + two)


def test_the_explanation_names_the_section_and_the_line_written():
    result = POLICY.score({"发生事故": "是", "缺会次数": 2})
    (item,) = [i for i in result.items if "此大项" in i.text]
    assert item.path == "一"
    assert item.line == TEXT.splitlines().index("      - 【发生事故】的，此大项不得分") + 1
    assert item.nominal == Decimal(20) and item.applied == Decimal(18)  # 2 already lost
    assert sum(i.applied for i in result.items if i.path.startswith("一")) == Decimal(20)


@given(
    st.integers(min_value=0, max_value=30),
    st.sampled_from(["是", "否"]),
    st.sampled_from(["是", "否"]),
)
def test_compiled_equals_interpreter_and_the_section_is_zero_when_it_fires(m, a, h):
    facts = {"缺会次数": m, "发生事故": a, "瞒报": h}
    compiled, interpreted = POLICY.score(facts), INTERP.score(facts)
    assert compiled.total == interpreted.total
    assert compiled.items == interpreted.items
    if a == "是":
        assert compiled.nodes["一"].score == 0
    assert Decimal(0) <= compiled.nodes["一"].score <= Decimal(20)


def test_duckdb_scores_it_the_same():
    rows = [
        {"单位": "甲", "缺会次数": "1", "发生事故": "是", "瞒报": "否"},
        {"单位": "乙", "缺会次数": "0", "发生事故": "否", "瞒报": "是"},
        {"单位": "丙", "缺会次数": "25", "发生事故": "否", "瞒报": "否"},
    ]
    results = POLICY.score_batch(rows)
    assert differences(expected_summary(POLICY.ir, results), duckdb_results(POLICY.ir, rows)) == []
    items = duckdb_results(POLICY.ir, rows, items=True)
    assert differences(expected_items(results), items) == []


@pytest.mark.parametrize("fmt", ["docx", "md"])
def test_render_then_import_gives_the_same_policy(fmt, tmp_path):
    draft = round_trip(POLICY, tmp_path, fmt)
    assert draft.text.count("本大项不得分") == 2


def _errors(body: str) -> str:
    head = "细则：示例\n年度：2024\n满分：10分\n\n数据：\n  发生事故：是否，默认否\n\n"
    with pytest.raises(PolicyError) as caught:
        compile_policy(head + body)
    return str(caught.value)


def test_a_section_clause_that_also_earns_is_refused():
    text = _errors(
        "一、安全(10分)\n  (一)事故(10分)\n    - 【发生事故】的，本大项不得分，否则得2分\n"
    )
    assert "E245" in text and "本大项不得分" in text


def test_a_section_without_points_is_refused():
    text = _errors("一、安全\n  (一)事故(10分)\n    - 【发生事故】的，本大项不得分\n")
    assert "E208" in text


def test_a_slip_in_the_section_word_is_mended_into_the_section_not_the_item():
    text = _errors("一、安全(10分)\n  (一)事故(10分)\n    - 【发生事故】的，本大项不的分\n")
    assert "本项不得分" not in text.replace("本大项不得分", "")
