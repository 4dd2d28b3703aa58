"""Tiers joined by commas (`【化解率】达到90%的得6分，达到80%且低于90%的得4分，低于80%的得2分`)
— docs/language.md 用逗号连起的分档.

Read as the same tiers joined by ；, when they say every case exactly once; a value no
tier speaks of, or one two tiers both take, is refused (E269, or E267 for two fixed
amounts of one kind) with the case named, and every hint is compiled and scored here.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from helpers import both_totals, item_totals, one_item, one_refusal
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlrun import duckdb_results
from xize.compiler import compile_policy

RATE = "  化解率：百分比\n"
COUNT = "  投诉次数：次\n"
RATES = ["70%", "79.9%", "80%", "85%", "89.99%", "90%", "100%"]
COUNTS = [0, 1, 2, 3, 4, 7]


def rates(clause: str, values=RATES) -> list[str]:
    return item_totals(one_item(clause, RATE), "化解率", values)


def counts(clause: str, values=COUNTS) -> list[str]:
    return item_totals(one_item(clause, COUNT), "投诉次数", values)


@pytest.mark.parametrize(
    "clause",
    [
        "【化解率】达到90%的得6分，达到80%且低于90%的得4分，低于80%的得2分",
        "【化解率】达到90%的，得6分，达到80%且低于90%的，得4分，低于80%的，得2分",
        "【化解率】低于80%的得2分，达到80%且低于90%的得4分，达到90%的得6分",
        "【化解率】达到90%的得6分，达到80%且低于90%的得4分，不足80%的得2分",
        "【化解率】在90%（含）以上的得6分，在80%（含）-90%（不含）之间的得4分，低于80%的得2分",
    ],
)
def test_three_tiers_joined_by_commas_give_each_unit_its_one_tier(clause):
    assert rates(clause) == ["2", "2", "4", "4", "4", "6", "6"]


def test_commas_read_as_the_same_tiers_joined_by_semicolons():
    commas = "【化解率】达到90%的得6分，达到80%且低于90%的得4分，低于80%的不得分"
    semicolons = commas.replace("，达", "；达").replace("，低", "；低")
    assert rates(commas) == rates(semicolons) == ["0", "0", "4", "4", "4", "6", "6"]


def test_deduction_tiers_and_an_outcome_tier():
    clause = "【化解率】低于80%的扣4分，达到80%且低于90%的扣2分，达到90%的加1分"
    assert rates(clause, ["79%", "80%", "90%"]) == ["2", "4", "7"]
    outcome = "【化解率】低于80%的取消考评资格，达到80%且低于90%的扣2分，达到90%的得6分"
    policy = compile_policy(one_item(outcome, RATE))
    assert policy.score({"化解率": "79%"}).status == "取消考评资格"
    assert policy.score({"化解率": "95%"}).total == Decimal(6)


def test_count_tiers_need_only_whole_counts_covered():
    """Between 不超过1次 and 达到2次 no count falls: the tiers cover every count."""
    clause = "【投诉次数】不超过1次的得6分，达到2次且不超过3次的得4分，超过3次的不得分"
    assert counts(clause) == ["6", "6", "4", "4", "0", "0"]


@pytest.mark.parametrize(
    "clause, expected",
    [
        ("【投诉次数】低于2次的得6分，2次以上得2分", ["6", "6", "2", "2", "2", "2"]),
        ("【投诉次数】低于2次的得6分，2次及以上的得2分", ["6", "6", "2", "2", "2", "2"]),
        (
            "【投诉次数】低于2次的得6分，2次以上且不超过3次的得4分，超过3次的不得分",
            ["6", "6", "4", "4", "0", "0"],
        ),
        (
            "【投诉次数】不超过1次的得6分，达到2次且不超过3次的得4分，4次以上的不得分",
            ["6", "6", "4", "4", "0", "0"],
        ),
    ],
)
def test_a_count_tier_without_its_comparison_word(clause, expected):
    assert counts(clause) == expected


@pytest.mark.parametrize(
    "clause, case",
    [
        ("【化解率】达到90%的得6分，达到80%且低于90%的得4分", "低于80%"),
        ("【化解率】达到90%的得6分，达到80%且低于90%的得4分，低于70%的得2分", "达到70%且低于80%"),
        ("【化解率】达到90%的得6分，超过80%且低于90%的得4分，低于80%的得2分", "等于80%"),
        ("【化解率】低于80%的得2分，达到80%且低于90%的得4分", "达到90%"),
    ],
)
def test_a_case_no_tier_speaks_of_is_refused_and_named(clause, case):
    diagnostic = one_refusal(one_item(clause, RATE))
    assert diagnostic.code == "E269"
    assert f"没有说到【化解率】{case}的单位" in diagnostic.message()
    assert diagnostic.hint().startswith(f"补上这一档（{case}的")
    # the other reading the hint offers: each tier its own clause, the rest get nothing
    apart = clause.replace("，达", "；达").replace("，低", "；低").replace("，超", "；超")
    assert compile_policy(one_item(apart, RATE)) is not None


def test_the_gap_of_count_tiers_is_said_in_whole_counts():
    clause = "【投诉次数】不超过1次的得6分，达到2次且不超过3次的得4分，5次以上的不得分"
    diagnostic = one_refusal(one_item(clause, COUNT))
    assert diagnostic.code == "E269"
    assert "没有说到【投诉次数】等于4次的单位" in diagnostic.message()


def test_the_added_tier_completes_the_sentence():
    clause = "【化解率】达到90%的得6分，达到80%且低于90%的得4分"
    assert one_refusal(one_item(clause, RATE)).code == "E269"
    assert rates(clause + "，低于80%的得1分") == ["1", "1", "4", "4", "4", "6", "6"]


def test_overlapping_fixed_tiers_are_e267_with_tiers_written_out():
    clause = "【化解率】达到90%的得6分，达到80%的得4分，低于80%的得2分"
    diagnostic = one_refusal(one_item(clause, RATE))
    assert diagnostic.code == "E267"
    wide = "达到80%的得4分"
    bounded = diagnostic.hint().rpartition("把较宽的一档写成 ")[2]
    assert bounded == "达到80%且低于90%的得4分"  # no fact: it stays inside the sentence
    assert rates(clause.replace(wide, bounded)) == ["2", "2", "4", "4", "4", "6", "6"]


def test_overlapping_tiers_of_other_effects_are_refused_naming_the_overlap():
    clause = "【化解率】低于80%的取消考评资格，不超过85%的扣2分，超过85%的得6分"
    diagnostic = one_refusal(one_item(clause, RATE))
    assert diagnostic.code == "E269"
    assert "【化解率】低于80%的单位落在两档" in diagnostic.message()


def test_tiers_that_compare_with_the_average_are_refused():
    clause = "【化解率】达到平均值的得6分，达到80%且低于平均值的得4分，低于80%的得2分"
    diagnostic = one_refusal(one_item(clause, RATE))
    assert diagnostic.code == "E269"
    assert diagnostic.hint() == "各档用 “；” 分开，写成各自的条款"


@pytest.mark.parametrize("tail", ["，否则扣1分", "，最高得5分"])
def test_a_tail_after_the_last_tier_is_refused(tail):
    clause = "【化解率】达到90%的得6分，达到80%且低于90%的得4分，低于80%的得2分" + tail
    with pytest.raises(Exception):  # noqa: B017 - PolicyError, whichever code
        compile_policy(one_item(clause, RATE))


def test_a_no_deduction_tier_hint_joins_the_rest_by_semicolons():
    clause = "【化解率】达到90%的不扣分，达到80%且低于90%的扣2分，低于80%的扣4分"
    diagnostic = one_refusal(one_item(clause, RATE))
    assert diagnostic.code == "E123"
    written = diagnostic.hint().removeprefix("只写扣分的一档：")
    assert written == "【化解率】达到80%且低于90%的扣2分；低于80%的扣4分"
    assert rates(written, ["79%", "85%", "90%"]) == ["2", "4", "6"]


def test_each_tier_explains_itself_in_its_own_words():
    clause = "【化解率】达到90%的得6分，达到80%且低于90%的得4分，低于80%的得2分"
    result = compile_policy(one_item(clause, RATE)).score({"化解率": "85%"})
    texts = [item.text for item in result.items]
    assert texts == ["【化解率】达到90%的得6分", "低于80%的得2分"]


def test_duckdb_scores_comma_tiers_as_the_python_engine():
    clause = "【投诉次数】不超过1次的得6分，达到2次且不超过3次的得4分，超过3次的不得分"
    policy = compile_policy(one_item(clause, COUNT))
    rows = [{"单位": f"u{n}", "投诉次数": n} for n in range(6)]
    expected = [str(r.total.normalize()) for r in policy.score_batch(rows)]
    got = [str(Decimal(r["总分"]).normalize()) for r in duckdb_results(policy.ir, rows)]
    assert got == expected


_TIERS = st.lists(st.integers(1, 99), min_size=1, max_size=4, unique=True).map(sorted)


@settings(max_examples=40, deadline=None)
@given(
    bounds=_TIERS,
    amounts=st.lists(st.integers(0, 6), min_size=5, max_size=5),
    value=st.integers(0, 100),
)
def test_a_unit_gets_the_amount_of_the_one_tier_it_is_in(bounds, amounts, value):
    """Tiers at random bounds, in random order of writing: each unit gets its own tier's
    amount, the same as by ；."""
    tiers = [f"低于{bounds[0]}%的得{amounts[0]}分"]
    for i, low in enumerate(bounds):
        high = bounds[i + 1] if i + 1 < len(bounds) else None
        cond = f"达到{low}%" + (f"且低于{high}%" if high is not None else "")
        tiers.append(f"{cond}的得{amounts[i + 1]}分")
    order = sorted(range(len(tiers)), key=lambda i: (i * 7 + value) % len(tiers))
    written = [tiers[i] for i in order]
    clause = "【化解率】" + "，".join(written)
    apart = "【化解率】" + "；".join(written)
    own = sum(1 for low in bounds if value >= low)
    expected = str(amounts[own])
    assert rates(clause, [f"{value}%"]) == rates(apart, [f"{value}%"]) == [expected]


def test_tiers_written_number_first_read_and_their_hint_compiles():
    """`90%以上得6分，80%以上得4分，低于80%得2分`: the middle tier reaches into the first
    (E267); bounded as the hint writes it, the sentence reads."""
    clause = "【化解率】90%以上得6分，80%以上得4分，低于80%得2分"
    diagnostic = one_refusal(one_item(clause, RATE))
    assert diagnostic.code == "E267"
    bounded = diagnostic.hint().rpartition("把较宽的一档写成 ")[2]
    assert bounded == "80%以上且低于90%得4分"
    fixed = clause.replace("80%以上得4分", bounded)
    assert rates(fixed) == ["2", "2", "4", "4", "4", "6", "6"]


def _with_another_criterion(clause: str) -> list[str]:
    text = (
        "细则：试\n年度：2024\n满分：10分\n\n数据：\n  化解率：百分比\n  建立台账：是否\n\n"
        f"一、测试（10分）\n  - {clause}\n  - 【建立台账】得4分\n"
    )
    policy = compile_policy(text)
    rows = [
        {"单位": str(i), "化解率": v, "建立台账": "是"} for i, v in enumerate(["95%", "85%", "70%"])
    ]
    return [format(t.normalize(), "f") for t in both_totals(policy, rows)]


@pytest.mark.parametrize(
    "clause",
    [
        "【化解率】达到90%的得6分，达到80%且低于90%的得4分，低于80%的不得分",
        "【化解率】达到90%的得6分，达到80%且低于90%的得4分，其余不得分",
        "【化解率】达到90%的得6分，其余不得分",
    ],
)
def test_no_points_among_earning_tiers_is_none_of_the_sentences_points(clause):
    """`低于80%的不得分` after tiers that earn: the sentence gives nothing (as its two-tier
    form 达到90%的得5分，低于90%的不得分 reads) — the item's other criterion still counts."""
    earned = {"95%": "10", "85%": "8" if "80%且" in clause else "4", "70%": "4"}
    assert _with_another_criterion(clause) == list(earned.values())


