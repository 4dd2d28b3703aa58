"""`xize import` on wordings that were dropped or drafted into another meaning:

- a judged range (`视情况扣1-3分`, `酌情加0.5至1分`) is a scoring sentence: drafted as a
  judged fact from 0 (default 0), its note keeping the document's range for the units
  with the problem — never left out of the draft;
- `无所属单位的，本项按满分计` is a scoring sentence: drafted as the language's override
  (language.md 5.4), never dropped;
- a comparison read into a fact's name (`A低于85%或B低于98%的`) is two facts;
- `扣完为止` of a part worth less than its item ends that part's points (`最多扣4分`);
- `说明：` alone after a table starts the notes (numbered notes are no items; grade lines
  among them are the 等次); `同一事项按最高级别计分` left 待处理 does not turn the other
  bonuses of the item into alternatives; `一、考核对象和方式` names no target;
- `每有1个门类未按规定归档的扣1.5分`, `每卷（件）不符合规范的`, `达标率为100%的得4分`,
  `未达到的按整改比例计分`: the drafter's plain wordings, same meaning.

Self-written documents; each draft compiles and scores what the sentence means
(hand-computed)."""

from __future__ import annotations

from decimal import Decimal

from docx import Document
from helpers import import_text
from xize.compiler.api import compile_policy
from xize.compiler.importer import import_document

_DOC = """某县2026年度档案工作考核细则
一、考核对象和方式
考核对象为各乡镇人民政府。考核采取查阅资料和实地检查相结合的方式。
二、考核内容及评分标准
（一）问题整改（10分）
交办问题逾期未整改的，每件扣1分。整改台账不清晰、佐证材料不齐全的，视情况扣1-3分。
（二）污染治理（10分）
综合利用率低于85%或设施配套率低于98%的，扣2分。巡查率达到100%的得4分，每低1个百分点扣0.2分，扣完为止。水质达标率为100%的得4分，低于100%的不得分。巡查记录完整的得2分。
（三）资料报送（5分）
未按时报送的，每次扣1分；无所属单位的，本项按满分计。
（四）归档（6分）
每有1个门类未按规定归档的扣1.5分，扣完为止。随机抽查档案，每卷（件）不符合规范的扣0.2分，最多扣3分。
（五）整改销号（5分）
交办问题整改销号率达到100%的得5分，未达到的按整改销号比例计分。
（六）加分项目（最高加3分）
获得国家级称号的加3分，获得省级称号的加2分，同一事项按最高级别计分，不重复加分。工作信息被省级刊物刊发的，每篇加0.5分，最多加1分。创新工作取得明显成效的，酌情加0.5至1分。
"""


def _pending(draft) -> dict[str, str]:
    return {text: why for _, text, why in draft.summary.pending_sentences}


def _clauses(draft) -> list[str]:
    return [line.strip() for line in draft.text.splitlines() if line.strip().startswith("- ")]


