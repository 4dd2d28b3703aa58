"""Sentences a policy writer may type that once compiled to the opposite score.

Each either computes what a careful reader of the original means (hand-computed here)
or is refused with an error saying what to write instead — never a third outcome.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from xize.compiler import PolicyError, compile_policy

HEAD = "细则：示例考评细则\n年度：2024\n满分：10分\n\n"


def policy(facts: str, clause: str, node: str = "(一)日常巡查(10分)") -> str:
    return HEAD + "数据：\n" + facts + "\n" + node + "\n  - " + clause + "\n"


def deducted(facts_decl: str, clause: str, **facts) -> Decimal:
    """Points lost by one unit, from the compiled module and from the interpreter."""
    p = compile_policy(policy(facts_decl, clause))
    compiled = p.score(facts)
    interpreted = p.interpreter.score(facts)
    assert compiled.total == interpreted.total
    return Decimal(10) - compiled.total


def refused(facts_decl: str, clause: str, node: str = "(一)日常巡查(10分)") -> list[str]:
    with pytest.raises(PolicyError) as caught:
        compile_policy(policy(facts_decl, clause, node))
    return [d.code for d in caught.value.diagnostics]


COUNT = "  巡查次数：次\n"
CASES = "  上年起数：起\n  案件起数：起\n"


# --------------------------------------------------- a standard, then a counting verb


@pytest.mark.parametrize(
    "clause",
    [
        "【巡查次数】不得少于4次，每缺1次扣1分",
        "【巡查次数】不少于4次，每缺1次扣1分",
        "【巡查次数】应达到4次，每缺1次扣1分",
        "【巡查次数】须不低于4次，每缺少1次扣1分",
        "【巡查次数】至少4次，每漏1次扣1分",
        "【巡查次数】应达到4次，每次扣1分",
        "【巡查次数】不得少于4次，每少1次扣1分",  # the step-verb spelling: same meaning
    ],
)
@pytest.mark.parametrize("done, lost", [(4, 0), (6, 0), (3, 1), (2, 2), (0, 4)])
def test_a_lower_bound_deducts_per_unit_short_of_it(clause, done, lost):
    assert deducted(COUNT, clause, 巡查次数=done) == lost


@pytest.mark.parametrize(
    "clause",
    [
        "【案件起数】不得超过【上年起数】，每新增1起扣1分",
        "【案件起数】不超过【上年起数】，每新增1起扣1分",
        "【案件起数】应不超过【上年起数】，每发生1起扣1分",
        "【案件起数】不得超过【上年起数】，每起扣1分",
        "【案件起数】不得超过【上年起数】，每多1起扣1分",
    ],
)
@pytest.mark.parametrize("last, now, lost", [(3, 3, 0), (3, 0, 0), (3, 5, 2), (0, 4, 4)])
def test_an_upper_bound_deducts_per_unit_above_it(clause, last, now, lost):
    assert deducted(CASES, clause, 上年起数=last, 案件起数=now) == lost


@pytest.mark.parametrize(
    "clause, facts, lost",
    [
        # conditions (的, or a condition word) still count every occurrence (LANGUAGE §5)
        ("【案件起数】超过3起的，每起扣1分", {"案件起数": 5}, 5),
        ("【案件起数】超过3起，每起扣1分", {"案件起数": 3}, 0),
        ("【案件起数】不低于3起的，每起扣1分", {"案件起数": 4}, 4),
        ("【案件起数】达到3起的，每起扣2分", {"案件起数": 3}, 6),
        ("【案件起数】3起以上的，每发生1起扣1分", {"案件起数": 4}, 4),
    ],
)
def test_a_condition_still_counts_every_occurrence(clause, facts, lost):
    assert deducted("  案件起数：起\n", clause, **facts) == lost


@given(done=st.integers(0, 12), more=st.integers(0, 5))
def test_doing_more_of_what_a_standard_requires_never_costs_points(done, more):
    p = compile_policy(policy(COUNT, "【巡查次数】不得少于4次，每缺1次扣1分"))
    assert p.total({"巡查次数": done + more}) >= p.total({"巡查次数": done})


@given(last=st.integers(0, 8), now=st.integers(0, 8), more=st.integers(0, 5))
def test_more_cases_above_an_allowance_never_earn_points(last, now, more):
    p = compile_policy(policy(CASES, "【案件起数】不得超过【上年起数】，每新增1起扣1分"))
    before = p.total({"上年起数": last, "案件起数": now})
    after = p.total({"上年起数": last, "案件起数": now + more})
    assert after <= before
    assert before == 10 - min(10, max(0, now - last))


# ------------------------------------------------------------------ refused, with a fix


@pytest.mark.parametrize(
    "facts, clause",
    [
        ("  回流次数：次\n", "【回流次数】不得超过3次，每低于1次扣1分"),
        ("  化解率：百分比\n", "【化解率】应达到80%，每超过1个百分点扣1分"),
        (COUNT, "【巡查次数】不少于4次，每新增1次扣1分"),
        (COUNT, "【巡查次数】不得超过4次，每缺1次扣1分"),
        ("  化解率：百分比\n", "【化解率】低于80%的，每高于1个百分点扣1分"),
    ],
)
def test_a_step_against_the_standard_is_refused(facts, clause):
    assert refused(facts, clause) == ["E220"]


@pytest.mark.parametrize(
    "clause",
    [
        "【化解率】80%以上，每低于1个百分点扣0.5分",
        "【化解率】要达到80%以上，每低于1个百分点扣0.5分",
    ],
)
@pytest.mark.parametrize("rate, lost", [("80%", 0), ("95%", 0), ("77%", "1.5"), ("79.5%", 0)])
def test_a_standard_written_with_yishang_counts_the_shortfall(clause, rate, lost):
    assert deducted("  化解率：百分比\n", clause, 化解率=rate) == Decimal(lost)


def test_a_bonus_for_missing_the_standard_is_refused():
    bonus = "(一)表彰奖励，加分项，最高加2分"
    clause = "【化解率】应达到80%，每低于1个百分点加0.1分"
    assert refused("  化解率：百分比\n", clause, bonus) == ["E220"]
    ok = compile_policy(
        policy("  化解率：百分比\n  巡查次数：次\n", "【巡查次数】不得少于4次，每缺1次扣1分")
        + bonus.replace("(一)", "(二)")
        + "\n  - 【化解率】应达到80%，每超过1个百分点加0.1分\n"
    )
    assert ok.score({"化解率": "85%", "巡查次数": 4}).total == Decimal("10.5")
    assert ok.score({"化解率": "75%", "巡查次数": 4}).total == Decimal("10")


@pytest.mark.parametrize(
    "facts, clause, code",
    [
        (COUNT, "【巡查次数】达到4次，每缺1次扣1分", "E221"),
        (COUNT, "【巡查次数】满4次，每缺1次扣1分", "E221"),
        (COUNT, "【巡查次数】不少于4次，每次扣1分", "E221"),
        ("  回流次数：次\n", "【回流次数】不超过3次，每次扣0.1分", "E221"),
        (COUNT, "【巡查次数】少于4次的，每缺1次扣1分", "E222"),
        (COUNT, "【巡查次数】4次以下的，每漏1次扣1分", "E222"),
    ],
)
def test_a_sentence_that_reads_two_ways_is_refused(facts, clause, code):
    assert refused(facts, clause) == [code]


def test_each_refusal_names_a_rewrite_that_compiles_to_the_reader_s_meaning():
    """The hints of E221/E222 are followed literally, and give the two readings."""
    standard = deducted(COUNT, "【巡查次数】应达到4次，每缺1次扣1分", 巡查次数=1)
    condition = deducted(COUNT, "【巡查次数】达到4次的，每次扣1分", 巡查次数=5)
    shortfall = deducted(COUNT, "【巡查次数】少于4次的，每少1次扣1分", 巡查次数=1)
    every = deducted(COUNT, "【巡查次数】少于4次的，每次扣1分", 巡查次数=1)
    assert (standard, condition, shortfall, every) == (3, 5, 3, 1)


# ------------------------------------------------------------ 就高不就低 on bonus nodes

BONUS = (
    "数据：\n  巡查次数：次\n  省级表彰：是否\n  市级表彰：是否\n  县级表彰：是否\n\n"
    "(一)日常巡查(10分)\n  - 【巡查次数】不得少于4次，每缺1次扣1分\n"
    "(二)表彰奖励，加分项，最高加3分，就高不就低\n"
    "  - 【省级表彰】加2分\n  - 【市级表彰】加1分\n  - 【县级表彰】加1分\n"
)


@given(st.lists(st.booleans(), min_size=3, max_size=3))
def test_take_max_on_a_bonus_node_keeps_only_the_highest_bonus(honours):
    p = compile_policy(HEAD + BONUS)
    facts = dict(
        zip(
            ("省级表彰", "市级表彰", "县级表彰"),
            ["是" if h else "否" for h in honours],
            strict=True,
        )
    )
    facts["巡查次数"] = 4
    amounts = [a for a, h in zip((2, 1, 1), honours, strict=True) if h]
    expected = 10 + (max(amounts) if amounts else 0)
    compiled, interpreted = p.score(facts), p.interpreter.score(facts)
    assert compiled.total == interpreted.total == expected
    assert compiled.items == interpreted.items
    applied = [i.applied for i in compiled.items if i.kind == "bonus"]
    assert sum(applied) == expected - 10
    assert sum(1 for a in applied if a > 0) == (1 if amounts else 0)  # the first highest


@pytest.mark.parametrize(
    "node, clauses",
    [
        (
            "(一)日常巡查(10分)，就高不就低",
            ["【巡查次数】每缺1次扣1分", "【巡查次数】每缺1次扣2分"],
        ),
        ("(一)日常巡查(10分)，不重复计分", ["【按时上报】得10分"]),
        ("(一)表彰奖励，加分项，最高加3分，就高不就低", ["【省级表彰】加2分"]),
    ],
)
def test_take_max_where_it_changes_nothing_is_refused(node, clauses):
    facts = "  巡查次数：次\n  按时上报：是否\n  省级表彰：是否\n"
    text = HEAD + "数据：\n" + facts + "\n" + node + "\n" + "".join(f"  - {c}\n" for c in clauses)
    if "加分项" in node:
        text = text.replace(
            node, "(一)日常巡查(10分)\n  - 【巡查次数】每缺1次扣1分\n(二)" + node[3:]
        )
    with pytest.raises(PolicyError) as caught:
        compile_policy(text)
    assert [d.code for d in caught.value.diagnostics if d.is_error] == ["E223"]


# ------------------------------------------------- neutral values given the listed ones

NEUTRAL = (
    "数据：\n  产能：数值\n  安装环网：是否\n\n"
    "(一)安全生产(10分)\n  - 【产能】达到90且未【安装环网】的，扣5分\n"
)


def run(text: str):
    policy = compile_policy(HEAD + text)
    return policy.run_tests()


@given(st.integers(0, 200))
def test_neutral_values_do_not_fire_a_clause_with_the_listed_values(capacity):
    report = run(NEUTRAL + f"\n测试 “只列产能”：\n  【产能】= {capacity}\n  期望 总分 = 10\n")
    (outcome,) = report.outcomes
    assert outcome.passed, outcome.error
    used = {name: value for name, value, _ in outcome.facts}
    assert used["安装环网"] == (capacity >= 90 or used["安装环网"])


def test_when_no_value_is_harmless_given_the_listed_ones_the_test_must_list_it():
    text = (
        NEUTRAL
        + "  - 【安装环网】的，扣1分\n\n测试 “只列产能”：\n  【产能】= 120\n  期望 总分 = 10\n"
    )
    (outcome,) = run(text).outcomes
    assert not outcome.passed
    assert "【安装环网】" in outcome.error and "测试须列出它" in outcome.error
    (ok,) = run(text.replace("【产能】= 120", "【产能】= 50")).outcomes  # 否 is harmless
    assert ok.passed, ok.error


def test_take_max_gap_shares_a_parent_cap_like_the_interpreter():
    """The alternatives of a 就高不就低 node are not items, so they take no share of a
    parent's cap: compiled and interpreted items agree to the last digit."""
    p = compile_policy(
        HEAD.replace("10分", "1分")
        + "数据：\n  A：是否\n  B：是否\n  C：次\n\n"
        + "(一)甲(1分)，最多扣0.5分\n"
        + "  1、乙(0.5分)，就高不就低\n    - 【A】得0.5分\n    - 【B】得0.3分\n"
        + "  2、丙\n    - 【C】每次扣0.2分\n"
    )
    for facts in ({"A": "否", "B": "否", "C": 1}, {"A": "否", "B": "是", "C": 2}):
        compiled, interpreted = p.score(facts), p.interpreter.score(facts)
        assert compiled.to_dict() == interpreted.to_dict()
        assert sum(i.applied for i in compiled.items) == Decimal("0.5")


