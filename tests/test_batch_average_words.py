"""The batch average named the way documents name it, and grade limits in their common
wordings, computed by hand on small batches (ties, all equal, a unit exactly at the
average).  `全市平均增速`, `全县各乡镇平均天数`: 平均 and the tail of the subject fact's
name stand for the batch average of that fact; a tail of another fact is refused (E256).
`等次定为不合格` (the lowest band) with 一票否决; a middle band is refused (E255).
Compiled == interpreter on every case."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlrun import duckdb_results
from test_engine_duckdb import assert_same_reports
from xize.compiler import PolicyError, compile_policy
from xize.compiler.backends.sql.fixed import SqlUnsupported
from xize.runtime.batch import sqlbatch

D = Decimal
BANDS = "\n等次：\n  优秀：9分以上\n  良好：8分以上\n  合格：6分以上\n  不合格：其余\n"


def rule_text(clause: str, facts: str = "  税收增速：百分比\n", bands: str = "", head: str = ""):
    return (
        "细则：平均值的写法\n年度：2024\n满分：10分\n"
        + head
        + "\n数据：\n"
        + facts
        + f"\n(一)工作(10分)\n  - {clause}\n"
        + bands
    )


def policy(clause: str, facts: str = "  税收增速：百分比\n", bands: str = "", head: str = ""):
    return compile_policy(rule_text(clause, facts, bands, head), filename="平均.rule")


def batch(p, rows: list[dict]) -> list:
    results = p.score_batch(rows)
    assert results == p.interpreter.score_batch(rows)
    return results


def scores(p, name: str, values: list[str]) -> list[Decimal]:
    rows = [{"单位": f"U{i}", name: v} for i, v in enumerate(values)]
    return [r.nodes["(一)"].score for r in batch(p, rows)]


@pytest.mark.parametrize(
    "clause",
    [
        "【税收增速】低于全市平均增速的，每低0.5个百分点扣1分，最多扣6分",
        "【税收增速】低于全市平均值的，每低0.5个百分点扣1分，最多扣6分",
        "【税收增速】低于平均水平的，每低0.5个百分点扣1分，最多扣6分",
        "【税收增速】低于全市各县区平均数的，每低0.5个百分点扣1分，最多扣6分",
    ],
)
def test_the_average_named_by_the_fact_tail_is_the_batch_average(clause):
    p = policy(clause)
    # average (10 + 7 + 6 + 5 + 2) / 5 = 6: 6 is at it (no deduction); 5 is 1 point below
    # (2 whole steps of 0.5: −2); 2 is 4 below (8 steps: −8, capped at 6)
    assert scores(p, "税收增速", ["10", "7", "6", "5", "2"]) == [10, 10, 10, 8, 4]
    # all equal: every unit is at the average
    assert scores(p, "税收增速", ["3", "3", "3"]) == [10, 10, 10]


def test_longer_and_shorter_than_the_average_duration():
    facts = "  办理时长：天\n"
    p = policy("【办理时长】长于全市平均时长的，扣2分", facts)
    q = policy("【办理时长】短于全市平均时长的，得满分，否则不得分", facts)
    # average (2 + 3 + 4 + 3) / 4 = 3: only 4 is longer; 3 (tied, at the average) is not
    assert scores(p, "办理时长", ["2", "3", "4", "3"]) == [10, 10, 8, 10]
    assert scores(q, "办理时长", ["2", "3", "4", "3"]) == [10, 0, 0, 0]


def test_reaching_or_exceeding_the_average_rate():
    facts = "  任务完成率：百分比\n"
    p = policy("【任务完成率】达到或超过全市平均完成率的得10分，否则得6分", facts)
    # average 95: 95 reaches it; 94.99 does not
    assert scores(p, "任务完成率", ["100", "95", "94.99", "90.01"]) == [10, 10, 6, 6]


def test_a_bonus_clause_with_its_own_cap():
    text = "【优良天数】超过全市各县区平均天数的，每多1天加0.2分，最高加4分"
    p = compile_policy(
        "细则：加分\n年度：2024\n满分：10分\n\n数据：\n  优良天数：天\n"
        "\n(一)基础(10分)\n  1、奖励分，加分项，最高加5分\n    - " + text + "\n",
        filename="加分.rule",
    )
    rows = [{"单位": u, "优良天数": v} for u, v in (("A", 330), ("B", 299), ("C", 290), ("D", 265))]
    results = batch(p, rows)
    # average 296: A 34 days above → 6.8, capped at 4; B 3 → 0.6; C, D below → 0
    assert [r.nodes["(一)1"].score for r in results] == [4, D("0.6"), 0, 0]


@pytest.mark.parametrize(
    ("clause", "written"),
    [
        ("【税收增速】低于全市平均办结率的，扣1分", "全市平均办结率"),
        ("【税收增速】低于全市平均完成率的，每低1个百分点扣1分", "全市平均完成率"),
    ],
)
def test_an_average_named_by_another_fact_is_refused(clause, written):
    with pytest.raises(PolicyError) as info:
        policy(clause)
    (diag,) = [d for d in info.value.diagnostics if d.code == "E256"]
    assert written in diag.message()
    assert "写 平均值" in diag.hint()


def test_words_of_the_clause_never_become_the_average_name():
    # 扣 right after 平均 is the effect, not the name of an average
    p = policy("【税收增速】低于全市平均扣1分")
    assert scores(p, "税收增速", ["1", "2", "3"]) == [9, 10, 10]


FLAGS = "  弄虚作假：是否，默认否\n  重大事故：是否，默认否\n  缺会次数：次，默认0\n"


@pytest.mark.parametrize(
    ("clause", "facts", "grade", "vetoed"),
    [
        (
            "存在【弄虚作假】问题的，实行一票否决，考核等次定为不合格",
            {"弄虚作假": "是"},
            "不合格",
            True,
        ),
        ("存在【弄虚作假】问题的，实行一票否决，考核等次定为不合格", {}, "优秀", False),
        ("【弄虚作假】的，年度考核等次定为不合格", {"弄虚作假": "是"}, "不合格", False),
        ("发生【重大事故】的县区，年度考核等次最高为良好", {"重大事故": "是"}, "良好", False),
        ("发生【重大事故】的单位，当年不得评为优秀等次", {"重大事故": "是"}, "良好", False),
        ("发生【重大事故】的县区，年度考核等次最高为良好", {}, "优秀", False),
    ],
)
def test_grade_limit_wordings(clause, facts, grade, vetoed):
    p = policy(clause, FLAGS, BANDS)
    compiled = p.score(facts)
    assert compiled == p.interpreter.score(facts)
    assert (compiled.grade, compiled.vetoed) == (grade, vetoed)
    assert compiled.total == 10  # the limits never change a score


def test_a_middle_band_cannot_be_set_outright():
    with pytest.raises(PolicyError) as info:
        policy("【弄虚作假】的，考核等次定为良好", FLAGS, BANDS)
    (diag,) = [d for d in info.value.diagnostics if d.code == "E255"]
    assert "等次最高为良好，等次最低为良好" in diag.hint()
    # …and the hint compiles to exactly that band
    p = policy("【弄虚作假】的，等次最高为良好，等次最低为良好", FLAGS, BANDS)
    assert p.score({"弄虚作假": "是"}).grade == "良好"
    assert p.score({"弄虚作假": "是", "缺会次数": 0}).grade == "良好"


SHARE = "【任务完成率】达到或超过全市平均完成率的得10分，低于平均完成率的，按本单位完成率占平均完成率的比例计分"


@pytest.mark.parametrize(
    "clause",
    [
        SHARE,
        "【任务完成率】不低于平均值的得10分，低于平均值的，按本单位完成率占全市平均完成率的比例得分",
    ],
)
def test_a_share_of_the_average(clause):
    p = policy(clause, "  任务完成率：数值\n", head="精度：0.01分\n")
    # average (110 + 100 + 90 + 80) / 4 = 95: 110 and 100 reach it; 90 earns 10 × 90/95
    # = 9.473… → 9.47; 80 earns 10 × 80/95 = 8.421… → 8.42
    assert scores(p, "任务完成率", ["110", "100", "90", "80"]) == [10, 10, D("9.47"), D("8.42")]
    # a unit exactly at the average, and all equal: the full 10
    assert scores(p, "任务完成率", ["95", "95"]) == [10, 10]


def test_a_measure_starting_with_jian_and_a_county_as_its_own_value():
    """`平均减排量` names the average of 【减排量】 (减 is a word of the name where no amount
    follows it), and `本县减排量` the unit's own value."""
    clause = "【减排量】达到全市平均减排量的得满分，未达到的按本县减排量占全市平均减排量的比例计分"
    p = policy(clause, "  减排量：数值\n", head="精度：0.01分\n")
    # average (120 + 100 + 80 + 60) / 4 = 90: 80 earns 10 × 80/90 = 8.888… → 8.89
    assert scores(p, "减排量", ["120", "100", "80", "60"]) == [10, 10, D("8.89"), D("6.67")]