def test_the_items_no_points_said_as_such_is_kept():
    clause = "【化解率】达到90%的得6分，达到80%且低于90%的得4分，低于80%的本项不得分"
    assert _with_another_criterion(clause) == ["10", "8", "0"]


def test_the_rest_takes_what_no_tier_before_it_does():
    clause = "【化解率】达到90%的得6分，达到80%且低于90%的得4分，其余得1分"
    assert rates(clause) == ["1", "1", "4", "4", "4", "6", "6"]
    deducts = "【化解率】低于60%的扣4分，低于80%且达到60%的扣2分，其余扣1分"
    assert rates(deducts, ["50%", "70%", "95%"]) == ["2", "4", "5"]
    misplaced = one_refusal(one_item("【化解率】达到90%的得6分，其余得2分，低于50%的不得分", RATE))
    assert misplaced.code == "E101"


@pytest.mark.parametrize(
    ("clause", "written", "scores"),
    [
        (
            "【化解率】低于60%的扣4分，低于80%且达到60%的扣2分，其余不扣分",
            "【化解率】低于60%的扣4分；低于80%且达到60%的扣2分",
            ["2", "4", "6"],
        ),
        ("【化解率】低于80%的扣2分，其余不扣分", "【化解率】低于80%的扣2分", ["4", "4", "6"]),
    ],
)
def test_the_rest_losing_nothing_is_refused_with_the_tiers_by_semicolons(clause, written, scores):
    diagnostic = one_refusal(one_item(clause, RATE))
    assert diagnostic.code == "E116"
    assert diagnostic.hint() == f"写成 {written}（各档用 “；” 分开，其余单位不扣分）"
    assert rates(written, ["50%", "70%", "95%"]) == scores


