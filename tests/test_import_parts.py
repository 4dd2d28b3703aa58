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

from docx import Document
from helpers import import_text
from xize.compiler.api import compile_policy
from xize.compiler.importer import import_document

_import = import_text


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


_SCHOOL = """某某县2026年度学校工作考核细则
一、基础管理（20分）
（一）教研成果（4分）
1.承担市级课题的，每项计1分。
2.本项最高计4分。
（二）信息报送（7分）
1.信息被县级采用的，每条计0.5分。
2.本项最高计5分。
（三）审计监督（5分）
审计发现问题的，每个问题扣0.5分；班会课被挤占的，一节扣0.2分。
（四）计划执行（4分）
日常检查计划完成率低于100%的，每低1个百分点扣0.5分；完成率低于80%的，本项不得分。
二、质量监测（30分，含奖励分5分）
（一）体质健康（10分）
合格率达到92%以上的，得10分；低于92%、85%的，分别扣1分、2分。
（二）满意度（10分）
家长满意度低于全县平均水平的，扣3分；低于平均水平5个百分点以上的，扣7分。
发案数比上年上升的，每上升1个百分点扣0.2分。
（三）达标情况（10分）
作业抽查合格率和实验开出率应分别达到95%、80%，每低1个百分点扣1分。
卫生达标率应达到100%、绿化达标率应达到75%，卫生达标率每低1个百分点扣0.2分，绿化达标率每低1个百分点扣0.1分。
差错率在1%以内（含1%）的不扣分，1%至3%（含3%）的扣2分，3%以上的扣5分。
"""


def test_caps_that_are_sentences_of_their_own(tmp_path):
    draft, _ = _import(tmp_path, _SCHOOL)
    text = draft.text
    # the cap of (一) is its 4 points: nothing more to write, and the sentence is read
    assert "# 原文 “本项最高计4分”：即本项分值4分，无需另写条款" in text
    assert "本项最高计4分" not in _pending(draft)
    # the cap of (二) is 5 of its 7 points: it caps some clauses only, left for the writer
    assert "本项分值为7分" in _pending(draft)["本项最高计5分"]
    assert "【本项最高】" not in text  # never a fact named by the cap


def test_words_said_before_and_the_indicator_named_again(tmp_path):
    draft, policy = _import(tmp_path, _SCHOOL)
    text = draft.text
    # `每个问题`: the problem is what the fact counts (the language reads it as `每个`);
    # `一节` is a count word
    assert "- 【审计发现问题】每个问题扣0.5分" in text
    assert "- 【班会课被挤占】一节扣0.2分" in text
    # `完成率低于80%的` names the rate of the sentence before it: one fact
    assert "- 【日常检查计划完成率】低于80%的，本项不得分" in text
    assert "【完成率】" not in text
    # a step against a standard is never dropped as a repeated word
    assert "发案数比上年上升的，每上升1个百分点扣0.2分" in _pending(draft)
    # `低于平均水平5个百分点以上的，扣7分` names no fact and is no band of the one before
    assert "低于平均水平5个百分点以上的，扣7分" in _pending(draft)
    # tiers below a standard that earns the item's 10 points: the tiers alone
    assert "- 【合格率】低于92%、85%的，分别扣1分、2分" in text
    # the points of an item that holds a bonus are kept as printed, with a note
    assert "二、质量监测（30分）" in text and "含奖励分5分" in text
    part = _SCHOOL[: _SCHOOL.index("二、质量监测")]
    _, policy = _import(tmp_path, part)
    facts = {
        "承担市级课题": "1",
        "信息被县级采用": "2",
        "审计发现问题": "3",
        "班会课被挤占": "4",
        "日常检查计划完成率": "98",
    }
    result = policy.score(facts)
    assert result.nodes["一(三)"].deduction == Decimal("2.3")  # 1.5 + 0.8
    assert result.nodes["一(四)"].deduction == Decimal(1)  # 2 steps of 0.5
    assert policy.score({**facts, "日常检查计划完成率": "79"}).nodes["一(四)"].score == 0


