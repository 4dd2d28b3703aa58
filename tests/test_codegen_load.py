"""Loading a generated module: one parse (the checked tree is what runs), the float
check on compiled code, the compact tables, the garbage-collector pause, the stage
hook the benchmark times, and no module left behind in sys.modules."""

from __future__ import annotations

import gc
import linecache
import pickle
import sys
import types
from decimal import Decimal

import pytest
from irbuild import fact, node, per_unit, policy, seed
from test_codegen import NASTY, nasty_policy
from xize.compiler import compile_policy
from xize.compiler.api import from_ir
from xize.compiler.backends.python import codecheck, codegen, registry
from xize.compiler.backends.python.emit_expr import CodegenError
from xize.compiler.backends.python.emit_table import field, separator, table
from xize.compiler.source.gcpause import paused_gc
from xize.compiler.support import prelude

D = Decimal

RULE = """细则：加载测试
年度：2023
满分：4分

数据：
  指标1：次，默认0
  指标2：是否，默认是

(一)类别1(4分)
  1、评分项1(2分)
    - 【指标1】每缺1次扣0.5分
  2、评分项2(2分)
    - 【指标2】得2分，否则不得分
"""

# ------------------------------------------------------------------ the float check


@pytest.mark.parametrize(
    "source",
    [
        "x = 0.5\n",
        "x = 1 / 2\n",  # folded to 0.5: no float literal in the text
        "x = (1, (2, 0.25))\n",
        "x = frozenset((1.5,))\n",
        "def f():\n    return 2j\n",
        "def f():\n    def g():\n        return 3.0\n    return g\n",
        "x = float('1')\n",
        "def f(float):\n    return float\n",
        "import math\n",
        "from decimal import Decimal\nx = Decimal(1).fromhex\n",
    ],
)
def test_code_check_refuses_floats(source):
    with pytest.raises(CodegenError, match="float"):
        codegen.check(source)


def test_code_check_returns_the_code_of_the_parsed_tree():
    code = codegen.check("x = 1 + 2\n")
    assert isinstance(code, types.CodeType)
    namespace: dict = {}
    exec(code, namespace)
    assert namespace["x"] == 3
    assert codecheck.float_uses(code) == []


def test_generated_code_has_no_float_uses():
    for p in (seed(), nasty_policy()):
        source, code = codegen.generate_code(p)
        assert codecheck.float_uses(code) == []
        assert source == codegen.generate(p)


def test_build_runs_the_tree_ast_parse_checked(monkeypatch):
    """The text is parsed once, by ast.parse, and that tree is what is compiled."""
    parsed = []
    real_parse = codecheck.parse

    def spy(source):
        tree = real_parse(source)
        parsed.append(tree)
        return tree

    monkeypatch.setattr(codecheck, "parse", spy)
    pol = from_ir(seed())
    assert len(parsed) == 1
    assert pol.module.score  # the module ran


# ------------------------------------------------------------------------ the tables


def test_table_round_trips_every_kind_of_value():
    from datetime import date

    rows = [
        (None, True, False, 0, -7, D("1.50"), D("-0"), date(2023, 1, 9), ""),
        *[(n, 1, D("2"), None, False, n, "x", date(2024, 2, 29), n) for n in NASTY],
    ]
    source = table("tuple", rows)
    namespace = dict(vars(prelude))
    back = eval(compile(source, "<table>", "eval"), namespace)
    assert back == tuple(rows)
    for got, want in zip(back, rows, strict=True):
        assert [type(v) for v in got] == [type(v) for v in want]
        assert [str(v) for v in got] == [str(v) for v in want]  # exponents kept


def test_table_separator_avoids_policy_text():
    assert separator(["sa", "i1"]) == "|"
    assert separator(["s|\x1fa", "s\x1e"]) == "\x1d"
    rows = [("a|b\x1fc\x1e\x1d\x1c",)]
    back = eval(table("tuple", rows), dict(vars(prelude)))
    assert back == tuple(rows)


