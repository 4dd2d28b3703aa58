"""Shares, steps and grade lines as documents write them: points by a rate
(`按…完成率按比例得分`, `按评估得分率折算得分`, `达到98%的得4分，低于98%的按比例得分` as a
sub-item of its 4 points), done in full or with fewer (`…创建的得3分，创建户数不足100户的
得1.5分`), `再得`, a comma between a step and its effect, all on time against each one late,
complete against each stage missing, `扣完5分为止` as the sentence's cap, `不足1个百分点的按1个
百分点计算`, the notes' `按实际差值连续计算` (every step of 百分点 `，按比例`), a top band
`为100%` and bands restating their rate, grade lines `…的，为优秀` with a quota or a veto, and
a 分值 cell merged over two rows of a table.  Documents are written for the test."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from docx import Document
from xize.compiler.api import compile_policy
from xize.compiler.importer import import_document

_SHARES = """某县2026年度乡镇人居环境与政务服务工作考核细则
一、考核对象
各乡镇人民政府。
二、考核内容及评分标准
（一）污水治理（9分）
1.治理率（5分）。按年度污水治理任务完成率按比例得分。
2.设施建设（4分）。农村污水设施建设按完成年度任务的比例得分，完成率达到100%的得4分。
（二）回应关切（10分）
未按时回应的，每次扣2分。政务咨询留言办结率达到98%的得4分，低于98%的按比例得分。
（三）村庄绿化（6分）
村庄绿化覆盖率达到30%以上的得3分，不足30%的按比例得分。开展“美丽庭院”创建的得3分，创建户数不足100户的得1.5分。
（四）资金保障（4分）
乡镇财政安排专项资金的得2分，资金足额拨付到位的再得2分。
（五）公开质量（20分）
1.法定公开（6分）。法定公开事项每缺少一项，扣1分。
2.办理时效（8分）。依申请公开答复按期率达到100%的得8分；每超期答复1件，扣2分。
3.建设项目（6分）。项目立项、招标、施工等环节信息公开完整的得满分，每缺一个环节扣0.5分。
（六）年报与排查（20分）
1.年报（8分）。按时发布年度报告的得3分，未按时发布的不得分。年度报告每出现一处数据错误或格式不符，扣0.5分，扣完5分为止。
2.隐患排查（6分）。排查覆盖率达到100%的得满分，每低1个百分点扣0.5分，不足1个百分点的按1个百分点计算。
3.改厕任务（6分）。按时完成年度户厕改造任务的得满分，完成率每低1个百分点扣0.4分。
（七）应急值守（5分）
突发事件信息迟报、漏报的，每次扣2分，瞒报的本项不得分。
（八）公共服务（4分）
公共服务信息公开情况由第三方机构评估，按评估得分率折算得分。
三、有关说明
1.本细则所称“以上”含本数，“不足”“低于”不含本数。
2.按百分点计分的，按实际差值连续计算，不作取整。
"""

_PERFECT = {
    "年度污水治理任务完成率": "100",
    "农村污水设施建设完成率": "100",
    "未按时回应": "0",
    "政务咨询留言办结率": "98",
    "村庄绿化覆盖率": "30",
    "开展美丽庭院创建户数": "100",
    "乡镇财政安排专项资金": "是",
    "资金足额拨付到位": "是",
    "法定公开事项缺少": "0",
    "超期答复": "0",
    "项目立项、招标、施工等环节信息公开缺少的环节": "0",
    "按时发布年度报告": "是",
    "年度报告数据错误或格式不符": "0",
    "排查覆盖率": "100",
    "年度户厕改造任务完成率": "100",
    "突发事件信息迟报、漏报": "0",
    "瞒报": "否",
    "公共服务评估得分率": "100",
}


def _import(tmp_path: Path, text: str):
    source = tmp_path / "细则.txt"
    source.write_text(text, encoding="utf-8")
    draft = import_document(source)
    return draft, compile_policy(draft.text, filename="<draft>")


def test_every_sentence_is_drafted_in_the_language_forms(tmp_path):
    draft, policy = _import(tmp_path, _SHARES)
    assert draft.summary.pending == 0 and draft.summary.sentences == 16
    text = draft.text
    for clause in (
        "- 【年度污水治理任务完成率】按完成比例得分",
        "- 【农村污水设施建设完成率】按完成比例得分",
        "- 得(最小(【政务咨询留言办结率】÷98, 1)×4)分",
        "- 得(最小(【村庄绿化覆盖率】÷30, 1)×3)分",
        "- 【开展美丽庭院创建户数】达到100户、1户的，分别得3分、1.5分",
        "- 【资金足额拨付到位】得2分",
        "- 【法定公开事项缺少】每缺少一项扣1分",
        "- 【超期答复】每件扣2分",
        "- 【项目立项、招标、施工等环节信息公开缺少的环节】每个扣0.5分",
        "- 【年度报告数据错误或格式不符】每处扣0.5分，最高扣5分",
        "- 【排查覆盖率】达到100%的得满分，每低1个百分点扣0.5分，不足1个百分点按1个百分点计",
        "- 【年度户厕改造任务完成率】达到100%的得满分，每低1个百分点扣0.4分，按比例",
        "- 【突发事件信息迟报、漏报】每次扣2分",
        "- 【瞒报】本项不得分",
        "- 【公共服务评估得分率】按完成比例得分",
    ):
        assert clause in text, clause
    assert "(1)政务咨询留言办结率（4分）" in text  # the share's 4 points: a sub-item
    assert "按实际差值连续计算" in text.split("细则：")[0]  # the note the steps follow
    assert sorted(f.name for f in policy.ir.facts) == sorted(_PERFECT)
    assert policy.score(_PERFECT).total == Decimal(78)


def test_the_shares_and_steps_compute_what_the_document_means(tmp_path):
    _, policy = _import(tmp_path, _SHARES)
    unit = dict(_PERFECT)
    unit.update({"年度污水治理任务完成率": "80", "农村污水设施建设完成率": "90"})
    unit.update({"未按时回应": "1", "政务咨询留言办结率": "49"})
    unit.update({"村庄绿化覆盖率": "24", "开展美丽庭院创建户数": "80", "资金足额拨付到位": "否"})
    unit.update({"法定公开事项缺少": "2", "超期答复": "1"})
    unit["项目立项、招标、施工等环节信息公开缺少的环节"] = "3"
    unit.update({"年度报告数据错误或格式不符": "12", "排查覆盖率": "97.5"})
    unit.update({"年度户厕改造任务完成率": "96.5", "突发事件信息迟报、漏报": "1"})
    unit["公共服务评估得分率"] = "85"
    result = policy.score(unit)
    expected = {
        "(一)": "7.6",  # 5 × 80% + 4 × 90%
        "(二)": "6",  # 10 − 2 − (4 − 4 × 49 ÷ 98)
        "(三)": "3.9",  # 3 × 24 ÷ 30 + 1.5 (80 households), not 2.4 + 3 + 1.5
        "(四)": "2",
        "(五)1": "4",
        "(五)2": "6",  # all on time would earn the 8: one late reply costs 2, not 8 + 2
        "(五)3": "4.5",
        "(六)1": "3",  # the 3 for the report; its errors take at most 5 (12 × 0.5 = 6)
        "(六)2": "4.5",  # 2.5 points short count as 3 steps
        "(六)3": "4.6",  # 3.5 points short, in part (the notes): 1.4
        "(七)": "3",
        "(八)": "3.4",
    }
    for path, score in expected.items():
        assert result.nodes[path].score == Decimal(score), path
    assert result.total == Decimal("52.5")
    concealed = policy.score(dict(unit, 瞒报="是"))
    assert concealed.nodes["(七)"].score == Decimal(0)


def test_without_the_note_a_step_of_points_counts_whole_steps(tmp_path):
    text = _SHARES.replace("2.按百分点计分的，按实际差值连续计算，不作取整。\n", "")
    draft, policy = _import(tmp_path, text)
    assert "- 【年度户厕改造任务完成率】达到100%的得满分，每低1个百分点扣0.4分\n" in draft.text
    result = policy.score(dict(_PERFECT, 年度户厕改造任务完成率="96.5"))
    assert result.nodes["(六)3"].score == Decimal("4.8")  # 3 whole steps


_BANDS = """某县2026年度河湖管理工作考核细则
一、考核对象
各乡镇人民政府。
二、考核内容及评分标准
考核满分为20分，另设加分项目、扣分项目和一票否决事项。
（一）断面水质（12分）
辖区断面水质达标率为100%的，得12分；达标率在90%以上、不足100%的，得8分；达标率不足90%的，不得分。
（二）分类减量（8分）
开展垃圾分类的行政村比例不低于30%的得8分；比例在20%以上、不足30%的得5分；不足20%的得2分。
三、扣分事项及一票否决
1.被市级约谈的，每次扣3分。
2.发生重大水污染事件的，实行一票否决。
四、加分项目（最高加2分）
1.创新工作机制取得明显成效的，酌情加0.5至1分。
2.工作经验被省级推广的，每项加1分。
五、考核等次
（一）考核得分18分以上的，为优秀，优秀等次数量不超过参评乡镇总数的30%。
（二）考核得分15分以上、不足18分的，为良好。
（三）考核得分12分以上、不足15分的，为合格。
（四）考核得分不足12分的，或被一票否决的，为不合格。
"""

_BANDS_PERFECT = {
    "辖区断面水质达标率": "100",
    "开展垃圾分类的行政村比例": "30",
    "被市级约谈": "0",
    "重大水污染事件": "否",
    "工作经验被省级推广": "0",
}


def test_bands_that_restate_their_rate_and_grade_lines(tmp_path):
    draft, policy = _import(tmp_path, _BANDS)
    text = draft.text
    assert "- 【辖区断面水质达标率】达到100%、90%的，分别得12分、8分" in text
    assert "- 【开展垃圾分类的行政村比例】达到30%、20%、0%的，分别得8分、5分、2分" in text
    assert "比例在20%以上" not in text.split("（一）")[0]  # a band is no fact
    assert "三、扣分事项及一票否决\n" in text  # a title, not a sentence
    assert "等次：\n  优秀：18分以上\n  良好：15分以上\n  合格：12分以上\n  不合格：其余\n" in text
    # the quota after the top band is a line of `等次：` (language.md 12.2)
    assert "  不合格：其余\n  优秀等次数量不超过参评乡镇总数的30%\n" in text
    assert [(q.band, q.share) for q in policy.ir.quotas] == [(0, Decimal("0.3"))]
    assert draft.summary.pending_sentences == []
    # a judged bonus from 0.5: from 0, the note keeps the document's range for the units
    # that earn it
    assert any(line.strip().endswith("】酌情加0至1分") for line in text.splitlines())
    assert "原文加0.5至1分：有此情形的评定0.5至1分，没有的填0" in text
    assert draft.summary.sentences == 6  # 另设… says the parts of the document, no rule
    # scored alone, a unit names its place among the 优秀 units (within 3 of 10 here)
    alone = {"单位数": 10, "名额名次【优秀】": 3}
    assert policy.score(_BANDS_PERFECT, batch=alone).grade == "优秀"
    for rate, score in (("100", 12), ("99", 8), ("90", 8), ("89.9", 0)):
        result = policy.score(dict(_BANDS_PERFECT, 辖区断面水质达标率=rate), batch=alone)
        assert result.nodes["(一)"].score == Decimal(score), rate
    for share, score in (("30", 8), ("25", 5), ("20", 5), ("10", 2)):
        result = policy.score(dict(_BANDS_PERFECT, 开展垃圾分类的行政村比例=share), batch=alone)
        assert result.nodes["(二)"].score == Decimal(score), share
    unit = dict(_BANDS_PERFECT, 辖区断面水质达标率="95", 开展垃圾分类的行政村比例="25")
    unit.update({"被市级约谈": "1", "工作经验被省级推广": "3"})
    result = policy.score(unit, batch=alone)
    assert result.total == Decimal(12) and result.grade == "合格"  # 8 + 5 − 3 + min(3, 2)
    assert policy.score(dict(_BANDS_PERFECT, 重大水污染事件="是"), batch=alone).grade == "不合格"


def test_a_band_with_a_condition_is_not_cut_to_its_bounds(tmp_path):
    text = _BANDS.replace(
        "（一）考核得分18分以上的，为优秀，优秀等次数量不超过参评乡镇总数的30%。",
        "（一）优秀：考核得分18分以上，且全年未发生水污染事件。",
    )
    draft, policy = _import(tmp_path, text)
    # the band by its score, and the event not happening as a limit of the grade: never
    # the score alone (every unit with a pollution event would be 优秀)
    assert "  优秀：18分以上\n" in draft.text
    assert "  - 【全年发生水污染事件】不得评为优秀\n" in draft.text
    assert policy.score(_BANDS_PERFECT).grade == "优秀"
    polluted = policy.score({**_BANDS_PERFECT, "全年发生水污染事件": "是"})
    assert polluted.grade != "优秀" and polluted.total == policy.score(_BANDS_PERFECT).total


def test_a_points_cell_merged_over_two_rows_is_one_item(tmp_path):
    doc = Document()
    doc.add_paragraph("某镇2026年度村级安全生产工作考核细则")
    doc.add_paragraph("考核对象：各行政村。考核总分11分。")
    table = doc.add_table(rows=4, cols=4)
    rows = [
        ("项目", "分值", "考核内容", "评分标准"),
        ("一、责任落实", "5", "签订责任书", "未签订安全生产责任书的扣3分。"),
        ("", "6", "网格员配备", "网格员配备到位的得2分，未配备的不得分。"),
        ("", "", "网格员巡查", "网格员巡查记录每月不少于4次，少1次扣0.5分。"),
    ]
    for r, values in enumerate(rows):
        for cell, text in zip(table.rows[r].cells, values, strict=True):
            cell.text = text
    table.cell(1, 0).merge(table.cell(3, 0))
    table.cell(1, 0).text = "一、责任落实"
    table.cell(2, 1).merge(table.cell(3, 1))
    table.cell(2, 1).text = "6"
    path = tmp_path / "细则.docx"
    doc.save(str(path))
    draft = import_document(path)
    policy = compile_policy(draft.text, filename="<draft>")
    text = draft.text
    assert "  1、签订责任书（5分）\n" in text and "  2、网格员配备（6分）\n" in text
    assert "3、" not in text  # the row under the merged 6 is no item of its own
    assert "(1)网格员配备到位（2分）" in text  # its 2 points beside the 4 the steps take from
    unit = {"未签订安全生产责任书": "否", "网格员配备到位": "是", "网格员巡查记录每月缺少次数": "2"}
    result = policy.score(unit)
    assert result.nodes["一2"].score == Decimal(5)  # 2 + (4 − 2 × 0.5)
    assert result.total == Decimal(10)


def test_the_note_said_as_the_gap_as_it_is_counts_steps_in_part(tmp_path):
    text = _SHARES.replace(
        "2.按百分点计分的，按实际差值连续计算，不作取整。\n",
        "2.按百分点或百分比增减分的，按实际差值计算，不分档取整。\n",
    )
    draft, policy = _import(tmp_path, text)
    assert (
        "- 【年度户厕改造任务完成率】达到100%的得满分，每低1个百分点扣0.4分，按比例\n" in draft.text
    )
    result = policy.score(dict(_PERFECT, 年度户厕改造任务完成率="96.5"))
    assert result.nodes["(六)3"].score == Decimal("4.6")  # 3.5 points short, in part
