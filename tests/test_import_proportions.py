"""Sentences that score in proportion to a completion, a rate or a ratio
(`compiler/importer/proportions.py`): a share of a target handed down that is a part of its
item, a rate done in a time limit, a rise over last year in percentage points, a rate of
fall against a target, and the two halves of a share of an average the document names.
Each draft is compiled and scored at its ends (exactly at the target, just below it, at
zero); the near misses stay `待处理` with a reason.  Documents are written for the test."""

from __future__ import annotations

from decimal import Decimal

from helpers import import_text, pending_lines


def _doc(*items: str) -> str:
    body = "\n".join(items)
    return f"某县2026年度民生实事考核细则\n一、考核对象\n各乡镇人民政府。\n二、考核内容\n{body}\n"


def _clauses(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.lstrip().startswith("- ")]


def _declared(text: str, name: str) -> str:
    (line,) = [line for line in text.splitlines() if line.startswith(f"  {name}：")]
    return line.split("：", 1)[1].split("#")[0].strip()


def _pending(text: str, sentence: str) -> str:
    """The reason the draft gives for leaving `sentence` pending (fails if it is not)."""
    (reason,) = [p for p in pending_lines(text) if p.startswith(sentence)]
    return reason[len(sentence) :]


def test_a_share_of_a_target_that_is_a_part_of_its_item(tmp_path):
    """4 of an item of 8, beside a deduction: a sub-item of 4 the deduction does not
    take from; the target is a percentage with no default, like the rate."""
    text = _doc(
        "（一）污水收集（8分）",
        "城镇污水集中收集率达到年度目标任务的得4分，未达到的按完成比例计分。"
        "发生饮用水源污染事件的，每起扣2分。",
    )
    draft, policy = import_text(tmp_path, text)
    assert pending_lines(draft.text) == []
    x, t = "城镇污水集中收集率", "城镇污水集中收集率年度目标任务"
    assert f"- 得(最小(【{x}】÷【{t}】, 1)×4)分" in _clauses(draft.text)
    assert "(1)城镇污水集中收集率（4分）" in draft.text
    assert _declared(draft.text, x) == "百分比" and _declared(draft.text, t) == "百分比"
    # at the target and above 4, just below it the share, at zero 0; the events take
    # from the other 4 points
    cases = [
        ("80", "0", "8"),
        ("95", "0", "8"),
        ("79.99", "0", "7.9995"),
        ("60", "0", "7"),
        ("0", "0", "4"),
        ("80", "1", "6"),
    ]
    for done, events, total in cases:
        facts = {x: done, t: "80", "饮用水源污染事件": events}
        assert policy.score(facts).total == Decimal(total), (done, events)


def test_a_count_against_a_target_beside_other_points(tmp_path):
    """A count (人次) against the district's target: both of type 人次."""
    text = _doc(
        "（一）助餐服务（6分）",
        "建立老年助餐服务台账的得2分。"
        "老年助餐年度服务人次达到区下达目标任务的得4分，未达到的按完成比例计分。",
    )
    draft, policy = import_text(tmp_path, text)
    assert pending_lines(draft.text) == []
    x, t = "老年助餐年度服务人次", "老年助餐年度服务人次区下达目标任务"
    assert f"- 得(最小(【{x}】÷【{t}】, 1)×4)分" in _clauses(draft.text)
    assert _declared(draft.text, x) == "人次" and _declared(draft.text, t) == "人次"
    (ledger,) = [c[3:].split("】")[0] for c in _clauses(draft.text) if "台账" in c]
    for done, total in (("1200", "6"), ("1500", "6"), ("1199", "5.99666666666666666666666667")):
        score = policy.score({x: done, t: "1200", ledger: "是"}).total
        assert abs(score - Decimal(total)) < Decimal("1e-20"), done
    assert policy.score({x: "600", t: "1200", ledger: "否"}).total == Decimal(2)


