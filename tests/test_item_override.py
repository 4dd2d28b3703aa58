"""`本项按满分计`, `本项按分值的80%计分` (docs/language.md 5.4): when the condition holds the
item scores its points times the share, whatever its other clauses give or take; those
clauses' items apply nothing, and the override explains the points kept.  Computed by
hand, compiled == interpreter (Decimal and integer paths), refused where unreadable."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlrun import differences, duckdb_results, expected_items, expected_summary
from xize.compiler import PolicyError, compile_policy
from xize.compiler.importer import import_document
from xize.compiler.render import render

HEAD = (
    "细则：免检\n年度：2026\n满分：{full}分\n\n数据：\n  缺会次数：次，默认0\n"
    "  无所属单位：是否，默认否\n  未承办活动：是否，默认否\n  达标：是否，默认否\n"
    "  表彰次数：次，默认0\n\n"
)
POLICY = HEAD.format(full=10) + (
    "(一)会议(6分)\n  - 【缺会次数】每次扣2分\n  - 【无所属单位】的，本项按满分计\n"
    "(二)活动(4分)\n  - 【缺会次数】每次扣1分\n  - 【未承办活动】的，本项按分值的80%计分\n"
)


def both(text: str, facts: dict):
    policy = compile_policy(text, filename="免检.rule")
    compiled = policy.score(facts)
    assert compiled == policy.interpreter.score(facts)
    assert policy.total(facts) == compiled.total
    return compiled


@pytest.mark.parametrize(
    ("facts", "first", "second"),
    [
        ({"缺会次数": 2}, 2, 2),
        # (一) kept whole despite 4 points of deductions; (二) as before
        ({"缺会次数": 2, "无所属单位": "是"}, 6, 2),
        # (二) is 80% of 4 = 3.2, its 2 points of deductions do not count
        ({"缺会次数": 2, "未承办活动": "是"}, 2, Decimal("3.2")),
        ({"缺会次数": 9, "无所属单位": "是", "未承办活动": "是"}, 6, Decimal("3.2")),
        # nothing to forgive: 80% is still 80%
        ({"未承办活动": "是"}, 6, Decimal("3.2")),
    ],
)
def test_the_item_scores_its_share_by_hand(facts, first, second):
    result = both(POLICY, facts)
    assert result.nodes["(一)"].score == first
    assert result.nodes["(二)"].score == second
    assert result.total == first + second


def test_the_items_explain_it_and_add_up():
    result = both(POLICY, {"缺会次数": 2, "无所属单位": "是", "未承办活动": "是"})
    items = [(i.path, i.kind, i.applied, i.note) for i in result.items]
    # the deductions under an override apply nothing, each override says why
    assert ("(一)", "deduct", 0, "") in items and ("(二)", "deduct", 0, "") in items
    assert ("(一)", "outcome", 0, "本项按满分计") in items
    assert ("(二)", "outcome", 0, "本项按分值的80%计分") in items
    # 实扣 adds up to 满分 − 总分: the 0.8 not given is the override's own deduction
    spent = sum(i.applied for i in result.items if i.kind == "deduct")
    assert spent == 10 - result.total == Decimal("0.8")


def test_an_earning_item_and_a_bonus_inside_it():
    text = HEAD.format(full=4) + (
        "(一)达标(4分)\n  - 【达标】的得4分\n  - 【表彰次数】每次加1分\n"
        "  - 【无所属单位】的，本项按满分计\n"
    )
    assert both(text, {"达标": "否"}).total == 0
    assert both(text, {"达标": "否", "无所属单位": "是"}).total == 4  # no 未得满分 loss
    # a bonus inside the item counts for nothing under the override
    assert both(text, {"达标": "是", "表彰次数": 2}).total == 6
    assert both(text, {"达标": "是", "表彰次数": 2, "无所属单位": "是"}).total == 4


def test_the_share_written_without_fenzhi():
    short = POLICY.replace("本项按分值的80%计分", "本项按80%计分")
    assert both(short, {"缺会次数": 2, "未承办活动": "是"}).nodes["(二)"].score == Decimal("3.2")


def test_two_overrides_of_one_share_and_the_first_explains():
    text = HEAD.format(full=4) + (
        "(一)活动(4分)\n  - 【缺会次数】每次扣1分\n"
        "  - 【无所属单位】的，本项按分值的50%计分\n  - 【未承办活动】的，本项按分值的50%计分\n"
    )
    result = both(text, {"缺会次数": 1, "无所属单位": "是", "未承办活动": "是"})
    assert result.total == 2
    kept = [i for i in result.items if i.kind == "deduct" and i.applied]
    assert [(i.line, i.applied) for i in kept] == [(14, 2)]  # 【无所属单位】, the first


@pytest.mark.parametrize(
    "body",
    [
        # a bonus item has no full marks to score
        "(一)会议(10分)\n  - 【缺会次数】每次扣1分\n(二)加分，加分项，最高加2分\n"
        "  - 【表彰次数】每次加1分\n  - 【无所属单位】的，本项按满分计\n",
        # an item with items under it
        "(一)会议(10分)\n  - 【无所属单位】的，本项按满分计\n  1、出席(10分)\n    - 【缺会次数】每次扣1分\n",
        # not the clause's only effect
        "(一)会议(10分)\n  - 【缺会次数】每次扣1分\n  - 【无所属单位】的，本项按满分计，列为免检单位\n",
        # two shares in one item
        "(一)会议(10分)\n  - 【无所属单位】的，本项按满分计\n  - 【未承办活动】的，本项按分值的80%计分\n",
    ],
)
def test_an_override_that_cannot_be_read_is_refused(body):
    with pytest.raises(PolicyError) as raised:
        compile_policy(HEAD.format(full=10) + body, filename="免检.rule")
    assert "E260" in {d.code for d in raised.value.diagnostics}


@settings(max_examples=60, deadline=None)
@given(
    misses=st.integers(0, 12),
    none=st.booleans(),
    hosted=st.booleans(),
    share=st.sampled_from(["80", "75", "50", "33.3"]),
)
def test_compiled_equals_interpreter_and_the_share_is_exact(misses, none, hosted, share):
    text = POLICY.replace("80%", f"{share}%")
    facts = {
        "缺会次数": misses,
        "无所属单位": "是" if none else "否",
        "未承办活动": "是" if hosted else "否",
    }
    result = both(text, facts)
    if hosted:
        assert result.nodes["(二)"].score == 4 * Decimal(share) / 100
    else:
        assert result.nodes["(二)"].score == max(0, 4 - misses)
    assert result.nodes["(一)"].score == (6 if none else max(0, 6 - 2 * misses))


def test_render_and_import_keep_it(tmp_path):
    policy = compile_policy(POLICY, filename="免检.rule")
    path = tmp_path / "细则.md"
    path.write_text(render(policy, "md"), encoding="utf-8")
    back = compile_policy(import_document(path).text, filename="<draft>")
    facts = {"缺会次数": 3, "无所属单位": "是", "未承办活动": "是"}
    assert back.score(facts).total == policy.score(facts).total == Decimal("9.2")


#: Every way an override meets the rest of an item: a cap the other deductions fill
#: (the override's own 0.8 is kept whole), two overrides of one share, an earning item
#: and a bonus inside it.
SQL_POLICY = HEAD.format(full=16) + (
    "(一)会议(6分)\n  - 【缺会次数】每次扣2分\n  - 【无所属单位】的，本项按满分计\n"
    "(二)活动(4分)，最多扣3分\n  - 【缺会次数】每次扣1分\n  - 【未承办活动】的，本项按分值的80%计分\n"
    "  - 【无所属单位】的，本项按分值的80%计分\n"
    "(三)达标(6分)\n  - 【达标】的得6分\n  - 【表彰次数】每次加1分\n  - 【无所属单位】的，本项按满分计\n"
)


def override_batch():
    """The SQL policy and a batch meeting each of its cases (also run in Spark)."""
    policy = compile_policy(SQL_POLICY, filename="免检.rule")
    rows = [
        {
            "单位": f"U{k}",
            "缺会次数": str(misses),
            "无所属单位": none,
            "未承办活动": hosted,
            "达标": met,
            "表彰次数": str(honours),
        }
        for k, (misses, none, hosted, met, honours) in enumerate(
            (m, n, h, t, b)
            for m in (0, 1, 4)
            for n in ("是", "否")
            for h in ("是", "否")
            for t in ("是", "否")
            for b in (0, 2)
        )
    ]
    return policy, rows


def test_duckdb_scores_overrides_as_the_python_engine():
    policy, rows = override_batch()
    results = policy.score_batch(rows)
    assert results == policy.interpreter.score_batch(rows)
    assert differences(expected_summary(policy.ir, results), duckdb_results(policy.ir, rows)) == []
    items = duckdb_results(policy.ir, rows, items=True)
    assert differences(expected_items(results), items) == []


@pytest.mark.parametrize("effect", ["本项不按满分计", "本项不得按满分计算"])
def test_a_negated_override_is_refused_never_read_as_one(effect):
    with pytest.raises(PolicyError):
        compile_policy(POLICY.replace("本项按满分计", effect), filename="免检.rule")
