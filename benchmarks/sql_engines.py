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
  command (reading, scoring in DuckDB, the report), its three CSV files checked equal
  byte for byte to the Python engine's first (`--cli-rows`, default the Python rows).

The Python engine is timed on fewer rows than DuckDB when asked (it is the slow one);
the comparison is in rows per second, and the table says which rows each measured.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import resource
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
import json, sys, time
import duckdb
from xize.compiler import load_policy
from xize.compiler.backends.sql import compile_sql
policy, data, out = sys.argv[1:4]
ir = load_policy(policy).ir
start = time.perf_counter()
con = duckdb.connect(config={"autoload_known_extensions": False, "autoinstall_known_extensions": False})
con.register("raw", con.read_csv(data, header=True, all_varchar=True))
con.register("facts", con.sql("SELECT *, row_number() OVER () AS __row FROM raw"))
for items, path in ((False, out), (True, out.replace('.csv', '-明细.csv'))):
    query = compile_sql(ir, "duckdb", items=items, row_column="__row", pretty=False)
    con.sql(query).write_csv(path, header=True)
print(json.dumps({"inside": time.perf_counter() - start}))
"""

_SPARK = r"""
import json, sys, time
from pyspark.sql import SparkSession
from xize.compiler import load_policy
from xize.compiler.backends.sql import compile_sql
policy, data, out = sys.argv[1:4]
ir = load_policy(policy).ir
spark = (SparkSession.builder.master("local[*]").config("spark.ui.enabled", "false")
         .config("spark.driver.memory", "2g").getOrCreate())
spark.sparkContext.setLogLevel("ERROR")
start = time.perf_counter()
frame = spark.read.option("header", True).csv(data)
from pyspark.sql import functions as F
frame.withColumn("__row", F.monotonically_increasing_id()).createOrReplaceTempView("facts")
query = compile_sql(ir, "spark", row_column="__row", pretty=False)
spark.sql(query).coalesce(1).write.mode("overwrite").option("header", True).csv(out)
print(json.dumps({"inside": time.perf_counter() - start}))
"""


def _run(cmd: list[str]) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds (user + system of the child) and its peak RSS (MB)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, after.ru_maxrss // 1024


def _totals(path: Path, unit: str = "单位", total: str = "总分") -> dict:
    with open(path, encoding="utf-8-sig") as handle:
        return {
            row[unit]: (Decimal(row[total]) if row[total] else None)
            for row in csv.DictReader(handle)
        }


def _spark_totals(folder: Path) -> dict:
    out = {}
    for part in sorted(folder.glob("part-*.csv")):
        out.update(_totals(part))
    return out


def _cli_duckdb(xize: str, tmp: Path, data: Path, rows: int, python_out: Path | None) -> tuple:
    """`xize score --engine duckdb` on `data`: its row of the table, after checking its
    report equals the Python engine's byte for byte (`python_out`, or a run made here)."""
    if python_out is None:
        python_out = tmp / "py-cli.csv"
        _run([xize, "score", str(POLICY), str(data), "-o", str(python_out), "--jobs", "2"])
    out = tmp / "cli-duckdb.csv"
    wall, cpu, rss = _run(
        [xize, "score", str(POLICY), str(data), "-o", str(out), "--engine", "duckdb"]
    )
    for suffix in ("", "-明细", "-错误"):
        mine = out.with_name(f"{out.stem}{suffix}.csv").read_bytes()
        theirs = python_out.with_name(f"{python_out.stem}{suffix}.csv").read_bytes()
        assert mine == theirs, f"--engine duckdb wrote a different {suffix or '汇总'} CSV"
    print(f"# agreement: xize --engine duckdb == python, byte for byte, on {rows:,} rows")
    return (rows, "xize --engine duckdb", wall, cpu, rss)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000, help="rows for DuckDB")
    parser.add_argument("--python-rows", type=int, default=200_000, help="rows for Python")
    parser.add_argument("--spark-rows", type=int, default=0, help="rows for Spark (0: none)")
    parser.add_argument(
        "--cli-rows", type=int, default=0, help="rows for xize --engine duckdb (default: Python's)"
    )
    args = parser.parse_args()
    print(
        f"# {platform.platform()}, {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.2f}, "
        f"Python {platform.python_version()}"
    )
    xize = str(Path(sys.executable).with_name("xize"))
    table = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        args.cli_rows = args.cli_rows or args.python_rows
        sizes = sorted({args.rows, args.python_rows, args.spark_rows, args.cli_rows} - {0})
        data = {n: tmp / f"data-{n}.csv" for n in sizes}
        for n, path in data.items():
            write_csv(path, n)
        # agreement first: DuckDB and Python on the Python rows, total by total
        n = args.python_rows
        py_out, db_out = tmp / "py.csv", tmp / "db.csv"
        wall, cpu, rss = _run(
            [xize, "score", str(POLICY), str(data[n]), "-o", str(py_out), "--jobs", "2"]
        )
        table.append((n, "python --jobs 2", wall, cpu, rss))
        python_totals = _totals(py_out)
        _run([sys.executable, "-c", _DUCKDB, str(POLICY), str(data[n]), str(db_out)])
        assert _totals(db_out) == python_totals, "DuckDB and Python disagree"
        print(f"# agreement: DuckDB == Python on all {n:,} 总分")
        if args.rows != n:
            db_out = tmp / "db-big.csv"
        wall, cpu, rss = _run(
            [sys.executable, "-c", _DUCKDB, str(POLICY), str(data[args.rows]), str(db_out)]
        )
        table.append((args.rows, "duckdb", wall, cpu, rss))
        same_rows = py_out if args.cli_rows == args.python_rows else None
        table.append(_cli_duckdb(xize, tmp, data[args.cli_rows], args.cli_rows, same_rows))
        if args.spark_rows:
            n = args.spark_rows
            sp_out = tmp / "spark"
            wall, cpu, rss = _run(
                [sys.executable, "-c", _SPARK, str(POLICY), str(data[n]), str(sp_out)]
            )
            table.append((n, "spark local", wall, cpu, rss))
            if n != args.python_rows:
                ref = tmp / "py-spark.csv"
                _run([xize, "score", str(POLICY), str(data[n]), "-o", str(ref), "--jobs", "2"])
                python_totals = _totals(ref)
            same = _spark_totals(sp_out) == python_totals
            print(f"# agreement: Spark == Python on all {n:,} 总分: {same}")
    print()
    print(f"{'rows':>12}  {'engine':<20} {'wall s':>8} {'CPU s':>8} {'rows/s':>12} {'RSS MB':>7}")
    for rows, engine, wall, cpu, rss in table:
        print(f"{rows:>12,}  {engine:<20} {wall:>8.1f} {cpu:>8.1f} {rows / wall:>12,.0f} {rss:>7}")
    rates = {engine: rows / wall for rows, engine, wall, _, _ in table}
    ratio = rates["duckdb"] / rates["python --jobs 2"]
    verdict = "ok" if ratio >= 10 else "MISSED"
    print(f"\nduckdb rows/s ÷ python --jobs 2 rows/s = {ratio:.1f}× (target ≥ 10×: {verdict})")
    cli = rates["xize --engine duckdb"] / rates["python --jobs 2"]
    print(f"xize --engine duckdb rows/s ÷ python --jobs 2 rows/s = {cli:.1f}×")
    print(json.dumps({"ratio": round(ratio, 2)}))


if __name__ == "__main__":
    main()