def test_a_share_alone_in_a_larger_item_stays_pending(tmp_path):
    """3 of an item of 5, and nothing else: no sentence earns the other 2."""
    sentence = "城镇污水集中收集率达到市下达目标任务的得3分，未达到的按完成比例计分"
    draft, _ = import_text(tmp_path, _doc("（一）污水收集（5分）", f"{sentence}。"))
    _pending(draft.text, sentence)


def test_a_rate_done_within_a_time_limit(tmp_path):
    text = _doc(
        "（一）走失人员送返（6分）",
        "对走失的智障人员，发现后1小时内送返家属的得3分，未及时送返的按及时送返率×3计分。"
        "建立走失人员救助台账的得3分。",
    )
    draft, policy = import_text(tmp_path, text)
    assert pending_lines(draft.text) == []
    assert "- 得(【及时送返率】÷100×3)分" in _clauses(draft.text)
    assert _declared(draft.text, "及时送返率") == "百分比"
    (ledger,) = [c[3:].split("】")[0] for c in _clauses(draft.text) if "台账" in c]
    for rate, total in (("100", "6"), ("99.9", "5.997"), ("50", "4.5"), ("0", "3")):
        assert policy.score({"及时送返率": rate, ledger: "是"}).total == Decimal(total), rate


def test_near_misses_of_a_rate_in_time_stay_pending(tmp_path):
    """No time limit (the precedent keeps `及时送返的得3分` without 均 pending), a rate of
    another verb, and a formula whose points are not the first half's."""
    for sentence in (
        "走失的智障人员及时送返家属的得3分，未及时送返的按及时送返率×3计分",
        "对走失的智障人员，发现后1小时内送返家属的得3分，未及时护送的按及时护送率×3计分",
        "对走失的智障人员，发现后1小时内送返家属的得3分，未及时送返的按及时送返率×4计分",
    ):
        text = _doc("（一）走失人员送返（6分）", f"{sentence}。建立走失人员救助台账的得3分。")
        draft, _ = import_text(tmp_path, text)
        _pending(draft.text, sentence)


def test_a_rise_over_last_year_in_points(tmp_path):
    text = _doc(
        "（一）网上办理（5分）",
        "“一网通办”事项占比较上年提高4个百分点以上的得3分，提高不足4个百分点的按提高幅度÷4×3计分，"
        "未提高的不得分；差评整改率达到100%的得2分，每有1件差评未按期整改扣0.5分。",
    )
    draft, policy = import_text(tmp_path, text)
    assert pending_lines(draft.text) == []
    x, last = "一网通办事项占比", "上年一网通办事项占比"
    assert f"- 得(最小(最大(【{x}】−【{last}】, 0)÷4, 1)×3)分" in _clauses(draft.text)
    assert _declared(draft.text, x) == "百分比" and _declared(draft.text, last) == "百分比"
    cases = [("64", "3"), ("70", "3"), ("63.99", "2.9925"), ("62", "1.5"), ("60", "0"), ("57", "0")]
    for now, earned in cases:
        facts = {x: now, last: "60", "差评未按期整改": "0"}
        assert policy.score(facts).total == Decimal(earned) + 2, now


def test_a_rise_whose_numbers_disagree_stays_pending(tmp_path):
    sentence = (
        "“一网通办”事项占比较上年提高5个百分点以上的得3分，提高不足5个百分点的按提高幅度÷4×3计分"
    )
    draft, _ = import_text(tmp_path, _doc("（一）网上办理（3分）", f"{sentence}。"))
    _pending(draft.text, sentence)