def test_nothing_is_dropped_and_each_drafted_sentence_means_the_document(tmp_path):
    draft, policy = import_text(tmp_path, _DOC)
    clauses = _clauses(draft)
    # the judged range, from 0, with the document's range in the fact's note
    assert "- 【整改台账不清晰、佐证材料不齐全】酌情扣0至3分" in clauses
    assert "整改台账不清晰、佐证材料不齐全：  分，默认0" in draft.text.replace("：   ", "：  ")
    assert "有此情形的评定1至3分，没有的填0" in draft.text
    assert "- 【创新工作取得明显成效】酌情加0至1分" in clauses
    # the exemption is drafted, not dropped: (三) whole whatever was reported late
    assert "- 【无所属单位】本项按满分计" in clauses
    rates = {"综合利用率": "90", "设施配套率": "99", "巡查率": "100", "水质达标率": "100"}
    unit = {**rates, "巡查记录完整": "是", "交办问题整改销号率": "100", "未按时报送": 3}
    assert policy.score({**unit, "无所属单位": "是"}).nodes["(三)"].score == 5
    assert policy.score(unit).nodes["(三)"].score == 2
    # two facts compared, not one name holding the first comparison
    assert "- 【综合利用率】低于85%或【设施配套率】低于98%的，扣2分" in clauses
    # the part's own 4 points
    assert "- 【巡查率】达到100%的得4分，每低1个百分点扣0.2分，最多扣4分" in clauses
    assert "- 【水质达标率】达到100%的得4分，低于100%的不得分" in clauses
    assert "- 【门类未按规定归档】每个扣1.5分，扣完为止" in clauses
    assert any(c.endswith("】每卷扣0.2分，最多扣3分") for c in clauses)
    # each matter once, at its highest level: a count a level, different matters add up
    # (the item takes no highest: the other bonuses add up too)
    assert "- 【获得国家级称号】每项加3分" in clauses
    assert "- 【获得省级称号】每项加2分" in clauses
    assert "就高不就低" not in draft.text.split("数据：")[1]
    assert "考评对象：各乡镇人民政府\n" in draft.text

    clean = {
        "交办问题逾期未整改": "0",
        "综合利用率": "90",
        "设施配套率": "99",
        "巡查率": "100",
        "水质达标率": "100",
        "巡查记录完整": "是",
        "未按时报送": "0",
        "门类未按规定归档": "0",
        "交办问题整改销号率": "100",
        "工作信息被省级刊物刊发": "0",
    }
    names = {name for name in clean}
    declared = {
        line.split("：")[0].strip()
        for line in draft.text.split("数据：\n")[1].split("\n\n")[0].splitlines()
    }
    assert names <= declared
    rest = {n: "0" for n in declared - names if "默认" not in _spec(draft, n)}
    clean.update(rest)
    full = policy.score(clean)
    assert [full.nodes[p].score for p in ("(一)", "(二)", "(四)", "(五)")] == [10, 10, 6, 5]

    worse = policy.score(
        {
            **clean,
            "整改台账不清晰、佐证材料不齐全": "2",
            "设施配套率": "97",
            "巡查率": "70",  # 30 points short: 6 by steps, at most the part's 4
            "门类未按规定归档": "3",
            "交办问题整改销号率": "80",
            "工作信息被省级刊物刊发": "3",
            "创新工作取得明显成效": "0.5",
        }
    )
    assert worse.nodes["(一)"].score == 8
    assert worse.nodes["(二)"].score == 10 - 2 - 4
    assert worse.nodes["(四)"].score == Decimal("1.5")
    assert worse.nodes["(五)"].score == 4
    assert worse.nodes["(六)"].score == Decimal("1.5")  # 1 (capped) + 0.5, not the highest


def _spec(draft, name: str) -> str:
    for line in draft.text.split("数据：\n")[1].split("\n\n")[0].splitlines():
        if line.split("：")[0].strip() == name:
            return line.split("：", 1)[1]
    return ""


def test_notes_after_a_table_are_no_items_and_give_the_grades(tmp_path):
    doc = Document()
    doc.add_paragraph("2026年度机关档案工作考核细则")
    doc.add_paragraph("（考核对象：市直各部门）")
    table = doc.add_table(rows=3, cols=4)
    rows = [
        ("考核项目", "分值", "考核内容", "评分标准"),
        ("一、基础工作（10分）", "6", "制度建设", "未建立档案管理制度的扣2分。"),
        ("", "4", "业务指导", "全年开展指导少于2次的，每少一次扣2分；无所属单位的，本项按满分计。"),
    ]
    for r, values in enumerate(rows):
        for cell, value in zip(table.rows[r].cells, values, strict=True):
            cell.text = value
    table.cell(1, 0).merge(table.cell(2, 0))
    table.cell(1, 0).text = "一、基础工作（10分）"
    doc.add_paragraph("说明：")
    doc.add_paragraph(
        "1.考核得分9分及以上为优秀，7分至8.9分为良好，6分至6.9分为合格，6分以下为不合格。"
    )
    doc.add_paragraph("2.考核以查阅资料的方式进行。")
    path = tmp_path / "细则.docx"
    doc.save(path)

    draft = import_document(path)
    policy = compile_policy(draft.text, filename="<draft>")
    assert [n.path for n in policy.ir.walk()] == ["一", "一1", "一2"]  # the notes are no items
    assert "考评对象：市直各部门\n" in draft.text
    assert "等次：\n  优秀：9分及以上\n" in draft.text
    assert "- 【无所属单位】本项按满分计" in draft.text
    assert policy.score({"未建立档案管理制度": "否", "全年开展指导": "2"}).grade == "优秀"
    assert policy.score({"未建立档案管理制度": "是", "全年开展指导": "1"}).grade == "合格"


