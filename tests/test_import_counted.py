"""Counted earnings with their own cap (`compiler/importer/counted.py`, `Drafter._read_as`):
`每完成一项…的得1分，最高得3分` and `…，每组建1支服务队得0.5分，最高得3分` in an item whose
other earnings make up the rest are drafted as one clause with the cap the language now
takes (`，最高得3分`, language.md section 7) — also where the item is numbered （1） and no
sub-item can be written.  A cap said of the item (`本项最高计3分`) and a negated object stay
`待处理`.  Documents are written for the test."""

from __future__ import annotations

from decimal import Decimal

from helpers import import_text, pending_lines


def _doc(*items: str) -> str:
    body = "\n".join(items)
    return f"某县2026年度社会事务考核细则\n一、考核内容及评分标准\n（一）重点工作（10分）\n{body}\n"


def _clauses(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.lstrip().startswith("- ")]


def test_a_counted_earning_with_its_cap_under_an_item_numbered_1(tmp_path):
    text = _doc(
        "（1）专项行动（5分）",
        "开展防汛宣传周活动的得2分。每完成一项上级部署的防汛隐患排查并按时报送总结的得1分，最高得3分。",
        "（2）基础工作（5分）",
        "建立防汛物资台账的得5分。",
    )
    draft, policy = import_text(tmp_path, text)
    assert pending_lines(draft.text) == []
    name = "完成上级部署的防汛隐患排查并按时报送总结"
    assert f"- 【{name}】每项得1分，最高得3分" in _clauses(draft.text)
    full = {"开展防汛宣传周活动": "是", name: "3", "建立防汛物资台账": "是"}

    def item(**changes: str) -> Decimal:
        return policy.score(dict(full, **changes)).nodes["(一)(1)"].score

    assert item() == 5
    assert item(**{name: "7"}) == 5  # the cap, not 7
    assert item(**{name: "1"}) == 3
    assert item(**{name: "0", "开展防汛宣传周活动": "否"}) == 0
    assert item(**{name: "5", "开展防汛宣传周活动": "否"}) == 3


def test_teams_formed_are_counted_in_their_own_unit(tmp_path):
    text = _doc(
        "（1）志愿服务（5分）",
        "社区志愿服务站覆盖率达到100%的得2分。"
        "组织退休党员开展“红色帮帮团”志愿服务，每组建1支帮扶服务队得0.5分，最高得3分。",
    )
    draft, policy = import_text(tmp_path, text)
    assert "- 【组建帮扶服务队】每支得0.5分，最高得3分" in _clauses(draft.text)
    decl = [line for line in draft.text.splitlines() if line.startswith("  组建帮扶服务队：")]
    assert len(decl) == 1 and "支" in decl[0] and "红色帮帮团" in decl[0]
    unit = {"组建帮扶服务队": "4"}
    scores = [
        policy.score(dict(unit, 社区志愿服务站覆盖率=rate, 组建帮扶服务队=teams))
        .nodes["(一)(1)"]
        .score
        for rate, teams in (("100", "4"), ("100", "9"), ("90", "3"))
    ]
    assert scores == [4, 5, Decimal("1.5")]


def test_pairs_formed_and_a_cap_said_of_the_item(tmp_path):
    text = _doc(
        "（1）技能培训（5分）",
        "举办职业技能培训班的得2分。组织开展“师带徒”结对的，每结对1组得0.5分，最高得3分。",
        "（2）人才服务（5分）",
        "建立人才服务台账的得2分。每完成一项人才服务事项的得1分，本项最高计3分。",
    )
    draft, policy = import_text(tmp_path, text)
    assert "- 【组织开展师带徒结对】每结对1组得0.5分，最高得3分" in _clauses(draft.text)
    unit = {"举办职业技能培训班": "是", "组织开展师带徒结对": "8", "建立人才服务台账": "否"}
    assert policy.score(unit).nodes["(一)(1)"].score == Decimal(5)
    assert policy.score(dict(unit, 组织开展师带徒结对="3")).nodes["(一)(1)"].score == Decimal("3.5")
    # 本项最高计3分 in an item of 5 with another earning: the item's cap or this line's?
    (held,) = [p for p in pending_lines(draft.text) if p.startswith("每完成一项人才服务事项")]
    assert "上限" in held


def test_a_negated_object_is_no_thing_done(tmp_path):
    text = _doc(
        "（1）专项行动（5分）",
        "开展防汛宣传周活动的得2分。每完成一项未按时报送总结的得1分，最高得3分。",
    )
    draft, _ = import_text(tmp_path, text)
    assert not any("未按时报送总结】每项得" in c for c in _clauses(draft.text))


def test_the_earning_part_of_an_item_numbered_1_is_a_circled_sub_item(tmp_path):
    """An item numbered （1） that earns 2 of its 6 and deducts the rest: the earning
    clause goes to a sub-item numbered ① (the fifth outline level), not left pending."""
    text = _doc(
        "（1）隐患治理（6分）",
        "建立隐患治理台账的得2分。隐患治理工作被上级通报批评的，每次扣1分。",
        "（2）基础工作（4分）",
        "建立防汛物资台账的得4分。",
    )
    draft, policy = import_text(tmp_path, text)
    assert "①建立隐患治理台账（2分）" in draft.text
    assert not [p for p in pending_lines(draft.text) if "隐患治理台账" in p]
    (late,) = [c[3:].split("】")[0] for c in _clauses(draft.text) if "通报" in c]
    unit = {"建立隐患治理台账": "是", late: "0", "建立防汛物资台账": "是"}

    def item(**changes: str) -> Decimal:
        return policy.score(dict(unit, **changes)).nodes["(一)(1)"].score

    assert item() == 6
    assert item(建立隐患治理台账="否") == 4
    assert item(**{late: "2"}) == 4
    assert item(**{late: "9", "建立隐患治理台账": "否"}) == 0


def test_several_counted_earnings_under_one_cap_in_an_item_numbered_1(tmp_path):
    """Two levels of one count share the sentence's cap: a sub-item ① of the cap (one
    clause's own cap would not bound the two together)."""
    text = _doc(
        "（1）宣传报道（5分）",
        "在区级以上媒体宣传报道防汛工作的，区级每篇得0.25分，市级每篇得0.5分，最高得2分。"
        "按时报送防汛月报的得3分。",
    )
    draft, policy = import_text(tmp_path, text)
    assert pending_lines(draft.text) == []
    (sub,) = [line.strip() for line in draft.text.splitlines() if line.strip().startswith("①")]
    assert sub.endswith("（2分）")
    facts = {f.name for f in policy.ir.facts}
    district = next(n for n in facts if "区级" in n)
    city = next(n for n in facts if "市级" in n)
    unit = {district: "0", city: "0", "按时报送防汛月报": "是"}

    def item(**changes: str) -> Decimal:
        return policy.score(dict(unit, **changes)).nodes["(一)(1)"].score

    assert item() == 3
    assert item(**{district: "4"}) == 4
    assert item(**{district: "4", city: "3"}) == 5  # 1 + 1.5 capped at 2
