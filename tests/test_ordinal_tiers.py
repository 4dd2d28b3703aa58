"""Escalating amounts by occurrence (compiler/syntax/ordinals.py, docs/language.md 9.15 逐次加重):
`【整改超期】第一次扣1分，第二次扣2分，第三次及以上本项不得分`.

The k-th occurrence costs its own amount, so the amounts add up (two occurrences cost
1 + 2); the last tier must say what every later occurrence costs, and a last open tier
that deducts points (each time, or once?) is refused with both readings written out.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from xize.compiler import PolicyError, compile_policy

HEAD = (
    "细则：示例\n年度：2024\n满分：20分\n\n数据：\n  整改超期：次，默认0\n  其他问题：次，默认0\n\n"
)


def _policy(clause: str) -> str:
    return (
        HEAD
        + "(一)档案安全(20分)\n  1.日常检查(10分)\n    - 【其他问题】每次扣1分\n"
        + "  2.隐患整改(10分)\n    - "
        + clause
        + "\n"
    )


def _lost(policy, count: int) -> Decimal:
    result = policy.score({"整改超期": count})
    assert result.total == policy.interpreter.score({"整改超期": count}).total
    return Decimal(20) - result.total


@pytest.mark.parametrize(
    "clause",
    [
        "【整改超期】第一次扣1分，第二次扣2分，第三次及以上本项不得分",
        "【整改超期】第1次扣1分；第2次扣2分；第3次以上不得分",
        "【整改超期】第一次的扣1分，第二次的扣2分，第三次起本项不得分",
    ],
)
@pytest.mark.parametrize(("count", "lost"), [(0, 0), (1, 1), (2, 3), (3, 10), (7, 10)])
def test_the_amounts_add_up_and_the_last_tier_zeroes_the_item(clause, count, lost):
    assert _lost(compile_policy(_policy(clause)), count) == lost


def test_each_tier_explains_itself():
    policy = compile_policy(_policy("【整改超期】第一次扣1分，第二次扣2分，第三次及以上本项不得分"))
    items = policy.score({"整改超期": 2}).items
    assert [(i.text, i.applied) for i in items] == [("第一次扣1分", 1), ("第二次扣2分", 2)]


def _refusal(clause: str):
    with pytest.raises(PolicyError) as caught:
        compile_policy(_policy(clause))
    (diagnostic,) = caught.value.diagnostics
    return diagnostic


def _readings(hint: str) -> list[str]:
    """The rewrites a hint offers (`…写 A；只扣一次的写 B`)."""
    return [part.split("写 ", 1)[1] for part in hint.split("；只扣一次的") if "写 " in part]


def test_an_open_last_tier_that_deducts_is_refused_with_both_readings():
    diagnostic = _refusal("【整改超期】第一次扣1分，第二次扣2分，第三次及以上扣3分")
    assert diagnostic.code == "E116"
    each, once = _readings(str(diagnostic.args["suggest"]))
    # each reading, written as the hint says, compiles and scores as it says
    each_policy = compile_policy(_policy(f"【整改超期】{each}"))
    once_policy = compile_policy(_policy(f"【整改超期】{once}"))
    assert [_lost(each_policy, n) for n in range(6)] == [0, 1, 3, 6, 9, 10]
    assert [_lost(once_policy, n) for n in range(6)] == [0, 1, 3, 6, 6, 6]


def test_a_last_tier_that_says_nothing_of_later_occurrences_is_refused():
    diagnostic = _refusal("【整改超期】第一次扣1分，第二次扣2分，第三次扣3分")
    assert diagnostic.code == "E116"
    assert "第3次及以上本项不得分" in str(diagnostic.args["suggest"])


@pytest.mark.parametrize(
    "clause",
    [
        "【整改超期】第一次扣1分，第三次扣3分",  # not 1, 2, 3 …
        "【整改超期】第一次及以上扣1分，第二次扣2分",  # open before the last
    ],
)
def test_other_runs_of_ordinals_are_read_as_written(clause):
    with pytest.raises(PolicyError) as caught:
        compile_policy(_policy(clause))
    assert {d.code for d in caught.value.diagnostics} == {"E101"}


def test_the_placeholder_is_never_the_writers():
    with pytest.raises(PolicyError) as caught:
        compile_policy(_policy("【整改超期】\ue001扣1分"))
    assert "E108" in {d.code for d in caught.value.diagnostics}


@given(
    amounts=st.lists(st.integers(1, 4), min_size=1, max_size=4),
    count=st.integers(0, 8),
)
def test_any_run_of_tiers_costs_the_sum_of_the_tiers_reached(amounts, count):
    cn = "一二三四五六七八九"
    tiers = [f"第{cn[i]}次扣{a}分" for i, a in enumerate(amounts)]
    tiers.append(f"第{cn[len(amounts)]}次及以上本项不得分")
    policy = compile_policy(_policy("【整改超期】" + "，".join(tiers)))
    reached = sum(amounts[:count])
    expected = 10 if count > len(amounts) else min(reached, 10)
    assert _lost(policy, count) == expected


def test_a_bare_yishang_follows_the_header_that_excludes_the_bound():
    """With `边界：以上不含本数` a bare `第三次以上` starts after the third, so what the
    third costs is unsaid (E116); `第三次及以上` includes it whatever the header."""
    head = HEAD.replace("满分：20分\n", "满分：20分\n边界：以上不含本数，以下含本数\n")
    tiers = "【整改超期】第一次扣1分，第二次扣2分，第三次{}本项不得分"
    with pytest.raises(PolicyError) as caught:
        compile_policy(_policy(tiers.format("以上")).replace(HEAD, head))
    assert [d.code for d in caught.value.diagnostics] == ["E116"]
    policy = compile_policy(_policy(tiers.format("及以上")).replace(HEAD, head))
    assert [_lost(policy, n) for n in range(5)] == [0, 1, 3, 10, 10]


def test_a_bare_yihou_is_not_read():
    """`第三次以后` may start at the third or after it: read as written, refused."""
    with pytest.raises(PolicyError) as caught:
        compile_policy(_policy("【整改超期】第一次扣1分，第二次扣2分，第三次以后本项不得分"))
    assert {d.code for d in caught.value.diagnostics} == {"E101"}
