"""The SQL backend against the Python engine on a large CSV: rows, engine, wall, CPU,
rows/s, peak RSS — and the numbers checked equal before any time is trusted.

    python benchmarks/sql_engines.py                       # 1M rows DuckDB, 200k rows Python
    python benchmarks/sql_engines.py --rows 10000000 --python-rows 1000000
    python benchmarks/sql_engines.py --spark-rows 1000000  # also Spark local on 1M rows

Each engine runs in its own process (so its CPU time and peak RSS are its own) on the
seed policy `policies/shuangjie_lianghui_2023.rule`:

- python: `xize score POLICY data.csv -o out.csv --jobs 2` (summary, 扣分明细 and 错误 CSV);
- duckdb: the policy's summary and items queries (`xize sql`) over `read_csv(…, all_varchar)`,
  each written with COPY to CSV — embedded DuckDB, no extension;
- spark: the Spark SQL text in PySpark local mode (`local[*]`), summary and items to CSV;
- xize --engine duckdb: `xize score POLICY data.csv -o out.csv --engine duckdb`, the whole
  command (reading, scoring in DuckDB, DuckDB writing the report's lines), on the same
  CSV as the Python engine (`--cli-rows`, default the Python rows), its three CSV files
  checked equal byte for byte to the Python engine's first; its rows/s against the
  Python engine's is the end-to-end ratio.  `--cli-only` runs just these two.

The Python engine is timed on fewer rows than DuckDB when asked (it is the slow one);
the comparison is in rows per second, and the table says which rows each measured.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
POLICY = ROOT / "policies" / "shuangjie_lianghui_2023.rule"
sys.path.insert(0, str(HERE))

from workload import write_csv  # noqa: E402

_DUCKDB = r"""
import json, sys, tempfile, time
import duckdb
from xize.compiler import load_policy
from xize.compiler.backends.sql import compile_sql
policy, data, out, limit = sys.argv[1:5]
ir = load_policy(policy).ir
start = time.perf_counter()
queries = {
    items: compile_sql(ir, "duckdb", items=items, row_column="__row", pretty=False)
    for items in (False, True)
}
built = time.perf_counter() - start
with tempfile.TemporaryDirectory() as spill:
    con = duckdb.connect(config={
        "autoload_known_extensions": False, "autoinstall_known_extensions": False,
        "memory_limit": limit, "temp_directory": spill,
    })
    con.register("raw", con.read_csv(data, header=True, all_varchar=True))
    con.register("facts", con.sql("SELECT *, row_number() OVER () AS __row FROM raw"))
    for items, path in ((False, out), (True, out.replace(".csv", "-明细.csv"))):
        con.sql(queries[items]).write_csv(path, header=True)
    con.close()
print(json.dumps({"build": built, "inside": time.perf_counter() - start}))
"""

_SPARK = r"""
import json, sys, time
from pyspark.sql import SparkSession
from pyspark.sql import functions as F
from xize.compiler import load_policy
from xize.compiler.backends.sql import compile_sql
policy, data, out = sys.argv[1:4]
ir = load_policy(policy).ir
spark = (SparkSession.builder.master("local[*]").config("spark.ui.enabled", "false")
         .config("spark.driver.memory", "2g").getOrCreate())
spark.sparkContext.setLogLevel("ERROR")
start = time.perf_counter()
frame = spark.read.option("header", True).csv(data)
frame.withColumn("__row", F.monotonically_increasing_id()).createOrReplaceTempView("facts")
for items, path in ((False, out), (True, out + "-明细")):
    query = compile_sql(ir, "spark", items=items, row_column="__row", pretty=False)
    spark.sql(query).write.mode("overwrite").option("header", True).csv(path)
print(json.dumps({"inside": time.perf_counter() - start}))
"""


def _tree(pid: int) -> list[int]:
    """The process and its descendants (Linux /proc), e.g. Spark's JVM under Python."""
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        for task in Path(f"/proc/{p}/task").glob("*"):
            try:
                todo += [int(c) for c in (task / "children").read_text().split()]
            except OSError:
                pass
    return out


