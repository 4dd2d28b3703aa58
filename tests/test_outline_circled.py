"""The fifth outline level, `①` … `⑳`, below `(1)` (docs/language.md 4.1): real 细则
number the parts of a `(1)` item so, and a sub-item of a `(1)` item (a capped earning,
the earning clauses of an item that also deducts) has no other number to take.  It nests,
scores, names its path (`一(一)1(1)①`), keeps its number through fmt and render, and its
numbering is checked like the other levels'."""

from __future__ import annotations

from decimal import Decimal

from xize.compiler import compile_policy
from xize.compiler.check.run import check
from xize.compiler.fmt import format_source
from xize.compiler.render import render
from xize.compiler.source.text import Source
from xize.compiler.syntax.parser import parse

POLICY = """细则：五级
年度：2025
满分：10分

数据：
  建立台账：是否
  开展宣传：是否
  缺会次数：次，默认0

一、工作（10分）
  （一）基础（10分）
    1、台账（10分）
      （1）建档（5分）
        ①建立台账（3分）
          - 【建立台账】得3分
        ②开展宣传（2分）
          - 【开展宣传】得2分
      （2）会议（5分）
        - 【缺会次数】每次扣1分
"""


def test_the_fifth_level_nests_and_scores():
    policy = compile_policy(POLICY, filename="五级.rule")
    result = policy.score({"建立台账": "是", "开展宣传": "否", "缺会次数": 1})
    assert result.nodes["一(一)1(1)①"].score == 3
    assert result.nodes["一(一)1(1)②"].score == 0
    assert result.nodes["一(一)1(1)"].score == 3
    assert result.total == Decimal(7)
    assert (
        result.to_dict()
        == policy.interpreter.score({"建立台账": "是", "开展宣传": "否", "缺会次数": 1}).to_dict()
    )


def test_a_circled_item_may_sit_under_any_higher_level():
    text = POLICY.replace("      （1）建档（5分）\n", "").replace("        ①", "      ①")
    text = text.replace("          - 【建立台账】", "        - 【建立台账】")
    text = text.replace("          - 【开展宣传】", "        - 【开展宣传】")
    policy = compile_policy(text, filename="五级.rule")
    assert policy.score({"建立台账": "是", "开展宣传": "是"}).nodes["一(一)1①"].score == 3


def test_fmt_and_render_keep_the_circled_numbers():
    out = format_source(POLICY, "五级.rule")
    assert "①建立台账（3分）" in out and "②开展宣传（2分）" in out
    assert format_source(out, "五级.rule") == out
    md = render(compile_policy(POLICY, filename="五级.rule"), "md")
    assert "①建立台账（3分）" in md and "②开展宣传（2分）" in md
    tree, _ = parse(Source(out, "五级.rule"))
    assert tree is not None
    assert [c.marker.kind for c in tree.nodes[0].children[0].children[0].children[0].children] == [
        "①",
        "①",
    ]


def test_a_gap_in_circled_numbers_is_pointed_out():
    text = POLICY.replace("②开展宣传", "③开展宣传")
    tree, diags = parse(Source(text, "五级.rule"))
    assert tree is not None and not [d for d in diags if d.is_error]
    w301 = [d for d in check(tree, Source(text, "五级.rule")) if d.code == "W301"]
    assert len(w301) == 1 and "②" in str(w301[0].args)


def test_a_rendered_document_imports_back_with_its_circled_items(tmp_path):
    from test_import_roundtrip import round_trip

    policy = compile_policy(POLICY, filename="五级.rule")
    for fmt in ("md", "docx"):
        draft = round_trip(policy, tmp_path, fmt)  # the same IR, clauses included
        back = compile_policy(draft.text, filename="<draft>")
        assert "一(一)1(1)②" in {n.path for n in back.ir.walk()}


def test_circled_numbers_in_a_document_of_its_own_stay_text(tmp_path):
    from xize.compiler.importer import import_document

    path = tmp_path / "细则.txt"
    path.write_text(
        "2025年度档案工作考核细则\n一、基础工作（10分）\n（1）建档（10分）\n"
        "①建立台账的得5分。\n②开展宣传的得5分。\n",
        encoding="utf-8",
    )
    draft = import_document(path)
    back = compile_policy(draft.text, filename="<draft>")
    assert not any("①" in n.path for n in back.ir.walk())