def test_several_standards_and_bands_in_one_sentence(tmp_path):
    draft, policy = _import(tmp_path, _SCHOOL)
    text = draft.text
    _, policy = _import(
        tmp_path, _SCHOOL[_SCHOOL.index("（三）达标情况") :].replace("（三）", "（一）")
    )
    assert "- 【作业抽查合格率】应达到95%，每低1个百分点扣1分" in text
    assert "- 【实验开出率】应达到80%，每低1个百分点扣1分" in text
    assert "- 【卫生达标率】应达到100%，每低1个百分点扣0.2分" in text
    assert "- 【绿化达标率】应达到75%，每低1个百分点扣0.1分" in text
    assert "- 【差错率】超过1%、3%的，分别扣2分、5分" in text
    rates = {"作业抽查合格率": "93", "实验开出率": "77", "卫生达标率": "95", "绿化达标率": "70"}
    for error, lost in (("1", 0), ("2.5", 2), ("3", 2), ("3.1", 5)):
        result = policy.score({**rates, "差错率": error})
        # 2 + 3 steps of 1, 5 of 0.2, 5 of 0.1: 6.5; the band on top; at most the 10 points
        assert result.nodes["(一)"].deduction == min(Decimal("6.5") + lost, Decimal(10))


def test_requirements_not_met_and_per_period_written_in_words(tmp_path):
    text = """2026年度应急管理工作考核细则
一、应急管理（20分）
1.主要负责人每半年至少带队开展一次现场检查，未开展的扣2分。
2.每年至少组织开展1次应急演练，未组织的扣4分。
3.每年未开展一次安全培训的，扣2分。
4.每季度开展一次隐患排查，缺一次扣3分。
"""
    draft, policy = _import(tmp_path, text)
    lines = [line.strip() for line in draft.text.splitlines() if line.strip().startswith("- ")]
    # the requirement as a whole: one deduction when it is not met, not one per period
    assert "- 未【主要负责人每半年至少带队开展一次现场检查】的，扣2分" in lines
    assert "- 未【每年至少组织开展1次应急演练】的，扣4分" in lines
    assert "- 【每年未开展一次安全培训】扣2分" in lines
    # `每季度开展一次…，缺一次…`: the shortfall counted quarter by quarter
    assert "- 【每季度开展隐患排查缺少次数】每次扣3分" in lines
    assert not draft.summary.pending_sentences
    facts = {
        "主要负责人每半年至少带队开展一次现场检查": "否",
        "每年至少组织开展1次应急演练": "是",
        "每年未开展一次安全培训": "是",
        "每季度开展隐患排查缺少次数": "2",
    }
    assert policy.score(facts).total == Decimal(20) - 2 - 2 - 6


def test_a_prize_grade_is_a_name_and_a_count_word_is_not(tmp_path):
    text = """2026年度教研工作考核细则
一、教研成果（6分）
教师在优质课评比中获奖的，市级一等奖每人次计1分，二等奖每人次计0.5分。
二、课堂管理（4分）
班会课被挤占的，一节扣0.2分。
"""
    draft, _ = _import(tmp_path, text)
    assert "- 【二等奖】每人次计0.5分" in draft.text
    assert "- 【班会课被挤占】一节扣0.2分" in draft.text
    assert "【一节】" not in draft.text


def test_rates_against_an_average_the_document_names(tmp_path):
    text = """2026年度城市管理考核细则
一、案件处置（10分）
案件返工率高于全区平均水平的，每高出1个百分点扣0.3分。
二、教学质量（10分）
优秀率、及格率低于全县平均水平的，每低1个百分点分别扣0.2分。
三、费用控制（10分）
门诊费用增幅高于全省平均水平的，每低1个百分点扣0.5分。
"""
    draft, policy = _import(tmp_path, text)
    lines = [line.strip() for line in draft.text.splitlines()]
    # the language reads this one as written: the mean of the units scored together
    assert "- 【案件返工率】高于全区平均水平的，每高出1个百分点扣0.3分" in lines
    # several rates `分别`: one clause each, the named average a data item of its own
    assert "- 【优秀率】每低于【全县平均优秀率】1个百分点扣0.2分" in lines
    assert "- 【及格率】每低于【全县平均及格率】1个百分点扣0.2分" in lines
    assert any(line.startswith("全县平均优秀率：") and "各单位填同一个数" in line for line in lines)
    # `高于…的，每低…`: the sides disagree, nothing is guessed
    assert "门诊费用增幅高于全省平均水平的，每低1个百分点扣0.5分" in _pending(draft)
    facts = {
        "案件返工率": "7",
        "优秀率": "30",
        "全县平均优秀率": "33",
        "及格率": "95",
        "全县平均及格率": "90",
    }
    result = policy.score(facts, averages={"案件返工率": "4"})
    assert result.nodes["一"].deduction == Decimal("0.9")  # 3 points above, 0.3 each
    assert result.nodes["二"].deduction == Decimal("0.6")  # 优秀率 3 below; 及格率 above


