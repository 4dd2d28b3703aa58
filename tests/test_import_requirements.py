"""Requirements said before what is scored (`compiler/importer/readers/requirements.py`):
period requirements that define a rate the sentence scores (the rate is the fact, the
requirements its note), and the places that lack a yearly drill, counted.  Near misses —
a requirement scored period by period, a lead with a condition — stay `待处理`.
Documents are written for the test."""

from __future__ import annotations

from decimal import Decimal

from helpers import import_text, pending_lines


def _doc(*items: str) -> str:
    body = "\n".join(items)
    return f"某县2026年度林长制工作考核细则\n一、考核内容及评分标准\n{body}\n"


def test_a_rate_defined_by_period_requirements(tmp_path):
    text = _doc(
        "（一）巡林（3分）\n镇级林长每月巡林不少于1次、村级林长每周巡林不少于1次，"
        "巡林达标率达到100%的得3分，每低1个百分点扣0.1分。",
    )
    draft, policy = import_text(tmp_path, text)
    assert pending_lines(draft.text) == []
    assert "- 【巡林达标率】达到100%的得3分，每低1个百分点扣0.1分" in draft.text
    (decl,) = [line for line in draft.text.splitlines() if line.startswith("  巡林达标率：")]
    assert "每月巡林不少于1次" in decl and "百分比" in decl
    for rate, expected in (("100", "3"), ("95", "2.5"), ("60", "0")):
        assert policy.score({"巡林达标率": rate}).total == Decimal(expected), rate


def test_places_lacking_a_yearly_drill_are_counted(tmp_path):
    text = _doc(
        "（一）避险演练（4分）\n有人员居住的滑坡隐患点每年至少组织1次避险演练，每少1个点扣0.5分。",
    )
    draft, policy = import_text(tmp_path, text)
    name = "有人员居住的滑坡隐患点未组织避险演练"
    assert f"- 【{name}】每个扣0.5分" in draft.text
    for places, expected in (("0", "4"), ("3", "2.5"), ("9", "0")):
        assert policy.score({name: places}).total == Decimal(expected), places


def test_requirements_scored_period_by_period_stay_pending(tmp_path):
    text = _doc(
        "（一）巡林（3分）\n镇级林长每月巡林不少于1次，每少1次扣0.5分。",
        "（二）宣传（2分）\n未按要求每月开展宣传不少于1次的，宣传覆盖率达到100%的得2分，每低1个百分点扣0.1分。",
    )
    draft, _ = import_text(tmp_path, text)
    assert "巡林达标率" not in draft.text
    assert not [c for c in draft.text.splitlines() if "宣传覆盖率】" in c]


def test_bands_of_the_shortfall_against_a_plan(tmp_path):
    """`按计划移交到期档案的得5分，移交数量未达到计划、差额在5%以内的扣1分，差额超过5%的扣3分，
    未移交的不得分` in an item of 5: the deepest band of the shortfall (5% itself in the
    first), none handed over at all the item's 不得分; in an item of 8 the 5 are a part
    of it, and the sentence is not read this way."""
    sentence = (
        "按计划向市档案馆移交到期档案的得5分，移交数量未达到计划、差额在5%以内的扣1分，"
        "差额超过5%的扣3分，未移交的不得分。"
    )
    draft, policy = import_text(tmp_path, _doc(f"（一）档案移交（5分）\n{sentence}"))
    share, none = "向市档案馆移交到期档案数量较计划的差额比例", "未向市档案馆移交到期档案"
    assert f"- 【{share}】超过0%、5%的，分别扣1分、3分" in draft.text
    assert f"- 【{none}】本项不得分" in draft.text
    for gap, nothing, expected in (
        ("0", "否", "5"),
        ("5", "否", "4"),
        ("5.5", "否", "2"),
        ("100", "是", "0"),
    ):
        assert policy.score({share: gap, none: nothing}).total == Decimal(expected), gap
    (tmp_path / "b").mkdir()
    larger, _ = import_text(tmp_path / "b", _doc(f"（一）档案移交（8分）\n{sentence}"))
    assert share not in larger.text
