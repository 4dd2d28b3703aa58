"""Yes/no standards with their other side spelled out (`用电总量控制在县下达指标以内的得4分，
超过指标的不得分`), a yes/no earning whose condition has a comma, counted lists (`…，每完成
一项得1分`, `上述制度每缺一项扣1分`), exclusive states in tiers (`…达到市定标准的得4分，
正在改造的得2分，未启动的不得分`), and `以下扣分在总分中直接扣除` at the head of a part
without points.  Each is scored on a few units; the near misses stay pending.  Documents
are written for the test."""

from __future__ import annotations

from decimal import Decimal

from helpers import import_text, pending_lines
from xize.compiler.check import run as check
from xize.compiler.source.text import Source
from xize.compiler.syntax.parser import parse

_HEAD = "某县2026年度机关综合工作考核细则\n一、考核内容及评分标准\n"


def _doc(*items: str) -> str:
    """A document with the items (`（一）标题（N分）\\n句子`)."""
    return _HEAD + "".join(f"{item}\n" for item in items)


def _score(policy, facts: dict[str, str], path: str) -> Decimal:
    """The score of `path` for a unit with `facts`, every other fact 否 or 0."""
    return policy.score({**_blank(policy), **facts}).nodes[path].score


def _blank(policy) -> dict[str, str]:
    return {f.name: "否" if f.type == "bool" else "0" for f in policy.ir.facts}


def _codes(text: str) -> set[str]:
    """The codes of what the checker says about a draft."""
    source = Source(text, "<draft>")
    tree, _ = parse(source)
    return {d.code for d in check.check(tree, source)}


def _declared(text: str, name: str) -> str:
    """The type (and default) the draft's 数据 declares `name` with."""
    (line,) = [line for line in text.splitlines() if line.startswith(f"  {name}：")]
    return line.split("：", 1)[1].split("#")[0].strip()


def test_the_other_side_of_a_yes_no_standard_is_its_otherwise(tmp_path):
    """`超过指标的不得分` after `控制在…指标以内的得4分`, `应追责而未追责`, `…混用` after
    `专室专用`, `台账缺失` after `台账完整`: the points of the first half are not earned
    (language.md 5.1), never the whole item; the second half is said in the fact's note."""
    text = _doc(
        "（一）节约用电（4分）\n用电总量控制在县下达指标以内的得4分，超过指标的不得分。",
        "（二）责任追究（6分）\n对失职的单位和人员依法追究责任的得3分，应追责而未追责的不得分。"
        "档案室做到专室专用的得3分，档案室与会议室混用的不得分。",
        "（三）信访台账（5分）\n信访台账完整、一事一卷的得2分，台账缺失的不得分。"
        "信访事项逾期办理的，每件扣1分。",
    )
    draft, policy = import_text(tmp_path, text)
    assert pending_lines(draft.text) == []
    power, blame, room, book = (
        "用电总量控制在县下达指标以内",
        "对失职的单位和人员依法追究责任",
        "档案室做到专室专用",
        "信访台账完整、一事一卷",
    )
    for name, points in ((power, 4), (blame, 3), (room, 3), (book, 2)):
        assert f"- 【{name}】的，得{points}分" in draft.text
        assert _declared(draft.text, name) == "是否"  # to be filled, never assumed
    assert "超过指标的不得分，即得不到这4分" in draft.text
    assert "没有应追责情形的，视为做到" in draft.text
    assert "否则" not in draft.text.split("数据：", 1)[1]
    assert _score(policy, {power: "是"}, "(一)") == 4
    assert _score(policy, {power: "否"}, "(一)") == 0
    for b, r, expected in (("是", "是", 6), ("否", "是", 3), ("是", "否", 3), ("否", "否", 0)):
        assert _score(policy, {blame: b, room: r}, "(二)") == expected, (b, r)
    # the 2 points a sub-item of their own; the late ones come off the whole 5
    late = "信访事项逾期办理"
    for kept, lates, expected in (("是", "0", 5), ("否", "0", 3), ("是", "2", 3), ("否", "4", 0)):
        assert _score(policy, {book: kept, late: lates}, "(三)") == expected, (kept, lates)


