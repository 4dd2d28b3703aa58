"""Steps written the way documents write them: a minimum (`未配备3名以上…的，每少1名扣1分`),
all of them required (`应全部办结，每少办结一件扣0.5分`: a count of those not done), a bound
and its step in one phrase (`受理率每低于100%一个百分点，扣0.5分`), fewer than three
and none at all as two tiers of one count, `，并实行一票否决`
after another effect, a condition that says 列为 (`被市信访局列为典型经验的，每件加1分`),
and a rule of the 等次 paragraph (`…的乡镇（街道），不得评为优秀`) drafted into an item of
its own.  Documents are written for the test."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from xize.compiler.api import compile_policy
from xize.compiler.importer import import_document

_DOC = """某县2026年度乡镇（街道）信访工作考核细则
一、考核对象
各乡镇人民政府、街道办事处。
二、考核内容及评分标准
（一）基础工作（10分）
乡镇信访办未配备3名以上专（兼）职信访干部的，每少1名扣1分。上级交办的信访件应全部办结，每少办结一件扣0.5分。
（二）办理质量（10分）
1.信访事项及时受理率每低于100%一个百分点，扣0.5分。
2.存在压案不报、弄虚作假行为的，本项不得分，并实行一票否决。
（三）依法处理（10分）
全年作出信访事项处理意见书少于3件的，扣3分；全年未作出信访事项处理意见书的，扣6分。
三、加分项目（最高加5分）
1.化解信访积案被市信访局列为典型经验的，每件加1分。
四、考核等次
27分以上为优秀，22分以上为良好，15分以上为合格，不足15分为不合格。
年度内发生进京非正常上访的乡镇（街道），不得评为优秀。
"""

_PERFECT = {
    "乡镇信访办配备专(兼)职信访干部": "3",
    "上级交办的信访件未办结": "0",
    "信访事项及时受理率": "100",
    "存在压案不报、弄虚作假行为": "否",
    "化解信访积案被市信访局列为典型经验": "0",
    "年度内发生进京非正常上访": "否",
    "全年作出信访事项处理意见书": "3",
}


def _draft(tmp_path: Path):
    source = tmp_path / "细则.txt"
    source.write_text(_DOC, encoding="utf-8")
    draft = import_document(source)
    return draft, compile_policy(draft.text, filename="<draft>")


def test_every_sentence_is_drafted_on_the_facts_it_counts(tmp_path):
    draft, policy = _draft(tmp_path)
    assert draft.summary.pending == 0
    assert sorted(f.name for f in policy.ir.facts) == sorted(_PERFECT)
    result = policy.score(_PERFECT)
    assert result.total == Decimal(30) and result.grade == "优秀"


def test_the_steps_count_what_is_short(tmp_path):
    _, policy = _draft(tmp_path)
    unit = dict(_PERFECT)
    unit.update({"乡镇信访办配备专(兼)职信访干部": "1", "上级交办的信访件未办结": "3"})
    unit.update({"信访事项及时受理率": "97", "化解信访积案被市信访局列为典型经验": "2"})
    result = policy.score(unit)
    assert result.nodes["(一)"].score == Decimal("6.5")  # 10 − 2 × 1 − 3 × 0.5
    assert result.nodes["(二)"].score == Decimal("8.5")  # 3 points below 100%
    assert result.total == Decimal(27)  # 6.5 + 8.5 + 10 + 2
    # none at all is the deeper tier (6), not both tiers (9)
    none = policy.score(dict(_PERFECT, 全年作出信访事项处理意见书="0"))
    assert none.nodes["(三)"].score == Decimal(4)
    two = policy.score(dict(_PERFECT, 全年作出信访事项处理意见书="2"))
    assert two.nodes["(三)"].score == Decimal(7)


def test_outcomes_veto_and_bar_the_top_grade(tmp_path):
    draft, policy = _draft(tmp_path)
    vetoed = policy.score(dict(_PERFECT, **{"存在压案不报、弄虚作假行为": "是"}))
    assert vetoed.nodes["(二)"].score == Decimal(0) and vetoed.grade == "不合格"
    assert "、等次限定\n" in draft.text
    barred = policy.score(dict(_PERFECT, 年度内发生进京非正常上访="是"))
    assert barred.total == Decimal(30) and barred.grade == "良好"


_ALTERNATIVES = """某县2026年度乡镇（街道）档案工作考核细则
一、考核对象
各乡镇人民政府、街道办事处。
二、考核内容及评分标准
（一）领导责任（6分）
1.分管领导年度内听取档案工作汇报不少于1次的，得3分。
2.档案工作纳入年度计划和目标考核的，得3分；仅纳入年度计划、未纳入考核的，得1分。
（二）人员队伍（5分）
1.配备专职档案员的，得3分；配备兼职档案员的，得1.5分；未配备的，不得分。
2.档案员岗位变动未办理交接手续的，扣2分。
"""


def test_a_requirement_met_in_part_earns_the_lower_points_only(tmp_path):
    """`…的，得3分；仅…的，得1分` in a sub-item without points: the sub-item is worth the
    full requirement's 3 points and only the best alternative met counts."""
    source = tmp_path / "细则.txt"
    source.write_text(_ALTERNATIVES, encoding="utf-8")
    draft = import_document(source)
    policy = compile_policy(draft.text, filename="<draft>")
    assert draft.summary.pending == 0
    assert "（3分），就高不就低" in draft.text
    names = {f.name for f in policy.ir.facts}
    full = {
        "分管领导年度内听取档案工作汇报": "1",
        "档案工作纳入年度计划和目标考核": "是",
        "仅纳入年度计划、未纳入考核": "否",
        "配备专职档案员": "是",
        "配备兼职档案员": "否",
        "档案员岗位变动未办理交接手续": "否",
    }
    assert names == set(full)
    assert policy.score(full).total == Decimal(11)
    part = dict(full, 档案工作纳入年度计划和目标考核="否", 配备专职档案员="否", 配备兼职档案员="是")
    part["仅纳入年度计划、未纳入考核"] = "是"
    result = policy.score(part)
    assert result.nodes["(一)"].score == Decimal(4)  # 3 + 1
    assert result.nodes["(二)"].score == Decimal("3.5")  # 1.5 + the 2 of the handover
    both = dict(full, 配备兼职档案员="是")  # the best one met counts, not the sum
    assert policy.score(both).nodes["(二)"].score == Decimal(5)


