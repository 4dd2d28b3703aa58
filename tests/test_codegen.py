"""The generated module: deterministic bytes, standalone (stdlib only, no xize), no
float, policy text kept as data (injection attempts round-trip and run nothing), and
errors inside generated code name the .rule line."""

from __future__ import annotations

import ast
import dataclasses
import subprocess
import sys
import textwrap
import traceback
from decimal import Decimal
from pathlib import Path

import pytest
from irbuild import (
    band,
    cmp,
    deduct,
    disqualify,
    earn,
    fact,
    label,
    node,
    per_unit,
    policy,
    rest,
    seed,
    threshold,
    when,
)
from xize.compiler.api import from_ir
from xize.compiler.backends.python import codegen
from xize.compiler.interpret.engine import Interpreter
from xize.compiler.ir import nodes as ir

D = Decimal

NASTY = [
    "quote\"'",
    '"""triple',
    "'''triple",
    "back\\slash\\",
    "{{ 7*7 }}",
    "{% raw %}",
    "{# c #}",
    "__import__('os').system('echo pwned')",
    "\udcff lone surrogate",
    "line\nbreak\r\u2028sep",
    "\u202etrojan\u2066",
    "#comment",
    "\x00nul",
]


def nasty_policy() -> ir.Policy:
    facts = [fact(f"次数{n}", default=0) for n in NASTY]
    flag = fact("标志" + NASTY[7], "bool", default=False)
    nodes = [
        node(
            f"({i + 1})",
            5,
            dataclasses.replace(per_unit(f"次数{n}", 1), text=f"条款{n}"),
            title=f"标题{n}",
        )
        for i, n in enumerate(NASTY)
    ]
    nodes.append(node("(末)", 1, when(flag.name, label(NASTY[1] + NASTY[7]), disqualify())))
    p = policy(
        *nodes,
        facts=[*facts, flag],
        full=5 * len(NASTY) + 1,
        bands=[band(NASTY[0], 60), rest(NASTY[4])],
        title="细则" + "".join(NASTY),
        filename="evil" + NASTY[7] + NASTY[2] + ".rule",
    )
    return p


# ---------------------------------------------------------------------- determinism


def test_same_ir_same_bytes():
    a = codegen.generate(seed())
    b = codegen.generate(seed())
    assert a == b
    assert a.encode("utf-8") == b.encode("utf-8")
    assert codegen.generate(nasty_policy()) == codegen.generate(nasty_policy())


def test_header_names_title_year_and_hash():
    p = seed()
    source = codegen.generate(p)
    head = ast.get_docstring(ast.parse(source))
    assert p.title in head and "2023" in head and p.source_hash in head


def test_no_float_in_ast():
    for p in (seed(), nasty_policy()):
        tree = ast.parse(codegen.generate(p))
        for n in ast.walk(tree):
            assert not (isinstance(n, ast.Constant) and isinstance(n.value, float))
            assert not (isinstance(n, ast.Name) and n.id == "float")


def test_float_check_refuses_floats():
    with pytest.raises(codegen.CodegenError):
        codegen.check("x = 0.5\n")
    with pytest.raises(codegen.CodegenError):
        codegen.check("x = float('1')\n")


# ---------------------------------------------------------------------- standalone


def _write(tmp_path: Path, p: ir.Policy, name: str = "policy_mod") -> Path:
    path = tmp_path / f"{name}.py"
    path.write_text(codegen.generate(p), encoding="utf-8")
    return path


