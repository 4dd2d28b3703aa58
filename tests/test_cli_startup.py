"""The commands that check and score a policy do not import what only other
commands use: the importer (half a second to import), the SQL backend and DuckDB.
Each case runs in a fresh interpreter, since this test process has them all loaded."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "policies" / "shuangjie_lianghui_2023.rule"
DATA = ROOT / "policies" / "examples" / "shuangjie_lianghui_2023.csv"
HEAVY = ("xize.compiler.importer", "xize.runtime.batch.sqlbatch", "sqlglot", "duckdb")

_PROBE = """
import json, sys
from xize.runtime.cli.main import cli
try:
    code = cli.main(sys.argv[1:], standalone_mode=False)
except SystemExit as exc:
    code = exc.code
print(json.dumps({"code": code, "loaded": [m for m in %r if m in sys.modules]}))
"""


def _loaded(*args: str) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", _PROBE % (HEAVY,), *args],
        capture_output=True,
        text=True,
        check=False,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize(
    "args",
    [
        ("check", str(SEED)),
        ("score", str(SEED), str(DATA)),
        ("explain", str(SEED), str(DATA), "--unit", "城关镇"),
    ],
    ids=["check", "score", "explain"],
)
def test_checking_and_scoring_load_neither_importer_nor_sql(args):
    got = _loaded(*args)
    assert got["loaded"] == []
    assert got["code"] in (0, 1)


def test_a_tool_command_is_loaded_when_it_runs(tmp_path):
    """`xize sql` still works, now imported on demand, and brings the SQL backend."""
    got = _loaded("sql", str(SEED), "-o", str(tmp_path / "q.sql"))
    assert got["code"] == 0
    assert "sqlglot" in got["loaded"]
    assert "SELECT" in (tmp_path / "q.sql").read_text(encoding="utf-8")
