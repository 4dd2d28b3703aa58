"""An earning for doing a standard followed in the same sentence by deductions for failing
it (`…按时足额发放的得6分，每发现1起延迟发放扣0.5分，每发现1起少发、漏发扣1分`).  Where the
points are the item's and the deductions together count every way the standard is missed
(late and short for `按时足额`, each requirement of `配备…且全部参加…培训`, one of them the
standard not met at all), only the deductions are drafted: as two clauses a unit with one
late payment would lose the 6 and 0.5 more.  Deductions for late ones only, for one of two
requirements, or points that are not the item's stay pending.  A deduction for an event
after the standard was met (`清淤后出现淤积反弹的`) stands beside the earning.  Documents are
written for the test."""

from __future__ import annotations

from decimal import Decimal

from helpers import import_text, pending_lines

_HEAD = "某区2026年度民政工作考核细则\n一、考核内容及评分标准\n"


def _doc(*items: str) -> str:
    """A document with the items (`（一）标题（N分）\\n句子`)."""
    return _HEAD + "".join(f"{item}\n" for item in items)


def _score(policy, facts: dict[str, str], path: str) -> Decimal:
    return policy.score(facts).nodes[path].score


def _clauses(text: str) -> list[str]:
    return [line.strip()[2:] for line in text.splitlines() if line.strip().startswith("- ")]


def test_late_and_short_counted_take_from_the_item(tmp_path):
    """`按时足额` with a count of late payments and a count of short or missing ones: the
    6 points are the item's, each failure takes its step of them (never 6 and a step)."""
    text = _doc(
        "（一）低保金发放（6分）\n城乡低保金按时足额发放的得6分，每发现1起延迟发放扣0.5分，"
        "每发现1起少发、漏发扣1分。"
    )
    draft, policy = import_text(tmp_path, text)
    assert _clauses(draft.text) == ["【延迟发放】每起扣0.5分", "【少发、漏发】每起扣1分"]
    assert "“得6分” 即本项分值" in draft.text
    assert pending_lines(draft.text) == []
    for late, short, expected in (
        ("0", "0", "6"),
        ("2", "0", "5"),
        ("2", "3", "2"),
        ("1", "9", "0"),
    ):
        facts = {"延迟发放": late, "少发、漏发": short}
        assert _score(policy, facts, "(一)") == Decimal(expected), (late, short)


def test_fixed_deductions_for_each_failure_and_none_for_not_paid_in_full(tmp_path):
    """`拨付不及时的扣1分，未足额拨付的不得分` and `未按时发放的扣1分，未足额发放的扣2分`: each
    a yes/no failure of one word of the standard; no earning clause beside them (a unit
    paid late would lose 2 + 1 as the three clauses the drafter reads)."""
    text = _doc(
        "（一）资金拨付（2分）\n农田建设补助资金按时足额拨付的得2分，拨付不及时的扣1分，未足额拨付的不得分。",
        "（二）补贴发放（3分）\n耕地地力补贴按时足额发放的得3分，未按时发放的扣1分，未足额发放的扣2分。",
    )
    draft, policy = import_text(tmp_path, text)
    clauses = _clauses(draft.text)
    assert "【拨付不及时】扣1分" in clauses and "【未足额拨付】本项不得分" in clauses
    assert "【未按时发放】扣1分" in clauses and "【未足额发放】扣2分" in clauses
    assert not any("得2分" in c or "得3分" in c for c in clauses)
    assert pending_lines(draft.text) == []
    no = {"拨付不及时": "否", "未足额拨付": "否", "未按时发放": "否", "未足额发放": "否"}
    assert _score(policy, no, "(一)") == Decimal(2)
    assert _score(policy, no, "(二)") == Decimal(3)
    assert _score(policy, {**no, "拨付不及时": "是"}, "(一)") == Decimal(1)
    assert _score(policy, {**no, "未足额拨付": "是"}, "(一)") == Decimal(0)
    assert _score(policy, {**no, "未按时发放": "是"}, "(二)") == Decimal(2)
    assert _score(policy, {**no, "未按时发放": "是", "未足额发放": "是"}, "(二)") == Decimal(0)


