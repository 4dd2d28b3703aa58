"""`benchmarks/sql_engines.py --no-report` runs end to end on a small file: both engines
print the same lines (the script stops otherwise) and the table and ratio are printed."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_no_report_comparison_runs_and_checks_agreement():
    run = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "sql_engines.py"), "--no-report"]
        + ["--python-rows", "300"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert "both engines print the same lines on 300 rows" in run.stdout
    report = json.loads(run.stdout.strip().splitlines()[-1])
    assert report["no_report"] > 0 and report["rss_mb"] > 0