# ------------------------------------------- 满 of 满意, a comparison before an average

RATE = "  公众满意度调查：百分比\n  满意率：百分比\n"


@pytest.mark.parametrize(
    "clause",
    [
        # 满 (at least) read out of 满意率, and 低于 swallowed into the average's words:
        # `调查 ≥ 平均` deducted — the opposite of the sentence
        "【公众满意度调查】满意率低于全区平均水平的，扣2分",
        "【公众满意度调查】满意率高于全区平均水平的得5分，低于全区平均水平的，每低1个百分点扣0.5分，按比例",
        "【公众满意度调查】满意率不足全区平均水平的，扣2分",
    ],
)
def test_words_before_an_average_never_hold_the_comparison(clause):
    assert "E101" in refused(RATE, clause)


@pytest.mark.parametrize(
    ("rate", "lost"), [(Decimal("80"), 2), (Decimal("90"), 0), (Decimal("85"), 0)]
)
def test_a_rate_named_by_its_brackets_compares_with_the_average(rate, lost):
    clause = "【满意率】低于全区平均水平的，扣2分"
    p = compile_policy(policy("  满意率：百分比\n", clause))
    result = p.score({"满意率": rate}, averages={"满意率": Decimal("85")})
    assert Decimal(10) - result.total == lost


