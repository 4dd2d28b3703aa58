"""Formulas as documents write them, and "all done earns the points, each miss costs a
step": `检查覆盖率达到100%的得4分，未达到的按实际覆盖率×4计分`, `培训率达到90%以上的得3分，
未达到的按培训率÷90%×3计分`, `未完成的按已搬迁户数÷任务户数×5计分`, `即实际培训人数÷市下达
任务数×6分，超额完成的不加分`, `办结率达到100%的得3分，每有1件逾期扣0.5分`, `每有一类未归档扣
1分`.  Each is drafted only where its numbers agree with the sentence's own, and scores what
a careful reader computes; the near misses stay `待处理`.  Documents are written for the
test."""

from __future__ import annotations

from decimal import Decimal

from helpers import import_text, pending_lines

_TEXT = """某县2026年度乡镇公共服务工作考核细则
一、考核对象
各乡镇人民政府。
二、考核内容及评分标准
（一）消防检查（4分）
对辖区小场所开展消防安全检查，检查覆盖率达到100%的得4分，未达到的按实际覆盖率×4计分。
（二）业务培训（3分）
乡镇干部消防培训率达到90%以上的得3分，未达到的按培训率÷90%×3计分。
（三）避险搬迁（5分）
完成年度避险搬迁任务的得5分，未完成的按已搬迁户数÷任务户数×5计分。
（四）技能培训（6分）
组织退役军人参加技能培训，按完成比例计分，即实际培训人数÷市下达任务数×6分，超额完成的不加分。
（五）信访办理（8分）
信访事项按期办结率达到100%的得3分，每有1件逾期扣0.5分。未建立信访台账的，扣2分。
（六）档案归档（3分）
会计、基建、人事等专门档案均按规定归档的得3分，每有一类未归档扣1分。
（七）政策解读（4分）
政策解读率达到100%的得4分，未达到的按解读率乘以4计分。
"""

_PERFECT = {
    "检查覆盖率": "100",
    "乡镇干部消防培训率": "90",
    "已搬迁户数": "10",
    "任务户数": "10",
    "培训人数": "30",
    "市下达任务数": "30",
    "逾期": "0",
    "未建立信访台账": "否",
    "未归档": "0",
    "政策解读率": "100",
}


def test_each_sentence_is_drafted_as_its_formula(tmp_path):
    draft, policy = import_text(tmp_path, _TEXT)
    assert pending_lines(draft.text) == []
    for clause in (
        "- 得(最小(【检查覆盖率】÷100, 1)×4)分",
        "- 得(最小(【乡镇干部消防培训率】÷90, 1)×3)分",
        "- 得(最小(【已搬迁户数】÷【任务户数】, 1)×5)分",
        "- 得(最小(【培训人数】÷【市下达任务数】, 1)×6)分",
        "- 【逾期】每件扣0.5分",
        "- 【未归档】每类扣1分",
        "- 得(最小(【政策解读率】÷100, 1)×4)分",
    ):
        assert clause in draft.text, clause
    # the 3 points of (五) are a part of its 8: a sub-item, the 2 for the ledger beside it
    assert "(1)逾期（3分）" in draft.text
    assert sorted(f.name for f in policy.ir.facts) == sorted(_PERFECT)
    assert policy.score(_PERFECT).total == Decimal(33)


def test_the_formulas_compute_what_the_document_means(tmp_path):
    _, policy = import_text(tmp_path, _TEXT)
    unit = dict(_PERFECT)
    unit.update({"检查覆盖率": "95", "乡镇干部消防培训率": "81"})
    unit.update({"已搬迁户数": "8", "培训人数": "36", "逾期": "2", "未归档": "1"})
    unit["政策解读率"] = "87.5"
    result = policy.score(unit)
    expected = {
        "(一)": "3.8",  # 95% × 4
        "(二)": "2.7",  # 81 ÷ 90 × 3
        "(三)": "4",  # 8 of 10 households × 5
        "(四)": "6",  # 36 trained of 30: more earns no more
        "(五)": "7",  # 3 − 2 × 0.5, and the 5 the ledger keeps
        "(六)": "2",
        "(七)": "3.5",
    }
    for path, score in expected.items():
        assert result.nodes[path].score == Decimal(score), path
    above = policy.score(dict(_PERFECT, 乡镇干部消防培训率="96"))
    assert above.nodes["(二)"].score == Decimal(3)  # the standard met: its 3, not 3.2
    late = policy.score(dict(_PERFECT, 逾期="9", 未建立信访台账="是"))
    assert late.nodes["(五)"].score == Decimal(3)  # the 3 lost at most, then the ledger's 2


