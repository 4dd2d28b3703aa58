"""Clauses after ；that leave their fact unsaid, as offices write them: counts of the
line's one fact (`compiler/syntax/equivalents.py`, `_count_tiers`) and its places
(`；该比例全市排名末位的`, `；排名末位的`; docs/language.md 9.5 and 9.9):

    【医疗纠纷】每发生1起扣2分，扣完为止；发生1起的，不得评为优秀，发生2起及以上的，等次最高为合格
    被省级以上部门【通报批评】的，每次扣2分；被通报1次的，…；被通报2次及以上的，…
    【优良比例】达到100%的得10分，…；该比例全市排名末位的县区，年度考核等次最高为合格

Each is read as its plain form (the first of its group, with the fact written out) or
refused with what to write — never a third reading.  The hazards: `发生1起的` alone may
be exactly one or at least one (refused, E253); tiers that overlap (`1起以上…2起以上`)
are not made separate rules; a negation or a comparison word before the count
(`未发生`, `超过`) is never dropped; a verb that is not the fact's (`被约谈` beside
【通报批评】) names something else; with no fact, or two, before on the line, nothing is
guessed.  Every batch is worked by hand; compiled == interpreter."""

from __future__ import annotations

import pytest
from xize.compiler import PolicyError, compile_policy

BANDS = "\n等次：\n  优秀：18分以上\n  良好：16分以上\n  合格：12分以上\n  不合格：其余\n"


def build(clause: str, facts: str):
    text = (
        f"细则：写法\n年度：2024\n满分：20分\n\n数据：\n{facts}\n"
        f"(一)基础(10分)\n  - 【其他】扣1分\n(二)本项(10分)\n  - {clause}\n" + BANDS
    )
    return compile_policy(text, filename="写法.rule")


def outcome(clause: str, facts: str, rows: list[dict]):
    policy = build(clause, facts)
    rows = [{"单位": f"单位{i}", **row} for i, row in enumerate(rows)]
    compiled = policy.score_batch(rows)
    interpreted = policy.interpreter.score_batch(rows)
    assert [r.to_dict() for r in compiled] == [r.to_dict() for r in interpreted]
    return [str(r.nodes["(二)"].score) for r in compiled], [sorted(r.labels) for r in compiled]


OTHER = "  其他：是否，默认否"
EVENTS = "  医疗纠纷：起，默认0\n" + OTHER
REPORTS = "  通报批评：次，默认0\n" + OTHER

GROUPS = [
    (
        [
            "【医疗纠纷】每发生1起扣2分，扣完为止；【医疗纠纷】等于1起的，不得评为优秀；"
            "【医疗纠纷】2起及以上的，等次最高为合格",
            "【医疗纠纷】每发生1起扣2分，扣完为止；发生1起的，不得评为优秀，发生2起及以上的，"
            "等次最高为合格",
            "【医疗纠纷】每发生1起扣2分，扣完为止；发生1起的，医院年度考核不得评为优秀，"
            "发生2起及以上的，等次最高为合格",
            "【医疗纠纷】每发生1起扣2分，扣完为止；出现1起的，不得评为优秀；出现2起以上的，"
            "等次最高为合格",
        ],
        EVENTS,
        [{"医疗纠纷": "0"}, {"医疗纠纷": "1"}, {"医疗纠纷": "2"}, {"医疗纠纷": "7"}],
        ["10", "8", "6", "0"],
        [[], ["等次最高为良好"], ["等次最高为合格"], ["等次最高为合格"]],
    ),
    (
        [
            "【通报批评】每次扣2分，扣完为止；【通报批评】等于1次的，扣1分；"
            "【通报批评】等于2次的，扣3分；【通报批评】3次以上的，不得分",
            "被省级以上部门【通报批评】的，每次扣2分，扣完为止；被通报1次的，扣1分；"
            "被通报2次的，扣3分；被通报3次以上的，不得分",
            "【通报批评】每次扣2分，扣完为止；通报1次的，扣1分，通报2次的，扣3分，"
            "通报3次以上的，不得分",
        ],
        REPORTS,
        [{"通报批评": "0"}, {"通报批评": "1"}, {"通报批评": "2"}, {"通报批评": "3"}],
        ["10", "7", "3", "0"],
        [[], [], [], []],
    ),
    # a bare comparison after ；names the line's one fact even after a clause that
    # compares nothing (`每发生1起扣2分`)
    (
        [
            "【医疗纠纷】每发生1起扣2分；【医疗纠纷】超过3起的，等次最高为合格",
            "【医疗纠纷】每发生1起扣2分；超过3起的，等次最高为合格",
            "【医疗纠纷】每发生1起扣2分；发生4起及以上的，等次最高为合格",
            "【医疗纠纷】每发生1起扣2分；4起以上的，等次最高为合格",
        ],
        EVENTS,
        [{"医疗纠纷": "0"}, {"医疗纠纷": "3"}, {"医疗纠纷": "4"}],
        ["10", "4", "2"],
        [[], [], ["等次最高为合格"]],
    ),
]

CASES = [
    pytest.param(clause, facts, rows, scores, labels, id=f"{g}-{i}")
    for g, (clauses, facts, rows, scores, labels) in enumerate(GROUPS)
    for i, clause in enumerate(clauses)
]


@pytest.mark.parametrize(("clause", "facts", "rows", "scores", "labels"), CASES)
def test_each_wording_scores_as_its_plain_form(clause, facts, rows, scores, labels):
    assert outcome(clause, facts, rows) == (scores, labels)


