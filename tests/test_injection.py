"""Policy text is data: hostile titles, fact names, 说明, labels, test names and fact
descriptions can never become code in the generated module, and they round-trip exactly.

The module is imported in a fresh interpreter under `sys.addaudithook`: any attempt to run
a command, spawn a process, open a socket or a file other than the module itself (and the
standard library), or to exec/eval code from the module's own frames, stops the process.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from decimal import Decimal

import pytest
from xize.compiler import PolicyError, compile_policy

HOSTILE = [
    "a\"b'c",
    "'''三引号'''",
    '"""双三引号"""',
    "反斜杠\\末尾\\",
    "写出来的\\n换行\\r\\t",
    "{{ 7*7 }}模板",
    "{% if true %}块{% endif %}{#注释#}",
    "__import__('os').system('echo pwned')",
    '"""; import os; os.system("echo pwned"); """',
    "\\ud800代理\\udcff",
    "\\x00\\N{BULLET}\\u0041\\U0001F600",
    "'+__import__('os').system('echo pwned')+'",
    "${HOME}$(echo pwned)`echo pwned`",
    "%s%d%(x)s{0}{x!r}",
    "')\n",  # the newline is stripped below: names are one line
]
HOSTILE = [h.rstrip("\n") for h in HOSTILE]
SAFE_LABEL = "重点管理单位"


def _label(s: str) -> str:
    # a `；`/`;` or `，`/`,` inside a clause line ends the clause (LANGUAGE.md §2)
    return SAFE_LABEL if any(c in s for c in ";；,，、") else "列入" + s


def policy_text(s: str) -> str:
    label = _label(s)
    return f"""\
细则：{s}
年度：2023
满分：2分

数据：
  {s}：是否    # {s}
  计数{s}：次，默认0

(一){s}(1分)
  说明：{s}
  - 未【{s}】扣1分，列为{label}
(二)第二项(1分)
  - 【计数{s}】每次扣0.5分

测试 “{s}”：
  【{s}】= 否
  期望 总分 = 1，(一) = 0，标签 = {label}
"""


RUNNER = r"""
import sys, os, json
sys.dont_write_bytecode = True
mod_path = os.path.realpath(sys.argv[1])
mod_dir = os.path.dirname(mod_path)
payload = json.loads(sys.argv[2])
import importlib.util, decimal, datetime, re, collections, collections.abc, types
import dataclasses, functools, itertools, typing, enum, numbers, operator, math, string
STDLIB = tuple({os.path.dirname(os.__file__), sys.prefix, sys.base_prefix,
                sys.exec_prefix, sys.base_exec_prefix})
BAD = ("os.system", "os.exec", "os.posix_spawn", "os.spawn", "os.fork", "os.forkpty",
       "subprocess.", "pty.", "socket.", "ctypes.", "os.kill", "os.remove", "os.unlink",
       "os.rename", "os.rmdir", "os.mkdir", "os.chmod", "os.chown", "os.putenv",
       "os.unsetenv", "shutil.", "os.truncate", "os.symlink", "os.link", "webbrowser.",
       "urllib.", "http.", "ftplib.", "smtplib.", "builtins.input", "sys.settrace",
       "sys.setprofile", "pickle.find_class", "sqlite3.")
BAD_IMPORTS = {"subprocess", "socket", "ctypes", "pty", "shutil", "multiprocessing",
               "urllib.request", "http.client", "webbrowser", "pickle"}
armed = False

def die(msg):
    os.write(2, ("AUDIT VIOLATION: " + msg + "\n").encode("utf-8", "backslashreplace"))
    os._exit(97)

def caller_file():
    f = sys._getframe(1)
    while f is not None and f.f_code is hook.__code__:
        f = f.f_back
    return f.f_code.co_filename if f is not None else ""

def stdlib(fn):
    return fn.startswith(STDLIB) or fn.startswith("<frozen ")

def hook(event, args):
    if not armed or event == "sys._getframe":
        return
    if event.startswith(BAD):
        die(event + " " + repr(args)[:300])
    if event == "import" and args[0] in BAD_IMPORTS:
        die("import " + args[0])
    if event == "open":
        path, mode = args[0], args[1]
        if isinstance(path, int):
            die("open of a file descriptor")
        p = os.path.realpath(os.fsdecode(path))
        if isinstance(mode, str):
            writing = any(c in mode for c in "wax+")
        else:
            flags = args[2] if len(args) > 2 and isinstance(args[2], int) else 0
            writing = bool(flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND))
        ok = p == mod_path or p.startswith(os.path.join(mod_dir, "__pycache__")) or stdlib(p)
        if writing or not ok:
            die("open " + repr(path) + " " + repr(mode))
    if event in ("exec", "compile"):
        fn = caller_file()
        if fn == mod_path or not stdlib(fn):
            die(event + " called from " + fn)