def test_one_count_for_late_or_below_the_standard(tmp_path):
    """`发放不及时或标准不到位的，每人次扣0.5分，扣完4分为止` in an item of 4: one count covers
    both words (a grant never paid is below the standard); the cap is the item's."""
    text = _doc(
        "（一）临时救助（4分）\n临时救助金按时足额发放的得4分，发放不及时或标准不到位的，"
        "每人次扣0.5分，扣完4分为止。"
    )
    draft, policy = import_text(tmp_path, text)
    assert _clauses(draft.text) == ["【发放不及时或标准不到位】每人次扣0.5分"]
    assert pending_lines(draft.text) == []
    for count, expected in (("0", "4"), ("3", "2.5"), ("20", "0")):
        assert _score(policy, {"发放不及时或标准不到位": count}, "(一)") == Decimal(expected)


def test_overdue_not_done_counted_and_long_overdue_takes_the_item(tmp_path):
    text = _doc(
        "（一）问题整改（4分）\n督查发现的问题均按期整改到位的得4分，每有1个问题逾期未整改的扣1分，"
        "逾期超过60日仍未整改的本项不得分。"
    )
    draft, policy = import_text(tmp_path, text)
    assert _clauses(draft.text) == [
        "【问题逾期未整改】每个扣1分",
        "【逾期超过60日仍未整改】本项不得分",
    ]
    assert pending_lines(draft.text) == []
    for overdue, long, expected in (("0", "否", "4"), ("3", "否", "1"), ("1", "是", "0")):
        facts = {"问题逾期未整改": overdue, "逾期超过60日仍未整改": long}
        assert _score(policy, facts, "(一)") == Decimal(expected), (overdue, long)


def test_a_shortfall_of_staff_and_a_task_not_done(tmp_path):
    """`每缺配1名` counts the staff short of the ratio (named by what the standard
    provides); `未开展的每起` the cases without the review (named with its object)."""
    text = _doc(
        "（一）调解队伍（3分）\n按照1:50的比例配备专职调解员（以辖区矛盾纠纷数为基数）的得3分，每缺配1名扣1分。",
        "（二）隐患复查（4分）\n开展安全隐患复查的得4分，未开展的每起扣1分。",
    )
    draft, policy = import_text(tmp_path, text)
    assert _clauses(draft.text) == [
        "【专职调解员缺配】每名扣1分",
        "【未开展安全隐患复查】每起扣1分",
    ]
    assert pending_lines(draft.text) == []
    facts = {"专职调解员缺配": "2", "未开展安全隐患复查": "1"}
    assert _score(policy, facts, "(一)") == Decimal(1)
    assert _score(policy, facts, "(二)") == Decimal(3)
    facts = {"专职调解员缺配": "5", "未开展安全隐患复查": "0"}
    assert _score(policy, facts, "(一)") == Decimal(0)
    assert _score(policy, facts, "(二)") == Decimal(4)


def test_each_requirement_of_two_has_its_failure(tmp_path):
    """`配备1名网格员且全部参加岗前培训`: a community without one, and one appointed but not
    trained, each counted; with only the first failure written a unit whose staff were
    never trained would keep all 5 — pending, naming the requirement left out."""
    text = _doc(
        "（一）网格队伍（5分）\n每个社区配备1名网格员且全部参加岗前培训的得5分，"
        "每有1个社区未配备扣1分，配备但未参训的每人扣0.5分。",
        "（二）网格培训（5分）\n每个社区配备1名网格员且全部参加岗前培训的得5分，每有1个社区未配备扣1分。",
    )
    draft, policy = import_text(tmp_path, text)
    assert _clauses(draft.text) == [
        "【社区未配备网格员】每个扣1分",
        "【网格员配备但未参训】每人扣0.5分",
    ]
    facts = {"社区未配备网格员": "1", "网格员配备但未参训": "3"}
    assert _score(policy, facts, "(一)") == Decimal("2.5")
    (pending,) = pending_lines(draft.text)
    assert pending.startswith(
        "每个社区配备1名网格员且全部参加岗前培训的得5分，每有1个社区未配备扣1分（"
    )
    assert "全部参加岗前培训” 没做到" in pending