def test_a_list_of_conditions_under_one_effect(tmp_path):
    text = """2026年度卫生院考核细则
一、医疗质量（10分）
1.丙级病历每份扣1分。
二、一票否决事项
有下列情形之一的，实行一票否决，年度考核等次直接确定为不合格：（一）发生重大医疗事故的；（二）瞒报院感事件的。
三、考核等次
90分以上为优秀，60分以上为合格，其余为不合格。
"""
    draft, policy = _import(tmp_path, text)
    assert "- 【重大医疗事故】实行一票否决" in draft.text
    assert "- 【瞒报院感事件】实行一票否决" in draft.text
    assert not draft.summary.pending_sentences
    facts = {"丙级病历": "0", "重大医疗事故": "否", "瞒报院感事件": "是"}
    assert policy.score(facts).vetoed
    assert not policy.score({**facts, "瞒报院感事件": "否"}).vetoed


def test_grade_lines_as_documents_write_them(tmp_path):
    """Each line read as the language's top-down bands: the grade at and around each bound
    is the document's (total = 100 − lost files)."""
    head = (
        "2026年度档案工作考核细则\n一、档案管理（100分）\n1.档案丢失的，每卷扣1分。\n三、考核等次\n"
    )
    cases = {
        "考核得分90分（含）以上为优秀，75分（含）至90分为良好，60分（含）至75分为合格，60分以下为不合格。": {
            90: "优秀",
            89: "良好",
            75: "良好",
            74: "合格",
            59: "不合格",
        },
        "年度得分≥90分为优秀，75分≤年度得分＜90分为良好，年度得分＜75分为合格。": {
            90: "优秀",
            89: "良好",
            75: "良好",
            74: "合格",
        },
        "900分以上为A，800分以上不满900分为B，不满800分为C。": {100: "C"},
        "90分以上为好，80分至89.99分为较好，80分以下为较差。": {90: "好", 89: "较好", 79: "较差"},
        # 0.1 short of the band above: as written 89.95 would belong to no band (E257)
        "90分以上为好，80分至89.9分为较好，60分至79.9分为一般，60分以下为较差。": {
            90: "好",
            89: "较好",
            79: "一般",
            59: "较差",
        },
    }
    for line, grades in cases.items():
        draft, policy = _import(tmp_path, head + line + "\n")
        assert "待处理（等次）" not in draft.text, line
        for total, grade in grades.items():
            assert policy.score({"档案丢失": str(100 - total)}).grade == grade, (line, total)


def test_a_band_with_a_gap_under_the_one_above_is_held_back(tmp_path):
    """`75分至89.5分` under a band from 90: a total of 89.7 belongs to no band (E257);
    which band the document means is the writer's to say, so the bands wait."""
    head = (
        "2026年度档案工作考核细则\n一、档案管理（100分）\n档案丢失的，每件扣1分。\n二、考核等次\n"
    )
    line = "90分以上为优秀，75分至89.5分为良好，75分以下为合格。"
    source = tmp_path / "gap.txt"
    source.write_text(head + line + "\n", encoding="utf-8")
    draft = import_document(source)
    assert "空档" in draft.text and "\n等次：" not in draft.text
    compile_policy(draft.text, filename="<draft>")  # the draft still compiles


