"""More sentence shapes the importer drafts: bands of a value where lower is better that
deduct (`返工率在3%以内的不扣分，…的扣1.5分，…超过8%的本项不得分`), bands of a time that
must be short (`…压缩至3个工作日以内的得4分，超过3个工作日不超过5个工作日的得2分，…`), two
requirements each with its own step, two things done each period with a step for each
miss, one verb with its objects listed (`分别得1.5分`), and a count of the ones past a
deadline, of the places that miss, of the problems found.  Each is scored on a few units,
and a near miss stays pending.  Documents are written for the test."""

from __future__ import annotations

from decimal import Decimal

from helpers import import_text, pending_lines

_HEAD = "某区2026年度营商环境工作考核细则\n一、考核对象\n各街道办事处。\n二、考核内容及评分标准\n"


def _doc(*items: str, notes: str = "") -> str:
    """A document with the items (`（一）标题（N分）\\n句子`) and, when given, notes."""
    text = _HEAD + "".join(f"{item}\n" for item in items)
    return text + (f"三、附则\n{notes}\n" if notes else "")


def _scores(policy, facts: dict[str, str], *paths: str) -> tuple[Decimal, ...]:
    nodes = policy.score(facts).nodes
    return tuple(nodes[p].score for p in paths)


_RETURNS = "（一）审批质量（5分）\n退件率在3%以内的不扣分，退件率在3%至8%（含）的扣1.5分，退件率超过8%的本项不得分。"
_REWORK = "（二）整改质量（6分）\n返工率在4%以下的不扣分，返工率在4%（含）至9%的扣1分，返工率超过9%的扣3分。"


def test_bands_that_deduct_are_a_clause_each(tmp_path):
    """`以内` holds 3% (the band after starts above it), `（含）` holds 8% in the middle band,
    `超过8%` the rest: each band its own bounds, so a unit is in one band only."""
    draft, policy = import_text(tmp_path, _doc(_RETURNS))
    assert pending_lines(draft.text) == []
    assert "- 【退件率】超过3%且【退件率】不超过8%的，扣1.5分" in draft.text
    assert "- 【退件率】超过8%的，本项不得分" in draft.text
    for rate, expected in (("3", "5"), ("3.5", "3.5"), ("8", "3.5"), ("8.2", "0"), ("0", "5")):
        assert _scores(policy, {"退件率": rate}, "(一)") == (Decimal(expected),), rate


def test_a_bound_held_by_the_band_above_when_below_leaves_it_out(tmp_path):
    """With `“以下”不含本数` in the notes, `4%以下` leaves 4% to `4%（含）至9%`: the middle
    band starts at 4% (`不低于`)."""
    notes = "本细则所称“以上”含本数，“以下”不含本数。"
    draft, policy = import_text(tmp_path, _doc(_REWORK, notes=notes))
    assert pending_lines(draft.text) == []
    assert "- 【返工率】不低于4%且【返工率】不超过9%的，扣1分" in draft.text
    assert "- 【返工率】超过9%的，扣3分" in draft.text
    for rate, expected in (("3.9", "6"), ("4", "5"), ("9", "5"), ("9.5", "3")):
        assert _scores(policy, {"返工率": rate}, "(二)") == (Decimal(expected),), rate


def test_bands_that_deduct_and_overlap_or_part_stay_pending(tmp_path):
    """`4%以下` holds 4% by default (language.md 第10节) as `4%（含）` does: 4% in two
    bands; `超过3%不足8%…超过8%` leaves 8% in none; a bare `不得分` at the end is unclear."""
    gap = "（三）办件时效（4分）\n超期率在3%以内的不扣分，超过3%不足8%的扣1分，超过8%的扣2分。"
    bare = "（四）退回质量（4分）\n退回率在2%以内的不扣分，2%至5%（含）的扣1分，超过5%的不得分。"
    draft, _ = import_text(tmp_path, _doc(_REWORK, gap, bare))
    pending = pending_lines(draft.text)
    assert any(p.startswith("返工率在4%以下") and "4%同属相邻两档" in p for p in pending)
    assert any(p.startswith("超期率") and "8%不属于任何一档" in p for p in pending)
    assert any(p.startswith("退回率") for p in pending)
    assert "【返工率】" not in draft.text and "【超期率】" not in draft.text