def _hwm(pid: int) -> int:
    """VmHWM of one process in kB (0 once it is gone)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _run(cmd: list[str], printed: list | None = None) -> tuple[float, float, int, dict]:
    """Wall seconds, CPU seconds (user + system of the child and what it waited for),
    its peak RSS in MB, and the JSON line it printed last.  CPU comes from
    `os.wait4` on this child alone.  The peak is each process's own VmHWM, read
    every 20 ms and added up over the child's process tree (an upper bound: their
    peaks need not coincide); `ru_maxrss` would start from this script's own peak,
    which exec carries into the child's figure.  `printed` gets what it printed."""
    peaks: dict[int, int] = {}
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err)
        while True:
            for pid in _tree(proc.pid):
                peaks[pid] = max(peaks.get(pid, 0), _hwm(pid))
            done, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if done:
                break
            time.sleep(0.02)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        if proc.returncode:
            raise SystemExit(f"{cmd[:3]} failed:\n{err.read().decode(errors='replace')[-3000:]}")
        text = out.read().decode()
        if printed is not None:
            printed.append(text)
        lines = [ln for ln in text.splitlines() if ln.startswith("{")]
    report = json.loads(lines[-1]) if lines else {}
    return wall, usage.ru_utime + usage.ru_stime, sum(peaks.values()) // 1024, report


def _read(paths: list[Path]) -> list[dict]:
    rows: list[dict] = []
    for path in paths:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            rows.extend(csv.DictReader(handle))
    return rows


def _results(summary: list[Path], items: list[Path]) -> tuple[dict, dict]:
    """Per unit: (总分, 等次, 状态) from the summary, and the sorted (行号, 实扣) of its
    扣分明细 rows — what must be equal between engines."""
    totals = {
        r["单位"]: (
            Decimal(r["总分"]) if r["总分"] else None,
            r["等次"] or None,
            r["状态"],
        )
        for r in _read(summary)
    }
    found: dict = {}
    for r in _read(items):
        applied = Decimal(r["实扣"]) if r["实扣"] else None
        found.setdefault(r["单位"], []).append((int(r["行号"]), applied))
    return totals, {unit: sorted(v) for unit, v in found.items()}


def _python(path: Path) -> tuple[dict, dict]:
    return _results([path], [path.with_name(path.stem + "-明细.csv")])


def _spark(folder: Path) -> tuple[dict, dict]:
    items = Path(str(folder) + "-明细")
    return _results(sorted(folder.glob("part-*.csv")), sorted(items.glob("part-*.csv")))


def _agree(name: str, rows: int, got: tuple[dict, dict], want: tuple[dict, dict]) -> bool:
    same = got == want
    units = sum(1 for _ in want[0])
    items = sum(len(v) for v in want[1].values())
    print(
        f"# agreement: {name} == Python on {rows:,} rows ({units:,} units: 总分, 等次, 状态; "
        f"{items:,} 扣分明细 rows: 行号, 实扣): {'yes' if same else 'NO'}"
    )
    return same


def _cli_duckdb(xize: str, tmp: Path, data: Path, rows: int, python_out: Path | None) -> tuple:
    """`xize score --engine duckdb` on `data`: its row of the table, after checking its
    report equals the Python engine's byte for byte (`python_out`, or a run made here)."""
    if python_out is None:
        python_out = tmp / "py-cli.csv"
        _run(
            [
                xize,
                "score",
                str(POLICY),
                str(data),
                "-o",
                str(python_out),
                "--jobs",
                "2",
            ]
        )
    out = tmp / "cli-duckdb.csv"
    wall, cpu, rss, _ = _run(
        [xize, "score", str(POLICY), str(data), "-o", str(out), "--engine", "duckdb"]
    )
    _same_report(out, python_out, rows)
    return (rows, "xize --engine duckdb", wall, cpu, rss)


def _same_report(out: Path, python_out: Path, rows: int) -> None:
    """Assert that the three CSV files of `out` hold the bytes of the Python engine's."""
    for suffix in ("", "-明细", "-错误"):
        mine = out.with_name(f"{out.stem}{suffix}.csv")
        theirs = python_out.with_name(f"{python_out.stem}{suffix}.csv")
        assert _same_bytes(mine, theirs), (
            f"--engine duckdb wrote a different {suffix or '汇总'} CSV"
        )
    print(f"# agreement: xize --engine duckdb == python, byte for byte, on {rows:,} rows")


