"""Comparison words read aloud from symbols (`大于等于` ≥, `小于等于` ≤, and their 或 forms)
and `达不到` (未达到): each scores exactly as the word the language already had for the same
bound, in a condition, a counter, a standard followed by steps and a per-step shortfall —
the bound itself included or not as the word says."""

from __future__ import annotations

import pytest
from helpers import item_totals, one_item, one_refusal
from sqlrun import duckdb_results
from xize.compiler import compile_policy

FACTS = "  完成率：百分比\n"
VALUES = ("95%", "90.5%", "90%", "89.5%", "85%", "80%")

#: Each new word and the word it must score like.
SYNONYMS = [
    ("大于等于", "不低于"),
    ("大于或等于", "不低于"),
    ("等于或大于", "达到"),
    ("小于等于", "不超过"),
    ("小于或等于", "不超过"),
    ("等于或小于", "不超过"),
    ("达不到", "未达到"),
]

FORMS = [
    "【完成率】{w}90%的扣2分",
    "【完成率】{w}90%的得6分，否则不得分",
]

STANDARDS = [
    ("大于等于", "【完成率】大于等于90%的得6分；低于90%的，每低1个百分点扣1分"),
    ("大于或等于", "【完成率】大于或等于90%的得6分；低于90%的，每低1个百分点扣1分"),
    ("小于等于", "【完成率】小于等于90%的得6分；超过90%的，每超1个百分点扣1分"),
]


def totals(clause: str) -> list:
    policy = compile_policy(one_item(clause, FACTS))
    return [policy.score({"完成率": v}).total for v in VALUES]


@pytest.mark.parametrize(("word", "same"), SYNONYMS)
@pytest.mark.parametrize("form", FORMS)
def test_each_word_scores_as_its_synonym(word, same, form):
    assert totals(form.format(w=word)) == totals(form.format(w=same))


def test_a_shortfall_below_the_bound_is_counted_from_it():
    clause = "【完成率】{w}90%的，每差1个百分点扣0.5分"
    assert totals(clause.format(w="达不到")) == totals(clause.format(w="未达到"))
    assert totals(clause.format(w="达不到"))[VALUES.index("85%")] == 3.5


def test_the_bound_is_on_the_side_the_word_says():
    # at exactly 90%: ≥ and ≤ both include it; 达不到 leaves it out
    at = VALUES.index("90%")
    assert totals("【完成率】大于等于90%的扣2分")[at] == 4
    assert totals("【完成率】小于等于90%的扣2分")[at] == 4
    assert totals("【完成率】达不到90%的扣2分")[at] == 6
    assert totals("【完成率】达不到90%的扣2分")[VALUES.index("89.5%")] == 4


@pytest.mark.parametrize(("word", "clause"), STANDARDS)
def test_a_standard_in_two_halves_reads_as_one_rule(word, clause):
    """`大于等于90%的得6分；低于90%的，每低…扣` is the standard and its shortfall (§9.16):
    the steps start at the bound, never counted from zero."""
    plain = clause.replace(word, "不低于" if "大于" in word else "不超过")
    assert totals(clause) == totals(plain)


@pytest.mark.parametrize(
    "clause, expected",
    [
        ("【化解率】小于90%大于等于80%的扣2分", ["6", "4", "4", "6"]),
        ("【化解率】低于90%高于80%的扣2分", ["6", "4", "6", "6"]),
        # a 、 between them says no more
        ("【化解率】低于90%、不低于80%的扣2分", ["6", "4", "4", "6"]),
        ("【化解率】达到80%、低于90%的扣2分", ["6", "4", "4", "6"]),
        (
            "【化解率】大于等于90%的得6分，小于90%大于等于80%的得4分，小于80%的不得分",
            ["6", "4", "4", "0"],
        ),
    ],
)
def test_a_bound_on_each_side_written_without_qie_is_one_range(clause, expected):
    """`小于90%大于等于80%`: an upper and a lower bound side by side read as with 且."""
    values = ["90%", "85%", "80%", "79%"]
    text = one_item(clause, "  化解率：百分比\n")
    assert item_totals(text, "化解率", values) == expected
    said = clause.replace("%大", "%且大").replace("%高", "%且高").replace("、", "且")
    assert item_totals(one_item(said, "  化解率：百分比\n"), "化解率", values) == expected


