"""The integer path of the generated module (backends/python/intpath.py).

A policy whose every amount is whole is scored in Python ints; its results must be the
very objects the Decimal module gives — same values, same Decimal exponents, so the
same text in every output — and the path must be taken exactly where that holds: the
seed policy takes it, a policy with 0.5分, a quotient or a batch mean in an amount does
not.  Each module here is compared with the same policy compiled with the integer path
forced off (the module as generated before the path existed).
"""

from __future__ import annotations

import types
from datetime import date, timedelta
from decimal import ROUND_FLOOR, Context, Decimal, Inexact, Rounded, localcontext
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from irbuild import (
    add,
    avg,
    cmp,
    deduct,
    div,
    fact,
    mul,
    node,
    per_unit,
    policy,
    when,
    whole,
)
from xize.compiler import load_policy
from xize.compiler.backends.python import codegen, intpath
from xize.compiler.backends.python.emit import CodegenError

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "policies" / "shuangjie_lianghui_2023.rule"
BUNDLED = sorted((ROOT / "policies").glob("*.rule"))
D = Decimal


def _module(p, integers=None) -> types.ModuleType:
    source, code = codegen.generate_code(p, integers=integers)
    module = types.ModuleType("xize_intpath_test")
    exec(code, module.__dict__)
    return module


def _pair(p):
    """(the module as generated, the same with the integer path forced off)."""
    return _module(p), _module(p, integers=False)


# --------------------------------------------------------------- where the path is taken


def test_the_seed_policy_takes_the_integer_path():
    seed = load_policy(SEED)
    assert intpath.eligible(seed.ir)
    assert intpath.context_free(seed.ir)  # no 精度, no batch values: no decimal context
    assert seed.module._INTEGERS is True
    source = seed.module_source
    assert "_k0 * v0" not in source and "n0_0 = v0" in source  # 每缺1次扣1分 on an int count
    functions = source.split("\ndef score(")[1].split("\ndef score_batch(")[0]  # score, total
    assert "_setcontext" not in functions


def _one(clause, facts, **kw):
    return policy(node("(一)", 10, clause), facts=facts, full=10, **kw)


COUNT = fact("A", default=0)
RATE = fact("R", "percent")


@pytest.mark.parametrize(
    ("why", "p"),
    [
        (
            "a quotient (not terminating for A = 1)",
            _one(when(None, deduct(div(10, add("A", 2)))), [COUNT]),
        ),
        ("a fractional amount", _one(per_unit("A", "0.5"), [COUNT])),
        ("an amount written 2.0", _one(per_unit("A", "2.0"), [COUNT])),
        ("an amount from a percentage", _one(when(None, deduct(div("R", 10))), [RATE])),
        ("a batch mean in the amount", _one(when(None, deduct(avg("A"))), [COUNT])),
        ("按比例 rounding", _one(per_unit("A", 1, step=3, rounding="ratio"), [COUNT])),
        ("a product of two inputs", _one(when(None, deduct(mul("A", "A"))), [COUNT])),
    ],
    ids=lambda x: x if isinstance(x, str) else "",
)
def test_unbounded_decimals_keep_the_decimal_module(why, p):
    assert not intpath.eligible(p), why
    module = _module(p)
    assert module._INTEGERS is False
    with pytest.raises(CodegenError):
        codegen.generate(p, integers=True)


def test_a_mean_in_a_condition_keeps_ints_but_switches_context():
    p = _one(when(cmp("A", "<", avg("A")), deduct(2)), [COUNT])
    assert intpath.eligible(p) and not intpath.context_free(p)
    p = _one(per_unit("A", 2), [COUNT], precision="0.5")
    assert intpath.eligible(p) and not intpath.context_free(p)  # 精度 rounds in Decimal


def test_the_second_bundled_policy_is_decided_by_its_amounts():
    for path in BUNDLED:
        p = load_policy(path)
        amounts_whole = intpath.eligible(p.ir)
        assert p.module._INTEGERS is amounts_whole