def test_table_refuses_what_is_not_data():
    with pytest.raises(CodegenError):
        field(D("NaN"))
    with pytest.raises(CodegenError):
        field(object())
    with pytest.raises(CodegenError):
        table("tuple", [(1,), (1, 2)])


def test_empty_tables():
    assert eval(table("tuple", []), dict(vars(prelude))) == ()


# ----------------------------------------------------------------------- the gc pause


def test_paused_gc_restores_the_collector_state():
    assert gc.isenabled()
    with paused_gc():
        assert not gc.isenabled()
        with paused_gc():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with paused_gc():
            pass
        assert not gc.isenabled()  # a caller's own pause is kept
    finally:
        gc.enable()
    with pytest.raises(ValueError), paused_gc():
        raise ValueError
    assert gc.isenabled()


def test_compile_policy_reports_its_stages_in_order():
    stages = []
    pol = compile_policy(RULE, stage=stages.append)
    assert stages == ["parse", "check", "lower", "codegen", "py compile+exec"]
    assert pol.total({"指标1": 1}) == D("3.5")
    assert gc.isenabled()


# --------------------------------------------------------------- sys.modules, linecache


def _ours() -> set[str]:
    return {name for name in sys.modules if name.startswith("_xize_policy_")}


def test_compiled_modules_do_not_accumulate():
    gc.collect()
    before_modules, before_registered = _ours(), registry.registered()
    for i in range(20):
        pol = compile_policy(RULE.replace("加载测试", f"加载测试{i}"))
        assert pol.module.__name__ in sys.modules
        assert linecache.getline(pol.module.__file__, 1)
        del pol
    gc.collect()
    assert _ours() == before_modules
    assert registry.registered() == before_registered


def test_records_pickle_while_the_policy_lives_and_lines_go_with_it():
    pol = compile_policy(RULE)
    result = pol.score({"指标1": 2, "指标2": False})
    assert len(result.items) == 2
    back = pickle.loads(pickle.dumps(result._replace(nodes=dict(result.nodes))))
    assert back.items == result.items and type(back) is type(result)
    name, filename = pol.module.__name__, pol.module.__file__
    twin = compile_policy(RULE)  # the same text: the same pseudo filename
    assert twin.module.__file__ == filename
    del pol, result, back
    gc.collect()
    assert name not in sys.modules
    assert linecache.getline(filename, 1)  # the twin still shows its lines
    del twin
    gc.collect()
    assert filename not in linecache.cache


def test_a_module_that_fails_to_run_is_not_left_registered(monkeypatch):
    before = _ours()
    p = policy(node("(一)", 5, per_unit("A", 1)), facts=[fact("A", default=0)], full=5)
    real = codegen.render
    monkeypatch.setattr(codegen, "render", lambda pol, *a: real(pol, *a) + "\nraise RuntimeError\n")
    with pytest.raises(RuntimeError):
        from_ir(p)
    assert _ours() == before


# -------------------------------------------------------------------------- long sums


def test_long_sums_compile_from_the_tree_and_score_as_the_interpreter():
    """Hundreds of top-level items (and of children) sum in chunks: the tree stays
    shallow enough to compile from Python objects, and the additions are the same."""
    from xize.compiler.backends.python.emit import SUM_CHUNK
    from xize.compiler.interpret.engine import Interpreter

    width = 3 * SUM_CHUNK + 5
    facts = [fact(f"A{i}", default=0) for i in range(width)]
    tops = [node(f"({i})", 1, per_unit(f"A{i}", "0.25")) for i in range(width)]
    inner = node("(末)", width, *[per_unit(f"A{i}", "0.5") for i in range(width)], cap=3)
    p = policy(*tops, inner, facts=facts, full=2 * width)
    pol = from_ir(p)
    for unit in ({f"A{i}": i % 3 for i in range(width)}, {f"A{i}": 9 for i in range(width)}):
        got, want = pol.score(unit), Interpreter(p).score(unit)
        assert got.to_dict() == want.to_dict()
        assert pol.total(unit) == want.total