def test_a_rate_of_fall_against_a_target(tmp_path):
    """The fall is a 数值 (a rise filled in as a negative fall scores 0, the document's
    `较上年上升的不得分`); the target a percentage; a part of 3 in an item of 6."""
    text = _doc(
        "（一）节能降耗（6分）",
        "单位地区生产总值能耗较上年下降率达到市下达目标的得3分，未达到的按实际下降率÷目标下降率×3计分，"
        "较上年上升的不得分。新创建节约型机关的，每个得1分，最高得3分。",
    )
    draft, policy = import_text(tmp_path, text)
    assert pending_lines(draft.text) == []
    x = "单位地区生产总值能耗较上年下降率"
    t = f"{x}市下达目标"
    assert f"- 得(最小(【{x}】÷【{t}】, 1)×3)分" in _clauses(draft.text)
    assert _declared(draft.text, x) == "数值" and _declared(draft.text, t) == "百分比"
    (created,) = [c[3:].split("】")[0] for c in _clauses(draft.text) if "节约型机关" in c]
    cases = [("4", "3"), ("6", "3"), ("3", "2.25"), ("3.99", "2.9925"), ("0", "0"), ("-1.5", "0")]
    for fall, earned in cases:
        assert policy.score({x: fall, t: "4", created: "0"}).total == Decimal(earned), fall


def test_a_rate_of_fall_of_other_points_stays_pending(tmp_path):
    sentence = "单位地区生产总值能耗较上年下降率达到市下达目标的得3分，未达到的按实际下降率÷目标下降率×4计分"
    draft, _ = import_text(tmp_path, _doc("（一）节能降耗（3分）", f"{sentence}。"))
    _pending(draft.text, sentence)


def test_the_two_halves_of_a_share_of_the_city_average(tmp_path):
    """`；` parts the halves in the document; read as one line.  The city's average is a
    fact every unit fills in alike (the units scored are a county's townships)."""
    text = _doc(
        "（一）康复巩固（4分）",
        "社区康复人员稳定就业占比达到全市平均水平以上的得4分；"
        "低于全市平均水平的，按本地占比÷全市平均占比×4计分。",
    )
    draft, policy = import_text(tmp_path, text)
    assert pending_lines(draft.text) == []
    x, mean = "社区康复人员稳定就业占比", "全市平均社区康复人员稳定就业占比"
    assert _clauses(draft.text) == [f"- 得(最小(【{x}】÷【{mean}】, 1)×4)分"]
    assert _declared(draft.text, mean) == "百分比"
    for own, total in (("40", "4"), ("55", "4"), ("39.6", "3.96"), ("30", "3"), ("0", "0")):
        assert policy.score({x: own, mean: "40"}).total == Decimal(total), own


def test_halves_of_another_average_stay_pending(tmp_path):
    """`÷全市最高占比` is not the average of the first half; `÷全市平均人数` not its value."""
    for second in (
        "低于全市平均水平的，按本地占比÷全市最高占比×4计分",
        "低于全市平均水平的，按本地人数÷全市平均人数×4计分",
    ):
        text = _doc(
            "（一）康复巩固（4分）",
            f"社区康复人员稳定就业占比达到全市平均水平以上的得4分；{second}。",
        )
        draft, _ = import_text(tmp_path, text)
        assert any(p.startswith(second) or second in p for p in pending_lines(draft.text)), second


def test_a_share_deducted_of_no_points_said_stays_pending(tmp_path):
    sentence = "网格员未按要求完成走访任务的，按未完成走访任务的比例扣分，最多扣2分"
    text = _doc("（一）网格走访（6分）", f"{sentence}。建立走访工作台账的得6分。")
    draft, _ = import_text(tmp_path, text)
    reason = _pending(draft.text, sentence)
    assert "两种读法" in reason and "本项分值×未完成比例" in reason


def test_bands_of_a_share_of_the_mean_up_to_the_mean_stay_pending(tmp_path):
    """`高于平均数的得3分，达到平均数70%以上的得2分`: a unit exactly at the mean earns 2 as
    written, a band the language's shares of the mean cannot close at the mean."""
    sentence = (
        "执法人员人均检查企业家次高于全县乡镇平均数的得3分，达到平均数70%以上的得2分，"
        "不满平均数70%的得1分"
    )
    draft, _ = import_text(tmp_path, _doc("（一）执法检查（3分）", f"{sentence}。"))
    reason = _pending(draft.text, sentence)
    assert "到平均数为止" in reason and "但低于平均数" in reason
