"""Wordings copied from scoring tables: a count tier after a per-occurrence clause without
每 (`发生1起扣2分；2起及以上的，不得分`), tiers joined by commas (the hint says ；),
the item's whole points taken in words (`扣除该项全部分值`), bounds and ranges without 的
(`90%（含）以上得6分`), and a negated verb beside a fact (`未建立【制度】`).
"""

from __future__ import annotations

import pytest
from helpers import item_totals, one_item, one_refusal


def totals(clause: str, facts: str, name: str, values) -> list:
    return item_totals(one_item(clause, facts), name, values)


def refusal(clause: str, facts: str):
    return one_refusal(one_item(clause, facts))


ACCIDENTS = "  事故：起\n"


@pytest.mark.parametrize(
    "clause",
    [
        "【事故】发生1起扣2分；2起及以上的，不得分",
        "【事故】1起扣2分；2起及以上不得分",
        "【事故】一起扣2分；2起及以上的不得分",
    ],
)
def test_a_count_tier_after_a_per_occurrence_clause_without_mei(clause):
    assert totals(clause, ACCIDENTS, "事故", [0, 1, 2, 5]) == ["6", "4", "0", "0"]


@pytest.mark.parametrize(
    ("clause", "facts"),
    [
        ("【事故】发生1起扣2分，2起及以上不得分", ACCIDENTS),
    ],
)
def test_a_condition_after_a_comma_is_hinted_to_be_a_clause_of_its_own(clause, facts):
    diagnostic = refusal(clause, facts)
    assert diagnostic.code == "E101"
    assert "用 “；” 分开" in diagnostic.hint()


def test_following_the_semicolon_hint_reads_the_line_or_asks_about_the_tiers():
    fixed = "【事故】发生1起扣2分；2起及以上不得分"
    assert totals(fixed, ACCIDENTS, "事故", [0, 1, 2]) == ["6", "4", "0"]
    # two earning tiers that overlap: the next refusal says how to write them
    tiers = refusal("【满意度】90%以上得6分；80%以上得4分；80%以下得2分", "  满意度：百分比\n")
    assert tiers.code == "E267"


@pytest.mark.parametrize(
    "effect", ["该项得分为零", "扣除该项全部分值", "扣除本项全部分数", "本项得分为0分"]
)
def test_the_items_whole_points_taken_in_words_is_no_score(effect):
    clause = f"发生【重大事故】的，{effect}"
    assert totals(clause, "  重大事故：是否\n", "重大事故", ["是", "否"]) == ["0", "6"]


RATE = "  满意度：百分比\n"


def test_a_bound_remarked_without_de_before_the_effect():
    values = ["95%", "90%", "89%"]
    assert totals("【满意度】90%（含）以上得6分", RATE, "满意度", values) == ["6", "6", "0"]
    assert totals("【满意度】90%以上（不含）得6分", RATE, "满意度", values) == ["6", "0", "0"]


def test_a_range_without_de_is_read_when_said_and_refused_when_not():
    said = "【满意度】80%（含）-90%（不含）得4分"
    assert totals(said, RATE, "满意度", ["95%", "85%", "80%"]) == ["0", "4", "4"]
    assert refusal("【满意度】90%以上得6分；80%-90%得4分", RATE).code == "E116"


@pytest.mark.parametrize(
    ("clause", "fact"),
    [
        ("未建立【制度】的不得分", "建立制度"),
        ("【制度】未建立的不得分", "建立制度"),
        ("没有建立【制度】的不得分", "建立制度"),
        ("【制度】不健全的不得分", "健全制度"),
    ],
)
def test_a_negated_verb_beside_a_fact_goes_into_the_facts_name(clause, fact):
    diagnostic = refusal(clause, "  制度：是否\n")
    assert diagnostic.code == "E116"
    written = diagnostic.hint().removeprefix("写成 ").split("（", 1)[0]
    assert written == f"未【{fact}】"
    rewritten = clause.replace(str(diagnostic.args["text"]), written)
    assert totals(rewritten, f"  {fact}：是否\n", fact, ["是", "否"]) == ["6", "0"]


@pytest.mark.parametrize(
    ("clause", "fact", "scores"),
    [
        ("按时完成【工作】的得2分", "按时完成工作", ["2", "0"]),
        ("【工作】按时完成的得2分", "工作按时完成", ["2", "0"]),
        ("被【督查】通报批评的，扣2分", "被督查通报批评", ["4", "6"]),
        # without 的, right before the effect
        ("【工作】按时完成得2分", "工作按时完成", ["2", "0"]),
    ],
)
def test_words_beside_a_fact_go_into_its_name(clause, fact, scores):
    diagnostic = refusal(clause, "  工作：是否\n  督查：是否\n")
    assert diagnostic.code == "E116"
    assert diagnostic.hint() == f"写成 【{fact}】（数据： 中用这个名称声明）"
    rewritten = clause.replace(str(diagnostic.args["text"]), f"【{fact}】")
    assert totals(rewritten, f"  {fact}：是否\n", fact, ["是", "否"]) == scores