def _same_bytes(a: Path, b: Path) -> bool:
    """Whether two files hold the same bytes (read in blocks: 10M rows make GBs)."""
    if a.stat().st_size != b.stat().st_size:
        return False
    with open(a, "rb") as one, open(b, "rb") as other:
        while block := one.read(1 << 24):
            if block != other.read(1 << 24):
                return False
    return True


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000, help="rows for DuckDB")
    parser.add_argument("--python-rows", type=int, default=200_000, help="rows for Python")
    parser.add_argument("--spark-rows", type=int, default=0, help="rows for Spark (0: none)")
    parser.add_argument(
        "--cli-rows",
        type=int,
        default=0,
        help="rows for xize --engine duckdb (default: Python's)",
    )
    parser.add_argument(
        "--cli-only",
        action="store_true",
        help="only xize score --jobs 2 against xize score --engine duckdb (on --cli-rows "
        "rows when given: the reports are then compared byte for byte on the Python rows)",
    )
    parser.add_argument(
        "--no-report",
        action="store_true",
        help="both commands without -o (the terminal's counts, grades and ends only): "
        "their printed lines compared on the Python rows, the DuckDB one timed on --cli-rows",
    )
    parser.add_argument(
        "--memory-limit",
        default="600MB",
        help="DuckDB's memory_limit (it spills beyond)",
    )
    args = parser.parse_args()
    print(
        f"# {platform.platform()}, {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.2f}, "
        f"Python {platform.python_version()}"
    )
    xize = str(Path(sys.executable).with_name("xize"))
    table = []
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        args.cli_rows = args.cli_rows or args.python_rows
        if args.cli_only:
            args.rows = args.spark_rows = 0
        sizes = sorted({args.rows, args.python_rows, args.spark_rows, args.cli_rows} - {0})
        data = {n: tmp / f"data-{n}.csv" for n in sizes}
        for n, path in data.items():
            write_csv(path, n)
        if args.no_report:
            _no_report(xize, data, args.python_rows, args.cli_rows)
            return

        def duckdb(n: int, out: Path) -> tuple[float, float, int, dict]:
            cmd = [sys.executable, "-c", _DUCKDB, str(POLICY), str(data[n]), str(out)]
            wall, cpu, rss, report = _run([*cmd, args.memory_limit])
            return wall, cpu, rss, report

        # agreement first: DuckDB and Python on the Python rows, unit by unit
        n = args.python_rows
        py_out, db_out = tmp / "py.csv", tmp / "db.csv"
        wall, cpu, rss, _ = _run(
            [xize, "score", str(POLICY), str(data[n]), "-o", str(py_out), "--jobs", "2"]
        )
        table.append((n, "python --jobs 2", wall, cpu, rss))
        if not args.cli_only:
            python = _python(py_out)
            duckdb(n, db_out)
            ok &= _agree("DuckDB", n, _python(db_out), python)
            if args.rows != n:
                db_out = tmp / "db-big.csv"
            wall, cpu, rss, report = duckdb(args.rows, db_out)
            table.append((args.rows, "duckdb", wall, cpu, rss))
            print(f"# DuckDB: both queries built in {report['build']:.2f} s")
        if args.cli_rows == args.python_rows:
            table.append(_cli_duckdb(xize, tmp, data[n], n, py_out))
        elif args.cli_only:  # equal bytes on the Python rows; timed on the CLI rows
            out = tmp / "cli-duckdb-small.csv"
            _run(
                [
                    xize,
                    "score",
                    str(POLICY),
                    str(data[n]),
                    "-o",
                    str(out),
                    "--engine",
                    "duckdb",
                ]
            )
            _same_report(out, py_out, n)
            out = tmp / "cli-duckdb.csv"
            cmd = [xize, "score", str(POLICY), str(data[args.cli_rows]), "-o", str(out)]
            wall, cpu, rss, _ = _run([*cmd, "--engine", "duckdb"])
            table.append((args.cli_rows, "xize --engine duckdb", wall, cpu, rss))
        else:
            table.append(_cli_duckdb(xize, tmp, data[args.cli_rows], args.cli_rows, None))
        if args.spark_rows:
            n = args.spark_rows
            sp_out = tmp / "spark"
            wall, cpu, rss, _ = _run(
                [sys.executable, "-c", _SPARK, str(POLICY), str(data[n]), str(sp_out)]
            )
            table.append((n, "spark local", wall, cpu, rss))
            if n != args.python_rows:
                ref = tmp / "py-spark.csv"
                _run(
                    [
                        xize,
                        "score",
                        str(POLICY),
                        str(data[n]),
                        "-o",
                        str(ref),
                        "--jobs",
                        "2",
                    ]
                )
                python = _python(ref)
            ok &= _agree("Spark", n, _spark(sp_out), python)
    print()
    print(
        f"{'rows':>12}  {'engine':<20} {'wall s':>8} {'CPU s':>8} {'rows/s':>12} "
        f"{'rows/CPU s':>11} {'RSS MB':>7}"
    )
    for rows, engine, wall, cpu, rss in table:
        print(
            f"{rows:>12,}  {engine:<20} {wall:>8.1f} {cpu:>8.1f} {rows / wall:>12,.0f} "
            f"{rows / cpu if cpu else 0:>11,.0f} {rss:>7}"
        )
    rates = {engine: rows / wall for rows, engine, wall, _, _ in table}
    cpu_rates = {engine: rows / cpu for rows, engine, _, cpu, _ in table if cpu}
    print()
    ratio = None
    if "duckdb" in rates:
        ratio = rates["duckdb"] / rates["python --jobs 2"]
        peak = next(rss for _, engine, _, _, rss in table if engine == "duckdb")
        print(_target("duckdb queries", ratio, peak, args.rows))
    cli = rates["xize --engine duckdb"] / rates["python --jobs 2"]
    cli_peak = next(rss for _, engine, _, _, rss in table if engine == "xize --engine duckdb")
    print(_target("xize --engine duckdb (end to end)", cli, cli_peak, args.cli_rows))
    by_cpu = cpu_rates["xize --engine duckdb"] / cpu_rates["python --jobs 2"]
    print(f"  per CPU second: xize --engine duckdb ÷ python --jobs 2 = {by_cpu:.1f}×")
    print(f"results equal: {'ok' if ok else 'MISSED'}")
    report = {"end_to_end": round(cli, 2), "end_to_end_rss_mb": cli_peak, "equal": ok}
    if ratio is not None:
        report["queries"] = round(ratio, 2)
    print(json.dumps(report))


