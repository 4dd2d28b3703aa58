"""Properties of the front end: keywords inside titles and names stay text, and no input
whatsoever makes `parse` raise."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from xize.compiler.source.text import Source, normalise
from xize.compiler.syntax import ast
from xize.compiler.syntax.parser import parse

ROOT = Path(__file__).resolve().parents[1]
HEAD = "细则：示例\n年度：2023\n满分：100分\n\n"
SEED = (ROOT / "policies" / "shuangjie_lianghui_2023.rule").read_text("utf-8")

KEYWORDS = [
    "扣",
    "每",
    "分",
    "以上",
    "未",
    "得",
    "加分项",
    "一票否决",
    "数据",
    "期望",
    "说明",
    "测试",
    "细则：",
    "满分",
    "扣完为止",
    "最多扣5分",
    "否则",
    "或",
    "且",
    "的",
    "、",
    "-",
    "%",
    "#",
    "1#",
    "12",
    "0.5",
    "三十",
    "一",
    "百分之八十",
    "1月9日",
    "(一)",
    "(0.05)",
    "【",
    "】",
    "“",
    "”",
]
PLAIN = list("领导重视程度工作信访稳定")

POINTS = re.compile(r"\(\s*\d+(?:\.\d+)?\s*分\s*\)")

titles = (
    st.lists(st.sampled_from(KEYWORDS + PLAIN), min_size=1, max_size=8)
    .map("".join)
    .filter(lambda t: not POINTS.search(t) and t[-1] not in "。；")
)

# Anything but the brackets and a line break; no blanks at the ends (names are trimmed).
name_chars = st.sampled_from(
    [*KEYWORDS, *PLAIN, "，", "：", "=", " ", "(", ")", "。", "\t"]
).filter(lambda w: "【" not in w and "】" not in w)
names = (
    st.lists(name_chars, min_size=1, max_size=8)
    .map("".join)
    .filter(lambda n: n.strip() == n and n != "")
)


@given(titles)
def test_keywords_inside_a_title_stay_title_text(title):
    tree, diags = parse(Source(f"{HEAD}(一){title}(5分)\n"))
    assert diags == []
    (node,) = tree.nodes
    assert node.title == title and node.points.value == 5
    assert node.modifiers == () and node.clauses == ()


@given(titles)
def test_a_title_without_points(title):
    tree, diags = parse(Source(f"{HEAD}(一){title}\n"))
    assert diags == []
    assert tree.nodes[0].title == title and tree.nodes[0].points is None


@given(names)
def test_keywords_inside_a_fact_name_stay_the_name(name):
    text = (
        f"{HEAD}数据：\n  【{name}】：次，默认0\n"
        f"(一)甲(5分)\n  - 【{name}】每缺1次扣1分；未【{name}】的，扣1分\n"
        f"测试 “例”：\n  【{name}】= 1\n"
    )
    tree, diags = parse(Source(text))
    assert diags == []
    name = normalise(name)  # names are identities: full-width forms read as ASCII
    assert tree.facts[0].name == name
    per, cond = tree.nodes[0].clauses
    assert isinstance(per, ast.PerUnitClause) and per.subject.name == name
    assert cond.condition.operand.ref.name == name
    assert tree.tests[0].facts[0].name == name


def _never_raises(text: str) -> None:
    result = parse(Source(text))
    assert isinstance(result, tuple) and len(result) == 2
    tree, diags = result
    assert tree is None or isinstance(tree, ast.PolicyFile)
    assert not [d for d in diags if "internal" in d.args], diags


@given(st.text(max_size=400))
def test_random_text_never_raises(text):
    _never_raises(text)


@given(st.binary(max_size=400))
def test_random_bytes_never_raise(data):
    _never_raises(data.decode("utf-8", "surrogateescape"))


@given(
    st.lists(
        st.sampled_from([*KEYWORDS, *PLAIN, "\n", "  ", "(", ")", "，", "：", "=", "；"]),
        max_size=80,
    )
)
def test_keyword_soup_never_raises(words):
    _never_raises(HEAD + "".join(words))


@given(st.data())
def test_edits_of_a_real_policy_never_raise(data):
    text = SEED
    for _ in range(data.draw(st.integers(1, 5))):
        at = data.draw(st.integers(0, len(text)))
        cut = data.draw(st.integers(0, 20))
        insert = data.draw(
            st.sampled_from(["", "【", "】", "(", "\n", "  ", "#", "，", "扣", "\x00", "\u202e"])
        )
        text = text[:at] + insert + text[at + cut :]
    _never_raises(text)
