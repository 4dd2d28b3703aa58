"""Properties over random facts on hand-built IR policies: the compiled module equals
the interpreter (total, nodes, items, grade, status, labels), `total()` equals
`score().total`, scores stay in bounds, adverse counts never raise a total, the
attribution identity holds, and score_batch agrees with score."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Context, Decimal, localcontext

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from irbuild import (
    add,
    all_of,
    allowance,
    any_of,
    avg,
    band,
    bonus,
    cmp,
    deduct,
    disqualify,
    div,
    earn,
    fact,
    judged,
    label,
    late,
    missing,
    mul,
    no,
    node,
    per_unit,
    policy,
    rest,
    seed,
    sub,
    threshold,
    veto,
    when,
    whole,
)
from scorers import identity_holds
from xize.compiler.api import from_ir
from xize.compiler.interpret.engine import Interpreter
from xize.compiler.ir import nodes as ir

D = Decimal
DUE = date(2023, 1, 9)


def mixed() -> ir.Policy:
    return policy(
        node(
            "一",
            None,
            node("(一)", 10, per_unit("缺会", "0.5"), threshold("化解率", 80, "0.03", cap=2)),
            node(
                "(二)",
                6,
                when("报表", earn(2)),
                when("台账", earn(3)),
                when("总结", earn(4)),
                take_max=True,
            ),
            node("(三)", 5, when("报表", earn(2)), when("台账", earn(3)), per_unit("缺会", 1)),
            title="基础工作",
        ),
        node(
            "二",
            20,
            node("1", 8, late("上报日期", DUE, "0.5"), allowance("回流", 3, "0.1"), cap=3),
            node("2", None, missing(["报表", "台账", "总结"], 2), cap=4),
            node("3", 4, when(cmp("参与人数", ">=", 20), deduct("0.2")), per_unit("迟报", "0.01")),
            node("4", 2, per_unit("违纪", 1), floor=False),
            node("5", 5, judged("酌情扣分")),
            node("6", 3, when(None, deduct(mul("平台扣分", 10)))),
            title="业务工作",
        ),
        node(
            "(加)", None, per_unit("表彰", 1, kind="bonus"), when("创新", bonus("0.5")), bonus_cap=2
        ),
        node(
            "三",
            5,
            threshold("受理率", avg("受理率"), "0.02"),
            when(any_of(all_of("事故", no("报表")), cmp("违纪", ">", 5)), veto()),
            when("影响", disqualify(), label("重点管理单位")),
        ),
        facts=[
            fact("缺会", default=0),
            fact("化解率", "percent"),
            fact("报表", "bool"),
            fact("台账", "bool"),
            fact("总结", "bool", default=True),
            fact("上报日期", "date"),
            fact("回流", default=0),
            fact("参与人数", unit="人", default=0),
            fact("迟报", default=0),
            fact("违纪", unit="人", default=0),
            fact("酌情扣分", "points", low=0, high=5, default=D(0)),
            fact("平台扣分", "number", default=D(0)),
            fact("表彰", default=0),
            fact("创新", "bool", default=False),
            fact("受理率", "percent"),
            fact("事故", "bool", default=False),
            fact("影响", "bool", default=False),
        ],
        full=42,
        precision="0.01",
        bands=[band("优秀", 38), band("合格", 30, high=38), rest("不合格")],
    )


def steps() -> ir.Policy:
    return policy(
        node("(一)", 10, per_unit("A", "0.3", step=3, rounding="ratio"), per_unit("B", 1, step=2, rounding="ceil")),
        node("(二)", 10, per_unit(add("A", "B"), "0.25", guard=cmp(add("A", "B"), ">", 4), text="t")),
        node("(三)", 10, when(cmp("C", ">", 0), deduct(div(sub(10, "C"), "C")), otherwise=[deduct(1)], cap=3)),
        node("(四)", 5, when("E", earn(4, full=False)), when(None, earn(mul("C", "0.5")))),
        facts=[fact("A"), fact("B"), fact("C", "number", low=0, high=10), fact("E", "bool")],
        full=35,
    )  # fmt: skip


# seed, whole and whole_exact take the integer path of the generated module (every
# amount whole; whole_exact without 精度 or batch means, so also without a decimal
# context); mixed and steps (0.5分, ÷, 按比例) keep Decimal.
POLICIES = {
    "seed": seed(),
    "mixed": mixed(),
    "steps": steps(),
    "whole": whole(precision="0.01"),
    "whole_exact": whole(averages=False),
}
BUILT = {name: (from_ir(p), Interpreter(p)) for name, p in POLICIES.items()}


# ------------------------------------------------------------------------- strategies


def _spell_count(n: int, unit: str):
    return st.sampled_from([n, str(n), D(n), f"{n}{unit}"])


def value_of(f: ir.Fact):
    if f.type == "bool":
        return st.sampled_from([True, False, "是", "否", "√", "×", "有", "无", 1, 0, "true"])
    if f.type == "count":
        return st.integers(0, 12).flatmap(lambda n: _spell_count(n, f.unit))
    if f.type == "percent":
        return (
            st.integers(0, 10000)
            .map(lambda n: D(n) / 100)
            .flatmap(lambda d: st.sampled_from([d, str(d), f"{d}%"]))
        )
    if f.type == "points":
        lo, hi = int(f.low * 10), int(f.high * 10)
        return st.integers(lo, hi).map(lambda n: D(n) / 10)
    if f.type == "number":
        lo = int((f.low if f.low is not None else D(-5)) * 100)
        hi = int((f.high if f.high is not None else D(5)) * 100)
        return st.integers(lo, hi).map(lambda n: D(n) / 100)
    if f.type == "date":
        return (
            st.integers(-5, 20)
            .map(lambda k: DUE + timedelta(days=k))
            .flatmap(lambda d: st.sampled_from([d, d.isoformat(), f"{d.month}月{d.day}日"]))
        )
    raise AssertionError(f.type)


def facts_for(p: ir.Policy):
    entries = {}
    for f in p.facts:
        strategy = value_of(f)
        if f.default is not None:
            strategy = st.one_of(st.none(), strategy)
        entries[f.name] = strategy
    return st.fixed_dictionaries(entries).map(
        lambda d: {k: v for k, v in d.items() if v is not None}
    )


def averages_for(p: ir.Policy):
    return st.fixed_dictionaries(
        {name: st.integers(0, 10000).map(lambda n: D(n) / 100) for name in p.averages}
    )


@st.composite
def unit(draw, name: str):
    p = POLICIES[name]
    return draw(facts_for(p)), draw(averages_for(p))


# ------------------------------------------------------------------------- properties

NAMES = list(POLICIES)


@pytest.mark.parametrize("name", NAMES)
@settings(max_examples=60)
@given(data=st.data())
def test_compiled_equals_interpreter(name, data):
    facts, averages = data.draw(unit(name))
    compiled, interpreted = BUILT[name]
    a = compiled.score(facts, averages)
    b = interpreted.score(facts, averages)
    assert a.to_dict() == b.to_dict()
    assert tuple(a.items) == tuple(b.items) and a.labels == b.labels
    assert compiled.total(facts, averages) == a.total
    assert interpreted.total(facts, averages) == a.total


@pytest.mark.parametrize("name", NAMES)
@settings(max_examples=60)
@given(data=st.data())
def test_bounds_and_identity(name, data):
    facts, averages = data.draw(unit(name))
    p = POLICIES[name]
    r = BUILT[name][0].score(facts, averages)
    no_floor = {n.path for n in p.walk() if not n.floor}
    for path, record in r.nodes.items():
        assert record.deduction >= 0
        if record.bonus:
            assert 0 <= record.score <= record.points
        elif record.points is not None and path not in no_floor:
            assert 0 <= record.score <= record.points, (path, record)
    for item in r.items:
        assert 0 <= item.applied <= item.nominal <= item.raw or item.kind == "outcome"
    assert identity_holds(r, p.full_marks)
    assert r.exact_total >= 0


ADVERSE = {
    "seed": ["缺会次数", "日报告漏报次数", "赴京非正常初访"],
    "mixed": ["缺会", "回流", "迟报", "违纪"],
}


@pytest.mark.parametrize("name", list(ADVERSE))
@settings(max_examples=40)
@given(data=st.data())
def test_adverse_counts_never_raise_the_total(name, data):
    facts, averages = data.draw(unit(name))
    compiled = BUILT[name][0]
    fact_name = data.draw(st.sampled_from(ADVERSE[name]))
    more = data.draw(st.integers(1, 5))
    base = compiled.convert(facts)[fact_name]
    worse = {**facts, fact_name: int(base) + more}
    assert compiled.total(worse, averages) <= compiled.total(facts, averages)


@pytest.mark.parametrize("name", NAMES)
@settings(max_examples=15)
@given(data=st.data())
def test_batch_agrees_with_score(name, data):
    p = POLICIES[name]
    rows = data.draw(st.lists(facts_for(p), min_size=1, max_size=5))
    compiled, interpreted = BUILT[name]
    batch = compiled.score_batch(rows)
    assert [r.to_dict() for r in batch] == [r.to_dict() for r in interpreted.score_batch(rows)]
    means = {}
    if p.averages:
        # the batch is the units not disqualified (取消考评资格 never reads a mean)
        zeros = dict.fromkeys(p.averages, 0)
        with_values = [
            compiled.convert(row)
            for row in rows
            if compiled.score(row, zeros).status != "取消考评资格"
        ]
        with localcontext(Context(prec=60)):  # as score_batch computes the mean
            for avg_name in p.averages:
                total = sum((v[avg_name] for v in with_values), D(0))
                means[avg_name] = total / len(with_values) if with_values else D(0)
        if not with_values:
            # no unit in the batch: the mean does not exist, and no unit is scored
            # against a made-up one (docs/language.md 12.1)
            assert all(r.status == "数据错误" and r.error is not None for r in batch)
            return
    for row, result in zip(rows, batch, strict=True):
        single = compiled.score(row, means)
        assert result.total == single.total
        assert result.to_dict() | {"rank": None} == single.to_dict() | {"rank": None}
    ranked = [r for r in batch if r.rank is not None]
    for a in ranked:
        for b in ranked:
            if a.vetoed == b.vetoed and a.total > b.total:
                assert a.rank < b.rank
            if not a.vetoed and b.vetoed:
                assert a.rank < b.rank
