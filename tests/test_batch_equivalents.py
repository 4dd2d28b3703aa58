"""Batch wordings brought to one form before parsing (`compiler/syntax/equivalents.py`):

- groups of wordings that mean the same rule compute the same points on small batches
  worked by hand (ties, all equal), compiled == interpreter;
- a wording whose rewrite would change what it means is left as written (hand list),
  and no rewrite ever drops or changes a protected word (hypothesis);
- carets and quoted words of a rewritten line are those of the original text;
- a step down after several single places counts on from the last of them."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from xize.compiler import PolicyError, compile_policy
from xize.compiler.syntax.equivalents import _DROPS, canonical, canonical_line, protected_words

HEAD = (
    "细则：同义写法\n年度：2024\n满分：20分\n\n数据：\n  指标：{kind}\n  通报：是否，默认否\n\n"
    "(一)基础(10分)\n  - 【通报】扣1分\n"
)
BANDS = "\n等次：\n  优秀：18分以上\n  良好：16分以上\n  合格：12分以上\n  不合格：其余\n"


def build(clause: str, kind: str = "数值"):
    text = HEAD.format(kind=kind) + f"(二)排名(10分)\n  - {clause}\n" + BANDS
    return compile_policy(text, filename="同义.rule")


def results(policy, values: list[str]):
    rows = [{"单位": f"单位{i}", "指标": value} for i, value in enumerate(values)]
    compiled = policy.score_batch(rows)
    interpreted = policy.interpreter.score_batch(rows)
    assert [r.to_dict() for r in compiled] == [r.to_dict() for r in interpreted]
    return compiled


def scores(policy, values: list[str]) -> list[Decimal]:
    """(二)'s score of each unit of a batch, the same from the module and the interpreter."""
    return [r.nodes["(二)"].score for r in results(policy, values)]


# ------------------------------------------------------------- equivalent wordings

GROUPS = [
    # places 1–3 in turn, 4–8 one amount, the rest another; 由高到低; ties share a place
    (
        [
            "按【指标】从高到低排名，第1至3名依次得10分、9分、8分，第4至8名得6分，其余得4分",
            "各县区【指标】由高到低排名，在全市排第1至第3名的，分别得10分、9分、8分；"
            "排第4至第8名的，得6分；其余县区得4分",
            "全市各乡镇【指标】从高到低排序，位列全市第1—3位的依次得10分、9分、8分，"
            "名列第4至8位的得6分，其他乡镇得4分",
        ],
        ["520", "480", "480", "300", "120", "110", "100", "90", "80", "70"],
        [10, 9, 9, 6, 6, 6, 6, 6, 4, 4],
    ),
    # the last place and the two before it, counted from the bottom
    (
        [
            "按【指标】从高到低排名，倒数第1名扣4分，倒数第2名扣2分",
            "【指标】从高到低排名，居全市倒数第1位的扣4分，居全市倒数第二位的扣2分",
            "各单位【指标】从高到低排名，位列全市末位的扣4分，倒数第二位的扣2分",
        ],
        ["98", "95", "91", "91", "88"],
        [10, 10, 8, 8, 6],
    ),
    # the last three places, each unit there
    (
        [
            "按【指标】从高到低排名，后3名各扣3分",
            "【指标】从高到低排名，在全区排名最后3位的乡镇，每个扣3分",
            "【指标】从高到低排名，全区排名后三位者，各扣3分",
        ],
        ["99", "97", "96", "95", "93"],
        [10, 10, 7, 7, 7],
    ),
    # place steps with a tie rule that is the language's own
    (
        [
            "按【指标】从高到低排名，第1名得满分，其后每下降一个名次扣0.4分",
            "按【指标】由高到低排定各县区位次，第1位得满分，位次每后移1位扣0.4分，位次并列的得分相同",
        ],
        ["96", "93", "93", "90", "85"],
        [10, Decimal("9.6"), Decimal("9.6"), Decimal("8.8"), Decimal("8.4")],
    ),
    # the best by its word; the rest step down by place
    (
        [
            "【指标】最短的得10分，逐名递减1分",
            "各医院【指标】最短的得10分，其余医院按名次逐名递减1分",
            "【指标】全县最少的乡镇得满分，其余乡镇按由少到多的顺序，每后移一位扣1分",
        ],
        ["12", "15", "15", "20", "30"],
        [10, 9, 9, 7, 6],
    ),
    # a share of the best, the ratio written out
    (
        [
            "【指标】最高者得满分，其余按与最高者的比例得分",
            "各县区【指标】最高的得满分，其他县区按本县区数值与最高值之比乘以10分计算",
            "各县区【指标】最高的得满分，其他县区按其数值与最高值之比乘以10分计算得分",
            "【指标】最多的县得10分，其余县按比例计分",
            "【指标】全县最多的乡镇得10分，其余乡镇按指标占第一名的比例计分",
        ],
        ["3.2", "2.4", "1.6", "4.0"],
        [8, 6, 4, 10],
    ),
    # the lowest is the standard
    (
        [
            "以【指标】最低者为满分，其余按最低值与本单位数值之比折算得分",
            "以全市【指标】最低的县区为标准得10分，其余县区按最低值与本县区数值的比值乘以10分计分",
        ],
        ["8", "10", "16", "20"],
        [10, 8, 5, 4],
    ),
]


