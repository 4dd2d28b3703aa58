"""Counting verbs of news and honours (`每被采用1条加0.5分`, `每获得1项加1分`), standards
named but not numbered (`每低于目标值1天`), and a fixed base around a named fact
(`以【发案率】12%为基准`) — docs/language.md 9.1 and 9.23.
"""

from __future__ import annotations

import pytest
from helpers import item_totals, one_item, one_refusal


def totals(clause: str, facts: str, name: str, values: list[str], extra: str = "") -> list:
    text = one_item(clause, facts)
    if extra:
        text = text.replace("\n一、", f"\n参数：\n  {extra}\n\n一、", 1)
    return item_totals(text, name, values)


def refusal(clause: str, facts: str):
    return one_refusal(one_item(clause, facts))


@pytest.mark.parametrize(
    "clause",
    [
        "【信息条数】每采用1条加0.5分，最多加2分",
        "【信息条数】每被采用1条加0.5分，最多加2分",
        "【信息条数】每被录用一条加0.5分，最多加2分",
        "【信息条数】每刊发1条加0.5分，最多加2分",
    ],
)
def test_news_counting_verbs_only_say_what_is_counted(clause):
    assert totals(clause, "  信息条数：条\n", "信息条数", ["0", "1", "9"]) == ["6", "6.5", "8"]


@pytest.mark.parametrize(
    ("clause", "fact", "unit", "scores"),
    [
        ("【未采用信息】每被采用1条加0.5分", "未采用信息", "条", ["6", "7"]),
        ("【未获奖项目】每获得1项加1分", "未获奖项目", "项", ["6", "8"]),
        ("【未完成项目】每完成1项得1分", "未完成项目", "项", ["0", "2"]),
        # a verb of what went wrong on a name that negates it: the points would go to
        # what did not happen
        ("【未通报】每被通报1次扣2分", "未通报", "次", ["6", "2"]),
        ("【未通报次数】每被通报批评1次扣2分", "未通报次数", "次", ["6", "2"]),
        ("【未迟报次数】每迟报一次扣0.5分", "未迟报次数", "次", ["6", "5"]),
        ("【未发生事故】每发生1起扣2分", "未发生事故", "起", ["6", "2"]),
        ("【未发现问题】每发现1个扣0.5分", "未发现问题", "个", ["6", "5"]),
        ("【未逾期天数】每逾期1天扣0.5分", "未逾期天数", "天", ["6", "5"]),
        ("【未超期天数】超期一天扣0.5分", "未超期天数", "天", ["6", "5"]),
        ("【未漏报】有一次漏报扣1分", "未漏报", "次", ["6", "4"]),
    ],
)
def test_a_verb_of_what_was_done_is_never_read_on_a_fact_of_what_was_not(
    clause, fact, unit, scores
):
    """`【未采用信息】每被采用1条加0.5分`: read as written the bonus goes to the reports turned
    down.  Refused, with the sentence written on a fact of what was done, which scores
    as it says."""
    refused = refusal(clause, f"  {fact}：{unit}\n")
    assert refused.code == "E116"
    written = str(refused.args["suggest"]).removeprefix("写 ").split("（", 1)[0]
    done = fact.removeprefix("未")
    assert written == clause.replace(fact, done)
    assert totals(written, f"  {done}：{unit}\n", done, ["0", "2"]) == scores


@pytest.mark.parametrize(
    ("clause", "fact", "unit", "scores"),
    [
        # 发现 is neutral; 完成 does not follow the 不 of 【不合格项目】 (not what 不 negates)
        ("【未整改问题】每发现1个问题扣0.5分", "未整改问题", "个", ["6", "5"]),
        ("【不合格项目】每完成1项得1分", "不合格项目", "项", ["0", "2"]),
        ("【未上报次数】每次扣1分", "未上报次数", "次", ["6", "4"]),
        # the step's own 未 (每未巡查) agrees with the name; 有 is no action the name
        # negates (无 is of 有效证件); 迟报 does not follow the 未 of 【未值班值守迟报】
        ("【未巡查次数】每未巡查1次扣1分", "未巡查次数", "次", ["6", "4"]),
        ("【无有效证件人数】每有1人扣1分", "无有效证件人数", "人", ["6", "4"]),
        ("【缺会次数】每缺1次扣1分", "缺会次数", "次", ["6", "4"]),
        ("【漏报次数】每漏报1次扣1分", "漏报次数", "次", ["6", "4"]),
    ],
)
def test_a_verb_beside_a_negated_name_that_it_does_not_turn_round_reads(clause, fact, unit, scores):
    assert totals(clause, f"  {fact}：{unit}\n", fact, ["0", "2"]) == scores