def test_no_points_as_a_clause_after_earning_tiers_is_refused_in_an_item_with_more():
    """By ；, `低于80%的不得分` is a clause of its own: the whole item (5.1) — or, after
    tiers that earn, none of their points?  With a second criterion the two differ: E270,
    each reading written out and scored here."""
    clause = "【化解率】达到90%的得6分；达到80%且低于90%的得4分；低于80%的不得分"
    text = (
        "细则：试\n年度：2024\n满分：10分\n\n数据：\n  化解率：百分比\n  建立台账：是否\n\n"
        f"一、测试（10分）\n  - {clause}\n  - 【建立台账】得4分\n"
    )
    diagnostic = one_refusal(text)
    assert diagnostic.code == "E270"
    assert diagnostic.hint() == (
        "只是这几档的分不得的写 低于80%的得0分；整个评分项不得分的写 低于80%的本项不得分"
    )
    none = clause.replace("低于80%的不得分", "低于80%的得0分")
    item = clause.replace("低于80%的不得分", "低于80%的本项不得分")
    assert _with_another_criterion(none) == ["10", "8", "4"]
    assert _with_another_criterion(item) == ["10", "8", "0"]
    # alone in its item the two readings agree: read as written
    assert rates(clause, ["70%", "85%", "95%"]) == ["0", "4", "6"]