@pytest.mark.parametrize("effect", ["减2分", "减二分", "减半扣分"])
def test_jian_with_an_amount_after_the_average_is_the_effect(effect):
    if effect == "减半扣分":  # no amount before it: a syntax error, never an average's name
        with pytest.raises(PolicyError):
            policy(f"【税收增速】低于全市平均{effect}")
        return
    p = policy(f"【税收增速】低于全市平均{effect}")
    assert scores(p, "税收增速", ["1", "2", "3"]) == [8, 10, 10]


def test_a_share_of_the_average_in_sql_equals_after_rounding(tmp_path, monkeypatch):
    """A quotient of a value by the batch average may not terminate: the SQL query
    keeps 12 places (the Python engine 40), so the scores agree after 精度 — and the
    DuckDB engine, whose item amounts would differ in their last places, has the
    Python engine score each unit with the exact mean: the same files, byte for
    byte.  A 数值 fact (nine integer digits, six decimals) over a mean of twelve
    places could overflow the query's decimals: refused by line."""
    p = policy(SHARE, "  任务完成率：百分比\n", head="精度：0.01分\n")
    rows = [{"单位": f"U{i}", "任务完成率": v} for i, v in enumerate(["100", "95", "90", "80"])]
    results = batch(p, rows)
    got = duckdb_results(p.ir, rows)
    # mean 91.25: 90 earns 10 × 90 / 91.25 = 9.863… → 9.86, 80 earns 8.767… → 8.77
    assert [r["总分"] for r in got] == [10, 10, D("9.86"), D("8.77")]
    assert [r["(一)工作"] for r in got] == [r.nodes["(一)"].score for r in results]
    sqlbatch.check(p)  # no statistic of a score holds the quotient: scored exactly
    rule = tmp_path / "平均.rule"
    rule.write_text(rule_text(SHARE, "  任务完成率：百分比\n", head="精度：0.01分\n"), "utf-8")
    data = tmp_path / "数据.csv"
    values = ["100", "95", "90", "80", "85.5", "abc", "", "33.3"]
    data.write_text(
        "单位,任务完成率\n" + "".join(f"U{i},{v}\n" for i, v in enumerate(values)), "utf-8"
    )
    assert not assert_same_reports(tmp_path / "r", monkeypatch, rule, [data], (".csv",))
    items = (tmp_path / "r" / "dk.csv" / "结果-明细.csv").read_text(encoding="utf-8-sig")
    assert "平均值【任务完成率】 = " in items
    wide = policy(SHARE, "  任务完成率：数值\n")
    batch(wide, rows)
    with pytest.raises(SqlUnsupported, match="第9行的条款"):
        duckdb_results(wide.ir, rows)