def test_points_below_the_full_rate_are_a_share_of_them(tmp_path):
    """`达到100%的，得4分；未达到的，按比例得分` in an item of 4 points is 4 × the rate; in
    an item of other points, the same share of the sentence's 4 points (as `低于100%的按比例
    得分` reads), written as a formula."""
    text = """某县2026年度信息化工作考核细则
一、考核内容及评分标准
（一）系统应用（4分）
政务系统上线应用率达到100%的，得4分；未达到的，按比例得分。
（二）数据共享（10分）
共享目录挂接率达到100%的，得4分；未达到的，按比例得分。共享数据被退回的，每次扣1分。
"""
    source = tmp_path / "细则.txt"
    source.write_text(text, encoding="utf-8")
    draft = import_document(source)
    policy = compile_policy(draft.text, filename="<draft>")
    assert "- 【政务系统上线应用率】按完成比例得分" in draft.text
    assert draft.summary.pending_sentences == []
    assert "(1)共享目录挂接率（4分）\n" in draft.text
    assert draft.text.count("- 【共享目录挂接率】按完成比例得分") == 1
    unit = {"政务系统上线应用率": "85", "共享数据被退回": "0", "共享目录挂接率": "85"}
    result = policy.score(unit)
    assert result.nodes["(一)"].score == Decimal("3.4")
    assert result.nodes["(二)"].score == Decimal("9.4")  # 10 − (4 − 3.4)


def test_the_first_place_and_the_others_in_proportion_written_apart(tmp_path):
    """`X（说明）在全市排名第1名的，得5分；其余县（市、区）按与第1名的比例得分`: the
    language's `按【X】从高到低排名，第1名得5分，其余按与第1名的比例得分` (9.9)."""
    text = """某市2026年度医保基金监管考核细则
一、考核内容及评分标准
（一）基金追回（5分）
（1）违规资金追回率（追回金额占基金支出的比例）在全市排名第1名的，得5分；其余县（市、区）按与第1名的比例得分。
"""
    source = tmp_path / "细则.txt"
    source.write_text(text, encoding="utf-8")
    draft = import_document(source)
    policy = compile_policy(draft.text, filename="<draft>")
    assert draft.summary.pending == 0
    assert "- 按【违规资金追回率】从高到低排名，第1名得5分，其余按与第1名的比例得分" in draft.text
    rows = [
        {"单位": u, "违规资金追回率": v} for u, v in (("甲", "0.40"), ("乙", "0.30"), ("丙", "0"))
    ]
    totals = {r.unit: r.total for r in policy.score_batch(rows)}
    assert totals == {"甲": Decimal(5), "乙": Decimal("3.75"), "丙": Decimal(0)}


def test_a_capped_earning_sentence_is_a_sub_item_worth_its_cap(tmp_path):
    """`每篇计0.2分，最高计3分` in an item of 5 points: a sub-item of 3 points; the item's
    other earning clauses get a sub-item too, its deductions stay on the item."""
    text = """某县2026年度宣传工作考核细则
一、考核内容及评分标准
（一）宣传教育（5分）
组织开展法治宣传周活动的，得2分。工作信息被县级以上媒体采用的，每篇计0.2分，最高计3分。
（二）普法宣传（5分）
开展普法宣传活动不少于2次，每少1次扣1.5分。普法信息被县级以上媒体刊登的，每篇计0.5分，最高计2分。
"""
    source = tmp_path / "细则.txt"
    source.write_text(text, encoding="utf-8")
    draft = import_document(source)
    policy = compile_policy(draft.text, filename="<draft>")
    assert draft.summary.pending == 0
    assert "(1)工作信息被县级以上媒体采用（3分）" in draft.text
    full = {
        "组织开展法治宣传周活动": "是",
        "工作信息被县级以上媒体采用": "20",
        "开展普法宣传活动": "2",
        "普法信息被县级以上媒体刊登": "4",
    }
    assert policy.score(full).total == Decimal(10)

    def item(path: str, **changes: str) -> Decimal:
        return policy.score(dict(full, **changes)).nodes[path].score

    assert item("(一)", 工作信息被县级以上媒体采用="11") == Decimal("4.2")
    assert item("(一)", 组织开展法治宣传周活动="否") == Decimal(3)
    assert item("(二)", 开展普法宣传活动="0") == Decimal(2)
    assert item("(二)", 普法信息被县级以上媒体刊登="1") == Decimal("3.5")