@pytest.mark.parametrize(("wordings", "values", "expected"), GROUPS)
def test_equivalent_wordings_score_alike(wordings, values, expected):
    for wording in wordings:
        assert scores(build(wording), values) == [Decimal(e) for e in expected], wording


@pytest.mark.parametrize("wordings", [group[0] for group in GROUPS])
def test_all_equal_batch_scores_alike(wordings):
    """Every unit tied: each is first (and none is last); every wording agrees."""
    outcomes = {tuple(scores(build(w), ["5", "5", "5"])) for w in wordings}
    assert len(outcomes) == 1, wordings


def test_grade_ceiling_for_the_last_places_written_with_zhe():
    policy = build("【指标】从高到低排名，全省排名后两位者，考核等次最高为合格")
    graded = [r.grade for r in results(policy, ["9", "8", "7", "7", "6"])]
    # counted from the bottom: 6 is last, the tied 7s share the place before it — all
    # three are in 后两位 (ties at the cut are in); 9 and 8 are not
    assert graded == ["优秀", "优秀", "合格", "合格", "合格"]


def test_this_item_and_the_scope_say_nothing():
    policy = build("【指标】从高到低排名，居全市末位的，本项扣5分")
    assert scores(policy, ["3", "2", "1"]) == [10, 10, 5]


# ------------------------------------------------------- the step after several places


def test_a_step_counts_on_from_the_last_single_place():
    """第一名10、第二名9.5、第三名9，其后每下降一个名次减1分: the fourth is one step below
    the third (8), not three steps below the first."""
    policy = build(
        "按【指标】从低到高排名，第一名得10分，第二名得9.5分，第三名得9分，其后每下降一个名次扣1分"
    )
    assert scores(policy, ["28", "30", "33", "35", "40"]) == [10, Decimal("9.5"), 9, 8, 7]
    written = build(
        "全市各县区【指标】由低到高排名，第一名得10分，第二名得9.5分，第三名得9分，"
        "第四名起每下降一个名次再减1分"
    )
    assert scores(written, ["28", "30", "33", "35", "40"]) == [10, Decimal("9.5"), 9, 8, 7]
    # a tie at the second place: 30, 30 both second; the next is fourth (8)
    assert scores(policy, ["28", "30", "30", "35"]) == [10, Decimal("9.5"), Decimal("9.5"), 8]


