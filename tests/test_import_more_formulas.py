"""More formulas and bands as documents write them: a rate times the item's points
(`按…比例×6计分`), all done as the rate's 100% (`均及时送返的得5分，未及时送返的按及时送返率×5
计分`), a number over a standard the document names (`按实际数÷标准数×4计分`), a rate of a
base (`达到常住人数70%以上`), a count against a target handed down (`达到县下达目标任务的得4分，
未达到的按完成比例计分`), deadlines said after what is done (`于本年5月31日前移交完毕`) and
levels of which a year counts the highest (`同一年度按最高级别加分`).  Each is drafted only
where its ends are the sentence's; the near misses stay `待处理`.  Documents are written for
the test."""

from __future__ import annotations

from decimal import Decimal

from helpers import import_text, pending_lines


def _clauses(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.lstrip().startswith("- ")]


def _doc(item: str) -> str:
    return f"某县2026年度基层治理工作考核细则\n一、考核对象\n各乡镇人民政府。\n二、考核内容\n{item}"


def test_a_rate_times_the_item_points(tmp_path):
    text = _doc("（一）河段水质（6分）\n按辖区重点河段水质优良比例×6计分。\n")
    draft, policy = import_text(tmp_path, text)
    assert pending_lines(draft.text) == []
    assert _clauses(draft.text) == ["- 得(【重点河段水质优良比例】÷100×6)分"]
    assert "重点河段水质优良比例：" in draft.text and "百分比" in draft.text
    cases = [("100", "6"), ("87.5", "5.25"), ("50", "3"), ("0", "0")]
    for rate, score in cases:
        result = policy.score({"重点河段水质优良比例": rate})
        assert result.total == Decimal(score), rate
    _a_rate_times_other_points_stays_pending(tmp_path)


def _a_rate_times_other_points_stays_pending(tmp_path) -> None:
    """×5 in an item of 6: a full rate would earn 5 of 6, a part the sentence does not bound."""
    text = _doc("（一）河段水质（6分）\n按辖区重点河段水质优良比例×5计分。\n")
    draft, _ = import_text(tmp_path, text)
    assert any(p.startswith("按辖区重点河段水质优良比例×5计分") for p in pending_lines(draft.text))


def test_all_done_is_the_rate_at_its_full(tmp_path):
    text = _doc(
        "（一）走失老人送返（5分）\n"
        "辖区内走失老人均及时送返的得5分，未及时送返的按及时送返率×5计分。\n"
    )
    draft, policy = import_text(tmp_path, text)
    assert pending_lines(draft.text) == []
    assert _clauses(draft.text) == ["- 得(【及时送返率】÷100×5)分"]
    for rate, score in (("100", "5"), ("60", "3"), ("0", "0")):
        assert policy.score({"及时送返率": rate}).total == Decimal(score), rate
    _a_first_half_other_than_the_rate_stays_pending(tmp_path)


def _a_first_half_other_than_the_rate_stays_pending(tmp_path) -> None:
    """`按时送返` is not what `及时送返率` counts; without `均` the first half is not all."""
    for first in ("辖区内走失老人均按时送返的得5分", "辖区内走失老人及时送返的得5分"):
        sentence = f"{first}，未及时送返的按及时送返率×5计分"
        draft, _ = import_text(tmp_path, _doc(f"（一）走失老人送返（5分）\n{sentence}。\n"))
        assert any(p.startswith(sentence) for p in pending_lines(draft.text)), first


def test_a_number_over_a_named_standard(tmp_path):
    text = _doc(
        "（一）入户走访（4分）\n"
        "驻村干部按月开展入户走访，户均月走访次数达到市定标准的得4分，未达到的按实际数÷标准数×4计分。\n"
    )
    draft, policy = import_text(tmp_path, text)
    assert pending_lines(draft.text) == []
    assert _clauses(draft.text) == [
        "- 得(最小(【户均月走访次数】÷【市定户均月走访次数标准】, 1)×4)分"
    ]
    assert "市定户均月走访次数标准：" in draft.text
    assert "默认" not in draft.text.split("市定户均月走访次数标准：", 1)[1].splitlines()[0]
    cases = [("6", "3"), ("8", "4"), ("10", "4"), ("0", "0")]
    for visits, score in cases:
        facts = {"户均月走访次数": visits, "市定户均月走访次数标准": "8"}
        assert policy.score(facts).total == Decimal(score), visits
    _a_standard_formula_with_other_points_stays_pending(tmp_path)