def test_an_event_after_the_standard_was_met_stands_beside_the_earning(tmp_path):
    """`完成清淤的得3分，清淤后出现淤积反弹的，每处扣1分`: the deduction is no failure of the
    standard, so a unit that never dredged must not keep the 3 — both clauses."""
    text = _doc("（一）河道清淤（3分）\n辖区河道完成清淤的得3分，清淤后出现淤积反弹的，每处扣1分。")
    draft, policy = import_text(tmp_path, text)
    assert _clauses(draft.text) == ["【辖区河道完成清淤】得3分", "【清淤后出现淤积反弹】每处扣1分"]
    assert pending_lines(draft.text) == []
    for done, back, expected in (("是", "0", "3"), ("是", "2", "1"), ("否", "0", "0")):
        facts = {"辖区河道完成清淤": done, "清淤后出现淤积反弹": back}
        assert _score(policy, facts, "(一)") == Decimal(expected), (done, back)


def test_late_ones_only_or_points_not_the_items_stay_pending(tmp_path):
    """Late payments only for `按时足额` (a unit that never paid loses nothing); the same
    sentence as test one in an item of 10 (its 6 are a part, as before); `超期办结` counts
    cases closed late, not the ones never closed (as `逾期报送`)."""
    text = _doc(
        "（一）低保金发放（6分）\n城乡低保金按时足额发放的得6分，每发现1起延迟发放扣0.5分。",
        "（二）特困供养（10分）\n特困供养金按时足额发放的得6分，每发现1起延迟发放扣0.5分，"
        "每发现1起少发、漏发扣1分。",
        "（三）案件办理（5分）\n信访案件按期办结的得5分，每有1起超期办结扣1分。",
    )
    draft, policy = import_text(tmp_path, text)
    assert _clauses(draft.text) == []
    pending = pending_lines(draft.text)
    assert len(pending) == 3
    assert "没有写不足额的扣多少" in pending[0]
    assert pending[1].startswith("特困供养金按时足额发放的得6分")
    # the reason gives the sub-item to write, and its deductions
    assert "请把这句写成分值为6分的子项" in pending[1]
    assert "“- 【延迟发放】每起扣0.5分”“- 【少发、漏发】每起扣1分”" in pending[1]
    assert "只写扣分，从未" in pending[2]
    assert not [f.name for f in policy.ir.facts if "发放" in f.name]


def test_the_documents_own_whole_item_zero_stays_on_the_item_in_the_reason(tmp_path):
    """In an item of 10 the 3 points are a part: the sub-item the reason proposes holds the
    counted failures, and the document's `本项不得分` is said to stay on the item."""
    text = _doc(
        "（一）问题整改（10分）\n督查发现的问题均按期整改到位的得3分，每有1个问题逾期未整改的扣1分，"
        "逾期超过60日仍未整改的本项不得分。"
    )
    draft, _ = import_text(tmp_path, text)
    assert _clauses(draft.text) == []
    (pending,) = pending_lines(draft.text)
    assert "子项下只写扣分条款（“- 【问题逾期未整改】每个扣1分”；" in pending
    assert "原文的 “本项不得分” 写在本项上：“- 【逾期超过60日仍未整改】本项不得分”" in pending


