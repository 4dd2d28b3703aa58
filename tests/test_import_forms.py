"""`xize import` on the sentence forms a second reading of real 细则 asked for: each is
imported, the draft is compiled, and units are scored by hand-computed points — so a
drafted clause is checked to *mean* the sentence, not only to compile.

The documents are written for these tests in the style of real 细则 (never copied):
requirements per month, quarter or week; bonuses with and without a stated cap;
earned points and `本项不得分` in items without points; units such as 卷, 块 and
微克/立方米; `达到…的得满分，每低…扣`, `未达…的`, `分别扣` over a list of failures and a
requirement for the year with `未达到的扣N分`.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from helpers import import_text
from hypothesis import given, settings
from hypothesis import strategies as st
from xize.compiler import compile_policy
from xize.compiler.importer.readers.periods import read_period
from xize.compiler.importer.shapes import read_failures, read_unmet

_import = import_text


def _score(policy, **facts):
    return policy.score(facts)


def _pending(draft) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for path, sentence, reason in draft.summary.pending_sentences:
        out.setdefault(path, []).append(f"{sentence}｜{reason}")
    return out


# ----------------------------------------------------------------- per period

PERIODS = """2024年度消防安全工作考核细则
考核对象：各镇人民政府
一、日常管理（20分）
1.每月组织防火巡查不少于2次，每少1次扣0.5分。
2.微型消防站每季度开展灭火演练不少于1次，少一次扣1分。
3.消防宣传每周少于3次的，每少1次扣0.1分。
4.每月上报隐患台账不少于5条，每少2条扣1分。
5.全年组织消防培训不少于4次，每少1次扣1分。
"""


def test_a_requirement_per_period_is_a_derived_shortfall_fact(tmp_path):
    draft, policy = _import(tmp_path, PERIODS)
    text = draft.text
    assert "- 【每月组织防火巡查缺少次数】每次扣0.5分" in text
    assert "- 【微型消防站每季度开展灭火演练缺少次数】每次扣1分" in text
    assert "- 【消防宣传每周缺少次数】每次扣0.1分" in text
    # the declaration says the period and how the shortfall is summed
    line = next(x for x in text.splitlines() if x.strip().startswith("每月组织防火巡查缺少次数："))
    assert "次，默认0" in line and "逐月计算" in line and "不少于2次" in line
    weekly = next(x for x in text.splitlines() if x.strip().startswith("消防宣传每周缺少次数："))
    assert "逐周计算" in weekly and "不少于3次" in weekly  # `少于3次的` requires 3 a week
    # a step of two: the whole steps of each month and of the year's sum differ
    pending = _pending(draft)
    assert list(pending) == ["一4"] and "按季度" in pending["一4"][0]
    # the year is the assessment: a plain standard, not a derived fact
    assert "- 【全年组织消防培训】不少于4次，每少1次扣1分" in text

    # January 2 inspections, February none, March 1 (the rest full): 0 + 2 + 1 = 3 missing;
    # one quarter without a drill; 4 weeks one short and 1 week two short: 6 missing
    result = _score(
        policy,
        每月组织防火巡查缺少次数=3,
        微型消防站每季度开展灭火演练缺少次数=1,
        消防宣传每周缺少次数=6,
        全年组织消防培训=4,
    )
    # 3 × 0.5 + 1 × 1 + 6 × 0.1 = 3.1
    assert result.total == Decimal("16.9")
    assert result.nodes["一"].deduction == Decimal("3.1")


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=4), min_size=12, max_size=12))
def test_period_shortfall_filled_as_declared_gives_the_readers_deduction(tmp_path_factory, done):
    """Filled as its declaration says (each month's shortfall below 2, summed), the
    derived fact deducts what a reader computes month by month, capped by the item."""
    tmp_path = tmp_path_factory.mktemp("period")
    _, policy = _import(tmp_path, PERIODS)
    shortfall = sum(max(0, 2 - d) for d in done)
    result = _score(policy, 每月组织防火巡查缺少次数=shortfall, 全年组织消防培训=4)
    expected = min(Decimal("0.5") * shortfall, Decimal(20))
    assert result.nodes["一"].deduction == expected
    assert result.total == Decimal(20) - expected


def test_read_period_forms():
    got = read_period("网格员每月入户走访不少于20户，每少1户扣0.1分，最多扣2分")
    assert got is not None
    assert (got.name, got.unit, got.rest) == (
        "网格员每月入户走访缺少户数",
        "户",
        "每户扣0.1分，最多扣2分",
    )
    got = read_period("每季度至少召开1次专题会议，少一次扣0.5分")
    assert got is not None and got.name == "每季度召开专题会议缺少次数"
    got = read_period("党小组每月召开会议1次，每少1次扣0.2分")
    assert got is not None and got.name == "党小组每月召开会议缺少次数"
    assert read_period("每月报送信息不少于10条，每少2条扣1分") is None  # a step of two
    assert read_period("全年开展检查不少于4次，每少1次扣1分") is None  # the year
    assert read_period("每月开展检查不少于1次，每少1次扣0.5分") is not None


# --------------------------------------------------------------------- bonuses

BONUSES = """2024年度宣传思想工作考核细则
一、新闻宣传（10分）
1.新闻稿件未按时报送的，每篇扣0.5分。
2.工作动态被市级以上媒体刊发的，每篇加0.5分，最多加2分。
3.在全省会议上作典型发言的加1分。
二、信息采用（50分）
1.信息被县委办采用的，每条计2分；被市委办采用的，每条计5分。
2.信息迟报的，每次扣1分。
三、专项任务（20分）
1.专项任务台账不全的，每处扣1分。
2.年度专项任务未完成的，本项不得分。
四、奖励项目
1.获得省级表彰的，加5分。
"""


def test_bonuses_earned_points_and_no_score_in_items_without_points(tmp_path):
    draft, policy = _import(tmp_path, BONUSES)
    text = draft.text
    # earned points and `本项不得分` score the item with points above
    assert "- 【信息被县委办采用】每条计2分" in text
    assert "- 【年度专项任务未完成】本项不得分" in text
    # a bonus under an item with points, capped or not: counted inside that item (only
    # winning back its deductions) or added to the total? the document does not say
    pending = _pending(draft)
    assert sorted(pending) == ["一2", "一3", "四1"]
    assert all("还是在总分外另加" in p for p in pending["一2"] + pending["一3"])
    assert "加分项，最高加2分" not in text and "【在全省会议上作典型发言】" not in text
    # no cap stated and no item with points around it: left, saying what to add
    assert "四、奖励项目" in pending["四1"][0] and "最高加N分" in pending["四1"][0]

    result = _score(
        policy,
        新闻稿件未按时报送=1,
        信息被县委办采用=10,
        被市委办采用=4,
        信息迟报=2,
        专项任务台账不全=1,
        年度专项任务未完成="否",
    )
    assert result.nodes["一"].score == Decimal("9.5")
    # 二: earned 20 + 20 = 40 of 50, and 2 deducted → 38
    assert result.nodes["二"].score == Decimal(38)
    assert result.nodes["三"].score == Decimal(19)
    assert result.total == Decimal("9.5") + 38 + 19

    zeroed = _score(
        policy,
        信息被县委办采用=30,  # 60 earned: capped at the item's 50
        年度专项任务未完成="是",
        专项任务台账不全=1,
    )
    assert zeroed.nodes["二"].score == Decimal(50)
    assert zeroed.nodes["三"].score == Decimal(0)


# ------------------------------------------------------------------------ units

UNITS = """2024年度基层治理工作考核细则
一、基础工作（10分）
1.调解卷宗不规范的，每卷扣0.2分。
2.公示牌损坏未修复的，每块扣0.5分。
3.PM10年均浓度超过70微克/立方米的，每超1微克/立方米扣0.1分。
"""


def test_units_of_rolls_boards_and_concentrations(tmp_path):
    draft, policy = _import(tmp_path, UNITS)
    text = draft.text
    assert "- 【调解卷宗不规范】每卷扣0.2分" in text
    assert "- 【公示牌损坏未修复】每块扣0.5分" in text
    assert "- 【PM10年均浓度】超过70微克/立方米的，每超1微克/立方米扣0.1分" in text
    assert "微克/立方米" in next(
        x for x in text.splitlines() if x.strip().startswith("PM10年均浓度：")
    )
    assert draft.summary.pending == 0
    result = _score(policy, 调解卷宗不规范=3, 公示牌损坏未修复=2, PM10年均浓度="73.5")
    # 3 × 0.2 + 2 × 0.5 + 3 whole steps × 0.1 = 1.9
    assert result.total == Decimal("8.1")
    assert _score(policy, PM10年均浓度="70").total == Decimal(10)  # 超过 excludes 70


# ---------------------------------------------------------------------- singles

SINGLES = """2024年度社会治理工作考核细则
一、矛盾化解（6分）
矛盾纠纷化解率达到95%的得满分，每低1个百分点扣0.5分。
二、特殊人群（5分）
社区矫正衔接率未达100%的，每低1个百分点扣0.5分。
三、制度建设（5分）
1.无台账、无制度、无档案的分别扣0.5分。
2.未制定预案、方案的分别扣1分。
四、教育培训（4分）
干部理论学习每年不少于40学时，未达到的扣3分。
"""


def test_single_forms_mean_what_they_say(tmp_path):
    draft, policy = _import(tmp_path, SINGLES)
    text = draft.text
    assert "- 【矛盾纠纷化解率】达到95%的得满分，每低1个百分点扣0.5分" in text
    assert "- 【社区矫正衔接率】未达100%的，每低1个百分点扣0.5分" in text
    assert "- 【无台账】、【无制度】、【无档案】的，分别扣0.5分" in text
    assert "- 【干部理论学习学时】未达到40学时的，扣3分" in text
    # the hours are data to fill: no default that would deduct or spare by itself
    hours = next(x for x in text.splitlines() if x.strip().startswith("干部理论学习学时："))
    assert "默认" not in hours
    # `未制定预案、方案`: the 未 and the verb cover both — one fact per thing made (a fact
    # 【方案】 of the failure reading would deduct for having one)
    assert "- 未【制定预案】、【制定方案】的，分别扣1分" in text
    assert "【方案】" not in text
    assert list(_pending(draft)) == []

    facts = dict(
        矛盾纠纷化解率="91.2",  # 3.8 below: 3 whole steps → 1.5
        社区矫正衔接率="97.5",  # 2.5 below: 2 steps → 1
        无台账="是",
        无制度="否",
        无档案="是",  # two failures → 1
        干部理论学习学时=39,  # below 40 → 3
        制定预案="是",
        制定方案="否",  # not made → 1 off 三
    )
    result = policy.score(facts)
    assert result.nodes["一"].score == Decimal("4.5")
    assert result.nodes["二"].score == Decimal(4)
    assert result.nodes["三"].score == Decimal(3)  # 5 − 1 (two failures) − 1 (no 方案)
    assert result.nodes["四"].score == Decimal(1)
    facts.update(矛盾纠纷化解率="95", 社区矫正衔接率="100", 干部理论学习学时=40)
    result = policy.score(facts)
    assert result.nodes["一"].score == Decimal(6)
    assert result.nodes["二"].score == Decimal(5)
    assert result.nodes["四"].score == Decimal(4)


def test_shapes_read_only_lists_of_failures():
    got = read_failures("无计划、无措施、无总结的分别扣1分")
    assert got is not None and got.names == ("无计划", "无措施", "无总结")
    assert read_failures("未制定计划、措施的分别扣1分") is None
    assert read_failures("计划、总结分别扣1分") is None
    got = read_unmet("每年组织应急演练不少于2次，未达到的扣1分")
    assert got is not None and got.clause == "【组织应急演练次数】未达到2次的，扣1分"
    assert read_unmet("每季度组织应急演练不少于1次，未达到的扣1分") is None


def test_reasons_for_what_the_language_cannot_say(tmp_path):
    text = """2024年度平安建设考核细则
一、治安（10分）
1.盗窃案件发案数比上年上升的，每上升1个百分点扣0.2分。
2.群众满意度测评得分低于全市平均分的，每低1分扣0.5分。
3.发生重大安全事故的，取消当年评先评优资格，并通报批评。
4.发生较大安全事故的，取消当年评先评优资格。
"""
    draft, _ = _import(tmp_path, text)
    pending = _pending(draft)
    assert "上年" in pending["一1"][0] and "与【上年X】相比" in pending["一1"][0]
    assert "平均分" in pending["一2"][0] and "算式" in pending["一2"][0]
    assert "不得评为优秀" in pending["一3"][0] and "取消考评资格" in pending["一3"][0]
    assert "列为取消评先评优资格单位" in pending["一3"][0]
    # said alone, it changes no points and no grade: the unit carries it as a label
    assert "- 【较大安全事故】列为取消当年评先评优资格单位" in draft.text


def test_language_forms_added_for_the_importer():
    """`未达`, `得满分` before a step, and the new units compile and score by hand."""
    policy = compile_policy(
        "细则：试\n年度：2024\n满分：20分\n\n数据：\n"
        "  衔接率：百分比\n  化解率：百分比\n  浓度：微克/立方米\n  卷宗：卷，默认0\n"
        "  公示牌：块，默认0\n\n"
        "(一)甲(8分)\n  - 【化解率】达到90%的得满分，每低1个百分点扣0.3分\n"
        "(二)乙(4分)\n  - 【衔接率】未达100%的，每低1个百分点扣0.5分\n"
        "(三)丙(8分)\n  - 【浓度】超过35微克/立方米的，每超1微克/立方米扣0.5分\n"
        "  - 【卷宗】每卷扣0.1分\n  - 【公示牌】每块扣0.2分\n"
    )
    result = policy.score(
        {"化解率": "86.5", "衔接率": "99", "浓度": "37.9", "卷宗": 2, "公示牌": 1}
    )
    assert result.nodes["(一)"].score == Decimal("7.1")  # 3 steps × 0.3
    assert result.nodes["(二)"].score == Decimal("3.5")  # 1 step × 0.5
    assert result.nodes["(三)"].score == Decimal("6.6")  # 1 + 0.2 + 0.2
    result = policy.score({"化解率": "100", "衔接率": "100", "浓度": "35"})
    assert result.total == Decimal(20)


# ------------------------------------------------------------- more phrasings

MORE = """2025年度综合治理工作考核细则
满分：40分
一、日常工作（30分）
1.防火巡查（5分）。每月不少于2次，每少1次扣0.5分。
2.每季度报送信息不少于3条，未达到的每季度扣1分。
3.台账资料不全的，每本扣0.2分。
4.厂界噪声超过55分贝的，每超1分贝扣0.2分。
5.宣传稿件被采用的，每篇加0.5分，加分不超过2分。
6.工作计划每年不少于2份，未完成的扣2分。
8.检查合格率低于全县平均水平的，每低1个百分点扣0.1分。
二、创新工作（10分）
1.创新做法被市级推广的，每项计2分。
三、加分项（5分）
1.获得省级以上表彰的加5分。
2.获得国家级表彰的加3分，省级加2分，市级加1分。
"""


def test_more_phrasings_of_the_same_forms(tmp_path):
    draft, policy = _import(tmp_path, MORE)
    text = draft.text
    # a sentence naming nothing is about its item's title
    assert "- 【防火巡查每月缺少次数】每次扣0.5分" in text
    # each quarter short of the requirement costs 1: a count of quarters
    assert "- 【每季度报送信息未达到要求的季度数】每季度扣1分" in text
    assert "- 【台账资料不全】每本扣0.2分" in text
    assert "- 【厂界噪声】超过55分贝的，每超1分贝扣0.2分" in text
    noise = next(x for x in text.splitlines() if x.strip().startswith("厂界噪声："))
    assert "分贝" in noise and "默认" not in noise  # a measured value is never assumed
    # a level alone names the previous thing at that level
    assert "- 【获得省级表彰】加2分" in text and "- 【获得市级表彰】加1分" in text
    # a capped bonus in an item of 一 (30分): inside 一 or on the total? left for the writer
    assert "还是在总分外另加" in _pending(draft)["一5"][0]
    assert "- 【工作计划份数】未达到2份的，扣2分" in text
    # `检查合格率` is an indicator, not where to look
    assert "- 【检查合格率】低于全县平均水平的，每低1个百分点扣0.1分" in text
    # `加分项（5分）` outside the stated 满分 (30 + 10 = 40): a bonus part capped at 5
    assert [n.path for n in policy.ir.walk() if n.bonus_cap is not None] == ["三"]
    assert str(policy.ir.full_marks) == "40"
    assert draft.summary.pending == 1

    result = policy.score(
        {
            "防火巡查每月缺少次数": 3,  # 1.5
            "每季度报送信息未达到要求的季度数": 2,  # 2
            "台账资料不全": 1,  # 0.2
            "厂界噪声": "57.5",  # 2 whole steps: 0.4
            "获得国家级表彰": "是",
            "获得市级表彰": "是",  # + 3 + 1 in 三
            "工作计划份数": 1,  # 2
            "检查合格率": "90",
            "创新做法被市级推广": 3,  # earns 6 of 10
            "获得省级以上表彰": "是",  # + 5, capped at 5
        },
        averages={"检查合格率": "92.5"},  # 2 whole steps: 0.2
    )
    assert result.nodes["一"].deduction == Decimal("6.3")
    assert result.nodes["二"].score == Decimal(6)
    assert result.total == Decimal(40) - Decimal("6.3") - 4 + 5  # 三 capped at 5


def test_a_bound_kept_within_and_full_marks_without_points(tmp_path):
    text = """2025年度大气污染防治考核细则
满分：10分
一、目标任务（10分）
1.PM2.5平均浓度控制在35微克/立方米以内，每超1微克/立方米扣1分。
2.优良天数比例达到85%的得满分，每降低1个百分点扣0.5分。
"""
    draft, policy = _import(tmp_path, text)
    # `控制在` is how the bound is said, not part of what is measured
    assert "- 【PM2.5平均浓度】35微克/立方米以内，每超1微克/立方米扣1分" in draft.text
    # item 2 has no points: `得满分，每降低…` is the points of 一 less the steps, so the
    # clause is written on 一 and deducts from the same 10 points as item 1
    assert not _pending(draft)
    assert "- 【优良天数比例】达到85%的得满分，每降低1个百分点扣0.5分" in draft.text
    ok = {"优良天数比例": "85"}
    assert policy.score({"PM2.5平均浓度": "37.5", **ok}).total == Decimal(8)  # 2 whole steps
    assert policy.score({"PM2.5平均浓度": "35", **ok}).total == Decimal(10)  # 以内 includes 35
    both = {"PM2.5平均浓度": "37.5", "优良天数比例": "82.5"}
    assert policy.score(both).total == Decimal(8) - Decimal(1)  # 2 steps of 0.5 more
    alone = """2025年度大气污染防治考核细则
满分：10分
一、目标任务（10分）
1.PM2.5平均浓度控制在35微克/立方米以内，每超1微克/立方米扣1分。
2.优良天数比例达到85%的得满分。
"""
    draft, _ = _import(tmp_path, alone)
    # `得满分` alone would make 一 depend on item 2 only: its share is not stated
    pending = _pending(draft)
    assert list(pending) == ["一2"] and "写上分值" in pending["一2"][0]


def test_bonus_part_caps_as_documents_state_them(tmp_path):
    """The cap of a bonus part, however stated, is read; without one the sentence stays."""
    for head, cap in (
        ("三、加分项目（最高加5分）", "5"),
        ("三、加分项目（累计最多加4分）", "4"),
        ("三、加分项目（加分不超过3分）", "3"),
        ("三、奖励加分（本项最高加2分）", "2"),
        ("三、加分项目\n加分累计不超过6分。", "6"),
        ("三、加分项目", None),
    ):
        text = (
            "2025年度考核细则\n满分：10分\n一、工作（10分）\n1.迟报的，每次扣1分。\n"
            f"{head}\n1.获得省级表彰的，加3分。\n2.获得市级表彰的，加2分。\n"
        )
        draft, policy = _import(tmp_path, text)
        caps = [str(n.bonus_cap) for n in policy.ir.walk() if n.bonus_cap is not None]
        if cap is None:
            assert caps == [] and len(draft.summary.pending_sentences) == 2
            assert "最高加N分" in draft.summary.pending_sentences[0][2]
            continue
        assert caps == [cap], head
        result = policy.score({"获得省级表彰": "是", "获得市级表彰": "是", "迟报": 0})
        assert result.total == 10 + min(Decimal(5), Decimal(cap)), head


def test_the_two_halves_of_a_standard_across_a_semicolon(tmp_path):
    text = """2025年度重点工作考核细则
满分：10分
一、重点工作（10分）
重点工作完成率达到100%的，得满分；每低1个百分点扣0.5分。
"""
    draft, policy = _import(tmp_path, text)
    # one rule: at 99% the unit loses 0.5, not all 10 points
    assert "- 【重点工作完成率】达到100%的，得满分，每低1个百分点扣0.5分" in draft.text
    assert policy.score({"重点工作完成率": "99"}).total == Decimal("9.5")
    assert policy.score({"重点工作完成率": "100"}).total == Decimal(10)


# ------------------------------------------- a subject before a list; this year and last

SUBJECT_LIST = """2024年度安全生产考核细则
考核对象：各乡镇人民政府
一、责任落实（4分）
（一）纳入规划（2分）。安全生产工作未纳入乡镇年度工作要点、未列入党委会议议题的，分别扣1分。
（二）事故控制（2分）。辖区较大事故起数较上年下降的得2分，与上年持平的得1分，上升的不得分。
二、执法（6分）
（一）检查（6分）。执法检查企业家数较上年增长的得6分，持平的得3分，下降的不得分。
"""


def test_a_list_of_failures_after_their_subject(tmp_path):
    draft, policy = _import(tmp_path, SUBJECT_LIST)
    lines = [line.strip() for line in draft.text.splitlines()]
    assert "- 【安全生产工作未纳入乡镇年度工作要点】、【未列入党委会议议题】的，分别扣1分" in lines
    base = {"辖区较大事故起数": 1, "上年辖区较大事故起数": 2}
    base |= {"执法检查企业家数": 5, "上年执法检查企业家数": 4}
    assert policy.score(base).total == 10
    one = {**base, "安全生产工作未纳入乡镇年度工作要点": "是"}
    both = {**one, "未列入党委会议议题": "是"}
    assert (policy.score(one).total, policy.score(both).total) == (9, 8)


def test_this_year_against_last_year_in_tiers(tmp_path):
    draft, policy = _import(tmp_path, SUBJECT_LIST)
    assert not _pending(draft)
    cases = [
        # (this, last) of 事故 (fewer is better), (this, last) of 检查 (more is better)
        ((1, 2), (5, 4), 2 + 6),
        ((2, 2), (4, 4), 1 + 3),
        ((3, 2), (3, 4), 0 + 0),
    ]
    for (now, before), (done, last), total in cases:
        facts = {
            "辖区较大事故起数": now,
            "上年辖区较大事故起数": before,
            "执法检查企业家数": done,
            "上年执法检查企业家数": last,
        }
        nodes = policy.score(facts).nodes
        assert nodes["一(二)"].score + nodes["二(一)"].score == total


def test_sides_of_last_year_that_do_not_make_tiers_are_left(tmp_path):
    # the third side named like the first, or 持平 earning as much: not tiers, left pending
    text = (
        "2024年度考核细则\n一、成效（4分）\n"
        "（一）甲（2分）。事故起数较上年下降的得2分，持平的得1分，下降的不得分。\n"
        "（二）乙（2分）。投诉件数较上年下降的得2分，持平的得2分，上升的不得分。\n"
    )
    draft, _ = _import(tmp_path, text)
    assert len(_pending(draft).get("一(一)", [])) == 1
    assert len(_pending(draft).get("一(二)", [])) == 1


def test_a_sentence_the_draft_cannot_compile_is_held_whole(tmp_path):
    # 低于…得3分，高于…得1分: a unit on the mean earns neither (E116 in the draft); both
    # halves go back to 待处理 together — never the 1 point drafted alone
    text = (
        "2024年度考核细则\n一、法治（4分）\n"
        "（一）复议（4分）。行政复议案件被纠错率低于全市平均水平的得4分，高于全市平均水平的得1分。\n"
    )
    draft, _ = _import(tmp_path, text)
    (pending,) = _pending(draft)["一(一)"]
    assert "E116" in pending and "恰好等于平均值" in pending
    lines = [line.strip() for line in draft.text.splitlines()]
    assert not [line for line in lines if line.startswith("- ")]  # no half drafted
    assert not [line for line in lines if line.startswith("行政复议案件被纠错率：")]  # nor read


def test_drafts_of_deep_items_and_band_quotas_have_no_errors(tmp_path):
    # a level sentence under a （1） item takes a sub-item ① (never a (1) at its own level, E204);
    # a quota giving a band again (其余为良好) is no second 良好 band (E206, E213) but a quota
    text = (
        "2025年度老龄工作考评细则\n一、养老服务（10分）\n（一）居家养老（10分）\n1.设施（10分）\n"
        "（1）中心（4分）综合养老服务中心建成并投入运营的得2分，已建成未运营的得1分，未建成的不得分。"
        "城市社区每缺1个站点扣1分，最多扣2分。\n"
        "（2）站点（6分）社区养老服务站闲置的，每个扣1分。\n"
        "二、等次\n考评得分90分以上的为优秀，80分以上不满90分的为良好，60分以上不满80分的为合格，"
        "不满60分的为不合格。得分90分以上的乡镇超过5个的，按得分从高到低取前5名为优秀，其余为良好。\n"
    )
    draft, _ = _import(tmp_path, text)  # compiles: `_import` raises on any error
    pending = [p for items in _pending(draft).values() for p in items]
    # the levels of （1）中心 go to a sub-item at the fifth level (①), not pending
    assert not any("综合养老服务中心" in p for p in pending)
    assert "①综合养老服务中心建成并投入运营（2分）" in draft.text
    # `超过5个的，按得分从高到低取前5名为优秀，其余为良好` is a quota of 5 on 优秀 (language.md
    # 12.2): the bands and the quota are drafted, the quota's pieces kept as the original
    assert "\n  优秀：90分以上\n" in draft.text
    assert "\n  优秀等次不超过5个，按得分从高到低确定\n" in draft.text
    assert "# 原文：其余为良好" in draft.text
    _, policy = _import(tmp_path, text)
    assert [(q.band, q.count) for q in policy.ir.quotas] == [(0, 5)]


REQUIREMENTS = """2025年度地质灾害防治考核细则
一、群测群防（8分）
（一）队伍（8分）。群测群防员补助按县定标准按时足额发放的得2分，未按时发放的扣1分，未足额发放的扣2分。收到预警信息后1小时内传递到受威胁群众的得3分，传递不及时的每次扣1分，未传递的本项不得分。监测设备损坏未及时报修的，每次扣0.5分。
"""


def test_a_requirement_and_the_ways_it_is_missed(tmp_path):
    # paid late but in full loses 1 of the 2, not the 2 and then 1; a late warning loses 1
    # of the 3; never passing one on loses the whole item (本项)
    draft, policy = _import(tmp_path, REQUIREMENTS)
    names = {f.name: f for f in policy.ir.facts}
    late, short = "未按时发放", "未足额发放"
    slow, never = "传递不及时", "未传递"
    assert {late, short, slow, never} <= set(names)
    repair = next(n for n in names if "报修" in n)
    base = {late: "否", short: "否", slow: 0, never: "否", repair: 0}
    assert policy.score(base).total == 8
    assert policy.score({**base, late: "是"}).total == 7
    assert policy.score({**base, late: "是", short: "是"}).total == 6  # at most the 2
    assert policy.score({**base, slow: 4}).total == 5  # at most the 3
    assert policy.score({**base, never: "是"}).total == 0
    assert "写成下面分值为2分的子项" in draft.text


def test_late_ones_only_keep_the_requirement_as_it_was(tmp_path):
    # only late reports deducted: a unit that never reports would keep the points — not read so
    text = (
        "2025年度考核细则\n一、信息（8分）\n"
        "（一）报送（8分）。工作信息按时报送的得2分，迟报的每次扣0.5分。被通报的，每次扣1分。\n"
    )
    draft, _ = _import(tmp_path, text)
    assert "这一要求在本项中的分值" not in draft.text


@pytest.mark.parametrize(
    ("text", "word", "written", "value", "total"),
    [
        # 得分保留两位小数 in the notes: the header's 精度 (1.84314 published half up)
        (
            "2025年度地质灾害防治考核细则\n一、监测（2分）\n"
            "（一）巡查（2分）。隐患点巡查完成率达到100%的得2分，未达到的按完成率×2计分。\n"
            "二、说明\n（一）按比例计分的，得分保留两位小数。\n",
            "完成率",
            "\n精度：0.01\n",
            "92.157",
            "1.84",
        ),
        # 不足一档的按一档计算: 2.6 points short is 3 steps
        (
            "2025年度老龄工作考评细则\n一、关爱（3分）\n"
            "（一）探访（3分）。特殊困难老年人月探访率达到100%的得3分，每低1个百分点扣0.2分。\n"
            "二、其他\n（一）按百分点分档扣分的，不足一档的按一档计算。\n",
            "探访率",
            "不足1个百分点按1个百分点计",
            "97.4",
            "2.4",
        ),
    ],
)
def test_what_the_notes_say_of_every_score(tmp_path, text, word, written, value, total):
    draft, policy = _import(tmp_path, text)
    assert written in draft.text
    name = next(f.name for f in policy.ir.facts if word in f.name)
    assert policy.score({name: value}).total == Decimal(total)


def test_a_comparison_with_the_mean_that_names_nothing_is_never_the_titles(tmp_path):
    # the second sentence compares 平均用时 (the first's fact) — never a fact named after the
    # item's title; it cannot join the first (a standard's halves apart): held back
    text = (
        "2025年度营商环境考核细则\n一、审批（10分）\n（一）压缩审批时间，开展红黑榜评议（10分）。"
        "工程建设项目审批平均用时低于全市平均水平的得4分。高于全市平均水平的，每高出10%扣1分，扣完4分为止。\n"
    )
    draft, policy = _import(tmp_path, text)
    assert not [f for f in policy.ir.facts if "红黑榜" in f.name]
    pending = _pending(draft)["一(一)"]
    assert any(p.startswith("高于全市平均水平的") for p in pending)
    # and the first half with it: alone, a unit above the mean would lose the 4 points
    assert any(p.startswith("工程建设项目审批平均用时低于") and "两半" in p for p in pending)


def test_a_requirement_with_a_judged_deduction(tmp_path):
    # 全面落实…的得3分，落实不到位的视情况扣1-3分: the judged 0–3 comes off those 3 points only
    text = (
        "2025年度营商环境考核细则\n一、执法（8分）\n（一）包容审慎（8分）。"
        "全面落实首违不罚清单制度的得3分，落实不到位的视情况扣1-3分。"
        "违规异地执法经查实的，每起扣2分。\n"
    )
    draft, policy = _import(tmp_path, text)
    assert "写成下面分值为3分的子项" in draft.text
    judged = next(f.name for f in policy.ir.facts if "不到位" in f.name)
    other = next(f.name for f in policy.ir.facts if "异地执法" in f.name)
    assert policy.score({judged: 0, other: 0}).total == 8
    assert policy.score({judged: 2, other: 0}).total == 6
    assert policy.score({judged: 3, other: 1}).total == 3


_GRADE_PART = """某区2026年度河道管护工作考核细则
一、考核对象
各街道办事处。
二、考核内容及评分标准
（一）河道保洁（10分）
河道保洁不到位的，每处扣1分。
三、否决情形
辖区内河道被市级以上通报批评的，不得评为优秀。辖区发生重大水污染事件，或者因管护不到位造成人员伤亡的，年度考核直接评定为不合格。
四、等次评定
考核结果分为优秀、良好、合格、不合格四个等次：90分以上为优秀，80分以上为良好，60分以上为合格，60分以下为不合格。
"""


def test_a_grade_limited_in_a_part_without_points_is_drafted_or_held(tmp_path):
    # a sentence that limits or sets the grade is a scoring sentence wherever it stands:
    # drafted, or kept 待处理 — never left only in the part's 说明
    draft, policy = import_text(tmp_path, _GRADE_PART)
    clauses = [line.strip() for line in draft.text.splitlines() if line.strip().startswith("- ")]
    assert any(c.endswith("不得评为优秀") and "通报批评" in c for c in clauses), clauses
    # either event sets the grade outright (it was kept 待处理 while the language read
    # `年度考核直接评定为` only on lines about places and averages)
    either = "辖区发生重大水污染事件或者因管护不到位造成人员伤亡"
    assert f"- 【{either}】直接评定为不合格" in clauses
    fact = next(f.name for f in policy.ir.facts if "通报批评" in f.name)
    assert "等次最高为良好" in policy.score({fact: "是"}).labels
    assert policy.score({fact: "否", either: "是"}).grade == "不合格"


_NOT_DATA = """某县2026年度安全生产工作考核细则
一、考核对象
各乡镇人民政府。
二、考核内容及评分标准
（一）执法检查（6分）
执法人员人均检查企业家次高于全县乡镇平均数的得3分，达到平均数80%以上的得2分，不满平均数80%的得1分。执法文书不规范的，每份扣0.5分。
（二）档案整理（4分）
随机抽查案卷，有一卷编目不规范的扣0.2分，最多扣4分。年内未承办重大活动的，本项按分值的80%计分。
"""


def test_parts_of_a_comparison_and_one_of_a_count_are_never_facts(tmp_path):
    # `【达到平均数】80%以上的得2分`, `【不满平均数80%】得1分` (the batch's average is computed,
    # never filled in): held, not drafted; `有一卷编目不规范的扣0.2分，最多扣4分` is never a
    # yes/no `【有一卷编目不规范】` deducting once — a cap of 20 times the amount is reached only
    # by counting every 卷 (readers/repeats.py): the 卷 counted
    draft, policy = import_text(tmp_path, _NOT_DATA)
    held = [line.strip() for line in draft.text.splitlines() if "# 待处理：" in line]
    assert any("不满平均数80%的得1分" in line for line in held), held
    assert "- 【抽查案卷编目不规范】每卷扣0.2分，最多扣4分" in draft.text
    # a share of the item's points is a scoring sentence: drafted as the language's own
    # (language.md 5.4) — (二) scores 80% of its 4 points whatever its 卷 lost
    assert "- 【年内未承办重大活动】本项按分值的80%计分" in draft.text
    facts = {"执法文书不规范": 0, "抽查案卷编目不规范": 3, "年内未承办重大活动": "是"}
    assert policy.score(facts).nodes["(二)"].score == Decimal("3.2")
    names = [f.name for f in policy.ir.facts]
    assert not [n for n in names if "平均" in n or n.startswith("有一")], names
    assert "执法文书不规范" in names


def test_an_event_that_starts_with_jing_is_named_by_itself(tmp_path):
    # `经市级以上督办的每起扣3分` names what happened, not how it was found: its own fact,
    # never the item's title; `经核实…` is how it was found
    from xize.compiler.importer.names import name_from

    assert name_from("经市级以上督办的", "岸线和采砂管理")[0] == "经市级以上督办"
    assert name_from("经核实，台账缺失的", "台账管理")[0] == "台账缺失"


def test_two_slopes_on_one_rate_are_held_with_both_writings(tmp_path):
    text = """某区2026年度河道整治工作考核细则
一、考核对象
各街道办事处。
二、考核内容及评分标准
（一）排污口整治（8分）
排污口整治完成率达到95%以上的得5分，低于95%的每低1个百分点扣0.2分，低于85%的每低1个百分点扣0.5分。排查遗漏的排污口，每个扣0.5分，最多扣3分。
"""
    # below 85% the first slope may go on or stop: drafted either way, one reading would
    # score the other's units wrong
    draft, policy = import_text(tmp_path, text)
    held = [line for line in draft.text.splitlines() if "# 待处理：" in line]
    assert any("低于85%的每低1个百分点扣0.5分" in line and "两段" in line for line in held)
    assert [f.name for f in policy.ir.facts] == ["排查遗漏的排污口"]


def test_a_rate_found_by_a_check_is_the_checked_things(tmp_path):
    text = """某县2026年度安全生产工作考核细则
一、考核对象
各乡镇人民政府。
二、考核内容及评分标准
（一）安全知识（3分）
随机抽查辖区企业从业人员安全知识，合格率达到90%以上的得3分，80%以上不满90%的得1.5分，不满80%的不得分。
"""
    draft, policy = import_text(tmp_path, text)
    assert "- 【辖区企业从业人员安全知识合格率】达到90%、80%的，分别得3分、1.5分" in draft.text
    name = "辖区企业从业人员安全知识合格率"
    scores = [policy.score({name: v}).total for v in ("90", "89.9", "80", "79.9")]
    assert scores == [Decimal(3), Decimal("1.5"), Decimal("1.5"), Decimal(0)]


def test_a_deduction_in_the_total_under_a_part_without_points(tmp_path):
    text = """某区2026年度河湖长制工作考核细则
一、考核对象
各街道办事处。
二、考核内容及评分标准
（一）河湖巡查（10分）
巡河记录不完整的，每次扣1分。
三、扣分项
（一）被区政府督查通报的，每次在总分中扣1分。
"""
    # a part without points deducts from the total anyway (language.md 第5节)
    draft, policy = import_text(tmp_path, text)
    clauses = [line.strip() for line in draft.text.splitlines() if line.strip().startswith("- ")]
    assert "- 【被区政府督查通报】每次扣1分" in clauses, clauses
    assert policy.score({"被区政府督查通报": "2"}).total == Decimal(8)


# ------------------------------------- one sentence the language reads as two clauses

TWO_HALVES = """2024年度社区治理工作考核细则
考核对象：各街道
一、矛盾化解（10分）
1.矛盾纠纷化解（10分）。矛盾纠纷调处成功率达到98%以上的得4分，低于98%的，每低1个百分点扣1分，扣完为止。发生民转刑案件的，每起扣2分。
二、档案保管（8分）
1.整理保管（8分）。档案保管期限划分准确率达到95%以上的得4分，每低1个百分点扣1分，在90%以下的本项不得分。档案实体与目录不符的，每发现1处扣0.5分。
"""


def test_a_standard_in_two_halves_is_drafted_under_its_own_points(tmp_path):
    """`达到98%以上的得4分，低于98%的，每低1个百分点扣1分` is one standard that the language
    reads as two clauses on one line: drafted (it was held), in a sub-item of its 4 points
    beside the item's deductions; the steps count whole points below 98 and stop at 0."""
    draft, policy = _import(tmp_path, TWO_HALVES)
    assert "- 【矛盾纠纷调处成功率】达到98%以上的得4分，低于98%的，每低1个百分点扣1分" in draft.text
    full = {"矛盾纠纷调处成功率": Decimal(99), "发生民转刑案件起数": 0}
    facts = [f.name for f in policy.ir.facts]
    full = {k: v for k, v in full.items() if k in facts}
    base = _score(policy, **full).nodes["一"].score
    assert base == 10
    for rate, lost in [("97.5", 0), ("96.5", 1), ("94", 4), ("50", 4)]:
        got = _score(policy, **{**full, "矛盾纠纷调处成功率": Decimal(rate)}).nodes["一"].score
        assert base - got == lost, rate


def test_a_whole_item_zero_inside_an_earning_sentence_is_held(tmp_path):
    """`…得4分，每低1个百分点扣1分，在90%以下的本项不得分` in an item of 8: a sub-item of its
    own would make `本项` the sub-item (89% would lose 4, not the item's 8), and written
    as it is every unit would lose the other 4 — held, saying why."""
    draft, _ = _import(tmp_path, TWO_HALVES)
    held = _pending(draft)
    sentence = "档案保管期限划分准确率达到95%以上的得4分，每低1个百分点扣1分，在90%以下的本项不得分"
    reasons = [r for v in held.values() for r in v if r.startswith(sentence)]
    assert reasons and "本项不得分" in reasons[0].split("｜")[1]
    clauses = [x for x in draft.text.splitlines() if x.strip().startswith("- ")]
    assert not any("档案保管期限划分准确率" in x for x in clauses)
