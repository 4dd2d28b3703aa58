"""The architecture as a test: imports flow down the pipeline, never up or sideways.

Every module of `compiler/` and `runtime/` is read with `ast` (imports inside
functions included) and each import it makes is checked against the table below.
The same checker runs on a fake tree with a deliberate upward import, to show that
it would catch one.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# What each compiler stage may import, besides itself.  `api` (the public door, with
# the package's own __init__) may import every stage.
COMPILER = {
    "source": set(),
    "support": set(),
    "diagnostics": {"source"},
    "syntax": {"source", "diagnostics"},
    "check": {"source", "diagnostics", "syntax"},
    "ir": {"source"},
    "lower": {"source", "diagnostics", "syntax", "check", "ir"},
    # backends/python and backends/sql alike
    "backends": {"source", "diagnostics", "ir", "support"},
    "interpret": {"source", "diagnostics", "ir", "support"},
    "testing": {"source", "diagnostics", "ir", "support", "interpret"},
    "fmt": {"source", "diagnostics", "syntax"},
    "render": {"source", "diagnostics", "syntax", "ir"},
    "diff": {"source", "diagnostics", "ir", "render"},
    "importer": {"source", "diagnostics", "syntax", "check", "ir", "render"},
}
COMPILER_TOP = "api"

# The runtime, bottom to top: each stage may import the ones below it.
RUNTIME_ORDER = ["text", "io", "report", "batch", "output", "cli"]
RUNTIME = {stage: set(RUNTIME_ORDER[:i]) for i, stage in enumerate(RUNTIME_ORDER)}

MAX_MODULES_PER_FOLDER = 15


@dataclass(frozen=True)
class Violation:
    module: str
    line: int
    imported: str
    why: str

    def __str__(self) -> str:
        return f"{self.module}:{self.line} imports {self.imported}: {self.why}"


def modules(root: Path) -> dict[str, Path]:
    """Dotted name → file, for every module under root/compiler and root/runtime."""
    found = {}
    for top in ("compiler", "runtime"):
        for path in sorted((root / top).rglob("*.py")):
            if "__pycache__" in path.parts:
                continue
            parts = list(path.relative_to(root).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts = parts[:-1]
            found[".".join(["xize", *parts])] = path
    return found


def imports_of(name: str, path: Path) -> list[tuple[int, str, list[str]]]:
    """(line, absolute module, names) for every import in a module, relative ones resolved."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                out.append((node.lineno, alias.name, []))
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            names = [a.name for a in node.names]
            if node.level and not node.module:
                # `from . import x`: each name may be a submodule
                for n in names:
                    out.append((node.lineno, f"{target}.{n}", []))
            else:
                out.append((node.lineno, target, names))
    return out


def stage_of(module: str) -> tuple[str, str] | None:
    """('compiler'|'runtime', stage) of an xize module; None outside xize."""
    parts = module.split(".")
    if parts[0] != "xize" or len(parts) < 2 or parts[1] not in ("compiler", "runtime"):
        return None
    if len(parts) == 2 or parts[2] in ("api", "__init__"):
        return parts[1], COMPILER_TOP if parts[1] == "compiler" else "runtime"
    return parts[1], parts[2]


def public_names(root: Path, package: str) -> set[str] | None:
    """The `__all__` of a compiler package's __init__, or None if it has none."""
    init = root.joinpath(*package.split(".")[1:], "__init__.py")
    if not init.exists():
        return None
    for node in ast.parse(init.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets
        ):
            return set(ast.literal_eval(node.value))
    return None


def judge(root: Path, here: tuple[str, str], target: str, names: list[str]) -> str | None:
    """Why an import from a module of stage `here` to `target` is against the table."""
    there = stage_of(target)
    if there is None:
        return None
    side, stage = here
    tside, tstage = there
    if side == "compiler":
        if tside == "runtime":
            return "the compiler never imports the runtime"
        if stage == COMPILER_TOP or tstage == stage:
            return None
        if tstage == COMPILER_TOP:
            return f"stage {stage} imports the public API above it"
        if tstage not in COMPILER.get(stage, set()):
            return f"stage {stage} may not import stage {tstage}"
        return None
    if tside == "runtime":
        if tstage == stage or stage == "runtime" or tstage in RUNTIME[stage]:
            return None
        return f"runtime stage {stage} may not import runtime stage {tstage}"
    if target in ("xize.compiler", "xize.compiler.api"):
        return None
    if len(target.split(".")) != 3:
        return "the runtime imports compiler packages, not their modules"
    allowed = public_names(root, target)
    if allowed is None:
        return "this compiler package has no public names (__all__)"
    hidden = [n for n in names if n not in allowed]
    return f"{', '.join(hidden)} not in the package's __all__" if hidden else None


def check_tree(root: Path) -> list[Violation]:
    """Every import in root/compiler and root/runtime that goes against the tables."""
    violations = []
    for name, path in modules(root).items():
        here = stage_of(name)
        if here is None:
            continue
        for line, target, names in imports_of(name, path):
            why = judge(root, here, target, names)
            if why:
                violations.append(Violation(name, line, target, why))
    return violations