@pytest.mark.parametrize(
    "clause",
    [
        "【化解率】低于90%低于80%的扣2分",
        "【化解率】等于90%高于80%的扣2分",
        # 、 on one side: two tiers, or the lower bound? never the deeper one unasked
        "【化解率】低于90%、低于80%的扣2分",
    ],
)
def test_two_comparisons_side_by_side_that_bound_no_range_are_refused(clause):
    diagnostic = one_refusal(one_item(clause, "  化解率：百分比\n"))
    assert diagnostic.code == "E101"
    assert "且" in diagnostic.hint()


@pytest.mark.parametrize(
    "clause",
    [
        "【化解率】高于90%且低于80%的扣2分",
        "【化解率】高于90%低于80%的扣2分",
        "【化解率】高于90%、低于80%的扣2分",  # 、: both ends, or a range?
    ],
)
def test_a_range_no_value_is_in_is_refused_and_both_readings_compile(clause):
    diagnostic = one_refusal(one_item(clause, "  化解率：百分比\n"))
    assert diagnostic.code == "E271"
    values = ["95%", "85%", "70%"]
    rng = "【化解率】高于80%且低于90%的扣2分"
    ends = "【化解率】高于90%或低于80%的扣2分"
    assert "高于80%且低于90%" in diagnostic.hint() and "高于90%或低于80%" in diagnostic.hint()
    assert item_totals(one_item(rng, "  化解率：百分比\n"), "化解率", values) == ["6", "4", "6"]
    assert item_totals(one_item(ends, "  化解率：百分比\n"), "化解率", values) == ["4", "6", "4"]


def test_a_bound_neither_side_takes_is_written_into_each_side_in_the_hint():
    """`高于90%的得6分，低于90%的得2分`: exactly 90% is in neither (E247); the hint writes the
    bound into each side, and each reading compiles and scores as it says."""
    facts = "  化解率：百分比\n"
    diagnostic = one_refusal(one_item("【化解率】高于90%的得6分，低于90%的得2分", facts))
    assert diagnostic.code == "E247"
    first = "【化解率】不低于90%的得6分，低于90%的得2分"
    second = "【化解率】高于90%的得6分，不高于90%的得2分"
    assert first in diagnostic.hint() and second in diagnostic.hint()
    values = ["95%", "90%", "85%"]
    assert item_totals(one_item(first, facts), "化解率", values) == ["6", "6", "2"]
    assert item_totals(one_item(second, facts), "化解率", values) == ["6", "2", "2"]


def test_a_unit_at_the_average_is_placed_by_either_reading_of_the_hint():
    facts = "  化解率：百分比\n"
    clause = "【化解率】高于全市平均水平的得6分，低于全市平均水平的不得分"
    hint = one_refusal(one_item(clause, facts)).hint()
    readings = {
        "【化解率】不低于全市平均水平的得6分，低于全市平均水平的不得分": ["6", "6", "0"],
        "【化解率】高于全市平均水平的得6分，不高于全市平均水平的不得分": ["6", "0", "0"],
    }
    rows = [{"单位": n, "化解率": v} for n, v in (("甲", "90%"), ("乙", "80%"), ("丙", "70%"))]
    for written, expected in readings.items():
        assert written in hint
        policy = compile_policy(one_item(written, facts))
        assert [format(r.total.normalize(), "f") for r in policy.score_batch(rows)] == expected


def test_budao_is_below_as_weida():
    """`不到90%的` (not reaching 90%) is 未达到: 90% itself is not below it."""
    facts = "  化解率：百分比\n"
    values = ["95%", "90%", "89%"]
    for clause in ("【化解率】不到90%的扣2分", "【化解率】未达到90%的扣2分"):
        assert item_totals(one_item(clause, facts), "化解率", values) == ["6", "6", "4"]
    pair = "【化解率】达到90%的得6分，不到90%的得2分"  # the exact opposite: one rule
    assert item_totals(one_item(pair, facts), "化解率", values) == ["6", "6", "2"]


@pytest.mark.parametrize("word", ["不等于", "≠", "!=", "不是", "非", "并非"])
def test_not_equal_is_any_other_value_in_every_engine(word):
    facts = "  化解率：百分比\n"
    clause = f"【化解率】{word}100%的扣2分"
    assert item_totals(one_item(clause, facts), "化解率", ["100%", "99.99%"]) == ["6", "4"]
    policy = compile_policy(one_item(clause, facts))
    rows = [{"单位": "甲", "化解率": "100%"}, {"单位": "乙", "化解率": "90%"}]
    got = [r["总分"] for r in duckdb_results(policy.ir, rows)]
    assert got == [r.total for r in policy.score_batch(rows)] == [6, 4]