def test_a_step_from_the_place_after_a_range_counts_on_from_it():
    plain = build("按【指标】从高到低排名，第1至3名依次得10分、9分、8分，其后每下降一个名次扣1分")
    written = build(
        "按【指标】从高到低排名，第1至3名依次得10分、9分、8分，第4名起每下降一个名次扣1分"
    )
    for policy in (plain, written):
        assert scores(policy, ["9", "8", "7", "6", "5"]) == [10, 9, 8, 7, 6]


def test_a_step_after_a_gap_still_counts_from_the_first_rule():
    """第1名10分，第3名8分 (no rule for 2): the step keeps counting from the first place."""
    policy = build("按【指标】从高到低排名，第1名得10分，第3名得8分，其后每下降一个名次扣1分")
    assert scores(policy, ["9", "8", "7", "6"]) == [10, 9, 8, 7]


# --------------------------------------------------------------- left as written

UNCHANGED = [
    # 乘以8分 in a 10-point item: a share of 8, not of the best's 10
    "【指标】最高的得满分，其他县区按本县区数值与最高值之比乘以8分计算",
    # the order disagrees with the best word: not said again, said otherwise
    "【指标】全县最少的乡镇得满分，其余乡镇按由多到少的顺序，每后移一位扣1分",
    # 第五名起 after 第三名: the fourth place would be skipped
    "按【指标】从高到低排名，第一名得10分，第二名得9分，第三名得8分，第五名起每下降一个名次再减1分",
    # 第4名起 after a gap (第1名, 第3名): the step would count from the first place
    "按【指标】从高到低排名，第1名得10分，第3名得8分，第4名起每下降一个名次扣1分",
    # own ÷ first is no share when the lower is the better
    "【指标】最少的得10分，其余按指标占第一名的比例计分",
    # another measure's share of the first
    "【指标】最高者得满分，其余按产值占第一名的比例计分",
    # 每个 after a condition counts something else
    "【指标】低于平均值的，每个扣1分",
    # a negation or 除…外 before a place is kept
    "【指标】不在全市前三名的扣1分",
    "【指标】除全市前三名外，其余扣1分",
    # the average is a value, not a scope
    "【指标】低于全市平均值的扣1分",
]


@pytest.mark.parametrize("line", UNCHANGED)
def test_meaning_changing_rewrites_are_not_made(line):
    text, rewrites = canonical_line("  - " + _narrow(line), "10")
    kept = protected_words(text)
    assert kept == protected_words(_narrow(line)), rewrites
    for rewrite in rewrites:
        assert rewrite.rule not in {"times points", "next place", "order", "own share"}


def test_meaning_changing_wordings_are_refused_not_misread():
    for line in UNCHANGED[:4]:
        with pytest.raises(PolicyError):
            build(line)


def _narrow(text: str) -> str:
    return text.replace("，", ",").replace("；", ";").replace("（", "(").replace("）", ")")


# ---------------------------------------------------------------- the guarantees

_PIECES = [
    "各县区",
    "全市各乡镇",
    "在全市",
    "全县",
    "居",
    "排",
    "排名",
    "位列",
    "进入",
    "在全区各承办单位中",
    "各校中",
    "第1至第3名",
    "第4位",
    "前5位",
    "后三名",
    "倒数第2位",
    "最后3位",
    "末位",
    "首位",
    "的",
    "的乡镇",
    "者",
    "，",
    "；",
    "其余县区",
    "其他",
    "每个",
    "本项",
    "得10分",
    "扣2分",
    "加1分",
    "由高到低",
    "由少到多的顺序",
    "按名次",
    "逐名递减1分",
    "每后移1位扣0.4分",
    "再减1分",
    "第四名起",
    "位次",
    "并列的得分相同",
    "最高的",
    "最少的县",
    "最低的县区为标准得10分",
    "之比乘以10分计算得分",
    "按完成额占第一名的比例计分",
    "不",
    "未",
    "无",
    "非",
    "除",
    "外",
    "以上",
    "以下",
    "不足",
    "超过",
    "低于",
    "高于",
    "平均值",
    "1个百分点",
    "5%",
    "3天",
    "两",
    "10万元",
    "【指标】",
    "【完成额】",
    "【考评结果排名全县后三位】",
    "【各县区最后3位的乡镇】",
    "“居全市末位”",
    "超出",
    "未超出的不扣分",
    "当年考核结果",
    "且",
    "该校",
    "以最少天数除以本乡镇天数再乘以10分计分",
    "减排量为负数的不得分",
    "不得评为优秀",
    "考核等次最高为合格",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=12))
