"""The words before 平均 (§9.8): a scope (`全市`, `全县各乡镇`, `参评单位`) leaves the average
the batch's own mean; anything more (`上年`, `近三年`, `先进单位`, `前三名的`) names another number, and the
clause is refused (E262) in every form that compares with an average — never scored as
the batch mean.  (`去掉最高值和最低值后的` names the trimmed mean: tests/test_trimmed_mean.py.)"""

from __future__ import annotations

from decimal import Decimal

import pytest
from helpers import one_item
from xize.compiler import PolicyError, compile_policy
from xize.compiler.syntax import keywords as kw


def rule(clause: str) -> str:
    return one_item(clause, "  完成率：百分比\n", "平均值范围的测试")


#: Every form that compares with the batch mean, with `{s}` where its words go.
FORMS = [
    "【完成率】低于{s}平均值的扣1分",
    "【完成率】低于{s}平均水平的，扣1分",
    "【完成率】每低于{s}平均值1个百分点扣0.5分，最多扣3分",
    "【完成率】低于{s}平均值5个百分点的，扣2分",
    "【完成率】低于{s}平均值5个百分点的，超出部分每低1个百分点扣0.5分，最多扣3分",
    "【完成率】超过{s}平均值5个点以内扣1分，5个点以外扣2分",
    "【完成率】超过平均值5个点以内扣1分，超过{s}平均值5个点以外扣2分",
    "【完成率】达到或高于{s}平均值的得4分；低于平均值3个百分点以内的得2分；低于平均值超过3个百分点的不得分",
    "【完成率】达到{s}平均值的得6分，低于平均值的得3分",
    "【完成率】达到平均值的得6分，低于{s}平均值的得3分",
    "【完成率】低于{s}平均完成率的扣1分",
    "【完成率】与{s}平均水平相比，每低1个百分点扣1分",
    "【完成率】低于平均值的，按本单位完成率占{s}平均完成率的比例计分",
    "得(【完成率】÷{s}平均值×6)分，最多得6分",
]
#: Words that only say which units the mean is of.
SCOPES = ["", "全市", "全县各乡镇", "参评单位", "全市同期", "全市各县区", "本批"]
#: Words that make it another number.
OTHERS = [
    "上年",
    "上年全市",
    "全市上年",
    "近三年",
    "历年",
    "先进单位",
    "前三名的",
    "省定",
]


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("words", SCOPES)
def test_a_scope_before_the_average_leaves_it_the_batch_mean(form, words):
    plain = compile_policy(rule(form.format(s="")))
    scoped = compile_policy(rule(form.format(s=words)))
    batch = [
        {"单位": u, "完成率": v}
        for u, v in zip("甲乙丙丁", ("96%", "90%", "84%", "70%"), strict=True)
    ]
    assert [r.total for r in scoped.score_batch(batch)] == [
        r.total for r in plain.score_batch(batch)
    ]


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("words", OTHERS)
def test_words_naming_another_number_are_refused(form, words):
    with pytest.raises(PolicyError) as error:
        compile_policy(rule(form.format(s=words)))
    codes = [d.code for d in error.value.diagnostics]
    if "占{s}" in form and len(words) > 8:  # longer than a share's words: not read as one
        assert codes == ["E101"], codes
    else:
        assert "E262" in codes, codes


def test_the_refusal_says_what_to_write_and_its_advice_compiles():
    text = rule("【完成率】低于上年全市平均水平的，扣2分")
    with pytest.raises(PolicyError) as error:
        compile_policy(text)
    (diag,) = error.value.diagnostics
    assert diag.code == "E262" and (diag.span.line, diag.span.column) == (9, 12)
    assert "上年全市" in diag.message() and "参数" in diag.hint()
    # the advice: the known figure as a parameter, compared the same way (低于 stays 低于)
    fixed = text.replace("一、测试", "参数：\n  上年全市平均水平 = 85%\n\n一、测试").replace(
        "低于上年全市平均水平", "低于【上年全市平均水平】"
    )
    policy = compile_policy(fixed)
    assert policy.score({"完成率": "84.9%"}).total == Decimal(4)
    assert policy.score({"完成率": "85%"}).total == Decimal(6)


