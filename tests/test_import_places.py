"""Places in the batch on a value the sentence names: `…位列全市前2名的得4分，第3至4名的
得2.5分，其余的得1分` is the language's `按【X】从高到低排名，第1至2名得4分，…，其余得1分`,
a step down after the bands (`每后退1名扣1分`, `第5名及以后的，每后退1名在5分基础上扣1分`)
is `其后每下降一个名次扣1分`, and a value that is itself a place (`年度平均排名`) ranks the
smallest first.  The direction is never guessed: a rate that should be low, or a value of
unknown sense, stays pending with a reason that says how to write it.  Documents are
written for the test."""

from __future__ import annotations

from decimal import Decimal

from helpers import import_text, pending_lines


def _doc(item: str, sentence: str) -> str:
    return f"某县2026年度综合工作考核细则\n一、{item}\n{sentence}\n"


def _declared(text: str, name: str) -> str:
    """The type the draft's 数据 declares `name` with."""
    (line,) = [line for line in text.splitlines() if line.startswith(f"  {name}：")]
    return line.split("：", 1)[1].split("#")[0].strip()


def _totals(policy, name: str, values: dict[str, str]) -> dict[str, Decimal]:
    rows = [{"单位": unit, name: value} for unit, value in values.items()]
    return {r.unit: r.total for r in policy.score_batch(rows)}


def test_a_count_of_work_done_ranked_in_bands_and_the_rest(tmp_path):
    """The count's object is said in the words before it (`巡查上报消防隐患，季均上报件数`):
    the fact names it; more reported is better; an average is a plain number."""
    text = _doc(
        "隐患排查（4分）",
        "安全员巡查上报消防隐患，季均上报件数位列全市前2名的得4分，第3至4名的得2.5分，其余的得1分。",
    )
    draft, policy = import_text(tmp_path, text)
    name = "季均上报消防隐患件数"
    assert f"- 按【{name}】从高到低排名，第1至2名得4分，第3至4名得2.5分，其余得1分" in draft.text
    assert _declared(draft.text, name) == "数值"
    assert pending_lines(draft.text) == []
    # 甲 and 乙 tie for the first place; 丙 is third, 丁 fourth, 戊 fifth
    values = {"甲": "12", "乙": "12", "丙": "9", "丁": "7.5", "戊": "3"}
    assert _totals(policy, name, values) == {
        "甲": Decimal(4),
        "乙": Decimal(4),
        "丙": Decimal("2.5"),
        "丁": Decimal("2.5"),
        "戊": Decimal(1),
    }


def test_a_survey_result_ranked_in_three_bands(tmp_path):
    text = _doc(
        "群众评价（6分）",
        "居民幸福感测评结果位居全市第1至2名的得6分，第3至4名的得4分，其余的得2分。",
    )
    draft, policy = import_text(tmp_path, text)
    name = "居民幸福感测评结果"
    assert f"- 按【{name}】从高到低排名，第1至2名得6分，第3至4名得4分，其余得2分" in draft.text
    # 乙 and 丙 tie for the second place: both in the first band; 丁 is fourth
    values = {"甲": "95", "乙": "91", "丙": "91", "丁": "88", "戊": "80"}
    assert _totals(policy, name, values) == {
        "甲": Decimal(6),
        "乙": Decimal(6),
        "丙": Decimal(6),
        "丁": Decimal(4),
        "戊": Decimal(2),
    }


def test_a_rate_in_bands_then_a_step_from_the_last_band(tmp_path):
    """`第5名及以后的，每后退1名在5分基础上扣1分` after `第3至4名的得5分`: the fifth place
    has fallen one behind the fourth, so 4; the rate is declared a 百分比."""
    text = _doc(
        "签约服务（6分）",
        "家庭医生签约率在全区各社区（村）中排名第1至2名的得6分，第3至4名的得5分，"
        "第5名及以后的，每后退1名在5分基础上扣1分。",
    )
    draft, policy = import_text(tmp_path, text)
    name = "家庭医生签约率"
    clause = f"- 按【{name}】从高到低排名，第1至2名得6分，第3至4名得5分，其后每下降一个名次扣1分"
    assert clause in draft.text
    assert _declared(draft.text, name) == "百分比"
    values = {"甲": "98", "乙": "96", "丙": "96", "丁": "90", "戊": "85", "己": "85", "庚": "70"}
    assert _totals(policy, name, values) == {
        "甲": Decimal(6),
        "乙": Decimal(6),
        "丙": Decimal(6),
        "丁": Decimal(5),
        "戊": Decimal(4),
        "己": Decimal(4),
        "庚": Decimal(2),
    }


def test_a_step_that_starts_elsewhere_stays_pending(tmp_path):
    """A step from another place or another base than the last band would score the
    places after it otherwise than the document: kept pending (the step from the last
    band is drafted)."""
    for tail in (
        "第5名及以后的，每后退1名在5分基础上扣1分",
        "第6名及以后的，每后退1名在5分基础上扣1分",  # the fifth place is in no band
        "第5名及以后的，每后退1名在4分基础上扣1分",  # not the last band's 5
        "第5名及以后的，每后退1名扣1分",  # does the fifth keep 5 or lose 1?
    ):
        text = _doc(
            "签约服务（6分）",
            f"家庭医生签约率在全区各社区中排名第1至2名的得6分，第3至4名的得5分，{tail}。",
        )
        draft, _ = import_text(tmp_path, text)
        drafted = "第5名及以后的，每后退1名在5分基础上扣1分" == tail
        assert ("- 按【" in draft.text) is drafted, tail
        assert len(pending_lines(draft.text)) == (0 if drafted else 1), tail