def test_rewrites_keep_length_lines_and_protected_words(pieces):
    line = "  - " + _narrow("".join(pieces))
    text = "(二)排名(10分)\n" + line + "\n" + line
    out, rewrites = canonical(text)
    assert len(out) == len(text)
    assert [i for i, ch in enumerate(out) if ch == "\n"] == [
        i for i, ch in enumerate(text) if ch == "\n"
    ]
    for rewrite in rewrites:
        assert len(rewrite.canonical) == rewrite.end - rewrite.start
        if rewrite.rule not in _DROPS:
            assert protected_words(rewrite.canonical) == protected_words(rewrite.original)
    if not any(r.rule in _DROPS for r in rewrites):
        assert protected_words(out) == protected_words(text)
    # a fact's name and a quotation are the writer's own
    assert re.findall(r"【[^】]*】|“[^”]*”", out) == re.findall(r"【[^】]*】|“[^”]*”", text)
    # outside the rewritten spans, nothing moved
    changed = {(r.line, i) for r in rewrites for i in range(r.start, r.end)}
    for number, (before, after) in enumerate(
        zip(text.split("\n"), out.split("\n"), strict=True), 1
    ):
        for i, (a, b) in enumerate(zip(before, after, strict=True)):
            assert a == b or (number, i) in changed


# ------------------------------------------------------------------- carets


def test_carets_and_quotes_point_into_the_original_line():
    clause = "各县区【指标】在全市排第1至第3名的，分别得10分、9分；排第4至第8名的，得6分，另计"
    with pytest.raises(PolicyError) as raised:
        build(clause)
    diag = raised.value.diagnostics[0]
    line = "  - " + clause
    column = line.index("另计") + 1
    assert (diag.code, diag.span.column) == ("E101", column)
    assert "另计" in str(raised.value)


def test_a_refusal_quotes_the_places_as_written():
    with pytest.raises(PolicyError) as raised:
        build("各学校【指标】从高到低排名，位列全县最后两名的，分别扣4分、2分")
    diag = raised.value.diagnostics[0]
    assert diag.code == "E254"
    assert "位列全县最后两名" in str(raised.value)
    line = "  - 各学校【指标】从高到低排名，位列全县最后两名的，分别扣4分、2分"
    assert diag.span.column <= line.index("最后两名") + 1


# ------------------------------------------------------------- more equivalents


def test_a_division_is_the_share_it_writes():
    written = build("各乡镇【指标】最少者得满分，其余乡镇以最少天数除以本乡镇天数再乘以10分计分")
    assert scores(written, ["8", "10", "16", "20"]) == [10, 8, 5, 4]


def test_a_negative_value_earns_nothing_of_a_share_as_written():
    plain = build("【指标】最大的县区得10分，其他县区按本县区指标与最大值的比值计分")
    written = build(
        "【指标】最大的县区得10分，其他县区按本县区指标与最大值的比值计分，指标为负数的不得分"
    )
    for policy in (plain, written):
        assert scores(policy, ["500", "300", "0", "-50"]) == [10, 6, 0, 0]


def test_a_negative_best_earns_nothing_when_the_sentence_says_so():
    plain = build("【指标】最大的县区得10分，其他县区按本县区指标与最大值的比值计分")
    written = build(
        "【指标】最大的县区得10分，其他县区按本县区指标与最大值的比值计分，指标为负数的不得分"
    )
    # every value negative: the best is -1, and the sentence gives a negative value nothing
    assert scores(plain, ["-5", "-1", "-10"]) == [0, 10, 0]
    assert scores(written, ["-5", "-1", "-10"]) == [0, 0, 0]
    # at 0 the best is not negative: it keeps the full points
    assert scores(written, ["0", "-3"]) == [10, 0]


