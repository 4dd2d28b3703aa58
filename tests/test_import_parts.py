"""`xize import` on the parts of a 细则 around its scoring sentences.

Self-written documents in the style of real 细则: a table whose item cell carries the
points and which ends in a 合计 row, a bonus part after the table with its cap in
parentheses, numbered notes, the sentence forms whose phrases the language writes
otherwise (`本项最高扣N分`, `计满N分为止`, `一票否决，等次直接确定为…`, the two halves of a
standard, `…得2分，无…的不得分`, a requirement per semester).  Each draft must compile,
and where it scores, it scores what the sentence means (hand-computed).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from docx import Document
from xize.compiler.api import compile_policy
from xize.compiler.importer import import_document


def _import(tmp_path: Path, text: str):
    source = tmp_path / "细则.txt"
    source.write_text(text, encoding="utf-8")
    draft = import_document(source)
    return draft, compile_policy(draft.text, filename="<draft>")


def _pending(draft) -> dict[str, str]:
    return {text: why for _, text, why in draft.summary.pending_sentences}


_STREETS = """某某区2026年度街道环境卫生考核细则
一、考核对象
各街道办事处。
二、考核方式
考核满分100分，另设加分项目，日常巡查发现的问题按本细则直接扣分。
三、考核内容及评分标准
（一）市容管理（30分）
1.广告牌匾管理（5分）
广告牌匾破损、亮化不全的，每处扣0.5分，本项最高扣3分。
2.垃圾清运（10分）
垃圾清运及时率达到98%的，得10分；未达到的，每低1个百分点扣1分。
3.巡查台账（2分）
建立巡查台账的得2分，无台账的不得分。
4.表彰奖励（13分）
获得市级以上表彰的每项计1分，本项计满13分为止。
（二）安全管理（70分）
培训合格率达到90%以上的，得满分，每低1个百分点扣0.5分；低于70%的，本项不得分。
发生较大安全事故的，实行一票否决，考核等次直接确定为不合格等次。
发生一般安全事故的，实行一票否决，考核等次直接确定为合格。
四、加分项目（累计不超过5分）
1.工作经验被市级推广的，每次加1分。
五、考核等次
90分以上为优秀，60分以上为合格，60分以下为不合格。
六、其他说明
1.各项扣分以该项分值为限，扣完为止。
2.弄虚作假的，取消当年评先评优资格。
"""


def test_parts_around_the_outline(tmp_path):
    draft, policy = _import(tmp_path, _STREETS)
    text = draft.text
    # 考核方式 and the notes are prose: no item of the outline, kept as comments
    assert [n.path for n in policy.ir.nodes] == ["(一)", "(二)", "四"]
    assert "其他说明" not in [n.title for n in policy.ir.nodes]
    assert "#   考核满分100分，另设加分项目" in text
    assert "#   1.各项扣分以该项分值为限，扣完为止。" in text
    # the bonus part's cap is read from its parentheses
    assert "四、加分项目，加分项，最高加5分" in text
    assert "- 【工作经验被市级推广】每次加1分" in text
    # a note that is a rule of its own is not hidden among the comments
    pending = _pending(draft)
    assert "2.弄虚作假的，取消当年评先评优资格" in pending
    assert pending["2.弄虚作假的，取消当年评先评优资格"].startswith("说明中的规则")


def test_sentence_forms_drafted_as_the_language_says_them(tmp_path):
    draft, policy = _import(tmp_path, _STREETS)
    text = draft.text
    # the cap at the end of a deduction caps that sentence
    assert "- 【广告牌匾破损、亮化不全】每处扣0.5分，最高扣3分" in text
    # `未达到的，每低…` is the second half of the standard before it: one clause
    assert "- 【垃圾清运及时率】达到98%的，得10分，每低1个百分点扣1分" in text
    # `无台账的不得分` is the other side of `得2分`, not the whole item at 0
    assert "- 【建立巡查台账】得2分，否则不得分" in text
    # `计满13分为止` in an item of 13 points says what its points do
    assert "- 【获得市级以上表彰】每项计1分" in text
    assert "计满13分" not in "".join(line for line in text.splitlines() if "- 【" in line)
    # a veto that gives the lowest grade is the language's 一票否决; another grade is not
    assert "- 【较大安全事故】实行一票否决" in text
    assert "发生一般安全事故的，实行一票否决，考核等次直接确定为合格" in _pending(draft)
    # the indicator of `…达到90%以上的，得满分…` and of `低于70%的，本项不得分` is one fact
    assert "- 【培训合格率】低于70%的，本项不得分" in text

    base = {
        "广告牌匾破损、亮化不全": "9",  # 4.5 → at most 3
        "垃圾清运及时率": "95.5",  # 2 whole steps
        "建立巡查台账": "否",
        "获得市级以上表彰": "20",
        "培训合格率": "86",
        "较大安全事故": "否",
        "工作经验被市级推广": "7",  # 7 → at most 5
    }
    result = policy.score(base)
    # (一): signs 4.5 capped at 3 → 2 of 5; 2 steps → 8 of 10; no 台账 → 0 of 2;
    # 20 awards → 13 of 13
    assert [result.nodes[p].score for p in ("(一)1", "(一)2", "(一)3", "(一)4")] == [
        Decimal(2),
        Decimal(8),
        Decimal(0),
        Decimal(13),
    ]
    # (二): 70 less 4 steps of 0.5; the bonus: 7 capped at 5
    assert result.nodes["(二)"].score == Decimal(68)
    assert result.total == Decimal(23) + Decimal(68) + Decimal(5)
    assert policy.score({**base, "培训合格率": "69.5"}).nodes["(二)"].score == Decimal(0)
    vetoed = policy.score({**base, "较大安全事故": "是"})
    assert vetoed.grade == "不合格" and vetoed.vetoed


def test_requirement_per_semester(tmp_path):
    text = """某某县2026年度中小学校工作考核细则