_TIME = (
    "（一）开办时限（4分）\n"
    "个体工商户登记全流程办理时间压缩至3个工作日以内的得4分，超过3个工作日不超过5个工作日的得2分，"
    "超过5个工作日的不得分。"
)


def test_a_time_cut_down_to_a_bound_is_a_low_chain(tmp_path):
    draft, policy = import_text(tmp_path, _doc(_TIME))
    assert pending_lines(draft.text) == []
    clause = "- 【个体工商户登记全流程办理时间】不超过3个工作日、5个工作日的，分别得4分、2分"
    assert clause in draft.text
    assert "个体工商户登记全流程办理时间：" in draft.text and "工作日" in draft.text
    name = "个体工商户登记全流程办理时间"
    for days, expected in (("2.5", "4"), ("3", "4"), ("3.5", "2"), ("5", "2"), ("5.5", "0")):
        assert _scores(policy, {name: days}, "(一)") == (Decimal(expected),), days
    # `超过4个工作日不超过5个工作日` after `3个工作日以内`: 3 to 4 days in no band
    text = _TIME.replace("超过3个工作日不超过5个工作日", "超过4个工作日不超过5个工作日")
    draft, _ = import_text(tmp_path, _doc(text))
    assert any(p.startswith("个体工商户登记") for p in pending_lines(draft.text))
    assert f"【{name}】" not in draft.text


def test_two_requirements_with_their_own_steps(tmp_path):
    """`A不少于2次、B不少于1次，A'每少1次扣1分，B'每少1次扣2分`: each step names one
    requirement (`地震演练` is in `年内开展地震疏散演练` only), a clause each; a step that
    could be either's stays pending."""
    item = (
        "（一）应急演练（5分）\n年内开展地震疏散演练不少于2次、防火疏散演练不少于1次，"
        "地震演练每少1次扣1分，防火演练每少1次扣2分。"
    )
    draft, policy = import_text(tmp_path, _doc(item))
    assert pending_lines(draft.text) == []
    assert "- 【年内开展地震疏散演练】不少于2次，每少1次扣1分" in draft.text
    assert "- 【防火疏散演练】不少于1次，每少1次扣2分" in draft.text
    for quake, fire, expected in (
        ("2", "1", "5"),
        ("1", "0", "2"),
        ("0", "0", "1"),
        ("3", "0", "3"),
    ):
        facts = {"年内开展地震疏散演练": quake, "防火疏散演练": fire}
        assert _scores(policy, facts, "(一)") == (Decimal(expected),), (quake, fire)
    # `疏散演练` is in both requirements: whose step it is is not said
    unclear = item.replace("地震演练每少", "疏散演练每少").replace("防火演练每少", "疏散演练每少")
    draft, _ = import_text(tmp_path, _doc(unclear))
    assert any(p.startswith("年内开展地震疏散演练") for p in pending_lines(draft.text))


def test_two_things_done_each_period_with_a_step_for_each_miss(tmp_path):
    """`按周研判、按季总结防汛形势，每缺一次研判扣0.1分，每缺一次总结扣0.5分`: each a
    requirement per period, counted period by period (the derived facts of `periods`)."""
    item = "（二）形势研判（4分）\n按周研判、按季总结防汛形势，每缺一次研判扣0.1分，每缺一次总结扣0.5分。"
    draft, policy = import_text(tmp_path, _doc(item))
    assert pending_lines(draft.text) == []
    assert "- 【每周研判防汛形势缺少次数】每次扣0.1分" in draft.text
    assert "- 【每季总结防汛形势缺少次数】每次扣0.5分" in draft.text
    assert "逐周计算的差额之和：要求每周研判防汛形势不少于1次" in draft.text
    facts = {"每周研判防汛形势缺少次数": "3", "每季总结防汛形势缺少次数": "1"}
    assert _scores(policy, facts, "(二)") == (Decimal("3.2"),)
    missed = "（二）形势研判（4分）\n按周研判、按季总结防汛形势，每缺一次会商扣0.1分，每缺一次总结扣0.5分。"
    draft, _ = import_text(tmp_path, _doc(missed))
    assert any(p.startswith("按周研判") for p in pending_lines(draft.text))