@pytest.mark.parametrize(
    ("clause", "fact", "unit", "scores"),
    [
        # the words after the fact name it again, whole: they are the name
        ("【投诉】群众投诉经核实的，每件扣1分", "群众投诉经核实", "件", ["6", "3"]),
        ("【事故】发生一般事故的，每起扣2分", "发生一般事故", "起", ["6", "0"]),
        # the words add to it: both
        ("【投诉】经核实的，每件扣1分", "投诉经核实", "件", ["6", "3"]),
    ],
)
def test_words_after_a_counted_fact_go_into_its_name(clause, fact, unit, scores):
    """A description after the fact (`经核实的`: only the complaints found true) is
    never dropped: refused with a fact of its own, and the sentence it writes scores."""
    diagnostic = refusal(clause, "  投诉：件\n  事故：起\n")
    assert diagnostic.code == "E116"
    assert diagnostic.hint() == f"写成 【{fact}】（数据： 中用这个名称声明）"
    rewritten = clause.replace(str(diagnostic.args["text"]), f"【{fact}】")
    assert totals(rewritten, f"  {fact}：{unit}\n", fact, [0, 3]) == scores


@pytest.mark.parametrize(
    ("clause", "fact", "written", "scores"),
    [
        # the words after a negated fact name what was done: the sentence belongs on a
        # fact of that (its name is never the two run together, 【未达标达标】)
        ("【未达标】达标的加1分", "未达标", "【达标】的加1分", ["7", "6"]),
        (
            "【不合格】合格的得满分，否则不得分",
            "不合格",
            "【合格】的得满分，否则不得分",
            ["6", "0"],
        ),
        ("【未通过验收】通过验收的得2分", "未通过验收", "【通过验收】的得2分", ["2", "0"]),
        # 不扣分，否则扣N分 after what was done: the deduction is for what was not
        ("【未整改】已整改的不扣分，否则扣2分", "未整改", "【未整改】的扣2分", ["4", "6"]),
    ],
)
def test_words_of_what_was_done_beside_a_fact_of_what_was_not(clause, fact, written, scores):
    """`【未达标】达标的加1分`: read either way round, one unit's point goes to the other;
    refused with the sentence to write, which scores as the words say (values 是, 否 of
    the fact it names)."""
    diagnostic = refusal(clause, f"  {fact}：是否\n")
    assert diagnostic.code == "E116"
    assert diagnostic.hint().split("（", 1)[0].split("；", 1)[0] == f"写 {written}"
    name = written[1 : written.index("】")]
    assert totals(written, f"  {name}：是否\n", name, ["是", "否"]) == scores


@pytest.mark.parametrize(
    ("clause", "fact"),
    [
        ("【未整改问题】整改到位的不扣分，每有1个扣1分", "未整改问题"),
        ("【未办结案件】全部办结的得满分，每有1件扣1分", "未办结案件"),
    ],
)
def test_words_of_what_was_done_on_a_count_of_what_was_not_name_no_fact(clause, fact):
    diagnostic = refusal(clause, f"  {fact}：件\n")
    assert diagnostic.code == "E116"
    assert f"【{fact}" + "】（" not in diagnostic.hint()  # never the two names run together
    assert f"直接写 【{fact}】 的条款" in diagnostic.hint()


@pytest.mark.parametrize(
    ("clause", "fact", "written", "scores"),
    [
        # the words after the fact negate what its name says: 未 before it says so
        ("【达标】不达标的扣2分", "达标", "未【达标】的扣2分", ["6", "4"]),
        ("【整改到位】未到位的扣2分", "整改到位", "未【整改到位】的扣2分", ["6", "4"]),
        ("【按时上报】没有按时上报的扣1分", "按时上报", "未【按时上报】的扣1分", ["6", "5"]),
        ("【制度健全】不健全的扣1分", "制度健全", "未【制度健全】的扣1分", ["6", "5"]),
        # or say it again
        ("【制度健全】健全的得1分", "制度健全", "【制度健全】的得1分", ["1", "0"]),
    ],
)
def test_words_that_repeat_a_name_are_never_run_into_it(clause, fact, written, scores):
    """`【达标】不达标的扣2分` was offered 未【达标达标】; the hint writes the sentence on the
    fact itself, which scores as the words say."""
    diagnostic = refusal(clause, f"  {fact}：是否\n")
    assert diagnostic.code == "E116"
    hint = diagnostic.hint()
    assert f"【{fact}{fact[-2:]}】" not in hint and f"写 {written}" in hint
    assert totals(written, f"  {fact}：是否\n", fact, ["是", "否"]) == scores