一、德育工作（8分）
1.每学期开展主题班会不少于3次，每缺一次扣1分。
"""
    draft, policy = _import(tmp_path, text)
    clause = next(line for line in draft.text.splitlines() if "- 【" in line)
    name = clause.split("【")[1].split("】")[0]
    assert clause.endswith("每次扣1分") and "学期" in name
    assert "逐学期计算的差额之和" in draft.text  # the declaration says how to fill it
    # one semester with 1 of 3, the other with 3 of 3: 2 short
    assert policy.score({name: "2"}).total == Decimal(6)


def test_table_with_points_in_the_item_cell_and_a_total_row(tmp_path):
    doc = Document()
    doc.add_paragraph("2026年度卫生院绩效考核细则")
    table = doc.add_table(rows=4, cols=4)
    rows = [
        ("项目", "分值", "考核内容", "评分标准"),
        ("一、医疗质量（10分）", "6", "病历书写", "丙级病历每份扣1分。"),
        ("", "4", "院感防控", "手卫生依从率低于85%的，扣2分。"),
        ("合计", "10", "", ""),
    ]
    for r, values in enumerate(rows):
        for cell, value in zip(table.rows[r].cells, values, strict=True):
            cell.text = value
    table.cell(1, 0).merge(table.cell(2, 0))
    table.cell(1, 0).text = "一、医疗质量（10分）"
    doc.add_paragraph("二、加分项目（最高加3分，计入总分）")
    doc.add_paragraph("1.获得省级表彰的，加2分。")
    path = tmp_path / "细则.docx"
    doc.save(path)

    draft = import_document(path)
    policy = compile_policy(draft.text, filename="<draft>")
    assert "一、医疗质量（10分）" in draft.text and "（10分）（10分）" not in draft.text
    assert "合计" not in draft.text  # the sum of the table is no item
    assert [(n.path, n.points) for n in policy.ir.nodes] == [("一", Decimal(10)), ("二", None)]
    assert "二、加分项目，加分项，最高加3分" in draft.text
    assert policy.score({"丙级病历": "2", "手卫生依从率": "80", "获得省级表彰": "是"}).total == (
        Decimal(10) - 2 - 2 + 2
    )


def test_repeated_top_numbers_are_renumbered(tmp_path):
    text = """2026年度档案工作考核细则
一、档案管理（10分）
1.档案丢失的，每卷扣1分。
二、档案利用（10分）
1.未建立利用登记簿的，扣2分。
二、加分项目（最高加2分）
1.被评为示范单位的，加2分。
"""
    draft, policy = _import(tmp_path, text)
    assert "原文编号 “二、” 与前文重复，按顺序改为 “三、”" in draft.text
    assert [n.path for n in policy.ir.nodes] == ["一", "二", "三"]