def test_another_measure_below_zero_is_not_dropped():
    with pytest.raises(PolicyError):
        build(
            "【指标】最大的县区得10分，其他县区按本县区指标与最大值的比值计分，产值为负数的不得分"
        )


def test_chuchu_is_chaoguo_and_the_scope_of_a_grade_says_nothing():
    policy = build("【指标】超出全市平均水平的扣4分，未超出的不扣分")
    assert scores(policy, ["1", "2", "3", "6"]) == [10, 10, 10, 6]
    graded = build("发生【通报】的单位，当年考核结果不得确定为优秀")
    rows = [{"单位": "甲", "指标": "1", "通报": "是"}, {"单位": "乙", "指标": "1", "通报": "否"}]
    assert [r.grade for r in graded.score_batch(rows)] == ["良好", "优秀"]


def test_a_second_effect_joined_by_qie():
    policy = build("【指标】未达到全省平均水平的，本项扣3分，且年度考核等次不得高于良好")
    outcome = results(policy, ["0.58", "0.55", "0.52"])
    assert [r.nodes["(二)"].score for r in outcome] == [10, 10, 7]
    assert [r.grade for r in outcome] == ["优秀", "优秀", "良好"]


# ---------------------------------------------------------------- refusals


REFUSED = [
    (
        # earning: the bare 第3位 may count from the top
        "【指标】从高到低排名，居全市倒数第1位的得1分，居倒数第2位、第3位的各得2分",
        "倒数第2位、第3位",
        "倒数第3名的扣2分",
    ),
    (
        "按【指标】从高到低排名，第1名得10分，最后1名得6分，中间名次按名次等差递减计分",
        "按名次等差",
        "每下降一个名次扣N分",
    ),
    ("【指标】最高的单位得10分，最低的单位得5分，其余单位按插值法计分", "插值", "分 型数据"),
    ("【指标】全省最低的得满分，其余的按与最优值的差距比例扣分", "与最优值的差距", "最低者的比例"),
    (
        # the best earns 8 of the item's 10: the gap's steps would give it 10
        "【指标】最高的学校得8分，其余学校每比最高值低1个百分点扣1分，扣完为止",
        "每比最高值低",
        "【指标】每低于最高值1个百分点扣1分",
    ),
    (
        "以全市【指标】最高值为标杆（计10分），其余单位得分＝本单位数值÷标杆值×10",
        "÷标杆值",
        "其余按与最高者的比例得分",
    ),
    (
        # place 10 named by no rule: 第11位以后 right after 第6至9位 may leave 11 out too
        "【指标】从高到低排名，前5位的得10分，第6至9位的得7分，第11位以后的得5分",
        "第11位以后",
        "第N名及以后",
    ),
    # 最多扣 after a clause that only earns: earns at most 3, or loses at most 3?
    ("【指标】最高者得满分，其余学校按比例得分，最多扣3分", "最多扣3分", "最低得M分"),
]


def test_a_share_with_a_floor():
    # 10 × value ÷ 80, never below 4: the unit at 20 (2.5) and a negative one earn 4
    for floor in ("最低不少于4分", "最低得4分"):
        policy = build(f"【指标】最高者得满分，其余学校按比例得分，{floor}")
        assert scores(policy, ["80", "60", "20", "-5"]) == [10, Decimal("7.5"), 4, 4]
    # the sentence's own words, 全市 before the best and the item's points written out
    written = build(
        "各县区【指标】最高的得10分，其余县区按本县区指标与全市最高值之比乘以10计分，最低得4分"
    )
    assert scores(written, ["80", "60", "20"]) == [10, Decimal("7.5"), 4]
    with pytest.raises(PolicyError) as raised:
        build("【指标】最高者得满分，其余按比例得分，最低得10分")
    assert raised.value.diagnostics[0].code == "E253"


