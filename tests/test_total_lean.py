"""The generated `total`'s own fast path (backends/python/codegen.py `_fast_read`,
backends/python/emit_total.py).

A plain dict holding exactly the policy's facts, with values that need no conversion,
is read by subscript and tested at once; an integer-path, context-free module then
computes 总分 in a copy of `_compute`'s numbers that drops what only the explanation
reads and folds what the ranges of the values decide.  Whatever the input, `total`
must give what `score(...).total` gives — the same Decimal, digit for digit — or the
same error; and the copy must compute what the original computes.
"""

from __future__ import annotations

import ast
import textwrap
from collections import OrderedDict
from decimal import Decimal
from pathlib import Path

import pytest
from helpers import compiled
from hypothesis import given, note, settings
from hypothesis import strategies as st
from strategies import policy_and_facts, quota_places
from xize.compiler import load_policy
from xize.compiler.backends.python import emit_total

ROOT = Path(__file__).resolve().parent.parent
SEED = load_policy(ROOT / "policies" / "shuangjie_lianghui_2023.rule")
BOOLS = [f.name for f in SEED.ir.facts if f.type == "bool"]
COUNTS = [f.name for f in SEED.ir.facts if f.type == "count"]


def _outcome(fn, *args):
    """repr of the value, or the type and message of the error."""
    try:
        return repr(fn(*args))
    except Exception as exc:  # the same error is part of the contract
        return f"{type(exc).__name__}: {exc}"


def _score_total(module, facts, averages=None, batch=None):
    return module.score(facts, averages, batch).total


def _clean():
    facts = {"单位": "甲县"}
    facts.update({name: True for name in BOOLS})
    facts.update({name: 0 for name in COUNTS})
    return facts


# ------------------------------------------------------------------ the seed policy


def test_the_seed_total_has_its_own_lean_arithmetic():
    source = SEED.module_source
    body = source.split("\ndef total(")[1].split("\ndef ")[0]
    assert "facts['缺会次数']" in body  # read by subscript, not through get
    assert "return total" in body and "_compute(facts, None, (), False)" in body
    # what only the explanation reads is not computed (the missed part of 得2分 …)
    assert "m1_0" not in body and "e1_0" not in body
    # caps that never bind are gone: four earnings of 1+1+1+2 under a node of 5分
    assert "s4 <= 5" not in body


def _hostile():
    clean = _clean()
    yield "clean", clean
    yield "no unit", {k: v for k, v in clean.items() if k != "单位"}
    yield "a count left out (its default)", {k: v for k, v in clean.items() if k != "缺会次数"}
    yield "a yes/no left out", {k: v for k, v in clean.items() if k != BOOLS[0]}
    yield "an unknown key", {**clean, "缺会次次数": 1}
    yield (
        "an unknown key instead of the unit",
        {
            **{k: v for k, v in clean.items() if k != "单位"},
            "单 位": "甲县",
        },
    )
    yield "True as a count", {**clean, "缺会次数": True}
    yield "a negative count", {**clean, "缺会次数": -1}
    yield "a count above the inline test", {**clean, "缺会次数": 10**9}
    yield (
        "counts whose or exceeds the inline test",
        {
            **clean,
            "缺会次数": 2**29,
            "日报告漏报次数": 999999999 - 2**29,
        },
    )
    yield "a count as text", {**clean, "缺会次数": "3"}
    yield "a count as a Decimal", {**clean, "缺会次数": Decimal(3)}
    yield "a count as 2.5", {**clean, "缺会次数": Decimal("2.5")}
    yield "a yes/no as 是", {**clean, BOOLS[0]: "否"}
    yield "a yes/no as 1", {**clean, BOOLS[0]: 1}
    yield "None", {**clean, "缺会次数": None}
    yield "an OrderedDict", OrderedDict(clean)
    yield "many events", {**clean, **{name: 7 for name in COUNTS}}
    yield "nothing done", {**clean, **{name: False for name in BOOLS}}


@pytest.mark.parametrize(("why", "facts"), list(_hostile()), ids=[w for w, _ in _hostile()])
def test_the_seed_total_is_the_score_total_whatever_the_input(why, facts):
    module = SEED.module
    assert _outcome(module.total, facts) == _outcome(_score_total, module, facts), why
    assert _outcome(module.total, facts) == _outcome(SEED.interpreter.total, facts), why


@settings(max_examples=200)
@given(
    bools=st.lists(st.booleans(), min_size=len(BOOLS), max_size=len(BOOLS)),
    counts=st.lists(
        st.one_of(st.integers(0, 3), st.integers(0, 10**9 + 5)),
        min_size=len(COUNTS),
        max_size=len(COUNTS),
    ),
    unit=st.booleans(),
)
def test_the_seed_total_on_typed_units(bools, counts, unit):
    facts = dict(zip(BOOLS, bools, strict=True)) | dict(zip(COUNTS, counts, strict=True))
    if unit:
        facts["单位"] = "乙县"
    module = SEED.module
    expected = module._compute(dict(facts), None, (), False)  # the reference path
    assert repr(module.total(facts)) == repr(expected)
    assert repr(module.total(facts)) == repr(module.score(facts).total)


# ------------------------------------------------------------- generated policies