@pytest.mark.parametrize(
    ("clause", "fact", "written"),
    [
        ("【达标天数】未达标的每天扣0.1分", "达标天数", "【未达标天数】每天扣0.1分"),
        ("【达标天数】不达标的天数每天扣0.1分", "达标天数", "【不达标天数】每天扣0.1分"),
        ("【优良天数】非优良的每天扣0.1分", "优良天数", "【非优良天数】每天扣0.1分"),
    ],
)
def test_a_step_on_what_was_not_done_counts_a_fact_of_its_own(clause, fact, written):
    diagnostic = refusal(clause, f"  {fact}：天\n")
    assert diagnostic.code == "E116"
    assert diagnostic.hint().startswith(f"写 {written}（")
    missed = written[1 : written.index("】")]
    assert totals(written, f"  {missed}：天\n", missed, [0, 5]) == ["6", "5.5"]


@pytest.mark.parametrize(
    "clause",
    [
        "【差错】每次扣0.5分；累计3次以上的，本项不得分",
        "【差错】每次扣0.5分；一年内累计3次以上的，本项不得分",
        "【差错】每次扣0.5分；累计达3次的，本项不得分",
    ],
)
def test_cumulative_adds_nothing_to_a_count(clause):
    assert totals(clause, "  差错：次\n", "差错", [0, 2, 3]) == ["6", "5", "0"]


def test_a_sanction_counted_with_bei():
    assert totals("【通报】每被通报1次扣2分", "  通报：次\n", "通报", [0, 2]) == ["6", "2"]


def test_raising_is_a_step_that_needs_a_standard():
    rate = "  完成率：百分比\n"
    assert refusal("【完成率】每提高1个百分点加0.5分", rate).code == "E112"
    clause = "【完成率】高于90%的，每提高1个百分点加0.5分"
    assert totals(clause, rate, "完成率", ["90%", "92%"]) == ["6", "7"]


@pytest.mark.parametrize(
    "clause",
    [
        "【化解率】低于90%的，每低一个百分点扣0.5分，不足一个百分点的不扣分",
        "【化解率】低于90%的，每低1个百分点扣0.5分，不足1个百分点的不计",
    ],
)
def test_a_part_step_that_costs_nothing_in_words_or_digits(clause):
    values = ["90%", "88%", "87.5%", "89.5%"]
    assert totals(clause, "  化解率：百分比\n", "化解率", values) == ["6", "5", "5", "6"]


@pytest.mark.parametrize(
    "clause",
    ["【会议】应召开4次，每缺一次扣1分", "【会议】全年应召开4次，每少1次扣1分"],
)
def test_should_hold_a_number_of_meetings_is_the_requirement(clause):
    assert totals(clause, "  会议：次\n", "会议", [0, 3, 4, 6]) == ["2", "5", "6", "6"]


DATES = ["2024-01-09", "2024-01-10", "2024-01-12"]
DUE = "  上报日期：日期\n"


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        ("【上报日期】在1月10日前报送的得2分", ["2", "2", "0"]),
        ("【上报日期】1月10日之前完成的得2分", ["2", "2", "0"]),
        ("【上报日期】1月10日后报送的，每晚1天扣0.1分", ["6", "6", "5.8"]),
    ],
)
def test_a_deadline_with_its_verb(clause, expected):
    assert totals(clause, DUE, "上报日期", DATES) == expected


def test_after_a_date_is_refused_for_the_day_itself_with_both_readings():
    diagnostic = refusal("【上报日期】1月10日以后的，扣1分", DUE)
    assert diagnostic.code == "E116"
    out, day_in = diagnostic.hint().removeprefix("不含当天的写 ").split("；含当天的写 ")
    assert totals(f"【上报日期】{out}的，扣1分", DUE, "上报日期", DATES) == ["6", "6", "5"]
    assert totals(f"【上报日期】{day_in}的，扣1分", DUE, "上报日期", DATES) == ["6", "5", "5"]


def test_a_step_word_beside_a_fact_is_not_offered_as_its_name():
    # `逾期` needs a deadline, not a fact named 上报日期逾期
    diagnostic = refusal("【上报日期】逾期的，每逾期1天扣0.1分", DUE)
    assert "上报日期逾期" not in diagnostic.hint()


@pytest.mark.parametrize(
    ("clause", "written", "scores"),
    [
        (
            "【事故】发生1起扣2分，2起扣5分，3起及以上不得分",
            "【事故】等于1起的扣2分；等于2起的扣5分；3起及以上的不得分",
            ["6", "4", "1", "0", "0"],
        ),
        (
            "【事故】1起的扣1分，2起的扣3分，3起的扣4分，4起以上的，取消考评资格",
            "【事故】等于1起的扣1分；等于2起的扣3分；等于3起的扣4分；4起以上的取消考评资格",
            ["6", "5", "3", "2", "6"],
        ),
    ],
)
def test_a_table_by_exact_count_is_refused_with_the_tiers_written_out(clause, written, scores):
    """`1起扣2分` alone costs 2 for each; followed by `2起扣5分` it is a table by exact
    count — the sentence reads both ways, and the hint writes the table."""
    diagnostic = refusal(clause, ACCIDENTS)
    assert diagnostic.code == "E116"
    assert diagnostic.hint() == f"按起数分档的写 {written}（没有发生的不扣分）"
    assert totals(written, ACCIDENTS, "事故", [0, 1, 2, 3, 4]) == scores