def test_equal_and_not_equal_are_each_others_opposite():
    pair = "【化解率】等于100%的得6分，不等于100%的得2分"
    assert item_totals(one_item(pair, "  化解率：百分比\n"), "化解率", ["100%", "90%"]) == [
        "6",
        "2",
    ]


@pytest.mark.parametrize(
    "clause, readings",
    [
        (
            "【化解率】低于90%（含）的扣2分",
            {"不超过90%": ["6", "4", "4"], "低于90%": ["6", "6", "4"]},
        ),
        (
            "【化解率】高于90%（含90%）的扣2分",
            {"达到90%": ["4", "4", "6"], "高于90%": ["4", "6", "6"]},
        ),
        ("【化解率】达到90%（含）的扣2分", {"达到90%": ["4", "4", "6"]}),
    ],
)
def test_a_remark_on_the_number_after_a_comparison_word_says_what_to_write(clause, readings):
    """`低于90%（含）`: the word says 90% is out, the remark in — both written (E116, it was
    a generic syntax error); a remark that agrees (`达到90%（含）`) is to be dropped."""
    facts = "  化解率：百分比\n"
    diagnostic = one_refusal(one_item(clause, facts))
    assert diagnostic.code == "E116"
    for written, scores in readings.items():
        assert f"写 {written}" in diagnostic.hint()
        fixed = f"【化解率】{written}的扣2分"
        assert item_totals(one_item(fixed, facts), "化解率", ["95%", "90%", "89%"]) == scores


@pytest.mark.parametrize(
    ("short", "full"),
    [
        ("【完成率】达90%的扣2分", "【完成率】达到90%的扣2分"),
        ("【完成率】达90%的得6分，否则不得分", "【完成率】达到90%的得6分，否则不得分"),
        ("【完成率】达90%且低于95%的扣1分", "【完成率】达到90%且低于95%的扣1分"),
        ("【完成率】应达90%，每低1个百分点扣1分", "【完成率】应达到90%，每低1个百分点扣1分"),
    ],
)
def test_da_before_its_number_is_daodao(short, full):
    """`达90%的` is 达到: the bound included, in a condition, a range and a standard."""
    assert totals(short) == totals(full)
    assert totals(short)[VALUES.index("90%")] == totals(full)[VALUES.index("90%")]


def test_da_counts_as_daodao_and_asks_what_daodao_asks():
    facts = "  差错：次\n"
    assert item_totals(one_item("【差错】达3次的不得分", facts), "差错", ["2", "3"]) == ["6", "0"]
    # without 的 or 应, a standard or a condition: asked, as with 达到 (E221) — never read
    # as the condition `达4次的`, which would deduct from the units that met it
    refused = one_refusal(one_item("【差错】达4次，每缺1次扣1分", facts))
    assert refused.code == one_refusal(one_item("【差错】达到4次，每缺1次扣1分", facts)).code
    assert refused.code == "E221"


def test_the_da_of_dabiao_is_no_comparison():
    """`达标的` names a state, not a bound: refused as before, never read as 达到标."""
    assert one_refusal(one_item("【完成率】达标的得6分", FACTS)).code == "E116"


@pytest.mark.parametrize(
    ("short", "said", "facts", "rows"),
    [
        (
            "【完成率】比90%每低1个百分点扣0.5分",
            "【完成率】与90%相比，每低1个百分点扣0.5分",
            "  完成率：百分比\n",
            [{"完成率": v} for v in ("95%", "90%", "85%")],
        ),
        (
            "【完成率】较【上年完成率】每提高1个百分点加0.5分",
            "【完成率】与【上年完成率】相比，每提高1个百分点加0.5分",
            "  完成率：百分比\n  上年完成率：百分比\n",
            [{"完成率": a, "上年完成率": b} for a, b in (("95%", "90%"), ("85%", "90%"))],
        ),
    ],
)
def test_bi_and_jiao_before_the_value_are_yu_xiangbi(short, said, facts, rows):
    """`比90%每低…`, `较【上年完成率】每提高…`: the standard named in one word, as 与…相比."""
    units = [{"单位": str(i), **row} for i, row in enumerate(rows)]
    got = [r.total for r in compile_policy(one_item(short, facts)).score_batch(units)]
    want = [r.total for r in compile_policy(one_item(said, facts)).score_batch(units)]
    assert got == want and len(set(got)) > 1


