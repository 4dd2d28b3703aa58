"""Batch sentences as offices write them, read as their plain form or refused with what to
write (`compiler/syntax/equivalents.py`, docs/language.md 9.9):

- subjects and scopes (`各乡镇（街道）`, `各三级医院`, `各县区受理`, `考核年度内辖区`,
  `在全区同类学校中`, `在全县由多到少`) say nothing: the same points as the plain form;
- a second outcome after a place (`末位的，本项不得分，且…不得评为优秀`) is for the same units;
- `第N名及以后不计分`, `其余不扣分` that restate the rules are dropped, others refused;
- `第N名以后` right after places 1..N−1 is `第N名及以后`;
- `得满分10分`, `乘以10计分` with 10 the item's points.

Every batch is small and worked by hand, with ties; compiled == interpreter."""

from __future__ import annotations

from decimal import Decimal

import pytest
from xize.compiler import PolicyError, compile_policy

HEAD = (
    "细则：主语与范围\n年度：2024\n满分：20分\n\n数据：\n  指标：{kind}\n  通报：是否，默认否\n\n"
    "(一)基础(10分)\n  - 【通报】扣1分\n"
)
BANDS = "\n等次：\n  优秀：18分以上\n  良好：16分以上\n  合格：12分以上\n  不合格：其余\n"


def build(clause: str, kind: str = "数值"):
    text = HEAD.format(kind=kind) + f"(二)排名(10分)\n  - {clause}\n" + BANDS
    return compile_policy(text, filename="主语.rule")


def results(policy, values: list[str], fact: str = "指标"):
    rows = [{"单位": f"单位{i}", fact: value} for i, value in enumerate(values)]
    compiled = policy.score_batch(rows)
    interpreted = policy.interpreter.score_batch(rows)
    assert [r.to_dict() for r in compiled] == [r.to_dict() for r in interpreted]
    return compiled


def outcome(clause: str, values: list[str], kind: str = "数值", fact: str = "指标"):
    got = results(build(clause, kind), values, fact)
    return [r.nodes["(二)"].score for r in got], [r.grade for r in got]


GROUPS = [
    # the subject with its kin in brackets, and a scope before the order
    (
        [
            "按【指标】从高到低排名，第1至2名的得10分，第3名及以后得6分",
            "各乡镇（街道）【指标】在全县由高到低排名，第1至2名的得10分，第3名及以后得6分",
            "各县（市、区）【指标】在全市从高到低排名，第1至2名的得10分，第3名及以后得6分",
        ],
        ["7", "9", "9", "3"],
        [6, 10, 10, 6],
    ),
    # a grade of the units, a verb of the subject, a scope among units of one kind
    (
        [
            "【指标】最低的得10分，逐名递减2分",
            "各三级医院【指标】在全省同级医院中最低的得10分，逐名递减2分",
            "各县区受理【指标】在全市同类单位中最低的得10分，逐名递减2分",
        ],
        ["12", "5", "5", "8"],
        [4, 10, 10, 6],
    ),
    # 第N名以后 right after places 1..N−1
    (
        [
            "按【指标】从高到低排名，第1至2名的得10分，第3至4名的得7分，第5名及以后得2分",
            "按【指标】从高到低排名，第1至2名的得10分，第3至4名的得7分，第5名以后的得2分",
        ],
        ["50", "40", "40", "30", "20", "20"],
        [10, 10, 10, 7, 2, 2],
    ),
    # places that earn, and the rest that earn nothing said again
    (
        [
            "按【指标】从高到低排名，前两位的依次得10分、6分",
            "【指标】从高到低在全市排名前两位的，分别计10分、6分，第三位及以后不计分",
        ],
        ["8", "8", "5", "1"],
        [10, 10, 0, 0],
    ),
    # places that lose points, and the rest that lose nothing said again
    (
        [
            "【指标】从低到高排名，末位的扣4分，倒数第二位的扣1分",
            "【指标】按由低到高在全区排序，居末位的扣4分，居倒数第二位的扣1分，其余不扣分",
        ],
        # 6, 6 tie for the last place; 2 is then 倒数第三 and loses nothing
        ["1", "6", "6", "2", "4"],
        [10, 6, 6, 10, 10],
    ),
    (
        [
            "【指标】从低到高排名，末位的扣4分，倒数第二位的扣1分",
            "【指标】按由低到高在全区排序，居末位的扣4分，居倒数第二位的扣1分，其余不扣分",
        ],
        ["1", "6", "2", "4"],
        [10, 6, 10, 9],
    ),
    # the best's full points written with their number; a share times the points
    (
        [
            "【指标】最高者得满分，其余按与最高者的比例得分",
            "各县区【指标】全市最高的得满分10分，其余按本县区指标与最高值之比乘以10计分",
        ],
        ["4", "2", "4", "1"],
        [10, 5, 10, Decimal("2.5")],
    ),
]