def test_buman_still_compares_where_no_yi_follows():
    p = compile_policy(policy("  服务年限：年\n", "【服务年限】不满3年的，扣2分"))
    assert p.score({"服务年限": 2}).total == 8 and p.score({"服务年限": 3}).total == 10


# ----------------------------------------------- a share of the best, on a rate


def test_a_percent_step_below_the_best_rate_is_refused():
    """`其余每低于最高值10%扣1分` on a rate: 10 percentage points, or a tenth of the best
    (80% → 8 points)?  Both are written in real 细则: refused, saying both."""
    decl = "  执行率：百分比，越高越好\n"
    clause = "【执行率】最高的得10分，其余每低于最高值10%扣1分，不足10%的按比例扣分"
    assert refused(decl, clause) == ["E116"]
    points = "【执行率】最高的得10分，其余每低于最高值10个百分点扣1分，按比例扣分"
    p = compile_policy(policy(decl, points))
    rows = [{"单位": "甲", "执行率": Decimal(80)}, {"单位": "乙", "执行率": Decimal(72)}]
    assert [r.total for r in p.score_batch(rows)] == [Decimal(10), Decimal("9.2")]


@pytest.mark.parametrize(
    ("decl", "clause"),
    [
        ("  办结率：百分比\n", "【办结率】每低于全市平均值1%扣0.5分"),
        (
            "  发案率：百分比\n  上年发案率：百分比\n",
            "【发案率】与【上年发案率】相比，每上升1%扣1分",
        ),
    ],
)
def test_a_percent_step_from_another_rate_is_refused(decl, clause):
    """From 5% to 6% is 1 percentage point and a 20% rise: refused, not read as points."""
    assert refused(decl, clause) == ["E116"]
    fixed = clause.replace("1%扣", "1个百分点扣")
    compile_policy(policy(decl, fixed))  # the points reading, written out, compiles


