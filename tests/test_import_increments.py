"""Tiers of which a unit meets one, in an item where they cannot be a sub-item that takes
the highest (the item has other earning sentences, or it is numbered （1）): each tier is
written as what it adds to the one below it, on the condition of being at least in it
(compiler/importer/complements.py, `read_level_states`, `read_band_steps`), so a unit in
a tier gets exactly that tier's points and the clauses add up to the top tier's.

- levels of one thing done (`…主要负责人主持召开…的得4分，由分管负责人主持召开的得2分，
  未召开的不得分`, `…建成并投入使用的得3分，已建成未使用的得1分，未建成的不得分`);
- deadlines (`于本年5月31日前…完毕的得3分，8月31日前…完毕的得1分，逾期…的不得分`);
- a change in percentage points against last year (`提高3个百分点以上的得4分，提高不足3个
  百分点的得2分，未提高的不得分`);
- an amount against last year with `未安排的不得分`.

Each is scored on a unit in every tier and on the boundaries, with the item's other
sentences scoring as before; the near misses stay pending.  Documents are written for
the test."""

from __future__ import annotations

from decimal import Decimal

from helpers import import_text, pending_lines

_HEAD = "某县2026年度农村工作考核细则\n一、考核内容及评分标准\n"


def _blank(policy) -> dict[str, str]:
    return {f.name: "否" if f.type == "bool" else "0" for f in policy.ir.facts}


def _score(policy, facts: dict[str, str], path: str) -> Decimal:
    """The score of `path` for a unit with `facts`, every other fact 否 or 0."""
    return policy.score({**_blank(policy), **facts}).nodes[path].score


def _clauses(text: str) -> list[str]:
    return [line.strip()[2:] for line in text.splitlines() if line.strip().startswith("- ")]


def _path(policy, start: str) -> str:
    return next(p for p in policy.score(_blank(policy)).nodes if p.startswith(start))


def test_levels_beside_another_earning_sentence_add_up_to_the_level(tmp_path):
    """The levels with another earning sentence in the item (no sub-item of the highest
    can be written): `【A】或【B】的，得2分；【A】的，得2分`, the other sentence as before."""
    text = _HEAD + (
        "（一）安全部署（9分）\n"
        "单位主要负责人主持召开安全生产专题会议的得4分，由分管负责人主持召开的得2分，未召开的不得分。"
        "制定年度安全生产工作要点的得2分。未签订安全生产责任书的扣3分。\n"
    )
    draft, policy = import_text(tmp_path, text)
    assert pending_lines(draft.text) == []
    top, low = "单位主要负责人主持召开安全生产专题会议", "由分管负责人主持召开安全生产专题会议"
    assert f"【{top}】或【{low}】的，得2分" in draft.text
    assert f"【{top}】的，得2分" in draft.text
    assert "就高不就低" not in draft.text
    plan, unsigned = "制定年度安全生产工作要点", "未签订安全生产责任书"
    cases = (
        ({top: "是", plan: "是"}, 9),  # the principal: 4, the plan 2, the 3 of the deductions
        ({top: "是", low: "是", plan: "是"}, 9),  # both answered yes: the higher level, not 4+2
        ({low: "是", plan: "是"}, 7),  # the deputy: 2
        ({plan: "是"}, 5),  # no meeting
        ({top: "是"}, 7),
        ({low: "是", plan: "是", unsigned: "是"}, 4),  # the deduction as before
    )
    for facts, expected in cases:
        assert _score(policy, facts, "(一)") == expected, facts


def test_levels_under_an_item_numbered_1_need_no_sub_item(tmp_path):
    """Under `（1）` (no lower number for a sub-item): the levels are the item's points, so
    they are drafted as increments there."""
    text = _HEAD + (
        "（一）文化设施（5分）\n"
        "（1）文化站（3分）村级综合文化服务中心建成并投入使用的得3分，已建成未使用的得1分，未建成的不得分。\n"
        "（2）活动（2分）年内组织文化惠民演出的得2分。\n"
    )
    draft, policy = import_text(tmp_path, text)
    assert pending_lines(draft.text) == []
    top, low = "村级综合文化服务中心建成并投入使用", "村级综合文化服务中心已建成未使用"
    assert _clauses(draft.text)[0] == f"【{top}】或【{low}】的，得1分；【{top}】的，得2分"
    path = _path(policy, "(一)(1)")
    for facts, expected in (
        ({top: "是"}, 3),
        ({low: "是"}, 1),
        ({}, 0),
        ({top: "是", low: "是"}, 3),
    ):
        assert _score(policy, facts, path) == expected, facts