def test_the_english_message_names_the_words():
    with pytest.raises(PolicyError) as error:
        compile_policy(rule("【完成率】低于近三年平均值的扣1分"))
    (diag,) = error.value.diagnostics
    assert "近三年" in diag.message("en") and "batch mean" in diag.message("en")


@pytest.mark.parametrize(
    ("words", "unread"),
    [
        ("全市", ""),
        ("全县各乡镇", ""),
        ("全市各县（市、区）", ""),
        ("参评单位的", ""),
        ("上年全市", "上年全市"),
        ("全市前三名的", "前三名的"),
        ("全市州", ""),
    ],
)
def test_which_words_are_read_as_a_scope(words, unread):
    assert kw.average_words_unread(words) == unread


def ranked(target: str, clause: str) -> str:
    return rule(clause).replace("满分：6分\n", f"满分：6分\n考评对象：{target}\n")


PLACE_FORMS = [
    "【完成率】{s}排名后三位的扣1分",
    "【完成率】在{s}排名第1名的加1分",
    "【完成率】{s}最低的扣1分",
    "【完成率】{s}倒数第一的不得分",
    "按【完成率】{s}排名，第1名得6分，第2名得4分",
    "【完成率】每低于{s}最高值1个百分点扣0.5分",
]


@pytest.mark.parametrize("form", PLACE_FORMS)
def test_a_place_in_a_wider_ranking_than_the_batch_is_refused(form):
    """E263: the units are one city's counties; `全省排名后三位` is the province's ranking,
    another number than the place among the batch."""
    with pytest.raises(PolicyError) as error:
        compile_policy(ranked("全市各县（市、区）", form.format(s="全省")))
    (diag,) = [d for d in error.value.diagnostics if d.is_error]
    assert diag.code == "E263" and "全省" in diag.message()
    # the batch's own scope, or a 考评对象 as wide as the ranking, reads as the batch's place
    compile_policy(ranked("全市各县（市、区）", form.format(s="全市")))
    compile_policy(ranked("全省各市（州）", form.format(s="全省")))


def test_the_advice_for_a_wider_place_compiles_and_deducts():
    text = ranked("全市各县（市、区）", "【全省排名后三位】的，扣1分").replace(
        "  完成率：百分比\n", "  完成率：百分比\n  全省排名后三位：是否\n"
    )
    policy = compile_policy(text)
    assert policy.score({"完成率": "90%", "全省排名后三位": "是"}).total == Decimal(5)
    assert policy.score({"完成率": "90%", "全省排名后三位": "否"}).total == Decimal(6)


@pytest.mark.parametrize(
    ("subject", "reads"),
    [
        ("各乡镇", True),
        ("全市各参评县区", True),
        ("各有关单位", True),
        ("各县（市、区）", True),
        ("各重点乡镇", False),
        ("各山区乡镇", False),
        ("各贫困县区", False),
    ],
)
def test_who_is_ranked_only_says_which_units(subject, reads):
    """`各重点乡镇【X】排名后三位的`: a part of the batch, never ranked as all of it."""
    text = rule(f"{subject}【完成率】排名后三位的扣1分")
    if reads:
        compile_policy(text)
    else:
        with pytest.raises(PolicyError):
            compile_policy(text)


@pytest.mark.parametrize(
    ("share", "reads"),
    [
        ("其余按与最高值的比例计分", True),
        ("其余按本单位完成率与最高完成率之比计分", True),
        ("其余按其完成率占最高值的比例计分", True),
        ("其余按本县区数值占全市最高值的比例计分", True),
        ("其余按本单位上年完成率与最高值之比计分", False),
        ("其余按本单位办结率与最高值之比计分", False),
    ],
)
def test_a_written_ratio_names_only_the_ranked_value(share, reads):
    """`按本单位上年完成率与最高值之比`: last year's value, or another fact's, is not the share
    of the ranked 【完成率】 — it was read as that share."""
    text = rule(f"【完成率】最高的得6分，{share}")
    if not reads:
        with pytest.raises(PolicyError) as error:
            compile_policy(text)
        assert "完成率" in error.value.diagnostics[0].hint()
        return
    policy = compile_policy(text)
    batch = [{"单位": u, "完成率": v} for u, v in (("甲", "80%"), ("乙", "60%"))]
    assert [r.total for r in policy.score_batch(batch)] == [Decimal(6), Decimal("4.5")]


