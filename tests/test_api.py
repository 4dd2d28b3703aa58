"""The compiler API: loading files, wrapping the module, errors."""

from __future__ import annotations

import importlib
import linecache
import sys
from decimal import Decimal

import pytest
from irbuild import fact, node, per_unit, policy, seed
from xize.compiler import InputError, PolicyError, XizeError, load_policy
from xize.compiler.api import Policy, from_ir


def _has_pipeline() -> bool:
    try:
        importlib.import_module("xize.compiler.parser")
        importlib.import_module("xize.compiler.check")
        importlib.import_module("xize.compiler.lower")
    except ImportError:
        return False
    return True


HAS_PARSER = _has_pipeline()


def test_undecodable_file_is_e108_at_the_bad_byte(tmp_path):
    path = tmp_path / "bad.rule"
    path.write_bytes("细则：测试\n年度：2023\n满分：\xff".encode().replace(b"\xc3\xbf", b"\xff"))
    with pytest.raises(PolicyError) as info:
        load_policy(path)
    err = info.value
    assert err.code == "E108" and (err.line, err.column) == (3, 4)
    assert "0xFF" in err.message and str(path) in str(err)
    assert isinstance(err, XizeError)


def test_bad_byte_column_counts_code_points(tmp_path):
    path = tmp_path / "bad2.rule"
    path.write_bytes("一二三".encode() + b"\x80" + b"\n")
    with pytest.raises(PolicyError) as info:
        load_policy(path)
    assert (info.value.line, info.value.column) == (1, 4)


@pytest.mark.skipif(not HAS_PARSER, reason="the parser is not available")
def test_bom_is_accepted(tmp_path):
    source = "细则：BOM测试\n年度：2023\n满分：5分\n\n(一)会议(5分)\n  - 【缺会次数】每缺1次扣1分\n"
    plain = tmp_path / "plain.rule"
    bom = tmp_path / "bom.rule"
    plain.write_text(source, encoding="utf-8")
    bom.write_bytes(b"\xef\xbb\xbf" + source.encode("utf-8"))
    a, b = load_policy(plain), load_policy(bom)
    assert a.score({"缺会次数": 2}).total == b.score({"缺会次数": 2}).total == 3
    assert a.ir.source_hash == b.ir.source_hash


def test_policy_wraps_module_input_errors():
    pol = from_ir(seed())
    assert isinstance(pol, Policy)
    with pytest.raises(InputError) as info:
        pol.score({"缺会次数": "x"})
    assert info.value.fact == "缺会次数" and info.value.value == "x"
    assert isinstance(info.value.__cause__, pol.module.InputError)
    with pytest.raises(InputError):
        pol.total({"缺会次数": -2})
    with pytest.raises(InputError):
        pol.convert({"不存在": 1})


def test_policy_surface():
    p = policy(node("(一)", 5, per_unit("A", 1)), facts=[fact("A", default=0)], full=5)
    pol = from_ir(p)
    assert pol.ir is p and pol.facts == pol.module.FACTS and pol.nodes == pol.module.NODES
    assert pol.convert({"A": "2"}) == {"A": Decimal(2)}
    assert (
        pol.score({"A": 2}).total
        == pol.total({"A": 2})
        == pol.interpreter.score({"A": 2}).total
        == 3
    )
    assert [r.total for r in pol.score_batch([{"A": 1}, {"A": "?"}])] == [4, None]
    assert pol.module.__name__ in sys.modules
    filename = pol.module.__file__
    assert linecache.getline(filename, 1).startswith('"""')
    assert pol.module_source.splitlines()[0] == linecache.getline(filename, 1).rstrip("\n")
    assert pol.run_tests().passed  # no tests: nothing fails
    assert pol.diagnostics == ()