def codes(clause: str, facts: str) -> list[str]:
    with pytest.raises(PolicyError) as caught:
        build(clause, facts)
    return [d.code for d in caught.value.diagnostics if d.severity == "error"]


REFUSED = [
    # 1起 alone: exactly one, or one and more?  The writer says which.
    ("【医疗纠纷】每发生1起扣2分；发生1起的，不得评为优秀", EVENTS, "E253"),
    ("【通报批评】每次扣2分；被通报2次的，不得评为优秀", REPORTS, "E253"),
    # tiers that overlap are not separate rules (a unit with 3 would lose both)
    ("【医疗纠纷】每发生1起扣2分；发生1起以上的，扣1分；发生2起以上的，扣3分", EVENTS, None),
    # the 以上 tier below an exact one
    ("【医疗纠纷】每发生1起扣2分；发生3起的，扣1分；发生2起以上的，扣3分", EVENTS, None),
    # a verb that is not the fact's names something else
    ("【通报批评】每次扣2分；被约谈1次的，扣1分；被约谈2次以上的，扣3分", REPORTS, None),
    # another fact after the tiers: whose counts they are is unclear
    (
        "【通报批评】每次扣2分；通报1次的，扣1分；【医疗纠纷】2起以上的，扣3分",
        REPORTS + "\n" + EVENTS.split("\n")[0],
        None,
    ),
]


@pytest.mark.parametrize(("clause", "facts", "code"), REFUSED)
def test_unclear_counts_are_refused(clause, facts, code):
    found = codes(clause, facts)
    assert found, found
    if code is not None:
        assert code in found


def test_the_refusal_says_what_to_write():
    with pytest.raises(PolicyError) as caught:
        build("【医疗纠纷】每发生1起扣2分；发生3起的，不得评为优秀", EVENTS)
    assert [d.code for d in caught.value.diagnostics] == ["E253"]
    text = str(caught.value)
    assert "等于3起" in text and "达到3起" in text


@pytest.mark.parametrize(
    "clause",
    [
        # a negation or a comparison word before the count is never dropped
        "【医疗纠纷】每发生1起扣2分；未发生1起的，扣1分；未发生2起以上的，扣3分",
        "【医疗纠纷】每发生1起扣2分；超过1起的，扣1分；超过2起以上的，扣3分",
    ],
)
def test_words_that_carry_meaning_are_kept(clause):
    from xize.compiler.syntax.equivalents import canonical

    text, rewrites = canonical(
        "(二)本项(10分)\n  - " + clause.replace("；", ";").replace("，", ",")
    )
    assert not [r for r in rewrites if r.rule == "count tiers"]
    assert "未" in text or "超过" in text


RATE = "  优良比例：百分比，越高越好\n" + OTHER


@pytest.mark.parametrize(
    "clause",
    [
        "【优良比例】达到100%的得10分，每低1个百分点扣1分，扣完为止；【优良比例】排名末位的，"
        "等次最高为合格",
        "【优良比例】达到100%的得10分，每低1个百分点扣1分，扣完为止；该比例全市排名末位的县区，"
        "年度考核等次最高为合格",
        "【优良比例】达到100%的得10分，每低1个百分点扣1分，扣完为止；全市排名末位的，"
        "年度考核等次最高为合格",
        "【优良比例】达到100%的得10分，每低1个百分点扣1分，扣完为止；末位的，等次最高为合格",
    ],
)
def test_places_after_a_semicolon_are_the_line_facts(clause):
    """Rates 100, 97, 93.5, 93.5: the last place is shared by the two tied units."""
    rows = [{"优良比例": v} for v in ("100", "97", "93.5", "93.5")]
    scores, labels = outcome(clause, RATE, rows)
    assert scores == ["10", "7", "4", "4"]
    assert labels == [[], [], ["等次最高为合格"], ["等次最高为合格"]]


@pytest.mark.parametrize(
    "clause",
    [
        # no fact before on the line
        "排名末位的，等次最高为合格",
        "该比例排名末位的，等次最高为合格",
        # two facts before: which one is ranked?
        "【优良比例】达到100%的得5分；【其他】扣1分；排名末位的，等次最高为合格",
        "【优良比例】达到100%的得5分；【其他】扣1分；该比例排名末位的，等次最高为合格",
    ],
)
def test_places_without_one_fact_before_them_are_refused(clause):
    found = codes(clause, RATE)
    assert found == ["E101"], found


@pytest.mark.parametrize(
    "clause",
    [
        "【优良比例】达到全市平均水平的得10分，低于全市平均水平的得6分；【优良比例】最低的县区不得分",
        "【优良比例】达到全市平均水平的得10分，低于全市平均水平的得6分，全市最低的县区不得分",
        "【优良比例】达到全市平均水平的得10分，低于全市平均水平的得6分；最低的不得分",
    ],
)
def test_the_best_after_rules_about_the_mean_is_a_clause_of_its_own(clause):
    """`…低于全市平均水平的得6分，全市最低的县区不得分`: after the rules about the mean, the
    lowest unit is a rule of its own on the line's one fact (never a third branch of the
    comparison).  Rates 100, 97, 90, 93: mean 95."""
    rows = [{"优良比例": v} for v in ("100", "97", "90", "93")]
    scores, _ = outcome(clause, RATE, rows)
    assert scores == ["10", "10", "0", "6"]
