"""Running the SQL backend's queries in DuckDB and Spark, and comparing them with the
Python engine's `score_batch` (shared by the differential tests and the benchmark)."""

from __future__ import annotations

from decimal import Decimal

from xize.compiler.backends.sql import compile_sql
from xize.compiler.backends.sql.query import node_column

_QUERIES: dict = {}


def query_for(policy_ir, dialect: str, items: bool) -> str:
    """compile_sql with the row column, remembered per policy (a large policy's
    query takes seconds to build)."""
    key = (policy_ir.source_hash, policy_ir.filename, dialect, items)
    if key not in _QUERIES:
        _QUERIES[key] = compile_sql(policy_ir, dialect, items=items, row_column="行")
    return _QUERIES[key]


def text_rows(policy_ir, rows: list[dict]) -> tuple[list[str], list[tuple]]:
    """Column names (单位, every fact, 行) and rows of text cells (None for absent)."""
    names = ["单位", *[f.name for f in policy_ir.facts], "行"]
    out = []
    for number, row in enumerate(rows, start=1):
        cells = [None if row.get(n) is None else str(row.get(n)) for n in names[:-1]]
        out.append((*cells, number))
    return names, out


def duckdb_results(policy_ir, rows: list[dict], items: bool = False, con=None):
    import duckdb
    import pyarrow as pa

    names, data = text_rows(policy_ir, rows)
    columns = list(zip(*data, strict=True)) if data else [[] for _ in names]
    arrays = [pa.array(list(col), type=pa.string()) for col in columns[:-1]]
    arrays.append(pa.array(list(columns[-1]), type=pa.int64()))
    table = pa.table(arrays, names=names)
    if con is None:
        con = duckdb.connect()
    con.register("facts", table)
    query = query_for(policy_ir, "duckdb", items)
    result = run_in_time(con, query)
    heads = [d[0] for d in result.description]
    return [dict(zip(heads, r, strict=True)) for r in result.fetchall()]


#: Far above the time a usual query takes to plan and run over a handful of rows, far
#: below the minutes of a query shape that defeats DuckDB's optimizer.
RUN_LIMIT = 30.0


def run_in_time(con, query: str):
    """Run `query` with DuckDB's default optimizers, interrupted after RUN_LIMIT as the
    engine's watchdog (`sqlsource.plan_within`) interrupts a planning: a query shape
    that makes DuckDB plan for minutes fails the test that runs it instead of hanging
    it.  (The rows are few: the time is the planning.)"""
    import threading

    import duckdb

    timer = threading.Timer(RUN_LIMIT, con.interrupt)
    timer.start()
    try:
        return con.execute(query)
    except duckdb.InterruptException:
        raise AssertionError(
            f"DuckDB did not plan and run the query within {RUN_LIMIT:g} s"
        ) from None
    finally:
        timer.cancel()


def spark_results(spark, policy_ir, rows: list[dict], items: bool = False):
    from pyspark.sql.types import LongType, StringType, StructField, StructType

    names, data = text_rows(policy_ir, rows)
    schema = StructType(
        [StructField(n, StringType(), True) for n in names[:-1]] + [StructField("行", LongType())]
    )
    spark.createDataFrame(data, schema).createOrReplaceTempView("facts")
    query = query_for(policy_ir, "spark", items)
    return [r.asDict() for r in spark.sql(query).collect()]


def expected_summary(policy_ir, results) -> list[dict]:
    """The Python engine's results in the summary query's columns."""
    out = []
    for number, r in enumerate(results, start=1):
        row = {
            "行": number,
            "单位": r.unit,
            "总分": r.total,
            "等次": r.grade,
            "排名": r.rank,
            "状态": r.status,
            "标签": "、".join(r.labels),
            "错误": None if r.error is None else r.error.message,
        }
        for node in policy_ir.walk():
            rec = r.nodes.get(node.path) if r.error is None else None
            if rec is None:
                value = None
            elif rec.score is not None:
                value = rec.score
            else:
                value = -rec.deduction
            row[node_column(node)] = value
        out.append(row)
    return out


def expected_items(results) -> list[dict]:
    kinds = {"deduct": "扣分", "bonus": "加分", "outcome": "结果"}
    out = []
    for number, r in enumerate(results, start=1):
        for item in r.items:
            out.append(
                {
                    "行": number,
                    "单位": r.unit,
                    "节点": item.path,
                    "行号": item.line,
                    "条款原文": item.text,
                    "类型": kinds[item.kind],
                    "应扣": item.nominal,
                    "实扣": item.applied,
                    "备注": item.note,
                }
            )
    return out


def same(a, b) -> bool:
    """Equal as the report shows them: numbers by value, everything else exactly."""
    if isinstance(a, (Decimal, int)) and isinstance(b, (Decimal, int)) and not isinstance(a, bool):
        return Decimal(a) == Decimal(b)
    return a == b


def differences(expected: list[dict], got: list[dict]) -> list[str]:
    problems = []
    if len(expected) != len(got):
        problems.append(f"{len(expected)} rows expected, {len(got)} got")
    for want, have in zip(expected, got, strict=False):
        for key, value in want.items():
            if not same(value, have.get(key)):
                problems.append(
                    f"row {want.get('行')} {key}: want {value!r}, got {have.get(key)!r}"
                )
    return problems