# ------------------------------------------------------------ byte-identical results


def _value(f, draw):
    if f.type == "bool":
        return draw(st.sampled_from([True, False, "是", "否"]))
    if f.type == "count":
        return draw(st.one_of(st.integers(0, 3), st.integers(0, 40), st.sampled_from(["2", D(3)])))
    if f.type == "percent":
        return draw(st.integers(0, 1000).map(lambda n: D(n) / 10))
    if f.type == "date":
        return draw(st.integers(-5, 30).map(lambda k: date(2023, 1, 9) + timedelta(days=k)))
    raise AssertionError(f.type)


def _facts(p, draw):
    return {f.name: _value(f, draw) for f in p.facts}


def _averages(p, draw):
    return {name: D(draw(st.integers(0, 1000))) / 10 for name in p.averages} or None


def _same(a, b):
    """Identical results: equal, and the same text — repr shows each Decimal's digits
    and exponent (Decimal('5') is not Decimal('5.0')), to_dict what every output prints."""
    assert repr(a) == repr(b)
    assert a.to_dict() == b.to_dict()
    assert tuple(type(i.applied) for i in a.items) == tuple(type(i.applied) for i in b.items)


CASES = {
    "seed": load_policy(SEED).ir,
    "whole": whole(precision="0.01"),
    "whole_exact": whole(averages=False),
    "whole_rounded_to_1": whole(precision="1"),
}
MODULES = {name: _pair(p) for name, p in CASES.items()}


@pytest.mark.parametrize("name", sorted(CASES))
@settings(max_examples=80)
@given(data=st.data())
def test_integer_module_gives_the_decimal_modules_results_byte_for_byte(name, data):
    p = CASES[name]
    fast, slow = MODULES[name]
    assert fast._INTEGERS and not slow._INTEGERS
    facts, averages = _facts(p, data.draw), _averages(p, data.draw)
    _same(fast.score(facts, averages), slow.score(facts, averages))
    total = fast.total(facts, averages)
    assert repr(total) == repr(slow.total(facts, averages))
    rows = [facts, _facts(p, data.draw), {**facts, "缺会": "很多"} if "缺会" in facts else {}]
    for a, b in zip(fast.score_batch(rows), slow.score_batch(rows), strict=True):
        _same(a, b)


@settings(max_examples=40)
@given(data=st.data())
def test_a_context_free_module_ignores_the_callers_decimal_context(data):
    """Scores are exact whatever decimal context the caller has set: a context-free
    module does no Decimal arithmetic, so three digits and trapped rounding change
    nothing."""
    p = CASES["whole_exact"]
    fast, slow = MODULES["whole_exact"]
    assert intpath.context_free(p)
    facts = _facts(p, data.draw)
    expected = slow.score(facts)
    hostile = Context(prec=3, rounding=ROUND_FLOOR, traps=[Inexact, Rounded])
    with localcontext(hostile):
        got = fast.score(facts)
        total = fast.total(facts)
    _same(got, expected)
    assert repr(total) == repr(expected.total)


@pytest.mark.parametrize("count", [999_999_999, 1_000_000_000, 2**62, 10**30 - 1, 10**30])
def test_counts_beyond_the_inline_test_read_as_the_converter_reads_them(count):
    """The module tests a count inline only up to 999999999; larger ones go through the
    converter, which takes them up to 10**30 − 1 (and refuses more), as the
    interpreter does."""
    seed = load_policy(SEED)
    facts = {f.name: True for f in seed.facts if f.type == "bool"}
    facts["缺会次数"] = count
    try:
        expected = seed.interpreter.score(facts).to_dict()
    except ValueError as error:  # the same message from the module
        with pytest.raises(ValueError) as refused:
            seed.score(facts)
        assert str(refused.value) == str(error) and count >= 10**30
        return
    assert seed.score(facts).to_dict() == expected
    assert expected["items"][0]["inputs"] == {"缺会次数": str(count)}