sys.addaudithook(hook)
armed = True
spec = importlib.util.spec_from_file_location("hostile_policy", mod_path)
module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(module)

s = payload["s"]
facts = {s: "否", "计数" + s: 1, "单位": s}
result = module.score(facts)
batch = module.score_batch([facts, dict(facts, 单位=s + "二")])

def strings(obj, depth=0):
    if depth > 6:
        return
    if isinstance(obj, str):
        yield obj
    elif isinstance(obj, dict) or hasattr(obj, "items") and callable(obj.items):
        for k, v in obj.items():
            yield from strings(k, depth + 1)
            yield from strings(v, depth + 1)
    elif hasattr(obj, "_asdict"):
        yield from strings(obj._asdict(), depth + 1)
    elif dataclasses.is_dataclass(obj):
        yield from strings(dataclasses.asdict(obj), depth + 1)
    elif isinstance(obj, (tuple, list, frozenset, set)):
        for x in obj:
            yield from strings(x, depth + 1)

def field(obj, name):
    return obj.get(name) if isinstance(obj, dict) else getattr(obj, name, None)

def listed(coll):
    return list(coll.values()) if isinstance(coll, dict) else list(coll)

out = {
    "policy_title": field(module.POLICY, "title"),
    "policy_filename": field(module.POLICY, "filename"),
    "fact_names": [field(f, "name") for f in listed(module.FACTS)],
    "fact_descriptions": [field(f, "description") for f in listed(module.FACTS)],
    "node_titles": [field(n, "title") for n in listed(module.NODES)],
    "facts_strings": sorted(set(strings(module.FACTS))),
    "nodes_strings": sorted(set(strings(module.NODES))),
    "unit": result.unit,
    "total": str(result.total),
    "labels": list(result.labels),
    "node_title": result.nodes["(一)"].title,
    "node_score": str(result.nodes["(一)"].score),
    "item_inputs": [[name for name, _ in item.inputs] for item in result.items],
    "item_texts": [item.text for item in result.items],
    "batch_units": [r.unit for r in batch],
    "batch_totals": [str(r.total) for r in batch],
    "dict_unit": result.to_dict()["unit"],
}
json.dump(out, sys.stdout, ensure_ascii=True)
"""

SUSPICIOUS_CALLS = {"__import__", "eval", "exec", "compile", "open", "input", "breakpoint"}
SUSPICIOUS_ATTRS = {"system", "popen", "Popen", "spawnv", "execv", "execl", "run", "call"}


def _audit(tmp_path, policy, s: str) -> dict:
    mod = tmp_path / "hostile_policy.py"
    mod.write_text(policy.module_source, encoding="utf-8")
    runner = tmp_path / "runner.py"
    runner.write_text(RUNNER, encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-I", str(runner), str(mod), json.dumps({"s": s})],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
    )
    # the payloads' own text is in the JSON; a command that ran would print a bare "pwned"
    leaked = (proc.stdout + proc.stderr).replace("echo pwned", "")
    assert "pwned" not in leaked, leaked[-2000:]
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(proc.stdout)


def _static_checks(source: str, s: str) -> None:
    tree = ast.parse(source)
    constants = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            constants.add(node.value)
        if isinstance(node, ast.Call):
            f = node.func
            if isinstance(f, ast.Name):
                assert f.id not in SUSPICIOUS_CALLS, (f.id, node.lineno)
            if isinstance(f, ast.Attribute):
                assert f.attr not in SUSPICIOUS_ATTRS, (f.attr, node.lineno)
        if isinstance(node, ast.Import | ast.ImportFrom):
            names = (
                [node.module] if isinstance(node, ast.ImportFrom) else [a.name for a in node.names]
            )
            for name in names:
                assert name and name.split(".")[0] in sys.stdlib_module_names, name
    # the hostile text survives as one exact string constant (not re-parsed, not escaped twice)
    assert any(s in c for c in constants), s


@pytest.mark.parametrize("s", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_names_are_data(tmp_path, s):
    filename = f"evil\"'''{s[:8]}.rule"
    policy = compile_policy(policy_text(s), filename=filename)
    _static_checks(policy.module_source, s)
    out = _audit(tmp_path, policy, s)
    assert out["policy_title"] == s
    assert s in out["fact_names"] and "计数" + s in out["fact_names"]
    assert s in out["fact_descriptions"], out["fact_descriptions"]
    assert s in out["node_titles"], out["node_titles"]
    assert s in out["facts_strings"] and s in out["nodes_strings"]
    assert out["unit"] == s and out["dict_unit"] == s
    assert out["node_title"] == s
    assert Decimal(out["total"]) == Decimal("0.5")
    assert Decimal(out["node_score"]) == 0
    assert out["labels"] == [_label(s)]
    assert [s] in out["item_inputs"] and ["计数" + s] in out["item_inputs"]
    assert any(s in t for t in out["item_texts"])
    assert out["batch_units"] == [s, s + "二"]
    assert [Decimal(t) for t in out["batch_totals"]] == [Decimal("0.5")] * 2
    # the same in-process, through the Policy wrapper and the interpreter
    r = policy.score({s: "否", "计数" + s: 1, "单位": s})
    assert r.unit == s and r.nodes["(一)"].title == s and r.labels == (_label(s),)
    assert policy.ir.title == s and policy.ir.filename == filename
    report = policy.run_tests()
    assert [o.name for o in report.outcomes] == [s]
    assert report.passed, [(o.error, o.failures) for o in report.outcomes]


def test_all_hostile_names_in_one_policy(tmp_path):
    """Many hostile names side by side: no string literal can end early into the next."""
    decls, nodes, facts = [], [], {}
    for i, s in enumerate(HOSTILE, start=1):
        decls.append(f"  {s}：次，默认0    # {s}")
        nodes.append(f"({i}){s}(1分)\n  说明：{s}\n  - 【{s}】每次扣1分")
        facts[s] = 1 if i % 2 else 0
    text = (
        f"细则：{HOSTILE[8]}\n年度：2023\n满分：{len(HOSTILE)}分\n\n数据：\n"
        + "\n".join(decls)
        + "\n\n"
        + "\n".join(nodes)
        + "\n"
    )
    policy = compile_policy(text)
    for s in HOSTILE:
        _static_checks(policy.module_source, s)
    r = policy.score(dict(facts, 单位=HOSTILE[7]))
    assert r.total == len(HOSTILE) - sum(facts.values())
    titles = {n.title for n in r.nodes.values()}
    assert titles == set(HOSTILE)
    mod = tmp_path / "hostile_policy.py"
    mod.write_text(policy.module_source, encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-I", "-c", f"import runpy; runpy.run_path({str(mod)!r})"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "pwned" not in (proc.stdout + proc.stderr).replace("echo pwned", "")


@pytest.mark.parametrize(
    "payload",
    [
        "import os\nos.system('echo pwned')\n",
        "import subprocess\n",
        "open('stolen.txt', 'w').write('x')\n",
        "eval('1 + 1')\n",
        "import socket\nsocket.socket()\n",
    ],
)
def test_the_audit_hook_stops_a_payload(tmp_path, payload):
    """The guard itself works: a module that does any of these is stopped."""
    mod = tmp_path / "hostile_policy.py"
    mod.write_text(payload, encoding="utf-8")
    runner = tmp_path / "runner.py"
    runner.write_text(RUNNER, encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-I", str(runner), str(mod), json.dumps({"s": "x"})],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
    )
    assert proc.returncode == 97, (proc.returncode, proc.stderr[-2000:])
    assert "AUDIT VIOLATION" in proc.stderr
    assert "pwned" not in proc.stdout
    assert not (tmp_path / "stolen.txt").exists()


@pytest.mark.parametrize("where", ["title", "fact", "note", "label"])
def test_lone_surrogates_are_refused_or_kept(where):
    """A lone surrogate (not valid Unicode) must be a PolicyError with a position, or be
    kept exactly; it must never crash the compiler or produce an unencodable module."""
    s = "坏\ud800字\udcff"
    title = s if where == "title" else "正常标题"
    fact = s if where == "fact" else "事项"
    note = s if where == "note" else "说明文字"
    label = s if where == "label" else "重点单位"
    text = (
        f"细则：测试\n年度：2023\n满分：1分\n\n数据：\n  {fact}：是否\n\n"
        f"(一){title}(1分)\n  说明：{note}\n  - 未【{fact}】扣1分，列为{label}\n"
    )
    try:
        policy = compile_policy(text)
    except PolicyError as e:
        assert isinstance(e.line, int) and e.line >= 1
        assert isinstance(e.column, int) and e.column >= 1
        return
    policy.module_source.encode("utf-8")  # must be writable as a file
    r = policy.score({fact: "否"})
    assert r.nodes["(一)"].title == title and r.labels == (label,)
