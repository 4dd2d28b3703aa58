"""`Policy.score_table`: a pandas, polars or Arrow table scored in embedded DuckDB.

The table is handed to DuckDB as Arrow (no copy for Arrow input), with the row
number added and a NULL text column for a fact it lacks (the fact's default then
applies, or the row is an error, as in `score_batch`).  No extension is loaded.
"""

from __future__ import annotations

from ...ir import nodes as ir
from ...ir import util as irutil
from .query import compile_sql

ROW = "__xize_row__"


def as_arrow(table):
    """A pyarrow Table from Arrow, pandas or polars input."""
    import pyarrow as pa

    if isinstance(table, pa.Table):
        return table
    if isinstance(table, pa.RecordBatch):
        return pa.Table.from_batches([table])
    to_arrow = getattr(table, "to_arrow", None)  # polars
    if callable(to_arrow):
        return to_arrow()
    if type(table).__module__.startswith("pandas"):
        return pa.Table.from_pandas(table, preserve_index=False)
    raise TypeError(
        f"score_table needs a pyarrow, pandas or polars table, not {type(table).__name__}"
    )


def score_table(policy: ir.Policy, table, items: bool = False):
    import duckdb
    import pyarrow as pa

    arrow = as_arrow(table)
    names = set(arrow.column_names)
    for name in [irutil.UNIT_KEY, *(f.name for f in policy.facts)]:
        if name not in names:
            arrow = arrow.append_column(name, pa.nulls(arrow.num_rows, type=pa.string()))
    arrow = arrow.append_column(ROW, pa.array(range(1, arrow.num_rows + 1), type=pa.int64()))
    query = compile_sql(policy, "duckdb", table="facts", items=items, row_column=ROW, pretty=False)
    con = duckdb.connect(
        config={"autoinstall_known_extensions": False, "autoload_known_extensions": False}
    )
    try:
        con.register("facts", arrow)
        result = con.sql(query)
        fetch = getattr(result, "to_arrow_table", None) or result.fetch_arrow_table  # 2.x, 1.x
        return fetch()
    finally:
        con.close()