@pytest.mark.parametrize(
    ("done", "reached"),
    [
        ("【完成率】完成90%的得6分，否则不得分", "【完成率】达到90%的得6分，否则不得分"),
        ("【完成率】90%完成的扣2分", "【完成率】达到90%的扣2分"),
        ("【完成率】完成90%以上的扣2分", "【完成率】90%以上的扣2分"),
        ("【完成率】未完成90%的扣2分", "【完成率】未达到90%的扣2分"),
        ("【完成率】没有完成90%的扣2分", "【完成率】未达到90%的扣2分"),
        ("【完成率】完成不到90%的扣2分", "【完成率】不到90%的扣2分"),
        (
            "【完成率】完成100%的得满分，每少1个百分点扣0.5分",
            "【完成率】达到100%的得满分，每少1个百分点扣0.5分",
        ),
    ],
)
def test_a_share_done_is_a_share_reached(done, reached):
    """`完成90%的`: 90% done is 90% reached, the bound included (以上 left to the header)."""
    assert totals(done) == totals(reached)
    assert len(set(totals(done))) > 1


@pytest.mark.parametrize(
    "done",
    [
        "【未完成率】完成90%以上的得6分",
        "【未完成率】完成90%的得6分，否则不得分",
        "【未完成率】完成不到90%的扣2分",
        "【未完成率】未完成90%的扣2分",
    ],
)
def test_a_share_done_is_never_read_on_a_share_not_done(done):
    """`完成90%以上` on 【未完成率】: read without 完成 it would give the points to the units
    that left 90% undone.  Refused, with the sentence written on 【完成率】, which scores
    as 【完成率】 with the same words does."""
    refused = one_refusal(one_item(done, "  未完成率：百分比\n"))
    assert refused.code == "E116"
    written = str(refused.args["suggest"]).removeprefix("写 ").split("（", 1)[0]
    assert written == done.replace("【未完成率】", "【完成率】")
    assert len(set(totals(written))) > 1


def test_points_in_proportion_are_never_given_by_a_share_not_done():
    """`【未完成率】按完成比例得分`: the unit that did nothing would score the full points."""
    refused = one_refusal(one_item("【未完成率】按完成比例得分", "  未完成率：百分比\n"))
    assert refused.code == "E116"
    written = str(refused.args["suggest"]).split("写 ", 1)[1].split("（", 1)[0]
    assert written == "【完成率】按完成比例得分"
    got = totals(written)  # VALUES from the most done down
    assert got == sorted(got, reverse=True) and len(set(got)) == len(got)


def _written(hint: str) -> list[str]:
    return [part.split("写 ", 1)[1] for part in hint.split("；")]


def test_a_bare_share_asks_exactly_or_and_above_and_both_readings_compile():
    """`【完成率】90%的扣2分`: exactly 90%, or 90% and above?  Refused (it was a generic
    syntax error), each reading written out and scored here."""
    diagnostic = one_refusal(one_item("【完成率】90%的扣2分", FACTS))
    assert diagnostic.code == "E116"
    above, exact = _written(diagnostic.hint())
    assert above == "【完成率】达到90%的扣2分" and exact == "【完成率】等于90%的扣2分"
    at = VALUES.index("90%")
    assert totals(above)[at] == totals(exact)[at] == 4
    assert totals(above)[0] == 4 and totals(exact)[0] == 6  # 95%: and above, not exactly


RANGED = "  完成率：百分比，范围0至200\n"


def test_a_bare_share_before_a_step_is_the_bound_the_step_counts_from():
    """On a share that may pass 100% (its own range), `100%的` is asked as any share is."""
    clause = "【完成率】100%的得满分，每降低1个百分点扣0.5分"
    diagnostic = one_refusal(one_item(clause, RANGED))
    assert diagnostic.code == "E116"
    (written,) = _written(diagnostic.hint())
    assert written == "【完成率】达到100%的得满分，每降低1个百分点扣0.5分"
    policy = compile_policy(one_item(written, RANGED))
    assert [policy.score({"完成率": v}).total for v in ("120%", "90%")] == [6, 1]


@pytest.mark.parametrize(
    ("bare", "reached"),
    [
        (
            "【完成率】100%的得满分，每降低1个百分点扣0.5分",
            "【完成率】达到100%的得满分，每降低1个百分点扣0.5分",
        ),
        ("【完成率】100%的得6分，否则不得分", "【完成率】达到100%的得6分，否则不得分"),
    ],
)
def test_100_percent_of_a_share_that_ends_there_is_read(bare, reached):
    """A 百分比 with no range of its own ends at 100%: `100%的` is exactly and at least."""
    values = ["100%", "99%", "90%"]
    got = item_totals(one_item(bare, FACTS), "完成率", values)
    assert got == item_totals(one_item(reached, FACTS), "完成率", values)
    assert got[0] == "6" and got[1] != "6"