@settings(max_examples=150)
@given(policy_and_facts(), st.data())
def test_total_is_score_total_on_generated_policies(case, data):
    """Typed values (the fast path where the policy allows it) and spelled ones (是,
    full-width digits, left-out defaults: the converters), with and without the
    integer path: `total` is `score(...).total`, or the same error.  (A unit scored
    alone under 等次 quotas is told its place: `total` needs none, `score` does.)"""
    desc, raw, typed, averages = case
    places = data.draw(quota_places(desc)) or None
    text = desc.render()
    note(text)
    module = compiled(text).module
    for facts in (typed, raw, {**typed, "单位": "丙县"}):
        note(f"facts={facts!r}")
        assert _outcome(module.total, dict(facts), averages or None) == _outcome(
            _score_total, module, dict(facts), averages or None, places
        )


# ------------------------------------------------------------ the copy of the numbers


def _lean(code: str, counts=("v0", "v1"), top=50) -> str:
    lines = textwrap.dedent(code).strip("\n").splitlines()
    body = emit_total.lean_body(lines, frozenset(counts), top)
    assert body is not None
    return body


def test_a_dead_computation_that_may_fail_is_kept():
    body = _lean(
        """
        a = 1
        b = v0 // v1
        c = v0 * 3
        total = a
        """
    )
    assert "v0 // v1" in body  # may raise ZeroDivisionError: the reference path reports it
    assert "v0 * 3" not in body  # cannot fail: dropped


def test_a_cap_decided_by_the_range_of_its_value_is_gone():
    body = _lean(
        """
        e = 0
        if b0:
            e = 2
        x = 2 - (e if e <= 2 else 2)
        n = v0
        total = x + (n if n <= 5 else 5)
        """
    )
    assert "<= 2" not in body and "n <= 5" not in body and "v0 <= 5" in body


def test_a_value_is_not_moved_past_a_new_value_of_what_it_reads():
    code = """
        t = v0 + 1
        a = t * 2
        t = v1
        total = a + t
        """
    body = _lean(code)
    for v0, v1 in [(0, 0), (3, 7), (50, 1)]:
        assert _run(body, v0=v0, v1=v1) == _run(textwrap.dedent(code), v0=v0, v1=v1)


def _run(code: str, **inputs) -> object:
    namespace = dict(inputs)
    exec(compile(ast.parse(code), "<lean>", "exec"), {}, namespace)
    return namespace["total"]


# A random straight-line program of the shapes `_compute` has: assignments of sums,
# differences, products by a literal, comparisons, not, choices and caps, in `if`
# blocks two deep, over two counts (0…50) and two yes/no values.

_NAMES = ("a", "b", "c", "d")


@st.composite
def _expr(draw, names, depth=0):
    leaves = [st.integers(0, 9).map(str), st.sampled_from([*names, "v0", "v1"])]
    leaves.append(st.sampled_from(["(not b0)", "(not b1)"]))
    if depth >= 2:
        return draw(st.one_of(*leaves))
    sub = _expr(names, depth + 1)
    kind = draw(st.integers(0, 6))
    if kind == 0:
        return f"({draw(sub)} + {draw(sub)})"
    if kind == 1:
        return f"({draw(sub)} - {draw(sub)})"
    if kind == 2:
        return f"({draw(st.integers(0, 9))} * {draw(sub)})"
    if kind == 3:
        x, k = draw(sub), draw(st.integers(0, 12))
        return f"({x} if {x} <= {k} else {k})"
    if kind == 4:
        return f"({draw(sub)} if {draw(_cond(names))} else {draw(sub)})"
    return draw(st.one_of(*leaves))


@st.composite
def _cond(draw, names):
    a, b = draw(_expr(names, 2)), draw(_expr(names, 2))
    op = draw(st.sampled_from(["<", "<=", ">", ">=", "=="]))
    return draw(st.sampled_from([f"{a} {op} {b}", "b0", "not b1", f"b0 or {a} > {b}"]))


@st.composite
def _block(draw, depth=0):
    lines = []
    for _ in range(draw(st.integers(1, 4))):
        if depth < 2 and draw(st.integers(0, 3)) == 0:
            lines.append(f"if {draw(_cond(_NAMES))}:")
            lines += ["    " + line for line in draw(_block(depth + 1))]
            if draw(st.booleans()):
                lines.append("else:")
                lines += ["    " + line for line in draw(_block(depth + 1))]
        else:
            lines.append(f"{draw(st.sampled_from(_NAMES))} = {draw(_expr(_NAMES))}")
    return lines


@settings(max_examples=300)
@given(
    body=_block(),
    result=_expr(_NAMES),
    inputs=st.tuples(st.integers(0, 50), st.integers(0, 50), st.booleans(), st.booleans()),
)
def test_the_copy_computes_what_the_original_computes(body, result, inputs):
    code = [f"{name} = {i}" for i, name in enumerate(_NAMES)] + body + [f"total = {result}"]
    original = "\n".join(code)
    note(original)
    lean = emit_total.lean_body(code, frozenset({"v0", "v1"}), 50)
    note(lean)
    v0, v1, b0, b1 = inputs
    assert _run(lean, v0=v0, v1=v1, b0=b0, b1=b1) == _run(original, v0=v0, v1=v1, b0=b0, b1=b1)