def test_a_second_half_that_is_not_the_other_side_stays_pending(tmp_path):
    """A second condition of its own (`未及时更新`: accurate but late), a second half that
    takes the whole item (`本项不得分`, left to the other readings), or a failure named by
    other words than the first half's (`问责` after `追究责任`) is not the otherwise of the
    first half."""
    text = _doc(
        "（一）数据报送（4分）\n统计数据准确的得2分，未及时更新的不得分。",
        "（二）台账管理（4分）\n安全台账完整的得2分，台账缺失的本项不得分。"
        "台账未按月更新的，每次扣1分。",
        "（三）问责落实（2分）\n对失职人员依法追究责任的得2分，应问责而未问责的不得分。",
    )
    draft, _ = import_text(tmp_path, text)
    pending = pending_lines(draft.text)
    assert any(p.startswith("统计数据准确的得2分") for p in pending)
    assert "【安全台账完整】的，得2分" not in draft.text  # not read as the otherwise
    assert any(p.startswith("对失职人员依法追究责任的得2分") for p in pending)
    assert "【统计数据准确】" not in draft.text


def test_a_yes_no_earning_whose_condition_has_a_comma(tmp_path):
    """`建立…台账，实行销号管理的得5分`: both parts are needed for the points."""
    text = _doc(
        "（一）隐患台账（5分）\n建立安全隐患整改台账，实行销号管理的得5分。"
        "台账内容不全的，每发现一处扣0.5分。",
    )
    draft, policy = import_text(tmp_path, text)
    name = "建立安全隐患整改台账并实行销号管理"
    assert f"- 【{name}】的，得5分" in draft.text
    assert "# 建立安全隐患整改台账，实行销号管理" in draft.text
    assert pending_lines(draft.text) == []
    short = "台账内容不全"
    for kept, found, expected in (("是", "0", "5"), ("是", "3", "3.5"), ("否", "0", "0")):
        assert _score(policy, {name: kept, short: found}, "(一)") == Decimal(expected)


def test_each_listed_item_done_earns(tmp_path):
    """`工作总结、年度报表、统计公报，每完成一项得1分`: a yes/no fact per item, each earning
    its point — the list is the most a unit can earn; a shared first verb (`编制年鉴、大事记`)
    is every item's."""
    text = _doc(
        "（一）材料编报（3分）\n工作总结、年度报表、统计公报，每完成一项得1分。",
        "（二）史志编研（4分）\n编制年鉴、大事记，每完成一项得1.5分；开展专题研究的得1分。",
    )
    draft, policy = import_text(tmp_path, text)
    assert pending_lines(draft.text) == []
    done = ("完成工作总结", "完成年度报表", "完成统计公报")
    assert "- 【完成工作总结】、【完成年度报表】、【完成统计公报】的，各得1分" in draft.text
    assert "- 【编制年鉴】、【编制大事记】的，各得1.5分" in draft.text
    for answers, expected in ((("是", "是", "是"), 3), (("是", "否", "是"), 2), (("否",) * 3, 0)):
        assert _score(policy, dict(zip(done, answers, strict=True)), "(一)") == expected
    facts = {"编制年鉴": "是", "编制大事记": "是", "开展专题研究": "是"}
    assert _score(policy, facts, "(二)") == 4
    assert _score(policy, {**facts, "编制大事记": "否"}, "(二)") == Decimal("2.5")


