"""Tiers and bonus caps as documents write them: deduction tiers parted by commas
(`低于90%扣2分，低于80%扣4分，低于70%扣6分`: only the deepest counts), earning tiers
with `达到90%但不足100%` and `80%以上、不足90%`, a bonus part whose cap is a sentence of
its own (`加分项目累计最高加3分`) or sits in a table's item cell (`加分项目（最高加5分）`),
a notes part that restates that cap, and a deduction among the bonuses (left 待处理 with
where to write it).  Documents are written for the test."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from docx import Document
from xize.compiler.api import compile_policy
from xize.compiler.importer import import_document

_DOC = """某县2026年度乡镇污水治理工作考核细则
一、考核对象
各乡镇人民政府。
二、考核内容及评分标准
（一）设施运行（6分）
镇级污水处理设施正常运行率低于90%扣2分，低于80%扣4分，低于70%扣6分。
（二）问题处置（5分）
群众反映问题按期办结率达到100%的得5分，达到90%但不足100%的得3分，不足90%的不得分。
（三）群众评价（5分）
污水治理群众满意率达到90%的得5分，80%以上、不足90%的得3分，低于80%的不得分。
（四）隐患整改（12分）
一般问题整改率达到95%以上的得6分，90%以上不足95%的得4分，80%以上不足90%的得2分，不足80%的不得分。重大问题未按期整改的，每项扣3分，扣完为止。
三、加分项目
加分项目累计最高加3分。
1.污水治理经验做法被省级部门推广的，每项加2分。
2.在季度评比中被评为“黑旗”的，每次扣1分。
"""

_PERFECT = {
    "镇级污水处理设施正常运行率": "95",
    "群众反映问题按期办结率": "100",
    "污水治理群众满意率": "90",
    "一般问题整改率": "95",
    "重大问题未按期整改": "0",
    "污水治理经验做法被省级部门推广": "0",
}


def _draft(tmp_path: Path, text: str = _DOC):
    source = tmp_path / "细则.txt"
    source.write_text(text, encoding="utf-8")
    draft = import_document(source)
    return draft, compile_policy(draft.text, filename="<draft>")


def test_tiers_parted_by_commas_are_the_language_tiers(tmp_path):
    draft, policy = _draft(tmp_path)
    text = draft.text
    assert "- 【镇级污水处理设施正常运行率】低于90%、80%、70%的，分别扣2分、4分、6分" in text
    assert "- 【群众反映问题按期办结率】达到100%、90%的，分别得5分、3分" in text
    assert "- 【污水治理群众满意率】达到90%、80%的，分别得5分、3分" in text
    assert sorted(f.name for f in policy.ir.facts) == sorted(_PERFECT)
    assert policy.score(_PERFECT).total == Decimal(28)


def test_only_the_deepest_tier_counts(tmp_path):
    _, policy = _draft(tmp_path)
    for rate, score in (("90", 6), ("89.9", 4), ("80", 4), ("75", 2), ("69", 0)):
        result = policy.score(dict(_PERFECT, 镇级污水处理设施正常运行率=rate))
        assert result.nodes["(一)"].score == Decimal(score), rate
    for rate, score in (("100", 5), ("99.5", 3), ("90", 3), ("89", 0)):
        result = policy.score(dict(_PERFECT, 群众反映问题按期办结率=rate))
        assert result.nodes["(二)"].score == Decimal(score), rate
    for rate, score in (("95", 5), ("90", 5), ("85", 3), ("80", 3), ("79.9", 0)):
        result = policy.score(dict(_PERFECT, 污水治理群众满意率=rate))
        assert result.nodes["(三)"].score == Decimal(score), rate


def test_earning_tiers_of_part_of_an_item_are_written_once(tmp_path):
    """The 6 points of the tiers become a sub-item; the tier clause is one line there
    (three copies would give a unit at 93% its 4 points three times, capped at 6)."""
    draft, policy = _draft(tmp_path)
    assert draft.text.count("【一般问题整改率】达到95%、90%、80%的，分别得6分、4分、2分") == 1
    unit = dict(_PERFECT, 一般问题整改率="93", 重大问题未按期整改="1")
    assert policy.score(unit).nodes["(四)"].score == Decimal(7)  # 4 + (6 − 3)


def test_a_bonus_cap_sentence_caps_its_part(tmp_path):
    draft, policy = _draft(tmp_path)
    text = draft.text
    assert "三、加分项目，加分项，最高加3分" in text
    assert "# 原文 “加分项目累计最高加3分”：即 “三、加分项目” 行上的 “最高加3分”" in text
    assert "- 【污水治理经验做法被省级部门推广】每项加2分" in text
    result = policy.score(dict(_PERFECT, 污水治理经验做法被省级部门推广="2"))
    assert result.total == Decimal(31)  # 28 + min(4, 3)
    # the deduction among the bonuses cannot be written there: where it goes is said
    [(path, sentence, reason)] = draft.summary.pending_sentences
    assert path == "三2" and "黑旗" in sentence
    assert reason.startswith("加分项中不能写扣分")
    assert draft.summary.sentences == draft.summary.drafted + 1


def test_a_cap_of_another_size_is_not_taken_for_the_parts(tmp_path):
    text = _DOC.replace("加分项目累计最高加3分。", "加分项目累计最高加3分。加分项目累计最高加4分。")
    draft, _ = _draft(tmp_path, text)
    assert "最高加4分" not in draft.text.split("说明：")[0]
    [reason] = [r for _, s, r in draft.summary.pending_sentences if "最高加4分" in s]
    assert reason.startswith("此句的加分上限4分与 “三、加分项目” 行上的 “最高加3分” 不同")


def _table_doc(tmp_path: Path) -> Path:
    doc = Document()
    doc.add_paragraph("某镇2026年度村级安全生产工作考核细则")
    doc.add_paragraph("考核对象：各行政村。考核总分100分，另设加分项目。")
    table = doc.add_table(rows=4, cols=4)
    rows = [
        ("项目", "分值", "考核内容", "评分标准"),
        ("一、隐患排查（100分）", "100", "排查整治", "消防检查覆盖率低于90%扣1分，低于80%扣3分。"),
        (
            "二、加分项目（最高加2分）",
            "",
            "工作创新",
            "安全生产经验做法被市级以上推广的，每项加1分。",
        ),
        ("", "", "表彰奖励", "获得县级以上表彰的，加1分。"),
    ]
    for r, values in enumerate(rows):
        for cell, text in zip(table.rows[r].cells, values, strict=True):
            cell.text = text
    table.cell(2, 0).merge(table.cell(3, 0))
    table.cell(2, 0).text = "二、加分项目（最高加2分）"
    doc.add_paragraph("三、加分与扣分说明")
    doc.add_paragraph("加分项目累计加分不超过2分，扣分事项在考核总分中直接扣减。")
    path = tmp_path / "细则.docx"
    doc.save(str(path))
    return path


def test_a_bonus_cap_in_a_table_item_cell(tmp_path):
    draft = import_document(_table_doc(tmp_path))
    policy = compile_policy(draft.text, filename="<draft>")
    text = draft.text
    assert "二、加分项目，加分项，最高加2分" in text
    assert "- 【消防检查覆盖率】低于90%、80%的，分别扣1分、3分" in text
    assert "即 “二、加分项目” 行上的 “最高加2分”；没有分值的评分项下的扣分在总分中直接扣减" in text
    assert draft.summary.pending == 0
    names = {f.name for f in policy.ir.facts}
    assert names == {"消防检查覆盖率", "安全生产经验做法被市级以上推广", "获得县级以上表彰"}
    unit = {"消防检查覆盖率": "85", "安全生产经验做法被市级以上推广": "3", "获得县级以上表彰": "是"}
    assert policy.score(unit).total == Decimal(101)  # 100 − 1 + min(3 + 1, 2)


_FULL_MARKS = """某县2026年度河湖管理工作考核细则
一、考核对象
各乡镇人民政府。
二、考核内容及评分标准
（一）交办任务（10分）
按时完成上级交办整改任务的得满分，延误一项扣1分。
（二）制度建设（4分）
河湖管护制度健全的得满分，每缺一项扣1分。
"""


def test_full_marks_and_their_steps_are_one_standard(tmp_path):
    """`…的得满分` is the item's points: with steps that count every failure (`每缺一项`)
    only the steps are written; with steps for one kind of failure (`延误一项`) the
    sentence stays 待处理 (as two clauses one delay would cost all 10 and 1 more)."""
    draft, policy = _draft(tmp_path, _FULL_MARKS)
    text = draft.text
    [(path, _, reason)] = draft.summary.pending_sentences
    assert path == "(一)" and reason.startswith("此句的 “得10分” 与 “扣分” 是同一标准")
    assert "# 原文 “得满分” 即本项分值，由下面的扣分条款逐项扣减" in text
    [fact] = [f.name for f in policy.ir.facts]
    assert f"- 【{fact}】每缺一项扣1分" in text
    assert policy.score({fact: "1"}).nodes["(二)"].score == Decimal(3)


_JUDGED = """某县2026年度农村人居环境整治考核细则
一、考核对象
各乡镇人民政府。
二、考核内容及评分标准
（一）保洁队伍（4分）
按每200人不少于1名的标准配备保洁员的得满分，保洁员配备不足或经费未落实的，酌情扣分。
（二）收运体系（10分）
垃圾收运体系覆盖率达到100%的得5分，未达到的每少1个村扣1分。垃圾清运不及时的，每发现一处扣0.5分。
（三）村规民约（3分）
村规民约未纳入环境整治内容的，每少1个村扣0.5分。
（四）公厕覆盖（4分）
农村公厕覆盖率达到100%的得4分，未达到的每少1个村扣0.5分。
"""


def test_full_marks_judged_down_and_a_count_word_with_its_noun(tmp_path):
    draft, policy = _draft(tmp_path, _JUDGED)
    assert "- 【保洁员配备不足或经费未落实】酌情扣分" in draft.text
    result = policy.score({"保洁员配备不足或经费未落实": "1.5"})
    assert result.nodes["(一)"].score == Decimal("2.5")
    assert policy.score({"保洁员配备不足或经费未落实": "0"}).nodes["(一)"].score == Decimal(4)
    # all reached earns the 5, each village short takes 1 of them: a sub-item of 5
    text = draft.text
    assert "  (1)垃圾收运体系覆盖率未达到的村（5分）\n" in text
    assert "    - 【垃圾收运体系覆盖率未达到的村】每个扣1分\n" in text
    unit = {"保洁员配备不足或经费未落实": "0", "垃圾收运体系覆盖率未达到的村": "2"}
    unit["垃圾清运不及时"] = "3"
    assert policy.score(unit).nodes["(二)"].score == Decimal("6.5")  # (5 − 2) + (5 − 1.5)
    unit["垃圾收运体系覆盖率未达到的村"] = "7"
    assert policy.score(unit).nodes["(二)"].score == Decimal("3.5")  # the 5 at most
    # the 4 are the item's own points: the step alone, from them
    assert "  # 原文 “得4分” 即本项分值，由下面的扣分条款逐个扣减\n" in text
    assert "  - 【农村公厕覆盖率未达到的村】每个扣0.5分\n" in text
    unit["农村公厕覆盖率未达到的村"] = "3"
    assert policy.score(unit).nodes["(四)"].score == Decimal("2.5")
    [(path, _, reason)] = draft.summary.pending_sentences
    assert path == "(三)"
    assert reason.startswith(
        "“个村” 是计数单位 “个” 加上所数的 “村”：请以这些村的数目为数据项（类型 个）"
    )