def test_two_rates_that_must_both_reach_a_standard(tmp_path):
    text = """2026年度医院满意度考核细则
一、患者满意度（8分）
门诊满意度、住院满意度均达到90%及以上的得满分，每项每低1个百分点扣0.5分。
二、工作推进（2分）
每季度开展一次满意度调查，考评结果排名全县后三位的，每次扣1分。
"""
    draft, policy = _import(tmp_path, text)
    assert "- 【门诊满意度】、【住院满意度】低于90%的，每低1个百分点扣0.5分" in draft.text
    # a requirement in the title before a step of its own is no shortfall of it
    assert "- 【考评结果排名全县后三位】每次扣1分" in draft.text
    facts = {"门诊满意度": "88", "住院满意度": "91", "考评结果排名全县后三位": "1"}
    assert policy.score(facts).nodes["一"].deduction == Decimal(1)  # 2 steps of the first


def test_named_standards_shared_verbs_and_deductions_on_the_total(tmp_path):
    text = """2026年度市场监管考核细则
一、案件查办（10分）
食品安全案件查办数量未达到市局下达任务数的，每少1件扣3分。
二、粮食生产（10分）
1.粮食播种面积、粮食产量完成县下达任务的，各得3分；未完成的，相应项目不得分。
2.高标准农田建设（4分）
未按期完成的，扣4分。
三、直接扣分事项
1.被中央媒体曝光，造成重大负面影响的，每次扣5分，在总分中直接扣除，不受所在项目分值限制。
"""
    draft, policy = _import(tmp_path, text)
    lines = [line.strip() for line in draft.text.splitlines()]
    # the task is a number the document names: a data item, the shortfall below it stepped
    assert "- 【食品安全案件查办数量】应达到【市局下达任务数】，每少1件扣3分" in lines
    # both things share `完成县下达任务`; each earns 3 (the item's points are 2 × 3)
    assert "- 【粮食播种面积完成县下达任务】、【粮食产量完成县下达任务】的，各得3分" in lines
    assert any("分值取自 “各得3分”（2项，合计6分）" in line for line in lines)
    # a part without points passes its deductions to the total, as the sentence says
    assert "- 【造成重大负面影响】每次扣5分" in lines
    assert not draft.summary.pending_sentences
    facts = {
        "食品安全案件查办数量": "8",
        "市局下达任务数": "10",
        "粮食播种面积完成县下达任务": "是",
        "粮食产量完成县下达任务": "否",
        "未按期完成": "否",
        "造成重大负面影响": "1",
    }
    result = policy.score(facts)
    assert result.nodes["一"].deduction == Decimal(6)
    assert result.nodes["二1"].score == Decimal(3)
    assert result.total == Decimal(20) - 6 - 3 - 5  # the 5 lands on the total


def test_halves_of_a_standard_apart_and_measured_steps_are_left(tmp_path):
    text = """2026年度档案信息化考核细则
一、数字化建设（15分）
1.室藏档案数字化率达到60%的，得8分；在此基础上每高出5个百分点加1分；低于60%的，每低5个百分点扣1分。
二、资金管理（5分）
造成资金损失的，每损失1万元扣0.5分。
"""
    draft, _ = _import(tmp_path, text)
    pending = _pending(draft)
    # as a second clause on the rate, a unit below 60% would lose the 8 and the steps
    assert pending["低于60%的，每低5个百分点扣1分"].startswith("句首没有写明")
    # 3.6万元: 3 steps or 3.6? the writer says which
    assert "按比例" in pending["造成资金损失的，每损失1万元扣0.5分"]


def test_tiers_below_a_standard_that_earns_the_item(tmp_path):
    text = """2026年度学校体育考核细则
一、体质健康（4分）
体质健康测试合格率达到92%以上的，得4分；低于92%、85%、80%的，分别扣1分、2分、4分。
二、群众评价（6分）
满意率低于90%、80%的，分别扣1分、3分。
三、体育设施（10分）
器材完好率达到95%以上的，得4分；低于95%、90%的，分别扣1分、2分。
"""
    draft, policy = _import(tmp_path, text)
    lines = [line.strip() for line in draft.text.splitlines()]
    # in an item of the 4 points earned, the tiers take from them: the tiers alone
    assert "- 【体质健康测试合格率】低于92%、85%、80%的，分别扣1分、2分、4分" in lines
    assert "- 【满意率】低于90%、80%的，分别扣1分、3分" in lines
    # 4 of 10 points: the tiers would take from which? left for the writer
    assert "器材完好率达到95%以上的，得4分，低于95%、90%的，分别扣1分、2分" in _pending(draft)
    for rate, score in (("92", 4), ("91.9", 3), ("85", 3), ("84", 2), ("79.9", 0)):
        result = policy.score({"体质健康测试合格率": rate, "满意率": "95"})
        assert result.nodes["一"].score == Decimal(score), rate