def _a_standard_formula_with_other_points_stays_pending(tmp_path) -> None:
    sentence = "户均月走访次数达到市定标准的得4分，未达到的按实际数÷标准数×3计分"
    draft, _ = import_text(tmp_path, _doc(f"（一）入户走访（4分）\n{sentence}。\n"))
    assert any(p.startswith(sentence) for p in pending_lines(draft.text))


def test_a_rate_of_its_base(tmp_path):
    text = _doc(
        "（一）疏散演练（5分）\n"
        "各村应急疏散演练平均参与率达到常住人数70%以上的得5分，不满70%的按平均参与率÷70%×5计分。\n"
    )
    draft, policy = import_text(tmp_path, text)
    assert pending_lines(draft.text) == []
    name = "各村应急疏散演练平均参与率"
    assert _clauses(draft.text) == [f"- 得(最小(【{name}】÷70, 1)×5)分"]
    cases = [("70", "5"), ("90", "5"), ("56", "4"), ("35", "2.5"), ("0", "0")]
    for rate, score in cases:
        assert policy.score({name: rate}).total == Decimal(score), rate
    _a_rate_of_another_number_stays_pending(tmp_path)


def _a_rate_of_another_number_stays_pending(tmp_path) -> None:
    """`全县平均人数70%` is not the rate's own base."""
    sentence = (
        "各村应急疏散演练平均参与率达到全县平均人数70%以上的得5分，不满70%的按平均参与率÷70%×5计分"
    )
    draft, _ = import_text(tmp_path, _doc(f"（一）疏散演练（5分）\n{sentence}。\n"))
    assert any(p.startswith(sentence) for p in pending_lines(draft.text))


def test_a_count_against_a_target_handed_down(tmp_path):
    text = _doc(
        "（一）上门服务（4分）\n"
        "居家养老服务年度上门服务人次达到县下达目标任务的得4分，未达到的按完成比例计分。\n"
    )
    draft, policy = import_text(tmp_path, text)
    assert pending_lines(draft.text) == []
    x = "居家养老服务年度上门服务人次"
    target = f"{x}县下达目标任务"
    assert _clauses(draft.text) == [f"- 得(最小(【{x}】÷【{target}】, 1)×4)分"]
    assert f"{target}：" in draft.text
    declared = draft.text.split(f"{target}：", 1)[1].splitlines()[0]
    assert "人次" in declared and "默认" not in declared
    for done, score in (("300", "3"), ("400", "4"), ("500", "4"), ("0", "0")):
        assert policy.score({x: done, target: "400"}).total == Decimal(score), done
    _a_target_share_of_other_points_stays_pending(tmp_path)


def _a_target_share_of_other_points_stays_pending(tmp_path) -> None:
    sentence = "居家养老服务年度上门服务人次达到县下达目标任务的得3分，未达到的按完成比例计分"
    draft, _ = import_text(tmp_path, _doc(f"（一）上门服务（4分）\n{sentence}。\n"))
    assert any(p.startswith(sentence) for p in pending_lines(draft.text))


def test_deadlines_after_what_is_done(tmp_path):
    text = _doc(
        "（一）会计档案移交（3分）\n"
        "上年度会计档案于本年5月31日前移交完毕的得3分，6月30日前移交完毕的得1分，逾期移交的不得分。\n"
    )
    draft, policy = import_text(tmp_path, text)
    assert pending_lines(draft.text) == []
    name = "上年度会计档案移交日期"
    assert _clauses(draft.text) == [
        f"- 【{name}】不晚于5月31日的得3分",
        f"- 【{name}】晚于5月31日且【{name}】不晚于6月30日的得1分",
    ]
    assert "就高不就低" in draft.text and "默认12月31日" in draft.text
    cases = [("2026-04-30", "3"), ("2026-05-31", "3"), ("2026-06-01", "1"), ("2026-06-30", "1")]
    for day, score in [*cases, ("2026-07-01", "0")]:
        assert policy.score({name: day}).total == Decimal(score), day
    assert policy.score({}).total == 0  # never handed over: no date, no points
    _deadlines_that_do_not_agree_stay_pending(tmp_path)