def test_an_honour_gained_counts_as_written():
    assert totals("【荣誉】每获得1项加1分", "  荣誉：项\n", "荣誉", ["0", "2"]) == ["6", "8"]


@pytest.mark.parametrize(
    ("clause", "facts", "name", "param", "values", "expected"),
    [
        (
            "【上报天数】每低于目标值1天扣0.2分",
            "  上报天数：天\n",
            "上报天数",
            "5天",
            ["0", "4", "5", "7"],
            ["5", "5.8", "6", "6"],
        ),
        (
            "【事故】每超过控制指标1起扣1分",
            "  事故：起\n",
            "事故",
            "3起",
            ["0", "3", "5"],
            ["6", "6", "4"],
        ),
        (
            "【PM25】每超过目标值35微克/立方米1微克/立方米扣0.5分",
            "  PM25：微克/立方米\n",
            "PM25",
            None,  # the hint carries the number written in the sentence
            ["30", "36", "40"],
            ["6", "5.5", "3.5"],
        ),
    ],
)
def test_a_named_standard_is_refused_for_a_parameter(clause, facts, name, param, values, expected):
    diagnostic = refusal(clause, facts)
    assert diagnostic.code == "E116"
    hint = diagnostic.hint()
    declared, written = hint.removeprefix("在 参数： 中写 ").split("，条款写 ")
    standard, value = declared.split(" = ")
    if param is None:
        param = value
    else:
        assert value == "（原文的数值）"
    # the clause as the hint says, with the step and the amount of the sentence after it
    tail = clause.split(standard, 1)[1]
    if value != "（原文的数值）":
        tail = tail.removeprefix(value)
    rewritten = clause.split("每", 1)[0] + written.removesuffix("…") + tail
    assert totals(rewritten, facts, name, values, f"{standard} = {param}") == expected


def test_a_fixed_base_around_a_named_fact_is_refused_with_the_formula():
    diagnostic = refusal(
        "以【发案率】12%为基准，每下降1个百分点加1分，每上升1个百分点扣1分", "  发案率：百分比\n"
    )
    assert diagnostic.code == "E116"
    formula = diagnostic.hint().split("：", 1)[1].split("（结果", 1)[0]
    assert formula == "得(5+取整(最大(12−【发案率】,0))×1−取整(最大(【发案率】−12,0))×1)分"
    values = ["12%", "10%", "14.5%"]
    assert totals(f"【发案率】{formula}", "  发案率：百分比\n", "发案率", values) == [
        "5",
        "6",
        "3",
    ]  # 10%: 7, capped at the item's 6


@pytest.mark.parametrize(
    ("clause", "name", "unit"),
    [
        ("【信息】每被省级采用1条加0.5分", "信息被省级采用", "条"),
        ("【信息】每被市级以上采用1条加0.5分", "信息被市级以上采用", "条"),
        ("【信息】每被中央媒体刊发一条加0.5分", "信息被中央媒体刊发", "条"),
    ],
)
def test_words_before_what_is_counted_go_into_the_facts_name(clause, name, unit):
    """`每被省级采用1条`: only the pieces adopted at that level count — a fact of its own,
    which the hint names and writes; the written clause scores each piece."""
    diagnostic = refusal(clause, "  信息：条\n")
    assert diagnostic.code == "E116"
    written = f"【{name}】每{unit}加0.5分"
    assert diagnostic.hint() == f"写成 {written}（数据： 中声明 {name}：{unit}）"
    assert totals(written, f"  {name}：{unit}\n", name, ["0", "3"]) == ["6", "7.5"]