def test_a_last_tier_that_deducts_nothing_is_refused_with_the_others_by_semicolons():
    clause = "【投诉次数】超过3次的扣6分，超过1次且不超过3次的扣3分，不超过1次的不扣分"
    diagnostic = one_refusal(one_item(clause, COUNT))
    assert diagnostic.code == "E123"
    written = diagnostic.hint().removeprefix("只写扣分的一档：")
    assert written == "【投诉次数】超过3次的扣6分；超过1次且不超过3次的扣3分"
    assert counts(written, [0, 1, 2, 3, 4]) == ["6", "6", "3", "3", "0"]


def test_the_rendered_document_keeps_the_sentence_of_tiers_whole():
    """`xize render` writes the tiers as the one sentence they are (by ；, `其余不得分` would
    be another rule), and that sentence reads back to the same tiers."""
    from xize.compiler.render.formats import render

    clause = "【化解率】达到90%的得6分，达到80%且低于90%的得4分，其余不得分；低于60%的取消考评资格"
    md = render(compile_policy(one_item(clause, RATE)), "md")
    assert "评分标准：化解率达到90%的得6分，达到80%且低于90%的得4分，其余不得分；" in md, md


def test_tiers_split_between_a_semicolon_and_commas_are_read_together():
    """`达到90%的，得6分；达到80%且低于90%的，得4分，低于80%的，得2分`: the clause before ；
    covers what the comma tiers leave; a case none of them takes is still refused."""
    clause = "【化解率】达到90%的，得6分；达到80%且低于90%的，得4分，低于80%的，得2分"
    assert rates(clause) == ["2", "2", "4", "4", "4", "6", "6"]
    gap = one_refusal(
        one_item("【化解率】达到90%的得6分；达到80%且低于90%的得4分，低于70%的得2分", RATE)
    )
    assert gap.code == "E269"
    assert "没有说到【化解率】达到70%且低于80%的单位" in gap.message()
    alone = one_refusal(one_item("【化解率】达到80%且低于90%的得4分，低于80%的得2分", RATE))
    assert alone.code == "E269"
    assert "没有说到【化解率】达到90%的单位" in alone.message()