def _deadlines_that_do_not_agree_stay_pending(tmp_path) -> None:
    """A later deadline earning more, and a second band of another verb."""
    for sentence in (
        "上年度会计档案于本年5月31日前移交完毕的得1分，6月30日前移交完毕的得3分，逾期移交的不得分",
        "上年度会计档案于本年5月31日前移交完毕的得3分，6月30日前归档完毕的得1分，逾期移交的不得分",
    ):
        draft, _ = import_text(tmp_path, _doc(f"（一）会计档案移交（3分）\n{sentence}。\n"))
        assert any(p.startswith(sentence) for p in pending_lines(draft.text)), sentence


_LEVELS = (
    "获评国家级森林防火示范单位的加4分，获评省级森林防火示范单位的加2分，同一年度按最高级别加分。"
)


def test_levels_of_a_year_take_the_highest(tmp_path):
    text = _doc(
        f"（一）日常防火（10分）\n建立森林防火巡查制度的得10分。\n三、加分项目（最高加5分）\n{_LEVELS}\n"
    )
    draft, policy = import_text(tmp_path, text)
    assert pending_lines(draft.text) == []
    assert _clauses(draft.text)[1:] == [
        "- 【获评国家级森林防火示范单位】加4分",
        "- 【获评省级森林防火示范单位】加2分",
    ]
    assert any(line.startswith("三、") and "就高不就低" in line for line in draft.text.splitlines())
    base = {"建立森林防火巡查制度": "是"}
    cases = [("是", "是", "14"), ("否", "是", "12"), ("是", "否", "14"), ("否", "否", "10")]
    for national, provincial, total in cases:
        facts = {
            **base,
            "获评国家级森林防火示范单位": national,
            "获评省级森林防火示范单位": provincial,
        }
        assert policy.score(facts).total == Decimal(total), (national, provincial)


def test_levels_beside_another_bonus_stay_pending(tmp_path):
    """就高不就低 on the item would take the highest of the other bonus too."""
    text = _doc(
        "（一）日常防火（10分）\n建立森林防火巡查制度的得10分。\n三、加分项目（最高加5分）\n"
        f"{_LEVELS}森林防火经验在省级会议上交流的，加1分。\n"
    )
    draft, _ = import_text(tmp_path, text)
    held = [p for p in pending_lines(draft.text) if p.startswith(_LEVELS.rstrip("。"))]
    assert held and "就高不就低" in held[0]
    assert not any(
        line.startswith("三、") and "就高不就低" in line for line in draft.text.splitlines()
    )
    assert "- 【森林防火经验在省级会议上交流】加1分" in _clauses(draft.text)


def test_a_standard_formula_in_a_larger_item_is_a_part(tmp_path):
    """2 of an item of 3: a sub-item of at most 2, the deduction taken from the item."""
    text = _doc(
        "（一）信息采集（3分）\n"
        "户均月走访次数达到市定标准的得2分，未达到的按实际数÷标准数×2计分。数据录入不及时的，每次扣0.5分。\n"
    )
    draft, policy = import_text(tmp_path, text)
    assert pending_lines(draft.text) == []
    assert "- 得(最小(【户均月走访次数】÷【市定户均月走访次数标准】, 1)×2)分" in _clauses(
        draft.text
    )
    standard = {"市定户均月走访次数标准": "8"}
    cases = [("8", "0", "3"), ("12", "0", "3"), ("4", "0", "2"), ("4", "2", "1"), ("0", "0", "1")]
    for visits, late, total in cases:
        facts = {**standard, "户均月走访次数": visits, "数据录入不及时": late}
        assert policy.score(facts).total == Decimal(total), (visits, late)