def test_formulas_that_disagree_with_the_sentence_stay_pending(tmp_path):
    text = _TEXT.replace(
        "未达到的按培训率÷90%×3计分", "未达到的按培训率×3计分"
    ).replace(  # the rate itself times 3 under a 90% standard would jump at 90%
        "按已搬迁户数÷任务户数×5计分", "按已搬迁户数÷任务户数×4计分"
    )  # 4 of the 5 points
    text = text.replace(
        "每有一类未归档扣1分", "每有1起超期归档扣1分"
    )  # a late one only: what is never filed is not counted
    draft, _ = import_text(tmp_path, text)
    pending = pending_lines(draft.text)
    assert any("按培训率×3计分" in p for p in pending)
    assert any("×4计分" in p for p in pending)
    assert any("超期归档" in p for p in pending)


def test_this_year_against_last_after_what_was_done(tmp_path):
    """`组织乡土人才参加技能培训，培训人次较上年增长的得4分，与上年持平的得2分，较上年下降的
    不得分`: the compared value is the words before 较上年 (the words before the comma say
    what was done), and the third side may say 较上年 again; the same side twice is still
    no set of tiers."""
    text = (
        "2026年度人才工作考核细则\n一、培训（4分）\n"
        "组织乡土人才参加技能培训，培训人次较上年增长的得4分，与上年持平的得2分，较上年下降的不得分。\n"
        "二、归档（3分）\n"
        "推进电子档案建设，电子文件归档率较上年提高的得3分，与上年持平的得1.5分，较上年提高的不得分。\n"
    )
    draft, policy = import_text(tmp_path, text)
    assert "- 【培训人次】高于【上年培训人次】的得4分" in draft.text
    assert "- 【培训人次】等于【上年培训人次】的得2分" in draft.text
    assert any("电子文件归档率" in p for p in pending_lines(draft.text))
    scores = [
        policy.score({"培训人次": now, "上年培训人次": 40}).nodes["一"].score
        for now in (41, 40, 39)
    ]
    assert scores == [4, 2, 0]


def test_done_in_full_is_the_rate_at_its_whole(tmp_path):
    """`与下属单位签订责任书的得2分，签订率每低10个百分点扣0.5分`: signing with every unit is
    the signing rate at 100%, and the step counts below it (from the 2 points only); a rate
    whose verb is not what was done (`报送材料的得2分，签订率每低…`) is not read so."""
    text = (
        "2026年度安全生产考核细则\n一、责任落实（2分）\n"
        "按要求与下属单位签订安全生产目标责任书的得2分，签订率每低10个百分点扣0.5分。\n"
        "二、安置（10分）\n"
        "按规定时限完成退役军人安置任务的得6分，安置率每低1个百分点扣0.5分，扣完为止。"
        "未建立安置台账的，扣4分。\n"
        "三、报送（2分）\n按要求报送材料的得2分，签订率每低10个百分点扣0.5分。\n"
    )
    draft, policy = import_text(tmp_path, text)
    assert "- 【签订率】达到100%的得2分，每低10个百分点扣0.5分" in draft.text
    assert "- 【安置率】达到100%的得6分，每低1个百分点扣0.5分，最多扣6分" in draft.text
    assert any("报送材料" in p for p in pending_lines(draft.text))
    unit = {"签订率": "85", "安置率": "90", "未建立安置台账": "否"}
    nodes = policy.score(unit).nodes
    assert nodes["一"].score == Decimal("1.5")  # one whole step of 10 points below 100
    assert nodes["二"].score == Decimal(5)  # 6 − 10 × 0.5, and the 4 the ledger keeps
    worse = policy.score(dict(unit, 安置率="50")).nodes
    assert worse["二"].score == Decimal(4)  # the 6 lost at most


def test_the_same_event_at_each_level_is_a_fact_each(tmp_path):
    """`被省级、市级督查通报的，每次分别扣2分、1分`: the words around the list of levels are
    the same for each level, a count each; `禁毒工作被国家禁毒委、省禁毒委通报表扬的` keeps
    the office after each level.  A list that is not of levels (`道路硬化、亮化的，分别得1分`)
    names no fact for each part and stays pending."""
    text = (
        "2026年度禁毒工作考核细则\n一、督查（10分）\n被省级、市级督查通报的，每次分别扣2分、1分。\n"
        "二、道路（2分）\n村内主干道路硬化、亮化的，分别得1分。\n"
        "三、加分项目（最高加5分）\n禁毒工作被国家禁毒委、省禁毒委通报表扬的，分别加3分、2分。\n"
    )
    draft, policy = import_text(tmp_path, text)
    assert "- 【被省级督查通报】、【被市级督查通报】每次分别扣2分、1分" in draft.text
    assert (
        "- 【禁毒工作被国家禁毒委通报表扬】、【禁毒工作被省禁毒委通报表扬】的，分别加3分、2分"
        in draft.text
    )
    assert any("硬化、亮化" in p for p in pending_lines(draft.text))
    unit = {"被省级督查通报": "1", "被市级督查通报": "3", "禁毒工作被省禁毒委通报表扬": "是"}
    result = policy.score(unit)
    assert result.nodes["一"].score == Decimal(5)  # 10 − 2 − 3 × 1
    assert result.nodes["三"].score == Decimal(2)