_MISSES = """某县2026年度统计工作考核细则
一、考核内容及评分标准
（一）普查（6分）
第五次经济普查各阶段工作按期完成的得6分，每有一个阶段未按期完成扣2分。
（二）公开（3分）
按时公开主要统计数据的得3分，每延迟一次扣0.5分。
（三）质量（5分）
数据质量问题被上级书面反馈的，每次扣1分，本项扣完为止。
（四）执法（3分）
按计划完成年度执法检查任务的得3分，未完成的按完成比例计分。
二、说明
1.考核得分90分以上为优秀，75分以上为良好，60分以上为合格，60分以下为不合格。
2.年度内发生统计造假问题被通报的，不得评为优秀等次。
"""


def test_full_points_less_each_miss_and_notes_that_limit_the_grade(tmp_path):
    draft, policy = import_text(tmp_path, _MISSES)
    clauses = _clauses(draft)
    # every stage not done on time is counted, the never done ones too
    assert "- 【阶段未按期完成】每个扣2分" in clauses
    # a late one only: a unit never publishing would keep its 3 points
    assert any(s.startswith("按时公开主要统计数据的得3分") for s in _pending(draft))
    assert "- 【数据质量问题被上级书面反馈】每次扣1分，扣完为止" in clauses
    assert "- 【年度执法检查任务完成率】按完成比例得分" in clauses
    # the note's grade limit is a clause, not 待处理
    assert "- 【年度内发生统计造假问题被通报】不得评为优秀" in clauses
    assert not any("统计造假" in s for s in _pending(draft))
    unit = {
        "阶段未按期完成": "2",
        "数据质量问题被上级书面反馈": "7",
        "年度执法检查任务完成率": "80",
        "年度内发生统计造假问题被通报": "否",
    }
    result = policy.score(unit)
    assert result.nodes["(一)"].score == 2
    assert result.nodes["(三)"].score == 0
    assert result.nodes["(四)"].score == Decimal("2.4")


_SHARES = """某县2026年度审计整改考核细则
一、考核内容及评分标准
（一）经费保障（4分）
统计工作经费列入本级财政预算的得2分，未列入的不得分。专项调查经费保障不足的，视情况扣0.5-2分。
（二）调查（8分）
常规统计调查项目按实际完成数占市统计局下达任务数的比例计分。
二、考核等次
考核总分在90分以上且年度内未被上级通报批评的，评定为优秀；在75分以上的，评定为良好；在60分以上的，评定为合格；低于60分的，评定为不合格。
"""


def test_counts_in_proportion_judged_parts_and_grades_with_a_condition(tmp_path):
    draft, policy = import_text(tmp_path, _SHARES)
    clauses = _clauses(draft)
    done, due = "常规统计调查项目完成数", "常规统计调查项目市统计局下达任务数"
    assert f"- 得(最小(【{done}】÷【{due}】, 1)×8)分" in clauses
    # the 2 earned points are a sub-item: the judged deduction takes from the other 2
    assert "(1)统计工作经费列入本级财政预算（2分）" in draft.text
    # a band whose condition is an event not happening: the band by its score, the event
    # a limit of the grade (never the score alone)
    assert "  优秀：90分以上\n" in draft.text and "  良好：75分以上\n" in draft.text
    assert "- 【年度内被上级通报批评】不得评为优秀" in clauses
    unit = {
        "统计工作经费列入本级财政预算": "是",
        "专项调查经费保障不足": "1.5",
        done: "6",
        due: "8",
        "年度内被上级通报批评": "否",
    }
    result = policy.score(unit)
    assert result.nodes["(一)"].score == Decimal("2.5")
    assert result.nodes["(二)"].score == 6
    assert policy.score({**unit, "统计工作经费列入本级财政预算": "否"}).nodes[
        "(一)"
    ].score == Decimal("0.5")