def test_on_time_earns_the_item_and_each_month_late_takes_back(tmp_path):
    text = """2026年度档案移交考核细则
一、档案移交（10分）
按规定期限向市档案馆移交档案的，得10分；逾期未移交的，每逾期一个月扣2分。
二、农田建设（6分）
高标准农田建设任务按期完成的，得4分；每逾期一个月扣1分。
"""
    draft, policy = _import(tmp_path, text)
    lines = [line.strip() for line in draft.text.splitlines()]
    assert "- 【向市档案馆移交档案逾期月数】每个月扣2分" in lines
    # 4 of 6 points: what the months take from is not said, left for the writer
    assert "高标准农田建设任务按期完成的，得4分，每逾期一个月扣1分" in _pending(draft)
    months = "向市档案馆移交档案逾期月数"
    assert policy.score({months: "0"}).nodes["一"].score == Decimal(10)
    assert policy.score({months: "3"}).nodes["一"].score == Decimal(4)
    assert policy.score({months: "7"}).nodes["一"].score == Decimal(0)


def test_each_failing_place_of_a_standard(tmp_path):
    text = """2026年度市容考核细则
一、道路保洁（10分）
1.主次干道路面应达到“六无”标准
每发现一处不达标的扣0.5分。
二、抽检处置（10分）
抽检不合格食品核查处置率应达到100%，每有一批次未按期核查处置的，扣2分。
"""
    draft, policy = _import(tmp_path, text)
    lines = [line.strip() for line in draft.text.splitlines()]
    # the place that fails the standard in the title is what is counted
    assert "- 【主次干道路面不达标】每发现一处扣0.5分" in lines
    # the lots not handled in time are counted, not the rate's percentage points
    assert "- 【未按期核查处置】每有一批次扣2分" in lines
    result = policy.score({"主次干道路面不达标": "3", "未按期核查处置": "2"})
    assert result.nodes["一"].deduction == Decimal("1.5")
    assert result.nodes["二"].deduction == Decimal(4)


def test_a_yearly_total_and_a_daily_duty(tmp_path):
    text = """2026年度机关党建考核细则
一、组织生活（10分）
党支部每月至少召开一次支委会，全年少于12次的，每少1次扣0.5分。
二、库房管理（10分）
库房温湿度每日记录一次，每缺一天记录扣0.1分，最高扣3分。
"""
    draft, policy = _import(tmp_path, text)
    lines = [line.strip() for line in draft.text.splitlines()]
    assert "- 【党支部全年召开支委会次数】少于12次的，每少1次扣0.5分" in lines
    assert "- 【库房温湿度记录缺少天数】每缺一天扣0.1分，最高扣3分" in lines
    result = policy.score({"党支部全年召开支委会次数": "9", "库房温湿度记录缺少天数": "45"})
    assert result.nodes["一"].deduction == Decimal("1.5")  # 3 short
    assert result.nodes["二"].deduction == Decimal(3)  # 4.5, at most 3
    assert policy.score({"党支部全年召开支委会次数": "12"}).nodes["一"].deduction == 0


def test_the_best_unit_scores_the_item_and_the_others_in_proportion(tmp_path):
    text = """2026年度食品安全考核细则
一、群众满意度（100分）
以省统一组织的群众满意度调查结果为准，全市排名第1的县（市、区）得100分，其余按其满意度与第1名满意度的比值乘以100计分。
"""
    draft, policy = _import(tmp_path, text)
    clause = "- 按【群众满意度】从高到低排名，第1名得100分，其余按与第1名的比例得分"
    assert clause in draft.text
    results = policy.score_batch(
        [{"单位": "甲", "群众满意度": "92"}, {"单位": "乙", "群众满意度": "87.4"}]
    )
    totals = {r.unit: r.total for r in results}
    assert totals == {"甲": Decimal(100), "乙": Decimal(95)}  # 100 × 87.4 ÷ 92