@pytest.mark.parametrize(("wordings", "values", "expected"), GROUPS)
def test_subjects_and_scopes_score_as_the_plain_form(wordings, values, expected):
    for wording in wordings:
        scores, _ = outcome(wording, values)
        assert scores == [Decimal(e) for e in expected], wording


def test_a_second_outcome_after_a_place_is_for_the_same_units():
    # 末位 (1) loses the item: 10 of 20, 不合格 by its points
    scores, grades = outcome(
        "各县区【指标】从高到低在全市排名末位的，本项不得分，且当年考核不得评为优秀等次",
        ["9", "1", "5"],
    )
    assert scores == [10, 0, 10]
    assert grades == ["优秀", "不合格", "优秀"]
    # 末位 loses 1 (19 of 20 would be 优秀) and may not be 优秀
    scores, grades = outcome(
        "各县区【指标】从高到低在全市排名末位的，扣1分，且当年考核不得评为优秀等次",
        ["9", "1", "5"],
    )
    assert scores == [10, 9, 10]
    assert grades == ["优秀", "良好", "优秀"]
    # two units tie for most: both lose 3 and are barred from 优秀 (18 → 良好 either way)
    scores, grades = outcome(
        "各乡镇【指标】全县最多的，扣1分，并取消当年评先评优资格", ["3", "7", "7", "1"]
    )
    assert scores == [10, 9, 9, 10]
    assert grades == ["优秀", "良好", "良好", "优秀"]


def test_the_grade_outcomes_of_the_year_say_what_they_always_say():
    scores, grades = outcome(
        "各县区【指标】从高到低居全市后两位的，取消年度评优资格，考核等次最高为良好",
        ["90", "85.5", "85.5", "78", "95"],
    )
    assert scores == [10] * 5
    assert grades == ["优秀", "良好", "良好", "良好", "优秀"]
    policy = build("考核年度内辖区【通报】的，实行一票否决，年度考核等次直接定为不合格")
    got = results(policy, ["1", "2"])
    assert [r.grade for r in got] == ["优秀", "优秀"]
    rows = [{"单位": "甲", "指标": "1", "通报": "是"}, {"单位": "乙", "指标": "1", "通报": "否"}]
    graded = policy.score_batch(rows)
    assert [r.grade for r in graded] == ["不合格", "优秀"]
    assert graded[0].nodes["(二)"].score == 10


def test_a_second_outcome_after_a_share_is_refused():
    with pytest.raises(PolicyError) as raised:
        build("【指标】最高者得满分，其余按与最高者的比例得分，不得评为优秀")
    assert raised.value.diagnostics[0].code == "E101"
    assert "末位的，不得评为优秀" in str(raised.value)


@pytest.mark.parametrize(
    ("clause", "words"),
    [
        # place 3 named by no rule: 第四位及以后 is not the rest
        ("【指标】从高到低排名前两位的，分别计10分、6分，第四位及以后不计分", "第四位及以后不计分"),
        # the rules before lose points: 不计分 of the rest says something else
        ("【指标】从高到低排名前两位的，分别扣1分、2分，第三位及以后不计分", "第三位及以后不计分"),
        # the rules before earn: 不扣分 of the rest is not what they say
        ("【指标】从低到高排名，前两名的得10分，其余不扣分", "其余不扣分"),
    ],
)
def test_a_rest_that_is_no_restatement_is_refused_with_what_to_write(clause, words):
    with pytest.raises(PolicyError) as raised:
        build(clause)
    diag = raised.value.diagnostics[0]
    assert diag.code == "E253"
    assert diag.span.column == ("  - " + clause).index(words) + 1
    assert "其余得N分" in str(raised.value)


def test_numbers_of_a_subject_other_than_a_grade_are_kept():
    # 各前三名乡镇 is no grade of the units: read as written (and refused)
    with pytest.raises(PolicyError):
        build("各前三名乡镇【指标】最低的得10分，逐名递减2分")