def test_a_value_between_two_bounds_as_a_table_cell_writes_it():
    """`80%≤完成率<90%`: the line's fact between two bounds, read with the bounds' own
    inclusivity; the numbers keep their columns, so a hint quotes them as written."""
    facts = "  完成率：百分比\n"
    values = ["95%", "90%", "85%", "80%", "70%"]
    cell = "【完成率】≥90%得6分，80%≤完成率<90%得4分，<80%不得分"
    said = "【完成率】≥90%得6分，达到80%且低于90%得4分，<80%不得分"
    assert item_totals(one_item(cell, facts), "完成率", values) == ["6", "6", "4", "4", "0"]
    assert item_totals(one_item(said, facts), "完成率", values) == ["6", "6", "4", "4", "0"]
    gap = one_refusal(one_item("【完成率】≥90%得6分，80%≤完成率<90%得4分", facts))
    assert gap.code == "E269" and "低于80%" in gap.hint()


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        ("【率】≥90%得6分，80%≤率<90%得4分，<80%不得分", "达到80%且低于90%"),
        ("【率】>90%得6分，80%<【率】≤90%得4分，<=80%不得分", "超过80%且不超过90%"),
    ],
)
def test_a_cell_the_language_does_not_read_says_what_to_write(cell, written):
    facts = "  率：百分比\n"
    diagnostic = one_refusal(one_item(cell, facts))
    assert diagnostic.code == "E116"
    sentence = diagnostic.hint().removeprefix("写成 ")
    assert written in sentence
    values = ["95%", "90%", "85%", "80%", "70%"]
    expected = ["6", "6", "4", "4", "0"] if "达到80%" in written else ["6", "4", "4", "0", "0"]
    assert item_totals(one_item(sentence, facts), "率", values) == expected


@pytest.mark.parametrize("cell", ["80%≤完成率<90%", "80%≤率<90%"])
def test_a_cell_naming_the_measure_a_negated_fact_is_not_is_never_read_as_it(cell):
    """On 【未完成率】 a cell `完成率` names the opposite measure: not read, no hint reading it."""
    facts = "  未完成率：百分比\n"
    diagnostic = one_refusal(one_item(f"【未完成率】{cell}的扣2分", facts))
    assert "达到80%且低于90%" not in (diagnostic.hint() or "")


def test_a_cell_naming_another_value_is_never_turned_into_the_lines_fact():
    """`80%≤合格率<90%` on a line of 【完成率】: not rewritten, and no hint that reads it so."""
    diagnostic = one_refusal(one_item("【完成率】≥90%得6分，80%≤合格率<90%得4分", FACTS))
    assert "达到80%且低于90%" not in (diagnostic.hint() or "")


@pytest.mark.parametrize(
    ("with_comma", "without"),
    [
        (
            "【完成率】低于90%的，每低1个百分点，扣0.5分",
            "【完成率】低于90%的，每低1个百分点扣0.5分",
        ),
        ("【完成率】每低于90%1个百分点，扣0.5分", "【完成率】每低于90%1个百分点扣0.5分"),
    ],
)
def test_a_comma_between_a_step_and_its_amount_says_nothing(with_comma, without):
    assert totals(with_comma) == totals(without)
    assert totals(with_comma)[VALUES.index("85%")] == 3.5


def test_a_bare_share_without_de_asks_as_with_it():
    diagnostic = one_refusal(one_item("【完成率】100%得3分，每降低1个百分点扣1分", FACTS))
    # (without 的 there is no room for the comparison word: asked even where 100% ends)
    assert diagnostic.code == "E116"
    (written,) = _written(diagnostic.hint())
    assert written == "【完成率】达到100%的得3分，每降低1个百分点扣1分"
    policy = compile_policy(one_item(written, FACTS))
    assert [policy.score({"完成率": v}).total for v in ("100%", "99%", "95%")] == [3, 2, 0]


@pytest.mark.parametrize(
    ("semicolon", "comma"),
    [
        (
            "【完成率】达到95%的得满分；每低1个百分点扣0.5分",
            "【完成率】达到95%的得满分，每低1个百分点扣0.5分",
        ),
        (
            "【完成率】达到100%的，得4分；每下降1个百分点，扣0.5分",
            "【完成率】达到100%的，得4分，每下降1个百分点扣0.5分",
        ),
    ],
)
def test_a_step_after_a_standard_met_and_a_semicolon_counts_from_that_standard(semicolon, comma):
    """Alone the step would have nothing to count from: it is the standard's shortfall."""
    assert totals(semicolon) == totals(comma)
    assert len(set(totals(semicolon))) > 1