def test_a_deduction_cap_after_earnings_is_refused():
    with pytest.raises(PolicyError) as raised:
        build("【指标】每次得1分，最多扣3分")
    assert raised.value.diagnostics[0].code == "E253"
    # beside a deduction it caps what is deducted, as always
    policy = build("【指标】达到90的得5分，低于90的扣2分，最多扣2分")
    assert scores(policy, ["95", "80"])[1] <= 10


@pytest.mark.parametrize(("clause", "words", "hint"), REFUSED)
def test_batch_wordings_with_no_reading_say_what_to_write(clause, words, hint):
    with pytest.raises(PolicyError) as raised:
        build(clause)
    diag = raised.value.diagnostics[0]
    line = "  - " + clause
    assert diag.code == "E253"
    assert diag.span.column == line.index(words) + 1
    assert hint in str(raised.value)


@pytest.mark.parametrize(
    ("clause", "rule", "values", "expected"),
    [
        # 10 − 0.3 × (r − 1) falls to 5 or below first at r = 18 (4.9): from 18 on, 5
        (
            "按【指标】从高到低排名，第一名得10分，以下逐名递减0.3分，最低不低于5分",
            "按【指标】从高到低排名，第1名得10分，第18名及以后得5分，其后每下降一个名次扣0.3分",
            [str(30 - i) for i in range(20)],
            [max(Decimal(5), 10 - Decimal("0.3") * i) for i in range(20)],
        ),
        # 最短 is the best: from the shortest, 10 − (r − 1), never below 3 (place 8 on)
        (
            "【指标】最短的得10分，其余按名次逐名递减1分，最低得3分",
            "按【指标】从低到高排名，第1名得10分，第8名及以后得3分，其后每下降一个名次扣1分",
            ["12", "15", "15", "20", "30", "31", "32", "33", "34"],
            [10, 9, 9, 7, 6, 5, 4, 3, 3],
        ),
    ],
)
def test_a_floor_under_a_step_scores_as_the_rule_that_spells_it_out(clause, rule, values, expected):
    want = [Decimal(e) for e in expected]
    assert scores(build(clause), values) == want
    assert scores(build(rule), values) == want


def test_a_drop_of_one_grade_is_refused_however_written():
    for clause in (
        "发生【通报】的，考核等次在原基础上降一等",
        "发生【通报】的，年度考核结果降一个等次",
    ):
        with pytest.raises(PolicyError) as raised:
            build(clause)
        assert raised.value.diagnostics[0].code == "E116"


def test_no_deduction_is_dropped_only_after_a_deduction_on_the_same_word():
    with pytest.raises(PolicyError):
        build("【指标】超过全市平均水平的得10分，未超出的不扣分")
    with pytest.raises(PolicyError):
        build("【指标】超过全市平均水平的扣4分，未低于的不扣分")


def test_a_place_rule_after_a_semicolon_ranks_the_lines_one_fact():
    """`；在全市排名末位的再扣3分` after a clause on 【指标】 alone: the places of 【指标】,
    as written out (docs/language.md 9.5).  84 → −5, and the last (80) → −5 − 3."""
    written = build("【指标】低于85的扣5分；【指标】从高到低排名，末位扣3分")
    assert scores(written, ["92", "84", "80", "88"]) == [10, 5, 2, 10]
    continued = build("【指标】低于85的扣5分；在全市排名末位的再扣3分")
    assert scores(continued, ["92", "84", "80", "88"]) == [10, 5, 2, 10]


def test_a_place_rule_with_two_facts_before_it_is_refused_with_the_clause_to_write():
    clause = "【指标】低于85且【通报】的扣5分；在全市排名末位的再扣3分"
    with pytest.raises(PolicyError) as raised:
        build(clause)
    diag = raised.value.diagnostics[0]
    assert diag.code == "E253"
    assert diag.span.column == ("  - " + clause).index("；") + 1
    assert "末位扣3分" in str(raised.value)


