"""Importing sentences about a change: this year against last year, a change in
percentage points, and deadlines as bands (compiler/importer/changes.py)."""

from __future__ import annotations

from decimal import Decimal

from helpers import import_text, pending_lines


def _clauses(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip().startswith("- ")]


def test_one_side_of_last_year_with_its_otherwise(tmp_path):
    """`持平或下降的不得分` is the exact otherwise of 增长: `【X】高于【上年X】的得N分`."""
    text = (
        "2025年度营商环境考核细则\n一、市场主体（3分）\n"
        "新登记个体工商户数同比增长的得3分，持平或下降的不得分。\n"
    )
    draft, policy = import_text(tmp_path, text)
    assert _clauses(draft.text) == ["- 【新登记个体工商户数】高于【上年新登记个体工商户数】的得3分"]
    scores = [
        policy.score({"新登记个体工商户数": now, "上年新登记个体工商户数": 120}).total
        for now in (121, 120, 119)
    ]
    assert scores == [3, 0, 0]


def test_one_side_of_last_year_leaves_level_unsaid(tmp_path):
    """`增长的得2分，下降的不得分`: 持平 is neither side; held with what to write."""
    text = "2025年度营商环境考核细则\n一、市场主体（2分）\n招引项目个数同比增长的得2分，减少的不得分。\n"
    draft, _ = import_text(tmp_path, text)
    (pending,) = pending_lines(draft.text)
    assert "持平" in pending
    assert "【招引项目个数】高于【上年招引项目个数】的得2分" in pending
    assert not _clauses(draft.text)


FUNDS = (
    "2025年度森林防火工作考核细则\n一、经费保障（5分）\n"
    "街道财政安排森林防火专项资金较上年增长的得5分，与上年持平的得3分，"
    "较上年减少的得2分，未安排的不得分。\n"
)


def test_three_sides_and_none_arranged_take_the_highest(tmp_path):
    """Three sides against last year, and 未安排 (an amount of 0) earning nothing even
    where 0 is 持平 or below last year: a sub-item that takes the highest band."""
    draft, policy = import_text(tmp_path, FUNDS)
    x, last = "街道财政安排森林防火专项资金", "上年街道财政安排森林防火专项资金"
    assert "(1)街道财政安排森林防火专项资金（5分），就高不就低" in draft.text
    assert _clauses(draft.text) == [
        f"- 【{x}】高于【{last}】的得5分",
        f"- 【{x}】等于【{last}】且【{x}】高于0的得3分",
        f"- 【{x}】低于【{last}】且【{x}】高于0的得2分",
    ]
    cases = [((31, 30), 5), ((30, 30), 3), ((29, 30), 2), ((0, 30), 0), ((0, 0), 0)]
    for (now, before), total in cases:
        assert policy.score({x: now, last: before}).total == Decimal(total), (now, before)


def test_none_arranged_with_another_earning_sentence_is_written_as_increments(tmp_path):
    """Beside another earning sentence no sub-item that takes the highest can be written:
    each band is what it adds to the one below (`complements.read_band_steps`), so the
    clauses add up to the band a unit is in, and 未安排 (0) earns nothing."""
    text = FUNDS + "资金按时拨付到位的得1分。\n"
    text = text.replace("（5分）", "（6分）")
    draft, policy = import_text(tmp_path, text)
    assert not [p for p in pending_lines(draft.text) if "专项资金" in p]
    x, last = "街道财政安排森林防火专项资金", "上年街道财政安排森林防火专项资金"
    cases = [((31, 30), 6), ((30, 30), 4), ((29, 30), 3), ((0, 30), 1), ((0, 0), 1), ((5, 0), 6)]
    for (now, before), total in cases:
        unit = {x: now, last: before, "资金按时拨付到位": "是"}
        assert policy.score(unit).total == Decimal(total), (now, before)


CHANGE = (
    "2025年度城乡环境考核细则\n一、垃圾分类（4分）\n"
    "生活垃圾回收利用率较上年提升4个百分点以上的得4分，提升不足4个百分点的得2分，未提升的不得分。\n"
    "二、绿化（8分）\n"
    "建成区绿地率较上年提高3个百分点以上的得8分，每少提高1个百分点扣2.5分。\n"
)


def test_bands_of_a_change_in_percentage_points(tmp_path):
    draft, policy = import_text(tmp_path, CHANGE)
    x, last = "生活垃圾回收利用率", "上年生活垃圾回收利用率"
    assert f"- 【{x}】−【{last}】4个百分点以上的得4分" in _clauses(draft.text)
    assert f"- 【{x}】高于【{last}】且【{x}】−【{last}】低于4个百分点的得2分" in _clauses(
        draft.text
    )
    green = {"建成区绿地率": "40", "上年建成区绿地率": "37"}
    cases = [("54", 4), ("53.9", 2), ("50.1", 2), ("50", 0), ("48", 0)]
    for now, earned in cases:
        result = policy.score({x: now, last: "50", **green})
        assert result.nodes["一"].score == Decimal(earned), now