def test_imports_standalone_with_stdlib_only(tmp_path):
    _write(tmp_path, seed())
    script = textwrap.dedent(
        """
        import sys
        sys.path.insert(0, sys.argv[1])  # -I leaves the current directory off the path
        before = set(sys.modules)
        import policy_mod
        added = set(sys.modules) - before - {"policy_mod"}
        bad = sorted(m for m in added if m.split(".")[0] not in sys.stdlib_module_names)
        assert not bad, bad
        assert not any(m.startswith("xize") for m in sys.modules), "xize imported"
        r = policy_mod.score({"缺会次数": 2, **{f.name: True for f in policy_mod.FACTS
                                              if f.type == "bool"}})
        print(r.total, r.grade, policy_mod.total({"缺会次数": 2, **{f.name: "是" for f in
                                                  policy_mod.FACTS if f.type == "bool"}}))
        """
    )
    out = subprocess.run(
        [sys.executable, "-I", "-c", script, str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["98", "优秀", "98"]


def test_public_surface():
    pol = from_ir(seed())
    m = pol.module
    for name in (
        "POLICY",
        "FACTS",
        "NODES",
        "score",
        "total",
        "score_batch",
        "Result",
        "NodeScore",
        "Item",
        "DataError",
        "InputError",
        "convert",
    ):
        assert name in m.__all__ and hasattr(m, name)
    assert m.POLICY.year == 2023 and m.POLICY.full_marks == 100
    assert m.POLICY.source_hash == seed().source_hash
    assert [f.name for f in m.FACTS][:2] == ["缺会次数", "统计表按时上报"]
    assert m.FACTS[0].default == 0 and m.FACTS[0].unit == "次"
    assert [n.path for n in m.NODES][:3] == ["(一)", "(二)", "(二)1"]
    assert m.NODES[2].parent == "(二)" and m.NODES[2].points == 2
    r = m.score({"缺会次数": 1, **{f.name: True for f in m.FACTS if f.type == "bool"}})
    with pytest.raises(TypeError):
        r.nodes["(一)"] = None
    with pytest.raises(AttributeError):
        r.total = D(0)
    d = r.to_dict()
    assert d["total"] == "99" and d["nodes"]["(一)"]["score"] == "4"
    assert d["items"][0]["inputs"] == {"缺会次数": "1"}


# ------------------------------------------------------------------------ injection


def test_policy_text_round_trips_exactly():
    p = nasty_policy()
    pol = from_ir(p)
    m = pol.module
    assert m.POLICY.title == p.title
    assert m.POLICY.filename == p.filename
    assert [f.name for f in m.FACTS] == [f.name for f in p.facts]
    assert [n.title for n in m.NODES] == [n.title for n in p.walk()]
    assert [b.name for b in m.POLICY.bands] == [b.name for b in p.bands]
    facts = {f.name: 1 for f in p.facts if f.type == "count"}
    facts[p.facts[-1].name] = True
    r = pol.score(facts)
    expected = Interpreter(p).score(facts)
    assert r.to_dict() == expected.to_dict()
    texts = [i.text for i in r.items if i.kind == "deduct"]
    assert texts == [f"条款{n}" for n in NASTY]
    assert r.labels == (NASTY[1] + NASTY[7],)
    assert [i.inputs[0][0] for i in r.items if i.kind == "deduct"] == [f"次数{n}" for n in NASTY]
    assert r.grade is None and r.status == "取消考评资格"


def test_importing_and_scoring_runs_nothing(tmp_path):
    path = _write(tmp_path, nasty_policy(), "evil_mod")
    script = textwrap.dedent(
        """
        import collections, collections.abc, datetime, decimal, numbers, re, sys, types
        source = open(sys.argv[1], encoding="utf-8").read()
        code = compile(source, sys.argv[1], "exec")
        preloaded = set(sys.modules)
        BAD = ("os.system", "subprocess.Popen", "open", "os.exec", "os.posix_spawn",
               "os.spawn", "os.fork", "socket.", "shutil.", "os.remove", "os.rename")
        def hook(event, args):
            if event.startswith(BAD):
                raise RuntimeError(f"audit: {event} {args!r}")
            if event == "import" and args[0] not in preloaded:
                raise RuntimeError(f"audit: import {args[0]}")
        sys.addaudithook(hook)
        namespace = {"__name__": "evil_mod"}
        exec(code, namespace)
        facts = {f.name: 2 for f in namespace["FACTS"] if f.type == "count"}
        r = namespace["score"](facts)
        namespace["score_batch"]([facts, {"x": 1}])
        print("ok", r.total)
        """
    )
    out = subprocess.run(
        [sys.executable, "-I", "-c", script, str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.split()[0] == "ok"


def test_identifiers_are_generated_ascii():
    source = codegen.generate(nasty_policy())
    tree = ast.parse(source)
    for n in ast.walk(tree):
        if isinstance(n, ast.Name | ast.FunctionDef | ast.arg | ast.Attribute):
            name = getattr(n, "id", None) or getattr(n, "name", None) or getattr(n, "arg", None)
            name = name or n.attr
            assert name.isascii(), name
    # the one place policy text sits outside a literal is a comment, escaped
    for line in source.splitlines():
        stripped = line.strip()
        if stripped.startswith("# ── place"):
            assert "\n" not in stripped and "\udcff" not in stripped


def test_module_source_is_ascii_safe_for_any_text():
    source = codegen.generate(nasty_policy())
    source.encode("utf-8")  # no lone surrogate in the text itself
    assert "\x00" not in source and "\u202e" not in source and "\u2028" not in source


# --------------------------------------------------------------------------- errors


def _broken_policy() -> ir.Policy:
    # a comparison of a number with a date: the IR is wrong, the run-time error must
    # still name the .rule line and the clause
    from datetime import date

    return policy(
        node(
            "(一)",
            5,
            when(cmp("数", ">", date(2023, 1, 1)), deduct(1), text="【数】晚于1月1日扣1分"),
        ),
        facts=[fact("数", "number")],
        full=5,
        filename="broken.rule",
    )


@pytest.mark.parametrize("kind", ["compiled", "interpreted"])
def test_unexpected_errors_name_the_rule_line(kind):
    p = _broken_policy()
    s = from_ir(p) if kind == "compiled" else Interpreter(p)
    with pytest.raises(TypeError) as info:
        s.score({"数": 1})
    notes = getattr(info.value, "__notes__", [])
    assert any("broken.rule:11" in n and "【数】晚于1月1日扣1分" in n for n in notes), notes


def test_traceback_shows_generated_lines():
    pol = from_ir(_broken_policy())
    try:
        pol.score({"数": 1})
    except TypeError as exc:
        text = "".join(traceback.format_exception(exc))
    assert codegen.pseudo_filename(pol.ir) in text
    assert "if v0 > _k0:" in text  # the generated line itself, from linecache
    assert "broken.rule:11: 【数】晚于1月1日扣1分" in text


def test_threshold_and_earn_code_is_straight_line():
    p = policy(
        node("(一)", 5, threshold("率", 80, "0.03")),
        node("(二)", 2, when("报", earn(2), otherwise=[deduct(2, zero_node=True)])),
        facts=[fact("率", "percent"), fact("报", "bool")],
        full=7,
    )
    source = codegen.generate(p)
    body = source[source.index("def _compute(") :]
    assert "Interpreter" not in body and "ir." not in body
    assert "if v0 < _k" in body


def test_prelude_names_do_not_clash_with_generated_names():
    prelude_tree = ast.parse(codegen.prelude_text())
    prelude_names = set()
    for n in prelude_tree.body:
        if isinstance(n, ast.FunctionDef | ast.ClassDef):
            prelude_names.add(n.name)
        elif isinstance(n, ast.Assign):
            prelude_names |= {t.id for t in n.targets if isinstance(t, ast.Name)}
    source = codegen.generate(seed())
    policy_part = source[source.index("\n# ====") :]
    generated = set()
    for n in ast.parse(policy_part).body:
        if isinstance(n, ast.FunctionDef):
            generated.add(n.name)
        elif isinstance(n, ast.Assign):
            generated |= {t.id for t in n.targets if isinstance(t, ast.Name)}
    assert generated and not (generated & prelude_names), generated & prelude_names
