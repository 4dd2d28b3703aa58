"""The benchmark baselines compute what the compiled seed policy computes.

benchmarks/handwritten.py must agree exactly (总分, 等次, node scores, explanation items);
the rule-engine peers (optional extras) must agree to 0.01 when they are installed.
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


@pytest.fixture(scope="module")
def policy():
    return load_policy(str(SEED))


def test_every_clause_line_is_found():
    assert all(handwritten.LINE.values())


def test_handwritten_total_agrees(policy):
    for unit in UNITS:
        assert handwritten.total(unit) == policy.total(unit) == policy.score(unit).total


def test_handwritten_explanation_agrees(policy):
    for unit in UNITS:
        mine = handwritten.score(unit)
        ref = policy.score(unit)
        assert mine.total == ref.total
        assert mine.grade == ref.grade
        for path, value in mine.nodes.items():
            assert ref.nodes[path].score == value, path
        got = sorted((i.path, i.line, i.nominal, i.applied) for i in mine.items)
        want = sorted((i.path, i.line, i.nominal, i.applied) for i in ref.items)
        assert got == want, unit


def test_handwritten_rejects_what_xize_rejects():
    unit = dict(UNITS[0])
    unit["缺会次数 "] = 1
    with pytest.raises(ValueError):
        handwritten.total(unit)
    unit = dict(UNITS[0])
    unit["缺会次数"] = -1
    with pytest.raises(ValueError):
        handwritten.score(unit)


def _agree_to_cent(make, policy):
    total = make()
    for unit in UNITS:
        got = Decimal(str(total(unit))).quantize(Decimal("0.01"))
        assert got == policy.total(unit).quantize(Decimal("0.01")), unit


def test_zen_engine_agrees(policy):
    pytest.importorskip("zen")
    _agree_to_cent(peers.make_zen, policy)


def test_rule_engine_agrees(policy):
    pytest.importorskip("rule_engine")
    _agree_to_cent(peers.make_rule_engine, policy)