DEADLINES = _HEAD + (
    "（一）年报编制（8分）\n"
    "上年度会计档案于本年5月31日前移交完毕的得3分，8月31日前移交完毕的得1分，逾期移交的不得分。"
    "统计年报数据差错率在1%以内的得5分，超过1%的不得分。\n"
)


def test_deadlines_beside_another_earning_sentence(tmp_path):
    """A date fact: `不晚于8月31日的，得1分；不晚于5月31日的，得2分` — 5月31日 itself is on
    time (language.md 第10节); a unit that never did it leaves the date blank (12月31日,
    after both deadlines) and earns nothing."""
    draft, policy = import_text(tmp_path, DEADLINES)
    date = "上年度会计档案移交日期"
    assert f"- 【{date}】不晚于8月31日的，得1分；【{date}】不晚于5月31日的，得2分" in draft.text
    assert "日期，默认12月31日" in draft.text
    assert not [p for p in pending_lines(draft.text) if "移交" in p]
    rate = next(f.name for f in policy.ir.facts if f.name.startswith("统计年报数据差错率"))
    cases = (
        ("5月10日", "0.5", 8),
        ("5月31日", "0.5", 8),  # on the first deadline
        ("6月1日", "0.5", 6),
        ("8月31日", "0.5", 6),  # on the second
        ("9月1日", "0.5", 5),
        ("12月31日", "0.5", 5),  # never done
        ("5月10日", "2", 3),  # the other sentence as before
    )
    for day, error, expected in cases:
        assert _score(policy, {date: day, rate: error}, "(一)") == expected, (day, error)


CHANGE = _HEAD + (
    "（一）农村改厕（10分）\n"
    "农村卫生厕所普及率较上年提高3个百分点以上的得4分，提高不足3个百分点的得2分，未提高的不得分。"
    "改厕问题整改到位的得6分。\n"
)


def test_a_change_in_points_beside_another_earning_sentence(tmp_path):
    """`【X】高于【上年X】的，得2分；【X】−【上年X】3个百分点以上的，得2分`: a rise of 3
    points or more earns 4, a smaller rise 2, none (持平 too) nothing."""
    draft, policy = import_text(tmp_path, CHANGE)
    x, last = "农村卫生厕所普及率", "上年农村卫生厕所普及率"
    assert (
        f"- 【{x}】高于【{last}】的，得2分；【{x}】−【{last}】3个百分点以上的，得2分" in draft.text
    )
    assert not [p for p in pending_lines(draft.text) if "普及率" in p]
    fixed = "改厕问题整改到位"
    for now, before, expected in (
        ("80", "75", 10),
        ("78", "75", 10),  # exactly 3 points: 以上 takes it in
        ("77.5", "75", 8),
        ("75", "75", 6),  # 持平: not a rise
        ("70", "75", 6),
    ):
        facts = {x: now, last: before, fixed: "是"}
        assert _score(policy, facts, "(一)") == expected, (now, before)
    assert _score(policy, {x: "80", last: "75"}, "(一)") == 4


FUNDS = _HEAD + (
    "（一）经费保障（7分）\n"
    "镇财政安排村级公益事业专项资金较上年增长的得5分，与上年持平的得3分，较上年减少的得1分，未安排的不得分。"
    "资金使用公示到位的得2分。\n"
)


def test_an_amount_against_last_year_with_none_arranged(tmp_path):
    """Increments on this year's and last year's amount: `高于0` (1), `不低于上年且高于0`
    (+2), `高于上年` (+2); 0 this year is 未安排 (nothing), also when last year was 0."""
    draft, policy = import_text(tmp_path, FUNDS)
    x, last = "镇财政安排村级公益事业专项资金", "上年镇财政安排村级公益事业专项资金"
    assert _clauses(draft.text)[0] == (
        f"【{x}】高于0的，得1分；【{x}】不低于【{last}】且【{x}】高于0的，得2分；"
        f"【{x}】高于【{last}】的，得2分"
    )
    assert not [p for p in pending_lines(draft.text) if "专项资金" in p]
    shown = "资金使用公示到位"
    for now, before, expected in (
        ("31", "30", 5),
        ("5", "0", 5),  # arranged for the first time: a growth
        ("30", "30", 3),
        ("29", "30", 1),
        ("0", "30", 0),  # none arranged
        ("0", "0", 0),  # none arranged, not 持平
    ):
        assert _score(policy, {x: now, last: before, shown: "是"}, "(一)") == expected + 2
        assert _score(policy, {x: now, last: before}, "(一)") == expected, (now, before)