@pytest.mark.parametrize(
    ("limit", "reads"),
    [
        ("且当年考核不得评为优秀", True),
        ("且年度教育督导考核不得评为优秀", True),
        ("且当年和次年考核不得评为优秀", False),
        ("且当年连续两年考核不得评为优秀", False),
    ],
)
def test_a_grade_limit_names_only_this_years_assessment(limit, reads):
    """`当年和次年考核不得评为优秀`: a limit on next year's grade too, which this policy cannot
    set — it was read as this year's limit alone."""
    text = (
        rule(f"【完成率】低于60%的，扣2分，{limit}") + "\n等次：\n  优秀：5分以上\n  合格：其余\n"
    )
    if reads:
        policy = compile_policy(text)
        assert policy.score({"完成率": "50%"}).grade == "合格"  # 5.5分, held below 优秀
        assert policy.score({"完成率": "70%"}).grade == "优秀"
    else:
        with pytest.raises(PolicyError):
            compile_policy(text)


@pytest.mark.parametrize("scope", ["全市", "全县"])
def test_the_best_value_named_with_the_batchs_scope_is_the_best(scope):
    """`每低于全市最高值1个百分点`: the batch's best, as `每低于最高值` (it was a syntax error)."""
    plain = compile_policy(rule("【完成率】每低于最高值1个百分点扣0.5分"))
    scoped = compile_policy(rule(f"【完成率】每低于{scope}最高值1个百分点扣0.5分"))
    batch = [{"单位": u, "完成率": v} for u, v in (("甲", "96%"), ("乙", "90%"), ("丙", "85.5%"))]
    totals = [r.total for r in scoped.score_batch(batch)]
    assert totals == [r.total for r in plain.score_batch(batch)] == [6, 3, Decimal("1")]


@pytest.mark.parametrize(
    ("n", "refused"), [("10", False), ("50", False), ("80", True), ("60", True)]
)
def test_far_below_the_mean_in_percent_is_refused(n, refused):
    """E265: `【件数】低于全市平均值80%的` — 80% below the mean, or under 80% of it (a bound
    four times higher)?  Up to half, the distance reading (§9.8) stands."""
    text = one_item(f"【件数】低于全市平均值{n}%的扣1分", "  件数：件，默认0\n")
    if not refused:
        compile_policy(text)
        return
    with pytest.raises(PolicyError) as error:
        compile_policy(text)
    (diag,) = error.value.diagnostics
    assert diag.code == "E265"
    rest = str(100 - int(n))
    share, distance = f"不足平均值{n}%", f"不足平均值{rest}%"
    assert share in diag.hint() and distance in diag.hint()
    # each advice reads as it says: under n% (or under 100 − n%) of the mean 10
    batch = [
        {"单位": u, "件数": v} for u, v in (("甲", "2"), ("乙", "5"), ("丙", "7"), ("丁", "26"))
    ]
    for advice, bound in ((share, Decimal(n) / 10), (distance, (100 - Decimal(n)) / 10)):
        policy = compile_policy(one_item(f"【件数】{advice}的扣1分", "  件数：件，默认0\n"))
        totals = [r.total for r in policy.score_batch(batch)]
        assert totals == [5 if int(v["件数"]) < bound else 6 for v in batch]


@pytest.mark.parametrize("form", FORMS)
def test_a_wider_scopes_mean_is_refused_in_every_form(form):
    """E258 in every form E262 covers (the second condition of `达到…，低于…的` too): the
    units are one county's townships, and `全市平均值` is the city's figure, not theirs."""
    with pytest.raises(PolicyError) as error:
        compile_policy(ranked("全县各乡镇", form.format(s="全市")))
    codes = [d.code for d in error.value.diagnostics if d.is_error]
    if "占{s}" in form:  # the share's words are read by the share, as E262's test says
        assert codes in (["E258"], ["E101"]), codes
    else:
        assert codes == ["E258"], codes
    compile_policy(ranked("全县各乡镇", form.format(s="全县")))