def test_reasons_say_what_to_write(tmp_path):
    text = """2026年度综合考核细则
一、环境卫生（10分）
1.背街小巷存在卫生死角的，每处扣1分；同一问题经督办后逾期仍未整改的，加倍扣分。
2.档案库房做到八防要求，每缺一防扣1分。
3.抽检量应达到每千人5批次，每少0.1批次/千人扣5分。
4.因本辖区问题导致全区失分的，每失0.1分扣2分。
5.残留量不超过0.5毫克/千克，每超0.1毫克/千克扣1分。
"""
    draft, _ = _import(tmp_path, text)
    pending = _pending(draft)
    assert "另设数据项" in pending["同一问题经督办后逾期仍未整改的，加倍扣分"]
    assert "“防” 不是本语言的计数单位" in pending["每缺一防扣1分"]
    # 批次/千人 is a unit of the language: the sentence is pending for its steps, not its unit
    per_head = pending["抽检量应达到每千人5批次，每少0.1批次/千人扣5分"]
    assert "复合单位" not in per_head and "逐步计扣" in per_head
    assert "失去的分数" in pending["因本辖区问题导致全区失分的，每失0.1分扣2分"]
    assert "复合单位" in pending["残留量不超过0.5毫克/千克，每超0.1毫克/千克扣1分"]


def test_a_fact_named_from_a_sentence_with_a_comma_is_a_name_the_language_accepts(tmp_path):
    """`承担…试点任务并通过验收的，国家级试点加3分，省级试点加2分`: the name built for the
    second level carried the sentence's `，`, which ends a 数据 line's name — the whole
    draft failed `xize check`.  Every claimed name is made legal, so the draft compiles."""
    text = (
        "某县政务公开工作考核细则\n\n一、公开平台建设（10分）\n1.网站栏目设置规范的，得5分。\n"
        "2.承担政务公开试点任务并通过验收的，国家级试点加3分，省级试点加2分。\n"
    )
    draft, policy = _import(tmp_path, text)
    names = [fact.name for fact in policy.ir.facts]
    assert names and not any(mark in name for name in names for mark in "，,；;：:")
    assert not [d for d in policy.diagnostics if d.is_error]


def test_a_range_without_its_subject_never_names_a_fact(tmp_path):
    """`满意度达到90%以上的，得12分；80%以上不足90%的，得9分…`: the later parts name no
    indicator; drafting them as `【80%以上】不足90%的，得9分` made a data item of the bound
    (a unit at 75% earned 9 + 6).  The bands meet, so they are one clause of tiers."""
    text = (
        "某县河湖长制工作考核细则\n\n一、群众满意度（12分）\n由统计部门组织测评。满意度达到90%以上的，"
        "得12分；80%以上不足90%的，得9分；70%以上不足80%的，得6分；低于70%的，不得分。\n"
    )
    draft, policy = _import(tmp_path, text)
    names = [fact.name for fact in policy.ir.facts]
    assert names == ["满意度"]
    assert "- 【满意度】达到90%、80%、70%的，分别得12分、9分、6分" in draft.text
    assert not _pending(draft)
    assert policy.score({"满意度": "75"}).total == 6


def test_a_verb_the_name_negates_is_never_dropped_from_the_draft(tmp_path):
    """`未完成项目…每完成1项得1分`: the verb after 每 repeats the name's words, but the name
    negates them — drafted as `【未完成项目】每1项得1分` it paid for the projects left
    undone.  Left pending (the language refuses the sentence with the verb kept)."""
    draft, _ = _import(
        tmp_path,
        "2024年度项目考核细则\n一、项目建设（10分）\n1.未完成项目\n每完成1项得1分。\n"
        "2.发现问题\n每个问题扣0.5分。\n",
    )
    assert "【未完成项目】每1项得1分" not in draft.text
    assert "每完成1项得1分" in _pending(draft)