@pytest.mark.parametrize("clause", ["【信息】每未被采用1条扣0.5分", "【信息】每超过采用1条加0.5分"])
def test_a_negation_or_a_comparison_is_never_moved_into_a_name(clause):
    text = one_item(clause, "  信息：条\n")
    try:
        diagnostic = one_refusal(text)
    except AssertionError:  # it compiled: read as the language reads it, not renamed
        return
    assert "信息未被采用】" not in (diagnostic.hint() or "")
    assert "信息超过采用】" not in (diagnostic.hint() or "")


@pytest.mark.parametrize(
    "facts, clause, values, expected",
    [
        ("  逾期天数：天\n", "【逾期天数】每逾期1天扣0.5分", [0, 1, 5], ["6", "5.5", "3.5"]),
        ("  超期天数：天\n", "【超期天数】每超期1天扣0.5分", [0, 1, 5], ["6", "5.5", "3.5"]),
        ("  超时时长：小时\n", "【超时时长】每超时1小时扣1分", [0, 2], ["6", "4"]),
        # one day without 每 is every day, as `迟报一次` is every report late
        ("  逾期天数：天\n", "【逾期天数】逾期1天扣0.5分", [0, 1, 5], ["6", "5.5", "3.5"]),
        ("  超期天数：天\n", "【超期天数】超期一天扣0.5分", [0, 1, 5], ["6", "5.5", "3.5"]),
    ],
)
def test_days_late_named_by_their_verb_are_each_counted(facts, clause, values, expected):
    """`【逾期天数】每逾期1天扣0.5分`: the fact holds the days late themselves (E112 before,
    asking for a standard the sentence has no need of)."""
    name = clause[1 : clause.index("】")]
    assert item_totals(one_item(clause, facts), name, values) == expected


@pytest.mark.parametrize("clause", ["【办理天数】每逾期1天扣0.5分", "【办理天数】逾期1天扣0.5分"])
def test_days_late_of_another_fact_ask_which_it_is_and_both_readings_compile(clause):
    diagnostic = one_refusal(one_item(clause, "  办理天数：天\n"))
    assert diagnostic.code == "E112"
    hint = diagnostic.hint()
    named = "【逾期办理天数】每逾期1天扣0.5分"
    limited = "【办理天数】超过5天的，每超1天扣0.5分"
    assert named in hint and limited in hint
    late = item_totals(one_item(named, "  逾期办理天数：天\n"), "逾期办理天数", [0, 3])
    assert late == ["6", "4.5"]
    taken = item_totals(one_item(limited, "  办理天数：天\n"), "办理天数", [5, 8])
    assert taken == ["6", "4.5"]


def test_days_late_without_mei_are_one_each_or_refused():
    """`逾期2天扣0.5分`: each two days, or from two on? refused, as `迟报两次` is."""
    diagnostic = one_refusal(one_item("【逾期天数】逾期2天扣0.5分", "  逾期天数：天\n"))
    assert "每2天" in diagnostic.hint() and "2天以上" in diagnostic.hint()


def test_overdue_is_never_offered_as_a_slip_for_past_a_number():
    """`超期1天扣0.5分` is not a slip for `超出1天`: one counts each day, the other a bound."""
    diagnostic = one_refusal(one_item("【办理天数】超期1天扣0.5分", "  办理天数：天\n"))
    assert "超出" not in diagnostic.message() + diagnostic.hint()


@pytest.mark.parametrize(
    "clause",
    [
        "【安全事故】每起扣2分，3起及以上的不得分",
        "【安全事故】每发生1起扣2分，发生3起及以上的，不得分",
        "【安全事故】每起扣2分，达到3起的，本项不得分",
    ],
)
def test_a_count_that_zeroes_the_item_after_a_rate_is_a_rule_of_its_own(clause):
    """`每起扣2分，3起及以上的不得分`: two rules, as with ； (E101 before, asking for ；)."""
    facts = "  安全事故：起\n"
    apart = clause.replace("分，", "分；", 1)
    values = [0, 1, 2, 3, 5]
    expected = ["6", "4", "2", "0", "0"]
    assert item_totals(one_item(clause, facts), "安全事故", values) == expected
    assert item_totals(one_item(apart, facts), "安全事故", values) == expected