def _no_report(xize: str, data: dict, python_rows: int, cli_rows: int) -> None:
    """`xize score` without -o on both engines: the same printed lines on the Python
    rows (checked first), then rows, wall, CPU, rows/s and RSS, and the ratio."""
    cmd = [xize, "score", str(POLICY)]
    printed: dict[str, list] = {"python": [], "duckdb": []}
    py = _run([*cmd, str(data[python_rows]), "--jobs", "2"], printed["python"])
    small = _run([*cmd, str(data[python_rows]), "--engine", "duckdb"], printed["duckdb"])
    assert printed["duckdb"] == printed["python"], "the two engines printed different lines"
    print(f"# agreement: both engines print the same lines on {python_rows:,} rows")
    big = (
        small
        if cli_rows == python_rows
        else _run([*cmd, str(data[cli_rows]), "--engine", "duckdb"])
    )
    table = [
        (python_rows, "python --jobs 2", *py[:3]),
        (cli_rows, "xize --engine duckdb", *big[:3]),
    ]
    print(f"{'rows':>12}  {'engine':<20} {'wall s':>8} {'CPU s':>8} {'rows/s':>12} {'RSS MB':>7}")
    for rows, engine, wall, cpu, rss in table:
        print(f"{rows:>12,}  {engine:<20} {wall:>8.1f} {cpu:>8.1f} {rows / wall:>12,.0f} {rss:>7}")
    ratio = (cli_rows / big[0]) / (python_rows / py[0])
    print(_target("xize --engine duckdb, no report (end to end)", ratio, big[2], cli_rows))
    print(json.dumps({"no_report": round(ratio, 2), "rss_mb": big[2]}))


def _target(name: str, ratio: float, peak: int, rows: int) -> str:
    """The 10× and 1 GB targets for one row of the table."""
    speed = "ok" if ratio >= 10 else "MISSED"
    if rows < 10_000_000:
        memory = "not measured at 10M"
    else:
        memory = "ok" if peak < 1000 else "MISSED"
    return (
        f"{name}: rows/s ÷ python --jobs 2 rows/s = {ratio:.1f}× (target ≥ 10×: {speed}); "
        f"peak RSS {peak} MB on {rows:,} rows (target < 1,000 MB on 10M rows: {memory})"
    )


if __name__ == "__main__":
    main()