_LEVELS = """某县2026年度统计工作考核细则
一、考核内容及评分标准
（一）领导重视（4分）
主要负责同志专题研究部署统计工作的得2分，分管负责同志专题研究的得1分，未研究的不得分。未明确分管领导的扣1分。
"""


def test_levels_of_one_thing_done_take_the_highest(tmp_path):
    draft, policy = import_text(tmp_path, _LEVELS)
    assert "(1)主要负责同志专题研究部署统计工作（2分），就高不就低\n" in draft.text
    clauses = _clauses(draft)
    assert "- 【主要负责同志专题研究部署统计工作】得2分" in clauses
    assert "- 【分管负责同志专题研究】得1分" in clauses
    main, deputy = "主要负责同志专题研究部署统计工作", "分管负责同志专题研究"
    base = {"未明确分管领导": "否"}
    scores = {
        (a, b): policy.score({**base, main: a, deputy: b}).nodes["(一)"].score
        for a in ("是", "否")
        for b in ("是", "否")
    }
    # the main leader 2 (with the deputy too: not 3), the deputy alone 1, none 0
    assert scores == {("是", "是"): 4, ("是", "否"): 4, ("否", "是"): 3, ("否", "否"): 2}


def test_full_points_of_a_part_less_each_miss_is_a_sub_item(tmp_path):
    text = """某县2026年度统计工作考核细则
一、考核内容及评分标准
（一）普查（10分）
第五次经济普查各阶段工作按期完成的得6分，每有一个阶段未按期完成扣2分。普查数据差错被通报的，每次扣1分。
"""
    draft, policy = import_text(tmp_path, text)
    assert "(1)阶段未按期完成（6分）\n" in draft.text
    score = {
        (a, b): policy.score({"阶段未按期完成": str(a), "普查数据差错被通报": str(b)})
        .nodes["(一)"]
        .score
        for a, b in ((0, 0), (1, 0), (5, 2))
    }
    # the misses take at most the 6 of their part; the reports take from the rest
    assert score == {(0, 0): 10, (1, 0): 8, (5, 2): 2}


def test_levels_beside_another_plain_earning_sentence_are_increments(tmp_path):
    text = """某县2026年度审计整改考核细则
一、考核内容及评分标准
（一）整改部署（8分）
单位主要负责人主持召开专题会议的得3分，由分管负责人主持召开的得1.5分，未召开的不得分。成立整改工作专班的得2分，否则不得分。未制定整改方案的扣3分。
"""
    draft, policy = import_text(tmp_path, text)
    # a sub-item for the levels alone would leave the other 2 points without one of their
    # own: each level is written as what it adds (`complements.read_level_states`)
    assert not any(s.startswith("单位主要负责人主持召开专题会议的得3分") for s in _pending(draft))
    assert "分），就高不就低" not in draft.text
    head, deputy = "单位主要负责人主持召开专题会议", "由分管负责人主持召开专题会议"
    unit = {head: "否", deputy: "否", "成立整改工作专班": "是", "未制定整改方案": "否"}
    assert policy.score(dict(unit, **{head: "是"})).total == 8
    assert policy.score(dict(unit, **{head: "是", deputy: "是"})).total == 8  # not 9.5
    assert policy.score(dict(unit, **{deputy: "是"})).total == Decimal("6.5")
    assert policy.score(unit).total == 5