@pytest.mark.parametrize("bound", ["3起及以上", "超过2起", "3起以上"])
def test_a_count_with_an_amount_after_a_rate_is_refused_with_both_readings(bound):
    """`每起扣2分，3起及以上的扣10分`: 10 instead of 2 each, or on top? Both written out,
    each compiled and scored (a 20-point item: the readings differ)."""
    facts = "  安全事故：起\n"
    diagnostic = one_refusal(one_item(f"【安全事故】每起扣2分，{bound}的扣10分", facts, points=20))
    assert diagnostic.code == "E116"
    hint = diagnostic.hint()
    readings = [part.split("的写 ", 1)[1] for part in hint.split("；代替")]
    on_top, instead = readings[0], readings[1].split("，或 ")
    values = [2, 3, 4]
    assert item_totals(one_item(on_top, facts, points=20), "安全事故", values) == ["16", "4", "2"]
    # bare 以上: one per side of 3 (the header's 边界 decides whether 3 is in)
    expected = [["16", "10", "10"], ["16", "14", "10"]][: len(instead)]
    got = [item_totals(one_item(w, facts, points=20), "安全事故", values) for w in instead]
    assert got == expected


@pytest.mark.parametrize(
    ("bound", "on_top", "instead"),
    [
        ("3起及以上", ["16", "4", "2"], ["16", "10", "10"]),
        ("超过2起", ["16", "4", "2"], ["16", "10", "10"]),
        ("超过3起", ["16", "14", "2"], ["16", "14", "10"]),
    ],
)
def test_the_same_sentence_with_a_semicolon_is_refused_too(bound, on_top, instead):
    """`每起扣2分；3起及以上的扣10分` is the sentence above with `；` for `，`: it asks the
    same question (it was read on top, silently), and both readings it writes compile
    and score as they say."""
    facts = "  安全事故：起\n"
    diagnostic = one_refusal(one_item(f"【安全事故】每起扣2分；{bound}的扣10分", facts, points=20))
    assert diagnostic.code == "E116"
    assert f"{bound}的扣10分" in diagnostic.message()
    added, written = [part.split("的写 ", 1)[1] for part in diagnostic.hint().split("；代替")]
    values = [2, 3, 4]
    assert item_totals(one_item(added, facts, points=20), "安全事故", values) == on_top
    assert item_totals(one_item(written, facts, points=20), "安全事故", values) == instead


@pytest.mark.parametrize(
    ("bound", "on_top", "instead"),
    [
        # values 2, 3, 5, 6 on a 20-point item; past 5 the instead reading says nothing
        ("3起及以上且不超过5起", ["16", "4", "0", "8"], ["16", "10", "10", "20"]),
        ("3起（含）至5起（含）", ["16", "4", "0", "8"], ["16", "10", "10", "20"]),
        ("超过2起且低于6起", ["16", "4", "0", "8"], ["16", "10", "10", "20"]),
    ],
)
def test_a_range_with_an_amount_after_a_rate_is_refused_too(bound, on_top, instead):
    """`每起扣2分；3起及以上且不超过5起的扣10分` was read on top, silently, where the
    one-sided tier asks: the same question now, both readings written in the language's
    words and scored, and the instead reading says the count past the range is unsaid."""
    facts = "  安全事故：起\n"
    diagnostic = one_refusal(one_item(f"【安全事故】每起扣2分；{bound}的扣10分", facts, points=20))
    assert diagnostic.code == "E116"
    added, written = [part.split("的写 ", 1)[1] for part in diagnostic.hint().split("；代替")]
    written, past = written.split("（", 1)
    assert past.endswith("的怎么扣，另写一条）")
    values = [2, 3, 5, 6]
    assert item_totals(one_item(added, facts, points=20), "安全事故", values) == on_top
    assert item_totals(one_item(written, facts, points=20), "安全事故", values) == instead


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        # said on top, the item's points taken, exact counts: each reads as written
        ("【安全事故】每起扣2分；3起及以上的另扣10分", ["16", "4", "2"]),
        ("【安全事故】每起扣2分；3起及以上的不得分", ["16", "0", "0"]),
        ("【安全事故】每起扣2分；等于3起的，扣1分", ["16", "13", "12"]),
        ("【安全事故】低于3起的，每起扣2分；3起及以上的扣10分", ["16", "10", "10"]),
    ],
)
def test_tiers_beside_a_rate_that_say_how_they_add_read_as_written(clause, expected):
    facts = "  安全事故：起\n"
    assert item_totals(one_item(clause, facts, points=20), "安全事故", [2, 3, 4]) == expected