def test_a_percent_step_from_a_fixed_standard_is_points():
    p = compile_policy(policy("  办结率：百分比\n", "【办结率】应达到90%，每低1%扣1分"))
    assert p.score({"办结率": Decimal(87)}).total == 7


# ------------------------------------------------------------ caps on a node line

NODE_HEAD = "细则：示例考评细则\n年度：2024\n满分：10分\n\n数据：\n  迟报次数：次，默认0\n"


@pytest.mark.parametrize(
    "cap",
    [
        "最多扣6分",
        "本项最多扣6分",
        "本项最高扣6分",
        "该项最高扣6分",
        "累计最多扣6分",
        "扣分上限6分",
    ],
)
def test_an_item_cap_said_of_the_item_caps_it(cap):
    p = compile_policy(NODE_HEAD + f"\n(一)信息报送(10分)，{cap}\n  - 【迟报次数】每次扣1分\n")
    assert [p.score({"迟报次数": n}).total for n in (2, 8, 12)] == [8, 4, 4]


@pytest.mark.parametrize("part", ["扣满6分为止", "每项最多扣6分", "最高加6分"])
def test_a_cap_that_is_no_modifier_is_refused_not_titled(part):
    with pytest.raises(PolicyError) as caught:
        compile_policy(NODE_HEAD + f"\n(一)信息报送(10分)，{part}\n  - 【迟报次数】每次扣1分\n")
    assert "E117" in [d.code for d in caught.value.diagnostics]


