"""The benchmark baselines compute what the compiled seed policy computes.

benchmarks/handwritten.py must agree exactly (总分, 等次, node scores, explanation items),
both its Decimal scorer and its integer one (whose Decimals must also read the same:
5, not 5.0); the rule-engine peers (optional extras) must agree to 0.01 when they are
installed.
"""

from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path

import pytest
from xize.compiler import load_policy

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import handwritten  # noqa: E402
import peers  # noqa: E402
import workload  # noqa: E402

SEED = ROOT / "policies" / "shuangjie_lianghui_2023.rule"
UNITS = workload.random_units(300, seed=11)
# every 是否 fact 否 and every count large: each category's budget and the 满分 bind
UNITS.append(
    {
        **dict.fromkeys(handwritten.BOOL_FACTS, False),
        **{name: 7 + i for i, name in enumerate(handwritten.COUNT_FACTS)},
    }
)
TOTALS = [handwritten.total, handwritten.total_int]
SCORES = [handwritten.score, handwritten.score_int]


@pytest.fixture(scope="module")
def policy():
    return load_policy(str(SEED))


def test_every_clause_line_is_found():
    assert all(handwritten.LINE.values())


@pytest.mark.parametrize("total", TOTALS, ids=lambda f: f.__name__)
def test_handwritten_total_agrees(policy, total):
    for unit in UNITS:
        mine = total(unit)
        assert mine == policy.total(unit) == policy.score(unit).total
        assert str(mine) == str(policy.total(unit))


@pytest.mark.parametrize("score", SCORES, ids=lambda f: f.__name__)
def test_handwritten_explanation_agrees(policy, score):
    for unit in UNITS:
        mine = score(unit)
        ref = policy.score(unit)
        assert str(mine.total) == str(ref.total)
        assert mine.grade == ref.grade
        for path, value in mine.nodes.items():
            assert str(ref.nodes[path].score) == str(value), path
        got = sorted((i.path, i.line, str(i.nominal), str(i.applied)) for i in mine.items)
        want = sorted((i.path, i.line, str(i.nominal), str(i.applied)) for i in ref.items)
        assert got == want, unit


@pytest.mark.parametrize("scorer", TOTALS + SCORES, ids=lambda f: f.__name__)
def test_handwritten_rejects_what_xize_rejects(scorer):
    unit = dict(UNITS[0])
    unit["缺会次数 "] = 1
    with pytest.raises(ValueError):
        scorer(unit)
    unit = dict(UNITS[0])
    unit["缺会次数"] = -1
    with pytest.raises(ValueError):
        scorer(unit)


def _agree_to_cent(make, policy):
    total = make()
    for unit in UNITS:
        got = Decimal(str(total(unit))).quantize(Decimal("0.01"))
        assert got == policy.total(unit).quantize(Decimal("0.01")), unit


def test_zen_engine_agrees(policy):
    pytest.importorskip("zen")
    _agree_to_cent(peers.make_zen, policy)


def test_zen_compiled_expression_agrees(policy):
    zen = pytest.importorskip("zen")
    if not hasattr(zen, "compile_expression"):
        pytest.skip("this zen-engine has no compile_expression")
    _agree_to_cent(peers.make_zen_expression, policy)


def test_rule_engine_agrees(policy):
    pytest.importorskip("rule_engine")
    _agree_to_cent(peers.make_rule_engine, policy)
