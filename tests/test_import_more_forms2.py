"""More sentence shapes the importer drafts: a check said first, then each thing it
finds (`…检查…情况，每发现1次…的扣0.5分`); every place or none of the points (`每个村均配备
1名…的得2分，有1个村未配备的不得分`); counted earnings capped at the item's points
(`累计不超过4分`); a bonus given once (`…的加2分，同一年度多次…的不重复加分`); and the part
above a limit (`超出控制指标的部分，每受伤1人扣3分`).  Each is scored on a few units, and
a near miss stays pending.  Documents are written for the test."""

from __future__ import annotations

from decimal import Decimal

from helpers import import_text, pending_lines

_HEAD = "某区2026年度林业消防工作考核细则\n一、考核内容及评分标准\n"


def _doc(*items: str) -> str:
    """A document with the items (`（一）标题（N分）\\n句子`)."""
    return _HEAD + "".join(f"{item}\n" for item in items)


def _score(policy, facts: dict[str, str], path: str) -> Decimal:
    return policy.score(facts).nodes[path].score


def test_a_check_said_first_then_each_thing_found(tmp_path):
    """Who checks what, then `每发现1次…的扣0.5分`: the things found are counted; a lead-in
    with a condition (`未落实值班的乡镇`) or a monthly cap after the step stays pending."""
    text = _doc(
        "（一）护林巡护（3分）\n区林业局检查护林员巡护情况，每发现1次漏巡或巡护记录缺失的扣0.5分。",
        "（二）汛期值守（3分）\n汛期未落实值班的乡镇，每发现1次脱岗的扣0.5分。",
        "（三）森林防火值守（3分）\n区林业局暗访防火检查站值守情况，每发现1次未登记进山人员的扣0.5分，每月扣分不超过1分。",
    )
    draft, policy = import_text(tmp_path, text)
    assert "- 【漏巡或巡护记录缺失】每次扣0.5分" in draft.text
    assert "区林业局检查护林员巡护情况" in draft.text.split("数据：", 1)[1].split("\n\n")[0]
    pending = pending_lines(draft.text)
    assert any("未落实值班的乡镇" in p for p in pending)
    assert any("每月扣分不超过1分" in p for p in pending)
    for found, expected in (("0", "3"), ("2", "2"), ("7", "0")):
        facts = {"漏巡或巡护记录缺失": found}
        assert _score(policy, facts, "(一)") == Decimal(expected), found


def test_every_place_or_none_of_the_points(tmp_path):
    """`每个行政村均配备1名护林员的得2分，有1个村未配备的不得分` in an item of 6: a sub-item of
    2 lost whole once one village fails (never 2 earned and 2 more deducted); the item's
    deductions take from all 6.  A second half about another thing, or one that takes the
    whole item (`本项不得分`), stays pending."""
    text = _doc(
        "（一）护林队伍（6分）\n每个行政村均配备1名护林员的得2分，有1个村未配备的不得分。"
        "县级抽查发现护林员未按要求巡山的，每人次扣1分，最多扣4分。",
        "（二）护林台账（2分）\n每个行政村至少配备1名护林员的得2分，有1个村未及时更新台账的不得分。",
        "（三）护林考评（8分）\n每个行政村至少配备1名护林员的得2分，有1个村未配备的本项不得分。"
        "县级抽查发现护林员未按要求巡山的，每人次扣1分。",
    )
    draft, policy = import_text(tmp_path, text)
    assert "- 【有行政村未配备护林员】的，不得分" in draft.text
    assert "写成下面分值为2分的子项" in draft.text
    pending = pending_lines(draft.text)
    assert any("未及时更新台账的不得分" in p for p in pending)
    assert any("有1个村未配备的本项不得分" in p for p in pending)
    patrol = "县级抽查发现护林员未按要求巡山"
    for missing, patrols, expected in (("否", "0", "6"), ("是", "0", "4"), ("是", "3", "1")):
        facts = {"有行政村未配备护林员": missing, patrol: patrols}
        assert _score(policy, facts, "(一)") == Decimal(expected), (missing, patrols)