def test_imports_flow_down_the_pipeline():
    violations = check_tree(ROOT)
    assert not violations, "\n".join(map(str, violations))


def test_the_checker_catches_an_upward_import(tmp_path):
    """A fake tree: a syntax module that imports lowering, and a runtime reader that
    reaches into a compiler module and up into the CLI."""
    files = {
        "compiler/__init__.py": '"""x"""\n',
        "compiler/syntax/__init__.py": '"""x"""\n',
        "compiler/syntax/parser.py": "from ..lower import lower\nfrom ..source import text\n",
        "compiler/lower/__init__.py": '"""x"""\n',
        "compiler/lower/lower.py": "from ..syntax import parser\n",
        "compiler/source/__init__.py": '"""x"""\n__all__ = ["display_width"]\n',
        "compiler/source/text.py": "",
        "compiler/ir/__init__.py": '"""x"""\n',
        "compiler/ir/nodes.py": "import xize.runtime.io.readers\n",
        "runtime/__init__.py": '"""x"""\n',
        "runtime/io/__init__.py": '"""x"""\n',
        "runtime/io/readers.py": (
            "from xize.compiler.source.text import normalise\n"
            "from xize.compiler.source import display_width, normalise\n"
            "def f():\n    from ..cli import main\n"
        ),
        "runtime/cli/__init__.py": '"""x"""\n',
        "runtime/cli/main.py": "from ..io import readers\nfrom xize.compiler import load_policy\n",
    }
    for rel, text in files.items():
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    found = {(v.module, v.imported) for v in check_tree(tmp_path)}
    assert found == {
        ("xize.compiler.syntax.parser", "xize.compiler.lower"),
        ("xize.compiler.ir.nodes", "xize.runtime.io.readers"),
        ("xize.runtime.io.readers", "xize.compiler.source.text"),
        ("xize.runtime.io.readers", "xize.compiler.source"),  # normalise is not public
        ("xize.runtime.io.readers", "xize.runtime.cli"),
    }


def folders(top: str) -> list[Path]:
    return sorted(p for p in (ROOT / top).rglob("*") if p.is_dir() and p.name != "__pycache__")


@pytest.mark.parametrize("top", ["compiler", "runtime"])
def test_every_folder_is_a_documented_package_of_a_few_modules(top):
    for folder in [ROOT / top, *folders(top)]:
        if folder.name == "templates":
            continue
        init = folder / "__init__.py"
        assert init.exists(), f"{folder} has no __init__.py"
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
        assert doc and len(doc) > 60, (
            f"{init} needs a docstring: what the stage takes, gives, imports"
        )
        count = len(
            [p for p in folder.glob("*.py") if p.name not in ("__init__.py", "__main__.py")]
        )
        if folder not in (ROOT / "compiler", ROOT / "runtime"):
            assert count <= MAX_MODULES_PER_FOLDER, f"{folder} holds {count} modules"
    # the top folders show only stages (plus the public door)
    loose = sorted(p.name for p in (ROOT / top).glob("*.py") if p.name != "__init__.py")
    assert loose == (["api.py"] if top == "compiler" else [])


def test_every_stage_is_in_the_table():
    stages = {p.name for p in (ROOT / "compiler").iterdir() if (p / "__init__.py").exists()}
    assert stages == set(COMPILER)
    stages = {p.name for p in (ROOT / "runtime").iterdir() if (p / "__init__.py").exists()}
    assert stages == set(RUNTIME_ORDER)


def test_pyproject_lists_every_package():
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    block = re.search(r"^packages = \[(.*?)\]", text, re.S | re.M)
    listed = set(re.findall(r'"([\w.]+)"', block.group(1)))
    on_disk = {
        re.sub(r"\.__init__$", "", ".".join(["xize", *p.relative_to(ROOT).with_suffix("").parts]))
        for top in ("compiler", "runtime", "grammar")
        for p in (ROOT / top).rglob("__init__.py")
    }
    # `xize/` holds only `__main__.py` (`python -m xize`); the package is a namespace
    assert sorted(p.name for p in (ROOT / "xize").iterdir() if p.name != "__pycache__") == [
        "__main__.py"
    ]
    assert listed == on_disk | {"xize"}


def test_test_modules_import_their_helpers_as_ci_runs_them():
    """CI runs plain `pytest`, which puts `tests/` (not the checkout) on the path:
    `from tests.helpers import …` passes under `python -m pytest` and fails there."""
    bad = []
    for path in sorted((ROOT / "tests").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "tests":
                bad.append(f"{path.relative_to(ROOT)}:{node.lineno}")
            if isinstance(node, ast.Import):
                bad += [
                    f"{path.relative_to(ROOT)}:{node.lineno}"
                    for alias in node.names
                    if alias.name.split(".")[0] == "tests"
                ]
    assert not bad, "import helpers by their module name: " + ", ".join(bad)