@pytest.mark.parametrize("verb", ["扣除", "扣减", "减"])
def test_a_steps_rounding_word_after_any_effect_word_is_never_read_as_a_share(verb):
    """`每低1个百分点扣除0.5分，按比例计算` (a generated policy found it): the step's
    rounding, as after 扣 (it was rewritten to 按比例计分 and refused as E101)."""
    policy = build(
        f"【指标】低于100%的，每低1个百分点{verb}0.5分，按比例计算，最多扣4分", kind="百分比"
    )
    got = [r.nodes["(二)"].score for r in results(policy, ["100", "98.5", "90"])]
    assert got == [Decimal("10"), Decimal("9.25"), Decimal("6")]


@pytest.mark.parametrize("word", ["按比例计算", "按比例扣分", "按比例计", "按比例"])
def test_a_steps_rounding_word_is_never_read_as_a_share(word):
    """`最多扣` makes the line look like a batch line; `按比例计算` after a step is still
    the rounding of the step's part (before: rewritten to 按比例计分, refused as E101)."""
    policy = build(f"【指标】低于100%的，每低1个百分点扣0.5分，{word}，最多扣4分", kind="百分比")
    got = [r.nodes["(二)"].score for r in results(policy, ["100", "98.5", "90", "99.9"])]
    assert got == [Decimal("10"), Decimal("9.25"), Decimal("6"), Decimal("9.95")]


def test_a_steps_rounding_word_after_an_amount_in_chinese_numerals():
    """`每缺一次扣一分，按比例计算，最多扣1分` (a generated policy found it): the amount in
    Chinese numerals is still the step's, its 按比例计算 the step's rounding."""
    policy = build("【指标】低于100%的，每低1个百分点扣一分，按比例计算，最多扣4分", kind="百分比")
    got = [r.nodes["(二)"].score for r in results(policy, ["100", "98.5", "90"])]
    assert got == [Decimal("10"), Decimal("8.5"), Decimal("6")]


@pytest.mark.parametrize(
    "bound",
    ["，在90%以下的本项不得分", "，90%以下的本项不得分", "，低于90%的本项不得分"],
)
def test_a_bound_after_the_steps_is_a_clause_of_its_own(bound):
    """`达到95%以上的得10分，每低1个百分点扣1分，在90%以下的本项不得分`: the comma after the
    steps' points starts the clause of the bound (在 adds nothing)."""
    policy = build(f"【指标】达到95%以上的得10分，每低1个百分点扣1分{bound}", kind="百分比")
    got = [r.nodes["(二)"].score for r in results(policy, ["96", "92", "91", "89"])]
    # 90% itself: 以下 takes it in (the header says nothing else), 低于 does not
    assert got[:3] == [Decimal("10"), Decimal("7"), Decimal("6")]
    assert got[3] == 0


def test_a_steps_rounding_after_a_comma_stays_the_steps():
    """`，不足10%的按比例扣分` after `每低于最高值10%扣1分` is the steps' rounding, never a
    clause of its own (the bound after the steps starts one only with an effect)."""
    rounding = "【指标】最高的得10分，其余每低于最高值10%扣1分，不足10%的按比例扣分"
    text, _ = canonical_line("  - " + _narrow(rounding), "10")
    assert ";" not in text
    # on a rate, 10% below the best is refused (10 points, or a tenth of the best?);
    # in points, the rounding stays the steps'
    with pytest.raises(PolicyError) as caught:
        build(rounding, kind="百分比")
    assert [d.code for d in caught.value.diagnostics] == ["E116"]
    points = rounding.replace("10%", "10个百分点")
    text, _ = canonical_line("  - " + _narrow(points), "10")
    assert ";" not in text
    policy = build(points, kind="百分比")
    scores = [r.nodes["(二)"].score for r in results(policy, ["80", "80", "75"])]
    assert scores == [10, 10, Decimal("9.5")]