def test_counted_earnings_capped_at_the_items_points(tmp_path):
    """`…每个得2分，…每个得0.5分，累计不超过4分` in an item of 4: the counted earnings on
    the item add up and its 4 points cap them.  A cap above the item's points is not."""
    text = _doc(
        "（一）创新平台（4分）\n新认定省级以上重点实验室、工程技术研究中心（中试基地）的，每个得2分，"
        "新认定市级创新平台的每个得0.5分，累计不超过4分。",
        "（二）科普基地（4分）\n新认定省级科普基地的，每个得2分，新认定市级科普基地的每个得1分，累计不超过6分。",
    )
    draft, policy = import_text(tmp_path, text)
    high = "新认定省级以上重点实验室、工程技术研究中心（中试基地）"
    assert f"- 【{high}】每个得2分" in draft.text
    assert "- 【新认定市级创新平台】每个得0.5分" in draft.text
    assert any("累计不超过6分" in p for p in pending_lines(draft.text))
    for a, b, expected in (("1", "3", "3.5"), ("2", "1", "4"), ("0", "0", "0")):
        facts = {high: a, "新认定市级创新平台": b}
        assert _score(policy, facts, "(一)") == Decimal(expected), (a, b)


def test_a_bonus_given_once(tmp_path):
    """`…作典型发言的加2分，同一年度多次发言的不重复加分`: a yes/no fact (once is all it
    can count), the second half in its note; the part's other bonus still adds up (no
    就高不就低).  A counted bonus (`每篇加1分`) with the same second half stays pending."""
    text = (
        _HEAD
        + "（一）基础工作（10分）\n未建立护林工作台账的，扣2分。\n"
        + "二、加分项（最高加4分）\n"
        + "林长制工作做法在全省会议上作典型发言的加2分，同一年度多次发言的不重复加分。"
        + "林长制工作获省级表彰的加1分。"
        + "林长制工作信息被省级刊物采用的，每篇加1分，同一年度多次采用的不重复加分。\n"
    )
    draft, policy = import_text(tmp_path, text)
    assert "- 【林长制工作做法在全省会议上作典型发言】加2分" in draft.text
    assert "原文：同一年度多次发言的不重复加分" in draft.text
    assert "就高不就低" not in draft.text
    assert any("每篇加1分" in p for p in pending_lines(draft.text))
    spoke, praised = "林长制工作做法在全省会议上作典型发言", "林长制工作获省级表彰"
    for a, b, expected in (("是", "否", "12"), ("是", "是", "13"), ("否", "否", "10")):
        facts = {spoke: a, praised: b}
        assert policy.score(facts).total == Decimal(expected), (a, b)


def test_the_part_above_a_limit(tmp_path):
    """`…在控制指标以内的，每受伤1人扣1分；超出控制指标的部分，每受伤1人扣3分`: the victims
    above the limit the sentence before named, 3 each (the limit a data item);
    `超过2起的部分，每起扣3分` a limit said as a number.  A limit no sentence of the item
    names, or none at all, stays pending."""
    text = _doc(
        "（一）道路交通安全（20分）\n受伤人数在区下达的控制指标以内的，每受伤1人扣1分；"
        "超出控制指标的部分，每受伤1人扣3分。",
        "（二）火灾防控（10分）\n火灾事故起数超过2起的部分，每起扣3分。",
        "（三）水上安全（10分）\n超出控制指标的部分，每受伤1人扣3分。",
        "（四）山林安全（10分）\n超出部分，每受伤1人扣2分。",
    )
    draft, policy = import_text(tmp_path, text)
    assert "- 【受伤人数】每超过【受伤人数控制指标】1人扣3分" in draft.text
    assert "- 【火灾事故起数】不得超过2起，每超1起扣3分" in draft.text
    pending = pending_lines(draft.text)
    assert any("每受伤1人扣3分（超出的是哪一项的控制指标" in p for p in pending)
    assert any("超出部分，每受伤1人扣2分" in p for p in pending)
    within = "受伤人数在区下达的控制指标以内受伤人数"
    for inside, hurt, limit, expected in (("3", "5", "3", "11"), ("2", "2", "3", "18")):
        facts = {within: inside, "受伤人数": hurt, "受伤人数控制指标": limit, "火灾事故起数": "0"}
        assert _score(policy, facts, "(一)") == Decimal(expected), (inside, hurt, limit)
    base = {within: "0", "受伤人数": "0", "受伤人数控制指标": "0"}
    for fires, expected in (("2", "10"), ("4", "4"), ("9", "0")):
        assert _score(policy, {**base, "火灾事故起数": fires}, "(二)") == Decimal(expected), fires