@pytest.mark.parametrize(
    "clause",
    [
        "【问题数】每个问题扣0.5分",
        "【问题数】每发现一个问题扣0.5分",
        "【问题数】每发现1个问题扣0.5分",
        # one without 每 is each one, as `迟报一次扣1分`
        "【问题数】发现一个问题扣0.5分",
        "【问题数】一个问题扣0.5分",
    ],
)
def test_the_noun_after_the_unit_is_what_the_fact_counts(clause):
    facts = "  问题数：个\n"
    assert item_totals(one_item(clause, facts), "问题数", [0, 3]) == ["6", "4.5"]


@pytest.mark.parametrize(
    ("clause", "written", "scores"),
    [
        ("【问题数】每个加倍扣0.5分", "【问题数】每个扣1分", ["6", "3"]),
        ("【问题数】每个双倍扣0.5分，最多扣2分", "【问题数】每个扣1分，最多扣2分", ["6", "4"]),
        ("【问题数】每个追加扣0.5分", "【问题数】每个另扣0.5分", ["6", "4.5"]),
    ],
)
def test_a_word_of_the_amount_is_never_offered_as_a_fact(clause, written, scores):
    """`每件加倍扣0.5分` was told to declare a fact named 加倍 (and lose 【问题数】): the word
    speaks of the amount — doubled, written out; on top, 另扣."""
    diagnostic = one_refusal(one_item(clause, "  问题数：个\n"))
    assert diagnostic.code == "E116"
    hint = diagnostic.hint()
    assert "声明" not in hint and f"写 {written}" in hint
    assert item_totals(one_item(written, "  问题数：个\n"), "问题数", [0, 3]) == scores


def test_a_noun_that_names_only_some_of_what_the_fact_counts_is_not_dropped():
    """`【投诉】每件有效投诉扣1分`: only the valid ones — never read as every complaint; the
    hint names a fact of its own, and that sentence compiles."""
    diagnostic = one_refusal(one_item("【投诉】每件有效投诉扣1分", "  投诉：件\n"))
    assert diagnostic.code == "E116"
    written = "【有效投诉】每件扣1分"
    assert written in diagnostic.hint() and "有效投诉：件" in diagnostic.hint()
    assert item_totals(one_item(written, "  有效投诉：件\n"), "有效投诉", [2]) == ["4"]


def test_a_unit_that_ends_in_a_word_of_the_facts_name_is_kept_whole():
    """`每缺1个月` on 【超期月数】: 月 ends the unit 个月, it names nothing to drop."""
    clause = "【超期月数】每缺１个月扣0.5分"
    assert item_totals(one_item(clause, "  超期月数：个月\n"), "超期月数", [0, 2]) == ["6", "5"]


def test_a_count_beside_a_fact_is_never_offered_as_part_of_its_name():
    """`【问题数】发现两个问题扣0.5分` (each two, or from two on?) is refused for the count,
    never with a fact named `问题数发现两个问题`."""
    diagnostic = one_refusal(one_item("【问题数】发现两个问题扣0.5分", "  问题数：个\n"))
    assert "问题数发现" not in (diagnostic.hint() or "")