def test_a_score_ranked_as_the_sentence_says_and_named_by_its_survey(tmp_path):
    """`按得分由高到低排名` after `根据…营商环境评价结果，`: the score of that survey."""
    text = _doc(
        "营商环境（8分）",
        "根据第三方开展的营商环境评价结果，按得分由高到低排名，第1名得8分，每后退1名扣1分。",
    )
    draft, policy = import_text(tmp_path, text)
    name = "营商环境评价得分"
    assert f"- 按【{name}】从高到低排名，第1名得8分，其后每下降一个名次扣1分" in draft.text
    values = {"甲": "92", "乙": "88", "丙": "88", "丁": "70"}
    assert _totals(policy, name, values) == {
        "甲": Decimal(8),
        "乙": Decimal(7),
        "丙": Decimal(7),
        "丁": Decimal(5),  # fourth place: three behind the first
    }


def test_an_average_place_ranks_the_smallest_first(tmp_path):
    """The value ranked is itself a place: the unit with the smallest average is first."""
    text = _doc(
        "河湖管护（6分）",
        "依据全市河长制工作月度考评排名计分：年度平均排名第1名的得6分，每后退1名扣0.5分。",
    )
    draft, policy = import_text(tmp_path, text)
    name = "河长制工作月度考评年度平均排名"
    assert f"- 按【{name}】从低到高排名，第1名得6分，其后每下降一个名次扣0.5分" in draft.text
    assert _declared(draft.text, name) == "数值"
    values = {"甲": "1.5", "乙": "3", "丙": "3", "丁": "4.25"}
    assert _totals(policy, name, values) == {
        "甲": Decimal(6),
        "乙": Decimal("5.5"),
        "丙": Decimal("5.5"),
        "丁": Decimal("4.5"),
    }


def test_a_low_is_better_rate_ranked_as_the_sentence_says(tmp_path):
    text = _doc("治安防控（3分）", "按刑事案件发案率由低到高排名，第1至2名得3分，其余得1分。")
    draft, policy = import_text(tmp_path, text)
    name = "刑事案件发案率"
    assert f"- 按【{name}】从低到高排名，第1至2名得3分，其余得1分" in draft.text
    values = {"甲": "0.8", "乙": "1.2", "丙": "1.2", "丁": "2.5"}
    assert _totals(policy, name, values) == {
        "甲": Decimal(3),
        "乙": Decimal(3),
        "丙": Decimal(3),
        "丁": Decimal(1),
    }


def test_a_direction_the_sentence_does_not_tell_stays_pending(tmp_path):
    """`前2名` of a rate that should be low, or of a value of unknown sense: which end is
    first is the writer's to say; the reason gives both writings."""
    for sentence, name in (
        ("交通事故发生率位列全市前2名的得3分，其余的得1分", "交通事故发生率"),
        ("人均生活用水量位列全市前2名的得3分，其余的得1分", "人均生活用水量"),
    ):
        draft, _ = import_text(tmp_path, _doc("综合治理（3分）", sentence + "。"))
        assert "- 按【" not in draft.text, sentence
        (pending,) = pending_lines(draft.text)
        assert pending.startswith(sentence), pending
        assert f"按【{name}】从高到低排名，第1至2名得3分，其余得1分" in pending
        assert f"按【{name}】从低到高排名" in pending


def test_bands_not_read_as_written_stay_pending(tmp_path):
    """A gap between bands, a band earning more than the one before, a value that names
    nothing (`测评结果` alone): no clause; the same value named by its lead is drafted."""
    led = "开展群众满意度测评，测评结果排名第1至2名的得6分，第3至4名的得4分"
    draft, _ = import_text(tmp_path, _doc("群众评价（6分）", led + "。"))
    assert "- 按【群众满意度测评结果】从高到低排名，第1至2名得6分，第3至4名得4分" in draft.text
    for sentence in (
        "居民幸福感测评结果位居全市前2名的得6分，第4至5名的得4分，其余的得2分",
        "居民幸福感测评结果位居全市前2名的得4分，第3至4名的得6分，其余的得2分",
        "测评结果排名第1至2名的得6分，第3至4名的得4分",
    ):
        draft, _ = import_text(tmp_path, _doc("群众评价（6分）", sentence + "。"))
        assert "- 按【" not in draft.text, sentence
        assert [p.split("（")[0] for p in pending_lines(draft.text)] == [sentence]


def test_the_first_place_s_points_count_in_the_item_s_earning_part(tmp_path):
    """An item that earns by place and by a rate and deducts for events: the earning
    clauses go into a sub-item worth what they earn together (3 for the first places and
    4 for the rate), the deductions come off the item's 10."""
    text = _doc(
        "消防安全（10分）",
        "安全员巡查上报消防隐患，季均上报件数位列全市前2名的得3分，第3至4名的得2分，其余的得1分。"
        "消防设施完好率达到95%以上的得4分。发生较大火灾事故的，每起扣3分。",
    )
    draft, policy = import_text(tmp_path, text)
    assert "(1)得分条款（7分）" in draft.text
    rows = [
        {"单位": unit, "季均上报消防隐患件数": count, "消防设施完好率": rate, "较大火灾事故": fires}
        for unit, count, rate, fires in (
            ("甲", "9", "96", "0"),
            ("乙", "9", "90", "0"),
            ("丙", "6", "97", "1"),
            ("丁", "2", "80", "0"),
            ("戊", "1", "99", "0"),
        )
    ]
    totals = {r.unit: r.total for r in policy.score_batch(rows)}
    # 甲, 乙 tie first (3); 丙 third (2), 丁 fourth (2), 戊 fifth (其余 1); 3 more for all
    assert totals == {
        "甲": Decimal(10),
        "乙": Decimal(6),
        "丙": Decimal(6),
        "丁": Decimal(5),
        "戊": Decimal(8),
    }
