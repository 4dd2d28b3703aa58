"""Deductions from the total said inside an item with points: `…的，本项不得分，并在总分中另扣
3分` is the item's `【X】本项不得分` where the sentence stands, and `【X】扣3分` in a top-level
part without points (whose deductions come off the total, uncapped by any item,
language.md 第5节): the document's own deduction part (`扣分项`) when it has one, else a
part of its own after the last.  Also: `取消年度评优资格` while the draft's grades stay
commented out is the label alone (with a note to add the bar back); a numbered line cut
before `，或…的` is one sentence; `实行一票否决，当年不得评为优秀` stays pending (two readings).
Documents are written for the test."""

from __future__ import annotations

from decimal import Decimal

from helpers import import_text, pending_lines

_BANDS = "考核得分90分以上的为优秀；80分以上的为良好；60分以上的为合格；60分以下的为不合格。"


def _food(extra_part: str = "") -> str:
    return (
        "某县2026年度食品安全工作考核细则\n"
        "一、监管责任（40分）\n"
        "（一）日常检查（25分）\n"
        "未建立检查台账的，扣5分；发生群体性食物中毒事件造成恶劣影响的，本项不得分，"
        "并在总分中另扣4分。\n"
        "（二）宣传培训（15分）\n"
        "未开展宣传培训的，扣5分。\n"
        "二、应急处置（60分）\n"
        "未制定应急预案的，扣20分；瞒报食品安全事故的，该项不得分，并在总分中扣6分。\n"
        f"{extra_part}"
        f"四、考核等次\n{_BANDS}\n"
    )


def test_the_item_gets_nothing_and_the_total_loses_the_rest(tmp_path):
    draft, policy = import_text(tmp_path, _food())
    text = draft.text
    poison, hidden = "群体性食物中毒事件造成恶劣影响", "瞒报食品安全事故"
    assert f"    - 【{poison}】本项不得分" in text
    assert f"  - 【{hidden}】该项不得分" in text
    # one new part without points after the last, holding the deductions from the total
    assert "\n三、在总分中另扣的分\n" in text
    part = text.split("三、在总分中另扣的分", 1)[1].split("等次：", 1)[0]
    assert f"  - 【{poison}】扣4分" in part and f"  - 【{hidden}】扣6分" in part
    assert "“（一）日常检查”" in part  # each names the item it came from
    assert pending_lines(text) == []
    assert policy.score({}).total == Decimal(100)
    # the item's 25 points and 4 more: 71, not 75 (capped) nor 96
    assert policy.score({poison: "是"}).total == Decimal(71)
    # a deduction already in the item does not shrink what comes off the total
    both = policy.score({poison: "是", "未建立检查台账": "是"})
    assert both.total == Decimal(71)
    # 60 points of 二 and 6 more; the unit without either keeps the rest
    assert policy.score({hidden: "是"}).total == Decimal(34)
    assert policy.score({poison: "是", hidden: "是"}).total == Decimal(5)
    assert policy.score({"未开展宣传培训": "是"}).total == Decimal(95)


def test_the_document_s_own_deduction_part_takes_them(tmp_path):
    part = "三、扣分项\n被市级通报批评的，每次扣2分。\n"
    draft, policy = import_text(tmp_path, _food(part))
    text = draft.text
    assert "在总分中另扣的分" not in text
    own = text.split("三、扣分项", 1)[1].split("等次：", 1)[0]
    assert "- 【群体性食物中毒事件造成恶劣影响】扣4分" in own
    assert "- 【瞒报食品安全事故】扣6分" in own
    assert pending_lines(text) == []
    facts = {"群体性食物中毒事件造成恶劣影响": "是", "被市级通报批评": "2"}
    assert policy.score(facts).total == Decimal(100 - 25 - 4 - 4)


def test_a_document_without_such_a_sentence_gets_no_extra_part(tmp_path):
    text = (
        "某县2026年度食品安全工作考核细则\n一、日常检查（30分）\n"
        "发生群体性食物中毒事件的，本项不得分。\n二、应急处置（70分）\n未制定应急预案的，扣20分。\n"
    )
    draft, policy = import_text(tmp_path, text)
    assert "在总分中另扣" not in draft.text
    assert "三、" not in draft.text
    assert policy.score({"群体性食物中毒事件": "是"}).total == Decimal(70)


def test_other_halves_and_the_rule_of_every_item_stay_pending(tmp_path):
    text = (
        "某县2026年度食品安全工作考核细则\n一、日常检查（30分）\n"
        "培训记录虚假的，每次扣1分，并在总分中另扣2分。\n二、应急处置（70分）\n"
        "未制定应急预案的，扣20分。\n三、说明\n"
        "（一）凡未按要求报送佐证材料的，该项不得分，并在总分中另扣3分。\n"
    )
    draft, _ = import_text(tmp_path, text)
    held = pending_lines(draft.text)
    assert any(
        line.startswith("培训记录虚假的") and "每次都扣还是只扣一次" in line for line in held
    )
    assert any("佐证材料" in line and "管每一个评分项" in line and "扣3分" in line for line in held)
    assert "\n三、在总分中另扣的分" not in draft.text and "\n四、" not in draft.text
    assert "- 【培训记录虚假】" not in draft.text


def test_honours_withdrawn_while_the_grades_are_left_pending(tmp_path):
    """The grades are left commented out (a gap between two bands): the bar on the top grade
    would name no grade; the label alone says what the draft can, with a note."""
    gap = "考核得分90分以上的为优秀；75分至85分为良好；60分至74.5分为合格；60分以下为不合格。"
    text = (
        "某县2026年度档案工作考核细则\n一、档案安全（10分）\n"
        "发生档案损毁事件的，本项不得分，并取消年度评优资格。\n二、档案利用（90分）\n"
        f"未建立利用登记的，扣5分。\n三、考核等次\n{gap}\n"
    )
    draft, policy = import_text(tmp_path, text)
    assert "- 【档案损毁事件】本项不得分，列为取消年度评优资格单位" in draft.text
    assert "请在 “列为” 前加上 “不得评为优秀，”" in draft.text
    assert not any("档案损毁" in line for line in pending_lines(draft.text))
    result = policy.score({"档案损毁事件": "是"})
    assert result.total == Decimal(90)
    assert "取消年度评优资格单位" in result.labels
    # with the grades written, the bar stays
    text = text.replace(gap, _BANDS)
    draft, policy = import_text(tmp_path, text)
    assert "- 【档案损毁事件】本项不得分，不得评为优秀，列为取消年度评优资格单位" in draft.text


def test_a_line_cut_before_or_is_one_sentence(tmp_path):
    text = (
        "某县2026年度审计整改工作考核细则\n一、整改落实（100分）\n未制定整改方案的，扣10分。\n"
        "二、一票否决\n"
        "1.拒绝提供审计资料，或在整改中虚报整改结果造成恶劣影响的，实行一票否决，年度考核直接评定为不合格等次。\n"
        "2.整改不力造成重大损失，或被省级通报批评的，实行一票否决，当年不得评为优秀等次。\n"
        f"三、考核等次\n{_BANDS}\n"
    )
    draft, policy = import_text(tmp_path, text)
    name = "拒绝提供审计资料或在整改中虚报整改结果造成恶劣影响"
    assert f"- 【{name}】实行一票否决" in draft.text
    assert policy.score({name: "是"}).grade == "不合格"
    assert policy.score({}).grade == "优秀"
    # the lowest grade, or only not the top one? both are said
    (held,) = pending_lines(draft.text)
    assert held.startswith("整改不力造成重大损失，或被省级通报批评的")
    assert "两种读法" in held and "不得评为优秀" in held
