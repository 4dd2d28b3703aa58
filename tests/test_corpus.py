"""The corpus of sentences written in the style of real 细则 (tests/corpus/*.rule), one
file per family of forms, each with hand-computed 测试 blocks.

Every file compiles without an error, every 测试 passes, every clause is exercised by
some 测试, and on random facts the compiled module equals the interpreter.  The forms
that are refused live in `REFUSED` with the code they get: a sentence either computes
what a careful reader means or is refused, never a third outcome."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from xize.compiler import compile_policy
from xize.compiler.check.run import check
from xize.compiler.source.text import Source
from xize.compiler.syntax.parser import parse

CORPUS = Path(__file__).resolve().parent / "corpus"
FILES = sorted(CORPUS.glob("*.rule"))
D = Decimal


def _compiled(path: Path):
    return compile_policy(path.read_text("utf-8"), filename=path.name)


BUILT: dict[str, object] = {}


def built(path: Path):
    if path.name not in BUILT:
        BUILT[path.name] = _compiled(path)
    return BUILT[path.name]


def diagnostics(text: str):
    source = Source(text, "t.rule")
    tree, diags = parse(source)
    if diags:
        return diags
    return check(tree, source)


def test_the_corpus_is_there():
    assert len(FILES) >= 5


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_corpus_file_compiles_without_errors(path):
    errors = [d for d in diagnostics(path.read_text("utf-8")) if d.severity == "error"]
    assert errors == []


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_corpus_tests_pass_and_cover_every_clause(path):
    policy = built(path)
    report = policy.run_tests()
    assert report.outcomes, "every corpus file carries hand-computed 测试"
    assert [(o.name, o.failures, o.error) for o in report.failed] == []
    interpreted = policy.run_tests(score=policy.interpreter.score)
    assert interpreted.passed
    assert report.never_fired == ()


# ---------------------------------------------------------- compiled == interpreter


def _value(fact):
    if fact.type == "bool":
        return st.sampled_from(["是", "否"])
    if fact.type == "count":
        lo = int(fact.low) if fact.low is not None else 0
        return st.integers(lo, int(fact.high) if fact.high is not None else lo + 12)
    if fact.type == "percent":
        return st.integers(0, 10000).map(lambda n: D(n) / 100)
    if fact.type in ("points", "number"):
        lo = fact.low if fact.low is not None else D(0)
        hi = fact.high if fact.high is not None else lo + 200
        return st.integers(int(lo * 10), int(hi * 10)).map(lambda n: D(n) / 10)
    if fact.type == "date":
        return st.integers(-20, 40).map(lambda k: date(2024, 1, 10) + timedelta(days=k))
    raise AssertionError(fact.type)


@st.composite
def _unit(draw, policy):
    facts = {f.name: draw(_value(f)) for f in policy.ir.facts}
    averages = {name: draw(st.integers(0, 10000)) / D(100) for name in policy.ir.averages}
    return facts, averages


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_compiled_equals_interpreter_on_random_facts(path, data):
    policy = built(path)
    facts, averages = data.draw(_unit(policy))
    a = policy.module.score(facts, averages)
    b = policy.interpreter.score(facts, averages)
    assert a.to_dict() == b.to_dict()
    assert tuple(a.items) == tuple(b.items)


# ------------------------------------------------------------------------ refused

_HEAD = "细则：拒绝的写法\n年度：2024\n满分：10分\n\n数据：\n"
_FACTS = (
    "  A：是否\n  B：是否\n  C：是否\n  甲次数：次，默认0\n  乙次数：次，默认0\n"
    "  率：百分比\n  里程：公里\n  扣分：分\n  加分：分\n"
)
#: sentence → the code it is refused with (docs/language.md §9.23 and the rules above)
REFUSED = {
    "【甲次数】迟报两次扣1分": "E101",  # each two, or from two on?
    "【A】、【B】扣1分": "E111",  # both missing, or each?
    "【A】、【B】、【C】分别扣1分、2分": "E101",  # amounts and items do not match
    "【甲次数】、【乙次数】每次扣1分，最多扣3分": "E101",  # a cap for each or for all?
    "【率】低于80%、70%的，扣1分": "E101",  # tiers need 分别
    "【率】低于80%、70%的，分别扣1分": "E101",  # one amount for two tiers
    "【率】达到90%的扣1分，每低1个百分点扣1分": "E101",  # the first half must earn
    "【率】达到90%的得10分，每超1个百分点扣1分": "E101",  # a step against the standard
    "【率】与【率】相比，每缺1次扣1分": "E101",  # 与…相比 needs a step verb
    "【甲次数】每增加1次扣1分": "E112",  # 增加 against what?
    "【里程】每少10米扣1分": "E203",  # 米 is not 公里
    "【超限】超过3次、【率】低于82%的，扣1分": "E111",  # each, or once?
    "【A】的，减半扣分": "E101",  # half of what?
    "【甲次数】按完成比例得分": "E202",  # a count is not a rate
    "凡未提供佐证材料的，该项不得分": "E101",  # which item's fact?
}


@pytest.mark.parametrize("sentence", sorted(REFUSED))
def test_unclear_sentences_are_refused(sentence):
    text = _HEAD + _FACTS + "\n(一)甲(10分)\n  - " + sentence + "\n"
    codes = [d.code for d in diagnostics(text) if d.severity == "error"]
    assert REFUSED[sentence] in codes, codes


def test_a_sentence_over_several_facts_is_rendered_once_as_written():
    from xize.compiler.render import render

    text = (CORPUS / "02_lists.rule").read_text("utf-8")
    text = "\n".join(line for line in text.splitlines() if "说明：" not in line)
    document = render(compile_policy(text, filename="t.rule"), "md")
    assert document.count("群众满意率低于90%、80%、70%的，分别扣1分、3分、6分") == 1
    assert "赴省上访批次、赴京上访批次每批次分别扣2分、5分" in document


# ------------------------------------------------- tiers and lists against a model


_TIER_WORDS = {"低于": lambda v, t: v < t, "不足": lambda v, t: v < t, "超过": lambda v, t: v > t}


@settings(max_examples=60, deadline=None)
@given(
    word=st.sampled_from(sorted(_TIER_WORDS)),
    thresholds=st.lists(st.integers(1, 99), min_size=2, max_size=4, unique=True),
    amounts=st.lists(st.integers(1, 9), min_size=4, max_size=4),
    value=st.integers(0, 1000).map(lambda n: D(n) / 10),
)
def test_tiers_take_the_deepest_tier_reached(word, thresholds, amounts, value):
    """低于80%、70%的，分别扣a分、b分: exactly the amount of the deepest tier reached
    (the strictest threshold the value passes), never a sum of tiers."""
    amounts = amounts[: len(thresholds)]
    tiers = "、".join(f"{t}%" for t in thresholds)
    each = "、".join(f"{a}分" for a in amounts)
    text = (
        "细则：分档\n年度：2024\n满分：100分\n\n数据：\n  率：百分比\n\n(一)甲(100分)\n"
        f"  - 【率】{word}{tiers}的，分别扣{each}\n"
    )
    policy = compile_policy(text, filename="t.rule")
    passed = [i for i, t in enumerate(thresholds) if _TIER_WORDS[word](value, D(t))]
    if not passed:
        expected = D(0)
    else:
        strictest = (min if word != "超过" else max)(passed, key=lambda i: thresholds[i])
        expected = D(amounts[strictest])
    for scorer in (policy.score, policy.interpreter.score):
        assert scorer({"率": value}).nodes["(一)"].deduction == expected


@settings(max_examples=40, deadline=None)
@given(a=st.integers(0, 1000), b=st.integers(0, 1000))
def test_a_rule_over_listed_facts_is_the_rule_for_each(a, b):
    """【A率】、【B率】低于85%的，每低1个百分点扣0.5分 = the same rule on A plus on B."""
    head = "细则：列举\n年度：2024\n满分：100分\n\n数据：\n  A率：百分比\n  B率：百分比\n\n"
    listed = compile_policy(
        head + "(一)甲(100分)\n  - 【A率】、【B率】低于85%的，每低1个百分点扣0.5分\n",
        filename="t.rule",
    )
    one_by_one = compile_policy(
        head + "(一)甲(100分)\n  - 【A率】低于85%的，每低1个百分点扣0.5分\n"
        "  - 【B率】低于85%的，每低1个百分点扣0.5分\n",
        filename="t.rule",
    )
    facts = {"A率": D(a) / 10, "B率": D(b) / 10}
    assert listed.score(facts).total == one_by_one.score(facts).total
    assert listed.interpreter.score(facts).total == one_by_one.score(facts).total
