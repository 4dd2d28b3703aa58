"""The code base stays `ruff check` and `ruff format` clean (ruff is a test dependency)."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _ruff(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "ruff", *args], cwd=ROOT, capture_output=True, text=True
    )


def test_ruff_check_is_clean():
    run = _ruff("check", ".")
    assert run.returncode == 0, run.stdout + run.stderr


def test_ruff_format_is_clean():
    run = _ruff("format", "--check", ".")
    assert run.returncode == 0, run.stdout + run.stderr


def _module_constants(path: Path) -> list[str]:
    """The names a module binds at its top level by assignment, in order, repeats kept."""
    import ast

    names: list[str] = []
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        targets = node.targets if isinstance(node, ast.Assign) else []
        if isinstance(node, ast.AnnAssign) and node.value is not None:
            targets = [node.target]
        names += [t.id for t in targets if isinstance(t, ast.Name)]
    return names


def test_no_module_binds_a_constant_twice():
    """A pattern bound twice at a module's top level silently replaces the first for every
    function that reads it — `_AMOUNT` in the hints once turned a list of amounts into
    effects, and a narrower `_PLACE_WORDS` took the place of the one a hint was written for."""
    twice = []
    for folder in ("compiler", "runtime"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            names = [n for n in _module_constants(path) if n.lstrip("_").isupper()]
            twice += [
                f"{path.relative_to(ROOT)}: {n}" for n in sorted(set(names)) if names.count(n) > 1
            ]
    assert twice == []