def test_a_cap_that_is_the_items_floor(tmp_path):
    """`迟报的每次扣0.5分，漏报的每次扣1分，最多扣4分` in an item of 4: the cap is the item's
    own floor, two deductions; in an item of 6 the cap would be a part of it, and the
    sentence stays pending.  `档案库房做到专库专用的得3分，库房与办公用房混用的不得分`: 混用
    is plainly not 专用, the otherwise of the 3 points (a second half with a condition of
    its own stays pending: test_import_complements)."""
    text = (
        "2026年度档案工作考核细则\n一、库房（3分）\n"
        "档案库房做到专库专用的得3分，库房与办公用房混用的不得分。\n"
        "二、报送（4分）\n迟报的每次扣0.5分，漏报的每次扣1分，最多扣4分。\n"
        "三、信息（6分）\n错报的每次扣0.5分，漏填的每次扣1分，最多扣4分。\n"
    )
    draft, policy = import_text(tmp_path, text)
    assert "- 【迟报】每次扣0.5分" in draft.text and "- 【漏报】每次扣1分" in draft.text
    pending = pending_lines(draft.text)
    assert any("错报" in p for p in pending)
    assert "- 【档案库房做到专库专用】的，得3分" in draft.text
    unit = {"迟报": "3", "漏报": "2", "档案库房做到专库专用": "否"}
    assert policy.score(unit).nodes["二"].score == Decimal("0.5")
    assert policy.score(unit).nodes["一"].score == 0
    assert policy.score(dict(unit, 漏报="5")).nodes["二"].score == 0


def test_two_sides_of_a_comparison_are_no_done_and_not_done(tmp_path):
    """`新设立企业户数同比增长的得2分，下降的不得分` says nothing of a unit that stayed level:
    not read as `得2分，否则不得分`, left pending."""
    text = "2026年度营商环境考核细则\n一、主体培育（2分）\n新设立企业户数同比增长的得2分，下降的不得分。\n"
    draft, _ = import_text(tmp_path, text)
    assert any("同比增长" in p for p in pending_lines(draft.text))


def test_pieces_at_each_level_add_up_under_their_cap(tmp_path):
    """`在区级以上媒体宣传报道…的，区级每篇得0.25分，市级每篇得0.5分，省级以上每篇得1分，本项
    累计最高得4分` in an item of 4: a count a level, each piece its level's points, the cap the
    item's; `…最高得4分` in an item of 7 with another capped sentence: both are sub-items of
    their caps, the pieces adding up in theirs (not only the highest level)."""
    text = (
        "2026年度网格与河湖工作考核细则\n一、创新和宣传（7分）\n"
        "网格化治理经验做法被县级以上推广的，县级每次得1分，市级每次得2分，省级以上每次得3分，最高得4分。"
        "网格员典型事迹被市级以上媒体宣传报道的，每篇得0.5分，累计不超过3分。\n"
        "二、宣传报道（4分）\n"
        "在区级以上媒体宣传报道河湖长制工作的，区级每篇得0.25分，市级每篇得0.5分，省级以上每篇得1分，"
        "本项累计最高得4分。\n"
    )
    draft, policy = import_text(tmp_path, text)
    assert pending_lines(draft.text) == []
    assert "- 【在区级媒体宣传报道河湖长制工作】每篇得0.25分" in draft.text
    assert "- 【网格化治理经验做法被省级以上推广】每次得3分" in draft.text
    assert "就高不就低" not in draft.text
    unit = {
        "网格化治理经验做法被县级推广": "1",
        "网格化治理经验做法被市级推广": "1",
        "网格员典型事迹被市级以上媒体宣传报道": "2",
        "在区级媒体宣传报道河湖长制工作": "2",
        "在市级媒体宣传报道河湖长制工作": "1",
    }
    nodes = policy.score(unit).nodes
    assert nodes["一"].score == Decimal(4)  # 1 + 2 (not the highest alone), and 1
    assert nodes["二"].score == Decimal(1)  # 2 × 0.25 + 0.5
    many = policy.score(dict(unit, 网格化治理经验做法被省级以上推广="2")).nodes
    assert many["一"].score == Decimal(5)  # the 4 of the sub-item, and 1


