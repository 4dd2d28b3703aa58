"""The SQL backend: IR → one query per dialect (DuckDB, Spark SQL, PostgreSQL).

The query reads a facts table (one text column per fact, named as in 数据, and a
unit column 单位) and gives each unit's 总分, 等次, 排名, 状态, 标签 and node scores,
or (`items=True`) its 扣分明细 rows.  It is built as one sqlglot expression tree and
rendered per dialect (`build_query` gives the tree, for a caller that builds on
it, and `render_sql` its text; `clean_columns` the clean test and values a caller
that stores the facts table computes as it stores them); numbers are scaled integers in DECIMAL(38, 0) (see `fixed`),
so no engine's decimal-division or float rules ever touch a score.  Reads only the
IR (plus `source`, `diagnostics` and `support`), like the Python backend.
"""

from .dialects import render as render_sql
from .query import (
    CLEAN_COLUMN,
    DIALECTS,
    SqlUnsupported,
    build_query,
    clean_columns,
    compile_sql,
    value_column,
)

__all__ = [
    "CLEAN_COLUMN",
    "DIALECTS",
    "SqlUnsupported",
    "build_query",
    "clean_columns",
    "compile_sql",
    "render_sql",
    "value_column",
]