@pytest.mark.parametrize(
    ("clause", "code"),
    [
        # the share names another fact's average
        ("【任务完成率】低于平均值的，按本单位达标率占平均达标率的比例计分", "E256"),
        # no comparison with the average says whose average it is
        ("按本单位完成率占全市平均完成率的比例计分", "E101"),
    ],
)
def test_a_share_of_the_average_refused(clause, code):
    with pytest.raises(PolicyError) as info:
        policy(clause, "  任务完成率：百分比\n")
    assert code in [d.code for d in info.value.diagnostics]


@pytest.mark.parametrize(
    "clause",
    [
        "【事故次数】不超过全县各乡镇平均数的得10分；超过的，每多1次扣2分，扣完为止",
        "【事故次数】不超过平均值的得10分；超过平均值的，每多1次扣2分，扣完为止",
        "【事故次数】不超过平均值的得10分，每多1次扣2分，扣完为止",
    ],
)
def test_a_standard_in_two_halves_is_one_rule(clause):
    """Counts 0, 1, 3, 4, 0: average 1.6.  At or below it: 10.  3 is 1.4 above (one
    whole step: −2 → 8), 4 is 2.4 above (two steps: −4 → 6) — deducted from the 10 the
    first half names, never 0 because the first half's condition failed."""
    p = policy(clause, "  事故次数：次\n")
    assert scores(p, "事故次数", ["0", "1", "3", "4", "0"]) == [10, 10, 8, 6, 10]