def test_the_missing_ones_of_the_systems_the_title_names(tmp_path):
    """`上述制度每缺一项扣1分` under a title naming the systems: their missing ones counted;
    under a title that names none, what `上述` means is not known and it stays pending."""
    text = _HEAD + (
        "1.值班制度：建立健全值班、交接班、巡查、报告等制度（4分）\n上述制度每缺一项扣1分，扣完为止。\n"
        "2.制度执行（3分）\n上述制度每缺一项扣1分，扣完为止。\n"
    )
    draft, policy = import_text(tmp_path, text)
    name = "值班、交接班、巡查、报告等制度缺少的项"
    assert f"- 【{name}】每缺一项扣1分，扣完为止" in draft.text
    assert _declared(draft.text, name) == "项，默认0"
    (pending,) = pending_lines(draft.text)
    assert pending.startswith("上述制度每缺一项扣1分")
    path = next(p for p in policy.score(_blank(policy)).nodes if p.startswith("1"))
    for missing, expected in (("0", 4), ("1", 3), ("6", 0)):
        assert _score(policy, {name: missing}, path) == expected


def test_three_states_of_one_thing_take_the_one_the_unit_is_in(tmp_path):
    """`…达到市定标准的得4分，正在改造的得2分，未启动的不得分` beside another earning
    sentence: each state written as what it adds over the one below, so a unit that
    fills both yes gets the higher state's 4, never 6, and the item's earning clauses
    add up to its points (no W311)."""
    text = _doc(
        "（一）纪念设施（7分）\n陈列馆建设达到市定标准的得4分，正在改造的得2分，未启动的不得分。"
        "纪念设施档案完整的得3分。",
        "（二）展馆建设（4分）\n展馆建设达到市定标准的得4分，已列入计划的得2分，未启动的不得分。",
    )
    draft, policy = import_text(tmp_path, text)
    top, lower = "陈列馆建设达到市定标准", "陈列馆建设正在改造"
    assert f"- 【{top}】或【{lower}】的，得2分；【{top}】的，得2分" in draft.text
    assert "原文三档只取一档" in draft.text
    assert "W311" not in _codes(draft.text)  # the item's earnings add up to its 7 points
    files = "纪念设施档案完整"
    for a, b, c, expected in (
        ("是", "否", "是", 7),
        ("否", "是", "是", 5),
        ("是", "是", "否", 4),  # both yes: the higher state only
        ("否", "否", "是", 3),
    ):
        assert _score(policy, {top: a, lower: b, files: c}, "(一)") == expected, (a, b, c)
    # a middle state that is not plainly on the way (`已列入计划`): left to the writer
    assert any(p.startswith("展馆建设达到市定标准的得4分") for p in pending_lines(draft.text))


def test_a_thing_done_with_or_without_its_second_requirement(tmp_path):
    """`设立…，配备…的得3分，…设立但未配备…的得1分，未设立的不得分` and `纳入考核且权重不低于
    5%的得4分，纳入但权重低于5%的得2分，未纳入的不得分`: the first done earns the lower
    points, done with the second the rest; a middle tier that is not the first without
    the second, or bounds that leave a gap, stay pending."""
    text = _doc(
        "（一）便民服务（5分）\n按规定编印服务指南的得2分；设立便民服务点，配备自助设备和专人的得3分，"
        "服务点设立但未配备设备或专人的得1分，未设立的不得分。",
        "（二）考核运用（6分）\n将消防工作纳入年度绩效考核且权重不低于5%的得4分，纳入但权重低于5%的得2分，"
        "未纳入的不得分；被通报批评的，每次扣1分。",
        "（三）服务阵地（3分）\n设立便民服务站，配备自助设备和专人的得3分，服务站设立但未开展服务的得1分，"
        "未设立的不得分。",
        "（四）绩效考核（3分）\n将禁毒工作纳入年度绩效考核且权重不低于5%的得3分，纳入但权重低于3%的得1分，"
        "未纳入的不得分。",
    )
    draft, policy = import_text(tmp_path, text)
    point, staffed, guide = "设立便民服务点", "配备自助设备和专人", "按规定编印服务指南"
    assert f"- 【{point}】的，得1分；【{point}】且【{staffed}】的，得2分" in draft.text
    assert "W311" not in _codes(draft.text)
    for p, s, g, expected in (
        ("是", "是", "是", 5),
        ("是", "否", "是", 3),
        ("否", "是", "否", 0),  # equipment with no service point: nothing
        ("否", "否", "是", 2),
    ):
        assert _score(policy, {point: p, staffed: s, guide: g}, "(一)") == expected, (p, s, g)
    taken, weight = "将消防工作纳入年度绩效考核", "消防工作纳入年度绩效考核的权重"
    assert f"【{taken}】且【{weight}】不低于5%的，得2分" in draft.text
    assert _declared(draft.text, weight) == "百分比"
    notice = "被通报批评"
    for t, w, n, expected in (
        ("是", "6", "0", 6),
        ("是", "5", "1", 5),
        ("是", "3", "0", 4),
        ("否", "0", "0", 2),  # the 4 points lost; the other 2 are the deductions'
    ):
        facts = {taken: t, weight: w, notice: n}
        assert _score(policy, facts, "(二)") == expected, (t, w, n)
    pending = pending_lines(draft.text)
    assert any(p.startswith("设立便民服务站，配备自助设备和专人的得3分") for p in pending)
    assert any(p.startswith("将禁毒工作纳入年度绩效考核且权重不低于5%") for p in pending)