@pytest.mark.parametrize(
    "clause, values, scores",
    [
        (
            "【化解率】低于80%且达到70%的扣2分，低于70%的扣4分",
            ["85%", "75%", "65%"],
            ["6", "4", "2"],
        ),
        ("【投诉次数】为1次的扣2分，为2次的扣4分，为3次及以上的扣6分", [0, 1, 2, 3, 7], None),
    ],
)
def test_a_gap_among_deductions_is_refused_with_the_tiers_by_semicolons_written(
    clause, values, scores
):
    """Tiers that only deduct, one case unsaid (above 80%, no complaint): most likely it
    loses nothing — the hint writes the sentence by ；, which compiles and says so."""
    facts = RATE if "化解率" in clause else COUNT
    name = "化解率" if "化解率" in clause else "投诉次数"
    diagnostic = one_refusal(one_item(clause, facts))
    assert diagnostic.code == "E269"
    written = diagnostic.hint().rsplit("：", 1)[1]
    assert written.count("；") == clause.count("，")
    got = item_totals(one_item(written, facts), name, values)
    assert got == (scores or ["6", "4", "2", "0", "0"])


def test_nested_deduction_tiers_are_asked_deepest_or_summed_before_any_gap():
    """`低于90%的扣1分，低于80%的扣2分，低于70%的扣3分`: E267 asks whether only the deepest
    tier counts — not also E269, whose ；-form would only meet E267 again.  Its ranges
    written, the gap above 90% is E269's, whose ；-form compiles."""
    clause = "【化解率】低于90%的扣1分，低于80%的扣2分，低于70%的扣3分"
    refused = one_refusal(one_item(clause, RATE))
    assert refused.code == "E267"
    assert "把较宽的一档写成 【化解率】低于90%且不低于80%的扣1分" in refused.hint()
    ranges = "【化解率】低于90%且不低于80%的扣1分，低于80%且不低于70%的扣2分，低于70%的扣3分"
    refused = one_refusal(one_item(ranges, RATE))
    assert refused.code == "E269"
    written = refused.hint().rsplit("：", 1)[1]
    assert rates(written, ["95%", "85%", "75%", "65%"]) == ["6", "5", "4", "3"]