def test_a_standard_in_two_halves_with_a_number():
    p = policy("【达标率】达到90%的得8分；低于90%的，每低1个百分点扣1分", "  达标率：百分比\n")
    assert scores(p, "达标率", ["95", "90", "89", "85.5", "70"]) == [8, 8, 7, 4, 0]


def test_a_bonus_between_the_two_halves_keeps_them_one_rule():
    """`达到平均的得6分；超过的，每超1个百分点加0.5分，最多加2分；低于的，每低1个百分点扣1分`:
    the bonus side stands between the halves; a unit below the mean loses from the 6
    the first half names (it was left with 0: its condition failed and the steps took
    from nothing).  Rates 80, 82, 85, 78, 75: mean 80.  The bonus counts in the total
    (9.21), never in the item."""
    p = policy(
        "【达标率】达到全市平均值的得6分；超过平均值的，每超过1个百分点加0.5分，最多加2分；"
        "低于平均值的，每低1个百分点扣1分，扣完为止",
        "  达标率：百分比\n",
    )
    rows = [{"单位": f"U{i}", "达标率": v} for i, v in enumerate(["80", "82", "85", "78", "75"])]
    results = batch(p, rows)
    assert [r.nodes["(一)"].score for r in results] == [6, 6, 6, 4, 1]
    assert [r.total for r in results] == [6, 7, 8, 4, 1]


@pytest.mark.parametrize(
    "standard",
    [
        "【覆盖率】达到100%的得3分，每低5个百分点扣0.5分",
        "【覆盖率】达到100%的得3分；低于100%的，每低5个百分点扣0.5分",
        "【覆盖率】达到100%的得3分，每低5个百分点扣0.5分，最多扣5分",
    ],
)
def test_the_steps_of_a_standard_take_at_most_its_own_points(standard):
    """Beside `【活动】得2分` in an item of 5: coverage 50% is 10 steps (5 points), but the
    standard earns 3 and loses at most those 3 — the activity's 2 stay (they were taken
    too: the item's floor was the only limit).  70% loses 3 of 3, 90% loses 1."""
    text = (
        rule_text(
            f"【活动】得2分，否则不得分\n  - {standard}",
            "  活动：是否\n  覆盖率：百分比\n",
        )
        .replace("(一)工作(10分)", "(一)工作(5分)")
        .replace("满分：10分", "满分：5分")
    )
    p = compile_policy(text, filename="标准.rule")
    rows = [
        {"单位": f"U{i}", "活动": "是", "覆盖率": v}
        for i, v in enumerate(["100", "90", "70", "50"])
    ]
    assert [r.nodes["(一)"].score for r in batch(p, rows)] == [5, 4, 2, 2]


def test_a_bare_comparison_takes_the_value_before_it():
    p = policy("【达标率】达到90%的得10分；低于的，得5分", "  达标率：百分比\n")
    assert scores(p, "达标率", ["95", "90", "89.99"]) == [10, 10, 5]


def test_a_bare_comparison_with_two_values_before_it_is_refused():
    with pytest.raises(PolicyError) as info:
        policy("【达标率】达到90%的得10分；低于80%的得3分；低于的，得5分", "  达标率：百分比\n")
    (diag,) = info.value.diagnostics
    assert (diag.code, diag.span.column) == ("E101", 31)  # at 低于的