def test_times_a_post_changed_hands_in_tiers(tmp_path):
    """`网格专干年内未调整的得2分，调整1次的得1分，调整2次以上或未配备专干的不得分`: the
    times counted, and the post held; without `或未配备…`, the language's tiers."""
    text = _doc(
        "（一）队伍建设（4分）\n网格专干年内未调整的得2分，调整1次的得1分，调整2次以上或未配备专干的不得分。"
        "网格专干参加县级以上业务培训的得2分。",
        "（二）队伍稳定（2分）\n联络员年内未更换的得2分，更换1次的得1分，更换2次以上的不得分。",
    )
    draft, policy = import_text(tmp_path, text)
    assert pending_lines(draft.text) == []
    held, times, trained = "配备网格专干", "网格专干年内调整次数", "网格专干参加县级以上业务培训"
    assert _declared(draft.text, times) == "次"
    for h, n, expected in (("是", "0", 4), ("是", "1", 3), ("是", "2", 2), ("否", "0", 2)):
        assert _score(policy, {held: h, times: n, trained: "是"}, "(一)") == expected, (h, n)
    assert "- 【联络员年内更换次数】不超过0次、1次的，分别得2分、1分" in draft.text
    for n, expected in (("0", 2), ("1", 1), ("3", 0)):
        assert _score(policy, {"联络员年内更换次数": n}, "(二)") == expected


def test_deductions_said_to_come_off_the_total_at_the_head_of_a_part(tmp_path):
    """`以下扣分在总分中直接扣除` heading a part without points is what such a part does
    already: a comment, not pending; heading a part with points it stays pending."""
    text = (
        "某县2026年度机关综合工作考核细则\n一、基础工作（10分）\n1.文书归档（10分）\n"
        "文书档案按期归档的得10分。\n"
        "二、扣分项\n以下扣分在总分中直接扣除。被市级通报批评的，每次扣2分。\n"
        "三、其他扣分（5分）\n以下扣分在总分中扣除。被县级通报批评的，每次扣1分。\n"
    )
    draft, policy = import_text(tmp_path, text)
    assert (
        "# 原文 “以下扣分在总分中直接扣除”：本项没有分值，其下扣分本来就在总分中扣除" in draft.text
    )
    (pending,) = pending_lines(draft.text)
    assert pending.startswith("以下扣分在总分中扣除")
    facts = {"文书档案按期归档": "是", "被市级通报批评": "2", "被县级通报批评": "1"}
    assert policy.score({**_blank(policy), **facts}).total == Decimal(15 - 4 - 1)