def test_a_bonus_item_titled_jiafenxiang_keeps_its_cap():
    text = (
        "细则：示例考评细则\n年度：2024\n满分：10分\n\n数据：\n  迟报次数：次，默认0\n"
        "  省级表彰：次，默认0\n  市级表彰：次，默认0\n\n"
        "(一)信息报送(10分)\n  - 【迟报次数】每次扣1分\n"
        "(二)加分项，最高加5分\n  1、省级表彰，加分项，最高加3分\n    - 【省级表彰】每次加2分\n"
        "  2、市级表彰，加分项，最高加3分\n    - 【市级表彰】每次加1分\n"
    )
    p = compile_policy(text)
    assert [n.title for n in p.ir.nodes] == ["信息报送", "加分项"]
    assert p.score({"省级表彰": 3, "市级表彰": 4}).total == 15


# -------------------------------------------------------- a label named as a grade

GRADES = "\n等次：\n  优秀：9分以上\n  合格：6分以上\n  不合格：其余\n"


@pytest.mark.parametrize("label", ["不合格", "不合格等次", "不合格单位", "优秀"])
def test_a_label_named_as_a_band_is_refused(label):
    """`直接列为不合格` tagged a unit of 10 points 优秀 and “不合格” beside it."""
    text = policy("  通报批评：是否，默认否\n", f"【通报批评】的，直接列为{label}") + GRADES
    with pytest.raises(PolicyError) as caught:
        compile_policy(text)
    assert [d.code for d in caught.value.diagnostics] == ["E118"]


def test_a_label_that_is_no_band_and_the_grade_set_instead():
    decl = "  通报批评：是否，默认否\n"
    tagged = compile_policy(policy(decl, "【通报批评】的，列为信访工作重点管理单位") + GRADES)
    assert tagged.score({"通报批评": True}).grade == "优秀"
    graded = compile_policy(policy(decl, "【通报批评】的，等次定为不合格") + GRADES)
    assert graded.score({"通报批评": True}).grade == "不合格"