def test_a_standard_on_the_change_with_steps(tmp_path):
    draft, policy = import_text(tmp_path, CHANGE)
    assert (
        "- 【建成区绿地率】−【上年建成区绿地率】达到3个百分点以上的得8分，每少1个百分点扣2.5分"
        in _clauses(draft.text)
    )
    waste = {"生活垃圾回收利用率": "50", "上年生活垃圾回收利用率": "50"}
    # change 3 → 8; 2.5 (short 0.5, no whole step) → 8; 1.5 → 5.5; 0 → 0.5; −1 → 0
    cases = [("43", 8), ("42.5", 8), ("41.5", "5.5"), ("40", "0.5"), ("39", 0)]
    for now, score in cases:
        result = policy.score({"建成区绿地率": now, "上年建成区绿地率": "40", **waste})
        assert result.nodes["二"].score == Decimal(score), now


def test_changes_that_are_not_read(tmp_path):
    """A count (not a rate) in percentage points and a second band earning as much as
    the first stay pending."""
    text = (
        "2025年度城乡环境考核细则\n一、甲（3分）\n"
        "受理投诉件数较上年下降3个百分点以上的得3分，下降不足3个百分点的得1分，未下降的不得分。\n"
        "二、丙（3分）\n"
        "污水收集率较上年提升3个百分点以上的得3分，提升不足3个百分点的得3分，未提升的不得分。\n"
        "三、丁（3分）\n"
        "污水收集率较上年提升3个百分点以上的得3分，提升不足3个百分点的得1分，未提升的不得分。\n"
    )
    draft, _ = import_text(tmp_path, text)
    assert len(pending_lines(draft.text)) == 2
    assert len(_clauses(draft.text)) == 2  # only the last item's bands


DEADLINES = (
    "2025年度防汛工作考核细则\n一、预案（3分）\n"
    "5月底前修订防汛抢险应急预案的得3分，6月15日前修订的得1分，逾期或未修订的不得分。\n"
    "二、演练（2分）\n"
    "【防汛演练次数】不少于2次，每少1次扣1分。\n"
)


def test_deadlines_as_bands(tmp_path):
    draft, policy = import_text(tmp_path, DEADLINES)
    name = "修订防汛抢险应急预案日期"
    assert _clauses(draft.text)[:2] == [
        f"- 【{name}】不晚于5月31日的得3分",
        f"- 【{name}】晚于5月31日且【{name}】不晚于6月15日的得1分",
    ]
    assert f"{name}：" in draft.text and "默认12月31日" in draft.text
    cases = [("2025-05-31", 3), ("2025-06-01", 1), ("2025-06-15", 1), ("2025-06-16", 0)]
    for day, score in cases:
        result = policy.score({name: day, "防汛演练次数": 2})
        assert result.nodes["一"].score == Decimal(score), day
    # never revised: no date, no data error, no points
    assert policy.score({"防汛演练次数": 2}).nodes["一"].score == 0


def test_deadlines_that_are_not_read(tmp_path):
    """February's end depends on the year; a later band earning as much; another verb."""
    text = (
        "2025年度防汛工作考核细则\n一、甲（2分）\n"
        "2月底前印发工作要点的得2分，3月底前印发的得1分，逾期或未印发的不得分。\n"
        "二、乙（2分）\n"
        "3月底前印发工作要点的得2分，4月底前印发的得2分，逾期或未印发的不得分。\n"
        "三、丙（2分）\n"
        "3月底前印发工作要点的得2分，4月底前报送的得1分，逾期或未印发的不得分。\n"
        "四、丁（2分）\n"
        "3月底前印发工作要点的得2分，4月底前印发的得1分，逾期未印发的不得分。\n"
    )
    draft, _ = import_text(tmp_path, text)
    assert len(pending_lines(draft.text)) == 3
    assert _clauses(draft.text) == [
        "- 【印发工作要点日期】不晚于3月31日的得2分",
        "- 【印发工作要点日期】晚于3月31日且【印发工作要点日期】不晚于4月30日的得1分",
    ]


def test_a_measure_said_again_is_not_a_second_fact(tmp_path):
    """`…较上年提高2个百分点以上的得4分，提高不足2个百分点的得2分`: `提高` is the first
    part's measure said again, not a fact of its own (it was drafted as `【提高】不足…`);
    with the low end of the second band unsaid, the sentence is held."""
    text = (
        "2025年度林业工作考核细则\n一、生态（4分）\n"
        "森林覆盖率较上年提高2个百分点以上的得4分，提高不足2个百分点的得2分。\n"
    )
    draft, _ = import_text(tmp_path, text)
    assert not _clauses(draft.text)
    (pending,) = pending_lines(draft.text)
    assert pending.startswith("森林覆盖率较上年提高2个百分点以上的得4分")
    assert "【提高】" not in draft.text and "  提高：" not in draft.text
