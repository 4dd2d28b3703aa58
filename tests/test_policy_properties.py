"""Properties of every bundled policy in `policies/`, over random units.

The hand-built and generated policies elsewhere exercise each clause form; these
properties pin down the real 细则 that users score with: compiled == interpreter,
bounds, the attribution identity, monotonicity in adverse counts, and independence
from the order in which a node's clauses are written.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from xize.compiler import compile_policy, load_policy
from xize.compiler.ir import nodes as ir

ROOT = Path(__file__).resolve().parent.parent
FILES = sorted((ROOT / "policies").glob("*.rule"))
POLICIES = {path.name: load_policy(path) for path in FILES}


def _value(fact, draw):
    """A random but valid value for one fact, in the spellings a clerk would type."""
    if fact.type == "bool":
        return draw(st.sampled_from([True, False, "是", "否", "√", "×", "有", "无"]))
    if fact.type == "count":
        return draw(st.one_of(st.integers(0, 3), st.integers(0, 40), st.just(0)))
    if fact.type == "percent":
        tenths = draw(st.integers(0, 1000))
        text = str(Decimal(tenths) / 10)
        return draw(st.sampled_from([text, text + "%", Decimal(text)]))
    if fact.type == "date":
        return date(2023, 1, 1) + timedelta(days=draw(st.integers(0, 60)))
    low = fact.low if fact.low is not None else Decimal(0)
    high = fact.high if fact.high is not None else Decimal(100)
    steps = int((high - low) * 100)
    return low + Decimal(draw(st.integers(0, max(steps, 0)))) / 100


@st.composite
def units(draw, policy):
    facts = {f.name: _value(f, draw) for f in policy.facts}
    averages = {name: Decimal(draw(st.integers(0, 1000))) / 10 for name in policy.ir.averages}
    return facts, averages


def _adverse_counts(policy) -> list[str]:
    """Count facts that only ever cost points: used in deducting per-unit clauses only."""
    uses: dict[str, set[bool]] = {}
    for node in policy.ir.walk():
        for clause in node.clauses:
            adverse = isinstance(clause, ir.Step) and clause.kind == "deduct"
            for name in clause.inputs:
                uses.setdefault(name, set()).add(adverse)
    counts = {f.name for f in policy.facts if f.type == "count"}
    return sorted(name for name, kinds in uses.items() if name in counts and kinds == {True})


def _comparable(result) -> tuple:
    nodes = {path: (n.points, n.deduction, n.score) for path, n in result.nodes.items()}
    return (
        result.total,
        result.exact_total,
        result.grade,
        result.status,
        sorted(result.labels),
        nodes,
    )


def _identity(result, full_marks: Decimal) -> bool:
    deducted = sum((i.applied for i in result.items if i.kind == "deduct"), Decimal(0))
    added = sum((i.applied for i in result.items if i.kind == "bonus"), Decimal(0))
    return deducted - added == full_marks - result.exact_total


@pytest.mark.parametrize("name", sorted(POLICIES))
@settings(max_examples=60)
@given(data=st.data())
def test_compiled_equals_interpreter(name, data):
    policy = POLICIES[name]
    facts, averages = data.draw(units(policy))
    compiled = policy.score(facts, averages)
    interpreted = policy.interpreter.score(facts, averages)
    assert compiled.to_dict() == interpreted.to_dict()
    assert policy.total(facts, averages) == compiled.total


@pytest.mark.parametrize("name", sorted(POLICIES))
@settings(max_examples=60)
@given(data=st.data())
def test_bounds_and_attribution(name, data):
    policy = POLICIES[name]
    facts, averages = data.draw(units(policy))
    result = policy.score(facts, averages)
    no_floor = {n.path for n in policy.ir.walk() if not n.floor}
    bonus_caps = sum((n.bonus_cap for n in policy.ir.walk() if n.bonus_cap), Decimal(0))
    for path, node in result.nodes.items():
        if node.points is not None and path not in no_floor:
            assert 0 <= node.score <= node.points, (path, node)
    assert 0 <= result.exact_total <= policy.ir.full_marks + bonus_caps
    assert _identity(result, policy.ir.full_marks)


@pytest.mark.parametrize("name", sorted(POLICIES))
@settings(max_examples=40)
@given(data=st.data())
def test_one_more_adverse_count_never_raises_any_node(name, data):
    policy = POLICIES[name]
    adverse = _adverse_counts(policy)
    assert adverse, "every bundled policy has per-unit deductions"
    facts, averages = data.draw(units(policy))
    fact = data.draw(st.sampled_from(adverse))
    worse = {**facts, fact: int(facts[fact]) + 1}
    before, after = policy.score(facts, averages), policy.score(worse, averages)
    assert after.exact_total <= before.exact_total
    for path, node in after.nodes.items():
        old = before.nodes[path]
        if node.score is not None:
            assert node.score <= old.score, (fact, path)
        assert node.deduction >= old.deduction, (fact, path)


def _shuffle_clauses(text: str, rng: random.Random) -> str:
    """Shuffle each run of consecutive `- ` clause lines (one node's clauses)."""
    lines = text.split("\n")
    out: list[str] = []
    run: list[str] = []
    for line in [*lines, None]:
        if line is not None and line.lstrip().startswith("- "):
            run.append(line)
            continue
        rng.shuffle(run)
        out.extend(run)
        run = []
        if line is not None:
            out.append(line)
    return "\n".join(out)


@pytest.mark.parametrize("name", sorted(POLICIES))
@settings(max_examples=8)
@given(seed=st.integers(0, 2**32 - 1), data=st.data())
def test_permuting_clauses_in_the_text_changes_nothing(name, seed, data):
    policy = POLICIES[name]
    text = (ROOT / "policies" / name).read_text("utf-8")
    shuffled = compile_policy(_shuffle_clauses(text, random.Random(seed)), filename=name)
    for _ in range(5):
        facts, averages = data.draw(units(policy))
        assert _comparable(shuffled.score(facts, averages)) == _comparable(
            policy.score(facts, averages)
        )
    assert shuffled.run_tests().failed == policy.run_tests().failed == ()