def test_one_verb_with_its_objects_listed(tmp_path):
    """`将食品安全工作纳入年度重点任务和绩效考核内容的，分别得1.5分`: 纳入 takes each object;
    a list of deeds (`配备校医、建成卫生室`) under a standard for all (`全部`) stays pending
    (its misses are often deducted one by one in the next sentence)."""
    item = "（三）纳入考核（3分）\n将食品安全工作纳入年度重点任务和绩效考核内容的，分别得1.5分。"
    draft, policy = import_text(tmp_path, _doc(item))
    assert pending_lines(draft.text) == []
    one, two = "将食品安全工作纳入年度重点任务", "将食品安全工作纳入绩效考核内容"
    assert f"- 【{one}】、【{two}】的，分别得1.5分" in draft.text
    assert _scores(policy, {one: "是", two: "否"}, "(三)") == (Decimal("1.5"),)
    assert _scores(policy, {one: "是", two: "是"}, "(三)") == (Decimal(3),)
    deeds = "（三）校园卫生（3分）\n辖区学校全部配备校医、建成卫生室的，分别得1.5分。"
    draft, _ = import_text(tmp_path, _doc(deeds))
    assert any(p.startswith("辖区学校全部配备校医") for p in pending_lines(draft.text))


def test_each_one_past_a_deadline(tmp_path):
    """`行政许可决定书应在…5个工作日内公示，每发现1件逾期公示的扣0.3分，最多扣2分`: the
    count of the documents published late; a step for another verb, or a deadline for
    who acts (`乡镇应在…`), stays pending."""
    item = (
        "（四）许可公示（3分）\n行政许可决定书应在作出决定之日起5个工作日内公示，"
        "每发现1件逾期公示的扣0.3分，最多扣2分。"
    )
    draft, policy = import_text(tmp_path, _doc(item))
    assert pending_lines(draft.text) == []
    assert "- 【逾期公示的行政许可决定书】每件扣0.3分，最多扣2分" in draft.text
    assert "行政许可决定书应在作出决定之日起5个工作日内公示" in draft.text.split("数据：")[1]
    for late, expected in (("0", "3"), ("4", "1.8"), ("10", "1")):
        facts = {"逾期公示的行政许可决定书": late}
        assert _scores(policy, facts, "(四)") == (Decimal(expected),), late
    other = item.replace("逾期公示的", "逾期上报的")
    actor = item.replace("行政许可决定书应在", "各乡镇应在")
    for text in (other, actor):
        draft, _ = import_text(tmp_path, _doc(text))
        assert len(pending_lines(draft.text)) == 1


def test_a_miss_from_its_points_and_each_problem_found(tmp_path):
    """`每有1个小区未配备网格员的，在相应分值中扣0.5分` is the item's deduction per place;
    with two failures (`未配备网格员或未建立台账`) which points each takes from is not said:
    pending.  `…或"假装整改"的，每发现一个问题扣1.5分` counts the problems."""
    items = (
        "（五）网格管理（3分）\n每有1个小区未配备网格员的，在相应分值中扣0.5分。",
        '（六）整改真实（6分）\n经实地核查发现虚报销号、拖延整改或"假装整改"的，每发现一个问题扣1.5分，扣完为止。',
    )
    draft, policy = import_text(tmp_path, _doc(*items))
    assert pending_lines(draft.text) == []
    assert "- 【小区未配备网格员】每个扣0.5分" in draft.text
    assert "- 【虚报销号、拖延整改或假装整改问题】每个扣1.5分，扣完为止" in draft.text
    facts = {"小区未配备网格员": "2", "虚报销号、拖延整改或假装整改问题": "3"}
    assert _scores(policy, facts, "(五)", "(六)") == (Decimal(2), Decimal("1.5"))
    facts = {"小区未配备网格员": "7", "虚报销号、拖延整改或假装整改问题": "5"}
    assert _scores(policy, facts, "(五)", "(六)") == (Decimal(0), Decimal(0))
    two = items[0].replace("未配备网格员的", "未配备网格员或未建立台账的")
    draft, _ = import_text(tmp_path, _doc(two))
    assert any("在相应分值中扣”" in p for p in pending_lines(draft.text))