# ----------------------------------------------------- a deadline in the next year


@pytest.mark.parametrize("word", ["次年", "翌年", "下一年", "下年度"])
def test_a_deadline_in_the_january_after_the_year(word):
    """A year-end report due `次年1月9日` in `年度：2024` is due 2025-01-09 (`1月9日` alone
    is 2024-01-09: a report on 2025-01-08 would be 365 days late)."""
    from datetime import date

    text = (
        "细则：示例考评细则\n年度：2024\n满分：10分\n\n数据：\n  总结上报日期：日期\n\n"
        f"(一)年度总结(10分)\n  - 【总结上报日期】晚于{word}1月9日的，每晚1天扣0.5分\n"
    )
    p = compile_policy(text)
    days = [date(2025, 1, 8), date(2025, 1, 9), date(2025, 1, 12)]
    assert [p.score({"总结上报日期": d}).total for d in days] == [10, 10, Decimal("8.5")]
    assert [p.interpreter.score({"总结上报日期": d}).total for d in days] == [
        10,
        10,
        Decimal("8.5"),
    ]


# ------------------------------------------------ 不得分 under a cap below the points


@pytest.mark.parametrize(
    ("node", "clause"),
    [
        ("(一)安全生产(10分)，最多扣6分", "发生【重大事故】的，本项不得分"),
        ("(一)安全生产(10分)，最多扣6分", "发生【重大事故】的，不得分"),
    ],
)
def test_no_score_under_a_smaller_cap_is_refused(node, clause):
    """The cap kept 4 of 10 points while the sentence says the item scores 0."""
    decl = "  迟报次数：次，默认0\n  重大事故：是否，默认否\n"
    text = (
        HEAD + "数据：\n" + decl + "\n" + node + "\n  - 【迟报次数】每次扣1分\n  - " + clause + "\n"
    )
    with pytest.raises(PolicyError) as caught:
        compile_policy(text)
    assert [d.code for d in caught.value.diagnostics] == ["E119"]
    # the cap on the clause it limits: the item scores 0 on the event
    fixed = HEAD + "数据：\n" + decl + "\n(一)安全生产(10分)\n"
    fixed += "  - 【迟报次数】每次扣1分，最多扣6分\n  - " + clause + "\n"
    p = compile_policy(fixed)
    assert p.score({"迟报次数": 8}).total == 4 and p.score({"重大事故": True}).total == 0


def test_a_section_zero_under_its_sections_cap_is_refused():
    text = (
        HEAD.replace("满分：10分", "满分：20分")
        + "数据：\n  迟报次数：次，默认0\n  重大事故：是否，默认否\n\n"
        + "一、安全生产(20分)，最多扣12分\n  1、报送(10分)\n    - 【迟报次数】每次扣1分\n"
        + "  2、事故(10分)\n    - 发生【重大事故】的，本大项不得分\n"
    )
    with pytest.raises(PolicyError) as caught:
        compile_policy(text)
    assert "E119" in [d.code for d in caught.value.diagnostics]


@pytest.mark.parametrize(
    ("facts_decl", "clause", "warned"),
    [
        # the fact counts patrols; 每未巡查 counts missed ones: the unit that did them all
        # would lose the most (W331)
        ("  巡查次数：次\n", "【巡查次数】每未巡查1次扣1分", True),
        # named for what was missed, or with a standard: the count is the shortfall
        ("  未巡查次数：次\n", "【未巡查次数】每未巡查1次扣1分", False),
        ("  缺会次数：次\n", "【缺会次数】每缺1次扣1分", False),
        ("  巡查次数：次\n", "【巡查次数】不得少于4次，每未巡查1次扣1分", False),
    ],
)
def test_a_missed_count_on_a_fact_named_for_what_was_done_is_warned(facts_decl, clause, warned):
    p = compile_policy(policy(facts_decl, clause))
    assert ("W331" in [d.code for d in p.diagnostics]) is warned