@pytest.mark.parametrize(
    "clause",
    [
        "【税收增速】高于全市平均值1个百分点以上的，扣2分",
        "【税收增速】超过全市平均值1个百分点以上的，扣2分",
        "【税收增速】高于全市平均值1个百分点以上（含1个百分点）的，扣2分",
        "【税收增速】多于全市平均值1个百分点及以上的，扣2分",
    ],
)
def test_above_the_mean_by_a_distance_and_more_includes_the_distance(clause):
    """`以上` after `高于平均值1个百分点` takes exactly 1 point above in (平均值 + 1 ≤ X), as
    after 低于 (9.8); read as the agreeing 高于 alone it left the unit exactly 1 above out.
    Rates 3, 5, 4, 4.5: mean 4.125; 5 is 0.875 above, 5.125 would be exactly 1."""
    p = policy(clause)
    assert scores(p, "税收增速", ["3", "5", "4", "4.5"]) == [10, 10, 10, 10]
    assert scores(p, "税收增速", ["3", "5.125", "4", "4.375"]) == [10, 8, 10, 10]
    assert scores(p, "税收增速", ["3", "5.2", "4", "4.3"]) == [10, 8, 10, 10]


@pytest.mark.parametrize(
    ("clause", "first", "last"),
    [
        ("【税收增速】高于5%以上的，扣2分", "高于", "以上"),
        ("【税收增速】低于2%以下的，扣2分", "低于", "以下"),
        ("【税收增速】超过5%以上的，扣2分", "超过", "以上"),
        ("【税收增速】高于5%及以上的，扣2分", "高于", "及以上"),
    ],
)
def test_an_exclusive_and_an_inclusive_word_together_warn_and_read_the_first(clause, first, last):
    """`高于5%以上` stacks 高于 (without 5) and 以上 (with it): read as 高于 as `超过…以上`
    always was, and now said (W305) — it was read so silently.  Rates 5, 6, 1.9, 2."""
    p = policy(clause)
    (warning,) = [d for d in p.diagnostics if d.code == "W305"]
    assert warning.args == {"first": first, "last": last}
    got = scores(p, "税收增速", ["5", "6", "1.9", "2"])
    assert got == ([10, 8, 10, 10] if last.endswith("以上") else [10, 10, 8, 10])


@pytest.mark.parametrize(
    "clause",
    [
        "【达标率】低于90%的，每低1个百分点扣0.5分",
        "【达标率】低于90%的，每低1个百分点扣0.5分，不足1个百分点的部分不扣分",
        "【达标率】低于90%的，每低1个百分点扣0.5分（不足1个百分点的不扣分）",
        "【达标率】低于90%的，每低1个百分点扣0.5分，不足1个百分点的不扣分",
    ],
)
def test_a_part_step_that_takes_nothing_is_whole_steps(clause):
    """`，不足1个百分点的部分不扣分` after a step of 1个百分点 says what steps always do
    (第11节), on any clause line (it was read only beside a ranking or a mean)."""
    p = policy(clause, "  达标率：百分比\n")
    assert scores(p, "达标率", ["90", "89.5", "88.9", "80"]) == [10, 10, Decimal("9.5"), 5]


def test_a_part_step_of_another_size_is_refused():
    with pytest.raises(PolicyError):
        policy(
            "【达标率】低于90%的，每低2个百分点扣0.5分，不足1个百分点的不扣分", "  达标率：百分比\n"
        )


def test_the_highest_band_set_outright_is_a_floor():
    # 直接确定为优秀: the top band whatever the score (a floor at the top band)
    p = policy("【缺会次数】每次扣2分；【弄虚作假】的，年度考核等次直接确定为优秀", FLAGS, BANDS)
    low = {"弄虚作假": "是", "缺会次数": 9}
    assert p.score(low).grade == "优秀"
    assert p.score(low) == p.interpreter.score(low)
    assert p.score(low).total == 0
    assert p.score({"弄虚作假": "否", "缺会次数": 9}).grade == "不合格"