def test_near_misses_stay_pending(tmp_path):
    """Levels without the last part saying none was done stay as before (held beside an
    earning sentence); levels and bands in an item that takes only its highest clause
    (`，就高不就低`) are held: the increments would be cut to one; a top level worth more
    than its item is held too."""
    text = _HEAD + (
        "（一）议事协调（4分）\n"
        "由主要负责同志牵头的得2分，由分管负责同志牵头的得1分。建立工作台账的得2分。\n"
        "（二）创建工作（4分），就高不就低\n"
        "村级综合文化服务中心建成并投入使用的得4分，已建成未使用的得2分，未建成的不得分。"
        "获评省级示范村的得4分。\n"
        "（三）年报（3分），就高不就低\n"
        "上年度会计档案于本年5月31日前移交完毕的得3分，8月31日前移交完毕的得1分，逾期移交的不得分。"
        "获评市级先进的得3分。\n"
        "（四）陈列馆（4分），就高不就低\n"
        "村史陈列馆建设达到县定标准的得4分，正在改造的得2分，未启动的不得分。获评市级示范的得4分。\n"
        "（五）安全部署（3分）\n"
        "单位主要负责人主持召开安全生产专题会议的得4分，由分管负责人主持召开的得2分，未召开的不得分。\n"
    )
    draft, _ = import_text(tmp_path, text)
    pending = pending_lines(draft.text)
    lead = [p for p in pending if p.startswith("由主要负责同志牵头的得2分")]
    assert lead and "就高不就低" in lead[0]
    built = [p for p in pending if p.startswith("村级综合文化服务中心建成")]
    assert built and "只取最高一条" in built[0]
    dated = [p for p in pending if p.startswith("上年度会计档案于本年")]
    assert dated and "只取最高一条" in dated[0]
    assert "【村级综合文化服务中心建成并投入使用】或" not in draft.text
    hall = [p for p in pending if p.startswith("村史陈列馆建设达到县定标准")]
    assert hall and "只取最高一条" in hall[0]
    over = [p for p in pending if p.startswith("单位主要负责人主持召开安全生产专题会议")]
    assert over and "超过本项分值3分" in over[0]
    assert "】或【" not in draft.text


def test_time_to_arrive_in_bands_and_never_arriving(tmp_path):
    """`接到报警后，…30分钟内赶到现场…的得4分，60分钟内赶到的得2分，超过60分钟或未到场的
    不得分`: the minutes it took and whether anyone came; `到达现场` is arriving (no OCR
    suspicion of `达到`)."""
    text = _HEAD + (
        "（一）应急响应（10分）\n"
        "接到报警后，村级应急分队30分钟内到达现场开展先期处置的得4分，60分钟内到达的得2分，"
        "超过60分钟或未到场的不得分。应急物资储备充足的得6分。\n"
    )
    draft, policy = import_text(tmp_path, text)
    assert pending_lines(draft.text) == []
    assert "疑为" not in draft.text
    went, took = "接到报警后村级应急分队到场", "接到报警后村级应急分队到达现场用时"
    assert (
        f"- 【{went}】且【{took}】不超过60分钟的，得2分；【{went}】且【{took}】不超过30分钟的，得2分"
        in draft.text
    )
    stock = "应急物资储备充足"
    for came, minutes, expected in (
        ("是", "20", 4),
        ("是", "30", 4),  # 30分钟内 takes 30 in
        ("是", "31", 2),
        ("是", "60", 2),
        ("是", "61", 0),
        ("否", "0", 0),  # never came
    ):
        facts = {went: came, took: minutes, stock: "是"}
        assert _score(policy, facts, "(一)") == expected + 6, (came, minutes)