def test_a_shared_negation_over_a_list_is_one_fact_per_thing_done(tmp_path):
    text = """某县2026年度统计工作考核细则
一、考核内容及评分标准
（一）领导重视（4分）
未明确统计工作分管领导、责任科室的，分别扣1分。
"""
    draft, policy = import_text(tmp_path, text)
    assert "- 未【明确统计工作分管领导】、【明确责任科室】的，分别扣1分" in _clauses(draft)
    # things done, so no default: a blank cell is not read as not done
    assert "明确责任科室：          是否  #" in draft.text
    lead, office = "明确统计工作分管领导", "明确责任科室"
    assert policy.score({lead: "是", office: "是"}).total == 4
    assert policy.score({lead: "否", office: "是"}).total == 3
    assert policy.score({lead: "否", office: "否"}).total == 2


def test_an_alternative_after_a_comma_names_one_event(tmp_path):
    text = """某县2026年度审计整改考核细则
一、考核内容及评分标准
（一）配合审计（5分）
拖延、拒绝提供资料，或提供资料不真实、不完整的，每次扣1分。
"""
    draft, policy = import_text(tmp_path, text)
    name = "拖延、拒绝提供资料或提供资料不真实、不完整"
    assert f"- 【{name}】每次扣1分" in _clauses(draft)
    assert policy.score({name: "2"}).total == 3


def test_a_rate_or_a_task_in_proportion(tmp_path):
    text = """某县2026年度档案工作考核细则
一、考核内容及评分标准
（一）数字化（5分）
存量档案数字化率按完成比例计分。
（二）整治（6分）
完成上级部署的专项整治任务的得6分，未全部完成的，按完成比例计分。
"""
    draft, policy = import_text(tmp_path, text)
    clauses = _clauses(draft)
    assert "- 【存量档案数字化率】按完成比例得分" in clauses
    assert "- 【上级部署的专项整治任务完成率】按完成比例得分" in clauses
    result = policy.score({"存量档案数字化率": "80", "上级部署的专项整治任务完成率": "50"})
    assert (result.nodes["(一)"].score, result.nodes["(二)"].score) == (4, 3)


def test_a_share_of_a_named_target_is_drafted_whole_or_as_a_part(tmp_path):
    text = """某县2026年度河湖长制考核细则
一、考核内容及评分标准
（一）污水治理（3分）
农村生活污水治理率达到年度目标任务的得3分，未达到的按完成比例计分。
（二）污染源治理（10分）
畜禽粪污处理率达到年度目标任务的得3分，未达到的按完成比例计分。发生水污染事件的，每起扣2分。
"""
    draft, policy = import_text(tmp_path, text)
    rate, target = "农村生活污水治理率", "农村生活污水治理率年度目标任务"
    assert f"- 得(最小(【{rate}】÷【{target}】, 1)×3)分" in _clauses(draft)
    # in a larger item the 3 points are a part: a sub-item of 3 (never every unit losing 7)
    part = "得(最小(【畜禽粪污处理率】÷【畜禽粪污处理率年度目标任务】, 1)×3)分"
    assert f"- {part}" in _clauses(draft) and "(1)畜禽粪污处理率（3分）" in draft.text
    unit = {rate: "60", target: "80", "水污染事件": "0"}
    unit |= {"畜禽粪污处理率": "60", "畜禽粪污处理率年度目标任务": "80"}
    assert policy.score(unit).nodes["(一)"].score == Decimal("2.25")
    assert policy.score(unit).nodes["(二)"].score == Decimal("9.25")


def test_a_band_with_a_condition_that_is_no_event_not_happening_stays_pending(tmp_path):
    text = """某县2026年度审计整改考核细则
一、考核内容及评分标准
（一）整改（10分）
未制定整改方案的扣3分。
二、考核等次
考核总分在90分以上且全部问题整改到位的，评定为优秀；在75分以上的，评定为良好；低于75分的，评定为合格。
"""
    draft, policy = import_text(tmp_path, text)
    # a positive condition is not turned round into an event: the band stays 待处理 and
    # the others wait as comments (alone they would grade every 优秀 unit 良好)
    assert "# 待处理（等次）：考核总分在90分以上且全部问题整改到位的" in draft.text
    assert "#   良好：75分以上\n" in draft.text
    assert "不得评为优秀" not in draft.text.split("等次")[0]
    assert policy.score({"未制定整改方案": "否"}).grade is None