def test_each_matter_counts_once_at_its_highest_level(tmp_path):
    """`获得国家级表彰的加3分，获得省级表彰的加2分，获得市级表彰的加1分，同一事项按最高级别计分，
    不重复加分`: a count a level of the matters whose highest level it is (different matters
    add up; one matter honoured twice counts at the higher level only, as the fact's note
    tells the clerk); `被市级推广的` takes the first half's subject."""
    text = (
        "2026年度未成年人保护工作考核细则\n一、工作成效（10分）\n未落实工作台账的，扣2分。\n"
        "二、加分项目（最高加5分）\n"
        "未成年人保护工作获得国家级表彰的加3分，获得省级表彰的加2分，获得市级表彰的加1分，"
        "同一事项按最高级别计算，不重复加分。\n"
        "经验做法被省级以上推广的加1分，被市级推广的加0.5分，同一事项不重复加分。\n"
    )
    draft, policy = import_text(tmp_path, text)
    assert "- 【未成年人保护工作获得省级表彰】每项加2分" in draft.text
    assert "- 【经验做法被市级推广】每项加0.5分" in draft.text
    assert "同一事项按最高级别计：只计入它得到的最高一级" in draft.text
    # matter A at the national and provincial levels counts once (3), matter B at the city
    # level adds 1: entered as one national and one city matter
    unit = {
        "未落实工作台账": "否",
        "未成年人保护工作获得国家级表彰": "1",
        "未成年人保护工作获得市级表彰": "1",
    }
    assert policy.score(unit).nodes["二"].score == Decimal(4)
    more = dict(unit, 经验做法被省级以上推广="2")
    assert policy.score(more).nodes["二"].score == Decimal(5)  # 6, at most 5


def test_several_kinds_of_miss_take_from_the_points(tmp_path):
    """`全覆盖的得4分，每有1个乡镇（街道）服务站未建成扣1分，每有1个村（社区）服务站未建成
    扣0.2分`: all done earns the 4, each kind of miss its step of them — in an item of 4 two
    deductions, in an item of 10 a sub-item of 4 with both (the item's other deduction
    takes from the rest).  `每发现1起延迟发放扣0.5分` counts late ones only: pending."""
    sentence = (
        "三级服务中心（站）实现全覆盖的得4分，每有1个乡镇（街道）服务站未建成扣1分，"
        "每有1个村（社区）服务站未建成扣0.2分。"
    )
    text = (
        f"2026年度退役军人工作考核细则\n一、服务体系（4分）\n{sentence}\n"
        f"二、阵地建设（10分）\n{sentence.replace('三级', '光荣院等三级')}未建立工作台账的，扣2分。\n"
        "三、补助发放（8分）\n抚恤补助资金按时足额发放的得8分，每发现1起延迟发放扣0.5分。\n"
    )
    draft, policy = import_text(tmp_path, text)
    assert "- 【乡镇(街道)服务站未建成】每个扣1分" in draft.text
    assert "- 【村(社区)服务站未建成】每个扣0.2分" in draft.text
    assert any("延迟发放" in p for p in pending_lines(draft.text))
    assert "(1)二乡镇(街道)服务站未建成（4分）" in draft.text  # the second item's part
    unit = {
        "乡镇(街道)服务站未建成": "2",
        "村(社区)服务站未建成": "5",
        "二乡镇(街道)服务站未建成": "3",
        "二村(社区)服务站未建成": "10",
        "未建立工作台账": "是",
    }
    nodes = policy.score(unit).nodes
    assert nodes["一"].score == Decimal(1)  # 4 − 2 − 5 × 0.2
    assert nodes["二"].score == Decimal(4)  # the part's 4 all lost (3 + 2), 6 − 2 of the rest


def test_items_that_share_the_first_ones_verb(tmp_path):
    """`将老龄工作纳入街道（镇）年度重点工作、纳入对村（社区）年度目标考核的，各得2分`: the second
    item starts with the first one's verb, so the words before the verb are its too — a
    fact each; `道路硬化、亮化的，分别得1分` names no verb to share and stays pending."""
    text = (
        "2026年度老龄工作考核细则\n一、组织领导（4分）\n"
        "将老龄工作纳入街道（镇）年度重点工作、纳入对村（社区）年度目标考核的，各得2分。\n"
        "二、基础设施（2分）\n村内主干道路硬化、亮化的，分别得1分。\n"
    )
    draft, policy = import_text(tmp_path, text)
    one, two = "将老龄工作纳入街道(镇)年度重点工作", "将老龄工作纳入对村(社区)年度目标考核"
    assert f"- 【{one}】、【{two}】的，各得2分" in draft.text
    assert any("硬化、亮化" in p for p in pending_lines(draft.text))
    assert policy.score({one: "是", two: "否"}).nodes["一"].score == 2