def test_a_step_named_as_the_standard_not_met(tmp_path):
    """`开展…的得N分，未开展的每起扣1分`, `…给予帮扶的得3分，应帮未帮的每人扣1分`: the count is of
    the standard not met, every failure of it — in an item of those points only the step;
    in a larger item (another sentence scoring the rest) a sub-item of the points with the
    step alone.  `回应不及时的每次` counts late ones
    only (a unit that never answered keeps the points): the reason says so."""
    text = _doc(
        "（一）困难帮扶（3分）\n对符合条件的困难群众按规定给予帮扶的得3分，应帮未帮的每人扣1分。",
        "（二）复查评估（10分）\n开展隐患整改复查评估的得5分，未开展的每起扣1分。"
        "对群众诉求在48小时内作出回应的得5分，回应不及时的每次扣1分。",
    )
    draft, policy = import_text(tmp_path, text)
    review = "未开展隐患整改复查评估"
    assert _clauses(draft.text) == ["【应帮未帮】每人扣1分", f"【{review}】每起扣1分"]
    for count, expected in (("0", "3"), ("1", "2"), ("4", "0")):
        assert _score(policy, {"应帮未帮": count, review: "0"}, "(一)") == Decimal(expected)
    # in the item of 10 the 5 are a sub-item of their own, the steps taking only from them
    assert f"(1){review}（5分）" in draft.text
    for count, expected in (("0", "10"), ("2", "8"), ("9", "5")):
        assert _score(policy, {"应帮未帮": "0", review: count}, "(二)") == Decimal(expected)
    (answer,) = pending_lines(draft.text)
    assert "扣分数的只是其中一种没做到的情形" in answer


def test_a_part_of_the_item_becomes_a_sub_item_of_its_deductions(tmp_path):
    """3 of an item of 10 whose other sentence scores the rest: a sub-item of 3 holding
    only the counted failures; the document's `本项不得分` stays on the item."""
    text = _doc(
        "（一）问题整改（10分）\n督查发现的问题均按期整改到位的得3分，每有1个问题逾期未整改的扣1分，"
        "逾期超过60日仍未整改的本项不得分。建立问题整改台账的得7分。"
    )
    draft, policy = import_text(tmp_path, text)
    assert pending_lines(draft.text) == []
    assert "(1)问题逾期未整改（3分）" in draft.text
    late, long_late, ledger = "问题逾期未整改", "逾期超过60日仍未整改", "建立问题整改台账"
    unit = {late: "0", long_late: "否", ledger: "是"}
    for changes, expected in (
        ({}, "10"),
        ({late: "2"}, "8"),
        ({late: "5"}, "7"),  # the steps take only the 3
        ({ledger: "否"}, "3"),
        ({long_late: "是"}, "0"),
    ):
        assert _score(policy, dict(unit, **changes), "(一)") == Decimal(expected), changes


def test_a_part_of_the_item_with_a_step_counting_each_one_missing(tmp_path):
    """`职责清单全部制定并公开的得2分，每缺1人扣0.5分` in an item of 6 whose other sentence
    scores the rest: a sub-item of 2 holding the step alone (never the 2 lost and the step
    too); alone in its item of 2 the step alone, as before."""
    text = _doc(
        "（一）责任落实（6分）\n班子成员安全生产责任清单全部制定并公开的得2分，每缺1人扣0.5分。"
        "召开安全生产专题会议的得4分。",
    )
    draft, policy = import_text(tmp_path, text)
    assert pending_lines(draft.text) == []
    (sub,) = [line.strip() for line in draft.text.splitlines() if line.strip().startswith("(1)")]
    assert sub.endswith("（2分）")
    (missing,) = [f.name for f in policy.ir.facts if f.type != "bool"]
    meeting = next(f.name for f in policy.ir.facts if "会议" in f.name)
    for short, held, expected in (
        ("0", "是", "6"),
        ("1", "是", "5.5"),
        ("9", "是", "4"),
        ("0", "否", "2"),
    ):
        unit = {missing: short, meeting: held}
        assert _score(policy, unit, "(一)") == Decimal(expected), (short, held)
